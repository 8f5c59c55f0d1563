/* emu_loop_check.c: the run-time half of the proof, at the head of a loop entry with the
 * registers known: the trip count, the 32-bit parts of addresses that must not wrap, every access
 * range in bounds with the right permissions, no store into decoded code, and no byte stored in
 * one iteration and touched in another (emu_loop_plan).
 *
 * Independence is decided on the addresses themselves: two accesses that move by the same stride
 * S collide across iterations iff some distance m != 0, |m| < k, puts one's bytes over the
 * other's, which is a range of m computed by two divisions; in-place updates (a[i] = f(a[i]),
 * through two pointers or one) pass, a[i + d] = f(a[i]) passes when d is at least the trip and
 * is refused otherwise. Accesses with different strides must not overlap at all.
 *
 * One kind of collision is allowed: an anti-dependence, a load that reads bytes only a later
 * iteration stores (a[i] = a[i + 1] + b[i]), when the load comes before the store in the body.
 * The executors then run the iterations in order of instructions (EMU_LOOP_ORDERED: the lane
 * executor always does, 256 iterations at a time, one instruction over all of them before the
 * next; the GPU loop kernel does so in one work-group with a barrier between instructions), so
 * every iteration's load still runs before any later iteration's store, as sequentially.
 */
#include "emu_loop_int.h"

int emu_loop_access_range(const struct emu_loop *l, const struct emu_loop_mem *m, const uint64_t *x,
                          uint64_t k, uint64_t size, uint64_t *lo, uint64_t *hi)
{
    (void)l;
    if (!emu_loop_val_fits(&m->addr, x, k))
        return 0;
    uint64_t a0 = emu_loop_val_at0(&m->addr, x);
    int64_t s = emu_loop_val_stride(&m->addr);
    __int128 last = (__int128)a0 + (__int128)s * (__int128)(k - 1);
    __int128 first = a0;
    __int128 l0 = first < last ? first : last, h0 = (first < last ? last : first) + m->bytes;
    if (l0 < 0 || h0 > (__int128)size)
        return 0;
    *lo = (uint64_t)l0;
    *hi = (uint64_t)h0;
    return 1;
}

/* Does [lo, hi) reach a page holding decoded code? `code` is the engine's map of such pages, one
 * byte per page; NULL: the CPU engine's EMU_PERM_CODE marks. */
static int touches_code(const struct emu_mem *mem, const uint8_t *code, uint64_t lo, uint64_t hi)
{
    for (uint64_t pg = lo >> EMU_PAGE_BITS; pg <= (hi - 1) >> EMU_PAGE_BITS; pg++)
        if (code ? code[pg] : mem->perm[pg] & EMU_PERM_CODE)
            return 1;
    return 0;
}

static __int128 floor_div(__int128 a, __int128 b) /* b > 0 */
{
    __int128 q = a / b;
    return q * b > a ? q - 1 : q;
}

static __int128 ceil_div(__int128 a, __int128 b) /* b > 0 */
{
    __int128 q = a / b;
    return q * b < a ? q + 1 : q;
}

/* Do accesses i and j touch a common byte in two different iterations among 0..k-1, i in
 * iteration ja and j in iteration jb? EMU_LOOP_M_NEG: for some ja < jb; EMU_LOOP_M_POS: for some
 * ja > jb (both when the strides differ). Same iteration is fine: every executor keeps program
 * order within an iteration. */
static unsigned carried(const struct emu_loop *l, const uint64_t *x, uint32_t i, uint32_t j, uint64_t k,
                        const uint64_t *lo, const uint64_t *hi)
{
    const struct emu_loop_mem *a = &l->mem[i], *b = &l->mem[j];
    int64_t S = emu_loop_val_stride(&a->addr);
    if (S != emu_loop_val_stride(&b->addr))
        return i == j || (lo[i] < hi[j] && lo[j] < hi[i]) ? EMU_LOOP_M_NEG | EMU_LOOP_M_POS : 0;
    /* a + S * ja and b + S * jb overlap iff d - na < S * m < d + nb with m = ja - jb, d = b - a;
     * for S < 0 the same holds of -m, and the range of m asked for is symmetric */
    __int128 d = (__int128)emu_loop_val_at0(&b->addr, x) - (__int128)emu_loop_val_at0(&a->addr, x);
    __int128 na = a->bytes, nb = b->bytes, s = S < 0 ? -(__int128)S : (__int128)S;
    if (s == 0)
        return d - na < 0 && 0 < d + nb ? EMU_LOOP_M_NEG | EMU_LOOP_M_POS : 0;
    __int128 mlo = floor_div(d - na, s) + 1, mhi = ceil_div(d + nb, s) - 1, K = (__int128)k - 1;
    if (S < 0) { /* the range holds -m */
        __int128 t = mlo;
        mlo = -mhi;
        mhi = -t;
    }
    if (mlo < -K)
        mlo = -K;
    if (mhi > K)
        mhi = K;
    if (mlo > mhi)
        return 0;
    return (mlo < 0 ? EMU_LOOP_M_NEG : 0) | (mhi > 0 ? EMU_LOOP_M_POS : 0);
}

int emu_loop_collisions_allowed(const struct emu_loop *l, uint32_t i, uint32_t j, unsigned m)
{
    if (!m)
        return 1;
    const struct emu_loop_mem *a = &l->mem[i], *b = &l->mem[j];
    if (a->store == b->store || i == j)
        return 0;
    /* m as seen from the load: NEG means the load's iteration is the earlier one */
    unsigned from_load = a->store ? ((m & EMU_LOOP_M_NEG ? EMU_LOOP_M_POS : 0) | (m & EMU_LOOP_M_POS ? EMU_LOOP_M_NEG : 0))
                                  : m;
    const struct emu_loop_mem *ld = a->store ? b : a, *st = a->store ? a : b;
    return from_load == EMU_LOOP_M_NEG && ld->insn < st->insn ? 2 : 0;
}

static enum emu_loop_reason check_memory(const struct emu_loop *l, const uint64_t *x, struct emu_mem *mem,
                                         const uint8_t *code, uint64_t k, int *ordered)
{
    uint64_t lo[EMU_LOOP_MAX_MEM], hi[EMU_LOOP_MAX_MEM];
    /* 32-bit affine registers zero-extended at the head, as their values assume (always so after
     * one iteration, which is where the engines call this) */
    for (unsigned r = 0; r < A64_REG_ZR; r++)
        if (l->role[r] == EMU_LOOP_R_AFFINE && !l->sf[r] && x[r] >> 32)
            return EMU_LOOP_RT_INDEX;
    for (uint32_t i = 0; i < l->nmem; i++)
        if (!emu_loop_val_fits(&l->mem[i].addr, x, k))
            return EMU_LOOP_RT_INDEX;
    for (uint32_t i = 0; i < l->nmem; i++) {
        const struct emu_loop_mem *m = &l->mem[i];
        if (!emu_loop_access_range(l, m, x, k, mem->size, &lo[i], &hi[i]) ||
            !emu_mem_range_ok(mem, lo[i], hi[i] - lo[i], m->store ? EMU_PERM_W : EMU_PERM_R))
            return EMU_LOOP_RT_RANGE;
        if (m->store && touches_code(mem, code, lo[i], hi[i]))
            return EMU_LOOP_RT_CODE;
    }
    for (uint32_t i = 0; i < l->nmem; i++)
        for (uint32_t j = i; j < l->nmem; j++) {
            if (!l->mem[i].store && !l->mem[j].store)
                continue;
            int ok = emu_loop_collisions_allowed(l, i, j, carried(l, x, i, j, k, lo, hi));
            if (!ok)
                return EMU_LOOP_RT_ALIAS;
            *ordered |= ok == 2;
        }
    return EMU_LOOP_OK;
}

uint64_t emu_loop_plan(const struct emu_loop *l, const struct emu_state *st, struct emu_mem *mem,
                       const uint8_t *code, uint64_t max_iters, enum emu_loop_reason *why, int *ordered)
{
    *ordered = 0;
    if (l->bind_insns) {
        *why = EMU_LOOP_RT_BIND;
        return 0;
    }
    uint64_t k = emu_loop_trips(l, st, max_iters, why);
    if (*why != EMU_LOOP_OK)
        return 0;
    if (k < EMU_LOOP_MIN_ITERS) {
        *why = EMU_LOOP_RT_SHORT;
        return 0;
    }
    if (l->cls != EMU_LOOP_AFFINE && (*why = check_memory(l, st->x, mem, code, k, ordered)) != EMU_LOOP_OK)
        return 0;
    return k;
}
