//go:build ignore

// gen writes scripts.bin, the table of package scripttab, from OpenCC's
// dictionaries in third_party/opencc/dictionary.
//
// Run it with go generate in this folder.
package main

import (
	"log"
	"os"

	"github.com/zhnorm/zhnorm/internal/scripttab"
)

func main() {
	b, err := scripttab.Build(os.DirFS("../../third_party/opencc/dictionary"))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("scripts.bin", b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("scripts.bin: %d bytes", len(b))
}
