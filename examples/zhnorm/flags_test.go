package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestHelpAndVersion: -h and --help print usage to standard output and
// exit 0; --version names the module's and OpenCC's data versions.
func TestHelpAndVersion(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "-help"} {
		out, errOut, status := runCLI(t, "", arg)
		if status != 0 || !strings.HasPrefix(out, "usage: zhnorm") || errOut != "" {
			t.Errorf("%s: status %d, stdout %.40q, stderr %q", arg, status, out, errOut)
		}
		for _, flag := range []string{"-keep", "-max-page", "-r", "-version", "-o FILE"} {
			if !strings.Contains(out, "  "+flag) {
				t.Errorf("%s: usage lacks %s", arg, flag)
			}
		}
	}
	out, _, status := runCLI(t, "", "--version")
	if status != 0 || !strings.HasPrefix(out, "zhnorm ") || !strings.Contains(out, "OpenCC data 1.") {
		t.Errorf("--version: status %d, %q", status, out)
	}
}

// TestFlagsAfterFiles: flags may follow file names, "--" ends them, and
// "-" (standard input) is read once.
func TestFlagsAfterFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("汉字\n"), 0o644)
	dash := filepath.Join(dir, "-c")
	os.WriteFile(dash, []byte("黑龙江\n"), 0o644)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{a, "-c", "s2t"}, "漢字\n"},
		{[]string{"-c", "s2t", "--", a, dash}, "漢字\n黑龍江\n"},
		{[]string{a, "-", "-c", "s2t", "-"}, "漢字\n標準\n"},
	} {
		cmd := tt.args
		for i := range cmd {
			if cmd[i] == dash {
				cmd[i] = "-c" // relative: run in dir
			}
		}
		out, errOut, status := runCLIIn(t, dir, "标准\n", cmd...)
		if status != 0 || out != tt.want {
			t.Errorf("%v: status %d, output %q, stderr %q; want %q", tt.args, status, out, errOut, tt.want)
		}
	}
}

// TestEncodingSpellings: the encodings' common names.
func TestEncodingSpellings(t *testing.T) {
	big5, _ := traditionalchinese.Big5.NewEncoder().String("漢字\n")
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("漢字\n")
	for _, name := range []string{"utf8", "UTF-8", "cp936", "GBK", "big5-hkscs", "Big5"} {
		in := "漢字\n"
		switch strings.ToLower(name) {
		case "big5", "big5-hkscs":
			in = big5
		case "cp936", "gbk":
			in = gbk
		}
		if out, errOut, status := runCLI(t, in, "-encoding", name, "-normalize=false"); status != 0 || out != "漢字\n" {
			t.Errorf("-encoding %s: status %d, output %q, stderr %q", name, status, out, errOut)
		}
	}
}

// TestConfigFileHere: a config file named without a folder is a file, and
// errors say "zhnorm: " once.
func TestConfigFileHere(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "d.txt"), []byte("猫\t貓\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "my.json"), []byte(`{"name": "mine", "conversion_chain": [{"dict": {"type": "text", "file": "d.txt"}}]}`), 0o644)
	out, errOut, status := runCLIIn(t, dir, "熊猫\n", "-c", "my.json")
	if status != 0 || out != "熊貓\n" {
		t.Errorf("-c my.json: status %d, output %q, stderr %q", status, out, errOut)
	}
	_, errOut, status = runCLIIn(t, dir, "", "-c", "other.json")
	if status != 2 || !strings.Contains(errOut, "other.json") || strings.Count(errOut, "zhnorm: ") != 1 {
		t.Errorf("-c other.json: status %d, stderr %q", status, errOut)
	}
	// OpenCC's habit, a built-in config named with .json, where no such
	// file is.
	if out, _, status := runCLIIn(t, dir, "汉字\n", "-c", "s2t.json"); status != 0 || out != "漢字\n" {
		t.Errorf("-c s2t.json: status %d, output %q", status, out)
	}
}

// TestFolderNeedsR: a folder without -r is an error that names -r.
func TestFolderNeedsR(t *testing.T) {
	_, errOut, status := runCLI(t, "", t.TempDir())
	if status != 1 || !strings.Contains(errOut, "-r") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
}

// TestNoTofuRisk: -no-tofu-risk converts without TSCharactersExt, as
// OpenCC's command does by default; without it the rare form comes out.
func TestNoTofuRisk(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-normalize=false", "-c", "t2s"}, "𫝈\n"},
		{[]string{"-normalize=false", "-c", "t2s", "-no-tofu-risk"}, "㑮\n"},
		{[]string{"-normalize=false", "-no-tofu-risk", "-c", "t2s.json"}, "㑮\n"},
	} {
		out, errOut, status := runCLI(t, "㑮\n", tt.args...)
		if status != 0 || out != tt.want {
			t.Errorf("zhnorm %v: %q, status %d, stderr %q; want %q", tt.args, out, status, errOut, tt.want)
		}
	}
}
