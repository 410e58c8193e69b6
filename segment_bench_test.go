package zhnorm

import (
	"strings"
	"testing"
)

// BenchmarkSentences splits each SIGHAN corpus into sentences.
func BenchmarkSentences(b *testing.B) {
	for _, name := range corpusFiles {
		b.Run("corpus="+strings.TrimSuffix(name, "_test.utf8"), func(b *testing.B) {
			s := corpus(b, name)
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for range Sentences(s) {
					n++
				}
			}
			b.ReportMetric(float64(n)/float64(b.N), "sentences/op")
		})
	}
}

// BenchmarkParagraphs splits the four corpora into paragraphs.
func BenchmarkParagraphs(b *testing.B) {
	s := allCorpora(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for range Paragraphs(s) {
		}
	}
}

// BenchmarkScanner streams the four corpora through a sentence Scanner, as
// the command line does, reading the text of each span with Bytes.
func BenchmarkScanner(b *testing.B) {
	s := allCorpora(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		sc := Splitter{}.NewScanner(strings.NewReader(s))
		n := 0
		for sc.Scan() {
			n += len(sc.Bytes())
		}
		if n != len(s) || sc.Err() != nil {
			b.Fatalf("%d of %d bytes, %v", n, len(s), sc.Err())
		}
	}
}
