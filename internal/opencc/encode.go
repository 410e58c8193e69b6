package opencc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// The binary form of a Table: a header that names each dictionary and config
// with the place of its body, then the bodies. A program decodes only the
// dictionaries of the configs it uses, when it first uses them.

const magic = "zhnorm-opencc-tables-3\n"

// Arrays start at multiples of 8 bytes from the start of the encoding, so
// that on a little-endian machine a decoder can use them where they lie,
// in the program's read-only data, without a copy.
const arrayAlign = 8

type encoder struct{ b []byte }

func (e *encoder) u32(v uint32) { e.b = binary.LittleEndian.AppendUint32(e.b, v) }
func (e *encoder) str(s string) { e.u32(uint32(len(s))); e.b = append(e.b, s...) }
func (e *encoder) align() {
	for len(e.b)%arrayAlign != 0 {
		e.b = append(e.b, 0)
	}
}
func (e *encoder) i32s(v []int32) {
	e.u32(uint32(len(v)))
	e.align()
	for _, x := range v {
		e.u32(uint32(x))
	}
}
func (e *encoder) refsU64(v []uint64) {
	e.u32(uint32(len(v)))
	e.align()
	for _, x := range v {
		e.b = binary.LittleEndian.AppendUint64(e.b, x)
	}
}
func (e *encoder) refs(v []Ref) {
	e.u32(uint32(len(v)))
	e.align()
	for _, x := range v {
		e.b = binary.LittleEndian.AppendUint64(e.b, uint64(x))
	}
}

// MarshalBinary encodes t. Equal tables encode to equal bytes.
func (t *Table) MarshalBinary() ([]byte, error) {
	var body encoder
	section := func(f func(e *encoder)) [2]uint32 {
		body.align()
		start := len(body.b)
		f(&body)
		return [2]uint32{uint32(start), uint32(len(body.b) - start)}
	}
	alpha := section(func(e *encoder) {
		e.u32(uint32(len(t.Alpha.Index)))
		e.align()
		for _, x := range t.Alpha.Index {
			e.b = binary.LittleEndian.AppendUint16(e.b, x)
		}
		e.i32s(t.Alpha.Blocks)
		e.refsU64(t.Alias)
	})
	pool := section(func(e *encoder) { e.b = append(e.b, t.Pool...) })
	var dicts [][2]uint32
	for _, d := range t.Dicts {
		dicts = append(dicts, section(func(e *encoder) {
			e.u32(uint32(d.MaxKeyBytes))
			e.u32(uint32(d.MaxKeyRunes))
			e.u32(uint32(len(d.Nodes)))
			e.align()
			for _, n := range d.Nodes {
				e.u32(uint32(n.Base))
				e.u32(n.Check)
			}
			e.i32s(d.Entry)
			e.refs(d.Vals)
		}))
	}
	var configs [][2]uint32
	for _, c := range t.Configs {
		configs = append(configs, section(func(e *encoder) {
			e.i32s(c.Seg)
			e.u32(uint32(len(c.Stages)))
			for _, s := range c.Stages {
				e.i32s(s)
			}
			e.u32(uint32(len(c.Groups)))
			for _, g := range c.Groups {
				u := uint32(0)
				if g.Union {
					u = 1
				}
				e.u32(u)
				e.i32s(g.Items)
			}
			e.i32s(c.SegDicts)
			for _, o := range c.SegOut {
				e.refs(o)
			}
			e.refs(c.Chars)
			e.align()
			e.b = binary.LittleEndian.AppendUint64(e.b, c.ASCIIInert[0])
			e.b = binary.LittleEndian.AppendUint64(e.b, c.ASCIIInert[1])
			e.u32(uint32(c.MaxKeyBytes))
			e.u32(uint32(c.RunLimit))
			pc := uint32(0)
			if c.PairCut {
				pc = 1
			}
			e.u32(pc)
			e.refsU64(c.Pairs0)
			e.u32(uint32(c.PairStage))
			e.refsU64(c.Pairs)
			e.i32s(c.CutLast)
			e.i32s(c.CutFirst)
			e.i32s(c.CutSets)
		}))
	}
	var h encoder
	h.b = append(h.b, magic...)
	h.str(t.Version)
	h.u32(alpha[0])
	h.u32(alpha[1])
	h.u32(pool[0])
	h.u32(pool[1])
	h.u32(uint32(len(t.Dicts)))
	for i, d := range t.Dicts {
		h.str(d.Name)
		h.u32(dicts[i][0])
		h.u32(dicts[i][1])
	}
	h.u32(uint32(len(t.Configs)))
	for i, c := range t.Configs {
		h.str(c.Name)
		h.str(c.Description)
		h.u32(configs[i][0])
		h.u32(configs[i][1])
	}
	h.align()
	return append(h.b, body.b...), nil
}

var errCorrupt = errors.New("opencc: corrupt table")

type decoder struct {
	s   string
	pos int // the offset of s in the whole encoding
	err error
}

func (d *decoder) fail() {
	d.err = errCorrupt
	d.s = ""
}

func (d *decoder) skip(n int) {
	d.s = d.s[n:]
	d.pos += n
}

func (d *decoder) u32() uint32 {
	if len(d.s) < 4 {
		d.fail()
		return 0
	}
	v := uint32(d.s[0]) | uint32(d.s[1])<<8 | uint32(d.s[2])<<16 | uint32(d.s[3])<<24
	d.skip(4)
	return v
}

func (d *decoder) u16() uint16 {
	if len(d.s) < 2 {
		d.fail()
		return 0
	}
	v := uint16(d.s[0]) | uint16(d.s[1])<<8
	d.skip(2)
	return v
}

func (d *decoder) u64() uint64 {
	lo := d.u32()
	return uint64(d.u32())<<32 | uint64(lo)
}

func (d *decoder) align() {
	if pad := (arrayAlign - d.pos%arrayAlign) % arrayAlign; pad <= len(d.s) {
		d.skip(pad)
	} else {
		d.fail()
	}
}

func (d *decoder) str() string {
	n := int(d.u32())
	if n > len(d.s) {
		d.fail()
		return ""
	}
	s := d.s[:n]
	d.skip(n)
	return s
}

// array reads a count, then that many elements of size bytes, aligned.
// On a little-endian machine, with the encoding itself aligned, the result
// is the encoding's own memory: read-only, never to be written.
func array[T any](d *decoder, size int, decode func(*decoder) T) []T {
	n := int(d.u32())
	d.align()
	if n == 0 || d.err != nil {
		return nil // as Build leaves an empty array
	}
	if n > len(d.s)/size {
		d.fail()
		return nil
	}
	var v []T
	if littleEndian {
		src := unsafe.Pointer(unsafe.StringData(d.s))
		if uintptr(src)%arrayAlign == 0 {
			v = unsafe.Slice((*T)(src), n)
		} else {
			v = make([]T, n)
			copy(unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), n*size), d.s)
		}
		d.skip(n * size)
		return v
	}
	v = make([]T, n)
	for i := range v {
		v[i] = decode(d)
	}
	return v
}

func (d *decoder) i32s() []int32 {
	return array(d, 4, func(d *decoder) int32 { return int32(d.u32()) })
}

func (d *decoder) refs() []Ref {
	return array(d, 8, func(d *decoder) Ref { return Ref(d.u64()) })
}

func (d *decoder) u64s() []uint64 {
	return array(d, 8, (*decoder).u64)
}

func (d *decoder) nodes() []Node {
	return array(d, 8, func(d *decoder) Node { return Node{Base: int32(d.u32()), Check: d.u32()} })
}

// littleEndian: the encoding's byte order is the machine's.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// Blob is an encoded Table, decoded a part at a time.
type Blob struct {
	body        string
	bodyPos     int // the offset of body in the encoding
	alphaSec    [2]uint32
	pool        string
	dictNames   []string
	dictSecs    [][2]uint32
	Version     string   // of the OpenCC data
	Names       []string // config names, in table order
	Descs       []string // config descriptions
	configSecs  [][2]uint32
	alphaOnce   sync.Once
	alpha       Alphabet
	alias       []uint64
	dictOnce    []sync.Once
	dicts       []*Trie
	errs        []error
	alphaErr    error
	configMu    sync.Mutex
	configCache map[string]*Table
}

// Open reads the header of an encoded Table.
func Open(blob string) (*Blob, error) {
	if len(blob) < len(magic) || blob[:len(magic)] != magic {
		return nil, errCorrupt
	}
	d := &decoder{s: blob[len(magic):], pos: len(magic)}
	b := &Blob{configCache: map[string]*Table{}}
	b.Version = d.str()
	b.alphaSec = [2]uint32{d.u32(), d.u32()}
	poolSec := [2]uint32{d.u32(), d.u32()}
	n := int(d.u32())
	if n > len(d.s)/12 {
		return nil, errCorrupt
	}
	for range n {
		b.dictNames = append(b.dictNames, d.str())
		b.dictSecs = append(b.dictSecs, [2]uint32{d.u32(), d.u32()})
	}
	n = int(d.u32())
	if n > len(d.s)/16 {
		return nil, errCorrupt
	}
	for range n {
		b.Names = append(b.Names, d.str())
		b.Descs = append(b.Descs, d.str())
		b.configSecs = append(b.configSecs, [2]uint32{d.u32(), d.u32()})
	}
	d.align()
	if d.err != nil {
		return nil, d.err
	}
	b.body, b.bodyPos = d.s, d.pos
	if b.pool, d.err = b.section(poolSec); d.err != nil {
		return nil, d.err
	}
	b.dictOnce = make([]sync.Once, len(b.dictNames))
	b.dicts = make([]*Trie, len(b.dictNames))
	b.errs = make([]error, len(b.dictNames))
	return b, nil
}

func (b *Blob) section(s [2]uint32) (string, error) {
	if uint64(s[0])+uint64(s[1]) > uint64(len(b.body)) {
		return "", errCorrupt
	}
	return b.body[s[0] : s[0]+s[1]], nil
}

// decoder returns a decoder of the section s.
func (b *Blob) decoder(s [2]uint32) *decoder {
	text, err := b.section(s)
	return &decoder{s: text, pos: b.bodyPos + int(s[0]), err: err}
}

func (b *Blob) decodeAlphabet() {
	d := b.decoder(b.alphaSec)
	idx := array(d, 2, (*decoder).u16)
	b.alpha = Alphabet{Index: idx, Blocks: d.i32s()}
	b.alias = d.u64s()
	b.alphaErr = d.err
	if d.err == nil && (len(idx) != (utf8.MaxRune+1)>>blockBits || len(b.alpha.Blocks)%(1<<blockBits) != 0) {
		b.alphaErr = errCorrupt
	}
	for _, x := range idx {
		if int(x)<<blockBits >= len(b.alpha.Blocks) {
			b.alphaErr = errCorrupt
		}
	}
}

func (b *Blob) dict(i int) (*Trie, error) {
	b.dictOnce[i].Do(func() {
		d := b.decoder(b.dictSecs[i])
		t := &Trie{Name: b.dictNames[i]}
		t.MaxKeyBytes = int(d.u32())
		t.MaxKeyRunes = int(d.u32())
		t.Nodes = d.nodes()
		t.Entry = d.i32s()
		t.Vals = d.refs()
		if d.err == nil && len(t.Entry) != len(t.Nodes) {
			d.err = errCorrupt
		}
		for _, e := range t.Entry {
			if e >= int32(len(t.Vals)) {
				d.err = errCorrupt
				break
			}
		}
		b.dicts[i], b.errs[i] = t, d.err
	})
	return b.dicts[i], b.errs[i]
}

// Load decodes the config called name and the dictionaries it uses. The
// result is shared: callers must not change it.
func (b *Blob) Load(name string) (*Table, error) {
	b.configMu.Lock()
	defer b.configMu.Unlock()
	if t := b.configCache[name]; t != nil {
		return t, nil
	}
	i := -1
	for j, n := range b.Names {
		if n == name {
			i = j
		}
	}
	if i < 0 {
		return nil, fmt.Errorf("opencc: no config %q", name)
	}
	b.alphaOnce.Do(b.decodeAlphabet)
	if b.alphaErr != nil {
		return nil, b.alphaErr
	}
	d := b.decoder(b.configSecs[i])
	c := Compiled{Name: name, Description: b.Descs[i]}
	c.Seg = d.i32s()
	stages := int(d.u32())
	if stages > len(d.s)/4 {
		return nil, errCorrupt
	}
	for range stages {
		c.Stages = append(c.Stages, d.i32s())
	}
	groups := int(d.u32())
	if groups > len(d.s)/8 {
		return nil, errCorrupt
	}
	for i := range groups {
		union := d.u32() == 1
		g := Group{Union: union, Items: d.i32s()}
		for _, x := range g.Items {
			// A group's groups come before it: no cycle.
			if x < 0 && int(^x) >= i {
				return nil, errCorrupt
			}
		}
		c.Groups = append(c.Groups, g)
	}
	c.SegDicts = d.i32s()
	for range c.SegDicts {
		c.SegOut = append(c.SegOut, d.refs())
	}
	c.Chars = d.refs()
	d.align()
	c.ASCIIInert = [2]uint64{d.u64(), d.u64()}
	c.MaxKeyBytes = int(d.u32())
	c.RunLimit = int(d.u32())
	c.PairCut = d.u32() == 1
	c.Pairs0 = d.u64s()
	c.PairStage = int(d.u32())
	c.Pairs = d.u64s()
	c.CutLast = d.i32s()
	c.CutFirst = d.i32s()
	c.CutSets = d.i32s()
	if d.err != nil {
		return nil, d.err
	}
	t := &Table{Alpha: b.alpha, Alias: b.alias, Pool: b.pool, Dicts: make([]*Trie, len(b.dicts)), Shared: true}
	need := append([][]int32{c.Seg, c.SegDicts}, c.Stages...)
	for _, g := range c.Groups {
		need = append(need, g.Items)
	}
	for _, g := range need {
		for _, x := range g {
			if x < 0 {
				if int(^x) >= len(c.Groups) {
					return nil, errCorrupt
				}
				continue
			}
			if x >= int32(len(b.dicts)) {
				return nil, errCorrupt
			}
			var err error
			if t.Dicts[x], err = b.dict(int(x)); err != nil {
				return nil, err
			}
		}
	}
	if err := t.validate(&c); err != nil {
		return nil, err
	}
	t.Configs = []Compiled{c}
	b.configCache[name] = t
	return t, nil
}

// validate checks what the engine indexes without bounds checks of its own.
func (t *Table) validate(c *Compiled) error {
	if len(c.Stages) == 0 || len(c.SegOut) != len(c.SegDicts) || len(c.Chars) == 0 || c.RunLimit < 1 {
		return errCorrupt
	}
	if c.PairCut {
		n := len(c.Chars) + 1
		if c.PairStage >= len(c.Stages) || len(c.CutLast) != n || len(c.CutFirst) != n {
			return errCorrupt
		}
		for i := range n {
			if c.CutLast[i] < 0 || c.CutFirst[i] < 0 || int(c.CutLast[i]) > len(c.CutSets) || int(c.CutFirst[i]) > len(c.CutSets) ||
				i > 0 && (c.CutLast[i] < c.CutLast[i-1] || c.CutFirst[i] < c.CutFirst[i-1]) {
				return errCorrupt
			}
		}
	}
	for _, x := range t.Alpha.Blocks {
		if int(x) >= len(c.Chars) {
			return errCorrupt
		}
	}
	okRef := func(r Ref) bool { return r.End() <= len(t.Pool) }
	for i, d := range c.SegDicts {
		// The engine steps from the root by the code itself.
		if len(t.Dicts[d].Nodes) == 0 || t.Dicts[d].Nodes[0].Base != 0 {
			return errCorrupt
		}
		if len(c.SegOut[i]) != len(t.Dicts[d].Vals) {
			return errCorrupt
		}
		for _, r := range c.SegOut[i] {
			if !okRef(r) {
				return errCorrupt
			}
		}
	}
	for _, r := range c.Chars {
		if !okRef(r) {
			return errCorrupt
		}
	}
	for _, d := range t.Dicts {
		if d == nil {
			continue
		}
		for _, r := range d.Vals {
			if !okRef(r) {
				return errCorrupt
			}
		}
		for _, n := range d.Nodes {
			if n.Base < 0 {
				return errCorrupt
			}
		}
	}
	return nil
}
