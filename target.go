package zhnorm

import (
	"fmt"
	"strings"
)

// A Target converts Chinese text to a script or regional standard named by
// a BCP 47 tag (zh-Hans, zh-TW…) rather than by an OpenCC config: it
// detects what each document is written in (Detect) and converts it with
// the OpenCC configs that go from there to the target, so that a user
// need not know that text from Taiwan goes to Simplified through tw2s and
// text from Hong Kong through hk2s. Text already in the target keeps its
// characters. Its quotation marks follow the target: 「」『』 for zh-TW,
// zh-HK and zh-Hant, “”‘’ for zh-Hans and zh-CN, converted in pairs in
// Chinese context on one line (see KeepPunctuation).
//
// The configs, by what the document is written in:
//
//	source \ target    zh-Hans  zh-TW        zh-HK        zh-Hant
//	Simplified         -        s2tw         s2hk         s2t
//	Taiwan             tw2s     -            tw2t, t2hk   -
//	Hong Kong          hk2s     hk2t, t2tw   -            -
//	OpenCC standard    t2s      t2tw         t2hk         -
//
// zh-Hant takes Traditional text of any standard as it is. Where Detect
// names no standard, the likeliest one under its model decides
// (Evidence.Likeliest; for a Series, from the evidence of the documents
// before too); Traditional text without a single character that tells the
// standards apart is taken as Taiwan's: it then holds none of the
// characters tw2s, hk2s and t2s treat differently, and zh-TW, the
// likelier target for it, leaves it alone. Mixed text (many characters of
// both scripts) converts as Traditional towards zh-Hans and as Simplified
// towards the other targets: t2s leaves Simplified characters as they are,
// and s2t Traditional ones, nearly always (see the README's Targets
// section for the measures). Text with Han characters none of which only
// one script uses (Undetermined) converts towards zh-Hans as Traditional
// text (於 is Traditional unless a surname, and T→S configs leave
// Simplified characters alone) and keeps its characters towards the
// other targets (s2t would write 臺 for 台 in Traditional text). Text
// without Han characters keeps them.
//
// String and Bytes detect on the whole text and are safe for concurrent
// use. As a transform.SpanningTransformer (transform.NewReader,
// transform.Chain) a Target holds the stream's state, serves one stream at
// a time, and decides from the first DetectAfter Han characters or the
// first TargetLookAhead bytes, whichever comes first, holding back its
// output until then; the output is the same however the input is cut.
// Clone gives a Target for another stream. Bytes that are not valid UTF-8
// pass through unchanged. NewTarget makes Targets; the zero Target changes
// nothing.
type Target struct {
	tag     string
	kind    targetKind
	phrases bool
	quotes  *quoteMarks // nil: KeepPunctuation
	// plans holds the configs for each source, resolved by NewTarget.
	plans  [numSources][]*Converter
	stream targetStream
}

// targetKind is what a tag asks for.
type targetKind uint8

const (
	toHans targetKind = iota
	toHant
	toTaiwan
	toHongKong
)

// source is what a document is converted from.
type source uint8

const (
	fromNone source = iota // nothing to convert
	fromSimplified
	fromOpenCC
	fromTaiwan
	fromHongKong
	numSources
)

// A TargetOption changes what a Target does.
type TargetOption func(*targetOptions)

type targetOptions struct{ phrases, keepPunct bool }

// WithRegionalPhrases converts vocabulary too between Simplified and a
// region, with OpenCC's s2twp, tw2sp, s2hkp and hk2sp in place of s2tw,
// tw2s, s2hk and hk2s: 设备 becomes 裝置 in zh-TW, not 設備. It is off by
// default because it rewrites words rather than characters. Between
// Taiwan and Hong Kong, and to or from zh-Hant, it changes nothing.
func WithRegionalPhrases() TargetOption {
	return func(o *targetOptions) { o.phrases = true }
}

// KeepPunctuation leaves quotation marks as they are.
func KeepPunctuation() TargetOption {
	return func(o *targetOptions) { o.keepPunct = true }
}

// targetTags lists the tags NewTarget takes, in the order its error
// message names them.
const targetTags = "zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK (also zh-SG, zh-MY, zh-MO, zh-Hans-CN, zh-Hans-SG, zh-Hant-TW, zh-Hant-HK, zh-Hant-MO)"

// parseTarget reads a BCP 47 tag: zh, then a script (Hans, Hant) or a
// region, or both.
func parseTarget(tag string) (targetKind, string, bool) {
	parts := strings.Split(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"), "-")
	if len(parts) < 2 || len(parts) > 3 || !strings.EqualFold(parts[0], "zh") {
		return 0, "", false
	}
	script, region := "", ""
	for _, p := range parts[1:] {
		switch {
		case len(p) == 4 && script == "" && region == "":
			script = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		case len(p) == 2 && region == "":
			region = strings.ToUpper(p)
		default:
			return 0, "", false
		}
	}
	canon := "zh"
	if script != "" {
		canon += "-" + script
	}
	if region != "" {
		canon += "-" + region
	}
	simplified := region == "CN" || region == "SG" || region == "MY"
	switch script {
	case "Hans":
		if region == "" || simplified {
			return toHans, canon, true
		}
	case "Hant":
		switch region {
		case "":
			return toHant, canon, true
		case "TW":
			return toTaiwan, canon, true
		case "HK", "MO":
			return toHongKong, canon, true
		}
	case "":
		switch {
		case simplified:
			return toHans, canon, true
		case region == "TW":
			return toTaiwan, canon, true
		case region == "HK" || region == "MO":
			return toHongKong, canon, true
		}
	}
	return 0, "", false
}

// NewTarget returns a Target for a BCP 47 tag: zh-Hans or zh-CN
// (Simplified, mainland punctuation), zh-TW (Taiwan's standard), zh-HK
// (Hong Kong's), or zh-Hant (Traditional of any standard; Simplified text
// becomes OpenCC's standard). Case does not matter and "_" may stand for
// "-". zh-SG and zh-MY are zh-Hans, zh-MO is zh-HK, and a tag with both a
// script and a region (zh-Hant-TW, zh-Hans-CN) is what its region asks
// for in that script. Any other tag is an error that lists the valid ones.
func NewTarget(tag string, opts ...TargetOption) (*Target, error) {
	kind, canon, ok := parseTarget(tag)
	if !ok {
		return nil, fmt.Errorf("zhnorm: unknown target %q; valid targets: %s", tag, targetTags)
	}
	var o targetOptions
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	t := &Target{tag: canon, kind: kind, phrases: o.phrases}
	if !o.keepPunct {
		if kind == toHans {
			t.quotes = &toCurlyQuotes
		} else {
			t.quotes = &toCornerQuotes
		}
	}
	for src := fromSimplified; src < numSources; src++ {
		for _, name := range t.configsFor(src) {
			c, err := NewConverter(name)
			if err != nil {
				return nil, err
			}
			t.plans[src] = append(t.plans[src], c)
		}
	}
	return t, nil
}

// targetConfigs names the configs from each source to each target,
// joined with "+"; "" for none.
var targetConfigs = [...][numSources]string{
	toHans:     {fromOpenCC: "t2s", fromTaiwan: "tw2s", fromHongKong: "hk2s"},
	toTaiwan:   {fromSimplified: "s2tw", fromOpenCC: "t2tw", fromHongKong: "hk2t+t2tw"},
	toHongKong: {fromSimplified: "s2hk", fromOpenCC: "t2hk", fromTaiwan: "tw2t+t2hk"},
	toHant:     {fromSimplified: "s2t"},
}

// configsFor returns the names of the configs that convert from src to
// the target: with regional phrases, s2twp for s2tw and the like.
func (t *Target) configsFor(src source) []string {
	if targetConfigs[t.kind][src] == "" {
		return nil
	}
	names := strings.Split(targetConfigs[t.kind][src], "+")
	for i, n := range names {
		switch n {
		case "s2tw", "tw2s", "s2hk", "hk2s":
			if t.phrases {
				names[i] = n + "p"
			}
		}
	}
	return names
}

// Tag returns the target's tag as NewTarget read it, in BCP 47's usual
// case: "zh-Hant-TW" for "zh_hant_tw".
func (t *Target) Tag() string { return t.tag }

// Clone returns a Target with the same target and options and a fresh
// stream state, for use on another stream.
func (t *Target) Clone() *Target {
	c := &Target{tag: t.tag, kind: t.kind, phrases: t.phrases, quotes: t.quotes, plans: t.plans}
	return c
}
