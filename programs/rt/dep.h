// dep.h: the harness the dep_*.S programs share around their block (assembler macros; #include it).
// Each program times one long basic block that ends in `cbnz x19, 1b`; these set up the count and
// print the results, and lie outside the block.

// x19 = the repetitions: (hi << 16 | lo) when the first argument is `bench` (rt_is_bench, with
// argc and argv still in x0 and x1), else 1. Clobbers x0..x18 (a call) and x9.
.macro DEP_REPS lo, hi
    bl      rt_is_bench
    movz    x19, #\lo
    movk    x19, #\hi, lsl #16
    cmp     w0, #0
    mov     x9, #1
    csel    x19, x19, x9, ne
.endm

// Print the n 64-bit results at x20 under the string `name`, then x0 = 0 (the exit code).
.macro DEP_PRINT_RES n
    adrp    x0, name
    add     x0, x0, :lo12:name
    mov     x1, x20
    mov     w2, #\n
    bl      rt_print_u64s
    mov     x0, #0
.endm

// main's entry: a frame of `frame` bytes with x29, x30 at its base and x19, x20 above them.
.macro DEP_MAIN frame
    .text
    .globl main
    .type main, %function
main:
    stp     x29, x30, [sp, #-\frame]!
    mov     x29, sp
    stp     x19, x20, [sp, #16]
.endm

// main's return, undoing DEP_MAIN (restore any other saved registers first).
.macro DEP_RETURN frame
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #\frame
    ret
    .size main, . - main
.endm
