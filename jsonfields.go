package zhnorm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// JSONFields rewrites chosen string fields of JSON records, such as the
// lines of a JSON Lines file, and keeps every other byte of a record as it
// was: key order, spacing, number formats and the escaping of the fields it
// does not touch.
//
// A field is named by a dotted path of object keys, outermost first: "body",
// or "article.body" for the body key of the object under article. A key that
// holds a dot cannot be named. Where an object repeats a key, every
// occurrence is rewritten.
//
// The zero value names no field: Rewrite copies a valid JSON object
// unchanged and Values returns no value. NewJSONFields makes one that names
// fields.
type JSONFields struct {
	paths [][]string
}

// NewJSONFields returns a rewriter for the fields at the given dotted paths.
func NewJSONFields(paths ...string) (*JSONFields, error) {
	if len(paths) == 0 {
		return nil, errors.New("zhnorm: no JSON field named")
	}
	j := &JSONFields{}
	for _, p := range paths {
		keys := strings.Split(p, ".")
		for _, k := range keys {
			if k == "" {
				return nil, fmt.Errorf("zhnorm: JSON field path %q has an empty key", p)
			}
		}
		j.paths = append(j.paths, keys)
	}
	return j, nil
}

// A JSONFieldError reports a record that Rewrite cannot rewrite.
type JSONFieldError struct {
	Field  string // the dotted path, when the error concerns one field
	Reason string
}

func (e *JSONFieldError) Error() string {
	if e.Field == "" {
		return e.Reason
	}
	return fmt.Sprintf("field %s: %s", e.Field, e.Reason)
}

// Rewrite appends to dst the record with the string value of each field
// replaced by f of it, and returns the extended buffer. The record must be
// one valid JSON object that has every field, each holding a string; if it
// is not, Rewrite returns dst unchanged and a *JSONFieldError. A rewritten
// value is written with the fewest escapes JSON needs (quote, backslash and
// control characters; U+2028 and U+2029 as encoding/json does) and invalid
// UTF-8 in f's result as U+FFFD.
func (j *JSONFields) Rewrite(dst, record []byte, f func(string) string) ([]byte, error) {
	if !json.Valid(record) {
		return dst, &JSONFieldError{Reason: "not valid JSON"}
	}
	s := jsonScanner{b: record}
	s.space()
	if s.i >= len(record) || record[s.i] != '{' {
		return dst, &JSONFieldError{Reason: "not a JSON object"}
	}
	found := make([]bool, len(j.paths))
	var spans []jsonSpan
	if err := s.object(j.paths, 0, found, &spans); err != nil {
		return dst, err
	}
	for i, ok := range found {
		if !ok {
			return dst, &JSONFieldError{Field: strings.Join(j.paths[i], "."), Reason: "missing"}
		}
	}
	last := 0
	for _, sp := range spans {
		v := jsonUnquote(record[sp.start:sp.end])
		dst = append(dst, record[last:sp.start]...)
		dst = appendJSONString(dst, f(v))
		last = sp.end
	}
	return append(dst, record[last:]...), nil
}

// Values returns the string values of the fields, in the order the record
// holds them, with the same errors as Rewrite.
func (j *JSONFields) Values(record []byte) ([]string, error) {
	var vals []string
	_, err := j.Rewrite(nil, record, func(s string) string {
		vals = append(vals, s)
		return ""
	})
	if err != nil {
		return nil, err
	}
	return vals, nil
}

// jsonSpan is the place of a string value to rewrite, its quotes included.
type jsonSpan struct {
	start, end int
	field      string
}

// jsonScanner walks JSON already known to be valid, finding where values
// start and end.
type jsonScanner struct {
	b []byte
	i int
}

func (s *jsonScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// object scans the object at s.i; paths are the field paths still in play
// and depth the number of their keys already matched.
func (s *jsonScanner) object(paths [][]string, depth int, found []bool, spans *[]jsonSpan) error {
	s.i++ // {
	for {
		s.space()
		if s.b[s.i] == '}' {
			s.i++
			return nil
		}
		if s.b[s.i] == ',' {
			s.i++
			s.space()
		}
		keyStart := s.i
		s.skipString()
		key, err := jsonKey(s.b[keyStart:s.i])
		if err != nil {
			return err
		}
		s.space()
		s.i++ // :
		s.space()
		if err := s.member(key, paths, depth, found, spans); err != nil {
			return err
		}
		s.space()
	}
}

// member scans the value of the member key.
func (s *jsonScanner) member(key string, paths [][]string, depth int, found []bool, spans *[]jsonSpan) error {
	var next [][]string
	for i, p := range paths {
		if p == nil || len(p) <= depth || p[depth] != key {
			continue
		}
		if len(p) == depth+1 {
			if s.b[s.i] != '"' {
				return &JSONFieldError{Field: strings.Join(p, "."), Reason: "not a string"}
			}
			start := s.i
			s.skipString()
			*spans = append(*spans, jsonSpan{start, s.i, strings.Join(p, ".")})
			found[i] = true
			return nil
		}
		if next == nil {
			next = make([][]string, len(paths))
		}
		next[i] = p
	}
	if next != nil && s.b[s.i] == '{' {
		return s.object(next, depth+1, found, spans)
	}
	s.skipValue()
	return nil
}

// jsonKey decodes a key, taking the common unescaped case without a copy.
func jsonKey(quoted []byte) (string, error) {
	inner := quoted[1 : len(quoted)-1]
	for _, c := range inner {
		if c == '\\' {
			var k string
			err := json.Unmarshal(quoted, &k)
			return k, err
		}
	}
	return string(inner), nil
}

func (s *jsonScanner) skipString() {
	s.i++ // "
	for {
		switch s.b[s.i] {
		case '\\':
			s.i += 2
		case '"':
			s.i++
			return
		default:
			s.i++
		}
	}
}

func (s *jsonScanner) skipValue() {
	switch s.b[s.i] {
	case '"':
		s.skipString()
	case '{', '[':
		depth := 0
		for {
			switch s.b[s.i] {
			case '"':
				s.skipString()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.i++
			if depth == 0 {
				return
			}
		}
	default: // number, true, false, null
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return
			}
			s.i++
		}
	}
}

// jsonUnquote decodes a JSON string already known to be valid, as
// encoding/json does: invalid UTF-8 and lone surrogates become U+FFFD.
func jsonUnquote(quoted []byte) string {
	inner := quoted[1 : len(quoted)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner)
	}
	b := make([]byte, 0, len(inner))
	for i := 0; i < len(inner); {
		c := inner[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(inner[i:])
			b = utf8.AppendRune(b, r) // U+FFFD for an invalid byte
			i += size
			continue
		}
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		switch e := inner[i+1]; e {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(inner[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 <= len(inner) && inner[i] == '\\' && inner[i+1] == 'u' {
					r2 = hex4(inner[i+2 : i+6])
				}
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					r = dec
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // " \ /
			b = append(b, e)
		}
		i += 2
	}
	return string(b)
}

func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// appendJSONString appends s as a JSON string.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			switch r {
			case utf8.RuneError:
				dst = append(dst, `\ufffd`...)
			case '\u2028':
				dst = append(dst, `\u2028`...)
			default:
				dst = append(dst, `\u2029`...)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
