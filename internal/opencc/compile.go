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

	// When the first step converts unmatched text character by character
	// and exactly one later step, PairStage, has keys of several
	// characters, a run of unmatched text can be cut between characters x
	// and y unless the last character of x's text entering PairStage and
	// the first of y's stand next to each other in one of its keys: no key
	// can span the cut, and the other steps are character by character.
	// PairStage is 0 when this does not hold.
	PairStage int
	CutLast   []int32  // per code: the code of the last character of its text entering PairStage
	CutFirst  []int32  // per code: the code of the first character
	Pairs     []uint64 // sorted: code(a)<<32 | code(b) for adjacent a, b in PairStage's keys
}

// Pair reports whether the characters of codes a and b stand next to each
// other in a key of PairStage.
func (c *Compiled) Pair(a, b int32) bool {
	k := uint64(a)<<32 | uint64(uint32(b))
	i := sort.Search(len(c.Pairs), func(i int) bool { return c.Pairs[i] >= k })
	return i < len(c.Pairs) && c.Pairs[i] == k
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
	t.pairCut(cc, c, dicts, reach[0])
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

func (t *Table) pairCut(cc *Compiled, c *Config, dicts map[string]*Dict, reach0 map[rune]bool) {
	if len(reach0) > 0 {
		return
	}
	for s, g := range c.Chain {
		if s == 0 {
			continue
		}
		for _, n := range g {
			if dicts[n].MaxRune > 1 {
				if cc.PairStage > 0 {
					cc.PairStage = 0
					return
				}
				cc.PairStage = s
				break
			}
		}
	}
	if cc.PairStage == 0 {
		return
	}
	cc.CutFirst = make([]int32, len(t.Alpha.Runes))
	cc.CutLast = make([]int32, len(t.Alpha.Runes))
	for code := 1; code < len(t.Alpha.Runes); code++ {
		text := string(t.Alpha.Runes[code])
		for _, g := range cc.Stages[:cc.PairStage] {
			text = string(t.AppendStage(nil, text, g))
		}
		first, _ := utf8.DecodeRuneInString(text)
		last, _ := utf8.DecodeLastRuneInString(text)
		cc.CutFirst[code], cc.CutLast[code] = t.Alpha.Code(first), t.Alpha.Code(last)
	}
	seen := map[uint64]bool{}
	for _, n := range c.Chain[cc.PairStage] {
		for _, k := range dicts[n].Keys {
			rs := []rune(k)
			for i := 1; i < len(rs); i++ {
				p := uint64(t.Alpha.Code(rs[i-1]))<<32 | uint64(t.Alpha.Code(rs[i]))
				if !seen[p] {
					seen[p] = true
					cc.Pairs = append(cc.Pairs, p)
				}
			}
		}
	}
	sort.Slice(cc.Pairs, func(i, j int) bool { return cc.Pairs[i] < cc.Pairs[j] })
	// A character whose text can pair with no neighbour, on either side,
	// converts on its own.
	left, right := map[int32]bool{}, map[int32]bool{}
	for _, p := range cc.Pairs {
		left[int32(p>>32)], right[int32(uint32(p))] = true, true
	}
	for code := 1; code < len(cc.Chars); code++ {
		if !left[cc.CutLast[code]] && !right[cc.CutFirst[code]] {
			cc.Chars[code] |= Isolated
		}
	}
}
