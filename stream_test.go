package zhnorm

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// chunkReader returns its input in chunks of random sizes, with a fixed seed.
type chunkReader struct {
	s   string
	rng *rand.Rand
	max int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(r.s), 1+r.rng.IntN(r.max))
	copy(p, r.s[:n])
	r.s = r.s[n:]
	return n, nil
}

func newChunkReader(s string, seed uint64, max int) io.Reader {
	return &chunkReader{s: s, rng: rand.New(rand.NewPCG(seed, 1)), max: max}
}

// readAll streams s through t from r's chunks.
func readAll(t testing.TB, tr transform.Transformer, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(transform.NewReader(r, tr))
	if err != nil {
		t.Fatalf("reading: %v", err)
	}
	return string(b)
}

// TestStreaming: one-byte reads, random-sized reads and the whole input give
// the same output, for every config on the seed page and the corpora.
func TestStreaming(t *testing.T) {
	inputs := testInputs(t)
	configs := []string{"s2t", "t2s", "s2twp", "tw2sp", "hk2s", "s2hk-finance", "jp2t"}
	for _, name := range configs {
		for _, c := range bothLoops(mustConverter(t, name)) {
			streamInputs(t, c, name, inputs)
		}
	}
}

// streamInputs checks c's streaming of each input against its Convert.
func streamInputs(t *testing.T, c *Converter, name string, inputs map[string]string) {
	for in, text := range inputs {
		if testing.Short() && in != seedPage {
			continue
		}
		want := c.Convert(text)
		if in == seedPage || !testing.Short() && in == "cityu_test.utf8" {
			checkSame(t, name+" "+in+" one-byte reads", want, readAll(t, c, iotest.OneByteReader(strings.NewReader(text))))
		}
		checkSame(t, name+" "+in+" random reads", want, readAll(t, c, newChunkReader(text, 7, 5000)))
		checkSame(t, name+" "+in+" small random reads", want, readAll(t, c, newChunkReader(text, 8, 17)))
	}
}

// TestStreamingInvalidUTF8 splits inputs with invalid UTF-8 at every byte.
func TestStreamingInvalidUTF8(t *testing.T) {
	inputs := []string{
		"汉\xff字\xe6\xb1\x89\xe6\xb1",
		"\xe6\xb1汉字\xf0\x9f\x98",
		"塔什库尔干\xc0\x80塔吉克自治县\xed\xa0\x80",
		"顺利通过了\x00鼠标\xe4软件",
		"\xef\xbb\xbf黑龙江\r\n\x80\xbf",
	}
	for _, name := range []string{"s2t", "s2twp", "tw2sp"} {
		c := mustConverter(t, name)
		for _, in := range inputs {
			want := c.Convert(in)
			for i := 0; i <= len(in); i++ {
				r := io.MultiReader(strings.NewReader(in[:i]), strings.NewReader(in[i:]))
				if got := readAll(t, c, r); got != want {
					t.Errorf("%s: %q split at %d: %q, want %q", name, in, i, got, want)
				}
			}
			if got := readAll(t, c, iotest.OneByteReader(strings.NewReader(in))); got != want {
				t.Errorf("%s: %q by single bytes: %q, want %q", name, in, got, want)
			}
		}
	}
}

// TestTransformSmallBuffers drives Transform with small destination
// buffers: any that holds the longest output of one unit (48 bytes in
// OpenCC's data) makes progress.
func TestTransformSmallBuffers(t *testing.T) {
	inputs := testInputs(t)
	// Traditional and Simplified text, so that phrases fill the buffers
	// too (plainRun writes them).
	inputs["seed page in Simplified"] = mustConverter(t, "tw2s").Convert(inputs[seedPage])
	for _, in := range []string{seedPage, "convert/simplified.txt", "seed page in Simplified"} {
		text := inputs[in]
		for _, name := range []string{"s2t", "s2twp", "t2s", "tw2sp", "s2hk"} {
			for _, c := range bothLoops(mustConverter(t, name)) {
				want := c.Convert(text)
				for _, dstSize := range []int{48, 49, 50, 61, 300} {
					out := transformSmallDst(t, c, text, dstSize)
					checkSame(t, name+" "+in+" small dst", want, out)
				}
			}
		}
	}
}

// transformSmallDst transforms text whole (atEOF) with a dst of dstSize
// bytes, calling Transform again while it says transform.ErrShortDst.
func transformSmallDst(t *testing.T, tr transform.Transformer, text string, dstSize int) string {
	t.Helper()
	var out bytes.Buffer
	src := []byte(text)
	dst := make([]byte, dstSize)
	for {
		nDst, nSrc, err := tr.Transform(dst, src, true)
		out.Write(dst[:nDst])
		src = src[nSrc:]
		if err == nil {
			return out.String()
		}
		if !errors.Is(err, transform.ErrShortDst) || nDst == 0 && nSrc == 0 {
			t.Fatalf("dst %d: Transform: %v after %d bytes, no progress", dstSize, err, out.Len())
		}
	}
}

// TestSpan: Span's prefix converts to itself, and converting the rest after
// it gives the whole conversion.
func TestSpan(t *testing.T) {
	for _, name := range []string{"s2t", "t2s", "s2twp"} {
		c := mustConverter(t, name)
		for in, text := range testInputs(t) {
			n, err := c.Span([]byte(text), true)
			if n < len(text) && !errors.Is(err, transform.ErrEndOfSpan) || n == len(text) && err != nil {
				t.Errorf("%s %s: Span = %d, %v", name, in, n, err)
			}
			if got := c.Convert(text[:n]); got != text[:n] {
				t.Errorf("%s %s: Span prefix of %d bytes changes", name, in, n)
			}
			checkSame(t, name+" "+in+" after Span", c.Convert(text), text[:n]+c.Convert(text[n:]))
		}
	}
	c := mustConverter(t, "s2t")
	// 黑 starts keys (黑龙江): before EOF, Span cannot tell yet.
	if n, err := c.Span([]byte("abc 黑"), false); err != transform.ErrShortSrc || n != 4 {
		t.Errorf("Span before EOF = %d, %v; want 4, ErrShortSrc", n, err)
	}
	// 龍 starts none: it is done at once.
	if n, err := c.Span([]byte("abc 龍"), false); err != nil || n != 7 {
		t.Errorf("Span before EOF = %d, %v; want 7, nil", n, err)
	}
}

// TestChain composes the converter with others in transform.Chain.
func TestChain(t *testing.T) {
	s2t, t2s := mustConverter(t, "s2t"), mustConverter(t, "t2s")
	text := corpus(t, "pku_test.utf8")
	want := t2s.Convert(s2t.Convert(text))
	got, _, err := transform.String(transform.Chain(s2t, t2s), text)
	if err != nil {
		t.Fatal(err)
	}
	checkSame(t, "s2t then t2s", want, got)
}

// TestLongLine streams a 16 MB line without a newline: memory stays bounded
// by the look-ahead, so the reader never needs more than its buffer.
func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("16 MB")
	}
	c := mustConverter(t, "s2twp")
	unit := "顺利通过了鼠标和软件，塔什库尔干塔吉克自治县的数据"
	r := io.LimitReader(&repeatReader{s: unit}, 16<<20)
	n, err := io.Copy(io.Discard, transform.NewReader(r, c))
	if err != nil || n < 16<<20 {
		t.Fatalf("copied %d, %v", n, err)
	}
}

type repeatReader struct {
	s string
	i int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.s[r.i]
		r.i = (r.i + 1) % len(r.s)
	}
	return len(p), nil
}

// TestLongRuns: runs of characters that later steps' phrases may join, long
// enough to be cut at the run limit, stream exactly as they convert whole.
func TestLongRuns(t *testing.T) {
	for _, name := range []string{"s2twp", "tw2sp", "s2hk-finance"} {
		c := mustConverter(t, name)
		for _, unit := range []string{"U盘", "U盤", "SQL注入", "数据", "做多 ", "通过了"} {
			in := strings.Repeat(unit, 1500)
			want := c.Convert(in)
			checkSame(t, name+" "+unit+" random reads", want, readAll(t, c, newChunkReader(in, 3, 300)))
			checkSame(t, name+" "+unit+" one-byte reads", want, readAll(t, c, iotest.OneByteReader(strings.NewReader(in))))
		}
	}
}

// TestTransformRespectsLen: Transform writes within len(dst), even when the
// slice has more capacity.
func TestTransformRespectsLen(t *testing.T) {
	c := mustConverter(t, "s2t")
	buf := make([]byte, 100)
	for i := range buf {
		buf[i] = 'x'
	}
	nDst, _, err := c.Transform(buf[:10], []byte("汉字汉字汉字汉字"), true)
	if err != transform.ErrShortDst || nDst > 10 {
		t.Errorf("Transform into 10 bytes: wrote %d, %v", nDst, err)
	}
	for i := 10; i < len(buf); i++ {
		if buf[i] != 'x' {
			t.Fatalf("Transform wrote past len(dst) at %d", i)
		}
	}
}

// TestStreamingAdversarial streams each config's adversarial text (every
// key of its dictionaries, compatibility ideographs, ideographic
// description sequences) in small random reads and by single bytes, with
// and without the tofu-risk dictionaries, and checks Span on it.
func TestStreamingAdversarial(t *testing.T) {
	m := readBuiltin(t)
	size := 200_000
	if testing.Short() {
		size = 20_000
	}
	for _, info := range Configs() {
		adv := adversarialText(m, m.config(info.Name), 4)
		text := adv[:min(size, len(adv))]
		for _, opts := range [][]ConverterOption{nil, {WithoutTofuRisk()}} {
			c := mustConverter(t, info.Name, opts...)
			want := c.Convert(text)
			checkSame(t, info.Name+" small random reads", want, readAll(t, c, newChunkReader(text, 9, 17)))
			head := text[:min(len(text), 5000)]
			checkSame(t, info.Name+" one-byte reads", c.Convert(head), readAll(t, c, iotest.OneByteReader(strings.NewReader(head))))
			n, _ := c.Span([]byte(text), true)
			if got := c.Convert(text[:n]); got != text[:n] {
				t.Errorf("%s: Span prefix of %d bytes changes", info.Name, n)
			}
			checkSame(t, info.Name+" after Span", want, text[:n]+c.Convert(text[n:]))
		}
	}
}
