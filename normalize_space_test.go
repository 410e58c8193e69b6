package zhnorm

import (
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// TestRuleWhitespaceLetterSpacing: whitespace between Chinese letters goes
// where it letter-spaces single characters and stays where it separates
// words (issue 11).
func TestRuleWhitespaceLetterSpacing(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		// The table.
		{"食安風暴延燒 業者喊冤", "食安風暴延燒 業者喊冤"},
		{"本报讯（记者 张三 通讯员 李四）", "本报讯（记者 张三 通讯员 李四）"},
		{"苹果\u3000香蕉\u3000橘子", "苹果\u3000香蕉\u3000橘子"},
		{"苹果\u3000\u3000香蕉\u3000\u3000\u3000橘子", "苹果\u3000香蕉\u3000橘子"},
		{"姓名 张三 年龄 30", "姓名 张三 年龄 30"},
		{"中 国 人 民 银 行", "中国人民银行"},
		{"黑 龍 江 省 民 政 廳", "黑龍江省民政廳"},
		// Letter-spacing: every single letter, whatever the space.
		{"中 国", "中国"},
		{"中\u3000国", "中国"},
		{"中\u00a0\u00a0国", "中国"},
		{"目\u3000\u3000录", "目录"},
		{"中\t国", "中国"},
		{"中&nbsp;国", "中国"},
		{"中 国 人 民 银 行。", "中国人民银行。"},
		{"（中 国）", "（中国）"},
		{"テ ス ト", "テスト"},
		{"二 〇 二 二 年", "二〇二二年"},
		{"⽇ 本", "日本"},
		{"中 &#22269;", "中国"},
		{"中\u200b 国", "中国"},
		// A lone letter beside a word: the word decides, the space stays.
		{"中 国 人民 银 行", "中国 人民 银行"},
		{"中 国人 民", "中 国人 民"},
		{"人 民 中国", "人民 中国"},
		{"中国 人 民", "中国 人民"},
		{"记者 张 三", "记者 张三"},
		{"出席：王\u3000明\u3000李小红", "出席：王明\u3000李小红"},
		{"2022年06月07日 星期二", "2022年06月07日 星期二"},
		{"四位 一体", "四位 一体"},
		{"中 国\u200b人", "中 国人"},
		{"中 国\x01人", "中 国人"},
		{"數(shù) 字", "數字"},
		{"數(shù)字 人", "數字 人"},
		// Separators: one, the ideographic space kept where it was all.
		{"食安風暴延燒\u3000 業者喊冤", "食安風暴延燒 業者喊冤"},
		{"食安風暴延燒\u00a0業者喊冤", "食安風暴延燒 業者喊冤"},
		{"食安風暴延燒  業者喊冤", "食安風暴延燒 業者喊冤"},
		{"食安風暴延燒&#12288;業者喊冤", "食安風暴延燒\u3000業者喊冤"},
		// Beside Chinese punctuation whitespace goes, as before.
		{"大局 。", "大局。"},
		{"说 ： 好", "说：好"},
		{"苹果 、 香蕉", "苹果、香蕉"},
		{"（ 记者 张三 ）", "（记者 张三）"},
		// Beside ASCII: one ASCII space, U+3000 or not.
		{"中文\u3000English", "中文 English"},
		{"新闻\u3000\u3000 30", "新闻 30"},
		// At the ends of a line: none.
		{"\u3000\u3000苹果\u3000", "苹果"},
	})
}

// TestRuleNoSpace: the search-index rule removes every space between
// Chinese characters; it is off by default.
func TestRuleNoSpace(t *testing.T) {
	if NewNormalizer().Enabled(NoSpace) {
		t.Fatal("nospace on by default")
	}
	n := NewNormalizer(Enable(NoSpace))
	runRuleTests(t, n, []ruleTest{
		{"食安風暴延燒 業者喊冤", "食安風暴延燒業者喊冤"},
		{"本报讯（记者 张三 通讯员 李四）", "本报讯（记者张三通讯员李四）"},
		{"苹果\u3000\u3000香蕉\u3000橘子", "苹果香蕉橘子"},
		{"姓名 张三 年龄 30", "姓名张三年龄 30"},
		{"中 国 人 民 银 行", "中国人民银行"},
		{"中文 English 中文", "中文 English 中文"},
	})
	runRuleTests(t, NewNormalizer(Enable(NoSpace), Disable(Whitespace)), []ruleTest{
		{"食安 業者\n", "食安 業者\n"},
	})
	opts, err := ParseRules("+nospace")
	if err != nil || !NewNormalizer(opts...).Enabled(NoSpace) {
		t.Errorf("ParseRules(+nospace): %v", err)
	}
}

// TestReportSpaces: the report counts the spaces between Chinese
// characters kept and removed, the same whether the line needed changing
// or was recognised as normalized.
func TestReportSpaces(t *testing.T) {
	for _, tt := range []struct {
		in            string
		kept, removed int
	}{
		{"中 国 人 民", 0, 3},
		{"食安風暴延燒 業者喊冤", 1, 0},
		{"本报讯（记者 张三 通讯员 李四）\n中 国 人民 银 行\n大局 。\n", 5, 3},
		{"中文 English 中文", 0, 0},
		{"苹果\u3000\u3000香蕉", 1, 0},
	} {
		out, rep := NewNormalizer().StringReport(tt.in)
		if rep.SpacesKept != tt.kept || rep.SpacesRemoved != tt.removed {
			t.Errorf("%q: kept %d, removed %d; want %d, %d", tt.in, rep.SpacesKept, rep.SpacesRemoved, tt.kept, tt.removed)
		}
		if _, rep2 := NewNormalizer().StringReport(out); rep2.SpacesKept != tt.kept || rep2.SpacesRemoved != 0 {
			t.Errorf("%q normalized: kept %d, removed %d; want %d, 0", out, rep2.SpacesKept, rep2.SpacesRemoved, tt.kept)
		}
		n := NewNormalizer()
		normReadAll(t, transform.NewReader(iotest.OneByteReader(strings.NewReader(tt.in)), n))
		if rep3 := n.Report(); rep3.SpacesKept != tt.kept || rep3.SpacesRemoved != tt.removed {
			t.Errorf("%q streamed: kept %d, removed %d; want %d, %d", tt.in, rep3.SpacesKept, rep3.SpacesRemoved, tt.kept, tt.removed)
		}
	}
	_, rep := NewNormalizer(Enable(NoSpace)).StringReport("食安風暴延燒 業者喊冤")
	if rep.SpacesKept != 0 || rep.SpacesRemoved != 1 {
		t.Errorf("nospace: %+v", rep)
	}
	if s := rep.String(); !strings.Contains(s, "spaces between Chinese characters: 0 kept, 1 removed") {
		t.Errorf("Report.String:\n%s", s)
	}
}

// TestCorpusSpaces pins how many runs of whitespace between Chinese
// characters the corpora and the seed page hold, and which stay: MSR's 四位
// 一体 (two words, so kept, though a stray space) and the seed page's
// 2022年06月07日 星期二 (a separator). The SIGHAN texts are otherwise
// unspaced.
func TestCorpusSpaces(t *testing.T) {
	want := map[string][2]int{ // kept, removed
		"pku_test.utf8":   {0, 0},
		"msr_test.utf8":   {1, 0},
		"as_test.utf8":    {0, 0},
		"cityu_test.utf8": {0, 0},
	}
	for _, name := range corpusFiles {
		_, rep := NewNormalizer().StringReport(corpus(t, name))
		if got := [2]int{rep.SpacesKept, rep.SpacesRemoved}; got != want[name] {
			t.Errorf("%s: kept, removed = %v, want %v", name, got, want[name])
		}
	}
	seed, err := os.ReadFile(normSeedPage)
	if err != nil {
		t.Fatal(err)
	}
	out, rep := NewNormalizer().StringReport(string(seed))
	if rep.SpacesKept != 1 || rep.SpacesRemoved != 0 || !strings.Contains(out, "2022年06月07日 星期二") {
		t.Errorf("seed page: kept %d, removed %d", rep.SpacesKept, rep.SpacesRemoved)
	}
}
