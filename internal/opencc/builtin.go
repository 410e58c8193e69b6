package opencc

import (
	_ "embed"
	"sync"
)

// tables.bin is written by zhnorm's gen.go from OpenCC's configs and
// dictionaries in third_party (BuildData).
//
//go:embed tables.bin
var tables string

// Builtin returns the tables compiled from OpenCC's own configs.
var Builtin = sync.OnceValues(func() (*Blob, error) { return Open(tables) })

// BuiltinBytes is the embedded encoding, for the test that regenerates it.
func BuiltinBytes() string { return tables }
