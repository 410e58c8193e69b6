package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/zhnorm/zhnorm"
)

// split writes one unit a line, trimmed of its white space: sentences or
// paragraphs. Memory is bounded by the splitter's longest span; a longer
// one is cut, reported, and printed in pieces, never lost. It returns the
// number of units written.
func split(w io.Writer, r io.Reader, unit string, name string, stderr io.Writer) (int, error) {
	var u zhnorm.Unit
	if err := u.UnmarshalText([]byte(unit)); err != nil {
		return 0, err
	}
	sc := zhnorm.Splitter{Unit: u}.NewScanner(r)
	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	for sc.Scan() {
		t := sc.Span().Trim()
		if sc.Cut() {
			fmt.Fprintf(stderr, "zhnorm: %s: a %s at byte %d is longer than %d bytes: written in pieces\n", name, unit, sc.Span().Start, zhnorm.DefaultMaxLen)
		}
		if t.Text == "" {
			continue
		}
		bw.WriteString(t.Text)
		bw.WriteByte('\n')
		n++
	}
	if err := sc.Err(); err != nil {
		return n, err
	}
	return n, bw.Flush()
}
