package main

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestAutoFarIn: -encoding auto decides at the first text that is not
// ASCII, past 100,000 ASCII lines; and UTF-8 that later holds GB18030 is
// reported with the encoding that reads it.
func TestAutoFarIn(t *testing.T) {
	ascii := strings.Repeat("ASCII line\n", 100000)
	big5, _ := traditionalchinese.Big5.NewEncoder().String("黑龍江省民政廳推動社會工作人才隊伍建設\n")
	out, errOut, status := runCLI(t, ascii+big5, "-encoding", "auto", "-normalize=false", "-stats")
	if status != 0 || out != ascii+"黑龍江省民政廳推動社會工作人才隊伍建設\n" || !strings.Contains(errOut, "encoding big5") {
		t.Errorf("ASCII then Big5: status %d, output right: %v, stderr %q", status, out == ascii+"黑龍江省民政廳推動社會工作人才隊伍建設\n", errOut)
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("黑龙江省民政厅推动社会工作人才队伍建设\n")
	_, errOut, _ = runCLI(t, "中文\n"+ascii+gb, "-encoding", "auto", "-normalize=false")
	if !strings.Contains(errOut, "line 100002: bytes that are not utf-8") || !strings.Contains(errOut, "-encoding gb18030") {
		t.Errorf("UTF-8 then GB18030: stderr %q", errOut)
	}
}
