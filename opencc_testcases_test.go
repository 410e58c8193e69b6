package zhnorm

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestOpenCCTestcases runs OpenCC's own test cases (upstream, 2026, the
// 1.4.x line: third_party/opencc/testcases.json, a copy of
// ../shared/opencc-testcases) through the converters. They measure how
// current the dictionaries are: with OpenCC 1.4.2's data all 543 pass, in
// every config; with the dictionaries of github.com/longbridgeapp/opencc
// v0.3.13 that zhnorm used before, 258 did.
func TestOpenCCTestcases(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("third_party", "opencc", "testcases.json"))
	if err != nil {
		t.Fatal(err)
	}
	if shared, err := os.ReadFile(filepath.Join("..", "shared", "opencc-testcases", "testcases.json")); err == nil && !bytes.Equal(shared, data) {
		t.Errorf("third_party/opencc/testcases.json differs from ../shared/opencc-testcases/testcases.json: copy the newer one")
	}
	// The file has // comment lines and trailing commas.
	data = regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAll(data, nil)
	data = regexp.MustCompile(`,(\s*[}\]])`).ReplaceAll(data, []byte("$1"))
	var file struct {
		Cases []struct {
			ID       string            `json:"id"`
			Input    string            `json:"input"`
			Expected map[string]string `json:"expected"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	pass, total := map[string]int{}, map[string]int{}
	all, cases := 0, 0
	for _, c := range file.Cases {
		for config, want := range c.Expected {
			cases++
			total[config]++
			conv, err := NewConverter(config)
			if err != nil {
				t.Errorf("case %s: %v", c.ID, err)
				continue
			}
			if got := conv.Convert(c.Input); got == want {
				pass[config]++
				all++
			} else {
				t.Errorf("case %s, %s(%q) = %q, want %q", c.ID, config, c.Input, got, want)
			}
		}
	}
	t.Logf("passed %d of %d: %v", all, cases, pass)
	if cases != 543 || len(total) != 16 {
		t.Errorf("%d cases over %d configs, want 543 over 16", cases, len(total))
	}
}
