package opencc

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Ref is a string in a Table's Pool, with flags about what it replaces.
type Ref uint64

const (
	// Same: the output equals the text it converts.
	Same Ref = 1 << (56 + iota)
	// Isolated: a character no multi-character rule of any step can reach
	// when it stands outside a matched segment; it converts on its own.
	Isolated
	// SegStart: some segmentation key starts with the character.
	SegStart
	// IDSStart: an ideographic description character, which starts a
	// sequence that OpenCC copies whole where no key matches.
	IDSStart
)

func newRef(off, n int) Ref { return Ref(off) | Ref(n)<<32 }

// Off and End delimit the string in the pool.
func (r Ref) Off() int { return int(uint32(r)) }
func (r Ref) End() int { return int(uint32(r)) + int(r>>32&(1<<24-1)) }

// Table holds compiled dictionaries and the configs that use them.
type Table struct {
	Version string // of the OpenCC data, such as "1.4.2"
	// Shared: the table's alphabet belongs to a Blob and lives as long as
	// the program, so what is made of it can be kept and shared.
	Shared bool
	Alpha  Alphabet
	// Alias holds the configs' normalization, sorted pairs from<<32 | to:
	// the engine reads a character from as to, except inside an
	// ideographic description sequence. Alpha.Code does not apply it.
	Alias   []uint64
	Pool    string
	Dicts   []*Trie
	Configs []Compiled
}

// Compiled is a config with everything the semantics allow worked out in
// advance.
type Compiled struct {
	Name, Description string
	// The segmentation and each step of the conversion chain are
	// short_circuit lists of items: an item i >= 0 is the dictionary
	// Dicts[i], an item i < 0 the group Groups[^i].
	Seg    []int32
	Stages [][]int32
	Groups []Group
	// SegDicts are the dictionaries of the segmentation's items.
	SegDicts []int32
	// SegOut[i][e] is the whole chain's output for key e of SegDicts[i]: a
	// matched segment converts on its own, so its result depends on the
	// key alone.
	SegOut [][]Ref
	// Chars[code] is the whole chain's output for the character alone,
	// flagged Isolated when that is also its output inside unmatched text.
	Chars []Ref
	// ASCIIInert has bit b set when byte b is an isolated character that
	// converts to itself and starts no segmentation key.
	ASCIIInert  [2]uint64
	MaxKeyBytes int // of the segmentation dictionaries
	RunLimit    int // RunLimit, or less: see there

	// Runs of unmatched characters are cut, when PairCut is set, between
	// characters x and y that no multi-character rule of any step can
	// join; the conversion of a run is then the conversion of its pieces.
	// That holds when at most one step after the first has keys of several
	// characters (PairStage, 0 for none) and:
	//   - no key of the first step that can match in unmatched text holds
	//     x followed by y (Pairs0);
	//   - no key of PairStage holds a followed by b, where a is a character
	//     that can end the text the left piece brings to PairStage (the
	//     last character of x's own conversion, or of a first-step value
	//     whose key ends with x) and b one that can start the right piece's
	//     (CutLast and CutFirst: per code, a range of CutSets).
	PairCut   bool
	Pairs0    []uint64 // sorted: code(a)<<32 | code(b) for adjacent a, b
	PairStage int
	Pairs     []uint64 // sorted, as Pairs0, for PairStage's keys
	CutLast   []int32  // per code and one more: where its range starts in CutSets
	CutFirst  []int32
	CutSets   []int32
}

// RunLimit bounds, in bytes, a run of unmatched characters that multi-
// character rules of later steps may join, converted as one piece. A longer
// run is converted in pieces of at most RunLimit bytes, so that a stream's
// look-ahead stays bounded; OpenCC would convert it whole. A config whose
// values are much longer than their keys has a lower limit (Compiled.RunLimit)
// so that no unit's output exceeds MaxUnitOutput.
const RunLimit = 1024

// MaxUnitOutput bounds the output of one conversion unit: a matched segment,
// a character or a run. transform.Reader's 4096-byte buffer always holds it.
const MaxUnitOutput = 4096

// Build compiles configs and the dictionaries they name. Dictionaries that no
// config uses are left out. The configs must share one normalization: it
// folds into the table's alphabet.
func Build(configs []*Config, dicts map[string]*Dict) (*Table, error) {
	b := &planner{dicts: dicts, merged: map[string]*Dict{}}
	var plans []*plan
	var alias []uint64
	for i, c := range configs {
		p, err := b.plan(c)
		if err != nil {
			return nil, fmt.Errorf("config %s: %v", c.Name, err)
		}
		a, err := aliases(c, dicts)
		if err != nil {
			return nil, fmt.Errorf("config %s: %v", c.Name, err)
		}
		if i > 0 && !slices.Equal(a, alias) {
			return nil, fmt.Errorf("config %s: its normalization differs from config %s's; build them apart", c.Name, configs[0].Name)
		}
		alias = a
		plans = append(plans, p)
	}
	all := func(n string) *Dict {
		if d := b.merged[n]; d != nil {
			return d
		}
		return dicts[n]
	}
	var used []string
	seen := map[string]bool{}
	for _, p := range plans {
		for _, g := range append([][]string{p.Seg}, p.Chain...) {
			for _, n := range g {
				if !seen[n] {
					seen[n] = true
					used = append(used, n)
				}
			}
		}
	}
	sort.Strings(used)
	runeSet := map[rune]bool{}
	for _, n := range used {
		for _, k := range all(n).Keys {
			for _, r := range k {
				runeSet[r] = true
			}
		}
	}
	for _, a := range alias {
		runeSet[rune(uint32(a))] = true
	}
	// Ideographic description characters have codes of their own, so that
	// their flags send the engine to look for a sequence.
	for r := idsFirst; r <= idsLast; r++ {
		runeSet[r] = true
	}
	runes := make([]rune, 0, len(runeSet))
	for r := range runeSet {
		runes = append(runes, r)
	}
	t := &Table{Alpha: *newAlphabet(runes), Alias: alias}
	pool := newPool()
	index := map[string]int32{}
	resolved := map[string]*Dict{}
	for i, n := range used {
		d := all(n)
		resolved[n] = d
		tr := buildTrie(n, d.Keys, &t.Alpha)
		tr.Vals = make([]Ref, len(d.Keys))
		for e, v := range d.Values {
			tr.Vals[e] = pool.ref(v[0])
		}
		t.Dicts = append(t.Dicts, tr)
		index[n] = int32(i)
	}
	t.Pool = pool.b.String() // stage outputs below read the pool
	for _, p := range plans {
		t.Configs = append(t.Configs, *t.compile(p, index, resolved, pool))
		t.Pool = pool.b.String()
	}
	if pool.err != nil {
		return nil, pool.err
	}
	return t, nil
}

// aliases returns c's normalization as one map from character to
// character, sorted pairs from<<32 | to. zhnorm folds the normalization into
// the alphabet, which takes a map of single characters: OpenCC's configs
// map CJK compatibility ideographs to their unified forms.
func aliases(c *Config, dicts map[string]*Dict) ([]uint64, error) {
	m := map[rune]rune{}
	for _, step := range c.Norm {
		stepMap := map[rune]rune{}
		// Every key is one character, so a group of either policy takes
		// the first dictionary, in order, that has the character.
		for _, n := range step.Dicts() {
			d := dicts[n]
			if d == nil {
				return nil, fmt.Errorf("no dictionary %s", n)
			}
			for i, k := range d.Keys {
				from, n1 := utf8.DecodeRuneInString(k)
				to, n2 := utf8.DecodeRuneInString(d.Values[i][0])
				if n1 != len(k) || n2 != len(d.Values[i][0]) || n2 == 0 || isIDSOperator(from) || isIDSOperator(to) {
					return nil, fmt.Errorf("normalization dictionary %s maps %q to %q: zhnorm supports normalization by one character for one", n, k, d.Values[i][0])
				}
				if _, ok := stepMap[from]; !ok {
					stepMap[from] = to
				}
			}
		}
		// Compose with the steps before.
		for from, to := range m {
			if x, ok := stepMap[to]; ok {
				m[from] = x
			}
		}
		for from, to := range stepMap {
			if _, ok := m[from]; !ok {
				m[from] = to
			}
		}
	}
	var out []uint64
	for from, to := range m {
		if from != to {
			out = append(out, uint64(from)<<32|uint64(to))
		}
	}
	slices.Sort(out)
	return out, nil
}

func (t *Table) compile(c *plan, index map[string]int32, dicts map[string]*Dict, pool *pool) *Compiled {
	cc := &Compiled{Name: c.Name, Description: c.Description}
	var item func(s sym) int32
	item = func(s sym) int32 {
		if s.dict != "" {
			return index[s.dict]
		}
		g := Group{Union: s.union}
		for _, it := range s.items {
			g.Items = append(g.Items, item(it))
		}
		cc.Groups = append(cc.Groups, g)
		return ^int32(len(cc.Groups) - 1)
	}
	for _, s := range c.seg {
		cc.Seg = append(cc.Seg, item(s))
	}
	for _, st := range c.stages {
		l := []int32{}
		for _, s := range st {
			l = append(l, item(s))
		}
		cc.Stages = append(cc.Stages, l)
	}
	for _, n := range dedup(c.Seg) {
		cc.SegDicts = append(cc.SegDicts, index[n])
		cc.MaxKeyBytes = max(cc.MaxKeyBytes, t.Dicts[index[n]].MaxKeyBytes)
	}
	chain := func(text string) string {
		t.Pool = pool.b.String()
		return string(AppendChain(t, cc, nil, text, cc.Stages))
	}
	// growth bounds how much longer than its input a step's output is.
	growth := 1
	for _, g := range c.Chain {
		step := 1
		for _, n := range g {
			for i, k := range dicts[n].Keys {
				step = max(step, (len(dicts[n].Values[i][0])+len(k)-1)/len(k))
			}
		}
		growth = min(growth*step, MaxUnitOutput)
	}
	cc.RunLimit = min(RunLimit, MaxUnitOutput/growth)
	segKeys := map[string]bool{}
	for _, n := range dedup(c.Seg) {
		d := dicts[n]
		out := make([]Ref, len(d.Keys))
		for e, k := range d.Keys {
			v := chain(k)
			if len(v) > MaxUnitOutput && pool.err == nil {
				pool.err = fmt.Errorf("config %s: %q converts to %d bytes, more than %d", c.Name, k, len(v), MaxUnitOutput)
			}
			out[e] = pool.ref(v)
			if v == k {
				out[e] |= Same
			}
			segKeys[k] = true
		}
		cc.SegOut = append(cc.SegOut, out)
	}

	// reach[s] holds the characters of the multi-character keys of step s
	// that can match inside unmatched text. For the first step that leaves
	// out keys of the segmentation dictionaries: where one of those matches,
	// the segmenter has matched it first.
	reach := make([]map[rune]bool, len(c.Chain))
	for s, g := range c.Chain {
		reach[s] = map[rune]bool{}
		for _, n := range g {
			for _, k := range dicts[n].Keys {
				if utf8.RuneCountInString(k) < 2 || (s == 0 && segKeys[k]) {
					continue
				}
				for _, r := range k {
					reach[s][r] = true
				}
			}
		}
	}
	cc.Chars = make([]Ref, len(t.Alpha.Runes))
	for code := 1; code < len(t.Alpha.Runes); code++ {
		r := t.Alpha.Runes[code]
		ch := string(r)
		isolated := !reach[0][r]
		text := ch
		for s, g := range cc.Stages {
			if s > 0 && strings.ContainsFunc(text, func(x rune) bool { return reach[s][x] }) {
				isolated = false
			}
			text = string(t.appendStage(cc, nil, text, g))
		}
		if isIDSOperator(r) {
			// Never isolated: the engine looks for a sequence first.
			isolated = false
		}
		ref := pool.ref(text)
		if text == ch {
			ref |= Same
		}
		if isolated {
			ref |= Isolated
		}
		for _, d := range cc.SegDicts {
			if t.Dicts[d].Child(0, int32(code)) >= 0 {
				ref |= SegStart
			}
		}
		if isIDSOperator(r) {
			ref |= IDSStart
		}
		cc.Chars[code] = ref
	}
	t.pairCut(cc, c, dicts, segKeys, reach[0])
	for b := 0; b < utf8.RuneSelf; b++ {
		ref := cc.Chars[t.Alpha.Code(rune(b))]
		if code := t.Alpha.Code(rune(b)); code == 0 || ref&(Same|Isolated|SegStart) == Same|Isolated {
			cc.ASCIIInert[b>>6] |= 1 << (b & 63)
		}
	}
	return cc
}

// pool interns strings.
type pool struct {
	b   strings.Builder
	off map[string]int
	err error
}

func newPool() *pool { return &pool{off: map[string]int{}} }

func (p *pool) ref(s string) Ref {
	if len(s) >= 1<<24 || uint64(p.b.Len()) >= 1<<32-uint64(len(s)) {
		p.err = fmt.Errorf("opencc: a conversion result of %d bytes is too long", len(s))
		return 0
	}
	o, ok := p.off[s]
	if !ok {
		o = p.b.Len()
		p.b.WriteString(s)
		p.off[s] = o
	}
	return newRef(o, len(s))
}

func (t *Table) pairCut(cc *Compiled, c *plan, dicts map[string]*Dict, segKeys map[string]bool, reach0 map[rune]bool) {
	later := 0
	for s := 1; s < len(c.Chain); s++ {
		for _, n := range c.Chain[s] {
			if dicts[n].MaxRune > 1 {
				if later > 0 {
					return // two later steps with phrases: no cut is safe
				}
				later = s
				break
			}
		}
	}
	if later == 0 && len(reach0) == 0 {
		return // every character converts on its own already
	}
	cc.PairCut, cc.PairStage = true, later
	pairsOf := func(set map[uint64]bool, rs []rune) {
		for i := 1; i < len(rs); i++ {
			set[uint64(t.Alpha.Code(rs[i-1]))<<32|uint64(t.Alpha.Code(rs[i]))] = true
		}
	}
	sorted := func(set map[uint64]bool) []uint64 {
		var v []uint64
		for p := range set {
			v = append(v, p)
		}
		sort.Slice(v, func(i, j int) bool { return v[i] < v[j] })
		return v
	}
	// The first step's keys that can match inside unmatched text, and the
	// values they bring, by their last and first character.
	p0 := map[uint64]bool{}
	ending, starting := map[int32][]string{}, map[int32][]string{}
	if len(reach0) > 0 {
		for _, n := range c.Chain[0] {
			d := dicts[n]
			for i, k := range d.Keys {
				rs := []rune(k)
				if len(rs) < 2 || segKeys[k] {
					continue
				}
				pairsOf(p0, rs)
				last, first := t.Alpha.Code(rs[len(rs)-1]), t.Alpha.Code(rs[0])
				ending[last] = append(ending[last], d.Values[i][0])
				starting[first] = append(starting[first], d.Values[i][0])
			}
		}
	}
	cc.Pairs0 = sorted(p0)
	left0, right0 := map[int32]bool{}, map[int32]bool{}
	for _, p := range cc.Pairs0 {
		left0[int32(p>>32)], right0[int32(uint32(p))] = true, true
	}
	leftS, rightS := map[int32]bool{}, map[int32]bool{}
	if later > 0 {
		ps := map[uint64]bool{}
		for _, n := range c.Chain[later] {
			for _, k := range dicts[n].Keys {
				pairsOf(ps, []rune(k))
			}
		}
		cc.Pairs = sorted(ps)
		for _, p := range cc.Pairs {
			leftS[int32(p>>32)], rightS[int32(uint32(p))] = true, true
		}
	}
	// Through the steps between the first and PairStage, which convert
	// character by character.
	between := func(text string) string {
		for _, g := range cc.Stages[1:max(later, 1)] {
			text = string(t.appendStage(cc, nil, text, g))
		}
		return text
	}
	n := len(t.Alpha.Runes)
	cc.CutLast = make([]int32, n+1)
	cc.CutFirst = make([]int32, n+1)
	var lasts, firsts [][]int32
	for code := 0; code < n; code++ {
		var l, f []int32
		if code > 0 && later > 0 {
			add := func(set []int32, r rune) []int32 {
				x := t.Alpha.Code(r)
				for _, y := range set {
					if y == x {
						return set
					}
				}
				return append(set, x)
			}
			own := between(string(t.appendStage(cc, nil, string(t.Alpha.Runes[code]), cc.Stages[0])))
			r, _ := utf8.DecodeLastRuneInString(own)
			l = add(l, r)
			r, _ = utf8.DecodeRuneInString(own)
			f = add(f, r)
			for _, v := range ending[int32(code)] {
				r, _ := utf8.DecodeLastRuneInString(between(v))
				l = add(l, r)
			}
			for _, v := range starting[int32(code)] {
				r, _ := utf8.DecodeRuneInString(between(v))
				f = add(f, r)
			}
		}
		lasts, firsts = append(lasts, l), append(firsts, f)
	}
	for code := 0; code < n; code++ {
		cc.CutLast[code] = int32(len(cc.CutSets))
		cc.CutSets = append(cc.CutSets, lasts[code]...)
	}
	cc.CutLast[n] = int32(len(cc.CutSets))
	for code := 0; code < n; code++ {
		cc.CutFirst[code] = int32(len(cc.CutSets))
		cc.CutSets = append(cc.CutSets, firsts[code]...)
	}
	cc.CutFirst[n] = int32(len(cc.CutSets))
	// A character that can be joined to no neighbour, on either side,
	// converts on its own.
	anyIn := func(set []int32, in map[int32]bool) bool {
		for _, x := range set {
			if in[x] {
				return true
			}
		}
		return false
	}
	for code := 1; code < len(cc.Chars); code++ {
		x := int32(code)
		if !left0[x] && !right0[x] && !anyIn(lasts[code], leftS) && !anyIn(firsts[code], rightS) && cc.Chars[code]&IDSStart == 0 {
			cc.Chars[code] |= Isolated
		}
	}
}

// Group is a dictionary group that could not be merged into one dictionary.
type Group struct {
	Union bool    // the longest match of any item; else the first item with a match
	Items []int32 // as in Compiled.Stages
}

func dedup(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
