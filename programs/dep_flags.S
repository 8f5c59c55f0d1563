// dep_flags: NZCV written and read inside one block: adds/adcs/sbcs chains, csel/cset/cinc/csinv/
// csneg, ccmp/ccmn taking the compare or the immediate flags, 32-bit flag setting, and mrs nzcv.
// Each flag reader must see the most recent earlier writer, never a later one.
// Prints res[0..17].
// Test: the block once (~10K instructions with the printing). Bench: 3,500,000 times (~135M).
#include "dep.h"
    DEP_MAIN 32
    DEP_REPS 0x67e0, 0x35               // 3,500,000 repetitions for bench
    adrp    x20, res
    add     x20, x20, :lo12:res
1:                                      // the block: from here to the cbnz
    mov     x0, #-1
    adds    x1, x0, #1                  // 0; Z and C set
    adcs    x2, xzr, xzr                // 0 + 0 + C = 1; flags cleared
    csel    x3, x1, x2, eq              // ne now: x2 = 1
    mrs     x4, nzcv                    // 0
    cmp     x2, #1                      // Z, C
    ccmp    x0, #0, #4, eq              // eq holds: compare -1 with 0 -> N, C
    cset    x5, mi                      // 1
    ccmp    x2, #5, #2, pl              // pl fails: flags = #2 (C only)
    mrs     x6, nzcv                    // 0x20000000
    adcs    x7, x0, x0                  // -1 + -1 + 1 = -1; N, C
    sbcs    x8, x2, x0                  // 1 - (-1) - 0 = 2; flags of that
    cinc    x9, x8, cs                  // reads the sbcs flags
    csinv   x10, x8, x2, lo
    csneg   x11, x8, x2, ge
    adds    x12, x0, x2                 // 128-bit add: low half 0, carry out
    adc     x13, x2, xzr                // high half 1 + 0 + 1 = 2 (adc keeps the flags)
    csel    x14, x12, x13, cs           // still the adds' carry: x12 = 0
    subs    w15, w2, #2                 // 32-bit: 0xffffffff, N set, C clear
    cset    x16, lt
    ccmn    w0, #1, #0, lt              // lt holds: w0 + 1 = 0 in 32 bits -> Z, C
    mrs     x17, nzcv                   // 0x60000000
    ngcs    x15, x2                     // 0 - 1 - !C = -1; uses the 32-bit ccmn's carry
    cinv    x16, x16, mi                // N from ngcs: ~1
    tst     x0, #0x8000000000000000
    cset    x0, ne                      // 1
    stp     x1, x2, [x20]
    stp     x3, x4, [x20, #16]
    stp     x5, x6, [x20, #32]
    stp     x7, x8, [x20, #48]
    stp     x9, x10, [x20, #64]
    stp     x11, x12, [x20, #80]
    stp     x13, x14, [x20, #96]
    stp     x15, x16, [x20, #112]
    stp     x17, x0, [x20, #128]
    sub     x19, x19, #1
    cbnz    x19, 1b
    DEP_PRINT_RES 18
    DEP_RETURN 32

    .section .rodata
name:
    .asciz  "dep_flags"
    .bss
    .balign 16
res:
    .zero   18 * 8
