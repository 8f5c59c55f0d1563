// dep_wreg: 32-bit (W register) operations must zero bits 63:32 of the destination and read
// only bits 31:0 of their sources, while the source registers hold 64-bit values with non-zero
// upper halves. Covers arithmetic, logic, shifts, moves, 32-bit flags, mul/div, extends,
// bitfields and loads. Prints res[0..21].
// Test: the block once (~13K instructions with the printing). Bench: 3,000,000 times (~125M).
#include "dep.h"
    DEP_MAIN 32
    DEP_REPS 0xc6c0, 0x2d               // 3,000,000 repetitions for bench
    adrp    x20, res
    add     x20, x20, :lo12:res
1:                                      // the block: from here to the cbnz
    mov     x1, #-1
    movz    x9, #0x8000, lsl #16
    orr     x9, x9, #0xffffffff00000000 // 0xffffffff80000000
    movz    x0, #0x1234, lsl #48
    movk    x0, #0x10                   // 0x1234000000000010: garbage above a small w0
    add     w2, w1, #1                  // 0
    add     w3, w1, w1                  // 0xfffffffe
    mov     w4, w1                      // 0xffffffff
    lsl     w5, w1, #4                  // 0xfffffff0
    asr     w6, w9, #4                  // 0xf8000000: shifts in bit 31, not bit 63
    sxtw    x7, w6                      // 0xfffffffff8000000
    mov     w8, w9                      // 0x80000000
    adds    w10, w1, #1                 // 0 with Z and C from the 32-bit sum
    cset    x11, hs                     // 1
    mrs     x12, nzcv                   // 0x60000000
    mul     w13, w9, w1                 // 0x80000000
    udiv    w14, w1, w0                 // 0xffffffff / 16 = 0x0fffffff
    sdiv    w15, w9, w5                 // -0x80000000 / -16 = 0x08000000
    add     x16, x1, w4, sxtw           // -1 + -1 = -2
    add     x17, x9, w4, uxtw           // 0xffffffff80000000 + 0xffffffff = 0x7fffffff
    stp     x2, x3, [x20]
    stp     x4, x5, [x20, #16]
    stp     x6, x7, [x20, #32]
    stp     x8, x10, [x20, #48]
    stp     x11, x12, [x20, #64]
    stp     x13, x14, [x20, #80]
    stp     x15, x16, [x20, #96]
    str     x17, [x20, #112]
    ror     w2, w9, #4                  // 0x08000000
    ubfx    w3, w1, #24, #8             // 0xff: the field ends at bit 31
    sbfx    w4, w9, #28, #4             // 0xfffffff8, upper half zero
    neg     w5, w0                      // 0xfffffff0
    madd    w6, w0, w0, w1              // 0x100 - 1 = 0xff
    str     x9, [x20, #160]
    ldr     w7, [x20, #160]             // a 32-bit load zero-extends: 0x80000000
    ldrsw   x8, [x20, #160]             // 0xffffffff80000000
    stp     x2, x3, [x20, #120]
    stp     x4, x5, [x20, #136]
    str     x6, [x20, #152]
    stp     x7, x8, [x20, #160]
    sub     x19, x19, #1
    cbnz    x19, 1b
    DEP_PRINT_RES 22
    DEP_RETURN 32

    .section .rodata
name:
    .asciz  "dep_wreg"
    .bss
    .balign 16
res:
    .zero   22 * 8
