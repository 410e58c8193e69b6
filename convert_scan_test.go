package zhnorm

import (
	"bytes"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// inGo has c convert with the loops in Go where there are loops in
// assembly (scanAsm), and returns it.
func inGo(c *Converter) *Converter {
	c.scanGo = true
	return c
}

func skipWithoutScanAsm(t *testing.T) {
	t.Helper()
	if !scanAsm {
		t.Skipf("no loops in assembly on %s, or built with -tags purego", runtime.GOARCH)
	}
}

// TestScanLoopsAgree: the loops in assembly give what the loops in Go
// give, for configs with dense tries and sparse ones, with runs and
// without, their filters built and not, on the sample page, each config's
// adversarial text, random text of its characters among others and broken
// UTF-8 (scanText), and (without -short) the corpora: converted whole and
// with the map.
func TestScanLoopsAgree(t *testing.T) {
	skipWithoutScanAsm(t)
	m := readBuiltin(t)
	inputs := testInputs(t)
	for _, name := range []string{"s2t", "s2twp", "s2tw", "s2hk", "s2hkp", "t2s", "tw2sp", "hk2s", "t2jp", "jp2t"} {
		base := mustConverter(t, name)
		rng := rand.New(rand.NewPCG(5, uint64(len(name))))
		texts := map[string]string{
			"sample":      inputs[seedPage],
			"adversarial": adversarialText(m, m.config(name), 5),
			"random":      string(scanText(rng, keyChars(base), 50000)),
		}
		if !testing.Short() {
			for f, s := range inputs {
				texts[f] = s
			}
		}
		pairs := [][2]*Converter{{withoutFilter(base), inGo(withoutFilter(base))}}
		if base.dense || base.plainRuns {
			pairs = append(pairs, [2]*Converter{withFilter(base), inGo(withFilter(base))})
		}
		for _, pair := range pairs {
			asm, goLoops := pair[0], pair[1]
			for what, s := range texts {
				what = name + " " + what
				checkSame(t, what, goLoops.Convert(s), asm.Convert(s))
				got, gm := asm.StringMapped(s)
				want, wm := goLoops.StringMapped(s)
				checkSame(t, what+" mapped", want, got)
				if !slicesEqualPieces(gm, wm) {
					t.Errorf("%s: the maps differ", what)
				}
			}
		}
	}
}

// slicesEqualPieces reports whether two maps hold the same pieces.
func slicesEqualPieces(a, b *OffsetMap) bool {
	var pa, pb []Piece
	for p := range a.Pieces() {
		pa = append(pa, p)
	}
	for p := range b.Pieces() {
		pb = append(pb, p)
	}
	if len(pa) != len(pb) {
		return false
	}
	for i := range pa {
		if pa[i] != pb[i] {
			return false
		}
	}
	return true
}

// keyChars returns the characters of three bytes in c's alphabet: those
// that start keys, or convert, or both.
func keyChars(c *Converter) []rune {
	var rs []rune
	for r := rune(0x800); r < 1<<16; r++ {
		if c.bmp[r] != 0 {
			rs = append(rs, r)
		}
	}
	return rs
}

// scanText returns random text for the loops: mostly characters of the
// config's alphabet (keyChars), with
// characters in no key, ASCII, line ends, four-byte characters, an
// ideographic description character and broken UTF-8 among them.
func scanText(rng *rand.Rand, chars []rune, n int) []byte {
	others := []string{"，", "。", "\n", "a", "1", " ", "𠀀", "⿰", "\xe6\xb1", "\xff", "〇", "丂"}
	var b []byte
	for len(b) < n {
		if rng.IntN(8) == 0 {
			b = append(b, others[rng.IntN(len(others))]...)
			continue
		}
		b = utf8.AppendRune(b, chars[rng.IntN(len(chars))])
	}
	return b
}

// TestDenseLoop: denseLoop stops where denseLoopGo stops and writes what
// it writes, on random text and windows, for a config without runs (s2t)
// and, as denseJoinLoop against denseRuns's loop in Go, with (s2twp).
func TestDenseLoop(t *testing.T) {
	skipWithoutScanAsm(t)
	c := withFilter(mustConverter(t, "s2t"))
	f := c.filter.Load()
	rng := rand.New(rand.NewPCG(1, 2))
	chars := keyChars(c)
	converted := 0
	for range 2000 {
		text := scanText(rng, chars, 9+rng.IntN(400))
		n := rng.IntN(len(text) - 8)
		d1, d2 := make([]byte, n+4), make([]byte, n+4)
		src := unsafe.Pointer(unsafe.SliceData(text))
		k1 := denseLoop(f.keys, c.bmp, unsafe.SliceData(c.hot), src, unsafe.Pointer(unsafe.SliceData(d1)), n)
		k2 := denseLoopGo(f.keys, c.bmp, unsafe.SliceData(c.hot), src, unsafe.Pointer(unsafe.SliceData(d2)), n)
		if k1 != k2 || !bytes.Equal(d1[:k1], d2[:k2]) {
			t.Fatalf("on %q (n %d): assembly converted %d bytes to %q, Go %d to %q", text, n, k1, d1[:k1], k2, d2[:k2])
		}
		converted += k1
	}
	if converted == 0 {
		t.Error("denseLoop converted nothing")
	}
}

// TestScanLoopsRun: the loops in assembly do convert text (a test that
// compares them with the loops in Go would pass were they never called).
func TestScanLoopsRun(t *testing.T) {
	skipWithoutScanAsm(t)
	text := strings.Repeat("許多社區長青學苑多開設有書法、插花、土風舞班，\n", 4)
	c := mustConverter(t, "t2s")
	d := make([]byte, len(text)+8)
	n := len(text) - 6
	k := sparseLoop(c.bmp, unsafe.SliceData(c.hot), unsafe.SliceData(c.nodes), len(c.nodes), &c.c.ASCIIInert,
		unsafe.Pointer(unsafe.StringData(text)), unsafe.Pointer(unsafe.SliceData(d)), n)
	// It goes on while fewer than n bytes are done: up to n+2.
	if k < 3 || k > n+2 {
		t.Errorf("sparseLoop converted %d bytes of %d", k, n)
	} else if got, want := string(d[:k]), c.Convert(text)[:k]; got != want {
		t.Errorf("sparseLoop wrote %q, want %q", got, want)
	}
	s := withFilter(mustConverter(t, "s2twp"))
	simplified := strings.Repeat("许多社区长青学苑多开设有书法、插花、土风舞班，\n", 4)
	f := s.filter.Load()
	d = make([]byte, len(simplified)+8)
	if k := denseJoinLoop(f.keys, s.bmp, unsafe.SliceData(s.hot), unsafe.Pointer(unsafe.StringData(simplified)),
		unsafe.Pointer(unsafe.SliceData(d)), len(simplified)-9, f.joins); k < 3 {
		t.Errorf("denseJoinLoop converted %d bytes", k)
	}
}

// TestScanAsmConstants: the numbers that convert_scan_amd64.s writes out
// are those of the Go code.
func TestScanAsmConstants(t *testing.T) {
	checks := []struct {
		what      string
		got, want uint64
	}{
		{"out3Valid", out3Valid, 1 << 24},
		{"hotPlain", hotPlain, 1 << 25},
		{"hotSegStart", hotSegStart, 1 << 26},
		{"hotInfo's size", uint64(unsafe.Sizeof(hotInfo{})), 8},
		{"hotInfo.base's offset", uint64(unsafe.Offsetof(hotInfo{}.base)), 4},
		{"filterSum's first factor", uint64(filterSum(1, 0)), 0x9E3779B1},
		{"filterSum's second factor", uint64(filterSum(0, 1)), 0x85EBCA77},
		{"filterWord's shift", uint64(filterWord(1 << 16)), 1},
		{"filterBit's factor and shift", uint64(filterBit(0, 1)), 0xC2B2AE3D >> 10 & 63},
		{"filterEndBit", uint64(filterEndBit(0)), uint64(filterEnd) >> 10 & 63},
		{"filterEnd", filterEnd, 0xFFFF * 0xC2B2AE3D & (1<<32 - 1)},
		{"joinWord's shift", uint64(joinWord(1 << 20)), 1},
		{"joinBit's shift", uint64(joinBit(1 << 14)), 1},
		{"Node's size", uint64(unsafe.Sizeof(opencc.Node{})), 8},
		{"Node.Check's offset", uint64(unsafe.Offsetof(opencc.Node{}.Check)), 4},
		{"termBit", termBit, 1 << 31},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %#x, convert_scan_amd64.s has %#x", c.what, c.got, c.want)
		}
	}
}
