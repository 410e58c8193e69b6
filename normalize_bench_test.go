package zhnorm

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// BenchmarkNormalize measures the default rules on the SIGHAN corpora, with
// the baseline transform.Chain(norm.NFC, width.Fold) on the same input in
// the same run: compare their MB/s.
func BenchmarkNormalize(b *testing.B) {
	in := allCorpora(b)
	normalized := Normalize(in)
	b.Run("default", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			Normalize(in)
		}
	})
	b.Run("normalized", func(b *testing.B) { // recognised by Span
		b.SetBytes(int64(len(normalized)))
		b.ReportAllocs()
		for b.Loop() {
			if Normalize(normalized) != normalized {
				b.Fatal("normalized text changed")
			}
		}
	})
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		n := NewNormalizer()
		for b.Loop() {
			n.Reset()
			io.Copy(io.Discard, transform.NewReader(strings.NewReader(in), n))
		}
	})
	b.Run("report", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		n := NewNormalizer()
		for b.Loop() {
			n.StringReport(in)
		}
	})
	b.Run("baseline-nfc-widthfold", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		t := transform.Chain(norm.NFC, width.Fold)
		for b.Loop() {
			transform.String(t, in)
		}
	})
	b.Run("baseline-nfc-widthfold-normalized", func(b *testing.B) {
		b.SetBytes(int64(len(normalized)))
		b.ReportAllocs()
		t := transform.Chain(norm.NFC, width.Fold)
		for b.Loop() {
			transform.String(t, normalized)
		}
	})
}

// BenchmarkNormalizeThenConvert streams the SIGHAN corpora through
// transform.Chain(normalizer, s2t), the CLI's pipeline.
func BenchmarkNormalizeThenConvert(b *testing.B) {
	in := allCorpora(b)
	n := NewNormalizer()
	chain := transform.Chain(n, mustConverter(b, "s2t"))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		chain.Reset()
		io.Copy(io.Discard, transform.NewReader(strings.NewReader(in), chain))
	}
}
