/* emu_loop_trip.c: how many more times a classified loop branches back, from the head state.
 *
 * The exit test compares v(j) = v(0) + j * step (at the compare's width w, emu_loop_lin) against
 * an invariant c. For the equality conditions (EQ/NE, CBZ/CBNZ) the first j with v(j) == t modulo
 * 2^w is the solution of a linear congruence. For the ordered conditions the flags of v - c, c - v
 * or v + c decide by a signed or unsigned comparison of exact values, so the predicate is monotone
 * in j for as long as v(j) does not wrap in that interpretation: a binary search over that range
 * finds where it turns false. Every answer is checked by evaluating the predicate itself with the
 * engines' own flag semantics (emu_alu_adc_flags, emu_alu_cond).
 */
#include "emu_alu.h"
#include "emu_loop.h"

uint32_t emu_loop_exit_flags(const struct emu_loop *l, const uint64_t *x, uint64_t j)
{
    const struct emu_loop_exit *e = &l->exit;
    uint64_t v = emu_loop_lin_at(&e->v, x, j);
    uint64_t c = emu_loop_lin_at(&e->c, x, 0);
    uint32_t nzcv;
    if (e->kind == EMU_LOOP_EXIT_ADDS)
        emu_alu_adc_flags(v, c, 0, e->sf, &nzcv);
    else if (e->swap)
        emu_alu_adc_flags(c, ~v, 1, e->sf, &nzcv);
    else
        emu_alu_adc_flags(v, ~c, 1, e->sf, &nzcv);
    return nzcv;
}

/* Does the loop branch back after iteration j? Exactly what the closing branch computes. */
static int continues(const struct emu_loop *l, const uint64_t *x, uint64_t j)
{
    const struct emu_loop_exit *e = &l->exit;
    uint64_t v = emu_loop_lin_at(&e->v, x, j);
    uint64_t c = emu_loop_lin_at(&e->c, x, 0);
    uint32_t nzcv;
    switch (e->kind) {
    case EMU_LOOP_EXIT_CBZ: return emu_alu_w(v, e->sf) == 0;
    case EMU_LOOP_EXIT_CBNZ: return emu_alu_w(v, e->sf) != 0;
    case EMU_LOOP_EXIT_ADDS: emu_alu_adc_flags(v, c, 0, e->sf, &nzcv); break;
    default:
        if (e->swap)
            emu_alu_adc_flags(c, ~v, 1, e->sf, &nzcv);
        else
            emu_alu_adc_flags(v, ~c, 1, e->sf, &nzcv);
    }
    return emu_alu_cond(e->cond, nzcv);
}

/* Smallest j >= 0 with v0 + j * d == t modulo 2^w; 0 if there is none. */
static int solve_eq(uint64_t v0, uint64_t d, uint64_t t, int sf, uint64_t *j)
{
    uint64_t mask = sf ? ~0ull : 0xffffffffull;
    uint64_t r = (t - v0) & mask;
    d &= mask;
    if (r == 0) {
        *j = 0;
        return 1;
    }
    if (d == 0)
        return 0;
    unsigned z = (unsigned)__builtin_ctzll(d);
    if (r & ((1ull << z) - 1))
        return 0;
    uint64_t dd = d >> z, inv = dd;
    for (int k = 0; k < 5; k++) /* Newton: 3, 6, 12, 24, 48, 96 correct low bits */
        inv *= 2 - dd * inv;
    unsigned bits = (sf ? 64u : 32u) - z;
    *j = ((r >> z) * inv) & (bits >= 64 ? ~0ull : (1ull << bits) - 1);
    return 1;
}

static int is_signed_cond(unsigned c)
{
    return c >= A64_COND_GE && c <= A64_COND_LE;
}

/* Largest j such that v(0..j) does not wrap in the signed or unsigned w-bit reading. */
static uint64_t no_wrap_limit(uint64_t v0, uint64_t d, int sf, int sgn)
{
    unsigned w = sf ? 64 : 32;
    __int128 lo, hi, v, s;
    if (sgn) {
        lo = -((__int128)1 << (w - 1));
        hi = ((__int128)1 << (w - 1)) - 1;
        v = sf ? (__int128)(int64_t)v0 : (__int128)(int32_t)(uint32_t)v0;
        s = sf ? (__int128)(int64_t)d : (__int128)(int32_t)(uint32_t)d;
    } else {
        lo = 0;
        hi = ((__int128)1 << w) - 1;
        v = sf ? (__int128)v0 : (__int128)(uint32_t)v0;
        s = sf ? (__int128)(int64_t)d : (__int128)(int32_t)(uint32_t)d;
    }
    if (s == 0)
        return UINT64_MAX;
    __int128 room = s > 0 ? (hi - v) / s : (v - lo) / -s;
    return room > (__int128)UINT64_MAX ? UINT64_MAX : (uint64_t)room;
}

uint64_t emu_loop_trips(const struct emu_loop *l, const struct emu_state *st, uint64_t cap,
                        enum emu_loop_reason *why)
{
    const struct emu_loop_exit *e = &l->exit;
    const uint64_t *x = st->x;
    uint64_t v0 = emu_loop_lin_at(&e->v, x, 0), d = e->v.k;
    uint64_t k;
    *why = EMU_LOOP_OK;
    if (!continues(l, x, 0))
        return 0;
    /* A short trip by plain evaluation: K is the first j the loop does not continue after, so a
     * loop entered often for a few iterations costs a few compares per entry, not a search. */
    for (uint64_t j = 1; j < EMU_LOOP_MIN_ITERS && j <= cap; j++)
        if (!continues(l, x, j))
            return j;
    int eq = e->kind == EMU_LOOP_EXIT_CBZ || e->kind == EMU_LOOP_EXIT_CBNZ ||
             e->cond == A64_COND_EQ || e->cond == A64_COND_NE;
    if (eq) {
        /* Z is set when v == t: t = c (SUBS either way round, c = 0 for CBZ/CBNZ) or -c (ADDS). */
        uint64_t c = e->kind >= EMU_LOOP_EXIT_CBZ ? 0 : emu_loop_lin_at(&e->c, x, 0);
        uint64_t t = e->kind == EMU_LOOP_EXIT_ADDS ? 0 - c : c;
        int go_on_equal = e->kind == EMU_LOOP_EXIT_CBZ || (e->kind < EMU_LOOP_EXIT_CBZ && e->cond == A64_COND_EQ);
        if (go_on_equal) /* equal at j = 0; stays equal only with a zero step */
            k = emu_alu_w(d, e->sf) == 0 ? UINT64_MAX : 1;
        else if (!solve_eq(v0, d, t, e->sf, &k))
            k = UINT64_MAX; /* never equal: the loop never exits by itself */
    } else {
        uint64_t lim = no_wrap_limit(v0, d, e->sf, is_signed_cond(e->cond));
        if (lim > cap)
            lim = cap;
        if (continues(l, x, lim)) {
            k = lim + 1; /* true over the whole monotone range: at least that many */
        } else {
            uint64_t lo = 0, hi = lim; /* continues(lo), !continues(hi) */
            while (hi - lo > 1) {
                uint64_t mid = lo + (hi - lo) / 2;
                if (continues(l, x, mid))
                    lo = mid;
                else
                    hi = mid;
            }
            k = hi;
        }
    }
    if (k > cap)
        k = cap;
    /* The answer must hold at its edge: the loop still branches back after iteration k - 1. */
    if (k && !continues(l, x, k - 1)) {
        *why = EMU_LOOP_RT_TRIP;
        return 0;
    }
    return k;
}
