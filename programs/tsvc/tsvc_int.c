/* tsvc_int.c: the integer kernels of the loop corpus, in the style of TSVC (the Test Suite for
 * Vectorizing Compilers: Callahan, Dongarra and Levine's loops, as extended by Maleki et al.), written
 * anew for temu over u8/u16/u32/u64/i16/i32/i64 arrays. Each kernel is ordinary C as a user would write
 * it; the category names TSVC's. Built with -mgeneral-regs-only (see CMakeLists.txt). Signed
 * kernels keep their values small enough never to overflow at any size and repetition count;
 * wrapping arithmetic is done in unsigned types. */
#include "tsvc.h"

static u32 a[LEN + PAD], b[LEN + PAD], c[LEN + PAD], d[LEN + PAD], e[LEN + PAD];
static i32 ia[LEN + PAD], ib[LEN + PAD], ic[LEN + PAD], id[LEN + PAD], ie[LEN + PAD];
static u64 qa[LEN + PAD], qb[LEN + PAD], qc[LEN + PAD];
static i64 la[LEN + PAD], lb[LEN + PAD], lc[LEN + PAD], ld[LEN + PAD];
static u16 ha[LEN + PAD], hb[LEN + PAD];
static i16 sa[LEN + PAD], sb[LEN + PAD];
static u8 ua[LEN + PAD], ub[LEN + PAD];
static int ip[LEN + PAD];
static u32 aa[LEN2][LEN2], bb[LEN2][LEN2], cc[LEN2][LEN2];
static u32 flat[LEN + PAD + LEN2 * LEN2];
static u32 hist[256];
static u8 table[256];

/* Pointers the compiler cannot see through (TSVC's symbolic array arguments): set by tsvc_init. */
u32 *tsvc_p, *tsvc_q;

/* ---- control loops: maps over every element type ---- */

KERNEL va_copy(long n)
{
    for (long i = 0; i < n; i++)
        a[i] = b[i];
    return 0;
}

KERNEL vpv_add(long n)
{
    for (long i = 0; i < n; i++)
        a[i] += b[i];
    return 0;
}

KERNEL vpvtv_i32(long n)
{
    for (long i = 0; i < n; i++)
        ia[i] += ib[i] * ic[i];
    return 0;
}

KERNEL vtv_u16(long n)
{
    for (long i = 0; i < n; i++)
        ha[i] = ha[i] * hb[i];
    return 0;
}

KERNEL vpvts_u64(long n)
{
    for (long i = 0; i < n; i++)
        qa[i] += qb[i] * 3;
    return 0;
}

KERNEL map_3ab(long n)
{
    for (long i = 0; i < n; i++)
        c[i] = 3 * a[i] + b[i];
    return 0;
}

KERNEL widen_mul_u64(long n)
{
    for (long i = 0; i < n; i++)
        qa[i] = (u64)a[i] * b[i];
    return 0;
}

KERNEL widen_u8_u32(long n)
{
    for (long i = 0; i < n; i++)
        a[i] = ua[i] * 3u + ub[i];
    return 0;
}

KERNEL widen_i16_i32(long n)
{
    for (long i = 0; i < n; i++)
        ia[i] = sa[i] * sb[i];
    return 0;
}

KERNEL sext_i32_i64(long n)
{
    for (long i = 0; i < n; i++)
        la[i] = (i64)ia[i] * 5 - lb[i];
    return 0;
}

KERNEL narrow_u32_u16(long n)
{
    for (long i = 0; i < n; i++)
        ha[i] = (u16)(a[i] >> 7);
    return 0;
}

KERNEL shift_mix_u64(long n)
{
    for (long i = 0; i < n; i++)
        qa[i] = ((qb[i] >> 3) ^ (qb[i] << 5)) + qc[i];
    return 0;
}

KERNEL sat_add_u8(long n)
{
    for (long i = 0; i < n; i++) {
        unsigned s = ua[i] + ub[i];
        ua[i] = s > 255 ? 255 : s;
    }
    return 0;
}

KERNEL avg_u8(long n)
{
    for (long i = 0; i < n; i++)
        ua[i] = (ua[i] + ub[i] + 1) >> 1;
    return 0;
}

KERNEL mulhi_u16(long n)
{
    for (long i = 0; i < n; i++)
        ha[i] = (u16)(((u32)ha[i] * hb[i]) >> 16);
    return 0;
}

KERNEL div7_u32(long n)
{
    for (long i = 0; i < n; i++)
        a[i] = b[i] / 7;
    return 0;
}

KERNEL abs_i32(long n)
{
    for (long i = 0; i < n; i++)
        ia[i] = ib[i] < 0 ? -ib[i] : ib[i];
    return 0;
}

KERNEL s2101_diag(long n)
{
    for (long i = 0; i < n; i++)
        aa[i][i] += bb[i][i] * cc[i][i];
    return 0;
}

/* ---- linear dependence testing ---- */

KERNEL s000_fwd(long n)
{
    for (long i = 0; i < n - 1; i++)
        a[i] = a[i + 1] + b[i];
    return 0;
}

KERNEL s111_step2(long n)
{
    for (long i = 1; i < n; i += 2)
        a[i] = a[i - 1] + b[i];
    return 0;
}

KERNEL s112_reverse(long n)
{
    for (long i = n - 2; i >= 0; i--)
        a[i + 1] = a[i] + b[i];
    return 0;
}

KERNEL s113_a0(long n)
{
    for (long i = 1; i < n; i++)
        a[i] = a[0] + b[i];
    return 0;
}

KERNEL dist_pos8(long n)
{
    for (long i = 0; i < n - 8; i++)
        a[i + 8] = a[i] * 3 + b[i];
    return 0;
}

KERNEL dist_neg4(long n)
{
    for (long i = 0; i < n - 4; i++)
        a[i] = a[i + 4] ^ b[i];
    return 0;
}

KERNEL s114_triangle(long n)
{
    for (long i = 0; i < n; i++)
        for (long j = 0; j < i; j++)
            aa[i][j] = aa[j][i] + bb[i][j];
    return 0;
}

KERNEL s119_diag_dep(long n)
{
    for (long i = 1; i < n; i++)
        for (long j = 1; j < n; j++)
            aa[i][j] = aa[i - 1][j - 1] + bb[i][j];
    return 0;
}

KERNEL s1115_transpose(long n)
{
    for (long i = 0; i < n; i++)
        for (long j = 0; j < n; j++)
            aa[i][j] = aa[i][j] * cc[j][i] + bb[i][j];
    return 0;
}

/* ---- induction variable recognition ---- */

KERNEL s121_jplus1(long n)
{
    for (long i = 0; i < n - 1; i++) {
        long j = i + 1;
        a[i] = a[j] + b[i];
    }
    return 0;
}

KERNEL s122_bounds(long n)
{
    long n1 = tsvc_one, n3 = tsvc_three, j = 1, k = 0;
    for (long i = n1 - 1; i < n; i += n3) {
        k += j;
        a[i] += b[n - k];
    }
    return 0;
}

KERNEL s124_cond_j(long n)
{
    long j = -1;
    for (long i = 0; i < n; i++) {
        if (ib[i] > 0) {
            j++;
            ia[j] = ib[i] + id[i] * ie[i];
        } else {
            j++;
            ia[j] = ic[i] + id[i] * ie[i];
        }
    }
    return 0;
}

KERNEL s125_flatten(long n)
{
    long k = -1;
    for (long i = 0; i < n; i++)
        for (long j = 0; j < n; j++) {
            k++;
            flat[k] = aa[i][j] + bb[i][j] * cc[i][j];
        }
    return 0;
}

KERNEL s127_two_stores(long n)
{
    long j = -1;
    for (long i = 0; i < n / 2; i++) {
        j++;
        a[j] = b[i] + c[i] * d[i];
        j++;
        a[j] = b[i] + d[i] * e[i];
    }
    return 0;
}

KERNEL s128_coupled(long n)
{
    long j = -1;
    for (long i = 0; i < n / 2; i++) {
        long k = j + 1;
        a[i] = b[k] - d[i];
        j = k + 1;
        b[k] = a[i] + c[k];
    }
    return 0;
}

KERNEL s453_iv_mul(long n)
{
    u32 s = 0;
    for (long i = 0; i < n; i++) {
        s += 2;
        a[i] = s * b[i];
    }
    return 0;
}

KERNEL ptr_end(long n)
{
    for (u32 *p = a, *end = a + n; p != end; p++)
        *p = *p * 5 + 3;
    return 0;
}

KERNEL count_down(long n)
{
    for (long i = n; i-- > 0;)
        a[i] = b[i] << 2 | 1;
    return 0;
}

KERNEL while_ptr(long n)
{
    const u32 *s = b;
    u32 *dst = c;
    long m = n;
    while (m--)
        *dst++ = *s++ + 7;
    return 0;
}

KERNEL index_u32(long n)
{
    for (unsigned i = 0; i < (unsigned)n; i++)
        a[i] = b[i] + c[i] * 3;
    return 0;
}

KERNEL index_i32(long n)
{
    for (int i = 0; i < (int)n; i++)
        ia[i] = ib[i] - ic[i];
    return 0;
}

KERNEL index_u16(long n)
{
    for (u16 i = 0; i < (u16)n; i++)
        ha[i] = hb[i] + 1;
    return 0;
}

KERNEL offset_start(long n)
{
    long m = 5;
    for (long i = m; i < n; i++)
        a[i - m] = b[i] ^ c[i - m];
    return 0;
}

/* ---- global data-flow analysis ---- */

KERNEL s131_mconst(long n)
{
    int m = 1;
    for (long i = 0; i < n - 1; i++)
        a[i] = a[i + m] + b[i];
    return 0;
}

KERNEL s132_2d(long n)
{
    int j = 0, k = 1;
    for (long i = 1; i < n; i++)
        aa[j][i] = aa[k][i - 1] + b[i] * c[1];
    return 0;
}

static inline void s151_helper(u32 *x, const u32 *y, long n, int m)
{
    for (long i = 0; i < n - 1; i++)
        x[i] = x[i + m] + y[i];
}

KERNEL s151_inline(long n)
{
    s151_helper(a, b, n, 1);
    return 0;
}

static inline void s152_helper(u32 *x, const u32 *y, const u32 *z, long i)
{
    x[i] += y[i] * z[i];
}

KERNEL s152_inline(long n)
{
    for (long i = 0; i < n; i++) {
        b[i] = d[i] * e[i];
        s152_helper(a, b, c, i);
    }
    return 0;
}

/* ---- control flow ---- */

KERNEL s161_goto(long n)
{
    for (long i = 0; i < n - 1; i++) {
        if (ib[i] < 0)
            goto L20;
        ia[i] = ic[i] + id[i] * ie[i];
        continue;
    L20:
        ic[i + 1] = ia[i] + id[i] * id[i];
    }
    return 0;
}

KERNEL s162_k(long n)
{
    long k = tsvc_one;
    if (k > 0)
        for (long i = 0; i < n - 1; i++)
            a[i] = a[i + k] + b[i] * c[i];
    return 0;
}

KERNEL s271_cond_store(long n)
{
    for (long i = 0; i < n; i++)
        if (ib[i] > 0)
            ia[i] += ib[i] * ic[i];
    return 0;
}

KERNEL s272_threshold(long n)
{
    int t = 10;
    for (long i = 0; i < n; i++)
        if (ie[i] >= t) {
            ia[i] += ic[i] * id[i];
            ib[i] += ic[i] * ic[i];
        }
    return 0;
}

KERNEL s273_sign(long n)
{
    for (long i = 0; i < n; i++) {
        ia[i] += id[i] * ie[i];
        if (ia[i] < 0)
            ib[i] += id[i] * ie[i];
        ic[i] = ia[i] + id[i];
    }
    return 0;
}

KERNEL s274_else(long n)
{
    for (long i = 0; i < n; i++) {
        ia[i] = ic[i] + ie[i] * id[i];
        if (ia[i] > 0)
            ib[i] = ia[i] + ib[i] / 2;
        else
            ia[i] = id[i] * ie[i];
    }
    return 0;
}

KERNEL s276_mid(long n)
{
    long mid = n / 2;
    for (long i = 0; i < n; i++) {
        if (i + 1 < mid)
            a[i] += b[i] * c[i];
        else
            a[i] += b[i] * d[i];
    }
    return 0;
}

KERNEL s278_goto(long n)
{
    for (long i = 0; i < n; i++) {
        if (ia[i] > 0)
            goto L20;
        ib[i] = -ib[i] + id[i] * ie[i];
        goto L30;
    L20:
        ic[i] = -ic[i] + id[i] * ie[i];
    L30:
        ia[i] = ib[i] + ic[i] * id[i];
    }
    return 0;
}

KERNEL s2710_nested(long n)
{
    int x = n > 10 ? 1 : 0;
    for (long i = 0; i < n; i++) {
        if (ia[i] > ib[i]) {
            ia[i] = (ia[i] + ib[i]) / 2 + id[i];
            if (n > 10)
                ic[i] += id[i] * id[i];
            else
                ic[i] = id[i] * ie[i] + 1;
        } else {
            ib[i] = ia[i] + ie[i] * ie[i];
            if (x > 0)
                ic[i] = ia[i] + id[i] * id[i];
            else
                ic[i] += ie[i] * ie[i];
        }
    }
    return 0;
}

KERNEL s441_arith_if(long n)
{
    for (long i = 0; i < n; i++) {
        if (id[i] < 0)
            ia[i] = ib[i] * ic[i];
        else if (id[i] == 0)
            ia[i] = ib[i] * ib[i];
        else
            ia[i] = ic[i] * ic[i];
    }
    return 0;
}

KERNEL select_absdiff(long n)
{
    for (long i = 0; i < n; i++)
        a[i] = b[i] > c[i] ? b[i] - c[i] : c[i] - b[i];
    return 0;
}

KERNEL clamp_i32(long n)
{
    int lo = -50, hi = 50;
    for (long i = 0; i < n; i++) {
        int v = ib[i] + ic[i];
        ia[i] = v < lo ? lo : v > hi ? hi : v;
    }
    return 0;
}

KERNEL max_map_u16(long n)
{
    for (long i = 0; i < n; i++)
        ha[i] = ha[i] > hb[i] ? ha[i] : hb[i];
    return 0;
}

/* ---- symbolics ---- */

KERNEL s171_inc(long n)
{
    long inc = tsvc_two;
    for (long i = 0; i < n / 2; i++)
        a[i * inc] += b[i];
    return 0;
}

KERNEL s172_n1n3(long n)
{
    long n1 = tsvc_one, n3 = tsvc_three;
    for (long i = n1 - 1; i < n; i += n3)
        a[i] += b[i];
    return 0;
}

KERNEL s173_half(long n)
{
    long k = n / 2;
    for (long i = 0; i < n / 2; i++)
        a[i + k] = a[i] + b[i];
    return 0;
}

KERNEL s175_inc(long n)
{
    long inc = tsvc_one;
    for (long i = 0; i < n - inc; i += inc)
        a[i] = a[i + inc] + b[i];
    return 0;
}

KERNEL s176_conv(long n)
{
    long m = n / 2;
    for (long j = 0; j < 8; j++)
        for (long i = 0; i < m; i++)
            a[i] += b[i + m - j - 1] * c[j];
    return 0;
}

KERNEL alias_ptr(long n)
{
    u32 *dst = tsvc_p;
    const u32 *src = tsvc_q;
    for (long i = 0; i < n; i++)
        dst[i] = src[i] * 2 + 1;
    return 0;
}

/* The same loop, but the pointers do overlap: dst[i] is src[i + 1], a recurrence at run time. */
KERNEL alias_overlap(long n)
{
    u32 *dst = tsvc_q + 1;
    const u32 *src = tsvc_q;
    for (long i = 0; i < n - 1; i++)
        dst[i] = src[i] * 2 + 1;
    return 0;
}

KERNEL s431_k(long n)
{
    long k1 = tsvc_one, k2 = tsvc_two;
    long k = 2 * k1 - k2;
    for (long i = 0; i < n; i++)
        a[i] = a[i + k] + b[i];
    return 0;
}

/* ---- statement reordering ---- */

KERNEL s211_reorder(long n)
{
    for (long i = 1; i < n - 1; i++) {
        a[i] = b[i - 1] + c[i] * d[i];
        b[i] = b[i + 1] - e[i] * d[i];
    }
    return 0;
}

KERNEL s212_reorder(long n)
{
    for (long i = 0; i < n - 1; i++) {
        a[i] *= c[i];
        b[i] += a[i + 1] * d[i];
    }
    return 0;
}

KERNEL s1213_reorder(long n)
{
    for (long i = 1; i < n - 1; i++) {
        a[i] = b[i - 1] + c[i];
        b[i] = a[i + 1] * d[i];
    }
    return 0;
}

/* ---- loop restructuring ---- */

KERNEL s221_partial(long n)
{
    for (long i = 1; i < n; i++) {
        la[i] += lc[i] * ld[i];
        lb[i] = lb[i - 1] + la[i] + ld[i];
    }
    return 0;
}

KERNEL s222_partial(long n)
{
    for (long i = 1; i < n; i++) {
        a[i] += b[i] * c[i];
        e[i] = e[i - 1] * e[i - 1];
        a[i] -= b[i] * c[i];
    }
    return 0;
}

KERNEL s231_interchange(long n)
{
    for (long i = 0; i < n; i++)
        for (long j = 1; j < n; j++)
            aa[j][i] = aa[j - 1][i] + bb[j][i];
    return 0;
}

KERNEL s235_imperfect(long n)
{
    for (long i = 0; i < n; i++) {
        a[i] += b[i] * c[i];
        for (long j = 1; j < n; j++)
            aa[j][i] = aa[j - 1][i] + bb[j][i] * a[i];
    }
    return 0;
}

KERNEL s2275_matvec(long n)
{
    for (long i = 0; i < n; i++) {
        for (long j = 0; j < n; j++)
            aa[j][i] = aa[j][i] + bb[j][i] * cc[j][i];
        a[i] = b[i] + c[i] * d[i];
    }
    return 0;
}

/* ---- node splitting ---- */

KERNEL s241_split(long n)
{
    for (long i = 0; i < n - 1; i++) {
        a[i] = b[i] * c[i] * d[i];
        b[i] = a[i] * a[i + 1] * d[i];
    }
    return 0;
}

KERNEL s243_split(long n)
{
    for (long i = 0; i < n - 1; i++) {
        a[i] = b[i] + c[i] * d[i];
        b[i] = a[i] + d[i] * e[i];
        a[i] = b[i] + a[i + 1] * d[i];
    }
    return 0;
}

KERNEL s244_split(long n)
{
    for (long i = 0; i < n - 1; i++) {
        a[i] = b[i] + c[i] * d[i];
        b[i] = c[i] + b[i];
        a[i + 1] = b[i] + a[i + 1] * d[i];
    }
    return 0;
}

/* ---- expansion ---- */

KERNEL s251_scalar(long n)
{
    for (long i = 0; i < n; i++) {
        u32 s = b[i] + c[i] * d[i];
        a[i] = s * s;
    }
    return 0;
}

KERNEL s252_carried(long n)
{
    u32 t = 0;
    for (long i = 0; i < n; i++) {
        u32 s = b[i] * c[i];
        a[i] = s + t;
        t = s;
    }
    return 0;
}

KERNEL s253_cond(long n)
{
    for (long i = 0; i < n; i++)
        if (ia[i] > ib[i]) {
            int s = ia[i] - ib[i] * id[i];
            ic[i] += s > 0 ? 1 : -1;
            ia[i] = s / 64;
        }
    return 0;
}

KERNEL s254_wrap(long n)
{
    u32 x = b[n - 1];
    for (long i = 0; i < n; i++) {
        a[i] = (b[i] >> 1) + (x >> 1);
        x = b[i];
    }
    return 0;
}

KERNEL s255_two(long n)
{
    u32 x = b[n - 1], y = b[n - 2];
    for (long i = 0; i < n; i++) {
        a[i] = (b[i] + x + y) * 3;
        y = x;
        x = b[i];
    }
    return 0;
}

KERNEL s256_2d(long n)
{
    for (long i = 0; i < n; i++)
        for (long j = 1; j < n; j++) {
            a[j] = 1 - a[j - 1];
            aa[j][i] = a[j] + bb[j][i] * d[j];
        }
    return 0;
}

/* ---- crossing thresholds ---- */

KERNEL s281_cross(long n)
{
    for (long i = 0; i < n; i++) {
        u32 x = a[n - i - 1] + b[i] * c[i];
        a[i] = x - 1;
        b[i] = x;
    }
    return 0;
}

KERNEL s1281_cross(long n)
{
    for (long i = 0; i < n; i++) {
        u32 x = b[i] * c[i] + a[i] * d[i] + e[i];
        a[i] = x - 1;
        b[i] = x;
    }
    return 0;
}

KERNEL s291_wrap(long n)
{
    long im1 = n - 1;
    for (long i = 0; i < n; i++) {
        a[i] = (b[i] + b[im1]) >> 1;
        im1 = i;
    }
    return 0;
}

KERNEL s293_a0(long n)
{
    for (long i = 0; i < n; i++)
        a[i] = a[0];
    return 0;
}

/* ---- reductions ---- */

KERNEL sum_u32(long n)
{
    u32 s = 0;
    for (long i = 0; i < n; i++)
        s += a[i];
    return s;
}

KERNEL sum_i32_i64(long n)
{
    i64 s = 0;
    for (long i = 0; i < n; i++)
        s += ia[i];
    return (u64)s;
}

KERNEL sum_u8_u32(long n)
{
    u32 s = 0;
    for (long i = 0; i < n; i++)
        s += ua[i];
    return s;
}

KERNEL xor_u64(long n)
{
    u64 s = 0;
    for (long i = 0; i < n; i++)
        s ^= qa[i];
    return s;
}

KERNEL or_u16(long n)
{
    u16 s = 0;
    for (long i = 0; i < n; i++)
        s |= ha[i] & 0x7ff3;
    return s;
}

KERNEL and_u8(long n)
{
    u8 s = 0xff;
    for (long i = 0; i < n; i++)
        s &= ua[i] | 0x5a;
    return s;
}

KERNEL min_i32(long n)
{
    int m = ia[0];
    for (long i = 1; i < n; i++)
        if (ia[i] < m)
            m = ia[i];
    return (u64)(i64)m;
}

KERNEL max_u16(long n)
{
    u16 m = 0;
    for (long i = 0; i < n; i++)
        m = ha[i] > m ? ha[i] : m;
    return m;
}

KERNEL min_u64(long n)
{
    u64 m = ~0ul;
    for (long i = 0; i < n; i++)
        m = qa[i] < m ? qa[i] : m;
    return m;
}

KERNEL s315_argmax(long n)
{
    int x = ia[0];
    long index = 0;
    for (long i = 0; i < n; i++)
        if (ia[i] > x) {
            x = ia[i];
            index = i;
        }
    return (u64)index * 1000 + (u64)(i64)x;
}

KERNEL s3111_cond_sum(long n)
{
    int s = 0;
    for (long i = 0; i < n; i++)
        if (ia[i] > 0)
            s += ia[i];
    return (u64)(i64)s;
}

KERNEL s3113_maxabs(long n)
{
    int m = ia[0] < 0 ? -ia[0] : ia[0];
    for (long i = 0; i < n; i++) {
        int v = ia[i] < 0 ? -ia[i] : ia[i];
        if (v > m)
            m = v;
    }
    return (u64)m;
}

KERNEL dot_u32(long n)
{
    u32 s = 0;
    for (long i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

KERNEL dot_widen_u64(long n)
{
    u64 s = 0;
    for (long i = 0; i < n; i++)
        s += (u64)a[i] * b[i];
    return s;
}

KERNEL count_gt(long n)
{
    long k = 0;
    for (long i = 0; i < n; i++)
        k += ib[i] > ic[i];
    return (u64)k;
}

KERNEL s317_product(long n)
{
    u32 q = 1;
    for (long i = 0; i < n; i++)
        q *= a[i] | 1;
    return q;
}

KERNEL s319_coupled(long n)
{
    u32 sum = 0;
    for (long i = 0; i < n; i++) {
        a[i] = c[i] + d[i];
        sum += a[i];
        b[i] = c[i] + e[i];
        sum += b[i];
    }
    return sum;
}

KERNEL sum_stride2(long n)
{
    u64 s = 0;
    for (long i = 0; i < n; i += 2)
        s += qa[i];
    return s;
}

KERNEL sum_2d(long n)
{
    u32 s = 0;
    for (long i = 0; i < n; i++)
        for (long j = 0; j < n; j++)
            s += aa[i][j];
    return s;
}

/* ---- recurrences ---- */

KERNEL s321_first(long n)
{
    for (long i = 1; i < n; i++)
        a[i] += a[i - 1] * b[i];
    return 0;
}

KERNEL s322_second(long n)
{
    for (long i = 2; i < n; i++)
        a[i] = a[i] + a[i - 1] * b[i] + a[i - 2] * c[i];
    return 0;
}

KERNEL s323_coupled(long n)
{
    for (long i = 1; i < n; i++) {
        a[i] = b[i - 1] + c[i] * d[i];
        b[i] = a[i] + c[i] * e[i];
    }
    return 0;
}

KERNEL dist_pos1(long n)
{
    for (long i = 0; i < n - 1; i++)
        a[i + 1] = a[i] * 5 + b[i];
    return 0;
}

KERNEL lcg_fill(long n)
{
    u32 x = a[0];
    for (long i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        b[i] = x >> 16;
    }
    return x;
}

KERNEL s3112_prefix(long n)
{
    u32 sum = 0;
    for (long i = 0; i < n; i++) {
        sum += a[i];
        b[i] = sum;
    }
    return sum;
}

/* ---- search loops ---- */

KERNEL s331_last(long n)
{
    long j = -1;
    for (long i = 0; i < n; i++)
        if (ia[i] < 0)
            j = i;
    return (u64)j;
}

KERNEL s332_first(long n)
{
    u32 t = a[n - 5];
    long index = -2;
    for (long i = 0; i < n; i++)
        if (a[i] == t) {
            index = i;
            break;
        }
    return (u64)index;
}

KERNEL strlen_u8(long n)
{
    (void)n;
    long i = 0;
    while (ua[i])
        i++;
    return (u64)i;
}

KERNEL find_ptr(long n)
{
    u32 t = b[n - 3];
    for (const u32 *p = b, *end = b + n; p < end; p++)
        if (*p == t)
            return (u64)(p - b);
    return ~0ul;
}

/* ---- packing ---- */

KERNEL s341_pack(long n)
{
    long j = -1;
    for (long i = 0; i < n; i++)
        if (ib[i] > 0) {
            j++;
            ia[j] = ib[i];
        }
    return (u64)j;
}

KERNEL s342_unpack(long n)
{
    long j = -1;
    for (long i = 0; i < n; i++)
        if (ia[i] > 0) {
            j++;
            ia[i] = ib[j];
        }
    return (u64)j;
}

KERNEL s343_pack2d(long n)
{
    long k = -1;
    for (long i = 0; i < n; i++)
        for (long j = 0; j < n; j++)
            if (bb[j][i] > 0x80000000u) {
                k++;
                flat[k] = aa[j][i];
            }
    return (u64)k;
}

KERNEL gather_stride3(long n)
{
    for (long i = 0; i < n / 3; i++)
        a[i] = b[3 * i] + b[3 * i + 2];
    return 0;
}

KERNEL interleave(long n)
{
    for (long i = 0; i < n / 2; i++) {
        c[2 * i] = a[i];
        c[2 * i + 1] = b[i];
    }
    return 0;
}

KERNEL deinterleave(long n)
{
    for (long i = 0; i < n / 2; i++) {
        a[i] = c[2 * i] - c[2 * i + 1];
        b[i] = c[2 * i] + c[2 * i + 1];
    }
    return 0;
}

/* ---- loop rerolling ---- */

KERNEL s351_unrolled(long n)
{
    u32 alpha = c[0];
    for (long i = 0; i + 5 <= n; i += 5) {
        a[i] += alpha * b[i];
        a[i + 1] += alpha * b[i + 1];
        a[i + 2] += alpha * b[i + 2];
        a[i + 3] += alpha * b[i + 3];
        a[i + 4] += alpha * b[i + 4];
    }
    return 0;
}

KERNEL s352_unrolled_dot(long n)
{
    u32 dot = 0;
    for (long i = 0; i + 5 <= n; i += 5)
        dot = dot + a[i] * b[i] + a[i + 1] * b[i + 1] + a[i + 2] * b[i + 2] + a[i + 3] * b[i + 3] +
              a[i + 4] * b[i + 4];
    return dot;
}

KERNEL s353_unrolled_gather(long n)
{
    u32 alpha = c[0];
    for (long i = 0; i + 5 <= n; i += 5) {
        a[i] += alpha * b[ip[i]];
        a[i + 1] += alpha * b[ip[i + 1]];
        a[i + 2] += alpha * b[ip[i + 2]];
        a[i + 3] += alpha * b[ip[i + 3]];
        a[i + 4] += alpha * b[ip[i + 4]];
    }
    return 0;
}

KERNEL unroll4_u16(long n)
{
    for (long i = 0; i + 4 <= n; i += 4) {
        ha[i] = hb[i] ^ 0x5555;
        ha[i + 1] = hb[i + 1] ^ 0x5555;
        ha[i + 2] = hb[i + 2] ^ 0x5555;
        ha[i + 3] = hb[i + 3] ^ 0x5555;
    }
    return 0;
}

/* ---- equivalencing (one array seen through two names) ---- */

KERNEL s421_alias(long n)
{
    u32 *xx = flat, *yy = xx;
    for (long i = 0; i < n - 1; i++)
        xx[i] = yy[i + 1] + a[i];
    return 0;
}

KERNEL s422_alias(long n)
{
    u32 *xx = flat + 4;
    for (long i = 0; i < n; i++)
        xx[i] = flat[i + 8] + a[i];
    return 0;
}

KERNEL s423_alias(long n)
{
    u32 *xx = flat + 64;
    for (long i = 0; i < n - 1; i++)
        flat[i + 1] = xx[i] + a[i];
    return 0;
}

KERNEL s424_alias(long n)
{
    u32 *xx = flat + 63;
    for (long i = 0; i < n - 1; i++)
        xx[i + 1] = flat[i] + a[i];
    return 0;
}

/* ---- indirect addressing ---- */

KERNEL s4112_gather(long n)
{
    for (long i = 0; i < n; i++)
        a[i] += b[ip[i]] * 3;
    return 0;
}

KERNEL s4113_scatter(long n)
{
    for (long i = 0; i < n; i++)
        a[ip[i]] = b[ip[i]] + c[i];
    return 0;
}

KERNEL s4114_mixed(long n)
{
    for (long i = 0; i < n; i++) {
        long k = ip[i];
        a[i] = b[i] + c[n - k - 1] * d[i];
    }
    return 0;
}

KERNEL s4115_dot(long n)
{
    u32 sum = 0;
    for (long i = 0; i < n; i++)
        sum += a[i] * b[ip[i]];
    return sum;
}

KERNEL s4117_half(long n)
{
    for (long i = 0; i < n; i++)
        a[i] = b[i] + c[i / 2] * d[i];
    return 0;
}

KERNEL s491_scatter(long n)
{
    for (long i = 0; i < n; i++)
        a[ip[i]] = b[i] + c[i] * d[i];
    return 0;
}

KERNEL histogram(long n)
{
    for (long i = 0; i < n; i++)
        hist[ua[i]]++;
    return 0;
}

KERNEL lookup_u8(long n)
{
    for (long i = 0; i < n; i++)
        ub[i] = table[ua[i]];
    return 0;
}

void tsvc_init(long n, long n2)
{
    long m = n + PAD;
    for (long i = 0; i < m; i++)
        a[i] = (u32)tsvc_gen(1, i), b[i] = (u32)tsvc_gen(2, i), c[i] = (u32)tsvc_gen(3, i);
    for (long i = 0; i < m; i++)
        d[i] = (u32)tsvc_gen(4, i), e[i] = (u32)tsvc_gen(5, i);
    for (long i = 0; i < m; i++) {
        ia[i] = (i32)tsvc_range(6, i, -100, 100), ib[i] = (i32)tsvc_range(7, i, -100, 100);
        ic[i] = (i32)tsvc_range(8, i, -100, 100), id[i] = (i32)tsvc_range(9, i, -100, 100);
        ie[i] = (i32)tsvc_range(10, i, -100, 100);
    }
    for (long i = 0; i < m; i++)
        qa[i] = tsvc_gen(11, i), qb[i] = tsvc_gen(12, i), qc[i] = tsvc_gen(13, i);
    for (long i = 0; i < m; i++) {
        la[i] = tsvc_range(14, i, -1000, 1000), lb[i] = tsvc_range(15, i, -1000, 1000);
        lc[i] = tsvc_range(16, i, -1000, 1000), ld[i] = tsvc_range(17, i, -1000, 1000);
    }
    for (long i = 0; i < m; i++) {
        u64 r = tsvc_gen(18, i);
        ha[i] = (u16)r, hb[i] = (u16)(r >> 16), sa[i] = (i16)(r >> 32), sb[i] = (i16)(r >> 48);
        ua[i] = (u8)tsvc_range(19, i, 1, 255), ub[i] = (u8)tsvc_gen(20, i);
        ip[i] = 0;
    }
    if (n > 2 && n <= LEN)
        ua[n - 2] = 0; /* strlen_u8's terminator */
    /* ip: a permutation of [0, n) */
    for (long i = 0; i < n; i++)
        ip[i] = (int)i;
    for (long i = n - 1; i > 0; i--) {
        long j = (long)(tsvc_gen(21, i) % (u64)(i + 1));
        int t = ip[i];
        ip[i] = ip[j];
        ip[j] = t;
    }
    for (long i = 0; i < n2; i++)
        for (long j = 0; j < n2; j++) {
            long k = i * LEN2 + j;
            aa[i][j] = (u32)tsvc_gen(22, k), bb[i][j] = (u32)tsvc_gen(23, k);
            cc[i][j] = (u32)tsvc_gen(24, k);
        }
    for (long i = 0; i < n + PAD + n2 * n2; i++)
        flat[i] = (u32)tsvc_gen(25, i);
    for (int i = 0; i < 256; i++)
        hist[i] = 0, table[i] = (u8)(i * 37 + 11);
    tsvc_p = c;
    tsvc_q = d;
}

u64 tsvc_hash(long n, long n2)
{
    long m = n + PAD;
    u64 h = 0;
    h = tsvc_hash_u32(h, a, m), h = tsvc_hash_u32(h, b, m), h = tsvc_hash_u32(h, c, m);
    h = tsvc_hash_u32(h, d, m), h = tsvc_hash_u32(h, e, m);
    h = tsvc_hash_u32(h, (const u32 *)ia, m), h = tsvc_hash_u32(h, (const u32 *)ib, m);
    h = tsvc_hash_u32(h, (const u32 *)ic, m), h = tsvc_hash_u32(h, (const u32 *)id, m);
    h = tsvc_hash_u32(h, (const u32 *)ie, m);
    h = tsvc_hash_u64(h, qa, m), h = tsvc_hash_u64(h, qb, m), h = tsvc_hash_u64(h, qc, m);
    h = tsvc_hash_u64(h, (const u64 *)la, m), h = tsvc_hash_u64(h, (const u64 *)lb, m);
    h = tsvc_hash_u64(h, (const u64 *)lc, m), h = tsvc_hash_u64(h, (const u64 *)ld, m);
    h = tsvc_hash_u16(h, ha, m), h = tsvc_hash_u16(h, hb, m);
    h = tsvc_hash_u16(h, (const u16 *)sa, m), h = tsvc_hash_u16(h, (const u16 *)sb, m);
    h = tsvc_hash_u8(h, ua, m), h = tsvc_hash_u8(h, ub, m);
    h = tsvc_hash_u32(h, (const u32 *)ip, m);
    for (long i = 0; i < n2; i++) {
        h = tsvc_hash_u32(h, aa[i], n2), h = tsvc_hash_u32(h, bb[i], n2);
        h = tsvc_hash_u32(h, cc[i], n2);
    }
    h = tsvc_hash_u32(h, flat, n + PAD + n2 * n2);
    h = tsvc_hash_u32(h, hist, 256);
    return h;
}

#define K(fn, cat, reps) { #fn, cat, fn, 0, reps }
#define K2(fn, cat, reps) { #fn, cat, fn, 1, reps }

const struct tsvc_kernel tsvc_kernels[] = {
    K(va_copy, "control_loops", 460),
    K(vpv_add, "control_loops", 320),
    K(vpvtv_i32, "control_loops", 270),
    K(vtv_u16, "control_loops", 320),
    K(vpvts_u64, "control_loops", 270),
    K(map_3ab, "control_loops", 270),
    K(widen_mul_u64, "control_loops", 320),
    K(widen_u8_u32, "control_loops", 270),
    K(widen_i16_i32, "control_loops", 320),
    K(sext_i32_i64, "control_loops", 270),
    K(narrow_u32_u16, "control_loops", 380),
    K(shift_mix_u64, "control_loops", 230),
    K(sat_add_u8, "control_loops", 230),
    K(avg_u8, "control_loops", 230),
    K(mulhi_u16, "control_loops", 270),
    K(div7_u32, "control_loops", 210),
    K(abs_i32, "control_loops", 320),
    K2(s2101_diag, "control_loops", 23000),
    K(s000_fwd, "linear_dependence", 270),
    K(s111_step2, "linear_dependence", 320),
    K(s112_reverse, "linear_dependence", 210),
    K(s113_a0, "linear_dependence", 380),
    K(dist_pos8, "linear_dependence", 270),
    K(dist_neg4, "linear_dependence", 270),
    K2(s114_triangle, "linear_dependence", 200),
    K2(s119_diag_dep, "linear_dependence", 100),
    K2(s1115_transpose, "linear_dependence", 90),
    K(s121_jplus1, "induction", 270),
    K(s122_bounds, "induction", 700),
    K(s124_cond_j, "induction", 160),
    K2(s125_flatten, "induction", 100),
    K(s127_two_stores, "induction", 380),
    K(s128_coupled, "induction", 420),
    K(s453_iv_mul, "induction", 320),
    K(ptr_end, "induction", 320),
    K(count_down, "induction", 190),
    K(while_ptr, "induction", 380),
    K(index_u32, "induction", 270),
    K(index_i32, "induction", 320),
    K(index_u16, "induction", 380),
    K(offset_start, "induction", 320),
    K(s131_mconst, "global_dataflow", 270),
    K2(s132_2d, "global_dataflow", 39000),
    K(s151_inline, "global_dataflow", 270),
    K(s152_inline, "global_dataflow", 190),
    K(s161_goto, "control_flow", 180),
    K(s162_k, "control_flow", 270),
    K(s271_cond_store, "control_flow", 180),
    K(s272_threshold, "control_flow", 140),
    K(s273_sign, "control_flow", 110),
    K(s274_else, "control_flow", 100),
    K(s276_mid, "control_flow", 160),
    K(s278_goto, "control_flow", 100),
    K(s2710_nested, "control_flow", 90),
    K(s441_arith_if, "control_flow", 160),
    K(select_absdiff, "control_flow", 230),
    K(clamp_i32, "control_flow", 190),
    K(max_map_u16, "control_flow", 270),
    K(s171_inc, "symbolics", 530),
    K(s172_n1n3, "symbolics", 700),
    K(s173_half, "symbolics", 530),
    K(s175_inc, "symbolics", 210),
    K(s176_conv, "symbolics", 75),
    K(alias_ptr, "symbolics", 320),
    K(alias_overlap, "symbolics", 320),
    K(s431_k, "symbolics", 320),
    K(s211_reorder, "statement_reordering", 170),
    K(s212_reorder, "statement_reordering", 170),
    K(s1213_reorder, "statement_reordering", 190),
    K(s221_partial, "loop_restructuring", 190),
    K(s222_partial, "loop_restructuring", 380),
    K2(s231_interchange, "loop_restructuring", 130),
    K2(s235_imperfect, "loop_restructuring", 130),
    K2(s2275_matvec, "loop_restructuring", 90),
    K(s241_split, "node_splitting", 140),
    K(s243_split, "node_splitting", 140),
    K(s244_split, "node_splitting", 160),
    K(s251_scalar, "expansion", 230),
    K(s252_carried, "expansion", 230),
    K(s253_cond, "expansion", 150),
    K(s254_wrap, "expansion", 270),
    K(s255_two, "expansion", 210),
    K2(s256_2d, "expansion", 90),
    K(s281_cross, "crossing_thresholds", 170),
    K(s1281_cross, "crossing_thresholds", 140),
    K(s291_wrap, "crossing_thresholds", 270),
    K(s293_a0, "crossing_thresholds", 460),
    K(sum_u32, "reductions", 460),
    K(sum_i32_i64, "reductions", 460),
    K(sum_u8_u32, "reductions", 460),
    K(xor_u64, "reductions", 460),
    K(or_u16, "reductions", 270),
    K(and_u8, "reductions", 320),
    K(min_i32, "reductions", 380),
    K(max_u16, "reductions", 380),
    K(min_u64, "reductions", 380),
    K(s315_argmax, "reductions", 270),
    K(s3111_cond_sum, "reductions", 380),
    K(s3113_maxabs, "reductions", 270),
    K(dot_u32, "reductions", 380),
    K(dot_widen_u64, "reductions", 380),
    K(count_gt, "reductions", 320),
    K(s317_product, "reductions", 380),
    K(s319_coupled, "reductions", 170),
    K(sum_stride2, "reductions", 750),
    K2(sum_2d, "reductions", 180),
    K(s321_first, "recurrences", 320),
    K(s322_second, "recurrences", 210),
    K(s323_coupled, "recurrences", 210),
    K(dist_pos1, "recurrences", 320),
    K(lcg_fill, "recurrences", 380),
    K(s3112_prefix, "recurrences", 380),
    K(s331_last, "search", 320),
    K(s332_first, "search", 320),
    K(strlen_u8, "search", 620),
    K(find_ptr, "search", 270),
    K(s341_pack, "packing", 250),
    K(s342_unpack, "packing", 310),
    K2(s343_pack2d, "packing", 100),
    K(gather_stride3, "packing", 900),
    K(interleave, "packing", 620),
    K(deinterleave, "packing", 460),
    K(s351_unrolled, "loop_rerolling", 500),
    K(s352_unrolled_dot, "loop_rerolling", 580),
    K(s353_unrolled_gather, "loop_rerolling", 390),
    K(unroll4_u16, "loop_rerolling", 440),
    K(s421_alias, "equivalencing", 270),
    K(s422_alias, "equivalencing", 270),
    K(s423_alias, "equivalencing", 270),
    K(s424_alias, "equivalencing", 320),
    K(s4112_gather, "indirect_addressing", 230),
    K(s4113_scatter, "indirect_addressing", 230),
    K(s4114_mixed, "indirect_addressing", 190),
    K(s4115_dot, "indirect_addressing", 320),
    K(s4117_half, "indirect_addressing", 170),
    K(s491_scatter, "indirect_addressing", 230),
    K(histogram, "indirect_addressing", 270),
    K(lookup_u8, "indirect_addressing", 380),
};
const int tsvc_count = sizeof tsvc_kernels / sizeof tsvc_kernels[0];
