package zhnorm

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// corpusFiles are the SIGHAN 2005 test sets in ../shared/corpus. They are
// not part of the project; tests that need them skip when they are absent.

// hanOf returns the Han characters of s in order, leaving out 〇 and ○,
// which the Zero rule adds, and folding what the Unicode rule folds
// (radicals, compatibility ideographs) when fold is set.
func hanOf(s string, fold bool) []rune {
	var out []rune
	for _, r := range s {
		if fold {
			if u := radical(r); u != 0 {
				r = u
			} else if 0xF900 <= r && r <= 0xFAFF || 0x2F800 <= r && r <= 0x2FA1F {
				r, _ = utf8.DecodeRuneInString(norm.NFC.String(string(r)))
			}
		}
		if r != '〇' && r != '○' && unicode.Is(unicode.Han, r) {
			out = append(out, r)
		}
	}
	return out
}

// isSubsequence reports whether a is a subsequence of b.
func isSubsequence(a, b []rune) bool {
	for _, r := range b {
		if len(a) > 0 && a[0] == r {
			a = a[1:]
		}
	}
	return len(a) == 0
}

func equalRunes(a, b []rune) bool {
	return string(a) == string(b)
}

// TestCorpora normalizes the four SIGHAN corpora and checks that the
// output is stable, keeps every Han character in order, is the same when
// streamed in random chunks, and is recognised by Span without allocating.
func TestCorpora(t *testing.T) {
	for _, name := range corpusFiles {
		t.Run(name, func(t *testing.T) {
			in := corpus(t, name)
			out := Normalize(in)
			if again := Normalize(out); again != out {
				t.Errorf("not idempotent: first difference at byte %d", firstDiff(out, again))
			}
			if !utf8.ValidString(out) {
				t.Error("output is not valid UTF-8")
			}
			if a, b := hanOf(in, true), hanOf(out, false); !equalRunes(a, b) {
				t.Errorf("Han characters changed: %d in, %d out", len(a), len(b))
			}
			r := &normChunkReader{data: []byte(in), rng: rand.New(rand.NewSource(1)), max: 9000}
			if got := normReadAll(t, transform.NewReader(r, NewNormalizer())); got != out {
				t.Errorf("streamed output differs at byte %d", firstDiff(got, out))
			}
			n := NewNormalizer()
			if k, err := n.Span([]byte(out), true); k != len(out) || err != nil {
				t.Errorf("Span of the output = %d of %d, %v", k, len(out), err)
			}
			if allocs := testing.AllocsPerRun(2, func() { Normalize(out) }); allocs != 0 {
				t.Errorf("Normalize of normalized text allocates %v times", allocs)
			}
		})
	}
}

// TestCorpusRules checks that the rules fire where the corpora need them
// (README of the corpus) and nowhere else: English passages and numbers
// are left alone.
func TestCorpusRules(t *testing.T) {
	pku, msr := corpus(t, "pku_test.utf8"), corpus(t, "msr_test.utf8")
	cityu := corpus(t, "cityu_test.utf8")
	npku, nmsr, ncityu := Normalize(pku), Normalize(msr), Normalize(cityu)
	if strings.Contains(npku, "二○○") || !strings.Contains(npku, "二〇〇一年") {
		t.Error("○ as a numeral zero not repaired in pku")
	}
	if strings.ContainsAny(nmsr, "０１２３４５６７８９") || !strings.Contains(nmsr, "１７％") && !strings.Contains(nmsr, "17%") {
		t.Error("full-width digits left in msr")
	}
	if strings.HasPrefix(ncityu, "\uFEFF") {
		t.Error("BOM kept")
	}
	if !strings.Contains(nmsr, "三．六％") && strings.Contains(msr, "三．六％") {
		t.Error("三．六％ changed")
	}
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
