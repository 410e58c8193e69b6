package zhnorm

import (
	"os"
	"path/filepath"
	"testing"
)

// TestConvertGolden converts the seed page with t2s, and a simplified sample
// with s2t, s2tw, s2twp and s2hk, against golden files; `go test -update`
// rewrites them.
func TestConvertGolden(t *testing.T) {
	tests := []struct{ input, config string }{
		{seedPage, "t2s"},
		{"convert/simplified.txt", "s2t"},
		{"convert/simplified.txt", "s2tw"},
		{"convert/simplified.txt", "s2twp"},
		{"convert/simplified.txt", "s2hk"},
	}
	for _, tt := range tests {
		in, err := os.ReadFile(filepath.Join("testdata", tt.input))
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(tt.input)
		base = base[:len(base)-len(filepath.Ext(base))]
		checkGolden(t, filepath.Join("convert", base+"."+tt.config+".golden"), []byte(mustConverter(t, tt.config).Convert(string(in))))
	}
}
