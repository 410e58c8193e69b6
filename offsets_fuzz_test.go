package zhnorm

import (
	"io"
	"math/rand"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkOffsets checks the map of in under n: it covers the input and the
// output, StringMapped writes what String writes, a stream in random
// chunks gives the same map, and so does the chain with a converter.
func checkOffsets(t *testing.T, n *Normalizer, in string, chunkSeed int64) {
	t.Helper()
	out, m := n.StringMapped(in)
	checkMap(t, "fuzz", n, in, out, m)
	if fo, fm := n.FieldMapped(in); fo != n.Field(in) {
		t.Fatalf("%q: FieldMapped %q, Field %q", in, fo, n.Field(in))
	} else if a, b := fm.Len(); a != len(in) || b != len(fo) {
		t.Fatalf("%q: FieldMapped's map covers %d→%d of %d→%d", in, a, b, len(in), len(fo))
	}
	r := NewOffsetReader(&normChunkReader{data: []byte(in), rng: rand.New(rand.NewSource(chunkSeed)), max: 8}, n.Clone())
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%q: streaming: %v", in, err)
	}
	if string(got) != out {
		t.Fatalf("%q: streamed %q, StringMapped %q", in, got, out)
	}
	if d := cmp.Diff(mapPieces(m), mapPieces(r.Map())); d != "" {
		t.Fatalf("%q: map (-whole +stream):\n%s", in, d)
	}
	c := newPhraseConverter()
	conv, cm := c.StringMapped(out)
	chained, chm, err := StringMapped(in, n.Clone(), c)
	if err != nil || chained != conv {
		t.Fatalf("%q: chain wrote %q, %v; steps %q", in, chained, err, conv)
	}
	if d := cmp.Diff(mapPieces(m.Then(cm)), mapPieces(chm)); d != "" {
		t.Fatalf("%q: chain map (-Then +chain):\n%s", in, d)
	}
	for s := range Sentences(out) {
		if o := m.Span(s, in); o.Start > o.End || o.End > len(in) {
			t.Fatalf("%q: sentence %q maps to %d:%d", in, s.Text, o.Start, o.End)
		}
	}
}

// TestRandomOffsets checks the maps of random texts from a fixed seed.
func TestRandomOffsets(t *testing.T) {
	eachRandomText(t, 11, 1000, 200, checkOffsets)
}

func FuzzOffsets(f *testing.F) {
	addNormalizeSeeds(f, 12)
	f.Add(offsetCases, uint8(1))
	f.Fuzz(func(t *testing.T, in string, config uint8) {
		n := NewNormalizer(propertyConfigs[int(config)%len(propertyConfigs)]...)
		checkOffsets(t, n, in, int64(config))
	})
}
