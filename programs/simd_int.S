// simd_int: the Advanced SIMD integer operations and the structure loads and stores that
// a64_decode_simd2.inc decodes (saturating, rounding, halving, narrowing, long, pairwise and
// by-element arithmetic, the saturating doubling long forms SQDMULL/SQDMLAL/SQDMLSL, the scalar
// forms; LD2-LD4/ST2-ST4, single-structure and replicating forms with post-index, register lists
// wrapping from v31 to v0), each once on fixed random operands with edge values (INT_MIN halves
// and words, INT64_MIN). Prints, per operation, v0 and FPSR (QC, bit 27, after a saturating one);
// per load v0-v3 and the base register; per store the 64 bytes written. The expected output is
// qemu-aarch64's. Test and bench: the same single pass (about 1540 instructions); this program is
// about exactness, not speed.
#include "dep.h"
    .arch_extension simd                // the plain build's -mgeneral-regs-only turns it off
// T "insn": v0 = v9 (the accumulator of the accumulating forms), FPSR = 0, insn, then record
// v0 and FPSR.
.macro T insn
    mov     v0.16b, v9.16b
    msr     fpsr, xzr
    \insn
    mrs     x2, fpsr
    str     q0, [x20], #16
    str     x2, [x20], #8
.endm
// L "load": fresh bases (x21 = data, x22 = data + 16, x23 = 16), then record v0-v3 and x22.
.macro L insn
    adrp    x21, data
    add     x21, x21, :lo12:data
    add     x22, x21, #16
    mov     x23, #16
    \insn
    stp     q0, q1, [x20], #32
    stp     q2, q3, [x20], #32
    sub     x22, x22, x21
    str     x22, [x20], #8
.endm
// S "store": the operands reloaded (v31, v0..v4), the scratch cleared, store, record the scratch.
.macro S insn
    adrp    x25, vin
    add     x25, x25, :lo12:vin
    ld1     {v1.16b, v2.16b, v3.16b, v4.16b}, [x25]
    ldr     q0, [x25, #128]
    ldr     q31, [x25, #192]
    stp     xzr, xzr, [x24]
    stp     xzr, xzr, [x24, #16]
    stp     xzr, xzr, [x24, #32]
    stp     xzr, xzr, [x24, #48]
    \insn
    ldp     q16, q17, [x24]
    ldp     q19, q20, [x24, #32]
    stp     q16, q17, [x20], #32
    stp     q19, q20, [x20], #32
.endm
    DEP_MAIN 112
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    str     x25, [sp, #64]
    stp     d8, d9, [sp, #80]
    str     d15, [sp, #96]
    adrp    x20, res
    add     x20, x20, :lo12:res
    adrp    x24, scratch
    add     x24, x24, :lo12:scratch
    adrp    x25, vin
    add     x25, x25, :lo12:vin
    ld1     {v1.16b, v2.16b, v3.16b, v4.16b}, [x25], #64
    ld1     {v5.16b, v6.16b, v7.16b, v8.16b}, [x25], #64
    ld1     {v9.16b}, [x25], #16
    ldr     q15, [x25], #16
    ldr     q18, [x25], #16
    adrp    x20, res
    add     x20, x20, :lo12:res

    T "shadd v0.16b, v1.16b, v2.16b"
    T "uhadd v0.8h, v1.8h, v2.8h"
    T "srhadd v0.4s, v1.4s, v2.4s"
    T "urhadd v0.8b, v1.8b, v2.8b"
    T "shsub v0.4h, v1.4h, v2.4h"
    T "uhsub v0.2s, v1.2s, v2.2s"
    T "sqadd v0.16b, v1.16b, v2.16b"
    T "sqadd v0.8h, v6.8h, v6.8h"
    T "sqadd v0.2d, v7.2d, v7.2d"
    T "uqadd v0.4s, v1.4s, v2.4s"
    T "uqadd v0.2d, v1.2d, v2.2d"
    T "sqsub v0.8h, v1.8h, v2.8h"
    T "sqsub v0.2d, v7.2d, v1.2d"
    T "uqsub v0.16b, v1.16b, v2.16b"
    T "uqsub v0.2d, v1.2d, v2.2d"
    T "sqadd b0, b1, b2"
    T "uqadd h0, h1, h2"
    T "sqsub s0, s1, s2"
    T "uqsub d0, d1, d2"
    T "sqadd d0, d7, d7"
    T "sshl v0.16b, v1.16b, v5.16b"
    T "ushl v0.8h, v1.8h, v5.8h"
    T "srshl v0.4s, v1.4s, v5.4s"
    T "urshl v0.2d, v1.2d, v5.2d"
    T "srshl v0.2d, v7.2d, v5.2d"
    T "sshl d0, d1, d5"
    T "urshl d0, d7, d5"
    T "sabd v0.16b, v1.16b, v2.16b"
    T "uabd v0.4s, v1.4s, v2.4s"
    T "saba v0.8h, v1.8h, v2.8h"
    T "uaba v0.2s, v1.2s, v2.2s"
    T "smaxp v0.4s, v1.4s, v2.4s"
    T "sminp v0.8b, v1.8b, v2.8b"
    T "sqdmulh v0.8h, v1.8h, v2.8h"
    T "sqdmulh v0.8h, v6.8h, v6.8h"
    T "sqrdmulh v0.4s, v1.4s, v2.4s"
    T "sqdmulh s0, s1, s2"
    T "sqrdmulh h0, h6, h6"
    T "pmul v0.16b, v1.16b, v2.16b"
    T "cmgt d0, d1, d2"
    T "cmhi d0, d1, d2"
    T "cmge d0, d2, d1"
    T "cmhs d0, d2, d1"
    T "add d0, d1, d2"
    T "sub d0, d1, d2"
    T "cmtst d0, d1, d2"
    T "cmeq d0, d1, d1"
    T "saddlp v0.8h, v1.16b"
    T "uaddlp v0.2d, v1.4s"
    T "sadalp v0.4s, v1.8h"
    T "uadalp v0.1d, v1.2s"
    T "sqabs v0.8h, v6.8h"
    T "sqneg v0.2d, v7.2d"
    T "abs v0.16b, v1.16b"
    T "neg v0.4s, v1.4s"
    T "abs d0, d7"
    T "neg d0, d1"
    T "sqabs s0, s6"
    T "sqneg b0, b1"
    T "cls v0.4s, v1.4s"
    T "clz v0.8h, v8.8h"
    T "rbit v0.16b, v1.16b"
    T "sqxtn v0.8b, v1.8h"
    T "sqxtn2 v0.16b, v8.8h"
    T "uqxtn v0.4h, v1.4s"
    T "sqxtun v0.2s, v1.2d"
    T "sqxtun2 v0.8h, v8.4s"
    T "sqxtn b0, h1"
    T "uqxtn s0, d1"
    T "sqxtun h0, s1"
    T "cmgt d0, d1, #0"
    T "cmge d0, d1, #0"
    T "cmeq d0, d9, #0"
    T "cmle d0, d1, #0"
    T "cmlt d0, d7, #0"
    T "ssubl v0.8h, v1.8b, v2.8b"
    T "usubl2 v0.4s, v1.8h, v2.8h"
    T "ssubw v0.2d, v1.2d, v2.2s"
    T "usubw2 v0.8h, v1.8h, v2.16b"
    T "addhn v0.8b, v1.8h, v2.8h"
    T "raddhn2 v0.16b, v1.8h, v2.8h"
    T "subhn v0.2s, v1.2d, v2.2d"
    T "rsubhn v0.4h, v1.4s, v2.4s"
    T "sabal v0.8h, v1.8b, v2.8b"
    T "uabal2 v0.2d, v1.4s, v2.4s"
    T "sabdl v0.4s, v1.4h, v2.4h"
    T "uabdl2 v0.8h, v1.16b, v2.16b"
    T "smlal v0.2d, v1.2s, v2.2s"
    T "umlal2 v0.4s, v1.8h, v2.8h"
    T "smlsl v0.8h, v1.8b, v2.8b"
    T "umlsl2 v0.2d, v1.4s, v2.4s"
    T "pmull v0.8h, v1.8b, v2.8b"
    T "pmull2 v0.8h, v1.16b, v2.16b"
    T "mul v0.8h, v1.8h, v2.h[5]"
    T "mla v0.4s, v1.4s, v18.s[3]"
    T "mls v0.4h, v1.4h, v15.h[7]"
    T "smull v0.4s, v1.4h, v2.h[3]"
    T "umull2 v0.2d, v1.4s, v2.s[1]"
    T "smlal v0.2d, v1.2s, v2.s[2]"
    T "umlal2 v0.4s, v1.8h, v2.h[6]"
    T "smlsl2 v0.4s, v1.8h, v15.h[0]"
    T "umlsl v0.2d, v1.2s, v18.s[0]"
    T "sqdmulh v0.8h, v1.8h, v2.h[1]"
    T "sqrdmulh v0.4s, v1.4s, v2.s[0]"
    T "sqdmulh s0, s1, v2.s[3]"
    T "sqrdmulh h0, h6, v6.h[2]"
    T "sqdmull v0.4s, v1.4h, v2.4h"
    T "sqdmull2 v0.2d, v1.4s, v2.4s"
    T "sqdmull v0.4s, v6.4h, v6.4h"
    T "sqdmull v0.2d, v7.2s, v7.2s"
    T "sqdmlal v0.4s, v1.4h, v2.4h"
    T "sqdmlal2 v0.2d, v1.4s, v2.4s"
    T "sqdmlal v0.4s, v6.4h, v2.4h"
    T "sqdmlsl v0.4s, v6.4h, v6.4h"
    T "sqdmlsl2 v0.4s, v1.8h, v2.8h"
    T "sqdmlsl v0.2d, v7.2s, v1.2s"
    T "sqdmull s0, h1, h2"
    T "sqdmull s0, h6, h6"
    T "sqdmlal d0, s1, s2"
    T "sqdmlsl s0, h6, h6"
    T "sqdmlal s0, h6, h6"
    T "sqdmlsl d0, s1, s2"
    T "sqdmull v0.4s, v1.4h, v2.h[7]"
    T "sqdmull2 v0.2d, v1.4s, v18.s[3]"
    T "sqdmlal v0.4s, v6.4h, v6.h[1]"
    T "sqdmlal2 v0.2d, v1.4s, v2.s[1]"
    T "sqdmlsl v0.2d, v7.2s, v7.s[1]"
    T "sqdmlsl2 v0.4s, v1.8h, v15.h[4]"
    T "sqdmull s0, h1, v2.h[3]"
    T "sqdmull d0, s1, v7.s[1]"
    T "sqdmlal d0, s1, v18.s[2]"
    T "sqdmlsl s0, h6, v6.h[5]"
    T "sqdmlal s0, h1, v15.h[7]"
    T "sqdmlsl d0, s1, v2.s[0]"
    T "srshr v0.16b, v1.16b, #3"
    T "urshr v0.2d, v1.2d, #64"
    T "srshr v0.2d, v7.2d, #64"
    T "srsra v0.4s, v1.4s, #32"
    T "ursra v0.8h, v1.8h, #1"
    T "sri v0.2d, v1.2d, #64"
    T "sri v0.8b, v1.8b, #3"
    T "sli v0.4s, v1.4s, #0"
    T "sli v0.16b, v1.16b, #7"
    T "rshrn v0.8b, v1.8h, #3"
    T "rshrn2 v0.4s, v1.2d, #32"
    T "sqshrn v0.4h, v1.4s, #5"
    T "uqshrn2 v0.16b, v1.8h, #1"
    T "sqrshrn v0.2s, v1.2d, #31"
    T "uqrshrn v0.8b, v1.8h, #8"
    T "sqshrun v0.4h, v1.4s, #3"
    T "sqrshrun2 v0.16b, v1.8h, #2"
    T "sshr d0, d1, #63"
    T "ushr d0, d1, #32"
    T "ssra d0, d1, #5"
    T "usra d0, d1, #64"
    T "srshr d0, d1, #1"
    T "urshr d0, d7, #64"
    T "srsra d0, d1, #13"
    T "ursra d0, d1, #40"
    T "sri d0, d1, #17"
    T "shl d0, d1, #63"
    T "sli d0, d1, #9"
    T "sqshrn s0, d1, #7"
    T "uqshrn b0, h1, #1"
    T "sqrshrn h0, s1, #16"
    T "uqrshrn s0, d1, #32"
    T "sqshrun b0, h1, #2"
    T "sqrshrun s0, d1, #1"
    T "mov s0, v1.s[3]"
    T "mov h0, v1.h[5]"
    T "mov b0, v1.b[15]"
    T "mov d0, v1.d[1]"
    T "sqshl v0.16b, v1.16b, v5.16b"
    T "uqshl v0.8h, v1.8h, v5.8h"
    T "sqrshl v0.4s, v1.4s, v5.4s"
    T "uqrshl v0.2d, v1.2d, v5.2d"
    T "sqshl d0, d7, d5"
    T "uqshl b0, b1, b5"
    T "sqshl v0.8h, v1.8h, #9"
    T "uqshl v0.2d, v1.2d, #63"
    T "sqshlu v0.4s, v1.4s, #3"
    T "sqshl s0, s1, #31"
    T "uqshl h0, h1, #2"
    T "sqshlu d0, d1, #1"
    T "suqadd v0.16b, v1.16b"
    T "usqadd v0.2d, v7.2d"
    T "suqadd d0, d7"
    T "usqadd h0, h1"
    T "shll v0.8h, v1.8b, #8"
    T "shll2 v0.2d, v1.4s, #32"

    L "ld2 {v0.16b, v1.16b}, [x21]"
    L "ld3 {v0.4h, v1.4h, v2.4h}, [x21]"
    L "ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [x21]"
    L "ld4 {v30.2d, v31.2d, v0.2d, v1.2d}, [x21]"
    L "ld2 {v0.2s, v1.2s}, [x22], #16"
    L "ld3 {v0.8h, v1.8h, v2.8h}, [x22], x23"
    L "ld1 {v0.b}[13], [x21]"
    L "ld2 {v0.h, v1.h}[6], [x21]"
    L "ld3 {v0.s, v1.s, v2.s}[3], [x22], #12"
    L "ld4 {v0.d, v1.d, v2.d, v3.d}[1], [x21]"
    L "ld4 {v31.b, v0.b, v1.b, v2.b}[7], [x21]"
    L "ld2r {v0.8h, v1.8h}, [x21]"
    L "ld3r {v0.2s, v1.2s, v2.2s}, [x21]"
    L "ld4r {v0.16b, v1.16b, v2.16b, v3.16b}, [x22], #4"
    L "ld2r {v0.1d, v1.1d}, [x22], x23"
    S "st2 {v1.8h, v2.8h}, [x24]"
    S "st3 {v1.16b, v2.16b, v3.16b}, [x24]"
    S "st4 {v1.2s, v2.2s, v3.2s, v4.2s}, [x24]"
    S "st4 {v31.4s, v0.4s, v1.4s, v2.4s}, [x24]"
    S "st1 {v1.s}[2], [x24]"
    S "st2 {v1.b, v2.b}[9], [x24]"
    S "st3 {v1.h, v2.h, v3.h}[4], [x24]"
    S "st4 {v1.d, v2.d, v3.d, v4.d}[0], [x24]"
    S "st3 {v1.2d, v2.2d, v3.2d}, [x24]"
    adrp    x20, res
    add     x20, x20, :lo12:res
    DEP_PRINT_RES 777
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldr     x25, [sp, #64]
    ldp     d8, d9, [sp, #80]
    ldr     d15, [sp, #96]
    DEP_RETURN 112

    .section .rodata
name:
    .asciz  "simd_int"
    .balign 16
vin:                                    // v1-v8, v9, v15, v18; then (for S) v0 = v9 copy, v31
    .byte   0xf2, 0x89, 0xb3, 0x49, 0xc3, 0x05, 0xbf, 0xf7, 0x8c, 0xeb, 0x74, 0x00, 0x4a, 0xe1, 0xbc, 0x53   // v1
    .byte   0xad, 0x6b, 0x1e, 0x66, 0x26, 0xac, 0xcf, 0x2c, 0x09, 0x1f, 0x72, 0x2e, 0xd8, 0xe3, 0x39, 0xd8   // v2
    .byte   0x45, 0xa0, 0x53, 0x1a, 0x57, 0x2a, 0xcd, 0xd6, 0xf0, 0xf4, 0xc4, 0x0f, 0x2a, 0x62, 0x85, 0xb6   // v3
    .byte   0xb9, 0xc5, 0x9e, 0x3a, 0x81, 0x78, 0xab, 0xba, 0xbe, 0x5b, 0x0e, 0xc3, 0xdc, 0x10, 0x0d, 0x71   // v4
    .byte   0x27, 0xc5, 0x1d, 0xee, 0xd4, 0x46, 0xf2, 0xe7, 0xcd, 0x00, 0xc3, 0x28, 0x00, 0x39, 0x12, 0xc7   // v5
    .byte   0x00, 0x80, 0x00, 0x80, 0x00, 0x80, 0x00, 0x80, 0x00, 0x80, 0x00, 0x80, 0xeb, 0xbc, 0x6a, 0xad   // v6
    .byte   0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f   // v7
    .byte   0x02, 0x03, 0x03, 0x03, 0x01, 0x01, 0x03, 0x02, 0x01, 0x01, 0x01, 0x00, 0x02, 0x02, 0x01, 0x01   // v8
    .byte   0x04, 0x14, 0x7e, 0x3b, 0xb8, 0x4f, 0x0c, 0xa5, 0x8f, 0x3c, 0x75, 0xf4, 0xfa, 0xb5, 0x86, 0xe3   // v9
    .byte   0x53, 0xe5, 0x95, 0x17, 0x8e, 0xa8, 0xe3, 0x6d, 0x91, 0x82, 0x0e, 0x01, 0x0d, 0x43, 0x88, 0xd7   // v15
    .byte   0x46, 0x7b, 0x66, 0xde, 0xf1, 0x1e, 0x84, 0x14, 0xd5, 0xdc, 0x2f, 0xcf, 0x65, 0xb1, 0xbc, 0xc5   // v18
    .byte   0x04, 0x14, 0x7e, 0x3b, 0xb8, 0x4f, 0x0c, 0xa5, 0x8f, 0x3c, 0x75, 0xf4, 0xfa, 0xb5, 0x86, 0xe3   // v0 for the stores
    .byte   0x52, 0x08, 0x4f, 0x0f, 0x13, 0x25, 0xd4, 0x66, 0xc2, 0x32, 0xb4, 0x60, 0x9f, 0x8a, 0xfb, 0x3f   // v31
data:
    .byte   0x6c, 0xc9, 0x7d, 0x24, 0xd0, 0xb6, 0xa5, 0x2a, 0xaa, 0x48, 0x2e, 0x9f, 0x9f, 0x5c, 0xdf, 0xbb
    .byte   0x5a, 0x0f, 0x6b, 0xf9, 0xe3, 0xf8, 0x5b, 0x1d, 0xae, 0xe9, 0x7a, 0xa7, 0x31, 0x72, 0x03, 0xb8
    .byte   0xbb, 0x8f, 0x67, 0xdd, 0x97, 0x70, 0x4b, 0xaa, 0x53, 0xed, 0xc7, 0x7f, 0xeb, 0xeb, 0x19, 0x74
    .byte   0xd0, 0xca, 0xe1, 0x1a, 0x36, 0x9f, 0xb3, 0x08, 0xa4, 0xff, 0xb8, 0x9d, 0x57, 0x45, 0xf4, 0x73
    .byte   0x44, 0x80, 0xfd, 0x17, 0xdb, 0xba, 0x92, 0xd1, 0x90, 0xc7, 0xa4, 0x4b, 0x40, 0x84, 0x10, 0xc1, 0xd3, 0xd9, 0x86, 0xad, 0xd0, 0xc2, 0xfc, 0xc4, 0xcc, 0x5d, 0x56, 0x69, 0x82, 0x38, 0x89, 0x1b   // past data + 16 + 48
    .bss
    .balign 16
res:
    .zero   777 * 8
scratch:
    .zero   64
