package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/zhnorm/zhnorm"
)

// -offsets: with -split, each unit is printed as a line of JSON with its
// byte offsets in the input, {"text": …, "start": …, "end": …}, the input
// being the text as decoded to UTF-8 (the file itself when it is UTF-8,
// but for a byte order mark at its start and bytes that are not UTF-8,
// which decoding replaces with the 3 bytes of U+FFFD). With -jsonl, the
// offsets are in the original value of the field, and "record" (the line
// number) and "field" (the -field path) say which; "file" names the input
// when there are several, or with -jsonl.

// offsetUnit is a line of -offsets output.
type offsetUnit struct {
	File   string `json:"file,omitempty"`
	Record int    `json:"record,omitempty"`
	Field  string `json:"field,omitempty"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// offsetPipeline is what -offsets runs: the steps, mapped, and the unit.
type offsetPipeline struct {
	steps []zhnorm.MappedTransformer
	unit  zhnorm.Unit
}

// newOffsetPipeline returns the pipeline of the flags with n.
func newOffsetPipeline(o *options, n *zhnorm.Normalizer) (*offsetPipeline, error) {
	p := &offsetPipeline{}
	if err := p.unit.UnmarshalText([]byte(o.split)); err != nil {
		return nil, err
	}
	if n != nil {
		p.steps = append(p.steps, n)
	}
	if o.converter != nil {
		p.steps = append(p.steps, o.converter)
	}
	return p, nil
}

// splitOffsets streams the text through the pipeline and writes its units
// with their offsets in r's text. Memory stays bounded: the map forgets
// what lies before the unit being written.
func splitOffsets(o *options, p *offsetPipeline, st *fileStats, r io.Reader, w io.Writer) error {
	or := zhnorm.NewOffsetReader(r, p.steps...)
	sc := zhnorm.Splitter{Unit: p.unit}.NewScanner(or)
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := newUnitEncoder(bw)
	file := ""
	if o.pageHeaders {
		file = st.name
	}
	for sc.Scan() {
		s := sc.Span()
		t := s.Trim()
		if t.Text != "" {
			start, end := or.Map().InputSpan(t.Start, t.End)
			if err := enc(offsetUnit{File: file, Text: t.Text, Start: start, End: end}); err != nil {
				return err
			}
			st.units++
		}
		or.Forget(s.End)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

// newUnitEncoder returns a function writing units as JSON lines, with < >
// and & as they are.
func newUnitEncoder(w io.Writer) func(offsetUnit) error {
	e := json.NewEncoder(w)
	e.SetEscapeHTML(false)
	return func(u offsetUnit) error { return e.Encode(u) }
}

// offsetsOptions are the -offsets settings.
type offsetsOptions struct {
	// fields are the -jsonl fields, one rewriter each, so that each value
	// comes with its path.
	fields []offsetField
}

type offsetField struct {
	path string
	j    *zhnorm.JSONFields
}

// setupOffsets checks -offsets against the other flags and sets o.offsets.
// It returns the complaint about the flags, or "".
func setupOffsets(o *options, on bool, fields []string) string {
	switch {
	case !on:
		return ""
	case o.split == "":
		return "-offsets needs -split"
	case o.page != "":
		return "-offsets and -page do not go together"
	case o.target != nil:
		// A target's quotation marks and chained configs do not map
		// offsets yet; -detect names the configs to use with -c.
		return "-offsets and -to do not go together yet: convert with -c (zhnorm -to TAG -detect FILE names the configs)"
	}
	oo := &offsetsOptions{}
	if o.jsonl != nil {
		for _, f := range fields {
			j, err := zhnorm.NewJSONFields(f)
			if err != nil {
				return fmt.Sprintf("-field: %v", err)
			}
			oo.fields = append(oo.fields, offsetField{f, j})
		}
	}
	o.offsets = oo
	return ""
}

// processOffsets writes the units of the input, or of the -field values of
// its JSON Lines records, with their offsets.
func processOffsets(o *options, st *fileStats, r io.Reader, w io.Writer, n *zhnorm.Normalizer) error {
	p, err := newOffsetPipeline(o, n)
	if err != nil {
		return err
	}
	if o.jsonl == nil {
		return splitOffsets(o, p, st, r, w) // the reader resets the steps: a new document
	}
	file := st.name
	br := bufio.NewReaderSize(r, 256<<10)
	bw := bufio.NewWriterSize(w, 64<<10)
	for line := 1; ; {
		b, err := readBatch(br, line)
		for i, rec := range b.records {
			body := bytes.TrimSpace(rec)
			if i+line == 1 {
				body = bytes.TrimPrefix(body, []byte("\uFEFF"))
			}
			if len(body) == 0 {
				continue
			}
			st.records++
			if rerr := offsetRecord(o, p, bw, body, file, line+i); rerr != nil {
				if !o.skipBad {
					bw.Flush()
					return &recordError{line + i, rerr}
				}
				st.skipped++
			}
		}
		line += len(b.records)
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
	}
}

// offsetRecord writes the units of the -field values of a JSON Lines
// record, with their offsets in the original values. A record that lacks
// a field, or is not JSON, writes nothing.
func offsetRecord(o *options, p *offsetPipeline, w io.Writer, record []byte, file string, line int) error {
	vals := make([]string, len(o.offsets.fields))
	for k, f := range o.offsets.fields {
		v, err := f.j.Values(record)
		if err != nil {
			return err
		}
		vals[k] = v[0]
	}
	var b bytes.Buffer
	enc := newUnitEncoder(&b)
	for k, v := range vals {
		text, m, err := zhnorm.StringMapped(v, p.steps...)
		if err != nil {
			return err
		}
		for s := range (zhnorm.Splitter{Unit: p.unit}).Split(text) {
			t := s.Trim()
			if t.Text == "" {
				continue
			}
			start, end := m.InputSpan(t.Start, t.End)
			if err := enc(offsetUnit{File: file, Record: line, Field: o.offsets.fields[k].path, Text: t.Text, Start: start, End: end}); err != nil {
				return err
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// offsetsDoc is the -offsets flag's documentation.
const offsetsDoc = "with -split, print each unit as a line of JSON, {\"text\": …, \"start\": …, \"end\": …}, with the byte offsets of the text it came from in the input " +
	"as decoded to UTF-8 (in a UTF-8 file, its bytes, but for a byte order mark at the start and bytes that are not UTF-8, each counted as the 3 bytes of U+FFFD); " +
	"with -jsonl, in the original value of each -field, with \"record\" (the record's line) and \"field\"; \"file\" names the input with several inputs or -jsonl"
