package zhnorm

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNoArticle is returned by ParsePage, with the rest of the Page, when a
// page has no text that reads as an article.
var ErrNoArticle = errors.New("zhnorm: no article on the page")

// A Page is a newspaper page read into an article record: the page's date
// and section, its article, and every line it did not keep, with the
// reason.
//
// Text fields hold the text as printed, trimmed of white space; the
// metadata fields (Byline, Source, Editor, Section) also drop the pinyin
// readings that some gateways glue after characters (據(jù) → 據). The JSON
// form, through encoding/json, is the schema of the command line's -page
// output: the field names below are stable, body and dropped are always
// arrays (empty, not null, in a Page from ParsePage), and the other fields
// are left out when empty.
type Page struct {
	// Date is the issue date from the page's date bar, as YYYY-MM-DD.
	Date string `json:"date,omitempty"`
	// PageNumber and Section are the page's number and name where the page
	// gives its own (第01版：头版 → 01, 头版), not a list of all pages.
	PageNumber string `json:"page_number,omitempty"`
	Section    string `json:"section,omitempty"`

	// Article is the page's article: of several, the one with the longest
	// body. Its Body is empty when the page has none.
	Article

	// Others are the page's further articles, in page order.
	Others []Article `json:"others,omitempty"`

	// Dropped holds every line of the input that is in no article's
	// headline, subtitle or body, in input order, each with the reason.
	// Blank lines are not listed.
	Dropped []DroppedLine `json:"dropped"`

	// Warnings say what looked wrong: a weekday that does not match the
	// date, an impossible date, dates that disagree, an article without a
	// headline, a page without an article. They are for people; their
	// wording may change.
	Warnings []string `json:"warnings,omitempty"`
}

// An Article is one article of a page.
type Article struct {
	Headline string `json:"headline"`
	// Subtitle is the line after the headline that starts with a dash
	// (——记…), as printed.
	Subtitle string `json:"subtitle,omitempty"`
	// Byline is the byline as printed (本报记者 王浩), or an author's name
	// from a labelled field (作者：王浩 → 王浩), or the reporters of a lead
	// (新华社北京6月7日电（记者 王五） → 记者 王五).
	Byline string `json:"byline,omitempty"`
	// Source is the source the article names: (据黑龙江日报) and
	// 来源：黑龙江日报 both give 黑龙江日报; （中央社）, and a lead
	// 新华社北京6月7日电 or 【明報專訊】, give the agency or paper.
	Source string `json:"source,omitempty"`
	// Editor is the editor named in a 责任编辑 line.
	Editor string `json:"editor,omitempty"`
	// Body holds the paragraphs, sub-headings included, in order.
	Body []string `json:"body"`
	// Subheadings lists the indexes in Body of the sub-headings.
	Subheadings []int `json:"subheadings,omitempty"`
}

// A DroppedLine is a line of the input that is not in the article text.
type DroppedLine struct {
	Line   int    `json:"line"` // 1-based; \n, \r\n and \r each end a line
	Text   string `json:"text"` // trimmed of white space, as it is in the input
	Reason Reason `json:"reason"`
}

// A Reason says why a line was dropped.
type Reason string

const (
	// ReasonNavigation: links and page tools (首页 | 版面导航, 上一期下一期,
	// 打印 关闭, 当前位置：首页 > 新闻, 【字号 大 中 小】 【打印】, 分享到：).
	ReasonNavigation Reason = "navigation"
	// ReasonPageList: the list of the pages (第01版:头版), and the
	// name of a page printed on the line after its number.
	ReasonPageList Reason = "page-list"
	// ReasonRepeated: a line or block of lines printed again right after
	// itself, or a copy of the headline or of a paragraph outside the
	// article.
	ReasonRepeated Reason = "repeated"
	// ReasonDateBar: a line that gives the date, with only the weekday,
	// furniture, metadata or a newspaper's name around it.
	ReasonDateBar Reason = "date-bar"
	// ReasonFooter: copyright and licence lines.
	ReasonFooter Reason = "footer"
	// ReasonMetadata: a byline, source or editor line read into the
	// article's fields.
	ReasonMetadata Reason = "metadata"
	// ReasonOutside: text that no rule names but that is not in an article:
	// teasers of other articles, captions, stray text.
	ReasonOutside Reason = "outside"
)

// minArticle is the length, in characters, a body needs to be an article:
// a teaser or a caption that ends in a full stop is not one.
const minArticle = 40

// ParsePage reads a newspaper page, as scraped, into its article: the
// headline, the issue date, the page's section, the byline, source and
// editor, and the body paragraphs, with every other line in Page.Dropped
// and the reason. Simplified and Traditional Chinese both work, before or
// after normalization: the rules match ASCII and full-width punctuation, all
// white space (NO-BREAK SPACE, IDEOGRAPHIC SPACE) and pinyin readings glued
// after characters (數(shù)字).
//
// The page is read line by line; each line is judged on its own, and then in
// the order of the page:
//
//   - Repeats: a line, or a block of up to 8 lines, printed again right after
//     itself is dropped (repeated); so is a copy of the headline or of a
//     paragraph elsewhere on the page.
//   - Page lists: lines made of entries 第NN版, NN版, A03版 or 第一版, each
//     with an optional name after a colon (第01版:头版), are the page list;
//     a short line after an entry without a name is that page's name.
//   - Navigation: a short line made only of furniture words (首页, 版面导航,
//     标题导航, 版面目录, 新闻内容, 上一期, 下一篇, 返回目录, 打印, 关闭,
//     当前位置…, 分享到, 微信, 相关新闻…, in either script) and separators;
//     or a row of short labels separated by | or > (three or more), or by
//     spaces when one of them is a furniture word, brackets aside: toolbars
//     such as 【字号 大 中 小】 【打印】 【关闭】 are navigation.
//   - Footer: lines with a copyright or licence mark (版权所有, ©, ICP备).
//   - Date bar: a line with a date (2022年06月07日, 2022年6月7日, 2022-06-07,
//     2022/6/7, 2022.06.07, 二〇二二年六月七日; 民國111年6月7日 and
//     111年6月7日, years of the Republic as Taiwan pages print them; 6月7日,
//     whose year is that of the page's first full date, on any line) where
//     everything else is a weekday (星期二, 周二, 週二, 礼拜二), a time, a
//     page number (第01版：头版), furniture words, labelled metadata (来源：…,
//     作者：…) or a newspaper's name (人民日报). A weekday that does not
//     match the date, an impossible date, a date without a year on a page
//     that gives none and a date different from the page's are warnings.
//   - Metadata: a line of labelled fields (来源：新华社 作者：王浩,
//     【责任编辑：张敏】, （編輯：張三）1110607); a source line in brackets,
//     (据黑龙江省民政厅); the name of a news agency or newspaper alone,
//     in brackets or not (（中央社）, 新华社); a byline that starts with
//     本报记者, 记者, 通讯员, 本报讯, 文/…; a lead on a line of its own.
//   - Leads: the byline and source that open a line: 〔記者陳小明／臺北報導〕,
//     本报讯（记者 张三）, 新华社北京6月7日电（记者 王五） (source 新华社,
//     byline 记者 王五), （中央社記者林某某台北7日電） (中央社, 記者林某某),
//     【明報專訊】, 香港文匯報訊（記者 張三）. The lead of an article's first
//     paragraph gives its byline and source where no line of its header or
//     trailer does; the paragraph keeps its text.
//   - Paragraphs: a line that ends in sentence punctuation (。！？；：…,
//     full-width or ASCII, before any closing quote or bracket, or with
//     (完)). Other short lines (up to 50 characters) are headline and
//     sub-heading candidates; so is a short line ending in ！ or ？ whose
//     next line is a date bar, a byline, metadata or a paragraph with a
//     lead (below a paragraph: a byline or a paragraph with a lead only).
//
// The body of an article is a run of paragraphs. A short line between two
// paragraphs is a sub-heading (unless the second opens with a lead, which
// starts an article), and a long line that does not end a sentence,
// or a line that ends in a comma, stays in the run when a paragraph or a
// source line follows it (a line ending in a comma may start one); any
// other line ends the run, repeats aside. A source, editor or bracketed byline
// line right after a run is the article's, and ends it. A run of at least 40
// characters is an article, and the longest is the page's Article; the rest
// are Others.
//
// An article's header is read backwards from its first paragraph, over
// navigation, footers and repeats, up to 12 lines: bylines, date bars and
// metadata give its fields, a line starting with a dash is the subtitle, a
// numbered line (一、…) just above the body is its first sub-heading, and the
// first other short line is the headline. The header stops at a paragraph,
// a page list, a second headline or another article's line.
//
// So two articles on one page are told apart where a headline is followed by
// a byline, date bar or metadata line or a paragraph with a lead, or where
// the first ends with a source or editor line; two articles with only a headline between them are
// read as one, the second headline as a sub-heading.
//
// The page's date is that of its first date bar with a valid date. Its page
// number and section come from the first date bar that names a page
// (2022年6月7日 第03版：要闻), or else from a page list of a single entry; a
// list of all the pages names none.
//
// When no run is long enough, ParsePage returns the Page, with its date and
// dropped lines, and ErrNoArticle. Bad input never makes it panic. Bytes
// that are not UTF-8 are kept as they are in the Page (encoding/json writes
// them as U+FFFD).
func ParsePage(text string) (Page, error) {
	ps := newPageState(text)
	ps.markRepeats()
	ps.questions()
	ps.buildRuns()
	return ps.page()
}

// pline is a non-blank line of the page.
type pline struct {
	num  int    // line number, from 1
	text string // trimmed
	size int    // characters, pinyin readings not counted
	kind lineKind
	info lineInfo
	rep  bool // repeats the line or block right before it

	owner int  // the article the line is in, or -1
	role  role // what it is in that article
}

type role uint8

const (
	roleNone role = iota
	roleHeadline
	roleSubtitle
	roleBody
	roleMeta
)

// A run is a run of paragraphs, the body of an article to be.
type run struct {
	items    []int // line indexes of the body
	headings []int // indexes into items of the sub-headings
	trailer  []int // source, editor and byline lines after the body
	runes    int   // characters in the paragraphs
	art      Article
}

type pageState struct {
	lines []pline
	runs  []*run
}

func newPageState(text string) *pageState {
	ps := &pageState{}
	var k []rune
	var off []int
	prevBare := false
	num := 0
	for len(text) > 0 {
		num++
		i := strings.IndexAny(text, "\r\n")
		line := text
		if i < 0 {
			text = ""
		} else {
			line = text[:i]
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			text = text[i+1:]
		}
		t := trimSpace(line)
		if t == "" {
			continue
		}
		k, off = foldLine(t, k, off)
		kind, info := classify(t, k, off, prevBare)
		prevBare = kind == kindPageList && info.bare
		ps.lines = append(ps.lines, pline{num: num, text: t, size: len(k), kind: kind, info: info, owner: -1})
	}
	return ps
}

// maxBlock is the longest block of lines that the repeat rule looks for.
const maxBlock = 8

// markRepeats marks each line, or block of lines, that is the same as the
// lines right before it.
func (ps *pageState) markRepeats() {
	ls := ps.lines
	for i := 1; i < len(ls); {
		n := 0
	blocks:
		for b := 1; b <= maxBlock && b <= i && i+b <= len(ls); b++ {
			for j := 0; j < b; j++ {
				if ls[i+j].text != ls[i-b+j].text {
					continue blocks
				}
			}
			n = b
			break
		}
		if n == 0 {
			i++
			continue
		}
		for j := i; j < i+n; j++ {
			ls[j].rep = true
		}
		i += n
	}
}

// questions makes headlines of the questions and exclamations that head an
// article: a short line ending in ！ or ？ whose next line is a date bar, a
// byline or metadata, or a paragraph that opens with a byline or a source;
// below a paragraph, only a byline or such a paragraph. Nothing else tells 食安風暴延燒 業者喊冤？ from
// a paragraph.
func (ps *pageState) questions() {
	for i := range ps.lines {
		l := &ps.lines[i]
		if l.rep || l.kind != kindPara || l.size > maxShort || !endsQuestion(l.text) {
			continue
		}
		p := ps.prev(i)
		// Below a paragraph, only a byline that starts an article will do:
		// a date bar, a source or a bracketed byline there may be the
		// previous article's last lines, the question its last paragraph.
		afterText := p >= 0 && (ps.lines[p].kind == kindPara || ps.lines[p].kind == kindOther)
		n := ps.next(i)
		for n >= 0 && ps.lines[n].kind == kindNav {
			n = ps.next(n)
		}
		if n < 0 {
			continue
		}
		switch nl := &ps.lines[n]; nl.kind {
		case kindDateBar, kindMeta, kindSource:
			if afterText {
				continue
			}
		case kindByline:
			if afterText && nl.info.bracketed {
				continue
			}
		case kindPara, kindOther:
			if !nl.hasLead() {
				continue
			}
		default:
			continue
		}
		l.kind = kindShort
		l.info.dash = strings.HasPrefix(l.text, "—") || strings.HasPrefix(l.text, "-")
	}
}

// prev returns the index of the last line before i that is neither a
// repeat nor navigation, or -1.
func (ps *pageState) prev(i int) int {
	for i--; i >= 0; i-- {
		if !ps.lines[i].rep && ps.lines[i].kind != kindNav {
			return i
		}
	}
	return -1
}

// next returns the index of the first line after i that is not a repeat,
// or -1.
func (ps *pageState) next(i int) int {
	for i++; i < len(ps.lines); i++ {
		if !ps.lines[i].rep {
			return i
		}
	}
	return -1
}

// isTrailer reports whether a line can close an article: a source, an
// editor, a bracketed byline.
func (l *pline) isTrailer() bool {
	switch l.kind {
	case kindSource:
		return true
	case kindMeta:
		return l.info.source != "" || l.info.editor != ""
	case kindByline:
		return l.info.bracketed
	}
	return false
}

// hasLead reports whether a paragraph opens with a byline or a source,
// as the first paragraph of an article does.
func (l *pline) hasLead() bool {
	return (l.kind == kindPara || l.kind == kindOther) && (l.info.byline != "" || l.info.source != "")
}

// buildRuns finds the runs of paragraphs and the trailers that close them.
func (ps *pageState) buildRuns() {
	var cur, tail *run // the open run; the run a trailer may still join
	for i := range ps.lines {
		l := &ps.lines[i]
		if l.rep {
			continue
		}
		switch l.kind {
		case kindPara:
			if cur == nil {
				cur = &run{}
				ps.runs = append(ps.runs, cur)
			}
			cur.items = append(cur.items, i)
			cur.runes += l.size
			tail = nil
			continue
		case kindShort, kindOther:
			nx := ps.next(i)
			if cur == nil && l.info.clause && nx >= 0 && ps.lines[nx].kind == kindPara {
				// A paragraph broken after a comma starts a run.
				cur = &run{}
				ps.runs = append(ps.runs, cur)
			}
			if cur != nil && nx >= 0 {
				n := &ps.lines[nx]
				if l.kind == kindShort && n.kind == kindPara && !n.hasLead() {
					cur.headings = append(cur.headings, len(cur.items))
					cur.items = append(cur.items, i)
					continue
				}
				if l.kind == kindOther && (n.kind == kindPara || n.isTrailer()) {
					cur.items = append(cur.items, i)
					cur.runes += l.size
					continue
				}
			}
		default:
			if r := cur; l.isTrailer() && (r != nil || tail != nil) {
				if r == nil {
					r = tail
				}
				r.trailer = append(r.trailer, i)
				cur, tail = nil, r
				continue
			}
		}
		cur, tail = nil, nil
	}
}

// page puts the page together: the articles with their headers, the date,
// the section, the dropped lines.
func (ps *pageState) page() (Page, error) {
	var p Page
	var arts []*run
	for _, r := range ps.runs {
		if r.runes >= minArticle {
			arts = append(arts, r)
		}
	}
	floor := -1 // the last line of the article before
	for a, r := range arts {
		ps.header(r, a, floor)
		for _, i := range r.trailer {
			ps.own(i, a, roleMeta, &r.art)
		}
		for _, i := range r.items {
			ps.own(i, a, roleBody, nil)
		}
		ps.lead(r)
		for _, i := range r.items {
			r.art.Body = append(r.art.Body, ps.lines[i].text)
		}
		r.art.Subheadings = r.headings
		floor = r.items[len(r.items)-1]
		if len(r.trailer) > 0 {
			floor = r.trailer[len(r.trailer)-1]
		}
	}
	main := -1
	for a, r := range arts {
		if main < 0 || r.runes > arts[main].runes {
			main = a
		}
	}
	for a, r := range arts {
		if a == main {
			p.Article = r.art
		} else {
			p.Others = append(p.Others, r.art)
		}
	}
	ps.dateAndSection(&p)
	ps.drop(&p, arts)
	if p.Body == nil {
		p.Body = []string{}
	}
	if p.Dropped == nil {
		p.Dropped = []DroppedLine{}
	}
	if main < 0 {
		p.Warnings = append(p.Warnings, "no article found")
		return p, ErrNoArticle
	}
	if p.Headline == "" {
		p.Warnings = append(p.Warnings, "the article has no headline")
	}
	return p, nil
}

// own gives line i to article a; a metadata line's fields fill the
// article's empty ones.
func (ps *pageState) own(i, a int, ro role, art *Article) {
	l := &ps.lines[i]
	l.owner, l.role = a, ro
	if art == nil {
		return
	}
	fill := func(f *string, v string) {
		if *f == "" {
			*f = v
		}
	}
	fill(&art.Source, l.info.source)
	fill(&art.Byline, l.info.byline)
	fill(&art.Editor, l.info.editor)
}

// lead fills the article's empty byline and source from the lead of its
// first paragraph (本报讯（记者 张三）…, 〔記者陳小明／臺北報導〕…).
func (ps *pageState) lead(r *run) {
	for _, i := range r.items {
		l := &ps.lines[i]
		if l.kind != kindPara && l.kind != kindOther {
			continue // a sub-heading
		}
		if r.art.Byline == "" {
			r.art.Byline = l.info.byline
		}
		if r.art.Source == "" {
			r.art.Source = l.info.source
		}
		return
	}
}

// maxHeader is how many lines above the body the header may take.
const maxHeader = 12

// header reads the header of article a backwards from its body, down to
// line floor (exclusive).
func (ps *pageState) header(r *run, a, floor int) {
	headline, subtitle := false, false
	taken := 0
lines:
	for j := r.items[0] - 1; j > floor && taken < maxHeader; j-- {
		l := &ps.lines[j]
		if l.rep || l.kind == kindNav || l.kind == kindFooter {
			continue
		}
		if l.owner >= 0 {
			break
		}
		switch l.kind {
		case kindByline, kindDateBar, kindMeta, kindSource:
			ps.own(j, a, roleMeta, &r.art)
		case kindShort:
			switch {
			case headline:
				break lines
			case !subtitle && l.info.dash:
				subtitle = true
				ps.own(j, a, roleSubtitle, nil)
				r.art.Subtitle = l.text
			case taken == 0 && l.info.ordinal:
				// 一、… right above the first paragraph: the body's first
				// sub-heading, not a headline.
				r.items = append([]int{j}, r.items...)
				for h := range r.headings {
					r.headings[h]++
				}
				r.headings = append([]int{0}, r.headings...)
			default:
				headline = true
				ps.own(j, a, roleHeadline, nil)
				r.art.Headline = l.text
			}
		default:
			break lines
		}
		taken++
	}
}

// dateAndSection reads the page's date from its date bars, and its page
// number and section from the first date bar that names one or else from a
// page list of a single entry.
func (ps *pageState) dateAndSection(p *Page) {
	year := ps.year()
	for i := range ps.lines {
		l := &ps.lines[i]
		if l.kind != kindDateBar {
			continue
		}
		in := &l.info
		date := in.date
		if md := in.monthDay; md[0] > 0 && year > 0 {
			if dt := datePart(year, md[0], md[1], 0); dt.valid {
				date = isoDate(dt.y, dt.m, dt.d)
			}
		}
		switch {
		case in.monthDay[0] > 0 && year == 0:
			p.Warnings = append(p.Warnings, fmt.Sprintf("line %d: %s has no year, and the page gives none", l.num, in.dateText))
		case date == "":
			p.Warnings = append(p.Warnings, fmt.Sprintf("line %d: %s is not a date", l.num, in.dateText))
		case p.Date == "":
			p.Date = date
		case date != p.Date:
			p.Warnings = append(p.Warnings, fmt.Sprintf("line %d: date %s differs from the page's date %s", l.num, date, p.Date))
		}
		if date != "" && in.wd > 0 {
			t, _ := time.Parse(time.DateOnly, date)
			if wd := int(t.Weekday()) + 1; wd != in.wd {
				p.Warnings = append(p.Warnings, fmt.Sprintf("line %d: the page says %s but %s is a %s (%s)",
					l.num, in.wdText, date, t.Weekday(), weekdayNames[wd-1]))
			}
		}
		if p.PageNumber == "" && p.Section == "" && (in.pageNo != "" || in.section != "") {
			p.PageNumber, p.Section = in.pageNo, in.section
		}
	}
	if p.PageNumber != "" || p.Section != "" {
		return
	}
	// Page lists: a group of consecutive page-list lines with one entry.
	for i := 0; i < len(ps.lines); {
		if ps.lines[i].kind != kindPageList {
			i++
			continue
		}
		j, entries := i, 0
		for j < len(ps.lines) && ps.lines[j].kind == kindPageList {
			entries += ps.lines[j].info.entries
			j++
		}
		if entries == 1 {
			p.PageNumber = ps.lines[i].info.pageNo
			for _, l := range ps.lines[i:j] {
				if l.info.section != "" {
					p.Section = l.info.section
				}
			}
			return
		}
		i = j
	}
}

// year returns the year for the dates the page prints without one (6月7日):
// that of its first date bar with a full date, or else of the first full
// date on any line; 0 if it has none.
func (ps *pageState) year() int {
	for _, l := range ps.lines {
		if l.kind == kindDateBar && l.info.date != "" {
			t, _ := time.Parse(time.DateOnly, l.info.date)
			return t.Year()
		}
	}
	var k []rune
	for _, l := range ps.lines {
		k, _ = foldLine(l.text, k, nil)
		for i := range k {
			if dt := parseDate(k, i); dt.ok && dt.valid && !dt.noYear {
				return dt.y
			}
		}
	}
	return 0
}

// drop lists the lines that are in no article's text, with the reason.
func (ps *pageState) drop(p *Page, arts []*run) {
	inArticle := map[string]bool{}
	for _, r := range arts {
		inArticle[r.art.Headline] = true
		inArticle[r.art.Subtitle] = true
		for _, s := range r.art.Body {
			inArticle[s] = true
		}
	}
	for i := range ps.lines {
		l := &ps.lines[i]
		if l.owner >= 0 && l.role != roleMeta {
			continue
		}
		var why Reason
		switch {
		case l.kind == kindNav:
			why = ReasonNavigation
		case l.kind == kindPageList:
			why = ReasonPageList
		case l.kind == kindFooter:
			why = ReasonFooter
		case l.kind == kindDateBar:
			why = ReasonDateBar
		case l.owner >= 0:
			why = ReasonMetadata
		case l.rep || inArticle[l.text]:
			why = ReasonRepeated
		default:
			why = ReasonOutside
		}
		p.Dropped = append(p.Dropped, DroppedLine{l.num, l.text, why})
	}
}

// Text renders the page's articles as clean text: for each, the headline,
// the subtitle and the date on lines of their own, a blank line, and the
// body, one paragraph per line. Articles are separated by a blank line, the
// page's Article first. A page without an article renders as "".
func (p Page) Text() string {
	var b strings.Builder
	write := func(a *Article) {
		if len(a.Body) == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		head := false
		for _, s := range []string{a.Headline, a.Subtitle, p.Date} {
			if s != "" {
				b.WriteString(s)
				b.WriteByte('\n')
				head = true
			}
		}
		if head {
			b.WriteByte('\n')
		}
		for _, s := range a.Body {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	write(&p.Article)
	for i := range p.Others {
		write(&p.Others[i])
	}
	return b.String()
}

// Map returns a copy of the page with f applied to the text of its
// articles (headline, subtitle, byline, source, editor, each paragraph) and
// to its section; to convert a page, pass a Converter's Convert. Date,
// PageNumber, Dropped and Warnings are left as they are: they record the
// input. The copy shares no slices with p.
func (p Page) Map(f func(string) string) Page {
	q := p
	if p.Section != "" {
		q.Section = f(p.Section)
	}
	q.Article = p.Article.Map(f)
	if p.Others != nil {
		q.Others = make([]Article, len(p.Others))
		for i := range p.Others {
			q.Others[i] = p.Others[i].Map(f)
		}
	}
	if p.Dropped != nil {
		q.Dropped = append([]DroppedLine{}, p.Dropped...)
	}
	if p.Warnings != nil {
		q.Warnings = append([]string{}, p.Warnings...)
	}
	return q
}

// Map returns a copy of the article with f applied to its text: headline,
// subtitle, byline, source, editor and each paragraph. Empty fields stay
// empty. The copy shares no slices with a.
func (a Article) Map(f func(string) string) Article {
	g := func(s string) string {
		if s == "" {
			return ""
		}
		return f(s)
	}
	b := Article{
		Headline: g(a.Headline),
		Subtitle: g(a.Subtitle),
		Byline:   g(a.Byline),
		Source:   g(a.Source),
		Editor:   g(a.Editor),
	}
	if a.Body != nil {
		b.Body = make([]string, len(a.Body))
		for i, s := range a.Body {
			b.Body[i] = f(s)
		}
	}
	if a.Subheadings != nil {
		b.Subheadings = append([]int{}, a.Subheadings...)
	}
	return b
}
