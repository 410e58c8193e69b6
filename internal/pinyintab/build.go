package pinyintab

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Build encodes a reading dictionary, in the form of go-pinyin's PinyinDict
// (code point → comma-separated readings), into the table format read by
// this package. The generator writes its result to readings.bin; the tests
// rebuild it from go-pinyin and compare, so the committed table cannot drift
// from its source.
//
// The format, all integers big-endian:
//
//	"PYT1"
//	u32 nSyllables, u32 nRunes, u32 nSetWords
//	(nSyllables+1) × u32  offsets of each syllable in the syllable bytes
//	syllable bytes        the distinct readings, NFC, sorted bytewise
//	nRunes × 3 bytes      the code points that have readings, sorted
//	nRunes × u16          for each code point, the word index of its set
//	nSetWords × u16       reading sets: a count, then that many syllable indexes
//
// Identical reading sets are stored once.
func Build(dict map[int]string) ([]byte, error) {
	type entry struct {
		r        rune
		readings []string
	}
	entries := make([]entry, 0, len(dict))
	sylSet := map[string]bool{}
	for cp, v := range dict {
		if cp < 0 || cp > utf8.MaxRune {
			return nil, fmt.Errorf("pinyintab: code point %#x out of range", cp)
		}
		var rs []string
		for _, s := range strings.Split(v, ",") {
			s = norm.NFC.String(strings.TrimSpace(s))
			if s == "" {
				continue
			}
			rs = append(rs, s)
			sylSet[s] = true
		}
		if len(rs) == 0 {
			continue
		}
		entries = append(entries, entry{rune(cp), rs})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].r < entries[j].r })

	syllables := make([]string, 0, len(sylSet))
	for s := range sylSet {
		syllables = append(syllables, s)
	}
	sort.Strings(syllables)
	sylIndex := make(map[string]int, len(syllables))
	for i, s := range syllables {
		sylIndex[s] = i
	}
	if len(syllables) > 0xFFFF {
		return nil, fmt.Errorf("pinyintab: %d syllables do not fit 16 bits", len(syllables))
	}

	var setWords []uint16
	setAt := map[string]int{}
	runeSet := make([]uint16, len(entries))
	for i, e := range entries {
		ids := make([]int, 0, len(e.readings))
		seen := map[int]bool{}
		for _, s := range e.readings {
			if id := sylIndex[s]; !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		sort.Ints(ids)
		key := fmt.Sprint(ids)
		at, ok := setAt[key]
		if !ok {
			at = len(setWords)
			setAt[key] = at
			setWords = append(setWords, uint16(len(ids)))
			for _, id := range ids {
				setWords = append(setWords, uint16(id))
			}
		}
		if at > 0xFFFF {
			return nil, fmt.Errorf("pinyintab: reading sets do not fit 16-bit offsets")
		}
		runeSet[i] = uint16(at)
	}

	var b bytes.Buffer
	b.WriteString(magic)
	put32 := func(v int) { binary.Write(&b, binary.BigEndian, uint32(v)) }
	put32(len(syllables))
	put32(len(entries))
	put32(len(setWords))
	off := 0
	for _, s := range syllables {
		put32(off)
		off += len(s)
	}
	put32(off)
	for _, s := range syllables {
		b.WriteString(s)
	}
	for _, e := range entries {
		b.Write([]byte{byte(e.r >> 16), byte(e.r >> 8), byte(e.r)})
	}
	for _, v := range runeSet {
		binary.Write(&b, binary.BigEndian, v)
	}
	for _, v := range setWords {
		binary.Write(&b, binary.BigEndian, v)
	}
	return b.Bytes(), nil
}
