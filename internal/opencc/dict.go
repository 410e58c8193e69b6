// Package opencc reads OpenCC configurations and text dictionaries and
// compiles them into the tables zhnorm converts with.
//
// The compiled form reproduces OpenCC's C++ engine: maximum forward matching
// with the config's segmentation dictionary, then each segment through the
// conversion chain on its own, groups stopping at the first dictionary with a
// prefix match, the first value of an entry winning.
package opencc

import (
	"bufio"
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

// MaxLine is the longest dictionary line ParseDict accepts, OpenCC's own
// line buffer.
const MaxLine = 4096

// ParseDict reads an OpenCC text dictionary: one entry a line,
// "key<TAB>value1 value2 …".
//
// It follows the quirks of the dictionaries OpenCC ships and of
// github.com/longbridgeapp/opencc: a line without a tab splits at its first
// space; of two lines with the same key the later one wins; a UTF-8 byte
// order mark, blank lines and CR before LF are ignored. A line with neither
// tab nor space, an empty key or value, invalid UTF-8, a NUL byte or a CR
// before the end of the line is an
// error that names the file and line.
func ParseDict(name string, r io.Reader) (*Dict, error) {
	index := map[string]int{}
	d := &Dict{Name: strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		b = bytes.TrimSuffix(b, []byte("\r"))
		if len(b) == 0 {
			continue
		}
		bad := func(why string) error { return fmt.Errorf("%s:%d: %s", name, line, why) }
		if len(b) > MaxLine {
			return nil, bad(fmt.Sprintf("line longer than %d bytes", MaxLine))
		}
		if !utf8.Valid(b) {
			return nil, bad("invalid UTF-8")
		}
		if bytes.IndexByte(b, 0) >= 0 {
			return nil, bad("NUL byte")
		}
		if bytes.IndexByte(b, '\r') >= 0 {
			// OpenCC's parser takes a CR for the end of the line.
			return nil, bad("CR inside the line")
		}
		sep := bytes.IndexByte(b, '\t')
		if sep < 0 {
			sep = bytes.IndexByte(b, ' ')
		}
		if sep < 0 {
			return nil, bad("no tab between key and value")
		}
		key, rest := string(b[:sep]), string(b[sep+1:])
		if key == "" {
			return nil, bad("empty key")
		}
		// OpenCC splits the values at single spaces.
		values := strings.Split(rest, " ")
		if values[0] == "" {
			return nil, bad("empty value")
		}
		if i, ok := index[key]; ok {
			d.Values[i] = values
			continue
		}
		index[key] = len(d.Keys)
		d.Keys = append(d.Keys, key)
		d.Values = append(d.Values, values)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	sort.Sort(byKey{d})
	for _, k := range d.Keys {
		d.MaxRune = max(d.MaxRune, utf8.RuneCountInString(k))
	}
	return d, nil
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
// key, which OpenCC's own text loader reads without complaint.
func (d *Dict) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i, k := range d.Keys {
		bw.WriteString(k)
		bw.WriteByte('\t')
		bw.WriteString(strings.Join(d.Values[i], " "))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
