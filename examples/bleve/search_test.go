package zhbleve

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

var fullCorpus = flag.Bool("full", false, "index the whole corpora rather than the first 128 KB of each")

// corpusDir holds the shared test corpora (see its README); tests that
// need it skip when it is absent.
const corpusDir = "../../../shared/corpus"

// sampleBytes bounds the text indexed from each corpus unless -full: the
// first lines of each file up to this many bytes. It holds every case the
// tests look for (the first 記憶體 of as_test is at 96 KB, the first
// 黑龍江 of cityu_test at 106 KB).
const sampleBytes = 128 << 10

var corpora = []string{"pku_test.utf8", "msr_test.utf8", "cityu_test.utf8", "as_test.utf8"}

// A testDoc is one document: a line of a corpus or a whole page.
type testDoc struct{ id, text string }

// The fields of the test index: the same text folded three ways.
const (
	fieldText = "text"    // zhnorm_cjk, the default fold t2s; stored
	fieldTW   = "text_tw" // zhnorm_cjk with the fold tw2sp; stored
	fieldCJK  = "text_cjk"
)

// newIndexMapping is the mapping of the README: a field analyzed by
// zhnorm_cjk, stored with term vectors so that hits can be highlighted,
// and beside it the same text under a tw2sp fold and under Bleve's own cjk
// analyzer.
func newIndexMapping(t testing.TB) mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer("zh_tw", map[string]interface{}{
		"type":   AnalyzerName,
		"config": "tw2sp",
	}); err != nil {
		t.Fatal(err)
	}
	field := func(name, analyzer string, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name = name
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = true // for phrase queries
		f.IncludeInAll = false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text",
		field(fieldText, AnalyzerName, true),
		field(fieldTW, "zh_tw", true),
		field(fieldCJK, cjk.AnalyzerName, false))
	im.DefaultMapping = doc
	return im
}

// newDiskIndex returns a new index in a temporary folder, with Bleve's
// default index type (scorch) and without syncing each batch to disk,
// which would time the disk rather than the analysis.
func newDiskIndex(tb testing.TB, im mapping.IndexMapping) (bleve.Index, error) {
	return bleve.NewUsing(filepath.Join(tb.TempDir(), "index"), im, scorch.Name, scorch.Name,
		map[string]interface{}{"unsafe_batch": true})
}

func newIndex(t testing.TB, docs []testDoc) bleve.Index {
	t.Helper()
	idx, err := newDiskIndex(t, newIndexMapping(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	indexDocs(t, idx, docs)
	return idx
}

// indexDocs indexes docs in batches of 1000, each a document with the one
// field "text".
func indexDocs(tb testing.TB, idx bleve.Index, docs []testDoc) {
	tb.Helper()
	b := idx.NewBatch()
	for i, d := range docs {
		if err := b.Index(d.id, map[string]interface{}{"text": d.text}); err != nil {
			tb.Fatal(err)
		}
		if b.Size() == 1000 || i == len(docs)-1 {
			if err := idx.Batch(b); err != nil {
				tb.Fatal(err)
			}
			b.Reset()
		}
	}
}

// corpusDocs returns the seed page, as one document, and the lines of the
// sample of each corpus, or skips the test when the corpora are absent.
func corpusDocs(t testing.TB) []testDoc {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpora absent: %v", err)
	}
	docs := []testDoc{{"seed", string(readSeed(t))}}
	for _, name := range corpora {
		b, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !*fullCorpus && len(b) > sampleBytes {
			b = b[:strings.LastIndexByte(string(b[:sampleBytes]), '\n')+1]
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(line) != "" {
				docs = append(docs, testDoc{fmt.Sprintf("%s:%d", strings.TrimSuffix(name, "_test.utf8"), i+1), line})
			}
		}
	}
	return docs
}

// A searchCase is a query and what it must find, decided without zhnorm:
// the documents whose text, with pinyin readings taken out, holds one of
// the forms.
type searchCase struct {
	field string
	query string
	forms []string // the forms of the query's word in the original texts
	// mark is a text that some highlight must mark: the original form in
	// the other script or width.
	mark string
}

// reading matches a tone-marked pinyin reading in parentheses, as the
// gateway of the seed page glued them after characters.
var reading = regexp.MustCompile(`\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)`)

// expected returns the ids of the documents that hold one of forms,
// readings aside; a form that is all digits must stand apart from other
// digits and letters, as a token would.
func expected(docs []testDoc, forms []string) map[string]bool {
	var alts []string
	for _, f := range forms {
		alts = append(alts, regexp.QuoteMeta(f))
	}
	word := `(?:` + strings.Join(alts, "|") + `)`
	re := regexp.MustCompile(word)
	if strings.Trim(forms[0], "0123456789０１２３４５６７８９") == "" {
		const around = `0-9０-９A-Za-zＡ-Ｚａ-ｚ.．,`
		re = regexp.MustCompile(`(?:^|[^` + around + `])` + word + `(?:$|[^` + around + `])`)
	}
	ids := map[string]bool{}
	for _, d := range docs {
		if re.MatchString(reading.ReplaceAllString(d.text, "")) {
			ids[d.id] = true
		}
	}
	return ids
}

// fieldAnalyzer names each field's analyzer for its queries: Bleve finds
// the analyzer of a query by the document path ("text"), which the three
// fields share.
var fieldAnalyzer = map[string]string{fieldText: AnalyzerName, fieldTW: "zh_tw", fieldCJK: cjk.AnalyzerName}

// search runs the phrase query q on field and returns the hits' ids and
// their highlighted fragments.
func search(t *testing.T, idx bleve.Index, field, q string) (map[string]bool, map[string][]string) {
	t.Helper()
	mq := query.NewMatchPhraseQuery(q)
	mq.SetField(field)
	mq.Analyzer = fieldAnalyzer[field]
	req := bleve.NewSearchRequestOptions(mq, 100000, 0, false)
	if field != fieldCJK {
		req.Highlight = bleve.NewHighlightWithStyle(HighlighterName)
		req.Highlight.AddField(field)
	}
	res, err := idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	frags := map[string][]string{}
	for _, h := range res.Hits {
		ids[h.ID] = true
		frags[h.ID] = h.Fragments[field]
	}
	return ids, frags
}

var mark = regexp.MustCompile(`<mark>(.*?)</mark>`)

// runSearches runs checkSearch on each case, and checks that some highlight
// marks the case's mark.
func runSearches(t *testing.T, idx bleve.Index, docs []testDoc, cases []searchCase) {
	for _, c := range cases {
		t.Run(c.field+"/"+c.query, func(t *testing.T) {
			marked := checkSearch(t, idx, docs, c)
			if marked[c.mark] == 0 {
				t.Errorf("%q: no highlight marks %q; marked %v", c.query, c.mark, marked)
			}
		})
	}
}

// checkSearch checks that c.query finds exactly the documents expected and
// that each hit's fragments mark original text that holds one of c.forms,
// readings aside. It returns the texts marked, with how often.
func checkSearch(t *testing.T, idx bleve.Index, docs []testDoc, c searchCase) map[string]int {
	t.Helper()
	want := expected(docs, c.forms)
	if len(want) == 0 {
		t.Fatalf("%s %q: the documents hold none of %q; the test would show nothing", c.field, c.query, c.forms)
	}
	got, frags := search(t, idx, c.field, c.query)
	if !maps.Equal(got, want) {
		t.Errorf("%s %q: found %d documents, want %d\nmissing: %v\nextra: %v",
			c.field, c.query, len(got), len(want), diffKeys(want, got), diffKeys(got, want))
	}
	marked := map[string]int{}
	for id := range got {
		n := 0
		for _, fr := range frags[id] {
			for _, m := range mark.FindAllStringSubmatch(fr, -1) {
				n++
				marked[m[1]]++
				// A mark is one of the forms, unless the fold rewrote a
				// longer phrase as a whole (記憶體模組 → 内存条): then
				// it is all of that phrase.
				if !containsAny(reading.ReplaceAllString(m[1], ""), c.forms) {
					t.Errorf("%s %q: %s: marked %q in %q", c.field, c.query, id, m[1], fr)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s %q: %s: nothing marked in %q", c.field, c.query, id, frags[id])
		}
	}
	return marked
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func diffKeys(a, b map[string]bool) []string {
	var d []string
	for k := range a {
		if !b[k] {
			d = append(d, k)
		}
	}
	slices.Sort(d)
	if len(d) > 10 {
		d = append(d[:10], "…")
	}
	return d
}

// TestSearchCorpora indexes the seed page and a sample of each corpus and
// searches across scripts, widths and vocabularies.
func TestSearchCorpora(t *testing.T) {
	docs := corpusDocs(t)
	idx := newIndex(t, docs)
	runSearches(t, idx, docs, []searchCase{
		{field: fieldText, query: "黑龙江", forms: []string{"黑龙江", "黑龍江"}, mark: "黑龍江"},
		{field: fieldText, query: "黑龍江", forms: []string{"黑龙江", "黑龍江"}, mark: "黑龙江"},
		{field: fieldText, query: "发展", forms: []string{"发展", "發展"}, mark: "發展"},
		{field: fieldText, query: "發展", forms: []string{"发展", "發展"}, mark: "发展"},
		{field: fieldText, query: "发展", forms: []string{"发展", "發展"}, mark: "發(fā)展"},
		{field: fieldText, query: "1998", forms: []string{"1998", "１９９８"}, mark: "１９９８"},
		{field: fieldText, query: "１９９８", forms: []string{"1998", "１９９８"}, mark: "1998"},
		{field: fieldTW, query: "内存", forms: []string{"記憶體", "内存"}, mark: "記憶體"},
	})

	// Bleve's own cjk analyzer finds only the query's own script: what
	// the fold adds. Its unicode tokenizer drops full-width digits, so
	// that １９９８ finds nothing and 1998 only the ASCII digits.
	for _, c := range []struct {
		query string
		forms []string
	}{
		{"黑龙江", []string{"黑龙江"}},
		{"黑龍江", []string{"黑龍江"}},
		{"发展", []string{"发展"}},
		{"1998", []string{"1998"}},
		{"１９９８", nil},
	} {
		got, _ := search(t, idx, fieldCJK, c.query)
		want := map[string]bool{}
		if c.forms != nil {
			want = expected(docs, c.forms)
		}
		if !maps.Equal(got, want) {
			t.Errorf("cjk %q: found %d documents, want the %d that hold %q", c.query, len(got), len(want), c.forms)
		}
	}
	// Under the default fold (t2s) the vocabularies stay apart.
	if got, _ := search(t, idx, fieldText, "内存"); len(got) != 0 {
		t.Errorf("text 内存: found %v; t2s folds 記憶體 to 记忆体", slices.Sorted(maps.Keys(got)))
	}
}

// smallDocs are the seed page and a few lines written for the tests, in
// both scripts, both widths and both vocabularies, for the cases the
// corpora lack (内存, 2024).
func smallDocs(t testing.TB) []testDoc {
	return []testDoc{
		{"seed", string(readSeed(t))},
		{"cn", "黑龙江省２０２４年的电脑内存价格上涨。"},
		{"tw", "這臺電腦的記憶體在2024年漲價了。"},
		{"other", "河北省唐山市工会出台岗位管理办法。"},
	}
}

// TestSearchSmall searches the seed page and a few lines, without the
// corpora.
func TestSearchSmall(t *testing.T) {
	docs := smallDocs(t)
	idx := newIndex(t, docs)
	runSearches(t, idx, docs, []searchCase{
		{field: fieldText, query: "黑龙江", forms: []string{"黑龙江", "黑龍江"}, mark: "黑龍江"},
		{field: fieldText, query: "黑龍江", forms: []string{"黑龙江", "黑龍江"}, mark: "黑龙江"},
		{field: fieldText, query: "发展", forms: []string{"发展", "發展"}, mark: "發(fā)展"},
		{field: fieldText, query: "2024", forms: []string{"2024", "２０２４"}, mark: "２０２４"},
		{field: fieldText, query: "２０２４", forms: []string{"2024", "２０２４"}, mark: "2024"},
		{field: fieldTW, query: "内存", forms: []string{"記憶體", "内存"}, mark: "記憶體"},
		{field: fieldTW, query: "記憶體", forms: []string{"記憶體", "内存"}, mark: "内存"},
	})
}

// TestVocabularyFolds indexes a Taiwan 記憶體 and a mainland 内存 under
// the folds that turn one vocabulary into the other: tw2sp folds both to
// 内存, s2twp both to 記憶體. Under t2s they stay apart.
func TestVocabularyFolds(t *testing.T) {
	docs := []testDoc{
		{"cn", "电脑内存价格上涨。"},
		{"tw", "電腦記憶體價格上漲。"},
	}
	for _, c := range []struct {
		config string
		want   int
	}{{"tw2sp", 2}, {"s2twp", 2}, {"t2s", 1}} {
		im := bleve.NewIndexMapping()
		if err := im.AddCustomAnalyzer("fold", map[string]interface{}{"type": AnalyzerName, "config": c.config}); err != nil {
			t.Fatal(err)
		}
		im.DefaultAnalyzer = "fold"
		idx, err := bleve.NewMemOnly(im)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if err := idx.Index(d.id, map[string]interface{}{"text": d.text}); err != nil {
				t.Fatal(err)
			}
		}
		for _, q := range []string{"内存", "記憶體"} {
			mq := query.NewMatchPhraseQuery(q)
			mq.SetField("text")
			res, err := idx.Search(bleve.NewSearchRequest(mq))
			if err != nil {
				t.Fatal(err)
			}
			if int(res.Total) != c.want {
				t.Errorf("fold %s: %q found %d documents, want %d", c.config, q, res.Total, c.want)
			}
		}
		idx.Close()
	}
}
