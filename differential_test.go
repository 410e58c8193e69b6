package zhnorm

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// writeTextConfigs writes every dictionary of the module as it is parsed
// (the later of two equal keys kept, a space-separated line given its tab)
// and every config with "type": "text" dictionaries naming those files, so
// that OpenCC's own engine reads exactly the data zhnorm compiled.
func writeTextConfigs(t testing.TB, m *moduleData) string {
	t.Helper()
	dir := t.TempDir()
	for name, d := range m.dicts {
		f, err := os.Create(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteText(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	group := func(names []string) map[string]any {
		var ds []map[string]any
		for _, n := range names {
			ds = append(ds, map[string]any{"type": "text", "file": n + ".txt"})
		}
		return map[string]any{"type": "group", "dicts": ds}
	}
	for _, c := range m.configs {
		var chain []map[string]any
		for _, g := range c.Chain {
			chain = append(chain, map[string]any{"dict": group(g)})
		}
		b, err := json.MarshalIndent(map[string]any{
			"name":             c.Description,
			"segmentation":     map[string]any{"type": "mmseg", "dict": group(c.Seg)},
			"conversion_chain": chain,
		}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDifferentialOpenCC converts the corpora, the seed page and each
// config's adversarial text with Debian's opencc and with zhnorm, from the
// same dictionaries, and requires byte-identical output.
func TestDifferentialOpenCC(t *testing.T) {
	bin, err := exec.LookPath("opencc")
	if err != nil {
		t.Skip("opencc is not installed (apt-get install -y opencc); .ci/run installs it")
	}
	m := readModule(t)
	dir := writeTextConfigs(t, m)
	inputs := testInputs(t)
	for _, info := range Configs() {
		t.Run(info.Name, func(t *testing.T) {
			c := mustConverter(t, info.Name)
			texts := map[string]string{"adversarial": adversarialText(m, m.config(info.Name), 1)}
			for name, in := range inputs {
				if !testing.Short() || name == seedPage {
					texts[name] = in
				}
			}
			for name, in := range texts {
				inFile := filepath.Join(t.TempDir(), "in.txt")
				outFile := filepath.Join(t.TempDir(), "out.txt")
				if err := os.WriteFile(inFile, []byte(in), 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(bin, "-c", filepath.Join(dir, info.Name+".json"), "-i", inFile, "-o", outFile)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("opencc on %s: %v\n%s", name, err, out)
				}
				want, err := os.ReadFile(outFile)
				if err != nil {
					t.Fatal(err)
				}
				checkSame(t, name, string(want), c.Convert(in))
			}
		})
	}
}

// TestDifferentialGroupSegmentation: a config whose segmentation dictionary
// is a group (which no built-in config has, so the engine takes its general
// path) converts as OpenCC does. It is tw2sp with its first step's phrase
// dictionaries added to the segmentation.
func TestDifferentialGroupSegmentation(t *testing.T) {
	m := readModule(t)
	dir := writeTextConfigs(t, m)
	cfg := `{"name": "tw2sp, segmenting with a group",
	  "segmentation": {"type": "mmseg", "dict": {"type": "group", "dicts": [
	    {"type": "text", "file": "TWPhrasesRev.txt"},
	    {"type": "text", "file": "TWVariantsRevPhrases.txt"},
	    {"type": "text", "file": "TSPhrases.txt"}]}},
	  "conversion_chain": [
	    {"dict": {"type": "group", "dicts": [
	      {"type": "text", "file": "TWPhrasesRev.txt"},
	      {"type": "text", "file": "TWVariantsRevPhrases.txt"},
	      {"type": "text", "file": "TWVariantsRev.txt"}]}},
	    {"dict": {"type": "group", "dicts": [
	      {"type": "text", "file": "TSPhrases.txt"},
	      {"type": "text", "file": "TSCharacters.txt"}]}}]}`
	path := filepath.Join(dir, "group.json")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.nodes != nil {
		t.Fatal("a group segmentation took the one-dictionary path")
	}
	texts := map[string]string{"adversarial": adversarialText(m, m.config("tw2sp"), 3)}
	for name, in := range testInputs(t) {
		if !testing.Short() || name == seedPage {
			texts[name] = in
		}
	}
	bin, _ := exec.LookPath("opencc")
	for name, in := range texts {
		got := c.Convert(in)
		checkSame(t, name+" against the reference", c.t.Reference(c.c, in), got)
		checkSame(t, name+" streamed", got, readAll(t, c, newChunkReader(in, 5, 3000)))
		if bin == "" {
			continue
		}
		inFile := filepath.Join(t.TempDir(), "in.txt")
		outFile := filepath.Join(t.TempDir(), "out.txt")
		os.WriteFile(inFile, []byte(in), 0o644)
		if out, err := exec.Command(bin, "-c", path, "-i", inFile, "-o", outFile).CombinedOutput(); err != nil {
			t.Fatalf("opencc: %v\n%s", err, out)
		}
		want, _ := os.ReadFile(outFile)
		checkSame(t, name+" against opencc", string(want), got)
	}
	if bin == "" {
		t.Skip("compared with the reference only: opencc is not installed")
	}
}
