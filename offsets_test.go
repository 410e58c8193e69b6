package zhnorm

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// phraseMap is the map of "A内存B" → "A記憶體B" with the phrase whole.
func phraseMap() *OffsetMap {
	var m OffsetMap
	m.add(1, 1, true)
	m.add(6, 9, false)
	m.add(1, 1, true)
	return &m
}

func TestOffsetMapPhrase(t *testing.T) {
	m := phraseMap()
	if in, out := m.Len(); in != 8 || out != 11 {
		t.Fatalf("Len = %d, %d; want 8, 11", in, out)
	}
	for _, c := range []struct{ out, in int }{{0, 0}, {1, 1}, {2, 1}, {4, 1}, {10, 7}, {11, 8}, {-3, 0}, {99, 8}} {
		if got := m.Input(c.out); got != c.in {
			t.Errorf("Input(%d) = %d, want %d", c.out, got, c.in)
		}
	}
	for _, c := range []struct{ s, e, ws, we int }{
		{0, 1, 0, 1},  // A
		{1, 10, 1, 7}, // 記憶體
		{4, 7, 1, 7},  // 憶 widens to 内存
		{4, 11, 1, 8}, // 憶體B
		{10, 11, 7, 8},
		{0, 11, 0, 8},
		{5, 5, 1, 7}, // an empty span inside a phrase widens to it
	} {
		if s, e := m.InputSpan(c.s, c.e); s != c.ws || e != c.we {
			t.Errorf("InputSpan(%d, %d) = %d, %d; want %d, %d", c.s, c.e, s, e, c.ws, c.we)
		}
	}
	if s, e := m.OutputSpan(4, 7); s != 1 || e != 10 {
		t.Errorf("OutputSpan(4, 7) = %d, %d; want 1, 10", s, e)
	}
	if got := m.Output(7); got != 10 {
		t.Errorf("Output(7) = %d, want 10", got)
	}
}

func TestOffsetMapRemovedAndAdded(t *testing.T) {
	// "AxB" → "AB\n": x removed, a line break added at the end.
	var m OffsetMap
	m.add(1, 1, true)
	m.add(1, 0, false)
	m.add(1, 1, true)
	m.add(0, 1, false)
	for _, c := range []struct{ s, e, ws, we int }{
		{0, 1, 0, 1}, // A keeps x out
		{1, 2, 2, 3}, // B keeps x out
		{0, 2, 0, 3}, // AB holds x
		{2, 3, 3, 3}, // the added line break comes from nothing
		{1, 1, 2, 1 + 1},
	} {
		s, e := m.InputSpan(c.s, c.e)
		if s != c.ws || e != c.we {
			t.Errorf("InputSpan(%d, %d) = %d, %d; want %d, %d", c.s, c.e, s, e, c.ws, c.we)
		}
	}
	if s, e := m.OutputSpan(1, 2); s != 1 || e != 1 {
		t.Errorf("OutputSpan of the removed x = %d, %d; want 1, 1", s, e)
	}
}

func TestOffsetMapPieces(t *testing.T) {
	var m OffsetMap
	m.add(3, 3, true)
	m.add(2, 2, true) // merges
	m.add(0, 0, true) // dropped
	m.add(3, 4, true) // lengths differ: whole
	want := []Piece{{0, 5, 0, 5, true}, {5, 8, 5, 9, false}}
	var got []Piece
	for p := range m.Pieces() {
		got = append(got, p)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("pieces (-want +got):\n%s", d)
	}
	var n OffsetMap
	n.Append(&m)
	n.Append(&m)
	if in, out := n.Len(); in != 16 || out != 18 || len(n.pts) != 4 {
		t.Errorf("Append twice: Len %d, %d with %d pieces; want 16, 18 with 4", in, out, len(n.pts))
	}
	m.Reset()
	if in, out := m.Len(); in != 0 || out != 0 || m.Input(5) != 0 {
		t.Errorf("after Reset: Len %d, %d", in, out)
	}
}

// randomMapPair returns two random maps, the second of the first's
// output, for Then.
func randomMapPair(r *rand.Rand) (a, b *OffsetMap) {
	a = randomMap(r, r.IntN(30))
	_, mid := a.Len()
	return a, randomMap(r, mid)
}

// randomMap makes a map of in bytes of input, with pieces of random kinds.
func randomMap(r *rand.Rand, in int) *OffsetMap {
	var m OffsetMap
	for in > 0 {
		n := min(in, 1+r.IntN(6))
		switch r.IntN(5) {
		case 0:
			m.add(n, r.IntN(8), false)
		case 1:
			m.add(0, 1+r.IntN(3), false)
			continue
		default:
			m.add(n, n, true)
		}
		in -= n
	}
	if r.IntN(4) == 0 {
		m.add(0, 1+r.IntN(3), false)
	}
	return &m
}

// TestOffsetMapThen checks that the composed map maps every span as the two
// maps do one after the other.
func TestOffsetMapThen(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		m, next := randomMapPair(r)
		c := m.Then(next)
		ain, _ := m.Len()
		_, cout := next.Len()
		if in, out := c.Len(); in != ain || out != cout {
			t.Fatalf("trial %d: composed Len %d, %d; want %d, %d", trial, in, out, ain, cout)
		}
		for s := 0; s <= cout; s++ {
			for e := s + 1; e <= cout; e++ {
				ms, me := next.InputSpan(s, e)
				ws, we := m.InputSpan(ms, me)
				gs, ge := c.InputSpan(s, e)
				// Composed whole pieces may join pieces of both steps, so a
				// span may widen more than the two steps widen it, never
				// less; and an end inside an aligned piece maps exactly.
				if nearEmpty(c, s) || nearEmpty(c, e) {
					// Text one step removed next to text the other added
					// has no order of its own: an empty input span
					// anywhere among them is right.
					continue
				}
				if gs > ws || ge < we || insideAligned(c, s) && gs != ws || insideAligned(c, e) && ge != we {
					t.Fatalf("trial %d: InputSpan(%d, %d) = %d, %d; two steps give %d, %d\nm: %v\nnext: %v\ncomposed: %v",
						trial, s, e, gs, ge, ws, we, m.pieceLens(), next.pieceLens(), c.pieceLens())
				}
			}
		}
	}
}

// insideAligned reports whether the output offset x falls strictly inside
// an aligned piece of m.
func insideAligned(m *OffsetMap, x int) bool {
	for p := range m.Pieces() {
		if p.Aligned && p.Out < x && x < p.OutEnd {
			return true
		}
	}
	return false
}

// nearEmpty reports whether a piece of m with an empty side begins or ends
// at the output offset x.
func nearEmpty(m *OffsetMap, x int) bool {
	for p := range m.Pieces() {
		if (p.In == p.InEnd || p.Out == p.OutEnd) && (p.Out == x || p.OutEnd == x) {
			return true
		}
	}
	return false
}
