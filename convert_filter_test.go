package zhnorm

import (
	"testing"
	"unicode/utf8"
)

// TestKeyFilterNoFalseNegatives: wherever the segmentation trie has a key
// of two characters, or a key of three or more, starting at a character of
// a text (each config's adversarial text holds every key of its
// dictionaries), the filter says that one may start there; and it says so
// rarely elsewhere.
func TestKeyFilterNoFalseNegatives(t *testing.T) {
	m := readBuiltin(t)
	for _, name := range []string{"s2t", "s2twp", "s2hk"} {
		c := mustConverter(t, name)
		if !c.dense {
			t.Fatalf("%s: the trie is not dense", name)
		}
		trie := c.t.Dicts[c.c.Seg[0]]
		f := keyFilterOf(c.nodes, false)
		text := adversarialText(m, m.config(name), 1) + testInputs(t)[seedPage]
		var codes []int32
		for _, r := range text {
			if utf8.RuneLen(r) == 3 {
				codes = append(codes, int32(c.bmp[r]))
			} else {
				codes = append(codes, 0)
			}
		}
		var starts, said, wrong int
		for i := 0; i+2 < len(codes); i++ {
			c1, c2, c3 := codes[i], codes[i+1], codes[i+2]
			sum := filterSum(uint16(c1), uint16(c2))
			w := f[filterWord(sum)]
			yes := w&(1<<filterEndBit(sum)) != 0 || w&(1<<filterBit(sum, uint32(c3))) != 0
			if yes {
				said++
			}
			if c1 == 0 || c2 == 0 {
				continue
			}
			n1 := trie.Child(0, c1)
			if n1 < 0 {
				continue
			}
			n2 := trie.Child(n1, c2)
			if n2 < 0 {
				continue
			}
			if trie.Terminal(n2) || c3 != 0 && trie.Child(n2, c3) >= 0 {
				starts++
				if !yes {
					wrong++
					if wrong <= 5 {
						t.Errorf("%s: a key starts with codes %d %d %d, the filter says none", name, c1, c2, c3)
					}
				}
			}
		}
		if wrong > 0 {
			t.Errorf("%s: %d of %d key starts missed", name, wrong, starts)
		}
		if starts < 10000 {
			t.Errorf("%s: only %d key starts in the text", name, starts)
		}
		// The filter is worth its load where most answers are no.
		if fp := float64(said-starts) / float64(len(codes)); fp > 0.05 {
			t.Errorf("%s: the filter said yes wrongly at %.1f %% of the characters", name, 100*fp)
		}
		t.Logf("%s: %d characters, %d key starts, the filter said yes at %d", name, len(codes), starts, said)
	}
}

// TestJoinFilterNoFalseNegatives: for every pair of characters that may
// stand left and right of a joinable pair (by their flags), where
// joinable says that a rule can join them, the joinFilter says so; and it
// says so of few others.
func TestJoinFilterNoFalseNegatives(t *testing.T) {
	for _, name := range []string{"s2twp", "s2hkp", "s2tw", "tw2sp", "hk2sp"} {
		c := mustConverter(t, name)
		if !c.plainRuns {
			t.Fatalf("%s: no runs", name)
		}
		f := joinFilterOf(c)
		var lefts, rights []int32
		for code, pi := range c.pairInfo {
			if pi&(left0|leftS) != 0 {
				lefts = append(lefts, int32(code))
			}
			if pi&(right0|rightS) != 0 {
				rights = append(rights, int32(code))
			}
		}
		var joined, said, asked int
		for _, x := range lefts {
			for _, y := range rights {
				asked++
				yes := f.has(filterSum(uint16(x), uint16(y)))
				if yes {
					said++
				}
				if c.joinable(x, y) {
					joined++
					if !yes {
						t.Fatalf("%s: codes %d %d join, the filter says not", name, x, y)
					}
				}
			}
		}
		if joined < 10 {
			t.Errorf("%s: only %d joinable pairs", name, joined)
		}
		if fp := float64(said-joined) / float64(asked); fp > 0.02 {
			t.Errorf("%s: the filter said yes wrongly of %.2f %% of the pairs", name, 100*fp)
		}
		t.Logf("%s: %d pairs asked, %d joinable, the filter said yes of %d", name, asked, joined, said)
	}
}
