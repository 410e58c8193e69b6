package zhnorm

import "strings"

// This file reads the bylines and sources that open an article's first
// paragraph, the lead: 〔記者陳小明／臺北報導〕, 本报讯（记者 张三）,
// 新华社北京6月7日电（记者 王五）, （中央社記者林某某台北7日電）, 【明報專訊】.

// sourceNames are the news agencies, newspapers and news sites that a page
// names as an article's source, alone on a line, in brackets, or in a lead
// (新华社北京6月7日电), in Simplified and folded form (see foldLine).
var sourceNames = newWordSet(`
	新华社 新华网 中新社 中新网 中国新闻社 中国新闻网 人民网 人民日报 光明日报 经济日报 中国日报 中国青年报
	工人日报 农民日报 科技日报 法治日报 解放日报 文汇报 新京报 北京日报 南方日报 南方都市报 环球时报 环球网
	央视新闻 央视网 澎湃新闻 中央社 中央通讯社 联合报 联合新闻网 自由时报 中国时报 中时新闻网 苹果日报
	明报 星岛日报 东方日报 香港文汇报 大公报 香港经济日报 信报 成报 香港商报
	法新社 路透社 美联社 共同社 韩联社 彭博社`)

// leadSuffixes end a source in a lead: 【明報專訊】, (星島日報報道), 香港文匯報訊.
var leadSuffixes = newWordSet(`讯 专讯 电 专电 报道 报导 消息 讯息`)

// places are the cities that datelines name after a reporter's name
// (中央社記者林某某台北7日電), in both scripts, to tell the name from the
// place.
var places = strings.Fields(`
	台北 臺北 新北 桃园 桃園 台中 臺中 台南 臺南 高雄 基隆 新竹 嘉义 嘉義 屏东 屏東 宜兰 宜蘭 花莲 花蓮
	台东 台東 臺東 澎湖 金门 金門 马祖 馬祖 苗栗 彰化 南投 云林 雲林 北京 上海 香港 澳门 澳門 东京 東京
	华盛顿 華盛頓 纽约 紐約 伦敦 倫敦 巴黎 柏林 首尔 首爾 新加坡 曼谷 雅加达 雅加達 马尼拉 馬尼拉
	布鲁塞尔 布魯塞爾 莫斯科 悉尼 雪梨 洛杉矶 洛杉磯 旧金山 舊金山 日内瓦 日內瓦 深圳 广州 廣州 厦门 廈門`)

// A lead is the byline and source that open a line.
type lead struct {
	byline, source string
	end            int // the end of the lead in the folded line
}

// closers maps an opening bracket (folded) to its closing one.
var closers = map[rune]rune{'(': ')', '[': ']', '【': '】', '〔': '〕', '〖': '〗'}

// parseLead reads the lead at the start of a folded line k of s:
//
//   - a byline in brackets: 〔記者陳小明／臺北報導〕, （记者 张三）;
//   - a source in brackets, alone or with 讯, 专讯, 报道, 电: （中央社）,
//     【明報專訊】, (星島日報報道);
//   - an agency's dateline in brackets, with its reporters:
//     （中央社記者林某某台北7日電） gives 中央社 and 記者林某某;
//   - 本报讯 and a byline in brackets: 本报讯（记者 张三）, which is the
//     byline as printed, as on a line of its own;
//   - a source's dateline and a byline in brackets: 新华社北京6月7日电（记者
//     王五） gives 新华社 and 记者 王五; 香港文匯報訊（記者 張三） too.
//
// end is 0 when the line has no lead.
func parseLead(s string, k []rune, off []int) lead {
	if len(k) < 3 {
		return lead{}
	}
	if cl, ok := closers[k[0]]; ok {
		c := 1
		for c < len(k) && c <= maxByline && k[c] != cl {
			c++
		}
		if c >= len(k) || k[c] != cl || c == 1 {
			return lead{}
		}
		in := k[1:c]
		var l lead
		switch src, n := leadSource(in); {
		case n == len(in) && n > 0:
			l.source = value(s, off, 1, 1+src)
			// An agency's dateline may name its reporters.
			if a, b := reporters(s, in, off[1:], src); b > a {
				l.byline = value(s, off, 1+a, 1+b)
			}
		case n > 0:
			return lead{}
		default:
			if ok, _ := isByline(in); !ok {
				return lead{}
			}
			l.byline = value(s, off, 1, c)
		}
		l.end = c + 1
		if l.byline == "" {
			// 【香港文匯報訊】（記者 張三）
			if b := bracketedByline(k, c+1); b > 0 {
				l.byline, l.end = value(s, off, skipSpaces(k, c+1)+1, b-1), b
			}
		}
		return l
	}
	if hasPrefixRunes(k, []rune("本报")) {
		e := datelineEnd(k, 2)
		if e == 0 {
			return lead{}
		}
		if b := bracketedByline(k, e); b > 0 {
			return lead{byline: value(s, off, 0, b), end: b}
		}
		return lead{}
	}
	src, e := leadSource(k)
	if e == 0 {
		return lead{}
	}
	l := lead{source: value(s, off, 0, src), end: e}
	if b := bracketedByline(k, e); b > 0 {
		l.byline, l.end = value(s, off, skipSpaces(k, e)+1, b-1), b
	}
	return l
}

// leadSource reads a source and its dateline at the start of k: a name of
// sourceNames, or a name ending in 报, 社 or 网 followed by 讯 or 专讯
// (香港文匯報訊), then the dateline (北京6月7日电) or a suffix (专讯, 报道).
// src is the end of the name; end that of the dateline, or of the name when
// nothing follows it; both are 0 when k does not start so.
func leadSource(k []rune) (src, end int) {
	if n := sourceNames.match(k, 0); n > 0 {
		if n == len(k) {
			return n, n
		}
		if m := leadSuffixes.match(k, n); m > 0 {
			return n, n + m
		}
		if e := datelineEnd(k, n); e > 0 {
			return n, e
		}
		return 0, 0
	}
	for i := 2; i < len(k) && i <= maxPaperName; i++ {
		if !strings.ContainsRune("报社网", k[i-1]) {
			continue
		}
		if k[i] == '讯' || hasPrefixRunes(k[i:], []rune("专讯")) {
			for _, c := range k[:i] {
				if isSep(c) || '0' <= c && c <= '9' {
					return 0, 0
				}
			}
			return i, i + leadSuffixes.match(k, i)
		}
	}
	return 0, 0
}

// datelineEnd reads a dateline at k[i:]: a place (up to 20 characters, with
// the reporters before it), an
// optional month, a day and 电 (北京6月7日电, 台北7日電, 华盛顿6日专电), or
// 讯; it returns the end, or 0.
func datelineEnd(k []rune, i int) int {
	if i < len(k) && k[i] == '讯' {
		return i + 1
	}
	j := i
	// The place, and the reporters before it in CNA's datelines
	// (記者林某某、王某某台北7日電).
	for j < len(k) && j-i < 20 && !isDigit(k, j) && (!isSep(k[j]) || k[j] == '、') {
		j++
	}
	_, e := digits(k, j, 2)
	if e == j {
		return 0
	}
	if e < len(k) && k[e] == '月' {
		d := e + 1
		if _, e = digits(k, d, 2); e == d {
			return 0
		}
	}
	if e >= len(k) || k[e] != '日' {
		return 0
	}
	e++
	switch {
	case e < len(k) && k[e] == '电':
		return e + 1
	case hasPrefixRunes(k[e:], []rune("专电")):
		return e + 2
	}
	return 0
}

// reporters finds the reporters in an agency's dateline after its name,
// k[src:] = 記者林某某台北7日電: the span of 記者林某某, the place told from the
// names by the list of places, or else taken as the last two characters
// before the date. off is the byte offsets of k in s.
func reporters(s string, k []rune, off []int, src int) (a, b int) {
	if !hasPrefixRunes(k[src:], []rune("记者")) {
		return 0, 0
	}
	a = src
	d := a + 2
	for d < len(k) && !isDigit(k, d) {
		d++
	}
	if d == len(k) || d-(a+2) < 2 {
		return 0, 0
	}
	seg := s[off[a+2]:off[d]]
	for _, p := range places {
		if strings.HasSuffix(seg, p) && len(seg) > len(p) {
			seg = seg[:len(seg)-len(p)]
			for b = a + 2; b < d && off[b] < off[a+2]+len(seg); b++ {
			}
			return a, b
		}
	}
	if d-(a+2) < 4 {
		return a, d
	}
	return a, d - 2
}

// bracketedByline reads a byline in brackets at k[i:], after spaces:
// （记者 王五）. It returns the end of the closing bracket, or 0.
func bracketedByline(k []rune, i int) int {
	i = skipSpaces(k, i)
	if i >= len(k) || k[i] != '(' {
		return 0
	}
	c := i + 1
	for c < len(k) && c-i <= maxByline && k[c] != ')' {
		c++
	}
	if c >= len(k) || k[c] != ')' {
		return 0
	}
	if ok, _ := isByline(k[i+1 : c]); !ok {
		return 0
	}
	return c + 1
}
