package zhnorm_test

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm"
)

func ExampleNewTarget() {
	hans, err := zhnorm.NewTarget("zh-Hans")
	if err != nil {
		panic(err)
	}
	// Taiwan's 著 for 着 goes through tw2s, Hong Kong's forms through hk2s;
	// corner quotes become mainland quotes.
	for _, text := range []string{
		"他說「大家看著辦」，這裡的線路為什麼不通？",
		"他説「大家看着辦」，這裏的綫路為什麼不通？",
		"他说“大家看着办”。",
	} {
		p := hans.Plan(text)
		fmt.Println(p.String(text), p.Configs)
	}
	// Output:
	// 他说“大家看着办”，这里的线路为什么不通？ [tw2s]
	// 他说“大家看着办”，这里的线路为什么不通？ [hk2s]
	// 他说“大家看着办”。 []
}

func ExampleNewTarget_options() {
	for _, opts := range [][]zhnorm.TargetOption{
		nil,
		{zhnorm.WithRegionalPhrases()},
		{zhnorm.KeepPunctuation()},
	} {
		tw, err := zhnorm.NewTarget("zh_tw", opts...)
		if err != nil {
			panic(err)
		}
		fmt.Println(tw.Tag(), tw.String("他说：“这台设备的‘软件’要更新。”"))
	}
	_, err := zhnorm.NewTarget("zh-JP")
	fmt.Println(err)
	// Output:
	// zh-TW 他說：「這臺設備的『軟件』要更新。」
	// zh-TW 他說：「這臺裝置的『軟體』要更新。」
	// zh-TW 他說：“這臺設備的‘軟件’要更新。”
	// zhnorm: unknown target "zh-JP"; valid targets: zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK (also zh-SG, zh-MY, zh-MO, zh-Hans-CN, zh-Hans-SG, zh-Hant-TW, zh-Hant-HK, zh-Hant-MO)
}

func ExampleTarget_Transform() {
	hk, err := zhnorm.NewTarget("zh-HK")
	if err != nil {
		panic(err)
	}
	// A stream is decided from its first DetectAfter Han characters (or
	// TargetLookAhead bytes): Taiwan's forms here, so tw2t then t2hk.
	text := strings.Repeat("他說：「這裡的線路為什麼不通？」\n", 500)
	r := transform.NewReader(strings.NewReader(text), hk)
	out, err := io.ReadAll(r)
	if err != nil {
		panic(err)
	}
	p, _ := hk.StreamPlan()
	fmt.Println(p.Detection, p.Configs)
	fmt.Print(string(out[:strings.IndexByte(string(out), '\n')+1]))
	// Output:
	// Traditional (Taiwan) 1.00 [tw2t t2hk]
	// 他説：「這裏的線路為什麼不通？」
}

func ExampleSeries() {
	// The records of one source: a record that does not tell Taiwan's
	// standard from Hong Kong's follows the records before it.
	tw, err := zhnorm.NewTarget("zh-TW")
	if err != nil {
		panic(err)
	}
	s := tw.Series()
	for _, record := range []string{"香港的報道裏說着衞生的問題", "為什麼"} {
		p := s.Plan(record)
		fmt.Println(p.String(record), p.Standard, p.Configs)
	}
	// Output:
	// 香港的報道裡說著衛生的問題 Hong Kong [hk2t t2tw]
	// 為什麼 Hong Kong [hk2t t2tw]
}
