/* cpu_simd.c: the CPU engine's FP/SIMD instructions (docs/design.md, FP/SIMD): one generic
 * micro-op (U_SIMD, imm = the instruction word) that runs the shared semantics of
 * emu/exec/exec_simd.h on p->st.v and guest memory, so the CPU engine and the kernels compute the
 * same thing by construction. The decoded record comes from a small two-way cache by word
 * (decoding is a pure function of the word), so the micro-op stays 24 bytes. The common scalar and
 * vector FP arithmetic first tries the host-FP fast path (cpu_fp_fast.c); tests/test_exec_diff.c
 * holds the engine against these semantics. The hottest classes have micro-ops of their own
 * (cpu_translate_simd.c); their out-of-line halves that call the fast path are here too
 * (cpu_simd_fp2 and on), and what those decline comes back to cpu_simd by the word. */
#include "cpu_int.h"

#include <string.h>

#include "a64_decode.h"
#include "cpu_fp_fast.h"
#include "emu_proc.h"

#define SIMD_VF
#include "exec_simd.h"

#define CPU_SIMD_CACHE 4096u /* records: 2048 sets of two, by a hash of the word (11 bits) */

struct cpu_simd_rec {
    uint32_t word, valid;
    struct a64_insn in;
};

/* Two ways a set: with one, hot words of a loop that hash alike evicted each other on every
 * iteration, and a decode costs thousands of host instructions (fpmath: 4,659 decodes of its 263
 * FP/SIMD words, 21.6 host instructions per guest instruction; with two ways, 263). A miss keeps
 * the newer record of the set and drops the older. */
static const struct a64_insn *cpu_simd_record(struct emu_cpu *c, uint32_t word)
{
    if (!c->simd) {
        c->simd = calloc(CPU_SIMD_CACHE, sizeof *c->simd);
        if (!c->simd)
            return NULL;
    }
    struct cpu_simd_rec *set = &c->simd[((word * 0x9e3779b1u) >> 21) * 2];
    if (set[0].valid && set[0].word == word)
        return &set[0].in;
    if (set[1].valid && set[1].word == word)
        return &set[1].in;
    set[1] = set[0];
    a64_decode(word, &set[0].in);
    set[0].word = word;
    set[0].valid = 1;
    return &set[0].in;
}

/* The vector forms of the fast path: kind, and whether Vm's element imms serves every element
 * (by element). Single and double elements; the scalar by-element forms (shift 1) are one
 * element, and whatever the result does not fill is cleared, as simd_vfp_value clears it. */
static int cpu_simd_fast_vector(const struct a64_insn *in, uint64_t *v, uint32_t fpcr, uint32_t *fpsr, uint32_t kind,
                                int by_elem)
{
    uint32_t size = in->size & 3, cnt = (in->shift & 1) ? 1u : simd_count(in);
    uint64_t a[CPU_FP_LANES] = {0}, b[CPU_FP_LANES] = {0}, d[CPU_FP_LANES] = {0}, r[CPU_FP_LANES];
    if (size < 2)
        return 0;
    struct simd_v vn = simd_make(v[2 * in->rn], v[2 * in->rn + 1]), vm = simd_make(v[2 * in->rm], v[2 * in->rm + 1]);
    struct simd_v vd = simd_make(v[2 * in->rd], v[2 * in->rd + 1]), out = simd_make(0, 0);
    for (uint32_t i = 0; i < cnt; i++) {
        a[i] = simd_elem(vn, size, i);
        b[i] = simd_elem(vm, size, by_elem ? in->imms : i);
        d[i] = simd_elem(vd, size, i);
    }
    if (!cpu_fp_fast_vector(kind, 8 << size, (int)cnt, a, b, d, fpcr, r, fpsr))
        return 0;
    for (uint32_t i = 0; i < cnt; i++)
        out = simd_set(out, size, i, r[i]);
    v[2 * in->rd] = out.lo;
    v[2 * in->rd + 1] = out.hi;
    return 1;
}

/* The host-arithmetic fast path (cpu_fp_fast.c) for the operations compiled FP code is made of,
 * on the V register file v; 1 when it ran the instruction. Single and double only. The fused
 * scalar forms negate their operands as FPNeg does before FPMulAdd: FMSUB Rn, FNMADD Ra and Rn,
 * FNMSUB Ra. */
int cpu_fp_fast_insn(const struct a64_insn *in, uint64_t *v, uint32_t fpcr, uint32_t *fpsr, uint32_t *nzcv)
{
    int n = 8 << (in->size & 3);
    uint64_t mask = n == 64 ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1, sign = UINT64_C(1) << (n - 1);
    uint64_t a = v[2 * in->rn] & mask, b = v[2 * in->rm] & mask, c, r, neg_c = 0;
    uint32_t kind;
    int ok;
    switch (in->op) {
    case A64_OP_FADD_S: kind = CPU_FP_ADD; break;
    case A64_OP_FSUB_S: kind = CPU_FP_SUB; break;
    case A64_OP_FMUL_S: kind = CPU_FP_MUL; break;
    case A64_OP_FDIV_S: kind = CPU_FP_DIV; break;
    case A64_OP_FSQRT_S: kind = CPU_FP_SQRT; break;
    case A64_OP_FCMP_S: case A64_OP_FCMPE_S: return cpu_fp_fast_compare(n, a, b, nzcv);
    case A64_OP_FCMPZ_S: case A64_OP_FCMPEZ_S: return cpu_fp_fast_compare(n, a, 0, nzcv);
    case A64_OP_FMADD_S: kind = CPU_FP_MLA; break;
    case A64_OP_FMSUB_S: kind = CPU_FP_MLA; a ^= sign; break;
    case A64_OP_FNMADD_S: kind = CPU_FP_MLA; a ^= sign; neg_c = sign; break;
    case A64_OP_FNMSUB_S: kind = CPU_FP_MLA; neg_c = sign; break;
    case A64_OP_FADD_V: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_ADD, 0);
    case A64_OP_FSUB_V: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_SUB, 0);
    case A64_OP_FMUL_V: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_MUL, 0);
    case A64_OP_FDIV_V: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_DIV, 0);
    case A64_OP_FSQRT_V: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_SQRT, 0);
    case A64_OP_FMLA_V: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_MLA, 0);
    case A64_OP_FMLS_V: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_MLS, 0);
    case A64_OP_FMUL_VE: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_MUL, 1);
    case A64_OP_FMLA_VE: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_MLA, 1);
    case A64_OP_FMLS_VE: return cpu_simd_fast_vector(in, v, fpcr, fpsr, CPU_FP_MLS, 1);
    default: return 0;
    }
    if (kind == CPU_FP_MLA) {
        c = (v[2 * in->ra] & mask) ^ neg_c; /* Ra: only the fused forms have one */
        ok = cpu_fp_fast_muladd(n, c, a, b, fpcr, &r, fpsr);
    } else {
        ok = cpu_fp_fast(kind, n, a, b, fpcr, &r, fpsr);
    }
    if (!ok)
        return 0;
    v[2 * in->rd] = r;
    v[2 * in->rd + 1] = 0;
    return 1;
}

/* The specialised scalar micro-ops: the fast path's calls of cpu_fp_fast_insn with the register
 * numbers, negations (FMA: k1 Rn, k2 Ra) and kind (FP2: k0) decided at translation. The result is
 * zero-extended into V[d] and IXC ORed into FPSR, as cpu_fp_fast_insn does. */
int cpu_simd_fp2(struct emu_proc *p, const struct cpu_uop *u, int n)
{
    uint64_t *v = p->st.v, m = n == 64 ? ~UINT64_C(0) : 0xffffffffu, r;
    uint32_t fpsr = (uint32_t)p->st.fpsr;
    if (!cpu_fp_fast(u->k0, n, v[2 * u->n] & m, v[2 * u->m] & m, (uint32_t)p->st.fpcr, &r, &fpsr))
        return 0;
    v[2 * u->d] = r;
    v[2 * u->d + 1] = 0;
    p->st.fpsr = fpsr;
    return 1;
}

int cpu_simd_fma(struct emu_proc *p, const struct cpu_uop *u, int n)
{
    uint64_t *v = p->st.v, m = n == 64 ? ~UINT64_C(0) : 0xffffffffu, sign = m ^ (m >> 1), r;
    uint64_t a = (v[2 * u->n] & m) ^ (u->k1 ? sign : 0), c = (v[2 * u->a] & m) ^ (u->k2 ? sign : 0);
    uint32_t fpsr = (uint32_t)p->st.fpsr;
    if (!cpu_fp_fast_muladd(n, c, a, v[2 * u->m] & m, (uint32_t)p->st.fpcr, &r, &fpsr))
        return 0;
    v[2 * u->d] = r;
    v[2 * u->d + 1] = 0;
    p->st.fpsr = fpsr;
    return 1;
}

uint32_t cpu_simd_fcmp(struct emu_proc *p, const struct cpu_uop *u, int n)
{
    uint64_t *v = p->st.v, m = n == 64 ? ~UINT64_C(0) : 0xffffffffu;
    uint32_t nzcv;
    if (!cpu_fp_fast_compare(n, v[2 * u->n] & m, u->k1 ? 0 : v[2 * u->m] & m, &nzcv)) /* k1: against +0 */
        return CPU_FCMP_SLOW;
    return nzcv;
}

/* cpu_simd_fast_vector's work with the fields decided at translation. */
int cpu_simd_vfp(struct emu_proc *p, const struct cpu_uop *u)
{
    uint64_t *v = p->st.v, a[CPU_FP_LANES] = {0}, b[CPU_FP_LANES] = {0}, d[CPU_FP_LANES] = {0}, r[CPU_FP_LANES];
    uint32_t size = u->k1, cnt = u->k2, fpsr = (uint32_t)p->st.fpsr;
    struct simd_v vn = simd_make(v[2 * u->n], v[2 * u->n + 1]), vm = simd_make(v[2 * u->m], v[2 * u->m + 1]);
    struct simd_v vd = simd_make(v[2 * u->d], v[2 * u->d + 1]), out = simd_make(0, 0);
    for (uint32_t i = 0; i < cnt; i++) {
        a[i] = simd_elem(vn, size, i);
        b[i] = simd_elem(vm, size, u->k3 != 0xff ? u->k3 : i);
        d[i] = simd_elem(vd, size, i);
    }
    if (!cpu_fp_fast_vector(u->k0, 8 << size, (int)cnt, a, b, d, (uint32_t)p->st.fpcr, r, &fpsr))
        return 0;
    for (uint32_t i = 0; i < cnt; i++)
        out = simd_set(out, size, i, r[i]);
    v[2 * u->d] = out.lo;
    v[2 * u->d + 1] = out.hi;
    p->st.fpsr = fpsr;
    return 1;
}

/* Every element exact, or nothing written. */
int cpu_simd_vscvtf(struct emu_proc *p, const struct cpu_uop *u)
{
    uint64_t *v = p->st.v, r[CPU_FP_LANES];
    uint32_t size = u->k1, cnt = u->k2, n = 8u << size;
    struct simd_v vn = simd_make(v[2 * u->n], v[2 * u->n + 1]), out = simd_make(0, 0);
    for (uint32_t i = 0; i < cnt; i++)
        if (!cpu_fp_fast_from_int((int)n, (int64_t)emu_alu_sext(simd_elem(vn, size, i), n - 1), &r[i]))
            return 0;
    for (uint32_t i = 0; i < cnt; i++)
        out = simd_set(out, size, i, r[i]);
    v[2 * u->d] = out.lo;
    v[2 * u->d + 1] = out.hi;
    return 1;
}

int cpu_simd_scvtf(struct emu_proc *p, const struct cpu_uop *u)
{
    uint64_t r;
    if (!cpu_fp_fast_from_int(u->k0, (int64_t)emu_alu_sext(p->st.x[u->n], u->k1 - 1u), &r))
        return 0;
    p->st.v[2 * u->d] = r;
    p->st.v[2 * u->d + 1] = 0;
    return 1;
}

int cpu_simd_fcvtzs(struct emu_proc *p, const struct cpu_uop *u)
{
    uint64_t m = u->k0 == 64 ? ~UINT64_C(0) : 0xffffffffu, r;
    uint32_t fpsr = (uint32_t)p->st.fpsr;
    if (!cpu_fp_fast_to_int(u->k0, p->st.v[2 * u->n] & m, u->k1, &r, &fpsr))
        return 0;
    p->st.x[u->d] = r;
    p->st.x[A64_REG_ZR] = 0; /* a write to the zero register is discarded */
    p->st.fpsr = fpsr;
    return 1;
}

enum cpu_simd_result cpu_simd(struct emu_cpu *c, struct emu_proc *p, uint32_t word, uint64_t pc, uint32_t *nzcv,
                              uint64_t *code_addr, uint64_t *code_len)
{
    const struct a64_insn *in = cpu_simd_record(c, word);
    if (!in || !(in->flags & A64_P_SIMD))
        return CPU_SIMD_UNDEF;
    uint32_t fpsr = (uint32_t)p->st.fpsr;
    if (cpu_fp_fast_insn(in, p->st.v, (uint32_t)p->st.fpcr, &fpsr, nzcv)) {
        p->st.fpsr = fpsr;
        return CPU_SIMD_DONE;
    }
    uint64_t *x = p->st.x;
    struct exec_in v = {0};
    if (in->flags & A64_P_R_RN)
        v.rn = x[in->rn];
    if (in->flags & A64_P_R_RM)
        v.rm = x[in->rm];
    v.nzcv = *nzcv;
    struct simd_in s;
    struct simd_out o;
    simd_out_clear(&o);
    simd_gather(in, p->st.v, &s);
    if (!(in->flags & (A64_P_LOAD | A64_P_STORE))) {
        if (simd_value(in, v, &s, (uint32_t)p->st.fpcr, &o))
            return CPU_SIMD_UNDEF;
        if (in->flags & A64_P_W_RD)
            x[in->rd] = o.x;
        if (in->flags & A64_P_SETS_FLAGS)
            *nzcv = o.nzcv;
        p->st.fpsr |= o.fpsr;
        simd_scatter(in, p->st.v, &o);
        x[A64_REG_ZR] = 0;
        return CPU_SIMD_DONE;
    }
    uint64_t a, wb, buf[8] = {0};
    unsigned len = simd_mem_addr(in, pc, v, &a, &wb);
    int wrote_code = 0;
    if (in->flags & A64_P_LOAD) {
        if (!emu_mem_check(&p->mem, a, len, EMU_PERM_R)) {
            p->mem.fault_addr = a;
            return CPU_SIMD_FAULT_R;
        }
        memcpy(buf, p->mem.host + a, len);
        simd_load(in, &s, buf, &o);
    } else {
        if (!emu_mem_check(&p->mem, a, len, EMU_PERM_W)) {
            p->mem.fault_addr = a;
            return CPU_SIMD_FAULT_W;
        }
        simd_store(in, &s, buf);
        memcpy(p->mem.host + a, buf, len);
        wrote_code = ((p->mem.perm[a >> EMU_PAGE_BITS] | p->mem.perm[(a + len - 1) >> EMU_PAGE_BITS]) &
                      EMU_PERM_CODE) != 0;
    }
    /* outputs in the order the integer loads write them: base writeback, then the data */
    if (in->flags & (A64_F_WB_PRE | A64_F_WB_POST))
        x[in->rn] = wb;
    if (in->flags & A64_P_LOAD)
        simd_scatter(in, p->st.v, &o);
    if (wrote_code) {
        *code_addr = a;
        *code_len = len;
        return CPU_SIMD_CODE;
    }
    return CPU_SIMD_DONE;
}
