package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestOutputIsUTF8: invalid UTF-8 is replaced and reported in every mode,
// normalizing or not, in text and in JSON Lines fields that are not
// rewritten.
func TestOutputIsUTF8(t *testing.T) {
	for _, tt := range []struct {
		in   string
		args []string
	}{
		{"中文\xff\xfe好\n", []string{"-normalize=false"}},
		{"中文\xff\xfe好\n", []string{"-normalize=false", "-c", "s2t"}},
		{"中文\xff\xfe好\n", nil},
		{"中文\xff\xfe好\n", []string{"-split", "sentence", "-normalize=false"}},
		{`{"a":"中文","b":"坏` + "\xff" + `"}` + "\n", []string{"-jsonl", "-field", "a"}},
		{`{"a":"中文","b":"坏` + "\xff" + `"}` + "\n", []string{"-jsonl", "-field", "a", "-j", "1", "-normalize=false"}},
	} {
		out, errOut, status := runCLI(t, tt.in, tt.args...)
		if status != 0 || !utf8.ValidString(out) || !strings.Contains(out, "\uFFFD") {
			t.Errorf("%v: status %d, output %q", tt.args, status, out)
		}
		if !strings.Contains(errOut, "line 1: bytes that are not utf-8, replaced by U+FFFD") {
			t.Errorf("%v: stderr %q does not report the bytes", tt.args, errOut)
		}
	}
}

// TestJSONLByteOrderMark: a JSON Lines file may start with a UTF-8 byte
// order mark.
func TestJSONLByteOrderMark(t *testing.T) {
	for _, enc := range []string{"utf-8", "auto"} {
		out, errOut, status := runCLI(t, "\uFEFF"+`{"t":"汉字"}`+"\n"+`{"t":"汉字"}`+"\n", "-jsonl", "-field", "t", "-c", "s2t", "-encoding", enc)
		if want := `{"t":"漢字"}` + "\n" + `{"t":"漢字"}` + "\n"; status != 0 || out != want {
			t.Errorf("-encoding %s: status %d, output %q, stderr %q", enc, status, out, errOut)
		}
	}
}
