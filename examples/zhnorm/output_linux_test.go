package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mknod makes a character device in the test's own folder, with the
// numbers of /dev/null (1, 3) or /dev/full (1, 7); it needs root.
func mknod(t *testing.T, name string, minor int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("making a device needs root")
	}
	p := filepath.Join(t.TempDir(), name)
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, int(1<<8|minor)); err != nil {
		t.Skipf("mknod: %v", err)
	}
	return p
}

// TestOutputDevice: -o on a character device writes to it and leaves it a
// device (it used to become a regular file).
func TestOutputDevice(t *testing.T) {
	null := mknod(t, "null", 3)
	if _, errOut, status := runCLI(t, "黑龍江\n", "-o", null); status != 0 {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	fi, err := os.Lstat(null)
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("-o replaced the device: %v, %v", fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(null)); len(entries) != 1 {
		t.Errorf("files left beside the device: %v", entries)
	}
}

// TestOutputFIFO: -o on a named pipe writes into the pipe, for its reader.
func TestOutputFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// The reader opens first, without waiting for a writer, so that the
	// command's open does not block and a command that replaced the pipe
	// leaves the reader with nothing rather than waiting forever.
	fd, err := syscall.Open(fifo, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := os.NewFile(uintptr(fd), fifo)
	defer r.Close()
	if _, errOut, status := runCLI(t, "汉字\n", "-c", "s2t", "-o", fifo); status != 0 {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	if b, _ := io.ReadAll(r); string(b) != "漢字\n" {
		t.Errorf("the pipe's reader got %q", b)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("-o replaced the pipe: %v, %v", fi.Mode(), err)
	}
}

// TestOutputSymlink: -o through a symbolic link replaces the link's target
// and keeps the link; a dangling link gets its target made.
func TestOutputSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	real := filepath.Join(sub, "real.txt")
	os.WriteFile(real, []byte("old\n"), 0o600)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("sub/real.txt", link); err != nil {
		t.Fatal(err)
	}
	chain := filepath.Join(dir, "chain.txt")
	os.Symlink("link.txt", chain)
	for _, p := range []string{link, chain} {
		if _, errOut, status := runCLI(t, "汉字\n", "-c", "s2t", "-o", p); status != 0 {
			t.Fatalf("status %d, stderr %q", status, errOut)
		}
		if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("-o %s: the link is gone: %v, %v", filepath.Base(p), fi.Mode(), err)
		}
		if b, _ := os.ReadFile(real); string(b) != "漢字\n" {
			t.Errorf("-o %s: the target holds %q", filepath.Base(p), b)
		}
		os.WriteFile(real, []byte("old\n"), 0o600)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode became %v", fi.Mode())
	}
	if entries, _ := os.ReadDir(sub); len(entries) != 1 {
		t.Errorf("files left beside the target: %v", entries)
	}
	dangling := filepath.Join(dir, "dangling.txt")
	os.Symlink("sub/new.txt", dangling)
	if _, errOut, status := runCLI(t, "汉字\n", "-o", dangling); status != 0 {
		t.Fatalf("dangling link: status %d, stderr %q", status, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(sub, "new.txt")); string(b) != "汉字\n" {
		t.Errorf("dangling link: the target holds %q", b)
	}
	// A link to an open descriptor, as /dev/stdout is: the output goes to
	// the descriptor, and the link stays.
	fd := filepath.Join(dir, "stdout")
	os.Symlink("/proc/self/fd/1", fd)
	out, errOut, status := runCLI(t, "汉字\n", "-o", fd)
	if status != 0 || out != "汉字\n" {
		t.Errorf("-o link to /proc/self/fd/1: status %d, stdout %q, stderr %q", status, out, errOut)
	}
	if fi, err := os.Lstat(fd); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("-o replaced the link to /proc/self/fd/1")
	}
}

// TestOutputMode: a replaced file keeps its mode; a new one gets the
// umask's.
func TestOutputMode(t *testing.T) {
	old := syscall.Umask(0o027) // the child inherits it
	defer syscall.Umask(old)
	dir := t.TempDir()
	private := filepath.Join(dir, "private.txt")
	os.WriteFile(private, []byte("old\n"), 0o600)
	os.Chmod(private, 0o600)
	fresh := filepath.Join(dir, "fresh.txt")
	for _, p := range []string{private, fresh} {
		if _, errOut, status := runCLI(t, "汉字\n", "-o", p); status != 0 {
			t.Fatalf("status %d, stderr %q", status, errOut)
		}
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file's mode became %v, want 0600", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o640 {
		t.Errorf("a new file's mode is %v, want 0640 (umask 027)", fi.Mode().Perm())
	}
}

// TestWriteErrors: a full device is an exit 1 for every kind of output.
func TestWriteErrors(t *testing.T) {
	full := mknod(t, "full", 7)
	f, err := os.OpenFile(full, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, args := range [][]string{{"-list"}, {"-help"}, {}, {"-o", full}} {
		cmd := exec.Command(binary, args...)
		cmd.Stdin = strings.NewReader("汉字\n")
		cmd.Stdout = f
		var e bytes.Buffer
		cmd.Stderr = &e
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("%v > full device: %v, want exit status 1; stderr %q", args, err, e.String())
		}
	}
}

// TestSignalRemovesTemporary: SIGTERM or SIGINT during a -o run removes the
// temporary file and leaves the old output as it was.
func TestSignalRemovesTemporary(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		dir := t.TempDir()
		outFile := filepath.Join(dir, "out.txt")
		os.WriteFile(outFile, []byte("old\n"), 0o644)
		cmd := exec.Command(binary, "-normalize=false", "-o", outFile)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// More than the output buffer, so that the temporary file has
		// data in it; stdin stays open, so the run cannot end by itself.
		chunk := bytes.Repeat([]byte("黑龍江省人民政府\n"), 1<<16)
		if _, err := stdin.Write(chunk); err != nil {
			t.Fatal(err)
		}
		// Wait for the temporary file to hold data: the run is
		// mid-output. (A wait for a state, not a timed assertion.)
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			tmps, _ := filepath.Glob(filepath.Join(dir, ".out.txt.tmp-*"))
			if len(tmps) == 1 {
				if fi, err := os.Stat(tmps[0]); err == nil && fi.Size() > 0 {
					break
				}
			}
			if time.Now().After(deadline) {
				t.Fatal("no temporary file with data appeared")
			}
		}
		cmd.Process.Signal(sig)
		err = cmd.Wait()
		stdin.Close()
		ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if err == nil || !(ws.Signaled() && ws.Signal() == sig) && ws.ExitStatus() != 128+int(sig) {
			t.Errorf("%v: the run ended with %v, want death by the signal", sig, err)
		}
		if tmps, _ := filepath.Glob(filepath.Join(dir, ".out.txt.tmp-*")); len(tmps) != 0 {
			t.Errorf("%v: temporary files left: %v", sig, tmps)
		}
		if b, _ := os.ReadFile(outFile); string(b) != "old\n" {
			t.Errorf("%v: the old output became %d bytes", sig, len(b))
		}
	}
}
