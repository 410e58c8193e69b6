package zhnorm

//go:generate go run gen.go

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// A Converter converts Chinese text between scripts and regional variants
// with one OpenCC config, producing what OpenCC's C++ engine produces with
// the same dictionaries.
//
// OpenCC's algorithm: the text is cut into segments by maximum forward
// matching against the config's segmentation dictionary, and each segment is
// converted on its own by every step of the config's conversion chain in
// turn. A step takes, at each position, the longest key of the first of its
// dictionaries that has a match, and writes that entry's first value.
//
// Bytes that are not valid UTF-8 are copied through unchanged and end any
// segment; so is NUL, where OpenCC would stop. A run of unmatched
// characters that later steps' phrases could join is converted in pieces of
// at most 1024 bytes (OpenCC converts it whole); ordinary text has no such
// run longer than a few characters.
//
// A Converter is stateless and safe for concurrent use. It implements
// transform.SpanningTransformer, so it streams with transform.NewReader and
// composes with transform.Chain, and needs at most 1024 bytes of look-ahead
// beyond a segment.
type Converter struct {
	t     *opencc.Table
	c     *opencc.Compiled
	alpha *opencc.Alphabet
	bmp   []uint16 // alphabet codes of U+0000–U+FFFF, one load instead of two
	info  []charInfo
	pool  string
	// The segmentation trie, when the config has one segmentation
	// dictionary (every built-in config has); nil otherwise.
	nodes   []opencc.Node
	entries []int32
	segOut  []opencc.Ref
	// Where runs of unmatched characters may be cut (Compiled.PairCut).
	pairCut  bool
	pairs0   pairSet // Compiled.Pairs0
	pairs    pairSet // Compiled.Pairs
	cutSets  []int32 // Compiled.CutSets
	pairInfo []pairInfo
}

// charInfo is what a character needs at the start of a unit, in one place:
// its own conversion and the root step of the segmentation trie.
type charInfo struct {
	ref   opencc.Ref // the chain's output for the character alone, with flags
	node  int32      // the character's node in the segmentation trie, or -1
	base  int32      // that node's Base
	entry int32      // the one-character key's entry, or -1
}

// pairInfo is what joinable asks of a character, kept apart from charInfo
// so that the hot loop's table stays small: whether the character stands
// on the left (left0) or right (right0) of a pair of Compiled.Pairs0, and
// whether a character of its CutLast range stands on the left of a pair of
// Compiled.Pairs (leftS), or one of its CutFirst range on the right
// (rightS). Most answers need no look-up.
type pairInfo struct {
	left0, right0, leftS, rightS bool
	last, first                  [2]int32 // its ranges in Compiled.CutSets
}

// joinable reports whether a multi-character rule of some step can join
// the character x (of code xc) to the character y after it in a run (see
// Compiled.PairCut).
func (c *Converter) joinable(xc int32, yc int32) bool {
	x, y := &c.pairInfo[xc], &c.pairInfo[yc]
	if x.left0 && y.right0 && c.pairs0.has(xc, yc) {
		return true
	}
	if x.leftS && y.rightS {
		for _, a := range c.cutSets[x.last[0]:x.last[1]] {
			for _, b := range c.cutSets[y.first[0]:y.first[1]] {
				if c.pairs.has(a, b) {
					return true
				}
			}
		}
	}
	return false
}

var _ transform.SpanningTransformer = (*Converter)(nil)

// builtinConverters holds the Converter of each built-in config in use.
var builtinConverters sync.Map

// Config names a conversion.
type Config struct {
	Name        string // what NewConverter takes, such as "s2twp"
	Description string // OpenCC's own description
}

// Configs lists the conversions NewConverter knows, in OpenCC's order.
func Configs() []Config {
	b, err := opencc.Builtin()
	if err != nil {
		return nil
	}
	cs := make([]Config, len(b.Names))
	for i := range b.Names {
		cs[i] = Config{b.Names[i], b.Descs[i]}
	}
	return cs
}

// NewConverter returns the converter for one of OpenCC's configs: s2t, t2s,
// s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp, t2tw, tw2t, t2hk, hk2t, t2jp, jp2t
// and s2hk-finance (Configs lists them). The name may carry OpenCC's ".json".
// Its tables are decoded the first time a config is asked for; later calls
// return the same Converter.
func NewConverter(name string) (*Converter, error) {
	b, err := opencc.Builtin()
	if err != nil {
		return nil, fmt.Errorf("zhnorm: built-in tables: %v", err)
	}
	name = strings.TrimSuffix(name, ".json")
	if c, ok := builtinConverters.Load(name); ok {
		return c.(*Converter), nil
	}
	for _, n := range b.Names {
		if n == name {
			t, err := b.Load(name)
			if err != nil {
				return nil, fmt.Errorf("zhnorm: config %s: %v", name, err)
			}
			c, _ := builtinConverters.LoadOrStore(name, newConverter(t, &t.Configs[0]))
			return c.(*Converter), nil
		}
	}
	return nil, fmt.Errorf("zhnorm: unknown config %q; valid configs: %s", name, strings.Join(b.Names, ", "))
}

// LoadConfig reads an OpenCC JSON config and the text dictionaries it names,
// relative to the config's folder, so that newer OpenCC data or a user's own
// phrases convert with the same engine. A dictionary of type "ocd2" or "ocd"
// is read from the text file of the same base name (STPhrases.ocd2 from
// STPhrases.txt). Dictionary lines follow OpenCC's format: "key<TAB>value
// [value…]". Errors name the file and, for malformed content, the line.
func LoadConfig(path string) (*Converter, error) {
	c, dicts, err := opencc.LoadConfig(path)
	if err != nil {
		return nil, fmt.Errorf("zhnorm: %v", err)
	}
	t, err := opencc.Build([]*opencc.Config{c}, dicts)
	if err != nil {
		return nil, fmt.Errorf("zhnorm: %s: %v", path, err)
	}
	return newConverter(t, &t.Configs[0]), nil
}

func newConverter(t *opencc.Table, c *opencc.Compiled) *Converter {
	cv := &Converter{t: t, c: c, alpha: &t.Alpha, pool: t.Pool}
	if len(t.Alpha.Blocks)>>7 <= 1<<16 && len(c.Chars) <= 1<<16 {
		cv.bmp = make([]uint16, 1<<16)
		for hi, blk := range t.Alpha.Index[:1<<16>>7] {
			if blk == 0 {
				continue
			}
			for lo, code := range t.Alpha.Blocks[int(blk)<<7 : int(blk+1)<<7] {
				cv.bmp[hi<<7|lo] = uint16(code)
			}
		}
	}
	var seg *opencc.Trie
	if len(c.Seg) == 1 {
		seg = t.Dicts[c.Seg[0]]
		cv.nodes, cv.entries, cv.segOut = seg.Nodes, seg.Entry, c.SegOut[0]
	}
	n := len(c.Chars)
	left0, right0, leftS, rightS := make([]bool, n), make([]bool, n), make([]bool, n), make([]bool, n)
	if c.PairCut {
		cv.pairCut, cv.cutSets = true, c.CutSets
		cv.pairInfo = make([]pairInfo, n)
		cv.pairs0, cv.pairs = newPairSet(c.Pairs0), newPairSet(c.Pairs)
		mark := func(pairs []uint64, l, r []bool) {
			for _, p := range pairs {
				if a, b := int(p>>32), int(uint32(p)); a < n && b < n {
					l[a], r[b] = true, true
				}
			}
		}
		mark(c.Pairs0, left0, right0)
		mark(c.Pairs, leftS, rightS)
	}
	cv.info = make([]charInfo, len(c.Chars))
	for code, ref := range c.Chars {
		inf := charInfo{ref: ref, node: -1, entry: -1}
		if code == 0 {
			inf.ref = opencc.Same | opencc.Isolated
		}
		// The root's Base is 0: its child for a code is the slot of that
		// number.
		if seg != nil && code > 0 && seg.Child(0, int32(code)) == int32(code) {
			inf.node = int32(code)
			inf.base = seg.Nodes[code].Base
			inf.entry = seg.Entry[code]
		}
		cv.info[code] = inf
		if c.PairCut {
			pi := pairInfo{left0: left0[code], right0: right0[code],
				last:  [2]int32{c.CutLast[code], c.CutLast[code+1]},
				first: [2]int32{c.CutFirst[code], c.CutFirst[code+1]}}
			anyIn := func(set []int32, in []bool) bool {
				for _, x := range set {
					if int(x) < n && in[x] {
						return true
					}
				}
				return false
			}
			pi.leftS = anyIn(c.CutSets[pi.last[0]:pi.last[1]], leftS)
			pi.rightS = anyIn(c.CutSets[pi.first[0]:pi.first[1]], rightS)
			cv.pairInfo[code] = pi
		}
	}
	return cv
}

// Name returns the config's name, such as "s2twp".
func (c *Converter) Name() string { return c.c.Name }

// Description returns the config's description.
func (c *Converter) Description() string { return c.c.Description }

// Convert returns s converted. It returns s itself, allocating nothing, when
// the conversion changes nothing, and allocates once otherwise.
func (c *Converter) Convert(s string) string {
	n, _ := span(c, s, true)
	if n == len(s) {
		return s
	}
	// The output is about as long as the input: most conversions replace a
	// character by one of the same UTF-8 length.
	b := make([]byte, 0, len(s)+len(s)>>4+64)
	b = appendConvert(c, append(b, s[:n]...), s[n:])
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// String is Convert, under the name x/text's transformers use.
func (c *Converter) String(s string) string { return c.Convert(s) }

// Bytes returns b converted, in a new slice.
func (c *Converter) Bytes(b []byte) []byte {
	n, _ := span(c, b, true)
	out := make([]byte, 0, len(b)+len(b)>>4+64)
	return appendConvert(c, append(out, b[:n]...), b[n:])
}

// Reset does nothing: a Converter keeps no state between calls.
func (c *Converter) Reset() {}

// Span implements transform.SpanningTransformer: it returns the length of
// the prefix of src that conversion leaves unchanged.
func (c *Converter) Span(src []byte, atEOF bool) (n int, err error) {
	return span(c, src, atEOF)
}

// Transform implements transform.Transformer.
func (c *Converter) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if c.nodes != nil {
		out, n, err := convert1(c, dst[:0:len(dst)], src, atEOF, true, false)
		return len(out), n, err
	}
	same := 0 // src[same:p] converts to itself and is not yet written
	p := 0
	flush := func() bool {
		if len(dst)-nDst < p-same {
			return false
		}
		nDst += copy(dst[nDst:], src[same:p])
		same = p
		return true
	}
	var code int32
	var size int
	for p < len(src) {
		end, ref, kind, ncode, nsize := unitAt(c, src, p, atEOF, code, size)
		code, size = ncode, nsize
		switch kind {
		case unitSame:
			if room := len(dst) - nDst; end-same > room {
				if src[p] < utf8.RuneSelf && same+room > p {
					// Inside a run of ASCII every byte is a unit.
					p = same + room
				}
				flush()
				return nDst, p, transform.ErrShortDst
			}
			p = end
			continue
		case unitShort:
			if !flush() {
				return nDst, same, transform.ErrShortDst
			}
			return nDst, p, transform.ErrShortSrc
		}
		if !flush() {
			return nDst, same, transform.ErrShortDst
		}
		if kind == unitOut {
			if ref.End()-ref.Off() > len(dst)-nDst {
				return nDst, p, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], c.pool[ref.Off():ref.End()])
		} else {
			// Capped at len(dst), the append writes in place or, when the
			// output does not fit, into a new array that is dropped.
			out := opencc.AppendChain(c.t, dst[nDst:nDst:len(dst)], src[p:end], c.c.Stages)
			if len(out) > len(dst)-nDst {
				return nDst, p, transform.ErrShortDst
			}
			nDst += len(out)
		}
		p, same = end, end
	}
	if !flush() {
		return nDst, same, transform.ErrShortDst
	}
	return nDst, p, nil
}

func appendConvert[S opencc.Text](c *Converter, dst []byte, src S) []byte {
	if c.nodes != nil {
		dst, _, _ = convert1(c, dst, src, true, false, false)
		return dst
	}
	same := 0
	var code int32
	var size int
	for p := 0; p < len(src); {
		end, ref, kind, ncode, nsize := unitAt(c, src, p, true, code, size)
		code, size = ncode, nsize
		switch kind {
		case unitSame:
			p = end
			continue
		case unitOut:
			dst = append(append(dst, src[same:p]...), c.pool[ref.Off():ref.End()]...)
		default:
			dst = opencc.AppendChain(c.t, append(dst, src[same:p]...), src[p:end], c.c.Stages)
		}
		p, same = end, end
	}
	return append(dst, src[same:]...)
}

// convert1 converts src for a config with one segmentation dictionary, the
// hot path, written out in one loop. It appends to dst; with bounded set it
// never grows dst past its capacity and stops with transform.ErrShortDst
// before a unit whose output does not fit. Without atEOF it stops with
// transform.ErrShortSrc before a unit that the end of src leaves undecided.
// nSrc is how much of src it converted. With spanOnly it writes nothing and
// stops with transform.ErrEndOfSpan before the first unit that changes: Span.
func convert1[S opencc.Text](c *Converter, dst []byte, src S, atEOF, bounded, spanOnly bool) (out []byte, nSrc int, err error) {
	nodes, entries, info, segOut, pool := c.nodes, c.entries, c.info, c.segOut, c.pool
	var code int32
	var size int
	p := 0
	for p < len(src) {
		if size == 0 {
			if b := src[p]; b < utf8.RuneSelf && c.c.ASCIIInert[b>>6]&(1<<(b&63)) != 0 {
				q := p + 1
				for q < len(src) && src[q] < utf8.RuneSelf && c.c.ASCIIInert[src[q]>>6]&(1<<(src[q]&63)) != 0 {
					q++
				}
				if spanOnly {
					p = q
					continue
				}
				if bounded && cap(dst)-len(dst) < q-p {
					// Every byte of the run is a unit of its own.
					q = p + cap(dst) - len(dst)
					return append(dst, src[p:q]...), q, transform.ErrShortDst
				}
				dst = append(dst, src[p:q]...)
				p = q
				continue
			}
			if code, size = codeAt(c, src, p); size == 0 {
				if !atEOF {
					return dst, p, transform.ErrShortSrc
				}
				size = 1 // a truncated encoding at the end: one invalid byte
			}
		}
		if code == 0 {
			// In no key: copied as it is.
			if spanOnly {
				p, size = p+size, 0
				continue
			}
			if bounded && cap(dst)-len(dst) < size {
				return dst, p, transform.ErrShortDst
			}
			dst = append(dst, src[p:p+size]...)
			p, size = p+size, 0
			continue
		}
		inf := &info[code]
		q := p + size
		e, end := inf.entry, q
		var ncode int32
		nsize := 0
		if node := inf.node; node >= 0 {
			base := inf.base
			for {
				if q == len(src) {
					if !atEOF {
						return dst, p, transform.ErrShortSrc
					}
					break
				}
				c2, s2 := codeAt(c, src, q)
				if s2 == 0 && !atEOF {
					return dst, p, transform.ErrShortSrc
				}
				next := base + c2
				if c2 == 0 || uint(next) >= uint(len(nodes)) || nodes[next].Check&^termBit != uint32(node) {
					if end == q {
						ncode, nsize = c2, s2
					}
					break
				}
				node, base = next, nodes[next].Base
				q += s2
				if nodes[node].Check&termBit != 0 {
					e, end = entries[node], q
				}
			}
		}
		var ref opencc.Ref
		switch {
		case e >= 0:
			ref = segOut[e]
		case inf.ref&opencc.Isolated != 0:
			ref = inf.ref
		default:
			var short bool
			end, short, ncode, nsize = runEnd(c, src, p, code, size, atEOF)
			if short {
				return dst, p, transform.ErrShortSrc
			}
			if end > p+size {
				if spanOnly {
					// Whether a run converts to itself takes converting
					// it; runs are rare, so Span stops short of them.
					return dst, p, transform.ErrEndOfSpan
				}
				l := len(dst)
				// Capped at the capacity, the append writes in place or,
				// when the output does not fit, into a new array.
				out := opencc.AppendChain(c.t, dst[:l:cap(dst)], src[p:end], c.c.Stages)
				if bounded && len(out) > cap(dst) {
					return dst, p, transform.ErrShortDst
				}
				dst = out
				p, code, size = end, ncode, nsize
				continue
			}
			// A run of one character converts as the character alone.
			ref = inf.ref
		}
		if spanOnly {
			if ref&opencc.Same == 0 {
				return dst, p, transform.ErrEndOfSpan
			}
			p, code, size = end, ncode, nsize
			continue
		}
		// Every character in the alphabet has its output in the pool, the
		// unchanged ones too: writing it always spares a branch that the
		// text decides half the time.
		o, n := ref.Off(), ref.End()-ref.Off()
		if l := len(dst); n == 3 && cap(dst)-l >= 3 {
			dst = dst[:l+3]
			dst[l], dst[l+1], dst[l+2] = pool[o], pool[o+1], pool[o+2]
		} else {
			if bounded && cap(dst)-l < n {
				return dst, p, transform.ErrShortDst
			}
			dst = append(dst, pool[o:o+n]...)
		}
		p, code, size = end, ncode, nsize
	}
	return dst, p, nil
}

func span[S opencc.Text](c *Converter, src S, atEOF bool) (int, error) {
	if c.nodes != nil {
		_, n, err := convert1(c, nil, src, atEOF, false, true)
		return n, err
	}
	var code int32
	var size int
	for p := 0; p < len(src); {
		end, _, kind, ncode, nsize := unitAt(c, src, p, atEOF, code, size)
		code, size = ncode, nsize
		switch kind {
		case unitSame:
			p = end
		case unitShort:
			return p, transform.ErrShortSrc
		default:
			return p, transform.ErrEndOfSpan
		}
	}
	return len(src), nil
}

const (
	unitSame  = iota // src[p:end] converts to itself
	unitOut          // src[p:end] converts to the pool string ref
	unitRun          // src[p:end] converts through the whole chain
	unitShort        // more input is needed to tell
)

// unitAt finds the conversion unit that starts at src[p]: a matched
// segment, a character that converts on its own, or a run of unmatched
// characters that later steps' phrases may join. When size > 0, code and
// size describe the character at p already; when nsize > 0 on return, ncode
// and nsize describe the character at end.
func unitAt[S opencc.Text](c *Converter, src S, p int, atEOF bool, code int32, size int) (end int, ref opencc.Ref, kind int, ncode int32, nsize int) {
	if size == 0 {
		b := src[p]
		if b < utf8.RuneSelf && c.c.ASCIIInert[b>>6]&(1<<(b&63)) != 0 {
			q := p + 1
			for q < len(src) && src[q] < utf8.RuneSelf && c.c.ASCIIInert[src[q]>>6]&(1<<(src[q]&63)) != 0 {
				q++
			}
			return q, 0, unitSame, 0, 0
		}
		if code, size = codeAt(c, src, p); size == 0 {
			if !atEOF {
				return 0, 0, unitShort, 0, 0
			}
			size = 1
		}
	}
	if code == 0 {
		return p + size, 0, unitSame, 0, 0
	}
	inf := &c.info[code]
	if inf.ref&opencc.SegStart != 0 {
		var e int32
		var which int
		var short bool
		if c.nodes != nil {
			e, end, short, ncode, nsize = segMatch1(c, src, p, code, size, inf, atEOF)
		} else {
			e, which, end, short = segMatch(c, src, p, code, size, atEOF)
		}
		if short {
			return 0, 0, unitShort, 0, 0
		}
		if e >= 0 {
			if c.nodes != nil {
				ref = c.segOut[e]
			} else {
				ref = c.c.SegOut[which][e]
			}
			if ref&opencc.Same != 0 {
				return end, 0, unitSame, ncode, nsize
			}
			return end, ref, unitOut, ncode, nsize
		}
	}
	if inf.ref&opencc.Isolated != 0 {
		if end != p+size {
			nsize = 0
		}
		if inf.ref&opencc.Same != 0 {
			return p + size, 0, unitSame, ncode, nsize
		}
		return p + size, inf.ref, unitOut, ncode, nsize
	}
	q, short, _, _ := runEnd(c, src, p, code, size, atEOF)
	if short {
		return 0, 0, unitShort, 0, 0
	}
	if q == p+size {
		// A run of one character converts as the character alone.
		if inf.ref&opencc.Same != 0 {
			return q, 0, unitSame, 0, 0
		}
		return q, inf.ref, unitOut, 0, 0
	}
	return q, 0, unitRun, 0, 0
}

// runEnd returns the end of the run of unmatched characters that starts at
// src[p] with a character that is not Isolated.
//
// When the run ends on a character that was decoded, ncode and nsize
// describe it.
func runEnd[S opencc.Text](c *Converter, src S, p int, code int32, size int, atEOF bool) (end int, short bool, ncode int32, nsize int) {
	q := p + size
	lastCode := code // the run's last character
	for q-p < c.c.RunLimit {
		if q == len(src) {
			return q, !atEOF, 0, 0
		}
		code, size := codeAt(c, src, q)
		if size == 0 {
			if !atEOF {
				return 0, true, 0, 0
			}
			break
		}
		inf := &c.info[code]
		if inf.ref&opencc.Isolated != 0 {
			return q, false, code, size
		}
		if c.pairCut && !c.joinable(lastCode, code) {
			return q, false, code, size
		}
		if inf.ref&opencc.SegStart != 0 {
			var e int32
			var short bool
			if c.nodes != nil {
				e, _, short, _, _ = segMatch1(c, src, q, code, size, inf, atEOF)
			} else {
				e, _, _, short = segMatch(c, src, q, code, size, atEOF)
			}
			if short {
				return 0, true, 0, 0
			}
			if e >= 0 {
				return q, false, code, size
			}
		}
		q += size
		lastCode = code
	}
	return q, false, 0, 0
}

// pairSet is a set of code pairs, open addressing: a run's every character
// asks it, and a Go map costs twice as much.
type pairSet []uint64

func newPairSet(pairs []uint64) pairSet {
	n := 16
	for n < 4*len(pairs) {
		n *= 2
	}
	s := make(pairSet, n)
	for _, p := range pairs {
		i := s.slot(p)
		for s[i] != 0 && s[i] != p {
			i = (i + 1) & (len(s) - 1)
		}
		s[i] = p
	}
	return s
}

func (s pairSet) slot(p uint64) int {
	return int((p * 0x9E3779B97F4A7C15) >> 32 & uint64(len(s)-1))
}

// has reports whether the pair (a, b) is in the set. Codes are never 0 in a
// pair, so 0 marks an empty slot.
func (s pairSet) has(a, b int32) bool {
	p := uint64(uint32(a))<<32 | uint64(uint32(b))
	for i := s.slot(p); ; i = (i + 1) & (len(s) - 1) {
		switch s[i] {
		case p:
			return true
		case 0:
			return false
		}
	}
}

// codeAt returns the alphabet code of the character at src[p] and its
// length. Bytes that are not UTF-8 have code 0 and length 1; an encoding
// cut short by the end of src has length 0.
func codeAt[S opencc.Text](c *Converter, src S, p int) (code int32, size int) {
	var r rune
	if b0 := src[p]; b0 < utf8.RuneSelf {
		r, size = rune(b0), 1
	} else if b0&0xF0 == 0xE0 && p+2 < len(src) && src[p+1]&0xC0 == 0x80 && src[p+2]&0xC0 == 0x80 &&
		b0 != 0xE0 && b0 != 0xED {
		// Three bytes, the Han case, with the overlong (E0) and surrogate
		// (ED) lead bytes left to the full decoder.
		r, size = rune(b0&0x0F)<<12|rune(src[p+1]&0x3F)<<6|rune(src[p+2]&0x3F), 3
	} else {
		var full bool
		r, size, full = opencc.DecodeRune(src, p)
		if !full {
			return 0, 0
		}
		if r == utf8.RuneError && size == 1 {
			return 0, 1
		}
	}
	if r < 1<<16 && c.bmp != nil {
		return int32(c.bmp[r]), size
	}
	return c.alpha.Code(r), size
}

// segMatch1 is segMatch for a config with one segmentation dictionary. When
// the match ends where the walk stopped on a character, that character's
// code and size come back as ncode and nsize.
func segMatch1[S opencc.Text](c *Converter, src S, p int, code int32, size int, inf *charInfo, atEOF bool) (entry int32, end int, short bool, ncode int32, nsize int) {
	nodes := c.nodes
	entry, end = inf.entry, p+size
	node, base := code, inf.base
	q := p + size
	for {
		if q == len(src) {
			if !atEOF {
				return -1, 0, true, 0, 0
			}
			return entry, end, false, 0, 0
		}
		code, size := codeAt(c, src, q)
		if size == 0 {
			if !atEOF {
				return -1, 0, true, 0, 0
			}
			return entry, end, false, 0, 0
		}
		next := base + code
		if code == 0 || uint(next) >= uint(len(nodes)) || nodes[next].Check&^termBit != uint32(node) {
			if end == q {
				return entry, end, false, code, size
			}
			return entry, end, false, 0, 0
		}
		node, base = next, nodes[next].Base
		q += size
		if nodes[node].Check&termBit != 0 {
			entry, end = c.entries[node], q
		}
	}
}

// segMatch is OpenCC's segmentation step at src[p], whose first character
// has the given code and size: the longest key of the first segmentation
// dictionary with a match. short reports that the input ended before the
// match could be told.
func segMatch[S opencc.Text](c *Converter, src S, p int, code int32, size int, atEOF bool) (entry int32, which, end int, short bool) {
	for i, d := range c.c.Seg {
		nodes, entries := c.t.Dicts[d].Nodes, c.t.Dicts[d].Entry
		entry = -1
		node := nodes[0].Base + code
		if uint(node) >= uint(len(nodes)) || nodes[node].Check&^termBit != 0 {
			continue
		}
		q := p + size
		if nodes[node].Check&termBit != 0 {
			entry, end = entries[node], q
		}
		for {
			if q == len(src) {
				if !atEOF {
					return -1, 0, 0, true
				}
				break
			}
			code, size := codeAt(c, src, q)
			if size == 0 {
				if !atEOF {
					return -1, 0, 0, true
				}
				break
			}
			next := nodes[node].Base + code
			if code == 0 || uint(next) >= uint(len(nodes)) || nodes[next].Check&^termBit != uint32(node) {
				break
			}
			node = next
			q += size
			if nodes[node].Check&termBit != 0 {
				entry, end = entries[node], q
			}
		}
		if entry >= 0 {
			return entry, i, end, false
		}
	}
	return -1, 0, 0, false
}

const termBit = 1 << 31
