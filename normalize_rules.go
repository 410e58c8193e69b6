package zhnorm

import (
	"fmt"
	"strings"
)

// A Rule is one normalization rule, switched on and off with Enable and
// Disable and named in rule specs by its String.
type Rule uint8

// The rules, in the order of the issue that defined them. All but Unwrap,
// Quotes, Spacing and NoSpace are on by default.
const (
	// Encoding ("encoding"): a BOM is removed wherever it stands; invalid
	// UTF-8 becomes U+FFFD (one per invalid byte) and is reported; CRLF and
	// lone CR become LF; control characters other than TAB and LF are
	// removed.
	Encoding Rule = iota
	// Unicode ("unicode"): NFC; Kangxi radicals and CJK radical supplements
	// with a compatibility mapping become the unified ideograph (⽇ → 日).
	Unicode
	// Width ("width"): full-width digits and Latin letters become ASCII;
	// half-width katakana and CJK punctuation become full-width; the
	// full-width symbols ％＋－／＝＜＞＃＆＊＠ and ． become ASCII when an
	// ASCII letter or digit stands directly on either side.
	Width
	// Punct ("punct"): ASCII , ; : ! ? ( ) " in Chinese context become
	// full-width; a doubled ，、；： collapses to one.
	Punct
	// Ellipsis ("ellipsis"): ... after Chinese context, a single … between
	// Chinese context, and 。。。 become …….
	Ellipsis
	// Dash ("dash"): --, a single —, and – or ― (single or doubled) between
	// Chinese-context characters become ——.
	Dash
	// NameDot ("namedot"): • ‧ ・ ･ between Chinese-context characters
	// become · (U+00B7), the separator inside transcribed names.
	NameDot
	// Zero ("zero"): ○, Ｏ, O or ０ in a run with a Chinese numeral becomes
	// 〇 (二○○一年 → 二〇〇一年).
	Zero
	// Whitespace ("whitespace"): lines are trimmed; runs of whitespace
	// become one space; zero-width characters and soft hyphens are removed;
	// blank lines are collapsed and the text ends with one newline. Between
	// two Chinese-context characters whitespace goes when either is
	// punctuation, or when it letter-spaces: both characters are Chinese
	// letters (ideographs, kana, bopomofo) that stand alone, the one before
	// not preceded and the one after not followed directly by another (中 国
	// 人 民 → 中国人民). Whitespace between words of two or more characters
	// separates them and stays, as one U+3000 where it was all U+3000 and
	// one space otherwise (食安風暴延燒 業者喊冤, 苹果　　香蕉 → 苹果　香蕉).
	Whitespace
	// HTML ("html"): character references are decoded; tags of common
	// elements, and closing tags whose < was lost, are removed.
	HTML
	// Pinyin ("pinyin"): a tone-marked reading glued in parentheses after
	// the character it reads is removed (數(shù)字 → 數字).
	Pinyin
	// Mojibake ("mojibake"): UTF-8 that was read as Latin-1 or
	// Windows-1252 is reversed (é»‘é¾™æ±Ÿ → 黑龙江).
	Mojibake
	// Unwrap ("unwrap", off by default): a line ending in a Chinese-context
	// character that does not end a sentence is joined with the next line
	// when that starts with one.
	Unwrap
	// Quotes ("quotes", off by default): paired “”‘’ and 「」『』 are
	// written in the style chosen with WithQuotes.
	Quotes
	// Spacing ("spacing", off by default): one space between Chinese and
	// ASCII letters or digits.
	Spacing
	// NoSpace ("nospace", off by default): no whitespace at all between two
	// Chinese-context characters, separators included, as a search index
	// wants (食安風暴延燒 業者喊冤 → 食安風暴延燒業者喊冤). It acts with the
	// Whitespace rule.
	NoSpace
	// Forms ("forms"): the small form variants (U+FE50–FE6B) and vertical
	// forms (U+FE10–FE19, U+FE30–FE4F) of legacy encodings and vertical
	// typesetting become the punctuation they stand for (﹐ → ，, ︰ → ：,
	// ﹁﹂ → 「」, ︵︶ → （）); a , ; : ! ? form outside Chinese context,
	// and a form of . - + % and the like beside an ASCII letter or digit,
	// become ASCII, as the Punct and Width rules decide for their marks. A
	// 〝〞 (or 〝〟) pair holding Chinese becomes the quotes the line uses
	// (「」 or “”, 『』 or ‘’ inside an open pair), and a ｀＇ pair holding
	// Chinese becomes ‘’.
	Forms

	numRules = iota
)

var ruleNames = [numRules]string{
	Encoding:   "encoding",
	Unicode:    "unicode",
	Width:      "width",
	Punct:      "punct",
	Ellipsis:   "ellipsis",
	Dash:       "dash",
	NameDot:    "namedot",
	Zero:       "zero",
	Whitespace: "whitespace",
	HTML:       "html",
	Pinyin:     "pinyin",
	Mojibake:   "mojibake",
	Unwrap:     "unwrap",
	Quotes:     "quotes",
	Spacing:    "spacing",
	NoSpace:    "nospace",
	Forms:      "forms",
}

// String returns the rule's short name, as used by ParseRules.
func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", r)
}

// Rules returns all rules in order.
func Rules() []Rule {
	rs := make([]Rule, numRules)
	for i := range rs {
		rs[i] = Rule(i)
	}
	return rs
}

type ruleSet uint32

const defaultRules ruleSet = 1<<Encoding | 1<<Unicode | 1<<Width | 1<<Punct |
	1<<Ellipsis | 1<<Dash | 1<<NameDot | 1<<Zero | 1<<Whitespace | 1<<HTML |
	1<<Pinyin | 1<<Mojibake | 1<<Forms

func (s ruleSet) has(r Rule) bool { return s&(1<<r) != 0 }

// ParseRules parses a rule spec into options for NewNormalizer, starting
// from the default rules. A spec is a comma-separated list of rule names,
// each optionally prefixed with + (switch on) or - (switch off); a bare name
// switches on. "all" and "none" stand for every rule. The quotes rule takes
// a style: "quotes" or "quotes=cn" for “”, "quotes=tw" (or "hk") for 「」.
//
//	-pinyin,+unwrap        default rules without pinyin, with unwrap
//	-all,+width,+punct     only width and punct
//	+quotes=tw             default rules, quotes written 「」『』
//
// Spaces around items are ignored and an empty spec means the defaults. An
// unknown rule or style is an error that names it.
func ParseRules(spec string) ([]Option, error) {
	var opts []Option
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		on := true
		switch item[0] {
		case '+':
			item = item[1:]
		case '-':
			on = false
			item = item[1:]
		}
		name, value, hasValue := strings.Cut(strings.TrimSpace(item), "=")
		name = strings.ToLower(strings.TrimSpace(name))
		var rules []Rule
		switch name {
		case "all", "none":
			if name == "none" {
				on = !on
			}
			rules = Rules()
		default:
			r, ok := ruleByName(name)
			if !ok {
				return nil, fmt.Errorf("zhnorm: unknown rule %q in %q (rules: %s)", name, spec, strings.Join(ruleNames[:], ", "))
			}
			rules = []Rule{r}
		}
		if hasValue {
			if len(rules) != 1 || rules[0] != Quotes || !on {
				return nil, fmt.Errorf("zhnorm: rule %q takes no value in %q", name, spec)
			}
			var style QuoteStyle
			switch strings.ToLower(strings.TrimSpace(value)) {
			case "cn", "mainland":
				style = QuotesMainland
			case "tw", "hk", "taiwan":
				style = QuotesTaiwan
			default:
				return nil, fmt.Errorf("zhnorm: unknown quote style %q in %q (cn, tw, hk)", value, spec)
			}
			opts = append(opts, WithQuotes(style))
			continue
		}
		if on {
			opts = append(opts, Enable(rules...))
		} else {
			opts = append(opts, Disable(rules...))
		}
	}
	return opts, nil
}

func ruleByName(name string) (Rule, bool) {
	for i, n := range ruleNames {
		if n == name {
			return Rule(i), true
		}
	}
	return 0, false
}
