package zhnorm

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// document holds what the normalizer remembers between lines: whether
// content has started, a pending blank line, the line held back for the
// Unwrap rule, the context at the end of a piece of a long line, and the
// report. String and friends keep one on the stack; a streaming Normalizer
// keeps one in its stream.
type document struct {
	cfg       *config
	reporting bool
	report    report
	lineNo    int // lines of input begun

	started   bool // a content line has been written
	blank     bool // a blank line is due before the next content line
	holding   bool // held is a line that Unwrap may still join
	held      []byte
	partial   bool // part of an unfinished long line has been written
	inPieces  bool // the current line is being normalized in pieces
	piecePrev rune // context at the end of the last piece

	lineBuf, scratch, joinBuf, joinOut []byte
	lineSus                            []Suspect
	lineKept                           int // spaces the final pass over the line kept between Chinese characters

	rec *docMap // records the offset map; nil unless asked for
}

// maxPasses bounds the passes over one line. One pass normally suffices; a
// second is needed where a rule's result lets another rule act (a decoded
// &amp;lt; is a reference again). The output of the last pass is checked
// and passes repeat until it is stable.
const maxPasses = 8

// streamBuffer bounds the unprocessed input a stream holds.
const streamBuffer = MaxLineLength + 4096

func (d *document) init(cfg *config, reporting bool) {
	lb, sc, jb, jo, hb, ls := d.lineBuf[:0], d.scratch[:0], d.joinBuf[:0], d.joinOut[:0], d.held[:0], d.lineSus[:0]
	*d = document{cfg: cfg, reporting: reporting, lineBuf: lb, scratch: sc, joinBuf: jb, joinOut: jo, held: hb, lineSus: ls}
}

func (d *document) on(r Rule) bool { return d.cfg.on.has(r) }

func (d *document) count(r Rule) {
	d.report.counts[r]++
}

// normalize returns raw normalized as one line, or as a piece of one when
// !last, starting in context prev. It returns raw itself when unchanged.
// The suspects of the final pass are left in d.lineSus.
func (d *document) normalize(raw []byte, prev rune, last bool) ([]byte, rune) {
	p := newLineProc(d, d.cfg, raw, d.lineBuf[:0], false, prev)
	if d.rec != nil {
		p.lm = d.rec.startPass()
	}
	p.run(last)
	d.absorb(&p)
	if !p.dirty {
		if d.rec != nil {
			d.rec.unchanged(len(raw))
		}
		return raw, p.prev
	}
	if d.rec != nil {
		d.rec.endPass(&p, true)
	}
	buf, end := p.out, p.prev
	for pass := 1; pass < maxPasses; pass++ {
		p = newLineProc(d, d.cfg, buf, nil, true, prev)
		p.run(last)
		d.absorb(&p)
		if !p.stop {
			end = p.prev
			break
		}
		d.scratch = append(d.scratch[:0], buf...)
		p = newLineProc(d, d.cfg, d.scratch, buf[:0], false, prev)
		if d.rec != nil {
			p.lm = d.rec.startPass()
		}
		p.run(last)
		d.absorb(&p)
		buf, end = p.out, p.prev
		if !p.dirty {
			buf = append(buf[:0], d.scratch...)
		} else if d.rec != nil {
			d.rec.endPass(&p, false)
		}
	}
	d.lineBuf = buf
	return buf, end
}

// absorb takes the counts and suspects of a pass. The suspects of the last
// pass over a line are the line's.
func (d *document) absorb(p *lineProc) {
	if !p.dry {
		for k, n := range p.counts {
			d.report.counts[k] += n
		}
		d.report.spacesRemoved += p.spaceRemoved
	}
	d.lineSus = p.sus
	d.lineKept = p.spaceKept
}

// stable reports whether raw is a normalized line, leaving its suspects in
// d.lineSus. It allocates nothing unless reporting suspects.
func (d *document) stable(raw []byte) bool {
	p := newLineProc(d, d.cfg, raw, nil, true, 0)
	p.run(true)
	d.absorb(&p)
	return !p.stop
}

func (d *document) commitSuspects() {
	if d.reporting && len(d.lineSus) > 0 {
		d.report.add(d.lineSus)
	}
	d.report.spacesKept += d.lineKept
	d.lineSus, d.lineKept = d.lineSus[:0], 0
}

// lineEnd finds the end of the line at the start of b: the line is b[:k]
// and the next starts at b[adv]. ok is false when b holds no complete line
// and more input may follow.
func lineEnd(b []byte, eof, crlf bool) (k, adv int, ok bool) {
	k = bytes.IndexByte(b, '\n')
	if crlf {
		lim := k
		if lim < 0 {
			lim = len(b)
		}
		if r := bytes.IndexByte(b[:lim], '\r'); r >= 0 {
			switch {
			case r+1 < len(b) && b[r+1] == '\n':
				return r, r + 2, true
			case r+1 < len(b) || eof:
				return r, r + 1, true
			}
			return 0, 0, false // a CR at the end: an LF may follow
		}
	}
	switch {
	case k >= 0:
		return k, k + 1, true
	case eof:
		return len(b), len(b), true
	}
	return 0, 0, false
}

// pieceCut chooses where to cut a line longer than MaxLineLength, given its
// first MaxLineLength+1 bytes: between two Chinese-context characters if
// there are such within the last 4 KiB, else between two characters that
// are not spaces or the start of markup, else at a character boundary. The
// cut depends on these bytes alone, so every chunking of the input cuts the
// same.
func pieceCut(b []byte) int {
	max := MaxLineLength
	for c := max; c > max-4096; c-- {
		if !utf8.RuneStart(b[c]) {
			continue
		}
		before, _ := utf8.DecodeLastRune(b[:c])
		after, _ := utf8.DecodeRune(b[c:])
		if isCJK(before) && isCJK(after) {
			return c
		}
	}
	for c := max; c > max-4096; c-- {
		if !utf8.RuneStart(b[c]) {
			continue
		}
		before, _ := utf8.DecodeLastRune(b[:c])
		after, _ := utf8.DecodeRune(b[c:])
		if !isSpace(before) && !isSpace(after) && after != '&' && after != '<' && after != '(' && before < 0xC0 {
			return c
		}
	}
	c := max
	for c > 1 && !utf8.RuneStart(b[c]) {
		c--
	}
	return c
}

// consume normalizes the next line, or piece of a long line, at the start
// of b, appending the output to out. It returns how much of b it used, or
// 0 when b holds no complete line and more input may follow.
func (d *document) consume(out, b []byte, eof bool) ([]byte, int) {
	k, adv, ok := lineEnd(b, eof, d.on(Encoding))
	if !ok && len(b) <= MaxLineLength {
		return out, 0
	}
	if !ok || k > MaxLineLength {
		cut := pieceCut(b)
		return d.piece(out, b[:cut]), cut
	}
	if adv > k && b[k] == '\r' {
		d.count(Encoding)
	}
	if d.rec != nil {
		d.rec.lineBreak = adv - k
	}
	return d.line(out, b[:k], adv > k), adv
}

// line normalizes the complete line raw, or the last piece of a long line.
func (d *document) line(out, raw []byte, terminated bool) []byte {
	prev := rune(0)
	if d.inPieces {
		prev = d.piecePrev
	} else {
		d.lineNo++
	}
	res, _ := d.normalize(raw, prev, true)
	d.commitSuspects()
	d.inPieces = false
	if d.rec != nil {
		d.rec.lineDone(terminated)
	}
	return d.emit(out, res, true, terminated)
}

// piece normalizes a piece of a line longer than MaxLineLength.
func (d *document) piece(out, raw []byte) []byte {
	prev := rune(0)
	if d.inPieces {
		prev = d.piecePrev
	} else {
		d.lineNo++
		d.inPieces = true
	}
	res, end := d.normalize(raw, prev, false)
	d.piecePrev = end
	d.commitSuspects()
	if d.rec != nil {
		d.rec.lineDone(false)
	}
	return d.emit(out, res, false, false)
}

// emit writes the normalized output of a line or piece. It can hold line
// breaks, made by <br> and block ends.
func (d *document) emit(out, res []byte, last, terminated bool) []byte {
	broke := false
	for {
		k := bytes.IndexByte(res, '\n')
		if k < 0 {
			break
		}
		out = d.endLine(out, res[:k], true)
		res = res[k+1:]
		broke = true
	}
	if !last {
		return d.openLine(out, res)
	}
	if broke && len(res) == 0 && !d.partial && d.on(Whitespace) {
		if d.rec != nil && terminated {
			d.rec.drop(1, d) // the line break after it goes
		}
		return out // the line ended with a break
	}
	return d.endLine(out, res, terminated)
}

// endLine writes a complete output line s.
// The line break of the lines text after s, which the offset map
// records, is there when terminated.
func (d *document) endLine(out, s []byte, terminated bool) []byte {
	nl := 0
	if terminated {
		nl = 1
	}
	if !d.on(Whitespace) {
		out = append(out, s...)
		if terminated {
			out = append(out, '\n')
		}
		if d.rec != nil {
			d.rec.write(pieceLen{len(s), len(s), false}, pieceLen{nl, nl, false})
		}
		d.partial = false
		return out
	}
	if d.partial {
		d.partial = false
		out = append(out, s...)
		if d.rec != nil {
			d.rec.text(len(s), nl)
		}
		return append(out, '\n')
	}
	if len(s) == 0 {
		if d.started {
			d.blank = true
		}
		if d.rec != nil {
			d.rec.drop(nl, d)
		}
		return out
	}
	if d.on(Unwrap) {
		if d.holding {
			if !d.blank && joinable(d.held, s) && len(d.held)+len(s) <= MaxLineLength {
				d.join(s)
				if d.rec != nil {
					d.rec.joined(len(s), nl)
				}
				return out
			}
			out = d.flushHeld(out)
		}
		out = d.beforeContent(out)
		d.held = append(d.held[:0], s...)
		d.holding = true
		if d.rec != nil {
			d.rec.hold(len(s), nl)
		}
		return out
	}
	out = d.beforeContent(out)
	out = append(out, s...)
	if d.rec != nil {
		d.rec.text(len(s), nl)
	}
	return append(out, '\n')
}

// openLine writes the start of a line that continues in the next piece.
func (d *document) openLine(out, s []byte) []byte {
	if len(s) == 0 && !d.partial {
		return out
	}
	if !d.partial && d.on(Whitespace) {
		out = d.flushHeld(out)
		out = d.beforeContent(out)
	}
	d.partial = true
	if d.rec != nil {
		d.rec.write(pieceLen{len(s), len(s), false})
	}
	return append(out, s...)
}

func (d *document) beforeContent(out []byte) []byte {
	if d.blank {
		out = append(out, '\n')
		d.blank = false
		if d.rec != nil {
			d.rec.blankLine(true)
		}
	}
	d.started = true
	return out
}

func (d *document) flushHeld(out []byte) []byte {
	if d.holding {
		out = append(out, d.held...)
		out = append(out, '\n')
		d.holding = false
		if d.rec != nil {
			d.rec.flushHeld()
		}
	}
	return out
}

// joinable reports whether Unwrap joins line a with the next line b: a ends
// with a Chinese-context character that does not end a sentence and b
// starts with one.
func joinable(a, b []byte) bool {
	last, _ := utf8.DecodeLastRune(a)
	first, _ := utf8.DecodeRune(b)
	return isCJK(last) && !isSentenceEnd(last) && isCJK(first)
}

// join appends s to the held line and normalizes the whole again, so that
// rules see across the join.
func (d *document) join(s []byte) {
	d.joinBuf = append(append(d.joinBuf[:0], d.held...), s...)
	// The caller is still reading the line's output from d.lineBuf: the
	// joined line is normalized into a buffer of its own.
	reporting, lineBuf := d.reporting, d.lineBuf
	d.reporting, d.lineBuf = false, d.joinOut
	res, _ := d.normalize(d.joinBuf, 0, true)
	d.reporting, d.joinOut, d.lineBuf = reporting, d.lineBuf, lineBuf
	d.lineSus, d.lineKept = d.lineSus[:0], 0
	d.held = append(d.held[:0], res...)
	d.count(Unwrap)
}

// finish writes what the end of the input releases.
func (d *document) finish(out []byte) []byte {
	if d.partial {
		// With Whitespace on, the line ends with "\n" all the same; with
		// it off, nothing ends it.
		out = d.endLine(out, nil, false)
	}
	out = d.flushHeld(out)
	if d.rec != nil {
		d.rec.blankLine(false) // blank lines at the end go
		d.rec.settle(true)
	}
	d.blank = false
	return out
}

// normalizeRest normalizes b, the rest of the input, appending to out.
func (d *document) normalizeRest(out, b []byte) []byte {
	for len(b) > 0 {
		var n int
		out, n = d.consume(out, b, true)
		b = b[n:]
	}
	return d.finish(out)
}

// spanAll returns how much of b, the whole input, is already normalized.
func (d *document) spanAll(b []byte) int {
	n, _ := d.span(b, true)
	return n
}

// span returns how much of b is already normalized, given the document
// state, and advances the state over it. A blank line is passed only with
// the content line after it, which decides whether it stays.
func (d *document) span(b []byte, atEOF bool) (int, error) {
	if d.holding || d.blank || d.partial || d.inPieces {
		if len(b) == 0 {
			return 0, nil
		}
		return 0, transform.ErrEndOfSpan
	}
	ws, crlf, unwrap := d.on(Whitespace), d.on(Encoding), d.on(Unwrap)
	n, blankAt := 0, -1
	fail := func(err error) (int, error) {
		if blankAt >= 0 {
			d.lineNo--
			return blankAt, err
		}
		return n, err
	}
	for n < len(b) {
		rest := b[n:]
		k := bytes.IndexByte(rest, '\n')
		adv := k + 1
		if k < 0 {
			if !atEOF {
				return fail(transform.ErrShortSrc)
			}
			if ws {
				return fail(transform.ErrEndOfSpan) // a final newline is due
			}
			k, adv = len(rest), len(rest)
		}
		line := rest[:k]
		if len(line) > MaxLineLength || crlf && bytes.IndexByte(line, '\r') >= 0 {
			return fail(transform.ErrEndOfSpan)
		}
		if ws && len(line) == 0 {
			if blankAt >= 0 || !d.started {
				return fail(transform.ErrEndOfSpan)
			}
			blankAt = n
			d.lineNo++
			n += adv
			continue
		}
		d.lineNo++
		if !d.stable(line) {
			d.lineNo--
			return fail(transform.ErrEndOfSpan)
		}
		mark := d.report.mark()
		d.commitSuspects()
		if unwrap && ws {
			// The line stays unless Unwrap joins the next line to it,
			// which depends on the next line as it will be written.
			last, _ := utf8.DecodeLastRune(line)
			if isCJK(last) && !isSentenceEnd(last) {
				next := rest[adv:]
				k2 := bytes.IndexByte(next, '\n')
				var err error
				switch {
				case len(next) == 0 && !atEOF, k2 < 0 && !atEOF:
					err = transform.ErrShortSrc
				case len(next) == 0 || k2 == 0:
					// the end, or a blank line: no join
				default:
					if k2 < 0 {
						k2 = len(next)
					}
					first, _ := utf8.DecodeRune(next)
					if isCJK(fold(first)) || !d.stable(next[:k2]) {
						err = transform.ErrEndOfSpan
					}
					d.lineSus, d.lineKept = d.lineSus[:0], 0
				}
				if err != nil {
					d.report.reset(mark)
					d.lineNo--
					return fail(err)
				}
			}
		}
		d.started = true
		blankAt = -1
		n += adv
	}
	if blankAt >= 0 {
		if atEOF {
			return fail(transform.ErrEndOfSpan)
		}
		return fail(transform.ErrShortSrc)
	}
	return n, nil
}

// stream is the state of a Normalizer used as a Transformer.
type stream struct {
	doc      document
	in       []byte // input not yet normalized: the unfinished line
	inPos    int
	out      []byte // output not yet written to dst
	outPos   int
	finished bool
	written  int // output written to dst, for the offset map
}

func (s *stream) reset() {
	s.doc.init(nil, true)
	s.in, s.inPos = s.in[:0], 0
	s.out, s.outPos = s.out[:0], 0
	s.finished = false
	s.written = 0
}

func (s *stream) transform(cfg *config, dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	d := &s.doc
	d.cfg, d.reporting = cfg, true
	for {
		n := copy(dst[nDst:], s.out[s.outPos:])
		nDst += n
		s.outPos += n
		if s.outPos < len(s.out) {
			return nDst, nSrc, transform.ErrShortDst
		}
		s.out, s.outPos = s.out[:0], 0
		if s.finished {
			return nDst, len(src), nil
		}
		eof := atEOF && nSrc == len(src)
		if b := s.in[s.inPos:]; len(b) > 0 {
			var used int
			s.out, used = d.consume(s.out, b, eof)
			if used > 0 {
				s.inPos += used
				continue
			}
		} else if eof {
			s.out = d.finish(s.out)
			s.finished = true
			continue
		}
		if nSrc == len(src) {
			return nDst, nSrc, nil
		}
		if s.inPos > 0 {
			s.in = s.in[:copy(s.in, s.in[s.inPos:])]
			s.inPos = 0
		}
		take := min(len(src)-nSrc, streamBuffer-len(s.in))
		s.in = append(s.in, src[nSrc:nSrc+take]...)
		nSrc += take
	}
}

func (s *stream) span(cfg *config, src []byte, atEOF bool) (int, error) {
	d := &s.doc
	d.cfg, d.reporting = cfg, true
	if s.inPos < len(s.in) || s.outPos < len(s.out) || s.finished {
		if len(src) == 0 {
			return 0, nil
		}
		return 0, transform.ErrEndOfSpan
	}
	return d.span(src, atEOF)
}
