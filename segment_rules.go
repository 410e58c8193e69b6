package zhnorm

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules of Splitter: one forward pass over the text
// that stops only at bytes that may start a line break or a mark, and
// decides at each mark from a few characters around it.

// segRules is what the splitting loop needs of a Splitter.
type segRules struct {
	para       bool
	semicolons bool
}

func (sp Splitter) segRules() segRules {
	return segRules{para: sp.Unit == Paragraph, semicolons: sp.Semicolons}
}

// The results of the rules, besides a position.
const (
	segNeedMore = -1 // the text ends before the answer is known
	segNoEnd    = -2 // the marks do not end a sentence
)

// segEOF is what segAt returns at the end of the text.
const segEOF = -1

// segLookBehind bounds how far before a mark the rules look (for the word
// before a dot, the character before a ?), so that a Scanner needs to keep
// only that much of the text before a span to split as Split does.
const segLookBehind = 64

// A segResume is where spanEnd stopped for more text: at pos, in the
// phase of the span it was in.
type segResume struct {
	pos   int
	phase uint8
}

// The phases of a span.
const (
	segLeading  = iota // white space at its start
	segContent         // its text
	segTrailing        // the white space after its end
)

// spanEnd returns the end of the span that starts at t[start], reading
// from from (segResume{start, segLeading} for a new span). It never returns
// start: every span holds at least one character.
//
// When t ends before the end is known and atEOF is false, it returns
// segNeedMore and where to resume: called again from there on the same text
// with more after it, it gives what it would have given from the start.
//
// It reads t forward from start to at most one character past the end of
// the span, and before start at most segLookBehind bytes: a Scanner that has
// MaxLen+utf8.UTFMax bytes after a span's start without an end knows that
// the end is past MaxLen.
func (r segRules) spanEnd(t string, start int, from segResume, atEOF bool) (end int, resume segResume) {
	i := from.pos
	switch from.phase {
	case segLeading:
		// White space at the start of a span is at the start of the text,
		// or after a cut: it never ends a span by itself.
		j, ok := segSkipSpace(t, i, atEOF)
		if !ok {
			return segNeedMore, segResume{j, segLeading}
		}
		if j == len(t) {
			return j, resume
		}
		i = j
	case segTrailing:
		return r.trail(t, i, atEOF)
	}
	tab := &segSentenceBytes
	if r.para {
		tab = &segParagraphBytes
	}
	for {
		// The fast path: most bytes are neither a line break nor a mark
		// nor the first byte of one (Han characters start with E4–E9).
		for i < len(t) && tab[t[i]] == 0 {
			i++
		}
		c, size, ok := segAt(t, i, atEOF)
		switch {
		case !ok:
			return segNeedMore, segResume{i, segContent}
		case c == segEOF:
			return i, resume
		}
		switch k := segKindOf(c, r.semicolons); {
		case k == segBreak:
			return r.trail(t, i+size, atEOF)
		case k == segNone || r.para:
			i += size
			continue
		}
		switch end, next := r.endAfter(t, start, i, atEOF); end {
		case segNeedMore:
			return segNeedMore, segResume{i, segContent}
		case segNoEnd:
			i = next
		default:
			return r.trail(t, end, atEOF)
		}
	}
}

// trail returns the end of a span whose text ends at t[i]: the span keeps
// the white space after it, line breaks, blank lines and the indentation
// of the next line.
func (r segRules) trail(t string, i int, atEOF bool) (end int, resume segResume) {
	j, ok := segSkipSpace(t, i, atEOF)
	if !ok {
		return segNeedMore, segResume{j, segTrailing}
	}
	return j, resume
}

// segSkipSpace returns the position after the white space at t[i:].
func segSkipSpace(t string, i int, atEOF bool) (int, bool) {
	for {
		c, size, ok := segAt(t, i, atEOF)
		if !ok || c == segEOF || !unicode.IsSpace(c) {
			return i, ok
		}
		i += size
	}
}

// segSkipLineSpace returns the position after the white space at t[i:] that
// is not a line break.
func segSkipLineSpace(t string, i int, atEOF bool) (int, bool) {
	for {
		c, size, ok := segAt(t, i, atEOF)
		if !ok || c == segEOF || !unicode.IsSpace(c) || segIsBreak(c) {
			return i, ok
		}
		i += size
	}
}

// segNextOnLine returns the first character at or after t[i] that is not
// white space within the line, and where it stands; ok is false when t ends
// before it is known.
func segNextOnLine(t string, i int, atEOF bool) (c rune, m int, ok bool) {
	m, ok = segSkipLineSpace(t, i, atEOF)
	if !ok {
		return 0, m, false
	}
	c, _, ok = segAt(t, m, atEOF)
	return c, m, ok
}

// segAt decodes the character at t[i]. At the end of t it returns segEOF when
// atEOF is set; ok is false when t ends before the character is known.
// A byte that is not UTF-8 is utf8.RuneError of size 1.
func segAt(t string, i int, atEOF bool) (c rune, size int, ok bool) {
	if i >= len(t) {
		return segEOF, 0, atEOF
	}
	if b := t[i]; b < utf8.RuneSelf {
		return rune(b), 1, true
	}
	c, size = utf8.DecodeRuneInString(t[i:])
	if size == 1 && !atEOF && !utf8.FullRuneInString(t[i:]) {
		return 0, 0, false
	}
	return c, size, true
}

// A segKind is what a character is to the rules.
type segKind uint8

const (
	segNone     segKind = iota
	segBreak            // a line break
	segStrong           // 。！？ and their kin: end a sentence
	segBang             // ASCII ! ?, and ; with Semicolons: end one before a space or non-ASCII
	segDot              // . ． ﹒: end one unless in a number, an address, an abbreviation…
	segEllipsis         // … ⋯ ‥: end one only before a closer or a new sentence
)

func segKindOf(c rune, semicolons bool) segKind {
	switch c {
	case '\n', '\r', '\v', '\f', 0x85, '\u2028', '\u2029':
		return segBreak
	case '。', '｡', '！', '？', '‼', '⁇', '⁈', '⁉', '﹗', '﹖':
		return segStrong
	case '!', '?':
		return segBang
	case '.', '．', '﹒':
		return segDot
	case '…', '⋯', '‥':
		return segEllipsis
	case '；', '﹔':
		if semicolons {
			return segStrong
		}
	case ';':
		if semicolons {
			return segBang
		}
	}
	return segNone
}

func segIsBreak(c rune) bool { return segKindOf(c, false) == segBreak }

// segSentenceBytes marks the bytes that may start a line break or a mark:
// the ASCII ones and the lead bytes of U+0080–U+00BF (NEL), U+2000–U+2FFF
// (… ‼ U+2028), U+3000–U+3FFF (。) and U+F000–U+FFFF (！？．；).
// segParagraphBytes marks those that may start a line break.
var segSentenceBytes, segParagraphBytes [256]uint8

func init() {
	for _, b := range []byte("\n\r\v\f\xc2\xe2") {
		segSentenceBytes[b], segParagraphBytes[b] = 1, 1
	}
	for _, b := range []byte(".!?;\xe3\xef") {
		segSentenceBytes[b] = 1
	}
}

// endAfter applies the rules to the run of marks at t[i], in the span that
// starts at t[start]. It returns the end of the sentence the run ends,
// before the white space after it; or segNoEnd and the position after
// the run; or segNeedMore.
func (r segRules) endAfter(t string, start, i int, atEOF bool) (end, next int) {
	// A run is one mark: ？！ !? …… ... 。。。
	var strong, bang bool
	dots, ellipses := 0, 0
	j := i
run:
	for {
		c, size, ok := segAt(t, j, atEOF)
		if !ok {
			return segNeedMore, 0
		}
		switch segKindOf(c, r.semicolons) {
		case segStrong:
			strong = true
		case segBang:
			bang = true
		case segDot:
			dots++
		case segEllipsis:
			ellipses++
		default: // eof too
			break run
		}
		j += size
	}
	switch {
	case strong:
		end = segEndStrong(t, j, atEOF)
	case bang:
		end = segEndBang(t, i, j, atEOF)
	case ellipses > 0 || dots > 1:
		end = segEndEllipsis(t, j, atEOF)
	default:
		end = segEndDot(t, start, i, j, atEOF)
	}
	return end, j
}

// segEndStrong: 。！？ end a sentence, with the closing marks after them,
// unless a mark follows that shows that the sentence goes on.
func segEndStrong(t string, j int, atEOF bool) int {
	k, ok := segSkipClosers(t, j, atEOF)
	if !ok {
		return segNeedMore
	}
	c, _, ok := segAt(t, k, atEOF)
	switch {
	case !ok:
		return segNeedMore
	case segGoesOn(c):
		return segNoEnd
	}
	return k
}

// segEndBang: ASCII ! and ? end a sentence before white space, the end, or a
// character that is not ASCII. Before ASCII they are part of something
// else: a.php?id=1, ???/a>, !=.
func segEndBang(t string, i, j int, atEOF bool) int {
	k, ok := segSkipClosers(t, j, atEOF)
	if !ok {
		return segNeedMore
	}
	c, _, ok := segAt(t, k, atEOF)
	switch {
	case !ok:
		return segNeedMore
	case c == segEOF || unicode.IsSpace(c):
	case segGoesOn(c) || c < utf8.RuneSelf:
		return segNoEnd
	case k == j && unicode.Is(unicode.Han, c) && strings.Trim(t[i:j], "?") == "":
		// 朱?基, ３月９日，?当日: in archives, a ? between a character that
		// is not ASCII and a Han one is a character the encoding lost.
		if c, _ := utf8.DecodeLastRuneInString(t[max(0, i-utf8.UTFMax):i]); c >= utf8.RuneSelf && c != utf8.RuneError && !unicode.IsSpace(c) {
			return segNoEnd
		}
	}
	if j == i+1 && t[i] == ';' && segIsEntity(t, i) {
		return segNoEnd
	}
	return k
}

// segIsEntity reports whether the ; at t[i] ends an HTML character reference
// (&amp; &#12290;) that scraping left in the text.
func segIsEntity(t string, i int) bool {
	lo := max(0, i-segLookBehind)
	p := i
	for p > lo && (segIsASCIILetter(t[p-1]) || segIsASCIIDigit(t[p-1]) || t[p-1] == '#') {
		p--
	}
	return p > lo && p < i && t[p-1] == '&'
}

// segEndEllipsis: an ellipsis ends a sentence only before a closing mark or
// the end of its line, or where a new sentence opens.
func segEndEllipsis(t string, j int, atEOF bool) int {
	k, ok := segSkipClosers(t, j, atEOF)
	if !ok {
		return segNeedMore
	}
	c, _, ok := segAt(t, k, atEOF)
	switch {
	case !ok:
		return segNeedMore
	case k > j && segGoesOn(c):
		return segNoEnd
	case k > j:
		return k
	}
	c, m, ok := segNextOnLine(t, j, atEOF)
	switch {
	case !ok:
		return segNeedMore
	case c == segEOF || segIsBreak(c) || segIsOpeningQuote(c):
		return j
	case m > j && (segIsUpper(c) || c == '"' || c == '\''):
		// Wait... Then; but wait... then.
		return j
	}
	return segNoEnd
}

// segEndDot: a single dot ends a sentence unless it is part of a number, an
// address or a name, or follows an abbreviation or the number of a list
// item.
func segEndDot(t string, start, i, j int, atEOF bool) int {
	c, _, ok := segAt(t, j, atEOF)
	switch {
	case !ok:
		return segNeedMore
	case segIsDigit(c) || segIsFullwidthLetter(c):
		// 3.14, １.４, ｗｗｗ．ｘｉｎｈｕａ
		return segNoEnd
	case c >= 0 && c < utf8.RuneSelf && !unicode.IsSpace(c) && !segIsCloser(c):
		// U.S, example.com, a@b.cn, file.txt, ...
		return segNoEnd
	case segIsHanNumeral(c) && segIsNumeral(segLastRune(t, i)):
		// 三．六
		return segNoEnd
	case !strings.HasPrefix(t[i:], "﹒") && unicode.Is(unicode.Han, c) && unicode.Is(unicode.Han, segLastRune(t, i)):
		// 理查．克萊德門, 路易斯.阿隆索: Big5 text writes the interpunct of
		// foreign names as a full stop. (The small full stop ﹒ is one.)
		return segNoEnd
	}
	k, ok := segSkipClosers(t, j, atEOF)
	if !ok {
		return segNeedMore
	}
	c, _, ok = segAt(t, k, atEOF)
	switch {
	case !ok:
		return segNeedMore
	case segGoesOn(c):
		return segNoEnd
	case k > j && c >= 0 && c < utf8.RuneSelf && !unicode.IsSpace(c):
		return segNoEnd
	}
	switch segWordBefore(t, start, i) {
	case segWordAbbrev:
		return segNoEnd
	case segWordNumberAbbrev:
		// No. 1, Vol. 3; but the answer is No. We…
		c, _, ok := segNextOnLine(t, k, atEOF)
		switch {
		case !ok:
			return segNeedMore
		case segIsDigit(c):
			return segNoEnd
		}
	case segWordNameAbbrev:
		// Apple Inc. said; Apple Inc. The…
		c, m, ok := segNextOnLine(t, k, atEOF)
		switch {
		case !ok:
			return segNeedMore
		case c == segEOF || segIsBreak(c):
		case m == k || !segIsUpper(c):
			return segNoEnd
		}
	}
	return k
}

// A segWordClass is what the word before a dot says about the dot.
type segWordClass uint8

const (
	segWordPlain        segWordClass = iota
	segWordAbbrev                    // never ends a sentence: Dr. U.S. J. and list numbers
	segWordNumberAbbrev              // does not end one before a number: No. Vol.
	segWordNameAbbrev                // does not end one unless a capital follows: Inc. etc.
)

// segWordBefore classifies the text before the dot at t[i], in the span that
// starts at t[start]: the word ending there, in ASCII or full-width forms,
// or the number of a list item at the start of the sentence.
func segWordBefore(t string, start, i int) segWordClass {
	lo := max(0, i-segLookBehind)
	// The word, full-width forms folded to ASCII (Ｄｒ → Dr), right-aligned
	// in buf.
	var buf [segLookBehind]byte
	n, p := len(buf), i
	for p > lo {
		c, size := utf8.DecodeLastRuneInString(t[lo:p])
		switch {
		case c >= '！' && c <= '～':
			c -= '！' - '!'
		case c == '﹒':
			c = '.'
		}
		if c >= utf8.RuneSelf || !segIsWordByte(byte(c)) {
			break
		}
		n--
		buf[n] = byte(c)
		p -= size
	}
	if p == lo && lo > 0 {
		return segWordPlain // too long to be an abbreviation, and the same in a Scanner
	}
	w := buf[n:]
	switch {
	case len(w) == 0:
		// 一．總則
		q := i
		for range 3 {
			c, size := utf8.DecodeLastRuneInString(t[lo:q])
			if !segIsHanNumeral(c) {
				break
			}
			q -= size
		}
		if q < i && q >= start && segOnlySpace(t[start:q]) {
			return segWordAbbrev
		}
		return segWordPlain
	case len(w) <= 3 && segAllDigits(w) && p >= start && segOnlySpace(t[start:p]):
		// 1.第二十七条, １．取高湯, and 第二條。 12.第三條: a line starts a
		// sentence.
		return segWordAbbrev
	case bytes.ContainsAny(w, "/@:"):
		return segWordPlain // a URL, an e-mail address or a path
	case len(w) == 1 && segIsASCIILetter(w[0]):
		return segWordAbbrev // an initial
	case segIsInitialism(w):
		return segWordAbbrev
	}
	return segAbbreviations[string(w)]
}

// segIsWordByte reports whether b may be part of the word before a dot: a
// letter, a digit, or what URLs, addresses and file names hold.
func segIsWordByte(b byte) bool {
	return segIsASCIILetter(b) || segIsASCIIDigit(b) || strings.IndexByte("./@:_-~%+=&#?!", b) >= 0
}

// segOnlySpace reports whether s is white space only: the indentation at
// the start of a text.
func segOnlySpace(s string) bool { return strings.TrimLeftFunc(s, unicode.IsSpace) == "" }

// segIsInitialism reports whether w is letters in groups of one or two
// separated by dots: U.S, e.g, i.e, a.m, Ph.D, U.S.A.
func segIsInitialism(w []byte) bool {
	groups, letters := 1, 0
	for _, b := range w {
		switch {
		case b == '.' && letters > 0:
			groups, letters = groups+1, 0
		case segIsASCIILetter(b) && letters < 2:
			letters++
		default:
			return false
		}
	}
	return groups > 1 && letters > 0
}

// segAbbreviations are the common English abbreviations of newspaper text,
// besides initials and dotted ones.
var segAbbreviations = map[string]segWordClass{}

func init() {
	for class, words := range map[segWordClass]string{
		segWordAbbrev: "Mr Mrs Ms Mx Dr Drs Prof St Mt Ft Gen Gov Sen Rep Rev Hon Pres " +
			"Capt Col Lt Cmdr Sgt Adm Maj Messrs Mme Mlle Msgr Fr vs cf viz",
		segWordNumberAbbrev: "No no Nos nos Nr nr Vol vol Vols vols Fig fig Figs figs Art art " +
			"Sec sec Ch ch Chap chap pp Pt pt Ex Eq eq Tel tel Ref ref",
		segWordNameAbbrev: "Inc Ltd Co Corp Bros Plc Pty Jr Sr Esq etc al approx est ca ibid " +
			"Dept Univ Assn Ave Rd Blvd Hwy Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec " +
			"Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun",
	} {
		for _, w := range strings.Fields(words) {
			segAbbreviations[w] = class
		}
	}
}

// segSkipClosers returns the position after the closing marks at t[i:].
func segSkipClosers(t string, i int, atEOF bool) (int, bool) {
	for {
		c, size, ok := segAt(t, i, atEOF)
		if !ok || c == segEOF || !segIsCloser(c) {
			return i, ok
		}
		i += size
	}
}

// segIsCloser reports whether c closes a quotation or a bracket, and so stays
// with the mark before it. ASCII quotes after a mark close.
func segIsCloser(c rune) bool {
	switch c {
	case '」', '』', '”', '’', '）', ')', '］', ']', '】', '〕', '｝', '}', '〗', '〙', '〛',
		'﹂', '﹄', '｣', '»', '›', '〞', '〟', '﹚', '﹜', '﹞', '"', '\'', '＂', '＇':
		return true
	}
	return false
}

// segGoesOn reports whether c after a mark (and its closers) shows that the
// sentence goes on: a comma, a colon or a semicolon, or the end of a book
// title (《你好嗎？》).
func segGoesOn(c rune) bool {
	switch c {
	case '，', '、', ',', '；', ';', '：', ':', '﹐', '﹑', '﹔', '﹕', '》', '〉':
		return true
	}
	return false
}

func segIsOpeningQuote(c rune) bool {
	switch c {
	case '「', '『', '“', '‘', '﹁', '﹃', '｢', '〝':
		return true
	}
	return false
}

func segIsASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
func segIsASCIIDigit(b byte) bool  { return b >= '0' && b <= '9' }

func segAllDigits(w []byte) bool {
	for _, b := range w {
		if !segIsASCIIDigit(b) {
			return false
		}
	}
	return len(w) > 0
}

// segIsDigit reports whether c is an ASCII or full-width digit.
func segIsDigit(c rune) bool { return c >= '0' && c <= '9' || c >= '０' && c <= '９' }

func segIsFullwidthLetter(c rune) bool { return c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' }

// segIsUpper reports whether c is an ASCII or full-width capital letter.
func segIsUpper(c rune) bool { return c >= 'A' && c <= 'Z' || c >= 'Ａ' && c <= 'Ｚ' }

// segIsHanNumeral reports whether c is a Chinese numeral.
func segIsHanNumeral(c rune) bool {
	switch c {
	case '〇', '○', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
		'百', '千', '万', '萬', '亿', '億', '两', '兩':
		return true
	}
	return false
}

func segIsNumeral(c rune) bool { return segIsDigit(c) || segIsHanNumeral(c) }

// segLastRune returns the character before t[i], looking no further back
// than segLookBehind.
func segLastRune(t string, i int) rune {
	c, _ := utf8.DecodeLastRuneInString(t[max(0, i-segLookBehind):i])
	return c
}
