package scripttab

import (
	"bytes"
	"os"
	"testing"
)

// TestTableUpToDate rebuilds the table from third_party/opencc and fails
// when the committed scripts.bin differs: run go generate in
// internal/scripttab after refreshing OpenCC's dictionaries.
func TestTableUpToDate(t *testing.T) {
	want, err := Build(os.DirFS("../../third_party/opencc/dictionary"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(data), want) {
		t.Fatalf("scripts.bin (%d bytes) differs from the table built from third_party/opencc (%d bytes); run go generate ./internal/scripttab", len(data), len(want))
	}
}

func TestLookup(t *testing.T) {
	const (
		S, O, T, H = Simplified, OpenCC, Taiwan, HongKong
	)
	for _, c := range []struct {
		r    rune
		want uint8
	}{
		{'a', 0}, {'。', 0}, {'あ', 0}, {-1, 0}, {0x10FFFF, 0},
		{'的', Han | All}, {'著', Han | All}, {'中', Han | All},
		{'为', Han | S}, {'爲', Han | O}, {'為', Han | T | H},
		{'里', Han | All}, {'裏', Han | O | H}, {'裡', Han | T},
		{'着', Han | S | O | H},
		{'线', Han | S}, {'線', Han | O | T | H}, {'綫', Han | H},
		{'卫', Han | S}, {'衛', Han | O | T}, {'衞', Han | H},
		{'说', Han | S}, {'說', Han | O | T}, {'説', Han | H},
		{'台', Han | All}, {'臺', Han | O | T},
		{0x20000, Han | All},
	} {
		if got := Lookup(c.r); got != c.want {
			t.Errorf("Lookup(%q) = %04b, want %04b", c.r, got, c.want)
		}
	}
}

func TestLookupAllocatesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Lookup('爲'); Lookup(0x2A6D6) }); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}
