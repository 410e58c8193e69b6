package zhbleve

import (
	"fmt"

	"github.com/zhnorm/zhnorm"
)

// DefaultConfig is the OpenCC config a Fold converts with unless told
// otherwise: Traditional Chinese to Simplified, characters and phrases.
const DefaultConfig = "t2s"

// A Fold turns text into the form an index compares: normalized by zhnorm
// and converted to one script, so that 黑龍江 and 黑龙江, or ２０２４ and
// 2024, become the same text. Its String also returns the map from the
// folded text back to the text it was given, so that what is found in the
// folded text can be shown in the original.
//
// A Fold is safe for concurrent use.
type Fold struct {
	norm *zhnorm.Normalizer
	conv *zhnorm.Converter // nil: normalization only
}

// NewFold returns the Fold that normalizes with the Normalizer rules opts
// (zhnorm's defaults when there are none) and then converts with the
// built-in OpenCC config named config, such as "t2s" (Traditional to
// Simplified), "tw2sp" (Taiwan Traditional to mainland Simplified, with
// Taiwan phrases such as 記憶體 becoming mainland ones such as 内存) or
// "hk2s". An empty config means DefaultConfig, and "none" converts
// nothing.
func NewFold(config string, opts ...zhnorm.Option) (*Fold, error) {
	f := &Fold{norm: zhnorm.NewNormalizer(opts...)}
	switch config {
	case "none":
	case "":
		config = DefaultConfig
		fallthrough
	default:
		c, err := zhnorm.NewConverter(config)
		if err != nil {
			return nil, fmt.Errorf("zhbleve: fold: %v", err)
		}
		f.conv = c
	}
	return f, nil
}

// Config returns the name of the OpenCC config f converts with, or "none".
func (f *Fold) Config() string {
	if f.conv == nil {
		return "none"
	}
	return f.conv.Name()
}

// String returns s folded, and the map of the folded text's byte offsets
// to those of s (see zhnorm.OffsetMap). s need not be valid UTF-8.
func (f *Fold) String(s string) (string, *zhnorm.OffsetMap) {
	out, m := f.norm.FieldMapped(s)
	if f.conv == nil {
		return out, m
	}
	out, cm := f.conv.StringMapped(out)
	return out, m.Then(cm)
}
