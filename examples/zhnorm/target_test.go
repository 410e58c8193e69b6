package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTargetSeed: -to converts the seed page, normalized by default, as
// the package's goldens say; to zh-Hans it writes 发挥着 (the page is
// mainland text through a Taiwan-style gateway), not t2s's 发挥著.
func TestTargetSeed(t *testing.T) {
	seed := filepath.Join("..", "..", "testdata", "000_a73dac5818fe388b.txt")
	for _, tag := range []string{"zh-Hans", "zh-TW"} {
		out, errOut, status := runCLI(t, "", "-to", tag, seed)
		if status != 0 {
			t.Fatalf("-to %s: status %d: %s", tag, status, errOut)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "target", "000_a73dac5818fe388b."+tag+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("-to %s differs from testdata/target's golden", tag)
		}
	}
	out, _, _ := runCLI(t, "", "-to", "zh-Hans", seed)
	if !strings.Contains(out, "发挥着") || strings.Contains(out, "发挥著") {
		t.Errorf("-to zh-Hans: want 发挥着")
	}
	if out, _, _ := runCLI(t, "", "-c", "t2s", seed); !strings.Contains(out, "发挥著") {
		t.Errorf("-c t2s no longer writes 发挥著: the test has lost its point")
	}
}

func TestTargetFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-to", "zh-TW", "-c", "s2t"}, "-c and -to do not go together"},
		{[]string{"-to", "zh-XX"}, "valid targets: zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK"},
		{[]string{"-keep-punct"}, "go with -to"},
		{[]string{"-regional-phrases", "-c", "s2t"}, "go with -to"},
		{[]string{"-detect", "-c", "s2t"}, "-detect prints detections"},
		{[]string{"-detect", "-split", "sentence"}, "-detect prints detections"},
	}
	for _, tt := range tests {
		_, errOut, status := runCLI(t, "中文", tt.args...)
		if status != 2 || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: status %d, %q; want 2 and one line with %q", tt.args, status, errOut, tt.want)
		}
	}
}

func TestTargetText(t *testing.T) {
	tests := []struct {
		args      []string
		in, want  string
		noNewline bool
	}{
		{[]string{"-to", "zh-TW"}, "他说“这里的设备”。\n", "他說「這裡的設備」。\n", false},
		{[]string{"-to", "zh-TW", "-regional-phrases"}, "他说“这里的设备”。\n", "他說「這裡的裝置」。\n", false},
		{[]string{"-to", "zh-TW", "-keep-punct"}, "他说“这里的设备”。\n", "他說“這裡的設備”。\n", false},
		{[]string{"-to", "zh-hk"}, "他說「這裡的線路」。\n", "他説「這裏的線路」。\n", false}, // HKVariants: 說 → 説, no 綫
		{[]string{"-to", "zh_CN"}, "他說「這裏着綫」。\n", "他说“这里着线”。\n", false},
	}
	for _, tt := range tests {
		out, errOut, status := runCLI(t, tt.in, tt.args...)
		if status != 0 || out != tt.want {
			t.Errorf("%v %q = %q (status %d, %s); want %q", tt.args, tt.in, out, status, errOut, tt.want)
		}
	}
}

// TestTargetJSONL: each record is detected on its own; one with too little
// evidence follows the records before it.
func TestTargetJSONL(t *testing.T) {
	in := `{"id":1,"text":"香港的報道裏說着衞生的問題，綫路"}
{"id":2,"text":"为什么这样"}
{"id":3,"text":"為什麼"}
`
	want := `{"id":1,"text":"香港的报道里说着卫生的问题，线路"}
{"id":2,"text":"为什么这样"}
{"id":3,"text":"为什么"}
`
	out, errOut, status := runCLI(t, in, "-jsonl", "-field", "text", "-to", "zh-Hans")
	if status != 0 || out != want {
		t.Errorf("-jsonl -to zh-Hans = %q (status %d, %s); want %q", out, status, errOut, want)
	}
	out, errOut, status = runCLI(t, in, "-jsonl", "-field", "text", "-to", "zh-TW", "-detect")
	if status != 0 {
		t.Fatalf("-detect: status %d: %s", status, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("-detect -jsonl printed %d lines: %q", len(lines), out)
	}
	wants := []struct {
		script, standard, assumed string
		configs                   []string
	}{
		{"Traditional", "Hong Kong", "Hong Kong", []string{"hk2t", "t2tw"}},
		{"Simplified", "unknown", "", []string{"s2tw"}},
		// 為 alone: Hong Kong from the record before.
		{"Traditional", "unknown", "Hong Kong", []string{"hk2t", "t2tw"}},
	}
	for i, l := range lines {
		var d detection
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		w := wants[i]
		if d.File != "standard input" || d.Record != i+1 || d.Line != i+1 || d.Script != w.script || d.Standard != w.standard ||
			d.Assumed != w.assumed || strings.Join(d.Configs, "+") != strings.Join(w.configs, "+") || d.Han == 0 {
			t.Errorf("record %d: %s", i+1, l)
		}
	}
}

func TestDetectFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"tw.txt": "這裡說的線路為什麼", "cn.txt": "这里说的线路", "en.txt": "no Chinese here"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, status := runCLIIn(t, dir, "", "-detect", "-to", "zh-HK", "tw.txt", "cn.txt", "en.txt")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	want := []struct {
		file, script string
		configs      string
	}{{"tw.txt", "Traditional", "tw2t+t2hk"}, {"cn.txt", "Simplified", "s2hk"}, {"en.txt", "no Han", ""}}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines: %q", len(lines), out)
	}
	for i, l := range lines {
		var d detection
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		if d.File != want[i].file || d.Script != want[i].script || strings.Join(d.Configs, "+") != want[i].configs || d.Record != 0 {
			t.Errorf("line %d: %s", i+1, l)
		}
	}
	// Without -to: no configs.
	out, _, _ = runCLIIn(t, dir, "", "-detect", "tw.txt")
	if strings.Contains(out, "configs") || !strings.Contains(out, `"script":"Traditional"`) {
		t.Errorf("-detect without -to: %s", out)
	}
}
