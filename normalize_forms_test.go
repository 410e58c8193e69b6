package zhnorm

import (
	"strings"
	"testing"
	"unicode"
)

func TestRuleForms(t *testing.T) {
	runRuleTests(t, NewNormalizer(), []ruleTest{
		// The corpora's cases.
		{"光憑這個﹐和咯血去世﹐", "光憑這個，和咯血去世，"},
		{"的霍金叫道︰「你好」", "的霍金叫道：「你好」"},
		{"高密度﹑昏暗", "高密度、昏暗"},
		{"釋其中涵義﹔備感親切﹔", "釋其中涵義；備感親切；"},
		{"他在信中說﹕", "他在信中說："},
		{"也改變了嗎﹖有願景可言﹖", "也改變了嗎？有願景可言？"},
		{"很難了﹗", "很難了！"},
		{"流行﹁老牌新生﹂、﹁老店新開﹂", "流行「老牌新生」、「老店新開」"},
		{"精簡稱為〝長堤〞。", "精簡稱為“長堤”。"},
		{"要坚持｀预防为主＇的方针", "要坚持‘预防为主’的方针"},
		{"公斤體重０﹒５mg", "公斤體重0.5mg"},
		{"人類７５％﹣８０％的腫", "人類75%-80%的腫"},
		{"三﹒六", "三．六"},
		// Vertical forms.
		{"︵中︶︷中︸︹中︺︻中︼︽中︾︿中﹀﹃中﹄﹇中﹈", "（中）｛中｝〔中〕【中】《中》〈中〉『中』［中］"},
		{"中︐中︑中︒中︓中︔中︕中︖︗中︘", "中，中、中。中：中；中！中？〖中〗"},
		{"中︙︙中", "中……中"},
		{"中︙中", "中……中"}, // … then the Ellipsis rule
		{"中︱中", "中——中"}, // — then the Dash rule
		{"﹙中﹚﹛中﹜﹝中﹞﹘", "（中）｛中｝〔中〕—"},
		// Forms of , ; : ! ? outside Chinese context are ASCII.
		{"10︰30", "10:30"},
		{"a﹐b", "a,b"},
		{"1﹐000", "1,000"},
		{"中文﹐a", "中文，a"},
		{"abc﹐中文", "abc,中文"},
		// Symbols: full-width, folded beside ASCII letters and digits.
		{"Ａ﹢Ｂ﹦Ｃ", "A+B=C"},
		{"中﹪文﹫", "中％文＠"},
		// 〝〞 take the quotes of the line.
		{"他說「我叫〝小明〞」", "他說「我叫『小明』」"},
		{"他说“我叫〝小明〞”", "他说“我叫‘小明’”"},
		{"〝長堤〞和「短堤」", "「長堤」和「短堤」"},
		{"〝長堤〟", "“長堤”"},
		{"〝abc〞", "〝abc〞"},
		{"〝長堤", "〝長堤"},
		{"長堤〞", "長堤〞"},
		{"｀abc＇", "｀abc＇"},
		{"it＇s", "it＇s"},
		// Emphasis marks, overlines and low lines stay.
		{"中﹅﹆﹉﹏︳︴", "中﹅﹆﹉﹏︳︴"},
	})
	runRuleTests(t, NewNormalizer(WithQuotes(QuotesTaiwan)), []ruleTest{
		{"稱為〝長堤〞", "稱為「長堤」"},
	})
	runRuleTests(t, NewNormalizer(Disable(Forms)), []ruleTest{
		{"這個﹐和︰〝長堤〞｀中＇", "這個﹐和︰〝長堤〞｀中＇"},
	})
	_, rep := NewNormalizer().StringReport("這個﹐和︰〝長堤〞")
	if rep.Changes[Forms] != 4 {
		t.Errorf("Changes[Forms] = %d, want 4", rep.Changes[Forms])
	}
}

// TestFormTable checks every form the rule maps: to Chinese punctuation,
// never to ASCII or to NFKC's choice where that is ASCII.
func TestFormTable(t *testing.T) {
	for r := rune(0xFE10); r <= 0xFE6F; r++ {
		to, kind := formOf(r)
		if to == 0 {
			continue
		}
		if to < 0x80 || kind == 0 {
			t.Errorf("%U → %U, kind %d", r, to, kind)
		}
		if !isCJK(to) && to != '—' && to != '–' && to != '…' {
			t.Errorf("%U → %q, not Chinese punctuation", r, to)
		}
		if got := Normalize("中" + string(r) + "中"); strings.ContainsRune(got, r) {
			t.Errorf("%U stays between Chinese: %q", r, got)
		}
	}
}

// corpusPunctKept holds the punctuation and symbols outside ASCII that
// normalization leaves in the corpora, each kept by a decision of issue 11:
// the marks of GB/T 15834 and Taiwan's manual; ‧ ○ — … － ． ％ ＋ ／ ＊ ＝
// ＜ ＞ where the NameDot, Zero, Dash, Ellipsis and Width rules cannot be
// sure; ─ (box drawing used as a dash, ── in AS); ～ ℃ ‰ × ≦ ∶ ▲ ● as
// written; PKU's stray ″.
const corpusPunctKept = "·—‘’“”…‧─○、。〈〉《》「」『』【】！％（）＋，－．／：；＜＞？～℃≦▲●‰∶＊＝×″"

// TestCorpusPunctuation pins what the Forms rule does on the corpora (the
// counts of issue 11: AS 157 ﹐, 134 ︰, 43 ﹒, 6 ﹑, 5 ﹔, 4 ﹁﹂, 3 ﹖, 2 ﹕,
// 2 ﹣, a 〝〞 pair; CityU 59 ﹕, 29 ﹔, 22 ﹖, 8 ﹗, 7 ︰; MSR 15 ｀＇
// pairs) and that every punctuation mark left is one decided on.
func TestCorpusPunctuation(t *testing.T) {
	want := map[string]int{"pku_test.utf8": 0, "msr_test.utf8": 30, "as_test.utf8": 362, "cityu_test.utf8": 125}
	for _, name := range corpusFiles {
		out, rep := NewNormalizer().StringReport(corpus(t, name))
		if rep.Changes[Forms] != want[name] {
			t.Errorf("%s: Changes[Forms] = %d, want %d", name, rep.Changes[Forms], want[name])
		}
		for _, r := range out {
			if r > 0x7F && (unicode.IsPunct(r) || unicode.IsSymbol(r)) && !strings.ContainsRune(corpusPunctKept, r) {
				t.Errorf("%s: %q (%U) left, not decided", name, r, r)
			}
			if isFormStart(r) && r != '＇' {
				t.Errorf("%s: form %q left", name, r)
			}
		}
	}
}
