package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm"
)

// process runs every input through the pipeline into w, in input order, and
// reports whether all of them succeeded. Errors go to stderr as they occur.
func process(o *options, inputs []string, stdin io.Reader, w io.Writer, stderr io.Writer) (*totals, bool) {
	t := &totals{unit: o.split}
	if o.jsonl != nil || o.jobs == 1 || len(inputs) == 1 {
		// One input at a time, streamed: memory stays constant. JSON Lines
		// records are spread over the workers inside processJSONL.
		ok := true
		for _, name := range inputs {
			st := processInput(o, name, stdin, w, stderr, o.normalizer)
			t.add(st)
			ok = ok && st.err == nil
		}
		return t, ok
	}
	// Files on o.jobs workers, each file's output held in memory until the
	// files before it are written.
	type result struct {
		out bytes.Buffer
		st  *fileStats
	}
	futures := make(chan chan *result, o.jobs)
	sem := make(chan struct{}, o.jobs)
	go func() {
		for _, name := range inputs {
			ch := make(chan *result, 1)
			futures <- ch
			sem <- struct{}{}
			go func(name string) {
				defer func() { <-sem }()
				r := &result{}
				var n *zhnorm.Normalizer
				if o.normalizer != nil {
					n = o.normalizer.Clone()
				}
				// Progress bars of files done side by side would
				// overwrite each other.
				oo := *o
				oo.progress = false
				r.st = processInput(&oo, name, stdin, &r.out, stderr, n)
				ch <- r
			}(name)
		}
		close(futures)
	}()
	ok := true
	for ch := range futures {
		r := <-ch
		if _, err := w.Write(r.out.Bytes()); err != nil && r.st.err == nil {
			r.st.err = err
			fmt.Fprintf(stderr, "zhnorm: writing output: %v\n", err)
		}
		t.add(r.st)
		ok = ok && r.st.err == nil
	}
	return t, ok
}

// processInput runs one input through the pipeline into w.
func processInput(o *options, name string, stdin io.Reader, w io.Writer, stderr io.Writer, n *zhnorm.Normalizer) *fileStats {
	st := &fileStats{name: name}
	if name == "-" {
		st.name = "standard input"
	}
	fail := func(err error) *fileStats {
		st.err = err
		printError(stderr, err)
		return st
	}
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return fail(fmt.Errorf("%s: is a folder (-r reads the files below it)", name))
		}
		r = f
		if o.progress {
			if bar := newProgress(f, stderr); bar != nil {
				r = bar
				defer bar.Close()
			}
		}
	}
	in := &countingReader{r: r}
	dec, err := zhnorm.NewDecodingReader(in, o.encoding)
	if err != nil {
		return fail(fmt.Errorf("%s: %v", st.name, err))
	}
	out := &countingWriter{w: w}
	switch {
	case o.detect:
		err = processDetect(o, st, dec, out)
	case o.offsets != nil:
		err = processOffsets(o, st, dec, out, n)
	case o.jsonl != nil:
		err = processJSONL(o, st, dec, out, stderr, n)
	case o.page != "":
		err = processPage(o, st, dec, out, stderr, n)
	default:
		err = processText(o, st, dec, out, stderr, n)
	}
	st.bytesIn, st.bytesOut, st.lines = in.n, out.n, out.lines
	st.encoding = dec.Encoding // "auto" picks on the way
	if n != nil && o.jsonl == nil && o.page == "" {
		st.report = n.Report()
	}
	if count, lines := dec.Undecodable(); count > 0 {
		st.undecodable = count
		for _, l := range lines[:min(len(lines), maxWarnings)] {
			fmt.Fprintf(stderr, "zhnorm: %s: line %d: bytes that are not %s, replaced by U+FFFD\n", st.name, l, dec.Encoding)
		}
		if more := len(lines) - maxWarnings + dec.UndecodableLinesOmitted(); more > 0 {
			fmt.Fprintf(stderr, "zhnorm: %s: … and %d more lines with bytes that are not %s (%d bytes in all)\n", st.name, more, dec.Encoding, count)
		}
		if enc := dec.Suggest(); enc != "" {
			fmt.Fprintf(stderr, "zhnorm: %s: the first of them read as %s: try -encoding %s\n", st.name, enc, enc)
		}
	}
	if err != nil {
		var re *recordError
		if errors.As(err, &re) {
			return fail(fmt.Errorf("%s: line %d: %v", st.name, re.line, re.err))
		}
		return fail(fmt.Errorf("%s: %v", st.name, err))
	}
	return st
}

// processText streams the text through normalizer, converter and splitter.
func processText(o *options, st *fileStats, r io.Reader, w io.Writer, stderr io.Writer, n *zhnorm.Normalizer) error {
	var steps []transform.Transformer
	if n != nil {
		n.Reset() // a new document
		steps = append(steps, n)
	}
	if o.converter != nil {
		steps = append(steps, o.converter)
	}
	if o.target != nil {
		steps = append(steps, o.target.Clone()) // a stream of its own
	}
	if len(steps) > 0 {
		r = transform.NewReader(r, transform.Chain(steps...))
	}
	if o.split != "" {
		count, err := split(w, r, o.split, st.name, stderr)
		st.units = count
		return err
	}
	_, err := io.Copy(w, r)
	return err
}

// processPage reads a whole page, normalizes it, extracts the article and
// converts it.
func processPage(o *options, st *fileStats, r io.Reader, w io.Writer, stderr io.Writer, n *zhnorm.Normalizer) error {
	data, err := io.ReadAll(io.LimitReader(r, o.maxPage+1))
	if err != nil {
		return err
	}
	if int64(len(data)) > o.maxPage {
		return errPageSize(o)
	}
	text := string(data)
	if n != nil {
		var report *zhnorm.Report
		text, report = n.StringReport(text)
		st.report = report
	}
	out, err := renderPage(o, text, pageSource{File: st.name}, nil)
	if errors.Is(err, zhnorm.ErrNoArticle) {
		fmt.Fprintf(stderr, "zhnorm: %s: no article found; every line is in \"dropped\"\n", st.name)
		err = nil
	}
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// errPageSize is the error for a page over -max-page.
func errPageSize(o *options) error {
	return fmt.Errorf("larger than -max-page (%d bytes): not a page; raise -max-page to read it anyway", o.maxPage)
}

// pageSource is where a page came from, as -page reports it.
type pageSource struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"` // the record's, with -jsonl
}

// renderPage parses a page's text and renders the article as -page asks,
// converted with -c: as JSON, {"from": …, "record": kept, …the Page},
// or as text under a "==> file <==" line when o.pageHeaders. A page
// without an article still renders, with zhnorm.ErrNoArticle.
func renderPage(o *options, text string, src pageSource, kept []byte) ([]byte, error) {
	p, perr := zhnorm.ParsePage(text)
	if perr != nil && !errors.Is(perr, zhnorm.ErrNoArticle) {
		return nil, perr
	}
	if o.converter != nil {
		p = p.Map(o.converter.Convert)
	}
	if o.target != nil {
		p = p.Map(o.target.Plan(text).String) // the page's fields alike
	}
	var b bytes.Buffer
	if o.page == "text" {
		if o.pageHeaders {
			where := src.File
			if src.Line > 0 {
				where = fmt.Sprintf("%s:%d", src.File, src.Line)
			}
			fmt.Fprintf(&b, "==> %s <==\n", where)
		}
		b.WriteString(p.Text())
		if o.pageHeaders {
			b.WriteByte('\n') // a blank line before the next page
		}
		return b.Bytes(), perr
	}
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // scraped text keeps its < and > readable
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	head, _ := json.Marshal(src)
	out := append([]byte(`{"from":`), head...)
	if kept != nil {
		out = append(append(out, `,"record":`...), kept...)
	}
	if body := b.Bytes(); len(body) > 2 && body[1] != '}' {
		out = append(append(out, ','), body[1:]...)
	} else {
		out = append(out, "}\n"...)
	}
	return out, perr
}

// fieldFunc is what -jsonl does to each field: normalize, then convert
// with conv (nil: not at all).
func fieldFunc(n *zhnorm.Normalizer, conv func(string) string) func(string) string {
	return func(s string) string {
		if n != nil {
			s = n.Field(s)
		}
		if conv != nil {
			s = conv(s)
		}
		return s
	}
}

// pageRecord appends the article of the page held in the record's field,
// rendered as -page asks.
func pageRecord(o *options, dst, record []byte, n *zhnorm.Normalizer, src pageSource, rep *zhnorm.Report) ([]byte, error) {
	vals, err := o.jsonl.Values(record)
	if err != nil {
		return dst, err
	}
	text := vals[0]
	if int64(len(text)) > o.maxPage {
		return dst, errPageSize(o)
	}
	var kept []byte
	if len(o.keep) > 0 {
		if kept, err = keepFields(record, o.keep); err != nil {
			return dst, err
		}
	}
	if n != nil {
		if rep != nil {
			var r *zhnorm.Report
			text, r = n.StringReport(text)
			addReport(rep, r, src.Line)
		} else {
			text = n.String(text)
		}
	}
	out, err := renderPage(o, text, src, kept)
	if err != nil && !errors.Is(err, zhnorm.ErrNoArticle) {
		return dst, err
	}
	return append(dst, bytes.TrimSuffix(out, []byte("\n"))...), nil
}

// recordError is a JSON Lines record that could not be rewritten.
type recordError struct {
	line int
	err  error
}

func (e *recordError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }

// jsonlBatch is a run of records handed to one worker.
type jsonlBatch struct {
	first   int // the line number of records[0]
	records [][]byte
}

type jsonlResult struct {
	out     []byte
	records int
	skipped int
	err     *recordError   // the first bad record, with -on-error=fail
	report  *zhnorm.Report // with -stats and a normalizer
}

// readBatch reads up to batchSize records, or about batchBytes, into one
// buffer: one allocation a batch rather than one a record.
func readBatch(br *bufio.Reader, first int) (jsonlBatch, error) {
	b := jsonlBatch{first: first}
	var buf []byte
	var ends []int
	var err error
	for {
		var part []byte
		part, err = br.ReadSlice('\n')
		if buf == nil {
			buf = make([]byte, 0, max(64<<10, 2*len(part)))
		}
		buf = append(buf, part...)
		if err == bufio.ErrBufferFull {
			// A line longer than the reader's buffer: read on to its
			// end, whatever the batch holds, so that a record of any
			// size is one record.
			continue
		}
		if len(buf) > 0 && (len(ends) == 0 || ends[len(ends)-1] < len(buf)) {
			ends = append(ends, len(buf))
		}
		if err != nil || len(ends) >= batchSize || len(buf) >= batchBytes {
			break
		}
	}
	start := 0
	for _, e := range ends {
		b.records = append(b.records, buf[start:e:e])
		start = e
	}
	return b, err
}

// batchSize bounds the records, and batchBytes the bytes, of a batch.
const (
	batchSize  = 512
	batchBytes = 1 << 20
)

// processJSONL rewrites the fields of each record, on o.jobs workers, and
// writes the records in input order. Blank lines pass through.
func processJSONL(o *options, st *fileStats, r io.Reader, w io.Writer, stderr io.Writer, n *zhnorm.Normalizer) error {
	var convert func(string) string // -c's, for every record
	if o.converter != nil {
		convert = o.converter.Convert
	}
	f := fieldFunc(n, convert)
	reporting := o.stats && n != nil
	work := func(b jsonlBatch) *jsonlResult {
		size := 0
		for _, rec := range b.records {
			size += len(rec)
		}
		res := &jsonlResult{out: make([]byte, 0, size+size/8)}
		var series *zhnorm.Series // -to's: the records of the batch
		if o.target != nil {
			series = o.target.Series()
		}
		if reporting {
			res.report = &zhnorm.Report{Changes: map[zhnorm.Rule]int{}}
		}
		for i, rec := range b.records {
			line := b.first + i
			body := bytes.TrimRight(rec, "\r\n")
			if len(bytes.TrimSpace(body)) == 0 {
				if o.page == "" {
					res.out = append(res.out, rec...)
				}
				continue
			}
			// A UTF-8 byte order mark before the first record.
			if line == 1 {
				body = bytes.TrimPrefix(body, []byte("\uFEFF"))
			}
			res.records++
			before := len(res.out)
			conv, ff := convert, f
			if series != nil && o.page == "" {
				conv = recordPlan(o, series, body)
				ff = fieldFunc(n, conv)
			}
			var err error
			switch {
			case o.page != "":
				res.out, err = pageRecord(o, res.out, body, n, pageSource{File: st.name, Line: line}, res.report)
			case reporting:
				res.out, err = o.jsonl.Rewrite(res.out, body, func(s string) string {
					out, r := n.StringReport(s)
					addReport(res.report, r, line)
					if !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, "\r") {
						out = strings.TrimSuffix(out, "\n") // as Normalizer.Field
					}
					if conv != nil {
						out = conv(out)
					}
					return out
				})
			default:
				res.out, err = o.jsonl.Rewrite(res.out, body, ff)
			}
			if err != nil {
				if !o.skipBad {
					res.out = res.out[:before]
					res.err = &recordError{line, err}
					return res
				}
				res.skipped++
				if o.page != "" {
					continue // -page prints articles only
				}
				res.out = append(res.out, body...)
			}
			res.out = append(res.out, rec[len(body):]...)
		}
		return res
	}
	if reporting {
		st.report = &zhnorm.Report{Changes: map[zhnorm.Rule]int{}}
	}

	if o.jobs == 1 {
		// One worker: read, rewrite and write in turn, with no hand-offs.
		br := bufio.NewReaderSize(r, 256<<10)
		for line := 1; ; {
			b, err := readBatch(br, line)
			line += len(b.records)
			res := work(b)
			st.records += res.records
			st.skipped += res.skipped
			addReport(st.report, res.report, 0)
			if _, werr := w.Write(res.out); werr != nil {
				return werr
			}
			if res.err != nil {
				return res.err
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	futures := make(chan chan *jsonlResult, 2*o.jobs)
	sem := make(chan struct{}, o.jobs)
	var stop sync.Once
	stopped := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(futures)
		br := bufio.NewReaderSize(r, 256<<10)
		line := 1
		for {
			select {
			case <-stopped:
				return
			default:
			}
			b, err := readBatch(br, line)
			line += len(b.records)
			if len(b.records) > 0 {
				ch := make(chan *jsonlResult, 1)
				select {
				case futures <- ch:
				case <-stopped:
					return
				}
				sem <- struct{}{}
				go func(b jsonlBatch) {
					defer func() { <-sem }()
					ch <- work(b)
				}(b)
			}
			if err != nil {
				if err != io.EOF {
					readErr <- err
				}
				return
			}
		}
	}()
	var firstErr error
	for ch := range futures {
		res := <-ch
		if firstErr != nil {
			continue // drain
		}
		st.records += res.records
		st.skipped += res.skipped
		addReport(st.report, res.report, 0)
		if _, err := w.Write(res.out); err != nil {
			firstErr = err
		} else if res.err != nil {
			firstErr = res.err
		}
		if firstErr != nil {
			stop.Do(func() { close(stopped) })
		}
	}
	if firstErr != nil {
		return firstErr
	}
	select {
	case err := <-readErr:
		return err
	default:
		return nil
	}
}

// countingReader counts the bytes read.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// countingWriter counts the bytes and lines written.
type countingWriter struct {
	w     io.Writer
	n     int64
	lines int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.lines += int64(bytes.Count(p[:n], []byte{'\n'}))
	return n, err
}
