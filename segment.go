package zhnorm

import (
	"fmt"
	"iter"
	"strings"
	"unicode"
)

// A Span is a piece of a text and where it lies in it: Text is
// text[Start:End], with Start and End byte offsets into the text that was
// split (into the stream, for a Scanner).
//
// The spans of a text cover it, in order, without gaps or overlaps, and
// never split a character. White space between two units belongs to the
// first: a span is its unit followed by all the white space up to the next
// unit (line breaks, blank lines, the indentation of the next line); white
// space at the start of the text belongs to the first span. So every span
// holds something other than white space, unless the text is all white
// space or a Scanner cut it at its MaxLen. Trim removes the white space;
// the trimmed text of a span never holds a line break.
type Span struct {
	Start, End int
	Text       string
}

// Trim returns the part of s without its leading and trailing white space
// (unicode.IsSpace: ASCII white space, line breaks, NO-BREAK SPACE, the
// ideographic space U+3000 and the other Unicode spaces), with its offsets.
// It is empty, at the end of s, when s is all white space.
func (s Span) Trim() Span {
	text := strings.TrimLeftFunc(s.Text, unicode.IsSpace)
	start := s.Start + len(s.Text) - len(text)
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	return Span{Start: start, End: start + len(text), Text: text}
}

// A Unit is what a Splitter splits text into.
type Unit uint8

const (
	// Sentence splits text into sentences. Every sentence lies within one
	// paragraph.
	Sentence Unit = iota
	// Paragraph splits text into paragraphs: lines, as newspaper text puts
	// one paragraph on a line.
	Paragraph
)

var segUnitNames = [...]string{Sentence: "sentence", Paragraph: "paragraph"}

// String returns "sentence" or "paragraph".
func (u Unit) String() string {
	if int(u) < len(segUnitNames) {
		return segUnitNames[u]
	}
	return fmt.Sprintf("Unit(%d)", uint8(u))
}

// MarshalText implements encoding.TextMarshaler, so that a Unit is a
// command-line flag with flag.TextVar.
func (u Unit) MarshalText() ([]byte, error) {
	if int(u) >= len(segUnitNames) {
		return nil, fmt.Errorf("zhnorm: invalid Unit %d", uint8(u))
	}
	return []byte(segUnitNames[u]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it takes "sentence" or
// "paragraph".
func (u *Unit) UnmarshalText(text []byte) error {
	for i, name := range segUnitNames {
		if string(text) == name {
			*u = Unit(i)
			return nil
		}
	}
	return fmt.Errorf("zhnorm: unknown unit %q (want sentence or paragraph)", text)
}

// DefaultMaxLen is the longest span, in bytes, that a Scanner returns when
// its Splitter's MaxLen is not set.
const DefaultMaxLen = 64 << 10

// A Splitter splits text into sentences or paragraphs. Its zero value
// splits into sentences by the default rules; a Splitter is a value, safe
// for concurrent use.
//
// A paragraph is a line: it ends after a line break (LF, CR, CRLF, VT, FF,
// NEL, U+2028 or U+2029), as newspaper text puts one paragraph on a line;
// a line of white space only is not one.
//
// A sentence ends at the end of its line or, within a line, after a mark
// that ends it and the closing quotes and brackets after that (。」 ！”
// ？） 。』）). Every sentence lies within one paragraph.
//
//   - 。！？ and ｡ ‼ ⁇ ⁈ ⁉ ﹗ ﹖ end a sentence, except before ，、：；,:;
//     or a closing book-title mark 》〉, which show that it goes on
//     (「好嗎？」、「走吧！」; 《誰動了我的奶酪？》一書).
//   - A run of marks is one end: ？！ !? ？？？ 。。。
//   - ASCII ! and ? end a sentence before white space, the end of the text
//     or a character that is not ASCII, so not inside URLs (a.php?id=1),
//     ???/a> or ?,. A ? between a character that is not ASCII and a Han
//     one (朱?基, ，?当日) is taken for a character the encoding lost.
//   - A single . (or ．, or the small full stop ﹒) ends a sentence on the
//     same terms, except: in numbers (3.14, １.４, 三．六, 1.5亿, 1..5);
//     after the number of a list item at the start of a sentence (1. １．
//     一．); after an initial (J. F. Kennedy, Ｇ．Ａ．), a dotted
//     abbreviation (U.S. e.g. Ph.D. p.m.) or a title (Mr. Dr. Prof. St.
//     vs.); after No. Vol. Fig. and the like before a number (No. 1);
//     after Inc. Ltd. Co. Jr. etc. Jan. and the like, unless white space
//     and a capital letter follow; and between two Han characters, where
//     . and ． are the interpunct of a foreign name in Big5-era text
//     (理查．克萊德門, 路易斯.阿隆索). A dot followed by a letter, a digit
//     or ASCII punctuation (example.com, a@b.cn, file.txt, U.S) ends
//     nothing; a dot after a URL, an e-mail address or a file name ends a
//     sentence as any other does.
//   - An ellipsis (…… ⋯⋯ … ‥, and two or more dots: ... ．．．) ends a
//     sentence only before a closing mark or the end of the line, or where
//     a new sentence opens: an opening quote (「『“‘), or white space and a
//     capital letter.
//   - ；and ： end nothing, unless Semicolons is set.
//
// Bytes that are not UTF-8 are characters of their own that end nothing;
// every byte is kept.
type Splitter struct {
	// Unit is what the text is split into: Sentence (the zero value) or
	// Paragraph.
	Unit Unit

	// Semicolons makes ；(and ﹔) end a sentence, and an ASCII ; where
	// an ASCII ! would (not in &amp; or a;b).
	Semicolons bool

	// MaxLen is the longest span, in bytes, that a Scanner returns: a
	// longer one is cut there, at the last character boundary, and the
	// pieces reported by Scanner.Cut. Zero or less means DefaultMaxLen;
	// less than utf8.UTFMax means utf8.UTFMax. It bounds the Scanner's
	// memory; Split never cuts.
	MaxLen int
}

// Sentences returns an iterator over the sentences of text, in order, by
// the default rules (see Splitter). The spans cover text.
func Sentences(text string) iter.Seq[Span] {
	return Splitter{}.Split(text)
}

// Paragraphs returns an iterator over the paragraphs of text, in order (see
// Splitter). The spans cover text. Every sentence lies within one
// paragraph: the sentences of text are the sentences of its paragraphs.
func Paragraphs(text string) iter.Seq[Span] {
	return Splitter{Unit: Paragraph}.Split(text)
}

// Split returns an iterator over the units of text, in order. The spans
// cover text; their Text are substrings of it, so splitting allocates only
// the iterator.
func (sp Splitter) Split(text string) iter.Seq[Span] {
	r := sp.segRules()
	return func(yield func(Span) bool) {
		for start := 0; start < len(text); {
			end, _ := r.spanEnd(text, start, segResume{start, segLeading}, true)
			if !yield(Span{Start: start, End: end, Text: text[start:end]}) {
				return
			}
			start = end
		}
	}
}
