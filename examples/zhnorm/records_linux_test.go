package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// writeBigRecords writes four records of about size bytes, each after a
// small one, to w: the input when conv is false, else what -c s2t makes of
// its field "t". The test streams them, so that its own memory stays small:
// a child's maximum RSS counts its parent's when it was started.
func writeBigRecords(w io.Writer, size int, conv bool) {
	unit := "汉字与文字，"
	if conv {
		unit = "漢字與文字，"
	}
	chunk := strings.Repeat(unit, (1<<20)/len(unit))
	rest := "汉字与文字，" // the x field is never rewritten
	field := func(s string, n int) {
		for ; n >= len(s); n -= len(s) {
			io.WriteString(w, s)
		}
	}
	for i := range 4 {
		fmt.Fprintf(w, `{"id":1,"t":"小"}`+"\n"+`{"id":%d,"t":"`, i+2)
		field(chunk, size)
		io.WriteString(w, `","x":"`)
		field(rest, size/4)
		io.WriteString(w, "\"}\n")
	}
}

// TestJSONLBigRecords: records of any size are records, with -j 1 and
// -j 2, and the command's memory follows the largest record, not the file.
// The 50 MB records are left out under -short.
func TestJSONLBigRecords(t *testing.T) {
	sizes := []int{5 << 20}
	if !testing.Short() {
		sizes = append(sizes, 50<<20)
	}
	for _, size := range sizes {
		p := filepath.Join(t.TempDir(), "big.jsonl")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(f)
		writeBigRecords(bw, size, false)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		want := sha256.New()
		writeBigRecords(want, size, true)
		for _, j := range []string{"1", "2"} {
			cmd := exec.Command(binary, "-jsonl", "-field", "t", "-normalize=false", "-c", "s2t", "-j", j, p)
			got := sha256.New()
			var errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = got, &errOut
			if err := cmd.Run(); err != nil {
				t.Fatalf("%d MB records, -j %s: %v, stderr %q", size>>20, j, err, errOut.String())
			}
			if !bytes.Equal(got.Sum(nil), want.Sum(nil)) {
				t.Errorf("%d MB records, -j %s: the output differs", size>>20, j)
			}
			// A batch holds the record, its output and the field's
			// value and result: a few times the record, with more in
			// flight at -j 2. Below its 256 MB soft memory limit the
			// command collects lazily.
			rss := int64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) << 10
			record := int64(size + size/4)
			t.Logf("%d MB records, -j %s: max RSS %d MB", size>>20, j, rss>>20)
			if limit := max(320<<20, 64<<20+10*record); rss > limit {
				t.Errorf("%d MB records, -j %s: max RSS %d MB, over %d MB", size>>20, j, rss>>20, limit>>20)
			}
		}
	}
}
