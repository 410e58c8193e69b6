package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressThreshold is the smallest file that gets a progress bar.
const progressThreshold = 8 << 20

// showProgress reports whether progress bars may be drawn: only on a
// terminal, and never in CI.
func showProgress(stderr io.Writer) bool {
	f, ok := stderr.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("CI") == ""
}

// newProgress returns a reader of f that draws a progress bar on w, or nil
// when f is not a regular file over progressThreshold bytes.
func newProgress(f *os.File, w io.Writer) *progressReader {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() < progressThreshold {
		return nil
	}
	bar := progressbar.NewOptions64(fi.Size(),
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(f.Name()),
		progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(100_000_000), // 0.1 s
		progressbar.OptionClearOnFinish(),
	)
	return &progressReader{Reader: progressbar.NewReader(f, bar), bar: bar}
}

type progressReader struct {
	progressbar.Reader
	bar *progressbar.ProgressBar
}

func (p *progressReader) Close() error { return p.bar.Finish() }
