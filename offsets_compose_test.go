package zhnorm

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mapPieces(m *OffsetMap) []Piece {
	var ps []Piece
	for p := range m.Pieces() {
		ps = append(ps, p)
	}
	return ps
}

// TestComposer feeds the pieces of two random maps to a composer in random
// bunches, composing after each, and checks that it gives the pieces Then
// gives for the whole maps.
func TestComposer(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 5000 {
		a, b := randomMapPair(r)
		want := mapPieces(a.Then(b))
		pa, pb := a.pieceLens(), b.pieceLens()
		var c composer
		var got OffsetMap
		for len(pa) > 0 || len(pb) > 0 {
			if len(pa) > 0 && (len(pb) == 0 || r.IntN(2) == 0) {
				n := 1 + r.IntN(len(pa))
				for _, p := range pa[:n] {
					c.a = pushPiece(c.a, p)
				}
				pa = pa[n:]
				c.aEnd = len(pa) == 0 && r.IntN(2) == 0
			} else {
				n := 1 + r.IntN(len(pb))
				for _, p := range pb[:n] {
					c.b = pushPiece(c.b, p)
				}
				pb = pb[n:]
				c.bEnd = len(pb) == 0 && r.IntN(2) == 0
			}
			if !c.compose(&got) {
				t.Fatalf("trial %d: compose failed early", trial)
			}
		}
		c.aEnd, c.bEnd = true, true
		if !c.compose(&got) {
			t.Fatalf("trial %d: compose failed", trial)
		}
		if d := cmp.Diff(want, mapPieces(&got)); d != "" {
			t.Fatalf("trial %d: a %v b %v: pieces (-Then +composer):\n%s", trial, a.pieceLens(), b.pieceLens(), d)
		}
	}
}

// TestComposerMismatch: maps whose middle texts differ do not compose.
func TestComposerMismatch(t *testing.T) {
	c := composer{a: []pieceLen{{3, 3, false}}, b: []pieceLen{{2, 2, false}}, aEnd: true, bEnd: true}
	var r OffsetMap
	if c.compose(&r) {
		t.Error("compose of a 3-byte output with a 2-byte input succeeded")
	}
}

func TestOffsetMapForget(t *testing.T) {
	// "A内存B内存C" → "A記憶體B記憶體C"
	var m OffsetMap
	for range 2 {
		m.add(1, 1, true)
		m.add(6, 9, false)
	}
	m.add(1, 1, true)
	full := m
	full.pts = append([]offsetPoint(nil), m.pts...)
	m.Forget(11) // drops A and the first phrase, which end at 1 and 10
	if in, out := m.Start(); in != 7 || out != 10 {
		t.Fatalf("Start after Forget(11) = %d, %d; want 7, 10", in, out)
	}
	if in, out := m.Len(); in != 15 || out != 21 {
		t.Fatalf("Len after Forget = %d, %d; want 15, 21", in, out)
	}
	for s := 11; s <= 21; s++ {
		for e := s; e <= 21; e++ {
			ws, we := full.InputSpan(s, e)
			gs, ge := m.InputSpan(s, e)
			if ws != gs || we != ge {
				t.Errorf("InputSpan(%d, %d) = %d, %d after Forget; %d, %d before", s, e, gs, ge, ws, we)
			}
		}
	}
	if got := m.Input(0); got != 7 {
		t.Errorf("Input(0) after Forget = %d, want the start, 7", got)
	}
	if s, e := m.InputSpan(0, 3); s != 7 || e != 7 {
		t.Errorf("InputSpan(0, 3) after Forget = %d, %d; want 7, 7", s, e)
	}
	// A map of what is left composes from where it starts.
	next := OffsetMap{in: 10, out: 10}
	next.add(11, 11, true)
	c := m.Then(&next)
	if in, out := c.Start(); in != 7 || out != 10 {
		t.Errorf("Then of forgotten maps starts at %d, %d; want 7, 10", in, out)
	}
	if s, e := c.InputSpan(11, 20); s != 8 || e != 14 {
		t.Errorf("composed InputSpan(11, 20) = %d, %d; want 8, 14", s, e)
	}
	m.Forget(100)
	if in, out := m.Start(); len(m.pts) != 0 || in != 15 || out != 21 {
		t.Errorf("Forget past the end: %d pieces, Start %d, %d; want none, at the end", len(m.pts), in, out)
	}
}

func TestOffsetMapTrimEnd(t *testing.T) {
	var m OffsetMap
	m.add(5, 5, true)
	if in, out := m.trimEnd(3); in != 3 || out != 3 {
		t.Errorf("trimEnd(3) of an aligned piece = %d, %d", in, out)
	}
	m.add(1, 3, false)
	if in, out := m.trimEnd(1); in != 1 || out != 3 {
		t.Errorf("trimEnd(1) of a whole piece = %d, %d; want all of it", in, out)
	}
	if in, out := m.Len(); in != 2 || out != 2 {
		t.Errorf("Len after trimming = %d, %d; want 2, 2", in, out)
	}
}
