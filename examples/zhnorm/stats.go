package main

import (
	"fmt"
	"io"
	"time"

	"github.com/zhnorm/zhnorm"
)

// fileStats is what -stats reports of one input.
type fileStats struct {
	name        string
	encoding    string
	bytesIn     int64
	bytesOut    int64
	lines       int64
	units       int // sentences or paragraphs, with -split
	records     int // JSON Lines records
	skipped     int // records passed through by -on-error=skip
	undecodable int
	report      *zhnorm.Report
	err         error
}

// totals sums the inputs.
type totals struct {
	files []*fileStats
	unit  string // what -split counts, for the report
}

func (t *totals) add(st *fileStats) { t.files = append(t.files, st) }

func (t *totals) print(w io.Writer, elapsed time.Duration) {
	var in, out, lines int64
	var units, records, skipped, failed int
	for _, f := range t.files {
		status := "ok"
		if f.err != nil {
			status = "failed"
			failed++
		}
		fmt.Fprintf(w, "%s: %s, encoding %s, %d bytes in, %d bytes out, %d lines", f.name, status, f.encoding, f.bytesIn, f.bytesOut, f.lines)
		if f.units > 0 {
			fmt.Fprintf(w, ", %d %ss", f.units, t.unit)
		}
		if f.records > 0 {
			fmt.Fprintf(w, ", %d records (%d skipped)", f.records, f.skipped)
		}
		if f.undecodable > 0 {
			fmt.Fprintf(w, ", %d undecodable", f.undecodable)
		}
		fmt.Fprintln(w)
		if f.report != nil {
			fmt.Fprint(w, indent(f.report.String()))
		}
		in, out, lines = in+f.bytesIn, out+f.bytesOut, lines+f.lines
		units, records, skipped = units+f.units, records+f.records, skipped+f.skipped
	}
	secs := elapsed.Seconds()
	fmt.Fprintf(w, "total: %d files (%d failed), %d bytes in, %d bytes out, %d lines", len(t.files), failed, in, out, lines)
	if t.unit != "" {
		fmt.Fprintf(w, ", %d %ss", units, t.unit)
	}
	fmt.Fprintf(w, ", %d records (%d skipped), %.3f s, %.1f MB/s\n", records, skipped, secs, float64(in)/1e6/max(secs, 1e-9))
}

func indent(s string) string {
	out := []byte{}
	start := true
	for i := 0; i < len(s); i++ {
		if start {
			out = append(out, "  "...)
		}
		out = append(out, s[i])
		start = s[i] == '\n'
	}
	return string(out)
}

// maxWarnings bounds the warnings of one kind printed for one input; the
// rest are counted in one more line.
const maxWarnings = 10

// addReport adds r to sum, a running total. With line > 0, r is of a JSON
// Lines record's field, and its suspects are put at the record's line. The
// suspects beyond zhnorm.MaxSuspects are counted, as the normalizer counts
// them.
func addReport(sum, r *zhnorm.Report, line int) {
	if sum == nil || r == nil {
		return
	}
	for rule, n := range r.Changes {
		sum.Changes[rule] += n
	}
	for _, s := range r.Suspects {
		if len(sum.Suspects) >= zhnorm.MaxSuspects {
			sum.SuspectsOmitted++
			continue
		}
		if line > 0 {
			s.Line = line
		}
		sum.Suspects = append(sum.Suspects, s)
	}
	sum.SuspectsOmitted += r.SuspectsOmitted
}
