package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/zhnorm/zhnorm"
)

// split writes one unit a line, trimmed of its white space: sentences or
// paragraphs. Memory is bounded by the splitter's longest span; a longer
// one is cut, printed in pieces, never lost, and the cuts are reported once,
// with their count. It returns the
// number of units written.
func split(w io.Writer, r io.Reader, unit string, name string, stderr io.Writer) (int, error) {
	var u zhnorm.Unit
	if err := u.UnmarshalText([]byte(unit)); err != nil {
		return 0, err
	}
	sc := zhnorm.Splitter{Unit: u}.NewScanner(r)
	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	cuts, first := 0, 0
	for sc.Scan() {
		t := sc.Span().Trim()
		if sc.Cut() {
			if cuts == 0 {
				first = sc.Span().Start
			}
			cuts++
		}
		if t.Text == "" {
			continue
		}
		bw.WriteString(t.Text)
		bw.WriteByte('\n')
		n++
	}
	if cuts > 0 {
		// Once per file: a text without stops can have thousands.
		fmt.Fprintf(stderr, "zhnorm: %s: %d pieces of %ss longer than %d bytes, the first at byte %d: written cut\n", name, cuts, unit, zhnorm.DefaultMaxLen, first)
	}
	if err := sc.Err(); err != nil {
		return n, err
	}
	return n, bw.Flush()
}
