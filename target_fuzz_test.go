package zhnorm

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// FuzzTarget: a Target never panics, streaming in chunks of any size gives
// the whole-text output (the fuzzer's texts are below the stream's
// look-ahead, so both decide on all of it), Bytes gives String, valid
// UTF-8 stays valid, and invalid bytes come out unchanged.
func FuzzTarget(f *testing.F) {
	for _, s := range []string{"", "他说“这里的设备”。", "「他說『你好』。」", "這裏說着話，那裏衞生綫", "為什麼", "于是於是",
		"“中“文”字”", "‘中文 don’t stop’", "他說“OK”就走了", "汉\xff字“\xe6\xb1\x89”\xe6\xb1", "“\xe2\x80”中\xe2\x80\x9d\xe2\x80", "\r“中\n文”"} {
		f.Add(s, uint8(0), uint8(3))
	}
	var targets []*Target
	for _, tag := range []string{"zh-Hans", "zh-TW", "zh-HK", "zh-Hant"} {
		targets = append(targets, mustTarget(f, tag), mustTarget(f, tag, WithRegionalPhrases(), KeepPunctuation()))
	}
	f.Fuzz(func(t *testing.T, s string, which, chunk uint8) {
		if len(s) >= TargetLookAhead {
			return
		}
		tg := targets[int(which)%len(targets)]
		got := tg.String(s)
		streamed, _, err := transform.String(tg, s)
		if err != nil {
			t.Fatalf("%s: transform.String: %v", tg.Tag(), err)
		}
		if streamed != got {
			t.Fatalf("%s(%q): transform.String %q, String %q", tg.Tag(), s, streamed, got)
		}
		if chunked := readAll(t, tg, newChunkReader(s, uint64(len(s)), 1+int(chunk)%16)); chunked != got {
			t.Fatalf("%s(%q): chunked %q, String %q", tg.Tag(), s, chunked, got)
		}
		if b := string(tg.Bytes([]byte(s))); b != got {
			t.Fatalf("%s: Bytes %q, String %q", tg.Tag(), b, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("%s(%q) = %q: not valid UTF-8", tg.Tag(), s, got)
		}
		if invalidBytes(s) != invalidBytes(got) {
			t.Fatalf("%s: invalid bytes %q became %q", tg.Tag(), invalidBytes(s), invalidBytes(got))
		}
	})
}
