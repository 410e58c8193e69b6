package zhnorm

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongbridgeComparison documents where github.com/longbridgeapp/opencc
// v0.3.13, the Go port zhnorm's benchmarks compare with, converts
// otherwise than OpenCC 1.4.2 (and so zhnorm): per config, how many lines
// of a SIGHAN corpus differ, and the first few, in a golden file that
// `go test -update` rewrites.
func TestLongbridgeComparison(t *testing.T) {
	if testing.Short() {
		t.Skip("converting the corpora with the port takes seconds")
	}
	var out strings.Builder
	for _, tt := range []struct{ config, corpus string }{
		{"s2t", "pku_test.utf8"}, {"s2twp", "pku_test.utf8"}, {"s2hk", "pku_test.utf8"},
		{"t2s", "as_test.utf8"}, {"tw2sp", "as_test.utf8"}, {"hk2s", "cityu_test.utf8"},
	} {
		lines := strings.Split(strings.TrimSuffix(corpus(t, tt.corpus), "\n"), "\n")
		c := mustConverter(t, tt.config)
		var diffs []string
		for _, l := range lines {
			if ours, port := c.Convert(l), longbridge(t, tt.config, l); ours != port {
				at := firstDiffRune(ours, port)
				diffs = append(diffs, fmt.Sprintf("  in    %s\n  1.4.2 %s\n  port  %s\n", clip(l, at), clip(ours, at), clip(port, at)))
			}
		}
		fmt.Fprintf(&out, "%s on %s: %d of %d lines differ\n", tt.config, tt.corpus, len(diffs), len(lines))
		for _, d := range diffs[:min(3, len(diffs))] {
			out.WriteString(d)
		}
	}
	checkGolden(t, "convert/longbridge-differences.golden", []byte(out.String()))
}

// firstDiffRune returns the index, in characters, where a and b first differ.
func firstDiffRune(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	return i
}

// clip shortens a line for the golden file to the 40 characters around
// character at.
func clip(s string, at int) string {
	r := []rune(s)
	from, to := max(0, min(at, len(r))-20), min(len(r), at+20)
	out := string(r[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(r) {
		out += "…"
	}
	return out
}
