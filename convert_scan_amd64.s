//go:build amd64 && !purego

#include "textflag.h"

// The loops of convert_scan_amd64.go: denseLoop and denseJoinLoop, the
// steps of denseLoopGo (and of denseRuns's loop in Go), and sparseLoop,
// those of plainSpanSparse's loop for configs without runs.
//
// The constants of convert.go and convert_filter.go that they use;
// TestScanAsmConstants fails when one of them changes there.
#define OUT3VALID 24         // bit of out3Valid in hotInfo.out3
#define HOTPLAIN 25          // bit of hotPlain
#define HOTSEGSTART 26       // bit of hotSegStart
#define MUL1 $-1640531535    // filterSum's factors: 0x9E3779B1,
#define MUL2 $-2048144777    // 0x85EBCA77,
#define MUL3 $-1028477379    // filterMul3 (0xC2B2AE3D),
#define ENDTERM -343256637   // and filterEnd, as signed 32-bit numbers

// THREEBYTE jumps to done unless the four bytes in r start with the shape
// of a three-byte UTF-8 sequence (isThreeByte); t is clobbered.
#define THREEBYTE(r, t, done) \
	MOVL r, t \
	ANDL $0xC0C0F0, t \
	CMPL t, $0x8080E0 \
	JNE  done

// RUNE leaves in t the code point of the three-byte sequence in r
// (threeByteRune); r and u are clobbered.
#define RUNE(r, t, u) \
	MOVL r, t \
	ANDL $0x0F, t \
	SHLL $12, t \
	MOVL r, u \
	SHRL $2, u \
	ANDL $0xFC0, u \
	ORL  u, t \
	SHRL $16, r \
	ANDL $0x3F, r \
	ORL  r, t

// The loops of denseLoop and denseJoinLoop. Registers: SI the text, DI
// the output, R8 where the text stops, R9 bmp, R10 hot, R11 the keyFilter,
// R12 and R13 the codes of the character and the next (R15 the joinFilter);
// AX, BX, CX, DX and R14 for the rest.

// DENSESTART loads the arguments they share and the codes of the first two
// characters, or jumps to done.
#define DENSESTART(done) \
	MOVQ filter+0(FP), R11 \
	MOVQ bmp+8(FP), R9 \
	MOVQ hot+16(FP), R10 \
	MOVQ src+24(FP), SI \
	MOVQ dst+32(FP), DI \
	MOVQ n+40(FP), R8 \
	TESTQ R8, R8 \
	JLE  done \
	ADDQ SI, R8 \
	MOVL (SI), AX \
	THREEBYTE(AX, DX, done) \
	MOVL 3(SI), BX \
	THREEBYTE(BX, DX, done) \
	RUNE(AX, CX, DX) \
	MOVWLZX (R9)(CX*2), R12 \
	RUNE(BX, CX, DX) \
	MOVWLZX (R9)(CX*2), R13

// DENSESTEP is a step of denseLoopGo up to the output, or a jump to done:
// it leaves the third character's code in BX, the first's hotInfo.out3 in
// AX and the filter's sum of the first two (filterSum) in DX.
#define DENSESTEP(done) \
	CMPQ SI, R8 \
	JAE  done \
	MOVL 6(SI), AX \
	THREEBYTE(AX, DX, done) \
	RUNE(AX, CX, DX) \
	MOVWLZX (R9)(CX*2), BX \
	MOVL (R10)(R12*8), AX \
	BTL  $HOTPLAIN, AX \
	JCC  done \
	IMUL3L MUL1, R12, DX \
	IMUL3L MUL2, R13, CX \
	ADDL CX, DX \
	MOVL DX, CX \
	SHRL $16, CX \
	MOVQ (R11)(CX*8), CX \
	LEAL ENDTERM(DX), R14 \
	SHRL $10, R14 \
	BTQ  R14, CX \
	JCS  done \
	IMUL3L MUL3, BX, R14 \
	ADDL DX, R14 \
	SHRL $10, R14 \
	BTQ  R14, CX \
	JCS  done

// DENSEOUT writes the output, or the character itself for code 0 (no
// out3Valid): four bytes, of which the fourth is overwritten next; and
// goes on to the next character.
#define DENSEOUT(loop) \
	MOVL (SI), DX \
	BTL  $OUT3VALID, AX \
	CMOVLCC DX, AX \
	MOVL AX, (DI) \
	ADDQ $3, SI \
	ADDQ $3, DI \
	MOVL R13, R12 \
	MOVL BX, R13 \
	JMP  loop

// func denseLoop(filter *keyFilter, bmp *[1 << 16]uint16, hot *hotInfo, src, dst unsafe.Pointer, n int) int
TEXT ·denseLoop(SB), NOSPLIT, $0-56
	DENSESTART(done)
loop:
	DENSESTEP(done)
	DENSEOUT(loop)
done:
	SUBQ src+24(FP), SI
	MOVQ SI, ret+48(FP)
	RET

// func denseJoinLoop(filter *keyFilter, bmp *[1 << 16]uint16, hot *hotInfo, src, dst unsafe.Pointer, n int, joins *joinFilter) int
TEXT ·denseJoinLoop(SB), NOSPLIT, $0-64
	MOVQ joins+48(FP), R15
	DENSESTART(donej)
loopj:
	DENSESTEP(donej)
	// Nor may the pair's bit in the joinFilter (joinWord, joinBit).
	MOVL DX, CX
	SHRL $20, CX
	MOVQ (R15)(CX*8), CX
	MOVL DX, R14
	SHRL $14, R14
	BTQ  R14, CX
	JCS  donej
	DENSEOUT(loopj)
donej:
	SUBQ src+24(FP), SI
	MOVQ SI, ret+56(FP)
	RET

// ISINERT jumps to done unless the low byte of r is an ASCII byte that no
// key holds, by the bits at inert (R13) (isInert); t and u are clobbered.
#define ISINERT(r, t, u, done) \
	MOVBLZX r, t \
	CMPL t, $0x80 \
	JAE  done \
	MOVL t, u \
	SHRL $6, u \
	MOVQ (R13)(u*8), u \
	BTQ  t, u \
	JCC  done

// func sparseLoop(bmp *[1 << 16]uint16, hot *hotInfo, nodes *opencc.Node, nnodes int, inert *[2]uint64, src, dst unsafe.Pointer, n int) int
//
// Registers: SI the text, DI the output, R8 where the text stops, R9 bmp,
// R10 hot, R11 nodes, R12 their number, R13 inert; AX, BX, CX, DX and R14
// for the rest.
TEXT ·sparseLoop(SB), NOSPLIT, $0-72
	MOVQ bmp+0(FP), R9
	MOVQ hot+8(FP), R10
	MOVQ nodes+16(FP), R11
	MOVQ nnodes+24(FP), R12
	MOVQ inert+32(FP), R13
	MOVQ src+40(FP), SI
	MOVQ dst+48(FP), DI
	MOVQ n+56(FP), R8
	ADDQ SI, R8

loop2:
	CMPQ SI, R8
	JAE  done2
	MOVL (SI), AX
	THREEBYTE(AX, DX, ascii)
	RUNE(AX, CX, DX)
	MOVWLZX (R9)(CX*2), BX     // the character's code
	MOVQ (R10)(BX*8), AX       // its hotInfo: out3, and base above
	BTL  $HOTPLAIN, AX
	JCC  done2
	BTL  $HOTSEGSTART, AX
	JCS  segstart

out:
	// The output, or the character itself for code 0 (no out3Valid):
	// four bytes, of which the fourth is overwritten next.
	MOVL (SI), DX
	BTL  $OUT3VALID, AX
	CMOVLCC DX, AX
	MOVL AX, (DI)
	ADDQ $3, SI
	ADDQ $3, DI
	JMP  loop2

ascii:
	ISINERT(AX, CX, DX, done2)
	MOVL AX, (DI)
	INCQ SI
	INCQ DI
	JMP  loop2

segstart:
	// pairNode: a key may start with the character and the next unit, a
	// three-byte character (code in CX) or an ASCII byte that no key
	// holds (then none does).
	MOVL 3(SI), DX
	THREEBYTE(DX, CX, segascii)
	RUNE(DX, CX, R14)
	MOVWLZX (R9)(CX*2), CX
	TESTL CX, CX
	JEQ  out
	MOVQ AX, DX
	SHRQ $32, DX               // base
	ADDL CX, DX                // the slot of the pair (32 bits, as pairNode)
	CMPQ DX, R12
	JAE  out
	MOVL 4(R11)(DX*8), CX      // its Check
	ANDL $0x7FFFFFFF, CX       // without termBit
	CMPL CX, BX
	JEQ  done2
	JMP  out

segascii:
	ISINERT(DX, CX, R14, done2)
	JMP  out

done2:
	SUBQ src+40(FP), SI
	MOVQ SI, ret+64(FP)
	RET
