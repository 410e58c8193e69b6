package zhnorm

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/zhnorm/zhnorm/internal/scripttab"
)

// Script is the script of a Chinese text: Simplified or Traditional
// characters, both, or neither.
type Script uint8

const (
	// NoHan is a text without Han characters.
	NoHan Script = iota
	// Undetermined is Han text without any character that only one script
	// uses: it reads the same in both (中文, 台北市).
	Undetermined
	// Simplified is text in Simplified characters (为, 说, 线).
	Simplified
	// Traditional is text in Traditional characters (為, 說, 線).
	Traditional
	// Mixed is text with many characters of both scripts.
	Mixed
)

var scriptNames = [...]string{"no Han", "undetermined", "Simplified", "Traditional", "mixed"}

// String returns the script's name: "Simplified", "Traditional", "mixed",
// "undetermined" or "no Han".
func (s Script) String() string {
	if int(s) < len(scriptNames) {
		return scriptNames[s]
	}
	return "Script(" + strconv.Itoa(int(s)) + ")"
}

// Standard is the standard of Traditional characters a text follows. The
// standards differ in a few dozen characters: OpenCC's (what s2t writes)
// 爲 裏 着 説…, Taiwan's 為 裡 著 說 線 衛, Hong Kong's 為 裏 着 説 綫 衞.
type Standard uint8

const (
	// StandardUnknown says the text carries no evidence for one standard
	// over the others: its characters are the same in all the candidates.
	StandardUnknown Standard = iota
	// StandardOpenCC is OpenCC's standard Traditional (configs s2t, t2s).
	StandardOpenCC
	// StandardTaiwan is Taiwan's standard (s2tw, tw2s).
	StandardTaiwan
	// StandardHongKong is Hong Kong's standard (s2hk, hk2s).
	StandardHongKong
)

var standardNames = [...]string{"unknown", "OpenCC", "Taiwan", "Hong Kong"}

// String returns the standard's name: "OpenCC", "Taiwan", "Hong Kong" or
// "unknown".
func (s Standard) String() string {
	if int(s) < len(standardNames) {
		return standardNames[s]
	}
	return "Standard(" + strconv.Itoa(int(s)) + ")"
}

// Evidence counts what a detection saw. A character counts where OpenCC's
// dictionaries (STCharacters, TSCharacters, TWVariants, HKVariants) show
// that some standards use it and others do not; every occurrence counts.
// Phrases (TWPhrases' 軟體 for 軟件) do not count: as evidence they are
// weaker than the characters (建立 and 支持 are on both sides).
type Evidence struct {
	Han int // Han characters read

	Simplified  int // characters only Simplified uses: 为 说 线 卫
	Traditional int // characters no Simplified text uses: 為 爲 說 説 線 綫 裡

	// Characters that some Traditional standards use and others do not
	// (Regional), and of those, the ones each standard uses: 爲 counts for
	// OpenCC, 為 for Taiwan and Hong Kong, 裡 for Taiwan, 裏 for OpenCC and
	// Hong Kong, 着 for OpenCC and Hong Kong (Taiwan writes 著).
	Regional, OpenCC, Taiwan, HongKong int

	// byMask counts the regional characters by the standards that use
	// them: bit 0 OpenCC, 1 Taiwan, 2 Hong Kong.
	byMask [8]int
}

// Detection is what Detect found in a text.
type Detection struct {
	Script Script
	// Standard is the Traditional standard the text follows; it is
	// StandardUnknown unless Script is Traditional or Mixed.
	Standard Standard
	Evidence Evidence
	// Confidence in Script, from 0 (no evidence, or as much for both
	// scripts) towards 1: (w-l)/(w+l+1) for w characters of the winning
	// script and l of the other; for Mixed, 2l/(w+l) capped below 1.
	Confidence float64
	// StandardConfidence is the probability of Standard against the next
	// most likely standard, under the model Detect describes: 0 when
	// Standard is StandardUnknown, at least 0.99 otherwise.
	StandardConfidence float64
}

// String formats d for logs: "Traditional (Taiwan) 0.98".
func (d Detection) String() string {
	s := d.Script.String()
	if d.Standard != StandardUnknown {
		s += " (" + d.Standard.String() + ")"
	}
	return s + " " + strconv.FormatFloat(d.Confidence, 'f', 2, 64)
}

// Detect tells the script of text, and for Traditional or mixed text the
// standard it follows. It reads all of text, allocates nothing, and skips
// invalid UTF-8 as bytes that are not Han.
//
// The script is the side with more characters only it uses (为 against
// 為 爲); Mixed when each side has at least 3 and the smaller count is at
// least a quarter of both, or when the counts are equal.
//
// The standard is the most likely under a simple model of the regional
// characters (those some Traditional standards use and others do not): a
// Taiwan text writes Taiwan's form with probability 0.95; a Hong Kong text
// writes Hong Kong's form (裏 着 綫 衞 説 温) with probability 0.25 and
// Taiwan's otherwise, because Hong Kong's press long wrote Big5 with
// Taiwan's forms (the CityU corpus writes 說 戶 溫 衛 群 but 裏); a text in
// OpenCC's standard keeps to it with 0.99 but is rare a priori (2 %).
// Detect names the standard only when it is 99 times likelier than the
// next, and says StandardUnknown otherwise: a paragraph rarely carries
// that much evidence, a document or a Detector's few KB often do, and
// where the standards' forms are the same (為 is Taiwan's and Hong Kong's)
// there is none. Evidence.Likeliest gives the best guess for a program
// that must choose.
func Detect(text string) Detection {
	var ev Evidence
	scan(&ev, text, -1, false)
	return ev.decide()
}

// mixedMin is the number of characters of each script Mixed needs.
const mixedMin = 3

// decide turns evidence into a decision.
func (ev Evidence) decide() Detection {
	d := Detection{Evidence: ev}
	s, t := ev.Simplified, ev.Traditional
	switch {
	case ev.Han == 0:
		d.Script = NoHan
		return d
	case s == 0 && t == 0:
		d.Script = Undetermined
		return d
	case s >= mixedMin && t >= mixedMin && 4*min(s, t) >= s+t:
		d.Script = Mixed
		d.Confidence = min(2*float64(min(s, t))/float64(s+t), 0.99)
	case s > t:
		d.Script = Simplified
		d.Confidence = float64(s-t) / float64(s+t+1)
	case t > s:
		d.Script = Traditional
		d.Confidence = float64(t-s) / float64(s+t+1)
	default:
		d.Script = Mixed
	}
	if d.Script == Simplified || ev.Regional == 0 {
		return d
	}
	best, margin := ev.likeliest()
	if margin < minStandardMargin {
		return d // too little evidence between the leaders: no guess
	}
	d.Standard = best
	d.StandardConfidence = 1 - 1/(1+math.Exp(margin))
	return d
}

// How closely text of each standard keeps to the standard's forms, for
// the likelihood standard computes. Text converted by OpenCC keeps to its
// forms almost always; Taiwan's press keeps to Taiwan's closely; Hong
// Kong's press, long written in Big5 with Taiwan's forms, uses Hong Kong's
// own forms (裏 着 綫 衞 説) for only some of the characters where they
// differ, and Taiwan's for the others.
const (
	keepOpenCC   = 0.99
	keepTaiwan   = 0.95
	keepHongKong = 0.25

	// priorOpenCC is the share of Traditional text in OpenCC's standard,
	// which is rare outside OpenCC's output; Taiwan and Hong Kong share
	// the rest.
	priorOpenCC = 0.02

	// minStandardMargin is the log-likelihood ratio, ln 99, by which the
	// best standard must lead the next for Detect to name it: odds of 99
	// to 1, a confidence of 0.99.
	minStandardMargin = 4.59511985013459
)

// likeliest returns the most likely standard for the regional evidence and
// the log-likelihood ratio by which it leads the next. The model: each
// regional character of a text of standard X is, independently, one of
// X's forms with probability keepX, and another form otherwise; for Hong
// Kong, the other form is Taiwan's. The standards have the prior
// probabilities priorOpenCC, and half the rest each.
func (ev Evidence) likeliest() (Standard, float64) {
	lls := [...]float64{
		StandardOpenCC:   math.Log(priorOpenCC),
		StandardTaiwan:   math.Log((1 - priorOpenCC) / 2),
		StandardHongKong: math.Log((1 - priorOpenCC) / 2),
	}
	for m := 1; m < 7; m++ {
		n := float64(ev.byMask[m])
		if n == 0 {
			continue
		}
		lls[StandardOpenCC] += n * math.Log(keep(m&1 != 0, keepOpenCC))
		lls[StandardTaiwan] += n * math.Log(keep(m&2 != 0, keepTaiwan))
		// Hong Kong's form, or Taiwan's in its place.
		p := 0.0
		if m&4 != 0 {
			p += keepHongKong
		}
		if m&2 != 0 {
			p += 1 - keepHongKong
		}
		p = min(max(p, 1-keepOpenCC), keepOpenCC)
		if m&6 == 6 {
			// A form Taiwan and Hong Kong share (為) tells the two
			// apart no more than a character they write alike.
			p = keepTaiwan
		}
		lls[StandardHongKong] += n * math.Log(p)
	}
	best, second := StandardOpenCC, StandardTaiwan
	if lls[second] > lls[best] {
		best, second = second, best
	}
	if lls[StandardHongKong] > lls[best] {
		best, second = StandardHongKong, best
	} else if lls[StandardHongKong] > lls[second] {
		second = StandardHongKong
	}
	return best, lls[best] - lls[second]
}

// keep returns the probability that a text keeping to a standard with
// probability p writes a character the standard uses (ok) or does not.
func keep(ok bool, p float64) float64 {
	if ok {
		return p
	}
	return 1 - p
}

// Likeliest returns the most likely Traditional standard for the evidence,
// and its probability against the next most likely, under the model
// Detect describes. Where Detect reports StandardUnknown, it is the
// guess a program that must choose can make, and how good a guess it is
// (0.5: none at all). It needs the Evidence of Detect or a Detector, which
// also records which standards each regional character fits.
func (ev Evidence) Likeliest() (Standard, float64) {
	st, margin := ev.likeliest()
	return st, 1 - 1/(1+math.Exp(margin))
}

// DetectAfter is the number of Han characters (about 6 KB of text) after
// which a Detector decides.
const DetectAfter = 2048

// A Detector detects the script of a stream from its first DetectAfter Han
// characters. Write the stream to it in chunks of any size; the decision
// does not depend on where the chunks end, not even inside a character.
// Once Decided, it ignores further writes, so a program can copy a whole
// stream through it (io.MultiWriter) at little cost. The zero Detector is
// ready to use.
type Detector struct {
	ev      Evidence
	pend    [utf8.UTFMax]byte // an incomplete character at the end of a write
	npend   int
	decided bool
}

// Write adds the Han characters of p to the evidence. It always returns
// len(p), nil.
func (d *Detector) Write(p []byte) (int, error) {
	detectorWrite(d, p)
	return len(p), nil
}

// WriteString is Write for a string.
func (d *Detector) WriteString(s string) (int, error) {
	detectorWrite(d, s)
	return len(s), nil
}

func detectorWrite[T string | []byte](d *Detector, p T) {
	for len(p) > 0 && !d.decided {
		if d.npend > 0 {
			// Complete the pending character with the continuation bytes
			// it needs, and read it as a whole text would have.
			need := utf8SeqLen(d.pend[0])
			for d.npend < need && len(p) > 0 && p[0]&0xC0 == 0x80 {
				d.pend[d.npend] = p[0]
				d.npend++
				p = p[1:]
			}
			if d.npend < need && len(p) == 0 {
				return // still incomplete
			}
			scan(&d.ev, d.pend[:d.npend], DetectAfter, true)
			d.npend = 0
			d.decided = d.ev.Han >= DetectAfter
			continue
		}
		limit := DetectAfter
		if len(p) < 3*(DetectAfter-d.ev.Han) {
			limit = -1 // p cannot hold enough Han characters to decide
		}
		n := scan(&d.ev, p, limit, true)
		p = p[n:]
		if d.ev.Han >= DetectAfter {
			d.decided = true
			return
		}
		// scan stopped at the end, or before an incomplete character there.
		d.npend = copy(d.pend[:], p)
		return
	}
}

// Decided reports whether the Detector has read DetectAfter Han
// characters, and so decided: Detection will not change.
func (d *Detector) Decided() bool { return d.decided }

// Detection returns the decision once Decided, and before that the
// detection of what was written so far (the whole stream, when it had
// fewer than DetectAfter Han characters).
func (d *Detector) Detection() Detection { return d.ev.decide() }

// Reset forgets everything written, to detect a new stream.
func (d *Detector) Reset() { *d = Detector{} }

// utf8SeqLen is the length of the UTF-8 sequence lead byte b starts, or 1
// when b cannot start one of more than a byte.
func utf8SeqLen(b byte) int {
	switch {
	case b >= 0xC2 && b < 0xE0:
		return 2
	case b >= 0xE0 && b < 0xF0:
		return 3
	case b >= 0xF0 && b < 0xF5:
		return 4
	}
	return 1
}

// scan adds the Han characters of s to ev until ev.Han reaches limit
// (limit < 0: no limit) and returns the number of bytes it read. For a
// stream, it also stops before an incomplete character at the end of s,
// for the Detector to complete. Bytes that do
// not form a character (invalid UTF-8) are skipped one at a time, so the
// result does not depend on where s was cut.
func scan[T string | []byte](ev *Evidence, s T, limit int, stream bool) int {
	// counts[m&0x0F|m>>7<<4] counts the characters of mask m: the Han
	// characters at 16 and above. Counting every character, Han or not,
	// without a branch on its mask is what makes the loop fast.
	var counts [32]int
	han := ev.Han
	index, blocks := scripttab.Tables()
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0xE0 {
			i++ // ASCII, two-byte characters (never Han) and stray bytes
			continue
		}
		var m uint8
		if c < 0xF0 && i+3 < len(s) {
			// The common case, from one load of four bytes.
			w := load32(textData(s), i)
			if w&0xC0C000 != 0x808000 { // not both continuation bytes
				i++
				continue
			}
			i += 3
			m = blocks[int(index[(w&0x0F)<<4|w>>10&0x0F])<<8|int(w>>2&0xC0|w>>16&0x3F)]
		} else if c < 0xF0 {
			if i+2 >= len(s) {
				if stream && isTail(s[i+1:]) {
					break
				}
				i++
				continue
			}
			c1, c2 := s[i+1], s[i+2]
			if (c1^0x80)|(c2^0x80) >= 0x40 { // not both continuation bytes
				i++
				continue
			}
			i += 3
			// The rune is c&0x0F<<12 | c1&0x3F<<6 | c2&0x3F: its block is
			// the first 8 of those 16 bits.
			m = blocks[int(index[c<<4|c1>>2&0x0F])<<8|int(c1&3)<<6|int(c2&0x3F)]
		} else {
			if c >= 0xF5 {
				i++
				continue
			}
			if i+3 >= len(s) {
				if stream && isTail(s[i+1:]) {
					break
				}
				i++
				continue
			}
			c1, c2, c3 := s[i+1], s[i+2], s[i+3]
			if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || c3&0xC0 != 0x80 {
				i++
				continue
			}
			i += 4
			r := rune(c&0x07)<<18 | rune(c1&0x3F)<<12 | rune(c2&0x3F)<<6 | rune(c3&0x3F)
			if r < 0x20000 {
				continue // not Han, or overlong: not a character
			}
			m = scripttab.Lookup(r)
		}
		counts[(m&0x0F|m>>7<<4)&31]++
		if limit >= 0 {
			if han += int(m >> 7); han == limit {
				break
			}
		}
	}
	ev.add(&counts)
	return i
}

// add adds the counts of scan to ev.
func (ev *Evidence) add(counts *[32]int) {
	const oth = scripttab.OpenCC | scripttab.Taiwan | scripttab.HongKong
	for m := uint8(0); m < 16; m++ {
		n := counts[16+m]
		ev.Han += n
		if m&scripttab.Simplified == 0 {
			ev.Traditional += n
		} else if m&oth == 0 {
			ev.Simplified += n
		}
		if r := m & oth >> 1; r != 0 && r != 7 {
			ev.byMask[r] += n
			ev.Regional += n
			ev.OpenCC += n * int(r&1)
			ev.Taiwan += n * int(r>>1&1)
			ev.HongKong += n * int(r>>2)
		}
	}
}

// isTail reports whether s, the bytes after a lead byte at the end of a
// text, are all continuation bytes: a character cut short.
func isTail[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			return false
		}
	}
	return true
}
