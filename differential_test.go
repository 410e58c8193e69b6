package zhnorm

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// referenceEngine returns OpenCC 1.4.2's harness (tools/opencc/occpeer.cpp)
// and the folder of its configs, skipping the test when
// tools/opencc/build.sh has not built them.
func referenceEngine(t testing.TB) (bin, data string) {
	t.Helper()
	dir := occpeerDir()
	bin, data = filepath.Join(dir, "occpeer"), filepath.Join(dir, "data")
	for _, f := range []string{bin, filepath.Join(data, "s2t.json")} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("OpenCC 1.4.2 is not built in %s: run tools/opencc/build.sh (.ci/run does)", dir)
		}
	}
	return bin, data
}

// opencc142 converts in with OpenCC 1.4.2's library (Converter::Convert on
// the whole text), with or without the dictionaries marked
// may_output_tofu.
func opencc142(t testing.TB, config, in string, tofu bool) string {
	t.Helper()
	bin, _ := referenceEngine(t)
	dir := t.TempDir()
	inFile, outFile := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.txt")
	if err := os.WriteFile(inFile, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	flag := "0"
	if tofu {
		flag = "1"
	}
	if out, err := exec.Command(bin, "conv", config, inFile, outFile, flag).CombinedOutput(); err != nil {
		t.Fatalf("occpeer conv %s: %v\n%s", config, err, out)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// differentialText is what the differential tests convert: the corpora
// (not in -short), the seed page, the simplified sample and the config's
// adversarial text, one after the other.
func differentialText(t *testing.T, m *builtinData, config string) string {
	var b strings.Builder
	for _, name := range []string{"pku_test.utf8", "msr_test.utf8", "as_test.utf8", "cityu_test.utf8", seedPage, "convert/simplified.txt"} {
		in, ok := testInputs(t)[name]
		if !ok || testing.Short() && strings.HasSuffix(name, ".utf8") {
			continue
		}
		b.WriteString(in)
		b.WriteString("\n")
	}
	b.WriteString(adversarialText(m, m.config(config), 1))
	return b.String()
}

// TestDifferentialOpenCC142 converts the corpora, the seed page and each
// config's adversarial text with OpenCC 1.4.2 itself (its shipped .ocd2
// data) and with zhnorm, through NewConverter and through LoadConfig on the
// source layout in third_party, with and without the dictionaries marked
// may_output_tofu, and requires byte-identical output.
func TestDifferentialOpenCC142(t *testing.T) {
	_, data := referenceEngine(t)
	m := readBuiltin(t)
	for _, name := range opencc.Order {
		if name == "s2hk-finance" {
			continue // not OpenCC's
		}
		t.Run(name, func(t *testing.T) {
			in := differentialText(t, m, name)
			config := filepath.Join(data, name+".json")
			for _, tofu := range []bool{true, false} {
				var opts []ConverterOption
				if !tofu {
					opts = append(opts, WithoutTofuRisk())
				}
				want := opencc142(t, config, in, tofu)
				c := mustConverter(t, name, opts...)
				checkSame(t, name+" NewConverter", want, c.Convert(in))
				if c.dense || c.plainRuns {
					// Both inner loops (or both ways of asking joinable),
					// whatever the input's length.
					checkSame(t, name+" without the filter", want, withoutFilter(c).Convert(in))
					checkSame(t, name+" with the filter", want, withFilter(c).Convert(in))
				}
				if testing.Short() {
					continue
				}
				loaded, err := LoadConfig(filepath.Join(opencc.DataDirs[0], "config", name+".json"), opts...)
				if err != nil {
					t.Fatal(err)
				}
				checkSame(t, name+" LoadConfig", want, loaded.Convert(in))
			}
		})
	}
}

// TestDifferentialGroups: configs whose groups cannot be merged into one
// dictionary (no built-in config has them, so the engine takes its general
// path) convert as OpenCC 1.4.2 does: a short_circuit group whose first
// member's keys start the second's (one character of TWVariantsRev before
// the phrases of TSPhrases), inside a union, as the segmentation and as a
// step; and a config without segmentation whose chain has two steps.
func TestDifferentialGroups(t *testing.T) {
	_, data := referenceEngine(t)
	m := readBuiltin(t)
	dir := t.TempDir()
	// OpenCC reads the .ocd2 files, zhnorm the .txt of the same name and
	// derives what OpenCC generated.
	for _, pat := range []string{filepath.Join(data, "*.ocd2"), filepath.Join(opencc.DataDirs[0], "dictionary", "*.txt")} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			abs, _ := filepath.Abs(f)
			if err := os.Symlink(abs, filepath.Join(dir, filepath.Base(f))); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range []string{"t2s.json"} {
		abs, _ := filepath.Abs(filepath.Join(opencc.DataDirs[0], "config", f))
		os.Symlink(abs, filepath.Join(dir, f))
	}
	ocd2 := func(n string) string { return `{"type": "ocd2", "file": "` + n + `.ocd2"}` }
	mixed := `{"type": "group", "match_policy": "union", "dicts": [
	    {"type": "group", "dicts": [` + ocd2("TWVariantsRev") + `, ` + ocd2("TSPhrases") + `]},
	    ` + ocd2("TWPhrasesRev") + `]}`
	configs := map[string]string{
		"groups": `{"name": "tw2sp, with groups that do not merge",
		  "normalization": [{"dict": ` + ocd2("CJK_Compatibility_Ideographs") + `}],
		  "segmentation": {"type": "mmseg", "dict": ` + mixed + `},
		  "conversion_chain": [
		    {"dict": ` + mixed + `},
		    {"dict": {"type": "group", "dicts": [` + ocd2("TSPhrases") + `, ` + ocd2("TSCharacters") + `]}}]}`,
		"twosteps": `{"name": "tw2sp without segmentation",
		  "conversion_chain": [
		    {"dict": {"type": "group", "dicts": [` + ocd2("TWPhrasesRev") + `, ` + ocd2("TWVariantsRevPhrases") + `, ` + ocd2("TWVariantsRev") + `]}},
		    {"dict": {"type": "group", "dicts": [` + ocd2("TSPhrases") + `, ` + ocd2("TSCharacters") + `]}}]}`,
	}
	for name, cfg := range configs {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadConfig(path)
		if err != nil {
			t.Fatal(err)
		}
		if c.nodes != nil {
			t.Fatalf("%s took the one-dictionary path", name)
		}
		in := differentialText(t, m, "tw2sp")
		got := c.Convert(in)
		checkSame(t, name+" against the reference", c.t.Reference(c.c, in), got)
		checkSame(t, name+" streamed", got, readAll(t, c, newChunkReader(in, 5, 3000)))
		checkSame(t, name+" against OpenCC 1.4.2", opencc142(t, path, in, true), got)
	}
}

// TestDifferentialOpenCC11 keeps OpenCC 1.1's config format honest: the
// built-in configs written in that format (a union written as one
// dictionary, the segmentation a step's group where the config has none, no
// normalization) convert with Debian's opencc 1.1 as with LoadConfig.
// Ideographic description sequences, which 1.1 does not know, are left out
// of the text.
func TestDifferentialOpenCC11(t *testing.T) {
	bin, err := exec.LookPath("opencc")
	if err != nil {
		t.Skip("Debian's opencc (1.1) is not installed (apt-get install -y opencc); .ci/run installs it")
	}
	m := readBuiltin(t)
	dir := t.TempDir()
	written := map[string]bool{}
	// text writes the dictionaries below a union as one, the first entry
	// of a key winning as in OpenCC's union.
	var node11 func(n *opencc.DictNode) map[string]any
	node11 = func(n *opencc.DictNode) map[string]any {
		if n.Dict == "" && !n.Union {
			var ds []map[string]any
			for _, it := range n.Items {
				ds = append(ds, node11(it))
			}
			return map[string]any{"type": "group", "dicts": ds}
		}
		names := n.Dicts()
		file := strings.Join(names, "+") + ".txt"
		if !written[file] {
			written[file] = true
			var keys []string
			var values [][]string
			for _, d := range names {
				keys = append(keys, m.dicts[d].Keys...)
				values = append(values, m.dicts[d].Values...)
			}
			f, err := os.Create(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			if err := opencc.NewDict(file, keys, values).WriteText(f); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		return map[string]any{"type": "text", "file": file}
	}
	// Configs with a union, no segmentation, two steps, a text dictionary.
	names := []string{"s2twp", "t2s", "tw2sp", "s2hk-finance"}
	if testing.Short() {
		names = names[:2]
	}
	for _, name := range names {
		c := m.config(name)
		var chain []map[string]any
		for _, n := range c.Chain {
			chain = append(chain, map[string]any{"dict": node11(n)})
		}
		seg := c.Seg
		if seg == nil {
			seg = c.Chain[0]
		}
		b, err := json.MarshalIndent(map[string]any{
			"name":             c.Description,
			"segmentation":     map[string]any{"type": "mmseg", "dict": node11(seg)},
			"conversion_chain": chain,
		}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		in := strings.Map(func(r rune) rune {
			if r >= 0x2FF0 && r <= 0x2FFF {
				return -1
			}
			return r
		}, differentialText(t, m, name))
		want := opencc11(t, bin, path, in)
		loaded, err := LoadConfig(path)
		if err != nil {
			t.Fatal(err)
		}
		checkSame(t, name+" 1.1 format", want, loaded.Convert(in))
	}
}

// opencc11 converts in with Debian's opencc command, in pieces of whole
// lines under 512 KiB: the command converts a file in chunks of about
// 1 MiB and cuts the phrases that straddle two. Converting line by line is
// exact for OpenCC 1.1, whose keys hold no line break.
func opencc11(t *testing.T, bin, config, in string) string {
	t.Helper()
	dir := t.TempDir()
	inFile, outFile := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.txt")
	var out strings.Builder
	for len(in) > 0 {
		n := len(in)
		if n > 512<<10 {
			n = strings.LastIndexByte(in[:512<<10], '\n') + 1
			if n == 0 {
				t.Fatal("a line of over 512 KiB")
			}
		}
		if err := os.WriteFile(inFile, []byte(in[:n]), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(bin, "-c", config, "-i", inFile, "-o", outFile).CombinedOutput(); err != nil {
			t.Fatalf("opencc 1.1 with %s: %v\n%s", config, err, msg)
		}
		b, err := os.ReadFile(outFile)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
		in = in[n:]
	}
	return out.String()
}
