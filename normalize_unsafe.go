package zhnorm

import "unsafe"

// unsafeStringBytes returns the bytes of s without copying. The normalizer
// only reads them; it never writes to or keeps a slice of its input.
func unsafeStringBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
