package zhnorm

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/transform"
)

// phraseConverter is a stand-in for the Converter's TransformMapped in the
// tests of chains: it replaces the phrases of a table, longest first, with
// the contract of TransformMapped (the pieces cover exactly what a call
// consumed and wrote; a converted phrase is whole, a one-character
// conversion of the same length aligned).
type phraseConverter struct{ table map[string]string }

func newPhraseConverter() *phraseConverter {
	return &phraseConverter{map[string]string{"内存": "記憶體", "软件": "軟體", "发": "發", "数": "數", "网络": "網路", "里": "裡"}}
}

func (c *phraseConverter) Reset() {}

func (c *phraseConverter) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	var m OffsetMap
	return c.TransformMapped(dst, src, atEOF, &m)
}

func (c *phraseConverter) TransformMapped(dst, src []byte, atEOF bool, m *OffsetMap) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		rest := src[nSrc:]
		// The longest phrase is two characters: wait for the second.
		if !atEOF && !utf8.FullRune(rest) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		_, size := utf8.DecodeRune(rest)
		if !atEOF && size == len(rest) && c.starts(rest) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		in, out := rest[:size], string(rest[:size])
		if r2 := rest[size:]; len(r2) > 0 {
			_, size2 := utf8.DecodeRune(r2)
			if v, ok := c.table[string(rest[:size+size2])]; ok {
				in, out = rest[:size+size2], v
			}
		}
		if len(in) == size {
			if v, ok := c.table[string(in)]; ok {
				out = v
			}
		}
		if len(dst)-nDst < len(out) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc += len(in)
		m.Add(len(in), len(out), len(in) == size && len(out) == size)
	}
	return nDst, nSrc, nil
}

// starts reports whether a phrase of the table starts with the character b.
func (c *phraseConverter) starts(b []byte) bool {
	for k := range c.table {
		if len(k) > len(b) && strings.HasPrefix(k, string(b)) {
			return true
		}
	}
	return false
}

func (c *phraseConverter) StringMapped(s string) (string, *OffsetMap) {
	out, m, err := StringMapped(s, c)
	if err != nil {
		panic(err)
	}
	return out, m
}

// A mappedStringer gives the map of a whole string: the Normalizer, the
// Converter once it has StringMapped, the stand-in.
type mappedStringer interface {
	MappedTransformer
	StringMapped(string) (string, *OffsetMap)
}

// testConverters returns the stand-in and, when it has TransformMapped,
// the Converter.
func testConverters(t *testing.T) map[string]mappedStringer {
	cs := map[string]mappedStringer{"stand-in": newPhraseConverter()}
	if c, ok := any(mustConverter(t, "s2twp")).(mappedStringer); ok {
		cs["s2twp"] = c
	}
	return cs
}

// TestChainOffsets: normalizing then converting gives one map to the
// original text: StringMapped of the chain is the composition of the
// steps' maps, and a stream of the chain, however chunked, gives it too.
func TestChainOffsets(t *testing.T) {
	inputs := map[string]string{"cases": offsetCases + "\n内存和软件的发展，网络里的数(shù)据。\n"}
	for name, text := range testInputs(t) {
		if name == seedPage || !testing.Short() {
			inputs[name] = text
		}
	}
	n := NewNormalizer()
	for cname, c := range testConverters(t) {
		for name, in := range inputs {
			label := cname + " " + name
			mid, m1 := n.StringMapped(in)
			out, m2 := c.StringMapped(mid)
			want := m1.Then(m2)
			got, m, err := StringMapped(in, n, c)
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			checkSame(t, label, out, got)
			if d := cmp.Diff(mapPieces(want), mapPieces(m)); d != "" {
				t.Fatalf("%s: map (-Then +chain):\n%s", label, d)
			}
			for how, rd := range map[string]io.Reader{
				"one-byte reads":     iotest.OneByteReader(strings.NewReader(in)),
				"small random reads": newChunkReader(in, 9, 23),
			} {
				if how == "one-byte reads" && len(in) > 1<<20 {
					continue
				}
				r := NewOffsetReader(rd, n, c)
				b, err := io.ReadAll(r)
				if err != nil {
					t.Fatalf("%s %s: %v", label, how, err)
				}
				checkSame(t, label+" "+how, out, string(b))
				if d := cmp.Diff(mapPieces(want), mapPieces(r.Map())); d != "" {
					t.Fatalf("%s %s: map (-whole +stream):\n%s", label, how, d)
				}
			}
		}
	}
}

// TestChainOffsetPieces checks by hand a page through both steps.
func TestChainOffsetPieces(t *testing.T) {
	in := "　　内存的数(shù)据,软件。"
	out, m, err := StringMapped(in, NewNormalizer(), newPhraseConverter())
	if err != nil {
		t.Fatal(err)
	}
	want := []mapPiece{
		{"　　", "", false},
		{"内存", "記憶體", false},
		{"的", "的", true},
		{"数(shù)", "數", false},
		{"据", "据", true},
		{",", "，", false},
		{"软件", "軟體", false},
		{"。", "。", true},
		{"", "\n", false},
	}
	if d := cmp.Diff(want, textPieces(in, out, m)); d != "" {
		t.Errorf("%q → %q: pieces (-want +got):\n%s", in, out, d)
	}
	// The sentence's span in the original holds the reading.
	for s := range Sentences(out) {
		if got := m.Span(s.Trim(), in); got.Text != "内存的数(shù)据,软件。" || got.Start != 6 {
			t.Errorf("sentence %q maps to %d:%d %q", s.Text, got.Start, got.End, got.Text)
		}
	}
}

// TestConverterOffsetSpans checks the property on the converter: where a
// span's ends do not cut a whole piece, converting the input it maps to on
// its own gives the span's text.
func TestConverterOffsetSpans(t *testing.T) {
	inputs := testInputs(t)
	for cname, c := range testConverters(t) {
		for name, in := range inputs {
			if testing.Short() && name != seedPage {
				continue
			}
			out, m := c.StringMapped(in)
			inWhole := make([]bool, len(out)+1) // strictly inside a whole piece
			for p := range m.Pieces() {
				for k := p.Out + 1; !p.Aligned && k < p.OutEnd; k++ {
					inWhole[k] = true
				}
			}
			checked := 0
			for s := range Sentences(out) {
				s = s.Trim()
				if inWhole[s.Start] || inWhole[s.End] {
					continue
				}
				checked++
				a, b := m.InputSpan(s.Start, s.End)
				if got, _ := c.StringMapped(in[a:b]); got != s.Text {
					t.Errorf("%s %s: %q maps to %q, which converts to %q", cname, name, s.Text, in[a:b], got)
				}
			}
			if checked == 0 {
				t.Errorf("%s %s: no sentence checked", cname, name)
			}
		}
	}
}

func ExampleStringMapped() {
	page := "　　數(shù)字化,很快。第二句。"
	out, m, err := StringMapped(page, NewNormalizer())
	if err != nil {
		panic(err)
	}
	for s := range Sentences(out) {
		orig := m.Span(s.Trim(), page)
		fmt.Printf("%q at %d:%d is %q on the page\n", s.Trim().Text, orig.Start, orig.End, orig.Text)
	}
	// Output:
	// "數字化，很快。" at 6:31 is "數(shù)字化,很快。" on the page
	// "第二句。" at 31:43 is "第二句。" on the page
}
