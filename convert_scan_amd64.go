//go:build amd64 && !purego

package zhnorm

import (
	"unsafe"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// scanAsm says that denseLoop and sparseLoop are in assembly
// (convert_scan_amd64.s): the loops of denseLoopGo and of plainSpanSparse
// with their variables in registers, which Go's register allocator spills
// and shuffles (s2t's loop: 57 instructions a character against 41).
const scanAsm = true

// denseLoop is denseLoopGo in assembly.
//
//go:noescape
func denseLoop(filter *keyFilter, bmp *[1 << 16]uint16, hot *hotInfo, src, dst unsafe.Pointer, n int) int

// sparseLoop converts, from src into dst, the units that plainSpanSparse
// converts alone in a config without runs, while fewer than n bytes of
// src are done, and returns how many are: ASCII bytes that no key holds
// (by inert), and plain three-byte characters from which no key of the
// trie (of nnodes slots at nodes) goes on to the next unit. It stops where
// plainSpanSparse's loop would stop or return, which then takes that unit.
// It reads up to n+6 bytes of src and writes up to n+3 of dst.
//
//go:noescape
func sparseLoop(bmp *[1 << 16]uint16, hot *hotInfo, nodes *opencc.Node, nnodes int, inert *[2]uint64, src, dst unsafe.Pointer, n int) int

// denseJoinLoop is denseLoop for configs with runs: it stops too where
// joins says that the character and the next may join (denseRuns's loop
// then asks joinable).
//
//go:noescape
func denseJoinLoop(filter *keyFilter, bmp *[1 << 16]uint16, hot *hotInfo, src, dst unsafe.Pointer, n int, joins *joinFilter) int
