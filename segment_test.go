package zhnorm

import (
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// segCollect gathers the spans of an iterator.
func segCollect(seq iter.Seq[Span]) []Span {
	var spans []Span
	for s := range seq {
		spans = append(spans, s)
	}
	return spans
}

// segCheckCover checks what every split promises: the spans cover text in
// order without gaps, each is non-empty and starts at a character boundary
// (never between a lead byte and its continuation bytes, so not inside any
// character, valid or not), its Text is its slice of text, and it holds
// something other than white space unless text is all white space or
// Scanner cut spans (cut).
func segCheckCover(t *testing.T, what, text string, spans []Span, cut bool) {
	t.Helper()
	blank := cut || strings.TrimSpace(text) == ""
	units := segUnits(text)
	pos := 0
	for i, s := range spans {
		if s.Start != pos || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("%s: span %d is [%d,%d), want it to start at %d and be non-empty within %d bytes", what, i, s.Start, s.End, pos, len(text))
		}
		if s.Text != text[s.Start:s.End] {
			t.Fatalf("%s: span %d [%d,%d) has Text %q, not its slice %q", what, i, s.Start, s.End, s.Text, text[s.Start:s.End])
		}
		if !units[s.Start] {
			t.Fatalf("%s: span %d starts at %d, inside a character: %q", what, i, s.Start, text[max(0, s.Start-3):min(len(text), s.Start+3)])
		}
		if !blank && strings.TrimSpace(s.Text) == "" {
			t.Fatalf("%s: span %d [%d,%d) is only white space: %q", what, i, s.Start, s.End, s.Text)
		}
		if tr := s.Trim().Text; strings.ContainsAny(tr, "\n\r\v\f\u0085\u2028\u2029") {
			t.Fatalf("%s: span %d trimmed holds a line break: %q", what, i, tr)
		}
		pos = s.End
	}
	if pos != len(text) {
		t.Fatalf("%s: spans end at %d, text at %d", what, pos, len(text))
	}
}

// segUnits returns, for each position of text and its end, whether a
// split there keeps every character whole: whether it starts a lead byte
// and the continuation bytes its length promises (valid UTF-8 or not), or
// a byte outside any.
func segUnits(text string) []bool {
	starts := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		starts[i] = true
		n := 1
		switch b := text[i]; {
		case b >= 0xF0 && b < 0xF8:
			n = 4
		case b >= 0xE0 && b < 0xF0:
			n = 3
		case b >= 0xC0 && b < 0xE0:
			n = 2
		}
		j := i + 1
		for j < len(text) && j < i+n && text[j]&0xC0 == 0x80 {
			j++
		}
		i = j
	}
	starts[len(text)] = true
	return starts
}

// segTexts returns the texts of the spans of text.
func segTexts(t *testing.T, sp Splitter, text string) []string {
	t.Helper()
	spans := segCollect(sp.Split(text))
	segCheckCover(t, sp.Unit.String()+" "+strconv.Quote(text), text, spans, false)
	texts := []string{}
	for _, s := range spans {
		texts = append(texts, s.Text)
	}
	return texts
}

type segTest struct {
	name string
	want []string // the spans, in order: their concatenation is the input
}

func runSegTests(t *testing.T, sp Splitter, tests []segTest) {
	t.Helper()
	for _, tt := range tests {
		in := strings.Join(tt.want, "")
		if diff := cmp.Diff(tt.want, segTexts(t, sp, in)); diff != "" {
			t.Errorf("%s: %s %q (-want +got):\n%s", tt.name, sp.Unit, in, diff)
		}
	}
}

// TestSentences holds one case, or a few, for each rule.
func TestSentences(t *testing.T) { runSegTests(t, Splitter{}, segSentenceTests) }

var segSentenceTests = []segTest{
	{"empty", []string{}},
	{"one", []string{"今天下雨"}},
	{"full stop", []string{"今天下雨。", "明天晴。"}},
	{"marks", []string{"你去嗎？", "我不去！", "好。"}},
	{"other marks", []string{"好｡", "真的‼", "什麼⁇", "真的⁈", "好嗎⁉", "超標﹖", "天啊﹗", "完"}},
	{"quote closes", []string{"他說：「好。」", "我走了。"}},
	{"quote closes 2", []string{"「真的嗎？」", "他問。"}},
	{"double quote", []string{"他喊道：“快跑！”", "大家都跑了。"}},
	{"paren", []string{"（完。）", "下一句"}},
	{"nested closers", []string{"（她說：『我不知道。』）", "之後"}},
	{"ascii closers", []string{`He said "Go." `, "Then he left."}},
	{"run", []string{"真的？！", "我不信。"}},
	{"run ascii", []string{"Really!? ", "Yes."}},
	{"run of three", []string{"什麼？？？", "好。。。", "走！！！"}},
	{"comma after", []string{"「好嗎？」、「走吧！」，他說。"}},
	{"book title", []string{"《誰動了我的奶酪？》一書暢銷。"}},
	{"white space after", []string{"甲。  ", "乙。 \t"}},
	{"ideographic space", []string{"甲。\u3000", "乙。"}},
	{"numbers", []string{"圓周率是3.14。", "1.5亿元。", "１.４万元，三．六％，v2.0.1。"}},
	{"decimal typo", []string{"1..5万平方米。"}},
	{"ascii period", []string{"He was born in 1990. ", "Then he left."}},
	{"ascii period before space", []string{"漲到13.75元. ", "然後跌了"}},
	{"ascii period between han", []string{"漲到13.75元.然後跌了"}},
	{"No. 1", []string{"He is No. 1 in the world. ", "We agree."}},
	{"No. as a word", []string{"The answer is No. ", "We disagree."}},
	{"U.S.", []string{"The U.S. economy grew. ", "Prices fell."}},
	{"Dr. Mrs.", []string{"Dr. Smith met Mrs. Brown. ", "They sat."}},
	{"initial", []string{"John F. Kennedy spoke."}},
	{"Inc. before lower case", []string{"Apple Inc. said so. ", "Next."}},
	{"Inc. before capital", []string{"He works at Apple Inc. ", "The firm grew."}},
	{"Inc. in parentheses", []string{"（Con Agra Inc.），槍手被捕。"}},
	{"e.g. p.m.", []string{"Fruit, e.g. apples, is sold at 5 p.m. daily."}},
	{"etc.", []string{"Apples, pears etc. are sold. ", "Then etc. ", "The end."}},
	{"Jan. 5", []string{"On Jan. 5 he left. ", "He came back."}},
	{"url", []string{"請訪問http://www.gov.cn/a/b.html?id=1&x=2查看。", "謝謝。"}},
	{"url then space", []string{"See http://x.com/path. ", "Next."}},
	{"host", []string{"網址是www.people.com.cn。"}},
	{"e-mail", []string{"請寫信到zhang.san@example.com.cn。", "謝謝。"}},
	{"e-mail at the end", []string{"Write to a@b.com. ", "Thanks."}},
	{"full-width e-mail", []string{"caibian3＠peopledaily．com．cn"}},
	{"file names", []string{"下載report.pdf後運行setup.exe。"}},
	{"bang in ascii", []string{"if (a != b) return x?y:z;"}},
	{"lost characters", []string{"社會工作???/a>\n", "左右?,F(xiàn)有機構。"}},
	{"lost character", []string{"朱?基總理說，?當日全食。"}},
	{"ascii question", []string{"你好? ", "我很好. ", "What? ", "No!"}},
	{"ascii question before han", []string{"Really?", "我不信。"}},
	{"ellipsis goes on", []string{"我……我不知道。"}},
	{"ellipsis at the end", []string{"他走了……"}},
	{"ellipsis before a line break", []string{"他走了……\n", "下一行"}},
	{"ellipsis before a closer", []string{"「我……」", "他說。"}},
	{"ellipsis before a comma", []string{"等等……，還有。"}},
	{"ellipsis before a quote", []string{"他說……", "「走吧。」"}},
	{"ellipsis before a quote after space", []string{"他說…… ", "「走吧。」"}},
	{"ellipsis before a capital", []string{"Wait... ", "Then go."}},
	{"ellipsis before lower case", []string{"wait... then go."}},
	{"ellipsis in dots", []string{"通話費．．．等。"}},
	{"midline ellipsis", []string{"我⋯⋯不知道"}},
	{"semicolon and colon", []string{"甲；乙：丙;丁。"}},
	{"name interpunct", []string{"理查．克萊德門和路易斯.阿隆索來了。"}},
	{"small full stop", []string{"很嚴重﹒", "全書共十章。"}},
	{"list item", []string{"1.第二十七條\n", "2.第二十八條"}},
	{"list item indented", []string{"甲\n  ", "2. 第二項：說明。"}},
	{"list item full-width", []string{"１．取高湯。"}},
	{"list item han", []string{"一．總則"}},
	{"not a list item", []string{"截至2021.", "目前"}},
	{"full-width initials", []string{"Ｇ．Ａ．荷蘭和Ｄｒ．史密斯來了。"}},
	{"line break", []string{"第一行\n", "第二行。"}},
	{"blank lines and indentation stay", []string{"第一段。\n\n  ", "第二段"}},
	{"line break after space", []string{"甲。 \n", "乙"}},
	{"crlf", []string{"甲。\r\n", "乙。\r\n"}},
	{"cr", []string{"甲\r", "乙"}},
	{"other breaks", []string{"甲\v", "乙\f", "丙\u0085", "丁\u2028", "戊\u2029", "己"}},
	{"leading blank lines", []string{"\n\n 甲。", "乙。"}},
	{"all white space", []string{"  \n \n"}},
	{"trailing blank lines", []string{"甲。\n\n  \n"}},
	{"invalid UTF-8", []string{"甲\xff。", "乙\xe6\xb1"}},
	{"invalid after a mark", []string{"。", "\xff"}},
	{"truncated mark", []string{"甲\xe3\x80乙"}},
	{"BOM is not white space", []string{"\ufeff甲。", "乙。"}},
	{"NUL", []string{"甲\x00。", "乙"}},
}

// TestSemicolons: with Semicolons, ；ends a sentence, and ; where ! would.
func TestSemicolons(t *testing.T) { runSegTests(t, Splitter{Semicolons: true}, segSemicolonTests) }

var segSemicolonTests = []segTest{
	{"full-width", []string{"甲；", "乙：丙。"}},
	{"small", []string{"甲﹔", "乙"}},
	{"ascii", []string{"文件18個;", "建立了制度。"}},
	{"ascii before space", []string{"one; ", "two"}},
	{"ascii in code", []string{"a;b"}},
	{"entity", []string{"寫著&amp;符號;", "真奇怪。"}},
	{"numeric entity", []string{"&#12290;後"}},
	{"after a mark", []string{"好！；", "走"}},
	{"after a closer", []string{"「好。」；", "走"}},
}

// TestParagraphs: a paragraph is a line and the blank lines after it.
func TestParagraphs(t *testing.T) { runSegTests(t, Splitter{Unit: Paragraph}, segParagraphTests) }

var segParagraphTests = []segTest{
	{"empty", []string{}},
	{"one", []string{"甲。乙。"}},
	{"lines", []string{"甲。乙。\n", "丙\n\n\n", "丁"}},
	{"leading blank lines", []string{"\n\n甲\n"}},
	{"crlf", []string{"甲\r\n\r\n", "乙"}},
	{"blank", []string{"  \n"}},
	{"indentation", []string{" 甲\n\u3000\u3000", "乙 \n"}},
	{"blank lines with spaces", []string{"甲\n \n\u3000\n", "乙"}},
	{"other breaks", []string{"甲\v", "乙\f", "丙\u0085", "丁\u2028", "戊\u2029", "己\r", "庚"}},
	{"invalid UTF-8", []string{"\xff\n", "\xe6\xb1\n", "\xc2"}},
	{"marks end nothing", []string{"他說……「走吧。」Wait... Then!?\n"}},
}

// TestSentencesWithinParagraphs: the boundaries of paragraphs are
// boundaries of sentences, on every input the tests have.
func TestSentencesWithinParagraphs(t *testing.T) {
	for name, text := range segInputs(t) {
		for _, semicolons := range []bool{false, true} {
			sentenceEnds := map[int]bool{}
			for s := range (Splitter{Semicolons: semicolons}).Split(text) {
				sentenceEnds[s.End] = true
			}
			paragraphs := 0
			for p := range Paragraphs(text) {
				paragraphs++
				if !sentenceEnds[p.End] {
					t.Errorf("%s: the paragraph ending at %d ends no sentence: %q", name, p.End, p.Text)
				}
			}
			if paragraphs == 0 && text != "" {
				t.Errorf("%s: no paragraphs", name)
			}
		}
	}
}

// segInputs returns the texts the segment tests run over: the seed page,
// the hard sample and, when present, the SIGHAN corpora.
func segInputs(t testing.TB) map[string]string {
	t.Helper()
	in := map[string]string{}
	for _, f := range corpusFiles {
		if b, err := os.ReadFile(filepath.Join(corpusDir, f)); err == nil {
			in[f] = string(b)
		}
	}
	for _, f := range []string{seedPage, "segment/hard.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		in[f] = string(b)
	}
	return in
}

// TestSplitCovers checks the promises of every span on every input.
func TestSplitCovers(t *testing.T) {
	for name, text := range segInputs(t) {
		for _, sp := range []Splitter{{}, {Semicolons: true}, {Unit: Paragraph}} {
			spans := segCollect(sp.Split(text))
			segCheckCover(t, name+" "+sp.Unit.String(), text, spans, false)
			if len(spans) < 2 {
				t.Errorf("%s: %d %ss", name, len(spans), sp.Unit)
			}
		}
	}
}

// TestSplitStops: the iterator stops when the loop does.
func TestSplitStops(t *testing.T) {
	n := 0
	for range Sentences("甲。乙。丙。") {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("broke after %d sentences, want 2", n)
	}
}

func TestTrim(t *testing.T) {
	tests := []struct {
		in   Span
		want Span
	}{
		{Span{10, 30, "\u00a0\u3000甲。\u3000 \r\n\n"}, Span{15, 21, "甲。"}},
		{Span{0, 3, "甲。"[:3]}, Span{0, 3, "甲"}},
		{Span{5, 8, " \n\t"}, Span{8, 8, ""}},
		{Span{5, 5, ""}, Span{5, 5, ""}},
		{Span{0, 6, "\ufeff甲"}, Span{0, 6, "\ufeff甲"}},
		{Span{0, 3, " \xff "}, Span{1, 2, "\xff"}},
	}
	for _, tt := range tests {
		if got := tt.in.Trim(); got != tt.want {
			t.Errorf("%#v.Trim() = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestUnitText(t *testing.T) {
	for _, u := range []Unit{Sentence, Paragraph} {
		b, err := u.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", u, err)
		}
		var got Unit = 7
		if err := got.UnmarshalText(b); err != nil || got != u {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, u)
		}
		if u.String() != string(b) {
			t.Errorf("String %q, MarshalText %q", u.String(), b)
		}
	}
	var u Unit
	if err := u.UnmarshalText([]byte("word")); err == nil {
		t.Error(`UnmarshalText("word") succeeded`)
	}
	if _, err := Unit(9).MarshalText(); err == nil || Unit(9).String() != "Unit(9)" {
		t.Errorf("Unit(9): MarshalText error %v, String %q", err, Unit(9).String())
	}
}
