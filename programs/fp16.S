// fp16: the half-precision scalar floating-point instructions (FEAT_FP16, decoded by
// decode/a64_decode_fp.inc with ftype 11): the 1-, 2- and 3-source arithmetic, FRINT*, compares,
// FCCMP, FCSEL, the conversions to and from W and X (integer and fixed point) and FMOV (register,
// general, immediate), on edge operands (zeros, subnormals, the largest normal, infinities,
// quiet and signalling NaNs with payloads, ties) under several FPCR settings (each rounding mode,
// FZ16, DN, AHP, FZ). Operands are the H lanes of v1-v7 and v16-v30, whose other bits are noise
// (an operation must ignore them); v0 and x0 start as noise too (a result must clear the rest of
// its register). Per instruction four values: v0's low and high halves, x0, and FPSR ORed with
// NZCV (preset to 0110). The expected output is qemu-aarch64's (-cpu max). Test and bench: the
// same single pass (198 instructions under test, about 2,800 instructions with the macro's
// set-up; 469,000 with the printing); this program is about exactness, not speed. Built with
// -march=armv8.2-a+fp16 and never -mgeneral-regs-only (programs/CMakeLists.txt: fp_native).
#include "dep.h"
// T fpcr, "insn": v0 = v31 (noise), x0 = x8 (noise), FPCR = fpcr, FPSR = 0, NZCV = 0110, insn,
// then record v0, x0 and FPSR | NZCV; FPCR back to 0.
.macro T fpcr, insn
    mov     v0.16b, v31.16b
    mov     x0, x8
    mov     x3, #\fpcr
    msr     fpcr, x3
    msr     fpsr, xzr
    msr     nzcv, x4
    \insn
    mrs     x2, fpsr
    mrs     x3, nzcv
    orr     x2, x2, x3
    msr     fpcr, xzr
    str     q0, [x20], #16
    stp     x0, x2, [x20], #16
.endm
    DEP_MAIN 32
    adrp    x20, res
    add     x20, x20, :lo12:res
    adrp    x9, vin
    add     x9, x9, :lo12:vin
    ldp     q1, q2, [x9], #32
    ldp     q3, q4, [x9], #32
    ldp     q5, q6, [x9], #32
    ldr     q7, [x9], #16
    ldp     q16, q17, [x9], #32
    ldp     q18, q19, [x9], #32
    ldp     q20, q21, [x9], #32
    ldp     q22, q23, [x9], #32
    ldp     q24, q25, [x9], #32
    ldp     q26, q27, [x9], #32
    ldp     q28, q29, [x9], #32
    ldp     q30, q31, [x9], #32
    mov     x4, #0x60000000             // NZCV 0110
    movz    x8, #0xf00d                 // noise for x0
    movk    x8, #0xcafe, lsl #16
    movk    x8, #0xbeef, lsl #32
    movk    x8, #0xdead, lsl #48
    mov     x9, #1                      // integer operands
    mov     x10, #-1
    mov     x11, #65519                 // below the tie between 65504 and 65536
    mov     x12, #65520                 // that tie: rounds to 65536, which overflows
    mov     x13, #0x8000000000000000
    mov     x14, #3
    mov     x15, #2049                  // a tie between 2048 and 2050
    T 0, "fadd h0, h1, h18"
    T 0x400000, "fadd h0, h1, h18"
    T 0x800000, "fadd h0, h1, h18"
    T 0xc00000, "fadd h0, h1, h18"
    T 0, "fadd h0, h3, h3"
    T 0xc00000, "fadd h0, h3, h3"
    T 0x800000, "fadd h0, h3, h3"
    T 0, "fadd h0, h4, h5"
    T 0x2000000, "fadd h0, h4, h5"
    T 0, "fadd h0, h6, h7"
    T 0x2000000, "fadd h0, h6, h7"
    T 0, "fadd h0, h27, h6"
    T 0, "fadd h0, h2, h26"
    T 0x800000, "fadd h0, h2, h26"
    T 0, "fadd h0, h2, h21"
    T 0x80000, "fadd h0, h2, h21"
    T 0x1000000, "fadd h0, h2, h21"
    T 0x4000000, "fadd h0, h4, h1"
    T 0, "fsub h0, h1, h18"
    T 0, "fsub h0, h22, h21"
    T 0x80000, "fsub h0, h22, h21"
    T 0, "fsub h0, h17, h17"
    T 0x800000, "fsub h0, h17, h17"
    T 0, "fsub h0, h5, h5"
    T 0, "fmul h0, h24, h24"
    T 0xc00000, "fmul h0, h24, h24"
    T 0x400000, "fmul h0, h24, h24"
    T 0, "fmul h0, h29, h29"
    T 0x80000, "fmul h0, h29, h29"
    T 0, "fmul h0, h29, h24"
    T 0xc00000, "fmul h0, h29, h24"
    T 0x400000, "fmul h0, h29, h24"
    T 0x80000, "fmul h0, h29, h24"
    T 0, "fmul h0, h29, h21"
    T 0xc00000, "fmul h0, h29, h21"
    T 0x80000, "fmul h0, h29, h21"
    T 0, "fmul h0, h3, h19"
    T 0x800000, "fmul h0, h3, h19"
    T 0xc00000, "fmul h0, h3, h19"
    T 0, "fmul h0, h4, h17"
    T 0, "fmul h0, h16, h23"
    T 0, "fdiv h0, h1, h17"
    T 0, "fdiv h0, h23, h16"
    T 0, "fdiv h0, h17, h17"
    T 0x2000000, "fdiv h0, h17, h17"
    T 0, "fdiv h0, h1, h24"
    T 0x800000, "fdiv h0, h1, h24"
    T 0, "fdiv h0, h19, h20"
    T 0xc00000, "fdiv h0, h19, h20"
    T 0, "fdiv h0, h2, h3"
    T 0x400000, "fdiv h0, h2, h3"
    T 0x80000, "fdiv h0, h2, h3"
    T 0, "fdiv h0, h1, h2"
    T 0x80000, "fdiv h0, h1, h2"
    T 0, "fnmul h0, h19, h20"
    T 0, "fnmul h0, h6, h1"
    T 0x2000000, "fnmul h0, h6, h1"
    T 0x800000, "fnmul h0, h29, h24"
    T 0, "fmax h0, h16, h17"
    T 0, "fmin h0, h16, h17"
    T 0, "fmax h0, h6, h1"
    T 0, "fmin h0, h1, h7"
    T 0x2000000, "fmin h0, h1, h7"
    T 0, "fmaxnm h0, h6, h1"
    T 0, "fminnm h0, h23, h27"
    T 0, "fmaxnm h0, h7, h1"
    T 0, "fminnm h0, h27, h6"
    T 0, "fmin h0, h2, h26"
    T 0x80000, "fmin h0, h2, h26"
    T 0, "fmax h0, h5, h3"
    T 0, "fminnm h0, h4, h5"
    T 0, "fmadd h0, h19, h20, h1"
    T 0, "fmadd h0, h18, h18, h23"
    T 0x400000, "fmadd h0, h18, h18, h23"
    T 0xc00000, "fmadd h0, h18, h18, h23"
    T 0, "fmsub h0, h24, h30, h1"
    T 0x800000, "fmsub h0, h24, h30, h1"
    T 0, "fnmadd h0, h1, h1, h1"
    T 0, "fnmsub h0, h1, h1, h1"
    T 0x800000, "fnmsub h0, h1, h1, h1"
    T 0, "fmadd h0, h4, h17, h6"
    T 0x2000000, "fmadd h0, h4, h17, h6"
    T 0, "fmadd h0, h3, h3, h5"
    T 0, "fmadd h0, h3, h3, h23"
    T 0xc00000, "fmadd h0, h3, h3, h23"
    T 0, "fmadd h0, h7, h1, h6"
    T 0, "fmsub h0, h6, h1, h1"
    T 0, "fnmsub h0, h29, h29, h17"
    T 0x80000, "fnmsub h0, h29, h29, h17"
    T 0, "fnmadd h0, h2, h1, h26"
    T 0x800000, "fnmadd h0, h2, h1, h26"
    T 0, "fabs h0, h27"
    T 0, "fneg h0, h7"
    T 0, "fabs h0, h16"
    T 0x80000, "fneg h0, h2"
    T 0, "fsqrt h0, h3"
    T 0, "fsqrt h0, h23"
    T 0x2000000, "fsqrt h0, h23"
    T 0, "fsqrt h0, h16"
    T 0, "fsqrt h0, h2"
    T 0x80000, "fsqrt h0, h2"
    T 0, "fsqrt h0, h24"
    T 0xc00000, "fsqrt h0, h24"
    T 0x400000, "fsqrt h0, h24"
    T 0, "fsqrt h0, h7"
    T 0x2000000, "fmov h0, h27"
    T 0, "frintn h0, h19"
    T 0, "frinta h0, h19"
    T 0, "frintp h0, h20"
    T 0, "frintm h0, h20"
    T 0, "frintz h0, h20"
    T 0, "frintx h0, h19"
    T 0x800000, "frintx h0, h19"
    T 0x400000, "frintx h0, h19"
    T 0, "frinti h0, h19"
    T 0x400000, "frinti h0, h19"
    T 0xc00000, "frinti h0, h19"
    T 0, "frintn h0, h25"
    T 0, "frinta h0, h25"
    T 0, "frintm h0, h26"
    T 0x80000, "frintm h0, h26"
    T 0, "frintp h0, h2"
    T 0x80000, "frintp h0, h2"
    T 0, "frinta h0, h3"
    T 0, "frintx h0, h6"
    T 0x2000000, "frintz h0, h7"
    T 0, "frintx h0, h24"
    T 0, "fcmp h1, h18"
    T 0, "fcmp h18, h1"
    T 0, "fcmp h16, h17"
    T 0, "fcmp h6, h1"
    T 0, "fcmpe h6, h1"
    T 0, "fcmp h7, h1"
    T 0, "fcmpe h5, h4"
    T 0, "fcmp h1, #0.0"
    T 0, "fcmp h16, #0.0"
    T 0, "fcmpe h6, #0.0"
    T 0, "fcmp h2, #0.0"
    T 0x80000, "fcmp h2, #0.0"
    T 0, "fcmp h26, h2"
    T 0x80000, "fcmp h26, h2"
    T 0, "fccmp h1, h18, #0xf, eq"
    T 0, "fccmp h7, h1, #0x3, ne"
    T 0, "fccmpe h6, h1, #0, eq"
    T 0, "fccmpe h6, h1, #0x9, mi"
    T 0, "fccmp h7, h1, #0, hs"
    T 0, "fcsel h0, h1, h23, eq"
    T 0, "fcsel h0, h1, h23, ne"
    T 0, "fcvtzs w0, h20"
    T 0, "fcvtzu w0, h20"
    T 0, "fcvtns w0, h19"
    T 0, "fcvtas w0, h19"
    T 0, "fcvtps x0, h20"
    T 0, "fcvtms x0, h20"
    T 0, "fcvtnu x0, h3"
    T 0, "fcvtzs w0, h4"
    T 0x4000000, "fcvtzs w0, h4"
    T 0, "fcvtzs x0, h5"
    T 0, "fcvtzs w0, h6"
    T 0, "fcvtau w0, h25"
    T 0, "fcvtmu w0, h18"
    T 0, "fcvtpu x0, h2"
    T 0x80000, "fcvtpu x0, h2"
    T 0, "fcvtns x0, h25"
    T 0, "fcvtau x0, h20"
    T 0, "fcvtzs w0, h24, #16"
    T 0, "fcvtzu x0, h3, #64"
    T 0, "fcvtzs w0, h20, #1"
    T 0, "fcvtzs x0, h2, #30"
    T 0x80000, "fcvtzs x0, h2, #30"
    T 0, "fcvtzu w0, h3, #17"
    T 0, "scvtf h0, w9"
    T 0, "scvtf h0, w10"
    T 0, "ucvtf h0, w10"
    T 0xc00000, "ucvtf h0, w10"
    T 0, "scvtf h0, x11"
    T 0x400000, "scvtf h0, x11"
    T 0, "scvtf h0, x12"
    T 0xc00000, "scvtf h0, x12"
    T 0, "scvtf h0, x13"
    T 0xc00000, "scvtf h0, x13"
    T 0, "ucvtf h0, x13"
    T 0, "scvtf h0, w15"
    T 0x400000, "scvtf h0, w15"
    T 0, "scvtf h0, w14, #32"
    T 0x400000, "scvtf h0, w14, #32"
    T 0x80000, "scvtf h0, w14, #32"
    T 0, "ucvtf h0, x14, #26"
    T 0, "scvtf h0, x10, #64"
    T 0x800000, "scvtf h0, x10, #64"
    T 0, "ucvtf h0, w15, #12"
    T 0, "fmov h0, w8"
    T 0, "fmov h0, x8"
    T 0, "fmov w0, h27"
    T 0, "fmov x0, h27"
    T 0, "fmov h0, #1.0"
    T 0, "fmov h0, #-31.0"
    T 0, "fmov h0, #0.125"
    adrp    x1, res
    add     x1, x1, :lo12:res
    sub     x2, x20, x1
    lsr     x2, x2, #3                  // the values written
    adrp    x0, name
    add     x0, x0, :lo12:name
    bl      rt_print_u64s
    mov     x0, #0
    DEP_RETURN 32

    .section .rodata
name:
    .asciz  "fp16"
    .balign 16
vin:                                    // the H value in the low 16 bits, noise above
    .byte   0x00, 0x3c, 0xf6, 0x91, 0xd5, 0x74, 0xe4, 0x02, 0xd1, 0x84, 0x79, 0x71, 0x05, 0x97, 0x9a, 0xab   // v1: 1.0
    .byte   0x01, 0x00, 0x0b, 0x70, 0x81, 0x0a, 0x4e, 0x0e, 0xed, 0xe9, 0x97, 0x72, 0x9e, 0xb9, 0x84, 0xd7   // v2: smallest subnormal
    .byte   0xff, 0x7b, 0xfd, 0xd8, 0x58, 0x96, 0x16, 0x90, 0x2a, 0x03, 0xbf, 0x78, 0xfa, 0x4f, 0x9e, 0x9b   // v3: largest normal, 65504
    .byte   0x00, 0x7c, 0xe8, 0x21, 0x54, 0xf6, 0x06, 0xe3, 0xfb, 0x07, 0xf3, 0x3e, 0xe8, 0x28, 0xff, 0x0b   // v4: +infinity
    .byte   0x00, 0xfc, 0xcf, 0xbd, 0x10, 0x16, 0xcc, 0xa3, 0xf4, 0x24, 0x74, 0xa3, 0x33, 0x2f, 0x3e, 0x7c   // v5: -infinity
    .byte   0x01, 0x7e, 0x17, 0x3a, 0x18, 0xc9, 0x4e, 0x82, 0x7a, 0x5b, 0x05, 0x7a, 0x7d, 0x3b, 0x35, 0x4b   // v6: quiet NaN, payload 1
    .byte   0x01, 0x7d, 0xd0, 0x13, 0xcf, 0xed, 0xee, 0xeb, 0x85, 0x13, 0x1e, 0x0f, 0x65, 0xda, 0x82, 0xc4   // v7: signalling NaN, payload 0x101
    .byte   0x00, 0x80, 0x3a, 0xd4, 0x37, 0x91, 0x3b, 0xe9, 0xde, 0x48, 0xcc, 0x79, 0x40, 0x43, 0xce, 0xdd   // v16: -0
    .byte   0x00, 0x00, 0x5e, 0xb9, 0xfd, 0x59, 0xd0, 0x6a, 0xda, 0x0b, 0xf9, 0x9b, 0x97, 0x3f, 0x27, 0x9c   // v17: +0
    .byte   0x01, 0x3c, 0xf1, 0x6b, 0xe2, 0x44, 0xfb, 0x28, 0x36, 0xa0, 0x1d, 0xec, 0x29, 0xfe, 0x1a, 0xab   // v18: 1 + 1 ulp
    .byte   0x00, 0x41, 0xba, 0xce, 0x90, 0xc8, 0x21, 0x72, 0x61, 0xe8, 0x6b, 0x06, 0x00, 0x71, 0xaa, 0xca   // v19: 2.5 (a tie)
    .byte   0x00, 0xc3, 0x89, 0x0b, 0xc5, 0x1d, 0x4b, 0x71, 0x69, 0x89, 0x0e, 0x6f, 0xf1, 0xf6, 0xb2, 0x45   // v20: -3.5 (a tie)
    .byte   0xff, 0x03, 0x37, 0x61, 0x0b, 0x2f, 0xbf, 0x92, 0x31, 0x4f, 0x13, 0x5f, 0x3c, 0x75, 0xb0, 0x68   // v21: largest subnormal
    .byte   0x00, 0x04, 0x5d, 0x2d, 0xec, 0x28, 0x10, 0x4d, 0x4e, 0x50, 0x69, 0xd5, 0x15, 0xb5, 0x3a, 0xce   // v22: smallest normal
    .byte   0x00, 0xbc, 0x3e, 0xc4, 0x63, 0xb5, 0xe1, 0xbf, 0xdd, 0x08, 0xb0, 0x62, 0x29, 0x6c, 0xc4, 0xd2   // v23: -1.0
    .byte   0x55, 0x35, 0xd3, 0xae, 0x16, 0xcf, 0xb2, 0x0a, 0x4b, 0xd5, 0x78, 0xa4, 0x55, 0xcf, 0x1c, 0xc0   // v24: 0.33325195 (about 1/3)
    .byte   0x00, 0x38, 0xe5, 0x12, 0x49, 0x00, 0x55, 0x63, 0x96, 0xd2, 0x0d, 0x1a, 0x3c, 0x00, 0x40, 0xa0   // v25: 0.5
    .byte   0x01, 0x80, 0xe4, 0x4b, 0xdb, 0x90, 0xd1, 0x2a, 0x4b, 0x15, 0x98, 0x86, 0x9b, 0xe3, 0xa1, 0x26   // v26: -smallest subnormal
    .byte   0x02, 0xfe, 0x9d, 0xf4, 0x0b, 0x3f, 0x3a, 0xab, 0xcd, 0x8b, 0xe6, 0x94, 0x6f, 0x8b, 0x07, 0xf2   // v27: negative quiet NaN, payload 2
    .byte   0xfe, 0x7b, 0x2a, 0xd6, 0x4f, 0x72, 0xac, 0xd1, 0x37, 0x88, 0x05, 0xa2, 0x56, 0xbf, 0xd6, 0x94   // v28: 65472
    .byte   0x00, 0x14, 0x50, 0x67, 0x14, 0x2a, 0x8e, 0x00, 0x0a, 0x32, 0x89, 0x63, 0x36, 0x3d, 0xfe, 0xfc   // v29: 2^-10
    .byte   0x00, 0x3e, 0x01, 0x21, 0x81, 0xd6, 0x3c, 0xa8, 0xd6, 0xf7, 0xc0, 0x79, 0x67, 0x9c, 0x51, 0x72   // v30: 1.5
    .byte   0x5d, 0x58, 0xc6, 0xb4, 0x25, 0x4b, 0x0e, 0x68, 0x49, 0xd3, 0x2e, 0x87, 0x94, 0xdb, 0xac, 0xa6   // v31: no H value: v0's start, the result must clear it
    .bss
    .balign 16
res:
    .zero   198 * 32
