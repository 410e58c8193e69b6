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

// opencc142 returns OpenCC 1.4.2's command and the folder of its configs,
// as tools/opencc/build.sh builds them, skipping the benchmark without.
func opencc142(b *testing.B) (bin, data string) {
	dir := os.Getenv("ZHNORM_OPENCC_DIR")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".cache", "zhnorm", "opencc-1.4.2")
	}
	bin, data = filepath.Join(dir, "opencc"), filepath.Join(dir, "data")
	if _, err := os.Stat(bin); err != nil {
		b.Skipf("OpenCC 1.4.2 is not built in %s: run tools/opencc/build.sh", dir)
	}
	return bin, data
}

// BenchmarkCLIConvert runs whole processes that only convert: zhnorm
// without normalization against OpenCC 1.4.2's command, each with its
// dictionaries marked may_output_tofu, on PKU+MSR (from Simplified) or
// AS+CityU (from Traditional), in the same run. The outputs are the same
// (TestDifferentialOpenCC142 checks the library).
func BenchmarkCLIConvert(b *testing.B) {
	dir := b.TempDir()
	files := map[string][]string{"s": {"pku_test.utf8", "msr_test.utf8"}, "t": {"as_test.utf8", "cityu_test.utf8"}}
	for _, config := range []string{"s2t", "s2twp", "t2s"} {
		var in []byte
		for _, f := range files[config[:1]] {
			data, err := os.ReadFile(filepath.Join("../../../shared/corpus", f))
			if err != nil {
				b.Skipf("corpus %s: %v", f, err)
			}
			in = append(in, data...)
		}
		inFile, out := filepath.Join(dir, config+".in"), filepath.Join(dir, config+".out")
		if err := os.WriteFile(inFile, in, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run("config="+config+"/impl=zhnorm", func(b *testing.B) {
			runBench(b, int64(len(in)), binary, "-normalize=false", "-c", config, "-o", out, inFile)
		})
		b.Run("config="+config+"/impl=opencc142", func(b *testing.B) {
			bin, data := opencc142(b)
			runBench(b, int64(len(in)), bin, "-c", filepath.Join(data, config+".json"), "--path", data+"/",
				"--include-tofu-risk-dictionaries", "-i", inFile, "-o", out)
		})
	}
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
