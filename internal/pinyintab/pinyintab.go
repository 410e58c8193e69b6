// Package pinyintab answers whether a pinyin syllable is a listed reading of
// a character, from a compact table generated from the dictionary of
// github.com/mozillazg/go-pinyin.
//
// go-pinyin builds a map of 41,923 entries when a program starts; this
// package reads an embedded byte table in place instead, so importing it
// costs nothing at start-up and the lookups allocate nothing.
package pinyintab

//go:generate go run gen.go

import (
	_ "embed"
	"encoding/binary"
	"sort"
)

const magic = "PYT1"

// data is the table written by Build; see Build for its layout.
//
//go:embed readings.bin
var data string

// layout locates the sections of data. It is computed on each call: three
// header reads are cheaper than a package initializer every program pays.
type layout struct {
	nSyl, nRunes                  int
	sylOff, sylBytes, runes, sets int
	setWords                      int
}

func tableLayout() layout {
	var l layout
	if len(data) < 16 || data[:4] != magic {
		return l
	}
	l.nSyl = int(u32(4))
	l.nRunes = int(u32(8))
	nSetWords := int(u32(12))
	l.sylOff = 16
	l.sylBytes = l.sylOff + 4*(l.nSyl+1)
	l.runes = l.sylBytes + int(u32(l.sylOff+4*l.nSyl))
	l.sets = l.runes + 3*l.nRunes
	l.setWords = l.sets + 2*l.nRunes
	if l.setWords+2*nSetWords != len(data) {
		return layout{}
	}
	return l
}

func u32(at int) uint32 { return binary.BigEndian.Uint32([]byte(data[at : at+4])) }
func u16(at int) int    { return int(data[at])<<8 | int(data[at+1]) }

func (l layout) syllable(i int) string {
	lo := int(u32(l.sylOff + 4*i))
	hi := int(u32(l.sylOff + 4*i + 4))
	return data[l.sylBytes+lo : l.sylBytes+hi]
}

func (l layout) rune(i int) rune {
	at := l.runes + 3*i
	return rune(data[at])<<16 | rune(data[at+1])<<8 | rune(data[at+2])
}

// syllableIndex returns the index of s among the syllables, or -1.
func (l layout) syllableIndex(s []byte) int {
	i := sort.Search(l.nSyl, func(i int) bool { return l.syllable(i) >= string(s) })
	if i < l.nSyl && l.syllable(i) == string(s) {
		return i
	}
	return -1
}

// IsSyllable reports whether s, in NFC, is a reading of some character.
func IsSyllable(s []byte) bool {
	return tableLayout().syllableIndex(s) >= 0
}

// IsReading reports whether s, in NFC, is a listed reading of r. Tone marks
// count: "shù" is a reading of 數, "shu" is not. It allocates nothing.
func IsReading(r rune, s []byte) bool {
	l := tableLayout()
	id := l.syllableIndex(s)
	if id < 0 {
		return false
	}
	i := sort.Search(l.nRunes, func(i int) bool { return l.rune(i) >= r })
	if i == l.nRunes || l.rune(i) != r {
		return false
	}
	at := l.setWords + 2*u16(l.sets+2*i)
	n := u16(at)
	for k := 1; k <= n; k++ {
		if u16(at+2*k) == id {
			return true
		}
	}
	return false
}

// Readings returns the listed readings of r, or nil.
func Readings(r rune) []string {
	l := tableLayout()
	i := sort.Search(l.nRunes, func(i int) bool { return l.rune(i) >= r })
	if i == l.nRunes || l.rune(i) != r {
		return nil
	}
	at := l.setWords + 2*u16(l.sets+2*i)
	n := u16(at)
	out := make([]string, n)
	for k := range out {
		out[k] = l.syllable(u16(at + 2*(k+1)))
	}
	return out
}
