/* emu_loop.c: classification of single-block loops (see emu_loop.h for the classes and the
 * exactness rule). Works on decoded records only, no engine state, so every engine can share it.
 *
 * The analysis walks the straight-line body a few times:
 *   1. which registers each instruction reads and writes: live-in (read before written) and
 *      written registers give the roles; flags read before set are carried;
 *   2. each carried register is affine (only `add/sub #imm` to itself and base writeback) or an
 *      accumulator (one `op r, r, v` with op in add/eor/orr/and, or `cmp v, r; csel r, ...`);
 *   3. a walk with every register's value as an affine function of the iteration j
 *      (emu_loop_val.c: head registers, constants, j) gives every memory address and the exit
 *      test's operands;
 *   4. accesses whose addresses differ by a constant are checked for overlap across iterations
 *      (a dependence at a short distance is refused here); every other pair is decided exactly
 *      at run time, on the addresses of the iterations to run (emu_loop_check.c);
 *   5. the exit test must compare a value that varies affinely against one that does not.
 */
#include "emu_alu.h"
#include "emu_loop_int.h"

#include <string.h>

#include "a64_decode.h"
#define SIMD_VF
#include "exec_simd.h" /* simd_list_len; simd_value to tell reserved encodings */

#define NONE 0xff

static const char *const class_names[] = {"none", "affine", "elementwise", "reduction"};

static const char *const reason_names[] = {
#define EMU_LOOP_REASON_NAME(name, why) #name,
    EMU_LOOP_REASONS(EMU_LOOP_REASON_NAME)
#undef EMU_LOOP_REASON_NAME
};

static const char *const reason_texts[] = {
#define EMU_LOOP_REASON_TEXT(name, why) why,
    EMU_LOOP_REASONS(EMU_LOOP_REASON_TEXT)
#undef EMU_LOOP_REASON_TEXT
};

const char *emu_loop_class_name(enum emu_loop_class c)
{
    return (unsigned)c < 4 ? class_names[c] : "?";
}

const char *emu_loop_reason_name(enum emu_loop_reason r)
{
    return (unsigned)r < EMU_LOOP_REASON_COUNT ? reason_names[r] : "?";
}

const char *emu_loop_reason_text(enum emu_loop_reason r)
{
    return (unsigned)r < EMU_LOOP_REASON_COUNT ? reason_texts[r] : "?";
}

/* Register slots an instruction reads and writes (ZR and the sink left out). */
struct loop_regs {
    uint8_t r[5], w[4];
    unsigned nr, nw;
};

static void add_reg(uint8_t *v, unsigned *n, unsigned reg)
{
    if (reg < A64_REG_ZR)
        v[(*n)++] = (uint8_t)reg;
}

static void insn_regs(const struct a64_insn *in, struct loop_regs *g)
{
    uint32_t f = in->flags;
    g->nr = g->nw = 0;
    if (f & A64_P_R_RN) add_reg(g->r, &g->nr, in->rn);
    if (f & A64_P_R_RM) add_reg(g->r, &g->nr, in->rm);
    if (f & A64_P_R_RA) add_reg(g->r, &g->nr, in->ra);
    if (f & A64_P_R_RD) add_reg(g->r, &g->nr, in->rd);
    if (f & A64_P_R_RM2) add_reg(g->r, &g->nr, in->rm2);
    if (f & (A64_F_WB_PRE | A64_F_WB_POST)) add_reg(g->w, &g->nw, in->rn);
    if (f & A64_P_W_RD) add_reg(g->w, &g->nw, in->rd);
    if (f & A64_P_W_RA) add_reg(g->w, &g->nw, in->ra);
    if (f & A64_P_W_RM) add_reg(g->w, &g->nw, in->rm);
    if (f & A64_P_W_LR) add_reg(g->w, &g->nw, 30);
}

/* V registers an FP/SIMD instruction reads and writes, as masks (lists as simd_gather and
 * simd_scatter take them; an over-estimate of the reads is harmless to the roles). */
static void insn_vregs(const struct a64_insn *in, uint32_t *r, uint32_t *w)
{
    uint32_t f = in->flags, k = simd_list_len(in);
    *r = *w = 0;
    if (!(f & A64_P_SIMD))
        return;
    for (uint32_t i = 0; i < k; i++) {
        if (f & A64_P_V_RN) *r |= 1u << ((in->rn + i) & 31);
        if (f & A64_P_V_RD) *r |= 1u << ((in->rd + i) & 31);
        if ((f & A64_P_V_WD) && (i == 0 || (f & A64_P_LOAD))) *w |= 1u << ((in->rd + i) & 31);
    }
    if (f & A64_P_V_RM) *r |= 1u << (in->rm & 31);
    if (f & A64_P_V_RA) *r |= 1u << (in->ra & 31);
    if (f & A64_P_V_WA) *w |= 1u << (in->ra & 31);
}

/* Does the lane executors take FP/SIMD instruction in? Every data-processing one the semantics
 * define (an encoding they reject is UNDEF whatever the operands: probed once here), and the
 * single-register and pair loads and stores; not the structure loads and stores. */
static int simd_taken(const struct a64_insn *in)
{
    switch (in->op) {
    case A64_OP_LDR_V_IMM: case A64_OP_LDR_V_REG: case A64_OP_LDR_V_LIT: case A64_OP_LDP_V:
    case A64_OP_STR_V_IMM: case A64_OP_STR_V_REG: case A64_OP_STP_V:
        return 1;
    default:
        break;
    }
    if (in->flags & (A64_P_LOAD | A64_P_STORE | A64_P_SYS))
        return 0;
    struct exec_in xv = {0, 0, 0, 0, 0, 0};
    struct simd_in s;
    struct simd_out o;
    memset(&s, 0, sizeof s);
    simd_out_clear(&o);
    return simd_value(in, xv, &s, 0, &o) == 0;
}

static int reads(const struct a64_insn *in, unsigned reg)
{
    struct loop_regs g;
    insn_regs(in, &g);
    for (unsigned k = 0; k < g.nr; k++)
        if (g.r[k] == reg)
            return 1;
    return 0;
}

/* The step an instruction adds to `reg` if it is an affine update of it (*ok = 1), with the
 * width of the update in *sf; *ok = 0 if it writes reg any other way. An add or subtract of a
 * register that the body never writes (bit of `inv`) is an affine update too, by a step known
 * only at the head: *ok = 2, and 0 here (emu_loop_bind turns it into an immediate). */
static int64_t affine_update(const struct a64_insn *in, unsigned reg, uint64_t inv, int *ok, int *sf)
{
    *ok = 0;
    *sf = 1;
    int wb = (in->flags & (A64_F_WB_PRE | A64_F_WB_POST)) && in->rn == reg;
    if (wb) {
        if ((in->flags & (A64_P_W_RD)) && in->rd == reg)
            return 0; /* the loaded value lands in the base too */
        if ((in->flags & A64_P_W_RA) && in->ra == reg)
            return 0;
        *ok = 1;
        *sf = 1;
        return in->imm;
    }
    if (in->rd == reg && in->rn == reg) {
        *sf = in->sf;
        switch (in->op) {
        case A64_OP_ADD_IMM:
        case A64_OP_ADDS_IMM: *ok = 1; return in->imm;
        case A64_OP_SUB_IMM:
        case A64_OP_SUBS_IMM: *ok = 1; return (int64_t)(0 - (uint64_t)in->imm);
        case A64_OP_ADD_SHIFT:
        case A64_OP_ADDS_SHIFT:
        case A64_OP_SUB_SHIFT:
        case A64_OP_SUBS_SHIFT: *ok = (inv >> in->rm & 1) ? 2 : 0; return 0;
        default: break;
        }
    }
    return 0;
}

/* Bit r: register r is never written by the body (once find_roles has run). */
static uint64_t inv_mask(const struct emu_loop *l)
{
    uint64_t m = 1ull << A64_REG_ZR;
    for (unsigned r = 0; r < A64_REG_ZR; r++)
        if (l->role[r] == EMU_LOOP_R_INV)
            m |= 1ull << r;
    return m;
}

static int is_ordered_cond(unsigned c)
{
    return c != A64_COND_MI && c != A64_COND_PL && c != A64_COND_VS && c != A64_COND_VC &&
           c < A64_COND_AL;
}

/* Bit i: body instruction i reads the flags that instruction k sets (up to the next instruction
 * that sets them; the closing branch left out). */
static uint64_t flag_readers(const struct emu_loop *l, uint32_t k)
{
    uint64_t m = 0;
    for (uint32_t i = k + 1; i + 1 < l->n; i++) {
        if (l->ins[i].flags & A64_P_READS_FLAGS)
            m |= 1ull << i;
        if (l->ins[i].flags & A64_P_SETS_FLAGS)
            break;
    }
    return m;
}

/* Accumulator update at instruction i for register r (the only writer of r): 1 if it is one,
 * with the compare of a compare-and-select in *cmp (else NONE). */
static int reduction_at(const struct emu_loop *l, uint32_t i, unsigned r, uint8_t *cmp)
{
    const struct a64_insn *in = &l->ins[i];
    *cmp = NONE;
    if (in->rd != r)
        return 0;
    /* acc = acc + rn * rm, acc * v, cinc acc (csinc acc, acc, acc): folded in by their exec form */
    if ((in->op == A64_OP_MADD || in->op == A64_OP_MSUB || in->op == A64_OP_UMADDL || in->op == A64_OP_SMADDL) &&
        in->ra == r && in->rn != r && in->rm != r)
        return 1;
    if (in->op == A64_OP_MADD && in->ra == A64_REG_ZR && (in->rn == r) != (in->rm == r))
        return 1;
    if (in->op == A64_OP_CSINC && in->rn == r && in->rm == r)
        return 1;
    if ((in->rn == r) == (in->rm == r))
        return 0;
    switch (in->op) {
    case A64_OP_ADD_SHIFT:
    case A64_OP_EOR_SHIFT:
    case A64_OP_ORR_SHIFT:
    case A64_OP_AND_SHIFT:
        return in->amount == 0 || in->rn == r; /* a shifted v: exec form */
    case A64_OP_SUB_SHIFT:
    case A64_OP_ADD_EXT:
    case A64_OP_SUB_EXT:
        return in->rn == r;
    case A64_OP_CSEL: {
        if (!is_ordered_cond(in->cond))
            return 0;
        for (uint32_t k = i; k-- > 0;) {
            const struct a64_insn *c = &l->ins[k];
            if (!(c->flags & A64_P_SETS_FLAGS))
                continue;
            /* cmp over the same two registers, either way round, at the same width */
            if (c->op != A64_OP_SUBS_SHIFT || c->amount || c->rd != A64_REG_SINK || c->sf != in->sf)
                return 0;
            if (!((c->rn == in->rn && c->rm == in->rm) || (c->rn == in->rm && c->rm == in->rn)))
                return 0;
            if (flag_readers(l, k) != 1ull << i) /* the fold takes the compare for itself */
                return 0;
            *cmp = (uint8_t)k;
            return 1;
        }
        return 0;
    }
    default:
        return 0;
    }
}

/* Does V register r, written by the instructions a->upd[] (program order) and nothing else, fold in
 * order? Each update an FP/SIMD operation that writes V[rd] = r alone and reads no X register
 * (fadd d0, d0, d1; fmla; fmaxnm; clang's interleaved sums, several fadds into one register); a
 * single update may read flags from an FP compare of its own just before (fcmp + fcsel: an FP min
 * or max). The V registers they read besides r become a->vslot[], captured at each update. */
static int vfold_at(const struct emu_loop *l, unsigned r, struct emu_loop_acc *a)
{
    const uint32_t no = A64_P_LOAD | A64_P_STORE | A64_P_SYS | A64_P_V_WA | A64_P_W_RD | A64_P_R_RN | A64_P_R_RM |
                        A64_P_R_RA | A64_P_R_RD | A64_P_SETS_FLAGS;
    uint32_t reads = 0;
    for (uint32_t u = 0; u < a->nupd; u++) {
        const struct a64_insn *in = &l->ins[a->upd[u]];
        uint32_t rd, wr;
        insn_vregs(in, &rd, &wr);
        if (!(in->flags & A64_P_SIMD) || (in->flags & no) || wr != 1u << r || in->rd != r)
            return 0;
        if ((in->flags & A64_P_READS_FLAGS) && a->nupd > 1)
            return 0;
        reads |= rd;
    }
    const uint32_t i = a->upd[0];
    if (l->ins[i].flags & A64_P_READS_FLAGS) {
        int k = (int)i - 1;
        while (k >= 0 && !(l->ins[k].flags & A64_P_SETS_FLAGS))
            k--;
        if (k < 0)
            return 0;
        const struct a64_insn *c = &l->ins[k];
        uint32_t cr, cw;
        insn_vregs(c, &cr, &cw);
        if (!(c->flags & A64_P_SIMD) || cw || (c->flags & (no & ~A64_P_SETS_FLAGS)) ||
            (c->flags & A64_P_READS_FLAGS) || flag_readers(l, (uint32_t)k) != 1ull << i)
            return 0;
        /* the compare's operands are captured at the update: nothing in between may change them */
        for (uint32_t t = (uint32_t)k + 1; t < i; t++) {
            uint32_t tr, tw;
            insn_vregs(&l->ins[t], &tr, &tw);
            if (tw & cr)
                return 0;
        }
        reads |= cr;
        a->cmp = (uint8_t)k;
    }
    reads &= ~(1u << r);
    for (unsigned v = 0; v < 32; v++) {
        if (!(reads >> v & 1))
            continue;
        if (a->nvslot == EMU_LOOP_VSLOTS)
            return 0;
        a->vslot[a->nvslot++] = (uint8_t)v;
    }
    return 1;
}

static void reject(struct emu_loop *l, enum emu_loop_reason r, uint32_t insn)
{
    if (l->reason == EMU_LOOP_OK) {
        l->reason = r;
        l->bad_insn = insn < NONE ? (uint8_t)insn : NONE;
    }
}

/* Is carried V register r, whose only writer is instruction i, a vector induction: written by
 * `add r, r, s` or `sub r, r, s` (integer, either operand order for add) with s never written?
 * Then it is affine (vaff). */
static int vector_induction(struct emu_loop *l, unsigned r, uint32_t i, uint32_t written)
{
    const struct a64_insn *in = &l->ins[i];
    if ((in->op != A64_OP_ADD_V && in->op != A64_OP_SUB_V) || in->rd != r || (in->rn == r) == (in->rm == r))
        return 0;
    unsigned s = in->rn == r ? in->rm : in->rn;
    if ((written >> s & 1) || (in->op == A64_OP_SUB_V && in->rn != r))
        return 0;
    l->vrole[r] = EMU_LOOP_R_AFFINE;
    l->vaff[r] = (uint8_t)(i + 1);
    return 1;
}

/* The roles of the V registers: never written, invariant; written before read, a temporary;
 * carried, a vector induction (vector_induction), an accumulator folded in order (vfold_at) or a
 * rejection. */
static void find_vroles(struct emu_loop *l, uint32_t livein, uint32_t written)
{
    for (unsigned r = 0; r < 32; r++) {
        l->vrole[r] = !(written >> r & 1) ? EMU_LOOP_R_INV : !(livein >> r & 1) ? EMU_LOOP_R_TEMP : EMU_LOOP_R_ACC;
        if (l->vrole[r] != EMU_LOOP_R_ACC)
            continue;
        struct emu_loop_acc a;
        memset(&a, 0, sizeof a);
        a.reg = (uint8_t)r;
        a.cmp = NONE;
        a.v = 1;
        uint32_t writers = 0, last = 0;
        for (uint32_t i = 0; i + 1 < l->n; i++) {
            uint32_t vr, vw;
            insn_vregs(&l->ins[i], &vr, &vw);
            if (vw >> r & 1) {
                if (writers < EMU_LOOP_VUPD)
                    a.upd[writers] = (uint8_t)i;
                writers++;
                last = i;
            }
        }
        if (writers == 1 && vector_induction(l, r, last, written))
            continue;
        a.nupd = (uint8_t)(writers < EMU_LOOP_VUPD ? writers : EMU_LOOP_VUPD);
        a.insn = (uint8_t)last;
        if (writers > EMU_LOOP_VUPD || !vfold_at(l, r, &a)) {
            reject(l, EMU_LOOP_REG_CARRIED, last);
            continue;
        }
        for (uint32_t i = 0; i < l->n; i++) {
            uint32_t vr, vw;
            insn_vregs(&l->ins[i], &vr, &vw);
            if (!(vw >> r & 1) && i != a.cmp && (vr >> r & 1))
                reject(l, EMU_LOOP_ACC_READ, i);
        }
        if (l->nacc == EMU_LOOP_MAX_ACC || l->nvcap + a.nupd * a.nvslot > EMU_LOOP_VCAP) {
            reject(l, EMU_LOOP_TOO_MANY, last);
            continue;
        }
        a.vcap = (uint8_t)l->nvcap;
        l->nvcap += a.nupd * a.nvslot;
        l->acc[l->nacc++] = a;
    }
}

/* Passes 1 and 2: live-in and written registers, carried flags, roles; x: the head registers
 * when binding (emu_loop_bind), else NULL. */
static void find_roles(struct emu_loop *l, const uint64_t *x)
{
    uint8_t livein[A64_NUM_REGS] = {0}, written[A64_NUM_REGS] = {0};
    uint32_t vlivein = 0, vwritten = 0;
    int flags_set = 0;
    for (uint32_t i = 0; i < l->n; i++) {
        const struct a64_insn *in = &l->ins[i];
        if ((in->flags & A64_P_SIMD) && !simd_taken(in))
            reject(l, EMU_LOOP_FP_SIMD, i);
        uint32_t vr, vw;
        insn_vregs(in, &vr, &vw);
        vlivein |= vr & ~vwritten;
        vwritten |= vw;
        if (i + 1 < l->n && (in->flags & A64_P_SYS))
            reject(l, EMU_LOOP_SYSTEM, i);
        if (in->op == A64_OP_UNDEF || (i + 1 < l->n && (in->flags & A64_P_BRANCH)))
            reject(l, EMU_LOOP_UNSUPPORTED, i);
        if ((in->flags & A64_P_READS_FLAGS) && !flags_set)
            reject(l, i + 1 == l->n ? EMU_LOOP_EXIT_TEST : EMU_LOOP_FLAGS_CARRIED, i);
        if (in->flags & A64_P_SETS_FLAGS)
            flags_set = 1;
        struct loop_regs g;
        insn_regs(in, &g);
        for (unsigned k = 0; k < g.nr; k++)
            if (!written[g.r[k]])
                livein[g.r[k]] = 1;
        for (unsigned k = 0; k < g.nw; k++)
            written[g.w[k]] = 1;
    }
    uint64_t inv = 1ull << A64_REG_ZR;
    for (unsigned r = 0; r < A64_REG_ZR; r++)
        inv |= (uint64_t)!written[r] << r;
    for (unsigned r = 0; r < A64_REG_ZR; r++) {
        l->role[r] = EMU_LOOP_R_INV;
        if (!written[r])
            continue;
        if (!livein[r]) {
            l->role[r] = EMU_LOOP_R_TEMP;
            continue;
        }
        /* Carried: every writer an affine update of one width? */
        int all_affine = 1, width = -1;
        uint32_t writers = 0, last = 0;
        int64_t step = 0;
        uint64_t by_reg = 0;
        for (uint32_t i = 0; i + 1 < l->n; i++) {
            struct loop_regs g;
            insn_regs(&l->ins[i], &g);
            int writes = 0;
            for (unsigned k = 0; k < g.nw; k++)
                writes |= g.w[k] == r;
            if (!writes)
                continue;
            writers++;
            last = i;
            int ok, sf = 1;
            int64_t s = affine_update(&l->ins[i], r, inv, &ok, &sf);
            if (!ok || (width >= 0 && width != sf))
                all_affine = 0;
            if (ok == 2)
                by_reg |= 1ull << i;
            width = sf;
            step = (int64_t)((uint64_t)step + (uint64_t)s);
        }
        if (all_affine) {
            l->bind_insns |= by_reg;
            l->role[r] = EMU_LOOP_R_AFFINE;
            l->sf[r] = (uint8_t)width;
            l->step[r] = width ? step : (int64_t)(uint32_t)step;
            continue;
        }
        struct emu_loop_lin d;
        int dsf;
        if (emu_loop_val_carried(l, inv, r, &d, &dsf)) {
            /* moved through temporaries; a step with invariant registers in it is known only
             * with the head registers x (emu_loop_bind) */
            uint64_t s = d.c;
            for (unsigned t = 0; t < d.n; t++)
                s += x ? d.mul[t] * x[d.reg[t]] : 0;
            if (d.n && !x)
                l->bind_insns |= 1ull << last;
            l->role[r] = EMU_LOOP_R_AFFINE;
            l->sf[r] = (uint8_t)dsf;
            l->step[r] = dsf ? (int64_t)s : (int64_t)(uint32_t)s;
            continue;
        }
        uint8_t cmp;
        if (writers != 1 || !reduction_at(l, last, r, &cmp)) {
            reject(l, EMU_LOOP_REG_CARRIED, last);
            continue;
        }
        for (uint32_t i = 0; i < l->n; i++)
            if (i != last && i != cmp && reads(&l->ins[i], r))
                reject(l, EMU_LOOP_ACC_READ, i);
        if (l->nacc == EMU_LOOP_MAX_ACC) {
            reject(l, EMU_LOOP_TOO_MANY, last);
            continue;
        }
        l->role[r] = EMU_LOOP_R_ACC;
        l->acc[l->nacc++] = (struct emu_loop_acc){.reg = (uint8_t)r, .insn = (uint8_t)last, .cmp = cmp};
    }
    find_vroles(l, vlivein, vwritten);
}

/* Does a vary with the iteration? Its step says so, or a term of a carried affine register (whose
 * step is not known before emu_loop_bind when it steps by a register, or is 0: the trip count
 * then says the loop never exits, or at once). */
static int lin_varies(const struct emu_loop *l, const struct emu_loop_lin *a)
{
    if (a->k)
        return 1;
    for (unsigned t = 0; t < a->n; t++)
        if (l->role[a->reg[t]] == EMU_LOOP_R_AFFINE)
            return 1;
    return 0;
}

/* The exit test set by compare (or add/subtract) `in`, with register values v before it: one
 * operand must vary with the iteration, the other not, both affine at the compare's width (at 32
 * bits the low halves, exact whatever the values; at 64 bits without an extended part). */
static void exit_setter(struct emu_loop *l, const struct a64_insn *in, const struct emu_loop_val *v)
{
    struct emu_loop_exit *e = &l->exit;
    memset(e, 0, sizeof *e);
    e->kind = NONE;
    int add = in->op == A64_OP_ADDS_IMM || in->op == A64_OP_ADDS_SHIFT || in->op == A64_OP_ADDS_EXT;
    int sub = in->op == A64_OP_SUBS_IMM || in->op == A64_OP_SUBS_SHIFT || in->op == A64_OP_SUBS_EXT;
    if (!add && !sub)
        return;
    struct emu_loop_val b = emu_loop_val_op2(in, v);
    struct emu_loop_lin A, B;
    if (in->sf ? !emu_loop_val_lin(&v[in->rn], &A) || !emu_loop_val_lin(&b, &B)
               : !emu_loop_val_low32(&v[in->rn], &A) || !emu_loop_val_low32(&b, &B))
        return;
    int av = lin_varies(l, &A), bv = lin_varies(l, &B); /* 32 bits: steps already modulo 2^32 */
    if (av == bv)
        return;
    e->kind = add ? EMU_LOOP_EXIT_ADDS : EMU_LOOP_EXIT_SUBS; /* ADDS flags are symmetric */
    e->sf = in->sf;
    e->swap = (uint8_t)(sub && bv);
    e->v = av ? A : B;
    e->c = av ? B : A;
}

/* Pass 3: the walk over the body with every register's value (emu_loop_val.c): the memory
 * accesses, the exit test's flag setter, and a CBZ/CBNZ's register at the branch. */
static void walk(struct emu_loop *l)
{
    struct emu_loop_val v[A64_NUM_REGS];
    emu_loop_vals_head(l, v);
    for (uint32_t i = 0; i + 1 < l->n; i++) {
        const struct a64_insn *in = &l->ins[i];
        if ((in->flags & (A64_P_LOAD | A64_P_STORE)) && in->op != A64_OP_PRFM) {
            struct emu_loop_mem m;
            if (!emu_loop_mem_at(l, v, i, &m))
                reject(l, EMU_LOOP_ADDRESS, i);
            else if (l->nmem == EMU_LOOP_MAX_MEM)
                reject(l, EMU_LOOP_TOO_MANY, i);
            else
                l->mem[l->nmem++] = m;
        }
        if (in->flags & A64_P_SETS_FLAGS) /* the last one before the branch wins */
            exit_setter(l, in, v);
        emu_loop_vals_step(l, i, v);
    }
    const struct a64_insn *br = &l->ins[l->n - 1];
    if (br->op == A64_OP_CBZ || br->op == A64_OP_CBNZ) {
        struct emu_loop_exit *e = &l->exit;
        memset(e, 0, sizeof *e);
        e->kind = NONE;
        int ok = br->sf ? emu_loop_val_lin(&v[br->rd], &e->v) : emu_loop_val_low32(&v[br->rd], &e->v);
        if (ok && lin_varies(l, &e->v)) {
            e->kind = br->op == A64_OP_CBZ ? EMU_LOOP_EXIT_CBZ : EMU_LOOP_EXIT_CBNZ;
            e->sf = br->sf;
        }
    }
}

/* Pass 4: do two accesses whose addresses differ by a constant touch the same bytes in
 * different iterations (within 64 of each other)? EMU_LOOP_M_NEG when a's iteration is the earlier
 * one, EMU_LOOP_M_POS when it is the later one. Accesses that do not move together are left to
 * the run-time check, which also decides those that do exactly over the iterations to run. */
static unsigned streams_collide(const struct emu_loop_mem *a, const struct emu_loop_mem *b)
{
    int64_t d;
    if (!emu_loop_val_distance(&a->addr, &b->addr, &d))
        return 0;
    int64_t S = emu_loop_val_stride(&a->addr);
    if (S == 0) /* the same bytes every iteration: any overlap is carried */
        return d < a->bytes && d > -(int64_t)b->bytes ? EMU_LOOP_M_NEG | EMU_LOOP_M_POS : 0;
    /* magnitudes as unsigned: S or d may be INT64_MIN */
    uint64_t s_mag = S < 0 ? -(uint64_t)S : (uint64_t)S, d_mag = d < 0 ? -(uint64_t)d : (uint64_t)d;
    if (s_mag > (uint64_t)INT64_MAX / 128 || d_mag > 64 * s_mag)
        return 0;
    unsigned mask = 0;
    for (int64_t m = -64; m <= 64; m++) { /* b in iteration j + m, a in iteration j */
        int64_t lo = d + m * S; /* |d| and |m * S| are at most INT64_MAX / 2 */
        if (m && lo < a->bytes && lo > -(int64_t)b->bytes)
            mask |= m > 0 ? EMU_LOOP_M_NEG : EMU_LOOP_M_POS;
    }
    return mask;
}

/* A dependence at a short constant distance is refused here, unless it is an anti-dependence the
 * executors keep by running in order of instructions (emu_loop_collisions_allowed). */
static void check_streams(struct emu_loop *l)
{
    for (uint32_t x = 0; x < l->nmem; x++)
        for (uint32_t y = x; y < l->nmem; y++)
            if ((l->mem[x].store || l->mem[y].store) &&
                !emu_loop_collisions_allowed(l, x, y, streams_collide(&l->mem[x], &l->mem[y])))
                reject(l, EMU_LOOP_MEM_CARRIED, l->mem[y].insn);
}

/* Pass 5: the closing branch. */
static void check_exit(struct emu_loop *l)
{
    const struct a64_insn *br = &l->ins[l->n - 1];
    struct emu_loop_exit *e = &l->exit;
    if (br->op == A64_OP_CBZ || br->op == A64_OP_CBNZ) {
        if (e->kind == NONE) {
            reject(l, EMU_LOOP_EXIT_TEST, l->n - 1);
            return;
        }
        for (uint32_t i = 0; i + 1 < l->n; i++)
            if (l->ins[i].flags & A64_P_SETS_FLAGS) /* the vector path could not say what NZCV holds */
                reject(l, EMU_LOOP_FLAGS_LATE, i);
        return;
    }
    if (br->op != A64_OP_B_COND || e->kind == NONE || !is_ordered_cond(br->cond)) {
        reject(l, EMU_LOOP_EXIT_TEST, l->n - 1);
        return;
    }
    e->cond = br->cond;
}

/* Pass 6, for the lane executors: which affine registers must be kept per iteration, and which
 * instructions then do nothing an iteration needs. Reads that do not need a row: the base and
 * index of an access (its address is in mem[]) unless the access also stores that register, an
 * affine update reading its own register, and any read by a flags-only instruction whose flags
 * only the closing branch reads (the flags of the iterations before the last are dead,
 * emu_loop_finish computes the exit test's; a compare-and-select fold reads its operands
 * itself). A compare whose flags a csel or ccmp reads (an if-converted body) runs. */
static void plan_lanes(struct emu_loop *l)
{
    const uint64_t inv = inv_mask(l);
    uint64_t folds = 0; /* compare-and-select folds: they read their compare's operands themselves */
    for (uint32_t a = 0; a < l->nacc; a++)
        if (l->acc[a].cmp != NONE)
            folds |= 1ull << l->acc[a].insn;
    for (uint32_t i = 0; i + 1 < l->n; i++) {
        const struct a64_insn *in = &l->ins[i];
        int mem = (in->flags & (A64_P_LOAD | A64_P_STORE)) != 0;
        struct loop_regs g;
        insn_regs(in, &g);
        int flags_read = (in->flags & A64_P_SETS_FLAGS) && (flag_readers(l, i) & ~folds);
        if (!mem && g.nw == 0 && !flags_read && !(in->flags & A64_P_SIMD))
            continue;
        for (unsigned k = 0; k < g.nr; k++) {
            unsigned r = g.r[k];
            int ok, sf;
            if (l->role[r] != EMU_LOOP_R_AFFINE)
                continue;
            int data = ((in->flags & A64_P_R_RD) && in->rd == r) || ((in->flags & A64_P_R_RA) && in->ra == r);
            int reg_off = in->op == A64_OP_LDR_REG || in->op == A64_OP_STR_REG || in->op == A64_OP_LDR_V_REG ||
                          in->op == A64_OP_STR_V_REG;
            if (mem && !data && (r == in->rn || (reg_off && r == in->rm)))
                continue;
            if (!mem && in->rd == r && !flags_read && (affine_update(in, r, inv, &ok, &sf), ok))
                continue;
            l->lane_rows |= 1ull << r;
        }
    }
    for (uint32_t i = 0; i + 1 < l->n; i++) {
        const struct a64_insn *in = &l->ins[i];
        if (in->flags & (A64_P_LOAD | A64_P_STORE))
            continue;
        struct loop_regs g;
        insn_regs(in, &g);
        int ok, sf, dead = g.nw == 0;
        if (g.nw == 1 && l->role[g.w[0]] == EMU_LOOP_R_AFFINE && !(l->lane_rows >> g.w[0] & 1))
            dead = (affine_update(in, g.w[0], inv, &ok, &sf), ok);
        if ((in->flags & A64_P_SETS_FLAGS) && (flag_readers(l, i) & ~folds))
            dead = 0; /* an if-converted body reads these flags (csel) */
        if (in->flags & A64_P_SIMD)
            dead = 0; /* V results, and FPSR bits even from a compare whose flags are dead */
        if (dead)
            l->lane_skip |= 1ull << i;
    }
}

/* The passes over a decoded body in l->ins (pc and n set, everything else zero). */
static void analyse_decoded(struct emu_loop *l, const uint64_t *x)
{
    uint32_t n = l->n;
    l->bad_insn = NONE;
    l->exit.kind = NONE;
    l->reason = EMU_LOOP_OK;
    find_roles(l, x);
    if (l->reason != EMU_LOOP_OK)
        return;
    walk(l);
    if (l->reason != EMU_LOOP_OK)
        return;
    check_exit(l);
    if (!l->bind_insns) /* the strides are not known yet: emu_loop_bind checks the bound loop */
        check_streams(l);
    /* FP/SIMD instructions raise FPSR bits, which the lanes must OR in: such a loop is never
     * run in closed form */
    int simd = 0;
    for (uint32_t i = 0; i + 1 < n; i++)
        simd |= (l->ins[i].flags & A64_P_SIMD) != 0;
    if (l->nmem || l->nacc || simd)
        for (uint32_t i = 0; i + 1 < n; i++) {
            const struct a64_insn *in = &l->ins[i];
            int is_acc = 0;
            for (uint32_t k = 0; k < l->nacc; k++)
                is_acc |= l->acc[k].insn == i || l->acc[k].cmp == i;
            /* the lane executor runs what column lane of A64_OPS says (FP/SIMD: simd_taken);
             * affine loops need none of it, their temporaries are dead */
            if (!is_acc && !(in->flags & A64_P_SIMD) && emu_loop_op_lane(in->op) == A64_LANE_NO)
                reject(l, EMU_LOOP_UNSUPPORTED, i);
        }
    if (l->reason != EMU_LOOP_OK)
        return;
    for (uint32_t i = 0; i < n; i++) {
        struct loop_regs g;
        insn_regs(&l->ins[i], &g);
        for (unsigned k = 0; k < g.nr; k++)
            if (l->role[g.r[k]] == EMU_LOOP_R_INV)
                l->inv_read |= 1ull << g.r[k];
        uint32_t vr, vw;
        insn_vregs(&l->ins[i], &vr, &vw);
        for (unsigned r = 0; r < 32; r++)
            if ((vr >> r & 1) && l->vrole[r] == EMU_LOOP_R_INV)
                l->vinv_read |= 1u << r;
    }
    plan_lanes(l);
    l->cls = l->nacc ? EMU_LOOP_REDUCTION : (l->nmem || simd) ? EMU_LOOP_ELEMENTWISE : EMU_LOOP_AFFINE;
}

void emu_loop_analyse(const uint32_t *words, uint32_t n, uint64_t pc, struct emu_loop *l)
{
    memset(l, 0, sizeof *l);
    l->pc = pc;
    l->n = n;
    if (n < 1 || n > EMU_LOOP_MAX_BODY) {
        l->bad_insn = NONE;
        l->exit.kind = NONE;
        l->reason = EMU_LOOP_TOO_LONG;
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        a64_decode(words[i], &l->ins[i]);
    analyse_decoded(l, NULL);
}

int emu_loop_bind(const struct emu_loop *l, const uint64_t *x, struct emu_loop *out, enum emu_loop_reason *why)
{
    memset(out, 0, sizeof *out);
    out->pc = l->pc;
    out->n = l->n;
    memcpy(out->ins, l->ins, l->n * sizeof l->ins[0]);
    for (uint32_t i = 0; i < l->n; i++) {
        struct a64_insn *in = &out->ins[i];
        if (!(l->bind_insns >> i & 1) || in->rd != in->rn ||
            (in->op != A64_OP_ADD_SHIFT && in->op != A64_OP_ADDS_SHIFT && in->op != A64_OP_SUB_SHIFT &&
             in->op != A64_OP_SUBS_SHIFT))
            continue; /* a step moved through temporaries: the analysis takes it from x */
        /* `add r, r, m, <shift> #a` adds the same value in every iteration: that value, as an
         * immediate (ADD_IMM computes the same result and flags from it at either width) */
        uint64_t v = emu_alu_shift(x[in->rm], in->shift, in->amount, in->sf);
        switch (in->op) {
        case A64_OP_ADD_SHIFT: in->op = A64_OP_ADD_IMM; break;
        case A64_OP_ADDS_SHIFT: in->op = A64_OP_ADDS_IMM; break;
        case A64_OP_SUB_SHIFT: in->op = A64_OP_SUB_IMM; break;
        default: in->op = A64_OP_SUBS_IMM; break;
        }
        in->imm = (int64_t)v;
        in->rm = A64_REG_ZR;
        in->shift = in->amount = 0;
        in->flags = a64_op_props(in->op);
    }
    analyse_decoded(out, x);
    memcpy(out->bound_x, x, sizeof out->bound_x);
    out->bound = 1;
    *why = out->reason;
    return out->reason == EMU_LOOP_OK;
}

struct emu_loop_fold emu_loop_fold_of(const struct emu_loop *l, const struct emu_loop_acc *a)
{
    const struct a64_insn *in = &l->ins[a->insn];
    struct emu_loop_fold f = {.sf = in->sf};
    if (a->v) {
        f.kind = EMU_LOOP_FOLD_SEQ;
        return f;
    }
    /* anything but a plain `op acc, acc, v` (either order, no shift) folds what the update
     * computes with the accumulator at the identity */
    f.exec = in->op != A64_OP_CSEL && !((in->op == A64_OP_ADD_SHIFT || in->op == A64_OP_EOR_SHIFT ||
                                        in->op == A64_OP_ORR_SHIFT || in->op == A64_OP_AND_SHIFT) &&
                                       in->amount == 0);
    switch (in->op) {
    case A64_OP_MADD: f.kind = in->ra == A64_REG_ZR ? EMU_LOOP_FOLD_MUL : EMU_LOOP_FOLD_ADD; break;
    case A64_OP_UMADDL:
    case A64_OP_SMADDL:
        f.kind = EMU_LOOP_FOLD_ADD;
        f.sf = 1; /* a 64-bit sum of widened products */
        break;
    case A64_OP_MSUB:
    case A64_OP_CSINC:
    case A64_OP_SUB_SHIFT:
    case A64_OP_ADD_EXT:
    case A64_OP_SUB_EXT:
    case A64_OP_ADD_SHIFT: f.kind = EMU_LOOP_FOLD_ADD; break;
    case A64_OP_EOR_SHIFT: f.kind = EMU_LOOP_FOLD_EOR; break;
    case A64_OP_ORR_SHIFT: f.kind = EMU_LOOP_FOLD_ORR; break;
    case A64_OP_AND_SHIFT: f.kind = EMU_LOOP_FOLD_AND; break;
    default: /* CSEL after the compare at a->cmp, both over the accumulator and one other register */
        f.kind = EMU_LOOP_FOLD_CSEL;
        f.cond = in->cond;
        f.a_acc = l->ins[a->cmp].rn == a->reg;
        f.n_acc = in->rn == a->reg;
        break;
    }
    return f;
}
