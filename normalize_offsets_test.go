package zhnorm

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// mapPiece is a piece by its texts, for tests written by hand.
type mapPiece struct {
	In, Out string
	Aligned bool
}

func textPieces(in, out string, m *OffsetMap) []mapPiece {
	var ps []mapPiece
	for p := range m.Pieces() {
		ps = append(ps, mapPiece{in[p.In:p.InEnd], out[p.Out:p.OutEnd], p.Aligned})
	}
	return ps
}

// TestNormalizerOffsetPieces checks, rule by rule, what maps as a whole.
// The pieces were written by hand from the rules, not copied from output.
func TestNormalizerOffsetPieces(t *testing.T) {
	type P = mapPiece
	tests := []struct {
		name, in string
		opts     []Option
		want     []P
	}{
		{"pinyin reading with its character", "數(shù)字\n", nil,
			[]P{{"數(shù)", "數", false}, {"字\n", "字\n", true}}},
		{"pinyin in full-width parentheses", "發（fā）展\n", nil,
			[]P{{"發（fā）", "發", false}, {"展\n", "展\n", true}}},
		{"comma", "中,文\n", nil,
			[]P{{"中", "中", true}, {",", "，", false}, {"文\n", "文\n", true}}},
		{"comma and the space after it", "中, 文\n", nil,
			[]P{{"中", "中", true}, {",", "，", false}, {" ", "", false}, {"文\n", "文\n", true}}},
		{"doubled mark", "好，，好\n", nil,
			[]P{{"好", "好", true}, {"，，", "，", false}, {"好\n", "好\n", true}}},
		{"full-width digits one by one", "１２元\n", nil,
			[]P{{"１", "1", false}, {"２", "2", false}, {"元\n", "元\n", true}}},
		{"character reference", "A&amp;B\n", nil,
			[]P{{"A", "A", true}, {"&amp;", "&", false}, {"B\n", "B\n", true}}},
		{"reference decoded twice", "x&amp;lt;y\n", nil,
			[]P{{"x", "x", true}, {"&amp;lt;", "<", false}, {"y\n", "y\n", true}}},
		{"tag", "<b>中</b>文\n", nil,
			[]P{{"<b>", "", false}, {"中", "中", true}, {"</b>", "", false}, {"文\n", "文\n", true}}},
		{"line break tag", "中<br>文\n", nil,
			[]P{{"中", "中", true}, {"<br>", "\n", false}, {"文\n", "文\n", true}}},
		{"mojibake run", "é»‘é¾™æ±Ÿ\n", nil,
			[]P{{"é»‘é¾™æ±Ÿ", "黑龙江", false}, {"\n", "\n", true}}},
		{"indentation", "　　正文\n", nil,
			[]P{{"　　", "", false}, {"正文\n", "正文\n", true}}},
		{"collapsed spaces", "a  \t b\n", nil,
			[]P{{"a", "a", true}, {"  \t ", " ", false}, {"b\n", "b\n", true}}},
		{"letter-spaced", "中 国\n", nil,
			[]P{{"中", "中", true}, {" ", "", false}, {"国\n", "国\n", true}}},
		{"blank lines collapse", "甲\n\n\n\n乙\n", nil,
			[]P{{"甲\n", "甲\n", true}, {"\n\n\n", "\n", false}, {"乙\n", "乙\n", true}}},
		{"one blank line stays", "甲\n\n乙\n", nil,
			[]P{{"甲\n\n乙\n", "甲\n\n乙\n", true}}},
		{"leading and trailing blank lines", "\n\n甲\n\n", nil,
			[]P{{"\n\n", "", false}, {"甲\n", "甲\n", true}, {"\n", "", false}}},
		{"CRLF", "甲\r\n乙", nil,
			[]P{{"甲", "甲", true}, {"\r\n", "\n", false}, {"乙", "乙", true}, {"", "\n", false}}},
		{"final line break added", "甲", nil,
			[]P{{"甲", "甲", true}, {"", "\n", false}}},
		{"ellipsis", "中。。。文\n", nil,
			[]P{{"中", "中", true}, {"。。。", "……", false}, {"文\n", "文\n", true}}},
		{"combining mark composed with the letter before", "e\u0301x\n", nil,
			[]P{{"e\u0301", "é", false}, {"x\n", "x\n", true}}},
		{"unwrap joins lines", "第一行\n第二行。\n", []Option{Enable(Unwrap)},
			[]P{{"第一行", "第一行", true}, {"\n", "", false}, {"第二行。\n", "第二行。\n", true}}},
		{"spacing adds a space", "中文abc\n", []Option{Enable(Spacing)},
			[]P{{"中文", "中文", true}, {"", " ", false}, {"abc\n", "abc\n", true}}},
		{"one character for one of the same length", "二○○八年\n", nil,
			[]P{{"二○○八年\n", "二〇〇八年\n", true}}},
		{"unchanged", "已经干净。\n", nil,
			[]P{{"已经干净。\n", "已经干净。\n", true}}},
	}
	for _, tt := range tests {
		n := NewNormalizer(tt.opts...)
		out, m := n.StringMapped(tt.in)
		if got := textPieces(tt.in, out, m); !cmp.Equal(tt.want, got) {
			t.Errorf("%s: %q → %q, pieces (-want +got):\n%s", tt.name, tt.in, out, cmp.Diff(tt.want, got))
		}
		checkMap(t, tt.name, n, tt.in, out, m)
	}
}

// checkMap checks what every map of the Normalizer must satisfy: it covers
// the input and the output, StringMapped writes what String writes, and
// the aligned pieces have the same character boundaries on both sides.
func checkMap(t *testing.T, name string, n *Normalizer, in, out string, m *OffsetMap) {
	t.Helper()
	if want := n.String(in); out != want {
		t.Fatalf("%s: StringMapped wrote %q, String %q", name, out, want)
	}
	if i, o := m.Len(); i != len(in) || o != len(out) {
		t.Fatalf("%s: map Len %d, %d; input and output have %d, %d", name, i, o, len(in), len(out))
	}
	for p := range m.Pieces() {
		if p.Aligned && !sameBoundaries(in[p.In:p.InEnd], out[p.Out:p.OutEnd]) {
			t.Fatalf("%s: aligned piece %q → %q", name, in[p.In:p.InEnd], out[p.Out:p.OutEnd])
		}
	}
}

// sameBoundaries reports whether a and b have the same length and the same
// character boundaries.
func sameBoundaries(a, b string) bool {
	for len(a) > 0 && len(b) > 0 {
		_, n := utf8.DecodeRuneInString(a)
		_, m := utf8.DecodeRuneInString(b)
		if n != m {
			return false
		}
		a, b = a[n:], b[m:]
	}
	return len(a) == len(b)
}

// contextRule returns the name of a rule whose result for the text in, on
// its own, may differ from its result in its context, "" if none. Where it
// returns "", normalizing a span's input on its own must give the span's
// text. The rules that need context:
//   - pairs (Punct's ASCII ( ) and " ", Quotes, Forms' 〝〞 ｀＇): a mark
//     converts with its partner, which may lie outside, so the text needs
//     its marks paired;
//   - the rules that look at the character before or after a mark:
//     Punct's , ; : ! ?, Ellipsis, Dash, NameDot, Width's symbols ％＋…
//     beside a digit, Forms' marks, Zero's runs of numerals, HTML's closing
//     tag without its <, and a combining mark that composes with the
//     character before: at the first or last character of the text;
//   - Whitespace between Chinese characters, kept as a separator but
//     removed between letter-spaced characters, which looks two
//     characters further: within two characters of either end;
//   - Mojibake, which does not start inside a run of Latin-1 letters that
//     stayed: a text that starts with one.
func contextRule(in string) string {
	if !paired(in) {
		return "pairs"
	}
	first, _ := utf8.DecodeRuneInString(in)
	last, _ := utf8.DecodeLastRuneInString(in)
	for _, r := range []rune{first, last} {
		switch {
		case strings.ContainsRune(",;:!?.-/…—–―•‧・･〇○OＯ０零一二三四五六七八九十", r),
			0xFF01 <= r && r <= 0xFF5E && !unicode.IsLetter(r-0xFEE0) && !unicode.IsDigit(r-0xFEE0),
			0xFE10 <= r && r <= 0xFE6B:
			return "neighbours"
		}
	}
	if unicode.Is(unicode.Mn, first) {
		return "composition"
	}
	head, tail := in[:nthRune(in, 3)], in[len(in)-nthRuneFromEnd(in, 3):]
	if strings.IndexFunc(head, unicode.IsSpace) >= 0 || strings.IndexFunc(tail, unicode.IsSpace) >= 0 {
		return "spaces"
	}
	if 0x80 <= first && first <= 0xFF {
		return "mojibake"
	}
	return ""
}

// paired reports whether the marks of every kind of pair in s are paired.
func paired(s string) bool {
	if strings.Count(s, "\"")%2 != 0 {
		return false
	}
	for _, pair := range []string{"()", "“”", "‘’", "「」", "『』", "〝〞", "｀＇"} {
		open, size := utf8.DecodeRuneInString(pair)
		close, _ := utf8.DecodeRuneInString(pair[size:])
		depth := 0
		for _, r := range s {
			switch r {
			case open:
				depth++
			case close:
				depth--
			}
			if depth < 0 {
				return false
			}
		}
		if depth != 0 {
			return false
		}
	}
	return true
}

// nthRune returns the byte offset of the n-th character of s (its length
// when s is shorter).
func nthRune(s string, n int) int {
	for k := range s {
		if n == 0 {
			return k
		}
		n--
	}
	return len(s)
}

// nthRuneFromEnd returns the length of the last n characters of s.
func nthRuneFromEnd(s string, n int) int {
	k := len(s)
	for ; n > 0 && k > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:k])
		k -= size
	}
	return len(s) - k
}

// checkSpans checks the property of the map on spans of the output: the
// input a span maps to, normalized on its own, gives the span's text
// (widened to whole pieces), unless a rule needs context. It returns how
// many spans it checked and how many it skipped for context.
func checkSpans(t *testing.T, name string, n *Normalizer, in, out string, m *OffsetMap, spans []Span) (checked, skipped int) {
	t.Helper()
	for _, s := range spans {
		s = s.Trim()
		if s.Start == s.End {
			continue
		}
		a, b := m.InputSpan(s.Start, s.End)
		c, d := m.OutputSpan(a, b)
		want := strings.TrimSpace(out[c:d])
		orig := in[a:b]
		if contextRule(orig) != "" {
			skipped++
			continue
		}
		checked++
		if got := strings.TrimSpace(n.Field(orig)); got != want {
			t.Errorf("%s: output %d:%d %q maps to input %d:%d %q, which normalizes to %q", name, s.Start, s.End, s.Text, a, b, orig, got)
			if checked > 20 {
				t.FailNow()
			}
		}
	}
	return checked, skipped
}

// randomSpans returns spans of text at character boundaries that start and
// end at characters other than white space.
func randomSpans(r *rand.Rand, text string, count int) []Span {
	var starts []int
	for k, c := range text {
		if !unicode.IsSpace(c) {
			starts = append(starts, k)
		}
	}
	var spans []Span
	for range count {
		if len(starts) == 0 {
			break
		}
		i := r.IntN(len(starts))
		j := min(len(starts)-1, i+r.IntN(40))
		_, size := utf8.DecodeRuneInString(text[starts[j]:])
		s, e := starts[i], starts[j]+size
		spans = append(spans, Span{Start: s, End: e, Text: text[s:e]})
	}
	return spans
}

func collectSpans(seq func(func(Span) bool)) []Span {
	var spans []Span
	for s := range seq {
		spans = append(spans, s)
	}
	return spans
}

// TestNormalizerOffsetSpans checks the property on the sentences and on
// random spans of the seed page, the corpora and the hand-made cases.
func TestNormalizerOffsetSpans(t *testing.T) {
	inputs := testInputs(t)
	inputs["cases"] = offsetCases
	r := rand.New(rand.NewPCG(3, 4))
	for _, opts := range [][]Option{nil, {Enable(Unwrap, Spacing)}} {
		n := NewNormalizer(opts...)
		for name, in := range inputs {
			if testing.Short() && name != seedPage && name != "cases" {
				continue
			}
			out, m := n.StringMapped(in)
			checkMap(t, name, n, in, out, m)
			c1, s1 := checkSpans(t, name+" sentences", n, in, out, m, collectSpans(Sentences(out)))
			c2, s2 := checkSpans(t, name+" random spans", n, in, out, m, randomSpans(r, out, 2000))
			t.Logf("%s %v: sentences %d checked, %d need context; random spans %d checked, %d need context", name, opts != nil, c1, s1, c2, s2)
			// The test must test: many spans of real text need no context
			// (the cases are made to need it; as_test.utf8 puts spaces
			// between words).
			if c2 < 100 || name != "cases" && 5*(c1+c2) < c1+c2+s1+s2 {
				t.Errorf("%s: too few spans checked", name)
			}
		}
	}
}

// offsetCases holds a line or two for every rule.
const offsetCases = "數(shù)字化轉型，發（fā）展很快。\n" +
	"中,文 , 句子;真的!\n" +
	"价格１２３元，ＡＢＣ公司，５０％。\n" +
	"A&amp;B&nbsp;公司&lt;b&gt;好。\n" +
	"<p>段落<b>粗体</b>文字</p><br>下一句。\n" +
	"é»‘é¾™æ±Ÿçœ\u0081是个好地方。\n" +
	"　　缩进的段落。\n" +
	"中 国 人 民 银 行。\r\n" +
	"\n\n\n" +
	"他说。。。好吧……走——跑--停。\n" +
	"e\u0301lan 和 ｶﾞｷﾞ。\n" +
	"一九九○年，二○○八年。\n" +
	"\u200b零宽\u200d字符\u0007控制。\n" +
	"第一行\n第二行\n第三行。\n" +
	"中文abc混排123文字。\n" +
	"bad \xff\xfe bytes 中\xe4文。\n" +
	"最后一行没有换行"

// TestNormalizerOffsetStreaming checks that TransformMapped, however the
// input is chunked, gives the map StringMapped gives.
func TestNormalizerOffsetStreaming(t *testing.T) {
	inputs := testInputs(t)
	inputs["cases"] = offsetCases
	for _, opts := range [][]Option{nil, {Enable(Unwrap, Spacing)}, {Disable(Whitespace)}} {
		n := NewNormalizer(opts...)
		for name, in := range inputs {
			if testing.Short() && name != seedPage && name != "cases" {
				continue
			}
			out, m := n.StringMapped(in)
			readers := map[string]io.Reader{
				"random reads":       newChunkReader(in, 7, 5000),
				"small random reads": newChunkReader(in, 8, 17),
			}
			if len(in) < 1<<20 {
				readers["one-byte reads"] = iotest.OneByteReader(strings.NewReader(in))
			}
			for how, rd := range readers {
				label := fmt.Sprintf("%s %v %s", name, opts, how)
				r := NewOffsetReader(rd, n.Clone())
				got, err := io.ReadAll(r)
				if err != nil {
					t.Fatalf("%s: %v", label, err)
				}
				checkSame(t, label, out, string(got))
				if d := cmp.Diff(textPieces(in, out, m), textPieces(in, out, r.Map())); d != "" {
					t.Errorf("%s: map (-whole +stream):\n%s", label, d)
				}
			}
		}
	}
}

// TestFieldMapped: FieldMapped gives Field's output, with a map over all of
// it and all of the input, whatever the field ends with.
func TestFieldMapped(t *testing.T) {
	n := NewNormalizer()
	for _, s := range []string{"", "數(shù)字", "數(shù)字\n", "  黑龍江 ", "黑龍江\r", "a,b", "１９９８年\t\t", "\n\n", "中文  "} {
		out, m := n.FieldMapped(s)
		if want := n.Field(s); out != want {
			t.Errorf("FieldMapped(%q) = %q, Field gives %q", s, out, want)
		}
		if in, o := m.Len(); in != len(s) || o != len(out) {
			t.Errorf("FieldMapped(%q): the map covers %d→%d bytes of %d→%d", s, in, o, len(s), len(out))
		}
	}
	out, m := n.FieldMapped("數(shù)字")
	if s, e := m.InputSpan(0, len(out)); out != "數字" || s != 0 || e != len("數(shù)字") {
		t.Errorf("FieldMapped(數(shù)字) = %q mapping back to %d, %d", out, s, e)
	}
}
