package zhnorm

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// MaxLineLength is the longest line, in bytes, that the Normalizer treats as
// one piece. A longer line is normalized in consecutive pieces of at most
// this many bytes, cut at character boundaries; nothing is lost, but rules
// that look at a whole line (pairs of brackets and quotes, trimming) see each
// piece on its own. It bounds the memory a streaming Normalizer holds.
const MaxLineLength = 64 << 10

// A Normalizer cleans Chinese newspaper text: it repairs what scraping,
// archiving and format conversion did to it, and makes punctuation, width
// and spacing consistent. Every rule changes text only where it is sure;
// where it cannot tell, the text stays as it was.
//
// The zero value is not usable; create Normalizers with NewNormalizer.
//
// String, Bytes, Append, StringReport and StringMapped keep their state on
// the stack and are safe for concurrent use. Transform, TransformMapped,
// Span, Reset and Report use the stream state held in the Normalizer: a Normalizer used as a
// transform.Transformer (in transform.Chain or transform.NewReader) serves
// one stream at a time and must not be used by several goroutines at once.
// Clone returns an independent Normalizer with the same rules for another
// stream.
//
// The Normalizer works line by line. Its output is valid UTF-8 in which
// every line ends with "\n" (when the whitespace rule is on) and the same
// rules applied again change nothing: Normalize(Normalize(s)) ==
// Normalize(s).
type Normalizer struct {
	cfg    config
	stream stream
}

// config is the immutable part of a Normalizer: which rules are on.
type config struct {
	on     ruleSet
	quotes QuoteStyle
}

// An Option configures a Normalizer.
type Option func(*config)

// Enable switches rules on; the optional rules are off unless enabled.
func Enable(rules ...Rule) Option {
	return func(c *config) {
		for _, r := range rules {
			c.on |= 1 << r
		}
	}
}

// Disable switches rules off.
func Disable(rules ...Rule) Option {
	return func(c *config) {
		for _, r := range rules {
			c.on &^= 1 << r
		}
	}
}

// QuoteStyle selects the quotation marks the Quotes rule writes.
type QuoteStyle uint8

const (
	// QuotesMainland writes “” outside and ‘’ inside (GB/T 15834).
	QuotesMainland QuoteStyle = iota
	// QuotesTaiwan writes 「」 outside and 『』 inside, as in Taiwan and
	// Hong Kong.
	QuotesTaiwan
)

// WithQuotes enables the Quotes rule with the given style.
func WithQuotes(style QuoteStyle) Option {
	return func(c *config) {
		c.on |= 1 << Quotes
		c.quotes = style
	}
}

// NewNormalizer returns a Normalizer with the default rules changed by opts,
// which apply in order.
func NewNormalizer(opts ...Option) *Normalizer {
	n := &Normalizer{cfg: config{on: defaultRules}}
	for _, o := range opts {
		if o != nil {
			o(&n.cfg)
		}
	}
	n.stream.reset()
	return n
}

// Clone returns a new Normalizer with the same rules as n and a fresh stream
// state, for use as a Transformer on another stream.
func (n *Normalizer) Clone() *Normalizer {
	c := &Normalizer{cfg: n.cfg}
	c.stream.reset()
	return c
}

// Enabled reports whether rule r is on.
func (n *Normalizer) Enabled(r Rule) bool { return n.cfg.on.has(r) }

var defaultConfig = config{on: defaultRules}

// Normalize applies the default rules to s. It returns s itself, and
// allocates nothing, when s is already normalized.
func Normalize(s string) string {
	return defaultConfig.string(s)
}

// String returns s normalized. It returns s itself, and allocates nothing,
// when s is already normalized.
func (n *Normalizer) String(s string) string { return n.cfg.string(s) }

// Field returns s normalized as a field of a record (a JSON value, a
// database column) rather than as a file: as String, except that it does
// not add the final line break the Whitespace rule gives a document, unless
// s ended with one.
func (n *Normalizer) Field(s string) string {
	out := n.String(s)
	if !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, "\r") {
		out = strings.TrimSuffix(out, "\n")
	}
	return out
}

// Bytes returns b normalized. It may return b itself when b is already
// normalized.
func (n *Normalizer) Bytes(b []byte) []byte {
	var d document
	d.init(&n.cfg, false)
	k := d.spanAll(b)
	if k == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/8+16)
	out = append(out, b[:k]...)
	return d.normalizeRest(out, b[k:])
}

// Append appends src normalized to out and returns the extended buffer.
func (n *Normalizer) Append(out, src []byte) []byte {
	var d document
	d.init(&n.cfg, false)
	k := d.spanAll(src)
	out = append(out, src[:k]...)
	if k == len(src) {
		return out
	}
	return d.normalizeRest(out, src[k:])
}

// StringReport returns s normalized and a report of what each rule changed
// and of the suspect spots it kept.
func (n *Normalizer) StringReport(s string) (string, *Report) {
	var d document
	d.init(&n.cfg, true)
	b := stringBytes(s)
	k := d.spanAll(b)
	if k == len(b) {
		return s, d.report.clone()
	}
	out := make([]byte, 0, len(s)+len(s)/8+16)
	out = append(out, s[:k]...)
	out = d.normalizeRest(out, b[k:])
	return bytesString(out), d.report.clone()
}

func (c *config) string(s string) string {
	var d document
	d.init(c, false)
	b := stringBytes(s)
	k := d.spanAll(b)
	if k == len(b) {
		return s
	}
	out := make([]byte, 0, len(s)+len(s)/8+16)
	out = append(out, s[:k]...)
	return bytesString(d.normalizeRest(out, b[k:]))
}

// Reset restores the stream state: the next Transform or Span starts a new
// document, and Report starts empty.
func (n *Normalizer) Reset() { n.stream.reset() }

// Transform implements transform.Transformer. It keeps the unfinished line
// (at most MaxLineLength bytes) and output that did not fit dst in the
// Normalizer, so it never returns transform.ErrShortSrc: any chunking of the
// input gives the same output as String of the whole.
func (n *Normalizer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	return n.stream.transform(&n.cfg, dst, src, atEOF)
}

// Span implements transform.SpanningTransformer. It reports how much of src
// is already normalized, advancing the stream state over it as Transform
// would. It returns transform.ErrShortSrc when the end of src leaves that
// open (an unfinished line, or a blank line whose fate depends on the next).
// It allocates nothing but the text of the suspects it reports.
func (n *Normalizer) Span(src []byte, atEOF bool) (int, error) {
	return n.stream.span(&n.cfg, src, atEOF)
}

// Report returns what the rules changed, and the suspect spots they kept,
// in the input transformed with Transform and Span since the last Reset.
func (n *Normalizer) Report() *Report { return n.stream.doc.report.clone() }

var _ transform.SpanningTransformer = (*Normalizer)(nil)

// stringBytes views s as bytes without copying; the bytes are only read.
func stringBytes(s string) []byte {
	if s == "" {
		return nil
	}
	return unsafeStringBytes(s)
}

// encodes reports whether b is exactly the UTF-8 encoding of r.
func encodes(b []byte, r rune) bool {
	if r < utf8.RuneSelf {
		return len(b) == 1 && rune(b[0]) == r
	}
	got, size := utf8.DecodeRune(b)
	return got == r && size == len(b) && size > 1
}
