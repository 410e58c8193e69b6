package zhbleve_test

import (
	"fmt"
	"log"

	"github.com/blevesearch/bleve/v2"

	zhbleve "github.com/zhnorm/zhnorm/examples/bleve"
)

// A field analyzed by zhnorm_cjk finds Traditional text with a Simplified
// query, full-width digits with ASCII ones, and text behind a pinyin
// reading; the highlight marks the original text.
func Example() {
	body := bleve.NewTextFieldMapping()
	body.Analyzer = zhbleve.AnalyzerName // "zhnorm_cjk": folds to Simplified (t2s)
	im := bleve.NewIndexMapping()
	im.DefaultMapping.AddFieldMappingsAt("body", body)

	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()
	idx.Index("hlj", map[string]interface{}{"body": "黑龍江省２０２４年數(shù)字經濟發展"})

	for _, q := range []string{"黑龙江", "2024", "数字经济"} {
		mq := bleve.NewMatchPhraseQuery(q)
		mq.SetField("body")
		req := bleve.NewSearchRequest(mq)
		req.Highlight = bleve.NewHighlightWithStyle(zhbleve.HighlighterName)
		res, err := idx.Search(req)
		if err != nil {
			log.Fatal(err)
		}
		for _, h := range res.Hits {
			fmt.Println(q, h.ID, h.Fragments["body"][0])
		}
	}
	// Output:
	// 黑龙江 hlj <mark>黑龍江</mark>省２０２４年數(shù)字經濟發展
	// 2024 hlj 黑龍江省<mark>２０２４</mark>年數(shù)字經濟發展
	// 数字经济 hlj 黑龍江省２０２４年<mark>數(shù)字經濟</mark>發展
}

// A custom analyzer chooses the fold: tw2sp turns Taiwan vocabulary into
// mainland vocabulary, so that a Taiwan 記憶體 and a mainland 内存 both
// index as 内存.
func Example_config() {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer("zh_tw", map[string]interface{}{
		"type":   zhbleve.AnalyzerName,
		"config": "tw2sp",
	})
	if err != nil {
		log.Fatal(err)
	}
	body := bleve.NewTextFieldMapping()
	body.Analyzer = "zh_tw"
	im.DefaultMapping.AddFieldMappingsAt("body", body)

	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()
	idx.Index("tw", map[string]interface{}{"body": "這臺電腦的記憶體不夠"})
	idx.Index("cn", map[string]interface{}{"body": "这台电脑的内存不够"})

	mq := bleve.NewMatchPhraseQuery("内存")
	mq.SetField("body")
	req := bleve.NewSearchRequest(mq)
	req.SortBy([]string{"_id"})
	res, err := idx.Search(req)
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID)
	}
	// Output:
	// cn
	// tw
}
