package zhbleve

import (
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// The benchmarks run Bleve's cjk analyzer and zhnorm_cjk on the same text,
// the seed page and the corpus samples of TestSearchCorpora (all of the
// corpora with -full), one document a line:
//
//	go test -run '^$' -bench . -benchmem
var benchAnalyzers = []string{cjk.AnalyzerName, AnalyzerName}

func benchDocs(b *testing.B) ([]testDoc, int64) {
	docs := corpusDocs(b)
	var n int64
	for _, d := range docs {
		n += int64(len(d.text))
	}
	return docs, n
}

// BenchmarkAnalyze measures analysis alone: what the fold adds to the
// work of Bleve's analyzer.
func BenchmarkAnalyze(b *testing.B) {
	docs, size := benchDocs(b)
	for _, name := range benchAnalyzers {
		b.Run(name, func(b *testing.B) {
			a, err := registry.NewCache().AnalyzerNamed(name)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					a.Analyze([]byte(d.text))
				}
			}
		})
	}
}

// BenchmarkFold measures the fold alone, map included.
func BenchmarkFold(b *testing.B) {
	docs, size := benchDocs(b)
	f := mustFold(b, DefaultConfig)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			f.String(d.text)
		}
	}
}

// BenchmarkIndex measures indexing into a new index on disk (see
// newDiskIndex), one field analyzed by each analyzer, in batches of 1000
// documents. Like BenchmarkRatio it builds the two indexes by turns and
// reports the time of each and their ratio.
func BenchmarkIndex(b *testing.B) {
	docs, size := benchDocs(b)
	var ims [2]mapping.IndexMapping
	for i, name := range benchAnalyzers {
		im := bleve.NewIndexMapping()
		im.DefaultAnalyzer = name
		ims[i] = im
	}
	var took [2]time.Duration
	b.SetBytes(2 * size) // both analyzers' passes
	b.ReportAllocs()
	for b.Loop() {
		for i, im := range ims {
			t0 := time.Now()
			idx, err := newDiskIndex(b, im)
			if err != nil {
				b.Fatal(err)
			}
			indexDocs(b, idx, docs)
			idx.Close()
			took[i] += time.Since(t0)
		}
	}
	reportRatio(b, took)
}

// BenchmarkRatio runs the two analyzers by turns, document by document, so
// that the load of a shared machine falls on both alike, and reports the
// time each took per pass over the text and zhnorm_cjk's time over cjk's.
func BenchmarkRatio(b *testing.B) {
	docs, size := benchDocs(b)
	cache := registry.NewCache()
	var as [2]analysis.Analyzer
	for i, name := range benchAnalyzers {
		a, err := cache.AnalyzerNamed(name)
		if err != nil {
			b.Fatal(err)
		}
		as[i] = a
	}
	var took [2]time.Duration
	b.SetBytes(2 * size) // both analyzers' passes
	for b.Loop() {
		for _, d := range docs {
			for i, a := range as {
				t0 := time.Now()
				a.Analyze([]byte(d.text))
				took[i] += time.Since(t0)
			}
		}
	}
	reportRatio(b, took)
}

// reportRatio reports the time each analyzer took per pass and their
// ratio, zhnorm_cjk's over cjk's.
func reportRatio(b *testing.B, took [2]time.Duration) {
	n := float64(b.N)
	b.ReportMetric(float64(took[0].Nanoseconds())/n, "cjk-ns/op")
	b.ReportMetric(float64(took[1].Nanoseconds())/n, "zhnorm-ns/op")
	b.ReportMetric(float64(took[1])/float64(took[0]), "ratio")
}
