package zhbleve

import (
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
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
// newDiskIndex), one field analyzed by each analyzer, in batches of
// 1000 documents.
func BenchmarkIndex(b *testing.B) {
	docs, size := benchDocs(b)
	for _, name := range benchAnalyzers {
		b.Run(name, func(b *testing.B) {
			im := bleve.NewIndexMapping()
			im.DefaultAnalyzer = name
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				idx, err := newDiskIndex(b, im)
				if err != nil {
					b.Fatal(err)
				}
				indexDocs(b, idx, docs)
				idx.Close()
			}
		})
	}
}
