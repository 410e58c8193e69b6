package zhnorm

import "github.com/zhnorm/zhnorm/internal/opencc"

// keyFilter tells plainSpan, with few false positives and no false
// negatives, whether a segmentation key may start at a character that
// begins one, from the codes of it and the next two characters: whether
// the first two make a key, or the three begin one. Where it says no, the
// character converts alone; that is most characters of a text, and the
// filter's bits, in the processor's second cache, answer sooner than the
// trie, whose slots are spread over hundreds of kilobytes. A bit mask
// hashed from the codes (a Bloom filter with one hash function): the two
// questions are one look each.
type keyFilter struct {
	bits  []uint64
	shift uint32 // 32 minus the log2 of the number of bits
}

// keyEnd stands for the third code of a key of two characters.
const keyEnd = 0xFFFF

// filterSum is the part of the hash that the two questions share.
func filterSum(c1, c2 uint16) uint32 {
	return uint32(c1)*0x9E3779B1 + uint32(c2)*0x85EBCA77
}

// filterSlot hashes a sum of filterSum and a third code (or keyEnd) to a
// bit.
func (f *keyFilter) slot(sum uint32, c3 uint32) uint32 {
	return (sum + c3*0xC2B2AE3D) >> f.shift
}

// has reports whether the bit for sum and c3 is set: some key's first
// codes may be these.
func (f *keyFilter) has(sum uint32, c3 uint32) bool {
	s := f.slot(sum, c3)
	return f.bits[s>>6]&(1<<(s&63)) != 0
}

// newKeyFilter builds the filter of the trie nodes (the segmentation
// trie, whose root's children sit at their codes): the keys of two
// characters and the prefixes of three.
func newKeyFilter(nodes []opencc.Node) *keyFilter {
	const free = 1<<31 - 1
	// depth of each slot; a parent slot may lie after its child's.
	depth := make([]int8, len(nodes))
	var depthOf func(s int) int8
	depthOf = func(s int) int8 {
		if s == 0 {
			return 0
		}
		if depth[s] == 0 {
			par := int(nodes[s].Check &^ termBit)
			if d := depthOf(par); d < 3 {
				depth[s] = d + 1
			} else {
				depth[s] = 4 // deeper than the filter looks
			}
		}
		return depth[s]
	}
	n := 0
	for s := 1; s < len(nodes); s++ {
		if nodes[s].Check == free {
			continue
		}
		switch depthOf(s) {
		case 2:
			if nodes[s].Check&termBit != 0 {
				n++
			}
		case 3:
			n++
		}
	}
	// About 32 bits a key: one false positive in 32 a look.
	logBits := uint32(12)
	for logBits < 24 && 1<<logBits < 32*n {
		logBits++
	}
	f := &keyFilter{bits: make([]uint64, 1<<logBits/64), shift: 32 - logBits}
	set := func(sum, c3 uint32) {
		s := f.slot(sum, c3)
		f.bits[s>>6] |= 1 << (s & 63)
	}
	// codes of a slot of depth 2: its parent's slot is the first code.
	codes := func(s int) (c1, c2 uint16) {
		par := nodes[s].Check &^ termBit
		return uint16(par), uint16(int32(s) - nodes[par].Base)
	}
	for s := 1; s < len(nodes); s++ {
		if nodes[s].Check == free {
			continue
		}
		switch depth[s] {
		case 2:
			if nodes[s].Check&termBit != 0 {
				c1, c2 := codes(s)
				set(filterSum(c1, c2), keyEnd)
			}
		case 3:
			par := int(nodes[s].Check &^ termBit)
			c1, c2 := codes(par)
			set(filterSum(c1, c2), uint32(int32(s)-nodes[par].Base))
		}
	}
	return f
}
