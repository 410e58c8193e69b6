package opencc

import (
	"github.com/google/go-cmp/cmp"
	"reflect"
	"strings"
	"testing"
)

func TestParseDictAsOpenCC142(t *testing.T) {
	in := "\uFEFF佣\t傭\r\n" + // BOM, CRLF
		"# a comment line, even with a\ttab\n" +
		"万\t萬 万\n" + // several values: the first converts
		"\n" + // blank lines are skipped
		"多頭倉位 \t長倉\n" + // the space before the tab belongs to the key
		"两\t  兩\n" + // two spaces: an empty value first
		"厘\t釐\rjunk\n" + // a CR ends the line
		"\t空\n" + // an empty key never matches: dropped
		"#号\t號\n" + // # starts a comment, even before a tab
		"里\t裡" // no newline at the end
	d, err := ParseDict("test.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := &Dict{
		Name:    "test",
		Keys:    []string{"万", "两", "佣", "厘", "多頭倉位 ", "里"},
		Values:  [][]string{{"萬", "万"}, {"", "", "兩"}, {"傭"}, {"釐"}, {"長倉"}, {"裡"}},
		MaxRune: 5,
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("ParseDict = %+v\nwant %+v", d, want)
	}
}

func TestParseDictErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\tb\nnoseparator\n", "x.txt:2: no tab"},
		{"开户 開戶\n", "x.txt:1: no tab"}, // OpenCC 1.4 takes no space for a tab
		{"a\tb\n\xff\tb\n", "x.txt:2: invalid UTF-8"},
		{"a\tb\n# c\na\tc\n", "x.txt:3: key \"a\" again (first on line 1)"},
	}
	for _, tt := range tests {
		_, err := ParseDict("x.txt", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDict(%q): error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseConfig(t *testing.T) {
	data := `{"name": "demo", // OpenCC's reader takes comments
	 "normalization": [{"dict": {"type": "ocd2", "file": "CJK.ocd2"}}],
	 "segmentation": {"type": "mmseg", "dict": {"type": "group", "match_policy": "union", "dicts": [
	   {"type": "ocd2", "file": "STPhrases.ocd2"}, {"type": "ocd2", "file": "Gen.ocd2"}]}},
	 "conversion_chain": [
	   {"dict": {"type": "group", "dicts": [
	     {"type": "ocd2", "file": "STPhrases.ocd2"},
	     {"type": "ocd2", "file": "Ext.ocd2", "may_output_tofu": true},
	     /* a block comment */
	     {"type": "group", "dicts": [{"type": "text", "file": "mine.txt"}]},
	     {"type": "inline", "entries": {"龙": "龍", "台 北": "臺北"}},]}},
	   "not an object: skipped",
	   {"dict": {"type": "ocd", "file": "TWVariants.ocd"}},
	 ],}`
	c, files, inline, err := ParseConfig("dir/demo.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	leaf := func(n string) *DictNode { return &DictNode{Dict: n} }
	want := &Config{Name: "demo", Description: "demo",
		Norm: []*DictNode{leaf("CJK")},
		Seg:  &DictNode{Union: true, Items: []*DictNode{leaf("STPhrases"), leaf("Gen")}},
		Chain: []*DictNode{
			{Items: []*DictNode{leaf("STPhrases"), {Dict: "Ext", Tofu: true}, {Items: []*DictNode{leaf("mine")}}, leaf("inline#1")}},
			leaf("TWVariants"),
		}}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("ParseConfig (-want +got):\n%s", diff)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.File)
	}
	if wantFiles := []string{"STPhrases.txt", "Gen.txt", "Ext.txt", "mine.txt", "TWVariants.txt", "CJK.txt"}; !reflect.DeepEqual(names, wantFiles) {
		t.Errorf("files = %q, want %q", names, wantFiles)
	}
	if d := inline["inline#1"]; d == nil || !reflect.DeepEqual(d.Keys, []string{"台 北", "龙"}) || d.Values[0][0] != "臺北" {
		t.Errorf("inline dictionary = %+v", d)
	}
	if !c.HasTofu() || c.WithoutTofu().HasTofu() || len(c.WithoutTofu().Chain[0].Items) != 3 {
		t.Errorf("WithoutTofu did not drop exactly the tofu-risk dictionary: %+v", c.WithoutTofu().Chain[0])
	}
	for _, bad := range []string{
		`{"segmentation": {"type": "mmseg", "dict": {"type": "marisa", "file": "x"}}, "conversion_chain": [{"dict": {"type": "text", "file": "x"}}]}`,
		`{"segmentation": {"type": "mmseg", "dict": {"type": "group", "dicts": []}}, "conversion_chain": [{"dict": {"type": "text", "file": "x"}}]}`,
		`{"segmentation": {"type": "mmseg", "dict": {"type": "text"}}, "conversion_chain": [{"dict": {"type": "text", "file": "x"}}]}`,
		`{"segmentation": {"type": "jieba"}, "conversion_chain": []}`,
		`{"segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "x"}}}`,
		`{"conversion_chain": [{"dict": {"type": "group", "match_policy": "longest", "dicts": []}}]}`,
		`{"conversion_chain": [{"dict": {"type": "inline", "entries": {"a": ""}}}]}`,
		`[1, 2]`,
	} {
		if _, _, _, err := ParseConfig("bad.json", []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "bad.json") {
			t.Errorf("ParseConfig(%s): error %v, want one naming bad.json", bad, err)
		}
	}
}

// TestDerivedDicts derives the dictionaries OpenCC's build generates as
// its Python scripts do.
func TestDerivedDicts(t *testing.T) {
	rev, err := ReverseDict("XRev", "X.txt", []byte("# @reverse-prefer: 干 乾\n幹\t干\n乾\t干 乾\n榦\t干\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"乾"}, {"乾", "幹", "榦"}}; !reflect.DeepEqual(rev.Keys, []string{"乾", "干"}) || !reflect.DeepEqual(rev.Values, want) {
		t.Errorf("ReverseDict = %q %q", rev.Keys, rev.Values)
	}
	if _, err := ReverseDict("XRev", "X.txt", []byte("# @reverse-prefer: 干 无\n幹\t干\n")); err == nil {
		t.Error("a reverse preference without its mapping is no error")
	}
	ext, err := TofuRiskDict("Ext", "T.txt", []byte("# @tofu-risk: rare\n㑮\t㑮 𫝈\n㑯\t㑔\n# @tofu-risk: x\n㒓\t㒓 𠉂\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ext.Keys, []string{"㑮", "㒓"}) || ext.Values[0][0] != "𫝈" || ext.Values[1][0] != "𠉂" {
		t.Errorf("TofuRiskDict = %q %q", ext.Keys, ext.Values)
	}
	if _, err := TofuRiskDict("Ext", "T.txt", []byte("# @tofu-risk: x\n")); err == nil {
		t.Error("a tofu-risk mark at the end is no error")
	}
	t2s := func(s string) string {
		return strings.NewReplacer("記", "记", "憶", "忆", "體", "体", "軟", "软").Replace(s)
	}
	gen, err := RegionalPhrasesDict("Gen", []RegionalPhraseSource{
		{"HK.txt", []byte("記憶體\t記憶體\n軟\t軟\n")},
		{"TW.txt", []byte("# c\n記憶體\t記憶體\n")},
	}, t2s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gen.Keys, []string{"记忆体"}) || gen.Values[0][0] != "記憶體" {
		t.Errorf("RegionalPhrasesDict = %q %q (keys under three characters are left out)", gen.Keys, gen.Values)
	}
	_, err = RegionalPhrasesDict("Gen", []RegionalPhraseSource{{"HK.txt", []byte("記憶體\tx\n記忆體\ty\n")}}, t2s)
	if err == nil || !strings.Contains(err.Error(), "记忆体: 記憶體 記忆體") {
		t.Errorf("conflicting projections: error %v", err)
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

// FuzzParseConfig: the config parser never panics, and the comments and
// trailing commas it strips never change the length of the text (errors
// keep their line numbers).
func FuzzParseConfig(f *testing.F) {
	f.Add(`{"name": "x", // c
	 "segmentation": {"type": "mmseg", "dict": {"type": "group", "match_policy": "union", "dicts": [{"type": "ocd2", "file": "a.ocd2"},]}},
	 /* c */ "conversion_chain": [{"dict": {"type": "inline", "entries": {"a": "b"}}}, 1]}`)
	f.Add(`{"conversion_chain": [{"dict": {"type": "text", "file": "x\"//y", "may_output_tofu": true}}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		if got := len(stripJSONExtensions([]byte(in))); got != len(in) {
			t.Fatalf("stripJSONExtensions changed the length: %d, want %d", got, len(in))
		}
		c, files, inline, err := ParseConfig("f.json", []byte(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.json: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		known := map[string]bool{}
		for _, f := range files {
			known[f.Name] = true
		}
		for n := range inline {
			known[n] = true
		}
		nodes := append(append([]*DictNode(nil), c.Norm...), c.Chain...)
		if c.Seg != nil {
			nodes = append(nodes, c.Seg)
		}
		for _, n := range nodes {
			for _, d := range n.Dicts() {
				if !known[d] {
					t.Fatalf("dictionary %s is in the config but not among its files", d)
				}
			}
		}
	})
}
