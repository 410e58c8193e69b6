//go:build !amd64 || purego

package zhnorm

import (
	"unsafe"

	"github.com/zhnorm/zhnorm/internal/opencc"
)

// scanAsm says that denseLoop and sparseLoop are in assembly; here they
// are not.
const scanAsm = false

// denseLoop is denseLoopGo.
func denseLoop(filter *keyFilter, bmp *[1 << 16]uint16, hot *hotInfo, src, dst unsafe.Pointer, n int) int {
	return denseLoopGo(filter, bmp, hot, src, dst, n)
}

// sparseLoop does nothing: plainSpanSparse's own loop converts.
func sparseLoop(bmp *[1 << 16]uint16, hot *hotInfo, nodes *opencc.Node, nnodes int, inert *[2]uint64, src, dst unsafe.Pointer, n int) int {
	return 0
}

// denseJoinLoop does nothing: denseRuns's own loop converts.
func denseJoinLoop(filter *keyFilter, bmp *[1 << 16]uint16, hot *hotInfo, src, dst unsafe.Pointer, n int, joins *joinFilter) int {
	return 0
}
