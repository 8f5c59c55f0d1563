/* emu_loop_val.c: what every register holds in a loop body, as an affine function of the
 * iteration (struct emu_loop_val), and where each memory access goes.
 *
 * The walk starts from the head of an iteration (invariants as themselves, affine registers as
 * X + j * step) and follows values through the operations compilers build addresses and counters
 * with: add and subtract of immediates, of shifted or extended registers; lsl, uxtw, sxtw, ubfiz,
 * sbfiz; mov; orr when the bits are provably disjoint (then it is an add); multiplications by a
 * constant (madd, msub, umaddl, smaddl); adr/adrp and constants; base writeback. A 32-bit result
 * keeps its low half exactly (low32 of a sum is the sum of the low halves) and is zero-extended,
 * which is affine only while that half does not wrap: the value says so (its extended part) and
 * the run-time half checks it (emu_loop_val_fits) for every address. Anything else (a loaded
 * value, a right shift) is not affine, and an address built from it is refused.
 */
#include "emu_loop_int.h"

#include <string.h>

#define M32 0xffffffffull

static const struct emu_loop_val val_none = {.kind = EMU_LOOP_VAL_NONE};

static struct emu_loop_val val_const(uint64_t c)
{
    struct emu_loop_val v = {.kind = EMU_LOOP_VAL_LIN, .ext = EMU_LOOP_EXT_X};
    v.lin.c = c;
    return v;
}

static int lin_eq_terms(const struct emu_loop_lin *a, const struct emu_loop_lin *b)
{
    if (a->n != b->n || a->k != b->k)
        return 0;
    for (unsigned t = 0; t < a->n; t++)
        if (a->reg[t] != b->reg[t] || a->mul[t] != b->mul[t])
            return 0;
    return 1;
}

/* *o = a + s * b, terms merged in register order; 0 when more than EMU_LOOP_TERMS remain. */
static int lin_add(struct emu_loop_lin *o, const struct emu_loop_lin *a, const struct emu_loop_lin *b, uint64_t s)
{
    struct emu_loop_lin r = {.c = a->c + s * b->c, .k = a->k + s * b->k};
    unsigned i = 0, j = 0;
    while (i < a->n || j < b->n) {
        uint8_t reg;
        uint64_t m;
        if (j >= b->n || (i < a->n && a->reg[i] < b->reg[j])) {
            reg = a->reg[i];
            m = a->mul[i++];
        } else if (i >= a->n || b->reg[j] < a->reg[i]) {
            reg = b->reg[j];
            m = s * b->mul[j++];
        } else {
            reg = a->reg[i];
            m = a->mul[i++] + s * b->mul[j++];
        }
        if (!m)
            continue;
        if (r.n == EMU_LOOP_TERMS)
            return 0;
        r.reg[r.n] = reg;
        r.mul[r.n++] = m;
    }
    *o = r;
    return 1;
}

/* a * s (no term can appear, some may vanish modulo 2^64). */
static void lin_scale(struct emu_loop_lin *a, uint64_t s)
{
    struct emu_loop_lin z = {0};
    lin_add(a, &z, a, s);
}

/* a modulo 2^32, canonical (so that equal low halves compare equal). */
static void lin_low32(struct emu_loop_lin *a)
{
    struct emu_loop_lin z = {0};
    lin_add(a, &z, a, 1);
    a->c &= M32;
    a->k &= M32;
    unsigned n = 0;
    for (unsigned t = 0; t < a->n; t++)
        if (a->mul[t] & M32) {
            a->reg[n] = a->reg[t];
            a->mul[n++] = a->mul[t] & M32;
        }
    a->n = (uint8_t)n;
}

static int val_is_const(const struct emu_loop_val *v)
{
    return v->kind == EMU_LOOP_VAL_LIN && v->ext == EMU_LOOP_EXT_X && v->lin.n == 0 && v->lin.k == 0;
}

/* a + s * b at 64 bits. */
static struct emu_loop_val val_add(struct emu_loop_val a, const struct emu_loop_val *b, uint64_t s)
{
    if (a.kind == EMU_LOOP_VAL_NONE || b->kind == EMU_LOOP_VAL_NONE || !lin_add(&a.lin, &a.lin, &b->lin, s))
        return val_none;
    if (b->ext != EMU_LOOP_EXT_X) {
        if (a.ext == EMU_LOOP_EXT_X) {
            a.ext = b->ext;
            a.emul = s * b->emul;
            a.inner = b->inner;
        } else if (a.ext == b->ext && lin_eq_terms(&a.inner, &b->inner) && a.inner.c == b->inner.c) {
            a.emul += s * b->emul;
        } else {
            return val_none;
        }
        if (!a.emul)
            a.ext = EMU_LOOP_EXT_X;
    }
    return a;
}

static struct emu_loop_val val_scale(struct emu_loop_val a, uint64_t s)
{
    if (a.kind == EMU_LOOP_VAL_NONE)
        return a;
    lin_scale(&a.lin, s);
    a.emul *= s;
    if (!a.emul)
        a.ext = EMU_LOOP_EXT_X;
    return a;
}

int emu_loop_val_low32(const struct emu_loop_val *v, struct emu_loop_lin *out)
{
    if (v->kind == EMU_LOOP_VAL_NONE)
        return 0;
    *out = v->lin;
    /* the low half of ext(low32(inner)) is the low half of inner, whichever the extension */
    if (v->ext != EMU_LOOP_EXT_X && !lin_add(out, out, &v->inner, v->emul))
        return 0;
    lin_low32(out);
    return 1;
}

int emu_loop_val_lin(const struct emu_loop_val *v, struct emu_loop_lin *out)
{
    if (v->kind == EMU_LOOP_VAL_NONE || v->ext != EMU_LOOP_EXT_X)
        return 0;
    *out = v->lin;
    return 1;
}

/* The low 32 bits of v zero- or sign-extended to 64. */
static struct emu_loop_val val_ext(const struct emu_loop_val *v, unsigned ext)
{
    struct emu_loop_lin lo;
    if (!emu_loop_val_low32(v, &lo))
        return val_none;
    if (lo.n == 0 && lo.k == 0) /* a constant */
        return val_const(ext == EMU_LOOP_EXT_UXTW ? lo.c : (uint64_t)(int64_t)(int32_t)(uint32_t)lo.c);
    struct emu_loop_val r = {.kind = EMU_LOOP_VAL_LIN, .ext = (uint8_t)ext, .emul = 1, .inner = lo};
    return r;
}

/* Trailing zero bits every value of v has, whatever the registers hold. */
static unsigned val_tz(const struct emu_loop_val *v)
{
    uint64_t bits = v->lin.c | v->lin.k;
    for (unsigned t = 0; t < v->lin.n; t++)
        bits |= v->lin.mul[t];
    if (v->ext != EMU_LOOP_EXT_X)
        bits |= v->emul;
    return bits ? (unsigned)__builtin_ctzll(bits) : 64;
}

/* a | b as a + b when one of them is a constant below the other's trailing zeros. */
static struct emu_loop_val val_orr(const struct emu_loop_val *a, const struct emu_loop_val *b)
{
    if (a->kind == EMU_LOOP_VAL_NONE || b->kind == EMU_LOOP_VAL_NONE)
        return val_none;
    for (int swap = 0; swap < 2; swap++) {
        const struct emu_loop_val *x = swap ? b : a, *c = swap ? a : b;
        unsigned tz = val_tz(x);
        if (val_is_const(c) && (tz >= 64 || (c->lin.c >> tz) == 0))
            return val_add(*x, c, 1);
    }
    return val_none;
}

/* a * b when one of them is a constant. */
static struct emu_loop_val val_mul(const struct emu_loop_val *a, const struct emu_loop_val *b)
{
    if (val_is_const(a))
        return val_scale(*b, a->lin.c);
    if (val_is_const(b))
        return val_scale(*a, b->lin.c);
    return val_none;
}

/* rm extended (A64_EXT_*) and shifted left by amount. */
static struct emu_loop_val val_extend(const struct emu_loop_val *v, unsigned how, unsigned amount)
{
    struct emu_loop_val r;
    switch (how) {
    case A64_EXT_UXTW: r = val_ext(v, EMU_LOOP_EXT_UXTW); break;
    case A64_EXT_SXTW: r = val_ext(v, EMU_LOOP_EXT_SXTW); break;
    case A64_EXT_UXTX:
    case A64_EXT_SXTX: r = *v; break;
    default: return val_none;
    }
    return amount < 64 ? val_scale(r, 1ull << amount) : val_none;
}

struct emu_loop_val emu_loop_val_op2(const struct a64_insn *in, const struct emu_loop_val *v)
{
    switch (in->op) {
    case A64_OP_ADD_IMM:
    case A64_OP_ADDS_IMM:
    case A64_OP_SUB_IMM:
    case A64_OP_SUBS_IMM:
    case A64_OP_ORR_IMM:
        return val_const((uint64_t)in->imm);
    case A64_OP_ADD_SHIFT:
    case A64_OP_ADDS_SHIFT:
    case A64_OP_SUB_SHIFT:
    case A64_OP_SUBS_SHIFT:
    case A64_OP_ORR_SHIFT:
        if (in->amount && in->shift != A64_SHIFT_LSL)
            return val_none;
        return in->amount < 64 ? val_scale(v[in->rm], 1ull << in->amount) : val_none;
    case A64_OP_ADD_EXT:
    case A64_OP_ADDS_EXT:
    case A64_OP_SUB_EXT:
    case A64_OP_SUBS_EXT:
        return val_extend(&v[in->rm], in->shift, in->amount);
    default:
        return val_none;
    }
}

/* The value instruction i writes to rd, from the values v before it. */
static struct emu_loop_val val_result(const struct emu_loop *l, uint32_t i, const struct emu_loop_val *v)
{
    const struct a64_insn *in = &l->ins[i];
    const uint64_t pc = l->pc + 4ull * i;
    struct emu_loop_val r = val_none, b;
    switch (in->op) {
    case A64_OP_ADD_IMM:
    case A64_OP_ADDS_IMM:
    case A64_OP_ADD_SHIFT:
    case A64_OP_ADDS_SHIFT:
    case A64_OP_ADD_EXT:
    case A64_OP_ADDS_EXT:
        b = emu_loop_val_op2(in, v);
        r = val_add(v[in->rn], &b, 1);
        break;
    case A64_OP_SUB_IMM:
    case A64_OP_SUBS_IMM:
    case A64_OP_SUB_SHIFT:
    case A64_OP_SUBS_SHIFT:
    case A64_OP_SUB_EXT:
    case A64_OP_SUBS_EXT:
        b = emu_loop_val_op2(in, v);
        r = val_add(v[in->rn], &b, ~0ull);
        break;
    case A64_OP_ORR_IMM:
    case A64_OP_ORR_SHIFT:
        b = emu_loop_val_op2(in, v);
        r = val_orr(&v[in->rn], &b);
        break;
    case A64_OP_MOVZ:
    case A64_OP_MOVN:
        r = val_const((uint64_t)in->imm);
        break;
    case A64_OP_ADR:
        r = val_const(pc + (uint64_t)in->imm);
        break;
    case A64_OP_ADRP:
        r = val_const((pc & ~0xfffull) + (uint64_t)in->imm);
        break;
    case A64_OP_UBFM: {
        unsigned w = in->sf ? 64 : 32;
        if (in->imms + 1u == in->immr) /* lsl #(w - immr) */
            r = val_scale(v[in->rn], 1ull << (w - in->immr));
        else if (in->immr == 0 && in->imms == w - 1) /* the whole register */
            r = v[in->rn];
        else if (in->sf && in->imms == 31 && (in->immr == 0 || in->immr > 32)) /* uxtw, ubfiz #lsb, #32 */
            r = val_scale(val_ext(&v[in->rn], EMU_LOOP_EXT_UXTW), 1ull << (in->immr ? 64 - in->immr : 0));
        break;
    }
    case A64_OP_SBFM:
        if (in->sf && in->imms == 31 && (in->immr == 0 || in->immr > 32)) /* sxtw, sbfiz #lsb, #32 */
            r = val_scale(val_ext(&v[in->rn], EMU_LOOP_EXT_SXTW), 1ull << (in->immr ? 64 - in->immr : 0));
        else if (in->immr == 0 && in->imms == (in->sf ? 63u : 31u))
            r = v[in->rn];
        break;
    case A64_OP_MADD:
    case A64_OP_MSUB:
        b = val_mul(&v[in->rn], &v[in->rm]);
        r = val_add(v[in->ra], &b, in->op == A64_OP_MADD ? 1 : ~0ull);
        break;
    case A64_OP_UMADDL:
    case A64_OP_SMADDL: {
        unsigned e = in->op == A64_OP_UMADDL ? EMU_LOOP_EXT_UXTW : EMU_LOOP_EXT_SXTW;
        struct emu_loop_val n = val_ext(&v[in->rn], e), m = val_ext(&v[in->rm], e);
        b = val_mul(&n, &m);
        return val_add(v[in->ra], &b, 1); /* a 64-bit result whatever sf says */
    }
    default:
        break;
    }
    if (!in->sf && r.kind != EMU_LOOP_VAL_NONE)
        r = val_ext(&r, EMU_LOOP_EXT_UXTW);
    return r;
}

void emu_loop_vals_head(const struct emu_loop *l, struct emu_loop_val *v)
{
    for (unsigned r = 0; r < A64_NUM_REGS; r++) {
        v[r] = val_none;
        if (r >= A64_REG_ZR || (l->role[r] != EMU_LOOP_R_INV && l->role[r] != EMU_LOOP_R_AFFINE))
            continue;
        struct emu_loop_lin x = {.n = 1, .reg = {(uint8_t)r}, .mul = {1}};
        if (l->role[r] == EMU_LOOP_R_AFFINE)
            x.k = (uint64_t)l->step[r];
        v[r] = (struct emu_loop_val){.kind = EMU_LOOP_VAL_LIN, .ext = EMU_LOOP_EXT_X, .lin = x};
        if (l->role[r] == EMU_LOOP_R_AFFINE && !l->sf[r]) /* zero-extended at every head */
            v[r] = val_ext(&v[r], EMU_LOOP_EXT_UXTW);
    }
    v[A64_REG_ZR] = val_const(0);
}

void emu_loop_vals_step(const struct emu_loop *l, uint32_t i, struct emu_loop_val *v)
{
    const struct a64_insn *in = &l->ins[i];
    uint32_t f = in->flags;
    struct emu_loop_val rd = (f & A64_P_W_RD) ? val_result(l, i, v) : val_none;
    if ((f & (A64_F_WB_PRE | A64_F_WB_POST)) && in->rn < A64_REG_ZR) {
        struct emu_loop_val imm = val_const((uint64_t)in->imm);
        v[in->rn] = val_add(v[in->rn], &imm, 1);
    }
    if ((f & A64_P_W_RD) && in->rd < A64_REG_ZR)
        v[in->rd] = rd;
    if ((f & A64_P_W_RA) && in->ra < A64_REG_ZR)
        v[in->ra] = val_none;
    if ((f & A64_P_W_RM) && in->rm < A64_REG_ZR)
        v[in->rm] = val_none;
    if (f & A64_P_W_LR)
        v[30] = val_none;
}

int emu_loop_val_distance(const struct emu_loop_val *a, const struct emu_loop_val *b, int64_t *d)
{
    if (a->kind == EMU_LOOP_VAL_NONE || b->kind == EMU_LOOP_VAL_NONE || a->ext != b->ext ||
        !lin_eq_terms(&a->lin, &b->lin))
        return 0;
    uint64_t diff = b->lin.c - a->lin.c;
    if (a->ext != EMU_LOOP_EXT_X) {
        if (a->emul != b->emul || !lin_eq_terms(&a->inner, &b->inner))
            return 0;
        diff += a->emul * (uint64_t)(int64_t)(int32_t)(uint32_t)(b->inner.c - a->inner.c);
    }
    *d = (int64_t)diff;
    return 1;
}

int emu_loop_val_fits(const struct emu_loop_val *v, const uint64_t *x, uint64_t k)
{
    if (v->ext == EMU_LOOP_EXT_X || k == 0)
        return 1;
    uint32_t w = (uint32_t)emu_loop_lin_at(&v->inner, x, 0);
    __int128 first = v->ext == EMU_LOOP_EXT_UXTW ? (__int128)w : (__int128)(int32_t)w;
    __int128 last = first + (__int128)(int64_t)emu_loop_val_ext_step(v) * (__int128)(k - 1);
    if (v->ext == EMU_LOOP_EXT_UXTW)
        return last >= 0 && last <= (__int128)M32;
    return last >= (__int128)INT32_MIN && last <= (__int128)INT32_MAX;
}

int emu_loop_mem_at(const struct emu_loop *l, const struct emu_loop_val *v, uint32_t i, struct emu_loop_mem *m)
{
    const struct a64_insn *in = &l->ins[i];
    memset(m, 0, sizeof *m);
    m->insn = (uint8_t)i;
    m->store = (in->flags & A64_P_STORE) != 0;
    int simd = (in->flags & A64_P_SIMD) != 0; /* V loads and stores: sizes up to 16 bytes (Q) */
    int pair = in->op == A64_OP_LDP || in->op == A64_OP_STP || in->op == A64_OP_LDP_V || in->op == A64_OP_STP_V;
    m->bytes = (uint8_t)((1u << (in->size & (simd ? 7 : 3))) * (pair ? 2 : 1));
    if (in->op == A64_OP_LDR_LIT || in->op == A64_OP_LDR_V_LIT) {
        m->addr = val_const(l->pc + 4ull * i + (uint64_t)in->imm);
        return 1;
    }
    struct emu_loop_val off;
    if (in->op == A64_OP_LDR_REG || in->op == A64_OP_STR_REG || in->op == A64_OP_LDR_V_REG ||
        in->op == A64_OP_STR_V_REG)
        off = val_extend(&v[in->rm], in->shift, in->amount & 7);
    else
        off = val_const(in->flags & A64_F_WB_POST ? 0 : (uint64_t)in->imm);
    m->addr = val_add(v[in->rn], &off, 1);
    return m->addr.kind != EMU_LOOP_VAL_NONE;
}

int emu_loop_val_carried(const struct emu_loop *l, uint64_t inv, unsigned r, struct emu_loop_lin *d, int *sf)
{
    struct emu_loop_val v[A64_NUM_REGS];
    for (unsigned s = 0; s < A64_NUM_REGS; s++) {
        v[s] = val_none;
        if (s < A64_REG_ZR) { /* temporaries get a symbol too, but never read it */
            v[s].kind = EMU_LOOP_VAL_LIN;
            v[s].lin = (struct emu_loop_lin){.n = 1, .reg = {(uint8_t)s}, .mul = {1}};
        }
    }
    v[A64_REG_ZR] = val_const(0);
    for (uint32_t i = 0; i + 1 < l->n; i++)
        emu_loop_vals_step(l, i, v);
    const struct emu_loop_val *f = &v[r];
    struct emu_loop_lin self = {.n = 1, .reg = {(uint8_t)r}, .mul = {1}};
    if (f->kind == EMU_LOOP_VAL_NONE)
        return 0;
    if (f->ext == EMU_LOOP_EXT_X) {
        *sf = 1;
        if (!lin_add(d, &f->lin, &self, ~0ull))
            return 0;
    } else if (f->ext == EMU_LOOP_EXT_UXTW && f->emul == 1 && f->lin.n == 0 && f->lin.c == 0 && f->lin.k == 0) {
        *sf = 0;
        if (!lin_add(d, &f->inner, &self, ~0ull))
            return 0;
        lin_low32(d);
    } else {
        return 0;
    }
    if (d->k)
        return 0;
    for (unsigned t = 0; t < d->n; t++)
        if (!(inv >> d->reg[t] & 1))
            return 0;
    return 1;
}
