package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRecursive: -r reads the files below a folder in name order, skipping
// hidden ones; with -o a folder it mirrors the tree.
func TestRecursive(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for p, text := range map[string]string{
		"b.txt": "乙\n", "a/z.txt": "甲\n", "a/c/d.txt": "丙\n", ".hidden.txt": "隐\n", ".git/x.txt": "隐\n",
	} {
		p = filepath.Join(in, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	out, errOut, status := runCLI(t, "", "-r", "-normalize=false", in)
	if status != 0 || out != "丙\n甲\n乙\n" {
		t.Errorf("-r: status %d, output %q, stderr %q", status, out, errOut)
	}
	mirror := filepath.Join(dir, "out") + string(filepath.Separator)
	if _, errOut, status := runCLI(t, "", "-r", "-c", "s2t", "-o", mirror, in); status != 0 {
		t.Fatalf("-r -o folder: status %d, stderr %q", status, errOut)
	}
	for p, want := range map[string]string{"b.txt": "乙\n", "a/z.txt": "甲\n", "a/c/d.txt": "丙\n"} {
		if got, err := os.ReadFile(filepath.Join(mirror, p)); err != nil || string(got) != want {
			t.Errorf("mirrored %s: %q, %v", p, got, err)
		}
	}
	if _, err := os.Stat(filepath.Join(mirror, ".git")); err == nil {
		t.Error("a hidden folder was mirrored")
	}
}
