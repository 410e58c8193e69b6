package zhnorm

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pageSamples are the sample pages under testdata and the base names of
// their goldens under testdata/page: NAME.json.golden (the Page as JSON) and
// NAME.text.golden (Page.Text).
var pageSamples = []struct {
	input, golden string
	noArticle     bool
}{
	{seedPage, "000_a73dac5818fe388b", false},
	{"page/000_normalized.txt", "000_normalized", false}, // the seed page normalized by hand
	{"page/people_daily.txt", "people_daily", false},     // headline after the date, subtitle, byline, footer date
	{"page/headline_first.txt", "headline_first", false}, // headline before the date, 来源 and 作者, 责任编辑, copyright
	{"page/subheadings.txt", "subheadings", false},       // sub-headings, 本报记者 … 通讯员 …, page of its own
	{"page/two_articles.txt", "two_articles", false},     // two articles, the second with 本报讯 and (据…)
	{"page/traditional.txt", "traditional", false},       // Traditional, Taiwan layout: 2022/06/07 週二, 來源
	{"page/wrong_weekday.txt", "wrong_weekday", false},   // 2022-06-07 printed as 星期三
	{"page/no_article.txt", "no_article", true},          // furniture and teasers only
	{"page/xinhua_toolbar.txt", "xinhua_toolbar", false}, // Xinhua: toolbar above the body, 新华社…电（记者 …） lead, 【纠错】 editor
	{"page/ltn_taiwan.txt", "ltn_taiwan", false},         // Taiwan daily: 〔記者…／臺北報導〕 lead, 中華民國111年 date bar, spaced headline
	{"page/cna.txt", "cna", false},                       // CNA: （中央社記者…台北7日電） lead, 字級 and share bars, （編輯：…）1110607
	{"page/hk_daily.txt", "hk_daily", false},             // Hong Kong daily: 二〇二二年六月七日, 香港文匯報訊（記者 …）, 【字體：大 中 小】
	{"page/question.txt", "question", false},             // a question headline above a date bar of 6月7日, its year in the footer
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pageJSON is the Page as the command line prints it: encoding/json,
// indented, without HTML escapes.
func pageJSON(t testing.TB, p Page) []byte {
	t.Helper()
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	e.SetIndent("", "  ")
	if err := e.Encode(p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestParsePageGolden parses every sample page against its goldens, checks
// that the JSON reads back into the same Page and that every line of the
// input is accounted for.
func TestParsePageGolden(t *testing.T) {
	for _, s := range pageSamples {
		t.Run(s.golden, func(t *testing.T) {
			in := readTestdata(t, s.input)
			p, err := ParsePage(in)
			if s.noArticle != errors.Is(err, ErrNoArticle) || (err != nil && !errors.Is(err, ErrNoArticle)) {
				t.Errorf("error %v, want no article: %v", err, s.noArticle)
			}
			js := pageJSON(t, p)
			checkGolden(t, filepath.Join("page", s.golden+".json.golden"), js)
			checkGolden(t, filepath.Join("page", s.golden+".text.golden"), []byte(p.Text()))
			var back Page
			if err := json.Unmarshal(js, &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p, back); diff != "" {
				t.Errorf("JSON round trip (-parsed +read back):\n%s", diff)
			}
			checkAccounted(t, in, p, err)
		})
	}
}

// TestParsePageSeed pins what the issue asks of the seed page, apart from
// the golden: the headline once, the date, the source, the eight paragraphs
// of lines 83–97 as printed, and the furniture dropped with its reasons.
func TestParsePageSeed(t *testing.T) {
	in := readTestdata(t, seedPage)
	p, err := ParsePage(in)
	if err != nil {
		t.Fatal(err)
	}
	const headline = "黑龍江:推動社會工作人才融入全省人才隊伍建設大局"
	if p.Headline != headline || p.Date != "2022-06-07" || p.Source != "黑龍江省民政廳" {
		t.Errorf("headline %q, date %q, source %q", p.Headline, p.Date, p.Source)
	}
	if p.Section != "" || p.PageNumber != "" || p.Byline != "" || p.Editor != "" || p.Subtitle != "" ||
		len(p.Others) != 0 || len(p.Warnings) != 0 || len(p.Subheadings) != 0 {
		t.Errorf("unexpected fields: %+v", p)
	}
	lines := strings.Split(in, "\n")
	var want []string
	for n := 83; n <= 97; n += 2 {
		want = append(want, trimSpace(lines[n-1]))
	}
	if diff := cmp.Diff(want, p.Body); diff != "" {
		t.Errorf("body (-lines 83–97 +got):\n%s", diff)
	}
	for _, s := range p.Body {
		if !strings.HasSuffix(s, "。") && !strings.HasSuffix(s, ":") {
			t.Errorf("paragraph does not end a sentence: %q", s)
		}
	}
	reasons := map[int]Reason{}
	for _, d := range p.Dropped {
		reasons[d.Line] = d.Reason
	}
	wantReasons := map[int]Reason{1: ReasonNavigation, 29: ReasonNavigation, 79: ReasonNavigation, 80: ReasonDateBar, 99: ReasonMetadata,
		18: ReasonRepeated, 19: ReasonRepeated, 22: ReasonRepeated, 23: ReasonRepeated, 26: ReasonRepeated, 27: ReasonRepeated,
		20: ReasonOutside, 21: ReasonOutside, 24: ReasonOutside, 25: ReasonOutside}
	for n := 2; n <= 17; n++ {
		wantReasons[n] = ReasonPageList
	}
	for n := 31; n <= 77; n++ {
		if n%3 != 0 { // every third line is blank
			wantReasons[n] = ReasonPageList
		}
	}
	if diff := cmp.Diff(wantReasons, reasons); diff != "" {
		t.Errorf("dropped lines' reasons (-want +got):\n%s", diff)
	}
}

// normalizeSeed does by hand what the normalizer will do to the seed page:
// full-width punctuation in Chinese text, pinyin readings removed, the
// mangled 。現 repaired.
var normalizeSeed = strings.NewReplacer("?,F(xiàn)", "。現", ":", "：", ",", "，", ";", "；", "(", "（", ")", "）")

// TestParsePageNormalized: the seed page as scraped and the seed page
// normalized give the same article, modulo the normalization.
func TestParsePageNormalized(t *testing.T) {
	raw, err := ParsePage(readTestdata(t, seedPage))
	if err != nil {
		t.Fatal(err)
	}
	norm, err := ParsePage(readTestdata(t, "page/000_normalized.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := raw.Map(func(s string) string { return normalizeSeed.Replace(stripReadings(s)) })
	if diff := cmp.Diff(withoutDropped(want), withoutDropped(norm)); diff != "" {
		t.Errorf("normalized page (-raw normalized by hand +parsed normalized):\n%s", diff)
	}
	if diff := cmp.Diff(dropReasons(raw), dropReasons(norm)); diff != "" {
		t.Errorf("dropped lines (-raw +normalized):\n%s", diff)
	}
}

// TestParsePageConverted: converting a page and then parsing it gives the
// same article as parsing it and converting the article (Page.Map), for
// every sample and both directions, Taiwan phrases included.
func TestParsePageConverted(t *testing.T) {
	for _, config := range []string{"t2s", "s2t", "s2twp", "s2hk"} {
		c := mustConverter(t, config)
		for _, s := range pageSamples {
			in := readTestdata(t, s.input)
			p, _ := ParsePage(in)
			q, _ := ParsePage(c.Convert(in))
			if diff := cmp.Diff(withoutDropped(p.Map(c.Convert)), withoutDropped(q)); diff != "" {
				t.Errorf("%s %s (-parsed then converted +converted then parsed):\n%s", config, s.golden, diff)
			}
			if diff := cmp.Diff(dropReasons(p), dropReasons(q)); diff != "" {
				t.Errorf("%s %s: dropped lines (-original +converted):\n%s", config, s.golden, diff)
			}
		}
	}
}

// TestParsePageTextReparses: the text form of a one-article page parses
// back into the same article.
func TestParsePageTextReparses(t *testing.T) {
	for _, s := range pageSamples {
		p, err := ParsePage(readTestdata(t, s.input))
		if err != nil || len(p.Others) > 0 {
			continue
		}
		q, err := ParsePage(p.Text())
		if err != nil {
			t.Errorf("%s: %v", s.golden, err)
			continue
		}
		want := Page{Date: p.Date, Article: Article{Headline: p.Headline, Subtitle: p.Subtitle, Body: p.Body, Subheadings: p.Subheadings}}
		got := Page{Date: q.Date, Article: Article{Headline: q.Headline, Subtitle: q.Subtitle, Body: q.Body, Subheadings: q.Subheadings}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: Text parsed again (-first +second):\n%s", s.golden, diff)
		}
	}
}

// withoutDropped is the page without its dropped lines.
func withoutDropped(p Page) Page {
	p.Dropped = nil
	return p
}

// dropReasons lists the dropped lines as "line reason".
func dropReasons(p Page) []string {
	var s []string
	for _, d := range p.Dropped {
		s = append(s, strconv.Itoa(d.Line)+" "+string(d.Reason))
	}
	return s
}

var reasons = []Reason{ReasonNavigation, ReasonPageList, ReasonRepeated, ReasonDateBar, ReasonFooter, ReasonMetadata, ReasonOutside}

// checkAccounted checks the promise that nothing is lost: every non-blank
// line of the input is, trimmed, either in Dropped under its own number or
// the text of an article's headline, subtitle or paragraph, and each of
// those is a line of the input. It also checks the result's shape.
func checkAccounted(t testing.TB, text string, p Page, err error) {
	t.Helper()
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
	left := map[int]string{}
	for i, l := range lines {
		if s := trimSpace(l); s != "" {
			left[i+1] = s
		}
	}
	last := 0
	for _, d := range p.Dropped {
		if d.Line <= last {
			t.Errorf("dropped line %d after line %d", d.Line, last)
		}
		last = d.Line
		if s, ok := left[d.Line]; !ok || s != d.Text {
			t.Errorf("dropped line %d is %q; the input's line is %q", d.Line, d.Text, s)
		}
		if !slices.Contains(reasons, d.Reason) {
			t.Errorf("dropped line %d: unknown reason %q", d.Line, d.Reason)
		}
		delete(left, d.Line)
	}
	var kept, inArticles []string
	for _, s := range left {
		kept = append(kept, s)
	}
	for _, a := range append([]Article{p.Article}, p.Others...) {
		for _, s := range append([]string{a.Headline, a.Subtitle}, a.Body...) {
			if s != "" {
				inArticles = append(inArticles, s)
			}
		}
		for i, h := range a.Subheadings {
			if h < 0 || h >= len(a.Body) || i > 0 && h <= a.Subheadings[i-1] {
				t.Errorf("subheadings %v out of order or out of range of %d paragraphs", a.Subheadings, len(a.Body))
			}
		}
		if len(a.Body) == 0 && (a.Headline != "" || len(p.Others) > 0) {
			t.Errorf("an article without a body: %+v", a)
		}
	}
	slices.Sort(kept)
	slices.Sort(inArticles)
	if diff := cmp.Diff(kept, inArticles); diff != "" {
		t.Errorf("lines not dropped vs the articles' text (-lines +articles):\n%s", diff)
	}
	if (err != nil) != (len(p.Body) == 0) || err != nil && !errors.Is(err, ErrNoArticle) {
		t.Errorf("error %v with %d paragraphs", err, len(p.Body))
	}
	if p.Body == nil || p.Dropped == nil {
		t.Errorf("nil Body or Dropped: the JSON would say null")
	}
}

func BenchmarkParsePage(b *testing.B) {
	in := readTestdata(b, seedPage)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		ParsePage(in)
	}
}

// TestParsePageAfterNormalizer: the normalizer's output of the seed page
// parses to the same article as the raw page. (Normalized, 社會工作???/a>
// becomes 社會工作???, whose ??? must not read as the end of a question.)
func TestParsePageAfterNormalizer(t *testing.T) {
	raw := seedText(t)
	want, _ := ParsePage(raw)
	got, err := ParsePage(Normalize(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != want.Date || got.PageNumber != want.PageNumber || got.Section != want.Section || len(got.Body) != len(want.Body) || len(got.Body) != 8 {
		t.Errorf("normalized page: date %q page %q section %q, %d paragraphs; raw: %q %q %q, %d",
			got.Date, got.PageNumber, got.Section, len(got.Body), want.Date, want.PageNumber, want.Section, len(want.Body))
	}
	if got.Headline != Normalize(want.Headline)[:len(got.Headline)] || got.Source != "黑龍江省民政廳" {
		t.Errorf("normalized page: headline %q, source %q", got.Headline, got.Source)
	}
}

// TestParsePageRawAndNormalized: for every sample page, ParsePage of the
// page as scraped and of the page normalized give the same article, once
// the raw result's fields are normalized; the same lines are dropped, for
// the same reasons, and the dates and warnings agree.
func TestParsePageRawAndNormalized(t *testing.T) {
	for _, s := range pageSamples {
		in := readTestdata(t, s.input)
		raw, err1 := ParsePage(in)
		norm, err2 := ParsePage(Normalize(in))
		if (err1 == nil) != (err2 == nil) {
			t.Errorf("%s: error %v raw, %v normalized", s.golden, err1, err2)
		}
		// Page fields are trimmed; Normalize ends its text with a newline.
		want := raw.Map(func(s string) string { return trimSpace(Normalize(s)) })
		if diff := cmp.Diff(withoutDropped(want), withoutDropped(norm)); diff != "" {
			t.Errorf("%s (-raw parsed then normalized +normalized then parsed):\n%s", s.golden, diff)
		}
		if diff := cmp.Diff(dropReasons(raw), dropReasons(norm)); diff != "" {
			t.Errorf("%s: dropped lines (-raw +normalized):\n%s", s.golden, diff)
		}
	}
}
