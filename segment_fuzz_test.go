package zhnorm

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSentences: the sentences and the paragraphs of any input cover it
// without gaps or overlaps and split no character; every paragraph
// boundary is a sentence boundary, and one after a line break; Semicolons
// only adds boundaries; and a Scanner gives the same spans, with the same
// cuts, as the whole-text reference, for reads of any size and any MaxLen.
func FuzzSentences(f *testing.F) {
	for _, tests := range [][]segTest{segSentenceTests, segSemicolonTests, segParagraphTests} {
		for _, tt := range tests {
			f.Add(strings.Join(tt.want, ""), uint16(0), uint8(0), false)
		}
	}
	hard, err := os.ReadFile(filepath.Join("testdata", "segment", "hard.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for i, line := range strings.SplitAfter(string(hard), "\n") {
		f.Add(line, uint16(i), uint8(i), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, text string, maxLen uint16, chunk uint8, semicolons bool) {
		sp := Splitter{Semicolons: semicolons}
		sentences := segCollect(sp.Split(text))
		segCheckCover(t, "sentences", text, sentences, false)
		paragraphs := segCollect(Paragraphs(text))
		segCheckCover(t, "paragraphs", text, paragraphs, false)

		ends := map[int]bool{}
		for _, s := range sentences {
			ends[s.End] = true
		}
		for _, p := range paragraphs {
			if !ends[p.End] {
				t.Fatalf("the paragraph %q ends no sentence", p.Text)
			}
			if p.End < len(text) && !strings.ContainsAny(p.Text[len(strings.TrimRightFunc(p.Text, unicode.IsSpace)):], "\n\r\v\f\u0085\u2028\u2029") {
				t.Fatalf("the paragraph %q ends without a line break", p.Text)
			}
		}
		for _, s := range sentences {
			if c, _ := utf8.DecodeRuneInString(text[s.End:]); s.End < len(text) && unicode.IsSpace(c) {
				t.Fatalf("white space after the sentence %q is not its own", s.Text)
			}
		}
		if semicolons {
			for s := range Sentences(text) {
				if !ends[s.End] {
					t.Fatalf("the sentence %q ends no sentence with Semicolons", s.Text)
				}
			}
		}

		// Reads of 1 to 64 bytes; MaxLen from 4 to 259 bytes, or the default.
		max := int(maxLen % 257)
		if max > 0 {
			max += 3
		}
		for _, sp := range []Splitter{sp, {Unit: Paragraph}} {
			sp.MaxLen = max
			segWantScan(t, "stream", sp, text, newChunkReader(text, uint64(maxLen), 1+int(chunk%64)))
		}
	})
}
