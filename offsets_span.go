package zhnorm

import (
	"io"
	"strings"
)

// Span returns the span of original, the map's input, that the span s of
// the output came from: its offsets mapped as InputSpan maps them, its Text
// the text of original between them. Offsets past the end of original are
// clamped to it.
//
//	out, m := n.StringMapped(page)
//	for s := range zhnorm.Sentences(out) {
//		orig := m.Span(s.Trim(), page) // where the sentence stands on the page
//		…
//	}
func (m *OffsetMap) Span(s Span, original string) Span {
	start, end := m.InputSpan(s.Start, s.End)
	start, end = min(start, len(original)), min(end, len(original))
	return Span{Start: start, End: end, Text: original[start:end]}
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
