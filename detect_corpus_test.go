package zhnorm

import (
	"fmt"
	"strings"
	"testing"
)

// detectCorpora are the corpora with the script and standard of their
// text: the SIGHAN 2005 test sets in ../shared/corpus.
var detectCorpora = []struct {
	name     string
	label    string
	script   Script
	standard Standard
}{
	{"as_test.utf8", "AS (Taiwan)", Traditional, StandardTaiwan},
	{"cityu_test.utf8", "CityU (Hong Kong)", Traditional, StandardHongKong},
	{"pku_test.utf8", "PKU (Simplified)", Simplified, StandardUnknown},
	{"msr_test.utf8", "MSR (Simplified)", Simplified, StandardUnknown},
}

// minParagraphHan is the size of the paragraphs the accuracy targets count.
const minParagraphHan = 50

// TestDetectCorpora detects every whole corpus, every window of
// DetectAfter Han characters (what a Detector decides on) and every
// paragraph (line) of at least minParagraphHan Han characters, pins the
// accuracy the issue asks for, and logs the confusion tables in Markdown
// (go test -v -run TestDetectCorpora).
func TestDetectCorpora(t *testing.T) {
	scripts := []Script{Simplified, Traditional, Mixed, Undetermined}
	standards := []Standard{StandardTaiwan, StandardHongKong, StandardOpenCC, StandardUnknown}
	var scriptTab, standardTab, docTab, windowTab strings.Builder
	windowTab.WriteString("| windows of DetectAfter Han (a Detector's decision) | n | script right |")
	for _, s := range standards {
		fmt.Fprintf(&windowTab, " %v |", s)
	}
	windowTab.WriteString(" wrong |\n|---|---|---|" + strings.Repeat("---|", len(standards)+1) + "\n")
	fmt.Fprintf(&scriptTab, "| paragraphs (≥ %d Han) | n |", minParagraphHan)
	for _, s := range scripts {
		fmt.Fprintf(&scriptTab, " %v |", s)
	}
	scriptTab.WriteString(" right |\n|---|---|" + strings.Repeat("---|", len(scripts)+1) + "\n")
	standardTab.WriteString("| Traditional paragraphs | n |")
	for _, s := range standards {
		fmt.Fprintf(&standardTab, " %v |", s)
	}
	standardTab.WriteString(" wrong |\n|---|---|" + strings.Repeat("---|", len(standards)+1) + "\n")
	docTab.WriteString("| whole document | Han | Simplified | Traditional | OpenCC | Taiwan | Hong Kong | detection |\n|---|---|---|---|---|---|---|---|\n")
	for _, c := range detectCorpora {
		text := corpus(t, c.name)
		d := Detect(text)
		e := d.Evidence
		fmt.Fprintf(&docTab, "| %s | %d | %d | %d | %d | %d | %d | %v |\n", c.label, e.Han, e.Simplified, e.Traditional, e.OpenCC, e.Taiwan, e.HongKong, d)
		if d.Script != c.script || d.Standard != c.standard {
			t.Errorf("%s: whole document detected as %v, want %v (%v)", c.name, d, c.script, c.standard)
		}
		// Consecutive windows of DetectAfter Han characters, as a
		// Detector decides on each stream.
		nWin, winScript, winWrong := 0, 0, 0
		winStandard := map[Standard]int{}
		for rest := text; ; {
			var det Detector
			det.WriteString(rest)
			if !det.Decided() {
				break
			}
			w := det.Detection()
			rest = rest[len(hanPrefix(rest, DetectAfter)):]
			nWin++
			if w.Script == c.script {
				winScript++
			}
			winStandard[w.Standard]++
			if w.Standard != c.standard && w.Standard != StandardUnknown {
				winWrong++
			}
		}
		fmt.Fprintf(&windowTab, "| %s | %d | %d |", c.label, nWin, winScript)
		for _, s := range standards {
			fmt.Fprintf(&windowTab, " %d |", winStandard[s])
		}
		fmt.Fprintf(&windowTab, " %d |\n", winWrong)
		// Not a target of the issue: pinned where it stands. Taiwan's press
		// writes 污 and 濕, which OpenCC gives to Hong Kong's standard
		// alone (Taiwan's: 汙 溼), so an article on pollution can lean to
		// Hong Kong: 5 of AS's 84 windows do.
		if winScript != nWin || 100*winWrong > 6*nWin {
			t.Errorf("%s: of %d windows, %d get the right script and %d a wrong standard, want all and at most 6 %%", c.name, nWin, winScript, winWrong)
		}

		scriptCount := map[Script]int{}
		standardCount := map[Standard]int{}
		n, nTrad, guessed := 0, 0, 0
		for _, line := range strings.Split(text, "\n") {
			d := Detect(line)
			if d.Evidence.Han < minParagraphHan {
				continue
			}
			n++
			scriptCount[d.Script]++
			if d.Script == Traditional && c.script == Traditional {
				nTrad++
				standardCount[d.Standard]++
				if d.Evidence.Taiwan == d.Evidence.HongKong && (d.Standard == StandardTaiwan || d.Standard == StandardHongKong) {
					guessed++
				}
			}
		}
		right := float64(scriptCount[c.script]) / float64(n)
		fmt.Fprintf(&scriptTab, "| %s | %d |", c.label, n)
		for _, s := range scripts {
			fmt.Fprintf(&scriptTab, " %d |", scriptCount[s])
		}
		fmt.Fprintf(&scriptTab, " %.2f %% |\n", 100*right)
		if right < 0.99 {
			t.Errorf("%s: %.2f %% of %d paragraphs get the right script, want at least 99 %%", c.name, 100*right, n)
		}
		if c.script == Traditional {
			wrong := nTrad - standardCount[c.standard] - standardCount[StandardUnknown]
			fmt.Fprintf(&standardTab, "| %s | %d |", c.label, nTrad)
			for _, s := range standards {
				fmt.Fprintf(&standardTab, " %d |", standardCount[s])
			}
			fmt.Fprintf(&standardTab, " %.2f %% |\n", 100*float64(wrong)/float64(nTrad))
			if guessed > 0 {
				t.Errorf("%s: %d paragraphs without evidence between Taiwan and Hong Kong get one of them", c.name, guessed)
			}
		}
	}
	t.Logf("\n%s\n%s\n%s\n%s", docTab.String(), windowTab.String(), scriptTab.String(), standardTab.String())
}
