package zhnorm

import (
	"os"
	"testing"

	"golang.org/x/text/transform"
)

const normSeedPage = "testdata/000_a73dac5818fe388b.txt"

// TestGoldenSeed normalizes the seed page and compares with the golden
// output and report; go test -update rewrites them.
func TestGoldenSeed(t *testing.T) {
	in, err := os.ReadFile(normSeedPage)
	if err != nil {
		t.Fatal(err)
	}
	out, rep := NewNormalizer().StringReport(string(in))
	checkGolden(t, "normalize/seed.golden", []byte(out))
	checkGolden(t, "normalize/seed.report.golden", []byte(rep.String()))
	for _, opts := range [][]Option{{Enable(Unwrap)}, {Enable(Spacing), WithQuotes(QuotesTaiwan)}} {
		n := NewNormalizer(opts...)
		name := "normalize/seed.unwrap.golden"
		if n.Enabled(Spacing) {
			name = "normalize/seed.spacing-tw.golden"
		}
		checkGolden(t, name, []byte(n.String(string(in))))
	}
}

// TestGoldenSeedT2S normalizes the seed page and converts it to
// Simplified through transform.Chain, as an indexer would.
func TestGoldenSeedT2S(t *testing.T) {
	in, err := os.ReadFile(normSeedPage)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewConverter("t2s")
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := transform.String(transform.Chain(NewNormalizer(), c), string(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := c.Convert(Normalize(string(in))); got != want {
		t.Errorf("chained output differs from normalizing and converting in turn")
	}
	checkGolden(t, "normalize/seed.t2s.golden", []byte(got))
}
