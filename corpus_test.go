package zhnorm

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// corpusDir holds the shared test corpora; tests that need them skip when
// it is absent.
var corpusDir = filepath.Join("..", "shared", "corpus")

var corpusFiles = []string{"pku_test.utf8", "msr_test.utf8", "as_test.utf8", "cityu_test.utf8"}

const seedPage = "000_a73dac5818fe388b.txt"

// corpus returns the named corpus file, skipping the test when it is absent.
func corpus(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, name))
	if os.IsNotExist(err) {
		t.Skipf("corpus %s not found in %s", name, corpusDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// allCorpora returns the four corpora together, skipping the test when one
// is absent.
func allCorpora(t testing.TB) string {
	t.Helper()
	var all strings.Builder
	for _, name := range corpusFiles {
		all.WriteString(corpus(t, name))
	}
	return all.String()
}

// seedText returns the project's sample page, testdata/000_….txt.
func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", seedPage))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testInputs returns the texts every conversion test runs over: the four
// SIGHAN corpora (when present), the seed page and the simplified sample.
func testInputs(t testing.TB) map[string]string {
	t.Helper()
	in := map[string]string{}
	for _, f := range corpusFiles {
		if b, err := os.ReadFile(filepath.Join(corpusDir, f)); err == nil {
			in[f] = string(b)
		}
	}
	for _, f := range []string{seedPage, "convert/simplified.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		in[f] = string(b)
	}
	return in
}

// builtin is the data of the built-in configs, read from third_party as
// go generate reads it.
var builtin = sync.OnceValues(func() (*builtinData, error) {
	m := &builtinData{}
	var err error
	m.configs, m.dicts, err = opencc.ReadData(opencc.DataDirs...)
	return m, err
})

// builtinData is OpenCC's configs and dictionaries in third_party, parsed.
type builtinData struct {
	configs []*opencc.Config
	dicts   map[string]*opencc.Dict
}

func (m *builtinData) config(name string) *opencc.Config {
	for _, c := range m.configs {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func readBuiltin(t testing.TB) *builtinData {
	t.Helper()
	m, err := builtin()
	if err != nil {
		t.Fatalf("reading the OpenCC data in third_party: %v", err)
	}
	return m
}

// adversarialText returns every key of every dictionary the config uses,
// shuffled with a fixed seed and glued to random neighbours: characters of
// other keys, punctuation, ASCII, spaces and newlines, or the next key
// directly.
func adversarialText(m *builtinData, c *opencc.Config, seed uint64) string {
	var keys []string
	seen := map[string]bool{}
	nodes := append(append([]*opencc.DictNode(nil), c.Norm...), c.Chain...)
	if c.Seg != nil {
		nodes = append(nodes, c.Seg)
	}
	for _, node := range nodes {
		for _, n := range node.Dicts() {
			if seen[n] {
				continue
			}
			seen[n] = true
			keys = append(keys, m.dicts[n].Keys...)
		}
	}
	// Ideographic description sequences, which OpenCC copies whole where
	// no key matches: complete, nested, cut short, swallowing the start
	// of a phrase, and too deep.
	keys = append(keys, "⿰氵青", "⿱⿰木木木", "⿲", "⿰发展", "⿰黑龙江", "⿳亠口", "⿿一",
		"⿰"+strings.Repeat("⿱", 17)+"口口", "⿰\n中")
	rng := rand.New(rand.NewPCG(seed, 0x7a686e6f726d))
	rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	glue := []string{"，", "。", "、", "「", "」", "《", "》", "…", " ", "\n", "a", "Z", "9", ".", "-", "\t", "中", "了", "的"}
	var b strings.Builder
	for i, k := range keys {
		b.WriteString(k)
		switch rng.IntN(6) {
		case 0, 1: // glued straight to the next key
		case 2:
			b.WriteString(glue[rng.IntN(len(glue))])
		case 3: // a character from another key
			r := []rune(keys[rng.IntN(len(keys))])
			b.WriteRune(r[rng.IntN(len(r))])
		case 4: // the start of another key: a near miss
			r := []rune(keys[rng.IntN(len(keys))])
			b.WriteString(string(r[:max(1, len(r)-1)]))
		case 5:
			if i%40 == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString("，")
			}
		}
	}
	b.WriteString("\n")
	return b.String()
}
