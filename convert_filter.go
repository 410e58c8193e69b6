package zhnorm

import (
	"sync"
	"unsafe"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// keyFilter tells plainSpanDense, with few false positives and no false
// negatives, whether a segmentation key may start at a character that
// begins one, from the codes of it and the next two characters: whether
// the first two make a key, or the three begin one. Where it says no, the
// character converts alone; that is most characters of a text, and the
// filter, in the processor's second cache, answers sooner than the trie,
// whose slots are spread over hundreds of kilobytes. A blocked Bloom
// filter with one hash function: the first two codes choose a word, and
// the third (or keyEnd) a bit in it, so that both questions are one load.
// Its size is fixed, so that the hashes shift by constants: 64 Ki words,
// about one bit a word for STPhrases (47,533 keys of two characters and
// prefixes of three), one false positive in 64 a question; a larger trie
// only has more.
type keyFilter [1 << filterLogWords]uint64

const filterLogWords = 16

// keyEnd stands for the third code of a key of two characters.
const keyEnd = 0xFFFF

// filterSum is the hash of the first two codes: its high bits choose the
// word (filterWord).
func filterSum(c1, c2 uint16) uint32 {
	return uint32(c1)*0x9E3779B1 + uint32(c2)*0x85EBCA77
}

func filterWord(sum uint32) uint32 { return sum >> (32 - filterLogWords) }

// filterBit returns the bit, in the word of sum, of the third code c3:
// six bits of the hash below those that choose the word, so that two
// pairs that share a word differ there too. keyEnd's is filterEndBit.
func filterBit(sum, c3 uint32) uint32 {
	return (sum + c3*filterMul3) >> (32 - filterLogWords - 6) & 63
}

func filterEndBit(sum uint32) uint32 {
	return (sum + filterEnd) >> (32 - filterLogWords - 6) & 63
}

// filterMul3 is the third code's factor in the hash of the bit, and
// filterEnd keyEnd's term.
const (
	filterMul3 = 0xC2B2AE3D
	filterEnd  = keyEnd * filterMul3 & (1<<32 - 1)
)

// keyFilters holds the filter of each trie of the built-in tables in use.
var keyFilters sync.Map // *opencc.Node (the trie's slots) → *keyFilter

// keyFilterOf returns the filter of a segmentation trie's slots nodes,
// whose root's children sit at their codes: of its keys of two characters
// and its prefixes of three. shared says that the trie is the built-in
// tables', whose filters are kept.
func keyFilterOf(nodes []opencc.Node, shared bool) *keyFilter {
	key := unsafe.SliceData(nodes)
	if v, ok := keyFilters.Load(key); ok && shared {
		return v.(*keyFilter)
	}
	const free = 1<<31 - 1
	f := new(keyFilter)
	parent := func(s uint32) uint32 { return nodes[s].Check &^ termBit }
	// codes of a slot of depth 2: its parent's slot is the first code.
	codes := func(s uint32) (c1, c2 uint16) {
		p := parent(s)
		return uint16(p), uint16(int32(s) - nodes[p].Base)
	}
	for s := 1; s < len(nodes); s++ {
		check := nodes[s].Check
		p := check &^ termBit
		if check == free || p == 0 {
			continue // free, or of depth 1
		}
		if pp := parent(p); pp == 0 {
			// Depth 2: a key of two characters, or a prefix of longer
			// ones, which their slots of depth 3 stand for.
			if check&termBit != 0 {
				c1, c2 := codes(uint32(s))
				sum := filterSum(c1, c2)
				f[filterWord(sum)] |= 1 << filterEndBit(sum)
			}
		} else if parent(pp) == 0 {
			c1, c2 := codes(p)
			sum := filterSum(c1, c2)
			f[filterWord(sum)] |= 1 << filterBit(sum, uint32(int32(s)-nodes[p].Base))
		}
	}
	if shared {
		v, _ := keyFilters.LoadOrStore(key, f)
		f = v.(*keyFilter)
	}
	return f
}

// filterAfter is how many bytes a Converter with a dense trie or runs
// converts before it builds its filters. They pay for themselves sooner
// (with them s2t converts a megabyte 1.7 ms sooner, s2twp 3.5 ms; the
// keyFilter takes 0.9 ms to build, the joinFilter 0.26 ms), but a
// program that converts a few pages never needs them, and one that
// converts more pays them back within the next megabyte.
const filterAfter = 1 << 20

// scanFilters are what the loops of plainRun ask: keys, for a dense trie
// (plainSpanDense, which runs only with it), and joins, for configs with
// runs (Converter.plainRuns; plainSpanSparse asks it too).
type scanFilters struct {
	keys  *keyFilter
	joins *joinFilter
}

// joinsOrNil returns f.joins, nil when f is.
func (f *scanFilters) joinsOrNil() *joinFilter {
	if f == nil {
		return nil
	}
	return f.joins
}

// buildFilter builds c's filters, once, and returns them.
func (c *Converter) buildFilter() *scanFilters {
	c.filterOnce.Do(func() {
		f := &scanFilters{}
		if c.dense {
			f.keys = keyFilterOf(c.nodes, c.t.Shared)
		}
		if c.plainRuns {
			f.joins = joinFilterOf(c)
		}
		c.filter.Store(f)
	})
	return c.filter.Load()
}

// joinFilter tells denseRuns and plainSpanSparse, with few false positives
// and no false negatives, whether joinable may hold for two adjacent
// characters: a bit
// for each pair of codes that some multi-character rule can join (2,603 in
// s2twp), chosen by the hash of the two that keyFilter's word took
// (filterSum). Of 2^18 bits, about one in a hundred is set; joinable,
// which asks the pair's flags and searches the pair sets, is asked of a
// text's pairs a tenth as often.
type joinFilter [1 << 12]uint64

func joinWord(sum uint32) uint32 { return sum >> 20 }

func joinBit(sum uint32) uint32 { return sum >> 14 & 63 }

// has reports whether the bit of sum is set.
func (f *joinFilter) has(sum uint32) bool {
	return f[joinWord(sum)]&(1<<joinBit(sum)) != 0
}

// joinFilterOf returns the joinFilter of c, whose runs are cut where no rule
// joins two characters (Converter.pairCut): of the pairs of Pairs0, and of
// each x, y whose CutLast and CutFirst ranges hold the characters a and b of
// a pair of Pairs (joinable's two questions).
func joinFilterOf(c *Converter) *joinFilter {
	f, cc := new(joinFilter), c.c
	add := func(x, y int32) {
		sum := filterSum(uint16(x), uint16(y))
		f[joinWord(sum)] |= 1 << joinBit(sum)
	}
	for _, p := range cc.Pairs0 {
		add(int32(p>>32), int32(uint32(p)))
	}
	ends, endsAt := invertRanges(cc.CutLast, cc.CutSets)
	starts, startsAt := invertRanges(cc.CutFirst, cc.CutSets)
	for _, p := range cc.Pairs {
		a, b := p>>32, uint32(p)
		for _, x := range ends[endsAt[a]:endsAt[a+1]] {
			for _, y := range starts[startsAt[b]:startsAt[b+1]] {
				add(x, y)
			}
		}
	}
	return f
}

// invertRanges inverts at and sets, which give each code x a range of
// sets (sets[at[x]:at[x+1]], codes too): it returns the codes whose range
// holds a at codes[from[a]:from[a+1]].
func invertRanges(at, sets []int32) (codes, from []int32) {
	n := len(at) - 1
	from = make([]int32, n+2)
	for _, a := range sets[at[0]:at[n]] {
		from[a+2]++
	}
	for a := 2; a < len(from); a++ {
		from[a] += from[a-1]
	}
	codes = make([]int32, at[n]-at[0])
	for x := range n {
		for _, a := range sets[at[x]:at[x+1]] {
			codes[from[a+1]] = int32(x)
			from[a+1]++
		}
	}
	return codes, from[:n+1]
}
