package pinyintab

import (
	"bytes"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// TestTableMatchesGoPinyin rebuilds the table from the go-pinyin module in
// go.mod and fails when the committed readings.bin differs: run go generate
// in internal/pinyintab after updating go-pinyin.
func TestTableMatchesGoPinyin(t *testing.T) {
	want, err := Build(pinyin.PinyinDict)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(data), want) {
		t.Fatalf("readings.bin (%d bytes) differs from the table built from go-pinyin (%d bytes); run go generate ./internal/pinyintab", len(data), len(want))
	}
}

// TestEveryEntryReadable checks every reading of every go-pinyin entry
// through the public lookups, so the encoder and the reader agree.
func TestEveryEntryReadable(t *testing.T) {
	if tableLayout().nRunes != len(pinyin.PinyinDict) {
		t.Fatalf("table has %d characters, go-pinyin %d", tableLayout().nRunes, len(pinyin.PinyinDict))
	}
	for cp, v := range pinyin.PinyinDict {
		rs := Readings(rune(cp))
		if len(rs) == 0 {
			t.Fatalf("%U: no readings, want %q", cp, v)
		}
		for _, s := range rs {
			if !IsReading(rune(cp), []byte(s)) || !IsSyllable([]byte(s)) {
				t.Fatalf("%U: %q listed but not found", cp, s)
			}
		}
	}
}

func TestIsReading(t *testing.T) {
	tests := []struct {
		r    rune
		s    string
		want bool
	}{
		{'數', "shù", true},
		{'數', "shǔ", true},
		{'數', "shu", false}, // no tone mark
		{'數', "fā", false},
		{'發', "fā", true},
		{'現', "xiàn", true},
		{'a', "a", false},
		{'中', "zhōng", true},
		{'中', "zhòng", true},
		{'中', "zhǒng", false},
	}
	for _, tt := range tests {
		if got := IsReading(tt.r, []byte(tt.s)); got != tt.want {
			t.Errorf("IsReading(%q, %q) = %v, want %v", tt.r, tt.s, got, tt.want)
		}
	}
	if IsSyllable([]byte("xyz")) || !IsSyllable([]byte("xiàn")) {
		t.Error("IsSyllable wrong")
	}
}

func TestLookupAllocatesNothing(t *testing.T) {
	syl := []byte("shù")
	if n := testing.AllocsPerRun(100, func() { IsReading('數', syl) }); n != 0 {
		t.Errorf("IsReading allocates %v times", n)
	}
}
