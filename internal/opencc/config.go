package opencc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Config is an OpenCC conversion: an optional normalization chain, an
// optional segmentation dictionary and a conversion chain, each naming
// dictionaries by their DictName.
type Config struct {
	Name        string // such as "s2twp"
	Description string // the config's "name" field
	Norm        []*DictNode
	Seg         *DictNode // nil: the whole text is one segment
	Chain       []*DictNode
}

// DictNode is a dictionary of a config, or a group of them.
type DictNode struct {
	Dict  string      // a dictionary's name; "" for a group
	Union bool        // a group's match_policy is "union" (else "short_circuit")
	Items []*DictNode // a group's members, in order
	Tofu  bool        // marked "may_output_tofu"
}

// Dicts returns the names of the dictionaries below n, in order.
func (n *DictNode) Dicts() []string {
	if n.Dict != "" {
		return []string{n.Dict}
	}
	var out []string
	for _, it := range n.Items {
		out = append(out, it.Dicts()...)
	}
	return out
}

// withoutTofu returns n without its dictionaries marked may_output_tofu,
// or nil when nothing is left, as OpenCC's loader drops them.
func (n *DictNode) withoutTofu() *DictNode {
	if n == nil || n.Tofu {
		return nil
	}
	if n.Dict != "" {
		return n
	}
	g := &DictNode{Union: n.Union}
	for _, it := range n.Items {
		if x := it.withoutTofu(); x != nil {
			g.Items = append(g.Items, x)
		}
	}
	if len(g.Items) == 0 {
		return nil
	}
	return g
}

// HasTofu reports whether the conversion of c uses a dictionary marked
// may_output_tofu.
func (c *Config) HasTofu() bool {
	var has func(n *DictNode) bool
	has = func(n *DictNode) bool {
		if n.Tofu {
			return true
		}
		for _, it := range n.Items {
			if has(it) {
				return true
			}
		}
		return false
	}
	for _, n := range append(append([]*DictNode(nil), c.Norm...), c.Chain...) {
		if has(n) {
			return true
		}
	}
	return false
}

// WithoutTofu returns c without the dictionaries marked may_output_tofu in
// its normalization and conversion chains, as OpenCC's command loads it by
// default. The segmentation keeps them, as OpenCC's loader does.
func (c *Config) WithoutTofu() *Config {
	out := *c
	strip := func(ns []*DictNode) []*DictNode {
		var r []*DictNode
		for _, n := range ns {
			if x := n.withoutTofu(); x != nil {
				r = append(r, x)
			}
		}
		return r
	}
	out.Norm, out.Chain = strip(c.Norm), strip(c.Chain)
	return &out
}

// DictFile is a dictionary file a config names: the file to read, and the
// name the config knows it by.
type DictFile struct {
	File  string // the text file: as written in the config, or for "ocd2" and "ocd" the .txt of that name
	Name  string // DictName(File)
	Named string // as written in the config
}

type jsonDict struct {
	Type          string          `json:"type"`
	File          *string         `json:"file"`
	MatchPolicy   *string         `json:"match_policy"`
	Dicts         json.RawMessage `json:"dicts"`
	MayOutputTofu *bool           `json:"may_output_tofu"`
	Entries       json.RawMessage `json:"entries"`
}

// ParseConfig parses an OpenCC JSON config, in the format of OpenCC 1.4.2
// or 1.1 (a subset of it). name is the file it came from, for errors and
// for the config's Name. It returns the config, the dictionary files it
// names in the order they first appear, and the inline dictionaries it
// holds (named "inline#N").
//
// OpenCC's binary dictionaries ("ocd2", "ocd") name their text source by the
// same base name: "STPhrases.ocd2" is read as "STPhrases.txt". A
// segmentation other than "mmseg" is one of OpenCC's plugins, and an error.
// As OpenCC does, the parser allows comments and trailing commas, skips
// conversion steps that are not objects, and drops empty groups.
func ParseConfig(name string, data []byte) (*Config, []DictFile, map[string]*Dict, error) {
	p := &configParser{name: name, seen: map[string]bool{}, inline: map[string]*Dict{}}
	c, err := p.parse(data)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %v", name, err)
	}
	return c, p.files, p.inline, nil
}

type configParser struct {
	name   string
	files  []DictFile
	seen   map[string]bool
	inline map[string]*Dict
}

func (p *configParser) parse(data []byte) (*Config, error) {
	data = stripJSONExtensions(data)
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) && ute.Field == "" {
			return nil, errors.New("the root of a config must be an object")
		}
		return nil, jsonErrorLine(data, err)
	}
	c := &Config{Name: DictName(p.name)}
	if raw, ok := doc["name"]; ok {
		json.Unmarshal(raw, &c.Description) // OpenCC ignores a name that is not a string
	}
	if raw, ok := doc["segmentation"]; ok {
		var seg map[string]json.RawMessage
		if err := json.Unmarshal(raw, &seg); err != nil || seg == nil {
			return nil, errors.New("segmentation: must be an object")
		}
		var typ string
		if err := json.Unmarshal(seg["type"], &typ); err != nil {
			return nil, errors.New(`segmentation: "type" must be a string`)
		}
		if typ != "mmseg" {
			return nil, fmt.Errorf("segmentation: type %q is an OpenCC plugin, which zhnorm does not load; only \"mmseg\" is built in", typ)
		}
		n, err := p.dict(seg["dict"], "segmentation")
		if err != nil {
			return nil, err
		}
		if n == nil {
			return nil, errors.New("segmentation: the dictionary group is empty")
		}
		c.Seg = n
	}
	chain, ok := doc["conversion_chain"]
	if !ok {
		return nil, errors.New(`required property "conversion_chain" not found`)
	}
	var err error
	if c.Chain, err = p.steps(chain, "conversion_chain"); err != nil {
		return nil, err
	}
	if raw, ok := doc["normalization"]; ok {
		if c.Norm, err = p.steps(raw, "normalization"); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (p *configParser) steps(raw json.RawMessage, where string) ([]*DictNode, error) {
	var steps []json.RawMessage
	if err := json.Unmarshal(raw, &steps); err != nil || steps == nil {
		return nil, fmt.Errorf("%s: must be an array", where)
	}
	var out []*DictNode
	for i, s := range steps {
		var step map[string]json.RawMessage
		if json.Unmarshal(s, &step) != nil || step == nil {
			continue // OpenCC skips a step that is not an object
		}
		n, err := p.dict(step["dict"], fmt.Sprintf("%s[%d]", where, i))
		if err != nil {
			return nil, err
		}
		if n != nil {
			out = append(out, n)
		}
	}
	return out, nil
}

func (p *configParser) dict(raw json.RawMessage, where string) (*DictNode, error) {
	if raw == nil {
		return nil, fmt.Errorf(`%s: required property "dict" not found`, where)
	}
	var d jsonDict
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("%s: dict must be an object with a string \"type\"", where)
	}
	tofu := d.MayOutputTofu != nil && *d.MayOutputTofu
	switch d.Type {
	case "inline":
		if d.MayOutputTofu != nil {
			return nil, fmt.Errorf("%s: an inline dictionary does not support may_output_tofu", where)
		}
		dict, err := parseInline(d.Entries)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		dict.Name = fmt.Sprintf("inline#%d", len(p.inline)+1)
		p.inline[dict.Name] = dict
		return &DictNode{Dict: dict.Name}, nil
	case "group":
		g := &DictNode{Tofu: tofu}
		if d.MatchPolicy != nil {
			switch *d.MatchPolicy {
			case "short_circuit":
			case "union":
				g.Union = true
			default:
				return nil, fmt.Errorf("%s: unknown match_policy %q", where, *d.MatchPolicy)
			}
		}
		var items []json.RawMessage
		if err := json.Unmarshal(d.Dicts, &items); err != nil || items == nil {
			return nil, fmt.Errorf(`%s: a group's "dicts" must be an array`, where)
		}
		for _, it := range items {
			n, err := p.dict(it, where)
			if err != nil {
				return nil, err
			}
			if n != nil {
				g.Items = append(g.Items, n)
			}
		}
		if len(g.Items) == 0 {
			return nil, nil // OpenCC drops an empty group
		}
		return g, nil
	case "text", "ocd2", "ocd":
		if d.File == nil || *d.File == "" {
			return nil, fmt.Errorf("%s: a dict of type %q names no file", where, d.Type)
		}
		f := *d.File
		if d.Type != "text" {
			f = strings.TrimSuffix(f, filepath.Ext(f)) + ".txt"
		}
		n := &DictNode{Dict: DictName(f), Tofu: tofu}
		if !p.seen[f] {
			p.seen[f] = true
			p.files = append(p.files, DictFile{File: f, Name: n.Dict, Named: *d.File})
		}
		return n, nil
	default:
		return nil, fmt.Errorf("%s: unknown dictionary type %q", where, d.Type)
	}
}

// parseInline reads an inline dictionary's "entries": an object from key
// to value, each a non-empty string.
func parseInline(raw json.RawMessage) (*Dict, error) {
	if raw == nil {
		return nil, errors.New(`an inline dictionary needs "entries"`)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New(`an inline dictionary's "entries" must be an object`)
	}
	var keys []string
	var values [][]string
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k := t.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if k == "" {
			return nil, errors.New("an inline dictionary key must be a non-empty string")
		}
		s, ok := v.(string)
		if !ok || s == "" {
			return nil, fmt.Errorf("an inline dictionary value must be a non-empty string: %q", k)
		}
		if seen[k] {
			return nil, fmt.Errorf("an inline dictionary has the key %q twice", k)
		}
		seen[k] = true
		keys = append(keys, k)
		values = append(values, []string{s}) // the whole string: OpenCC does not split it
	}
	return NewDict("inline", keys, values), nil
}

// stripJSONExtensions blanks out the // and /* */ comments that OpenCC's
// JSON reader accepts and drops trailing commas, keeping offsets (and so
// line numbers) where they were.
func stripJSONExtensions(data []byte) []byte {
	out := bytes.Clone(data)
	inString := false
	lastSignificant := -1 // index of the last byte that is not space or comment
	for i := 0; i < len(out); i++ {
		c := out[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
				lastSignificant = i
			}
			continue
		}
		switch {
		case c == '"':
			inString = true
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
			continue
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			j := bytes.Index(out[i+2:], []byte("*/"))
			end := len(out)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			for ; i < end; i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			i--
			continue
		case (c == ']' || c == '}') && lastSignificant >= 0 && out[lastSignificant] == ',':
			out[lastSignificant] = ' '
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			lastSignificant = i
		}
	}
	return out
}

// jsonErrorLine adds the line number to a JSON syntax or type error.
func jsonErrorLine(data []byte, err error) error {
	var off int64
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	default:
		return err
	}
	line := 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n"))
	return fmt.Errorf("line %d: %v", line, err)
}

// Loader reads configs and the dictionaries they name from the file system,
// deriving the dictionaries that OpenCC generates at build time when their
// text form is absent.
type Loader struct {
	// Dirs are searched, in order, after the config's own folder and the
	// folder "dictionary" beside it (OpenCC's source layout).
	Dirs     []string
	dicts    map[string]*Dict // by path, or "derived:" name and source
	deriving map[string]bool
}

// LoadConfig reads the OpenCC JSON config at path and the text dictionaries
// it names.
func LoadConfig(path string) (*Config, map[string]*Dict, error) {
	return new(Loader).Load(path)
}

// Load reads the config at path and its dictionaries.
func (l *Loader) Load(path string) (*Config, map[string]*Dict, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	c, files, dicts, err := ParseConfig(path, data)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		d, err := l.dict(path, f)
		if err != nil {
			return nil, nil, err
		}
		if _, dup := dicts[d.Name]; dup {
			return nil, nil, fmt.Errorf("%s: two dictionaries named %s", path, d.Name)
		}
		dicts[f.Name] = d
	}
	return c, dicts, nil
}

// searchDirs is where the dictionaries of the config at path are looked for.
func (l *Loader) searchDirs(path string) []string {
	dir := filepath.Dir(path)
	return append([]string{dir, filepath.Join(dir, "..", "dictionary")}, l.Dirs...)
}

// find returns the first existing file of the given name in the search
// folders of the config at path.
func (l *Loader) find(path, file string) (string, bool) {
	if filepath.IsAbs(file) {
		_, err := os.Stat(file)
		return file, err == nil
	}
	for _, d := range l.searchDirs(path) {
		p := filepath.Join(d, file)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
	}
	return "", false
}

func (l *Loader) read(path string) (*Dict, error) {
	if l.dicts == nil {
		l.dicts, l.deriving = map[string]*Dict{}, map[string]bool{}
	}
	if d := l.dicts[path]; d != nil {
		return d, nil
	}
	d, err := ReadDict(path)
	if err != nil {
		return nil, err
	}
	l.dicts[path] = d
	return d, nil
}

// Generated names the dictionaries OpenCC generates at build time, with
// what each is made from.
const (
	regionalPhrases = "STPhrases_GeneratedFromRegionalPhrases"
	tofuRiskSuffix  = "Ext" // TSCharactersExt from TSCharacters
	reverseSuffix   = "Rev" // TWVariantsRev from TWVariants
)

func (l *Loader) dict(path string, f DictFile) (*Dict, error) {
	if p, ok := l.find(path, f.File); ok {
		d, err := l.read(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return d, nil
	}
	d, derived, err := l.derive(path, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !derived {
		what := f.File
		if f.Named != f.File {
			what = f.Named + " (read as " + f.File + ")"
		}
		return nil, fmt.Errorf("%s: dictionary %s not found (looked in %s)", path, what, strings.Join(l.searchDirs(path), ", "))
	}
	return d, nil
}

// derive makes the dictionary f the way OpenCC's build does, when f is one
// of those it generates and its sources are there.
func (l *Loader) derive(path string, f DictFile) (*Dict, bool, error) {
	if filepath.Ext(f.File) != ".txt" || filepath.Dir(f.File) != "." {
		return nil, false, nil
	}
	if l.dicts == nil {
		l.dicts, l.deriving = map[string]*Dict{}, map[string]bool{}
	}
	// A derived dictionary is known by its name and first source.
	var key string
	source := func(name string) (string, []byte, bool, error) {
		p, ok := l.find(path, name+".txt")
		if !ok {
			return "", nil, false, nil
		}
		if key == "" {
			key = "derived:" + f.Name + ":" + p
		}
		b, err := os.ReadFile(p)
		return p, b, true, err
	}
	cached := func() *Dict {
		if d := l.dicts[key]; d != nil {
			return d
		}
		return nil
	}
	var d *Dict
	switch {
	case f.Name == regionalPhrases:
		var srcs []RegionalPhraseSource
		for _, n := range []string{"HKPhrases", "TWPhrases"} {
			p, b, ok, err := source(n)
			if err != nil {
				return nil, false, err
			}
			if !ok {
				return nil, false, fmt.Errorf("dictionary %s is generated from %s.txt, which is not found", f.File, n)
			}
			srcs = append(srcs, RegionalPhraseSource{Name: p, Src: b})
		}
		if d := cached(); d != nil {
			return d, true, nil
		}
		if l.deriving[key] {
			return nil, false, fmt.Errorf("dictionary %s is needed to generate itself", f.File)
		}
		l.deriving[key] = true
		defer delete(l.deriving, key)
		t2s, ok := l.find(path, "t2s.json")
		if !ok {
			return nil, false, fmt.Errorf("dictionary %s is generated with t2s.json, which is not found", f.File)
		}
		conv, err := l.converter(t2s)
		if err != nil {
			return nil, false, fmt.Errorf("dictionary %s: %v", f.File, err)
		}
		d, err = RegionalPhrasesDict(f.Name, srcs, conv)
		if err != nil {
			return nil, false, err
		}
	case strings.HasSuffix(f.Name, reverseSuffix) || strings.HasSuffix(f.Name, tofuRiskSuffix):
		base, rev := strings.CutSuffix(f.Name, reverseSuffix)
		if !rev {
			base = strings.TrimSuffix(f.Name, tofuRiskSuffix)
		}
		p, b, ok, err := source(base)
		if err != nil || !ok {
			return nil, false, err
		}
		if d := cached(); d != nil {
			return d, true, nil
		}
		if rev {
			d, err = ReverseDict(f.Name, p, b)
		} else {
			d, err = TofuRiskDict(f.Name, p, b)
		}
		if err != nil {
			return nil, false, err
		}
	default:
		return nil, false, nil
	}
	l.dicts[key] = d
	return d, true, nil
}

// converter returns OpenCC's conversion with the config at path, by the
// letter of its algorithm, dictionaries marked may_output_tofu included (as
// OpenCC's build generates with them).
func (l *Loader) converter(path string) (func(string) string, error) {
	c, dicts, err := l.Load(path)
	if err != nil {
		return nil, err
	}
	t, err := Build([]*Config{c}, dicts)
	if err != nil {
		return nil, err
	}
	cc := &t.Configs[0]
	return func(s string) string { return t.Reference(cc, s) }, nil
}
