package opencc

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseDictQuirks(t *testing.T) {
	in := "\uFEFF佣\t傭\r\n" + // BOM, CRLF
		"万\t萬 万\n" + // several values: the first converts
		"\n" + // blank lines are skipped
		"开户 開戶\n" + // no tab: the first space separates
		"多頭倉位 \t長倉\n" + // a tab: the space before it belongs to the key
		"佣\t佣\n" + // a later line wins
		"厘\t釐" // no newline at the end
	d, err := ParseDict("test.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := &Dict{
		Name:    "test",
		Keys:    []string{"万", "佣", "厘", "多頭倉位 ", "开户"},
		Values:  [][]string{{"萬", "万"}, {"佣"}, {"釐"}, {"長倉"}, {"開戶"}},
		MaxRune: 5,
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("ParseDict = %+v\nwant %+v", d, want)
	}
}

func TestParseDictErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\tb\nnoseparator\n", "x.txt:2: no tab"},
		{"\tb\n", "x.txt:1: empty key"},
		{"a\t\n", "x.txt:1: empty value"},
		{"a\t \n", "x.txt:1: empty value"},
		{"a\tb\n\xff\tb\n", "x.txt:2: invalid UTF-8"},
		{"a\x00\tb\n", "x.txt:1: NUL"},
		{"a\t" + strings.Repeat("b", MaxLine) + "\n", "x.txt:1: line longer"},
	}
	for _, tt := range tests {
		_, err := ParseDict("x.txt", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDict(%q): error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseConfig(t *testing.T) {
	data := `{"name": "demo",
	 "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "STPhrases.ocd2"}},
	 "conversion_chain": [
	   {"dict": {"type": "group", "dicts": [
	     {"type": "ocd2", "file": "STPhrases.ocd2"},
	     {"type": "group", "dicts": [{"type": "text", "file": "mine.txt"}]}]}},
	   {"dict": {"type": "ocd", "file": "TWVariants.ocd"}}]}`
	c, files, err := ParseConfig("dir/demo.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{Name: "demo", Description: "demo", Seg: []string{"STPhrases"},
		Chain: [][]string{{"STPhrases", "mine"}, {"TWVariants"}}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("ParseConfig = %+v, want %+v", c, want)
	}
	if wantFiles := []string{"STPhrases.txt", "mine.txt", "TWVariants.txt"}; !reflect.DeepEqual(files, wantFiles) {
		t.Errorf("files = %q, want %q", files, wantFiles)
	}
	for _, bad := range []string{
		`{"segmentation": {"type": "mmseg", "dict": {"type": "marisa", "file": "x"}}, "conversion_chain": [{"dict": {"type": "text", "file": "x"}}]}`,
		`{"segmentation": {"type": "mmseg", "dict": {"type": "group", "dicts": []}}, "conversion_chain": [{"dict": {"type": "text", "file": "x"}}]}`,
		`{"segmentation": {"type": "mmseg", "dict": {"type": "text"}}, "conversion_chain": [{"dict": {"type": "text", "file": "x"}}]}`,
		`{"segmentation": {"type": "mmseg"}, "conversion_chain": []}`,
		`[1, 2]`,
	} {
		if _, _, err := ParseConfig("bad.json", []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "bad.json") {
			t.Errorf("ParseConfig(%s): error %v, want one naming bad.json", bad, err)
		}
	}
}

// FuzzParseDict: the parser never panics, and what it parsed writes out and
// parses back the same.
func FuzzParseDict(f *testing.F) {
	f.Add("a\tb c\nd e\n")
	f.Add("\uFEFF佣\t傭\r\n佣\t佣")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDict("f.txt", strings.NewReader(in))
		if err != nil {
			return
		}
		var b strings.Builder
		if err := d.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		d2, err := ParseDict("f.txt", strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("reparse of %q: %v", b.String(), err)
		}
		if !reflect.DeepEqual(d, d2) {
			t.Fatalf("reparse differs: %+v vs %+v", d, d2)
		}
	})
}
