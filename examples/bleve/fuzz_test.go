package zhbleve

import (
	"testing"

	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// FuzzTokenizer checks, on any input, valid UTF-8 or not, that the
// tokenizer's and the analyzer's offsets are within the input, on its
// character boundaries and in order.
func FuzzTokenizer(f *testing.F) {
	for _, s := range []string{
		"黑龍江:推動社會工作人才",
		"數(shù)字 發(fā)展\n\u00a0\u00a0 現(xiàn)代",
		"記憶體　２０２４年ｅ－ｍａｉｌ",
		"???/a> 左右?,F(xiàn)有",
		"\xff\xfe黑\xe9\xbe",
		"é»‘é¾™æ±Ÿ",
		"\r\n\r\n  a  b \t",
		"&amp;<p>發展</p>",
	} {
		f.Add(s)
	}
	folds := []*Fold{mustFold(f, "t2s"), mustFold(f, "tw2sp"), mustFold(f, "s2twp")}
	f.Fuzz(func(t *testing.T, s string) {
		in := []byte(s)
		for _, fold := range folds {
			tok := &Tokenizer{Fold: fold, Tokenizer: bleveunicode.NewUnicodeTokenizer()}
			checkOffsets(t, in, tok.Tokenize(in))
			checkOffsets(t, in, NewAnalyzer(fold).Analyze(in))
		}
	})
}
