package zhnorm

import (
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	lbopencc "github.com/longbridgeapp/opencc"
	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

var longbridgeConverters sync.Map

// longbridge converts with github.com/longbridgeapp/opencc, the Go port the
// benchmarks compare with.
func longbridge(t testing.TB, config, s string) string {
	t.Helper()
	v, ok := longbridgeConverters.Load(config)
	if !ok {
		cc, err := lbopencc.New(config)
		if err != nil {
			t.Fatal(err)
		}
		v, _ = longbridgeConverters.LoadOrStore(config, cc)
	}
	out, err := v.(*lbopencc.OpenCC).Convert(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// benchText is PKU+MSR for conversions from Simplified and AS+CityU for
// conversions from Traditional, as the issue measures them.
func benchText(b *testing.B, config string) string {
	files := []string{"pku_test.utf8", "msr_test.utf8"}
	if strings.HasPrefix(config, "t") || strings.HasPrefix(config, "hk") {
		files = []string{"as_test.utf8", "cityu_test.utf8"}
	}
	return corpus(b, files[0]) + corpus(b, files[1])
}

var benchConfigs = []string{"s2t", "s2twp", "t2s", "tw2sp", "s2hk"}

// BenchmarkConvert measures Convert against longbridgeapp/opencc on the same
// input in the same run; compare the two with benchstat.
func BenchmarkConvert(b *testing.B) {
	for _, name := range benchConfigs {
		s := benchText(b, name)
		b.Run("config="+name+"/impl=zhnorm", func(b *testing.B) {
			c := mustConverter(b, name)
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				c.Convert(s)
			}
		})
		b.Run("config="+name+"/impl=longbridge", func(b *testing.B) {
			longbridge(b, name, "")
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				longbridge(b, name, s)
			}
		})
	}
}

// BenchmarkConvertUnchanged measures Span's path: text the conversion leaves
// as it is.
func BenchmarkConvertUnchanged(b *testing.B) {
	c := mustConverter(b, "s2t")
	s := corpus(b, "as_test.utf8")
	s = mustConverter(b, "s2t").Convert(s) // s2t of s2t output is a fixed point for most text
	n, _ := c.Span([]byte(s), true)
	s = s[:n]
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		c.Convert(s)
	}
}

// BenchmarkTransformReader streams through transform.NewReader.
func BenchmarkTransformReader(b *testing.B) {
	s := benchText(b, "s2t")
	c := mustConverter(b, "s2t")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		io.Copy(io.Discard, transform.NewReader(strings.NewReader(s), c))
	}
}

// BenchmarkFirstUse measures what a program pays the first time it asks for
// a config: decoding the tables' header, the alphabet and the config's
// dictionaries, and building the tables that configs share (bmpOf,
// keyFilterOf), forgotten before each round.
func BenchmarkFirstUse(b *testing.B) {
	for _, name := range []string{"s2t", "s2twp", "t2s"} {
		b.Run("config="+name+"/impl=zhnorm", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bmpTables.Clear()
				keyFilters.Clear()
				blob, err := opencc.Open(opencc.BuiltinBytes())
				if err != nil {
					b.Fatal(err)
				}
				t, err := blob.Load(name)
				if err != nil {
					b.Fatal(err)
				}
				newConverter(t, &t.Configs[0])
			}
		})
		b.Run("config="+name+"/impl=longbridge", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := lbopencc.New(name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFlatTable is the bound a character-by-character pass sets: s2t's
// input through one flat table from each character to its first
// STCharacters value, no phrases, no segmentation, beside zhnorm's s2t in
// the same run. The issue asks s2t to reach half its speed.
func BenchmarkFlatTable(b *testing.B) {
	s := benchText(b, "s2t")
	d, err := opencc.ReadDict(filepath.Join(opencc.DataDirs[0], "dictionary", "STCharacters.txt"))
	if err != nil {
		b.Fatal(err)
	}
	// Each three-byte character maps to its three-byte value, packed in
	// a word; the rest (ASCII, punctuation, rare characters) are copied.
	var table [1 << 16]uint32
	for i, k := range d.Keys {
		r, _ := utf8.DecodeRuneInString(k)
		if v := d.Values[i][0]; r < 1<<16 && len(k) == 3 && len(v) == 3 {
			table[r] = uint32(v[0]) | uint32(v[1])<<8 | uint32(v[2])<<16 | 1<<24
		}
	}
	b.Run("config=s2t/impl=flat", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		b.ReportAllocs()
		for b.Loop() {
			out := make([]byte, len(s))
			n := 0
			for i := 0; i < len(s); {
				if c := s[i]; c >= 0xE0 && c < 0xF0 && i+2 < len(s) {
					r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
					if v := table[r]; v != 0 {
						out[n], out[n+1], out[n+2] = byte(v), byte(v>>8), byte(v>>16)
					} else {
						out[n], out[n+1], out[n+2] = c, s[i+1], s[i+2]
					}
					n, i = n+3, i+3
					continue
				}
				out[n] = s[i]
				n, i = n+1, i+1
			}
		}
	})
	b.Run("config=s2t/impl=zhnorm", func(b *testing.B) {
		c := mustConverter(b, "s2t")
		b.SetBytes(int64(len(s)))
		b.ReportAllocs()
		for b.Loop() {
			c.Convert(s)
		}
	})
}
