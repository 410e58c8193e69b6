package zhnorm

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The benchmarks in this file time OpenCC 1.4.2's C++ library through occpeer
// (tools/opencc/occpeer.cpp, built with OpenCC by tools/opencc/build.sh), in
// the same run as BenchmarkConvert and BenchmarkFirstUse, under the same
// sub-benchmark names with impl=opencc142. tools/opencc/README.md tells how to
// compare them with benchstat.

// occpeerDir is the folder tools/opencc/build.sh builds into by default:
// $ZHNORM_OPENCC_DIR, else ~/.cache/zhnorm/opencc-1.4.2.
func occpeerDir() string {
	if d := os.Getenv("ZHNORM_OPENCC_DIR"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".cache", "zhnorm", "opencc-1.4.2")
}

// occpeer returns the harness and the folder of OpenCC 1.4.2's configs,
// skipping the benchmark when tools/opencc/build.sh has not built them.
func occpeer(b *testing.B) (bin, data string) {
	b.Helper()
	dir := occpeerDir()
	bin = filepath.Join(dir, "occpeer")
	data = filepath.Join(dir, "data")
	if _, err := os.Stat(bin); err != nil {
		b.Skipf("OpenCC 1.4.2's harness %s is not built: run tools/opencc/build.sh (or set ZHNORM_OPENCC_DIR to the folder it built)", bin)
	}
	if _, err := os.Stat(filepath.Join(data, "s2t.json")); err != nil {
		b.Skipf("OpenCC 1.4.2's configs are not in %s: run tools/opencc/build.sh", data)
	}
	return bin, data
}

// occpeerResult is what one `occpeer bench` printed.
type occpeerResult struct {
	runs    int64 // timed conversions
	bytes   int64 // bytes converted in each
	initNs  int64 // loading the config and its dictionaries
	totalNs int64 // the timed conversions, in-process, summed
}

// occpeerBench runs `occpeer bench CONFIG FILE RUNS 1`: the config loaded
// with its may_output_tofu dictionaries, as the library does by default and
// as zhnorm's built-in configs convert.
func occpeerBench(b *testing.B, bin, config, file string, runs int) occpeerResult {
	b.Helper()
	cmd := exec.Command(bin, "bench", config, file, strconv.Itoa(runs), "1")
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := errors.AsType[*exec.ExitError](err); ok {
			stderr = ee.Stderr
		}
		b.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr)
	}
	kv := map[string]int64{}
	for _, f := range strings.Fields(string(out)) {
		k, v, _ := strings.Cut(f, "=")
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			kv[k] = n
		}
	}
	for _, k := range []string{"runs", "bytes", "init_ns", "total_ns"} {
		if _, ok := kv[k]; !ok {
			b.Fatalf("%s: no %s in %q", strings.Join(cmd.Args, " "), k, out)
		}
	}
	r := occpeerResult{runs: kv["runs"], bytes: kv["bytes"], initNs: kv["init_ns"], totalNs: kv["total_ns"]}
	if r.runs != int64(runs) {
		b.Fatalf("occpeer ran %d times, not %d: %q", r.runs, runs, out)
	}
	return r
}

// benchFiles writes BenchmarkConvert's input of each config (benchText)
// into a temporary folder, a file a text, for occpeer to read, and
// returns each config's file.
func benchFiles(b *testing.B, configs []string) map[string]string {
	b.Helper()
	dir := b.TempDir()
	byText, files := map[string]string{}, map[string]string{}
	for _, name := range configs {
		s := benchText(b, name)
		file, ok := byText[s]
		if !ok {
			file = filepath.Join(dir, strconv.Itoa(len(byText))+".txt")
			if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
				b.Fatal(err)
			}
			byText[s] = file
		}
		files[name] = file
	}
	return files
}

// BenchmarkOpenCC142 times OpenCC 1.4.2's library on BenchmarkConvert's
// input, config by config.
//
// Each round of b.N runs one occpeer process that loads the config, converts
// the text once to warm up, then b.N times, timing each conversion itself.
// ns/op and MB/s are those in-process conversion times, reported with
// ReportMetric, which overrides the figures testing derives from the wall
// clock (in the output and in BenchmarkResult): that wall time also holds the
// process start, the config's loading and the warm-up. The wall timer still
// runs, so that testing's choice of b.N (for -benchtime 1s, say) sees time
// pass; stopped, it would see none and grow b.N a hundredfold per round.
// With -benchmem, B/op and allocs/op of impl=opencc142 count only this
// process's side of running occpeer, not OpenCC's allocations.
func BenchmarkOpenCC142(b *testing.B) {
	bin, data := occpeer(b)
	files := benchFiles(b, benchConfigs)
	for _, name := range benchConfigs {
		s, file := benchText(b, name), files[name]
		config := filepath.Join(data, name+".json")
		b.Run("config="+name+"/impl=opencc142", func(b *testing.B) {
			r := occpeerBench(b, bin, config, file, b.N)
			if r.bytes != int64(len(s)) {
				b.Fatalf("occpeer read %d bytes of %s, not %d", r.bytes, file, len(s))
			}
			if r.totalNs <= 0 {
				b.Fatalf("occpeer timed %d ns for %d runs", r.totalNs, r.runs)
			}
			b.SetBytes(int64(len(s)))
			b.ReportMetric(float64(r.totalNs)/float64(b.N), "ns/op")
			b.ReportMetric(float64(len(s))*float64(b.N)*1e3/float64(r.totalNs), "MB/s")
		})
	}
}

// BenchmarkOpenCC142FirstUse times what a program pays before its first
// conversion with OpenCC 1.4.2's library, beside BenchmarkFirstUse: loading
// the config and its dictionaries and converting one character (occpeer's
// init_ns). Each op is a fresh occpeer process, as a program's first use is;
// ns/op is the mean of init_ns, not the wall time, which also holds the
// process start.
func BenchmarkOpenCC142FirstUse(b *testing.B) {
	bin, data := occpeer(b)
	empty := filepath.Join(b.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"s2t", "s2twp", "t2s"} {
		config := filepath.Join(data, name+".json")
		b.Run("config="+name+"/impl=opencc142", func(b *testing.B) {
			var total int64
			for range b.N {
				total += occpeerBench(b, bin, config, empty, 0).initNs
			}
			b.ReportMetric(float64(total)/float64(b.N), "ns/op")
		})
	}
}

// BenchmarkPairedOpenCC142 compares zhnorm's Convert with OpenCC 1.4.2's
// library in the same moments, on BenchmarkConvert's input: each op
// converts it pairedRuns times with zhnorm, in this process, then once
// with OpenCC, in an occpeer server (occpeer serve) that waits between
// requests. On a machine whose speed wanders (a virtual machine among
// other tenants, where two benchmarks run a minute apart can differ by a
// third), the wandering then falls on both sides of the ratio alike.
//
// It reports ratio, OpenCC's time for a conversion over zhnorm's (the
// figure the speed goal is stated in), and each side's MB/s (MiB/s, as
// testing counts them), from the conversions' own times: zhnorm's by the
// clock around Convert, OpenCC's by occpeer's clock. ns/op is the wall
// time of an op, pipes included.
func BenchmarkPairedOpenCC142(b *testing.B) {
	bin, data := occpeer(b)
	configs := []string{"s2t", "s2twp", "t2s"}
	files := benchFiles(b, configs)
	for _, name := range configs {
		s, file := benchText(b, name), files[name]
		config := filepath.Join(data, name+".json")
		b.Run("config="+name, func(b *testing.B) {
			peer := startOccpeerServer(b, bin, config, file, len(s))
			c := mustConverter(b, name)
			// Warm, and past filterAfter, as BenchmarkConvert's first
			// rounds leave it.
			c.Convert(s)
			c.Convert(s)
			var zhnormNs, openccNs, ops int64
			for b.Loop() {
				t := time.Now()
				for range pairedRuns {
					c.Convert(s)
				}
				zhnormNs += time.Since(t).Nanoseconds()
				openccNs += peer.convert(b)
				ops++
			}
			mb := float64(len(s)) / (1 << 20)
			b.ReportMetric(float64(openccNs)*pairedRuns/float64(zhnormNs), "ratio")
			b.ReportMetric(mb*float64(ops*pairedRuns)*1e9/float64(zhnormNs), "zhnorm-MB/s")
			b.ReportMetric(mb*float64(ops)*1e9/float64(openccNs), "opencc142-MB/s")
		})
	}
}

// pairedRuns is how many times BenchmarkPairedOpenCC142 converts with
// zhnorm to OpenCC's once: about as long, so that neither side's moments
// are mostly the other's, and the first conversion after OpenCC's, whose
// tables the other process may have pushed out of the caches, is one of
// several.
const pairedRuns = 8

// occpeerServer is a running `occpeer serve`.
type occpeerServer struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// startOccpeerServer starts `occpeer serve CONFIG FILE` (the config with
// its may_output_tofu dictionaries) and waits until it is ready; the
// benchmark's cleanup stops it.
func startOccpeerServer(b *testing.B, bin, config, file string, size int) *occpeerServer {
	b.Helper()
	cmd := exec.Command(bin, "serve", config, file, "1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	s := &occpeerServer{cmd: cmd, in: in, out: bufio.NewReader(out)}
	b.Cleanup(func() {
		in.Close()
		if err := cmd.Wait(); err != nil {
			b.Errorf("occpeer serve: %v", err)
		}
	})
	if got, want := s.line(b), "occpeer=1 bytes="+strconv.Itoa(size); got != want {
		b.Fatalf("occpeer serve said %q, want %q", got, want)
	}
	return s
}

func (s *occpeerServer) line(b *testing.B) string {
	b.Helper()
	l, err := s.out.ReadString('\n')
	if err != nil {
		b.Fatalf("occpeer serve: %v", err)
	}
	return strings.TrimSuffix(l, "\n")
}

// convert has the server convert its file once and returns the time its
// clock measured.
func (s *occpeerServer) convert(b *testing.B) int64 {
	b.Helper()
	if _, err := io.WriteString(s.in, "1\n"); err != nil {
		b.Fatalf("occpeer serve: %v", err)
	}
	l := s.line(b)
	ns, err := strconv.ParseInt(strings.TrimPrefix(l, "total_ns="), 10, 64)
	if err != nil || ns <= 0 || !strings.HasPrefix(l, "total_ns=") {
		b.Fatalf("occpeer serve said %q", l)
	}
	return ns
}
