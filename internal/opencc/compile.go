package opencc

import (
	"fmt"
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
)

func newRef(off, n int) Ref { return Ref(off) | Ref(n)<<32 }

// Off and End delimit the string in the pool.
func (r Ref) Off() int { return int(uint32(r)) }
func (r Ref) End() int { return int(uint32(r)) + int(r>>32&(1<<24-1)) }

// Table holds compiled dictionaries and the configs that use them.
type Table struct {
	Alpha   Alphabet
	Pool    string
	Dicts   []*Trie
	Configs []Compiled
}

// Compiled is a config with everything the semantics allow worked out in
// advance.
type Compiled struct {
	Name, Description string
	Seg               []int32   // segmentation dictionaries, as Dicts indices
	Stages            [][]int32 // the conversion chain
	// SegOut[i][e] is the whole chain's output for key e of Seg[i]: a
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
// config uses are left out.
func Build(configs []*Config, dicts map[string]*Dict) (*Table, error) {
	var used []string
	seen := map[string]bool{}
	for _, c := range configs {
		for _, g := range append([][]string{c.Seg}, c.Chain...) {
			for _, n := range g {
				if dicts[n] == nil {
					return nil, fmt.Errorf("config %s: no dictionary %s", c.Name, n)
				}
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
		for _, k := range dicts[n].Keys {
			for _, r := range k {
				runeSet[r] = true
			}
		}
	}
	runes := make([]rune, 0, len(runeSet))
	for r := range runeSet {
		runes = append(runes, r)
	}
	t := &Table{Alpha: *newAlphabet(runes)}
	pool := newPool()
	index := map[string]int32{}
	for i, n := range used {
		d := dicts[n]
		tr := buildTrie(n, d.Keys, &t.Alpha)
		tr.Vals = make([]Ref, len(d.Keys))
		for e, v := range d.Values {
			tr.Vals[e] = pool.ref(v[0])
		}
		t.Dicts = append(t.Dicts, tr)
		index[n] = int32(i)
	}
	t.Pool = pool.b.String() // stage outputs below read the pool
	for _, c := range configs {
		t.Configs = append(t.Configs, *t.compile(c, index, dicts, pool))
		t.Pool = pool.b.String()
	}
	if pool.err != nil {
		return nil, pool.err
	}
	return t, nil
}

func (t *Table) compile(c *Config, index map[string]int32, dicts map[string]*Dict, pool *pool) *Compiled {
	cc := &Compiled{Name: c.Name, Description: c.Description}
	for _, n := range c.Seg {
		cc.Seg = append(cc.Seg, index[n])
		cc.MaxKeyBytes = max(cc.MaxKeyBytes, t.Dicts[index[n]].MaxKeyBytes)
	}
	for _, g := range c.Chain {
		var s []int32
		for _, n := range g {
			s = append(s, index[n])
		}
		cc.Stages = append(cc.Stages, s)
	}
	chain := func(text string) string {
		t.Pool = pool.b.String()
		return string(AppendChain(t, nil, text, cc.Stages))
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
	for _, n := range c.Seg {
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
			text = string(t.AppendStage(nil, text, g))
		}
		ref := pool.ref(text)
		if text == ch {
			ref |= Same
		}
		if isolated {
			ref |= Isolated
		}
		for _, d := range cc.Seg {
			if t.Dicts[d].Child(0, int32(code)) >= 0 {
				ref |= SegStart
			}
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
	if len(s) >= 1<<24 || p.b.Len() >= 1<<32-len(s) {
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

func (t *Table) pairCut(cc *Compiled, c *Config, dicts map[string]*Dict, segKeys map[string]bool, reach0 map[rune]bool) {
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
			text = string(t.AppendStage(nil, text, g))
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
			own := between(string(t.AppendStage(nil, string(t.Alpha.Runes[code]), cc.Stages[0])))
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
		if !left0[x] && !right0[x] && !anyIn(lasts[code], leftS) && !anyIn(firsts[code], rightS) {
			cc.Chars[code] |= Isolated
		}
	}
}
