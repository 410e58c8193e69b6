package zhnorm

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

func mustTarget(t testing.TB, tag string, opts ...TargetOption) *Target {
	t.Helper()
	tg, err := NewTarget(tag, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestTargetTags(t *testing.T) {
	tests := []struct {
		tag, canon string
		kind       targetKind
	}{
		{"zh-Hans", "zh-Hans", toHans},
		{"zh-hans", "zh-Hans", toHans},
		{"ZH_HANS", "zh-Hans", toHans},
		{"zh-CN", "zh-CN", toHans},
		{"zh_cn", "zh-CN", toHans},
		{"zh-SG", "zh-SG", toHans},
		{"zh-MY", "zh-MY", toHans},
		{"zh-Hans-CN", "zh-Hans-CN", toHans},
		{"zh-Hans-SG", "zh-Hans-SG", toHans},
		{"zh-Hant", "zh-Hant", toHant},
		{"zh-TW", "zh-TW", toTaiwan},
		{"zh-tw", "zh-TW", toTaiwan},
		{"zh-Hant-TW", "zh-Hant-TW", toTaiwan},
		{"zh_hant_tw", "zh-Hant-TW", toTaiwan},
		{"zh-HK", "zh-HK", toHongKong},
		{"zh-MO", "zh-MO", toHongKong},
		{"zh-Hant-HK", "zh-Hant-HK", toHongKong},
		{"zh-Hant-MO", "zh-Hant-MO", toHongKong},
		{" zh-TW ", "zh-TW", toTaiwan},
	}
	for _, tt := range tests {
		tg, err := NewTarget(tt.tag)
		if err != nil {
			t.Errorf("NewTarget(%q): %v", tt.tag, err)
			continue
		}
		if tg.Tag() != tt.canon || tg.kind != tt.kind {
			t.Errorf("NewTarget(%q) = %s (kind %d), want %s (kind %d)", tt.tag, tg.Tag(), tg.kind, tt.canon, tt.kind)
		}
	}
	for _, bad := range []string{"", "zh", "en", "zh-JP", "zh-Hans-TW", "zh-Hant-CN", "zh-Latn", "zh-TW-Hant", "zh-Hant-TW-x", "t2s", "zh--TW", "zh-TWN"} {
		_, err := NewTarget(bad)
		if err == nil {
			t.Errorf("NewTarget(%q): no error", bad)
			continue
		}
		for _, want := range []string{"zh-Hans", "zh-Hant", "zh-CN", "zh-TW", "zh-HK", "unknown target"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("NewTarget(%q): error %q does not name %s", bad, err, want)
			}
		}
	}
}

// TestTargetPlans: the configs each target picks for the corpora, and that
// its output is those configs' output.
func TestTargetPlans(t *testing.T) {
	seed := testInputs(t)[seedPage]
	as, cityu, pku := corpus(t, "as_test.utf8"), corpus(t, "cityu_test.utf8"), corpus(t, "pku_test.utf8")
	openccTrad := mustConverter(t, "s2t").Convert(pku)
	tests := []struct {
		name, text, tag string
		opts            []TargetOption
		want            []string
	}{
		{"AS", as, "zh-Hans", nil, []string{"tw2s"}},
		{"AS", as, "zh-CN", []TargetOption{WithRegionalPhrases()}, []string{"tw2sp"}},
		{"AS", as, "zh-TW", nil, nil},
		{"AS", as, "zh-HK", nil, []string{"tw2t", "t2hk"}},
		{"AS", as, "zh-Hant", nil, nil},
		{"CityU", cityu, "zh-Hans", nil, []string{"hk2s"}},
		{"CityU", cityu, "zh-TW", nil, []string{"hk2t", "t2tw"}},
		{"CityU", cityu, "zh-HK", nil, nil},
		{"PKU", pku, "zh-Hans", nil, nil},
		{"PKU", pku, "zh-TW", nil, []string{"s2tw"}},
		{"PKU", pku, "zh-TW", []TargetOption{WithRegionalPhrases()}, []string{"s2twp"}},
		{"PKU", pku, "zh-HK", nil, []string{"s2hk"}},
		{"PKU", pku, "zh-Hant", nil, []string{"s2t"}},
		{"s2t(PKU)", openccTrad, "zh-Hans", nil, []string{"t2s"}},
		{"s2t(PKU)", openccTrad, "zh-TW", nil, []string{"t2tw"}},
		{"s2t(PKU)", openccTrad, "zh-HK", nil, []string{"t2hk"}},
		// Mainland text through a Taiwan-style gateway: standard unknown,
		// Taiwan likeliest.
		{"seed", seed, "zh-Hans", nil, []string{"tw2s"}},
		{"no Han", "Hello, world.", "zh-Hans", nil, nil},
		{"undetermined", "中文於是", "zh-TW", nil, nil},
		{"undetermined", "中文於是", "zh-Hans", nil, []string{"tw2s"}},
	}
	for _, tt := range tests {
		tg := mustTarget(t, tt.tag, tt.opts...)
		p := tg.Plan(tt.text)
		if !slices.Equal(p.Configs, tt.want) {
			t.Errorf("%s to %s: configs %v, want %v (%v)", tt.name, tt.tag, p.Configs, tt.want, p.Detection)
			continue
		}
		want := tt.text
		for _, name := range tt.want {
			want = mustConverter(t, name).Convert(want)
		}
		if tg.kind == toHans {
			want = toCurlyQuotes.String(want)
		} else {
			want = toCornerQuotes.String(want)
		}
		checkSame(t, tt.name+" to "+tt.tag, want, tg.String(tt.text))
	}
}

// TestTargetSeed: the seed page, mainland text through a Taiwan-style
// gateway, goes back to mainland forms: 发挥着, not t2s's 发挥著.
func TestTargetSeed(t *testing.T) {
	seed := Normalize(testInputs(t)[seedPage]) // 發(fā)揮著 → 發揮著
	got := mustTarget(t, "zh-Hans").String(seed)
	if !strings.Contains(got, "发挥着") || strings.Contains(got, "发挥著") {
		t.Errorf("seed page to zh-Hans: want 发挥着, not 发挥著")
	}
	if got := mustConverter(t, "t2s").Convert(seed); !strings.Contains(got, "发挥著") {
		t.Errorf("t2s no longer writes 发挥著: the test has lost its point")
	}
}

func TestTargetQuotes(t *testing.T) {
	tests := []struct{ tag, in, want string }{
		{"zh-TW", "他說“你好”。", "他說「你好」。"},
		{"zh-TW", "“他說‘你好’。”", "「他說『你好』。」"},
		{"zh-Hans", "「他说『你好』。」", "“他说‘你好’。”"},
		{"zh-Hans", "“他说‘你好’。”", "“他说‘你好’。”"},
		{"zh-TW", "「已經是」", "「已經是」"},
		// English quoted text stays; so does a pair across lines.
		{"zh-TW", "He said “hello” to me. 中文", "He said “hello” to me. 中文"},
		{"zh-TW", "“中文\n”", "“中文\n”"},
		// Chinese context after the pair.
		{"zh-TW", "他說“OK”就走了", "他說「OK」就走了"},
		// Unpaired marks and apostrophes stay.
		{"zh-TW", "他說“你好", "他說“你好"},
		{"zh-TW", "他說”你好“", "他說”你好“"},
		{"zh-TW", "‘中文 don’t stop’", "『中文 don’t stop』"},
		{"zh-TW", "it’s 中文", "it’s 中文"},
		// A pair holds no opening mark of its kind.
		{"zh-TW", "“中“文”字”", "“中「文」字”"},
		{"zh-Hans", "「甲「乙」丙", "「甲“乙”丙"},
		// Invalid UTF-8 passes through.
		{"zh-TW", "\xff“中\xe2\x80”\xe2", "\xff「中\xe2\x80」\xe2"},
	}
	for _, tt := range tests {
		tg := mustTarget(t, tt.tag)
		if got := tg.String(tt.in); got != tt.want {
			t.Errorf("%s %q = %q, want %q", tt.tag, tt.in, got, tt.want)
		}
		if got := mustTarget(t, tt.tag, KeepPunctuation()).String(tt.in); got != tt.in {
			t.Errorf("%s KeepPunctuation %q = %q", tt.tag, tt.in, got)
		}
		for i := 0; i <= len(tt.in); i++ {
			r := iotest.OneByteReader(strings.NewReader(tt.in))
			if got := readAll(t, tg.Clone(), r); got != tg.String(tt.in) {
				t.Errorf("%s %q streamed = %q", tt.tag, tt.in, got)
				break
			}
		}
	}
	// A line of opening marks stays, and takes linear time.
	opens := strings.Repeat("“中‘", 20000)
	if got := mustTarget(t, "zh-TW").String(opens); got != opens {
		t.Errorf("a line of unpaired marks changed")
	}
	// A pair too long to look for stays.
	long := "“" + strings.Repeat("中", quoteScanLimit/3+1) + "”"
	if got := mustTarget(t, "zh-TW").String(long); got != long {
		t.Errorf("a pair longer than quoteScanLimit converts")
	}
}

// streamTexts are the inputs the streaming tests use: the seed page and a
// synthetic text, and with -short off the corpora.
func streamTexts(t *testing.T) map[string]string {
	in := map[string]string{}
	for name, text := range testInputs(t) {
		if name == seedPage || name == "convert/simplified.txt" || !testing.Short() {
			in[name] = text
		}
	}
	in["quotes"] = strings.Repeat("他說：“這是‘測試’。”\r\nHe said “hi”.\n", 300) + "\xff裏着綫“未完"
	return in
}

// TestTargetStreaming: one-byte reads, random reads and the whole input
// give the same output, which is the stream's plan applied to the whole
// text; for texts of fewer than DetectAfter Han characters that is String.
func TestTargetStreaming(t *testing.T) {
	for _, tag := range []string{"zh-Hans", "zh-TW", "zh-HK", "zh-Hant"} {
		for name, text := range streamTexts(t) {
			tg := mustTarget(t, tag)
			got, _, err := transform.String(tg, text)
			if err != nil {
				t.Fatal(err)
			}
			p, ok := tg.StreamPlan()
			if !ok {
				t.Fatalf("%s %s: not decided after the stream", tag, name)
			}
			checkSame(t, tag+" "+name+" whole", p.String(text), got)
			if d := Detect(text); d.Evidence.Han < DetectAfter && len(text) < TargetLookAhead {
				checkSame(t, tag+" "+name+" String", tg.String(text), got)
			}
			if name == seedPage || name == "quotes" || name == "cityu_test.utf8" {
				checkSame(t, tag+" "+name+" one-byte reads", got, readAll(t, tg, iotest.OneByteReader(strings.NewReader(text))))
			}
			checkSame(t, tag+" "+name+" random reads", got, readAll(t, tg, newChunkReader(text, 7, 5000)))
			checkSame(t, tag+" "+name+" small random reads", got, readAll(t, tg, newChunkReader(text, 8, 17)))
		}
	}
}

// TestTargetStreamDecision: a stream decides from its first DetectAfter Han
// characters, not from what follows.
func TestTargetStreamDecision(t *testing.T) {
	trad := strings.Repeat("這裡說的為什麼", DetectAfter/7+1) // Taiwan's 裡 說 為
	text := trad + "裏着綫说"
	tg := mustTarget(t, "zh-Hans")
	got, _, err := transform.String(tg, text)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := tg.StreamPlan(); !slices.Equal(p.Configs, []string{"tw2s"}) {
		t.Errorf("stream plan %v, want tw2s", p.Configs)
	}
	if !strings.HasPrefix(got, strings.Repeat("这里说的为什么", 10)) {
		t.Errorf("stream output starts %q", got[:60])
	}
	// Past TargetLookAhead without Han: it decides from what it saw.
	ascii := strings.Repeat("a", TargetLookAhead+10) + "為"
	tg.Reset()
	if got, _, _ := transform.String(tg, ascii); got != ascii {
		t.Errorf("ASCII stream changed")
	}
	if p, _ := tg.StreamPlan(); p.Detection.Script != NoHan {
		t.Errorf("decided %v past the look-ahead, want no Han", p.Detection)
	}
}

func TestTargetSmallBuffers(t *testing.T) {
	text := testInputs(t)[seedPage]
	for _, tag := range []string{"zh-Hans", "zh-HK"} {
		tg := mustTarget(t, tag)
		want := tg.String(text)
		for _, dstSize := range []int{48, 61, 300} {
			tg.Reset()
			out := transformSmallDst(t, tg, text, dstSize)
			checkSame(t, tag+" small dst", want, out)
		}
	}
}

// TestTargetSpan: Span's prefix is unchanged by the conversion, and
// converting the rest after it gives the whole.
func TestTargetSpan(t *testing.T) {
	for _, tag := range []string{"zh-Hans", "zh-TW", "zh-HK", "zh-Hant"} {
		for name, text := range streamTexts(t) {
			tg := mustTarget(t, tag)
			want, _, err := transform.String(tg, text)
			if err != nil {
				t.Fatal(err)
			}
			tg.Reset()
			n, err := tg.Span([]byte(text), true)
			if n < len(text) && !errors.Is(err, transform.ErrEndOfSpan) || n == len(text) && err != nil {
				t.Errorf("%s %s: Span = %d, %v", tag, name, n, err)
			}
			got := make([]byte, 0, len(want))
			got = append(got, text[:n]...)
			rest := make([]byte, len(want)*2+1024)
			nDst, _, err := tg.Transform(rest, []byte(text[n:]), true)
			if err != nil {
				t.Fatalf("%s %s: Transform after Span: %v", tag, name, err)
			}
			checkSame(t, tag+" "+name+" after Span", want, string(append(got, rest[:nDst]...)))
		}
	}
	// Undecided and not at EOF: Span waits.
	tg := mustTarget(t, "zh-TW")
	if n, err := tg.Span([]byte("中文"), false); n != 0 || err != transform.ErrShortSrc {
		t.Errorf("undecided Span = %d, %v; want 0, ErrShortSrc", n, err)
	}
}

// TestTargetInvalidUTF8 splits texts with invalid UTF-8 at every byte.
func TestTargetInvalidUTF8(t *testing.T) {
	inputs := []string{
		"汉\xff字“\xe6\xb1\x89”\xe6\xb1",
		"\xe6\xb1漢字裏\xf0\x9f\x98",
		"「塔什库尔干\xc0\x80」塔吉克自治县\xed\xa0\x80",
		"“\xe2\x80”中\xe2\x80\x9d\xe2\x80",
	}
	for _, tag := range []string{"zh-Hans", "zh-TW"} {
		tg := mustTarget(t, tag)
		for _, in := range inputs {
			want := tg.String(in)
			if utf8.ValidString(in) != utf8.ValidString(want) {
				t.Errorf("%s %q: validity changed: %q", tag, in, want)
			}
			for i := 0; i <= len(in); i++ {
				tg.Reset()
				var out []byte
				buf := make([]byte, 256)
				n, m, err := tg.Transform(buf, []byte(in[:i]), false)
				if err != nil && err != transform.ErrShortSrc {
					t.Fatal(err)
				}
				out = append(out, buf[:n]...)
				n, _, err = tg.Transform(buf, []byte(in[m:]), true)
				if err != nil {
					t.Fatalf("%s %q cut at %d: %v", tag, in, i, err)
				}
				out = append(out, buf[:n]...)
				if string(out) != want {
					t.Errorf("%s %q cut at %d: %q, want %q", tag, in, i, out, want)
				}
			}
		}
	}
}

// TestSeries: a record without evidence enough of its own converts as the
// records before it showed.
func TestSeries(t *testing.T) {
	hk := "這裏説的綫路，衞生"    // 裏 説 綫 衞: Hong Kong's forms
	ambiguous := "為什麼這樣" // 為: Taiwan's and Hong Kong's alike
	if p := mustTarget(t, "zh-HK").Plan(ambiguous); p.Standard != StandardTaiwan || !slices.Equal(p.Configs, []string{"tw2t", "t2hk"}) {
		t.Fatalf("the record alone: %v %v, want Taiwan's, the default", p.Standard, p.Configs)
	}
	s := mustTarget(t, "zh-HK").Series()
	if p := s.Plan(hk); p.Standard != StandardHongKong || len(p.Configs) != 0 {
		t.Errorf("first record: %v %v (%v)", p.Standard, p.Configs, p.Detection)
	}
	if p := s.Plan(ambiguous); p.Standard != StandardHongKong || len(p.Configs) != 0 {
		t.Errorf("second record after Hong Kong: %v %v", p.Standard, p.Configs)
	}
	if got := mustTarget(t, "zh-TW").Series().String("“衞生”"); got != "「衛生」" {
		t.Errorf("Series.String = %q", got)
	}
}

// TestQuoteMarksNext: the search for opening marks finds, from every
// position of random text made of the marks, their first two bytes, other
// punctuation that shares them and broken pieces, the first mark that a
// search for each kind of mark finds.
func TestQuoteMarksNext(t *testing.T) {
	pieces := []string{"“", "‘", "「", "『", "”", "」", "。", "、", "—", "\xe2\x80", "\xe3\x80", "\xe3", "\x80", "a", "中", "\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, q := range []*quoteMarks{&toCornerQuotes, &toCurlyQuotes} {
		for range 500 {
			var b []byte
			for range rng.IntN(20) {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
			o := newOpens()
			for p := 0; p <= len(b); p++ {
				want := min(markAt(b, p, q.lead, q.double), markAt(b, p, q.lead, q.single))
				if got := o.next(q, b, p); got != want {
					t.Fatalf("in %q from %d: next %d, want %d", b, p, got, want)
				}
			}
		}
	}
}

// markAt returns the position of the mark lead 0x80 third at or after p
// in b, or len(b).
func markAt(b []byte, p int, lead, third byte) int {
	if i := bytes.Index(b[p:], []byte{lead, 0x80, third}); i >= 0 {
		return p + i
	}
	return len(b)
}
