package zhnorm

import (
	"os"
	"testing"
)

// BenchmarkDetect detects the seed page and each corpus whole; the issue
// asks for at least 500 MB/s and no allocation. On a shared machine whose
// speed varies from run to run, compare with BenchmarkRangeLoop, a bare
// loop over the runes of the same texts, run alongside.
func BenchmarkDetect(b *testing.B) {
	texts := []struct{ name, text string }{{"seed", seedText(b)}}
	for _, c := range detectCorpora {
		if _, err := os.Stat(corpusDir + "/" + c.name); err == nil {
			texts = append(texts, struct{ name, text string }{c.name, corpus(b, c.name)})
		}
	}
	for _, c := range texts {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				Detect(c.text)
			}
		})
	}
}

// BenchmarkDetector writes a long stream to a Detector in 4 KB chunks
// until it decides.
func BenchmarkDetector(b *testing.B) {
	p := []byte(streamText(b))
	b.SetBytes(int64(len(hanPrefix(string(p), DetectAfter))))
	b.ReportAllocs()
	for b.Loop() {
		var d Detector
		for q := p; !d.Decided() && len(q) > 0; {
			k := min(len(q), 4096)
			d.Write(q[:k])
			q = q[k:]
		}
	}
}

// BenchmarkRangeLoop is a yardstick for BenchmarkDetect: a for-range loop
// over the runes of the same texts, counting those from U+4E00 up.
func BenchmarkRangeLoop(b *testing.B) {
	for _, c := range detectCorpora {
		if _, err := os.Stat(corpusDir + "/" + c.name); err != nil {
			continue
		}
		text := corpus(b, c.name)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				n := 0
				for _, r := range text {
					if r >= 0x4E00 {
						n++
					}
				}
				rangeSink = n
			}
		})
	}
}

var rangeSink int
