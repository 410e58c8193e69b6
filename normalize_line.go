package zhnorm

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// lineProc normalizes one line (or one piece of a long line) in a single
// forward pass. Runs of characters no rule acts on are copied at once; the
// rules run only at the characters that start them, looking back at what was
// written and ahead at the raw input.
//
// Output is copy-on-write: while nothing has changed, out holds nothing for
// this line and src[:kept] stands for it, so an unchanged line costs no copy.
// In a dry run the first change stops the pass instead: that is how Span and
// the stability check recognise normalized text without allocating.
//
// Whitespace and the characters the rules remove (zero-width characters,
// controls, tags) are collected into a pending gap and decided when the next
// character is known: one space, or nothing.
type lineProc struct {
	on     ruleSet
	quotes QuoteStyle
	// markRun is where the run of an ASCII mark that asciiPunct last
	// measured ends, so that each run is scanned once.
	markRun int
	// What the pass reports. The processor keeps these by value, not a
	// pointer to its document, so that a document on the caller's stack
	// stays there.
	counts    [numRules]int
	reporting bool
	lineNo    int
	sus       []Suspect
	src       []byte
	out       []byte
	dirty     bool
	kept      int // src[:kept] has been written (or stands unchanged when !dirty)
	dry       bool
	stop      bool

	base    int // len(out) when the line started
	lineSrc int // where the current output line starts in src (after a break)
	lineOut int // and in out, once dirty

	prev      rune // last non-space character written on this output line; 0 at its start
	lastSpace bool // the last thing written is a space
	dropGap   bool // the next gap goes: it follows a converted mark
	gap       gap

	zeroEnd   int // end of the run the Zero rule last decided
	zeroConv  bool
	zeroGuard bool // that run touches an ASCII letter or digit

	parens    closerStack // ASCII ( ) pairs being converted
	curly     closerStack // quote pairs for the Quotes rule
	formPairs closerStack // 〝〞 and ｀＇ pairs for the Forms rule
	quoteEnd  int         // position of the " closing the open ASCII pair, or -1
	quoteFW   bool        // and whether that pair is converted

	lastFFFD int // end of the last U+FFFD suspect, to merge runs

	// gapMark is the length of outTail after the last whitespace gap: the
	// letters written since stand together in the input.
	gapMark int
	// Whitespace gaps between two Chinese-context characters: kept (on
	// this pass) and removed.
	spaceKept, spaceRemoved int

	// scanBudget bounds the bytes all searches for closing marks on the
	// line may read, so that a line of unmatched marks stays linear; when
	// it runs out, the remaining pairs are left as they are.
	scanBudget int

	lm *lineMap // records the offset map; nil unless asked for
}

// gap is a pending run of whitespace and removed characters.
type gap struct {
	start, end int // src range; start < 0 when there is none
	ws         bool
	single     bool // exactly one ASCII space, kept as it is when a space is due
	notIdeo    bool // whitespace other than U+3000
	removed    int  // zero-width characters
	controls   int
	tags       int
	refs       int // character references among them
}

// closer is the position of a closing mark and what it becomes.
type closer struct {
	pos  int
	repl rune // 0: stays
}

// closerStack holds the closing marks of the pairs open at a point. Pairs
// nested deeper than its size are left as they are.
type closerStack struct {
	n int
	c [8]closer
}

func (s *closerStack) push(c closer) bool {
	if s.n == len(s.c) {
		return false
	}
	s.c[s.n] = c
	s.n++
	return true
}

// pop returns the replacement for the closing mark at pos, if the innermost
// open pair closes there.
func (s *closerStack) pop(pos int) (rune, bool) {
	if s.n == 0 || s.c[s.n-1].pos != pos {
		return 0, false
	}
	s.n--
	return s.c[s.n].repl, true
}

// midLine stands for the next character when a piece of a long line ends.
const midLine rune = -3

// pairScanLimit bounds how far a rule looks for the closing mark of a pair,
// which keeps a line full of unmatched marks linear.
const pairScanLimit = 4096

// newLineProc returns a processor for src appending to out. It returns a
// value, not a pointer, so that the document it points to can stay on the
// caller's stack.
func newLineProc(d *document, cfg *config, src, out []byte, dry bool, prev rune) lineProc {
	return lineProc{on: cfg.on, quotes: cfg.quotes, src: src, out: out, dry: dry, prev: prev,
		reporting: d.reporting, lineNo: d.lineNo, sus: d.lineSus[:0],
		quoteEnd: -1, lastFFFD: -1, gap: gap{start: -1}, base: len(out), scanBudget: 8*len(src) + pairScanLimit}
}

// run normalizes the line. last tells whether the line ends here or a
// further piece of it follows.
func (p *lineProc) run(last bool) {
	src := p.src
	i := 0
	for i < len(src) && !p.stop {
		c := src[i]
		if c < utf8.RuneSelf {
			if asciiPlain[c] && (c != 'O' || !p.on.has(Zero)) {
				j := i + 1
				for j < len(src) && src[j] < utf8.RuneSelf && asciiPlain[src[j]] {
					j++
				}
				p.begin(i, rune(c), false)
				p.keep(i, j)
				p.prev = rune(src[j-1])
				p.lastSpace = false
				i = j
				continue
			}
		} else if c >= 0xE0 && c < 0xF0 {
			// The fast path for 3-byte characters: ideographs, kana and
			// the punctuation no rule starts at.
			j := i
			var last rune
			for j+3 <= len(src) {
				c0, c1, c2 := src[j], src[j+1], src[j+2]
				if c0 < 0xE0 || c0 >= 0xF0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
					break
				}
				r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
				if r < 0x800 || 0xD800 <= r && r <= 0xDFFF || !plain3(r, p.on.has(Quotes)) {
					break
				}
				if j == i {
					p.begin(i, r, false)
				}
				last = r
				j += 3
			}
			if j > i {
				p.keep(i, j)
				p.prev = last
				p.lastSpace = false
				i = j
				continue
			}
		}
		r, j := p.decode(i)
		i = p.char(r, i, j)
	}
	if p.stop {
		return
	}
	if last {
		p.resolveGap(eol, true)
	} else {
		p.resolveGap(midLine, false)
	}
}

// decode returns the character at src[i] and where the next one starts: a
// character reference counts as the character it stands for.
func (p *lineProc) decode(i int) (rune, int) {
	c := p.src[i]
	if c < utf8.RuneSelf {
		if c == '&' && p.on.has(HTML) {
			if r, j := charRef(p.src, i); j > i {
				return r, j
			}
		}
		return rune(c), i + 1
	}
	r, size := utf8.DecodeRune(p.src[i:])
	if r == utf8.RuneError && size == 1 {
		return badByte, i + 1
	}
	return r, i + size
}

// char applies the rules that start at character r, src[i:j], and returns
// where processing continues.
func (p *lineProc) char(r rune, i, j int) int {
	switch {
	case r == badByte:
		p.suspectFFFD(i, j)
		p.begin(i, 0xFFFD, false)
		if p.on.has(Encoding) {
			p.put(i, j, 0xFFFD, Encoding)
		} else {
			p.keep(i, j)
			p.prev, p.lastSpace = 0xFFFD, false
		}
		return j
	case r == '\n':
		p.breakLine(i, j)
		return j
	}
	if p.gapMember(r, i, j) {
		return j
	}
	if r < utf8.RuneSelf {
		return p.ascii(r, i, j)
	}
	return p.nonASCII(r, i, j)
}

// keep writes src[i:j] unchanged.
func (p *lineProc) keep(i, j int) {
	if p.dirty {
		if p.lm != nil {
			p.mapKeep(i, j)
		}
		p.out = append(p.out, p.src[i:j]...)
	}
	p.kept = j
}

// change starts replacing src[i:j]; the caller appends the replacement to
// p.out when it returns true. In a dry run it stops the pass instead.
func (p *lineProc) change(i, j int, rule Rule) bool {
	if p.dry {
		p.stop = true
		return false
	}
	if p.lm != nil {
		p.mapTo(i)
	}
	if !p.dirty {
		p.out = append(p.out, p.src[:i]...)
		p.lineOut = p.base + p.lineSrc
		p.dirty = true
	}
	p.kept = j
	p.count(rule, 1)
	return true
}

func (p *lineProc) count(rule Rule, n int) {
	if !p.dry && rule < numRules {
		p.counts[rule] += n
	}
}

// noRule marks a write that changes nothing by itself.
const noRule Rule = 255

// put writes r for src[i:j], counting rule if that changes the text.
// emit writes r for src[i:j], after what begin settles before it, and
// returns j: the end of most of the rules' work at one character.
func (p *lineProc) emit(i, j int, r rune, rule Rule) int {
	p.begin(i, r, false)
	p.put(i, j, r, rule)
	return j
}

func (p *lineProc) put(i, j int, r rune, rule Rule) {
	if encodes(p.src[i:j], r) {
		p.keep(i, j)
	} else {
		if rule == noRule || p.src[i] == '&' && j-i > 1 {
			rule = HTML
		}
		if p.change(i, j, rule) {
			p.out = utf8.AppendRune(p.out, r)
		}
	}
	if isSpace(r) {
		p.lastSpace = true
	} else {
		p.prev, p.lastSpace = r, false
	}
}

// putString writes s for src[i:j] under rule.
func (p *lineProc) putString(i, j int, s string, last rune, rule Rule) {
	if string(p.src[i:j]) == s {
		p.keep(i, j)
	} else if p.change(i, j, rule) {
		p.out = append(p.out, s...)
	}
	p.prev, p.lastSpace = last, false
}

// adjacent reports whether the next character written stands directly after
// prev, with no space between.
func (p *lineProc) adjacent() bool {
	return !(p.gap.start >= 0 && p.gap.ws) && !p.lastSpace && p.prev != 0
}

// begin is called before a character r is written at src[i]: it settles the
// pending gap, or inserts the space of the Spacing rule. drop asks for the
// gap to go whatever it holds (around a converted mark).
func (p *lineProc) begin(i int, r rune, drop bool) {
	drop = drop || p.dropGap
	p.dropGap = false
	if p.gap.start >= 0 {
		p.resolveGap(r, drop)
		return
	}
	if p.on.has(Spacing) && !drop && !p.lastSpace && needsSpace(p.prev, r) {
		if p.change(i, i, Spacing) {
			p.out = append(p.out, ' ')
		}
		p.lastSpace = false
	}
}

// needsSpace reports whether the Spacing rule wants a space between a and b.
func needsSpace(a, b rune) bool {
	return isCJKLetter(a) && isASCIIAlnum(b) || isASCIIAlnum(a) && isCJKLetter(b)
}

// gapMember adds r, src[i:j], to the pending gap if it is whitespace or a
// character the rules remove.
func (p *lineProc) gapMember(r rune, i, j int) bool {
	ws := p.on.has(Whitespace)
	switch {
	case ws && isSpace(r):
		p.addGap(i, j, true)
		p.gap.notIdeo = p.gap.notIdeo || r != 0x3000
	case ws && isZeroWidth(r):
		p.addGap(i, j, false)
		p.gap.removed++
	case p.on.has(Encoding) && isControl(r):
		p.addGap(i, j, false)
		p.gap.controls++
	case ws && r == 0x200D:
		if p.gap.start < 0 && !p.lastSpace && isEmoji(p.prev) && j < len(p.src) {
			if n, _ := p.decode(j); isEmoji(n) {
				return false
			}
		}
		p.addGap(i, j, false)
		p.gap.removed++
	default:
		return false
	}
	if j-i > 1 && p.src[i] == '&' {
		p.gap.refs++
	}
	return true
}

func (p *lineProc) addGap(i, j int, ws bool) {
	if p.gap.start < 0 {
		p.gap = gap{start: i}
	}
	p.gap.end = j
	p.gap.ws = p.gap.ws || ws
	p.gap.single = j-p.gap.start == 1 && p.src[p.gap.start] == ' '
}

// resolveGap writes the pending gap before next: one space or nothing.
func (p *lineProc) resolveGap(next rune, drop bool) {
	g := p.gap
	if g.start < 0 {
		return
	}
	p.gap.start = -1
	space, between, sep := false, false, " "
	if g.ws {
		switch {
		case p.prev == 0 || next == eol:
		case drop:
			between = isCJK(p.prev) && isCJK(next)
		case next == midLine:
			space = true
		case p.on.has(Spacing) && needsSpace(p.prev, next):
			space = true
		case isCJK(p.prev) && isCJK(next):
			between = true
			space = p.separates(g, next)
			if space && !g.notIdeo {
				sep = "\u3000"
			}
		default:
			space = true
		}
	}
	asIs := space && (sep == " " && g.single || sep != " " && string(p.src[g.start:g.end]) == sep)
	switch {
	case asIs:
		p.keep(g.start, g.end)
	case g.start == g.end:
	default:
		if !p.change(g.start, g.end, noRule) {
			return
		}
		if space {
			p.out = append(p.out, sep...)
		}
		if g.ws {
			p.count(Whitespace, 1)
		}
		p.count(Whitespace, g.removed)
		p.count(Encoding, g.controls)
		p.count(HTML, g.tags+g.refs)
	}
	switch {
	case !between:
	case space:
		p.spaceKept++
	case !p.dry:
		p.spaceRemoved++
	}
	p.lastSpace = space
	if g.ws {
		p.gapMark = len(p.outTail())
	}
}

// separates decides whitespace between two Chinese-context characters,
// prev and next (at src[g.end]): it stays, as a separator, unless either is
// punctuation, the NoSpace rule is on, or it letter-spaces two letters that
// each stand alone: prev is not preceded directly by a Chinese letter since
// the last whitespace, nor next followed directly by one (zero-width
// characters and controls, which go, do not count). 中 国 人 民 银 行 is
// letter-spaced; 食安風暴延燒 業者喊冤, 记者 张三, 四位 一体 are not.
// Deciding on the input's words, not on what the removals before made of
// them, keeps 中 国 人民 → 中国 人民 in one pass.
func (p *lineProc) separates(g gap, next rune) bool {
	if p.on.has(NoSpace) || !isCJKLetter(p.prev) || !isCJKLetter(next) {
		return false
	}
	return !p.aloneBefore() || !p.aloneAfter(g.end)
}

// aloneBefore reports whether the Chinese letter just written, p.prev, has
// no Chinese letter directly before it since the last whitespace. Where
// that cannot be seen (the letter ended an earlier piece of a long line) it
// answers false, which keeps the space.
func (p *lineProc) aloneBefore() bool {
	tail := p.outTail()
	if p.gapMark > len(tail) {
		return false
	}
	tail = tail[p.gapMark:]
	r, n := utf8.DecodeLastRune(tail)
	if n == 0 || r != p.prev {
		return false
	}
	before, _ := utf8.DecodeLastRune(tail[:len(tail)-n])
	return !isCJKLetter(before)
}

// aloneAfter reports whether the character at src[i] has no Chinese letter
// directly after it.
func (p *lineProc) aloneAfter(i int) bool {
	if i >= len(p.src) {
		return true
	}
	_, k := p.decode(i)
	for k < len(p.src) {
		r, n := p.decode(k)
		switch {
		case r == badByte || r == '\n':
			return true
		case isZeroWidth(r) || isControl(r) || r == 0x200D:
			k = n
			continue
		}
		return !isCJKLetter(fold(r))
	}
	return true
}

// breakLine ends the output line at src[i:j], a line feed or a tag that
// breaks the line.
func (p *lineProc) breakLine(i, j int) {
	p.resolveGap(eol, true)
	if j-i == 1 && p.src[i] == '\n' {
		p.keep(i, j)
	} else if p.change(i, j, HTML) {
		p.out = append(p.out, '\n')
	}
	p.lineSrc = j
	if p.dirty {
		p.lineOut = len(p.out)
	}
	p.prev, p.lastSpace, p.dropGap = 0, false, false
	p.parens.n, p.curly.n, p.formPairs.n, p.quoteEnd = 0, 0, 0, -1
	p.zeroEnd = 0
	p.gapMark = 0
}

// outTail returns what has been written on the current output line.
func (p *lineProc) outTail() []byte {
	if p.dirty {
		return p.out[p.lineOut:]
	}
	return p.src[p.lineSrc:p.kept]
}

// peek returns the next character from src[j] on, skipping whitespace and
// removed characters, folded as the width rule would leave it, and whether
// whitespace came first. It returns eol at the end of the line.
func (p *lineProc) peek(j int) (rune, bool) {
	spaced := false
	for j < len(p.src) {
		r, k := p.decode(j)
		switch {
		case r == '\n':
			return eol, spaced
		case r == badByte:
			return 0xFFFD, spaced
		case isSpace(r):
			spaced = true
		case isZeroWidth(r) || isControl(r) || r == 0x200D:
		default:
			return fold(r), spaced
		}
		j = k
	}
	return eol, spaced
}

// next returns the character directly at src[j], folded, or eol when it is
// whitespace, a removed character or the end of the line: the rules that
// want a neighbour "directly" use it.
func (p *lineProc) next(j int) rune {
	if j >= len(p.src) {
		return eol
	}
	r, _ := p.decode(j)
	if r == '\n' || r == badByte || isSpace(r) || isZeroWidth(r) || isControl(r) || r == 0x200D {
		return eol
	}
	return fold(r)
}

// run counts the consecutive raw copies of r from src[i] and returns where
// they end.
func (p *lineProc) runOf(r rune, i int) (n, end int) {
	var buf [4]byte
	enc := buf[:utf8.EncodeRune(buf[:], r)]
	for i+len(enc) <= len(p.src) && string(p.src[i:i+len(enc)]) == string(enc) {
		n++
		i += len(enc)
	}
	return n, i
}

// ascii applies the rules that start at an ASCII character.
func (p *lineProc) ascii(r rune, i, j int) int {
	switch r {
	case ',', ';', ':', '!', '?':
		return p.asciiPunct(r, i, j)
	case '(':
		return p.openParen(r, i, j)
	case ')':
		return p.closeParen(r, i, j)
	case '"':
		if p.on.has(Punct) {
			return p.straightQuote(i, j)
		}
	case '.':
		if p.on.has(Ellipsis) && j == i+1 {
			return p.dots(i)
		}
	case '-':
		if p.on.has(Dash) && j == i+1 {
			return p.dashes('-', i)
		}
	case '<':
		if p.on.has(HTML) && j == i+1 {
			if k := p.tag(i); k > 0 {
				return k
			}
		}
	case '/':
		if p.on.has(HTML) && j == i+1 {
			if k := p.brokenTag(i); k > 0 {
				return k
			}
		}
	case 'O':
		if p.on.has(Zero) {
			if k, ok := p.zero(r, i, j); ok {
				return k
			}
		}
	}
	return p.emit(i, j, r, noRule)
}

// nonASCII applies the rules that start at a non-ASCII character.
func (p *lineProc) nonASCII(r rune, i, j int) int {
	switch {
	case r == 0xFFFD:
		p.suspectFFFD(i, j)
	case r == '，' || r == '、' || r == '；' || r == '：':
		if p.on.has(Punct) {
			return p.dedup(r, i, j)
		}
	case r == '（':
		return p.openParen(r, i, j)
	case r == '○':
		if p.on.has(Zero) {
			if k, ok := p.zero(r, i, j); ok {
				return k
			}
		}
	case r == '。' || r == '…':
		if p.on.has(Ellipsis) {
			return p.ellipsis(r, i, j)
		}
	case r == '—' || r == '–' || r == '―':
		if p.on.has(Dash) {
			return p.dashes(r, i)
		}
	case r == '•' || r == '‧' || r == '・' || r == '･':
		if p.on.has(NameDot) {
			if k := p.nameDot(r, i, j); k > 0 {
				return k
			}
		}
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '「' || r == '」' || r == '『' || r == '』':
		if p.on.has(Quotes) {
			return p.curlyQuote(r, i, j)
		}
	case isFormStart(r):
		if p.on.has(Forms) {
			if k, ok := p.form(r, i, j); ok {
				return k
			}
		}
	}
	switch {
	case 0xFF01 <= r && r <= 0xFF5E:
		if k, ok := p.fullWidth(r, i, j); ok {
			return k
		}
	case 0xFF61 <= r && r <= 0xFF9F:
		if p.on.has(Width) {
			return p.halfWidth(r, i, j)
		}
	case 0xC2 <= r && r <= 0xF4:
		if p.on.has(Mojibake) && j-i == 2 {
			if k := p.mojibake(i); k > 0 {
				return k
			}
		}
	case 0x2E80 <= r && r <= 0x2FDF:
		if u := radical(r); u != 0 && p.on.has(Unicode) {
			return p.emit(i, j, u, Unicode)
		}
	}
	if p.on.has(Unicode) && r >= 0x300 {
		var buf [4]byte
		if needsNFC(buf[:utf8.EncodeRune(buf[:], r)]) {
			return p.nfc(r, i, j)
		}
	}
	return p.emit(i, j, r, noRule)
}

// asciiPunct converts , ; : ! ? in Chinese context: when the nearest
// character before is Chinese context, or the nearest after is and the one
// before is not an ASCII letter or digit. Between digits they stay. Runs of
// ? stand for lost characters and stay.
func (p *lineProc) asciiPunct(r rune, i, j int) int {
	if r == '?' && j == i+1 {
		n, k := p.runOf('?', i)
		if n >= 2 {
			p.suspect(LostCharacters, i, k)
			p.begin(i, '?', false)
			p.keep(i, k)
			p.prev, p.lastSpace = '?', false
			return k
		}
	}
	before := p.prev
	// A run of the mark (!!!) takes its context from what follows the
	// whole run, so that the run converts alike in one pass, however long
	// it is (the passes that make a line stable are capped).
	if p.markRun < j || p.src[p.markRun-1] != byte(r) {
		p.markRun = j
		for p.markRun < len(p.src) && p.src[p.markRun] == byte(r) {
			p.markRun++
		}
	}
	after, spaced := p.peek(p.markRun)
	conv := isCJK(before) || isCJK(after) && !isASCIIAlnum(before)
	if conv && r == '?' && !(after == eol || spaced || isCJK(after) || isCloser(after)) {
		// 左右?,F: a ? glued to what follows is more likely a lost
		// character than a question mark.
		conv = false
		p.suspect(LostCharacters, i, j)
	}
	if !conv || !p.on.has(Punct) {
		return p.emit(i, j, r, noRule)
	}
	fw := r + 0xFEE0
	p.begin(i, fw, true)
	if fw != '！' && fw != '？' && !p.lastSpace && p.prev == fw {
		p.joinPrev(i)
		p.change(i, j, Punct) // doubled: ,， → ，
	} else {
		p.put(i, j, fw, Punct)
	}
	p.dropGap = true
	return j
}

// dedup collapses a doubled ，、；：.
func (p *lineProc) dedup(r rune, i, j int) int {
	p.begin(i, r, false)
	if !p.lastSpace && p.prev == r {
		p.joinPrev(i)
		p.change(i, j, Punct)
		return j
	}
	p.put(i, j, r, noRule)
	return j
}

// openParen removes a glued pinyin reading, or converts an ASCII ( whose
// pair holds Chinese or that directly follows Chinese.
func (p *lineProc) openParen(r rune, i, j int) int {
	if p.on.has(Pinyin) || p.reporting {
		if k := p.pinyin(i, j); k > 0 {
			return k
		}
	}
	if r == '(' && p.on.has(Punct) {
		end, cjk := p.matchParen(j)
		if end >= 0 {
			conv := cjk || p.adjacent() && isCJK(p.prev)
			repl := rune(0)
			if conv {
				repl = '）'
			}
			if p.parens.push(closer{end, repl}) && conv {
				return p.emit(i, j, '（', Punct)
			}
		}
	}
	return p.emit(i, j, r, noRule)
}

func (p *lineProc) closeParen(r rune, i, j int) int {
	if repl, ok := p.parens.pop(i); ok && repl != 0 {
		return p.emit(i, j, repl, Punct)
	}
	return p.emit(i, j, r, noRule)
}

// matchParen finds the ) closing the ( before src[j], on this line and
// within pairScanLimit bytes, and reports whether the pair holds Chinese.
func (p *lineProc) matchParen(j int) (int, bool) {
	return p.matchPair('(', ')', j)
}

// straightQuote converts an ASCII "…" pair whose content holds Chinese to
// “…”. Pairs are taken in order along the line.
func (p *lineProc) straightQuote(i, j int) int {
	if p.quoteEnd == i {
		p.quoteEnd = -1
		if p.quoteFW {
			return p.emit(i, j, '”', Punct)
		}
	} else if p.quoteEnd < 0 {
		cjk := false
		for k := j; k < len(p.src) && k-j < pairScanLimit && p.scanBudget > 0; {
			r, n := p.decode(k)
			p.scanBudget -= n - k
			if r == '\n' {
				break
			}
			if r == '"' {
				p.quoteEnd, p.quoteFW = k, cjk
				break
			}
			if r > 0x7F && isCJK(fold(r)) {
				cjk = true
			}
			k = n
		}
		if p.quoteEnd >= 0 && p.quoteFW {
			return p.emit(i, j, '“', Punct)
		}
	}
	return p.emit(i, j, '"', noRule)
}

// dots turns three or more ASCII dots directly after Chinese context into
// …….
func (p *lineProc) dots(i int) int {
	n, k := p.runOf('.', i)
	if n >= 3 && p.adjacent() && isCJK(p.prev) {
		p.begin(i, '…', false)
		p.putString(i, k, "……", '…', Ellipsis)
		return k
	}
	p.begin(i, '.', false)
	p.keep(i, k)
	p.prev, p.lastSpace = '.', false
	return k
}

// ellipsis turns 。。。 (or more), and a single … between Chinese context,
// into …….
func (p *lineProc) ellipsis(r rune, i, j int) int {
	n, k := p.runOf(r, i)
	if j != i+len(string(r)) { // a character reference: one at a time
		n, k = 1, j
	}
	conv := r == '。' && n >= 3 ||
		r == '…' && n == 1 && p.adjacent() && isCJK(p.prev) && isCJK(p.next(k))
	p.begin(i, r, false)
	if conv {
		p.putString(i, k, "……", '…', Ellipsis)
		return k
	}
	if j != k || encodes(p.src[i:j], r) {
		p.keep(i, k)
		p.prev, p.lastSpace = r, false
		return k
	}
	p.put(i, j, r, noRule)
	return j
}

// dashes turns --, a single —, and – or ― (single or doubled) between
// Chinese-context characters into ——.
func (p *lineProc) dashes(r rune, i int) int {
	n, k := p.runOf(r, i)
	if n == 0 { // a character reference
		_, j := p.decode(i)
		return p.emit(i, j, r, noRule)
	}
	ok := false
	switch r {
	case '-':
		ok = n == 2
	case '—':
		ok = n == 1
	default:
		ok = n <= 2
	}
	p.begin(i, r, false)
	if ok && p.adjacent() && isCJK(p.prev) && isCJK(p.next(k)) {
		p.putString(i, k, "——", '—', Dash)
		return k
	}
	p.keep(i, k)
	p.prev, p.lastSpace = r, false
	return k
}

// nameDot turns • ‧ ・ ･ between Chinese-context characters into ·, unless
// both sides are kana, where ・ is the Japanese separator.
func (p *lineProc) nameDot(r rune, i, j int) int {
	next := p.next(j)
	if !p.adjacent() || !isCJK(p.prev) || !isCJK(next) || isKana(p.prev) && isKana(next) {
		return 0
	}
	return p.emit(i, j, '·', NameDot)
}

// zero decides the Zero rule for r at src[i:j]: ○ Ｏ O ０ become 〇 in a
// run of at least two of these and Chinese numerals that holds a numeral or
// ○; O, Ｏ and ０ only when the run does not touch an ASCII letter or digit.
func (p *lineProc) zero(r rune, i, j int) (int, bool) {
	if i >= p.zeroEnd {
		left, num, leftAlnum := 0, false, false
		if p.gap.start < 0 && !p.lastSpace {
			tail := p.outTail()
			for len(tail) > 0 {
				c, size := utf8.DecodeLastRune(tail)
				if !isNumeral(c) {
					leftAlnum = isASCIIAlnum(c)
					break
				}
				num = true
				left++
				tail = tail[:len(tail)-size]
			}
		}
		n, circle, k := 0, false, i
		for k < len(p.src) {
			c, next := p.decode(k)
			if !isNumeral(c) && !isZeroLike(c) {
				break
			}
			num = num || isNumeral(c)
			circle = circle || c == '○'
			n++
			k = next
		}
		p.zeroEnd = k
		p.zeroConv = left+n >= 2 && (num || circle)
		p.zeroGuard = leftAlnum || isASCIIAlnum(p.next(k))
	}
	if !p.zeroConv || r != '○' && p.zeroGuard {
		return 0, false
	}
	p.begin(i, '〇', false)
	p.put(i, j, '〇', Zero)
	return j, true
}

// fullWidth folds full-width ASCII variants: letters and digits always,
// ％＋－／＝＜＞＃＆＊＠． next to an ASCII letter or digit.
func (p *lineProc) fullWidth(r rune, i, j int) (int, bool) {
	if !p.on.has(Width) {
		return 0, false
	}
	a := r - 0xFEE0
	if (a == '0' || a == 'O') && p.on.has(Zero) {
		if k, ok := p.zero(r, i, j); ok {
			return k, true
		}
	}
	if isASCIIAlnum(a) {
		p.begin(i, a, false)
		p.put(i, j, a, Width)
		return j, true
	}
	switch a {
	case '%', '+', '-', '/', '=', '<', '>', '#', '&', '*', '@', '.':
	default:
		return 0, false
	}
	if !(p.adjacent() && isASCIIAlnum(p.prev) || isASCIIAlnum(p.next(j))) || !p.safeSymbol(a, j) {
		return 0, false
	}
	p.begin(i, a, false)
	p.put(i, j, a, Width)
	return j, true
}

// safeSymbol reports whether writing the ASCII symbol a before src[j] is
// sure not to make markup the HTML rule would then act on: ＆ before a
// reference, ＜ before a tag, ＞ closing one.
func (p *lineProc) safeSymbol(a rune, j int) bool {
	switch a {
	case '&':
		k := j
		for k < len(p.src) {
			r, n := p.decode(k)
			r = fold(r)
			if r == ';' {
				return false
			}
			if !isASCIIAlnum(r) && r != '#' {
				break
			}
			k = n
		}
	case '<':
		r := p.next(j)
		return !isASCIILetter(r) && r != '/' && r != '!' && r != '?'
	case '>':
		tail := p.outTail()
		for k := len(tail) - 1; k >= 0; k-- {
			switch tail[k] {
			case '>':
				return true
			case '<', '/':
				return false
			}
		}
	}
	return true
}

// halfWidth widens half-width katakana and CJK punctuation, composing a
// kana with a following voiced mark.
func (p *lineProc) halfWidth(r rune, i, j int) int {
	w := widenHalf(r)
	if w == 0x3099 || w == 0x309A { // a voiced mark on its own: the spacing form
		w += 2
	}
	if j < len(p.src) {
		if m, k := p.decode(j); m == 0xFF9E || m == 0xFF9F {
			var buf [8]byte
			seq := utf8.AppendRune(utf8.AppendRune(buf[:0], w), widenHalf(m))
			if c, size := utf8.DecodeRune(norm.NFC.Bytes(seq)); size == len(norm.NFC.Bytes(seq)) {
				p.begin(i, c, false)
				if p.change(i, k, Width) {
					p.out = utf8.AppendRune(p.out, c)
				}
				p.prev, p.lastSpace = c, false
				return k
			}
		}
	}
	return p.emit(i, j, w, Width)
}

// nfc composes r, src[i:j], with the character before it and the
// combining marks after it, as NFC does.
func (p *lineProc) nfc(r rune, i, j int) int {
	var segBuf, resBuf [64]byte
	seg := utf8.AppendRune(segBuf[:0], r)
	k := j
	for k < len(p.src) && len(seg) < 48 {
		c, size := utf8.DecodeRune(p.src[k:])
		if c == utf8.RuneError && size == 1 || norm.NFC.Properties(p.src[k:k+size]).BoundaryBefore() {
			break
		}
		seg = append(seg, p.src[k:k+size]...)
		k += size
	}
	var prevBytes []byte
	var pb [4]byte
	if !norm.NFC.Properties(seg).BoundaryBefore() && p.gap.start < 0 && !p.lastSpace && p.prev > 0 {
		prevBytes = pb[:utf8.EncodeRune(pb[:], p.prev)]
		if !bytes.HasSuffix(p.outTail(), prevBytes) {
			prevBytes = nil // the context of an earlier piece: not ours to change
		}
	}
	in := append(append(resBuf[:0:0], prevBytes...), seg...)
	res := norm.NFC.Append(resBuf[:0], in...)
	if string(res) == string(in) && string(p.src[i:k]) == string(seg) {
		p.begin(i, r, false)
		p.keep(i, k)
		p.prev, _ = utf8.DecodeLastRune(seg)
		p.lastSpace = false
		return k
	}
	if len(prevBytes) > 0 {
		// Take the previous character back out of the output.
		if p.dry {
			p.stop = true
			return k
		}
		if p.lm != nil {
			p.mapTo(i)
			p.retract(len(prevBytes))
		}
		if p.dirty {
			p.out = p.out[:len(p.out)-len(prevBytes)]
		} else {
			p.out = append(p.out, p.src[:i-len(prevBytes)]...)
			p.lineOut = p.base + p.lineSrc
			p.dirty = true
		}
	} else {
		first, _ := utf8.DecodeRune(res)
		p.begin(i, first, false)
	}
	if p.change(i, k, Unicode) {
		p.out = append(p.out, res...)
	}
	p.prev, _ = utf8.DecodeLastRune(res)
	p.lastSpace = false
	return k
}

// curlyQuote writes paired quotation marks in the chosen style. A pair is
// converted when its closing mark is found on the line and its content
// holds Chinese; unpaired marks (an apostrophe ’) stay.
func (p *lineProc) curlyQuote(r rune, i, j int) int {
	var open, close, to rune
	toTW := p.quotes == QuotesTaiwan
	switch {
	case toTW && (r == '“' || r == '”'):
		open, close, to = '“', '”', '「'
	case toTW && (r == '‘' || r == '’'):
		open, close, to = '‘', '’', '『'
	case !toTW && (r == '「' || r == '」'):
		open, close, to = '「', '」', '“'
	case !toTW && (r == '『' || r == '』'):
		open, close, to = '『', '』', '‘'
	}
	if open != 0 {
		if r == close {
			if repl, ok := p.curly.pop(i); ok && repl != 0 {
				return p.emit(i, j, repl, Quotes)
			}
		} else if end, cjk := p.matchPair(open, close, j); end >= 0 {
			repl := rune(0)
			if cjk {
				repl = closeOf(to)
			}
			if p.curly.push(closer{end, repl}) && cjk {
				return p.emit(i, j, to, Quotes)
			}
		}
	}
	return p.emit(i, j, r, noRule)
}

func closeOf(open rune) rune {
	switch open {
	case '「':
		return '」'
	case '『':
		return '』'
	case '“':
		return '”'
	}
	return '’'
}

// matchPair finds the close mark matching open before src[j].
func (p *lineProc) matchPair(open, close rune, j int) (int, bool) {
	depth, cjk := 0, false
	for k := j; k < len(p.src) && k-j < pairScanLimit && p.scanBudget > 0; {
		r, n := p.decode(k)
		p.scanBudget -= n - k
		switch {
		case r == '\n':
			return -1, false
		case r == open:
			depth++
		case r == close:
			if depth == 0 {
				return k, cjk
			}
			depth--
		case r > 0x7F && isCJK(fold(r)):
			cjk = true
		}
		k = n
	}
	return -1, false
}
