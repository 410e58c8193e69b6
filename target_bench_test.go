package zhnorm

import (
	"io"
	"strings"
	"testing"
	"time"

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

// targetBenchSetup returns the corpus text, the Target, its plan for the
// text and the benchmark's name.
func targetBenchSetup(b *testing.B, file, tag string) (string, *Target, Plan, string) {
	s := corpus(b, file)
	tg := mustTarget(b, tag)
	p := tg.Plan(s)
	return s, tg, p, strings.TrimSuffix(file, "_test.utf8") + "/to=" + tag + "/configs=" + strings.Join(p.Configs, "+")
}

// BenchmarkTarget measures a Target against the configs it picks, run by
// hand on the same text in the same run (impl=configs): the Target adds
// detection and the quotation marks. impl=keep-punct is the Target with
// KeepPunctuation; stream=true reads through transform.NewReader.
func BenchmarkTarget(b *testing.B) {
	for _, bc := range targetBenchCases {
		s, tg, p, name := targetBenchSetup(b, bc.corpus, bc.tag)
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

// BenchmarkTargetRatio runs a Target and the configs it picks in turn on
// the same text and reports the ratio of their fastest runs (target/configs:
// 1.10 is 10 % slower), for String and for streaming with
// transform.NewReader (against the configs the stream picked). The
// fastest of many alternating runs stands up to a machine that other work
// slows down at random, where the mean does not.
func BenchmarkTargetRatio(b *testing.B) {
	for _, bc := range targetBenchCases {
		s, tg, p, name := targetBenchSetup(b, bc.corpus, bc.tag)
		// A stream decides from its start, which may call for other
		// configs than the whole text.
		io.Copy(io.Discard, transform.NewReader(strings.NewReader(s), tg))
		sp, _ := tg.StreamPlan()
		name += "/stream-configs=" + strings.Join(sp.Configs, "+")
		steps := make([]transform.Transformer, len(sp.convs))
		for i, c := range sp.convs {
			steps[i] = c
		}
		chain := steps[0]
		if len(steps) > 1 {
			chain = transform.Chain(steps...)
		}
		keep := mustTarget(b, bc.tag, KeepPunctuation())
		runs := map[string]func(){
			"configs": func() {
				out := s
				for _, c := range p.convs {
					out = c.Convert(out)
				}
			},
			"target":      func() { tg.String(s) },
			"keep-punct":  func() { keep.String(s) },
			"configs-rdr": func() { chain.Reset(); io.Copy(io.Discard, transform.NewReader(strings.NewReader(s), chain)) },
			"target-rdr":  func() { tg.Reset(); io.Copy(io.Discard, transform.NewReader(strings.NewReader(s), tg)) },
			"keep-rdr":    func() { keep.Reset(); io.Copy(io.Discard, transform.NewReader(strings.NewReader(s), keep)) },
		}
		order := []string{"configs", "target", "keep-punct", "configs-rdr", "target-rdr", "keep-rdr"}
		b.Run(name, func(b *testing.B) {
			best := map[string]time.Duration{}
			for b.Loop() {
				for _, k := range order {
					start := time.Now()
					runs[k]()
					if d := time.Since(start); best[k] == 0 || d < best[k] {
						best[k] = d
					}
				}
			}
			ratio := func(a, c string) float64 { return float64(best[a]) / float64(best[c]) }
			b.ReportMetric(ratio("target", "configs"), "target/configs")
			b.ReportMetric(ratio("keep-punct", "configs"), "keep/configs")
			b.ReportMetric(ratio("target-rdr", "configs-rdr"), "target/configs(stream)")
			b.ReportMetric(ratio("keep-rdr", "configs-rdr"), "keep/configs(stream)")
			b.ReportMetric(float64(len(s))/best["configs"].Seconds()/1e6, "configs-MB/s")
		})
	}
}
