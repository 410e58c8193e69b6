package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A job is inputs written, in order, to one output.
type job struct {
	inputs []string
	output string // "" for standard output
}

// walkInputs expands, for -r, each folder among the inputs into the
// regular files below it, in name order (filepath.WalkDir's), skipping the
// files and folders whose names start with a dot. With an output that is a
// folder (one that exists, or a name ending in a separator) each file gets
// its own output at the same place below it, folders made as needed;
// otherwise all go to the one output.
func walkInputs(inputs []string, output string) ([]job, error) {
	mirror := false
	if output != "" {
		fi, err := os.Stat(output)
		mirror = err == nil && fi.IsDir() || strings.HasSuffix(output, string(filepath.Separator))
	}
	var files []job
	for _, in := range inputs {
		if in == "-" {
			if mirror {
				return nil, fmt.Errorf("-o %s: standard input has no name to mirror below a folder", output)
			}
			files = append(files, job{inputs: []string{in}})
			continue
		}
		fi, err := os.Stat(in)
		if err != nil || !fi.IsDir() {
			// Reported when read, in its turn.
			files = append(files, job{inputs: []string{in}, output: filepath.Join(output, filepath.Base(in))})
			continue
		}
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				return nil // a link to a folder, a device, a pipe: not text
			}
			rel, err := filepath.Rel(in, p)
			if err != nil {
				return err
			}
			files = append(files, job{inputs: []string{p}, output: filepath.Join(output, rel)})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if !mirror {
		all := job{output: output}
		for _, f := range files {
			all.inputs = append(all.inputs, f.inputs...)
		}
		return []job{all}, nil
	}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.output), 0o777); err != nil {
			return nil, err
		}
	}
	return files, nil
}
