package zhnorm

import (
	"testing"
	"unicode/utf8"
)

// vocabulary lists every word set of the page rules with its name.
func vocabulary() map[string]*wordSet {
	return map[string]*wordSet{
		"navWords": navWords, "bylineWords": bylineWords, "bylineSep": bylineSep,
		"sourceLabels": sourceLabels, "authorLabels": authorLabels, "editorLabels": editorLabels,
		"timeLabels": timeLabels, "counterLabels": counterLabels,
		"sourceNames": sourceNames, "leadSuffixes": leadSuffixes,
	}
}

func (ws *wordSet) words() []string {
	var w []string
	for _, l := range ws.byFirst {
		for _, r := range l {
			w = append(w, string(r))
		}
	}
	return w
}

// TestFoldVocabulary: each word of the vocabulary, written in Traditional
// Chinese as s2t, s2tw, s2hk and s2twp write it, folds back to a word of its
// set; so does each footer mark. A failure names the character foldTrad
// lacks, or the regional word the set lacks.
func TestFoldVocabulary(t *testing.T) {
	for _, config := range []string{"s2t", "s2tw", "s2hk", "s2twp"} {
		c := mustConverter(t, config)
		for name, set := range vocabulary() {
			for _, w := range set.words() {
				tw := c.Convert(w)
				k, _ := foldLine(tw, nil, nil)
				if set.match(k, 0) != len(k) {
					t.Errorf("%s: %s %q → %q folds to %q, not a word of %s", config, name, w, tw, string(k), name)
				}
			}
		}
		for _, m := range append(footerMarks, noticeMarks...) {
			tw := c.Convert(string(m))
			k, _ := foldLine(tw, nil, nil)
			if !containsRunes(k, m) {
				t.Errorf("%s: footer mark %q → %q folds to %q", config, m, tw, string(k))
			}
		}
		for _, w := range weekdayNames {
			tw := c.Convert(w)
			k, _ := foldLine(tw, nil, nil)
			if wd, end := parseWeekday(k, 0); wd == 0 || end != len(k) {
				t.Errorf("%s: weekday %q → %q not read", config, w, tw)
			}
		}
	}
}

// TestFoldLine: the folded form and the offsets into the original.
func TestFoldLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"首頁 | 版面導航", "首页 | 版面导航"},
		{"第14版:數(shù)字", "第14版:数字"},
		{"第１４版：数字", "第14版:数字"},
		{"（據(jù)黑龍江省民政廳）", "(据黑龍江省民政廳)"},
		{"PDF\u00a0下載\u3000", "pdf 下载 "},
		{"(a)(WTO)(shù)", "(a)(wto)(shù)"}, // no Han character before: not readings
		{"漢(a)字(WTO)", "漢(a)字(wto)"},       // no tone mark: not readings
	}
	for _, tt := range tests {
		k, off := foldLine(tt.in, nil, nil)
		if string(k) != tt.want {
			t.Errorf("foldLine(%q) = %q, want %q", tt.in, string(k), tt.want)
		}
		if len(off) != len(k)+1 || off[len(k)] != len(tt.in) {
			t.Fatalf("foldLine(%q): %d offsets for %d characters", tt.in, len(off), len(k))
		}
		for i := range k {
			r, _ := utf8.DecodeRuneInString(tt.in[off[i]:])
			if foldRune(r) != k[i] {
				t.Errorf("foldLine(%q): character %d is %q, from %q at offset %d", tt.in, i, k[i], r, off[i])
			}
		}
	}
}
