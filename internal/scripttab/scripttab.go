// Package scripttab tells which written standards of Chinese use a Han
// character: Simplified (mainland), OpenCC's Traditional, Taiwan's and Hong
// Kong's. The table is generated from OpenCC's character dictionaries in
// third_party/opencc/dictionary (see Build) and embedded: importing the
// package costs a 256-byte copy at start-up, and lookups allocate nothing.
package scripttab

//go:generate go run gen.go

import _ "embed"

// The bits of a mask.
const (
	Simplified uint8 = 1 << iota // used in Simplified (mainland) text
	OpenCC                       // used in OpenCC's standard Traditional
	Taiwan                       // used in Taiwan's standard
	HongKong                     // used in Hong Kong's standard

	All = Simplified | OpenCC | Taiwan | HongKong

	// Han marks a Han character; the other bits are meaningful only with it.
	Han uint8 = 1 << 7
)

const magic = "SCT1"

const (
	indexOff  = len(magic)
	blocksOff = indexOff + 256 + 1
)

// data is the table written by Build; see Build for its layout.
//
//go:embed scripts.bin
var data string

// suppOff is the offset of the supplementary-plane entries.
var suppOff = blocksOff + 256*int(data[indexOff+256])

// index is the block number of each 256-rune block of the BMP, copied out
// of data so that indexing it needs no bounds check.
var index = func() (ix [256]uint8) {
	copy(ix[:], data[indexOff:])
	return ix
}()

// Tables returns the BMP table for loops that inline the lookup: the mask
// of r < 0x10000 is blocks[int(index[r>>8])<<8|int(r&0xff)].
func Tables() (*[256]uint8, string) {
	return &index, data[blocksOff:suppOff]
}

// IsHan reports whether r is a CJK unified or compatibility ideograph.
func IsHan(r rune) bool {
	return 0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0xF900 <= r && r <= 0xFAFF || 0x20000 <= r && r <= 0x3FFFF
}

// BMP returns the mask of a rune below U+10000: 0 when it is not Han.
func BMP(r rune) uint8 {
	return data[blocksOff+int(index[r>>8&0xff])<<8+int(r&0xff)]
}

// Lookup returns the mask of r: 0 when r is not Han, Han|All when every
// standard uses it.
func Lookup(r rune) uint8 {
	if r < 0x10000 {
		if r < 0 {
			return 0
		}
		return BMP(r)
	}
	if !IsHan(r) {
		return 0
	}
	lo, hi := 0, (len(data)-suppOff)/4
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		at := suppOff + 4*m
		x := rune(data[at])<<16 | rune(data[at+1])<<8 | rune(data[at+2])
		switch {
		case x == r:
			return data[at+3]
		case x < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return Han | All
}
