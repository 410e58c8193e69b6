//go:build ignore

// gen compiles the configs and dictionaries of the
// github.com/longbridgeapp/opencc module named in go.mod into
// internal/opencc/tables.bin.
package main

import (
	"flag"
	"log"
	"os"
	"os/exec"
	"strings"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

func main() {
	out := flag.String("o", "internal/opencc/tables.bin", "output file")
	flag.Parse()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/longbridgeapp/opencc").Output()
	if err != nil {
		log.Fatalf("locating github.com/longbridgeapp/opencc: %v", err)
	}
	configs, dicts, err := opencc.ReadModule(strings.TrimSpace(string(dir)))
	if err != nil {
		log.Fatal(err)
	}
	t, err := opencc.Build(configs, dicts)
	if err != nil {
		log.Fatal(err)
	}
	b, err := t.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}
