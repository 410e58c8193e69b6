package opencc

import "unicode/utf8"

// Text is what the engine reads: a string, or bytes read from a stream.
type Text interface{ ~string | ~[]byte }

// DecodeRune decodes the character at s[p:], as utf8.DecodeRune does, and
// reports whether s[p:] holds a whole encoding (false means that more bytes
// could still complete it).
func DecodeRune[S Text](s S, p int) (r rune, size int, full bool) {
	b0 := s[p]
	if b0 < utf8.RuneSelf {
		return rune(b0), 1, true
	}
	// Han characters are three bytes: decode them without the copy below.
	if b0&0xF0 == 0xE0 && len(s)-p >= 3 {
		b1, b2 := s[p+1], s[p+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			r = rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3, true
			}
		}
	}
	var buf [utf8.UTFMax]byte
	n := copy(buf[:], s[p:])
	r, size = utf8.DecodeRune(buf[:n])
	return r, size, utf8.FullRune(buf[:n])
}

// longestAt returns the entry of the longest key of t that is a prefix of
// s[p:], and where it ends; entry is -1 when no key is.
func longestAt[S Text](t *Trie, a *Alphabet, s S, p int) (entry int32, end int) {
	entry = -1
	var node int32
	for i := p; i < len(s); {
		r, size, _ := DecodeRune(s, i)
		if r == utf8.RuneError && size == 1 {
			break
		}
		if node = t.Child(node, a.Code(r)); node < 0 {
			break
		}
		i += size
		if t.Terminal(node) {
			entry, end = t.Entry[node], i
		}
	}
	return entry, end
}

// AppendStage appends text converted by one step of a conversion chain, as
// OpenCC's Conversion::Convert does: at each position the first dictionary
// of the group with a prefix match gives its longest match's first value;
// where none matches, one character is copied.
func (t *Table) AppendStage(dst []byte, text string, group []int32) []byte {
	return appendStage(t, dst, text, group)
}

func appendStage[S Text](t *Table, dst []byte, text S, group []int32) []byte {
	for p := 0; p < len(text); {
		matched := false
		for _, d := range group {
			tr := t.Dicts[d]
			if e, end := longestAt(tr, &t.Alpha, text, p); e >= 0 {
				dst = append(dst, t.Pool[tr.Vals[e].Off():tr.Vals[e].End()]...)
				p = end
				matched = true
				break
			}
		}
		if !matched {
			_, size, _ := DecodeRune(text, p)
			dst = append(dst, text[p:p+size]...)
			p += size
		}
	}
	return dst
}

// AppendChain appends text converted by every step of the chain in turn, as
// OpenCC converts one segment. It needs no allocation for short texts.
func AppendChain[S Text](t *Table, dst []byte, text S, stages [][]int32) []byte {
	var bufA, bufB [512]byte
	cur := appendStage(t, bufA[:0], text, stages[0])
	spare := bufB[:0]
	for _, g := range stages[1:] {
		next := appendStage(t, spare[:0], cur, g)
		spare, cur = cur, next
	}
	return append(dst, cur...)
}

// Reference converts text with c by the letter of OpenCC's algorithm,
// without any of the precomputed shortcuts: the oracle the tests hold the
// fast engine to.
func (t *Table) Reference(c *Compiled, text string) string {
	var out []byte
	unmatched := 0
	flush := func(p int) {
		if unmatched < p {
			out = AppendChain(t, out, text[unmatched:p], c.Stages)
		}
	}
	for p := 0; p < len(text); {
		e, end, _ := t.segMatch(c, text, p)
		if e < 0 {
			_, size, _ := DecodeRune(text, p)
			p += size
			continue
		}
		flush(p)
		out = AppendChain(t, out, text[p:end], c.Stages)
		p, unmatched = end, end
	}
	flush(len(text))
	return string(out)
}

// segMatch is the segmentation step at p: the first segmentation dictionary
// with a prefix match, its longest; which is its index in c.Seg.
func (t *Table) segMatch(c *Compiled, text string, p int) (entry int32, end, which int) {
	for i, d := range c.Seg {
		if e, end := longestAt(t.Dicts[d], &t.Alpha, text, p); e >= 0 {
			return e, end, i
		}
	}
	return -1, 0, 0
}
