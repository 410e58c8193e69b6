package zhnorm

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/transform"
)

func TestConverterOffsetsPhrase(t *testing.T) {
	c := mustConverter(t, "s2twp")
	in := "我的内存很大，说。"
	out, m := c.StringMapped(in)
	if want := c.Convert(in); out != want {
		t.Fatalf("StringMapped = %q, Convert = %q", out, want)
	}
	if out != "我的記憶體很大，說。" {
		t.Fatalf("s2twp(%q) = %q", in, out)
	}
	// 記憶體 maps to 内存 as a whole; any part of it widens to all of it.
	phrase := indexOf(t, out, "記憶體")
	for _, sub := range [][2]int{{phrase, phrase + 9}, {phrase + 3, phrase + 6}, {phrase, phrase + 3}} {
		s, e := m.InputSpan(sub[0], sub[1])
		if in[s:e] != "内存" {
			t.Errorf("InputSpan(%d, %d) = %q, want 内存", sub[0], sub[1], in[s:e])
		}
	}
	// 說 came from 说 alone: exact.
	shuo := indexOf(t, out, "說")
	if s, e := m.InputSpan(shuo, shuo+3); in[s:e] != "说" {
		t.Errorf("說 maps to %q, want 说", in[s:e])
	}
	if s, e := m.OutputSpan(indexOf(t, in, "很大"), indexOf(t, in, "很大")+6); out[s:e] != "很大" {
		t.Errorf("OutputSpan of 很大 = %q", out[s:e])
	}
}

func indexOf(t *testing.T, s, sub string) int {
	t.Helper()
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	t.Fatalf("%q not in %q", sub, s)
	return -1
}

// TestConverterOffsetMaps checks every piece of the map of every config on
// the test inputs: converted on its own, a piece's input gives the piece's
// output, because OpenCC converts its segments independently and a piece
// is one segment or a row of them; and aligned pieces hold the same number
// of characters on both sides.
func TestConverterOffsetMaps(t *testing.T) {
	inputs := testInputs(t)
	m := readBuiltin(t)
	for _, cfg := range Configs() {
		c := mustConverter(t, cfg.Name)
		texts := map[string]string{"adversarial": adversarialText(m, m.config(cfg.Name), 3)}
		for name, text := range inputs {
			if name == seedPage || !testing.Short() {
				texts[name] = text
			}
		}
		for name, in := range texts {
			out, om := c.StringMapped(in)
			if want := c.Convert(in); out != want {
				t.Fatalf("%s %s: StringMapped differs from Convert", cfg.Name, name)
			}
			if om.mended != 0 {
				t.Errorf("%s %s: %d aligned pieces had lengths that differ", cfg.Name, name, om.mended)
			}
			if li, lo := om.Len(); li != len(in) || lo != len(out) {
				t.Fatalf("%s %s: map covers %d→%d bytes, want %d→%d", cfg.Name, name, li, lo, len(in), len(out))
			}
			bad := 0
			for p := range om.Pieces() {
				pin, pout := in[p.In:p.InEnd], out[p.Out:p.OutEnd]
				if got := c.Convert(pin); got != pout && bad < 5 {
					bad++
					t.Errorf("%s %s: piece %q → %q, but converted alone it gives %q", cfg.Name, name, pin, pout, got)
				}
				if p.Aligned && len([]rune(pin)) != len([]rune(pout)) && bad < 5 {
					bad++
					t.Errorf("%s %s: aligned piece %q → %q", cfg.Name, name, pin, pout)
				}
			}
		}
	}
}

// TestConverterOffsetsStreaming: TransformMapped over chunks of any size,
// into destinations of any size, gives the whole text's output and map.
func TestConverterOffsetsStreaming(t *testing.T) {
	inputs := testInputs(t)
	m := readBuiltin(t)
	for _, name := range []string{"s2t", "s2twp", "tw2sp", "t2s", "s2hk-finance", "jp2t"} {
		c := mustConverter(t, name)
		adv := adversarialText(m, m.config(name), 4)
		in := inputs[seedPage] + adv[:min(len(adv), 30000)] + "\xe6\xb1汉\xff"
		want, wantMap := c.StringMapped(in)
		for seed := range uint64(3) {
			got, gotMap := streamMapped(t, c, in, seed)
			if got != want {
				t.Fatalf("%s seed %d: streamed output differs", name, seed)
			}
			if d := cmp.Diff(wantMap.pieceLens(), gotMap.pieceLens(), cmp.AllowUnexported(pieceLen{})); d != "" {
				t.Fatalf("%s seed %d: streamed map differs (-whole +streamed):\n%.2000s", name, seed, d)
			}
		}
	}
}

// streamMapped feeds in to TransformMapped in random chunks, into random
// small destinations, as transform.Reader does.
func streamMapped(t *testing.T, c *Converter, in string, seed uint64) (string, *OffsetMap) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 9))
	var m OffsetMap
	var out []byte
	src := []byte{}
	rest := in
	room := 40 // the largest destination; doubled when a unit does not fit
	for {
		n := min(len(rest), 1+rng.IntN(40))
		src = append(src, rest[:n]...)
		rest = rest[n:]
		eof := len(rest) == 0
		for {
			dst := make([]byte, 1+rng.IntN(room))
			nDst, nSrc, err := c.TransformMapped(dst, src, eof, &m)
			out = append(out, dst[:nDst]...)
			src = src[nSrc:]
			if li, lo := m.Len(); li != len(in)-len(rest)-len(src) || lo != len(out) {
				t.Fatalf("after a call: map covers %d→%d, converted %d→%d", li, lo, len(in)-len(rest)-len(src), len(out))
			}
			if errors.Is(err, transform.ErrShortDst) {
				if nSrc == 0 {
					room *= 2
				}
				continue
			}
			if err != nil && !errors.Is(err, transform.ErrShortSrc) {
				t.Fatal(err)
			}
			break
		}
		if eof && len(src) == 0 {
			return string(out), &m
		}
		if eof {
			t.Fatalf("%d bytes left at EOF", len(src))
		}
	}
}
