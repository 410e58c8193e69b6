// Package opencc reads OpenCC configurations and text dictionaries and
// compiles them into the tables zhnorm converts with.
//
// The compiled form reproduces the engine of OpenCC 1.4.2: the text is
// normalized by the config's normalization chain, cut into segments by
// maximum forward matching against the segmentation dictionary (or taken
// whole when the config has none), and each segment is converted on its own
// by every step of the conversion chain. A step takes, at each position, the
// longest match of its dictionary group (a short_circuit group: the first
// member with any match; a union group: the longest match of all members)
// and writes the entry's first value; where nothing matches it copies one
// character, or a whole ideographic description sequence.
package opencc

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Dict is one parsed text dictionary: keys in byte order, each with its values.
type Dict struct {
	Name    string // file name without folder or extension, such as "STPhrases"
	Keys    []string
	Values  [][]string // Values[i] belongs to Keys[i]; never empty
	MaxRune int        // the longest key, in characters
}

// ParseDict reads an OpenCC text dictionary as OpenCC 1.4.2 reads it: one
// entry a line, "key<TAB>value1 value2 …"; lines that start with "#" are
// comments; blank lines, a UTF-8 byte order mark and a CR before LF are
// ignored. The values are split at single spaces (so two spaces make an
// empty value), and end at a CR or NUL inside the line; the first value is
// the conversion. An empty key is accepted and never matches, as in OpenCC.
//
// A line without a tab, two entries with the same key and invalid UTF-8 are
// errors that name the file and line (OpenCC rejects the first two; on the
// third it fails or reads past the line).
func ParseDict(name string, r io.Reader) (*Dict, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	d := &Dict{Name: DictName(name)}
	lineOf := map[string]int{}
	for line := 1; len(data) > 0; line++ {
		b := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			b, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		b = bytes.TrimSuffix(b, []byte("\r"))
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		bad := func(why string) error { return fmt.Errorf("%s:%d: %s", name, line, why) }
		if !utf8.Valid(b) {
			return nil, bad("invalid UTF-8")
		}
		// OpenCC's line reader stops at CR and NUL as at the end of the line.
		if i := bytes.IndexAny(b, "\r\x00"); i >= 0 {
			b = b[:i]
		}
		sep := bytes.IndexByte(b, '\t')
		if sep < 0 {
			return nil, bad("no tab between key and value")
		}
		key := string(b[:sep])
		values := strings.Split(string(b[sep+1:]), " ")
		if key == "" {
			continue
		}
		if first, ok := lineOf[key]; ok {
			return nil, bad(fmt.Sprintf("key %q again (first on line %d); OpenCC rejects duplicate keys", key, first))
		}
		lineOf[key] = line
		d.Keys = append(d.Keys, key)
		d.Values = append(d.Values, values)
	}
	d.sort()
	return d, nil
}

// NewDict makes a dictionary of the given entries; a later entry with the
// same key is dropped, as OpenCC's union keeps the first.
func NewDict(name string, keys []string, values [][]string) *Dict {
	d := &Dict{Name: name}
	seen := map[string]bool{}
	for i, k := range keys {
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		d.Keys = append(d.Keys, k)
		d.Values = append(d.Values, values[i])
	}
	d.sort()
	return d
}

func (d *Dict) sort() {
	sort.Stable(byKey{d})
	d.MaxRune = 0
	for _, k := range d.Keys {
		d.MaxRune = max(d.MaxRune, utf8.RuneCountInString(k))
	}
}

// MinRune returns the length in characters of the shortest key.
func (d *Dict) MinRune() int {
	n := 0
	for i, k := range d.Keys {
		if l := utf8.RuneCountInString(k); i == 0 || l < n {
			n = l
		}
	}
	return n
}

// ReadDict parses the text dictionary at path.
func ReadDict(path string) (*Dict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseDict(path, f)
}

type byKey struct{ d *Dict }

func (s byKey) Len() int           { return len(s.d.Keys) }
func (s byKey) Less(i, j int) bool { return s.d.Keys[i] < s.d.Keys[j] }
func (s byKey) Swap(i, j int) {
	s.d.Keys[i], s.d.Keys[j] = s.d.Keys[j], s.d.Keys[i]
	s.d.Values[i], s.d.Values[j] = s.d.Values[j], s.d.Values[i]
}

// WriteText writes d in the canonical text form, one "key<TAB>values" line a
// key, which OpenCC's own text loader reads as ParseDict does.
func (d *Dict) WriteText(w io.Writer) error {
	var b bytes.Buffer
	for i, k := range d.Keys {
		b.WriteString(k)
		b.WriteByte('\t')
		b.WriteString(strings.Join(d.Values[i], " "))
		b.WriteByte('\n')
	}
	_, err := w.Write(b.Bytes())
	return err
}

// DictName is the name a dictionary file is known by: its base name without
// the extension.
func DictName(file string) string {
	return strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
}
