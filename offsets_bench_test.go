package zhnorm

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkNormalizeMapped measures what the offset map costs on the
// SIGHAN corpora: compare with BenchmarkNormalize/default and /reader.
func BenchmarkNormalizeMapped(b *testing.B) {
	in := allCorpora(b)
	n := NewNormalizer()
	b.Run("string", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			n.StringMapped(in)
		}
	})
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			r := NewOffsetReader(strings.NewReader(in), n)
			buf := make([]byte, 32<<10)
			total := 0
			for {
				k, err := r.Read(buf)
				total += k
				r.Forget(total)
				if err == io.EOF {
					break
				}
			}
		}
	})
}
