package zhnorm

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Character classes the rules decide on. They are functions of one rune;
// the tables in the test check the fast paths against them.

// eol stands for the end of a line where a rule asks for the next character.
const eol rune = -2

// badByte stands for a byte that does not start valid UTF-8.
const badByte rune = -1

// isCJK reports whether r is Chinese context: a CJK ideograph, kana,
// bopomofo, or CJK or full-width punctuation. General punctuation used in
// Chinese and Latin text alike (“ ” — … ·) is not.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r <= 0x2FDF: // CJK radicals and Kangxi radicals
		return true
	case r <= 0x3000: // U+3000 is whitespace
		return false
	case r <= 0x303F, // CJK symbols and punctuation
		0x3040 <= r && r <= 0x30FF, // kana
		0x3100 <= r && r <= 0x312F, // bopomofo
		0x3190 <= r && r <= 0x31FF, // kanbun, bopomofo extended, strokes, kana ext
		0x3400 <= r && r <= 0x4DBF, // extension A
		0x4E00 <= r && r <= 0x9FFF,
		0xF900 <= r && r <= 0xFAFF, // compatibility ideographs
		0xFE10 <= r && r <= 0xFE1F, // vertical forms
		0xFE30 <= r && r <= 0xFE6F, // compatibility and small forms
		0xFF01 <= r && r <= 0xFF0F, 0xFF1A <= r && r <= 0xFF20,
		0xFF3B <= r && r <= 0xFF40, 0xFF5B <= r && r <= 0xFF9F, // full-width punctuation, half-width CJK
		0x1B000 <= r && r <= 0x1B16F, // kana supplement and extensions
		0x20000 <= r && r <= 0x3FFFF: // extensions B and beyond
		return true
	}
	return false
}

// isCJKLetter reports whether r is a Chinese-context character that is not
// punctuation: an ideograph, kana or bopomofo. The Spacing rule puts spaces
// between these and ASCII letters or digits, and Unwrap joins after them.
func isCJKLetter(r rune) bool {
	return isCJK(r) && !isCJKPunct(r)
}

func isCJKPunct(r rune) bool {
	switch {
	case 0x3001 <= r && r <= 0x303F:
		return r != 0x3005 && r != 0x3006 && r != 0x3007 && !(0x3021 <= r && r <= 0x3029) && !(0x3038 <= r && r <= 0x303B)
	case r == 0x30FB: // katakana middle dot
		return true
	case 0xFE10 <= r && r <= 0xFE1F, 0xFE30 <= r && r <= 0xFE6F:
		return true
	case 0xFF01 <= r && r <= 0xFF0F, 0xFF1A <= r && r <= 0xFF20,
		0xFF3B <= r && r <= 0xFF40, 0xFF5B <= r && r <= 0xFF65:
		return true
	}
	return false
}

// isHan reports whether r is an ideograph that can carry a pinyin reading.
func isHan(r rune) bool {
	return r >= 0x3400 && unicode.Is(unicode.Han, r)
}

func isKana(r rune) bool {
	return 0x3041 <= r && r <= 0x30FF && r != 0x30FB || 0x31F0 <= r && r <= 0x31FF
}

func isASCIIAlnum(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

func isASCIILetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// isSpace reports whether r is whitespace the Whitespace rule collapses.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', 0xA0, 0x3000, 0x202F, 0x205F:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// isZeroWidth reports whether the Whitespace rule removes r.
func isZeroWidth(r rune) bool {
	return r == 0x200B || r == 0x200C || r == 0x2060 || r == 0xAD
}

// isControl reports whether the Encoding rule removes r: C0 and C1 controls
// other than TAB and LF, DEL, and the BOM wherever it stands.
func isControl(r rune) bool {
	return r >= 0 && r < 0x20 && r != '\t' && r != '\n' || 0x7F <= r && r <= 0x9F || r == 0xFEFF
}

// isNumeral reports whether r is a Chinese numeral for the Zero rule.
func isNumeral(r rune) bool {
	switch r {
	case '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '零':
		return true
	}
	return false
}

// isZeroLike reports whether the Zero rule may turn r into 〇.
func isZeroLike(r rune) bool {
	return r == '○' || r == 'O' || r == 'Ｏ' || r == '０'
}

// isSentenceEnd reports whether r ends a sentence or closes a quotation or
// bracket, after which Unwrap cannot tell a hard wrap from a paragraph end.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '．', '｡', '…', '」', '』', '）', '】', '》', '〉', '〕', '〗', '〙', '〛', '﹂', '﹄', '＂', '＇', '］', '｝', '｣':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket; a question mark
// before one is a real question mark.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '”', '’', '」', '』', '）', '】', '》', '〉', '〕', '］', '｝':
		return true
	}
	return false
}

// isEmoji approximates Extended_Pictographic plus the modifiers and
// selectors that stand inside an emoji sequence, for ZERO WIDTH JOINER.
func isEmoji(r rune) bool {
	return 0x1F000 <= r && r <= 0x1FAFF || 0x2600 <= r && r <= 0x27BF ||
		0x2300 <= r && r <= 0x23FF || 0x2B00 <= r && r <= 0x2BFF ||
		r == 0xFE0F || 0xE0020 <= r && r <= 0xE007F || r == 0x20E3 || r == 0x00A9 || r == 0x00AE
}

// radical returns the unified ideograph a Kangxi radical or CJK radical
// supplement maps to, or 0 when it has no compatibility mapping.
func radical(r rune) rune {
	if r < 0x2E80 || r > 0x2FDF {
		return 0
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFKD.Properties(buf[:n]).Decomposition()
	if d == nil {
		return 0
	}
	u, size := utf8.DecodeRune(d)
	if size != len(d) {
		return 0
	}
	return u
}

// fold returns r as the width and unicode rules leave it where no context
// decides: full-width letters and digits as ASCII, half-width forms as
// full-width, radicals as ideographs. Rules use it to classify the
// character after the one they decide on.
func fold(r rune) rune {
	switch {
	case 0xFF10 <= r && r <= 0xFF19, 0xFF21 <= r && r <= 0xFF3A, 0xFF41 <= r && r <= 0xFF5A:
		return r - 0xFEE0
	case 0xFF61 <= r && r <= 0xFF9F:
		return widenHalf(r)
	case 0x2E80 <= r && r <= 0x2FDF:
		if u := radical(r); u != 0 {
			return u
		}
	}
	return r
}

// widenHalf maps a half-width CJK punctuation mark or katakana to its
// full-width form. The voiced marks map to the combining marks, which NFC
// then composes with the kana before them.
func widenHalf(r rune) rune {
	if r < 0xFF61 || r > 0xFF9F {
		return r
	}
	return halfwidthKana[r-0xFF61]
}

var halfwidthKana = [...]rune{
	'。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ',
	'ー', 'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ',
	'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ',
	'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', 0x3099, 0x309A,
}

// needsNFC reports whether NFC could change the character b, or combine it
// with the one before. A starter with a canonical decomposition is
// normalized unless it is a singleton (U+F900 → U+8C48) or a composition
// exclusion; the exclusions are confined to a few scripts, where the
// general check runs. TestNeedsNFC checks this against norm.NFC for every
// character.
func needsNFC(b []byte) bool {
	p := norm.NFC.Properties(b)
	if !p.BoundaryBefore() {
		return true
	}
	d := p.Decomposition()
	if d == nil {
		return false
	}
	if _, size := utf8.DecodeRune(d); size == len(d) {
		return true // a singleton
	}
	r, _ := utf8.DecodeRune(b)
	if 0x900 <= r && r <= 0xFFF || 0x1F70 <= r && r <= 0x1FFF || 0x2126 <= r && r <= 0x212B ||
		0xFB1D <= r && r <= 0xFB4F || r == 0x2ADC || 0x1D15E <= r && r <= 0x1D1C0 {
		return !norm.NFC.IsNormal(bytes.Clone(b))
	}
	return false
}

// asciiPlain marks the ASCII bytes no rule acts on by themselves. The
// others start the rules: controls and spaces, the punctuation of the Punct,
// Ellipsis and Dash rules, & < / of the HTML rule and O of the Zero rule.
var asciiPlain = func() (t [128]bool) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = true
	}
	for _, c := range " !\"&(),-./:;<?O" {
		t[c] = false
	}
	return t
}()

// plain3 reports whether no rule acts on r (U+0800–U+FFFF, from a 3-byte
// sequence) by itself, so the fast path may copy it. It must be false for
// every character that starts a rule; TestPlainTable checks it against the
// rules' own classes.
func plain3(r rune, quotes bool) bool {
	switch r >> 12 {
	case 0x4, 0x5, 0x6, 0x7, 0x8, 0x9: // ideographs
		return true
	case 0x3:
		if r >= 0x3100 {
			return true
		}
		switch {
		case r <= 0x3002, 0x301D <= r && r <= 0x301F, 0x302A <= r && r <= 0x302F, r == 0x3099, r == 0x309A, r == 0x30FB:
			return false
		case r == '「' || r == '」' || r == '『' || r == '』':
			return !quotes
		}
		return true
	case 0x2:
		switch {
		case r <= 0x200F, 0x2013 <= r && r <= 0x2015, r == 0x2022, r == 0x2026, r == 0x2027,
			r == 0x202F, 0x205F <= r && r <= 0x206F, 0x20D0 <= r && r <= 0x20FF,
			r == 0x2126, r == 0x212A, r == 0x212B, r == 0x2329, r == 0x232A, r == 0x2ADC,
			0x2C00 <= r && r <= 0x2FDF, r == 0x25CB:
			return false
		case 0x2018 <= r && r <= 0x201D:
			return !quotes
		}
		return true
	case 0xA, 0xB, 0xC, 0xD:
		return 0xAC00 <= r && r <= 0xD7A3 // Hangul syllables
	case 0xE:
		return true // private use
	case 0xF:
		switch {
		case r < 0xF900, 0xFE00 <= r && r <= 0xFE0F, 0xFE1A <= r && r <= 0xFE1F, 0xFE6C <= r && r <= 0xFE6F:
			return true
		case 0xFE10 <= r && r <= 0xFE19, 0xFE30 <= r && r <= 0xFE6B:
			return !isFormStart(r)
		case 0xFF01 <= r && r <= 0xFF5E:
			switch r {
			case '！', '＂', '＄', '）', '？', '［', '＼', '］', '＾', '＿', '｛', '｜', '｝', '～':
				return true
			}
			return false
		case r == 0xFF5F || r == 0xFF60, 0xFFA0 <= r && r <= 0xFFFC:
			return true
		}
	}
	return false
}
