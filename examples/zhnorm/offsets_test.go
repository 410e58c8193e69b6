package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readUnits parses -offsets output.
func readUnits(t *testing.T, out string) []offsetUnit {
	t.Helper()
	var us []offsetUnit
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var u offsetUnit
		if err := json.Unmarshal([]byte(line), &u); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		us = append(us, u)
	}
	return us
}

// TestOffsets: each sentence comes with the bytes of the input it was made
// from, pinyin readings and all.
func TestOffsets(t *testing.T) {
	in := "　　數(shù)字化,很快。第二句！\n\n\n第三段&amp;。"
	out, errOut, status := runCLI(t, in, "-split", "sentence", "-offsets")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	want := []struct{ text, orig string }{
		{"數字化，很快。", "數(shù)字化,很快。"},
		{"第二句！", "第二句！"},
		{"第三段&。", "第三段&amp;。"},
	}
	us := readUnits(t, out)
	if len(us) != len(want) {
		t.Fatalf("%d units, want %d:\n%s", len(us), len(want), out)
	}
	for k, u := range us {
		if u.Text != want[k].text || in[u.Start:u.End] != want[k].orig || u.File != "" || u.Record != 0 {
			t.Errorf("unit %d: %+v, the input there %q; want %q from %q", k, u, in[u.Start:u.End], want[k].text, want[k].orig)
		}
	}
}

// TestOffsetsSeedPage: on the seed page, long enough for many reads, the
// units are those -split prints, and their offsets advance through the
// file.
func TestOffsetsSeedPage(t *testing.T) {
	page, err := os.ReadFile(seedPage)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	// The page does not end with a line break.
	period := len(page) + 1
	if err := os.WriteFile(big, []byte(strings.Repeat(string(page)+"\n", 30)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, unit := range []string{"sentence", "paragraph"} {
		plain, _, status := runCLI(t, "", "-split", unit, big)
		if status != 0 {
			t.Fatalf("-split %s: status %d", unit, status)
		}
		out, errOut, status := runCLI(t, "", "-split", unit, "-offsets", big)
		if status != 0 || errOut != "" {
			t.Fatalf("-split %s -offsets: status %d, stderr %q", unit, status, errOut)
		}
		us := readUnits(t, out)
		lines := strings.Split(strings.TrimSuffix(plain, "\n"), "\n")
		if len(us) != len(lines) {
			t.Fatalf("-split %s: %d units with -offsets, %d without", unit, len(us), len(lines))
		}
		end := 0
		for k, u := range us {
			if u.Text != lines[k] {
				t.Fatalf("unit %d: %q with -offsets, %q without", k, u.Text, lines[k])
			}
			if u.Start < end || u.End < u.Start || u.End > 30*period {
				t.Fatalf("unit %d %q: offsets %d:%d after %d", k, u.Text, u.Start, u.End, end)
			}
			end = u.End
		}
		// The page repeats: so do the offsets, a page further on.
		n := len(us) / 30
		for k := range n {
			if a, b := us[k], us[k+n]; a.Text != b.Text || b.Start-a.Start != period {
				t.Fatalf("unit %d at %d and unit %d at %d, a page (%d bytes) apart? %q, %q", k, a.Start, k+n, b.Start, period, a.Text, b.Text)
			}
		}
	}
}

// TestOffsetsJSONL: offsets into each field's original value, with the
// record's line and the field's path.
func TestOffsetsJSONL(t *testing.T) {
	in := `{"id":1,"body":"數(shù)字化,很快。第二句。","title":"標題&amp;"}` + "\n\n" + `{"title":"甲。","body":"乙&lt;丙。"}` + "\n"
	out, errOut, status := runCLI(t, in, "-jsonl", "-field", "body", "-field", "title", "-split", "sentence", "-offsets")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	vals := map[int]map[string]string{
		1: {"body": "數(shù)字化,很快。第二句。", "title": "標題&amp;"},
		3: {"body": "乙&lt;丙。", "title": "甲。"},
	}
	want := []offsetUnit{
		{Record: 1, Field: "body", Text: "數字化，很快。", Start: 0, End: 25},
		{Record: 1, Field: "body", Text: "第二句。", Start: 25, End: 37},
		{Record: 1, Field: "title", Text: "標題&", Start: 0, End: 11},
		{Record: 3, Field: "body", Text: "乙<丙。", Start: 0, End: 13},
		{Record: 3, Field: "title", Text: "甲。", Start: 0, End: 6},
	}
	us := readUnits(t, out)
	if len(us) != len(want) {
		t.Fatalf("%d units, want %d:\n%s", len(us), len(want), out)
	}
	for k, u := range us {
		w := want[k]
		w.File = "standard input"
		if u != w {
			t.Errorf("unit %d: %+v, want %+v", k, u, w)
			continue
		}
		if v := vals[u.Record][u.Field]; u.End > len(v) {
			t.Errorf("unit %d: end %d past the value %q", k, u.End, v)
		}
	}
	_, errOut, status = runCLI(t, `{"body":"x"}`+"\n", "-jsonl", "-field", "title", "-split", "sentence", "-offsets")
	if status != 1 || !strings.Contains(errOut, "line 1") {
		t.Errorf("a record without the field: status %d, stderr %q", status, errOut)
	}
}

// TestOffsetsEncoding: with a legacy encoding, the offsets are in the text
// decoded to UTF-8.
func TestOffsetsEncoding(t *testing.T) {
	text := "数(shù)字,化。\n"
	gb, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, status := runCLI(t, gb, "-encoding", "gbk", "-split", "sentence", "-offsets")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	us := readUnits(t, out)
	if len(us) != 1 || us[0].Text != "数字，化。" || text[us[0].Start:us[0].End] != "数(shù)字,化。" {
		t.Errorf("got %+v", us)
	}
}

// TestOffsetsFiles: with several inputs, "file" says whose each unit is,
// and the offsets start again in each.
func TestOffsetsFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("甲,乙。\n"), 0o644)
	os.WriteFile(b, []byte("丙。丁。\n"), 0o644)
	out, errOut, status := runCLI(t, "", "-split", "sentence", "-offsets", a, b)
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	want := []offsetUnit{
		{File: a, Text: "甲，乙。", Start: 0, End: 10},
		{File: b, Text: "丙。", Start: 0, End: 6},
		{File: b, Text: "丁。", Start: 6, End: 12},
	}
	us := readUnits(t, out)
	if len(us) != len(want) {
		t.Fatalf("got %+v", us)
	}
	for k := range us {
		if us[k] != want[k] {
			t.Errorf("unit %d: %+v, want %+v", k, us[k], want[k])
		}
	}
}

func TestOffsetsFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-offsets"},
		{"-offsets", "-page"},
		{"-split", "sentence", "-offsets", "-page"},
		{"-split", "sentence", "-offsets", "-to", "zh-Hans"},
	} {
		_, errOut, status := runCLI(t, "", args...)
		if status != 2 || !strings.Contains(errOut, "-offsets") && !strings.Contains(errOut, "-page") {
			t.Errorf("%v: status %d, stderr %q", args, status, errOut)
		}
	}
}

// TestOffsetsConvert: with -c the offsets point into the original through
// the normalizer and the converter: 記憶體 from 内存, and 數(shù)字's
// reading and conversion.
func TestOffsetsConvert(t *testing.T) {
	in := "我的内存很大。\n第14版:數(shù)字\n"
	out, errOut, status := runCLI(t, in, "-c", "s2twp", "-split", "sentence", "-offsets")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	units := readUnits(t, out)
	want := map[string]string{"我的記憶體很大。": "我的内存很大。", "第14版：數字": "第14版:數(shù)字"}
	for _, u := range units {
		orig, ok := want[u.Text]
		if !ok {
			t.Errorf("unexpected unit %q", u.Text)
			continue
		}
		if got := in[u.Start:u.End]; got != orig {
			t.Errorf("%q maps to %q, want %q", u.Text, got, orig)
		}
		delete(want, u.Text)
	}
	if len(want) > 0 {
		t.Errorf("missing units: %v", want)
	}
}
