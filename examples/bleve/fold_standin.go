package zhbleve

// TEMPORARY. This file stands in for zhnorm's (*Normalizer).StringMapped
// and (*Converter).StringMapped, which are being written in other
// branches. When they land, delete this file and call the methods in
// fold.go instead of normalizeMapped and convertMapped.
//
// The stand-in runs the transformer line by line (neither the Normalizer's
// rules nor OpenCC's phrases reach across a line break) and recovers each
// line's map by diffing its input with its output: unchanged characters
// are aligned pieces, a changed run is aligned when it rewrote character
// for character with the same UTF-8 lengths (發 → 发) and whole otherwise
// (記憶體 → 内存, ２０２４ → 2024, a removed reading).

import (
	"strings"
	"unicode/utf8"

	"github.com/zhnorm/zhnorm"
)

// normalizeMapped stands in for n.StringMapped(s).
func normalizeMapped(n *zhnorm.Normalizer, s string) (string, *zhnorm.OffsetMap) {
	return linesMapped(n.Field, s)
}

// convertMapped stands in for c.StringMapped(s).
func convertMapped(c *zhnorm.Converter, s string) (string, *zhnorm.OffsetMap) {
	return linesMapped(c.Convert, s)
}

// linesMapped applies f to each line of s (with its line break) and
// returns the concatenated results with their map.
func linesMapped(f func(string) string, s string) (string, *zhnorm.OffsetMap) {
	var b strings.Builder
	m := new(zhnorm.OffsetMap)
	for len(s) > 0 {
		n := strings.IndexByte(s, '\n') + 1
		if n == 0 {
			n = len(s)
		}
		in := s[:n]
		out := f(in)
		b.WriteString(out)
		alignDiff(m, f, in, out)
		s = s[n:]
	}
	return b.String(), m
}

// maxEdits bounds the diff of one line; a line that differs more is
// mapped as one whole piece, which is coarse but never wrong.
const maxEdits = 512

// alignDiff appends to m the pieces that turn in into out; f made out
// from in.
func alignDiff(m *zhnorm.OffsetMap, f func(string) string, in, out string) {
	if in == out || sameShape(in, out) {
		m.Add(len(in), len(out), true)
		return
	}
	a, b := units(in), units(out)
	// The common prefix and suffix need no diff.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	m.Add(unitBytes(a[:p]), unitBytes(b[:p]), true)
	ma, mb := a[p:len(a)-q], b[p:len(b)-q]
	matches, ok := diff(ma, mb)
	if !ok {
		hunk(m, f, ma, mb)
	} else {
		x, y := 0, 0
		for _, mt := range matches {
			hunk(m, f, ma[x:mt[0]], mb[y:mt[1]])
			m.Add(len(ma[mt[0]]), len(mb[mt[1]]), true)
			x, y = mt[0]+1, mt[1]+1
		}
		hunk(m, f, ma[x:], mb[y:])
	}
	m.Add(unitBytes(a[len(a)-q:]), unitBytes(b[len(b)-q:]), true)
}

// hunk appends the pieces of a changed run a that became b. It splits the
// run where f turns the parts into the parts opposite, shortest first, so
// that changes side by side (記憶體規 → 内存规, 記憶體匯流排 → 内存总线) are
// pieces of their own; where no such split exists (f reads the context:
// a lone "\r" is not the "\r" of a line), it peels the characters at
// either end that f rewrites on their own into the one opposite. A part is
// aligned when it was rewritten character for character with the same
// lengths, and whole otherwise.
func hunk(m *zhnorm.OffsetMap, f func(string) string, a, b []string) {
	var tail [][2][]string
	for len(a) > 1 && len(a) <= maxSplit {
		k, l := split(f, a, b)
		if k == 0 && len(b) > 0 && f(a[0]) == b[0] {
			k, l = 1, 1
		}
		if k == 0 {
			if len(b) == 0 || f(a[len(a)-1]) != b[len(b)-1] {
				break
			}
			tail = append(tail, [2][]string{a[len(a)-1:], b[len(b)-1:]})
			a, b = a[:len(a)-1], b[:len(b)-1]
			continue
		}
		piece(m, a[:k], b[:l])
		a, b = a[k:], b[l:]
	}
	piece(m, a, b)
	for i := len(tail) - 1; i >= 0; i-- {
		piece(m, tail[i][0], tail[i][1])
	}
}

// maxSplit bounds the runs hunk splits: splitting costs a call of f for
// each way to cut.
const maxSplit = 64

// split returns the shortest k, with l, such that f turns a[:k] into b[:l]
// and a[k:] into b[l:], or 0, 0.
func split(f func(string) string, a, b []string) (k, l int) {
	sb := strings.Join(b, "")
	for k := 1; k < len(a); k++ {
		head := f(strings.Join(a[:k], ""))
		if !strings.HasPrefix(sb, head) || f(strings.Join(a[k:], "")) != sb[len(head):] {
			continue
		}
		n, l := 0, 0
		for n < len(head) {
			n += len(b[l])
			l++
		}
		if n == len(head) {
			return k, l
		}
	}
	return 0, 0
}

// piece appends the piece of a changed run a that became b.
func piece(m *zhnorm.OffsetMap, a, b []string) {
	aligned := len(a) == len(b)
	for i := 0; aligned && i < len(a); i++ {
		aligned = len(a[i]) == len(b[i])
	}
	m.Add(unitBytes(a), unitBytes(b), aligned)
}

// sameShape reports whether a and b have characters of the same lengths
// at the same offsets: then out was rewritten from in character for
// character (as a conversion mostly is) and the whole is aligned.
func sameShape(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); {
		_, n := utf8.DecodeRuneInString(a[i:])
		_, k := utf8.DecodeRuneInString(b[i:])
		if n != k {
			return false
		}
		i += n
	}
	return true
}

// units splits s into its characters, each invalid byte on its own, as
// utf8.DecodeRuneInString steps through it.
func units(s string) []string {
	u := make([]string, 0, len(s)/2)
	for len(s) > 0 {
		_, n := utf8.DecodeRuneInString(s)
		u = append(u, s[:n])
		s = s[n:]
	}
	return u
}

func unitBytes(u []string) int {
	n := 0
	for _, s := range u {
		n += len(s)
	}
	return n
}

// diff returns the matched pairs of a shortest edit script of a into b
// (Myers' O(ND) algorithm), in order, or false when more than maxEdits
// edits are needed.
func diff(a, b []string) (matches [][2]int, ok bool) {
	n, m := len(a), len(b)
	dmax := min(n+m, maxEdits)
	off := dmax + 1
	v := make([]int, 2*dmax+3)
	var trace [][]int // trace[d] holds v[off-d : off+d+1] before round d
	for d := 0; d <= dmax; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m), true
			}
		}
	}
	return nil, false
}

// backtrack walks the trace of diff from the end to the start and
// collects the diagonal moves.
func backtrack(trace [][]int, x, y int) [][2]int {
	var rev [][2]int
	for d := len(trace) - 1; d >= 0; d-- {
		vd := trace[d] // vd[i] is v[k] for k = i-d
		at := func(k int) int { return vd[k+d] }
		k := x - y
		var pk int
		if d == 0 {
			pk = 0
		} else if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := 0
		if d > 0 {
			px = at(pk)
		}
		py := px - pk
		// The moves after the edit of round d are diagonal.
		for x > px && y > py {
			x, y = x-1, y-1
			rev = append(rev, [2]int{x, y})
		}
		x, y = px, py
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
