//go:build !(amd64 || arm64 || 386 || ppc64le)

package zhnorm

// load32 returns s[p:p+4] as a little-endian number; p+4 must not pass the
// end of s.
func load32(s string, p int) uint32 {
	b := s[p : p+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
