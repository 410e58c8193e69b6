//go:build ignore

// gen writes readings.bin, the reading table of package pinyintab, from the
// dictionary of github.com/mozillazg/go-pinyin. go-pinyin is a dependency of
// this generator and of the tests only, never of programs importing zhnorm.
//
// Run it with go generate in this folder.
package main

import (
	"log"
	"os"

	"github.com/mozillazg/go-pinyin"
	"github.com/zhnorm/zhnorm/internal/pinyintab"
)

func main() {
	b, err := pinyintab.Build(pinyin.PinyinDict)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("readings.bin", b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("readings.bin: %d bytes, %d characters", len(b), len(pinyin.PinyinDict))
}
