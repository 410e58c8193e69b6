//go:build amd64 || arm64 || 386 || ppc64le

package zhnorm

import "unsafe"

// load32 returns s[p:p+4] as a little-endian number; p+4 must not pass the
// end of s. These processors are little-endian and load a word from any
// address: one instruction.
func load32(s string, p int) uint32 {
	return *(*uint32)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), p))
}
