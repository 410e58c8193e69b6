package zhnorm

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestPlainTable checks the fast path against the rules: a character it
// copies without looking must be one no rule starts at.
func TestPlainTable(t *testing.T) {
	for _, quotes := range []bool{false, true} {
		for r := rune(0x800); r <= 0xFFFF; r++ {
			if 0xD800 <= r && r <= 0xDFFF || !plain3(r, quotes) {
				continue
			}
			var buf [4]byte
			b := buf[:utf8.EncodeRune(buf[:], r)]
			switch {
			case isSpace(r) || isZeroWidth(r) || isControl(r) || r == 0x200D:
				t.Errorf("%U is whitespace or removed, but plain", r)
			case needsNFC(b):
				t.Errorf("%U needs NFC, but plain", r)
			case radical(r) != 0 || fold(r) != r:
				t.Errorf("%U folds, but plain", r)
			case isZeroLike(r) || r == 0xFFFD:
				t.Errorf("%U starts a rule, but plain", r)
			case isFormStart(r):
				t.Errorf("%U starts the Forms rule, but plain", r)
			}
			switch r {
			case '，', '、', '；', '：', '。', '…', '（', '—', '–', '―', '•', '‧', '・', '･':
				t.Errorf("%U starts a rule, but plain", r)
			case '“', '”', '‘', '’', '「', '」', '『', '』':
				if quotes {
					t.Errorf("%U starts the Quotes rule, but plain", r)
				}
			}
			if 0xFF01 <= r && r <= 0xFF5E {
				switch r - 0xFEE0 {
				case '%', '+', '-', '/', '=', '<', '>', '#', '&', '*', '@', '.':
					t.Errorf("%U starts the Width rule, but plain", r)
				}
			}
		}
	}
	for c := 0; c < 128; c++ {
		if !asciiPlain[c] {
			continue
		}
		switch {
		case c < 0x20 || c == 0x7F || c == ' ':
			t.Errorf("%q is plain", rune(c))
		}
		for _, special := range ",;:!?()\"&<-./O" {
			if rune(c) == special {
				t.Errorf("%q starts a rule, but plain", rune(c))
			}
		}
	}
}

// TestNeedsNFC checks the quick NFC test against norm.NFC for every
// character: where NFC would change a character alone, or could combine it
// with the one before, needsNFC must say so.
func TestNeedsNFC(t *testing.T) {
	for r := rune(0x80); r <= 0x10FFFF; r++ {
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		var buf [4]byte
		b := buf[:utf8.EncodeRune(buf[:], r)]
		changes := !norm.NFC.IsNormal(b) || !norm.NFC.Properties(b).BoundaryBefore()
		if changes && !needsNFC(b) {
			t.Errorf("needsNFC(%U) = false, but NFC acts on it", r)
		}
	}
}

func TestRadical(t *testing.T) {
	for r, want := range map[rune]rune{'⽇': '日', '⼀': '一', '⺟': '母', '⻳': '龟', '⺀': 0, '日': 0} {
		if got := radical(r); got != want {
			t.Errorf("radical(%q) = %q, want %q", r, got, want)
		}
	}
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		if u := radical(r); u == 0 || !isCJK(u) {
			t.Errorf("Kangxi radical %U has no ideograph", r)
		}
	}
}

func TestClasses(t *testing.T) {
	for _, r := range "中文、。，（）「」〇ぁアㄅ《》︰" {
		if !isCJK(r) {
			t.Errorf("isCJK(%q) = false", r)
		}
	}
	for _, r := range "a1 ,.“”—…·\u3000" {
		if isCJK(r) {
			t.Errorf("isCJK(%q) = true", r)
		}
	}
	for _, r := range "中〇ぁ" {
		if !isCJKLetter(r) {
			t.Errorf("isCJKLetter(%q) = false", r)
		}
	}
	if isCJKLetter('，') || isCJKLetter('・') {
		t.Error("punctuation counted as a letter")
	}
}
