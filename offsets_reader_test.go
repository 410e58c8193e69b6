package zhnorm

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/transform"
)

// TestTransformMappedContract calls TransformMapped by hand with small
// chunks and a small dst: after every call the pieces cover no more than
// the input consumed and the output written, and at the end all of both.
func TestTransformMappedContract(t *testing.T) {
	in := offsetCases + strings.Repeat("一行文字,没有句号\n", 50)
	want, _ := NewNormalizer(Enable(Unwrap)).StringMapped(in)
	n := NewNormalizer(Enable(Unwrap))
	var m OffsetMap
	var out []byte
	dst := make([]byte, 7)
	consumed := 0
	for {
		src := in[consumed:min(len(in), consumed+13)]
		atEOF := consumed+len(src) == len(in)
		nDst, nSrc, err := n.TransformMapped(dst, []byte(src), atEOF, &m)
		consumed += nSrc
		out = append(out, dst[:nDst]...)
		if i, o := m.Len(); i > consumed || o > len(out) {
			t.Fatalf("after a call: map covers %d, %d; consumed %d, wrote %d", i, o, consumed, len(out))
		}
		if err == nil && atEOF {
			break
		}
		if err != nil && err != transform.ErrShortDst {
			t.Fatal(err)
		}
	}
	checkSame(t, "TransformMapped", want, string(out))
	if i, o := m.Len(); i != len(in) || o != len(out) {
		t.Errorf("at the end: map covers %d, %d; want %d, %d", i, o, len(in), len(out))
	}
}

// TestOffsetReaderForget reads a long stream and forgets what it read as
// it goes: the map stays small, and maps the last spans as the whole map
// does.
func TestOffsetReaderForget(t *testing.T) {
	line := "　　數(shù)字化,很快。第二句&amp;第三句!\n\n"
	in := strings.Repeat(line, 20000)
	r := NewOffsetReader(strings.NewReader(in), NewNormalizer(), newPhraseConverter())
	buf := make([]byte, 1000)
	total, most := 0, 0
	for {
		n, err := r.Read(buf)
		total += n
		r.Forget(total - 300) // keep the last 300 bytes mapped
		most = max(most, len(r.Map().pts))
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	// The map may run ahead of what was read by what the chain made of a
	// chunk of input (4 KiB, 60 lines of 10 pieces): that, not the
	// stream, bounds it.
	if most > 1000 {
		t.Errorf("the map held up to %d pieces", most)
	}
	out, m, err := StringMapped(in, NewNormalizer(), newPhraseConverter())
	if err != nil || len(out) != total {
		t.Fatalf("StringMapped: %d bytes, %v; the reader read %d", len(out), err, total)
	}
	for k := total - 300; k <= total; k++ {
		if got, want := r.Map().Input(k), m.Input(k); got != want {
			t.Fatalf("Input(%d) = %d after forgetting, %d in the whole map", k, got, want)
		}
	}
}

// TestOffsetReaderNoSteps: with no step, the reader copies its input with
// an aligned map.
func TestOffsetReaderNoSteps(t *testing.T) {
	r := NewOffsetReader(strings.NewReader("abc中文"))
	b, err := io.ReadAll(r)
	if err != nil || string(b) != "abc中文" {
		t.Fatalf("got %q, %v", b, err)
	}
	if ps := mapPieces(r.Map()); len(ps) != 1 || !ps[0].Aligned || ps[0].InEnd != 9 {
		t.Errorf("pieces %v", ps)
	}
}

// badMapper writes its input but maps none of it.
type badMapper struct{ transform.NopResetter }

func (badMapper) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	n := copy(dst, src)
	if n < len(src) {
		return n, n, transform.ErrShortDst
	}
	return n, n, nil
}

func (b badMapper) TransformMapped(dst, src []byte, atEOF bool, m *OffsetMap) (int, int, error) {
	return b.Transform(dst, src, atEOF)
}

// TestOffsetReaderBadMap: a transformer whose map does not fit its output
// makes an error, not a panic.
func TestOffsetReaderBadMap(t *testing.T) {
	for _, steps := range [][]MappedTransformer{{badMapper{}}, {NewNormalizer(), badMapper{}}, {badMapper{}, NewNormalizer()}} {
		_, err := io.ReadAll(NewOffsetReader(strings.NewReader("中文。\n"), steps...))
		if err != errOffsetMap {
			t.Errorf("%d steps: err = %v, want %v", len(steps), err, errOffsetMap)
		}
	}
}

func ExampleNewOffsetReader() {
	page := "　　數(shù)字化,很快。第二句!\n"
	r := NewOffsetReader(strings.NewReader(page), NewNormalizer())
	sc := Splitter{}.NewScanner(r)
	for sc.Scan() {
		s := sc.Span().Trim()
		start, end := r.Map().InputSpan(s.Start, s.End)
		fmt.Printf("%s ← %s\n", s.Text, page[start:end])
		r.Forget(sc.Span().End) // what is before is no longer needed
	}
	// Output:
	// 數字化，很快。 ← 數(shù)字化,很快。
	// 第二句！ ← 第二句!
}
