package zhnorm_test

import (
	"bytes"
	"flag"
	"fmt"
	"strings"

	"github.com/zhnorm/zhnorm"
)

func ExampleSentences() {
	text := "　　新华社北京6月7日电　会谈持续了1.5小时。“我们一定要守住底线！”他说。\n下一段"
	for s := range zhnorm.Sentences(text) {
		fmt.Printf("%q\n", s.Trim().Text)
	}
	// Output:
	// "新华社北京6月7日电\u3000会谈持续了1.5小时。"
	// "“我们一定要守住底线！”"
	// "他说。"
	// "下一段"
}

// A span's offsets map it back to the page; Trim's offsets are those of the
// text without the white space around it.
func ExampleSpan_Trim() {
	text := "第一段。 第二句？\n\n  第二段"
	for s := range zhnorm.Sentences(text) {
		t := s.Trim()
		fmt.Printf("[%d,%d) %q -> [%d,%d) %q\n", s.Start, s.End, s.Text, t.Start, t.End, text[t.Start:t.End])
	}
	// Output:
	// [0,13) "第一段。 " -> [0,12) "第一段。"
	// [13,29) "第二句？\n\n  " -> [13,25) "第二句？"
	// [29,38) "第二段" -> [29,38) "第二段"
}

func ExampleParagraphs() {
	text := "标题\n\n\u3000\u3000第一段。第二句。\n\u3000\u3000第二段。\n"
	for p := range zhnorm.Paragraphs(text) {
		fmt.Printf("%q\n", p.Trim().Text)
	}
	// Output:
	// "标题"
	// "第一段。第二句。"
	// "第二段。"
}

// Numbers, abbreviations, addresses and ellipses that go on do not end a
// sentence.
func ExampleSentences_hardCases() {
	text := "He is No. 1 in the U.S. today. 增长1.5%，见www.gov.cn。我……我不知道。"
	for s := range zhnorm.Sentences(text) {
		fmt.Printf("%q\n", s.Trim().Text)
	}
	// Output:
	// "He is No. 1 in the U.S. today."
	// "增长1.5%，见www.gov.cn。"
	// "我……我不知道。"
}

func ExampleSplitter_semicolons() {
	sp := zhnorm.Splitter{Semicolons: true}
	for s := range sp.Split("政策机制不断完善；成长空间不断丰富。") {
		fmt.Println(s.Text)
	}
	// Output:
	// 政策机制不断完善；
	// 成长空间不断丰富。
}

// A Scanner splits a stream with bounded memory, as the command line does.
func ExampleSplitter_NewScanner() {
	r := strings.NewReader("第一句。第二句！\n\n第三句？")
	sc := zhnorm.Splitter{Unit: zhnorm.Sentence}.NewScanner(r)
	for sc.Scan() {
		fmt.Printf("%s\n", bytes.TrimSpace(sc.Bytes()))
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(sc.Count(), "sentences")
	// Output:
	// 第一句。
	// 第二句！
	// 第三句？
	// 3 sentences
}

// A span longer than MaxLen is cut, and the cut reported.
func ExampleScanner_Cut() {
	r := strings.NewReader("塔什库尔干塔吉克自治县。好。")
	sc := zhnorm.Splitter{MaxLen: 12}.NewScanner(r)
	for sc.Scan() {
		s := sc.Span()
		fmt.Println(s.Start, s.End, s.Text, sc.Cut())
	}
	// Output:
	// 0 12 塔什库尔 true
	// 12 24 干塔吉克 true
	// 24 36 自治县。 false
	// 36 42 好。 false
}

// A Unit is a command-line flag with flag.TextVar.
func ExampleUnit() {
	fs := flag.NewFlagSet("zhnorm", flag.ContinueOnError)
	var unit zhnorm.Unit
	fs.TextVar(&unit, "split", zhnorm.Sentence, "split into `unit`s: sentence or paragraph")
	fs.Parse([]string{"-split", "paragraph"})
	fmt.Println(unit)
	// Output: paragraph
}
