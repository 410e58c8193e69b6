package zhnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// ruleTest is one case of a rule: in normalizes to want. A want without a
// final newline gets one, as every normalized line ends with one.
type ruleTest struct {
	in, want string
}

func runRuleTests(t *testing.T, n *Normalizer, tests []ruleTest) {
	t.Helper()
	for _, tt := range tests {
		want := tt.want
		if want != "" && !strings.HasSuffix(want, "\n") {
			want += "\n"
		}
		got := n.String(tt.in)
		if got != want {
			t.Errorf("%q\n got %q\nwant %q", tt.in, got, want)
			continue
		}
		if again := n.String(got); again != got {
			t.Errorf("%q: not idempotent: %q → %q", tt.in, got, again)
		}
	}
}

func TestRuleEncoding(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"\uFEFF中文", "中文"},
		{"中\uFEFF文", "中文"},
		{"a\xffb", "a\uFFFDb"},
		{"a\xe4\xb8b", "a\uFFFD\uFFFDb"}, // a truncated 中: one U+FFFD per byte
		{"中\x01文\x7f", "中文"},
		{"a\u0085b", "ab"},
		{"a\r\nb\rc\r\n", "a\nb\nc\n"},
		{"a\tb", "a b"},
		{"\x00", ""},
	})
	runRuleTests(t, NewNormalizer(Disable(Encoding)), []ruleTest{
		{"中\x01文", "中\x01文"},
		{"a\xffb", "a\xffb"},
	})
}

func TestRuleUnicode(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"⽇本", "日本"},
		{"⺟亲", "母亲"},
		{"e\u0301t\u00e9", "\u00e9t\u00e9"},
		{"\uF900", "\u8C48"}, // CJK compatibility ideograph, an NFC singleton
		{"하\u11AB", "한"},     // Hangul jamo compose
		// Not NFKC: these stay.
		{"①㎡", "①㎡"},
		{"，：！？（）", "，：！？（）"},
		{"ﬁ", "ﬁ"},
	})
	runRuleTests(t, NewNormalizer(Disable(Unicode)), []ruleTest{
		{"⽇本", "⽇本"},
		{"e\u0301", "e\u0301"},
	})
}

func TestRuleWidth(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"１９９８年", "1998年"},
		{"ｅ－ｍａｉｌ", "e-mail"},
		{"｡", "。"},
		{"中､文", "中、文"},
		{"｢中｣", "「中」"},
		{"ﾃｽﾄ", "テスト"},
		{"ｶﾞｲﾄﾞ", "ガイド"},
		{"１７％", "17%"},
		{"３．１４", "3.14"},
		{"1／5", "1/5"},
		{"Ａ＋Ｂ＝Ｃ", "A+B=C"},
		{"ＡＴ＆Ｔ", "AT&T"},
		{"ｉｎｆｏ＠ｘ", "info@x"},
		// Must not fire: no ASCII letter or digit directly beside.
		{"三．六％", "三．六％"},
		{"女儿／她们", "女儿／她们"},
		{"％", "％"},
		{"１７ ％", "17 ％"},
		// Full-width Chinese punctuation stays.
		{"！？（）：；，", "！？（）：；，"},
		// Symbols that would spell markup stay full-width.
		{"＆ａｍｐ;", "＆amp;"},
		{"＜ｂｒ＞", "＜br>"},
	})
	runRuleTests(t, NewNormalizer(Disable(Width)), []ruleTest{
		{"１９９８年", "１９９８年"},
	})
}

func TestRulePunct(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"黑龍江:推動", "黑龍江：推動"},
		{"第01版:頭版", "第01版：頭版"},
		{"44080人,累計", "44080人，累計"},
		{"第一,政策", "第一，政策"},
		{"中文 , 英文", "中文，英文"},
		{"你好!", "你好！"},
		{"你好?", "你好？"},
		{"你好?我", "你好？我"},
		{"真的;是", "真的；是"},
		{"”,他说", "”，他说"},
		{"(據黑龍江省民政廳)", "（據黑龍江省民政廳）"},
		{"中(a)", "中（a）"},
		{"(中(文)字)", "（中（文）字）"},
		{"他说\"你好\"", "他说“你好”"},
		{"，，", "，"},
		{"中,,国", "中，国"},
		{"中，,国", "中，国"},
		{"甲、、乙", "甲、乙"},
		{"中：：国", "中：国"},
		// Must not fire.
		{"10:30", "10:30"},
		{"1,000", "1,000"},
		{"Hello, world! Really?", "Hello, world! Really?"},
		{"(a) in Latin text", "(a) in Latin text"},
		{"see (a), (b)", "see (a), (b)"},
		{"He said \"hi\"", "He said \"hi\""},
		{"abc,中文", "abc,中文"},
		{"12:中文", "12:中文"},
		{"http://x.cn", "http://x.cn"},
		{"(中", "(中"}, // unmatched
		{"中)", "中)"}, // unmatched
		{"？？", "？？"}, // only ，、；： collapse
		// ? runs stand for lost characters.
		{"社會工作???", "社會工作???"},
		{"左右?,F", "左右?,F"},
	})
	runRuleTests(t, NewNormalizer(Disable(Punct)), []ruleTest{
		{"黑龍江:推動", "黑龍江:推動"},
		{"，，", "，，"},
	})
}

func TestRuleEllipsis(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"中...", "中……"},
		{"中.....国", "中……国"},
		{"中…国", "中……国"},
		{"中。。。", "中……"},
		{"。。。。", "……"},
		{"Wait...", "Wait..."},
		{"中 ...", "中 ..."},
		{"中……国", "中……国"},
		{"a…b", "a…b"},
		{"中…", "中…"},
		{"中。。", "中。。"},
	})
}

func TestRuleDash(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"中--国", "中——国"},
		{"中—国", "中——国"},
		{"中–国", "中——国"},
		{"中――国", "中——国"},
		{"中‒国", "中‒国"},
		{"a--b", "a--b"},
		{"--help", "--help"},
		{"中——国", "中——国"},
		{"中---国", "中---国"},
		{"中 -- 国", "中 -- 国"},
		{"中———国", "中———国"},
	})
}

func TestRuleNameDot(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"约翰•史密斯", "约翰·史密斯"},
		{"約翰‧史密斯", "約翰·史密斯"},
		{"約翰・史密斯", "約翰·史密斯"},
		{"約翰･史密斯", "約翰·史密斯"},
		{"ジョン・スミス", "ジョン・スミス"},
		{"a•b", "a•b"},
		{"• 项目", "• 项目"},
		{"ｱ･ｲ", "ア・イ"},
	})
}

func TestRuleZero(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"二○○一年", "二〇〇一年"},
		{"（○二）二", "（〇二）二"},
		{"二OO一年", "二〇〇一年"},
		{"二０一", "二〇一"},
		{"二ＯＯ一", "二〇〇一"},
		{"○○市", "〇〇市"},
		{"一九五○年", "一九五〇年"},
		// Must not fire.
		{"○ 项目", "○ 项目"},
		{"OK", "OK"},
		{"TOO一", "TOO一"},
		{"O二X", "O二X"},
		{"二0一", "二0一"},
	})
}

func TestRuleWhitespace(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"中 国", "中国"},
		{"大局 。", "大局。"},
		{"中文 English 中文", "中文 English 中文"},
		{"a  \t b", "a b"},
		{"\u3000\u3000中文", "中文"},
		{"\u00a0\u00a0 社會", "社會"},
		{"中文\u3000 ", "中文"},
		{"a\u2003\u202fb", "a b"},
		{"中\u200B文\u2060", "中文"},
		{"a\u00ADb", "ab"},
		{"👨\u200D👩", "👨\u200D👩"},
		{"中\u200D文", "中文"},
		{"a\n\n\n\nb", "a\n\nb\n"},
		{"\n\n  \na", "a\n"},
		{"a\n \n", "a\n"},
		{"a", "a"},
		{"", ""},
		{"   \n\t\n", ""},
	})
	runRuleTests(t, NewNormalizer(Disable(Whitespace)), []ruleTest{
		{"中 国\n", "中 国\n"},
		{"a\n\n\nb\n", "a\n\n\nb\n"},
		{"  x  \n", "  x  \n"},
		{"中 , 国\n", "中 ， 国\n"}, // converted, the spaces are the Whitespace rule's
	})
	// Without the Whitespace rule no final newline is added.
	if got := NewNormalizer(Disable(Whitespace)).String("中 国"); got != "中 国" {
		t.Errorf("got %q", got)
	}
}

func TestRuleHTML(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"a&nbsp;b", "a b"},
		{"中&nbsp;&nbsp;国", "中国"},
		{"AT&amp;T", "AT&T"},
		{"&#12290;&#x3002;", "。。"},
		{"&#20013;&#25991;", "中文"},
		{"a &lt; b &gt; c", "a < b > c"},
		{"中&#44;国", "中，国"},
		{"<b>中</b>国", "中国"},
		{"<a href=\"x.html\">新聞</a>", "新聞"},
		{"a<br>b", "a\nb"},
		{"a<BR/>b<br />c", "a\nb\nc"},
		{"<p>甲</p><p>乙</p>", "甲\n乙"},
		{"<p>甲</p>\n\n\n<p>乙</p>", "甲\n\n乙"},
		{"社會工作???/a>", "社會工作???"},
		{"社會工作???/p>", "社會工作???"},
		// Must not fire.
		{"&amp", "&amp"},
		{"&foo;", "&foo;"},
		{"&#0;", "&#0;"},
		{"a/b>c", "a/b>c"},
		{"x < y", "x < y"},
		{"<script>x</script>", "<script>x</script>"},
		{"<a title=\"中文\">x</a>", "<a title=“中文”>x"}, // kept, and treated as text
		{"<ab>", "<ab>"},
	})
}

func TestRulePinyin(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"數(shù)字", "數字"},
		{"發(fā)展", "發展"},
		{"現(xiàn)代", "現代"},
		{"數（shù）字", "數字"},
		// Must not fire.
		{"數(shu)", "數（shu）"},                       // no tone mark
		{"蒲公英(pú gōng yīng)", "蒲公英（pú gōng yīng）"}, // several syllables
		{"中(shù)", "中（shù）"},                       // not a reading of 中
		{"?,F(xiàn)有", "?,F(xiàn)有"},               // glued to a non-Han character
		{"數 (shù)", "數 (shù)"},                     // not glued
	})
	runRuleTests(t, NewNormalizer(Disable(Pinyin)), []ruleTest{
		{"數(shù)字", "數（shù）字"},
	})
}

func TestRuleMojibake(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		{"é»‘é¾™æ±Ÿ", "黑龙江"},
		{"é»‘é¾™æ±Ÿ, 2001", "黑龙江，2001"},
		{"Ã©Â»â€˜", "Ã©Â»â€˜"}, // encoded twice: one reversal gives é»‘, not Chinese
		{"cafÃ©", "cafÃ©"},     // re-encodes, but holds no Chinese
		{"café", "café"},
		{"é»‘é¾", "é»‘é¾"}, // truncated: kept, reported
	})
}

func TestRuleUnwrap(t *testing.T) {
	runRuleTests(t, NewNormalizer(Enable(Unwrap)), []ruleTest{
		{"中国人\n民共和国", "中国人民共和国"},
		{"中国，\n人民\n共和国。\n下一句", "中国，人民共和国。\n下一句"},
		{"中国。\n人民", "中国。\n人民"},
		{"「中国」\n人民", "「中国」\n人民"},
		{"中国\n\n人民", "中国\n\n人民"},
		{"中国\nABC", "中国\nABC"},
		{"數\n（shù）字", "數字"}, // joined, the reading is glued again
	})
}

func TestRuleQuotes(t *testing.T) {
	runRuleTests(t, NewNormalizer(WithQuotes(QuotesMainland)), []ruleTest{
		{"「你好」", "“你好”"},
		{"「他說『好』」", "“他說‘好’”"},
		{"「未配對", "「未配對"},
		{"“你好”", "“你好”"},
	})
	runRuleTests(t, NewNormalizer(WithQuotes(QuotesTaiwan)), []ruleTest{
		{"“你好”", "「你好」"},
		{"“他说‘好’”", "「他说『好』」"},
		{"don’t “中”", "don’t 「中」"},
		{"‘quoted’", "‘quoted’"},
	})
}

func TestRuleSpacing(t *testing.T) {
	runRuleTests(t, NewNormalizer(Enable(Spacing)), []ruleTest{
		{"中文English中文", "中文 English 中文"},
		{"2022年", "2022 年"},
		{"中文  English", "中文 English"},
		{"中文，English", "中文，English"},
		{"數(shù)字", "數字"},
	})
}

func TestNormalizeReturnsInputUnchanged(t *testing.T) {
	s := "中文。\nEnglish text, 10:30.\n\n（据新华社）\n"
	got := Normalize(s)
	if got != s {
		t.Fatalf("Normalize changed normalized text: %q", got)
	}
	if unsafeStringBytes(got) == nil || &unsafeStringBytes(got)[0] != &unsafeStringBytes(s)[0] {
		t.Error("Normalize returned a copy of unchanged text")
	}
	if n := testing.AllocsPerRun(100, func() { Normalize(s) }); n != 0 {
		t.Errorf("Normalize of normalized text allocates %v times", n)
	}
	b := []byte(s)
	if got := NewNormalizer().Bytes(b); &got[0] != &b[0] {
		t.Error("Bytes copied unchanged input")
	}
}

func TestAppend(t *testing.T) {
	n := NewNormalizer()
	got := n.Append([]byte("x"), []byte("中 国"))
	if string(got) != "x中国\n" {
		t.Errorf("Append = %q", got)
	}
}

func TestParseRules(t *testing.T) {
	tests := []struct {
		spec string
		on   []Rule
		off  []Rule
	}{
		{"", []Rule{Encoding, Punct, Pinyin, HTML}, []Rule{Unwrap, Quotes, Spacing}},
		{"-pinyin,+unwrap", []Rule{Unwrap, Punct}, []Rule{Pinyin}},
		{" -all , +width ", []Rule{Width}, []Rule{Punct, Encoding, Unwrap}},
		{"none,punct", []Rule{Punct}, []Rule{Width}},
		{"+quotes=tw", []Rule{Quotes}, nil},
		{"spacing", []Rule{Spacing}, nil},
	}
	for _, tt := range tests {
		opts, err := ParseRules(tt.spec)
		if err != nil {
			t.Errorf("ParseRules(%q): %v", tt.spec, err)
			continue
		}
		n := NewNormalizer(opts...)
		for _, r := range tt.on {
			if !n.Enabled(r) {
				t.Errorf("ParseRules(%q): %v off, want on", tt.spec, r)
			}
		}
		for _, r := range tt.off {
			if n.Enabled(r) {
				t.Errorf("ParseRules(%q): %v on, want off", tt.spec, r)
			}
		}
	}
	opts, _ := ParseRules("quotes=tw")
	if got := NewNormalizer(opts...).String("“中”"); got != "「中」\n" {
		t.Errorf("quotes=tw: %q", got)
	}
	for _, bad := range []string{"-pinyn", "+unwrap,foo", "quotes=jp", "punct=1", "-quotes=tw", "+"} {
		_, err := ParseRules(bad)
		if err == nil {
			t.Errorf("ParseRules(%q): no error", bad)
			continue
		}
		name := strings.TrimLeft(strings.Split(strings.Split(bad, ",")[len(strings.Split(bad, ","))-1], "=")[0], "+-")
		if !strings.Contains(err.Error(), name) {
			t.Errorf("ParseRules(%q): error %q does not name %q", bad, err, name)
		}
	}
}

func TestRuleNames(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		name := r.String()
		if name == "" || strings.HasPrefix(name, "Rule(") || seen[name] {
			t.Errorf("rule %d has name %q", r, name)
		}
		seen[name] = true
		if got, ok := ruleByName(name); !ok || got != r {
			t.Errorf("ruleByName(%q) = %v, %v", name, got, ok)
		}
	}
	if Rule(200).String() != "Rule(200)" {
		t.Error(Rule(200).String())
	}
}

func TestReport(t *testing.T) {
	in := "黑龍江:推動  數(shù)字\n社會工作???/a>\n左右?,F(xiàn)有\na\xffb\xfe\né»‘é¾\n"
	out, rep := NewNormalizer().StringReport(in)
	if want := "黑龍江：推動 數字\n社會工作???\n左右?,F(xiàn)有\na\uFFFDb\uFFFD\né»‘é¾\n"; out != want {
		t.Fatalf("got %q\nwant %q", out, want)
	}
	wantChanges := map[Rule]int{Punct: 1, Pinyin: 1, Whitespace: 1, HTML: 1, Encoding: 2}
	for r, n := range wantChanges {
		if rep.Changes[r] != n {
			t.Errorf("Changes[%v] = %d, want %d (all: %v)", r, rep.Changes[r], n, rep.Changes)
		}
	}
	want := []Suspect{
		{LostCharacters, 2, "???"},
		{LostCharacters, 3, "?"},
		{GluedReading, 3, "F(xiàn)"},
		{ReplacementCharacter, 4, "\uFFFD"},
		{ReplacementCharacter, 4, "\uFFFD"},
		{UnreversedMojibake, 5, "é»‘é¾"},
	}
	if len(rep.Suspects) != len(want) {
		t.Fatalf("suspects %v, want %v", rep.Suspects, want)
	}
	for i := range want {
		if rep.Suspects[i] != want[i] {
			t.Errorf("suspect %d = %v, want %v", i, rep.Suspects[i], want[i])
		}
	}
	// The same report from an unchanged input, found by Span alone.
	_, rep2 := NewNormalizer().StringReport(out)
	if len(rep2.Suspects) != len(want) || len(rep2.Changes) != 0 {
		t.Errorf("report of normalized text: %v", rep2)
	}
	if s := rep.String(); !strings.Contains(s, "pinyin") || !strings.Contains(s, "line 3: glued-reading") {
		t.Errorf("Report.String:\n%s", s)
	}
}

func TestOutputIsValidUTF8(t *testing.T) {
	for _, s := range []string{"\xff\xfe", "\xe4\xb8", "&#xD800;", "&#1114112;", "\xed\xa0\x80"} {
		if got := Normalize(s); !utf8.ValidString(got) {
			t.Errorf("Normalize(%q) = %q, not valid UTF-8", s, got)
		}
	}
}

func TestNilOption(t *testing.T) {
	if !NewNormalizer(nil).Enabled(Punct) {
		t.Error("a nil option changed the defaults")
	}
}

// TestField: a field is normalized as a document but keeps its lack of a
// final line break.
func TestField(t *testing.T) {
	n := NewNormalizer()
	for in, want := range map[string]string{
		"黑龍江:推動":    "黑龍江：推動",
		"plain":     "plain",
		"ends\n":    "ends\n",
		"ends\r":    "ends\n",
		"  x  ":     "x",
		"a\n\n\nb":  "a\n\nb",
		"":          "",
		"數(shù)字\n": "數字\n",
	} {
		if got := n.Field(in); got != want {
			t.Errorf("Field(%q) = %q, want %q", in, got, want)
		}
	}
}
