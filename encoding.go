package zhnorm

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings lists the names NewDecodingReader takes.
var Encodings = []string{"auto", "utf-8", "gb18030", "gbk", "big5", "utf-16le", "utf-16be"}

// sniffSize is how much of the input "auto" looks at.
const sniffSize = 64 << 10

// A DecodingReader reads text in a legacy or UTF-16 encoding as UTF-8.
type DecodingReader struct {
	// Encoding is the encoding in use: the one asked for, or the one
	// "auto" picked.
	Encoding string
	r        io.Reader
	counter  *undecodableCounter
}

// NewDecodingReader returns a reader of r's text as UTF-8, from the named
// encoding (see Encodings). "auto" uses a byte order mark when there is one;
// else UTF-8 when the first 64 KB are valid UTF-8; else GB18030 or Big5,
// whichever decodes them with fewer errors and more of the common characters
// of Chinese text (GB 2312's first level and Big5's common characters).
//
// Bytes the encoding cannot decode become U+FFFD (UTF-8 input keeps them, for
// the normalizer to replace and report); Undecodable tells where.
func NewDecodingReader(r io.Reader, name string) (*DecodingReader, error) {
	name = strings.ToLower(name)
	br := bufio.NewReaderSize(r, sniffSize)
	if name == "auto" {
		sample, _ := br.Peek(sniffSize)
		name = DetectEncoding(sample)
	}
	enc, err := lookupEncoding(name)
	if err != nil {
		return nil, err
	}
	d := &DecodingReader{Encoding: name, counter: &undecodableCounter{utf8: enc == nil}}
	var dec io.Reader = br
	if enc != nil {
		dec = transform.NewReader(br, enc.NewDecoder())
	}
	d.r = dec
	return d, nil
}

func lookupEncoding(name string) (encoding.Encoding, error) {
	switch name {
	case "utf-8", "utf8":
		return nil, nil
	case "gb18030":
		return simplifiedchinese.GB18030, nil
	case "gbk":
		return simplifiedchinese.GBK, nil
	case "big5":
		return traditionalchinese.Big5, nil
	case "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case "utf-16be":
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), nil
	}
	return nil, fmt.Errorf("zhnorm: unknown encoding %q (encodings: %s)", name, strings.Join(Encodings, ", "))
}

// Read implements io.Reader.
func (d *DecodingReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	d.counter.count(p[:n])
	return n, err
}

// Undecodable returns the number of bytes or sequences that did not decode
// and the lines (1-based, at most 100) where they stand, in what was read
// so far.
func (d *DecodingReader) Undecodable() (n int, lines []int) {
	return d.counter.n, d.counter.lines
}

// undecodableCounter counts U+FFFD in decoded text, or invalid UTF-8 in
// UTF-8 input, by line. An encoding cut between two reads is counted once
// the rest arrives.
type undecodableCounter struct {
	utf8    bool
	line    int
	n       int
	lines   []int
	pending []byte // an unfinished UTF-8 sequence at the end of a read
}

func (c *undecodableCounter) count(b []byte) {
	// The common case, a read with nothing to count and no sequence cut at
	// its end, at the speed of utf8.Valid and bytes.Count.
	if len(c.pending) == 0 {
		cut := len(b)
		for k := 1; k < utf8.UTFMax && k <= len(b); k++ {
			if utf8.RuneStart(b[len(b)-k]) {
				if !utf8.FullRune(b[len(b)-k:]) {
					cut = len(b) - k // a sequence the next read completes
				}
				break
			}
		}
		head := b[:cut]
		if utf8.Valid(head) && (c.utf8 || !bytes.Contains(head, []byte("\uFFFD"))) {
			c.line += bytes.Count(head, []byte{'\n'})
			c.pending = append(c.pending, b[cut:]...)
			return
		}
	}
	if len(c.pending) > 0 {
		// Complete the sequence cut by the last read, then go on at the
		// fast path's speed.
		need := 0
		for need < len(b) && !utf8.FullRune(append(c.pending, b[:need]...)) {
			need++
		}
		head := append(c.pending, b[:need]...)
		c.pending = nil
		c.slow(head)
		if len(c.pending) > 0 {
			return // still cut: b was too short to complete it
		}
		b = b[need:]
		if len(b) > 0 {
			c.count(b)
		}
		return
	}
	c.slow(b)
}

// slow counts b one character at a time.
func (c *undecodableCounter) slow(b []byte) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if b[i] == '\n' {
				c.line++
			}
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) {
			c.pending = append([]byte(nil), b[i:]...)
			return
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && (size == 1) == c.utf8 {
			c.n++
			if len(c.lines) < 100 && (len(c.lines) == 0 || c.lines[len(c.lines)-1] != c.line+1) {
				c.lines = append(c.lines, c.line+1)
			}
		}
		i += size
	}
}

// DetectEncoding names the encoding of sample: "utf-16le" or "utf-16be" for
// a UTF-16 byte order mark, "utf-8" for a UTF-8 one or for valid UTF-8
// (a sequence cut by the end of the sample counts as valid), else "gb18030"
// or "big5", whichever reads as Chinese text: fewer undecodable bytes, more
// of the common characters.
func DetectEncoding(sample []byte) string {
	switch {
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		return "utf-16le"
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return "utf-16be"
	case bytes.HasPrefix(sample, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8"
	}
	valid := sample
	for k := 1; k < utf8.UTFMax && k <= len(valid); k++ {
		if utf8.RuneStart(valid[len(valid)-k]) {
			if !utf8.FullRune(valid[len(valid)-k:]) {
				valid = valid[:len(valid)-k]
			}
			break
		}
	}
	if utf8.Valid(valid) {
		return "utf-8"
	}
	if chineseScore(sample, simplifiedchinese.GB18030) >= chineseScore(sample, traditionalchinese.Big5) {
		return "gb18030"
	}
	return "big5"
}

// chineseScore rates how much the sample decoded with enc reads like
// Chinese text: a common character counts one, a rare one nothing, an
// undecodable sequence or a private-use character minus four.
func chineseScore(sample []byte, enc encoding.Encoding) int {
	out, _, _ := transform.Bytes(enc.NewDecoder(), sample)
	common := commonHan()
	score := 0
	for _, r := range string(out) {
		switch {
		case r == utf8.RuneError, r >= 0xE000 && r <= 0xF8FF:
			score -= 4
		case r >= 0x4E00 && r <= 0x9FFF:
			if common[(r-0x4E00)>>6]&(1<<((r-0x4E00)&63)) != 0 {
				score++
			}
		}
	}
	return score
}

// commonHan is a set over U+4E00–U+9FFF of the characters of GB 2312's
// first level (the 3,755 most common simplified characters) and Big5's
// common characters (5,401 traditional ones), taken from the encodings'
// own tables the first time it is needed.
var commonHan = sync.OnceValue(func() []uint64 {
	set := make([]uint64, (0x9FFF-0x4E00+64)/64)
	add := func(enc encoding.Encoding, lead0, lead1, trail0, trail1 byte, stop [2]byte) {
		dec := enc.NewDecoder()
		for l := int(lead0); l <= int(lead1); l++ {
			for t := int(trail0); t <= int(trail1); t++ {
				if l > int(stop[0]) || l == int(stop[0]) && t > int(stop[1]) {
					return
				}
				out, err := dec.Bytes([]byte{byte(l), byte(t)})
				if err != nil {
					continue
				}
				if r, _ := utf8.DecodeRune(out); r >= 0x4E00 && r <= 0x9FFF {
					set[(r-0x4E00)>>6] |= 1 << ((r - 0x4E00) & 63)
				}
			}
		}
	}
	// GB 2312 level 1: rows 16–55 (lead bytes B0–D7).
	add(simplifiedchinese.GBK, 0xB0, 0xD7, 0xA1, 0xFE, [2]byte{0xD7, 0xF9})
	// Big5 common characters: A440–C67E.
	add(traditionalchinese.Big5, 0xA4, 0xC6, 0x40, 0xFE, [2]byte{0xC6, 0x7E})
	return set
})
