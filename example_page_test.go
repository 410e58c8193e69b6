package zhnorm_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/zhnorm/zhnorm"
)

// A page as scraped: navigation, a date bar, the headline, the article, its
// source line and more navigation.
const page = `首页 | 版面导航 | 标题导航
   第01版：头版
   第02版：要闻
2022年06月07日 星期二 上一期 下一期
黑龙江：推动社会工作人才融入全省人才队伍建设大局

    社会工作人才是黑龙江省委确定的六类人才之一。
    2021年，黑龙江省民政厅启动实施乡镇（街道）社工站建设“蒲公英”计划。

    （据黑龙江省民政厅）
上一篇 下一篇
`

func ExampleParsePage() {
	p, err := zhnorm.ParsePage(page)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Headline)
	fmt.Println(p.Date, p.Source)
	for _, s := range p.Body {
		fmt.Println(s)
	}
	for _, d := range p.Dropped {
		fmt.Println(d.Line, d.Reason, d.Text)
	}
	// Output:
	// 黑龙江：推动社会工作人才融入全省人才队伍建设大局
	// 2022-06-07 黑龙江省民政厅
	// 社会工作人才是黑龙江省委确定的六类人才之一。
	// 2021年，黑龙江省民政厅启动实施乡镇（街道）社工站建设“蒲公英”计划。
	// 1 navigation 首页 | 版面导航 | 标题导航
	// 2 page-list 第01版：头版
	// 3 page-list 第02版：要闻
	// 4 date-bar 2022年06月07日 星期二 上一期 下一期
	// 10 metadata （据黑龙江省民政厅）
	// 11 navigation 上一篇 下一篇
}

// A page without an article still comes back, with every line dropped.
func ExampleParsePage_noArticle() {
	p, err := zhnorm.ParsePage("首页 | 版面导航\n2022年06月07日 星期三\n")
	fmt.Println(errors.Is(err, zhnorm.ErrNoArticle), len(p.Body), len(p.Dropped))
	fmt.Println(p.Warnings)
	// Output:
	// true 0 2
	// [line 2: the page says 星期三 but 2022-06-07 is a Tuesday (星期二) no article found]
}

func ExamplePage_Text() {
	p, _ := zhnorm.ParsePage(page)
	fmt.Print(p.Text())
	// Output:
	// 黑龙江：推动社会工作人才融入全省人才队伍建设大局
	// 2022-06-07
	//
	// 社会工作人才是黑龙江省委确定的六类人才之一。
	// 2021年，黑龙江省民政厅启动实施乡镇（街道）社工站建设“蒲公英”计划。
}

// Map converts the article; the dropped lines stay as the input had them.
func ExamplePage_Map() {
	s2t, err := zhnorm.NewConverter("s2t")
	if err != nil {
		panic(err)
	}
	p, _ := zhnorm.ParsePage(page)
	p = p.Map(s2t.Convert)
	fmt.Println(p.Headline)
	fmt.Println(p.Source)
	fmt.Println(p.Dropped[0].Text)
	// Output:
	// 黑龍江：推動社會工作人才融入全省人才隊伍建設大局
	// 黑龍江省民政廳
	// 首页 | 版面导航 | 标题导航
}

// The JSON form of a Page is the schema of the command line's -page output.
func ExamplePage_json() {
	p, _ := zhnorm.ParsePage("2022年6月9日 星期四 第03版：要闻\n全省乡镇社工站实现全覆盖\n本报记者 赵雪\n" +
		"记者从省民政厅获悉，全省已建成乡镇（街道）社工站1280个，实现全覆盖。\n" +
		"一、建机制\n省民政厅将社工站建设纳入年度重点工作。\n【责任编辑：周宁】\n")
	e := json.NewEncoder(os.Stdout)
	e.SetEscapeHTML(false)
	e.SetIndent("", "  ")
	e.Encode(p)
	// Output:
	// {
	//   "date": "2022-06-09",
	//   "page_number": "03",
	//   "section": "要闻",
	//   "headline": "全省乡镇社工站实现全覆盖",
	//   "byline": "本报记者 赵雪",
	//   "editor": "周宁",
	//   "body": [
	//     "记者从省民政厅获悉，全省已建成乡镇（街道）社工站1280个，实现全覆盖。",
	//     "一、建机制",
	//     "省民政厅将社工站建设纳入年度重点工作。"
	//   ],
	//   "subheadings": [
	//     1
	//   ],
	//   "dropped": [
	//     {
	//       "line": 1,
	//       "text": "2022年6月9日 星期四 第03版：要闻",
	//       "reason": "date-bar"
	//     },
	//     {
	//       "line": 3,
	//       "text": "本报记者 赵雪",
	//       "reason": "metadata"
	//     },
	//     {
	//       "line": 7,
	//       "text": "【责任编辑：周宁】",
	//       "reason": "metadata"
	//     }
	//   ]
	// }
}
