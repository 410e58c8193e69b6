package zhnorm_test

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/zhnorm/zhnorm"
)

// Rewrite one field of a JSON Lines record; every other byte stays.
func ExampleJSONFields_Rewrite() {
	fields, err := zhnorm.NewJSONFields("body.text")
	if err != nil {
		panic(err)
	}
	t2s, _ := zhnorm.NewConverter("t2s")
	record := `{"id": 7, "body": {"text": "黑龍江:推動", "lang": "zh-Hant"}, "tags": ["社會"]}`
	out, err := fields.Rewrite(nil, []byte(record), func(s string) string {
		return t2s.Convert(zhnorm.NewNormalizer().Field(s))
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s", out)
	// Output: {"id": 7, "body": {"text": "黑龙江：推动", "lang": "zh-Hant"}, "tags": ["社會"]}
}

// Big5 text read as UTF-8, the encoding found by looking at it.
func ExampleNewDecodingReader() {
	big5, _ := traditionalchinese.Big5.NewEncoder().String("黑龍江省民政廳推動社會工作人才隊伍建設\n")
	r, err := zhnorm.NewDecodingReader(strings.NewReader(big5), "auto")
	if err != nil {
		panic(err)
	}
	text, _ := io.ReadAll(r)
	fmt.Print(r.Encoding, ": ", string(text))
	// Output: big5: 黑龍江省民政廳推動社會工作人才隊伍建設
}
