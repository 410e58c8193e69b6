package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

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
	cmd := exec.Command(binary, args...)
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

func TestBadUsage(t *testing.T) {
	for _, args := range [][]string{{"-c", "nosuch"}, {"-nosuchflag"}} {
		_, errOut, status := runCLI(t, "", args...)
		if status != 2 || !strings.Contains(errOut, "usage:") {
			t.Errorf("%v: status %d, stderr %q; want 2 and usage", args, status, errOut)
		}
	}
	_, errOut, _ := runCLI(t, "", "-c", "nosuch")
	if !strings.Contains(errOut, "s2twp") {
		t.Errorf("unknown config: stderr %q does not list the configs", errOut)
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
