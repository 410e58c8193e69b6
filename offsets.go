package zhnorm

import (
	"iter"
	"sort"
)

// An OffsetMap maps byte offsets in a text a transformer wrote (its output)
// to byte offsets in the text it read (its input), and back, the way a
// search engine's offset-correcting character filter does.
//
// The map is a sequence of pieces, each a run of input bytes and the output
// bytes made from them, in order and without gaps. A piece is either
//   - aligned: its input and output have the same length and every
//     character boundary of the one is a character boundary of the other at
//     the same distance from the piece's start (text kept as it was, or
//     rewritten one character for another of the same length, 发 → 發), so
//     offsets inside it map exactly; or
//   - whole: anything else (a phrase 内存 → 記憶體, a reading removed with
//     the character before it, a run of spaces collapsed), which maps as a
//     whole: an offset inside it maps to its start, and a span that cuts it
//     widens to all of it.
//
// Where the output removes text (a piece with no output) or adds text (a
// piece with no input), a start offset maps past the removed text and an
// end offset before it, so that a span never gains the text removed on
// either side of it.
//
// The zero OffsetMap maps an empty text to an empty text; producers append
// pieces to it. Offsets are absolute: a map that a stream's consumer trims
// with Forget keeps mapping the offsets after the pieces it dropped as
// before.
type OffsetMap struct {
	// pts[k] is where piece k starts; a piece ends where the next starts,
	// the last one at in, out. Forget drops pieces from the front, so the
	// map starts at pts[0], or at in, out when it holds no piece.
	pts     []offsetPoint
	in, out int

	srcAt, dstAt int // see base
	mended       int // pieces alignTo made whole: a producer's error, for tests
}

type offsetPoint struct {
	in, out int
	whole   bool
}

// A Piece is one piece of an OffsetMap: the input bytes [In, InEnd) became
// the output bytes [Out, OutEnd). Aligned reports whether offsets inside
// map exactly.
type Piece struct {
	In, InEnd   int
	Out, OutEnd int
	Aligned     bool
}

// Len returns the lengths of the input and output the map covers: the
// offsets where they end.
func (m *OffsetMap) Len() (in, out int) { return m.in, m.out }

// Start returns the offsets in the input and the output where the map
// starts: 0, 0 unless Forget dropped pieces.
func (m *OffsetMap) Start() (in, out int) {
	if len(m.pts) == 0 {
		return m.in, m.out
	}
	return m.pts[0].in, m.pts[0].out
}

// Forget drops the pieces that end before the output offset out, to bound
// the memory of a map that grows with a stream. Offsets from out on map as
// before; offsets before the start of what is left map as that start.
func (m *OffsetMap) Forget(out int) {
	k := sort.Search(len(m.pts), func(i int) bool { return m.pieceEnd(i).out >= out })
	if k > 0 {
		m.pts = m.pts[:copy(m.pts, m.pts[k:])]
	}
}

// pieceEnd returns where piece k ends.
func (m *OffsetMap) pieceEnd(k int) offsetPoint {
	if k+1 < len(m.pts) {
		return m.pts[k+1]
	}
	return offsetPoint{in: m.in, out: m.out}
}

// Reset empties m, keeping its memory.
func (m *OffsetMap) Reset() { *m = OffsetMap{pts: m.pts[:0]} }

// Pieces returns the pieces of m in order. Adjacent aligned pieces are
// reported as one, and so are adjacent pieces with no output (or no
// input), which map as one.
func (m *OffsetMap) Pieces() iter.Seq[Piece] {
	return func(yield func(Piece) bool) {
		for k, p := range m.pts {
			q := m.pieceEnd(k)
			if !yield(Piece{In: p.in, InEnd: q.in, Out: p.out, OutEnd: q.out, Aligned: !p.whole}) {
				return
			}
		}
	}
}

// add appends a piece: in bytes of input became out bytes of output;
// aligned says the piece is aligned (see OffsetMap), which needs in == out.
// Adjacent aligned pieces merge, as do adjacent pieces with no output and
// adjacent pieces with no input; empty pieces are dropped.
func (m *OffsetMap) add(in, out int, aligned bool) {
	if in == 0 && out == 0 {
		return
	}
	if aligned && in != out {
		aligned = false
	}
	if len(m.pts) > 0 {
		// Adjacent aligned pieces merge, and so do adjacent removals and
		// adjacent additions, which map as one.
		last := m.pts[len(m.pts)-1]
		lastIn, lastOut := m.in-last.in, m.out-last.out
		if aligned && !last.whole || !aligned && last.whole && (out == 0 && lastOut == 0 || in == 0 && lastIn == 0) {
			m.in += in
			m.out += out
			return
		}
	}
	m.pts = append(m.pts, offsetPoint{in: m.in, out: m.out, whole: !aligned})
	m.in += in
	m.out += out
}

// alignTo extends m to the input offset in and output offset out with an
// aligned piece: producers that record only their whole pieces call it
// before each and at the end. The text between must be aligned; if its
// lengths differ, a producer is wrong, and the piece is made whole so that
// the map stays a map of the text.
func (m *OffsetMap) alignTo(in, out int) {
	if in-m.in != out-m.out {
		m.mended++
	}
	m.add(in-m.in, out-m.out, true)
}

// base tells m, before a producer records its whole pieces with wholeAt,
// where its source starts (at m's input length) and where its destination
// starts: dstLen bytes before m's output length.
func (m *OffsetMap) base(dstLen int) {
	m.srcAt, m.dstAt = m.in, m.out-dstLen
}

// wholeAt records the whole piece of inLen bytes at offset in of the
// producer's source that became outLen bytes at offset out of its
// destination (see base), after the aligned text since the last piece.
func (m *OffsetMap) wholeAt(in, out, inLen, outLen int) {
	m.alignTo(m.srcAt+in, m.dstAt+out)
	m.add(inLen, outLen, false)
}

// trimEnd takes at least n bytes of output off the end of m, with the input
// they came from: the end of an aligned piece, or whole pieces. It returns
// the lengths taken, which the caller maps again as part of a new piece.
func (m *OffsetMap) trimEnd(n int) (in, out int) {
	for out < n && len(m.pts) > 0 {
		k := len(m.pts) - 1
		p := m.pts[k]
		if !p.whole && m.out-p.out > n-out {
			d := n - out
			m.in, m.out = m.in-d, m.out-d
			return in + d, out + d
		}
		in, out = in+m.in-p.in, out+m.out-p.out
		m.in, m.out = p.in, p.out
		m.pts = m.pts[:k]
	}
	return in, out
}

// Add appends a piece to m: in bytes of input became out bytes of output.
// Aligned says they are an aligned piece (see OffsetMap); it is ignored
// unless in == out. Transformers of other packages use it to take part in
// a composed map.
func (m *OffsetMap) Add(in, out int, aligned bool) {
	if in < 0 || out < 0 {
		panic("zhnorm: OffsetMap.Add: negative length")
	}
	m.add(in, out, aligned)
}

// Append appends the pieces of n to m, as if n's input and output followed
// m's.
func (m *OffsetMap) Append(n *OffsetMap) {
	for p := range n.Pieces() {
		m.add(p.InEnd-p.In, p.OutEnd-p.Out, p.Aligned)
	}
}

// Input returns the input offset of the output offset out, as the start of
// a span (see OffsetMap). Offsets outside [0, out length] are clamped.
func (m *OffsetMap) Input(out int) int {
	return mapStart(m.pts, out, m.out, m.in, outOf, inOf)
}

// clampFrom clamps x to the from-side of the map: offsets before the map's
// start map as its start.
func clampFrom(pts []offsetPoint, x, fromLen int, from func(offsetPoint) int) int {
	lo := fromLen
	if len(pts) > 0 {
		lo = from(pts[0])
	}
	return min(max(x, lo), fromLen)
}

// Output returns the output offset of the input offset in, as the start of
// a span.
func (m *OffsetMap) Output(in int) int {
	return mapStart(m.pts, in, m.in, m.out, inOf, outOf)
}

// InputSpan returns the input span [start, end) that the output span
// [outStart, outEnd) came from: exact where the ends fall in aligned
// pieces or on piece boundaries, widened to whole pieces otherwise.
func (m *OffsetMap) InputSpan(outStart, outEnd int) (start, end int) {
	start = mapStart(m.pts, outStart, m.out, m.in, outOf, inOf)
	end = mapEnd(m.pts, outEnd, m.out, m.in, outOf, inOf)
	return start, max(start, end)
}

// OutputSpan returns the output span that the input span [inStart, inEnd)
// became, widened as InputSpan widens.
func (m *OffsetMap) OutputSpan(inStart, inEnd int) (start, end int) {
	start = mapStart(m.pts, inStart, m.in, m.out, inOf, outOf)
	end = mapEnd(m.pts, inEnd, m.in, m.out, inOf, outOf)
	return start, max(start, end)
}

func inOf(p offsetPoint) int  { return p.in }
func outOf(p offsetPoint) int { return p.out }

// mapStart maps x from the from-side to the to-side as a span start. The
// piece that decides is the first that ends after x, which skips the
// pieces empty on the from-side that sit at x: a start goes past them.
func mapStart(pts []offsetPoint, x, fromLen, toLen int, from, to func(offsetPoint) int) int {
	x = clampFrom(pts, x, fromLen, from)
	end := func(k int) int {
		if k+1 < len(pts) {
			return from(pts[k+1])
		}
		return fromLen
	}
	k := sort.Search(len(pts), func(i int) bool { return end(i) > x })
	if k == len(pts) {
		return toLen
	}
	p := pts[k]
	if p.whole || x <= from(p) {
		return to(p)
	}
	return to(p) + x - from(p)
}

// mapEnd maps x as a span end. The piece that decides is the last that
// starts before x, which skips the pieces empty on the from-side that sit
// at x: an end stays before them.
func mapEnd(pts []offsetPoint, x, fromLen, toLen int, from, to func(offsetPoint) int) int {
	x = clampFrom(pts, x, fromLen, from)
	k := sort.Search(len(pts), func(i int) bool { return from(pts[i]) >= x }) - 1
	if k < 0 {
		if len(pts) == 0 {
			return toLen
		}
		return to(pts[0])
	}
	p := pts[k]
	fromEnd, toEnd := fromLen, toLen
	if k+1 < len(pts) {
		fromEnd, toEnd = from(pts[k+1]), to(pts[k+1])
	}
	if p.whole || x >= fromEnd {
		return toEnd
	}
	return to(p) + x - from(p)
}

// Then returns the map of two steps: m maps the first step's output to its
// input, next maps the second step's output (made from the first's output)
// to its input; the result maps the second step's output to the first
// step's input. A piece of the result is aligned where both steps were;
// where either step made a whole piece, the result's piece is whole and
// covers all of it. next's input must be m's output: Then panics if they
// start or end at different offsets.
func (m *OffsetMap) Then(next *OffsetMap) *OffsetMap {
	in, mid := m.Start()
	nin, out := next.Start()
	if next.in != m.out || nin != mid {
		panic("zhnorm: OffsetMap.Then: the second map's input is not the first map's output")
	}
	r := OffsetMap{in: in, out: out}
	r.then(m.pieceLens(), next.pieceLens())
	return &r
}

// then appends to r the composition of the pieces a and b, b's input
// being a's output.
func (r *OffsetMap) then(a, b []pieceLen) {
	var i, j int
	var ar, br int // what is left of the middle text of a[i] and b[j]
	if len(a) > 0 {
		ar = a[0].out
	}
	if len(b) > 0 {
		br = b[0].in
	}
	// A group gathers the pieces that a whole piece of either step holds
	// together; it closes at a middle offset no whole piece straddles.
	var gin, gout int
	grouping := false
	inWholeA, inWholeB := false, false // the group has taken part of a[i] or b[j], and it is whole
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && a[i].out == 0:
			// The first step removed input here: a start goes past it.
			if grouping {
				gin += a[i].in
			} else {
				r.add(a[i].in, 0, false)
			}
			i++
			if i < len(a) {
				ar = a[i].out
			}
			continue
		case j < len(b) && b[j].in == 0:
			if grouping {
				gout += b[j].out
			} else {
				r.add(0, b[j].out, false)
			}
			j++
			if j < len(b) {
				br = b[j].in
			}
			continue
		}
		k := min(ar, br)
		pa, pb := a[i], b[j]
		if !grouping && !pa.whole && !pb.whole {
			r.add(k, k, true)
		} else {
			if !grouping {
				grouping, gin, gout = true, 0, 0
			}
			if pa.whole {
				if !inWholeA {
					gin += pa.in
					inWholeA = true
				}
			} else {
				gin += k
			}
			if pb.whole {
				if !inWholeB {
					gout += pb.out
					inWholeB = true
				}
			} else {
				gout += k
			}
		}
		ar -= k
		br -= k
		if ar == 0 {
			i++
			inWholeA = false
			if i < len(a) {
				ar = a[i].out
			}
		}
		if br == 0 {
			j++
			inWholeB = false
			if j < len(b) {
				br = b[j].in
			}
		}
		if grouping && !inWholeA && !inWholeB {
			r.add(gin, gout, false)
			grouping = false
		}
	}
	if grouping {
		r.add(gin, gout, false)
	}
}

// pieceLen is a piece by its lengths.
type pieceLen struct {
	in, out int
	whole   bool
}

func (m *OffsetMap) pieceLens() []pieceLen {
	ps := make([]pieceLen, 0, len(m.pts))
	for p := range m.Pieces() {
		ps = append(ps, pieceLen{p.InEnd - p.In, p.OutEnd - p.Out, !p.Aligned})
	}
	return ps
}
