package zhnorm

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

func TestConfigs(t *testing.T) {
	var names []string
	for _, c := range Configs() {
		names = append(names, c.Name)
		if c.Description == "" {
			t.Errorf("config %s has no description", c.Name)
		}
	}
	want := []string{"s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp",
		"t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t", "s2hkp", "hk2sp", "s2hk-finance"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("Configs() names (-want +got):\n%s", diff)
	}
	for _, n := range names {
		c, err := NewConverter(n)
		if err != nil {
			t.Fatalf("NewConverter(%q): %v", n, err)
		}
		if c.Name() != n {
			t.Errorf("NewConverter(%q).Name() = %q", n, c.Name())
		}
	}
	if c, err := NewConverter("s2twp.json"); err != nil || c.Name() != "s2twp" {
		t.Errorf(`NewConverter("s2twp.json") = %v, %v`, c, err)
	}
	// Without the tofu-risk dictionaries: another converter where the
	// config has them, the same where it has none.
	for _, n := range names {
		c, err := NewConverter(n, WithoutTofuRisk())
		if err != nil {
			t.Fatal(err)
		}
		if c.Name() != n {
			t.Errorf("NewConverter(%q, WithoutTofuRisk()).Name() = %q", n, c.Name())
		}
		has := slices.Contains([]string{"t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"}, n)
		if same := c == mustConverter(t, n); same == has {
			t.Errorf("NewConverter(%q, WithoutTofuRisk()) is the default converter: %v, want %v", n, same, !has)
		}
	}
	if _, err := NewConverter("t2s" + opencc.NoTofu); err == nil {
		t.Errorf("the tables' name of a variant is a config")
	}
	if v := DataVersion(); v != "1.4.2" {
		t.Errorf("DataVersion() = %q, want 1.4.2", v)
	}
}

func TestNewConverterUnknown(t *testing.T) {
	_, err := NewConverter("s2x")
	if err == nil {
		t.Fatal(`NewConverter("s2x") succeeded`)
	}
	for _, c := range Configs() {
		if !strings.Contains(err.Error(), c.Name) {
			t.Errorf("error %q does not list %s", err, c.Name)
		}
	}
}

func mustConverter(t testing.TB, name string, opts ...ConverterOption) *Converter {
	t.Helper()
	c, err := NewConverter(name, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestConvertExamples(t *testing.T) {
	tests := []struct{ config, in, want string }{
		{"s2t", "黑龙江", "黑龍江"},
		{"t2s", "黑龍江", "黑龙江"},
		{"s2t", "", ""},
		{"s2t", "plain ASCII text, unchanged.", "plain ASCII text, unchanged."},
		// A phrase wins over its characters: 干 has several traditional forms.
		{"s2t", "干部和干燥", "幹部和乾燥"},
		{"s2tw", "着", "著"},
		{"s2twp", "鼠标和软件", "滑鼠和軟體"},
		{"tw2sp", "滑鼠和軟體", "鼠标和软件"},
		{"s2hk", "着", "着"},
		{"t2jp", "舊字體", "旧字体"},
		{"jp2t", "旧字体", "舊字體"},
		// Invalid UTF-8 is copied through and splits nothing else.
		{"s2t", "汉\xff字", "漢\xff字"},
		{"s2t", "\xe6\xb1", "\xe6\xb1"},
		// OpenCC 1.4.2 drops the rest of a segment after a NUL where the
		// config segments; zhnorm converts past it.
		{"s2t", "汉\x00字", "漢\x00字"},
	}
	for _, tt := range tests {
		if got := mustConverter(t, tt.config).Convert(tt.in); got != tt.want {
			t.Errorf("%s.Convert(%q) = %q, want %q", tt.config, tt.in, got, tt.want)
		}
	}
}

// TestOpenCC142Answers pins cases where OpenCC 1.4.2 answers otherwise
// than github.com/longbridgeapp/opencc v0.3.13, whose data (OpenCC's of
// June 2024) zhnorm once used and whose engine differs from OpenCC's (see
// ../shared/notes/opencc-semantics.md and opencc-1.4.md), to OpenCC 1.4.2's
// answer, which the differential test checks against OpenCC itself.
func TestOpenCC142Answers(t *testing.T) {
	tests := []struct{ config, in, want, port string }{
		// Meaning errors of the old data: skin is not a panel, a train
		// passing through is not "by means of".
		{"s2twp", "我的皮肤很干燥，列车通过台北。", "我的皮膚很乾燥，列車通過臺北。", "我的面板很乾燥，列車透過臺北。"},
		{"s2twp", "皮肤干燥", "皮膚乾燥", "面板乾燥"},
		{"s2twp", "列车通过台北", "列車通過臺北", "列車透過臺北"},
		// An 11-character key: the port looks 10 characters ahead.
		{"s2t", "塔什库尔干塔吉克自治县", "塔什庫爾干塔吉克自治縣", "塔什庫爾幹塔吉克自治縣"},
		{"s2hk", "塔什库尔干塔吉克自治县", "塔什庫爾干塔吉克自治縣", "塔什庫爾幹塔吉克自治縣"},
		// Segments never merge: 过了 is a segment, so TWPhrases' 通過 →
		// 透過 cannot reach across 通 | 過了.
		{"s2twp", "顺利通过了", "順利通過了", "順利透過了"},
		// Regional phrases projected to Simplified keep 内存 whole for
		// TWPhrases.
		{"s2twp", "内存", "記憶體", "記憶體"},
	}
	for _, tt := range tests {
		if got := mustConverter(t, tt.config).Convert(tt.in); got != tt.want {
			t.Errorf("%s.Convert(%q) = %q, want OpenCC 1.4.2's %q", tt.config, tt.in, got, tt.want)
		}
		if port := longbridge(t, tt.config, tt.in); port != tt.port {
			t.Errorf("longbridgeapp/opencc %s(%q) = %q; the README says %q", tt.config, tt.in, port, tt.port)
		}
	}
}

// TestOpenCC142Semantics pins what OpenCC 1.4 added to the engine, with
// OpenCC 1.4.2's answers.
func TestOpenCC142Semantics(t *testing.T) {
	tests := []struct {
		config, in, want string
		opts             []ConverterOption
	}{
		// An ideographic description sequence is copied whole, however
		// its characters would convert, and what follows converts anew.
		{"s2t", "⿰发展中国", "⿰发展中國", nil},
		{"t2s", "⿰發展 發展", "⿰發展 发展", nil},
		{"s2t", "⿱⿰木木木龙", "⿱⿰木木木龍", nil},
		// Cut short by the end of the text, it is no sequence.
		{"s2t", "⿰发", "⿰發", nil},
		// The normalization maps compatibility ideographs first.
		{"t2s", "豈", "岂", nil},
		{"t2s", "⿰豈豈 豈", "⿰豈豈 岂", nil},
		// TSCharactersExt, marked may_output_tofu: in by default, out on
		// request.
		{"t2s", "㑮", "𫝈", nil},
		{"t2s", "㑮", "㑮", []ConverterOption{WithoutTofuRisk()}},
		{"s2t", "汉", "漢", []ConverterOption{WithoutTofuRisk()}},
	}
	for _, tt := range tests {
		c, err := NewConverter(tt.config, tt.opts...)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Convert(tt.in); got != tt.want {
			t.Errorf("%s (%d options).Convert(%q) = %q, want %q", tt.config, len(tt.opts), tt.in, got, tt.want)
		}
		if got := c.t.Reference(c.c, tt.in); got != tt.want {
			t.Errorf("%s reference(%q) = %q, want %q", tt.config, tt.in, got, tt.want)
		}
		if got := readAll(t, c, newChunkReader(tt.in, 1, 1)); got != tt.want {
			t.Errorf("%s streamed a byte at a time (%q) = %q, want %q", tt.config, tt.in, got, tt.want)
		}
	}
}

// TestConvertMatchesReference holds the precomputed engine to the literal
// algorithm on every config and every input: the corpora, the seed page and
// the adversarial text of each config.
func TestConvertMatchesReference(t *testing.T) {
	m := readBuiltin(t)
	inputs := testInputs(t)
	blob, err := opencc.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range blob.Names { // the variants without tofu-risk dictionaries too
		tab, err := blob.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		info := Config{Name: name}
		c := newConverter(tab, &tab.Configs[0])
		adv := adversarialText(m, m.config(info.Name), 1)
		for name, in := range inputs {
			if testing.Short() && name != seedPage && name != "cityu_test.utf8" {
				continue
			}
			checkSame(t, info.Name+" "+name, c.t.Reference(c.c, in), c.Convert(in))
		}
		checkSame(t, info.Name+" adversarial", c.t.Reference(c.c, adv), c.Convert(adv))
	}
}

// checkSame reports the first differing line of two long texts.
func checkSame(t *testing.T, what, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(wl), len(gl)) {
		if wl[i] != gl[i] {
			t.Errorf("%s: line %d differs:\nwant %s\n got %s", what, i+1, wl[i], gl[i])
			return
		}
	}
	t.Errorf("%s: %d lines, want %d", what, len(gl), len(wl))
}

func TestConvertAllocations(t *testing.T) {
	c := mustConverter(t, "s2t")
	unchanged := strings.Repeat("黑龍江 plain text，123。\n", 100)
	if got := c.Convert(unchanged); got != unchanged {
		t.Fatalf("s2t changed traditional text: %q", got)
	}
	if n := testing.AllocsPerRun(20, func() { c.Convert(unchanged) }); n != 0 {
		t.Errorf("Convert of unchanged text: %v allocations, want 0", n)
	}
	if got := c.Convert(unchanged); unsafe.StringData(got) != unsafe.StringData(unchanged) {
		t.Errorf("Convert of unchanged text returned a copy, not its argument")
	}
	for name, in := range testInputs(t) {
		for _, cfg := range []string{"s2t", "t2s", "s2twp"} {
			c := mustConverter(t, cfg)
			if n := testing.AllocsPerRun(3, func() { c.Convert(in) }); n > 1 {
				t.Errorf("%s.Convert(%s): %v allocations, want at most 1", cfg, name, n)
			}
		}
	}
}

// TestLoadConfigMatchesBuiltin loads OpenCC's configs from the source
// layout in third_party (data/config, data/dictionary, generated
// dictionaries derived), as a user would load a newer OpenCC's, and
// requires the built-in config's output.
func TestLoadConfigMatchesBuiltin(t *testing.T) {
	m := readBuiltin(t)
	names := opencc.Order
	if testing.Short() {
		names = []string{"s2twp", "t2s", "s2hk-finance"}
	}
	for _, name := range names {
		dir := opencc.DataDirs[0]
		if name == "s2hk-finance" {
			dir = opencc.DataDirs[1]
		}
		for _, opts := range [][]ConverterOption{nil, {WithoutTofuRisk()}} {
			loaded, err := LoadConfig(filepath.Join(dir, "config", name+".json"), opts...)
			if err != nil {
				if name == "s2hk-finance" && strings.Contains(err.Error(), "not found") {
					// OpenCC's dictionaries are in the other folder: the
					// error names the file and where it looked.
					continue
				}
				t.Fatal(err)
			}
			in := testInputs(t)[seedPage] + adversarialText(m, m.config(name), 2)
			checkSame(t, "LoadConfig "+name, mustConverter(t, name, opts...).Convert(in), loaded.Convert(in))
		}
	}
	// A user's own dictionaries in a 1.1-format config: ocd2 names read as
	// the .txt beside them.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "STPhrases.txt"), []byte("# my phrases\n黑龙江\t黑龍江\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "STCharacters.txt"), []byte("龙\t龍 竜\n江\t江\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "s2t.json"), []byte(`{"name": "mine",
	  "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "STPhrases.ocd2"}},
	  "conversion_chain": [{"dict": {"type": "group", "dicts": [
	    {"type": "ocd2", "file": "STPhrases.ocd2"}, {"type": "ocd2", "file": "STCharacters.ocd2"}]}}]}`), 0o644)
	c, err := LoadConfig(filepath.Join(dir, "s2t.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Convert("黑龙江的龙#"); got != "黑龍江的龍#" {
		t.Errorf("own dictionaries: got %q", got)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfg := func(file string) string {
		return `{"name": "test", "segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "` + file +
			`"}}, "conversion_chain": [{"dict": {"type": "text", "file": "` + file + `"}}]}`
	}
	write("good.txt", "龙\t龍\n")
	write("notab.txt", "龙\t龍\n龙龍\n")
	write("dup.txt", "龙\t龍\n\n龙\t竜\n")
	write("badutf8.txt", "龙\t龍\n\xff\t龍\n")
	tests := []struct{ name, config, want string }{
		{"missing config", "", "nosuch.json"},
		{"bad json", "{\n\"name\": \"x\",\n oops}", "bad.json: line 3"},
		{"plugin", strings.Replace(cfg("good.txt"), `"mmseg"`, `"jieba"`, 1), `type "jieba" is an OpenCC plugin`},
		{"missing dict", cfg("nosuch.txt"), "cfg.json: dictionary nosuch.txt not found"},
		{"missing ocd2", strings.Replace(cfg("good.txt"), `"text", "file": "good.txt"}}]`, `"ocd2", "file": "Mine.ocd2"}}]`, 1), "cfg.json: dictionary Mine.ocd2 (read as Mine.txt) not found"},
		{"no tab", cfg("notab.txt"), "notab.txt:2"},
		{"duplicate key", cfg("dup.txt"), "dup.txt:3"},
		{"bad policy", strings.Replace(cfg("good.txt"), `{"type": "text", "file": "good.txt"}}]`, `{"type": "group", "match_policy": "longest", "dicts": [{"type": "text", "file": "good.txt"}]}}]`, 1), `match_policy "longest"`},
		{"inline tofu", strings.Replace(cfg("good.txt"), `{"type": "text", "file": "good.txt"}}]`, `{"type": "inline", "may_output_tofu": true, "entries": {"a": "b"}}}]`, 1), "may_output_tofu"},
		{"inline duplicate", strings.Replace(cfg("good.txt"), `{"type": "text", "file": "good.txt"}}]`, `{"type": "inline", "entries": {"a": "b", "a": "c"}}}]`, 1), `key "a" twice`},
		{"phrase normalization", `{"normalization": [{"dict": {"type": "inline", "entries": {"ab": "c"}}}], "conversion_chain": []}`, "one character for one"},
		{"invalid UTF-8", cfg("badutf8.txt"), "badutf8.txt:2"},
		{"no chain", `{"segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "good.txt"}}}`, "conversion_chain"},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, "nosuch.json")
		if tt.config != "" {
			name := "cfg.json"
			if tt.name == "bad json" {
				name = "bad.json"
			}
			path = write(name, tt.config)
		}
		_, err := LoadConfig(path)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: LoadConfig error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestTablesUpToDate rebuilds the tables from OpenCC's data in
// third_party, offline, and compares them with the committed ones: run
// `go generate` when it fails.
func TestTablesUpToDate(t *testing.T) {
	b, err := opencc.BuildData(".")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, []byte(opencc.BuiltinBytes())) {
		t.Errorf("internal/opencc/tables.bin (%d bytes) is stale: the data in third_party compiles to %d bytes; run go generate", len(opencc.BuiltinBytes()), len(b))
	}
}

func TestConverterIsSpanningTransformer(t *testing.T) {
	c := mustConverter(t, "s2t")
	src := []byte("黑龍江 text 黑龙江")
	n, err := c.Span(src, true)
	if want := len("黑龍江 text 黑"); n != want || err == nil {
		t.Errorf("Span = %d, %v; want %d, ErrEndOfSpan", n, err, want)
	}
	if got := string(c.Bytes(src)); got != "黑龍江 text 黑龍江" {
		t.Errorf("Bytes = %q", got)
	}
	if !slices.Equal(c.Bytes(nil), []byte{}) {
		t.Errorf("Bytes(nil) = %q", c.Bytes(nil))
	}
}

// TestMemoryAllConfigs: the tables of every config, decoded, hold under
// 20 MB.
func TestMemoryAllConfigs(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	blob, err := opencc.Open(opencc.BuiltinBytes())
	if err != nil {
		t.Fatal(err)
	}
	var keep []*Converter
	for _, name := range blob.Names {
		tab, err := blob.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		keep = append(keep, newConverter(tab, &tab.Configs[0]))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	// The tables are read in place from the program's data where they can
	// be: count them whole, with what decoding put on the heap.
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc) + int64(len(opencc.BuiltinBytes()))
	t.Logf("%d configs hold %.1f MB (%.1f MB of it the embedded tables)", len(keep), float64(held)/(1<<20), float64(len(opencc.BuiltinBytes()))/(1<<20))
	if held > 20<<20 {
		t.Errorf("all configs hold %.1f MB, want under 20 MB", float64(held)/(1<<20))
	}
	runtime.KeepAlive(keep)
}

// TestZeroConverter: the zero Converter converts nothing, in every method,
// and panics in none.
func TestZeroConverter(t *testing.T) {
	var c Converter
	in := "黑龙江 text 黑龍江"
	if got := c.Convert(in); got != in {
		t.Errorf("Convert = %q", got)
	}
	if got := string(c.Bytes([]byte(in))); got != in {
		t.Errorf("Bytes = %q", got)
	}
	if n, err := c.Span([]byte(in), true); n != len(in) || err != nil {
		t.Errorf("Span = %d, %v", n, err)
	}
	if got := readAll(t, &c, newChunkReader(in, 1, 3)); got != in {
		t.Errorf("streamed: %q", got)
	}
	if c.Name() != "" || c.Description() != "" {
		t.Errorf("Name, Description = %q, %q", c.Name(), c.Description())
	}
}

// withoutFilter returns a Converter like c that never builds its
// filters, so that plainSpanSparse, without the joinFilter, converts
// whatever the input.
func withoutFilter(c *Converter) *Converter {
	d := newConverter(c.t, c.c)
	d.filter.Store(nil)
	d.filterOnce.Do(func() {})
	d.converted.Store(-1 << 62)
	return d
}

// withFilter returns a Converter like c with its filters built, so that
// plainSpanDense (with a dense trie) converts whatever the input, and
// plainSpanSparse asks the joinFilter (with runs).
func withFilter(c *Converter) *Converter {
	d := newConverter(c.t, c.c)
	d.buildFilter()
	return d
}

// bothLoops returns, for a Converter with a dense trie or runs, one with
// its filters and one without, so that a test covers both inner loops (or
// both ways of asking joinable); else c.
func bothLoops(c *Converter) []*Converter {
	if !c.dense && !c.plainRuns {
		return []*Converter{c}
	}
	return []*Converter{withFilter(c), withoutFilter(c)}
}

// TestConverterFilterConcurrently: goroutines that share a fresh Converter
// with a dense trie, converting while it builds its filter (after
// filterAfter bytes), all get the output of the loop without the filter.
func TestConverterFilterConcurrently(t *testing.T) {
	in := testInputs(t)
	text := in["convert/simplified.txt"] + in[seedPage]
	for len(text) < filterAfter/4 {
		text += text
	}
	base := mustConverter(t, "s2twp")
	want := withoutFilter(base).Convert(text)
	c := newConverter(base.t, base.c)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				if got := c.Convert(text); got != want {
					errs <- "output differs from the loop without the filter"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if c.filter.Load() == nil {
		t.Errorf("after %d bytes, no filter", c.converted.Load())
	}
}
