package zhnorm

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules that judge one line of a page on its own: the
// vocabulary of page furniture, dates, page lists, bylines and metadata.
// page.go puts the lines together into articles.

// Limits on line length, in characters (runes, pinyin readings not
// counted). Furniture is short; a line longer than these is text.
const (
	maxShort     = 50  // a headline or sub-heading
	maxMeta      = 80  // a date bar or a line of labelled metadata
	maxNav       = 60  // a navigation line
	maxByline    = 40  // a byline or a source line
	maxNotice    = 30  // a notice against copying that ends in a full stop
	maxPageName  = 16  // a page's name in a page list
	maxPageList  = 200 // a line of page-list entries
	maxNavLabel  = 8   // one label of a navigation line
	maxPaperName = 12  // a newspaper's name in a date bar
)

// lineKind is what a line is, judged on the line alone (and, for the name
// of a page, on the line before it).
type lineKind uint8

const (
	kindOther    lineKind = iota // longer than a headline, not ending a sentence
	kindPara                     // ends in sentence punctuation
	kindShort                    // short and not ending a sentence: a headline or sub-heading
	kindNav                      // navigation
	kindPageList                 // page-list entries, or the name of the page listed just before
	kindFooter                   // copyright and licence lines
	kindDateBar                  // a date, with only furniture around it
	kindMeta                     // labelled source, author or editor (来源：…), no date
	kindSource                   // (据…)
	kindByline                   // 本报记者 …
)

// lineInfo is what a line says, beyond its kind.
type lineInfo struct {
	date     string // the date as YYYY-MM-DD, when valid
	dateText string // the date as printed
	monthDay [2]int // a date printed without its year (6月7日), whose year the page gives
	wd       int    // the weekday printed, time.Weekday+1; 0 if none
	wdText   string // the weekday as printed

	pageNo, section string // a page reference: 01, 头版
	entries         int    // page-list entries on the line
	bare            bool   // one page-list entry without a name (第01版)

	source, byline, editor string
	bracketed              bool // the whole line is in brackets (a trailing byline)

	dash, ordinal bool // a short line starts with a dash (——记…), or a number (一、)
	clause        bool // the line ends in a comma
}

// foldLine returns the line's characters as the rules see them, with the
// byte offset in s of each: Traditional forms of the vocabulary's characters
// folded to Simplified, full-width ASCII to ASCII, ASCII letters to lower
// case, every kind of space to ' ', and pinyin readings glued after a Han
// character (數(shù)) left out. off has one more entry than the result: len(s).
//
// Folding one character at a time keeps a match's position in the original,
// so that values (a source, an editor) are taken from the text as printed.
func foldLine(s string, k []rune, off []int) ([]rune, []int) {
	k, off = k[:0], off[:0]
	for i, c := range unread(s) {
		k = append(k, foldRune(c))
		off = append(off, i)
	}
	return k, append(off, len(s))
}

// unread yields the characters of s with their byte offsets, leaving out
// the pinyin readings glued after Han characters (數(shù) yields 數).
func unread(s string) iter.Seq2[int, rune] {
	return func(yield func(int, rune) bool) {
		var prev rune
		for i := 0; i < len(s); {
			c, n := utf8.DecodeRuneInString(s[i:])
			if (c == '(' || c == '（') && unicode.Is(unicode.Han, prev) {
				if m := readingLen(s[i:]); m > 0 {
					i += m
					continue
				}
			}
			if !yield(i, c) {
				return
			}
			prev = c
			i += n
		}
	}
}

func foldRune(c rune) rune {
	switch {
	case c < utf8.RuneSelf:
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		if c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n' {
			return ' '
		}
		return c
	case 0xFF01 <= c && c <= 0xFF5E:
		return foldRune(c - 0xFEE0)
	case isBlank(c):
		return ' '
	case c == '・' || c == '•' || c == '‧':
		return '·'
	}
	if i := uint32(c - 0x4E00); i < 0x5200 && foldTradSet[i>>6]&(1<<(i&63)) != 0 {
		return foldTrad[c]
	}
	return c
}

// isBlank reports whether c is white space or an invisible character that
// pages carry as if it were: BOM, zero-width space and joiners, word joiner.
func isBlank(c rune) bool {
	return unicode.IsSpace(c) || c == '\uFEFF' || (0x200B <= c && c <= 0x200D) || c == 0x2060
}

// trimSpace trims every kind of white space from both ends of s:
// NO-BREAK SPACE, IDEOGRAPHIC SPACE, BOM and zero-width spaces too.
func trimSpace(s string) string { return strings.TrimFunc(s, isBlank) }

// collapseSpace trims s and turns each run of white space inside it into
// one ASCII space.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isBlank), " ")
}

// readingLen returns the length of the pinyin reading at the start of s, a
// syllable with a tone mark in parentheses such as "(shù)", or 0. Requiring
// a tone mark keeps "(a)" and "(WTO)".
func readingLen(s string) int {
	_, n := utf8.DecodeRuneInString(s) // ( or （
	i, letters, tone := n, 0, false
	for i < len(s) && letters <= 6 {
		c, m := utf8.DecodeRuneInString(s[i:])
		if c == ')' || c == '）' {
			if letters == 0 || !tone {
				return 0
			}
			return i + m
		}
		switch {
		case 'a' <= c && c <= 'z', c == 'ü':
		case strings.ContainsRune(toneMarks, c):
			tone = true
		default:
			return 0
		}
		letters++
		i += m
	}
	return 0
}

const toneMarks = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"

// stripReadings removes the pinyin readings glued after Han characters in
// s: 據(jù)黑龍江 → 據黑龍江.
func stripReadings(s string) string {
	if !strings.ContainsAny(s, "(（") {
		return s
	}
	var b strings.Builder
	for i := range unread(s) {
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n]) // as printed, invalid bytes included
	}
	return b.String()
}

// value returns the original text of k[i:j] as a field's value: pinyin
// readings removed, white space collapsed.
func value(s string, off []int, i, j int) string {
	return collapseSpace(stripReadings(s[off[i]:off[j]]))
}

// foldTrad maps the Traditional (and Taiwan and Hong Kong) forms of the
// characters in the vocabulary below to their Simplified forms, so that one
// list serves both scripts. TestFoldVocabulary converts every word of the
// vocabulary with s2t, s2tw, s2hk and s2twp and checks that it folds back.
var foldTrad = func() map[rune]rune {
	m := map[rune]rune{}
	for _, p := range strings.Fields(`
		頁页 網网 導导 題题 錄录 聞闻 內内 過过 顧顾 報报 紙纸 關关 閉闭 縮缩 認认 號号 複复 製制
		鏈链 連连 結结 載载 評评 論论 糾纠 錯错 當当 檢检 級级 註注 冊册 訂订 閱阅 數数 電电
		擇择 頂顶 後后 覽览 讀读 來来 責责 編编 輯辑 發发 佈布 時时 間间 處处 瀏浏 擊击 點点
		記记 訊讯 員员 約约 見见 習习 實实 攝摄 圖图 據据 週周 禮礼 權权 備备 經经 轉转 聯联
		係系 繫系 於于 們们 臺台 預预 設设 則则 條条 廣广 務务 碼码 總总 區区 標标 頭头 專专 臉脸 騰腾 掃扫 國国
		島岛 東东 匯汇 滙汇 濟济 蘋苹 韓韩 環环 農农 熱热 門门 薦荐
		書书 證证 違违 資资 訪访 問问 氣气 體体 華华 絡络 現现 選选 閲阅 階阶 視视 尋寻 釋释`) {
		r := []rune(p)
		m[r[0]] = r[1]
	}
	return m
}()

// foldTradSet has a bit set for each character of foldTrad, all of which are
// in U+4E00–U+A1FF: a line's every character asks, and most are not there.
var foldTradSet = func() *[0x5200 / 64]uint64 {
	var s [0x5200 / 64]uint64
	for c := range foldTrad {
		s[(c-0x4E00)>>6] |= 1 << ((c - 0x4E00) & 63)
	}
	return &s
}()

// The vocabulary, in Simplified Chinese and folded ASCII (see foldLine).
var (
	// navWords are the labels of page furniture: navigation links, page
	// tools, the names of the page's parts.
	navWords = newWordSet(`
		首页 主页 网站首页 返回首页 数字报首页
		版面导航 标题导航 版面目录 本版目录 本版标题 版面导读 导读 版面导览 版面概览 版面 目录
		新闻内容 正文 新闻正文 内容
		上一期 下一期 上一版 下一版 上一篇 下一篇 上一页 下一页 上一则 下一则 上一条 下一条
		上篇 下篇 上期 下期 前一期 后一期 往期 往期回顾 往期报纸 往期检索 过刊 过刊浏览 过刊检索 过往期刊
		返回目录 返回顶部 返回列表 返回上页 返回版面 回到顶部
		打印 打印本页 打印本文 打印此文 列印 关闭 关闭窗口 关闭本页
		放大 缩小 默认 预设 字号 字体 大中小 小中大 全文复制 复制链接 复制连结 下载 pdf pdf下载 下载pdf 版面pdf
		分享 分享到 收藏 评论 我要评论 纠错 我要纠错 更多 more
		当前位置 您的位置 您现在的位置 您当前的位置 所在位置 当前位置是
		检索 搜索 搜寻 高级检索 高阶检索 全文检索 登录 登入 注册 订阅
		数字报 电子报 电子版 数字报刊 报纸 选择日期 日期检索
		联系我们 联络我们 关于我们 网站地图 广告服务
		列印本页 列印本文 列印此文 关闭视窗 字型 字级 字体大小 字型大小 友善列印 打印文章 列印文章 收藏本文
		分享至 微信 微博 朋友圈 qq空间 qq 新浪微博 腾讯微博 人人网 豆瓣 facebook twitter line 脸书 推特 plurk 噗浪
		whatsapp telegram 扫一扫 微信扫一扫
		相关新闻 相关阅读 相关报道 相关报导 相关链接 相关连结 延伸阅读 推荐阅读 热门新闻 热门推荐`)

	// footerMarks make a line the site's footer; noticeMarks do when the
	// line is short, as a paragraph of text may quote them.
	footerMarks = runesOf(`版权所有 copyright © icp备 icp证 备案号`)
	noticeMarks = runesOf(`未经授权 禁止转载 不得转载 违法和不良`)

	// bylineWords start a byline. Those in bylineSep must be followed by a
	// space, a colon or a slash (记者 张三, 文/图 李四), so that 记者手记 and
	// 文字 are not bylines.
	bylineWords = newWordSet(`
		本报记者 本报特约记者 本报通讯员 本报评论员 本报讯 本报电 特约记者 见习记者 实习记者 新华社记者
		记者 通讯员 实习生 评论员 文 图 摄影 撰文 撰稿 作者`)
	bylineSep = newWordSet(`记者 通讯员 实习生 评论员 文 图 摄影 撰文 撰稿 作者`)

	// Labels before a colon in lines of metadata.
	sourceLabels  = newWordSet(`来源 稿源 出处 稿件来源 新闻来源 信息来源 资讯来源 文章来源`)
	authorLabels  = newWordSet(`作者 撰稿 撰文`)
	editorLabels  = newWordSet(`责任编辑 编辑 责编 网络编辑 网路编辑 值班编辑 本版编辑`)
	timeLabels    = newWordSet(`发布时间 发布日期 释出时间 释出日期 发表时间 发表日期 更新时间 时间 日期 出版日期 刊发日期`)
	counterLabels = newWordSet(`浏览次数 浏览量 浏览 点击数 点击量 点击 点选数 点选量 点选 阅读量 阅读次数 阅读 访问量 人气 字号 字体 字型 字级`)
)

// A wordSet matches the longest of its words at a position.
type wordSet struct {
	byFirst map[rune][][]rune // longest first
}

func newWordSet(words string) *wordSet {
	ws := &wordSet{byFirst: map[rune][][]rune{}}
	for _, w := range strings.Fields(words) {
		r := []rune(w)
		l := ws.byFirst[r[0]]
		i := 0
		for i < len(l) && len(l[i]) >= len(r) {
			i++
		}
		ws.byFirst[r[0]] = append(l[:i], append([][]rune{r}, l[i:]...)...)
	}
	return ws
}

// match returns the length of the longest word at k[i:], or 0.
func (ws *wordSet) match(k []rune, i int) int {
	for _, w := range ws.byFirst[k[i]] {
		if hasPrefixRunes(k[i:], w) {
			return len(w)
		}
	}
	return 0
}

func hasPrefixRunes(k, w []rune) bool {
	if len(k) < len(w) {
		return false
	}
	for i := range w {
		if k[i] != w[i] {
			return false
		}
	}
	return true
}

func runesOf(words string) [][]rune {
	var r [][]rune
	for _, w := range strings.Fields(words) {
		r = append(r, []rune(w))
	}
	return r
}

func containsRunes(k, w []rune) bool {
	for i := 0; i+len(w) <= len(k); i++ {
		if hasPrefixRunes(k[i:], w) {
			return true
		}
	}
	return false
}

// isSep reports whether a folded character only separates the labels of
// furniture.
func isSep(c rune) bool {
	switch c {
	case ' ', '|', '/', '\\', '·', '>', '<', '»', '«', '-', '—', ':', ',', '、', '(', ')', '[', ']',
		'【', '】', '《', '》', '〈', '〉', '「', '」', '『', '』', '{', '}', '*', '_', '=', '~', '+', '#':
		return true
	}
	return false
}

// isBracket reports whether a folded character is a bracket that page tools
// are printed in.
func isBracket(c rune) bool {
	switch c {
	case '【', '】', '[', ']', '(', ')', '〔', '〕', '〖', '〗':
		return true
	}
	return false
}

// closesSentence reports whether c may follow the punctuation that ends a
// sentence: a closing quote or bracket.
func closesSentence(c rune) bool {
	switch c {
	case '”', '’', '"', '\'', '」', '』', ')', '】', '》', '〉', ']':
		return true
	}
	return false
}

// endsSentence reports whether a folded line ends in sentence punctuation:
// 。！？；：… or their ASCII forms, before any closing quotes or brackets,
// or with (完).
func endsSentence(k []rune) bool {
	if n := len(k); n >= 3 && k[n-3] == '(' && k[n-2] == '完' && k[n-1] == ')' {
		return true
	}
	n := len(k)
	for n > 0 && closesSentence(k[n-1]) {
		n--
	}
	if n == 0 {
		return false
	}
	if n >= 2 && k[n-1] == '?' && k[n-2] == '?' {
		// ??? stands for characters lost to a wrong encoding (社會工作???),
		// not for a question; ？？ folds to the same and is rare at the end
		// of a paragraph.
		return false
	}
	switch k[n-1] {
	case '。', '!', '?', ';', ':', '…', '⋯', '.', '｡':
		return true
	}
	return false
}

// endsQuestion reports whether s ends in a question or exclamation mark
// (？！?!), before any closing quotes or brackets.
func endsQuestion(s string) bool {
	k := []rune(s)
	n := len(k)
	for n > 0 && closesSentence(foldRune(k[n-1])) {
		n--
	}
	return n > 0 && (foldRune(k[n-1]) == '?' || foldRune(k[n-1]) == '!') && !(n > 1 && foldRune(k[n-2]) == '?')
}

// isFooter reports whether a folded line is the site's footer: it carries
// a copyright or licence mark, or a notice against copying on a line that is
// not a paragraph (short, or not ending a sentence).
func isFooter(k []rune) bool {
	if len(k) > 2*maxMeta {
		return false
	}
	for _, m := range footerMarks {
		if containsRunes(k, m) {
			return true
		}
	}
	if len(k) <= maxNotice || len(k) <= maxMeta && !endsSentence(k) {
		for _, m := range noticeMarks {
			if containsRunes(k, m) {
				return true
			}
		}
	}
	return false
}

// isOrdinal reports whether a folded line starts with the number of a
// section: 一、 (一) 1. 1、
func isOrdinal(k []rune) bool {
	i := 0
	paren := i < len(k) && k[i] == '('
	if paren {
		i++
	}
	j := i
	for j < len(k) && (isZhDigit(k[j]) || '0' <= k[j] && k[j] <= '9') {
		j++
	}
	if j == i || j == len(k) {
		return false
	}
	if paren {
		return k[j] == ')'
	}
	return k[j] == '、' || (k[j] == '.' && k[i] <= '9')
}

func isZhDigit(c rune) bool {
	switch c {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '〇', '零':
		return true
	}
	return false
}

func isDigit(k []rune, i int) bool { return i >= 0 && i < len(k) && '0' <= k[i] && k[i] <= '9' }

// digits reads up to max ASCII digits at k[i:] and returns their value and
// the end; end == i when there are none.
func digits(k []rune, i, max int) (v, end int) {
	for end = i; end < len(k) && end-i < max && isDigit(k, end); end++ {
		v = v*10 + int(k[end]-'0')
	}
	return v, end
}

func skipSpaces(k []rune, i int) int {
	for i < len(k) && k[i] == ' ' {
		i++
	}
	return i
}

// parseTime reads a time of day, 09:30 or 09:30:15, at k[i:].
func parseTime(k []rune, i int) int {
	if isDigit(k, i-1) {
		return 0
	}
	_, e := digits(k, i, 2)
	if e == i || isDigit(k, e) {
		return 0
	}
	n := 0
	for n < 2 && e+2 < len(k) && k[e] == ':' && isDigit(k, e+1) && isDigit(k, e+2) && !isDigit(k, e+3) {
		e += 3
		n++
	}
	if n == 0 {
		return 0
	}
	return e
}

// parseWeekday reads 星期二, 周二, 週二, 礼拜二 (星期日 and 星期天 are
// Sunday) at k[i:] and returns time.Weekday+1, or 0.
func parseWeekday(k []rune, i int) (wd, end int) {
	j := i
	switch {
	case i+1 < len(k) && (k[i] == '星' && k[i+1] == '期' || k[i] == '礼' && k[i+1] == '拜'):
		j += 2
	case k[i] == '周':
		j++
	default:
		return 0, 0
	}
	if j >= len(k) {
		return 0, 0
	}
	n := strings.IndexRune("日一二三四五六", k[j])
	if k[j] == '天' {
		n = 0
	} else if n < 0 {
		return 0, 0
	} else {
		n /= len("一")
	}
	return n + 1, j + 1
}

var weekdayNames = []string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// parsePageRef reads a page reference at k[i:]: 第01版, 第 1 版, A03版, 01版,
// 第一版, followed by an optional name after a colon (第01版:头版). The name
// runs to the next space or bar.
func parsePageRef(k []rune, i int) (no [2]int, name [2]int, end int, ok bool) {
	j := i
	if k[j] == '第' {
		j = skipSpaces(k, j+1)
	}
	a := j
	if j < len(k) && 'a' <= k[j] && k[j] <= 'z' {
		j++
	}
	d := j
	for j < len(k) && j-d < 3 && (isDigit(k, j) || isZhDigit(k[j])) {
		j++
	}
	if j == d || (isDigit(k, j) || j < len(k) && isZhDigit(k[j])) {
		return
	}
	if (k[i] != '第' && isZhDigit(k[d])) || (a == i && isDigit(k, i-1)) {
		// 一版 or 3版 inside a number is not a page.
		return
	}
	b := j
	if j < len(k) && 'a' <= k[j] && k[j] <= 'z' {
		j++ // 03a
		b = j
	}
	j = skipSpaces(k, j)
	if j >= len(k) || k[j] != '版' {
		return
	}
	no = [2]int{a, b}
	end = j + 1
	if end < len(k) && k[end] == ':' {
		s := skipSpaces(k, end+1)
		e := s
		for e < len(k) && k[e] != ' ' && k[e] != '|' && k[e] != ')' && k[e] != ']' && k[e] != '】' {
			e++
		}
		if e > s {
			name = [2]int{s, e}
			end = e
		}
	} else if end < len(k) && k[end] != ' ' && k[end] != '|' && k[end] != ')' && k[end] != ']' && k[end] != '】' {
		return // 第3版刊登的 is text
	}
	return no, name, end, true
}

// parsePageList reads a line made of page-list entries (第01版:头版 第02版:要闻…)
// separated by spaces or bars.
func parsePageList(s string, k []rune, off []int, info *lineInfo) bool {
	if len(k) > maxPageList {
		return false
	}
	n, named := 0, false
	for i := 0; ; {
		for i < len(k) && (k[i] == ' ' || k[i] == '|' || k[i] == '·') {
			i++
		}
		if i == len(k) {
			break
		}
		no, name, end, ok := parsePageRef(k, i)
		if !ok {
			return false
		}
		if name[1] > name[0] {
			if l := name[1] - name[0]; l > maxPageName || endsSentence(k[name[0]:name[1]]) {
				return false
			}
			named = true
		}
		if n == 0 {
			info.pageNo = value(s, off, no[0], no[1])
			if name[1] > name[0] {
				info.section = value(s, off, name[0], name[1])
			}
		}
		n++
		i = end
	}
	info.entries = n
	info.bare = n == 1 && !named
	return n > 0
}

// metaScan is what scanMeta finds in a line.
type metaScan struct {
	hasDate, validDate bool
	noYear             bool // the date is a month and a day
	date               [3]int
	dateSpan           [2]int
	wd                 int
	wdSpan             [2]int
	page               bool
	pageNo, section    [2]int
	source, author     [2]int
	editor             [2]int
	fields             int  // labelled fields with a source, an author or an editor
	counters           bool // labelled fields whose values are furniture (浏览：123)
	words              int  // furniture words
	rest               int  // characters matched by nothing
	restLast           rune
}

// scanMeta reads a line as a sequence of dates, weekdays, times, page
// references, labelled fields (来源：新华社), furniture words and
// separators; what matches none of these is the rest. A field's value runs
// to the next of those tokens, or to a furniture word after a space.
func scanMeta(k []rune) metaScan {
	var m metaScan
	field := (*[2]int)(nil) // the value being read
	var counter [2]int
	closeField := func(i int) {
		if field != nil {
			e := i
			for e > field[0] && isSep(k[e-1]) {
				e--
			}
			if e > field[0] {
				field[1] = e
				if field != &counter {
					m.fields++
				}
			} else {
				*field = [2]int{}
			}
			field = nil
		}
	}
	for i := 0; i < len(k); {
		c := k[i]
		// Inside a value, only a label, a bar or a closing bracket ends it
		// mid-word: 作者：周一鸣 is a name, not a weekday.
		inWord := field != nil && (i == field[0] || k[i-1] != ' ')
		if !inWord {
			if dt := parseDate(k, i); dt.ok {
				closeField(i)
				if !m.hasDate {
					m.hasDate, m.validDate, m.noYear = true, dt.valid, dt.noYear
					m.date, m.dateSpan = [3]int{dt.y, dt.m, dt.d}, [2]int{i, dt.end}
				}
				i = dt.end
				continue
			}
			if end := parseTime(k, i); end > 0 {
				closeField(i)
				i = end
				continue
			}
			if wd, end := parseWeekday(k, i); wd > 0 {
				closeField(i)
				if m.wd == 0 {
					m.wd, m.wdSpan = wd, [2]int{i, end}
				}
				i = end
				continue
			}
			if no, name, end, ok := parsePageRef(k, i); ok {
				closeField(i)
				if !m.page {
					m.page, m.pageNo, m.section = true, no, name
				}
				i = end
				continue
			}
		}
		if f, end := label(k, i); end > 0 {
			closeField(i)
			switch f {
			case sourceLabels:
				field = &m.source
			case authorLabels:
				field = &m.author
			case editorLabels:
				field = &m.editor
			case counterLabels:
				field = &counter
				m.counters = true
			}
			if field != nil {
				if field[1] > 0 {
					field = &[2]int{} // a second source: read and ignored
				}
				field[0] = skipSpaces(k, end)
			}
			i = end
			continue
		}
		if c == '|' || closesSentence(c) && c != '"' && c != '\'' {
			closeField(i)
			i++
			continue
		}
		if w := navWords.match(k, i); w > 0 && !inWord {
			closeField(i)
			m.words++
			i += w
			continue
		}
		if field == nil && !isSep(c) {
			m.rest++
			m.restLast = c
		}
		i++
	}
	closeField(len(k))
	return m
}

var labelSets = []*wordSet{sourceLabels, authorLabels, editorLabels, timeLabels, counterLabels}

// label reads a label and its colon at k[i:] and returns the set it is from
// and the end of the colon.
func label(k []rune, i int) (*wordSet, int) {
	for _, set := range labelSets {
		if n := set.match(k, i); n > 0 {
			if j := skipSpaces(k, i+n); j < len(k) && k[j] == ':' {
				return set, j + 1
			}
		}
	}
	return nil, 0
}

// storyCode returns k without the story code that CNA prints after the
// editor's name, the date in the years of the Republic: （編輯：張三）1110607.
func storyCode(k []rune) []rune {
	n := len(k)
	if n > 8 && k[n-8] == ')' {
		if _, e := digits(k, n-7, 7); e == n {
			return k[:n-7]
		}
	}
	return k
}

// restIsPaper reports whether the rest of a date bar can be the name of a
// newspaper: short and ending as newspapers' names end (日报, 新华社, 周刊,
// 人民网, 电视台).
func (m *metaScan) restIsPaper() bool {
	return m.rest == 0 || m.rest <= maxPaperName && strings.ContainsRune("报社刊网台", m.restLast)
}

// isNavLabels reports whether a line is a row of short link labels separated
// by bars, >, dots or spaces: three or more labels between bars or >, or two
// or more labels of which one starts with a furniture word.
func isNavLabels(k []rune) bool {
	labels, strong, known := 0, 0, false
	for i := 0; i < len(k); {
		for i < len(k) && (k[i] == ' ' || k[i] == '|' || k[i] == '>' || k[i] == '»' || k[i] == '·') {
			if k[i] != ' ' && k[i] != '·' { // · also joins the parts of a name
				strong++
			}
			i++
		}
		if i == len(k) {
			break
		}
		j := i
		for j < len(k) && k[j] != ' ' && k[j] != '|' && k[j] != '>' && k[j] != '»' && k[j] != '·' {
			j++
		}
		// A label in brackets is a button: 【打印】, [关闭].
		a, b := i, j
		for a < b && isBracket(k[a]) {
			a++
		}
		for b > a && isBracket(k[b-1]) {
			b--
		}
		if b-a > maxNavLabel || endsSentence(k[a:b]) {
			return false
		}
		if a < b && navWords.match(k[:b], a) > 0 {
			known = true
		}
		labels++
		i = j
	}
	return labels >= 2 && known || labels >= 3 && strong >= 2
}

// isByline reports whether a folded line is a byline: it starts with a
// byline word (本报记者, 记者 followed by a space…), possibly inside
// brackets that enclose the whole line.
func isByline(k []rune) (ok, bracketed bool) {
	s := k
	if len(s) > 2 && closers[s[0]] != 0 && s[len(s)-1] == closers[s[0]] {
		s, bracketed = s[1:len(s)-1], true
	}
	if len(s) == 0 {
		return false, false
	}
	n := bylineWords.match(s, 0)
	if n == 0 || n == len(s) {
		return false, false
	}
	if bylineSep.match(s, 0) == n && s[n] != ' ' && s[n] != ':' && s[n] != '/' && !glued(s[n:]) {
		return false, false
	}
	return true, bracketed
}

// isSourceName reports whether a folded line is only the name of a source
// (sourceNames), possibly in brackets: 中央社, （中央社）. br is 1 for the
// brackets, else 0.
func isSourceName(k []rune) (ok bool, br int) {
	if len(k) > 2 && closers[k[0]] != 0 && k[len(k)-1] == closers[k[0]] {
		br = 1
	}
	n := sourceNames.match(k, br)
	return n > 0 && n == len(k)-2*br, br
}

// glued reports whether what follows 记者 or the like, with no separator, is
// still a byline: normalized text drops the space of 记者 林怡君/台中报导, and
// a short rest with a slash or ending in 报道 can only be a name and place.
func glued(rest []rune) bool {
	if len(rest) > 20 {
		return false
	}
	n := len(rest)
	return containsRunes(rest, []rune("/")) ||
		n > 2 && rest[n-2] == '报' && (rest[n-1] == '道' || rest[n-1] == '导')
}

// classify judges one line. k and off are the line folded (foldLine);
// prevBare reports that the line before was a page-list entry without a
// name, whose name this line may be.
func classify(s string, k []rune, off []int, prevBare bool) (lineKind, lineInfo) {
	var info lineInfo
	if parsePageList(s, k, off, &info) {
		return kindPageList, info
	}
	info = lineInfo{}
	if c := k[len(k)-1]; c == ',' || c == '、' {
		// A clause cut off at a comma is text: neither furniture nor a
		// headline.
		info.clause = true
		return kindOther, info
	}
	sentence := endsSentence(k)
	if prevBare && len(k) <= maxPageName && !sentence {
		info.section = value(s, off, 0, len(k))
		return kindPageList, info
	}
	if isFooter(k) {
		return kindFooter, info
	}
	// A line of furniture may end in a colon (当前位置：); a date bar or a
	// line of metadata never ends a sentence otherwise.
	if (!sentence || k[len(k)-1] == ':') && len(k) <= maxMeta {
		m := scanMeta(storyCode(k))
		set := func() {
			if m.source[1] > 0 {
				info.source = value(s, off, m.source[0], m.source[1])
			}
			if m.author[1] > 0 {
				info.byline = value(s, off, m.author[0], m.author[1])
			}
			if m.editor[1] > 0 {
				info.editor = value(s, off, m.editor[0], m.editor[1])
			}
		}
		switch {
		case m.hasDate && m.restIsPaper():
			info.dateText = value(s, off, m.dateSpan[0], m.dateSpan[1])
			switch {
			case m.noYear && m.validDate:
				info.monthDay = [2]int{m.date[1], m.date[2]}
			case m.validDate && !m.noYear:
				info.date = isoDate(m.date[0], m.date[1], m.date[2])
			}
			if m.wd > 0 {
				info.wd, info.wdText = m.wd, value(s, off, m.wdSpan[0], m.wdSpan[1])
			}
			if m.page {
				info.pageNo = value(s, off, m.pageNo[0], m.pageNo[1])
				if m.section[1] > 0 {
					info.section = value(s, off, m.section[0], m.section[1])
				}
			}
			set()
			return kindDateBar, info
		case m.rest == 0 && !m.hasDate && m.fields > 0:
			set()
			return kindMeta, info
		case m.rest == 0 && !m.hasDate && !m.page && (m.words > 0 || m.counters):
			return kindNav, info
		}
	}
	if !sentence && len(k) <= maxNav && isNavLabels(k) {
		return kindNav, info
	}
	if !sentence && len(k) <= maxByline {
		if len(k) > 3 && k[0] == '(' && k[len(k)-1] == ')' && k[1] == '据' {
			info.source = value(s, off, 2, len(k)-1)
			return kindSource, info
		}
		if ok, br := isByline(k); ok {
			a, b := 0, len(k)
			if br {
				a, b = 1, b-1
			}
			info.byline, info.bracketed = value(s, off, a, b), br
			return kindByline, info
		}
		if ok, br := isSourceName(k); ok {
			info.source, info.bracketed = value(s, off, br, len(k)-br), br > 0
			return kindSource, info
		}
	}
	if !sentence {
		if l := parseLead(s, k, off); l.end > 0 && skipSpaces(k, l.end) == len(k) {
			// A lead on a line of its own: 新华社北京6月7日电（记者 王五）,
			// （中央社記者林某某台北7日電）.
			info.byline, info.source = l.byline, l.source
			if l.byline == "" {
				return kindSource, info
			}
			info.bracketed = closers[k[0]] != 0
			return kindByline, info
		}
	}
	if l := parseLead(s, k, off); l.end > 0 {
		// The lead of a paragraph: the article's byline and source, the
		// paragraph's text all the same.
		info.byline, info.source = l.byline, l.source
	}
	switch {
	case sentence:
		return kindPara, info
	case len(k) <= maxShort:
		info.dash = k[0] == '—' || k[0] == '-'
		info.ordinal = isOrdinal(k)
		return kindShort, info
	}
	return kindOther, info
}
