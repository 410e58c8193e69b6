package zhnorm

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestClassify judges single lines: what each rule takes, and the lines
// like them that it must leave alone.
func TestClassify(t *testing.T) {
	long := strings.Repeat("社会工作服务体系", 8) // 64 characters, no punctuation
	tests := []struct {
		line string
		kind lineKind
		info lineInfo
	}{
		// Navigation.
		{"首頁 | 版面導航 | 標題導航", kindNav, lineInfo{}},
		{"新聞內容", kindNav, lineInfo{}},
		{"版面目录", kindNav, lineInfo{}},
		{"上一期下一期", kindNav, lineInfo{}},
		{"打印本页 | 关闭窗口", kindNav, lineInfo{}},
		{"列印本頁　關閉視窗", kindNav, lineInfo{}},
		{"当前位置：首页 > 新闻中心 > 本地要闻", kindNav, lineInfo{}},
		{"要闻 | 国内 | 国际 | 体育", kindNav, lineInfo{}},
		{"黑龙江日报 数字报", kindNav, lineInfo{}},
		{"字号：大 中 小", kindNav, lineInfo{}},
		{"您的位置：", kindNav, lineInfo{}},
		{"浏览次数：1024", kindNav, lineInfo{}},
		{"PDF下载", kindNav, lineInfo{}},
		{"两会｜代表委员谈民生保障", kindShort, lineInfo{}},
		{"返回故乡的路", kindShort, lineInfo{}},
		{"黑龍江:推動社會工作人才融入全省人才隊伍建設大局", kindShort, lineInfo{}},

		// Page lists.
		{"第01版:頭版", kindPageList, lineInfo{pageNo: "01", section: "頭版", entries: 1}},
		{"第14版:數(shù)字", kindPageList, lineInfo{pageNo: "14", section: "數字", entries: 1}},
		{"第09版:社會工作???/a>", kindPageList, lineInfo{pageNo: "09", section: "社會工作???/a>", entries: 1}},
		{"第01版", kindPageList, lineInfo{pageNo: "01", entries: 1, bare: true}},
		{"第 1 版", kindPageList, lineInfo{pageNo: "1", entries: 1, bare: true}},
		{"A03版：要闻", kindPageList, lineInfo{pageNo: "A03", section: "要闻", entries: 1}},
		{"第一版：要闻", kindPageList, lineInfo{pageNo: "一", section: "要闻", entries: 1}},
		{"第01版：要闻 第02版：评论 | 第03版：国内", kindPageList, lineInfo{pageNo: "01", section: "要闻", entries: 3}},
		{"第一,政策機制不斷完善,共出臺了政策性文件18個。", kindPara, lineInfo{}},
		{"第3版刊登的文章", kindShort, lineInfo{}},
		{"第01版：这是一个超过十六个字的很长的页面名称啊", kindShort, lineInfo{}},

		// Date bars.
		{"2022年06月07日 星期二上一期下一期", kindDateBar, lineInfo{date: "2022-06-07", dateText: "2022年06月07日", wd: 3, wdText: "星期二"}},
		{"人民日报 2022年06月07日 星期二", kindDateBar, lineInfo{date: "2022-06-07", dateText: "2022年06月07日", wd: 3, wdText: "星期二"}},
		{"《 人民日报 》（ 2022年06月07日 01 版）", kindDateBar, lineInfo{date: "2022-06-07", dateText: "2022年06月07日", pageNo: "01"}},
		{"2022年6月7日 周二 第03版：要闻", kindDateBar, lineInfo{date: "2022-06-07", dateText: "2022年6月7日", wd: 3, wdText: "周二", pageNo: "03", section: "要闻"}},
		{"2022/06/07 週二 來源：中央社", kindDateBar, lineInfo{date: "2022-06-07", dateText: "2022/06/07", wd: 3, wdText: "週二", source: "中央社"}},
		{"发布时间：2022-06-08 09:30:15　来源：哈尔滨日报　作者：刘洋", kindDateBar, lineInfo{date: "2022-06-08", dateText: "2022-06-08", source: "哈尔滨日报", byline: "刘洋"}},
		{"２０２２年６月７日　禮拜天", kindDateBar, lineInfo{date: "2022-06-07", dateText: "２０２２年６月７日", wd: 1, wdText: "禮拜天"}},
		{"2022.06.07", kindDateBar, lineInfo{date: "2022-06-07", dateText: "2022.06.07"}},
		{"2022年02月30日 星期三", kindDateBar, lineInfo{dateText: "2022年02月30日", wd: 4, wdText: "星期三"}},
		{"2022年6月7日全省高考开考", kindShort, lineInfo{}},
		{"2022年6月7日，全省高考开考。", kindPara, lineInfo{}},
		{"20220607", kindShort, lineInfo{}},
		{"2022-06-07 作者：周一鸣", kindDateBar, lineInfo{date: "2022-06-07", dateText: "2022-06-07", byline: "周一鸣"}},

		// Metadata.
		{"【责任编辑：张敏】", kindMeta, lineInfo{editor: "张敏"}},
		{"责任编辑：张敏 王强", kindMeta, lineInfo{editor: "张敏 王强"}},
		{"来源：新华社 作者：周一鸣", kindMeta, lineInfo{source: "新华社", byline: "周一鸣"}},
		{"来源：新华社 打印 关闭", kindMeta, lineInfo{source: "新华社"}},
		{"（來源：人民網）", kindMeta, lineInfo{source: "人民網"}},
		{"(據(jù)黑龍江省民政廳)", kindSource, lineInfo{source: "黑龍江省民政廳"}},
		{"（据新华社）", kindSource, lineInfo{source: "新华社"}},

		// Bylines.
		{"本报记者 陈刚", kindByline, lineInfo{byline: "本报记者 陈刚"}},
		{"本报记者　王　浩　李晓明", kindByline, lineInfo{byline: "本报记者 王 浩 李晓明"}},
		{"本报讯（记者 吴静）", kindByline, lineInfo{byline: "本报讯（记者 吴静）"}},
		{"（记者 张三）", kindByline, lineInfo{byline: "记者 张三", bracketed: true}},
		{"記者 林怡君／臺中報導", kindByline, lineInfo{byline: "記者 林怡君／臺中報導"}},
		{"文/图 李明", kindByline, lineInfo{byline: "文/图 李明"}},
		{"记者手记", kindShort, lineInfo{}},
		{"文字的力量", kindShort, lineInfo{}},

		// Footers.
		{"版权所有：哈尔滨日报社　黑ICP备00000000号", kindFooter, lineInfo{}},
		{"Copyright © 2022 Example Daily", kindFooter, lineInfo{}},
		{"本站所有内容未经授权不得转载", kindFooter, lineInfo{}},
		{"法院认定，该公司未经授权使用他人商标，判决其赔偿经济损失并停止侵权，这一判决对同类案件具有示范意义。", kindPara, lineInfo{}},

		// Paragraphs, headlines, sub-headings.
		{"他说：“我们一定做到。”", kindPara, lineInfo{}},
		{"会议要求各项任务按期落地（完）", kindPara, lineInfo{}},
		{"It ends with a full stop.", kindPara, lineInfo{}},
		{"河北:", kindPara, lineInfo{}},
		{"——各地抢抓晴好天气", kindShort, lineInfo{dash: true}},
		{"一、建机制：一张蓝图绘到底", kindShort, lineInfo{ordinal: true}},
		{"（二）强队伍", kindShort, lineInfo{ordinal: true}},
		{"1. 总体要求", kindShort, lineInfo{ordinal: true}},
		{"2022年工作要点", kindShort, lineInfo{}},
		{"１８９５年３月１６日，", kindOther, lineInfo{clause: true}},
		{"但是他還是送了她，", kindOther, lineInfo{clause: true}},
		{"家長可以上www‧edu‧tw網站查閱", kindShort, lineInfo{}},
		{"首页 · 要闻 · 评论", kindNav, lineInfo{}},

		// Toolbars and share bars.
		{"【字号 大 中 小】 【打印】 【关闭】", kindNav, lineInfo{}},
		{"【字號 大 中 小】 【列印】 【關閉】", kindNav, lineInfo{}},
		{"【打印本页】【关闭窗口】", kindNav, lineInfo{}},
		{"【列印本頁】【關閉視窗】", kindNav, lineInfo{}},
		{"分享到：", kindNav, lineInfo{}},
		{"分享到：微信 微博 QQ空间", kindNav, lineInfo{}},
		{"字級：小 中 大", kindNav, lineInfo{}},
		{"【字号 大中小】【打印】【关闭】", kindNav, lineInfo{}}, // normalized: letter-spacing removed
		{"【大 中 小】", kindShort, lineInfo{}},
		{"微信公众号运营指南", kindShort, lineInfo{}},

		// Leads: bylines and sources that open a paragraph, or a line.
		{"〔記者陳小明／臺北報導〕臺北市政府今天宣布。", kindPara, lineInfo{byline: "記者陳小明／臺北報導"}},
		{"本报讯（记者 张三 通讯员 李四）昨天，全省启动。", kindPara, lineInfo{byline: "本报讯（记者 张三 通讯员 李四）"}},
		{"新华社北京6月7日电（记者 王五）国务院总理主持召开会议。", kindPara, lineInfo{source: "新华社", byline: "记者 王五"}},
		{"（中央社記者林某某台北7日電）行政院今天通過。", kindPara, lineInfo{source: "中央社", byline: "記者林某某"}},
		{"（中央社記者林某某、王某某華盛頓6日專電）美國國務院表示。", kindPara, lineInfo{source: "中央社", byline: "記者林某某、王某某"}},
		{"（中央社記者張三台北7日電）", kindByline, lineInfo{source: "中央社", byline: "記者張三", bracketed: true}},
		{"【明報專訊】政府昨日公布。", kindPara, lineInfo{source: "明報"}},
		{"香港文匯報訊（記者 張三）特區政府昨日宣布。", kindPara, lineInfo{source: "香港文匯報", byline: "記者 張三"}},
		{"（星島日報報道）運輸署昨日表示。", kindPara, lineInfo{source: "星島日報"}},
		{"新华社北京6月7日电", kindSource, lineInfo{source: "新华社"}},
		{"（編輯：張三）1110607", kindMeta, lineInfo{editor: "張三"}},
		{"（中央社）", kindSource, lineInfo{source: "中央社", bracketed: true}},
		{"中央社", kindSource, lineInfo{source: "中央社"}},
		{"〔記者陳小明／臺北報導〕", kindByline, lineInfo{byline: "記者陳小明／臺北報導", bracketed: true}},
		{"本报北京6月6日电　记者从农业农村部获悉：截至6月6日。", kindPara, lineInfo{}},
		{"（记者从省民政厅获悉）今年。", kindPara, lineInfo{}},
		{"新华社的记者今天到达。", kindPara, lineInfo{}},
		{"人民网评：为奋斗者点赞", kindShort, lineInfo{}},

		// Dates in Chinese numerals, Minguo years, without a year.
		{"二〇二二年六月七日 星期二", kindDateBar, lineInfo{date: "2022-06-07", dateText: "二〇二二年六月七日", wd: 3, wdText: "星期二"}},
		{"二○二二年六月七日（星期二）", kindDateBar, lineInfo{date: "2022-06-07", dateText: "二○二二年六月七日", wd: 3, wdText: "星期二"}},
		{"二〇二二年十二月三十一日", kindDateBar, lineInfo{date: "2022-12-31", dateText: "二〇二二年十二月三十一日"}},
		{"中華民國111年6月7日 星期二", kindDateBar, lineInfo{date: "2022-06-07", dateText: "中華民國111年6月7日", wd: 3, wdText: "星期二"}},
		{"民國99年6月7日", kindDateBar, lineInfo{date: "2010-06-07", dateText: "民國99年6月7日"}},
		{"111年6月7日 週二", kindDateBar, lineInfo{date: "2022-06-07", dateText: "111年6月7日", wd: 3, wdText: "週二"}},
		{"6月7日 星期二", kindDateBar, lineInfo{dateText: "6月7日", monthDay: [2]int{6, 7}, wd: 3, wdText: "星期二"}},
		{"6月起 新规实施", kindShort, lineInfo{}},
		{"99年6月7日", kindShort, lineInfo{}},
		{"二〇二二年", kindShort, lineInfo{}},
		{"6月32日", kindDateBar, lineInfo{dateText: "6月32日"}},
		{long, kindOther, lineInfo{}},
	}
	for _, tt := range tests {
		k, off := foldLine(tt.line, nil, nil)
		kind, info := classify(tt.line, k, off, false)
		if kind != tt.kind {
			t.Errorf("%q: kind %d, want %d", tt.line, kind, tt.kind)
			continue
		}
		if diff := cmp.Diff(tt.info, info, cmp.AllowUnexported(lineInfo{})); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.line, diff)
		}
	}
}

// TestClassifyPageName: a short line after a page-list entry without a name
// is that page's name, and only there.
func TestClassifyPageName(t *testing.T) {
	for _, tt := range []struct {
		line     string
		prevBare bool
		kind     lineKind
	}{
		{"頭版", true, kindPageList},
		{"社會工作???/p>", true, kindPageList},
		{"頭版", false, kindShort},
		{"社工站聚焦困难群众，建立需求台账。", true, kindPara},
	} {
		k, off := foldLine(tt.line, nil, nil)
		if kind, _ := classify(tt.line, k, off, tt.prevBare); kind != tt.kind {
			t.Errorf("%q after a bare entry: %v: kind %d, want %d", tt.line, tt.prevBare, kind, tt.kind)
		}
	}
}

// Paragraphs for the pages below.
const (
	p1 = "记者从省民政厅获悉，全省社会组织年度工作报告填报工作日前启动，各类社会组织须在月底前完成填报。"
	p2 = "省民政厅提醒，未按时报送年度报告的社会组织将被列入活动异常名录。"
	p3 = "今年以来，牡丹江市新建社区养老服务站12个，为辖区老年人提供助餐、助洁、日间照料等服务。"
	h1 = "全省社会组织年报工作启动"
	h2 = "牡丹江新增社区养老服务站12个"
)

// TestParsePageRules runs each rule on a small page.
func TestParsePageRules(t *testing.T) {
	long := strings.Repeat("社会工作服务体系", 8)
	tests := []struct {
		name    string
		in      string
		want    Page // without Dropped
		dropped []string
		err     error
	}{{
		name:    "CRLF and CR",
		in:      h1 + "\r\n\r\n" + p1 + "\r\n" + p2 + "\r（据新华社）\r\n",
		want:    Page{Article: Article{Headline: h1, Source: "新华社", Body: []string{p1, p2}}},
		dropped: []string{"5 metadata"},
	}, {
		name:    "repeated line, paragraph and block",
		in:      "首页\n要闻\n国内\n首页\n要闻\n国内\n" + h1 + "\n" + h1 + "\n" + p1 + "\n\n" + p1 + "\n" + p2,
		want:    Page{Article: Article{Headline: h1, Body: []string{p1, p2}}},
		dropped: []string{"1 navigation", "2 outside", "3 outside", "4 navigation", "5 repeated", "6 repeated", "8 repeated", "11 repeated"},
	}, {
		name: "long line without punctuation and (完) in the body",
		in:   h1 + "\n" + p1 + "\n" + long + "\n" + p2 + "\n（完）",
		want: Page{Article: Article{Headline: h1, Body: []string{p1, long, p2, "（完）"}}},
	}, {
		name: "paragraphs broken after a comma",
		in:   h1 + "\n记者从省民政厅获悉，\n" + p1 + "\n省民政厅提醒，\n" + p2,
		want: Page{Article: Article{Headline: h1, Body: []string{"记者从省民政厅获悉，", p1, "省民政厅提醒，", p2}}},
	}, {
		name:    "numbered sub-headings, the first right below the byline",
		in:      h1 + "\n本报记者 陈刚\n一、总体要求\n" + p1 + "\n二、工作安排\n" + p2,
		want:    Page{Article: Article{Headline: h1, Byline: "本报记者 陈刚", Body: []string{"一、总体要求", p1, "二、工作安排", p2}, Subheadings: []int{0, 2}}},
		dropped: []string{"2 metadata"},
	}, {
		name: "no headline",
		in:   p1 + "\n" + p2,
		want: Page{Article: Article{Body: []string{p1, p2}}, Warnings: []string{"the article has no headline"}},
	}, {
		name: "dates: impossible, first, different",
		in:   "2022年02月30日\n2022-06-07\n2022-06-08 星期三\n" + h1 + "\n" + p1 + "\n" + p2,
		want: Page{Date: "2022-06-07", Article: Article{Headline: h1, Body: []string{p1, p2}}, Warnings: []string{
			"line 1: 2022年02月30日 is not a date",
			"line 3: date 2022-06-08 differs from the page's date 2022-06-07",
		}},
		dropped: []string{"1 date-bar", "2 date-bar", "3 date-bar"},
	}, {
		name: "a headline with a date in it",
		in:   "2022年6月7日全省高考开考\n" + p1 + "\n" + p2,
		want: Page{Article: Article{Headline: "2022年6月7日全省高考开考", Body: []string{p1, p2}}},
	}, {
		name:    "a teaser that repeats the headline",
		in:      h1 + "\n版面导航\n2022年6月7日 星期二\n" + h1 + "\n" + p1 + "\n" + p2,
		want:    Page{Date: "2022-06-07", Article: Article{Headline: h1, Body: []string{p1, p2}}},
		dropped: []string{"1 repeated", "2 navigation", "3 date-bar"},
	}, {
		name:    "trailers: source, editor, bracketed byline",
		in:      h1 + "\n" + p1 + "\n" + p2 + "\n（据新华社）\n【责任编辑：张敏】\n（记者 张三）\n上一篇 下一篇",
		want:    Page{Article: Article{Headline: h1, Byline: "记者 张三", Source: "新华社", Editor: "张敏", Body: []string{p1, p2}}},
		dropped: []string{"4 metadata", "5 metadata", "6 metadata", "7 navigation"},
	}, {
		name: "two articles apart: a source line ends the first",
		in:   h2 + "\n" + p3 + "\n（据牡丹江日报）\n" + h1 + "\n" + p1 + "\n" + p2,
		want: Page{Article: Article{Headline: h1, Body: []string{p1, p2}},
			Others: []Article{{Headline: h2, Source: "牡丹江日报", Body: []string{p3}}}},
		dropped: []string{"3 metadata"},
	}, {
		name: "two articles apart: a byline starts the second",
		in:   h1 + "\n" + p1 + "\n" + p2 + "\n" + h2 + "\n本报讯（记者 吴静）\n" + p3,
		want: Page{Article: Article{Headline: h1, Body: []string{p1, p2}},
			Others: []Article{{Headline: h2, Byline: "本报讯（记者 吴静）", Body: []string{p3}}}},
		dropped: []string{"5 metadata"},
	}, {
		// The documented limit: nothing tells a headline from a sub-heading.
		name: "two articles with only a headline between read as one",
		in:   h1 + "\n" + p1 + "\n" + p2 + "\n" + h2 + "\n" + p3,
		want: Page{Article: Article{Headline: h1, Body: []string{p1, p2, h2, p3}, Subheadings: []int{2}}},
	}, {
		name:    "a toolbar between the date line and the body is not the headline",
		in:      "2022年06月07日 星期二\n" + h1 + "\n【字号 大 中 小】 【打印】 【关闭】\n" + p1 + "\n" + p2 + "\n分享到：\n【打印本页】【关闭窗口】",
		want:    Page{Date: "2022-06-07", Article: Article{Headline: h1, Body: []string{p1, p2}}},
		dropped: []string{"1 date-bar", "3 navigation", "6 navigation", "7 navigation"},
	}, {
		name: "a byline and source in the first paragraph",
		in:   h1 + "\n新华社北京6月7日电（记者 王五）" + p1 + "\n" + p2,
		want: Page{Article: Article{Headline: h1, Byline: "记者 王五", Source: "新华社", Body: []string{"新华社北京6月7日电（记者 王五）" + p1, p2}}},
	}, {
		name:    "a byline line comes before the lead",
		in:      h1 + "\n本报记者 陈刚\n本报讯（记者 吴静）" + p1 + "\n" + p2 + "\n（中央社）",
		want:    Page{Article: Article{Headline: h1, Byline: "本报记者 陈刚", Source: "中央社", Body: []string{"本报讯（记者 吴静）" + p1, p2}}},
		dropped: []string{"2 metadata", "5 metadata"},
	}, {
		name:    "a question headline above a byline",
		in:      "首页 > 观点\n社区养老服务站为何一年比一年多？\n本报记者 陈刚\n" + p3 + "\n" + p2,
		want:    Page{Article: Article{Headline: "社区养老服务站为何一年比一年多？", Byline: "本报记者 陈刚", Body: []string{p3, p2}}},
		dropped: []string{"1 navigation", "3 metadata"},
	}, {
		name: "a question headline above a date line, an exclamation above a lead",
		in:   "食安風暴延燒 業者喊冤？\n2022/06/07 週二\n" + p1 + "\n" + p2 + "\n全省社工站实现全覆盖！\n〔記者陳小明／臺北報導〕" + p3,
		want: Page{Date: "2022-06-07", Article: Article{Headline: "食安風暴延燒 業者喊冤？", Body: []string{p1, p2}},
			Others: []Article{{Headline: "全省社工站实现全覆盖！", Byline: "記者陳小明／臺北報導", Body: []string{"〔記者陳小明／臺北報導〕" + p3}}}},
		dropped: []string{"2 date-bar"},
	}, {
		name:    "a question that ends the body stays a paragraph",
		in:      h1 + "\n" + p1 + "\n这难道不值得深思吗？\n《 人民日报 》（ 2022年06月07日 01 版）",
		want:    Page{Date: "2022-06-07", PageNumber: "01", Article: Article{Headline: h1, Body: []string{p1, "这难道不值得深思吗？"}}},
		dropped: []string{"4 date-bar"},
	}, {
		name: "a question without a byline or date below reads as a paragraph",
		in:   "社区养老服务站为何一年比一年多？\n" + p3 + "\n" + p2,
		want: Page{Article: Article{Body: []string{"社区养老服务站为何一年比一年多？", p3, p2}}, Warnings: []string{"the article has no headline"}},
	}, {
		name:    "a date without its year takes the page's",
		in:      "6月7日 星期二\n" + h1 + "\n" + p1 + "\n" + p2 + "\n发布时间：2022-06-07 09:30",
		want:    Page{Date: "2022-06-07", Article: Article{Headline: h1, Body: []string{p1, p2}}},
		dropped: []string{"1 date-bar", "5 date-bar"},
	}, {
		name:    "a date without its year on a page without one",
		in:      "6月7日 星期二\n" + h1 + "\n" + p1 + "\n" + p2,
		want:    Page{Article: Article{Headline: h1, Body: []string{p1, p2}}, Warnings: []string{"line 1: 6月7日 has no year, and the page gives none"}},
		dropped: []string{"1 date-bar"},
	}, {
		name: "Minguo and Chinese numerals",
		in:   "中華民國111年6月7日 星期二\n二〇二二年六月八日\n" + h1 + "\n" + p1 + "\n" + p2,
		want: Page{Date: "2022-06-07", Article: Article{Headline: h1, Body: []string{p1, p2}},
			Warnings: []string{"line 2: date 2022-06-08 differs from the page's date 2022-06-07"}},
		dropped: []string{"1 date-bar", "2 date-bar"},
	}, {
		name:    "a short run is not an article",
		in:      "河北：\n出台办法\n一段话。",
		want:    Page{Article: Article{Body: []string{}}, Warnings: []string{"no article found"}},
		dropped: []string{"1 outside", "2 outside", "3 outside"},
		err:     ErrNoArticle,
	}, {
		name: "empty",
		in:   "",
		want: Page{Article: Article{Body: []string{}}, Warnings: []string{"no article found"}},
		err:  ErrNoArticle,
	}, {
		name: "only white space",
		in:   "\n \u3000\n\u00a0\ufeff\r\n\t",
		want: Page{Article: Article{Body: []string{}}, Warnings: []string{"no article found"}},
		err:  ErrNoArticle,
	}, {
		name: "BOM, NO-BREAK SPACE and IDEOGRAPHIC SPACE indents",
		in:   "\ufeff" + h1 + "\n\u00a0\u00a0" + p1 + "\u00a0\n\u3000\u3000" + p2,
		want: Page{Article: Article{Headline: h1, Body: []string{p1, p2}}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePage(tt.in)
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Errorf("error %v, want %v", err, tt.err)
			}
			if diff := cmp.Diff(tt.want, withoutDropped(p)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.dropped, dropReasons(p)); diff != "" {
				t.Errorf("dropped (-want +got):\n%s", diff)
			}
			checkAccounted(t, tt.in, p, err)
		})
	}
}

// TestPageMap: Map converts the article and the section, keeps the record
// of the input, and shares nothing with the original.
func TestPageMap(t *testing.T) {
	p := Page{
		Date: "2022-06-07", PageNumber: "01", Section: "頭版",
		Article:  Article{Headline: "黑龍江", Byline: "本報記者", Body: []string{"社會。", "工作。"}, Subheadings: []int{1}},
		Others:   []Article{{Headline: "河北", Source: "據報", Body: []string{"機構。"}}},
		Dropped:  []DroppedLine{{1, "首頁", ReasonNavigation}},
		Warnings: []string{"週二"},
	}
	q := p.Map(mustConverter(t, "t2s").Convert)
	want := Page{
		Date: "2022-06-07", PageNumber: "01", Section: "头版",
		Article:  Article{Headline: "黑龙江", Byline: "本报记者", Body: []string{"社会。", "工作。"}, Subheadings: []int{1}},
		Others:   []Article{{Headline: "河北", Source: "据报", Body: []string{"机构。"}}},
		Dropped:  []DroppedLine{{1, "首頁", ReasonNavigation}},
		Warnings: []string{"週二"},
	}
	if diff := cmp.Diff(want, q); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	q.Body[0], q.Others[0].Body[0], q.Dropped[0].Text, q.Subheadings[0], q.Warnings[0] = "x", "x", "x", 9, "x"
	if p.Body[0] != "社會。" || p.Others[0].Body[0] != "機構。" || p.Dropped[0].Text != "首頁" || p.Subheadings[0] != 1 || p.Warnings[0] != "週二" {
		t.Errorf("Map's result shares slices with the page: %+v", p)
	}
	called := false
	Page{}.Map(func(s string) string { called = true; return s })
	if called {
		t.Error("Map called f on an empty page's empty fields")
	}
}

// TestBylineAfterNormalizer: the normalizer removes the space in
// 記者 林怡君／臺中報導; the byline must stay a byline, and 记者手记 text.
func TestBylineAfterNormalizer(t *testing.T) {
	for s, want := range map[string]bool{
		"記者林怡君／臺中報導": true,
		"记者张三北京报道":   true,
		"记者 张三":      true,
		"记者手记":       false,
		"记者从省民政厅获悉，全省社会组织2021年度工作报告填报工作日前启动。": false,
	} {
		k, _ := foldLine(s, nil, nil)
		if got, _ := isByline(k); got != want {
			t.Errorf("isByline(%q) = %v, want %v", s, got, want)
		}
	}
}
