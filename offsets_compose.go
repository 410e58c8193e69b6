package zhnorm

// A composer composes the maps of two steps of a stream as their pieces
// arrive, the second step reading what the first wrote: it gives the
// pieces of a.Then(b) over the longest prefix that no piece still to come
// can change, so that the pieces it gives, however the maps arrive, are
// those Then gives for the whole maps.
type composer struct {
	a, b       []pieceLen // pieces not composed yet
	aEnd, bEnd bool       // no more pieces of a, of b will come
}

// pushPiece appends p to q, merging pieces as add does.
func pushPiece(q []pieceLen, p pieceLen) []pieceLen {
	if p.in == 0 && p.out == 0 {
		return q
	}
	if p.in != p.out {
		p.whole = true
	}
	if len(q) > 0 {
		last := &q[len(q)-1]
		if !p.whole && !last.whole || p.whole && last.whole && (p.out == 0 && last.out == 0 || p.in == 0 && last.in == 0) {
			last.in += p.in
			last.out += p.out
			return q
		}
	}
	return append(q, p)
}

// pushMap appends the pieces of m to q.
func pushMap(q []pieceLen, m *OffsetMap) []pieceLen {
	for p := range m.Pieces() {
		q = pushPiece(q, pieceLen{p.InEnd - p.In, p.OutEnd - p.Out, !p.Aligned})
	}
	return q
}

func pieceOut(p pieceLen) int { return p.out }
func pieceIn(p pieceLen) int  { return p.in }

// compose appends to r the composition of the settled prefix and drops it
// from the queues. It reports false when both maps have ended and their
// middle texts differ in length: the steps' maps do not fit.
func (c *composer) compose(r *OffsetMap) bool {
	midA, midB := midLen(c.a, pieceOut), midLen(c.b, pieceIn)
	var x int
	if c.aEnd && c.bEnd {
		if midA != midB {
			return false
		}
		x = midA
	} else {
		// The cut must not fall inside a whole piece of either map,
		// where the composition groups pieces of both.
		x = min(midA, midB)
		for {
			y := cleanCut(c.b, cleanCut(c.a, x, pieceOut), pieceIn)
			if y == x {
				break
			}
			x = y
		}
	}
	// Then takes the first step's removals at a middle offset before the
	// second step's additions there: the second's wait until no more of
	// the first's can come.
	var pa, pb []pieceLen
	pa, c.a = cutPieces(c.a, x, pieceOut, true)
	pb, c.b = cutPieces(c.b, x, pieceIn, midA > x || c.aEnd)
	if len(pa) > 0 || len(pb) > 0 {
		r.then(pa, pb)
	}
	return true
}

func midLen(q []pieceLen, mid func(pieceLen) int) int {
	n := 0
	for _, p := range q {
		n += mid(p)
	}
	return n
}

// cleanCut returns the greatest middle offset at most x that no whole piece
// of q straddles.
func cleanCut(q []pieceLen, x int, mid func(pieceLen) int) int {
	pos := 0
	for _, p := range q {
		l := mid(p)
		if pos >= x {
			break
		}
		if p.whole && pos+l > x {
			return pos
		}
		pos += l
	}
	return x
}

// cutPieces splits q at the middle offset x, which no whole piece
// straddles, splitting an aligned piece that does. Pieces empty on the
// middle side at x go to the prefix when takeAtX. The prefix is used
// before q is appended to again: it may share q's memory.
func cutPieces(q []pieceLen, x int, mid func(pieceLen) int, takeAtX bool) (prefix, rest []pieceLen) {
	pos := 0
	for k, p := range q {
		l := mid(p)
		switch {
		case l == 0 && (pos < x || pos == x && takeAtX):
			continue
		case l > 0 && pos+l <= x:
			pos += l
			continue
		case l > 0 && pos < x: // an aligned piece across x
			d := x - pos
			prefix = append(q[:k:k], pieceLen{d, d, false})
			q[k].in, q[k].out = l-d, l-d
			return prefix, q[k:]
		}
		return q[:k], q[k:]
	}
	return q, q[len(q):]
}
