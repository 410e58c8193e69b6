package zhnorm

import "unsafe"

// A Plan is what a Target does with one document: what it detected, the
// Traditional standard it took the document to follow, and the OpenCC
// configs it converts with. A Plan converts other text the same way
// (String), so that the fields of one page or record convert alike.
type Plan struct {
	Detection Detection
	// Standard is the standard the conversion assumes for Traditional
	// (or mixed) text: Detection.Standard when Detect named one, else the
	// likeliest (StandardTaiwan without any evidence). It is
	// StandardUnknown when the text is not taken as Traditional.
	Standard Standard
	// Configs names the OpenCC configs applied, in order: none when the
	// text is in the target already.
	Configs []string

	convs  []*Converter
	quotes *quoteMarks
}

// String returns s converted as the plan says: by its configs, then its
// quotation marks.
func (p Plan) String(s string) string {
	owned := false
	for _, c := range p.convs {
		out := c.Convert(s)
		// Convert returns its input, or a string it has just allocated.
		owned = owned || unsafe.StringData(out) != unsafe.StringData(s)
		s = out
	}
	if p.quotes != nil {
		s = p.quotes.convert(s, owned && s != "")
	}
	return s
}

// Plan returns how the Target converts text: Detect on all of it.
func (t *Target) Plan(text string) Plan {
	d := Detect(text)
	return t.plan(d, &d.Evidence)
}

// String returns s converted to the target (see Plan).
func (t *Target) String(s string) string { return t.Plan(s).String(s) }

// Bytes returns b converted to the target, in a new slice.
func (t *Target) Bytes(b []byte) []byte {
	s := bytesString(b) // read only; the conversion copies
	return []byte(t.Plan(s).String(s))
}

// plan decides from d, with ev the evidence for the standard (d's own, or
// more).
func (t *Target) plan(d Detection, ev *Evidence) Plan {
	p := Plan{Detection: d, quotes: t.quotes}
	src := fromNone
	switch d.Script {
	case Simplified:
		src = fromSimplified
	case Mixed:
		if t.kind != toHans {
			src = fromSimplified
			break
		}
		fallthrough
	case Traditional, Undetermined:
		if t.kind != toHans && d.Script == Undetermined {
			break
		}
		p.Standard = d.Standard
		if p.Standard == StandardUnknown {
			p.Standard = StandardTaiwan
			if ev.Regional > 0 {
				p.Standard, _ = ev.Likeliest()
			}
		}
		src = fromTaiwan
		switch p.Standard {
		case StandardOpenCC:
			src = fromOpenCC
		case StandardHongKong:
			src = fromHongKong
		}
	}
	p.convs = t.plans[src]
	for _, c := range p.convs {
		p.Configs = append(p.Configs, c.Name())
	}
	return p
}

// A Series converts the documents of one source in turn, such as the
// records of a JSON Lines file: each is detected on its own, but where a
// document does not name its Traditional standard, the evidence of the
// documents before it in the series counts too. A Series is not safe for
// concurrent use.
type Series struct {
	t    *Target
	seen Evidence
}

// Series returns a new Series of documents to convert to t's target.
func (t *Target) Series() *Series { return &Series{t: t} }

// Plan returns how the next document of the series converts, and adds its
// evidence to the series.
func (s *Series) Plan(doc string) Plan {
	d := Detect(doc)
	s.seen.merge(&d.Evidence)
	if d.Standard != StandardUnknown {
		return s.t.plan(d, &d.Evidence)
	}
	return s.t.plan(d, &s.seen)
}

// String converts the next document of the series.
func (s *Series) String(doc string) string { return s.Plan(doc).String(doc) }

// merge adds the evidence of o to ev.
func (ev *Evidence) merge(o *Evidence) {
	ev.Han += o.Han
	ev.Simplified += o.Simplified
	ev.Traditional += o.Traditional
	ev.Regional += o.Regional
	ev.OpenCC += o.OpenCC
	ev.Taiwan += o.Taiwan
	ev.HongKong += o.HongKong
	for i := range ev.byMask {
		ev.byMask[i] += o.byMask[i]
	}
}
