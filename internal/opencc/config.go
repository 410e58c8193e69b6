package opencc

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Config is an OpenCC conversion: a segmentation dictionary group and a chain
// of dictionary groups. Each group lists dictionary names in the order OpenCC
// tries them; the names index a set of parsed dictionaries.
type Config struct {
	Name        string // such as "s2twp"
	Description string // the config's "name" field
	Seg         []string
	Chain       [][]string
}

type jsonDict struct {
	Type  string     `json:"type"`
	File  string     `json:"file"`
	Dicts []jsonDict `json:"dicts"`
}

type jsonConfig struct {
	Name         string `json:"name"`
	Segmentation *struct {
		Type string    `json:"type"`
		Dict *jsonDict `json:"dict"`
	} `json:"segmentation"`
	ConversionChain []struct {
		Dict *jsonDict `json:"dict"`
	} `json:"conversion_chain"`
}

// ParseConfig parses an OpenCC JSON config. name is the file it came from,
// for errors and for the config's Name. It returns the config and the
// dictionary files it names, in the order they first appear, as written.
//
// OpenCC's binary dictionaries ("ocd2", "ocd") name their text source by the
// same base name: "STPhrases.ocd2" is read as "STPhrases.txt".
func ParseConfig(name string, data []byte) (*Config, []string, error) {
	var jc jsonConfig
	if err := json.Unmarshal(data, &jc); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", name, jsonErrorLine(data, err))
	}
	c := &Config{
		Name:        strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)),
		Description: jc.Name,
	}
	var files []string
	seen := map[string]bool{}
	var flatten func(d *jsonDict, where string) ([]string, error)
	flatten = func(d *jsonDict, where string) ([]string, error) {
		if d == nil {
			return nil, fmt.Errorf("%s: %s: no dict", name, where)
		}
		switch d.Type {
		case "group":
			// A group inside a group tries its members in order, the same
			// as listing them in the outer group.
			var out []string
			for _, sub := range d.Dicts {
				names, err := flatten(&sub, where)
				if err != nil {
					return nil, err
				}
				out = append(out, names...)
			}
			if len(out) == 0 {
				return nil, fmt.Errorf("%s: %s: empty group", name, where)
			}
			return out, nil
		case "text", "ocd2", "ocd":
			if d.File == "" {
				return nil, fmt.Errorf("%s: %s: dict of type %q names no file", name, where, d.Type)
			}
			f := d.File
			if d.Type != "text" {
				f = strings.TrimSuffix(f, filepath.Ext(f)) + ".txt"
			}
			if !seen[f] {
				seen[f] = true
				files = append(files, f)
			}
			return []string{DictName(f)}, nil
		default:
			return nil, fmt.Errorf("%s: %s: unknown dict type %q", name, where, d.Type)
		}
	}
	if jc.Segmentation == nil || jc.Segmentation.Dict == nil {
		return nil, nil, fmt.Errorf("%s: no segmentation dict", name)
	}
	if t := jc.Segmentation.Type; t != "mmseg" {
		return nil, nil, fmt.Errorf("%s: segmentation type %q, want \"mmseg\"", name, t)
	}
	seg, err := flatten(jc.Segmentation.Dict, "segmentation")
	if err != nil {
		return nil, nil, err
	}
	c.Seg = seg
	if len(jc.ConversionChain) == 0 {
		return nil, nil, fmt.Errorf("%s: empty conversion_chain", name)
	}
	for i, step := range jc.ConversionChain {
		g, err := flatten(step.Dict, fmt.Sprintf("conversion_chain[%d]", i))
		if err != nil {
			return nil, nil, err
		}
		c.Chain = append(c.Chain, g)
	}
	return c, files, nil
}

// DictName is the name a dictionary file is known by in a Config.
func DictName(file string) string {
	return strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
}

// jsonErrorLine adds the line number to a JSON syntax or type error.
func jsonErrorLine(data []byte, err error) error {
	var off int64
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
	default:
		return err
	}
	line := 1 + strings.Count(string(data[:min(int(off), len(data))]), "\n")
	return fmt.Errorf("line %d: %v", line, err)
}

// LoadConfig reads the OpenCC JSON config at path and the text dictionaries
// it names, relative to the config's folder.
func LoadConfig(path string) (*Config, map[string]*Dict, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	c, files, err := ParseConfig(path, data)
	if err != nil {
		return nil, nil, err
	}
	dicts := map[string]*Dict{}
	for _, f := range files {
		p := f
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(path), f)
		}
		d, err := ReadDict(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		if old, ok := dicts[d.Name]; ok && old != nil {
			return nil, nil, fmt.Errorf("%s: two dictionaries named %s", path, d.Name)
		}
		dicts[d.Name] = d
	}
	return c, dicts, nil
}

// Order lists OpenCC's configs in the order zhnorm documents them.
var Order = []string{
	"s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp",
	"t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t", "s2hk-finance",
}

// ReadModule reads the configs (config/*.json) and dictionaries
// (dictionary/*.txt) of a github.com/longbridgeapp/opencc module folder, the
// configs in Order and any others after them by name.
func ReadModule(dir string) ([]*Config, map[string]*Dict, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "config", "*.json"))
	if err != nil {
		return nil, nil, err
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("%s: no config/*.json", dir)
	}
	rank := map[string]int{}
	for i, n := range Order {
		rank[n] = i + 1
	}
	sort.Slice(paths, func(i, j int) bool {
		ni, nj := DictName(paths[i]), DictName(paths[j])
		ri, rj := rank[ni], rank[nj]
		if ri == 0 {
			ri = len(Order) + 1
		}
		if rj == 0 {
			rj = len(Order) + 1
		}
		if ri != rj {
			return ri < rj
		}
		return ni < nj
	})
	var configs []*Config
	dicts := map[string]*Dict{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		c, files, err := ParseConfig(p, data)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range files {
			n := DictName(f)
			if dicts[n] != nil {
				continue
			}
			d, err := ReadDict(filepath.Join(dir, "dictionary", n+".txt"))
			if err != nil {
				return nil, nil, err
			}
			dicts[n] = d
		}
		configs = append(configs, c)
	}
	return configs, dicts, nil
}
