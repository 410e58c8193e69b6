package main

import (
	"strings"
	"testing"
)

// TestJSONLStatsReport: -stats with -jsonl gives the normalizer's report,
// suspects at their record's line, with -j 1 and -j 2.
func TestJSONLStatsReport(t *testing.T) {
	in := `{"t":"好"}` + "\n" + `{"t":"數(shù)字:左右?,F(xiàn)有"}` + "\n"
	for _, j := range []string{"1", "2"} {
		_, errOut, status := runCLI(t, in, "-jsonl", "-field", "t", "-stats", "-j", j)
		if status != 0 {
			t.Fatalf("status %d, stderr %q", status, errOut)
		}
		for _, want := range []string{"punct", "glued-reading", "line 2"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("-j %s: -stats output %q lacks %q", j, errOut, want)
			}
		}
	}
	_, errOut, _ := runCLI(t, `{"t":"數(shù)字"}`+"\n", "-jsonl", "-page", "-field", "t", "-stats")
	if !strings.Contains(errOut, "pinyin") {
		t.Errorf("-page -jsonl -stats: no report in %q", errOut)
	}
}
