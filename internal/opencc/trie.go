package opencc

import (
	"sort"
	"unicode/utf8"
)

// Alphabet numbers the characters that occur in any dictionary key, from 1;
// every other character is 0. The two-level table keeps the look-up to two
// loads without a map.
type Alphabet struct {
	Index  []uint16 // per block of 128 code points: the block's number in Blocks
	Blocks []int32  // codes, 128 a block; block 0 is all zeros
	Runes  []rune   // Runes[code] is the character; Runes[0] is unused
}

const blockBits = 7

// Code returns r's number, or 0 when r is in no key.
func (a *Alphabet) Code(r rune) int32 {
	if uint32(r) >= utf8.MaxRune+1 {
		return 0
	}
	return a.Blocks[int(a.Index[r>>blockBits])<<blockBits|int(r&(1<<blockBits-1))]
}

func newAlphabet(runes []rune) *Alphabet {
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	a := &Alphabet{
		Index:  make([]uint16, (utf8.MaxRune+1)>>blockBits),
		Blocks: make([]int32, 1<<blockBits),
		Runes:  append([]rune{0}, runes...),
	}
	for i, r := range runes {
		hi := r >> blockBits
		if a.Index[hi] == 0 {
			a.Index[hi] = uint16(len(a.Blocks) >> blockBits)
			a.Blocks = append(a.Blocks, make([]int32, 1<<blockBits)...)
		}
		a.Blocks[int(a.Index[hi])<<blockBits|int(r&(1<<blockBits-1))] = int32(i + 1)
	}
	return a
}

// Node is a slot of a double-array trie. The child of node s for code c is
// slot t = Base(s)+c when t's parent is s.
type Node struct {
	Base  int32
	Check uint32 // parent slot | termBit when a key ends here; free slots hold freeSlot
}

const (
	termBit  = 1 << 31
	freeSlot = 1<<31 - 1
)

// Trie is one dictionary compiled: a double-array trie over alphabet codes,
// the entry each terminal slot stands for, and each entry's first value.
type Trie struct {
	Name        string
	Nodes       []Node
	Entry       []int32 // per slot: the entry whose key ends here, or -1
	Vals        []Ref   // per entry: the first value
	MaxKeyBytes int
	MaxKeyRunes int
}

// Child returns the slot reached from s by code, or -1.
func (t *Trie) Child(s int32, code int32) int32 {
	c := t.Nodes[s].Base + code
	if code == 0 || uint32(c) >= uint32(len(t.Nodes)) || t.Nodes[c].Check&^termBit != uint32(s) {
		return -1
	}
	return c
}

// Terminal reports whether a key ends at slot s.
func (t *Trie) Terminal(s int32) bool { return t.Nodes[s].Check&termBit != 0 }

// buildTrie lays out keys (sorted, distinct) as a double-array trie.
func buildTrie(name string, keys []string, a *Alphabet) *Trie {
	type tnode struct {
		codes    []int32
		children []int
		entry    int32
	}
	nodes := []tnode{{entry: -1}}
	t := &Trie{Name: name}
	for e, k := range keys {
		n := 0
		for _, r := range k {
			c := a.Code(r)
			// keys are sorted, so a child is either the last one or new.
			last := len(nodes[n].codes) - 1
			if last >= 0 && nodes[n].codes[last] == c {
				n = nodes[n].children[last]
				continue
			}
			nodes[n].codes = append(nodes[n].codes, c)
			nodes[n].children = append(nodes[n].children, len(nodes))
			nodes = append(nodes, tnode{entry: -1})
			n = len(nodes) - 1
		}
		nodes[n].entry = int32(e)
		t.MaxKeyBytes = max(t.MaxKeyBytes, len(k))
		t.MaxKeyRunes = max(t.MaxKeyRunes, utf8.RuneCountInString(k))
	}
	// Sorted keys sort codes within a node too, since codes follow rune
	// order and UTF-8 byte order is rune order.
	slot := make([]int32, len(nodes)) // tnode → slot
	var da []Node
	// next[i] leads to the first free slot at or after i (union-find with
	// path halving), so the search for a base steps over free slots only.
	var next []int32
	grow := func(n int) {
		for len(da) < n {
			next = append(next, int32(len(da)))
			da = append(da, Node{Check: freeSlot})
		}
	}
	findFree := func(i int32) int32 {
		for {
			if int(i) >= len(da) {
				return i
			}
			if next[i] == i {
				return i
			}
			next[i] = next[next[i]]
			i = next[i]
		}
	}
	occupy := func(i int32) {
		grow(int(i) + 2)
		next[i] = i + 1
	}
	grow(2)
	da[0].Check = 0
	occupy(0)
	queue := []int{0}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		cs := nodes[n].codes
		if len(cs) == 0 {
			continue
		}
		var base int32
		for p := findFree(cs[0]); ; p = findFree(p + 1) {
			base = p - cs[0]
			ok := true
			for _, c := range cs[1:] {
				if q := base + c; int(q) < len(da) && da[q].Check != freeSlot {
					ok = false
					break
				}
			}
			if ok {
				break
			}
		}
		grow(int(base+cs[len(cs)-1]) + 2)
		s := slot[n]
		da[s].Base = base
		for i, c := range cs {
			ch := nodes[n].children[i]
			p := base + c
			da[p].Check = uint32(s)
			occupy(p)
			slot[ch] = p
			queue = append(queue, ch)
		}
	}
	// Trailing free slots serve nothing.
	for len(da) > 1 && da[len(da)-1].Check == freeSlot {
		da = da[:len(da)-1]
	}
	t.Nodes = da
	t.Entry = make([]int32, len(da))
	for i := range t.Entry {
		t.Entry[i] = -1
	}
	for n, tn := range nodes {
		if tn.entry >= 0 {
			t.Nodes[slot[n]].Check |= termBit
			t.Entry[slot[n]] = tn.entry
		}
	}
	return t
}
