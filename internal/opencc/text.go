package opencc

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

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

// match returns the match of a step's items at s[p:]: the dictionary and
// entry of the longest match of the first item that has one, and where it
// ends; entry is -1 when none has.
func (t *Table) match(c *Compiled, items []int32, s string, p int) (dict, entry int32, end int) {
	return matchList(t, c, items, s, p)
}

func matchList[S Text](t *Table, c *Compiled, items []int32, s S, p int) (dict, entry int32, end int) {
	for _, it := range items {
		if d, e, end := matchItem(t, c, it, s, p); e >= 0 {
			return d, e, end
		}
	}
	return -1, -1, 0
}

func matchItem[S Text](t *Table, c *Compiled, item int32, s S, p int) (dict, entry int32, end int) {
	if item >= 0 {
		e, end := longestAt(t.Dicts[item], &t.Alpha, s, p)
		return item, e, end
	}
	g := &c.Groups[^item]
	if !g.Union {
		return matchList(t, c, g.Items, s, p)
	}
	dict, entry = -1, -1
	for _, it := range g.Items {
		if d, e, x := matchItem(t, c, it, s, p); e >= 0 && (entry < 0 || x > end) {
			dict, entry, end = d, e, x
		}
	}
	return dict, entry, end
}

// appendStage appends text converted by one step of a conversion chain, as
// OpenCC's Conversion::AppendConverted does: at each position the match of
// the step's items gives its entry's first value; where none matches, a
// whole ideographic description sequence or one character is copied.
func (t *Table) appendStage(c *Compiled, dst []byte, text string, step []int32) []byte {
	return appendStage(t, c, dst, text, step)
}

func appendStage[S Text](t *Table, c *Compiled, dst []byte, text S, step []int32) []byte {
	for p := 0; p < len(text); {
		if d, e, end := matchList(t, c, step, text, p); e >= 0 {
			v := t.Dicts[d].Vals[e]
			dst = append(dst, t.Pool[v.Off():v.End()]...)
			p = end
			continue
		}
		size, _ := IDSLen(text, p)
		if size == 0 {
			_, size, _ = DecodeRune(text, p)
		}
		dst = append(dst, text[p:p+size]...)
		p += size
	}
	return dst
}

// AppendChain appends text converted by every step of the chain in turn, as
// OpenCC converts one segment. It needs no allocation for short texts.
func AppendChain[S Text](t *Table, c *Compiled, dst []byte, text S, stages [][]int32) []byte {
	var bufA, bufB [512]byte
	cur := appendStage(t, c, bufA[:0], text, stages[0])
	spare := bufB[:0]
	for _, g := range stages[1:] {
		next := appendStage(t, c, spare[:0], cur, g)
		spare, cur = cur, next
	}
	return append(dst, cur...)
}

// Normalize returns text with the table's normalization applied, as
// OpenCC's normalization chain does: every character mapped, except inside
// ideographic description sequences.
func (t *Table) Normalize(text string) string {
	if len(t.Alias) == 0 {
		return text
	}
	var b []byte
	for p := 0; p < len(text); {
		if n, _ := IDSLen(text, p); n > 0 {
			b = append(b, text[p:p+n]...)
			p += n
			continue
		}
		r, size, _ := DecodeRune(text, p)
		if to, ok := t.AliasOf(r); ok && size > 1 {
			b = utf8.AppendRune(b, to)
		} else {
			b = append(b, text[p:p+size]...)
		}
		p += size
	}
	return string(b)
}

// AliasOf returns what the normalization maps r to.
func (t *Table) AliasOf(r rune) (rune, bool) {
	i, ok := slices.BinarySearchFunc(t.Alias, r, func(a uint64, r rune) int { return cmp.Compare(rune(a>>32), r) })
	if !ok {
		return 0, false
	}
	return rune(uint32(t.Alias[i])), true
}

// Reference converts text with c by the letter of OpenCC 1.4.2's
// algorithm, without any of the precomputed shortcuts: the oracle the
// tests hold the fast engine to.
func (t *Table) Reference(c *Compiled, text string) string {
	text = t.Normalize(text)
	var out []byte
	unmatched := 0
	flush := func(p int) {
		if unmatched < p {
			out = AppendChain(t, c, out, text[unmatched:p], c.Stages)
		}
	}
	for p := 0; p < len(text); {
		_, e, end := t.match(c, c.Seg, text, p)
		if e < 0 {
			size, _ := IDSLen(text, p)
			if size == 0 {
				_, size, _ = DecodeRune(text, p)
			}
			p += size
			continue
		}
		flush(p)
		out = AppendChain(t, c, out, text[p:end], c.Stages)
		p, unmatched = end, end
	}
	flush(len(text))
	return string(out)
}
