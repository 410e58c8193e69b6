package zhnorm

import (
	"path/filepath"
	"testing"
)

// TestTargetGolden converts the seed page, normalized as the command does
// by default, to zh-Hans and zh-TW, against golden files; `go test
// -update` rewrites them. The command's test compares its output with the
// same files.
func TestTargetGolden(t *testing.T) {
	text := Normalize(seedText(t))
	for _, tag := range []string{"zh-Hans", "zh-TW"} {
		base := seedPage[:len(seedPage)-len(filepath.Ext(seedPage))]
		checkGolden(t, filepath.Join("target", base+"."+tag+".golden"), []byte(mustTarget(t, tag).String(text)))
	}
}
