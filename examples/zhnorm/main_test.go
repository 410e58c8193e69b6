package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// checkGolden compares got with testdata/cli/<name>, or rewrites it under
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("../../testdata/cli", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// binary is the zhnorm command, built once for the tests that run it as a
// user would.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zhnorm-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "zhnorm")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	return runCLIIn(t, "", stdin, args...)
}

// runCLIIn runs the command in the folder dir ("" for the test's).
func runCLIIn(t *testing.T, dir, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), status
}

const seedPage = "../../testdata/000_a73dac5818fe388b.txt"

// TestSeedPage: the README's first command prints the seed page normalized
// and converted to Simplified, as the library's golden file has it; with
// -normalize=false, converted only.
func TestSeedPage(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		golden string
	}{
		{[]string{"-c", "t2s", seedPage}, "normalize/seed.t2s.golden"},
		{[]string{"-normalize=false", "-c", "t2s", seedPage}, "convert/000_a73dac5818fe388b.t2s.golden"},
		{[]string{seedPage}, "normalize/seed.golden"},
	} {
		out, errOut, status := runCLI(t, "", tt.args...)
		if status != 0 || errOut != "" {
			t.Fatalf("%v: status %d, stderr %q", tt.args, status, errOut)
		}
		want, err := os.ReadFile(filepath.Join("../../testdata", tt.golden))
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("zhnorm %v differs from testdata/%s", tt.args, tt.golden)
		}
	}
}

func TestRulesAndStats(t *testing.T) {
	out, errOut, status := runCLI(t, "數(shù)字:左右?,F(xiàn)有\n", "-rules=-pinyin", "-stats")
	if status != 0 || out != "數（shù）字：左右?,F(xiàn)有\n" {
		t.Errorf("-rules=-pinyin: %q, status %d", out, status)
	}
	for _, want := range []string{"standard input:", "punct", "glued-reading", "line 1"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("-stats output %q lacks %q", errOut, want)
		}
	}
	_, errOut, status = runCLI(t, "", "-rules=-nosuchrule")
	if status != 2 || !strings.Contains(errOut, "nosuchrule") {
		t.Errorf("unknown rule: status %d, stderr %q", status, errOut)
	}
}

func TestStdin(t *testing.T) {
	out, _, status := runCLI(t, "黑龙江\n", "-c", "s2t")
	if status != 0 || out != "黑龍江\n" {
		t.Errorf("got %q, status %d", out, status)
	}
}

func TestList(t *testing.T) {
	out, _, status := runCLI(t, "", "-list")
	if status != 0 || !strings.Contains(out, "s2twp") || !strings.Contains(out, "s2hk-finance") {
		t.Errorf("-list: status %d, output %q", status, out)
	}
}

func TestMissingFileContinues(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("汉字\n"), 0o644)
	out, errOut, status := runCLI(t, "", "-c", "s2t", filepath.Join(dir, "missing.txt"), a)
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	if !strings.Contains(errOut, "missing.txt") {
		t.Errorf("stderr %q does not name the missing file", errOut)
	}
	if out != "漢字\n" {
		t.Errorf("the readable file was not converted: %q", out)
	}
}

// TestBadUsage: a bad flag or value is one line naming the flag and the
// fix, and exit status 2; no usage.
func TestBadUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"-c", "nosuch"}, []string{"-c", "nosuch", "s2twp"}},
		{[]string{"-nosuchflag"}, []string{"-nosuchflag"}},
		{[]string{"-split", "word"}, []string{"-split", "sentence or paragraph"}},
		{[]string{"-j", "x"}, []string{"-j"}},
		{[]string{"-encoding", "latin-9"}, []string{"-encoding", "gb18030"}},
	} {
		_, errOut, status := runCLI(t, "", tt.args...)
		if status != 2 || strings.Count(errOut, "\n") != 1 || strings.Count(errOut, "zhnorm: ") != 1 {
			t.Errorf("%v: status %d, stderr %q; want 2 and one line", tt.args, status, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q lacks %q", tt.args, errOut, w)
			}
		}
	}
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "d.txt"), []byte("猫\t貓\n"), 0o644)
	cfg := filepath.Join(dir, "mine.json")
	os.WriteFile(cfg, []byte(`{"name": "mine", "segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "d.txt"}},
	"conversion_chain": [{"dict": {"type": "text", "file": "d.txt"}}]}`), 0o644)
	out, errOut, status := runCLI(t, "熊猫\n", "-c", cfg)
	if status != 0 || out != "熊貓\n" {
		t.Errorf("got %q, status %d, stderr %q", out, status, errOut)
	}
}

const cliData = "../../testdata/cli/"

// TestModesGolden runs each mode of the tool on files in testdata/cli.
func TestModesGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"records.t2s.jsonl.golden", []string{"-jsonl", "-field", "title", "-field", "body.text", "-c", "t2s", cliData + "records.jsonl"}},
		{"records.raw.jsonl.golden", []string{"-jsonl", "-field", "title", "-normalize=false", "-c", "t2s", cliData + "records.jsonl"}},
		{"articles.t2s.golden", []string{"-c", "t2s", cliData + "articles.txt"}},
		{"articles.sentences.t2s.golden", []string{"-split", "sentence", "-c", "t2s", cliData + "articles.txt"}},
		{"seed.paragraphs.golden", []string{"-split", "paragraph", seedPage}},
		{"seed.page.t2s.golden", []string{"-page", "-c", "t2s", seedPage}},
		{"seed.page-text.t2s.golden", []string{"-page=text", "-c", "t2s", seedPage}},
		{"pages.jsonl.page.golden", []string{"-page", "-jsonl", "-field", "html_text", cliData + "pages.jsonl"}},
	}
	for _, tt := range tests {
		out, errOut, status := runCLI(t, "", tt.args...)
		if status != 0 {
			t.Fatalf("%v: status %d, stderr %q", tt.args, status, errOut)
		}
		checkGolden(t, tt.golden, out)
	}
}

func TestJSONLBrokenRecord(t *testing.T) {
	out, errOut, status := runCLI(t, "", "-jsonl", "-field", "body.text", "-j", "1", cliData+"broken.jsonl")
	if status != 1 || !strings.Contains(errOut, "broken.jsonl: line 2: not valid JSON") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
	if out != `{"title":"第一","body":{"text":"好"}}`+"\n" {
		t.Errorf("output before the broken record: %q", out)
	}
	out, errOut, status = runCLI(t, "", "-jsonl", "-field", "body.text", "-on-error=skip", "-stats", cliData+"broken.jsonl")
	if status != 0 {
		t.Errorf("-on-error=skip: status %d, stderr %q", status, errOut)
	}
	in, _ := os.ReadFile(cliData + "broken.jsonl")
	if out != string(in) {
		t.Errorf("-on-error=skip changed the records:\n%s", out)
	}
	if !strings.Contains(errOut, "4 records (2 skipped)") {
		t.Errorf("-stats: %q", errOut)
	}
}

func TestEncodings(t *testing.T) {
	text, err := os.ReadFile(cliData + "articles.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := runCLI(t, string(text), "-c", "t2s")
	dir := t.TempDir()
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(text)
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes(text)
	for name, data := range map[string][]byte{"gb18030": gb, "big5": big5} {
		p := filepath.Join(dir, name+".txt")
		os.WriteFile(p, data, 0o644)
		for _, enc := range []string{"auto", name} {
			out, errOut, status := runCLI(t, "", "-encoding", enc, "-stats", "-c", "t2s", p)
			if status != 0 || out != want {
				t.Errorf("-encoding %s on %s: status %d, output differs: %v", enc, name, status, out != want)
			}
			if !strings.Contains(errOut, "encoding "+name) {
				t.Errorf("-encoding %s on %s: -stats does not say which: %q", enc, name, errOut)
			}
		}
	}
	// Undecodable bytes: named with file and line, replaced, kept going.
	p := filepath.Join(dir, "broken.txt")
	os.WriteFile(p, append(append(append([]byte{}, big5...), 0xA4, '\n'), big5[:6]...), 0o644)
	out, errOut, status := runCLI(t, "", "-encoding", "big5", p)
	if status != 0 || !strings.Contains(errOut, "broken.txt: line 4:") || !strings.Contains(out, "\uFFFD") {
		t.Errorf("undecodable: status %d, stderr %q", status, errOut)
	}
	if _, errOut, status := runCLI(t, "", "-encoding", "latin-9"); status != 2 || !strings.Contains(errOut, "gb18030") {
		t.Errorf("unknown encoding: status %d, stderr %q", status, errOut)
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	outFile := filepath.Join(dir, "out.txt")
	if _, errOut, status := runCLI(t, "", "-c", "t2s", "-o", outFile, cliData+"articles.txt"); status != 0 {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	first, _ := os.ReadFile(outFile)
	want, _, _ := runCLI(t, "", "-c", "t2s", cliData+"articles.txt")
	if string(first) != want {
		t.Errorf("-o wrote %q", first)
	}
	// A failed input leaves the existing output as it was, and no
	// temporary file behind.
	_, errOut, status := runCLI(t, "", "-o", outFile, cliData+"records.jsonl", filepath.Join(dir, "missing.txt"))
	if status != 1 || !strings.Contains(errOut, "not written") {
		t.Errorf("failed input: status %d, stderr %q", status, errOut)
	}
	if again, _ := os.ReadFile(outFile); string(again) != string(first) {
		t.Errorf("a failed run replaced the output")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries)
	}
	if out, _, _ := runCLI(t, "", "-o", filepath.Join(dir, "out.txt"), "-c", "t2s", cliData+"articles.txt"); out != "" {
		t.Errorf("-o also wrote to standard output: %q", out)
	}
	// A folder that cannot be written.
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	if os.Geteuid() == 0 {
		// Root writes into a read-only folder anyway: use a "folder" that
		// is a file, which nobody can create files in.
		ro = filepath.Join(dir, "file-not-folder")
		os.WriteFile(ro, []byte("x"), 0o644)
	}
	_, errOut, status = runCLI(t, "x", "-o", filepath.Join(ro, "out.txt"))
	if status != 1 || !strings.Contains(errOut, "out.txt") {
		t.Errorf("unwritable folder: status %d, stderr %q", status, errOut)
	}
}

// TestJobsKeepOrder: -j 2 writes what -j 1 writes, files and records in
// input order.
func TestJobsKeepOrder(t *testing.T) {
	dir := t.TempDir()
	var files []string
	var records strings.Builder
	for i := range 40 {
		p := filepath.Join(dir, strings.Repeat("f", 1+i%3)+string(rune('a'+i%26))+".txt")
		os.WriteFile(p, []byte(strings.Repeat("第"+string(rune('一'+i))+"行，黑龍江:推動。\n", 1+i*37%200)), 0o644)
		files = append(files, p)
	}
	for i := range 3000 {
		records.WriteString(`{"n":` + string(rune('0'+i%10)) + `,"t":"記錄` + strings.Repeat("長", i%50) + `:完"}` + "\n")
	}
	jsonl := filepath.Join(dir, "r.jsonl")
	os.WriteFile(jsonl, []byte(records.String()), 0o644)
	for _, args := range [][]string{append([]string{"-c", "t2s"}, files...), {"-jsonl", "-field", "t", "-c", "t2s", jsonl}} {
		one, _, s1 := runCLI(t, "", append([]string{"-j", "1"}, args...)...)
		two, _, s2 := runCLI(t, "", append([]string{"-j", "2"}, args...)...)
		if s1 != 0 || s2 != 0 || one != two || len(one) == 0 {
			t.Errorf("%v: -j 2 differs from -j 1 (status %d, %d)", args[:2], s1, s2)
		}
	}
}

// TestProgressOnlyOnTerminals: no progress bar on a pipe, or for a small
// file.
func TestProgressOnlyOnTerminals(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if showProgress(w) {
		t.Error("showProgress is true on a pipe")
	}
	f, err := os.Open(cliData + "articles.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if newProgress(f, w) != nil {
		t.Error("a progress bar for a small file")
	}
	big := filepath.Join(t.TempDir(), "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("黑龍江\n"), progressThreshold/10+1), 0o644)
	g, _ := os.Open(big)
	defer g.Close()
	var sink bytes.Buffer
	p := newProgress(g, &sink)
	if p == nil {
		t.Fatal("no progress bar for a file over the threshold")
	}
	if n, _ := io.Copy(io.Discard, p); n != progressThreshold/10*10+10 {
		t.Errorf("the progress reader passed %d bytes", n)
	}
	p.Close()
}
