package zhnorm

import (
	"fmt"
	"strings"
)

// A Report tells what the rules changed and what they kept that a reader
// should look at.
type Report struct {
	// Changes counts, for each rule that changed the text, how many times
	// it did.
	Changes map[Rule]int
	// Suspects lists the spots the rules kept because they could not repair
	// them, in input order, at most MaxSuspects of them.
	Suspects []Suspect
	// SuspectsOmitted counts the suspects beyond MaxSuspects.
	SuspectsOmitted int
	// SpacesKept and SpacesRemoved count the runs of whitespace between
	// two Chinese-context characters that the Whitespace rule kept as
	// separators (食安風暴延燒 業者喊冤) and removed (letter-spacing, space
	// beside Chinese punctuation, or every one under NoSpace).
	SpacesKept, SpacesRemoved int
}

// MaxSuspects bounds the suspects a Report lists, so reporting on a large
// stream takes bounded memory.
const MaxSuspects = 10000

// A Suspect is a spot the normalizer kept as it was but could not vouch for.
type Suspect struct {
	Kind SuspectKind
	Line int    // 1-based line of the input
	Text string // the suspect text as it stands in the output
}

// SuspectKind classifies a Suspect.
type SuspectKind uint8

const (
	// LostCharacters is a run of ? standing for characters lost to a
	// wrong encoding (社會工作???), or a single ? glued between Chinese
	// and other text (左右?,F).
	LostCharacters SuspectKind = iota
	// ReplacementCharacter is a run of U+FFFD, from invalid UTF-8 or
	// already in the input.
	ReplacementCharacter
	// GluedReading is a pinyin reading glued to a character that is not
	// Han, so the Pinyin rule cannot check it (F(xiàn)).
	GluedReading
	// UnreversedMojibake is a run of Latin-1 characters holding the UTF-8
	// bytes of Chinese that does not re-encode whole.
	UnreversedMojibake
)

var suspectNames = [...]string{"lost-characters", "replacement-character", "glued-reading", "unreversed-mojibake"}

func (k SuspectKind) String() string {
	if int(k) < len(suspectNames) {
		return suspectNames[k]
	}
	return fmt.Sprintf("SuspectKind(%d)", k)
}

func (s Suspect) String() string {
	return fmt.Sprintf("line %d: %s %q", s.Line, s.Kind, s.Text)
}

// String formats the report for people: one line per rule that changed
// something, in rule order, then one line per suspect.
func (r *Report) String() string {
	var b strings.Builder
	for _, rule := range Rules() {
		if n := r.Changes[rule]; n > 0 {
			fmt.Fprintf(&b, "%-10s %d\n", rule, n)
		}
	}
	if r.SpacesKept+r.SpacesRemoved > 0 {
		fmt.Fprintf(&b, "spaces between Chinese characters: %d kept, %d removed\n", r.SpacesKept, r.SpacesRemoved)
	}
	for _, s := range r.Suspects {
		fmt.Fprintln(&b, s)
	}
	if r.SuspectsOmitted > 0 {
		fmt.Fprintf(&b, "(%d more suspects)\n", r.SuspectsOmitted)
	}
	return b.String()
}

// report is the running tally inside a document.
type report struct {
	counts   [numRules]int
	suspects []Suspect
	omitted  int

	spacesKept, spacesRemoved int
}

func (r *report) add(s []Suspect) {
	for _, x := range s {
		if len(r.suspects) < MaxSuspects {
			r.suspects = append(r.suspects, x)
		} else {
			r.omitted++
		}
	}
}

// mark and reset undo the suspects, and the spaces kept, added after a
// point.
func (r *report) mark() [3]int { return [3]int{len(r.suspects), r.omitted, r.spacesKept} }

func (r *report) reset(m [3]int) {
	r.suspects, r.omitted, r.spacesKept = r.suspects[:m[0]], m[1], m[2]
}

func (r *report) clone() *Report {
	out := &Report{Changes: map[Rule]int{}, SuspectsOmitted: r.omitted,
		SpacesKept: r.spacesKept, SpacesRemoved: r.spacesRemoved}
	for k, n := range r.counts {
		if n > 0 {
			out.Changes[Rule(k)] = n
		}
	}
	out.Suspects = append([]Suspect(nil), r.suspects...)
	return out
}

// suspect notes src[i:j] as a suspect of kind k, when reporting.
func (p *lineProc) suspect(k SuspectKind, i, j int) {
	if !p.reporting || p.stop {
		return
	}
	p.sus = append(p.sus, Suspect{Kind: k, Line: p.lineNo, Text: string(p.src[i:j])})
}

// suspectFFFD notes a U+FFFD or an invalid byte, merging a run into one
// suspect.
func (p *lineProc) suspectFFFD(i, j int) {
	if !p.reporting || p.stop {
		return
	}
	if s := p.sus; i == p.lastFFFD && len(s) > 0 && s[len(s)-1].Kind == ReplacementCharacter {
		s[len(s)-1].Text += "\uFFFD"
	} else {
		p.sus = append(p.sus, Suspect{Kind: ReplacementCharacter, Line: p.lineNo, Text: "\uFFFD"})
	}
	p.lastFFFD = j
}

// suspectGlued notes the reading src[i:j] glued to the character before.
func (p *lineProc) suspectGlued(i, j int) {
	if !p.reporting || p.stop {
		return
	}
	p.sus = append(p.sus, Suspect{Kind: GluedReading, Line: p.lineNo, Text: string(p.prev) + string(p.src[i:j])})
}
