package zhbleve

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// seedPage is the project's sample page: Traditional text with pinyin
// readings glued after characters and paragraphs indented with NO-BREAK
// SPACE.
const seedPage = "../../testdata/000_a73dac5818fe388b.txt"

func mustFold(t testing.TB, config string) *Fold {
	t.Helper()
	f, err := NewFold(config)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ config, in, want string }{
		{"t2s", "黑龍江", "黑龙江"},
		{"t2s", "黑龙江", "黑龙江"},
		{"", "發(fā)展", "发展"},
		{"t2s", "１９９８年", "1998年"},
		{"tw2sp", "記憶體", "内存"},
		{"tw2sp", "内存", "内存"},
		{"s2twp", "内存", "記憶體"},
		{"s2twp", "記憶體", "記憶體"},
		{"none", "黑龍江　２０２４", "黑龍江 2024"},
	} {
		got, m := mustFold(t, c.config).String(c.in)
		if got != c.want {
			t.Errorf("%s: fold(%q) = %q, want %q", c.config, c.in, got, c.want)
		}
		if in, out := m.Len(); in != len(c.in) || out != len(got) {
			t.Errorf("%s: fold(%q): map Len %d, %d; want %d, %d", c.config, c.in, in, out, len(c.in), len(got))
		}
	}
	if _, err := NewFold("t2x"); err == nil {
		t.Error("NewFold(t2x): no error")
	}
}

// checkOffsets reports the tokens of ts whose offsets are outside input,
// not on a character boundary of input (each invalid byte counting as
// one), or smaller than those of the token before.
func checkOffsets(t testing.TB, input []byte, ts analysis.TokenStream) {
	t.Helper()
	boundary := make([]bool, len(input)+1)
	for i := 0; i < len(input); {
		boundary[i] = true
		_, n := utf8.DecodeRune(input[i:])
		i += n
	}
	boundary[len(input)] = true
	prevStart, prevEnd := 0, 0
	for i, tok := range ts {
		s, e := tok.Start, tok.End
		switch {
		case s < 0 || s > e || e > len(input):
			t.Fatalf("token %d %q: offsets %d, %d outside [0, %d]", i, tok.Term, s, e, len(input))
		case !boundary[s] || !boundary[e]:
			t.Fatalf("token %d %q: offsets %d, %d not on character boundaries of %q", i, tok.Term, s, e, input)
		case s < prevStart || e < prevEnd:
			t.Fatalf("token %d %q: offsets %d, %d before the previous token's %d, %d", i, tok.Term, s, e, prevStart, prevEnd)
		}
		prevStart, prevEnd = s, e
	}
}

// checkTerms checks that each token's original text folds to its term
// (after filter, which does what the analyzer's filters do to a term),
// and that no token's original text starts or ends with space, nor,
// unless it is a bigram, holds a bracket (of a removed pinyin reading: a
// bigram of the characters on either side holds it).
//
// Some of zhnorm's rules look at the characters around (○ becomes 〇
// beside a Chinese numeral, ． becomes . beside a digit), so a token's
// original text folded on its own may differ from its term; then the
// original text with contextChars characters more on either side must
// fold to a text that holds the term. checkTerms returns how many tokens it checked, and
// how many of them needed that context.
// contextChars is the context checkTerms gives a token's original text:
// enough for a run such as 二０００年, where ０ becomes 〇 because 二 is
// a Chinese numeral.
const contextChars = 4

func checkTerms(t *testing.T, f *Fold, input string, ts analysis.TokenStream, filter func(string) string) (n, inContext int) {
	t.Helper()
	fold := func(s string) string {
		out, _ := f.String(s)
		return filter(strings.TrimSuffix(out, "\n"))
	}
	for i, tok := range ts {
		orig := input[tok.Start:tok.End]
		if got := fold(orig); got != string(tok.Term) {
			s, e := tok.Start, tok.End
			for range contextChars {
				_, before := utf8.DecodeLastRuneInString(input[:s])
				_, after := utf8.DecodeRuneInString(input[e:])
				s, e = s-before, e+after
			}
			wider := input[s:e]
			if !strings.Contains(fold(wider), string(tok.Term)) {
				t.Errorf("token %d %q: original %q at %d, %d folds to %q, and %q to %q",
					i, tok.Term, orig, tok.Start, tok.End, got, wider, fold(wider))
			}
			inContext++
		}
		r, _ := utf8.DecodeRuneInString(orig)
		l, _ := utf8.DecodeLastRuneInString(orig)
		// A reading the fold removed belongs to the character before it
		// (zhnorm maps the two as one piece), so it may end the original
		// text of a token, as 數(shù) does; nothing else may.
		body := orig
		if k := strings.IndexAny(orig, "(（"); k > 0 && (l == ')' || l == '）') {
			body = orig[:k]
		}
		if unicode.IsSpace(r) || unicode.IsSpace(l) || tok.Type != analysis.Double && strings.ContainsAny(body, "()（）") {
			t.Errorf("token %d %q: original %q at %d, %d holds space or a reading inside", i, tok.Term, orig, tok.Start, tok.End)
		}
	}
	return len(ts), inContext
}

func unfiltered(s string) string { return s }

// widthLower does to a text what the cjk_width and to_lower filters do to
// a term.
func widthLower(s string) string {
	ts := analysis.TokenStream{{Term: []byte(s)}}
	ts = cjk.NewCJKWidthFilter().Filter(ts)
	ts = lowercase.NewLowerCaseFilter().Filter(ts)
	return string(ts[0].Term)
}

func readSeed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(seedPage)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTokenizerSeedPage checks the tokenizer's offsets on the seed page:
// each token's original text is the Traditional text the term came from,
// with the reading the fold removed after it, without the indentation.
func TestTokenizerSeedPage(t *testing.T) {
	page := readSeed(t)
	f := mustFold(t, "t2s")
	tok := &Tokenizer{Fold: f, Tokenizer: bleveunicode.NewUnicodeTokenizer()}
	ts := tok.Tokenize(page)
	checkOffsets(t, page, ts)
	n, inContext := checkTerms(t, f, string(page), ts, unfiltered)
	if n < 1000 || inContext > n/100 {
		t.Errorf("%d tokens on the seed page, %d of them folding only in context; want more than 1000, at most 1%%", n, inContext)
	}
	// Spot checks: characters with their readings removed, which map
	// with their readings, and ones the fold converted.
	want := map[string]string{"数": "數(shù)", "发": "發(fā)", "黑": "黑", "龙": "龍", "2022": "2022"}
	for _, tk := range ts {
		if w, ok := want[string(tk.Term)]; ok {
			if got := string(page[tk.Start:tk.End]); got != w {
				t.Errorf("token %q: original %q, want %q", tk.Term, got, w)
			}
			delete(want, string(tk.Term))
		}
	}
	if len(want) > 0 {
		t.Errorf("no tokens %v on the seed page", want)
	}
}

// TestAnalyzerSeedPage checks the analyzer's tokens, bigrams included, on
// the seed page, and that it makes the bigrams that the fold's removals
// would have broken: 數(shù)字 gives 数字.
func TestAnalyzerSeedPage(t *testing.T) {
	page := readSeed(t)
	f := mustFold(t, "t2s")
	ts := NewAnalyzer(f).Analyze(page)
	checkOffsets(t, page, ts)
	if _, inContext := checkTerms(t, f, string(page), ts, widthLower); inContext > 0 {
		t.Errorf("%d tokens fold only in context", inContext)
	}
	found := false
	for _, tk := range ts {
		if string(tk.Term) == "数字" {
			found = true
			if got := string(page[tk.Start:tk.End]); got != "數(shù)字" {
				t.Errorf("bigram 数字: original %q, want 數(shù)字", got)
			}
		}
	}
	if !found {
		t.Error("no bigram 数字 on the seed page")
	}
}

// TestTokenizerThenBigram shows why the analyzer filters before it maps:
// with the tokenizer alone under Bleve's cjk_bigram filter, characters
// whose offsets no longer touch (a phrase rewritten as a whole, a reading
// removed between them) are not joined into bigrams.
func TestTokenizerThenBigram(t *testing.T) {
	f := mustFold(t, "tw2sp")
	in := []byte("記憶體")
	tok := &Tokenizer{Fold: f, Tokenizer: bleveunicode.NewUnicodeTokenizer()}
	split := cjk.NewCJKBigramFilter(false).Filter(tok.Tokenize(in))
	joined := NewAnalyzer(f).Analyze(in)
	if terms(split) == "内存" {
		t.Errorf("tokenizer then cjk_bigram: %v; expected the bigram to be lost", terms(split))
	}
	if got := terms(joined); got != "内存" {
		t.Errorf("analyzer: terms %v, want [内存]", got)
	}
	if len(joined) == 1 && (joined[0].Start != 0 || joined[0].End != len(in)) {
		t.Errorf("analyzer: 内存 at %d, %d; want 0, %d", joined[0].Start, joined[0].End, len(in))
	}
}

func terms(ts analysis.TokenStream) string {
	var s []string
	for _, t := range ts {
		s = append(s, string(t.Term))
	}
	return strings.Join(s, " ")
}

func TestRegistry(t *testing.T) {
	cache := registry.NewCache()
	a, err := cache.DefineAnalyzer("zh_tw", map[string]interface{}{
		"type":   AnalyzerName,
		"config": "tw2sp",
		"rules":  "-pinyin",
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := terms(a.Analyze([]byte("記憶體 ＡＢＣ"))); got != "内存 abc" {
		t.Errorf("zh_tw: %q, want %q", got, "内存 abc")
	}
	tk, err := cache.DefineTokenizer("zh", map[string]interface{}{"type": TokenizerName})
	if err != nil {
		t.Fatal(err)
	}
	if got := terms(tk.Tokenize([]byte("發展"))); got != "发 展" {
		t.Errorf("zh tokenizer: %q, want %q", got, "发 展")
	}
	for _, bad := range []map[string]interface{}{
		{"type": AnalyzerName, "config": "t2x"},
		{"type": AnalyzerName, "config": 2},
		{"type": AnalyzerName, "rules": "nosuchrule"},
		{"type": AnalyzerName, "tokenizer": "nosuchtokenizer"},
		{"type": AnalyzerName, "tokenizer": TokenizerName},
		{"type": AnalyzerName, "token_filters": "to_lower"},
		{"type": AnalyzerName, "token_filters": []interface{}{"nosuchfilter"}},
	} {
		if _, err := registry.NewCache().DefineAnalyzer("bad", bad); err == nil {
			t.Errorf("DefineAnalyzer(%v): no error", bad)
		}
	}
}

// TestAnalyzerCorpora checks the analyzer's offsets and terms on the
// corpus samples of TestSearchCorpora, where full-width letters, digits and
// symbols change with their neighbours.
func TestAnalyzerCorpora(t *testing.T) {
	docs := corpusDocs(t)
	f := mustFold(t, DefaultConfig)
	a := NewAnalyzer(f)
	n, inContext := 0, 0
	for _, d := range docs {
		ts := a.Analyze([]byte(d.text))
		checkOffsets(t, []byte(d.text), ts)
		k, c := checkTerms(t, f, d.text, ts, widthLower)
		n, inContext = n+k, inContext+c
		if t.Failed() {
			t.Fatalf("in %s", d.id)
		}
	}
	t.Logf("%d documents, %d tokens, %d of them folding only in context", len(docs), n, inContext)
	if inContext > n/1000 {
		t.Errorf("%d of %d tokens fold only in context; want at most 0.1%%", inContext, n)
	}
}
