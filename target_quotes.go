package zhnorm

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// quoteMarks rewrites paired quotation marks for a Target: “” ‘’ as 「」『』
// (toCorner, for Taiwan, Hong Kong and generic Traditional), or the
// reverse (for Simplified). It decides as the Normalizer's Quotes rule
// does, with the closing mark looked for on the same line, and is a
// transformer of its own because that rule runs inside the Normalizer's
// line pass (about 145 MB/s with every other rule off): this one skips
// to the marks with bytes.IndexByte and costs a few percent of a
// conversion.
//
// A pair converts when its closing mark is on the same line, within
// quoteScanLimit bytes, and the pair is in Chinese context: its content
// holds a Chinese-context character (isCJK: an ideograph, kana, CJK or
// full-width punctuation), or the character right after the closing mark
// is one (他說“OK”就走了). A pair holds no opening mark of its own kind:
// quotations nest by alternating kinds (“‘’”, 「『』」), so in “甲“乙” the
// first “ is taken as unclosed and the second pairs, which also keeps the
// search linear. A pair inside a converted pair is looked for inside it.
// Marks of an unconverted pair, unpaired marks, and ’ between two ASCII
// letters (an apostrophe) stay.
//
// Every mark is three bytes in UTF-8 and so is its replacement: the output
// is as long as the input, byte for byte, and anything that is not a mark
// (invalid UTF-8 included) is copied unchanged. A decision looks only
// ahead of the opening mark, never behind it, which is what makes the
// result the same however the input is cut: quoteMarks keeps no state.
type quoteMarks struct {
	lead      byte // first byte of the marks converted: 0xE2 (“”‘’) or 0xE3 (「」『』)
	double    byte // third byte of the opening double mark (“ or 「); the closing one is double+1
	single    byte // third byte of the opening single mark (‘ or 『); the closing one is single+1
	toLead    byte // first byte of the replacements
	toDouble  byte
	toSingle  byte
	apostroph bool // the closing single mark may be an apostrophe (’)
}

// quoteScanLimit bounds how far past an opening mark its closing mark is
// looked for. It keeps the look-ahead of a stream below the 4 KiB buffers
// of transform.NewReader and transform.Chain; a quotation that runs
// longer stays as it is.
const quoteScanLimit = 2048

// quoteMaxDepth bounds the nesting of pairs that convert; pairs nested
// deeper stay as they are, which keeps a line of opening marks linear.
const quoteMaxDepth = 8

// UTF-8 of the marks: “ E2 80 9C, ” 9D, ‘ 98, ’ 99; 「 E3 80 8C, 」 8D,
// 『 8E, 』 8F.
var (
	toCornerQuotes = quoteMarks{lead: 0xE2, double: 0x9C, single: 0x98, toLead: 0xE3, toDouble: 0x8C, toSingle: 0x8E, apostroph: true}
	toCurlyQuotes  = quoteMarks{lead: 0xE3, double: 0x8C, single: 0x8E, toLead: 0xE2, toDouble: 0x9C, toSingle: 0x98}
)

var _ transform.SpanningTransformer = (*quoteMarks)(nil)

// opens remembers where the next opening mark is, so that a search passes
// over the text once.
type opens struct{ at int } // position at or after the search; len(src) for none

func newOpens() opens { return opens{-1} }

// next returns the position of the first opening mark at or after p, or
// len(src): one search for the first two bytes that the double and single
// marks share, where a search for each would read the text twice.
// bytes.Index skips ahead fast even where the marks' first byte is common
// (。 and 、 share 「's E3 80).
func (o *opens) next(q *quoteMarks, src []byte, p int) int {
	if o.at >= p {
		return o.at
	}
	prefix := [2]byte{q.lead, 0x80}
	for o.at = p; ; o.at += 2 {
		i := bytes.Index(src[o.at:], prefix[:])
		if i < 0 || o.at+i+2 >= len(src) {
			o.at = len(src)
			return o.at
		}
		if o.at += i; src[o.at+2] == q.double || src[o.at+2] == q.single {
			return o.at
		}
	}
}

// nextPair returns the first opening mark at or after p whose pair
// converts, and the position of its closing mark. i is len(src) when
// there is none; short reports that src ends before the mark at i could
// be decided (only when !atEOF).
func (q *quoteMarks) nextPair(src []byte, p int, atEOF bool, o *opens) (i, end int, short bool) {
	for {
		i = o.next(q, src, p)
		if i == len(src) {
			break
		}
		end, short := q.pairEnd(src, i, atEOF)
		if short {
			return i, -1, true
		}
		if end >= 0 {
			return i, end, false
		}
		p = i + 3
	}
	// A mark may be cut at the end.
	if n := len(src); !atEOF && n > p {
		switch {
		case src[n-1] == q.lead:
			return n - 1, -1, true
		case n-2 >= p && src[n-2] == q.lead && src[n-1] == 0x80:
			return n - 2, -1, true
		}
	}
	return len(src), -1, false
}

// pairEnd returns the position of the closing mark of the opening mark at
// src[i:], or -1 when the pair does not close on the line within
// quoteScanLimit bytes, before another opening mark of its kind, or is not
// in Chinese context. short reports that src ended first.
func (q *quoteMarks) pairEnd(src []byte, i int, atEOF bool) (end int, short bool) {
	open := src[i+2]
	cjk := false
	lim := min(len(src), i+3+quoteScanLimit)
	for k := i + 3; k < lim; {
		c := src[k]
		switch {
		case c == '\n' || c == '\r':
			return -1, false
		case c < 0xE0:
			k++
			continue
		case c == q.lead && k+2 < len(src) && src[k+1] == 0x80 && (src[k+2] == open || src[k+2] == open+1):
			if src[k+2] == open {
				return -1, false
			}
			if q.apostroph && open == q.single && isASCIILetter(rune(src[k-1])) {
				if k+3 >= len(src) && !atEOF {
					return -1, true
				}
				if k+3 < len(src) && isASCIILetter(rune(src[k+3])) {
					k += 3 // don’t: an apostrophe, not a closing mark
					continue
				}
			}
			if cjk {
				return k, false
			}
			// Chinese context after the pair?
			if k+3 >= len(src) {
				return -1, !atEOF
			}
			r, n := utf8.DecodeRune(src[k+3:])
			if n == 1 && !atEOF && !utf8.FullRune(src[k+3:]) {
				return -1, true
			}
			if isCJK(fold(r)) {
				return k, false
			}
			return -1, false
		}
		if cjk {
			k++ // settled: the continuation bytes go one at a time above
			continue
		}
		r, n := utf8.DecodeRune(src[k:])
		cjk = isCJK(fold(r))
		k += n
	}
	return -1, lim == len(src) && !atEOF
}

// convertPairs rewrites, in out (a copy of src, as long), the pairs of
// src that convert; src is complete. depth is the nesting of src.
func (q *quoteMarks) convertPairs(out, src []byte, depth int) {
	o := newOpens()
	for p := 0; ; {
		i, end, _ := q.nextPair(src, p, true, &o)
		if i == len(src) {
			return
		}
		q.convertPair(out[i:end+3], src[i:end+3], depth)
		p = end + 3
	}
}

// convertPair rewrites the pair src, from its opening mark to its closing
// one, and the pairs inside it, into out.
func (q *quoteMarks) convertPair(out, src []byte, depth int) {
	to := q.toDouble
	if src[2] == q.single {
		to = q.toSingle
	}
	n := len(out)
	out[0], out[2] = q.toLead, to
	out[n-3], out[n-1] = q.toLead, to+1
	if depth+1 < quoteMaxDepth {
		q.convertPairs(out[3:n-3], src[3:n-3], depth+1)
	}
}

// String returns s with its pairs converted; s itself when none converts.
func (q *quoteMarks) String(s string) string { return q.convert(s, false) }

// convert is String; when owned, s is a string nothing else refers to
// (a Converter's fresh output) and is converted in place, saving a copy.
func (q *quoteMarks) convert(s string, owned bool) string {
	b := stringBytes(s)
	o := newOpens()
	if i, _, _ := q.nextPair(b, 0, true, &o); i == len(b) {
		return s
	}
	if owned {
		q.convertPairs(b, b, 0)
		return s
	}
	out := []byte(s)
	q.convertPairs(out, b, 0)
	return bytesString(out)
}

// Reset does nothing: quoteMarks keeps no state.
func (q *quoteMarks) Reset() {}

// Span implements transform.SpanningTransformer.
func (q *quoteMarks) Span(src []byte, atEOF bool) (int, error) {
	o := newOpens()
	i, _, short := q.nextPair(src, 0, atEOF, &o)
	switch {
	case i == len(src):
		return i, nil
	case short:
		return i, transform.ErrShortSrc
	}
	return i, transform.ErrEndOfSpan
}

// Transform implements transform.Transformer. A converted pair is written
// whole or not at all.
func (q *quoteMarks) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	o := newOpens()
	for p := 0; ; {
		i, end, short := q.nextPair(src, p, atEOF, &o)
		n := copy(dst[p:], src[p:i])
		if p+n < i {
			return p + n, p + n, transform.ErrShortDst
		}
		switch {
		case i == len(src):
			return i, i, nil
		case short:
			return i, i, transform.ErrShortSrc
		case end+3 > len(dst):
			return i, i, transform.ErrShortDst
		}
		copy(dst[i:end+3], src[i:end+3])
		q.convertPair(dst[i:end+3], src[i:end+3], 0)
		p = end + 3
	}
}
