package zhnorm

import (
	"unicode/utf8"
)

// The HTML rule: character references, tags, and closing tags whose < was
// lost.

// charRef decodes the complete character reference at b[i] ('&'). It returns
// the character and the end of the reference, or j == i when b[i:] is not a
// complete reference it is sure of: unknown names, references without the
// closing ';', NUL, surrogates and controls (other than TAB) stay as text.
func charRef(b []byte, i int) (r rune, j int) {
	k := i + 1
	if k >= len(b) {
		return 0, i
	}
	if b[k] == '#' {
		k++
		hex := k < len(b) && (b[k] == 'x' || b[k] == 'X')
		if hex {
			k++
		}
		start := k
		for ; k < len(b) && k-start < 8; k++ {
			c := b[k]
			switch {
			case '0' <= c && c <= '9':
				if hex {
					r = r*16 + rune(c-'0')
				} else {
					r = r*10 + rune(c-'0')
				}
			case hex && 'a' <= c && c <= 'f':
				r = r*16 + rune(c-'a'+10)
			case hex && 'A' <= c && c <= 'F':
				r = r*16 + rune(c-'A'+10)
			default:
				goto done
			}
		}
	done:
		if k == start || k >= len(b) || b[k] != ';' {
			return 0, i
		}
		if 0x80 <= r && r <= 0x9F { // as browsers do: Windows-1252
			if c := cp1252[r-0x80]; c != 0 {
				r = c
			}
		}
		if r == 0 || r > utf8.MaxRune || 0xD800 <= r && r <= 0xDFFF || isControl(r) && r != 0xFEFF || r == '\n' {
			return 0, i
		}
		return r, k + 1
	}
	start := k
	for k < len(b) && k-start < 10 && (isASCIIAlnum(rune(b[k]))) {
		k++
	}
	if k == start || k >= len(b) || b[k] != ';' {
		return 0, i
	}
	r = namedRef(b[start:k])
	if r == 0 {
		return 0, i
	}
	return r, k + 1
}

// namedRef returns the character of the named references newspapers use.
func namedRef(name []byte) rune {
	switch string(name) {
	case "nbsp":
		return 0xA0
	case "amp":
		return '&'
	case "lt":
		return '<'
	case "gt":
		return '>'
	case "quot":
		return '"'
	case "apos":
		return '\''
	case "ensp":
		return 0x2002
	case "emsp":
		return 0x2003
	case "thinsp":
		return 0x2009
	case "zwnj":
		return 0x200C
	case "zwj":
		return 0x200D
	case "shy":
		return 0xAD
	case "middot":
		return '·'
	case "bull":
		return '•'
	case "hellip":
		return '…'
	case "mdash":
		return '—'
	case "ndash":
		return '–'
	case "ldquo":
		return '“'
	case "rdquo":
		return '”'
	case "lsquo":
		return '‘'
	case "rsquo":
		return '’'
	case "laquo":
		return '«'
	case "raquo":
		return '»'
	case "copy":
		return '©'
	case "reg":
		return '®'
	case "trade":
		return '™'
	case "times":
		return '×'
	case "divide":
		return '÷'
	case "deg":
		return '°'
	case "plusmn":
		return '±'
	case "yen":
		return '¥'
	case "euro":
		return '€'
	case "pound":
		return '£'
	case "cent":
		return '¢'
	case "sect":
		return '§'
	case "para":
		return '¶'
	case "rarr":
		return '→'
	case "larr":
		return '←'
	}
	return 0
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to characters; 0 where
// the code page leaves the byte undefined.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// tagLimit bounds the length of a tag the rule removes.
const tagLimit = 2048

// element classifies a lower-case element name: 0 unknown, 1 inline (the
// tag is removed), 2 block (its closing tag breaks the line), 3 a break in
// any form (br, hr).
func element(name []byte) int {
	var lower [12]byte
	if len(name) > len(lower) {
		return 0
	}
	for k, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[k] = c
	}
	switch string(lower[:len(name)]) {
	case "br", "hr":
		return 3
	case "p", "div", "li", "tr", "table", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre",
		"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "figure", "center":
		return 2
	case "a", "abbr", "b", "big", "body", "cite", "code", "del", "dfn", "em", "font", "head",
		"html", "i", "img", "ins", "kbd", "label", "nobr", "q", "s", "samp", "small", "span",
		"strike", "strong", "sub", "sup", "tbody", "td", "tfoot", "th", "thead", "tt", "u",
		"wbr", "figcaption", "nav", "main", "meta", "link":
		return 1
	}
	return 0
}

// tag removes the tag of a known element at src[i] ('<'), or breaks the line
// at <br>, <hr> and the end of a block. A tag whose text holds Chinese is
// kept: removing it could lose text. It returns 0 when there is no such tag.
func (p *lineProc) tag(i int) int {
	src := p.src
	k := i + 1
	closing := k < len(src) && src[k] == '/'
	if closing {
		k++
	}
	start := k
	for k < len(src) && k-start < 16 && isASCIIAlnum(rune(src[k])) {
		k++
	}
	if k == start || !isASCIILetter(rune(src[start])) || k >= len(src) {
		return 0
	}
	kind := element(src[start:k])
	if kind == 0 {
		return 0
	}
	switch src[k] {
	case '>', '/', ' ', '\t':
	default:
		return 0
	}
	for ; k < len(src) && k-i < tagLimit; k++ {
		switch c := src[k]; {
		case c == '>':
			if kind == 3 || closing && kind == 2 {
				p.breakLine(i, k+1)
			} else {
				p.addGap(i, k+1, false)
				p.gap.tags++
			}
			return k + 1
		case c == '<' || c == '\n':
			return 0
		case c >= utf8.RuneSelf:
			if r, _ := utf8.DecodeRune(src[k:]); isCJK(r) {
				return 0
			}
		}
	}
	return 0
}

// brokenTag removes a closing tag whose < was lost (社會工作???/a>): a known
// element name between / and >, directly after a non-space character that
// is not an ASCII letter or digit, and not followed by one (a/b>c stays).
func (p *lineProc) brokenTag(i int) int {
	if p.gap.start >= 0 || p.lastSpace || p.prev == 0 || isASCIIAlnum(p.prev) {
		return 0
	}
	src := p.src
	k := i + 1
	for k < len(src) && k-i < 16 && isASCIIAlnum(rune(src[k])) {
		k++
	}
	if k == i+1 || k >= len(src) || src[k] != '>' || element(src[i+1:k]) == 0 {
		return 0
	}
	if k+1 < len(src) && isASCIIAlnum(rune(src[k+1])) {
		return 0
	}
	p.change(i, k+1, HTML)
	return k + 1
}
