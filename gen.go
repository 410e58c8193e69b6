//go:build ignore

// gen compiles OpenCC's configs and text dictionaries, kept in third_party
// (see third_party/opencc/README.md), into internal/opencc/tables.bin.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

func main() {
	out := flag.String("o", "internal/opencc/tables.bin", "output file")
	flag.Parse()
	b, err := opencc.BuildData(".")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}
