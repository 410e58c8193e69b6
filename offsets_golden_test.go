package zhnorm

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestOffsetsGolden writes the sentences of the normalized seed page with
// their spans in the original page and the original text, against a golden
// file; `go test -update` rewrites it. The page has pinyin readings glued
// after characters (數(shù)字), which the original text of a sentence keeps.
func TestOffsetsGolden(t *testing.T) {
	in := seedText(t)
	out, m := NewNormalizer().StringMapped(in)
	var g strings.Builder
	for s := range Sentences(out) {
		s = s.Trim()
		if s.Start == s.End {
			continue
		}
		o := m.Span(s, in)
		if o.Text == s.Text {
			fmt.Fprintf(&g, "%5d %5d  %s\n", o.Start, o.End, strconv.Quote(s.Text))
			continue
		}
		fmt.Fprintf(&g, "%5d %5d  %s\n             was %s\n", o.Start, o.End, strconv.Quote(s.Text), strconv.Quote(o.Text))
	}
	checkGolden(t, "offsets/"+strings.TrimSuffix(seedPage, ".txt")+".sentences.golden", []byte(g.String()))
}
