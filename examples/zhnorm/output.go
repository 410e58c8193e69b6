package main

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// output is where the results go: standard output, or the file named by -o.
//
// A regular file (or a path that does not exist yet) is written through a
// temporary file in the same folder and renamed over it at the end, so that
// a failure or an interrupt never leaves a truncated output behind. A
// symbolic link is followed, and its final target is replaced that way; the
// link stays a link. Anything else (a device, a named pipe, a socket, a
// link into /proc or /dev/fd such as /dev/stdout) cannot be replaced and is
// written directly, as a shell redirection would.
type output struct {
	w    *bufio.Writer
	file *os.File // the file written, with -o
	path string   // as given to -o, for messages

	// With a temporary file: the file it replaces, and the mode to give
	// it. mu orders finish against abort, which runs on a signal.
	target string
	mode   fs.FileMode
	keep   bool // whether to set mode: the target existed
	mu     sync.Mutex
	done   bool
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		return &output{w: bufio.NewWriterSize(stdout, 256<<10)}, nil
	}
	o := &output{path: path}
	target, fdLink, err := resolveLinks(path)
	if err != nil {
		return nil, fmt.Errorf("-o %s: %v", path, err)
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("-o %s: is a directory", path)
	case err == nil && !fi.Mode().IsRegular(), fdLink:
		// A device or pipe is written in place; replacing it would
		// destroy it. A link to an open file descriptor names a file
		// the caller opened (a shell redirection, perhaps with >>):
		// append to it, as writing to that descriptor would.
		flag := os.O_WRONLY
		if fdLink {
			flag |= os.O_APPEND | os.O_CREATE
		}
		f, err := os.OpenFile(path, flag, 0o666)
		if err != nil {
			return nil, fmt.Errorf("-o %s: %v", path, err)
		}
		o.file = f
	case err == nil:
		o.target, o.mode, o.keep = target, fi.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky), true
	case errors.Is(err, fs.ErrNotExist):
		o.target = target
	default:
		return nil, fmt.Errorf("-o %s: %v", path, err)
	}
	if o.target != "" {
		f, err := createTemp(o.target)
		if err != nil {
			return nil, fmt.Errorf("-o %s: %v", path, err)
		}
		o.file = f
	}
	o.w = bufio.NewWriterSize(o.file, 256<<10)
	return o, nil
}

// resolveLinks follows path through symbolic links to the file they end
// at, which need not exist, and reports whether a link on the way points
// into /proc or /dev/fd: such a link names an open file descriptor rather
// than a file.
func resolveLinks(path string) (target string, fdLink bool, err error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, fdLink, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		for _, dir := range []string{"/proc/", "/dev/fd/"} {
			if strings.HasPrefix(link, dir) {
				fdLink = true
			}
		}
		if fdLink {
			return link, true, nil
		}
		path = link
	}
	return "", false, errors.New("too many levels of symbolic links")
}

// createTemp creates a new file beside target, named .NAME.tmp-RANDOM.
// Unlike os.CreateTemp it asks for mode 0666, so that the umask decides a
// new output's mode as it would for any other program's.
func createTemp(target string) (*os.File, error) {
	dir, base := filepath.Split(target)
	for range 100 {
		var r [6]byte
		rand.Read(r[:])
		name := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(r[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("cannot create a temporary file")
}

// abort removes the temporary file, unless finish has put it in place. It
// is for signals: the output in place stays as it was.
func (o *output) abort() {
	if o.target == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.done {
		os.Remove(o.file.Name())
		o.done = true
	}
}

// finish flushes the output and, with a temporary file, puts it in place
// when ok, or removes it and leaves an existing file as it was.
func (o *output) finish(ok bool) error {
	err := o.w.Flush()
	if o.file == nil {
		if err != nil {
			return fmt.Errorf("writing output: %v", err)
		}
		return nil
	}
	if o.target == "" {
		// Written in place: there is nothing to undo.
		if cerr := o.file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("-o %s: %v", o.path, err)
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
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done {
		return fmt.Errorf("-o %s: interrupted", o.path)
	}
	o.done = true
	if err == nil && ok {
		if o.keep {
			err = os.Chmod(tmp, o.mode)
		}
		if err == nil {
			err = os.Rename(tmp, o.target)
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
