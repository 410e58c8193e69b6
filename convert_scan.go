package zhnorm

import "unsafe"

// denseLoopGo converts, from src into dst, the characters that convert
// alone, while fewer than n bytes of src are done, and returns how many
// are: it stops at a character that is not plain or whose next two are not
// of three bytes, or where filter says that a key may start. It reads up
// to n+9 bytes of src and writes up to n+4 of dst. denseLoop is the same
// in assembly where there is one (scanAsm).
//
// It keeps three characters at hand, each decoded once: the one it
// converts and the two after it, which keyFilter asks about. Pointers that
// go on, not indexes, and the hot table without its length (every code of
// bmp is within it: see newConverter): few variables, all in registers.
func denseLoopGo(filter *keyFilter, bmp *[1 << 16]uint16, hot *hotInfo, src, dst unsafe.Pointer, n int) int {
	if n <= 0 {
		return 0
	}
	sp, op, end := src, dst, unsafe.Add(src, n)
	w1, w2 := load32(sp, 0), load32(sp, 3)
	if !isThreeByte(w1) || !isThreeByte(w2) {
		return 0
	}
	c1, c2 := bmp[threeByteRune(w1)], bmp[threeByteRune(w2)]
	for uintptr(sp) < uintptr(end) {
		w3 := load32(sp, 6)
		if !isThreeByte(w3) {
			break
		}
		c3 := bmp[threeByteRune(w3)]
		h := (*hotInfo)(unsafe.Add(unsafe.Pointer(hot), uintptr(c1)*unsafe.Sizeof(hotInfo{}))).out3
		if h&hotPlain == 0 {
			break
		}
		// A character that starts no key has no bits in the filter: no
		// branch on SegStart, which the text decides. Two bit tests, each
		// an instruction that takes its bit from any register, where a
		// shift would want the count in CX.
		sum := filterSum(c1, c2)
		word := filter[filterWord(sum)]
		if word&(1<<filterEndBit(sum)) != 0 || word&(1<<filterBit(sum, uint32(c3))) != 0 {
			break
		}
		// Code 0 (in no key): the character itself, read again rather
		// than kept, which spares two registers.
		if w1 := load32(sp, 0); h&out3Valid == 0 {
			h = w1
		}
		// Four bytes, within dst: the fourth is overwritten next.
		store32(op, 0, h)
		sp, op = unsafe.Add(sp, 3), unsafe.Add(op, 3)
		c1, c2 = c2, c3
	}
	return int(uintptr(sp) - uintptr(src))
}
