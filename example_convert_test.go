package zhnorm_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm"
)

func ExampleNewConverter() {
	s2t, err := zhnorm.NewConverter("s2t")
	if err != nil {
		panic(err)
	}
	fmt.Println(s2t.Convert("黑龙江省民政厅推动社会工作人才队伍建设"))
	// Output: 黑龍江省民政廳推動社會工作人才隊伍建設
}

func ExampleNewConverter_taiwan() {
	// s2twp also converts phrases to the words used in Taiwan.
	s2twp, _ := zhnorm.NewConverter("s2twp")
	fmt.Println(s2twp.Convert("鼠标和软件"))
	// Output: 滑鼠和軟體
}

func ExampleConfigs() {
	for _, c := range zhnorm.Configs()[:3] {
		fmt.Printf("%s: %s\n", c.Name, c.Description)
	}
	// Output:
	// s2t: Simplified Chinese to Traditional Chinese (OpenCC Standard)
	// t2s: Traditional Chinese (OpenCC Standard) to Simplified Chinese
	// s2tw: Simplified Chinese to Traditional Chinese (Taiwan Standard)
}

// A Converter is a transform.Transformer: it streams.
func ExampleConverter_Transform() {
	t2s, _ := zhnorm.NewConverter("t2s")
	r := transform.NewReader(strings.NewReader("黑龍江：推動社會工作\n"), t2s)
	io.Copy(os.Stdout, r)
	// Output: 黑龙江：推动社会工作
}

func ExampleConverter_Span() {
	s2t, _ := zhnorm.NewConverter("s2t")
	n, _ := s2t.Span([]byte("黑龍江 and 黑龙江"), true)
	fmt.Println(n, "bytes need no conversion")
	// Output: 17 bytes need no conversion
}

// OpenCC marks some dictionaries "may_output_tofu": forms so rare that
// common fonts cannot show them. They are in by default, as in OpenCC's
// library; WithoutTofuRisk leaves them out, as OpenCC's command does.
func ExampleWithoutTofuRisk() {
	t2s, _ := zhnorm.NewConverter("t2s")
	plain, _ := zhnorm.NewConverter("t2s", zhnorm.WithoutTofuRisk())
	fmt.Println(t2s.Convert("㑮"), plain.Convert("㑮"))
	// Output: 𫝈 㑮
}

// LoadConfig reads OpenCC's own source layout, here the copy of OpenCC
// 1.4.2's data that zhnorm's tables are built from: a newer OpenCC's data
// loads the same way.
func ExampleLoadConfig() {
	s2twp, err := zhnorm.LoadConfig("third_party/opencc/config/s2twp.json")
	if err != nil {
		panic(err)
	}
	fmt.Println(s2twp.Convert("我的皮肤很干燥，列车通过台北。内存不够。"))
	// Output: 我的皮膚很乾燥，列車通過臺北。記憶體不夠。
}
