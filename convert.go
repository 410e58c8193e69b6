package zhnorm

//go:generate go run gen.go

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// A Converter converts Chinese text between scripts and regional variants
// with one OpenCC config, producing what OpenCC 1.4.2's C++ engine produces
// with the same dictionaries.
//
// OpenCC's algorithm: the config's normalization maps the text first (CJK
// compatibility ideographs to their unified forms); the text is cut into
// segments by maximum forward matching against the config's segmentation
// dictionary, or taken whole when the config has none, and each segment is
// converted on its own by every step of the config's conversion chain in
// turn. A step takes, at each position, the longest match of its
// dictionary group (a short_circuit group: of the first dictionary with a
// match; a union group: of all) and writes that entry's first value; where
// nothing matches, it copies an ideographic description sequence (⿰氵青)
// whole, or one character.
//
// Bytes that are not valid UTF-8 are copied through unchanged and end any
// segment; so is NUL, where OpenCC would drop the rest of the segment. A
// run of unmatched characters that later steps' phrases could join is
// converted in pieces of at most 1024 bytes (OpenCC converts it whole);
// ordinary text has no such run longer than a few characters.
//
// A Converter is stateless and safe for concurrent use. It implements
// transform.SpanningTransformer, so it streams with transform.NewReader and
// composes with transform.Chain, and needs at most 1024 bytes of look-ahead
// beyond a segment. NewConverter and LoadConfig make Converters; the zero
// Converter converts nothing: its output is its input.
type Converter struct {
	t     *opencc.Table
	c     *opencc.Compiled
	alpha *opencc.Alphabet
	bmp   *[1 << 16]uint16 // alphabet codes of U+0000–U+FFFF, one load instead of two
	info  []charInfo
	hot   []hotInfo // per code, all that plainRun reads; every code of bmp is within it
	// dense: the segmentation trie has more slots than twice the
	// alphabet, and its keys start with most characters of a text
	// (STPhrases; TSPhrases has fewer slots than the alphabet).
	// plainSpanDense then asks filter whether a key may start at a
	// character, and skips the question of which characters start keys,
	// a branch the text decides.
	dense bool
	// filter (the keyFilter of a dense trie, and the joinFilter of a
	// config with runs) is built once the Converter has converted
	// filterAfter bytes (the configs that share a trie sharing its
	// keyFilter), so that a program that converts a few pages does not
	// pay for it. Until then, plainSpanSparse, without the joinFilter.
	filter     atomic.Pointer[scanFilters]
	filterOnce sync.Once
	converted  atomic.Int64
	pool       string
	// The normalization (opencc.Table.Alias), when the config has one:
	// bmp maps a character to the code of its normal form; aliasCode does
	// for the rest; aliased marks the characters it changes, aliasLead
	// their first bytes.
	aliasCode map[rune]int32
	aliased   []uint64 // a bit per code point below U+10000
	aliasedHi map[rune]bool
	aliasLead [256]bool
	// The segmentation trie, when the config has one segmentation
	// dictionary (every built-in config has); nil otherwise.
	nodes   []opencc.Node
	entries []int32
	segOut  []opencc.Ref
	// Where runs of unmatched characters may be cut (Compiled.PairCut).
	pairCut bool
	// plainRuns: some plain characters are not Isolated (see plainChar).
	plainRuns bool
	pairs0    pairSet // Compiled.Pairs0
	pairs     pairSet // Compiled.Pairs
	cutSets   []int32 // Compiled.CutSets
	pairInfo  []pairInfo
	// scanGo, set by tests, has the Converter convert with the loops in
	// Go where there are loops in assembly (scanAsm), so that each is
	// tested against the other.
	scanGo bool
}

// charInfo is what a character needs at the start of a unit: its own
// conversion, with flags; hotInfo holds the rest. With one segmentation
// dictionary, a character flagged SegStart has the root's child for its
// code at the slot of that number (the root's Base is 0).
type charInfo struct {
	ref opencc.Ref // the chain's output for the character alone, with flags
}

const out3Valid = 1 << 24

// hotInfo is the rest of what a character needs at the start of a unit,
// and all that plainRun reads, in eight bytes so that more of the table
// stays in the processor's first cache.
type hotInfo struct {
	// out3 holds ref's string when it is one character of three bytes
	// (most Han characters), in its low bytes, with out3Valid: no look in
	// the pool, and an aligned piece of a map where the character is of
	// three bytes too; and flags in its high byte.
	out3 uint32
	base int32 // the Base of the character's node in the segmentation trie
}

// The flags of hotInfo.out3 beside out3Valid: plainChar, SegStart,
// Isolated or IDSStart (the character ends a run before it, and a plain
// one is never IDSStart), and the character's pairInfo.
const (
	hotPlain = out3Valid << (1 + iota)
	hotSegStart
	hotIsolated
	hotLeft0
	hotRight0
	hotLeftS
	hotRightS
)

// segKey1 flags, in charInfo.ref, a character that is a segmentation key on
// its own, so that a walk that fails at the next character need not look
// up its entry.
const segKey1 = opencc.IDSStart << 1

// plainChar flags, in charInfo.ref, a character that convert1's inner loop
// converts on its own when no segmentation key goes on from it to the next
// character: one with out3, not a key on its own, not an ideographic
// description character, and Isolated or, when runs are cut at pairs that
// cannot join (Compiled.PairCut), a run of its own unless the next
// character joins it (see runEnd); Converter.plainRuns says whether any
// character is of the second kind.
const plainChar = segKey1 << 1

// plainIsolated and plainRuns are the two kinds of plainRun: for configs
// whose plain characters are all Isolated, and for the others, which ask
// whether the next character joins a run. They differ in size, so that
// plainRun is compiled twice, and the first without the question.
type (
	plainIsolated struct{}
	plainRuns     struct{ _ byte }
)

// pairInfo is what joinable asks of a character, kept apart from charInfo
// so that the hot loop's table stays small: whether the character stands
// on the left (left0) or right (right0) of a pair of Compiled.Pairs0, and
// whether a character of its CutLast range stands on the left of a pair of
// Compiled.Pairs (leftS), or one of its CutFirst range on the right
// (rightS). Most answers need no look-up.
type pairInfo uint8

const (
	left0 pairInfo = 1 << iota
	right0
	leftS
	rightS
)

// joinable reports whether a multi-character rule of some step can join
// the character x (of code xc) to the character y after it in a run (see
// Compiled.PairCut).
func (c *Converter) joinable(xc int32, yc int32) bool {
	x, y := c.pairInfo[xc], c.pairInfo[yc]
	if x&left0 != 0 && y&right0 != 0 && c.pairs0.has(xc, yc) {
		return true
	}
	if x&leftS != 0 && y&rightS != 0 {
		last, first := c.c.CutLast, c.c.CutFirst
		for _, a := range c.cutSets[last[xc]:last[xc+1]] {
			for _, b := range c.cutSets[first[yc]:first[yc+1]] {
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
	var cs []Config
	for i, n := range b.Names {
		if !strings.HasSuffix(n, opencc.NoTofu) {
			cs = append(cs, Config{n, b.Descs[i]})
		}
	}
	return cs
}

// A ConverterOption changes the dictionaries a Converter converts with.
type ConverterOption func(*converterOptions)

type converterOptions struct{ noTofu bool }

// WithoutTofuRisk leaves out the dictionaries that a config marks
// "may_output_tofu", as OpenCC's command does unless it is given
// --include-tofu-risk-dictionaries. In OpenCC 1.4.2's configs that is
// TSCharactersExt (in t2s, tw2s, tw2sp, hk2s and hk2sp): rare Simplified
// forms that common fonts cannot show, such as 𫝈 for 㑮. By default they
// are included, as OpenCC's library includes them.
func WithoutTofuRisk() ConverterOption {
	return func(o *converterOptions) { o.noTofu = true }
}

// NewConverter returns the converter for one of the built-in configs:
// OpenCC 1.4.2's s2t, t2s, s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp, t2tw, tw2t,
// t2hk, hk2t, t2jp, jp2t, s2hkp and hk2sp, with OpenCC 1.4.2's dictionaries,
// and s2hk-finance (Configs lists them). The name may carry OpenCC's
// ".json". Its tables are decoded the first time a config is asked for;
// later calls return the same Converter.
func NewConverter(name string, opts ...ConverterOption) (*Converter, error) {
	var o converterOptions
	for _, f := range opts {
		f(&o)
	}
	b, err := opencc.Builtin()
	if err != nil {
		return nil, fmt.Errorf("zhnorm: built-in tables: %v", err)
	}
	name = strings.TrimSuffix(name, ".json")
	if strings.HasSuffix(name, opencc.NoTofu) {
		return nil, fmt.Errorf("zhnorm: unknown config %q; valid configs: %s", name, configNames())
	}
	key := name
	if o.noTofu && slices.Contains(b.Names, name+opencc.NoTofu) {
		key = name + opencc.NoTofu
	}
	if c, ok := builtinConverters.Load(key); ok {
		return c.(*Converter), nil
	}
	if !slices.Contains(b.Names, key) {
		return nil, fmt.Errorf("zhnorm: unknown config %q; valid configs: %s", name, configNames())
	}
	t, err := b.Load(key)
	if err != nil {
		return nil, fmt.Errorf("zhnorm: config %s: %v", name, err)
	}
	c, _ := builtinConverters.LoadOrStore(key, newConverter(t, &t.Configs[0]))
	return c.(*Converter), nil
}

func configNames() string {
	var names []string
	for _, c := range Configs() {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

// DataVersion is the version of OpenCC whose data the built-in configs
// hold, such as "1.4.2".
func DataVersion() string {
	b, err := opencc.Builtin()
	if err != nil {
		return ""
	}
	return b.Version
}

// LoadConfig reads an OpenCC JSON config and the text dictionaries it names,
// so that newer OpenCC data or a user's own phrases convert with the same
// engine. It reads OpenCC 1.4's format (optional segmentation, a
// normalization chain, groups with match_policy "short_circuit" or
// "union", may_output_tofu, inline dictionaries) and 1.1's.
//
// A dictionary is looked for in the config's folder, then in the folder
// "dictionary" beside it, as OpenCC's source tree has them
// (data/config/s2t.json, data/dictionary/STPhrases.txt). A dictionary of
// type "ocd2" or "ocd" is read from the text file of the same base name
// (STPhrases.ocd2 from STPhrases.txt). The dictionaries OpenCC generates
// when it builds (TWVariantsRev and the other reversals, TSCharactersExt,
// STPhrases_GeneratedFromRegionalPhrases) are derived from their sources
// the same way when their text files are absent. Dictionary lines follow
// OpenCC's format: "key<TAB>value [value…]", "#" starting a comment line.
// Errors name the config and the file, and for malformed content the line.
//
// The normalization chain must map single characters to single
// characters, as OpenCC's (CJK compatibility ideographs to their unified
// forms) does; a segmentation plugin is an error.
func LoadConfig(path string, opts ...ConverterOption) (*Converter, error) {
	var o converterOptions
	for _, f := range opts {
		f(&o)
	}
	c, dicts, err := opencc.LoadConfig(path)
	if err != nil {
		return nil, fmt.Errorf("zhnorm: %v", err)
	}
	if o.noTofu {
		c = c.WithoutTofu()
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
		cv.bmp = bmpOf(t)
	}
	if len(t.Alias) > 0 {
		cv.aliasCode = map[rune]int32{}
		cv.aliased = make([]uint64, 1<<16/64)
		cv.aliasedHi = map[rune]bool{}
		for _, a := range t.Alias {
			from, to := rune(a>>32), rune(uint32(a))
			code := t.Alpha.Code(to)
			if from < 1<<16 {
				cv.aliased[from>>6] |= 1 << (from & 63)
			} else {
				cv.aliasedHi[from] = true
			}
			if from >= 1<<16 || from < 0x800 || cv.bmp == nil {
				cv.aliasCode[from] = code
			}
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], from)
			cv.aliasLead[buf[0]] = true
		}
	}
	var seg *opencc.Trie
	if len(c.Seg) == 1 && c.Seg[0] >= 0 {
		seg = t.Dicts[c.Seg[0]]
		cv.nodes, cv.entries, cv.segOut = seg.Nodes, seg.Entry, c.SegOut[0]
		cv.dense = len(seg.Nodes) > 2*len(c.Chars)
	}
	n := len(c.Chars)
	isLeft0, isRight0, isLeftS, isRightS := make([]bool, n), make([]bool, n), make([]bool, n), make([]bool, n)
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
		mark(c.Pairs0, isLeft0, isRight0)
		mark(c.Pairs, isLeftS, isRightS)
	}
	cv.info = make([]charInfo, len(c.Chars))
	// The inner loops index hot with the codes of bmp without a bound:
	// every one must be within it (they are, in a table that is not
	// corrupt; a larger one is zero there, not plain).
	nHot := len(c.Chars)
	if cv.bmp != nil {
		nHot = max(nHot, int(slices.Max(cv.bmp[:]))+1)
	}
	cv.hot = make([]hotInfo, nHot)
	for code, ref := range c.Chars {
		inf, h := charInfo{ref: ref}, &cv.hot[code]
		if code == 0 {
			inf.ref = opencc.Same | opencc.Isolated
		}
		if o := ref.Off(); ref.End()-o == 3 && code > 0 && t.Pool[o]&0xF0 == 0xE0 {
			h.out3 = uint32(t.Pool[o]) | uint32(t.Pool[o+1])<<8 | uint32(t.Pool[o+2])<<16 | out3Valid
		}
		if seg != nil && inf.ref&opencc.SegStart != 0 {
			if seg.Child(0, int32(code)) != int32(code) {
				panic("zhnorm: a segmentation trie whose root's Base is not 0")
			}
			h.base = seg.Nodes[code].Base
			if seg.Entry[code] >= 0 {
				inf.ref |= segKey1
			}
		}
		cv.info[code] = inf
		if c.PairCut {
			anyIn := func(set []int32, in []bool) bool {
				for _, x := range set {
					if int(x) < n && in[x] {
						return true
					}
				}
				return false
			}
			var pi pairInfo
			for _, f := range []struct {
				on   bool
				flag pairInfo
			}{
				{isLeft0[code], left0},
				{isRight0[code], right0},
				{anyIn(c.CutSets[c.CutLast[code]:c.CutLast[code+1]], isLeftS), leftS},
				{anyIn(c.CutSets[c.CutFirst[code]:c.CutFirst[code+1]], isRightS), rightS},
			} {
				if f.on {
					pi |= f.flag
				}
			}
			cv.pairInfo[code] = pi
		}
	}
	// Code 0, the characters in no key, converts to itself: plainRun
	// writes the character's own bytes where out3Valid is not set.
	cv.info[0].ref |= plainChar
	for code := range cv.info {
		inf, h := &cv.info[code], &cv.hot[code]
		if code > 0 && inf.ref&(segKey1|opencc.IDSStart) == 0 && h.out3&out3Valid != 0 {
			if inf.ref&opencc.Isolated != 0 {
				inf.ref |= plainChar
			} else if c.PairCut {
				inf.ref |= plainChar
				cv.plainRuns = true
			}
		}
		for _, f := range []struct {
			ref opencc.Ref
			hot uint32
		}{{plainChar, hotPlain}, {opencc.SegStart, hotSegStart}, {opencc.Isolated | opencc.IDSStart, hotIsolated}} {
			if inf.ref&f.ref != 0 {
				h.out3 |= f.hot
			}
		}
		if cv.pairInfo != nil {
			h.out3 |= uint32(cv.pairInfo[code]) * hotLeft0
		}
	}
	// A trie's keyFilter, once built, serves every config that shares it
	// from the start; one with runs builds its joinFilter first, after
	// filterAfter bytes.
	if cv.dense && t.Shared && !cv.plainRuns {
		if f, ok := keyFilters.Load(unsafe.SliceData(cv.nodes)); ok {
			cv.filter.Store(&scanFilters{keys: f.(*keyFilter)})
		}
	}
	return cv
}

// bmpTables holds the table of bmpOf for each alphabet, shared by the
// configs of the built-in tables.
var bmpTables sync.Map // *int32 (the alphabet's blocks) → *[1 << 16]uint16

// bmpOf returns the codes of U+0000–U+FFFF in t's alphabet, with the
// normalization applied: one load instead of the alphabet's two.
func bmpOf(t *opencc.Table) *[1 << 16]uint16 {
	key := unsafe.SliceData(t.Alpha.Blocks)
	if v, ok := bmpTables.Load(key); ok {
		return v.(*[1 << 16]uint16)
	}
	// Only the code points of three bytes: hanCode reads the others'
	// overlong forms (E0 80 80 is U+0000) and the surrogates, which must be
	// 0, and codeAt reads them from the alphabet.
	bmp := new([1 << 16]uint16)
	for hi, blk := range t.Alpha.Index[:1<<16>>7] {
		if blk == 0 || hi < 0x800>>7 || hi >= 0xD800>>7 && hi < 0xE000>>7 {
			continue
		}
		for lo, code := range t.Alpha.Blocks[int(blk)<<7 : int(blk+1)<<7] {
			bmp[hi<<7|lo] = uint16(code)
		}
	}
	for _, a := range t.Alias {
		if from, to := rune(a>>32), rune(uint32(a)); from >= 0x800 && from < 1<<16 {
			bmp[from] = uint16(t.Alpha.Code(to))
		}
	}
	if t.Shared {
		v, _ := bmpTables.LoadOrStore(key, bmp)
		bmp = v.(*[1 << 16]uint16)
	}
	return bmp
}

// Name returns the config's name, such as "s2twp".
// It is "" for the zero Converter.
func (c *Converter) Name() string {
	if c.c == nil {
		return ""
	}
	return strings.TrimSuffix(c.c.Name, opencc.NoTofu)
}

// Description returns the config's description.
func (c *Converter) Description() string {
	if c.c == nil {
		return ""
	}
	return c.c.Description
}

// Convert returns s converted. It returns s itself, allocating nothing, when
// the conversion changes nothing, and allocates once otherwise.
func (c *Converter) Convert(s string) string {
	if c.c == nil {
		return s
	}
	n, _ := span(c, s, true)
	if n == len(s) {
		return s
	}
	// The output is about as long as the input: most conversions replace a
	// character by one of the same UTF-8 length.
	b := make([]byte, 0, len(s)+len(s)>>4+64)
	b = appendConvert(c, append(b, s[:n]...), s[n:], nil)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// String is Convert, under the name x/text's transformers use.
func (c *Converter) String(s string) string { return c.Convert(s) }

// Bytes returns b converted, in a new slice.
func (c *Converter) Bytes(b []byte) []byte {
	if c.c == nil {
		return append([]byte{}, b...)
	}
	n, _ := span(c, b, true)
	out := make([]byte, 0, len(b)+len(b)>>4+64)
	return appendConvert(c, append(out, b[:n]...), b[n:], nil)
}

// Reset does nothing: a Converter keeps no state between calls.
func (c *Converter) Reset() {}

// Span implements transform.SpanningTransformer: it returns the length of
// the prefix of src that conversion leaves unchanged.
func (c *Converter) Span(src []byte, atEOF bool) (n int, err error) {
	if c.c == nil {
		return len(src), nil
	}
	return span(c, src, atEOF)
}

// firstAliased returns the offset of the first character of src that the
// config's normalization changes, or len(src).
func firstAliased[S opencc.Text](c *Converter, src S) int {
	for p := 0; p < len(src); p++ {
		if !c.aliasLead[src[p]] {
			continue
		}
		if r, _, _ := opencc.DecodeRune(src, p); c.isAliased(r) {
			return p
		}
	}
	return len(src)
}

func (c *Converter) isAliased(r rune) bool {
	if r < 1<<16 {
		return c.aliased[r>>6]&(1<<(r&63)) != 0
	}
	return c.aliasedHi[r]
}

// appendRun appends a run of unmatched characters converted by the chain,
// after the normalization: a run holds no ideographic description
// sequence.
func appendRun[S opencc.Text](c *Converter, dst []byte, run S) []byte {
	if c.aliased != nil && firstAliased(c, run) < len(run) {
		var buf [opencc.RunLimit + utf8.UTFMax]byte
		norm := buf[:0]
		for p := 0; p < len(run); {
			r, size, _ := opencc.DecodeRune(run, p)
			if size > 1 && c.isAliased(r) {
				r, _ = c.t.AliasOf(r)
				norm = utf8.AppendRune(norm, r)
			} else {
				norm = append(norm, run[p:p+size]...)
			}
			p += size
		}
		return opencc.AppendChain(c.t, c.c, dst, norm, c.c.Stages)
	}
	return opencc.AppendChain(c.t, c.c, dst, run, c.c.Stages)
}

// Transform implements transform.Transformer.
func (c *Converter) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	return c.transform(dst, src, atEOF, nil)
}

// TransformMapped is Transform, and appends to m the pieces of the map from
// dst[:nDst] to src[:nSrc] (see OffsetMap): a character converted to one
// of the same length is aligned, a phrase (内存 → 記憶體) and a run that
// OpenCC converts as one segment are whole pieces. Called on the chunks of
// a stream in turn, it gives the map of the whole stream, the same however
// the stream is cut.
func (c *Converter) TransformMapped(dst, src []byte, atEOF bool, m *OffsetMap) (nDst, nSrc int, err error) {
	if m == nil {
		m = new(OffsetMap)
	}
	return c.transform(dst, src, atEOF, m)
}

// StringMapped returns s converted and the map from the result's byte
// offsets to those of s.
func (c *Converter) StringMapped(s string) (string, *OffsetMap) {
	m := new(OffsetMap)
	if c.c == nil {
		m.add(len(s), len(s), true)
		return s, m
	}
	b := make([]byte, 0, len(s)+len(s)>>4+64)
	b = appendConvert(c, b, s, m)
	return unsafe.String(unsafe.SliceData(b), len(b)), m
}

// transform is Transform, recording the map in m when m is not nil.
func (c *Converter) transform(dst, src []byte, atEOF bool, m *OffsetMap) (nDst, nSrc int, err error) {
	if c.c == nil {
		n := copy(dst, src)
		if m != nil {
			m.add(n, n, true)
		}
		if n < len(src) {
			return n, n, transform.ErrShortDst
		}
		return n, n, nil
	}
	if c.nodes != nil {
		var in0, out0 int
		if m != nil {
			in0, out0 = m.Len()
		}
		out, n, err := convert1(c, dst[:0:len(dst)], src, atEOF, true, false, m)
		if m != nil {
			m.alignTo(in0+n, out0+len(out))
		}
		return len(out), n, err
	}
	same := 0 // src[same:p] converts to itself and is not yet written
	p := 0
	flush := func() bool {
		if len(dst)-nDst < p-same {
			return false
		}
		nDst += copy(dst[nDst:], src[same:p])
		if m != nil {
			m.add(p-same, p-same, true)
		}
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
			if m != nil {
				m.add(end-p, ref.End()-ref.Off(), oneChar(src[p:end], c.pool[ref.Off():ref.End()]))
			}
		} else {
			// Capped at len(dst), the append writes in place or, when the
			// output does not fit, into a new array that is dropped.
			var out []byte
			if kind == unitIDS {
				out = opencc.AppendChain(c.t, c.c, dst[nDst:nDst:len(dst)], src[p:end], c.c.Stages)
			} else {
				out = appendRun(c, dst[nDst:nDst:len(dst)], src[p:end])
			}
			if len(out) > len(dst)-nDst {
				return nDst, p, transform.ErrShortDst
			}
			nDst += len(out)
			if m != nil {
				m.add(end-p, len(out), false)
			}
		}
		p, same = end, end
	}
	if !flush() {
		return nDst, same, transform.ErrShortDst
	}
	return nDst, p, nil
}

// appendConvert appends src converted to dst, and the map to m when m is not
// nil.
func appendConvert[S opencc.Text](c *Converter, dst []byte, src S, m *OffsetMap) []byte {
	if c.nodes != nil {
		var in0, out0 int
		if m != nil {
			in0, out0 = m.Len()
		}
		l := len(dst)
		dst, _, _ = convert1(c, dst, src, true, false, false, m)
		if m != nil {
			m.alignTo(in0+len(src), out0+len(dst)-l)
		}
		return dst
	}
	same := 0
	var code int32
	var size int
	for p := 0; p < len(src); {
		end, ref, kind, ncode, nsize := unitAt(c, src, p, true, code, size)
		code, size = ncode, nsize
		if kind == unitSame {
			p = end
			continue
		}
		dst = append(dst, src[same:p]...)
		l := len(dst)
		switch kind {
		case unitOut:
			dst = append(dst, c.pool[ref.Off():ref.End()]...)
		case unitIDS:
			dst = opencc.AppendChain(c.t, c.c, dst, src[p:end], c.c.Stages)
		default:
			dst = appendRun(c, dst, src[p:end])
		}
		if m != nil {
			m.add(p-same, p-same, true)
			m.add(end-p, len(dst)-l, kind == unitOut && oneChar(src[p:end], dst[l:]))
		}
		p, same = end, end
	}
	if m != nil {
		m.add(len(src)-same, len(src)-same, true)
	}
	return append(dst, src[same:]...)
}

// oneChar reports whether a unit and its output are one character each, of
// the same length: an aligned piece of the map.
func oneChar[S, T opencc.Text](unit S, out T) bool {
	if len(unit) != len(out) || len(out) == 0 {
		return false
	}
	_, n, _ := opencc.DecodeRune(unit, 0)
	_, size, _ := opencc.DecodeRune(out, 0)
	return n == len(unit) && size == len(out)
}

// convert1 converts src for a config with one segmentation dictionary, the
// hot path, written out in one loop. It appends to dst; with bounded set it
// never grows dst past its capacity and stops with transform.ErrShortDst
// before a unit whose output does not fit. Without atEOF it stops with
// transform.ErrShortSrc before a unit that the end of src leaves undecided.
// nSrc is how much of src it converted. With spanOnly it writes nothing and
// stops with transform.ErrEndOfSpan before the first unit that changes: Span.
//
// With m not nil it records in m the pieces that are not aligned; the
// caller records the aligned rest (m.alignTo), so that the hot paths, where
// characters are aligned, pay nothing for the map.
func convert1[S opencc.Text](c *Converter, dst []byte, src S, atEOF, bounded, spanOnly bool, m *OffsetMap) (out []byte, nSrc int, err error) {
	nodes, entries, info, segOut, pool, bmp := c.nodes, c.entries, c.info, c.segOut, c.pool, c.bmp
	if (c.dense || c.plainRuns) && c.filter.Load() == nil && c.converted.Add(int64(len(src))) >= filterAfter {
		c.buildFilter()
	}
	if m != nil {
		m.base(len(dst))
	}
	var code int32
	var size int
	p := 0
	for p < len(src) {
		if size == 0 && bmp != nil && !spanOnly {
			if c.plainRuns {
				dst, p = plainRun[S, plainRuns](c, dst, src, p, m == nil)
			} else {
				dst, p = plainRun[S, plainIsolated](c, dst, src, p, m == nil)
			}
			if p == len(src) {
				break
			}
		}
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
					err = transform.ErrShortDst
				}
				dst = append(dst, src[p:q]...)
				p = q
				if err != nil {
					return dst, p, err
				}
				continue
			}
			if bmp != nil {
				code, size = hanCode(bmp, src, p)
			}
			if size == 0 {
				if code, size = codeAt(c, src, p); size == 0 {
					if !atEOF {
						return dst, p, transform.ErrShortSrc
					}
					size = 1 // a truncated encoding at the end: one invalid byte
				}
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
		e, end := int32(-1), q
		var ncode int32
		nsize := 0
		if inf.ref&opencc.SegStart != 0 {
			node, base := code, c.hot[code].base
			if inf.ref&segKey1 != 0 {
				e = entries[node]
			}
			for {
				var c2 int32
				var s2 int
				if bmp != nil {
					c2, s2 = hanCode(bmp, src, q)
				}
				if s2 == 0 {
					// Not a three-byte character, or the end of src: the
					// rare case, kept off the path of the common one.
					if q == len(src) {
						if !atEOF {
							return dst, p, transform.ErrShortSrc
						}
						break
					}
					if c2, s2 = codeAt(c, src, q); s2 == 0 && !atEOF {
						return dst, p, transform.ErrShortSrc
					}
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
		case inf.ref&opencc.IDSStart != 0:
			n, incomplete := opencc.IDSLen(src, p)
			if incomplete && !atEOF {
				return dst, p, transform.ErrShortSrc
			}
			if n == 0 {
				// No sequence: the character on its own.
				ref = inf.ref
				break
			}
			if spanOnly {
				return dst, p, transform.ErrEndOfSpan
			}
			// OpenCC copies the sequence where no key matches.
			l := len(dst)
			out := opencc.AppendChain(c.t, c.c, dst[:l:cap(dst)], src[p:p+n], c.c.Stages)
			if bounded && len(out) > cap(dst) {
				return dst, p, transform.ErrShortDst
			}
			if m != nil {
				m.wholeAt(p, l, n, len(out)-l)
			}
			dst = out
			p, code, size = p+n, 0, 0
			continue
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
				out := appendRun(c, dst[:l:cap(dst)], src[p:end])
				if bounded && len(out) > cap(dst) {
					return dst, p, transform.ErrShortDst
				}
				if m != nil {
					m.wholeAt(p, l, end-p, len(out)-l)
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
		if l := len(dst); e < 0 && c.hot[code].out3&out3Valid != 0 && size == 3 && cap(dst)-l >= 3 {
			// A character of three bytes on its own, out3 valid: ref is
			// inf.ref, and the piece aligned (a code that a character of
			// another length shares, by the normalization, has out3 too).
			dst = dst[:l+3]
			o3 := c.hot[code].out3
			dst[l], dst[l+1], dst[l+2] = byte(o3), byte(o3>>8), byte(o3>>16)
			p, code, size = end, ncode, nsize
			continue
		}
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
		if m != nil && !(end-p == size && oneChar(src[p:end], pool[o:o+n]) || string(src[p:end]) == pool[o:o+n]) {
			m.wholeAt(p, len(dst)-n, end-p, n)
		}
		p, code, size = end, ncode, nsize
	}
	return dst, p, nil
}

// plainRun converts most characters: from src[p], three-byte characters
// that are in no key, or plain (see plainChar) and followed by a
// three-byte character that continues no segmentation key with them, and
// the ASCII bytes between them that no key holds (line ends); with
// phrases, also the keys of three-byte characters that start with a plain
// one (plainWalk). plainSpanDense (with a dense trie's filter built) or
// plainSpanSparse does it, in loops with few variables, so that they stay
// in registers. It returns where it stopped, at anything else, for
// convert1's main loop. It writes within dst's capacity, and without
// phrases only aligned pieces of a map.
func plainRun[S opencc.Text, K plainIsolated | plainRuns](c *Converter, dst []byte, text S, p int, phrases bool) ([]byte, int) {
	src := asString(text)
	base := unsafe.Pointer(unsafe.StringData(src))
	l := len(dst)
	var kind K
	runs := unsafe.Sizeof(kind) != 0
	filter := c.filter.Load()
	for {
		var node uint
		if filter != nil && filter.keys != nil {
			p, l, node = plainSpanDense[K](c, filter, base, len(src), dst[:cap(dst)], p, l, phrases)
		} else {
			p, l, node = plainSpanSparse[K](c, filter, base, len(src), dst[:cap(dst)], p, l)
		}
		if node == 0 || !phrases {
			break
		}
		// A segmentation key may start at p: its first two characters
		// are node.
		var matched, ok bool
		d := dst[:cap(dst)]
		if p, l, matched, ok = c.keyAt(base, len(src), d, p, l, node); !ok {
			break
		}
		if matched {
			continue
		}
		// No key goes on from the character: it converts alone.
		code := c.bmp[threeByteRune(load32(base, p))]
		h := c.hot[code]
		if runs && h.out3&hotIsolated == 0 && c.joinsNext(filter.joinsOrNil(), h.out3, code, load32(base, p+3)) {
			break
		}
		o3 := h.out3
		e := d[l : l+3 : l+3]
		e[0], e[1], e[2] = byte(o3), byte(o3>>8), byte(o3>>16)
		l += 3
		p += 3
	}
	return dst[:l], p
}

// plainSpanDense is plainRun's inner loop for tries whose keys start with
// most characters of a text (see Converter.dense), over the n bytes of
// text at base, into d (whose length is its capacity) from d[l]. It
// returns where it stopped in both, and, without phrases, when it stopped
// because a segmentation key goes on from the plain character at p to the
// next, the key's node for the two.
//
// denseScan converts the characters where filter says that no key
// starts, in a loop that calls nothing, so that its variables stay in
// registers; this loop takes the rest one at a time.
func plainSpanDense[K plainIsolated | plainRuns](c *Converter, filter *scanFilters, base unsafe.Pointer, n int, d []byte, p, l int, phrases bool) (int, int, uint) {
	if unsafe.Sizeof(*new(K)) != 0 {
		return denseRuns(c, filter, base, n, d, p, l, phrases)
	}
	bmp, hot, nodes := c.bmp, c.hot, c.nodes
	out := unsafe.Pointer(unsafe.SliceData(d))
	for {
		// p and l go on together, three bytes a character: one bound
		// for both, and the output written at p+delta.
		delta := l - p
		p = denseScan(c, filter.keys, base, out, p, min(n-9, len(d)-delta-3), delta)
		l = p + delta
		if uint(p+9) >= uint(n) || l+4 > len(d) {
			return p, l, 0
		}
		w1, w2 := load32(base, p), load32(base, p+3)
		if !isThreeByte(w1) || !isThreeByte(w2) {
			// A few units by plainSpanSparse: at a line end, the two
			// characters before it and the ASCII bytes, in one call
			// where one unit a call took three (cachegrind: s2t 3 %
			// fewer instructions, 8 % fewer mispredictions).
			q, m, next := plainSpanSparse[K](c, filter, base, min(n, p+12), d, p, l)
			if q == p || next != 0 {
				return q, m, next
			}
			p, l = q, m
			continue
		}
		c1, c2 := bmp[threeByteRune(w1)], bmp[threeByteRune(w2)]
		h := hot[c1]
		if h.out3&hotPlain == 0 {
			return p, l, 0
		}
		if next := pairNode(nodes, h, c1, c2); next != 0 {
			if !phrases {
				return p, l, next
			}
			var matched, ok bool
			if p, l, matched, ok = c.keyAt(base, n, d, p, l, next); !ok {
				return p, l, 0
			}
			if matched {
				continue
			}
			// No key goes on from the character: it converts alone.
		}
		o3 := h.out3
		if o3&out3Valid == 0 {
			o3 = w1 // code 0: in no key, the character itself
		}
		store32(out, l, o3)
		p += 3
		l += 3
	}
}

// denseRuns is plainSpanDense for configs with runs (plainRuns): one loop
// that asks joinable itself, since its characters would leave denseScan
// too often (the flags leave a fifth of the pairs of s2twp's text open);
// where there is assembly (scanAsm), denseJoinLoop converts the
// characters that the filters let through, and this loop takes the others
// one at a time.
func denseRuns(c *Converter, filter *scanFilters, base unsafe.Pointer, n int, d []byte, p, l int, phrases bool) (int, int, uint) {
	bmp, hot, nodes := c.bmp, c.hot, c.nodes
	keys, joins := filter.keys, filter.joins
	out := unsafe.Pointer(unsafe.SliceData(d))
units:
	for {
		if scanAsm && !c.scanGo {
			// The characters that convert alone, by denseJoinLoop; the
			// loop below takes the one it stops at.
			if stop := min(n-9, len(d)-(l-p)-3); p < stop {
				k := denseJoinLoop(keys, bmp, unsafe.SliceData(hot), unsafe.Add(base, p), unsafe.Add(out, l), stop-p, joins)
				p, l = p+k, l+k
			}
		}
		if uint(p+9) >= uint(n) || l+3 > len(d) {
			return p, l, 0
		}
		w1, w2 := load32(base, p), load32(base, p+3)
		if isThreeByte(w1) && isThreeByte(w2) {
			c1, c2 := bmp[threeByteRune(w1)], bmp[threeByteRune(w2)]
			// p and l go on together, three bytes a character: one bound
			// for both, and the output written at p+delta.
			delta := l - p
			stop := min(n-9, len(d)-delta-3)
			for p < stop {
				w3 := load32(base, p+6)
				if !isThreeByte(w3) {
					break
				}
				c3 := bmp[threeByteRune(w3)]
				h := hot[c1]
				if h.out3&hotPlain == 0 {
					return p, p + delta, 0
				}
				// A character that starts no key has no bits in the
				// filter: no branch on SegStart, which text decides.
				sum := filterSum(c1, c2)
				word := keys[filterWord(sum)]
				if (word>>filterEndBit(sum)|word>>filterBit(sum, uint32(c3)))&1 != 0 {
					if next := pairNode(nodes, h, c1, c2); next != 0 {
						if !phrases {
							return p, p + delta, next
						}
						// The walk and the key's output here (keyAt written
						// out: in this loop the call and its results cost a
						// few per cent of s2twp), so that the characters
						// decoded stay at hand when no key matches.
						e, end, ok := c.plainWalk(base, n, p+6, next)
						if !ok {
							return p, p + delta, 0
						}
						if e >= 0 {
							ref := c.segOut[e]
							o, k := ref.Off(), ref.End()-ref.Off()
							if l = p + delta; l+k > len(d) {
								return p, l, 0
							}
							l = writeOut(d, l, c.pool, o, k)
							p = end
							continue units
						}
						// No key goes on from the character: it converts
						// alone.
					}
				}
				// joinsNext, with the codes at hand: whether the next
				// character may join this one in a run, which the
				// filter of joinable pairs mostly answers.
				if joins.has(sum) && mayJoin(h.out3, hot[c2].out3) && c.joinable(int32(c1), int32(c2)) {
					return p, p + delta, 0
				}
				o3 := h.out3
				if o3&out3Valid == 0 {
					o3 = w1 // code 0: in no key, the character itself
				}
				// Four bytes, within d: the fourth is overwritten next.
				store32(out, p+delta, o3)
				p += 3
				if scanAsm && !c.scanGo {
					l = p + delta
					continue units
				}
				w1, c1, w2, c2 = w2, c2, w3, c3
			}
			l = p + delta
		}
		// A few units by plainSpanSparse (see plainSpanDense; here
		// a window of 16 bytes did best).
		q, m, next := plainSpanSparse[plainRuns](c, filter, base, min(n, p+16), d, p, l)
		if q == p || next != 0 {
			return q, m, next
		}
		p, l = q, m
	}
}

// denseScan is plainSpanDense's loop over the characters that convert
// alone, from text[p] at base into out[p+delta], while p < stop (denseLoop
// does it). It returns where it stopped: at a character that is not plain
// or whose next two are not of three bytes, or where the filter says that
// a key may start.
func denseScan(c *Converter, filter *keyFilter, base, out unsafe.Pointer, p, stop, delta int) int {
	if p >= stop {
		return p
	}
	src, dst := unsafe.Add(base, p), unsafe.Add(out, p+delta)
	if scanAsm && c.scanGo {
		return p + denseLoopGo(filter, c.bmp, unsafe.SliceData(c.hot), src, dst, stop-p)
	}
	return p + denseLoop(filter, c.bmp, unsafe.SliceData(c.hot), src, dst, stop-p)
}

// plainSpanSparse is plainRun's inner loop for tries whose keys start with
// few characters (see Converter.dense), over the n bytes of text at base,
// into d (whose length is its capacity) from d[l]. It returns where it
// stopped in both, and, when it stopped because a segmentation key goes on
// from the plain character at p to the next, the key's node for the two.
func plainSpanSparse[K plainIsolated | plainRuns](c *Converter, filter *scanFilters, base unsafe.Pointer, n int, d []byte, p, l int) (int, int, uint) {
	var kind K
	runs := unsafe.Sizeof(kind) != 0
	joins := filter.joinsOrNil()
	bmp, hot, nodes, inert := c.bmp, c.hot, c.nodes, &c.c.ASCIIInert
	hotp := unsafe.Pointer(unsafe.SliceData(hot))
	// p and l go on together, a unit's bytes to as many: one bound for
	// both, and the output written at p+delta, four bytes at a time (the
	// bytes after a unit's own are overwritten next).
	delta := l - p
	stop := min(n-6, len(d)-delta-3)
	out := unsafe.Pointer(unsafe.SliceData(d))
	for p < stop {
		if scanAsm && !runs && !c.scanGo && stop-p > 32 {
			// The units that convert alone, by sparseLoop; this loop
			// takes the one it stops at, and plainSpanDense's windows
			// of a few units, where the call would cost more than the
			// loop saves.
			if p += sparseLoop(bmp, unsafe.SliceData(hot), unsafe.SliceData(nodes), len(nodes), inert, unsafe.Add(base, p), unsafe.Add(out, p+delta), stop-p); p >= stop {
				break
			}
		}
		w := load32(base, p)
		if !isThreeByte(w) {
			// Line ends and the like: a byte that converts to itself and
			// that no key holds.
			if !isInert(inert, w) {
				break
			}
			store32(out, p+delta, w)
			p++
			continue
		}
		code := bmp[threeByteRune(w)]
		// Every code of bmp is within hot (see newConverter): no bound.
		h := *(*hotInfo)(unsafe.Add(hotp, uintptr(code)*unsafe.Sizeof(hotInfo{})))
		if h.out3&hotPlain == 0 {
			break
		}
		if h.out3&hotSegStart != 0 {
			w2 := load32(base, p+3)
			var c2 uint16
			if isThreeByte(w2) {
				c2 = bmp[threeByteRune(w2)]
			} else if !isInert(inert, w2) {
				break
			}
			if next := pairNode(nodes, h, code, c2); next != 0 {
				return p, p + delta, next
			}
		}
		// joinsNext, written out: the call cost tw2sp 8 % of its
		// instructions (cachegrind), and it is too large to be inlined.
		if runs && h.out3&hotIsolated == 0 {
			if w2 := load32(base, p+3); isThreeByte(w2) {
				c2 := bmp[threeByteRune(w2)]
				if mayJoin(h.out3, hot[c2].out3) && (joins == nil || joins.has(filterSum(code, c2))) && c.joinable(int32(code), int32(c2)) {
					break
				}
			} else if !isInert(inert, w2) {
				break
			}
		}
		o3 := h.out3
		if o3&out3Valid == 0 {
			o3 = w // code 0: in no key, the character itself
		}
		store32(out, p+delta, o3)
		p += 3
	}
	return p, p + delta, 0
}

// mayJoin reports, from the hot flags h of a character and h2 of the
// next, whether joinable must be asked: neither is Isolated (nor IDSStart),
// and the first may stand on the left of a pair whose right the second
// may stand on. One branch, where the text would decide each of six.
func mayJoin(h, h2 uint32) bool {
	open := (h|h2)/hotIsolated&1 - 1 // all ones unless one is Isolated
	return h<<1&h2&(hotRight0|hotRightS)&open != 0
}

// isInert reports whether the low byte of w is an ASCII byte that converts
// to itself and that no key holds (Compiled.ASCIIInert).
func isInert(inert *[2]uint64, w uint32) bool {
	b := byte(w)
	return b < utf8.RuneSelf && inert[b>>6]&(1<<(b&63)) != 0
}

// joinsNext reports whether the unit whose four bytes are w may join the
// plain character of code before it (hot flags h, not Isolated) in a run,
// which the loops then leave to convert1's main loop: an ASCII byte that
// a key may hold, or a three-byte character that the flags (mayJoin),
// joins when it is built, and joinable let join it (runEnd's tests, but
// the last: a next character that may start a key is the loops' own
// question).
func (c *Converter) joinsNext(joins *joinFilter, h uint32, code uint16, w uint32) bool {
	if !isThreeByte(w) {
		return !isInert(&c.c.ASCIIInert, w)
	}
	c2 := c.bmp[threeByteRune(w)]
	return mayJoin(h, c.hot[c2].out3) && (joins == nil || joins.has(filterSum(code, c2))) && c.joinable(int32(code), int32(c2))
}

// pairNode returns the node of the segmentation trie nodes for the first
// two characters of a key that starts with the character of code c1 (whose
// hot entry is h) followed by that of code c2, or 0 (the root) for none.
// The loops pass the slots they hold in a register.
func pairNode(nodes []opencc.Node, h hotInfo, c1, c2 uint16) uint {
	next := uint(uint32(h.base + int32(c2)))
	if h.out3&hotSegStart != 0 && c2 != 0 && next < uint(len(nodes)) && nodes[next].Check&^termBit == uint32(c1) {
		return next
	}
	return 0
}

// keyAt goes on with the walk from node, the first two characters of a
// key at src[p] (of the n bytes at base), and writes the longest key's
// output into d[l:]. It returns where both go on; matched is false when no
// key goes on from the character, which then converts alone, and ok is
// false where the walk meets what plainRun leaves to convert1's main loop
// or the output does not fit.
func (c *Converter) keyAt(base unsafe.Pointer, n int, d []byte, p, l int, node uint) (np, nl int, matched, ok bool) {
	e, end, ok := c.plainWalk(base, n, p+6, node)
	if !ok {
		return p, l, false, false
	}
	if e < 0 {
		return p, l, false, true
	}
	ref := c.segOut[e]
	o, k := ref.Off(), ref.End()-ref.Off()
	if l+k > len(d) {
		return p, l, false, false
	}
	return end, writeOut(d, l, c.pool, o, k), true, true
}

// writeOut writes the k bytes of pool at o into d at l, where they fit,
// and returns l+k. An output of up to twelve bytes (most keys' outputs:
// two or three characters) is three moves of four bytes, where copy would
// call memmove (cachegrind: 55 instructions a key); the bytes it writes
// after the output are within d and overwritten next, or beyond the
// output's end.
func writeOut(d []byte, l int, pool string, o, k int) int {
	if k <= 12 && l+12 <= len(d) && o+12 <= len(pool) {
		src, dst := unsafe.Pointer(unsafe.StringData(pool)), unsafe.Pointer(unsafe.SliceData(d))
		store32(dst, l, load32(src, o))
		store32(dst, l+4, load32(src, o+4))
		store32(dst, l+8, load32(src, o+8))
		return l + k
	}
	return l + copy(d[l:], pool[o:o+k])
}

// plainWalk goes on with the walk of the segmentation trie that plainRun
// began: node is the trie's node for the two characters before src[q],
// where base points to src and n is its length. It returns the entry of
// the longest key and where it ends (e < 0 for none), or ok false where
// the walk meets what plainRun leaves to the main loop: a character that
// is not of three bytes, or the last three bytes of src.
func (c *Converter) plainWalk(base unsafe.Pointer, n, q int, node uint) (e int32, end int, ok bool) {
	nodes, entries, bmp := c.nodes, c.entries, c.bmp
	e = -1
	if nodes[node].Check&termBit != 0 {
		e, end = entries[node], q
	}
	for {
		if q+3 >= n {
			return 0, 0, false
		}
		w := load32(base, q)
		if !isThreeByte(w) {
			return 0, 0, false
		}
		c2 := bmp[threeByteRune(w)]
		next := uint(uint32(nodes[node].Base + int32(c2)))
		if c2 == 0 || next >= uint(len(nodes)) || nodes[next].Check&^termBit != uint32(node) {
			return e, end, true
		}
		node, q = next, q+3
		if nodes[node].Check&termBit != 0 {
			e, end = entries[node], q
		}
	}
}

// asString views s as a string: both kinds of Text start with the pointer
// and the length of their bytes. The converter only reads them.
func asString[S opencc.Text](s S) string {
	return *(*string)(unsafe.Pointer(&s))
}

// textData returns the address of s's bytes: the first word of a string
// and of a byte slice alike.
func textData[S opencc.Text](s S) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&s))
}

func span[S opencc.Text](c *Converter, src S, atEOF bool) (int, error) {
	n, err := span1(c, src, atEOF)
	if c.aliased != nil {
		// The units are those of the normalized text, but a unit that
		// holds a character the normalization changes is no longer the
		// same: the span ends before it.
		if lim := firstAliased(c, src[:n]); lim < n {
			n, err = span1(c, src[:lim], false)
			if err == nil || err == transform.ErrShortSrc {
				err = transform.ErrEndOfSpan
			}
		}
	}
	return n, err
}

func span1[S opencc.Text](c *Converter, src S, atEOF bool) (int, error) {
	if c.nodes != nil {
		_, n, err := convert1(c, nil, src, atEOF, false, true, nil)
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
	unitIDS          // src[p:end] is an ideographic description sequence
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
	// out is the unit src[p:end] with the pool string ref: unchanged when
	// the string is the unit's normal form and the unit is in normal form.
	out := func(end int, ref opencc.Ref) (int, opencc.Ref, int) {
		if ref&opencc.Same != 0 && (c.aliased == nil || firstAliased(c, src[p:end]) == end-p) {
			return end, 0, unitSame
		}
		return end, ref, unitOut
	}
	inf := &c.info[code]
	if inf.ref&opencc.SegStart != 0 {
		var e int32
		var short bool
		if c.nodes != nil {
			e, end, short, ncode, nsize = segMatch1(c, src, p, code, size, atEOF)
			if e >= 0 {
				ref = c.segOut[e]
			}
		} else {
			var which int
			which, e, end, short = segMatch(c, c.c.Seg, src, p, atEOF)
			if e >= 0 {
				ref = c.c.SegOut[which][e]
			}
		}
		if short {
			return 0, 0, unitShort, 0, 0
		}
		if e >= 0 {
			end, ref, kind = out(end, ref)
			return end, ref, kind, ncode, nsize
		}
	}
	if inf.ref&opencc.Isolated != 0 {
		if end != p+size {
			nsize = 0
		}
		end, ref, kind = out(p+size, inf.ref)
		return end, ref, kind, ncode, nsize
	}
	if inf.ref&opencc.IDSStart != 0 {
		n, incomplete := opencc.IDSLen(src, p)
		if incomplete && !atEOF {
			return 0, 0, unitShort, 0, 0
		}
		if n > 0 {
			return p + n, 0, unitIDS, 0, 0
		}
		end, ref, kind = out(p+size, inf.ref)
		return end, ref, kind, 0, 0
	}
	q, short, _, _ := runEnd(c, src, p, code, size, atEOF)
	if short {
		return 0, 0, unitShort, 0, 0
	}
	if q == p+size {
		// A run of one character converts as the character alone.
		end, ref, kind = out(q, inf.ref)
		return end, ref, kind, 0, 0
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
		var code int32
		var size int
		if c.bmp != nil {
			code, size = hanCode(c.bmp, src, q)
		}
		if size == 0 {
			if code, size = codeAt(c, src, q); size == 0 {
				if !atEOF {
					return 0, true, 0, 0
				}
				break
			}
		}
		inf := &c.info[code]
		if inf.ref&(opencc.Isolated|opencc.IDSStart) != 0 {
			return q, false, code, size
		}
		if c.pairCut && !c.joinable(lastCode, code) {
			return q, false, code, size
		}
		if inf.ref&opencc.SegStart != 0 {
			var e int32
			var short bool
			if c.nodes != nil {
				e, _, short, _, _ = segMatch1(c, src, q, code, size, atEOF)
			} else {
				_, e, _, short = segMatch(c, c.c.Seg, src, q, atEOF)
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

// isThreeByte reports whether w, four bytes of text in little-endian
// order (load32), starts with the shape of a three-byte UTF-8 sequence: a
// lead byte E0–EF and two continuation bytes. The overlong forms and the
// surrogates have that shape too; their code points have no code (bmpOf).
func isThreeByte(w uint32) bool { return w&0xC0C0F0 == 0x8080E0 }

// threeByteRune returns the code point of the three-byte sequence that
// starts w (see isThreeByte).
func threeByteRune(w uint32) uint16 {
	return uint16(w&0x0F)<<12 | uint16(w>>2)&0xFC0 | uint16(w>>16)&0x3F
}

// hanCode is codeAt's fast path, small enough to inline: the code of a
// three-byte sequence at src[p] (most Han characters), with size 3, or size
// 0 when src[p:] starts with anything else or holds fewer than four bytes.
// bmp must not be nil.
//
// It checks only the shape of the sequence, one branch: the overlong forms
// (E0 80–9F) and the surrogates (ED A0–BF) decode to code points whose
// entry in bmp is 0 (see bmpOf), so that, like invalid bytes, they are
// copied as they are.
func hanCode[S opencc.Text](bmp *[1 << 16]uint16, src S, p int) (code int32, size int) {
	// The three bytes and the next in one load, little-endian: a lead byte
	// E_ and two continuation bytes. The last three bytes of src are left
	// to codeAt.
	if uint(p+3) < uint(len(src)) {
		if w := load32(textData(src), p); isThreeByte(w) {
			return int32(bmp[threeByteRune(w)]), 3
		}
	}
	return 0, 0
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
	if r >= 0x800 && r < 1<<16 && c.bmp != nil {
		return int32(c.bmp[r]), size
	}
	if c.aliasCode != nil {
		if code, ok := c.aliasCode[r]; ok {
			return code, size
		}
	}
	return c.alpha.Code(r), size
}

// segMatch1 is segMatch for a config with one segmentation dictionary. When
// the match ends where the walk stopped on a character, that character's
// code and size come back as ncode and nsize.
func segMatch1[S opencc.Text](c *Converter, src S, p int, code int32, size int, atEOF bool) (entry int32, end int, short bool, ncode int32, nsize int) {
	nodes := c.nodes
	entry, end = c.entries[code], p+size
	node, base := code, c.hot[code].base
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

// segMatch is OpenCC's segmentation step at src[p] for a config whose
// segmentation is not one dictionary: the match of the first of items that
// has one (a dictionary or a group). which is the dictionary's place in
// Compiled.SegDicts. short reports that the input ended before the match
// could be told.
func segMatch[S opencc.Text](c *Converter, items []int32, src S, p int, atEOF bool) (which int, entry int32, end int, short bool) {
	for _, it := range items {
		if which, entry, end, short = segMatchItem(c, it, src, p, atEOF); short || entry >= 0 {
			return which, entry, end, short
		}
	}
	return 0, -1, 0, false
}

func segMatchItem[S opencc.Text](c *Converter, item int32, src S, p int, atEOF bool) (which int, entry int32, end int, short bool) {
	if item < 0 {
		g := &c.c.Groups[^item]
		if !g.Union {
			return segMatch(c, g.Items, src, p, atEOF)
		}
		which, entry = 0, -1
		for _, it := range g.Items {
			w, e, x, sh := segMatchItem(c, it, src, p, atEOF)
			if sh {
				return 0, -1, 0, true
			}
			if e >= 0 && (entry < 0 || x > end) {
				which, entry, end = w, e, x
			}
		}
		return which, entry, end, false
	}
	which = slices.Index(c.c.SegDicts, item)
	nodes, entries := c.t.Dicts[item].Nodes, c.t.Dicts[item].Entry
	entry = -1
	var node int32
	for q := p; ; {
		if q == len(src) {
			if !atEOF {
				return 0, -1, 0, true
			}
			break
		}
		code, size := codeAt(c, src, q)
		if size == 0 {
			if !atEOF {
				return 0, -1, 0, true
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
	return which, entry, end, false
}

const termBit = 1 << 31
