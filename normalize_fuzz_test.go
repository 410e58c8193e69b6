package zhnorm

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// checkProperties checks what every output must satisfy: valid UTF-8,
// stable under a second normalization, the same when streamed in chunks,
// and no Han character lost: the input's Han characters (as the Unicode
// rule folds them, without 〇 and ○) stand in the output in order. Decoded
// references and reversed mojibake may add some.
func checkProperties(t *testing.T, n *Normalizer, in string, chunkSeed int64) {
	t.Helper()
	out := n.String(in)
	if !utf8.ValidString(out) {
		t.Fatalf("%q: output %q is not valid UTF-8", in, out)
	}
	if again := n.String(out); again != out {
		t.Fatalf("not idempotent:\n in  %q\n out %q\n out2 %q", in, out, again)
	}
	a, b := hanOf(in, true), hanOf(out, false)
	if !isSubsequence(a, b) {
		t.Fatalf("Han characters lost:\n in  %q\n out %q", in, out)
	}
	if !mayAddHan(in) && !equalRunes(a, b) {
		t.Fatalf("Han characters added:\n in  %q\n out %q", in, out)
	}
	r := &normChunkReader{data: []byte(in), rng: rand.New(rand.NewSource(chunkSeed)), max: 8}
	if got := normReadAll(t, transform.NewReader(r, n.Clone())); got != out {
		t.Fatalf("streamed output differs:\n in  %q\n got %q\nwant %q", in, got, out)
	}
	if k, err := n.Clone().Span([]byte(out), true); k != len(out) || err != nil {
		t.Fatalf("Span of output %q = %d, %v", out, k, err)
	}
}

// mayAddHan reports whether in holds what can add Han characters: a
// character reference, or a Latin-1 lead character of mojibake (after NFC,
// which composes e + U+0301 into é).
func mayAddHan(in string) bool {
	if strings.Contains(in, "&") {
		return true
	}
	for _, r := range norm.NFC.String(in) {
		if 0xC2 <= r && r <= 0xF4 {
			return true
		}
	}
	return false
}

// fuzzAlphabet holds the pieces the rules act on, so that random strings
// of them meet the rules, and each other, often.
var fuzzAlphabet = []string{
	"中", "国", "數", "發", "二", "一", "十", "零", "〇", "○", "O", "Ｏ", "０", "0", "1", "a", "F", "ジ", "ン",
	",", ";", ":", "!", "?", "??", "(", ")", "（", "）", "\"", ".", "...", "…", "。", "-", "--", "—", "–", "―",
	"，", "、", "；", "：", "•", "・", "･", "ｱ", "ﾞ", "｡", "％", "．", "／", "＆", "＜", "＞", "ａ", "１",
	" ", "  ", "\t", "\u3000", "\u00a0", "\u200b", "\u200d", "\u00ad", "\ufeff", "\x01", "\r", "\n", "\r\n", "\n\n",
	"&amp;", "&nbsp;", "&#20013;", "&#x3002;", "&lt;", "&gt;", "&", "&#", "#", ";",
	"<b>", "</b>", "<br>", "</p>", "<a href=x>", "/a>", "/p>", "<", ">", "/",
	"(shù)", "(fā)", "(xiàn)", "（shù）", "(shu)", "shù", "ù", "é»‘", "é¾™", "æ±Ÿ", "Ã", "©",
	"⽇", "\uF900", "e\u0301", "\u0301", "“", "”", "‘", "’", "「", "」", "『", "』", "\xff", "\xe4\xb8",
	"👨", "\uFFFD", "x", "http://", "10:30",
	"﹐", "︰", "﹒", "﹣", "﹁", "﹂", "︙", "︱", "〝", "〞", "〟", "｀", "＇", "人民", "中 国", "\u3000\u3000",
}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(fuzzAlphabet[rng.Intn(len(fuzzAlphabet))])
	}
	return b.String()
}

var propertyConfigs = [][]Option{nil, {Enable(Unwrap, Spacing)}, {WithQuotes(QuotesTaiwan)}, {WithQuotes(QuotesMainland)}, {Disable(Whitespace)}, {Disable(HTML, Punct)}, {Enable(NoSpace, Unwrap)}}

// TestRandomProperties checks the properties on random texts from a fixed
// seed: a quick, deterministic complement to FuzzNormalize.
func TestRandomProperties(t *testing.T) {
	eachRandomText(t, 1, 2000, 500, checkProperties)
}

// eachRandomText calls check with a Normalizer of each of propertyConfigs
// and count random texts (short with -short) drawn from seed, with each
// text's number.
func eachRandomText(t *testing.T, seed int64, count, short int, check func(*testing.T, *Normalizer, string, int64)) {
	rng := rand.New(rand.NewSource(seed))
	if testing.Short() {
		count = short
	}
	for _, opts := range propertyConfigs {
		n := NewNormalizer(opts...)
		for i := range count {
			check(t, n, randomText(rng, 1+rng.Intn(30)), int64(i))
		}
	}
}

// addNormalizeSeeds adds the seed inputs of the Normalizer's fuzz targets:
// the streaming test inputs and 50 random texts from seed.
func addNormalizeSeeds(f *testing.F, seed int64) {
	for _, s := range normStreamInputs(f) {
		if len(s) < 2000 {
			f.Add(s, uint8(0))
		}
	}
	rng := rand.New(rand.NewSource(seed))
	for i := range 50 {
		f.Add(randomText(rng, 8), uint8(i))
	}
}

func FuzzNormalize(f *testing.F) {
	addNormalizeSeeds(f, 2)
	f.Add("數(shù)字 社會工作???/a> 左右?,F(xiàn)有 é»‘é¾™æ±Ÿ 二○○一年 １７％ ⽇本", uint8(1))
	f.Fuzz(func(t *testing.T, in string, config uint8) {
		n := NewNormalizer(propertyConfigs[int(config)%len(propertyConfigs)]...)
		checkProperties(t, n, in, int64(config))
	})
}

// FuzzParseRules checks that ParseRules never panics, that what it accepts
// builds a Normalizer, and that an error names the item it rejects.
func FuzzParseRules(f *testing.F) {
	for _, s := range []string{"", "-pinyin,+unwrap", "all", "-all,+width", "quotes=tw", "+quotes=cn", "bogus", "+,-", "=", "-quotes=tw"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		opts, err := ParseRules(spec)
		if err != nil {
			if opts != nil {
				t.Errorf("ParseRules(%q) returned options with an error", spec)
			}
			if !strings.Contains(err.Error(), "zhnorm:") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			return
		}
		n := NewNormalizer(opts...)
		_ = n.String("中:文")
	})
}
