package zhnorm

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestOpenCCTestcases runs OpenCC's own test cases (upstream, 2026, the
// 1.4.x line) through the converters. They measure how current the
// dictionaries are, not the engine: with OpenCC's algorithm and the
// dictionaries of github.com/longbridgeapp/opencc v0.3.13, 258 of the 543
// pass (../shared/opencc-testcases/README.md), and so must zhnorm's, config
// by config; a different count means the engine or the dictionaries moved.
func TestOpenCCTestcases(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "shared", "opencc-testcases", "testcases.json"))
	if os.IsNotExist(err) {
		t.Skip("../shared/opencc-testcases is absent")
	}
	if err != nil {
		t.Fatal(err)
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
	all := 0
	for _, c := range file.Cases {
		for config, want := range c.Expected {
			total[config]++
			conv, err := NewConverter(config)
			if err != nil {
				continue // s2hkp and hk2sp are not in the module
			}
			if conv.Convert(c.Input) == want {
				pass[config]++
				all++
			}
		}
	}
	t.Logf("passed %d of 543: %v of %v", all, pass, total)
	want := map[string]int{"s2t": 55, "s2twp": 23, "t2s": 28, "tw2sp": 13}
	for config, n := range want {
		if pass[config] != n {
			t.Errorf("%s: %d of %d cases pass, want %d", config, pass[config], total[config], n)
		}
	}
	if all != 258 {
		t.Errorf("%d cases pass, want 258", all)
	}
}
