package zhnorm

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
