package opencc

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// OpenCC's build generates some dictionaries from others with the Python
// scripts of its data/scripts folder; they ship only as binary .ocd2 files.
// The functions here derive them the same way, from the text dictionaries.

// scriptLines splits a text file into lines as the scripts read them: after
// a line break, without it.
func scriptLines(src []byte) []string {
	s := strings.TrimSuffix(string(src), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// scriptEntries returns the entries of a dictionary as common.Dict.iter
// reads them: comment and blank lines skipped, key and values split at the
// first tab, values at single spaces.
func scriptEntries(name string, src []byte) (keys []string, values [][]string, err error) {
	for i, line := range scriptLines(src) {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		if !ok {
			return nil, nil, fmt.Errorf("%s:%d: no tab between key and value", name, i+1)
		}
		keys = append(keys, k)
		values = append(values, strings.Split(v, " "))
	}
	return keys, values, nil
}

// newStrictDict makes a dictionary of generated entries, which OpenCC's
// dictionary tool would reject if two had the same key.
func newStrictDict(name string, keys []string, values [][]string) (*Dict, error) {
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			return nil, fmt.Errorf("%s: generated key %q twice", name, k)
		}
		seen[k] = true
	}
	return NewDict(name, keys, values), nil
}

const reversePreferPrefix = "# @reverse-prefer:"

// ReverseDict derives name (such as TWVariantsRev) from the source of the
// dictionary it reverses, as OpenCC's reverse.py does: every value becomes
// a key whose values are the keys that had it, in file order, except that a
// "# @reverse-prefer: VALUE [KEY]" line puts KEY (by default VALUE itself)
// first.
func ReverseDict(name, srcName string, src []byte) (*Dict, error) {
	prefer := map[string]string{}
	var preferOrder []string
	for i, line := range scriptLines(src) {
		line = strings.TrimRight(line, "\r\n")
		if rest, ok := strings.CutPrefix(line, reversePreferPrefix); ok {
			f := strings.Fields(rest)
			if len(f) != 1 && len(f) != 2 {
				return nil, fmt.Errorf("%s:%d: invalid reverse preference %q", srcName, i+1, line)
			}
			if _, ok := prefer[f[0]]; !ok {
				preferOrder = append(preferOrder, f[0])
			}
			prefer[f[0]] = f[len(f)-1]
		}
	}
	keys, values, err := scriptEntries(srcName, src)
	if err != nil {
		return nil, err
	}
	rev := map[string][]string{}
	var order []string
	for i, k := range keys {
		for _, v := range values[i] {
			if _, ok := rev[v]; !ok {
				order = append(order, v)
			}
			rev[v] = append(rev[v], k)
		}
	}
	for _, k := range preferOrder {
		p := prefer[k]
		vs := rev[k]
		at := -1
		for i, v := range vs {
			if v == p {
				at = i
				break
			}
		}
		if at < 0 {
			return nil, fmt.Errorf("%s: reverse preference %s -> %s has no matching mapping", srcName, k, p)
		}
		rev[k] = append([]string{p}, append(vs[:at:at], vs[at+1:]...)...)
	}
	out := make([][]string, len(order))
	for i, k := range order {
		out[i] = rev[k]
	}
	return NewDict(name, order, out), nil
}

const tofuRiskPrefix = "# @tofu-risk:"

// TofuRiskDict derives name (TSCharactersExt) from the source of the
// dictionary whose "# @tofu-risk:" lines mark entries with rare forms, as
// OpenCC's extract_tofu_risk.py does: the entry after each mark, without the
// value that keeps the character as it is.
func TofuRiskDict(name, srcName string, src []byte) (*Dict, error) {
	lines := scriptLines(src)
	var keys []string
	var values [][]string
	for i, line := range lines {
		if !strings.HasPrefix(line, tofuRiskPrefix) {
			continue
		}
		bad := func(why string) error { return fmt.Errorf("%s:%d: %s after %s", srcName, i+1, why, tofuRiskPrefix) }
		if i+1 >= len(lines) {
			return nil, bad("missing mapping")
		}
		m := lines[i+1]
		if strings.TrimSpace(m) == "" || strings.HasPrefix(m, "#") {
			return nil, bad("expected mapping")
		}
		k, v, ok := strings.Cut(m, "\t")
		if !ok {
			return nil, bad("no tab in the mapping")
		}
		vs := strings.Fields(v)
		if len(vs) > 0 && vs[0] == k {
			vs = vs[1:]
		}
		if len(vs) == 0 {
			return nil, bad("expected extension mapping")
		}
		keys = append(keys, k)
		values = append(values, vs)
	}
	return newStrictDict(name, keys, values)
}

// RegionalPhraseSource is a regional phrase dictionary that
// RegionalPhrasesDict projects to Simplified Chinese.
type RegionalPhraseSource struct {
	Name string
	Src  []byte
}

// RegionalPhrasesDict derives name (STPhrases_GeneratedFromRegionalPhrases)
// as OpenCC's generate_st_phrases_from_regional_phrases.py does: every key
// of the sources (HKPhrases, TWPhrases), converted to Simplified by t2s,
// becomes a key whose value is the original, so that a Simplified phrase is
// kept whole for the regional step. Projections shorter than three
// characters are left out; two originals with the same projection are an
// error.
func RegionalPhrasesDict(name string, sources []RegionalPhraseSource, t2s func(string) string) (*Dict, error) {
	origins := map[string][]string{}
	var order []string
	for _, s := range sources {
		keys, _, err := scriptEntries(s.Name, s.Src)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			p := t2s(k)
			if utf8.RuneCountInString(p) < 3 {
				continue
			}
			if _, ok := origins[p]; !ok {
				order = append(order, p)
			}
			origins[p] = append(origins[p], k)
		}
	}
	var conflicts []string
	values := make([][]string, len(order))
	for i, p := range order {
		o := origins[p]
		for _, x := range o[1:] {
			if x != o[0] {
				conflicts = append(conflicts, p+": "+strings.Join(o, " "))
				break
			}
		}
		values[i] = []string{o[0]}
	}
	if len(conflicts) > 0 {
		sort.Strings(conflicts)
		return nil, fmt.Errorf("%s: conflicting regional phrase simplified projections:\n  %s", name, strings.Join(conflicts, "\n  "))
	}
	return newStrictDict(name, order, values)
}
