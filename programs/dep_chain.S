// dep_chain: one basic block holding a 300-long read-after-write chain on x0 (add x0, x0, #1),
// then a chain hopping through x1..x7 with mixed operations. Every instruction depends on the one
// before, so a scheduler that runs two of them in the same level gets a wrong sum.
// Prints x0 and x7; exit code x0 & 0xff (300 -> 44 at the test size).
// Test: the block once (~1.1K instructions with the printing).
// Bench: the block 400,000 times (~125M); x0 keeps counting.
#include "dep.h"
    .text
    .globl main
    .type main, %function
main:
    stp     x29, x30, [sp, #-32]!
    mov     x29, sp
    str     x19, [sp, #16]
    DEP_REPS 0x1a80, 0x6                // 400,000 repetitions for bench
    mov     x0, #0
    mov     x7, #0
1:                                      // the block: from here to the cbnz
    .rept 300
    add     x0, x0, #1
    .endr
    add     x1, x0, x7                  // x7 carries the previous repetition's result
    eor     x2, x1, x0, lsl #3
    sub     x3, x2, #0x123
    lsl     x4, x3, #5
    orr     x5, x4, x1
    add     x6, x5, x5, lsr #7
    eor     x7, x6, x0
    sub     x19, x19, #1
    cbnz    x19, 1b
    mov     x19, x0                     // keep x0 for the exit code
    mov     x1, x0
    mov     x2, x7
    adrp    x0, fmt
    add     x0, x0, :lo12:fmt
    bl      printf
    and     x0, x19, #0xff
    ldr     x19, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret
    .size main, . - main

    .section .rodata
fmt:
    .asciz  "dep_chain x0=%016lx x7=%016lx\n"
