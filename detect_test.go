package zhnorm

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/zhnorm/zhnorm/internal/scripttab"
)

func TestDetectTable(t *testing.T) {
	for _, c := range []struct {
		text     string
		script   Script
		standard Standard
		ev       Evidence // compared on its exported counts
	}{
		{"", NoHan, StandardUnknown, Evidence{}},
		{"hello, world ０１２ あいう", NoHan, StandardUnknown, Evidence{}},
		{"中文 台北", Undetermined, StandardUnknown, Evidence{Han: 4}},
		// The pairs, one character at a time.
		{"为", Simplified, StandardUnknown, Evidence{Han: 1, Simplified: 1}},
		{"為", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, Taiwan: 1, HongKong: 1}},
		{"爲", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, OpenCC: 1}},
		{"裡", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, Taiwan: 1}},
		{"裏", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, OpenCC: 1, HongKong: 1}},
		{"着", Undetermined, StandardUnknown, Evidence{Han: 1, Regional: 1, OpenCC: 1, HongKong: 1}},
		{"著", Undetermined, StandardUnknown, Evidence{Han: 1}},
		{"綫", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, HongKong: 1}},
		{"線", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1}},
		{"衛", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, OpenCC: 1, Taiwan: 1}},
		{"衞", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, HongKong: 1}},
		{"説", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, HongKong: 1}},
		{"說", Traditional, StandardUnknown, Evidence{Han: 1, Traditional: 1, Regional: 1, OpenCC: 1, Taiwan: 1}},
		// Sentences.
		{"为人民服务", Simplified, StandardUnknown, Evidence{Han: 5, Simplified: 2}},
		{"為人民服務", Traditional, StandardUnknown, Evidence{Han: 5, Traditional: 2, Regional: 1, Taiwan: 1, HongKong: 1}},
		{"這裏說着話，那裏衞生綫", Traditional, StandardHongKong, Evidence{Han: 10, Traditional: 7, Regional: 6, OpenCC: 4, Taiwan: 1, HongKong: 5}},
		{"简体字和繁體字混在一起写，這種文本叫混合文本", Mixed, StandardUnknown, Evidence{Han: 21, Simplified: 3, Traditional: 3}},
		// Invalid UTF-8 and a Han character outside the BMP.
		{"\xff为\xe4\xb8𠀀\xf0\x84\xb8\xad", Simplified, StandardUnknown, Evidence{Han: 2, Simplified: 1}},
	} {
		d := Detect(c.text)
		ev := d.Evidence
		ev.byMask = [8]int{}
		if d.Script != c.script || d.Standard != c.standard || ev != c.ev {
			t.Errorf("Detect(%q) = %v %v %+v, want %v %v %+v", c.text, d.Script, d.Standard, ev, c.script, c.standard, c.ev)
		}
		if d.Standard != StandardUnknown && d.StandardConfidence < 0.99 || d.Standard == StandardUnknown && d.StandardConfidence != 0 {
			t.Errorf("Detect(%q): standard %v with confidence %v", c.text, d.Standard, d.StandardConfidence)
		}
	}
}

// passage is Simplified text rich in the characters the standards write
// differently.
const passage = "他说这里的卫生线路着实为难，户外温度高，税务部门的群众脱下外衣躺在床上阅读，" +
	"刀锋很锐利，心情愉悦，山峰上卧着一条线，里面的面条很好吃。"

// TestDetectConverted detects the passage as OpenCC writes it in each
// standard.
func TestDetectConverted(t *testing.T) {
	for _, c := range []struct {
		config   string
		script   Script
		standard Standard
	}{
		{"", Simplified, StandardUnknown},
		{"s2t", Traditional, StandardOpenCC},
		{"s2tw", Traditional, StandardTaiwan},
		{"s2hk", Traditional, StandardHongKong},
	} {
		text := strings.Repeat(passage, 3)
		if c.config != "" {
			conv, err := NewConverter(c.config)
			if err != nil {
				t.Fatal(err)
			}
			text = conv.Convert(text)
		}
		if d := Detect(text); d.Script != c.script || d.Standard != c.standard {
			t.Errorf("%s: Detect = %v (%+v), want %v %v", c.config, d, d.Evidence, c.script, c.standard)
		}
	}
}

// TestDetectSeedPage: the seed page is mainland text passed through a
// Simplified-to-Traditional gateway that writes Taiwan's forms (群 為 眾
// 啟 臺). Hong Kong's press uses most of those forms too, so the page is
// too short to tell Taiwan from Hong Kong with confidence: Detect says
// Traditional, standard unknown, and Likeliest leans to Taiwan.
func TestDetectSeedPage(t *testing.T) {
	d := Detect(seedText(t))
	if d.Script != Traditional || d.Confidence < 0.99 || d.Standard != StandardUnknown {
		t.Errorf("seed page: %v (%+v), want Traditional with confidence, standard unknown", d, d.Evidence)
	}
	if e := d.Evidence; e.Simplified != 0 || e.Taiwan != e.Regional || e.HongKong >= e.Taiwan {
		t.Errorf("seed page evidence %+v: want only Taiwan's forms", e)
	}
	if st, p := d.Evidence.Likeliest(); st != StandardTaiwan || p <= 0.5 || p >= 0.99 {
		t.Errorf("seed page: Likeliest = %v %v, want Taiwan with less than 0.99", st, p)
	}
}

// streamText is longer than DetectAfter Han characters, with invalid
// UTF-8, characters outside the BMP and characters of every width.
func streamText(t testing.TB) string {
	conv, err := NewConverter("s2hk")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 0; b.Len() < 4*3*DetectAfter; i++ {
		b.WriteString(conv.Convert(passage))
		b.WriteString("\xe4\xb8 é 𠀀\xff abc\n")
		if i%7 == 0 {
			b.WriteString(passage) // some Simplified
		}
	}
	return b.String()
}

// hanPrefix returns the prefix of s that holds its first n Han characters.
func hanPrefix(s string, n int) string {
	for i, r := range s {
		if scripttab.IsHan(r) {
			if n == 0 {
				return s[:i]
			}
			n--
		}
	}
	return s
}

func TestDetectorChunking(t *testing.T) {
	seed := seedText(t)
	long := streamText(t)
	for _, c := range []struct {
		name, text string
		want       Detection
		decided    bool
	}{
		{"seed page", seed, Detect(seed), false},
		{"long", long, Detect(hanPrefix(long, DetectAfter)), true},
	} {
		rng := rand.New(rand.NewSource(1))
		for _, chunking := range []string{"whole", "one byte", "random"} {
			var d Detector
			for p := c.text; len(p) > 0; {
				n := len(p)
				switch chunking {
				case "one byte":
					n = 1
				case "random":
					n = min(n, 1+rng.Intn(7))
				}
				if k, err := d.Write([]byte(p[:n])); k != n || err != nil {
					t.Fatalf("Write = %d, %v", k, err)
				}
				p = p[n:]
			}
			if got := d.Detection(); got != c.want || d.Decided() != c.decided {
				t.Errorf("%s, %s: Detector = %v %+v decided %v, want %v %+v decided %v", c.name, chunking, got, got.Evidence, d.Decided(), c.want, c.want.Evidence, c.decided)
			}
		}
	}
	var d Detector
	d.WriteString(long)
	if !d.Decided() || d.Detection().Evidence.Han != DetectAfter || d.Detection().Standard != StandardHongKong {
		t.Errorf("long: %v %+v decided %v", d.Detection(), d.Detection().Evidence, d.Decided())
	}
	before := d.Detection()
	d.WriteString(strings.Repeat(passage, 100))
	if d.Detection() != before {
		t.Error("a decided Detector changed its detection")
	}
	d.Reset()
	if d.Decided() || d.Detection() != (Detection{}) {
		t.Error("Reset did not forget")
	}
}

func TestDetectAllocatesNothing(t *testing.T) {
	text := streamText(t)
	var d Detector
	p := []byte(text)
	if n := testing.AllocsPerRun(10, func() {
		Detect(text)
		d.Reset()
		d.Write(p)
		d.Detection()
	}); n != 0 {
		t.Errorf("Detect and Detector allocate %v times", n)
	}
}

func TestScriptStandardStrings(t *testing.T) {
	for v, want := range map[interface{ String() string }]string{
		NoHan: "no Han", Undetermined: "undetermined", Simplified: "Simplified", Traditional: "Traditional", Mixed: "mixed", Script(9): "Script(9)",
		StandardUnknown: "unknown", StandardOpenCC: "OpenCC", StandardTaiwan: "Taiwan", StandardHongKong: "Hong Kong", Standard(9): "Standard(9)",
		Detection{Script: Traditional, Standard: StandardHongKong, Confidence: 0.987}: "Traditional (Hong Kong) 0.99",
	} {
		if got := v.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("為人民服務，這裏說着話", 3)
	f.Add("为人民服务\xe4\xb8\xad", 1)
	f.Add("\xf0\xa0\x80\x80\xff\xe4", 5)
	f.Fuzz(func(t *testing.T, s string, cut int) {
		d := Detect(s)
		e := d.Evidence
		han := 0
		for _, r := range s {
			if scripttab.IsHan(r) {
				han++
			}
		}
		if e.Han != han || e.Simplified+e.Traditional > e.Han || e.Regional > e.Han ||
			e.OpenCC > e.Regional || e.Taiwan > e.Regional || e.HongKong > e.Regional ||
			e.Regional > 0 && e.OpenCC+e.Taiwan+e.HongKong < e.Regional {
			t.Fatalf("inconsistent evidence %+v for %d Han characters", e, han)
		}
		if (d.Script == NoHan) != (han == 0) || d.Script == Simplified && d.Standard != StandardUnknown {
			t.Fatalf("detection %v for %+v", d, e)
		}
		if d.Confidence < 0 || d.Confidence >= 1 || d.StandardConfidence < 0 || d.StandardConfidence >= 1 {
			t.Fatalf("confidence out of range: %+v", d)
		}
		// Two writes cut anywhere give what Detect gives.
		if cut < 0 {
			cut = -cut
		}
		cut %= len(s) + 1
		var det Detector
		det.WriteString(s[:cut])
		det.Write([]byte(s[cut:]))
		want := d
		if han >= DetectAfter {
			want = Detect(hanPrefix(s, DetectAfter))
		}
		if got := det.Detection(); got != want {
			t.Fatalf("Detector cut at %d: %v %+v, want %v %+v", cut, got, got.Evidence, want, want.Evidence)
		}
	})
}
