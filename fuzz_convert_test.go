package zhnorm

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzConvert: Convert never panics, gives what the literal algorithm gives
// (on texts under the 1024 bytes beyond which a run of unmatched text is
// cut), streaming gives the same output, StringMapped too with a map whose
// every piece converts alone to its output, and invalid UTF-8 comes out
// unchanged.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"", "黑龙江", "顺利通过了", "塔什库尔干塔吉克自治县", "汉\xff字", "\xe6\xb1", "SQL注入攻击 U盘", "多头仓位 做多",
		"⿰发展中国", "⿱⿰木木木龙", "⿰发", "豈⿰豈豈", "㑮 發揮著", "内存 皮肤干燥"} {
		f.Add(s, uint8(0))
	}
	configs := []*Converter{}
	for _, n := range []string{"s2t", "s2twp", "tw2sp", "s2hk-finance", "hk2s", "t2s", "s2hkp", "t2jp"} {
		configs = append(configs, mustConverter(f, n))
	}
	configs = append(configs, mustConverter(f, "tw2s", WithoutTofuRisk()))
	// The dense tries' two inner loops (see Converter.filter). The seed
	// in testdata/fuzz/FuzzConvert picks configs[9], withFilter's s2t, by
	// its which modulo the list's length: mend it when the list grows.
	configs = append(configs, withFilter(mustConverter(f, "s2t")), withoutFilter(mustConverter(f, "s2twp")),
		withFilter(mustConverter(f, "s2twp")), withoutFilter(mustConverter(f, "s2hk")))
	// The loops in Go where there are loops in assembly (scanAsm).
	configs = append(configs, inGo(withFilter(mustConverter(f, "s2t"))), inGo(withFilter(mustConverter(f, "s2twp"))),
		inGo(withoutFilter(mustConverter(f, "t2s"))))
	// A sparse trie's config with runs, asking the joinFilter.
	configs = append(configs, withFilter(mustConverter(f, "tw2sp")))
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		c := configs[int(which)%len(configs)]
		got := c.Convert(s)
		if len(s) <= 1024 {
			if want := c.t.Reference(c.c, s); got != want {
				t.Fatalf("%s(%q) = %q, the literal algorithm gives %q", c.Name(), s, got, want)
			}
		}
		if streamed := readAll(t, c, newChunkReader(s, uint64(len(s)), 7)); streamed != got {
			t.Fatalf("%s: streamed %q, whole %q", c.Name(), streamed, got)
		}
		if b := string(c.Bytes([]byte(s))); b != got {
			t.Fatalf("%s: Bytes %q, Convert %q", c.Name(), b, got)
		}
		mapped, m := c.StringMapped(s)
		if mapped != got {
			t.Fatalf("%s: StringMapped %q, Convert %q", c.Name(), mapped, got)
		}
		if m.mended != 0 {
			t.Fatalf("%s(%q): %d aligned pieces had lengths that differ", c.Name(), s, m.mended)
		}
		if in, out := m.Len(); in != len(s) || out != len(got) {
			t.Fatalf("%s: the map covers %d→%d bytes of %d→%d", c.Name(), in, out, len(s), len(got))
		}
		for p := range m.Pieces() {
			if alone := c.Convert(s[p.In:p.InEnd]); alone != got[p.Out:p.OutEnd] {
				t.Fatalf("%s(%q): piece %q → %q, alone %q", c.Name(), s, s[p.In:p.InEnd], got[p.Out:p.OutEnd], alone)
			}
		}
		if invalidBytes(s) != invalidBytes(got) {
			t.Fatalf("%s: invalid bytes %q became %q", c.Name(), invalidBytes(s), invalidBytes(got))
		}
	})
}

// invalidBytes returns the bytes of s that are not part of valid UTF-8.
func invalidBytes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(s[i])
		}
		i += n
	}
	return b.String()
}

var _ = io.EOF
