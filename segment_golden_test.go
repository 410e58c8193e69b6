package zhnorm

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// segFormatSpans writes spans one a line: the offsets, then the text quoted, so
// that white space and bytes that are not UTF-8 show.
func segFormatSpans(spans []Span) []byte {
	var b strings.Builder
	for _, s := range spans {
		fmt.Fprintf(&b, "%5d %5d  %s\n", s.Start, s.End, strconv.Quote(s.Text))
	}
	return []byte(b.String())
}

// TestSegmentGolden splits the seed page and testdata/segment/hard.txt, a
// sample with every hard case of the rules, against golden files; `go test
// -update` rewrites them.
func TestSegmentGolden(t *testing.T) {
	tests := []struct {
		input, name string
		sp          Splitter
	}{
		{seedPage, "sentences", Splitter{}},
		{seedPage, "paragraphs", Splitter{Unit: Paragraph}},
		{"segment/hard.txt", "sentences", Splitter{}},
		{"segment/hard.txt", "semicolons", Splitter{Semicolons: true}},
	}
	for _, tt := range tests {
		in, err := os.ReadFile(filepath.Join("testdata", tt.input))
		if err != nil {
			t.Fatal(err)
		}
		spans := segCollect(tt.sp.Split(string(in)))
		segCheckCover(t, tt.input, string(in), spans, false)
		base := strings.TrimSuffix(filepath.Base(tt.input), ".txt")
		checkGolden(t, filepath.Join("segment", base+"."+tt.name+".golden"), segFormatSpans(spans))
	}
}
