package zhnorm

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/zhnorm/zhnorm/internal/pinyintab"
)

// The Pinyin rule: a reading glued after the character it reads, as web
// gateways leave ruby annotations behind (數(shù)字).

// maxSyllable bounds a reading, in bytes: the longest pinyin syllable,
// zhuàng, has 7.
const maxSyllable = 16

// pinyin removes the reading in parentheses that starts at src[i] (( or （,
// ending at j) when it is one tone-marked syllable that is a listed reading
// of the Han character directly before it. A reading glued to a character
// that is not Han is kept and reported. It returns 0 when nothing was
// removed.
func (p *lineProc) pinyin(i, j int) int {
	src := p.src
	var buf [maxSyllable]byte
	syl := buf[:0]
	tone := false
	k := j
	for {
		if k >= len(src) || len(syl) > maxSyllable-4 {
			return 0
		}
		c, size := utf8.DecodeRune(src[k:])
		if c == ')' || c == '）' {
			break
		}
		if !isPinyinLetter(c) {
			return 0
		}
		tone = tone || c >= utf8.RuneSelf
		syl = append(syl, src[k:k+size]...)
		k += size
	}
	_, size := utf8.DecodeRune(src[k:])
	end := k + size
	if !tone || len(syl) == 0 || p.gap.start >= 0 || p.lastSpace || p.prev == 0 {
		return 0
	}
	if bytes.IndexByte(syl, 0xCC) >= 0 { // a combining tone mark (U+0300–U+033F)
		syl = norm.NFC.Bytes(bytes.Clone(syl))
	}
	if isHan(p.prev) && p.on.has(Pinyin) && pinyintab.IsReading(p.prev, syl) {
		p.joinPrev(i)
		p.change(i, end, Pinyin)
		return end
	}
	if !isHan(p.prev) && pinyintab.IsSyllable(syl) {
		p.suspectGlued(i, end)
	}
	return 0
}

// isPinyinLetter reports whether c can stand in a pinyin syllable: a
// lower-case Latin letter, with or without tone mark, or a combining tone
// mark.
func isPinyinLetter(c rune) bool {
	if 'a' <= c && c <= 'z' {
		return true
	}
	if c < 0xC0 {
		return false
	}
	return unicode.IsLower(c) && unicode.Is(unicode.Latin, c) || c == 0x300 || c == 0x301 || c == 0x304 || c == 0x30C
}
