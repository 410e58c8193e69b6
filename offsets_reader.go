package zhnorm

import (
	"errors"
	"io"
	"strings"

	"golang.org/x/text/transform"
)

// A MappedTransformer is a transform.Transformer that can also report the
// map of its output to its input. Normalizer and Converter are
// MappedTransformers; NewOffsetReader chains them.
type MappedTransformer interface {
	transform.Transformer

	// TransformMapped is Transform that also appends to m the pieces of
	// the map of the output written to the input consumed, continuing the
	// pieces the earlier calls since Reset appended. After a call the
	// pieces may cover less than the call consumed and wrote (a
	// transformer that holds input back maps it once it writes its
	// output), but never more; once the stream ends (atEOF and a nil
	// error) they cover all of both.
	TransformMapped(dst, src []byte, atEOF bool, m *OffsetMap) (nDst, nSrc int, err error)
}

var _ MappedTransformer = (*Normalizer)(nil)

// An OffsetReader reads what a chain of MappedTransformers makes of the
// text of an io.Reader, and keeps the map of the output read to the input,
// with offsets counted from the start of the stream.
//
// Its memory does not grow with the stream if the caller drops the pieces
// it no longer needs with Forget, as it goes.
type OffsetReader struct {
	r     io.Reader
	steps []offsetStep
	comps []composer // comps[k] composes the map of steps[:k+1] with steps[k+1]'s
	m     OffsetMap  // the map of the output mapped so far

	src    []byte // read from r, not consumed by the first step
	srcEOF bool
	nIn    int    // bytes read from r
	nOut   int    // bytes the last step wrote
	out    []byte // output of the last step not read yet
	outOff int    // the stream offset of out[0]
	err    error

	dst     []byte
	scratch OffsetMap
}

// offsetStep is a transformer of the chain and its input.
type offsetStep struct {
	t    MappedTransformer
	in   []byte // the input it has not consumed
	done bool   // it has consumed its input to the end
}

const offsetReaderChunk = 4096

// NewOffsetReader returns a reader of the output of steps applied in turn
// to the text of r, as transform.NewReader(r, transform.Chain(steps...))
// reads it. It resets the steps.
func NewOffsetReader(r io.Reader, steps ...MappedTransformer) *OffsetReader {
	o := &OffsetReader{r: r, dst: make([]byte, offsetReaderChunk)}
	for _, t := range steps {
		t.Reset()
		o.steps = append(o.steps, offsetStep{t: t})
	}
	if len(steps) > 1 {
		o.comps = make([]composer, len(steps)-1)
	}
	return o
}

// Map returns the map of the output read so far, and possibly a little
// more, to the input read from the underlying reader: its Len is at least
// the number of bytes Read returned. It is the reader's own map, which the
// next Read extends: the caller may query it and Forget pieces, but not
// add to it.
func (o *OffsetReader) Map() *OffsetMap { return &o.m }

// Forget drops the pieces of the map that end before the output offset
// out: spans from out on map as before.
func (o *OffsetReader) Forget(out int) { o.m.Forget(out) }

var errOffsetMap = errors.New("zhnorm: OffsetReader: a transformer's offset map does not fit its output")

// Read reads the output of the chain. It returns only output that the map
// covers.
func (o *OffsetReader) Read(p []byte) (int, error) {
	for {
		_, mapped := o.m.Len()
		if avail := mapped - o.outOff; avail > 0 {
			n := copy(p, o.out[:min(avail, len(o.out))])
			o.out = o.out[n:]
			o.outOff += n
			if len(o.out) == 0 {
				o.out = o.out[:0:0] // let the buffer go rather than grow it
			}
			return n, nil
		}
		if o.err != nil {
			return 0, o.err
		}
		o.err = o.fill()
	}
}

// fill reads a chunk of input and runs it through the chain.
func (o *OffsetReader) fill() error {
	if !o.srcEOF {
		if cap(o.src) < offsetReaderChunk {
			o.src = make([]byte, 0, offsetReaderChunk)
		}
		n, err := o.r.Read(o.src[len(o.src):cap(o.src)])
		o.src = o.src[:len(o.src)+n]
		o.nIn += n
		switch {
		case err == io.EOF:
			o.srcEOF = true
		case err != nil:
			return err
		}
	}
	if len(o.steps) == 0 {
		o.m.add(len(o.src), len(o.src), true)
		o.out = append(o.out, o.src...)
		o.nOut += len(o.src)
		o.src = o.src[:0]
		if o.srcEOF {
			return io.EOF
		}
		return nil
	}
	o.steps[0].in = append(o.steps[0].in, o.src...)
	o.src = o.src[:0]
	for k := range o.steps {
		atEOF := o.srcEOF
		if k > 0 {
			atEOF = o.steps[k-1].done
		}
		if err := o.run(k, atEOF); err != nil {
			return err
		}
	}
	if err := o.compose(); err != nil {
		return err
	}
	if o.steps[len(o.steps)-1].done {
		if in, out := o.m.Len(); in != o.nIn || out != o.nOut {
			return errOffsetMap
		}
		return io.EOF
	}
	return nil
}

// run transforms what step k holds, passing its output on and its map to
// the composers.
func (o *OffsetReader) run(k int, atEOF bool) error {
	st := &o.steps[k]
	if st.done {
		return nil
	}
	for {
		o.scratch.Reset()
		nDst, nSrc, err := st.t.TransformMapped(o.dst, st.in, atEOF, &o.scratch)
		st.in = st.in[:copy(st.in, st.in[nSrc:])]
		if k+1 < len(o.steps) {
			o.steps[k+1].in = append(o.steps[k+1].in, o.dst[:nDst]...)
		} else {
			o.out = append(o.out, o.dst[:nDst]...)
			o.nOut += nDst
		}
		o.push(k, &o.scratch)
		switch {
		case err == nil:
			if atEOF && len(st.in) == 0 {
				st.done = true
				o.ended(k)
			}
			return nil
		case err == transform.ErrShortDst:
			if nDst == 0 && nSrc == 0 {
				if len(o.dst) >= 64*offsetReaderChunk {
					return err
				}
				o.dst = make([]byte, 2*len(o.dst))
			}
		case err == transform.ErrShortSrc && !atEOF:
			return nil
		default:
			return err
		}
	}
}

// push gives the pieces step k appended to its composers.
func (o *OffsetReader) push(k int, m *OffsetMap) {
	switch {
	case len(o.steps) == 1:
		o.m.Append(m)
	case k == 0:
		o.comps[0].a = pushMap(o.comps[0].a, m)
	default:
		o.comps[k-1].b = pushMap(o.comps[k-1].b, m)
	}
}

// ended records that step k's map is complete.
func (o *OffsetReader) ended(k int) {
	switch {
	case len(o.steps) == 1:
	case k == 0:
		o.comps[0].aEnd = true
	default:
		o.comps[k-1].bEnd = true
	}
}

// compose runs the composers in turn, each passing what settles to the
// next, the last to the reader's map.
func (o *OffsetReader) compose() error {
	for k := range o.comps {
		c := &o.comps[k]
		o.scratch.Reset()
		if !c.compose(&o.scratch) {
			return errOffsetMap
		}
		if k+1 < len(o.comps) {
			next := &o.comps[k+1]
			next.a = pushMap(next.a, &o.scratch)
			next.aEnd = c.aEnd && c.bEnd && len(c.a) == 0 && len(c.b) == 0
		} else {
			o.m.Append(&o.scratch)
		}
	}
	return nil
}

// StringMapped returns the result of applying steps in turn to s, as
// transform.String does with transform.Chain(steps...), and the map of the
// result's offsets to s's. It uses the steps' stream state, resetting it.
//
//	out, m, err := zhnorm.StringMapped(page, zhnorm.NewNormalizer(), conv)
func StringMapped(s string, steps ...MappedTransformer) (string, *OffsetMap, error) {
	r := NewOffsetReader(strings.NewReader(s), steps...)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	if _, err := io.Copy(&b, r); err != nil {
		return "", nil, err
	}
	return b.String(), r.Map(), nil
}
