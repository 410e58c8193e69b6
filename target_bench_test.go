package zhnorm

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/text/transform"
)

// targetBenchCases are corpus texts and the targets that convert them with
// one config or two.
var targetBenchCases = []struct{ corpus, tag string }{
	{"as_test.utf8", "zh-Hans"},    // tw2s
	{"cityu_test.utf8", "zh-Hans"}, // hk2s
	{"pku_test.utf8", "zh-TW"},     // s2tw
	{"msr_test.utf8", "zh-HK"},     // s2hk
	{"as_test.utf8", "zh-HK"},      // tw2t, t2hk
}

// BenchmarkTarget measures a Target against the configs it picks, run by
// hand on the same text in the same run (impl=configs): the Target adds
// detection and the quotation marks. impl=keep-punct is the Target with
// KeepPunctuation; stream=true reads through transform.NewReader.
func BenchmarkTarget(b *testing.B) {
	for _, bc := range targetBenchCases {
		s := corpus(b, bc.corpus)
		tg := mustTarget(b, bc.tag)
		p := tg.Plan(s)
		name := strings.TrimSuffix(bc.corpus, "_test.utf8") + "/to=" + bc.tag + "/configs=" + strings.Join(p.Configs, "+")
		convs := p.convs
		b.Run(name+"/impl=configs", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				out := s
				for _, c := range convs {
					out = c.Convert(out)
				}
			}
		})
		b.Run(name+"/impl=target", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				tg.String(s)
			}
		})
		b.Run(name+"/impl=keep-punct", func(b *testing.B) {
			keep := mustTarget(b, bc.tag, KeepPunctuation())
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				keep.String(s)
			}
		})
		b.Run(name+"/impl=configs/stream=true", func(b *testing.B) {
			steps := make([]transform.Transformer, len(convs))
			for i, c := range convs {
				steps[i] = c
			}
			var tr transform.Transformer = convs[0]
			if len(steps) > 1 {
				tr = transform.Chain(steps...)
			}
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				tr.Reset()
				io.Copy(io.Discard, transform.NewReader(strings.NewReader(s), tr))
			}
		})
		b.Run(name+"/impl=target/stream=true", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				tg.Reset()
				io.Copy(io.Discard, transform.NewReader(strings.NewReader(s), tg))
			}
		})
	}
}
