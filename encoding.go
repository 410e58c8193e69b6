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

// Encodings lists the names NewDecodingReader takes. It also takes their
// common spellings and aliases (see EncodingName).
var Encodings = []string{"auto", "utf-8", "gb18030", "gbk", "big5", "utf-16le", "utf-16be"}

// encodingAliases maps the labels the WHATWG Encoding Standard gives the
// encodings of Encodings, and Windows code page names, to their names there.
// WHATWG's Big5 is Big5 with the HKSCS extensions, as x/text's is.
var encodingAliases = map[string]string{
	"utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "unicode11utf8": "utf-8", "unicode20utf8": "utf-8", "x-unicode20utf8": "utf-8", "cp65001": "utf-8",
	"cp936": "gbk", "windows-936": "gbk", "ms936": "gbk", "x-gbk": "gbk", "gb2312": "gbk", "gb-2312": "gbk", "gb-2312-80": "gbk", "csgb2312": "gbk", "chinese": "gbk", "csiso58gb231280": "gbk", "iso-ir-58": "gbk", "euc-cn": "gbk",
	"cp54936": "gb18030", "gb-18030": "gb18030",
	"big5-hkscs": "big5", "cn-big5": "big5", "csbig5": "big5", "x-x-big5": "big5", "cp950": "big5", "windows-950": "big5",
	"utf-16": "utf-16le", "utf16": "utf-16le", "utf16le": "utf-16le", "utf16be": "utf-16be", "unicodefffe": "utf-16be", "csunicode": "utf-16le", "ucs-2": "utf-16le", "unicode": "utf-16le",
}

// EncodingName returns the name in Encodings of the encoding that name
// spells (in any case, with "_" for "-", or as an alias such as "utf8",
// "cp936" or "big5-hkscs"), and whether there is one.
func EncodingName(name string) (string, bool) {
	name = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "_", "-")
	if a, ok := encodingAliases[name]; ok {
		return a, true
	}
	for _, e := range Encodings {
		if e == name {
			return e, true
		}
	}
	return "", false
}

// sniffSize is how much of the input "auto" looks at, from the first byte
// that is not ASCII.
const sniffSize = 64 << 10

// A DecodingReader reads text in a legacy or UTF-16 encoding as UTF-8. What
// it returns is valid UTF-8, without a leading byte order mark.
//
// A DecodingReader is made by NewDecodingReader; its zero value is not
// usable.
type DecodingReader struct {
	// Encoding is the encoding in use: the one asked for, or the one
	// "auto" picked. With "auto" it is "utf-8" until the first byte that
	// is not ASCII has been read, and the encoding picked from then on.
	Encoding string
	br       *bufio.Reader
	r        io.Reader // nil while "auto" has not picked
	counter  *undecodableCounter
	offset   int64 // bytes read before the pick, all ASCII
}

// NewDecodingReader returns a reader of r's text as UTF-8, from the named
// encoding (see Encodings and EncodingName).
//
// "auto" reads ASCII as it is, and picks the encoding at the first byte
// that is not ASCII, however far into the input, from the 64 KB that begin
// there: a byte order mark at the start of the input; else UTF-8 when they
// are valid UTF-8; else GB18030 or Big5, whichever decodes them with fewer
// errors and more of the common characters of Chinese text (GB 2312's
// first level and Big5's common characters).
//
// Bytes the encoding cannot decode become U+FFFD, each invalid byte of
// UTF-8 input one U+FFFD; Undecodable tells where, and Suggest which
// encoding would have read them. A leading UTF-8 or UTF-16 byte order mark
// is dropped.
func NewDecodingReader(r io.Reader, name string) (*DecodingReader, error) {
	canon, ok := EncodingName(name)
	if !ok {
		return nil, fmt.Errorf("zhnorm: unknown encoding %q (encodings: %s)", name, strings.Join(Encodings, ", "))
	}
	d := &DecodingReader{Encoding: canon, br: bufio.NewReaderSize(r, sniffSize)}
	if canon == "auto" {
		d.Encoding = "utf-8"
		d.counter = &undecodableCounter{utf8: true}
		return d, nil
	}
	d.pick(canon)
	return d, nil
}

// pick sets up the decoder for the named encoding, from the reader's
// position on.
func (d *DecodingReader) pick(name string) {
	d.Encoding = name
	enc := lookupEncoding(name)
	c := &undecodableCounter{utf8: enc == nil}
	if d.counter != nil {
		c.line, c.n, c.lines, c.moreLines = d.counter.line, d.counter.n, d.counter.lines, d.counter.moreLines
	}
	d.counter = c
	if enc == nil {
		// Count invalid UTF-8 in the input, where it can be seen, then
		// replace it.
		d.r = transform.NewReader(&countReader{d.br, c}, &validUTF8{bom: d.offset == 0})
		return
	}
	d.r = &countReader{transform.NewReader(d.br, enc.NewDecoder()), c}
}

func lookupEncoding(name string) encoding.Encoding {
	switch name {
	case "gb18030":
		return simplifiedchinese.GB18030
	case "gbk":
		return simplifiedchinese.GBK
	case "big5":
		return traditionalchinese.Big5
	case "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf-16be":
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	}
	return nil // utf-8
}

// Read implements io.Reader.
func (d *DecodingReader) Read(p []byte) (int, error) {
	if d.r != nil {
		return d.r.Read(p)
	}
	// "auto" before its pick: pass ASCII through, which reads the same in
	// every encoding it picks from, up to the first other byte.
	if len(p) == 0 {
		return 0, nil
	}
	if d.br.Buffered() == 0 {
		if _, err := d.br.Peek(1); err != nil {
			return 0, err
		}
	}
	buf, _ := d.br.Peek(min(d.br.Buffered(), len(p)))
	n := 0
	for n < len(buf) && buf[n] < utf8.RuneSelf {
		n++
	}
	if n == 0 {
		sample, _ := d.br.Peek(sniffSize)
		name := DetectEncoding(sample)
		if d.offset > 0 && strings.HasPrefix(name, "utf-16") {
			// Not at the start, so not a byte order mark.
			name = detectLegacy(sample)
		}
		d.pick(name)
		return d.r.Read(p)
	}
	copy(p, buf[:n])
	d.br.Discard(n)
	d.offset += int64(n)
	d.counter.count(p[:n])
	return n, nil
}

// Undecodable returns the number of bytes or sequences that did not decode
// and the lines (1-based, at most 100) where they stand, in what was read
// so far.
func (d *DecodingReader) Undecodable() (n int, lines []int) {
	return d.counter.n, d.counter.lines
}

// UndecodableLinesOmitted returns the number of lines with bytes that did
// not decode beyond the 100 that Undecodable lists.
func (d *DecodingReader) UndecodableLinesOmitted() int { return d.counter.moreLines }

// Suggest returns the encoding that reads the first bytes that did not
// decode as UTF-8, when UTF-8 was in use and another encoding reads them as
// Chinese text; else "".
func (d *DecodingReader) Suggest() string {
	sample := d.counter.sample
	if len(sample) == 0 {
		return ""
	}
	gb, big5 := chineseScore(sample, simplifiedchinese.GB18030), chineseScore(sample, traditionalchinese.Big5)
	switch {
	case max(gb, big5) <= 0:
		return ""
	case gb >= big5:
		return "gb18030"
	}
	return "big5"
}

// countReader counts what it reads with an undecodableCounter.
type countReader struct {
	r io.Reader
	c *undecodableCounter
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.c.count(p[:n])
	return n, err
}

// validUTF8 copies UTF-8, replacing each byte of an invalid sequence with
// U+FFFD and, with bom, dropping a leading byte order mark.
type validUTF8 struct{ bom bool }

func (v *validUTF8) Reset() {}

func (v *validUTF8) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if v.bom {
		if len(src) < 3 && !atEOF && bytes.HasPrefix([]byte("\xEF\xBB\xBF"), src) {
			return 0, 0, transform.ErrShortSrc
		}
		v.bom = false
		if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
			nSrc = 3
		}
	}
	// Valid input, the common case, is copied in one piece.
	end := len(src)
	if !atEOF {
		for k := 1; k < utf8.UTFMax && k <= end-nSrc; k++ {
			if utf8.RuneStart(src[end-k]) {
				if !utf8.FullRune(src[end-k:]) {
					end -= k
				}
				break
			}
		}
	}
	if utf8.Valid(src[nSrc:end]) {
		n := copy(dst, src[nSrc:end])
		nSrc += n
		if nSrc < end {
			return n, nSrc, transform.ErrShortDst
		}
		if end < len(src) {
			return n, nSrc, transform.ErrShortSrc
		}
		return n, nSrc, nil
	}
	for nSrc < len(src) {
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size == 1 {
			if len(dst)-nDst < 3 {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], "\uFFFD")
		} else {
			if len(dst)-nDst < size {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], src[nSrc:nSrc+size])
		}
		nSrc += size
	}
	return nDst, nSrc, nil
}

// undecodableCounter counts U+FFFD in decoded text, or invalid UTF-8 in
// UTF-8 input, by line. An encoding cut between two reads is counted once
// the rest arrives.
type undecodableCounter struct {
	utf8      bool
	line      int
	n         int
	lines     []int
	moreLines int    // lines beyond the 100 in lines
	last      int    // the last line counted, listed or not
	pending   []byte // an unfinished UTF-8 sequence at the end of a read
	sample    []byte // UTF-8 input from its first invalid byte, for Suggest
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
			if c.last != c.line+1 {
				c.last = c.line + 1
				if len(c.lines) < 100 {
					c.lines = append(c.lines, c.line+1)
				} else {
					c.moreLines++
				}
			}
			if c.utf8 && c.sample == nil {
				c.sample = append([]byte{}, b[i:min(len(b), i+256)]...)
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
	return detectLegacy(sample)
}

// detectLegacy names "gb18030" or "big5", whichever reads sample as
// Chinese text.
func detectLegacy(sample []byte) string {
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
