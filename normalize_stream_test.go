package zhnorm

import (
	"bytes"
	"io"
	"math/rand"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// normChunkReader returns its input in chunks of random size, 1 to max bytes,
// from a fixed seed.
type normChunkReader struct {
	data []byte
	rng  *rand.Rand
	max  int
}

func (r *normChunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := 1 + r.rng.Intn(r.max)
	n = min(n, len(p), len(r.data))
	copy(p, r.data[:n])
	r.data = r.data[n:]
	return n, nil
}

// streamInputs are texts that exercise every piece of stream state: blank
// lines, CR LF split across chunks, tags that break lines, readings,
// pairs, and text already normalized.
func normStreamInputs(t testing.TB) []string {
	seed, err := os.ReadFile("testdata/000_a73dac5818fe388b.txt")
	if err != nil {
		t.Fatal(err)
	}
	return []string{
		string(seed),
		Normalize(string(seed)),
		"",
		"\n\n\n",
		"中文",
		"中文\r\n\r\n\r\n下一段\r\r\rx\r",
		"a<br>b<p>c</p>\n\n<p>d</p>",
		"  第01版:頭版\n數(shù)字  \n\n\n\n(據新華社)\n二○○一年 ...",
		"中\u00a0\u00a0国\n\t\n é»‘é¾™æ±Ÿ\n&amp;lt;b&amp;gt;\n",
		"a\xffb\xe4\xb8\n\xe4",
		"中 国 人 民 银 行\n食安風暴延燒 業者喊冤\n苹果\u3000\u3000香蕉 中 国人 民 數(shù) 字\n本报讯（记者 张三 通讯员 李四）",
		"叫道︰〝長堤〞﹐10︰30 ０﹒５mg ｀预防＇ ﹁老牌﹂ 「我叫〝小明〞」 中︙中︱中",
		strings.Repeat("中文，English text. ", 500) + "\n" + strings.Repeat("x", 3000),
	}
}

func normReadAll(t testing.TB, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStreamChunking checks that one-byte reads, random-sized reads,
// transform.String and calls with tiny buffers all give what String gives
// for the whole input.
func TestStreamChunking(t *testing.T) {
	for _, opts := range [][]Option{nil, {Enable(Unwrap, Spacing)}, {Disable(Whitespace)}, {WithQuotes(QuotesTaiwan)}, {Enable(NoSpace)}} {
		n := NewNormalizer(opts...)
		for i, in := range normStreamInputs(t) {
			want := n.String(in)
			if got := normReadAll(t, transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), n.Clone())); got != want {
				t.Errorf("input %d, one-byte reads:\n got %q\nwant %q", i, got, want)
			}
			for seed := int64(1); seed <= 3; seed++ {
				r := &normChunkReader{data: []byte(in), rng: rand.New(rand.NewSource(seed)), max: 50}
				if got := normReadAll(t, transform.NewReader(r, n.Clone())); got != want {
					t.Errorf("input %d, random reads (seed %d):\n got %q\nwant %q", i, seed, got, want)
				}
			}
			if got, _, err := transform.String(n, in); err != nil || got != want {
				t.Errorf("input %d, transform.String: %q, %v", i, got, err)
			}
			if got := normTinyBuffers(t, n.Clone(), in); got != want {
				t.Errorf("input %d, tiny buffers:\n got %q\nwant %q", i, got, want)
			}
			if got := normSpanThenTransform(t, n.Clone(), in, 7); got != want {
				t.Errorf("input %d, Span and Transform interleaved:\n got %q\nwant %q", i, got, want)
			}
		}
	}
}

// tinyBuffers drives Transform by hand with src chunks and dst buffers of a
// few bytes, so that output is held back and resumed.
func normTinyBuffers(t testing.TB, n *Normalizer, in string) string {
	rng := rand.New(rand.NewSource(7))
	var out []byte
	src := []byte(in)
	dst := make([]byte, 16)
	for calls := 0; ; calls++ {
		if calls > 10*len(in)+1000 {
			t.Fatal("Transform makes no progress")
		}
		chunk := min(1+rng.Intn(9), len(src))
		atEOF := chunk == len(src)
		d := dst[:1+rng.Intn(len(dst))]
		nDst, nSrc, err := n.Transform(d, src[:chunk], atEOF)
		out = append(out, d[:nDst]...)
		src = src[nSrc:]
		switch err {
		case nil:
			if atEOF {
				return string(out)
			}
		case transform.ErrShortDst:
		default:
			t.Fatalf("Transform: %v", err)
		}
	}
}

// spanThenTransform uses Span where it can and Transform for the rest,
// with src chunks of at most max bytes, as a caller of a
// SpanningTransformer may.
func normSpanThenTransform(t testing.TB, n *Normalizer, in string, max int) string {
	rng := rand.New(rand.NewSource(11))
	var out []byte
	src := []byte(in)
	dst := make([]byte, 64)
	pending := 0 // bytes of src[0:] that Span asked to see again with more input
	for calls := 0; ; calls++ {
		if calls > 20*len(in)+1000 {
			t.Fatal("no progress")
		}
		chunk := min(pending+1+rng.Intn(max), len(src))
		atEOF := chunk == len(src)
		k, err := n.Span(src[:chunk], atEOF)
		if k > chunk {
			t.Fatalf("Span returned %d > %d", k, chunk)
		}
		out = append(out, src[:k]...)
		src = src[k:]
		chunk -= k
		switch err {
		case nil:
			if atEOF {
				return string(out)
			}
			pending = 0
			continue
		case transform.ErrShortSrc:
			if !atEOF {
				pending = chunk
				continue
			}
			t.Fatalf("Span: ErrShortSrc at EOF")
		case transform.ErrEndOfSpan:
		default:
			t.Fatalf("Span: %v", err)
		}
		pending = 0
		rem := chunk // bytes of src in this chunk not yet transformed
		for {
			nDst, nSrc, err := n.Transform(dst, src[:rem], atEOF)
			out = append(out, dst[:nDst]...)
			src, rem = src[nSrc:], rem-nSrc
			if err == transform.ErrShortDst {
				continue
			}
			if err != nil {
				t.Fatalf("Transform: %v", err)
			}
			break
		}
		if rem != 0 {
			t.Fatalf("Transform left %d bytes", rem)
		}
		if atEOF && len(src) == 0 {
			// Let the normalizer finish the document.
			for {
				nDst, _, err := n.Transform(dst, nil, true)
				out = append(out, dst[:nDst]...)
				if err == nil {
					return string(out)
				}
			}
		}
	}
}

// TestLongLines checks lines longer than MaxLineLength: cut into pieces
// the same way whatever the chunking, and nothing lost.
func TestLongLines(t *testing.T) {
	inputs := []string{
		strings.Repeat("中文字，", MaxLineLength/6) + "\n尾",
		strings.Repeat("ab ", MaxLineLength/2) + "\n",
		strings.Repeat("x", 2*MaxLineLength+5),
		strings.Repeat(" ", MaxLineLength+10) + "中",
		strings.Repeat("中 ", MaxLineLength/2),
	}
	n := NewNormalizer()
	for i, in := range inputs {
		want := n.String(in)
		r := &normChunkReader{data: []byte(in), rng: rand.New(rand.NewSource(int64(i))), max: 5000}
		if got := normReadAll(t, transform.NewReader(r, n.Clone())); got != want {
			t.Errorf("input %d: stream differs from String (%d vs %d bytes)", i, len(got), len(want))
		}
		if i == 2 && want != in+"\n" {
			t.Errorf("input %d: a long line of plain text changed", i)
		}
		if i == 0 && strings.Count(want, "中文字，") != MaxLineLength/6 {
			t.Errorf("input %d: text lost", i)
		}
	}
}

func TestChainAndReset(t *testing.T) {
	n := NewNormalizer()
	in := "第01版:頭版\n數(shù)字\n"
	want := Normalize(in)
	for i := 0; i < 2; i++ { // a second run after Reset starts a new document
		got, _, err := transform.String(transform.Chain(n, transform.Nop), in)
		if err != nil || got != want {
			t.Fatalf("run %d: %q, %v", i, got, err)
		}
	}
	n.Reset()
	var buf bytes.Buffer
	w := transform.NewWriter(&buf, n)
	io.WriteString(w, in)
	w.Close()
	if buf.String() != want {
		t.Errorf("Writer: %q", buf.String())
	}
	if rep := n.Report(); rep.Changes[Pinyin] != 1 || rep.Changes[Punct] != 1 {
		t.Errorf("stream report %v", rep.Changes)
	}
}

func TestSpanAllocatesNothing(t *testing.T) {
	// The seed without its suspect lines: a streaming Normalizer records
	// suspects, and their text is allocated.
	var clean []string
	for _, l := range strings.SplitAfter(Normalize(normStreamInputs(t)[0]), "\n") {
		if !strings.Contains(l, "?") {
			clean = append(clean, l)
		}
	}
	in := []byte(Normalize(strings.Join(clean, "")))
	n := NewNormalizer()
	if k, err := n.Span(in, true); k != len(in) || err != nil {
		t.Fatalf("Span of normalized text = %d, %v; want %d, nil", k, err, len(in))
	}
	allocs := testing.AllocsPerRun(20, func() {
		n.Reset()
		n.Span(in, true)
	})
	if allocs != 0 {
		t.Errorf("Span allocates %v times", allocs)
	}
}

// TestRepeatedTokens normalizes long lines made of one token repeated,
// which run into the piece boundaries of MaxLineLength and the scan budget
// for pairs: no panic, valid output, no Han character lost.
func TestRepeatedTokens(t *testing.T) {
	for _, tok := range fuzzAlphabet {
		in := strings.Repeat(tok, 3*MaxLineLength/len(tok)/2+1)
		out := Normalize(in)
		if !utf8.ValidString(out) {
			t.Errorf("%q repeated: output not valid UTF-8", tok)
		}
		if !isSubsequence(hanOf(in, true), hanOf(out, false)) {
			t.Errorf("%q repeated: Han characters lost", tok)
		}
	}
}
