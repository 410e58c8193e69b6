//go:build amd64 || arm64 || 386 || ppc64le

package zhnorm

import "unsafe"

// load32 returns the four bytes at base+p as a little-endian number; they
// must lie within the text base points into. These processors are
// little-endian and load a word from any address: one instruction.
func load32(base unsafe.Pointer, p int) uint32 {
	return *(*uint32)(unsafe.Add(base, p))
}

// store32 writes w's four bytes at base+p, little-endian; they must lie
// within the array base points into.
func store32(base unsafe.Pointer, p int, w uint32) {
	*(*uint32)(unsafe.Add(base, p)) = w
}
