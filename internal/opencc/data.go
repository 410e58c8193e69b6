package opencc

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Order lists the built-in configs in the order zhnorm documents them:
// OpenCC's sixteen, then s2hk-finance.
var Order = []string{
	"s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp",
	"t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t", "s2hkp", "hk2sp",
	"s2hk-finance",
}

// NoTofu ends the name under which the tables hold a config without its
// dictionaries marked may_output_tofu.
const NoTofu = "/no-tofu"

// ReadData reads the configs of data folders laid out as OpenCC's source
// tree is (config/*.json, dictionary/*.txt), the configs in Order and any
// others after them by name, with the dictionaries they name: a config finds
// a dictionary in any of the folders, and those OpenCC generates at build
// time are derived. Each config that uses dictionaries marked
// may_output_tofu comes twice: as it is, and without them under its name
// and NoTofu.
func ReadData(dirs ...string) ([]*Config, map[string]*Dict, error) {
	l := &Loader{}
	var paths []string
	for _, d := range dirs {
		l.Dirs = append(l.Dirs, filepath.Join(d, "config"), filepath.Join(d, "dictionary"))
		ps, err := filepath.Glob(filepath.Join(d, "config", "*.json"))
		if err != nil {
			return nil, nil, err
		}
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("no config/*.json in %v", dirs)
	}
	rank := func(p string) int {
		if i := slices.Index(Order, DictName(p)); i >= 0 {
			return i
		}
		return len(Order)
	}
	sort.SliceStable(paths, func(i, j int) bool {
		ri, rj := rank(paths[i]), rank(paths[j])
		if ri != rj {
			return ri < rj
		}
		return DictName(paths[i]) < DictName(paths[j])
	})
	var configs []*Config
	dicts := map[string]*Dict{}
	for _, p := range paths {
		c, ds, err := l.Load(p)
		if err != nil {
			return nil, nil, err
		}
		for n, d := range ds {
			if old := dicts[n]; old != nil && old != d {
				return nil, nil, fmt.Errorf("%s: a dictionary %s other than the one of an earlier config", p, n)
			}
			dicts[n] = d
		}
		configs = append(configs, c)
		if c.HasTofu() {
			nt := c.WithoutTofu()
			nt.Name += NoTofu
			configs = append(configs, nt)
		}
	}
	return configs, dicts, nil
}

// DataDirs are the data folders of the built-in tables, relative to the
// module's root.
var DataDirs = []string{
	filepath.Join("third_party", "opencc"),
	filepath.Join("third_party", "longbridge-opencc"),
}

// DataVersion reads the OpenCC version of the built-in data.
func DataVersion(root string) (string, error) {
	b, err := os.ReadFile(filepath.Join(root, DataDirs[0], "VERSION"))
	return strings.TrimSpace(string(b)), err
}

// BuildData compiles the built-in data below the module root into the
// encoding that tables.bin holds.
func BuildData(root string) ([]byte, error) {
	var dirs []string
	for _, d := range DataDirs {
		dirs = append(dirs, filepath.Join(root, d))
	}
	configs, dicts, err := ReadData(dirs...)
	if err != nil {
		return nil, err
	}
	version, err := DataVersion(root)
	if err != nil {
		return nil, err
	}
	t, err := Build(configs, dicts)
	if err != nil {
		return nil, err
	}
	t.Version = version
	return t.MarshalBinary()
}
