package scripttab

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"
)

// Sources are the OpenCC dictionaries Build reads, relative to the
// dictionary folder.
var Sources = []string{"STCharacters.txt", "TSCharacters.txt", "TWVariants.txt", "HKVariants.txt", "STPhrases.txt"}

// Build derives the usage mask of every character the OpenCC dictionaries
// in dict (third_party/opencc/dictionary) mention, and encodes the masks of
// all Han characters into the table format read by this package. The
// generator writes the result to scripts.bin; the tests rebuild it and
// compare, so the committed table cannot drift from the dictionaries.
//
// Which standards use a character follows from what OpenCC's own
// conversions produce:
//
//   - Simplified uses c unless TSCharacters maps c only to other
//     characters (為 → 为), or c is a regional variant (a value of
//     TWVariants or HKVariants other than its key: 衞, 説) that
//     STCharacters and the keys of STPhrases never mention;
//   - OpenCC's Traditional uses the values of STCharacters, and the
//     Simplified characters that s2t leaves alone (c used in Simplified
//     and not a key of STCharacters, or listed among its own values);
//   - Taiwan's (Hong Kong's) standard uses what TWVariants (HKVariants)
//     makes of OpenCC's characters: the values for a key, the character
//     itself otherwise.
//
// Han characters no dictionary mentions are used by all four.
//
// The format:
//
//	"SCT1"
//	256 bytes          block number of each 256-rune block of the BMP (0: all zero)
//	u8 nBlocks         number of blocks, block 0 included
//	nBlocks × 256      masks
//	then, for the supplementary planes, sorted: 3-byte rune, 1-byte mask
//	                   for every rune whose mask is not Han|All
func Build(dict fs.FS) ([]byte, error) {
	tabs := make([]map[rune][]rune, 4)
	for i, name := range Sources[:4] {
		m, err := readCharDict(dict, name)
		if err != nil {
			return nil, err
		}
		tabs[i] = m
	}
	st, ts, tw, hk := tabs[0], tabs[1], tabs[2], tabs[3]

	universe := map[rune]bool{}
	for _, m := range tabs {
		for k, vs := range m {
			universe[k] = true
			for _, v := range vs {
				universe[v] = true
			}
		}
	}
	has := func(vs []rune, r rune) bool {
		for _, v := range vs {
			if v == r {
				return true
			}
		}
		return false
	}
	stValues := map[rune]bool{}
	for _, vs := range st {
		for _, v := range vs {
			stValues[v] = true
		}
	}
	phrases, err := fs.ReadFile(dict, Sources[4])
	if err != nil {
		return nil, err
	}
	inSimplified := map[rune]bool{} // in ST or in the keys of STPhrases
	for k := range st {
		inSimplified[k] = true
	}
	for v := range stValues {
		inSimplified[v] = true
	}
	for _, line := range strings.Split(string(phrases), "\n") {
		if k, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
			for _, r := range k {
				inSimplified[r] = true
			}
		}
	}
	regional := map[rune]bool{}
	for _, m := range []map[rune][]rune{tw, hk} {
		for k, vs := range m {
			for _, v := range vs {
				if v != k {
					regional[v] = true
				}
			}
		}
	}
	mask := map[rune]uint8{}
	for r := range universe {
		if regional[r] && !inSimplified[r] {
			continue
		}
		if vs, ok := ts[r]; !ok || has(vs, r) {
			mask[r] |= Simplified
		}
	}
	for r := range universe {
		vs, key := st[r]
		if stValues[r] || (mask[r]&Simplified != 0 && (!key || has(vs, r))) {
			mask[r] |= OpenCC
		}
	}
	for r := range universe {
		if mask[r]&OpenCC == 0 {
			continue
		}
		for _, v := range []struct {
			m   map[rune][]rune
			bit uint8
		}{{tw, Taiwan}, {hk, HongKong}} {
			if vs, ok := v.m[r]; ok {
				for _, x := range vs {
					mask[x] |= v.bit
				}
			} else {
				mask[r] |= v.bit
			}
		}
	}

	var bmp [0x10000]uint8
	for r := rune(0); r < 0x10000; r++ {
		if IsHan(r) {
			bmp[r] = Han | All
		}
	}
	var supp []rune
	for r, m := range mask {
		if !IsHan(r) {
			continue // kana, symbols: not counted
		}
		if r < 0x10000 {
			bmp[r] = Han | m
		} else if m != All {
			supp = append(supp, r)
		}
	}
	sort.Slice(supp, func(i, j int) bool { return supp[i] < supp[j] })

	var index [256]uint8
	var blocks [][]byte
	blocks = append(blocks, make([]byte, 256))
	for hi := 0; hi < 256; hi++ {
		blk := bmp[hi<<8 : hi<<8+256]
		if bytes.Equal(blk, blocks[0]) {
			continue
		}
		found := -1
		for i, b := range blocks {
			if bytes.Equal(b, blk) {
				found = i
				break
			}
		}
		if found < 0 {
			found = len(blocks)
			blocks = append(blocks, append([]byte(nil), blk...))
		}
		if found > 254 {
			return nil, fmt.Errorf("scripttab: more than 255 blocks")
		}
		index[hi] = uint8(found)
	}
	var out bytes.Buffer
	out.WriteString(magic)
	out.Write(index[:])
	out.WriteByte(uint8(len(blocks)))
	for _, b := range blocks {
		out.Write(b)
	}
	for _, r := range supp {
		out.Write([]byte{byte(r >> 16), byte(r >> 8), byte(r), Han | mask[r]})
	}
	return out.Bytes(), nil
}

// readCharDict reads an OpenCC dictionary of single characters: key, a tab,
// values separated by spaces; # starts a comment line.
func readCharDict(dict fs.FS, name string) (map[rune][]rune, error) {
	b, err := fs.ReadFile(dict, name)
	if err != nil {
		return nil, err
	}
	m := map[rune][]rune{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(k) != 1 {
			return nil, fmt.Errorf("scripttab: %s:%d: want a character, a tab and values", name, n)
		}
		kr, _ := utf8.DecodeRuneInString(k)
		for _, f := range strings.Fields(v) {
			if utf8.RuneCountInString(f) != 1 {
				return nil, fmt.Errorf("scripttab: %s:%d: value %q is not one character", name, n, f)
			}
			r, _ := utf8.DecodeRuneInString(f)
			m[kr] = append(m[kr], r)
		}
	}
	return m, sc.Err()
}
