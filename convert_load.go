//go:build !(amd64 || arm64 || 386 || ppc64le)

package zhnorm

import "github.com/zhnorm/zhnorm/internal/opencc"

// load32 returns src[p:p+4] as a little-endian number; p+4 must not pass
// the end of src.
func load32[S opencc.Text](src S, p int) uint32 {
	b := src[p : p+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
