/* exec_simd_int.h: the semantics of the second part of the FP/SIMD operations (A64_OPS_SIMD2 in
 * decode/a64_insn.h): the rest of Advanced SIMD integer, and the structure loads and stores'
 * bytes. Included by exec_simd.h (after its element helpers), which calls simd_int_value for the
 * operations its own simd_value does not know, and the simd_int_* memory helpers from
 * simd_mem_addr, simd_load and simd_store. C11 and OpenCL C; no state, no memory access.
 *
 * Arithmetic is exact with 64-bit integers only (OpenCL C has no 128-bit type): the widest
 * intermediate of every operation here fits, or is computed in a form that does (the rounding
 * shift, the 64-bit saturating add and subtract). ARM ARM C7.2 gives each operation. */
#ifndef EXEC_SIMD_INT_H
#define EXEC_SIMD_INT_H

#define SIMD_FPSR_QC 0x08000000u /* FPSR.QC: cumulative saturation */

/* ---- structure loads and stores ------------------------------------------------------------ */

/* Is op one of the structure loads/stores whose register list is `shift` long? */
EXEC_INLINE int simd_int_list_op(uint32_t op)
{
    return op == A64_OP_LDN_M || op == A64_OP_STN_M || op == A64_OP_LDS_V || op == A64_OP_STS_V ||
           op == A64_OP_LDNR;
}

/* Bytes a structure load/store accesses: whole registers (multiple), one element per register
 * (single, replicate). At most 4 * 16 = 64, so the access is one all-or-nothing check. */
EXEC_INLINE uint32_t simd_int_mem_len(const struct a64_insn *in)
{
    if (in->op == A64_OP_LDN_M || in->op == A64_OP_STN_M)
        return (in->sf ? 16u : 8u) * in->shift;
    return (uint32_t)in->shift << in->size;
}

/* The element of 1 << size bytes at byte offset `at` of buf (8 little-endian ulongs); offsets are
 * multiples of the element size, so it lies in one ulong. */
EXEC_INLINE uint64_t simd_int_get(const uint64_t *buf, uint32_t at, uint32_t size)
{
    uint64_t w = buf[(at >> 3) & 7];
    return size == 3 ? w : (w >> (8 * (at & 7))) & emu_alu_ones(8u << size);
}

EXEC_INLINE void simd_int_put(uint64_t *buf, uint32_t at, uint32_t size, uint64_t x)
{
    buf[(at >> 3) & 7] |= size == 3 ? x : (x & emu_alu_ones(8u << size)) << (8 * (at & 7));
}

/* A structure load's registers from the bytes read: multiple structures de-interleave element e
 * of register k from offset (e * shift + k) << size; a single structure puts element immr of
 * register k from offset k << size into the old value (s->d[k]); replicate fills register k. */
EXEC_INLINE void simd_int_load(const struct a64_insn *in, const struct simd_in *s, const uint64_t *buf,
                               struct simd_out *o)
{
    uint32_t size = in->size & 3, k, e, n = simd_count(in), sel = in->shift;
    for (k = 0; k < sel && k < 4; k++) {
        struct simd_v r = simd_make(0, 0);
        if (in->op == A64_OP_LDN_M) {
            for (e = 0; e < n; e++)
                r = simd_set(r, size, e, simd_int_get(buf, (e * sel + k) << size, size));
        } else if (in->op == A64_OP_LDS_V) {
            r = simd_set(s->d[k], size, in->immr, simd_int_get(buf, k << size, size));
        } else {
            for (e = 0; e < n; e++)
                r = simd_set(r, size, e, simd_int_get(buf, k << size, size));
        }
        o->d[k] = r;
    }
}

/* A structure store's bytes (buf zeroed by the caller): the inverse of simd_int_load. */
EXEC_INLINE void simd_int_store(const struct a64_insn *in, const struct simd_in *s, uint64_t *buf)
{
    uint32_t size = in->size & 3, k, e, n = simd_count(in), sel = in->shift;
    for (k = 0; k < sel && k < 4; k++) {
        if (in->op == A64_OP_STN_M) {
            for (e = 0; e < n; e++)
                simd_int_put(buf, (e * sel + k) << size, size, simd_elem(s->d[k], size, e));
        } else {
            simd_int_put(buf, k << size, size, simd_elem(s->d[k], size, in->immr));
        }
    }
}

/* ---- element arithmetic --------------------------------------------------------------------- */

/* x, an element of size, extended to 64 bits: signed or unsigned. */
EXEC_INLINE uint64_t simd_int_ext(uint64_t x, uint32_t size, uint32_t sgn)
{
    return sgn ? simd_sext(x, size) : x & emu_alu_ones(8u << size);
}

/* The exact value v (signed when sgn, from a 64-bit or narrower computation that did not
 * overflow) saturated to an element of size, signed (osg) or unsigned; *qc set if it was. */
EXEC_INLINE uint64_t simd_int_sat(uint64_t v, uint32_t sgn, uint32_t size, uint32_t osg, uint32_t *qc)
{
    uint32_t bits = 8u << size;
    uint64_t ones = emu_alu_ones(bits), smax = emu_alu_ones(bits - 1);
    if (sgn) {
        int64_t x = (int64_t)v;
        int64_t hi = osg ? (int64_t)smax : (bits == 64 ? -1 : (int64_t)ones), lo = osg ? -(int64_t)smax - 1 : 0;
        if (!osg && bits == 64) /* signed to unsigned 64: only the negative ones saturate */
            return x < 0 ? (*qc = 1, 0) : v;
        if (x > hi) {
            *qc = 1;
            return (uint64_t)hi & ones;
        }
        if (x < lo) {
            *qc = 1;
            return (uint64_t)lo & ones;
        }
        return v & ones;
    }
    uint64_t hi = osg ? smax : ones;
    if (v > hi) {
        *qc = 1;
        return hi;
    }
    return v;
}

/* (x + 2^(s-1)) >> s for the 64-bit value x (signed: arithmetic shift), s >= 1, exactly: x >> s
 * plus bit s-1 of x, so the rounding addition cannot overflow. */
EXEC_INLINE uint64_t simd_int_rshr(uint64_t x, uint32_t s, uint32_t sgn)
{
    uint64_t q, rb;
    if (s >= 64)
        q = sgn ? (uint64_t)((int64_t)x >> 63) : 0;
    else
        q = sgn ? (uint64_t)((int64_t)x >> s) : x >> s;
    if (s - 1 >= 64)
        rb = sgn ? x >> 63 : 0;
    else
        rb = (x >> (s - 1)) & 1;
    return q + rb;
}

/* x >> s without rounding (s >= 0, any size). */
EXEC_INLINE uint64_t simd_int_shr(uint64_t x, uint32_t s, uint32_t sgn)
{
    if (s >= 64)
        return sgn ? (uint64_t)((int64_t)x >> 63) : 0;
    return sgn ? (uint64_t)((int64_t)x >> s) : x >> s;
}

/* SQADD, UQADD, SQSUB, UQSUB on elements a, b of size (any, 64 bits included). */
EXEC_INLINE uint64_t simd_int_qaddsub(uint32_t op, uint64_t a, uint64_t b, uint32_t size, uint32_t *qc)
{
    uint32_t sgn = op == A64_OP_SQADD_V || op == A64_OP_SQSUB_V, sub = op == A64_OP_SQSUB_V || op == A64_OP_UQSUB_V;
    uint64_t x = simd_int_ext(a, size, sgn), y = simd_int_ext(b, size, sgn), r = sub ? x - y : x + y;
    if (size < 3) /* exact as a signed 64-bit value either way: unsigned x - y may be negative */
        return simd_int_sat(r, 1, size, sgn, qc);
    if (sgn) {
        uint64_t ovf = sub ? ((x ^ y) & (x ^ r)) >> 63 : (~(x ^ y) & (x ^ r)) >> 63;
        if (ovf) {
            *qc = 1;
            return (x >> 63) ? A64_U64(0x8000000000000000) : A64_U64(0x7fffffffffffffff);
        }
        return r;
    }
    if (sub ? x < y : r < x) {
        *qc = 1;
        return sub ? 0 : ~A64_U64(0);
    }
    return r;
}

/* SQDMULH / SQRDMULH on elements of size 1 or 2: (2ab [+ 2^(esize-1)]) >> esize; only MIN * MIN
 * overflows (and saturates). */
EXEC_INLINE uint64_t simd_int_qdmulh(uint64_t a, uint64_t b, uint32_t size, uint32_t round, uint32_t *qc)
{
    uint32_t bits = 8u << size;
    int64_t x = (int64_t)simd_sext(a, size), y = (int64_t)simd_sext(b, size), min = -(int64_t)emu_alu_ones(bits - 1) - 1;
    if (x == min && y == min) {
        *qc = 1;
        return emu_alu_ones(bits - 1);
    }
    uint64_t p = 2 * (uint64_t)(x * y) + (round ? A64_U64(1) << (bits - 1) : 0);
    return (uint64_t)((int64_t)p >> bits) & emu_alu_ones(bits);
}

/* SQDMULL / SQDMLAL / SQDMLSL on one pair of sign-extended elements x, y of size 1 or 2, d the
 * accumulator element of 2 * size: the ARM ARM saturates the doubled product to 2 * esize first,
 * then the sum or difference with d again, and either sets QC. Only MIN * MIN overflows the
 * product (2 * 2^62 for words), so everything else is exact in 64 bits; the accumulation is
 * SQADD / SQSUB of the wide elements. */
EXEC_INLINE uint64_t simd_int_qdmlal(uint32_t op, uint64_t x, uint64_t y, uint64_t d, uint32_t size, uint32_t *qc)
{
    uint32_t bits = 8u << size;
    uint64_t min = A64_U64(0) - (A64_U64(1) << (bits - 1)), p;
    if (x == min && y == min) {
        *qc = 1;
        p = emu_alu_ones(2 * bits - 1);
    } else {
        p = (2 * ((uint64_t)((int64_t)x * (int64_t)y))) & emu_alu_ones(2 * bits);
    }
    if (op == A64_OP_SQDMULL_V || op == A64_OP_SQDMULL_E)
        return p;
    return simd_int_qaddsub(op == A64_OP_SQDMLAL_V || op == A64_OP_SQDMLAL_E ? A64_OP_SQADD_V : A64_OP_SQSUB_V,
                            d, p, size + 1, qc);
}

/* x << s saturated to an element of size: x is signed (sgn, sign-extended) or unsigned, the
 * result signed (osg) or unsigned (SQSHLU: a negative x gives 0). Exact: below 64 bits the shifted
 * value fits in 64 (s < esize <= 32), at 64 bits shifting back must give x. */
EXEC_INLINE uint64_t simd_int_qshl(uint64_t x, uint32_t s, uint32_t size, uint32_t sgn, uint32_t osg, uint32_t *qc)
{
    uint32_t bits = 8u << size;
    uint64_t ones = emu_alu_ones(bits), smax = emu_alu_ones(bits - 1), r;
    int neg = sgn && (int64_t)x < 0;
    if (neg && !osg) {
        *qc = 1;
        return 0;
    }
    if (x == 0)
        return 0;
    if (s >= bits || (bits == 64 && (osg ? (int64_t)(x << s) >> s != (int64_t)x : (x << s) >> s != x))) {
        *qc = 1;
        return !osg ? ones : neg ? (smax + 1) & ones : smax;
    }
    r = x << s;
    if (bits == 64)
        return r;
    return simd_int_sat(r, sgn, size, osg, qc);
}

/* Carry-less product of the low `bits` bits of a and b (PMUL: bits 8, low 8 kept; PMULL: 16). */
EXEC_INLINE uint64_t simd_int_pmul(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (uint32_t i = 0; i < 8; i++)
        r ^= ((b >> i) & 1) ? a << i : 0;
    return r;
}

/* Leading zeros of the `bits`-bit value x. */
EXEC_INLINE uint64_t simd_int_clz(uint64_t x, uint32_t bits)
{
    uint64_t n = 0;
    while (n < bits && !((x >> (bits - 1 - n)) & 1))
        n++;
    return n;
}

/* One element of the same-size operations: a from rn, b from rm (or rm's element immr, or the
 * shift amount), d from rd (accumulating forms). */
EXEC_INLINE uint64_t simd_int_lane(const struct a64_insn *in, uint64_t a, uint64_t b, uint64_t d, uint32_t *qc)
{
    uint32_t op = in->op, size = in->size & 3, bits = 8u << size, sh = in->amount;
    uint64_t ones = emu_alu_ones(bits), sa = simd_sext(a, size), sb = simd_sext(b, size), mask;
    switch (op) {
    case A64_OP_SHADD_V: return (uint64_t)(((int64_t)sa + (int64_t)sb) >> 1) & ones;
    case A64_OP_UHADD_V: return (a + b) >> 1;
    case A64_OP_SRHADD_V: return (uint64_t)(((int64_t)sa + (int64_t)sb + 1) >> 1) & ones;
    case A64_OP_URHADD_V: return (a + b + 1) >> 1;
    case A64_OP_SHSUB_V: return (uint64_t)(((int64_t)sa - (int64_t)sb) >> 1) & ones;
    case A64_OP_UHSUB_V: return (uint64_t)(((int64_t)a - (int64_t)b) >> 1) & ones;
    case A64_OP_SQADD_V: case A64_OP_UQADD_V: case A64_OP_SQSUB_V: case A64_OP_UQSUB_V:
        return simd_int_qaddsub(op, a, b, size, qc);
    case A64_OP_SSHL_V: case A64_OP_USHL_V: case A64_OP_SRSHL_V: case A64_OP_URSHL_V: {
        /* the shift is the signed low byte of rm's element; negative shifts right */
        int32_t s = (int32_t)(int8_t)(uint8_t)(b & 0xff);
        uint32_t sgn = op == A64_OP_SSHL_V || op == A64_OP_SRSHL_V, rnd = op == A64_OP_SRSHL_V || op == A64_OP_URSHL_V;
        uint64_t x = sgn ? sa : a;
        if (s >= 0)
            return s >= 64 ? 0 : (x << s) & ones;
        return (rnd ? simd_int_rshr(x, (uint32_t)-s, sgn) : simd_int_shr(x, (uint32_t)-s, sgn)) & ones;
    }
    case A64_OP_SQSHL_V: case A64_OP_UQSHL_V: case A64_OP_SQRSHL_V: case A64_OP_UQRSHL_V: {
        /* left: saturating; right: cannot saturate */
        int32_t s = (int32_t)(int8_t)(uint8_t)(b & 0xff);
        uint32_t sgn = op == A64_OP_SQSHL_V || op == A64_OP_SQRSHL_V, rnd = op == A64_OP_SQRSHL_V || op == A64_OP_UQRSHL_V;
        uint64_t x = sgn ? sa : a;
        if (s >= 0)
            return simd_int_qshl(x, (uint32_t)s, size, sgn, sgn, qc);
        return (rnd ? simd_int_rshr(x, (uint32_t)-s, sgn) : simd_int_shr(x, (uint32_t)-s, sgn)) & ones;
    }
    case A64_OP_SQSHL_VI: return simd_int_qshl(sa, sh, size, 1, 1, qc);
    case A64_OP_UQSHL_VI: return simd_int_qshl(a, sh, size, 0, 0, qc);
    case A64_OP_SQSHLU_V: return simd_int_qshl(sa, sh, size, 1, 0, qc);
    case A64_OP_SUQADD_V: { /* signed d + unsigned a: only the top can saturate */
        uint64_t sd = simd_sext(d, size);
        if (size < 3)
            return simd_int_sat(sd + a, 1, size, 1, qc);
        if (a > A64_U64(0x7fffffffffffffff) - sd) {
            *qc = 1;
            return A64_U64(0x7fffffffffffffff);
        }
        return sd + a;
    }
    case A64_OP_USQADD_V: /* unsigned d + signed a */
        if (size < 3)
            return simd_int_sat(d + sa, 1, size, 0, qc);
        if ((int64_t)sa < 0 ? 0 - sa > d : d + sa < d) {
            *qc = 1;
            return (int64_t)sa < 0 ? 0 : ones;
        }
        return d + sa;
    case A64_OP_SABD_V: return ((int64_t)sa > (int64_t)sb ? sa - sb : sb - sa) & ones;
    case A64_OP_UABD_V: return a > b ? a - b : b - a;
    case A64_OP_SABA_V: return (d + (((int64_t)sa > (int64_t)sb ? sa - sb : sb - sa) & ones)) & ones;
    case A64_OP_UABA_V: return (d + (a > b ? a - b : b - a)) & ones;
    case A64_OP_SQDMULH_V: case A64_OP_SQDMULH_E: return simd_int_qdmulh(a, b, size, 0, qc);
    case A64_OP_SQRDMULH_V: case A64_OP_SQRDMULH_E: return simd_int_qdmulh(a, b, size, 1, qc);
    case A64_OP_PMUL_V: return simd_int_pmul(a, b) & 0xff;
    case A64_OP_MUL_E: return (a * b) & ones;
    case A64_OP_MLA_E: return (d + a * b) & ones;
    case A64_OP_MLS_E: return (d - a * b) & ones;
    case A64_OP_ABS_V: return ((int64_t)sa < 0 ? 0 - a : a) & ones;
    case A64_OP_NEG_V: return (0 - a) & ones;
    case A64_OP_SQABS_V: case A64_OP_SQNEG_V:
        if (a == (A64_U64(1) << (bits - 1))) { /* MIN: |MIN| and -MIN saturate to MAX */
            *qc = 1;
            return ones >> 1;
        }
        return (op == A64_OP_SQNEG_V || (int64_t)sa < 0 ? 0 - a : a) & ones;
    case A64_OP_CLZ_V: return simd_int_clz(a, bits);
    case A64_OP_CLS_V: return simd_int_clz(((a >> 1) ^ a) & (ones >> 1), bits - 1);
    case A64_OP_RBIT_V: {
        uint64_t r = 0;
        for (uint32_t i = 0; i < 8; i++)
            r |= ((a >> i) & 1) << (7 - i);
        return r;
    }
    case A64_OP_SRSHR_V: return simd_int_rshr(sa, sh, 1) & ones;
    case A64_OP_URSHR_V: return simd_int_rshr(a, sh, 0) & ones;
    case A64_OP_SRSRA_V: return (d + simd_int_rshr(sa, sh, 1)) & ones;
    case A64_OP_URSRA_V: return (d + simd_int_rshr(a, sh, 0)) & ones;
    case A64_OP_SRI_V: /* sh = esize: nothing inserted */
        mask = sh >= bits ? 0 : ones >> sh;
        return (d & ~mask) | (sh >= bits ? 0 : a >> sh);
    case A64_OP_SLI_V:
        mask = (ones << sh) & ones;
        return (d & ~mask) | ((a << sh) & ones);
    default: return 0;
    }
}

/* Is op one of the same-size element-wise operations of simd_int_lane? */
EXEC_INLINE int simd_int_lane_op(uint32_t op)
{
    return (op >= A64_OP_SHADD_V && op <= A64_OP_UABA_V) || (op >= A64_OP_SQSHL_V && op <= A64_OP_USQADD_V) || (op >= A64_OP_SQDMULH_V && op <= A64_OP_RBIT_V) ||
           (op >= A64_OP_SRSHR_V && op <= A64_OP_SLI_V) || (op >= A64_OP_MUL_E && op <= A64_OP_MLS_E) ||
           op == A64_OP_SQDMULH_E || op == A64_OP_SQRDMULH_E;
}

/* The operations of A64_OPS_SIMD2 that only compute (simd_value's contract): results into *o
 * (cleared by the caller), QC into o->fpsr. Returns 0, or 1 for an operation it does not know. */
EXEC_INLINE uint32_t simd_int_value(const struct a64_insn *in, const struct simd_in *s, struct simd_out *o)
{
    uint32_t op = in->op, size = in->size & 3, n = in->imms ? 1u : simd_count(in), qc = 0, i;
    uint32_t hk = 8u >> size, base = in->sf ? hk : 0; /* long/narrow: elements in a half, which half */
    struct simd_v vn = s->n[0], vm = s->m, vd = s->d[0], r = simd_make(0, 0);
    uint64_t wide = emu_alu_ones(16u << size);
    int by_elem = op >= A64_OP_MUL_E && op <= A64_OP_SQRDMULH_E;
    if (simd_int_lane_op(op)) {
        for (i = 0; i < n; i++) {
            uint64_t b = by_elem ? simd_elem(vm, size, in->immr) : simd_elem(vm, size, i);
            r = simd_set(r, size, i, simd_int_lane(in, simd_elem(vn, size, i), b, simd_elem(vd, size, i), &qc));
        }
    } else {
        switch (op) {
        case A64_OP_SMAXP_V: case A64_OP_SMINP_V: {
            uint32_t nh = n / 2;
            for (i = 0; i < n; i++) {
                struct simd_v src = i < nh ? vn : vm;
                uint32_t j = 2 * (i % nh);
                uint64_t x = simd_elem(src, size, j), y = simd_elem(src, size, j + 1);
                int64_t sx = (int64_t)simd_sext(x, size), sy = (int64_t)simd_sext(y, size);
                r = simd_set(r, size, i, (op == A64_OP_SMAXP_V) == (sx > sy) ? x : y);
            }
            break;
        }
        case A64_OP_SADDLP_V: case A64_OP_UADDLP_V: case A64_OP_SADALP_V: case A64_OP_UADALP_V: {
            uint32_t sgn = op == A64_OP_SADDLP_V || op == A64_OP_SADALP_V;
            uint32_t acc = op == A64_OP_SADALP_V || op == A64_OP_UADALP_V;
            for (i = 0; i < n / 2; i++) {
                uint64_t e = simd_int_ext(simd_elem(vn, size, 2 * i), size, sgn) +
                             simd_int_ext(simd_elem(vn, size, 2 * i + 1), size, sgn);
                r = simd_set(r, size + 1, i, (e + (acc ? simd_elem(vd, size + 1, i) : 0)) & wide);
            }
            break;
        }
        case A64_OP_SQXTN_V: case A64_OP_UQXTN_V: case A64_OP_SQXTUN_V:
        case A64_OP_RSHRN_V: case A64_OP_SQSHRN_V: case A64_OP_UQSHRN_V: case A64_OP_SQRSHRN_V:
        case A64_OP_UQRSHRN_V: case A64_OP_SQSHRUN_V: case A64_OP_SQRSHRUN_V:
        case A64_OP_ADDHN_V: case A64_OP_RADDHN_V: case A64_OP_SUBHN_V: case A64_OP_RSUBHN_V: {
            /* narrow: the elements of 2 * size into the lower (sf: upper) half, the lower kept */
            uint32_t sgn = op == A64_OP_SQXTN_V || op == A64_OP_SQXTUN_V || op == A64_OP_SQSHRN_V ||
                           op == A64_OP_SQRSHRN_V || op == A64_OP_SQSHRUN_V || op == A64_OP_SQRSHRUN_V;
            uint32_t osg = op == A64_OP_SQXTN_V || op == A64_OP_SQSHRN_V || op == A64_OP_SQRSHRN_V;
            uint32_t rnd = op == A64_OP_RSHRN_V || op == A64_OP_SQRSHRN_V || op == A64_OP_UQRSHRN_V ||
                           op == A64_OP_SQRSHRUN_V || op == A64_OP_RADDHN_V || op == A64_OP_RSUBHN_V;
            uint32_t k = in->imms ? 1u : hk, bits = 8u << size;
            r = in->sf ? simd_make(vd.lo, 0) : simd_make(0, 0);
            for (i = 0; i < k; i++) {
                uint64_t x = simd_int_ext(simd_elem(vn, size + 1, i), size + 1, sgn), e;
                if (op == A64_OP_ADDHN_V || op == A64_OP_RADDHN_V || op == A64_OP_SUBHN_V || op == A64_OP_RSUBHN_V) {
                    uint64_t y = simd_elem(vm, size + 1, i);
                    x = op == A64_OP_ADDHN_V || op == A64_OP_RADDHN_V ? x + y : x - y;
                    e = ((x + (rnd ? A64_U64(1) << (bits - 1) : 0)) & wide) >> bits;
                } else if (op == A64_OP_SQXTN_V || op == A64_OP_UQXTN_V || op == A64_OP_SQXTUN_V) {
                    e = simd_int_sat(x, sgn, size, osg, &qc);
                } else {
                    x = rnd ? simd_int_rshr(x, in->amount, sgn) : simd_int_shr(x, in->amount, sgn);
                    e = op == A64_OP_RSHRN_V ? x & emu_alu_ones(bits) : simd_int_sat(x, sgn, size, osg, &qc);
                }
                r = simd_set(r, size, base + i, e);
            }
            o->d[0] = r;
            o->fpsr = qc ? SIMD_FPSR_QC : 0;
            return 0;
        }
        case A64_OP_SSUBL_V: case A64_OP_USUBL_V: case A64_OP_SSUBW_V: case A64_OP_USUBW_V:
        case A64_OP_SABAL_V: case A64_OP_UABAL_V: case A64_OP_SABDL_V: case A64_OP_UABDL_V:
        case A64_OP_SMLAL_V: case A64_OP_UMLAL_V: case A64_OP_SMLSL_V: case A64_OP_UMLSL_V: case A64_OP_PMULL_V:
        case A64_OP_SMULL_E: case A64_OP_UMULL_E: case A64_OP_SMLAL_E: case A64_OP_UMLAL_E:
        case A64_OP_SMLSL_E: case A64_OP_UMLSL_E: case A64_OP_SHLL_V:
        case A64_OP_SQDMULL_V: case A64_OP_SQDMLAL_V: case A64_OP_SQDMLSL_V:
        case A64_OP_SQDMULL_E: case A64_OP_SQDMLAL_E: case A64_OP_SQDMLSL_E: {
            /* long: the narrow elements of the lower (sf: upper) halves, results of 2 * size; the
             * scalar forms (SQDM*L only) one element, the rest of the register cleared */
            uint32_t sgn = (op >= A64_OP_SQDMULL_V && op <= A64_OP_SQDMLSL_V) ||
                           (op >= A64_OP_SQDMULL_E && op <= A64_OP_SQDMLSL_E) ||
                           op == A64_OP_SSUBL_V || op == A64_OP_SSUBW_V || op == A64_OP_SABAL_V ||
                           op == A64_OP_SABDL_V || op == A64_OP_SMLAL_V || op == A64_OP_SMLSL_V ||
                           op == A64_OP_SMULL_E || op == A64_OP_SMLAL_E || op == A64_OP_SMLSL_E;
            uint32_t k = in->imms ? 1u : hk;
            for (i = 0; i < k; i++) {
                uint64_t a = simd_int_ext(simd_elem(vn, size, base + i), size, sgn);
                uint64_t b = simd_int_ext(by_elem ? simd_elem(vm, size, in->immr) : simd_elem(vm, size, base + i), size, sgn);
                uint64_t d = simd_elem(vd, size + 1, i), ad = (sgn ? (int64_t)a > (int64_t)b : a > b) ? a - b : b - a, e;
                switch (op) {
                case A64_OP_SSUBL_V: case A64_OP_USUBL_V: e = a - b; break;
                case A64_OP_SSUBW_V: case A64_OP_USUBW_V: e = simd_elem(vn, size + 1, i) - b; break;
                case A64_OP_SABAL_V: case A64_OP_UABAL_V: e = d + ad; break;
                case A64_OP_SABDL_V: case A64_OP_UABDL_V: e = ad; break;
                case A64_OP_SMLAL_V: case A64_OP_UMLAL_V: case A64_OP_SMLAL_E: case A64_OP_UMLAL_E: e = d + a * b; break;
                case A64_OP_SMLSL_V: case A64_OP_UMLSL_V: case A64_OP_SMLSL_E: case A64_OP_UMLSL_E: e = d - a * b; break;
                case A64_OP_PMULL_V: e = simd_int_pmul(a, b); break;
                case A64_OP_SHLL_V: e = a << (8u << size); break;
                case A64_OP_SQDMULL_V: case A64_OP_SQDMLAL_V: case A64_OP_SQDMLSL_V:
                case A64_OP_SQDMULL_E: case A64_OP_SQDMLAL_E: case A64_OP_SQDMLSL_E:
                    e = simd_int_qdmlal(op, a, b, d, size, &qc);
                    break;
                default: e = a * b; break;
                }
                r = simd_set(r, size + 1, i, e & wide);
            }
            o->d[0] = r;
            o->fpsr = qc ? SIMD_FPSR_QC : 0;
            return 0;
        }
        case A64_OP_DUP_S:
            r.lo = simd_elem(vn, size, in->imms);
            break;
        default:
            return 1;
        }
    }
    if (!in->sf)
        r.hi = 0; /* 64-bit vectors and scalars clear the upper half */
    o->d[0] = r;
    o->fpsr = qc ? SIMD_FPSR_QC : 0;
    return 0;
}

#endif
