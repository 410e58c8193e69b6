package zhnorm

import (
	"unicode/utf8"
)

// The Mojibake rule: UTF-8 that was decoded as Latin-1 or Windows-1252
// (é»‘é¾™æ±Ÿ for 黑龙江) is reversible: encode the run back to bytes and
// decode it as UTF-8.

// latinByte returns the byte Latin-1 or Windows-1252 decodes to r.
func latinByte(r rune) (byte, bool) {
	if 0x80 <= r && r <= 0xFF {
		return byte(r), true
	}
	for k, c := range cp1252 {
		if c == r && c != 0 {
			return byte(0x80 + k), true
		}
	}
	return 0, false
}

// mojibake reverses the run of Latin-1 and Windows-1252 characters that
// starts at src[i], a character U+00C2–U+00F4 (the lead bytes of
// multi-byte UTF-8), when the whole run re-encodes to valid UTF-8 that holds
// Chinese. A run that looks like mangled Chinese but does not re-encode
// whole is reported. It returns 0 when nothing was reversed.
func (p *lineProc) mojibake(i int) int {
	src := p.src
	if i > 0 {
		if r, _ := utf8.DecodeLastRune(src[:i]); r != 0xA0 {
			if _, ok := latinByte(r); ok {
				return 0 // inside a run that started earlier and stayed
			}
		}
	}
	var buf [128]byte
	b := buf[:0]
	k := i
	for k < len(src) {
		r, size := utf8.DecodeRune(src[k:])
		c, ok := latinByte(r)
		if !ok || size == 1 {
			break
		}
		b = append(b, c)
		k += size
	}
	// A NO-BREAK SPACE after the run is more likely a space than a
	// continuation byte.
	for !utf8.Valid(b) && len(b) > 0 && b[len(b)-1] == 0xA0 {
		b = b[:len(b)-1]
		k -= 2
	}
	if utf8.Valid(b) && holdsCJK(b) {
		first, _ := utf8.DecodeRune(b)
		last, _ := utf8.DecodeLastRune(b)
		p.begin(i, first, false)
		if p.change(i, k, Mojibake) {
			p.out = append(p.out, b...)
		}
		p.prev, p.lastSpace = last, false
		return k
	}
	if len(b) >= 3 && holdsCJKSequence(b) {
		p.suspect(UnreversedMojibake, i, k)
	}
	return 0
}

func holdsCJK(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if isCJK(r) {
			return true
		}
		b = b[size:]
	}
	return false
}

// holdsCJKSequence reports whether b holds the complete UTF-8 encoding of a
// Chinese-context character somewhere.
func holdsCJKSequence(b []byte) bool {
	for k := range b {
		if r, size := utf8.DecodeRune(b[k:]); size == 3 && isCJK(r) {
			return true
		}
	}
	return false
}
