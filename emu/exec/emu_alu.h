/* emu_alu.h: A64 integer semantics shared by every engine: flag computation, condition codes,
 * shifts and extends, bitfield moves, bit counting, division and long multiplies, atomics.
 *
 * Pure functions of their operands, no engine state: the CPU engine instantiates them with a
 * constant `sf` (so each W/X handler folds to straight-line code), another engine may pass `sf`
 * at run time. Every result is already zero-extended to 64 bits when sf is 0 (ARM ARM: writes to
 * a W register clear the upper half). All arithmetic is done in uint64_t: no signed overflow, no
 * shift by the full width.
 */
#ifndef EMU_ALU_H
#define EMU_ALU_H

#include "emu_state.h"

/* The few host builtins, spelled for each compiler: GCC/clang builtins and __int128 in C,
 * OpenCL C built-ins on the device (this header is included by the GPU kernels too). */
#ifdef A64_OPENCL
#define EMU_ALU_CLZ64(v) ((uint64_t)clz((ulong)(v)))
#define EMU_ALU_CLZ32(v) ((uint64_t)clz((uint)(v)))
#define EMU_ALU_UMULH(a, b) mul_hi((ulong)(a), (ulong)(b))
#define EMU_ALU_INT32_MIN (-2147483647 - 1)
static inline uint64_t emu_alu_bswap64(uint64_t v)
{
    v = ((v >> 8) & A64_U64(0x00ff00ff00ff00ff)) | ((v & A64_U64(0x00ff00ff00ff00ff)) << 8);
    v = ((v >> 16) & A64_U64(0x0000ffff0000ffff)) | ((v & A64_U64(0x0000ffff0000ffff)) << 16);
    return (v >> 32) | (v << 32);
}
#define EMU_ALU_BSWAP64(v) emu_alu_bswap64(v)
#define EMU_ALU_BSWAP32(v) ((uint32_t)(emu_alu_bswap64((uint64_t)(v)) >> 32))
#else
#define EMU_ALU_CLZ64(v) ((uint64_t)__builtin_clzll(v))
#define EMU_ALU_CLZ32(v) ((uint64_t)__builtin_clz(v))
#define EMU_ALU_UMULH(a, b) ((uint64_t)(((unsigned __int128)(a) * (b)) >> 64))
#define EMU_ALU_INT32_MIN INT32_MIN
#define EMU_ALU_BSWAP64(v) __builtin_bswap64(v)
#define EMU_ALU_BSWAP32(v) __builtin_bswap32(v)
#endif

/* ConditionHolds truth table: see emu_alu_cond. */
A64_CONST uint16_t emu_alu_cond_table[16] = {
    0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555,
    0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff,
};

/* Truncate to the operation width. */
static inline uint64_t emu_alu_w(uint64_t v, int sf)
{
    return sf ? v : (uint32_t)v;
}

/* AddWithCarry (ARM ARM J1, shared/functions/integer): result of a + b + cin at width sf, and
 * the NZCV it produces in *nzcv (EMU_FLAG_* layout). SUBS is a + ~b + 1. */
static inline uint64_t emu_alu_adc_flags(uint64_t a, uint64_t b, uint64_t cin, int sf, uint32_t *nzcv)
{
    uint64_t r;
    uint32_t f;
    if (sf) {
        r = a + b + cin;
        /* Unsigned carry out: the sum wrapped. With cin=1 and b=~0 the sum equals a, still a carry. */
        uint64_t c = cin ? (r <= a) : (r < a);
        uint64_t v = ((a ^ r) & (b ^ r)) >> 63;
        f = (uint32_t)((r >> 63) << 31) | ((uint32_t)(r == 0) << 30) | ((uint32_t)c << 29) |
            ((uint32_t)v << 28);
    } else {
        uint64_t a32 = (uint32_t)a, b32 = (uint32_t)b;
        uint64_t wide = a32 + b32 + cin;
        r = (uint32_t)wide;
        uint64_t v = (((a32 ^ r) & (b32 ^ r)) >> 31) & 1;
        f = (uint32_t)((r >> 31) << 31) | ((uint32_t)(r == 0) << 30) | ((uint32_t)(wide >> 32) << 29) |
            ((uint32_t)v << 28);
    }
    *nzcv = f;
    return r;
}

/* N and Z of a logical result (ANDS, BICS); C and V are cleared. */
static inline uint32_t emu_alu_nz(uint64_t r, int sf)
{
    if (sf)
        return (uint32_t)((r >> 63) << 31) | ((uint32_t)(r == 0) << 30);
    return (uint32_t)(((r >> 31) & 1) << 31) | ((uint32_t)((uint32_t)r == 0) << 30);
}

/* ConditionHolds (ARM ARM J1): bit `nzcv >> 28` of a 16-entry truth table per condition, so a
 * condition costs one shift and one mask. Rows: EQ NE CS CC MI PL VS VC HI LS GE LT GT LE AL NV. */
static inline int emu_alu_cond(unsigned cond, uint32_t nzcv)
{
    return (emu_alu_cond_table[cond & 15] >> (nzcv >> 28)) & 1;
}

/* ShiftReg: LSL/LSR/ASR/ROR by `amount` (< width), at width sf. */
static inline uint64_t emu_alu_shift(uint64_t v, unsigned type, unsigned amount, int sf)
{
    unsigned width = sf ? 64 : 32;
    amount &= width - 1;
    v = emu_alu_w(v, sf);
    switch (type & 3) {
    case 0: return emu_alu_w(v << amount, sf);
    case 1: return v >> amount;
    case 2:
        if (sf)
            return (uint64_t)((int64_t)v >> amount);
        return (uint32_t)((int32_t)(uint32_t)v >> amount);
    default:
        if (amount == 0)
            return v;
        return emu_alu_w((v >> amount) | (v << (width - amount)), sf);
    }
}

/* ExtendReg: UXTB..SXTX of v, then shifted left by `shift` (0..4), at width sf. */
static inline uint64_t emu_alu_extend(uint64_t v, unsigned type, unsigned shift, int sf)
{
    switch (type & 7) {
    case 0: v = (uint8_t)v; break;
    case 1: v = (uint16_t)v; break;
    case 2: v = (uint32_t)v; break;
    case 3: break;
    case 4: v = (uint64_t)(int64_t)(int8_t)v; break;
    case 5: v = (uint64_t)(int64_t)(int16_t)v; break;
    case 6: v = (uint64_t)(int64_t)(int32_t)v; break;
    default: break;
    }
    return emu_alu_w(v << (shift & 7), sf);
}

/* Low n bits set, 0 <= n <= 64. */
static inline uint64_t emu_alu_ones(unsigned n)
{
    return n >= 64 ? ~A64_U64(0) : (A64_U64(1) << n) - 1;
}

/* Sign-extend the low bits [bit:0] of v to 64 bits. */
static inline uint64_t emu_alu_sext(uint64_t v, unsigned bit)
{
    unsigned s = 63 - bit;
    return (uint64_t)((int64_t)(v << s) >> s);
}

/* Bitfield moves (ARM ARM C6.2 SBFM/UBFM/BFM with DecodeBitMasks(sf, imms, immr)). For a valid
 * encoding, imms >= immr extracts src[imms:immr] to the bottom (xBFX, BFXIL); imms < immr inserts
 * src[imms:0] at bit width-immr (xBFIZ, BFI). These closed forms equal the wmask/tmask
 * formulation of the pseudocode for every valid (sf, immr, imms). */
static inline uint64_t emu_alu_ubfm(uint64_t src, unsigned immr, unsigned imms, int sf)
{
    unsigned width = sf ? 64 : 32;
    if (imms >= immr)
        return (src >> immr) & emu_alu_ones(imms - immr + 1);
    return emu_alu_w((src & emu_alu_ones(imms + 1)) << (width - immr), sf);
}

static inline uint64_t emu_alu_sbfm(uint64_t src, unsigned immr, unsigned imms, int sf)
{
    unsigned width = sf ? 64 : 32;
    if (imms >= immr)
        return emu_alu_w((uint64_t)((int64_t)emu_alu_sext(src, imms) >> immr), sf);
    return emu_alu_w(emu_alu_sext(src, imms) << (width - immr), sf);
}

static inline uint64_t emu_alu_bfm(uint64_t dst, uint64_t src, unsigned immr, unsigned imms, int sf)
{
    unsigned width = sf ? 64 : 32;
    uint64_t mask, field;
    if (imms >= immr) {
        mask = emu_alu_ones(imms - immr + 1);
        field = src >> immr;
    } else {
        mask = emu_alu_ones(imms + 1) << (width - immr);
        field = src << (width - immr);
    }
    return emu_alu_w((dst & ~mask) | (field & mask), sf);
}

/* MOVK: rd with bits [amount+15:amount] replaced by imm16. The decoder gives imm16 unshifted; a
 * record may also carry it already shifted, as the CPU engine's translation takes it. Both read
 * the same, since a non-zero imm16 shifted by 16 or more exceeds 16 bits. */
static inline uint64_t emu_alu_movk(uint64_t rd, uint64_t imm, unsigned amount, int sf)
{
    unsigned sh = amount & 63;
    uint64_t k = imm > 0xffff ? (imm >> sh) & 0xffff : imm;
    return emu_alu_w((rd & ~(A64_U64(0xffff) << sh)) | (k << sh), sf);
}

/* EXTR: bits [lsb+width-1:lsb] of the concatenation hi:lo. */
static inline uint64_t emu_alu_extr(uint64_t hi, uint64_t lo, unsigned lsb, int sf)
{
    if (lsb == 0)
        return emu_alu_w(lo, sf);
    if (sf)
        return (lo >> lsb) | (hi << (64 - lsb));
    return (uint32_t)(((uint32_t)lo >> lsb) | ((uint64_t)(uint32_t)hi << (32 - lsb)));
}

/* Variable shifts: the amount is rm modulo the width (ARM ARM LSLV etc.). */
static inline uint64_t emu_alu_shiftv(uint64_t v, uint64_t amount, unsigned type, int sf)
{
    return emu_alu_shift(v, type, (unsigned)(amount & (sf ? 63 : 31)), sf);
}

static inline uint64_t emu_alu_rbit(uint64_t v, int sf)
{
    v = ((v >> 1) & A64_U64(0x5555555555555555)) | ((v & A64_U64(0x5555555555555555)) << 1);
    v = ((v >> 2) & A64_U64(0x3333333333333333)) | ((v & A64_U64(0x3333333333333333)) << 2);
    v = ((v >> 4) & A64_U64(0x0f0f0f0f0f0f0f0f)) | ((v & A64_U64(0x0f0f0f0f0f0f0f0f)) << 4);
    v = EMU_ALU_BSWAP64(v);
    return sf ? v : v >> 32;
}

static inline uint64_t emu_alu_rev16(uint64_t v, int sf)
{
    v = ((v >> 8) & A64_U64(0x00ff00ff00ff00ff)) | ((v & A64_U64(0x00ff00ff00ff00ff)) << 8);
    return emu_alu_w(v, sf);
}

static inline uint64_t emu_alu_rev32(uint64_t v)
{
    v = EMU_ALU_BSWAP64(v);
    return (v >> 32) | (v << 32);
}

static inline uint64_t emu_alu_rev(uint64_t v, int sf)
{
    return sf ? EMU_ALU_BSWAP64(v) : EMU_ALU_BSWAP32((uint32_t)v);
}

static inline uint64_t emu_alu_clz(uint64_t v, int sf)
{
    if (sf)
        return v ? EMU_ALU_CLZ64(v) : 64;
    return (uint32_t)v ? EMU_ALU_CLZ32((uint32_t)v) : 32;
}

/* CLS: leading bits equal to the sign bit, not counting the sign bit itself. */
static inline uint64_t emu_alu_cls(uint64_t v, int sf)
{
    if (sf)
        return emu_alu_clz((v ^ (v << 1)) | 1, 1);
    uint32_t w = (uint32_t)v;
    return emu_alu_clz((uint32_t)(w ^ (w << 1)) | 1u, 0);
}

/* Division: x / 0 = 0; INT_MIN / -1 = INT_MIN (ARM ARM: the quotient rounds toward zero and the
 * result is truncated to the width, no trap). */
static inline uint64_t emu_alu_udiv(uint64_t a, uint64_t b, int sf)
{
    a = emu_alu_w(a, sf);
    b = emu_alu_w(b, sf);
    return b ? a / b : 0;
}

static inline uint64_t emu_alu_sdiv(uint64_t a, uint64_t b, int sf)
{
    if (sf) {
        if (b == 0)
            return 0;
        if (a == A64_U64(0x8000000000000000) && b == ~A64_U64(0))
            return a;
        return (uint64_t)((int64_t)a / (int64_t)b);
    }
    int32_t x = (int32_t)(uint32_t)a, y = (int32_t)(uint32_t)b;
    if (y == 0)
        return 0;
    if (x == EMU_ALU_INT32_MIN && y == -1)
        return (uint32_t)x;
    return (uint32_t)(x / y);
}

static inline uint64_t emu_alu_umulh(uint64_t a, uint64_t b)
{
    return EMU_ALU_UMULH(a, b);
}

/* Signed high half via the unsigned product: subtract the cross terms of the sign bits. */
static inline uint64_t emu_alu_smulh(uint64_t a, uint64_t b)
{
    uint64_t h = emu_alu_umulh(a, b);
    if ((int64_t)a < 0)
        h -= b;
    if ((int64_t)b < 0)
        h -= a;
    return h;
}

/* The atomic memory operations (LSE LD<op> and SWP): the value left in memory by an operation on
 * an element of 8 << size bits holding `old`, with operand register v, truncated to the element.
 * kind is the encoding's opc (0 ADD, 1 CLR, 2 EOR, 3 SET, 4 SMAX, 5 SMIN, 6 UMAX, 7 UMIN) or
 * EMU_ALU_SWP. The maxima and minima compare at the element's width. */
#define EMU_ALU_SWP 8u
static inline uint64_t emu_alu_atomic(unsigned kind, unsigned size, uint64_t old, uint64_t v)
{
    unsigned bits = 8u << size;
    uint64_t m = emu_alu_ones(bits), bias = A64_U64(1) << 63;
    old &= m;
    v &= m;
    uint64_t so = emu_alu_sext(old, bits - 1) ^ bias, sv = emu_alu_sext(v, bits - 1) ^ bias;
    uint64_t r;
    switch (kind) {
    case 0: r = old + v; break;
    case 1: r = old & ~v; break;
    case 2: r = old ^ v; break;
    case 3: r = old | v; break;
    case 4: r = so >= sv ? old : v; break;
    case 5: r = so <= sv ? old : v; break;
    case 6: r = old >= v ? old : v; break;
    case 7: r = old <= v ? old : v; break;
    default: r = v; break;
    }
    return r & m;
}

#endif
