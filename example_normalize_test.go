package zhnorm_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm"
)

func ExampleNormalize() {
	fmt.Print(zhnorm.Normalize("　　黑龍江:推動數(shù)字化,二○○一年增長１７％左右...\r\n"))
	// Output:
	// 黑龍江：推動數字化，二〇〇一年增長17%左右……
}

func ExampleNewNormalizer() {
	n := zhnorm.NewNormalizer(zhnorm.Disable(zhnorm.Pinyin), zhnorm.Enable(zhnorm.Unwrap))
	fmt.Print(n.String("發(fā)展社會\n工作。\n"))
	// Output:
	// 發（fā）展社會工作。
}

func ExampleParseRules() {
	opts, err := zhnorm.ParseRules("-pinyin,+quotes=tw")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(zhnorm.NewNormalizer(opts...).String("他說:“發(fā)展”"))
	_, err = zhnorm.ParseRules("+unwarp")
	fmt.Println(err != nil)
	// Output:
	// 他說：「發（fā）展」
	// true
}

func ExampleNormalizer_StringReport() {
	out, rep := zhnorm.NewNormalizer().StringReport("第09版:社會工作???/a>\n左右?,F(xiàn)有\n")
	fmt.Print(out)
	fmt.Print(rep)
	// Output:
	// 第09版：社會工作???
	// 左右?,F(xiàn)有
	// punct      1
	// html       1
	// line 1: lost-characters "???"
	// line 2: lost-characters "?"
	// line 2: glued-reading "F(xiàn)"
}

// A Normalizer streams with transform.NewReader and chains with other
// transformers, such as a Converter.
func ExampleNormalizer_Transform() {
	t2s, err := zhnorm.NewConverter("t2s")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := transform.NewReader(strings.NewReader("黑龍江:推動數(shù)字化\n"), transform.Chain(zhnorm.NewNormalizer(), t2s))
	io.Copy(os.Stdout, r)
	// Output:
	// 黑龙江：推动数字化
}

// The Whitespace rule removes letter-spacing and keeps spaces that
// separate words; NoSpace removes them all, for a search index.
func ExampleNoSpace() {
	in := "中 国 人 民 银 行\n食安風暴延燒 業者喊冤\n"
	fmt.Print(zhnorm.Normalize(in))
	fmt.Print(zhnorm.NewNormalizer(zhnorm.Enable(zhnorm.NoSpace)).String(in))
	// Output:
	// 中国人民银行
	// 食安風暴延燒 業者喊冤
	// 中国人民银行
	// 食安風暴延燒業者喊冤
}

// The Forms rule turns the presentation forms of Big5 and vertical
// typesetting into the punctuation they stand for.
func ExampleForms() {
	fmt.Print(zhnorm.Normalize("霍金叫道︰﹁光憑這個﹐就夠了﹂\n"))
	// Output:
	// 霍金叫道：「光憑這個，就夠了」
}
