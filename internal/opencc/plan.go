package opencc

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A plan is a config with its dictionary groups simplified, ready to
// compile: each step is a short_circuit list of items, an item a
// dictionary or a group that could not be merged into one.
type plan struct {
	Name, Description string
	seg               []sym   // empty: no segmentation
	stages            [][]sym // never empty
	// The dictionaries of the segmentation and of each step, in order.
	Seg   []string
	Chain [][]string
}

// sym is a dictionary (dict set) or a group of items.
type sym struct {
	dict  string
	union bool
	items []sym
}

func (s sym) leaves(out []string) []string {
	if s.dict != "" {
		return append(out, s.dict)
	}
	for _, it := range s.items {
		out = it.leaves(out)
	}
	return out
}

// planner simplifies groups; merged dictionaries are shared by name.
type planner struct {
	dicts   map[string]*Dict
	merged  map[string]*Dict
	content map[string]string // a dictionary's entries, as text, to its name
}

func (b *planner) dict(n string) *Dict {
	if d := b.merged[n]; d != nil {
		return d
	}
	return b.dicts[n]
}

func (b *planner) plan(c *Config) (*plan, error) {
	p := &plan{Name: c.Name, Description: c.Description}
	list := func(n *DictNode) ([]sym, error) {
		s, err := b.simplify(n)
		if err != nil {
			return nil, err
		}
		if s.dict == "" && !s.union {
			return s.items, nil
		}
		return []sym{s}, nil
	}
	for _, n := range c.Chain {
		l, err := list(n)
		if err != nil {
			return nil, err
		}
		p.stages = append(p.stages, l)
	}
	if len(p.stages) == 0 {
		// No step: the text comes out as it went in.
		p.stages = [][]sym{nil}
	}
	switch {
	case c.Seg != nil:
		l, err := list(c.Seg)
		if err != nil {
			return nil, err
		}
		p.seg = l
	case len(p.stages) == 1:
		// Without segmentation the whole text is one segment. With one
		// step that is the same as segmenting by the step's own group: a
		// match of the group is a match of the segment, and elsewhere the
		// step copies characters as unmatched text does.
		p.seg = p.stages[0]
		if len(p.seg) == 1 && p.seg[0].dict != "" {
			// With one dictionary, its keys of several characters segment
			// as well: where none matches, the longest match is a single
			// character, which the step converts on its own either way.
			// The engine then converts most characters without a look at
			// the next.
			p.seg = []sym{{dict: b.phrasesOf(p.seg[0].dict)}}
		}
	}
	for _, s := range p.seg {
		p.Seg = s.leaves(p.Seg)
	}
	for _, st := range p.stages {
		var names []string
		for _, s := range st {
			names = s.leaves(names)
		}
		p.Chain = append(p.Chain, names)
	}
	return p, nil
}

// simplify returns n with one-member groups unwrapped, nested groups of the
// same policy flattened, and groups of dictionaries merged into one where
// that keeps OpenCC's matching:
//   - a union: the longest match of any member, the first member's on a tie,
//     is the longest match of all the entries, the first member's entry
//     for a key that several have;
//   - a short_circuit group, when no key of an earlier member is a proper
//     prefix of a key of a later one: then wherever a later member's match
//     is longer than an earlier member's, the earlier has none, so the
//     first member with a match has the longest.
func (b *planner) simplify(n *DictNode) (sym, error) {
	if n.Dict != "" {
		if b.dicts[n.Dict] == nil {
			return sym{}, fmt.Errorf("no dictionary %s", n.Dict)
		}
		return sym{dict: b.same(n.Dict)}, nil
	}
	var items []sym
	for _, it := range n.Items {
		s, err := b.simplify(it)
		if err != nil {
			return sym{}, err
		}
		if s.dict == "" && s.union == n.Union {
			items = append(items, s.items...)
		} else {
			items = append(items, s)
		}
	}
	if len(items) == 1 {
		return items[0], nil
	}
	g := sym{union: n.Union, items: items}
	var names []string
	for _, it := range items {
		if it.dict == "" {
			return g, nil
		}
		names = append(names, it.dict)
	}
	if !n.Union && !b.prefixFree(names) {
		return g, nil
	}
	sep := "|"
	if n.Union {
		sep = "+"
	}
	name := "(" + strings.Join(names, sep) + ")"
	if b.merged[name] == nil {
		var keys []string
		var values [][]string
		for _, m := range names {
			d := b.dict(m)
			keys = append(keys, d.Keys...)
			values = append(values, d.Values...)
		}
		b.merged[name] = NewDict(name, keys, values)
	}
	return sym{dict: b.same(name)}, nil
}

// phrasesOf returns the name of a dictionary of the keys of several
// characters of the dictionary n.
func (b *planner) phrasesOf(n string) string {
	name := "phrases" + n
	if b.merged[name] == nil {
		d := b.dict(n)
		var keys []string
		var values [][]string
		for i, k := range d.Keys {
			if utf8.RuneCountInString(k) > 1 {
				keys = append(keys, k)
				values = append(values, d.Values[i])
			}
		}
		b.merged[name] = NewDict(name, keys, values)
	}
	return b.same(name)
}

// same returns the name of a dictionary the planner knows with the same
// entries as the dictionary n, so that the tables hold it once.
func (b *planner) same(n string) string {
	d := b.dict(n)
	var sb strings.Builder
	for i, k := range d.Keys {
		sb.WriteString(k)
		sb.WriteByte('\t')
		sb.WriteString(d.Values[i][0])
		sb.WriteByte('\n')
	}
	sig := sb.String()
	if b.content == nil {
		b.content = map[string]string{}
	}
	if m, ok := b.content[sig]; ok {
		return m
	}
	b.content[sig] = n
	return n
}

// prefixFree reports whether no key of a dictionary of names is a proper
// prefix of a key of a later one.
func (b *planner) prefixFree(names []string) bool {
	earlier := map[string]bool{}
	for i, n := range names {
		d := b.dict(n)
		if i > 0 {
			for _, k := range d.Keys {
				for j := range k {
					if j > 0 && earlier[k[:j]] {
						return false
					}
				}
			}
		}
		for _, k := range d.Keys {
			earlier[k] = true
		}
	}
	return true
}
