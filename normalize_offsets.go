package zhnorm

import (
	"strings"
	"unicode/utf8"
)

// The Normalizer's offset map. It is recorded only when asked for: the
// document and the line processor hold a nil pointer otherwise, and test
// it where they write.
//
// A line's map comes from the line processor, which writes its output
// through keep (aligned) and change (whole): what a change writes, up to
// the next keep or change, is one whole piece, unless it is one character
// for one of the same length. A rule that rewrites a character already
// written together with what follows (a reading removed after its
// character, a doubled mark, a combining mark composed with the character
// before) takes that character back into its piece. The passes over a
// line compose with Then.
//
// The document's map is recorded in two steps that a composer joins as
// they settle: the lines step maps the input to the lines text, each line's
// output followed by "\n" for its line break; the layout step maps the lines
// text to the output, where blank lines collapse into one, a held line
// waits for the next and Unwrap joins them.

// StringMapped returns s normalized, as String does, and the map of the
// output's byte offsets to s's.
func (n *Normalizer) StringMapped(s string) (string, *OffsetMap) {
	var d document
	d.init(&n.cfg, false)
	m := new(OffsetMap)
	b := stringBytes(s)
	k := d.spanAll(b)
	m.add(k, k, true)
	if k == len(b) {
		return s, m
	}
	d.rec = new(docMap)
	out := make([]byte, 0, len(s)+len(s)/8+16)
	out = append(out, s[:k]...)
	out = d.normalizeRest(out, b[k:])
	d.rec.drain(m, len(out)-k)
	return bytesString(out), m
}

// FieldMapped is Field, with the map of its result to s (see StringMapped).
func (n *Normalizer) FieldMapped(s string) (string, *OffsetMap) {
	out, m := n.StringMapped(s)
	if !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, "\r") && strings.HasSuffix(out, "\n") {
		// The line break ends the last piece: take the piece back and map
		// what it held without the break.
		in, o := m.trimEnd(1)
		m.add(in, o-1, false)
		out = out[:len(out)-1]
	}
	return out, m
}

// TransformMapped is Transform that also appends to m the pieces of the map
// of its output to its input, continuing the pieces the earlier calls of
// the stream appended. The Normalizer holds input back (the unfinished
// line, a line Unwrap may join) and output that did not fit dst, so after
// a call the pieces appended cover a prefix of the input consumed and of
// the output written; once the stream ends (atEOF and a nil error) they
// cover all of both. The map is the one StringMapped gives for the whole
// input, however it is chunked.
//
// A stream's map starts at its first call, or the last Reset: a stream
// should be transformed with TransformMapped from its start, and not also
// with Span, whose input it does not cover.
func (n *Normalizer) TransformMapped(dst, src []byte, atEOF bool, m *OffsetMap) (nDst, nSrc int, err error) {
	s := &n.stream
	if s.doc.rec == nil {
		s.doc.rec = new(docMap)
	}
	nDst, nSrc, err = s.transform(&n.cfg, dst, src, atEOF)
	s.written += nDst
	s.doc.rec.settle(false)
	s.doc.rec.drain(m, s.written)
	return nDst, nSrc, err
}

// lineMap records the map of one pass over a line.
type lineMap struct {
	m        OffsetMap
	src, out int  // m covers src[:src] → the line's output[:out]
	join     bool // the next change's piece takes in what retract took back
}

// outLen returns the length of the line's output so far.
func (p *lineProc) outLen() int {
	if p.dirty {
		return len(p.out) - p.base
	}
	return p.kept
}

// mapTo records the map up to src[i], before a keep or change there: what
// was written since the last record came from src[lm.src:i], as one whole
// piece. While nothing has changed, all of it is aligned.
func (p *lineProc) mapTo(i int) {
	lm := p.lm
	if lm.join {
		lm.join = false
		return
	}
	if !p.dirty {
		lm.m.add(i-lm.src, i-lm.src, true)
		lm.src, lm.out = i, i
		return
	}
	o := p.outLen()
	lm.m.add(i-lm.src, o-lm.out, p.oneForOne(lm.src, i, lm.out, o))
	lm.src, lm.out = i, o
}

// oneForOne reports whether src[i:j] and the line's output[k:l] are one
// character each, of the same length: such a piece is aligned, as the
// Converter's one-character conversions are.
func (p *lineProc) oneForOne(i, j, k, l int) bool {
	if j-i != l-k || j == i {
		return false
	}
	_, n := utf8.DecodeRune(p.src[i:j])
	_, m := utf8.DecodeRune(p.out[p.base+k : p.base+l])
	return n == j-i && m == l-k
}

// mapKeep records src[i:j] kept as it is; it is called before the copy.
func (p *lineProc) mapKeep(i, j int) {
	p.mapTo(i)
	p.lm.m.add(j-i, j-i, true)
	p.lm.src, p.lm.out = j, p.lm.out+j-i
}

// retract takes the last n bytes of output recorded, with the input they
// came from, into the piece that the next change starts.
func (p *lineProc) retract(n int) {
	lm := p.lm
	in, out := lm.m.trimEnd(n)
	lm.src -= in
	lm.out -= out
	lm.join = true
}

// joinPrev makes the change at src[i] that follows map together with the
// character written just before it, p.prev, when the line's output ends
// with it: a reading removed after its character, a doubled mark removed
// after the first. A character written by an earlier piece of a long line
// is not this line's to take back.
func (p *lineProc) joinPrev(i int) {
	if p.lm == nil {
		return
	}
	p.mapTo(i)
	var buf [utf8.UTFMax]byte
	enc := buf[:utf8.EncodeRune(buf[:], p.prev)]
	if tail := p.outTail(); p.prev > 0 && len(tail) >= len(enc) && string(tail[len(tail)-len(enc):]) == string(enc) {
		p.retract(len(enc))
	}
}

// docMap records the map of a document.
type docMap struct {
	comp    composer  // lines step (a) then layout step (b)
	settled OffsetMap // scratch for what the composer settles
	ready   []pieceLen
	drained int // output covered by the pieces given to callers

	// The map of the line being normalized, over its passes, and the
	// recorder of a pass.
	line OffsetMap
	pass lineMap
	// lineBreak is the length of the input line break after the line
	// being normalized.
	lineBreak int

	// The layout step's pieces that wait: the held line's (lines text →
	// held bytes), its line break in the lines text (0 or 1 byte), the
	// removed lines text after it, and the lines text of pending blank
	// lines.
	held    []pieceLen
	heldNL  int
	after   []pieceLen
	blankIn int
}

// startPass returns the recorder for a pass over a line.
func (r *docMap) startPass() *lineMap {
	r.pass.m.Reset()
	r.pass.src, r.pass.out, r.pass.join = 0, 0, false
	return &r.pass
}

// endPass records the end of a pass: the first makes the line's map, the
// others compose with it.
func (r *docMap) endPass(p *lineProc, first bool) {
	p.mapTo(len(p.src))
	if first {
		r.line.Reset()
		r.line.Append(&r.pass.m)
		return
	}
	r.line = *r.line.Then(&r.pass.m)
}

// unchanged records a line that no pass changed.
func (r *docMap) unchanged(n int) {
	r.line.Reset()
	r.line.add(n, n, true)
}

// lineDone gives the line's map, and its line break, to the lines step.
func (r *docMap) lineDone(terminated bool) {
	r.comp.a = pushMap(r.comp.a, &r.line)
	if terminated {
		r.comp.a = pushPiece(r.comp.a, pieceLen{r.lineBreak, 1, r.lineBreak != 1})
	}
	r.lineBreak = 0
}

// write gives layout pieces that are written now.
func (r *docMap) write(ps ...pieceLen) {
	for _, p := range ps {
		r.comp.b = pushPiece(r.comp.b, p)
	}
}

// text is n bytes of the lines text written as they are; nl is 1 when a
// line break of the lines text follows them, written as "\n".
func (r *docMap) text(n, nl int) {
	r.write(pieceLen{n, n, false}, pieceLen{nl, 1, nl != 1})
}

// drop records n bytes of the lines text that the output leaves out, in
// order after what waits.
func (r *docMap) drop(n int, d *document) {
	switch {
	case d.blank:
		r.blankIn += n
	case d.holding:
		r.after = pushPiece(r.after, pieceLen{n, 0, true})
	default:
		r.write(pieceLen{n, 0, true})
	}
}

// hold starts a held line of n bytes of the lines text.
func (r *docMap) hold(n, nl int) {
	r.held = append(r.held[:0], pieceLen{n, n, false})
	r.heldNL = nl
	r.after = r.after[:0]
}

// flushHeld writes the held line and a line break.
func (r *docMap) flushHeld() {
	for _, p := range r.held {
		r.write(p)
	}
	r.write(pieceLen{r.heldNL, 1, r.heldNL != 1})
	for _, p := range r.after {
		r.write(p)
	}
	r.held, r.after = r.held[:0], r.after[:0]
}

// blankLine writes the line break that stands for the pending blank lines,
// or drops them.
func (r *docMap) blankLine(write bool) {
	if write {
		r.write(pieceLen{r.blankIn, 1, r.blankIn != 1})
	} else {
		r.write(pieceLen{r.blankIn, 0, true})
	}
	r.blankIn = 0
}

// joined records Unwrap's join of the held line with n bytes of the lines
// text: the held line's line break and what was dropped after it go, and
// the joined line's map, r.line, maps the rest.
func (r *docMap) joined(n, nl int) {
	var m OffsetMap
	for _, p := range r.held {
		m.add(p.in, p.out, !p.whole)
	}
	m.add(r.heldNL, 0, false)
	for _, p := range r.after {
		m.add(p.in, p.out, !p.whole)
	}
	m.add(n, n, true)
	r.held = pushMap(r.held[:0], m.Then(&r.line))
	r.heldNL = nl
	r.after = r.after[:0]
}

// settle composes what has settled; at the end of the document, all.
func (r *docMap) settle(end bool) {
	if end {
		r.comp.aEnd, r.comp.bEnd = true, true
	}
	r.settled.Reset()
	if !r.comp.compose(&r.settled) {
		// The two steps are recorded from the same text, so this is a
		// bug; the rest maps as a whole rather than wrongly.
		r.settled.add(midLen(r.comp.a, pieceIn), midLen(r.comp.b, pieceOut), false)
		r.comp.a, r.comp.b = r.comp.a[:0], r.comp.b[:0]
	}
	r.ready = pushMap(r.ready, &r.settled)
}

// drain appends to m the settled pieces whose output lies within the first
// written bytes of output, splitting an aligned piece at written.
func (r *docMap) drain(m *OffsetMap, written int) {
	k := 0
	for ; k < len(r.ready) && r.drained < written; k++ {
		p := r.ready[k]
		if r.drained+p.out > written {
			if p.whole {
				break
			}
			d := written - r.drained
			m.add(d, d, true)
			r.ready[k].in -= d
			r.ready[k].out -= d
			r.drained += d
			break
		}
		m.add(p.in, p.out, !p.whole)
		r.drained += p.out
	}
	// Pieces with no output at the end go with what comes before.
	for k < len(r.ready) && r.ready[k].out == 0 && r.drained == written {
		m.add(r.ready[k].in, 0, false)
		k++
	}
	r.ready = r.ready[:copy(r.ready, r.ready[k:])]
}
