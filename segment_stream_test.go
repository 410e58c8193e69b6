package zhnorm

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// segScanned is a span a Scanner returned, with its Cut.
type segScanned struct {
	Span
	Cut bool
}

// segScan returns every span a Scanner splits r into, and its error.
func segScan(sp Splitter, r io.Reader) ([]segScanned, error) {
	sc := sp.NewScanner(r)
	var spans []segScanned
	for sc.Scan() {
		s := sc.Span()
		if string(sc.Bytes()) != s.Text {
			return spans, fmt.Errorf("span %d: Bytes %q, Span().Text %q", len(spans), sc.Bytes(), s.Text)
		}
		spans = append(spans, segScanned{s, sc.Cut()})
		if sc.Count() != len(spans) {
			return spans, fmt.Errorf("Count %d after %d spans", sc.Count(), len(spans))
		}
	}
	return spans, sc.Err()
}

// segSplitLimited is the reference for a Scanner: Split over the whole
// text, with a span longer than max cut as the Scanner documents. Where
// nothing is cut, it is Split.
func segSplitLimited(sp Splitter, text string, max int) []segScanned {
	r := sp.segRules()
	var spans []segScanned
	for start := 0; start < len(text); {
		end, _ := r.spanEnd(text, start, segResume{start, segLeading}, true)
		cut := end-start > max
		if cut {
			end = segCutAt([]byte(text), start, start+max)
		}
		spans = append(spans, segScanned{Span{start, end, text[start:end]}, cut})
		start = end
	}
	return spans
}

// segWantScan checks that a Scanner reading r splits text as the reference
// does, and reports no error.
func segWantScan(t *testing.T, what string, sp Splitter, text string, r io.Reader) {
	t.Helper()
	max := sp.MaxLen
	if max <= 0 {
		max = DefaultMaxLen
	}
	want := segSplitLimited(sp, text, max)
	got, err := segScan(sp, r)
	if err != nil {
		t.Errorf("%s: %v", what, err)
	}
	if !slices.Equal(want, got) {
		t.Errorf("%s: Scanner (-want +got):\n%s", what, cmp.Diff(want, got))
	}
}

var segSplitters = []Splitter{{}, {Semicolons: true}, {Unit: Paragraph}}

// TestScannerSameSpans: one-byte reads, random-sized reads and one read of
// everything give the spans Split gives, on the seed page, the hard sample
// and the corpora.
func TestScannerSameSpans(t *testing.T) {
	for name, text := range segInputs(t) {
		for _, sp := range segSplitters {
			what := fmt.Sprintf("%s %s semicolons=%v", name, sp.Unit, sp.Semicolons)
			want := segCollect(sp.Split(text))
			if len(segSplitLimited(sp, text, DefaultMaxLen)) != len(want) {
				t.Fatalf("%s: a span is longer than DefaultMaxLen", what)
			}
			segWantScan(t, what+" whole", sp, text, strings.NewReader(text))
			segWantScan(t, what+" random reads", sp, text, newChunkReader(text, 7, 5000))
			segWantScan(t, what+" small random reads", sp, text, newChunkReader(text, 8, 17))
			if !testing.Short() || !strings.HasSuffix(name, ".utf8") {
				segWantScan(t, what+" one-byte reads", sp, text, iotest.OneByteReader(strings.NewReader(text)))
			}
		}
	}
}

// TestScannerEverySplit streams every case of the table tests split into
// two reads at every byte, and by single bytes.
func TestScannerEverySplit(t *testing.T) {
	for _, tc := range []struct {
		sp    Splitter
		tests []segTest
	}{{Splitter{}, segSentenceTests}, {Splitter{Semicolons: true}, segSemicolonTests}, {Splitter{Unit: Paragraph}, segParagraphTests}} {
		for _, tt := range tc.tests {
			in := strings.Join(tt.want, "")
			for i := 0; i <= len(in); i++ {
				r := io.MultiReader(strings.NewReader(in[:i]), strings.NewReader(in[i:]))
				segWantScan(t, fmt.Sprintf("%s %s split at %d", tc.sp.Unit, tt.name, i), tc.sp, in, r)
			}
			segWantScan(t, fmt.Sprintf("%s %s by single bytes", tc.sp.Unit, tt.name), tc.sp, in, iotest.OneByteReader(strings.NewReader(in)))
		}
	}
}

// TestScannerCuts: a span longer than MaxLen is cut into pieces of at most
// MaxLen bytes on character boundaries, each reported, and the text goes on
// being split as if a span started at the cut, however it is read.
func TestScannerCuts(t *testing.T) {
	inputs := segInputs(t)
	long := strings.Repeat("塔什库尔干塔吉克自治县", 500) + "。短句。\n" + strings.Repeat("a", 3000) + "\n\n" +
		strings.Repeat(" ", 300) + "尾\xe6\xb1" + strings.Repeat("\xf0\x9f\x98\x80", 100) + "！" + strings.Repeat("\x80", 9)
	texts := map[string]string{"long": long, seedPage: inputs[seedPage], "hard": inputs["segment/hard.txt"]}
	for name, text := range texts {
		for _, max := range []int{4, 5, 6, 7, 16, 61, 100, 1000} {
			for _, sp := range segSplitters {
				sp.MaxLen = max
				what := fmt.Sprintf("%s %s MaxLen %d", name, sp.Unit, max)
				want := segSplitLimited(sp, text, max)
				cuts := 0
				for _, s := range want {
					if len(s.Text) > max {
						t.Fatalf("%s: a span of %d bytes", what, len(s.Text))
					}
					if s.Cut {
						cuts++
					}
				}
				if cuts == 0 && (name == "long" || max < 500) {
					t.Fatalf("%s: nothing cut", what)
				}
				segCheckCover(t, what, text, segSpansOf(want), true)
				segWantScan(t, what, sp, text, newChunkReader(text, uint64(max), 3*max))
				if !testing.Short() || max == 5 {
					segWantScan(t, what+" one-byte reads", sp, text, iotest.OneByteReader(strings.NewReader(text)))
				}
			}
		}
	}
	// Cut pieces join up again: a long line without marks is the same
	// sentence.
	sp := Splitter{MaxLen: 100}
	got, err := segScan(sp, strings.NewReader(long))
	if err != nil {
		t.Fatal(err)
	}
	var joined []string
	var cur strings.Builder
	for _, s := range got {
		cur.WriteString(s.Text)
		if !s.Cut {
			joined = append(joined, cur.String())
			cur.Reset()
		}
	}
	want := []string{}
	for s := range Sentences(long) {
		want = append(want, s.Text)
	}
	if diff := cmp.Diff(want[:2], joined[:2]); diff != "" {
		t.Errorf("joined pieces (-want +got):\n%s", diff)
	}
}

func segSpansOf(s []segScanned) []Span {
	spans := make([]Span, len(s))
	for i := range s {
		spans[i] = s[i].Span
	}
	return spans
}

// TestScannerMaxLen: the limit below utf8.UTFMax, zero and negative.
func TestScannerMaxLen(t *testing.T) {
	text := strings.Repeat("汉", 30000) // 90,000 bytes: cut once at the default
	for _, tt := range []struct{ maxLen, want int }{{0, DefaultMaxLen}, {-1, DefaultMaxLen}, {1, utf8.UTFMax}, {3, utf8.UTFMax}, {5, 5}} {
		got, err := segScan(Splitter{MaxLen: tt.maxLen}, strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		// The first piece is the limit, less what a character boundary
		// takes off.
		if n := len(got[0].Text); !got[0].Cut || n > tt.want || n < tt.want-2 {
			t.Errorf("MaxLen %d: first span %d bytes, cut %v; want about %d", tt.maxLen, n, got[0].Cut, tt.want)
		}
	}
}

// TestScannerMemory: a stream of 8 MB without a line break or a mark is
// split with a buffer of segLookBehind+MaxLen+utf8.UTFMax bytes.
func TestScannerMemory(t *testing.T) {
	size := int64(8 << 20)
	if testing.Short() {
		size = 1 << 20
	}
	for _, sp := range []Splitter{{MaxLen: 1000}, {}} {
		sc := sp.NewScanner(io.LimitReader(&repeatReader{s: "塔什库尔干塔吉克自治县"}, size))
		n, cuts := 0, 0
		for sc.Scan() {
			n += len(sc.Bytes())
			if sc.Cut() {
				cuts++
			}
		}
		if sc.Err() != nil || int64(n) != size || cuts != sc.Count()-1 {
			t.Errorf("MaxLen %d: %d bytes in %d spans, %d cut, error %v", sp.MaxLen, n, sc.Count(), cuts, sc.Err())
		}
		if bound := segLookBehind + sc.max + utf8.UTFMax; cap(sc.buf) > bound {
			t.Errorf("MaxLen %d: buffer of %d bytes, bound %d", sp.MaxLen, cap(sc.buf), bound)
		}
	}
}

// TestScannerErrors: what is read before an error is split and returned,
// then Scan stops and Err reports it.
func TestScannerErrors(t *testing.T) {
	text := "甲。乙。丙"
	boom := errors.New("boom")
	for _, r := range []io.Reader{
		io.MultiReader(strings.NewReader(text), iotest.ErrReader(boom)),
		iotest.DataErrReader(io.MultiReader(strings.NewReader(text), iotest.ErrReader(boom))),
		iotest.TimeoutReader(strings.NewReader(text)),
	} {
		got, err := segScan(Splitter{}, r)
		if err == nil {
			t.Errorf("%T: no error", r)
		}
		var texts []string
		for _, s := range got {
			texts = append(texts, s.Text)
		}
		// TimeoutReader fails its second read: the first read is all of it.
		if diff := cmp.Diff([]string{"甲。", "乙。", "丙"}, texts); diff != "" {
			t.Errorf("%T: error %v, spans (-want +got):\n%s", r, err, diff)
		}
	}
	if _, err := segScan(Splitter{}, segEmptyReader{}); err != io.ErrNoProgress {
		t.Errorf("reader without progress: %v, want io.ErrNoProgress", err)
	}
	sc := Splitter{}.NewScanner(strings.NewReader(""))
	if sc.Scan() || sc.Err() != nil || sc.Count() != 0 || len(sc.Bytes()) != 0 {
		t.Errorf("empty input: a span, or error %v", sc.Err())
	}
	if sc.Scan() {
		t.Error("Scan after the end returned true")
	}
}

type segEmptyReader struct{}

func (segEmptyReader) Read([]byte) (int, error) { return 0, nil }

// TestCutAt: a cut never separates a lead byte from the continuation bytes
// its length promises.
func TestCutAt(t *testing.T) {
	tests := []struct {
		buf          string
		start, limit int
		want         int
	}{
		{"abcdef", 0, 4, 4},
		{"a汉b", 0, 2, 1},
		{"a汉b", 0, 3, 1},
		{"a汉b", 0, 4, 4},
		{"a\xf0\x9f\x98\x80b", 0, 4, 1},
		{"\xf0\x9f\x98\x80b", 0, 4, 4},
		{"ab\xe6\xb1\xe6\xb1", 0, 3, 2}, // a truncated character stays whole
		{"a\x80\x80\x80\x80\x80", 0, 4, 4},
		{"\xe6\xb1\x80\x80\x80", 0, 4, 4}, // a lead byte promises two more, no more
		{"\xe6\xb1\x89\xe6\xb1\x89", 0, 4, 3},
		{"\xe6\xb1\x89\xe6\xb1\x89", 3, 4, 4}, // never at the start
	}
	for _, tt := range tests {
		if got := segCutAt([]byte(tt.buf), tt.start, tt.limit); got != tt.want {
			t.Errorf("cutAt(%q, %d, %d) = %d, want %d", tt.buf, tt.start, tt.limit, got, tt.want)
		}
	}
}

// TestScannerLookBehind: the rules look back before a span's start (in
// 「好。」?当日 the ? after 」 is a lost character, not a mark); a Scanner
// with a small buffer, which drops returned text all the time, keeps what
// they need, and splits as Split does. Each MaxLen moves the points where
// the buffer is full, so that some fall where it matters.
func TestScannerLookBehind(t *testing.T) {
	// A filler of varying length, so that the points where the buffer is
	// full do not repeat with the text.
	var b strings.Builder
	for i := range 40 {
		b.WriteString(strings.Repeat("甲", i%5) + "「好。」?当日全食。\n1.第二條。 12.第三條\n  3.第四條\n")
	}
	text := b.String()
	for _, sp := range segSplitters {
		for max := 44; max <= 92; max++ {
			sp.MaxLen = max // no span is longer: nothing is cut
			if want := segCollect(sp.Split(text)); len(segSplitLimited(sp, text, sp.MaxLen)) != len(want) {
				t.Fatalf("%s: a span is longer than %d bytes", sp.Unit, sp.MaxLen)
			}
			segWantScan(t, fmt.Sprintf("%s MaxLen %d", sp.Unit, max), sp, text, iotest.OneByteReader(strings.NewReader(text)))
		}
	}
}

// TestZeroScanner: the zero Scanner scans nothing and says why, without
// panicking.
func TestZeroScanner(t *testing.T) {
	var s Scanner
	for i := range 2 {
		if s.Scan() {
			t.Errorf("the zero Scanner scanned, call %d", i+1)
		}
	}
	if s.Err() == nil || !strings.Contains(s.Err().Error(), "NewScanner") {
		t.Errorf("Err = %v, want one naming NewScanner", s.Err())
	}
	if s.Count() != 0 || len(s.Bytes()) != 0 {
		t.Errorf("Count, Bytes = %d, %q", s.Count(), s.Bytes())
	}
}
