// Package zhbleve plugs zhnorm into the Bleve search library: an analyzer
// and a tokenizer whose terms are folded by zhnorm (normalized and
// converted to one script) while their offsets point into the original
// text, and a highlighter that marks whole hits in that text.
//
// Importing the package registers, in Bleve's registry:
//
//	tokenizer "zhnorm"       folds, then tokenizes with another tokenizer
//	analyzer "zhnorm_cjk"    folds, then analyzes as Bleve's "cjk" analyzer
//	highlighter "zhnorm_html"
//	fragment formatter "zhnorm_html"
//
// The tokenizer and the analyzer take these keys in an index mapping's
// custom definitions (IndexMappingImpl.AddCustomTokenizer and
// AddCustomAnalyzer):
//
//	"config"         the OpenCC config of the fold (NewFold); default "t2s"
//	"rules"          zhnorm's rule spec (zhnorm.ParseRules); default ""
//	"tokenizer"      the tokenizer of the folded text; default "unicode"
//	"token_filters"  (analyzer only) the token filters, by name; default
//	                 "cjk_width", "to_lower", "cjk_bigram"
//
// Bleve's character filters cannot move offsets, so the fold happens
// inside the tokenizer: the tokens are found in the folded text and their
// offsets mapped back to the original through the fold's map. Bleve's
// cjk_bigram filter joins two characters into a bigram only when their
// offsets touch, which they no longer do where the fold removed text (a
// pinyin reading, a space) or rewrote a phrase (記憶體 → 内存). The
// analyzer therefore runs its token filters on the folded text and maps
// offsets after them; a custom analyzer built on the "zhnorm" tokenizer
// and cjk_bigram loses those bigrams.
package zhbleve

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/zhnorm/zhnorm"
)

// The names under which the package registers its parts with Bleve.
const (
	TokenizerName = "zhnorm"
	AnalyzerName  = "zhnorm_cjk"
)

// An Analyzer folds its input with Fold, tokenizes the folded text with
// Tokenizer, applies TokenFilters and then maps each token's Start and End
// to the input through the fold's map. A token's Term is the folded text
// (as the filters left it); input[Start:End] is the text it came from,
// widened to whole characters, and to a whole phrase or run where the fold
// rewrote one as a unit (a token 内 from 記憶體 has the offsets of 記憶體).
// Offsets are within the input, on the boundaries of its characters (each
// invalid byte counting as one), and never decrease from one token to the
// next when the filters keep the tokenizer's order.
type Analyzer struct {
	Fold         *Fold
	Tokenizer    analysis.Tokenizer
	TokenFilters []analysis.TokenFilter
}

// Analyze implements analysis.Analyzer.
func (a *Analyzer) Analyze(input []byte) analysis.TokenStream {
	folded, m := a.Fold.String(string(input))
	ts := a.Tokenizer.Tokenize([]byte(folded))
	for _, f := range a.TokenFilters {
		ts = f.Filter(ts)
	}
	for _, t := range ts {
		t.Start, t.End = m.InputSpan(t.Start, t.End)
	}
	return ts
}

// A Tokenizer is an Analyzer without token filters: it folds its input,
// tokenizes the folded text and maps the tokens' offsets to the input.
type Tokenizer struct {
	Fold      *Fold
	Tokenizer analysis.Tokenizer
}

// Tokenize implements analysis.Tokenizer.
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	a := Analyzer{Fold: t.Fold, Tokenizer: t.Tokenizer}
	return a.Analyze(input)
}

// NewAnalyzer returns the analyzer registered as "zhnorm_cjk" with the
// fold f: Bleve's unicode tokenizer and the filters of its "cjk" analyzer
// (cjk_width, to_lower, cjk_bigram).
func NewAnalyzer(f *Fold) *Analyzer {
	return &Analyzer{
		Fold:      f,
		Tokenizer: unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{
			cjk.NewCJKWidthFilter(),
			lowercase.NewLowerCaseFilter(),
			cjk.NewCJKBigramFilter(false),
		},
	}
}

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, tokenizerConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, analyzerConstructor); err != nil {
		panic(err)
	}
}

func tokenizerConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.Tokenizer, error) {
	a, err := fromConfig(config, cache, false)
	if err != nil {
		return nil, err
	}
	return &Tokenizer{Fold: a.Fold, Tokenizer: a.Tokenizer}, nil
}

func analyzerConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	return fromConfig(config, cache, true)
}

var defaultFilters = []string{cjk.WidthName, lowercase.Name, cjk.BigramName}

// fromConfig builds an Analyzer from the keys of a mapping's definition;
// withFilters says whether "token_filters" applies.
func fromConfig(config map[string]interface{}, cache *registry.Cache, withFilters bool) (*Analyzer, error) {
	conf, err := stringKey(config, "config", DefaultConfig)
	if err != nil {
		return nil, err
	}
	spec, err := stringKey(config, "rules", "")
	if err != nil {
		return nil, err
	}
	opts, err := zhnorm.ParseRules(spec)
	if err != nil {
		return nil, fmt.Errorf("zhbleve: %v", err)
	}
	f, err := NewFold(conf, opts...)
	if err != nil {
		return nil, err
	}
	name, err := stringKey(config, "tokenizer", unicode.Name)
	if err != nil {
		return nil, err
	}
	if name == TokenizerName {
		return nil, fmt.Errorf("zhbleve: the %q tokenizer cannot fold with itself", TokenizerName)
	}
	tok, err := cache.TokenizerNamed(name)
	if err != nil {
		return nil, fmt.Errorf("zhbleve: tokenizer %q: %v", name, err)
	}
	a := &Analyzer{Fold: f, Tokenizer: tok}
	if !withFilters {
		return a, nil
	}
	names := defaultFilters
	if v, ok := config["token_filters"]; ok {
		list, ok := v.([]interface{})
		if !ok {
			if l, isStrings := v.([]string); isStrings {
				for _, s := range l {
					list = append(list, s)
				}
			} else {
				return nil, fmt.Errorf("zhbleve: token_filters: want a list of names, have %T", v)
			}
		}
		names = nil
		for _, x := range list {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("zhbleve: token_filters: want a list of names, have %v", x)
			}
			names = append(names, s)
		}
	}
	for _, n := range names {
		tf, err := cache.TokenFilterNamed(n)
		if err != nil {
			return nil, fmt.Errorf("zhbleve: token filter %q: %v", n, err)
		}
		a.TokenFilters = append(a.TokenFilters, tf)
	}
	return a, nil
}

// stringKey returns config[key], def when it is absent.
func stringKey(config map[string]interface{}, key, def string) (string, error) {
	v, ok := config[key]
	if !ok {
		return def, nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("zhbleve: %q: want a string, have %T", key, v)
	}
	return s, nil
}
