//go:build amd64 || arm64 || 386 || ppc64le

package zhnorm

import (
	"unsafe"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// load32 returns src[p:p+4] as a little-endian number; p+4 must not pass
// the end of src. These processors are little-endian and load a word from
// any address: one instruction, and small enough for hanCode to inline.
// (A string and a byte slice start with the same pointer.)
func load32[S opencc.Text](src S, p int) uint32 {
	return *(*uint32)(unsafe.Add(unsafe.Pointer(unsafe.StringData(*(*string)(unsafe.Pointer(&src)))), p))
}
