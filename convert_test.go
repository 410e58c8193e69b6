package zhnorm

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
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
		"t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t", "s2hk-finance"}
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

func mustConverter(t testing.TB, name string) *Converter {
	t.Helper()
	c, err := NewConverter(name)
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
		// OpenCC stops at NUL; zhnorm converts past it.
		{"s2t", "汉\x00字", "漢\x00字"},
	}
	for _, tt := range tests {
		if got := mustConverter(t, tt.config).Convert(tt.in); got != tt.want {
			t.Errorf("%s.Convert(%q) = %q, want %q", tt.config, tt.in, got, tt.want)
		}
	}
}

// TestLongbridgeDifferences pins the cases where github.com/longbridgeapp/
// opencc v0.3.13 differs from OpenCC (see ../shared/notes/opencc-semantics.md)
// to OpenCC's answer.
func TestLongbridgeDifferences(t *testing.T) {
	tests := []struct{ config, in, want, port string }{
		// An 11-character key: the port looks 10 characters ahead.
		{"s2t", "塔什库尔干塔吉克自治县", "塔什庫爾干塔吉克自治縣", "塔什庫爾幹塔吉克自治縣"},
		{"s2tw", "塔什库尔干塔吉克自治县", "塔什庫爾干塔吉克自治縣", "塔什庫爾幹塔吉克自治縣"},
		{"s2hk", "塔什库尔干塔吉克自治县", "塔什庫爾干塔吉克自治縣", "塔什庫爾幹塔吉克自治縣"},
		// Segments never merge: 过了 is a segment, so TWPhrases' 通過 →
		// 透過 cannot reach across 通 | 過了.
		{"s2twp", "顺利通过了", "順利通過了", "順利透過了"},
	}
	for _, tt := range tests {
		if got := mustConverter(t, tt.config).Convert(tt.in); got != tt.want {
			t.Errorf("%s.Convert(%q) = %q, want OpenCC's %q", tt.config, tt.in, got, tt.want)
		}
		if port := longbridge(t, tt.config, tt.in); port != tt.port {
			t.Errorf("longbridgeapp/opencc %s(%q) = %q; the note says %q", tt.config, tt.in, port, tt.port)
		}
	}
}

// TestConvertMatchesReference holds the precomputed engine to the literal
// algorithm on every config and every input: the corpora, the seed page and
// the adversarial text of each config.
func TestConvertMatchesReference(t *testing.T) {
	m := readModule(t)
	inputs := testInputs(t)
	for _, info := range Configs() {
		c := mustConverter(t, info.Name)
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

func TestLoadConfigMatchesBuiltin(t *testing.T) {
	m := readModule(t)
	dir := writeTextConfigs(t, m)
	for _, name := range []string{"s2twp", "tw2sp", "s2hk-finance"} {
		loaded, err := LoadConfig(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		in := testInputs(t)[seedPage] + adversarialText(m, m.config(name), 2)[:20000]
		checkSame(t, "LoadConfig "+name, mustConverter(t, name).Convert(in), loaded.Convert(in))
	}
	// The module's own layout: ocd2 names read as the .txt beside them.
	dir = t.TempDir()
	os.WriteFile(filepath.Join(dir, "STPhrases.txt"), []byte("黑龙江\t黑龍江\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "STCharacters.txt"), []byte("龙\t龍 竜\n江\t江\n"), 0o644)
	cfg, _ := os.ReadFile(filepath.Join(m.dir, "config", "s2t.json"))
	os.WriteFile(filepath.Join(dir, "s2t.json"), cfg, 0o644)
	c, err := LoadConfig(filepath.Join(dir, "s2t.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Convert("黑龙江的龙"); got != "黑龍江的龍" {
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
	write("empty.txt", "龙\t龍\n\n马\t\n")
	write("badutf8.txt", "龙\t龍\n\xff\t龍\n")
	tests := []struct{ name, config, want string }{
		{"missing config", "", "nosuch.json"},
		{"bad json", "{\n\"name\": \"x\",\n oops}", "bad.json: line 3"},
		{"unknown type", strings.Replace(cfg("good.txt"), `"mmseg"`, `"other"`, 1), "segmentation type"},
		{"missing dict", cfg("nosuch.txt"), "nosuch.txt"},
		{"no tab", cfg("notab.txt"), "notab.txt:2"},
		{"empty value", cfg("empty.txt"), "empty.txt:3"},
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

// TestTablesUpToDate rebuilds the tables from the module in go.mod and
// compares them with the committed ones: run `go generate` when it fails.
func TestTablesUpToDate(t *testing.T) {
	m := readModule(t)
	tab, err := opencc.Build(m.configs, m.dicts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := tab.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, []byte(opencc.BuiltinBytes())) {
		t.Errorf("internal/opencc/tables.bin (%d bytes) is stale: the module's dictionaries compile to %d bytes; run go generate", len(opencc.BuiltinBytes()), len(b))
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
