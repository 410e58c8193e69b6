package main

import (
	"strings"
	"testing"
)

// TestWarningCaps: undecodable lines past the tenth are counted in one
// line; -split reports its cut spans once, with their count.
func TestWarningCaps(t *testing.T) {
	_, errOut, status := runCLI(t, strings.Repeat("坏\xff\n", 250), "-normalize=false")
	if status != 0 || strings.Count(errOut, "\n") > 12 || !strings.Contains(errOut, "and 240 more lines") {
		t.Errorf("status %d, %d lines of stderr:\n%.600s", status, strings.Count(errOut, "\n"), errOut)
	}
	long := strings.Repeat(strings.Repeat("长", 30000)+"\n", 5) // no stop for 90 KB, five times
	_, errOut, status = runCLI(t, long, "-split", "sentence", "-normalize=false")
	if status != 0 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "pieces") {
		t.Errorf("-split: status %d, stderr %q", status, errOut)
	}
}
