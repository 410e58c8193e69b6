package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sighanFile writes the four SIGHAN corpora, together, to a file, and
// returns its path and size; the benchmark skips where they are absent.
func sighanFile(b *testing.B) (string, int64) {
	var all []byte
	for _, f := range []string{"pku_test.utf8", "msr_test.utf8", "as_test.utf8", "cityu_test.utf8"} {
		data, err := os.ReadFile(filepath.Join("../../../shared/corpus", f))
		if err != nil {
			b.Skipf("corpus %s: %v", f, err)
		}
		all = append(all, data...)
	}
	p := filepath.Join(b.TempDir(), "sighan.txt")
	if err := os.WriteFile(p, all, 0o644); err != nil {
		b.Fatal(err)
	}
	return p, int64(len(all))
}

// runBench runs the command, its standard output going to /dev/null.
func runBench(b *testing.B, size int64, name string, args ...string) {
	b.SetBytes(size)
	for b.Loop() {
		cmd := exec.Command(name, args...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
		}
	}
}

// BenchmarkCLI runs the whole process on the SIGHAN corpora: zhnorm
// normalizing, converting with s2t and splitting into sentences, against
// Debian's opencc converting with s2t (its own installed config and
// dictionaries), in the same run. Compare with benchstat -col /impl.
func BenchmarkCLI(b *testing.B) {
	in, size := sighanFile(b)
	out := filepath.Join(b.TempDir(), "out.txt")
	b.Run("impl=zhnorm", func(b *testing.B) {
		runBench(b, size, binary, "-c", "s2t", "-split", "sentence", in)
	})
	b.Run("impl=opencc", func(b *testing.B) {
		if _, err := exec.LookPath("opencc"); err != nil {
			b.Skip("opencc is not installed")
		}
		runBench(b, size, "opencc", "-c", "s2t.json", "-i", in, "-o", out)
	})
}

// BenchmarkCLIJSONL rewrites a field of JSON Lines records made of the
// corpora's lines on one and on two workers.
func BenchmarkCLIJSONL(b *testing.B) {
	in, _ := sighanFile(b)
	data, _ := os.ReadFile(in)
	var records strings.Builder
	for i, line := range strings.Split(string(data), "\n") {
		rec, _ := json.Marshal(map[string]any{"id": i, "text": line, "source": "sighan"})
		records.Write(rec)
		records.WriteByte('\n')
	}
	p := filepath.Join(b.TempDir(), "records.jsonl")
	os.WriteFile(p, []byte(records.String()), 0o644)
	for _, j := range []string{"1", "2"} {
		b.Run("j="+j, func(b *testing.B) {
			runBench(b, int64(records.Len()), binary, "-j", j, "-jsonl", "-field", "text", "-c", "s2t", p)
		})
	}
}
