package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/zhnorm/zhnorm"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// corpus is the folder of the SIGHAN corpora, relative to this module.
const corpus = "../../../shared/corpus"

var sighan = []string{"pku_test.utf8", "msr_test.utf8", "as_test.utf8", "cityu_test.utf8"}

// testdata is the repository's test data, relative to this module.
const testdata = "../../testdata"

// TestPipelineMatchesCLI runs the pipeline on the Prism runner and checks
// it against the zhnorm command built from this repository:
//
//   - sighan: over the four SIGHAN corpora with -c s2t, the output, sorted,
//     is the command's -split sentence -c s2t output, sorted and without
//     duplicates; the counters hold the normalizer's reports summed over
//     the four files; nothing goes to the dead letters.
//   - page: the articles of a scraped page and of JSON Lines records of
//     pages (-page, -c t2s) split as the command's -page=text output does.
//   - deadletters: the records of a JSON Lines file that cannot be read go
//     to the dead letters, with their line and reason, and the others on.
//
// It is the module's one test, so the module's test binary is built and
// Prism started once.
func TestPipelineMatchesCLI(t *testing.T) {
	dir := t.TempDir()
	start := time.Now()
	bin := filepath.Join(dir, "zhnorm")
	build := exec.Command("go", "build", "-o", bin, "./examples/zhnorm")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the zhnorm command: %v\n%s", err, out)
	}
	t.Logf("built the zhnorm command in %v", time.Since(start).Round(time.Millisecond))

	t.Run("sighan", func(t *testing.T) {
		var files []string
		for _, name := range sighan {
			path := filepath.Join(corpus, name)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("the SIGHAN corpora are not in %s (%v): skipping the comparison over them", corpus, err)
			}
			files = append(files, path)
		}
		cliLines := runCLI(t, bin, nil, append([]string{"-split", "sentence", "-c", "s2t"}, files...)...)
		want := sortedUnique(cliLines)

		o := options(t, filepath.Join(corpus, "*_test.utf8"), filepath.Join(dir, "sighan", "sentences"))
		o.Shards = 3
		o.Config = "s2t"
		if m, _ := filepath.Glob(o.Input); len(m) != len(sighan) {
			t.Fatalf("%s matches %d files, want the %d corpora", o.Input, len(m), len(sighan))
		}
		got, dead, counters := run(t, o)
		compare(t, got, want)
		if len(dead) > 0 {
			t.Errorf("dead letters, want none:\n%s", strings.Join(dead, "\n"))
		}

		// The counters: the normalizer's reports of the four files,
		// summed, and the units before and after deduplication.
		wantCounters := map[string]int64{
			nsPipeline + "/files":     int64(len(files)),
			nsPipeline + "/documents": int64(len(files)),
			nsPipeline + "/units":     int64(len(cliLines)),
			nsPipeline + "/written":   int64(len(want)),
		}
		n := zhnorm.NewNormalizer()
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// The decoding reader drops a leading byte order mark before
			// the normalizer sees the text.
			_, rep := n.StringReport(strings.TrimPrefix(string(data), "\uFEFF"))
			for rule, v := range rep.Changes {
				wantCounters[nsRule+"/"+rule.String()] += int64(v)
			}
			for _, sus := range rep.Suspects {
				wantCounters[nsSuspect+"/"+sus.Kind.String()]++
			}
			if rep.SuspectsOmitted > 0 {
				wantCounters[nsSuspect+"/omitted"] += int64(rep.SuspectsOmitted)
			}
		}
		for k, v := range wantCounters {
			if counters[k] != v {
				t.Errorf("counter %s = %d, want %d", k, counters[k], v)
			}
		}
		for k, v := range counters {
			if _, ok := wantCounters[k]; !ok && v != 0 {
				t.Errorf("counter %s = %d, want none", k, v)
			}
		}
		if t.Failed() || testing.Verbose() {
			var b strings.Builder
			printCounters(&b, counters)
			t.Logf("counters:\n%s", b.String())
		}
	})

	t.Run("page", func(t *testing.T) {
		// The command does not split an article (-page and -split do not
		// go together): its -page=text output goes through it again.
		for _, c := range []struct {
			name  string
			input string
			flags []string // of the pipeline and of the command
		}{
			{"page", filepath.Join(testdata, "000_a73dac5818fe388b.txt"), nil},
			{"jsonl", filepath.Join(testdata, "cli", "pages.jsonl"), []string{"-jsonl", "-field", "html_text"}},
		} {
			text := runCLI(t, bin, nil, append(append([]string{"-page=text", "-c", "t2s"}, c.flags...), c.input)...)
			// Over several pages the command heads each with where it came
			// from ("==> FILE:LINE <=="), which is not the article's text.
			text = slices.DeleteFunc(text, func(l string) bool {
				return strings.HasPrefix(l, "==> ") && strings.HasSuffix(l, " <==")
			})
			want := sortedUnique(runCLI(t, bin, []byte(strings.Join(text, "\n")), "-normalize=false", "-split", "sentence"))

			o := options(t, c.input, filepath.Join(dir, "page", c.name))
			o.Config = "t2s"
			o.Page = true
			if c.flags != nil {
				o.JSONL = true
				o.Fields = []string{"html_text"}
			}
			got, dead, _ := run(t, o)
			if len(want) < 5 {
				t.Fatalf("%s: the command finds %d sentences in the articles: want a real page", c.name, len(want))
			}
			compare(t, got, want)
			if len(dead) > 0 {
				t.Errorf("%s: dead letters, want none:\n%s", c.name, strings.Join(dead, "\n"))
			}
		}
	})

	t.Run("deadletters", func(t *testing.T) {
		// Records 2 (not valid JSON) and 3 (no body.text) fail.
		input := filepath.Join(testdata, "cli", "broken.jsonl")
		o := options(t, input, filepath.Join(dir, "dead", "sentences"))
		o.JSONL = true
		o.Fields = []string{"body.text"}
		o.Config = "s2t"
		got, dead, counters := run(t, o)
		compare(t, got, []string{"四", "好"})
		want := []deadLetter{
			{Input: input, Line: 2, Step: "field", Reason: "not valid JSON", Record: `{"title":"第二","body":{"text":"壞"}`},
			{Input: input, Line: 3, Step: "field", Reason: "field body.text: missing", Record: `{"title":"第三"}`},
		}
		var letters []deadLetter
		for _, line := range dead {
			var d deadLetter
			if err := json.Unmarshal([]byte(line), &d); err != nil {
				t.Fatalf("dead letter %q: %v", line, err)
			}
			letters = append(letters, d)
		}
		slices.SortFunc(letters, func(a, b deadLetter) int { return a.Line - b.Line })
		if !slices.Equal(letters, want) {
			t.Errorf("dead letters:\n%s\nwant %+v", strings.Join(dead, "\n"), want)
		}
		for k, v := range map[string]int64{"records": 4, "documents": 2, "failed": 2, "dead-letters-written": 2, "written": 2} {
			if got := counters[nsPipeline+"/"+k]; got != v {
				t.Errorf("counter %s = %d, want %d", k, got, v)
			}
		}
	})
}

// options returns the pipeline's defaults, as the flags set them, for input
// and output.
func options(t *testing.T, input, output string) Options {
	o, _ := flags(flag.NewFlagSet("beam", flag.PanicOnError))
	o.Input, o.Output = input, output
	if err := o.check(); err != nil {
		t.Fatal(err)
	}
	return *o
}

// run runs the pipeline on Prism and returns the lines of its output, in
// shard order, the dead letters and the counters.
func run(t *testing.T, o Options) (lines, dead []string, counters map[string]int64) {
	t.Helper()
	if err := o.check(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p, s := beam.NewPipelineWithRoot()
	Build(s, o)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := prism.Execute(ctx, p)
	if err != nil {
		t.Fatalf("running the pipeline on Prism: %v", err)
	}
	t.Logf("pipeline on Prism over %s: %v", o.Input, time.Since(start).Round(time.Millisecond))
	if files, _ := filepath.Glob(o.Output + "-*"); len(files) != o.Shards {
		t.Errorf("the output is %d files, want %d shards: %v", len(files), o.Shards, files)
	}
	for i := range o.Shards {
		lines = append(lines, readLines(t, shardName(o.Output, ".txt", i, o.Shards))...)
	}
	// Written, empty, when nothing failed.
	dead = readLines(t, shardName(o.deadLetterPrefix(), ".jsonl", 0, 1))
	return lines, dead, jobCounters(res)
}

// runCLI runs the zhnorm command and returns the lines it prints.
func runCLI(t *testing.T, bin string, stdin []byte, args ...string) []string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("zhnorm %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return splitLines(string(out))
}

// readLines returns the lines of a file.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return splitLines(string(data))
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func sortedUnique(lines []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(lines)))
}

// compare checks that got, sorted, is want, sorted.
func compare(t *testing.T, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if slices.Equal(got, want) {
		return
	}
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("the pipeline's output, sorted, has %d lines, want %d; first difference at line %d:\n got  %q\n want %q", len(got), len(want), i+1, g, w)
			return
		}
	}
}
