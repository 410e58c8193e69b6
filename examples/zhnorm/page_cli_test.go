package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPageOutputUsable: with -page every output line is an article that
// says where it came from; skipped records are left out, not passed
// through; -keep copies record fields; -page=text separates pages.
func TestPageOutputUsable(t *testing.T) {
	page, err := os.ReadFile(seedPage)
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := json.Marshal(map[string]any{"id": 7, "url": "http://x/1", "html_text": string(page)})
	in := string(rec) + "\nnot json\n" + `{"id":8}` + "\n"
	out, errOut, status := runCLI(t, in, "-jsonl", "-page", "-field", "html_text", "-on-error", "skip", "-keep", "id,url")
	if status != 0 {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want the one article:\n%s", len(lines), out)
	}
	var got struct {
		From struct {
			File string
			Line int
		}
		Record   map[string]any
		Headline string
	}
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatal(err)
	}
	if got.From.File != "standard input" || got.From.Line != 1 || got.Record["id"] != 7.0 || got.Record["url"] != "http://x/1" || got.Headline == "" {
		t.Errorf("article: %+v", got)
	}

	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, page, 0o644)
	os.WriteFile(b, page, 0o644)
	out, _, _ = runCLI(t, "", "-page=text", a, b)
	if !strings.HasPrefix(out, "==> "+a+" <==\n") || !strings.Contains(out, "\n\n==> "+b+" <==\n") {
		t.Errorf("-page=text over two files: no separators:\n%.300s", out)
	}
	if _, _, status := runCLI(t, "", "-keep", "id"); status != 2 {
		t.Errorf("-keep without -jsonl -page: status %d", status)
	}
}

// TestMaxPage: a page over -max-page is refused with an error naming the
// flag, in both modes.
func TestMaxPage(t *testing.T) {
	big := strings.Repeat("长", 400<<10) // 1.2 MB, on one line
	_, errOut, status := runCLI(t, big, "-page", "-max-page", "1M")
	if status != 1 || !strings.Contains(errOut, "-max-page") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
	rec, _ := json.Marshal(map[string]string{"t": big})
	_, errOut, status = runCLI(t, string(rec)+"\n", "-page", "-jsonl", "-field", "t", "-max-page", "1M")
	if status != 1 || !strings.Contains(errOut, "line 1") || !strings.Contains(errOut, "-max-page") {
		t.Errorf("-jsonl: status %d, stderr %q", status, errOut)
	}
	if out, errOut, status := runCLI(t, big, "-page", "-max-page", "2M"); status != 0 || out == "" {
		t.Errorf("under the limit: status %d, stderr %q", status, errOut)
	}
	if _, errOut, status := runCLI(t, "", "-page", "-max-page", "lots"); status != 2 || !strings.Contains(errOut, "-max-page") {
		t.Errorf("bad -max-page: status %d, stderr %q", status, errOut)
	}
}
