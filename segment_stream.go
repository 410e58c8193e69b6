package zhnorm

import (
	"errors"
	"io"
	"unicode/utf8"
	"unsafe"
)

// A Scanner splits the text an io.Reader gives into sentences or
// paragraphs, a span at each call of Scan, as bufio.Scanner splits lines.
// Its offsets are offsets in the stream.
//
// Its memory is bounded by its Splitter's MaxLen: a span longer than that
// is cut into pieces of at most MaxLen bytes, on character boundaries,
// each reported by Cut, and no byte is lost. Otherwise its spans are those
// Split returns for the whole text, however the reader splits its reads;
// after a cut, the text goes on being split as if a span started there.
//
//	sc := zhnorm.Splitter{Unit: zhnorm.Sentence}.NewScanner(os.Stdin)
//	for sc.Scan() {
//		line := bytes.TrimSpace(sc.Bytes()) // never holds a line break
//		…
//	}
//	if err := sc.Err(); err != nil { … }
//	fmt.Fprintln(os.Stderr, sc.Count(), "sentences")
//
// Splitter.NewScanner makes Scanners; the zero Scanner reads nothing: its
// Scan returns false, and Err says that it was not made by NewScanner.
type Scanner struct {
	r        io.Reader
	segRules segRules
	max      int

	// buf[:start] is text already returned, kept for the rules to look
	// back at; buf[start:n] is not returned yet.
	buf      []byte
	start, n int
	resume   segResume // where spanEnd resumes in buf[start:n]
	off      int       // the stream offset of buf[0]
	done     bool      // r has nothing more, or failed
	err      error

	tokStart, tokEnd int // the current span in buf
	cut              bool
	count            int
}

var errZeroScanner = errors.New("zhnorm: a Scanner not made by Splitter.NewScanner reads nothing")

// NewScanner returns a Scanner that reads r and splits it by sp's rules.
func (sp Splitter) NewScanner(r io.Reader) *Scanner {
	limit := sp.MaxLen
	if limit <= 0 {
		limit = DefaultMaxLen
	}
	// A cut backs up at most three bytes to a character boundary, and must
	// leave something before it.
	limit = max(limit, utf8.UTFMax)
	return &Scanner{r: r, segRules: sp.segRules(), max: limit}
}

// Scan advances to the next span, which Span and Bytes then return. It
// returns false at the end of the input or after a read error, once every
// byte read before it has been returned; Err tells which.
func (s *Scanner) Scan() bool {
	if s.r == nil {
		if s.err == nil {
			s.err = errZeroScanner
		}
		return false
	}
	for {
		if s.start < s.n {
			// The buffer is not modified while the string is in use.
			t := unsafe.String(unsafe.SliceData(s.buf), s.n)
			end, resume := s.segRules.spanEnd(t, s.start, s.resume, s.done)
			if end == segNeedMore {
				s.resume = resume
			}
			limit := s.start + s.max
			switch {
			case end >= 0 && end <= limit:
				s.emit(end, false)
				return true
			case end > limit || s.n >= limit+utf8.UTFMax:
				// Any end still to be found lies past the limit: the rules
				// look at most one character beyond a span.
				s.emit(segCutAt(s.buf, s.start, limit), true)
				return true
			}
		} else if s.done {
			s.tokStart, s.tokEnd, s.cut = s.start, s.start, false
			return false
		}
		s.fill()
	}
}

// segCutAt returns where a span that is too long is cut: at limit, or before
// the lead byte of the character that limit would split. A lead byte and
// the continuation bytes its length promises stay together, valid UTF-8 or
// not, so that a cut splits no character and keeps a truncated one whole.
func segCutAt(buf []byte, start, limit int) int {
	if buf[limit]&0xC0 != 0x80 {
		return limit
	}
	for j := limit - 1; j > start && j >= limit-(utf8.UTFMax-1); j-- {
		switch b := buf[j]; {
		case b&0xC0 == 0x80:
			continue
		case b >= 0xF0 && b < 0xF8 && limit-j < 4, b >= 0xE0 && b < 0xF0 && limit-j < 3, b >= 0xC0 && b < 0xE0 && limit-j < 2:
			return j
		}
		break
	}
	return limit
}

func (s *Scanner) emit(end int, cut bool) {
	s.tokStart, s.tokEnd, s.cut = s.start, end, cut
	s.start, s.resume = end, segResume{end, segLeading}
	s.count++
}

// fill reads more of the input into the buffer, making room first.
func (s *Scanner) fill() {
	if s.n == len(s.buf) {
		// The rules look back segLookBehind bytes before a span at most.
		if keep := s.start - segLookBehind; keep > 0 {
			copy(s.buf, s.buf[keep:s.n])
			s.start -= keep
			s.resume.pos -= keep
			s.n -= keep
			s.off += keep
		}
	}
	if s.n == len(s.buf) {
		size := min(max(4096, 2*len(s.buf)), segLookBehind+s.max+utf8.UTFMax)
		buf := make([]byte, size)
		copy(buf, s.buf[:s.n])
		s.buf = buf
	}
	for empty := 0; ; empty++ {
		m, err := s.r.Read(s.buf[s.n:])
		if m < 0 || m > len(s.buf)-s.n {
			err, m = errors.New("zhnorm: Scanner: reader returned an invalid count"), 0
		}
		s.n += m
		if err != nil {
			s.done = true
			if err != io.EOF {
				s.err = err
			}
			return
		}
		if m > 0 {
			return
		}
		if empty == 100 {
			s.done, s.err = true, io.ErrNoProgress
			return
		}
	}
}

// Span returns the span Scan found, with its offsets in the stream. Its
// Text is a copy; Bytes spares it.
func (s *Scanner) Span() Span {
	return Span{Start: s.off + s.tokStart, End: s.off + s.tokEnd, Text: string(s.buf[s.tokStart:s.tokEnd])}
}

// Bytes returns the text of the span Scan found. The slice is valid until
// the next call of Scan.
func (s *Scanner) Bytes() []byte {
	return s.buf[s.tokStart:s.tokEnd:s.tokEnd]
}

// Cut reports whether the span Scan found was cut at MaxLen: the unit goes
// on in the next span.
func (s *Scanner) Cut() bool { return s.cut }

// Count returns how many spans Scan has found, cut pieces counted one by
// one.
func (s *Scanner) Count() int { return s.count }

// Err returns the error that stopped Scan, or nil at the end of the input.
func (s *Scanner) Err() error { return s.err }
