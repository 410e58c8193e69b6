package opencc

import "unicode/utf8"

// The ideographic description characters, which OpenCC 1.4 reads as the
// start of a sequence to copy whole.
const (
	idsFirst rune = 0x2FF0
	idsLast  rune = 0x2FFF
	// OpenCC's limits on a sequence.
	idsMaxDepth   = 16
	idsMaxRunes   = 64
	idsComplete   = 0
	idsIncomplete = 1
	idsInvalid    = 2
)

func isIDSOperator(r rune) bool { return r >= idsFirst && r <= idsLast }

func idsArity(r rune) int {
	switch r {
	case 0x2FF2, 0x2FF3:
		return 3
	case 0x2FFE, 0x2FFF:
		return 1
	}
	if isIDSOperator(r) {
		return 2
	}
	return 0
}

// IDSLen returns the length of the ideographic description sequence at
// s[p:] as OpenCC 1.4.2 reads it (an operator of U+2FF0–U+2FFF followed by
// as many operands as it takes, each a character or a sequence, at most 16
// deep and 64 characters long), and whether the end of s cut it short
// (incomplete). n is 0 where s[p:] holds no complete sequence.
func IDSLen[S Text](s S, p int) (n int, incomplete bool) {
	runes := 0
	var consume func(p, depth int) (int, int)
	consume = func(p, depth int) (int, int) {
		if p >= len(s) {
			return 0, idsIncomplete
		}
		if depth == 0 || runes >= idsMaxRunes {
			return 0, idsInvalid
		}
		r, size, full := DecodeRune(s, p)
		if !full {
			return 0, idsIncomplete
		}
		if r == utf8.RuneError && size == 1 {
			return 0, idsInvalid
		}
		runes++
		q := p + size
		for range idsArity(r) {
			m, st := consume(q, depth-1)
			if st != idsComplete {
				return 0, st
			}
			q += m
		}
		return q - p, idsComplete
	}
	if p >= len(s) {
		return 0, false
	}
	if r, _, _ := DecodeRune(s, p); !isIDSOperator(r) {
		return 0, false
	}
	m, st := consume(p, idsMaxDepth)
	return m, st == idsIncomplete
}
