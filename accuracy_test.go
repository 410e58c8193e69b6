package zhnorm

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The accuracy harness: character error rates of Target against the
// OpenCC configs a user would pick, on texts whose answer is known from a
// round trip. It runs without -short and skips without the corpora:
//
//	go test -run TestAccuracy -v .
//
// Round trips measure consistency with OpenCC's own data, not truth: where
// the answer is the original corpus (AS, CityU, PKU, MSR), the input is
// made from it with OpenCC (tw2s, hk2s, s2tw), and where the answer itself
// comes from OpenCC (AS to Simplified), a config scores 0 by construction
// and the others score how far they stray from it.

// mainlandQuotes and cornerQuotes swap every quotation mark, paired or not,
// in context or not: inputs are made with them rather than with the
// Target's pairing, so that the pairing is scored, not assumed.
var (
	mainlandQuotes = strings.NewReplacer("「", "“", "」", "”", "『", "‘", "』", "’")
	cornerQuotes   = strings.NewReplacer("“", "「", "”", "」", "‘", "『", "’", "』")
)

// cer compares got with want line by line and, on lines of the same
// number of characters, character by character (conversion keeps the
// number of characters nearly always). A line whose number of characters
// changed counts wholly: every character of the longer of the two lines
// is an error. Quotation marks and other punctuation count as characters.
type cer struct {
	chars, errs, changedLines int
	confusions                map[[2]rune]int // expected, got
}

func compareTexts(want, got string) cer {
	c := cer{confusions: map[[2]rune]int{}}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	if len(wl) != len(gl) {
		panic(fmt.Sprintf("line count changed: %d, %d", len(wl), len(gl)))
	}
	for i := range wl {
		w, g := []rune(wl[i]), []rune(gl[i])
		c.chars += len(w)
		if len(w) != len(g) {
			c.changedLines++
			c.errs += max(len(w), len(g))
			continue
		}
		for k := range w {
			if w[k] != g[k] {
				c.errs++
				c.confusions[[2]rune{w[k], g[k]}]++
			}
		}
	}
	return c
}

func (c cer) rate() float64 { return 100 * float64(c.errs) / float64(max(c.chars, 1)) }

// top returns the n most frequent confusions, "expected→got ×count".
func (c cer) top(n int) string {
	type conf struct {
		pair  [2]rune
		count int
	}
	var all []conf
	for p, k := range c.confusions {
		all = append(all, conf{p, k})
	}
	slices.SortFunc(all, func(a, b conf) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return cmp.Or(cmp.Compare(a.pair[0], b.pair[0]), cmp.Compare(a.pair[1], b.pair[1]))
	})
	var parts []string
	for _, x := range all[:min(n, len(all))] {
		parts = append(parts, fmt.Sprintf("%c→%c %d", x.pair[0], x.pair[1], x.count))
	}
	return strings.Join(parts, ", ")
}

// accuracyCase is one measured direction.
type accuracyCase struct {
	name   string
	tag    string
	input  string
	answer string
	// the configs to compare: the generic one a user picks by name, the
	// regional one by name, and the right one chosen by hand.
	generic, regional, right string
}

func accuracyCases(t *testing.T) []accuracyCase {
	as, cityu := corpus(t, "as_test.utf8"), corpus(t, "cityu_test.utf8")
	pku, msr := corpus(t, "pku_test.utf8"), corpus(t, "msr_test.utf8")
	conv := func(name, s string) string { return mustConverter(t, name).Convert(s) }
	return []accuracyCase{
		{"AS (Taiwan) ← tw2s, mainland quotes", "zh-TW", mainlandQuotes.Replace(conv("tw2s", as)), as, "s2t", "s2tw", "s2tw"},
		{"CityU (Hong Kong) ← hk2s, mainland quotes", "zh-HK", mainlandQuotes.Replace(conv("hk2s", cityu)), cityu, "s2t", "s2hk", "s2hk"},
		{"PKU ← s2tw, corner quotes", "zh-Hans", cornerQuotes.Replace(conv("s2tw", pku)), pku, "t2s", "", "tw2s"},
		{"MSR ← s2tw, corner quotes", "zh-Hans", cornerQuotes.Replace(conv("s2tw", msr)), msr, "t2s", "", "tw2s"},
		{"PKU ← s2hk, corner quotes", "zh-CN", cornerQuotes.Replace(conv("s2hk", pku)), pku, "t2s", "", "hk2s"},
		// Answers made by OpenCC: consistency only.
		{"AS → tw2s, mainland quotes*", "zh-Hans", as, mainlandQuotes.Replace(conv("tw2s", as)), "t2s", "", "tw2s"},
		{"CityU → hk2s, mainland quotes*", "zh-Hans", cityu, mainlandQuotes.Replace(conv("hk2s", cityu)), "t2s", "", "hk2s"},
		{"PKU → s2tw, corner quotes*", "zh-TW", pku, cornerQuotes.Replace(conv("s2tw", pku)), "s2t", "s2tw", "s2tw"},
		{"CityU → hk2t+t2tw*", "zh-TW", cityu, conv("t2tw", conv("hk2t", cityu)), "", "", "hk2t+t2tw"},
	}
}

// TestAccuracy prints the table of the README's Targets section.
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("the accuracy harness runs without -short")
	}
	cases := accuracyCases(t)
	var table strings.Builder
	table.WriteString("| text → target | Target (configs) | generic by name | regional by name | right config by hand |\n|---|---|---|---|---|\n")
	var confusions strings.Builder
	for _, c := range cases {
		tg := mustTarget(t, c.tag)
		p := tg.Plan(c.input)
		got := tg.String(c.input)
		target := compareTexts(c.answer, got)
		row := fmt.Sprintf("| %s → %s | %.3f %% (%s) |", c.name, c.tag, target.rate(), strings.Join(p.Configs, "+"))
		for _, name := range []string{c.generic, c.regional, c.right} {
			if name == "" {
				row += " |"
				continue
			}
			out := c.input
			for _, n := range strings.Split(name, "+") {
				out = mustConverter(t, n).Convert(out)
			}
			r := compareTexts(c.answer, out)
			row += fmt.Sprintf(" %.3f %% (%s) |", r.rate(), name)
			if name == c.generic {
				fmt.Fprintf(&confusions, "- %s, %s: %s\n", c.name, name, r.top(10))
			}
		}
		table.WriteString(row + "\n")
		fmt.Fprintf(&confusions, "- %s, Target: %s", c.name, target.top(10))
		if target.changedLines > 0 {
			fmt.Fprintf(&confusions, " (%d lines changed length)", target.changedLines)
		}
		confusions.WriteString("\n")

		// The Target must do at least as well as the generic config, and
		// as the right one but for quotation marks.
		if c.generic != "" {
			out := c.input
			for _, n := range strings.Split(c.generic, "+") {
				out = mustConverter(t, n).Convert(out)
			}
			if g := compareTexts(c.answer, out); target.errs > g.errs {
				t.Errorf("%s: Target %d errors, %s %d", c.name, target.errs, c.generic, g.errs)
			}
		}
		if right := strings.Join(p.Configs, "+"); right != c.right {
			t.Errorf("%s: Target picks %q, the right configs are %q", c.name, right, c.right)
		}
	}
	t.Logf("character error rates (* the answer is OpenCC's output: consistency, not truth)\n%s\nmost frequent confusions (expected→got count):\n%s", table.String(), confusions.String())
}

// TestAccuracyMixedAndUnknown measures what the Target's choices for
// mixed text and for Traditional text without regional evidence rest on:
// how much t2s changes Simplified text, s2t Traditional text, and how far
// t2s, tw2s and hk2s disagree on lines with no regional character.
func TestAccuracyMixedAndUnknown(t *testing.T) {
	if testing.Short() {
		t.Skip("the accuracy harness runs without -short")
	}
	var b strings.Builder
	b.WriteString("| text | config | characters changed |\n|---|---|---|\n")
	for _, tc := range []struct{ file, config string }{
		{"pku_test.utf8", "t2s"}, {"msr_test.utf8", "t2s"},
		{"as_test.utf8", "s2t"}, {"cityu_test.utf8", "s2t"},
		{"as_test.utf8", "s2tw"}, {"cityu_test.utf8", "s2hk"},
	} {
		text := corpus(t, tc.file)
		r := compareTexts(text, mustConverter(t, tc.config).Convert(text))
		fmt.Fprintf(&b, "| %s | %s | %.3f %% (%s) |\n", tc.file, tc.config, r.rate(), r.top(5))
	}
	b.WriteString("\nTraditional lines without a regional character: characters where the configs disagree\n\n| corpus | lines | chars | t2s≠tw2s | t2s≠hk2s | tw2s≠hk2s |\n|---|---|---|---|---|---|\n")
	for _, file := range []string{"as_test.utf8", "cityu_test.utf8"} {
		var lines []string
		chars := 0
		for _, l := range strings.Split(corpus(t, file), "\n") {
			if d := Detect(l); d.Script == Traditional && d.Evidence.Regional == 0 {
				lines = append(lines, l)
				chars += utf8.RuneCountInString(l)
			}
		}
		text := strings.Join(lines, "\n")
		out := map[string]string{}
		for _, n := range []string{"t2s", "tw2s", "hk2s"} {
			out[n] = mustConverter(t, n).Convert(text)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", file, len(lines), chars,
			compareTexts(out["t2s"], out["tw2s"]).errs, compareTexts(out["t2s"], out["hk2s"]).errs, compareTexts(out["tw2s"], out["hk2s"]).errs)
	}

	// Each line a document, as the records of a JSON Lines file: the
	// standard is rarely named, and the fallback decides.
	b.WriteString("\nEach line a document, to zh-Hans (quotation marks kept), against the corpus's config on the whole text*: characters that differ\n\n| corpus | lines | Target per line | Series | t2s | tw2s | hk2s |\n|---|---|---|---|---|---|---|\n")
	for _, tc := range []struct{ file, right string }{{"as_test.utf8", "tw2s"}, {"cityu_test.utf8", "hk2s"}} {
		text := corpus(t, tc.file)
		answer := mustConverter(t, tc.right).Convert(text)
		tg := mustTarget(t, "zh-Hans", KeepPunctuation())
		series := tg.Series()
		lines := strings.Split(text, "\n")
		alone, inSeries := make([]string, len(lines)), make([]string, len(lines))
		for i, l := range lines {
			alone[i] = tg.String(l)
			inSeries[i] = series.String(l)
		}
		a, se := compareTexts(answer, strings.Join(alone, "\n")), compareTexts(answer, strings.Join(inSeries, "\n"))
		fmt.Fprintf(&b, "| %s | %d | %d (%s) | %d (%s) |", tc.file, len(lines), a.errs, a.top(3), se.errs, se.top(3))
		for _, n := range []string{"t2s", "tw2s", "hk2s"} {
			fmt.Fprintf(&b, " %d |", compareTexts(answer, mustConverter(t, n).Convert(text)).errs)
		}
		b.WriteString("\n")
	}
	t.Log("\n" + b.String())
}
