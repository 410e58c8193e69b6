package zhnorm

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestDetectEncodingCorpora re-encodes each corpus into each encoding that
// can hold it and requires "auto" to pick an encoding that gives the text
// back.
func TestDetectEncodingCorpora(t *testing.T) {
	encodings := map[string]encoding.Encoding{
		"gb18030":  simplifiedchinese.GB18030,
		"gbk":      simplifiedchinese.GBK,
		"big5":     traditionalchinese.Big5,
		"utf-16le": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
		"utf-16be": unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
	}
	// What auto must answer: GBK text decodes as GB18030, its superset.
	want := map[string]string{"gb18030": "gb18030", "gbk": "gb18030", "big5": "big5", "utf-16le": "utf-16le", "utf-16be": "utf-16be"}
	tested := map[string][]string{}
	defer func() {
		for encName := range encodings {
			if len(tested[encName]) == 0 {
				t.Errorf("no input could be encoded in %s", encName)
			}
		}
		t.Logf("tested: %v", tested)
	}()
	inputs := testInputs(t)
	// Traditional text that Big5 holds even where ../shared is absent.
	inputs["simplified.txt in s2tw"] = mustConverter(t, "s2tw").Convert(inputs["convert/simplified.txt"])
	for name, text := range inputs {
		text = strings.TrimPrefix(text, "\uFEFF")
		for encName, enc := range encodings {
			encoded, err := enc.NewEncoder().String(text)
			if err != nil {
				continue // the encoding cannot hold this text (Big5 and simplified characters)
			}
			tested[encName] = append(tested[encName], name)
			r, err := NewDecodingReader(strings.NewReader(encoded), "auto")
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(iotest.OneByteReader(r))
			if err != nil {
				t.Fatal(err)
			}
			if r.Encoding != want[encName] || string(got) != text {
				t.Errorf("%s in %s: auto picked %s; text equal: %v", name, encName, r.Encoding, string(got) == text)
			}
			if n, _ := r.Undecodable(); n != 0 {
				t.Errorf("%s in %s: %d undecodable", name, encName, n)
			}
		}
		r, _ := NewDecodingReader(strings.NewReader(text), "auto")
		if r.Encoding != "utf-8" {
			t.Errorf("%s in UTF-8: auto picked %s", name, r.Encoding)
		}
	}
}

func TestDetectEncoding(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("黑龙江省民政厅推动社会工作人才队伍建设")
	big5, _ := traditionalchinese.Big5.NewEncoder().String("黑龍江省民政廳推動社會工作人才隊伍建設")
	tests := []struct{ in, want string }{
		{"", "utf-8"},
		{"plain ASCII", "utf-8"},
		{"\xEF\xBB\xBF黑龙江", "utf-8"},
		{"黑龙江"[:7], "utf-8"}, // cut inside the last character
		{"\xFF\xFEa\x00", "utf-16le"},
		{"\xFE\xFF\x00a", "utf-16be"},
		{gb, "gb18030"},
		{big5, "big5"},
	}
	for _, tt := range tests {
		if got := DetectEncoding([]byte(tt.in)); got != tt.want {
			t.Errorf("DetectEncoding(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDecodingReaderUndecodable(t *testing.T) {
	big5, _ := traditionalchinese.Big5.NewEncoder().String("第一行\n第二行")
	// A lead byte with no trail byte on line 2.
	r, err := NewDecodingReader(strings.NewReader(big5+"\xA4\n"), "big5")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(r)
	n, lines := r.Undecodable()
	if n != 1 || len(lines) != 1 || lines[0] != 2 || !strings.Contains(string(out), "\uFFFD") {
		t.Errorf("undecodable %d at %v, output %q", n, lines, out)
	}
	r, _ = NewDecodingReader(iotest.OneByteReader(strings.NewReader("ok\n\xff\xe4\xb8\xad\n")), "utf-8")
	io.ReadAll(r)
	if n, lines := r.Undecodable(); n != 1 || len(lines) != 1 || lines[0] != 2 {
		t.Errorf("utf-8: undecodable %d at %v", n, lines)
	}
	if _, err := NewDecodingReader(strings.NewReader(""), "latin-9"); err == nil || !strings.Contains(err.Error(), "gb18030") {
		t.Errorf("unknown encoding: %v", err)
	}
}

// TestDecodingReaderValidUTF8: invalid UTF-8 comes out as U+FFFD, one a
// byte, counted where it stood; a leading byte order mark is dropped.
func TestDecodingReaderValidUTF8(t *testing.T) {
	for _, name := range []string{"utf-8", "auto"} {
		r, err := NewDecodingReader(strings.NewReader("\xEF\xBB\xBF中文\n中文\xff\xfe好\n"), name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(iotest.OneByteReader(r))
		if err != nil {
			t.Fatal(err)
		}
		if want := "中文\n中文\uFFFD\uFFFD好\n"; string(got) != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
		if n, lines := r.Undecodable(); n != 2 || len(lines) != 1 || lines[0] != 2 {
			t.Errorf("%s: Undecodable() = %d, %v; want 2, [2]", name, n, lines)
		}
	}
}

// TestAutoPicksAtFirstNonASCII: "auto" decides at the first byte that is not
// ASCII, however far in, not from the first 64 KB.
func TestAutoPicksAtFirstNonASCII(t *testing.T) {
	big5, _ := traditionalchinese.Big5.NewEncoder().String("黑龍江省民政廳推動社會工作人才隊伍建設\n")
	ascii := strings.Repeat("plain ASCII line\n", 100000)
	r, err := NewDecodingReader(strings.NewReader(ascii+big5), "auto")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if r.Encoding != "big5" || string(got) != ascii+"黑龍江省民政廳推動社會工作人才隊伍建設\n" {
		t.Errorf("auto picked %s; text equal: %v", r.Encoding, string(got) == ascii+"黑龍江省民政廳推動社會工作人才隊伍建設\n")
	}
	if n, _ := r.Undecodable(); n != 0 {
		t.Errorf("%d undecodable", n)
	}
	// UTF-8 first, then GB18030: replaced, counted, and the encoding
	// that reads it suggested.
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("黑龙江省民政厅推动社会工作人才队伍建设\n")
	r, _ = NewDecodingReader(strings.NewReader("中文\n"+ascii+gb), "auto")
	io.Copy(io.Discard, r)
	if n, lines := r.Undecodable(); r.Encoding != "utf-8" || n == 0 || lines[0] != 100002 {
		t.Errorf("UTF-8 then GB18030: %s, Undecodable() = %d, %v", r.Encoding, n, lines)
	}
	if s := r.Suggest(); s != "gb18030" {
		t.Errorf("Suggest() = %q, want gb18030", s)
	}
}

// TestEncodingName: the common spellings and aliases of the encodings.
func TestEncodingName(t *testing.T) {
	for in, want := range map[string]string{
		"utf8": "utf-8", "UTF-8": "utf-8", "UTF_8": "utf-8", "cp936": "gbk", "GB2312": "gbk",
		"big5-hkscs": "big5", "Big5": "big5", "GB18030": "gb18030", "Auto": "auto", "utf-16": "utf-16le",
	} {
		if got, ok := EncodingName(in); !ok || got != want {
			t.Errorf("EncodingName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := EncodingName("latin-9"); ok {
		t.Error("latin-9 is taken")
	}
	if r, err := NewDecodingReader(strings.NewReader("x"), "CP936"); err != nil || r.Encoding != "gbk" {
		t.Errorf("NewDecodingReader(CP936): %v", err)
	}
}

// TestUndecodableLinesOmitted: the lines beyond the 100 listed are counted.
func TestUndecodableLinesOmitted(t *testing.T) {
	r, _ := NewDecodingReader(strings.NewReader(strings.Repeat("\xff\n", 250)), "utf-8")
	io.Copy(io.Discard, r)
	if n, lines := r.Undecodable(); n != 250 || len(lines) != 100 || r.UndecodableLinesOmitted() != 150 {
		t.Errorf("Undecodable() = %d, %d lines, %d omitted; want 250, 100, 150", n, len(lines), r.UndecodableLinesOmitted())
	}
}
