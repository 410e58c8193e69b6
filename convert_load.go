//go:build !(amd64 || arm64 || 386 || ppc64le)

package zhnorm

import "unsafe"

// load32 returns the four bytes at base+p as a little-endian number; they
// must lie within the text base points into.
func load32(base unsafe.Pointer, p int) uint32 {
	b := (*[4]byte)(unsafe.Add(base, p))
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// store32 writes w's four bytes at base+p, little-endian; they must lie
// within the array base points into.
func store32(base unsafe.Pointer, p int, w uint32) {
	b := (*[4]byte)(unsafe.Add(base, p))
	b[0], b[1], b[2], b[3] = byte(w), byte(w>>8), byte(w>>16), byte(w>>24)
}
