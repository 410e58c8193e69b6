package opencc

import (
	"reflect"
	"strings"
	"testing"
)

func smallTable(t testing.TB) *Table {
	t.Helper()
	parse := func(name, text string) *Dict {
		d, err := ParseDict(name+".txt", strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	dicts := map[string]*Dict{
		"P":   parse("P", "过了\t過了\n鼠标\t滑鼠\n干部\t幹部\n"),
		"P2":  parse("P2", "鼠标垫\t滑鼠墊\n过了\t过\n"),
		"C":   parse("C", "过\t過\n通\t通\n鼠\t鼠\n标\t標\n干\t幹 乾\n了\t了\n"),
		"X":   parse("X", "干\t乾\n"),
		"TW":  parse("TW", "通過\t透過\n標準\t標准\n"),
		"N":   parse("N", "豈\t豈\n"),
		"One": parse("One", "通\t痛\n"),
	}
	leaf := func(n string) *DictNode { return &DictNode{Dict: n} }
	group := func(union bool, items ...*DictNode) *DictNode { return &DictNode{Union: union, Items: items} }
	configs := []*Config{
		{Name: "x2y", Description: "test", Norm: []*DictNode{leaf("N")}, Seg: leaf("P"),
			Chain: []*DictNode{group(false, leaf("P"), leaf("C")), leaf("TW")}},
		// A segmentation that cannot merge: One's 通 starts TW's 通過.
		{Name: "grp", Description: "group seg", Norm: []*DictNode{leaf("N")}, Seg: group(false, leaf("One"), leaf("TW"), leaf("P")),
			Chain: []*DictNode{leaf("C")}},
		// A union: the longer match wins, the first dictionary's value on
		// equal keys; no segmentation.
		{Name: "uni", Description: "union", Norm: []*DictNode{leaf("N")},
			Chain: []*DictNode{group(false, group(true, leaf("P"), leaf("P2")), &DictNode{Dict: "X", Tofu: true}, leaf("C"))}},
	}
	tab, err := Build(configs, dicts)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestReference(t *testing.T) {
	tab := smallTable(t)
	tests := []struct {
		config int
		in     string
		want   string
	}{
		// 过了 is a segment: TW's 通過 cannot reach across 通 | 過了.
		{0, "顺利通过了", "顺利通過了"},
		{0, "通过", "透過"},
		{0, "干部干", "幹部幹"},
		{0, "鼠标", "滑鼠"},
		// The normalization maps the compatibility ideograph first, except
		// inside an ideographic description sequence.
		{0, "豈⿰豈豈", "豈⿰豈豈"},
		// A group segmentation: One matches first where it can.
		{1, "通過了", "通過了"},
		// A union: P2's longer 鼠标垫 wins over P's 鼠标, P's 过了 over P2's.
		{2, "鼠标垫过了鼠标", "滑鼠墊過了滑鼠"},
		{2, "干", "乾"},
	}
	for _, tt := range tests {
		if got := tab.Reference(&tab.Configs[tt.config], tt.in); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tab.Configs[tt.config].Name, tt.in, got, tt.want)
		}
	}
	if got := len(tab.Configs[1].Seg); got != 3 {
		t.Errorf("grp segments with %d items, want the 3 that do not merge", got)
	}
}

func TestIDSLen(t *testing.T) {
	tests := []struct {
		in         string
		n          int
		incomplete bool
	}{
		{"⿰氵青x", len("⿰氵青"), false},
		{"⿱⿰木木木", len("⿱⿰木木木"), false},
		{"⿲a", 0, true},
		{"⿿一", len("⿿一"), false},
		{"x⿰ab", 0, false},
		{"⿰" + strings.Repeat("⿱", 16) + "口口", 0, false}, // 17 deep
		{"⿰a\xffb", 0, false},
	}
	for _, tt := range tests {
		if n, inc := IDSLen(tt.in, 0); n != tt.n || inc != tt.incomplete {
			t.Errorf("IDSLen(%q) = %d, %v; want %d, %v", tt.in, n, inc, tt.n, tt.incomplete)
		}
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	tab := smallTable(t)
	b, err := tab.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := tab.MarshalBinary()
	if string(b) != string(b2) {
		t.Fatal("MarshalBinary is not deterministic")
	}
	// The encoding where it lies (read in place), and one byte off its
	// alignment (copied).
	for _, enc := range []string{string(b), (" " + string(b))[1:]} {
		roundTrip(t, tab, enc)
	}
}

func roundTrip(t *testing.T, tab *Table, enc string) {
	blob, err := Open(enc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(blob.Names, []string{"x2y", "grp", "uni"}) {
		t.Errorf("Names = %q", blob.Names)
	}
	for i, name := range blob.Names {
		got, err := blob.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		want := tab.Configs[i]
		if !reflect.DeepEqual(got.Configs[0], want) {
			t.Errorf("%s: decoded config differs:\n%+v\n%+v", name, got.Configs[0], want)
		}
		for _, d := range append(append([]int32{}, want.SegDicts...), want.Stages[0]...) {
			if d < 0 {
				continue
			}
			g, w := got.Dicts[d], tab.Dicts[d]
			if !reflect.DeepEqual(g.Nodes, w.Nodes) || !reflect.DeepEqual(g.Entry, w.Entry) || !reflect.DeepEqual(g.Vals, w.Vals) {
				t.Errorf("%s: dictionary %s differs after decoding", name, w.Name)
			}
		}
	}
	if _, err := blob.Load("nosuch"); err == nil {
		t.Error("Load of an unknown config succeeded")
	}
}

// FuzzOpen: a damaged table is an error, never a panic, and a table that
// loads converts without panicking.
func FuzzOpen(f *testing.F) {
	b, err := smallTable(f).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b), 0, byte(0))
	f.Fuzz(func(t *testing.T, blob string, at int, x byte) {
		if len(blob) > 0 {
			at = int(uint(at) % uint(len(blob)))
			blob = blob[:at] + string(x) + blob[at+1:]
		}
		tb, err := Open(blob)
		if err != nil {
			return
		}
		for _, n := range tb.Names {
			if tab, err := tb.Load(n); err == nil {
				tab.Reference(&tab.Configs[0], "顺利通过了鼠标干部")
			}
		}
	})
}
