package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// output is where the results go: standard output, or a file written
// through a temporary file in the same folder and renamed over it at the
// end, so that a failure never leaves a truncated output behind.
type output struct {
	w    *bufio.Writer
	file *os.File // the temporary file, with -o
	path string
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		return &output{w: bufio.NewWriterSize(stdout, 256<<10)}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("-o %s: %v", path, err)
	}
	return &output{w: bufio.NewWriterSize(f, 256<<10), file: f, path: path}, nil
}

// finish flushes the output and, with -o, puts the file in place when ok,
// or removes the temporary file and leaves an existing one as it was.
func (o *output) finish(ok bool) error {
	err := o.w.Flush()
	if o.file == nil {
		if err != nil {
			return fmt.Errorf("writing output: %v", err)
		}
		return nil
	}
	tmp := o.file.Name()
	if err == nil {
		err = o.file.Sync()
	}
	if cerr := o.file.Close(); err == nil {
		err = cerr
	}
	if err == nil && ok {
		// CreateTemp makes the file readable by its owner only.
		if err = os.Chmod(tmp, 0o644); err == nil {
			err = os.Rename(tmp, o.path)
		}
	}
	if err != nil || !ok {
		os.Remove(tmp)
	}
	switch {
	case err != nil:
		return fmt.Errorf("-o %s: %v", o.path, err)
	case !ok:
		return fmt.Errorf("-o %s: not written, since an input failed", o.path)
	}
	return nil
}
