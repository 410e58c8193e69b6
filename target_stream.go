package zhnorm

import (
	"golang.org/x/text/transform"
)

// TargetLookAhead is the most a streaming Target holds back before it
// decides how to convert: 64 KiB, or DetectAfter Han characters (about
// 6 KB) when they come first.
const TargetLookAhead = 64 << 10

// targetStream is the state of a Target used as a transformer.
type targetStream struct {
	det     Detector
	seen    int    // bytes written to det
	held    []byte // input read before the decision, or after it and not yet converted
	off     int    // held[:off] is converted
	decided bool
	plan    Plan
	pipe    transform.Transformer // the plan's configs and quotes; nil when it changes nothing
	direct  bool                  // pipe is one stateless stage, which Span may use after Transform
	used    bool                  // Transform has run since the decision
}

var _ transform.SpanningTransformer = (*Target)(nil)

// Reset forgets the stream: the next Transform or Span starts a new one,
// detected anew.
func (t *Target) Reset() {
	held := t.stream.held[:0]
	t.stream = targetStream{held: held}
}

// StreamPlan returns the plan the stream follows, once the Target has
// decided (ok).
func (t *Target) StreamPlan() (p Plan, ok bool) { return t.stream.plan, t.stream.decided }

// watch writes the part of src within TargetLookAhead to the Detector and
// reports whether the stream can be decided: the Detector has, the
// look-ahead is full, or src ends the stream.
func (s *targetStream) watch(src []byte, atEOF bool) bool {
	n := min(len(src), TargetLookAhead-s.seen)
	s.det.Write(src[:n])
	s.seen += n
	return s.det.Decided() || s.seen >= TargetLookAhead || atEOF && n == len(src)
}

// decide fixes the plan from what the Detector saw.
func (t *Target) decide() {
	s := &t.stream
	d := s.det.Detection()
	s.plan = t.plan(d, &d.Evidence)
	s.decided = true
	var steps []transform.Transformer
	for _, c := range s.plan.convs {
		steps = append(steps, c)
	}
	if s.plan.quotes != nil {
		steps = append(steps, s.plan.quotes)
	}
	switch len(steps) {
	case 0:
		s.pipe, s.direct = nil, true
	case 1:
		s.pipe, s.direct = steps[0], true
	default:
		s.pipe = transform.Chain(steps...)
	}
}

// Transform implements transform.Transformer. Until it decides it takes
// the input and writes nothing; then it converts what it held and what
// follows.
func (t *Target) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	s := &t.stream
	if !s.decided {
		n := min(len(src), TargetLookAhead-len(s.held))
		ready := s.watch(src[:n], atEOF && n == len(src))
		s.held = append(s.held, src[:n]...)
		src, nSrc = src[n:], n
		if !ready {
			return 0, nSrc, nil
		}
		t.decide()
	}
	s.used = true
	for s.off < len(s.held) {
		last := atEOF && len(src) == 0
		n, m, err := s.transform(dst[nDst:], s.held[s.off:], last)
		nDst += n
		s.off += m
		if s.off == len(s.held) {
			s.held, s.off = s.held[:0], 0
		}
		switch {
		case err == transform.ErrShortSrc && len(src) > 0:
			// The held bytes end inside a unit: take some more input.
			k := min(len(src), 4096)
			s.held = append(s.held[:copy(s.held, s.held[s.off:])], src[:k]...)
			s.off = 0
			src, nSrc = src[k:], nSrc+k
		case err == transform.ErrShortSrc:
			return nDst, nSrc, nil // all input taken; more will come
		case err != nil:
			return nDst, nSrc, err
		}
	}
	n, m, err := s.transform(dst[nDst:], src, atEOF)
	return nDst + n, nSrc + m, err
}

// transform runs the pipe, or copies.
func (s *targetStream) transform(dst, src []byte, atEOF bool) (int, int, error) {
	if s.pipe != nil {
		return s.pipe.Transform(dst, src, atEOF)
	}
	n := copy(dst, src)
	if n < len(src) {
		return n, n, transform.ErrShortDst
	}
	return n, n, nil
}

// Span implements transform.SpanningTransformer. Before the Target has
// decided it decides from src when src is enough to (and says
// transform.ErrShortSrc otherwise); once Transform has held input back or
// run a chain of several steps it reports transform.ErrEndOfSpan at 0,
// leaving the rest to Transform.
func (t *Target) Span(src []byte, atEOF bool) (int, error) {
	s := &t.stream
	if !s.decided {
		if len(s.held) > 0 {
			return 0, transform.ErrEndOfSpan // what is held comes first
		}
		probe := *s
		if !probe.watch(src, atEOF) {
			return 0, transform.ErrShortSrc
		}
		s.det, s.seen = probe.det, probe.seen
		t.decide()
	}
	switch {
	case s.off < len(s.held) || s.used && !s.direct:
		return 0, transform.ErrEndOfSpan
	case s.pipe == nil:
		return len(src), nil
	}
	if sp, ok := s.pipe.(transform.SpanningTransformer); ok {
		return sp.Span(src, atEOF)
	}
	return spanSteps(s.plan, src, atEOF)
}

// spanSteps spans src with every step of the plan: the prefix that each
// leaves as it is.
func spanSteps(p Plan, src []byte, atEOF bool) (int, error) {
	steps := make([]transform.SpanningTransformer, 0, len(p.convs)+1)
	for _, c := range p.convs {
		steps = append(steps, c)
	}
	if p.quotes != nil {
		steps = append(steps, p.quotes)
	}
	n, short, end := len(src), false, false
	for _, st := range steps {
		m, err := st.Span(src[:n], atEOF && n == len(src))
		n = m
		short = short || err == transform.ErrShortSrc
		end = end || err == transform.ErrEndOfSpan
		if err != nil && err != transform.ErrShortSrc && err != transform.ErrEndOfSpan {
			return n, err
		}
	}
	switch {
	case end: // a later step's shortness is beside the point
		return n, transform.ErrEndOfSpan
	case short:
		return n, transform.ErrShortSrc
	}
	return n, nil
}
