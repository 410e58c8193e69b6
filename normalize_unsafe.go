package zhnorm

import "unsafe"

// unsafeStringBytes returns the bytes of s without copying. The normalizer
// only reads them; it never writes to or keeps a slice of its input.
func unsafeStringBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// bytesString views b as a string without copying; b must not change after.
func bytesString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
