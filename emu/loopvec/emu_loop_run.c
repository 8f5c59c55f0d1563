/* emu_loop_run.c: the vector path for classified loops, on guest state and memory in host RAM.
 *
 * Affine loops move their carried registers in closed form. Memory loops and reductions run as
 * a lane executor: EMU_LOOP_LANES iterations at a time, one instruction at a time over all lanes
 * (one row of lanes per register), so each instruction is a tight loop over an array that the host
 * compiler can vectorize, and the guest instruction dispatch is paid once per chunk instead of
 * once per iteration. This is the same shape as a device kernel with one work-item per iteration.
 * What each instruction computes is not written here: it is exec_value (emu/exec/exec_value.h),
 * the kernels' definition, instantiated per operation inside the loops (lane_value).
 *
 * Order of lanes: lanes are independent by the analysis and the run-time overlap check, but the
 * executor still goes through them in iteration order, and reductions fold in iteration order,
 * so even the min/max compare-and-select fold is the sequential one.
 *
 * Nothing is done unless every access of every iteration to run is proven in bounds with the
 * right permissions, no store reaches a page holding decoded code and no two iterations touch a
 * byte one of them stores (emu_loop_check.c): a loop that would fault midway runs sequentially
 * and faults at the same instruction with the same memory.
 */
#include <stdlib.h>
#include <string.h>

#include "a64_decode.h"
#include "cpu_fp_fast.h"
#include "emu_loop.h"
#include "exec_value.h"
#define SIMD_VF
#include "exec_simd.h"

#define LANES(...) do { for (uint32_t j = 0; j < cnt; j++) { __VA_ARGS__; } } while (0)
/* The same loop instantiated for each width, so emu_alu_w folds away inside. */
#define LANES_SF(...) do { \
        if (in->sf) { const int sf_ = 1; LANES(__VA_ARGS__); } \
        else { const int sf_ = 0; LANES(__VA_ARGS__); } \
    } while (0)

/* Loads and stores of one element type T (a fixed-size memcpy: one host load or store) at
 * a + j * S in lane j, the affine address of emu_loop_mem, the loaded T widened by exec_widen
 * with constant size, flags and width. Addresses were checked by check_memory. */
#define AT(j) (host + (a + (uint64_t)(j) * S))
#define LD_LOOP(T, SIZE, FL, SF) LANES(T t_; memcpy(&t_, AT(j), sizeof t_); D[j] = exec_widen(t_, SIZE, FL, SF))
#define ST_LOOP(T) LANES(T t_ = (T)D[j]; memcpy(AT(j), &t_, sizeof t_))
#define LDP_LOOP(T, SIZE, FL) LANES(T t_[2]; memcpy(t_, AT(j), sizeof t_); \
                                    D[j] = exec_widen(t_[0], SIZE, FL, 1); A[j] = exec_widen(t_[1], SIZE, FL, 1))
#define STP_LOOP(T) LANES(T t_[2] = {(T)D[j], (T)A[j]}; memcpy(AT(j), t_, sizeof t_))
#define SX A64_F_SIGNED

static void lane_load(const struct a64_insn *in, struct emu_loop_ws *ws, uint32_t cnt, const uint8_t *host,
                      uint64_t a, uint64_t S)
{
    uint64_t *D = ws->v[in->rd], *A = ws->v[in->ra];
    const unsigned size = in->size & 3;
    const int sgn = (in->flags & A64_F_SIGNED) != 0, sf = in->sf != 0;
    if (in->op == A64_OP_LDP) {
        if (sgn)
            LDP_LOOP(uint32_t, 2, SX);
        else if (size == 3)
            LDP_LOOP(uint64_t, 3, 0);
        else
            LDP_LOOP(uint32_t, 2, 0);
        return;
    }
    switch (size * 4 + sgn * 2 + sf) { /* the cases exec_widen tells apart */
    case 0: case 1: LD_LOOP(uint8_t, 0, 0, 1); break;
    case 2: LD_LOOP(uint8_t, 0, SX, 0); break;
    case 3: LD_LOOP(uint8_t, 0, SX, 1); break;
    case 4: case 5: LD_LOOP(uint16_t, 1, 0, 1); break;
    case 6: LD_LOOP(uint16_t, 1, SX, 0); break;
    case 7: LD_LOOP(uint16_t, 1, SX, 1); break;
    case 8: case 9: LD_LOOP(uint32_t, 2, 0, 1); break;
    case 10: case 11: LD_LOOP(uint32_t, 2, SX, 1); break;
    default: LD_LOOP(uint64_t, 3, 0, 1); break;
    }
}

static void lane_store(const struct a64_insn *in, struct emu_loop_ws *ws, uint32_t cnt, uint8_t *host,
                       uint64_t a, uint64_t S)
{
    const uint64_t *D = ws->v[in->rd], *A = ws->v[in->ra];
    if (in->op == A64_OP_STP) {
        if ((in->size & 3) == 3)
            STP_LOOP(uint64_t);
        else
            STP_LOOP(uint32_t);
        return;
    }
    switch (in->size & 3) {
    case 0: ST_LOOP(uint8_t); break;
    case 1: ST_LOOP(uint16_t); break;
    case 2: ST_LOOP(uint32_t); break;
    default: ST_LOOP(uint64_t); break;
    }
}

/* One operation of column lane LV over lanes 0..cnt-1: exec_value per lane, instantiated for each
 * such operation (rows of A64_OPS) and width, so that with op and sf constant only the operation's
 * own arithmetic is left in each loop (exec_value.h). The record is a local copy so that its fields
 * are plainly loop-invariant (a store to a row might otherwise alias them). A shift by 0 gets a
 * loop of its own where it folds away: `add x0, x1, x2` is common, and every shift type by 0 is
 * the identity. Flags go through the row nzcv: read by the operations that read them (csel,
 * ccmp), written by those that set them; a64_op_props(OP) is a constant in each instance, so
 * every other operation leaves the row alone. */
#define LANE_FLAGS_IN(OP) ((a64_op_props(OP) & A64_P_READS_FLAGS) ? F[j] : 0u)
#define LANE_FLAGS_OUT(OP) do { if (a64_op_props(OP) & A64_P_SETS_FLAGS) F[j] = f_; } while (0)
#define LANE_VALUE(OP, SF, C) LANES(uint32_t f_; struct exec_in v_ = {N[j], M[j], D[j], A[j], LANE_FLAGS_IN(OP), 0}; \
                                    D[j] = exec_value(OP, SF, &(C), pc, v_, &f_); LANE_FLAGS_OUT(OP))
#define LANE_SF(OP, C) do { if ((C).sf) LANE_VALUE(OP, 1, C); else LANE_VALUE(OP, 0, C); } while (0)
#define LANE_CASE_LV(OP) \
    case A64_OP_##OP: \
        if ((exec_alu_class(A64_OP_##OP) & A64_ALU_FORM) == A64_ALU_FORM_SHIFT && c.amount == 0) { \
            struct a64_insn z = c; \
            z.shift = z.amount = 0; \
            LANE_SF(A64_OP_##OP, z); \
        } else { \
            LANE_SF(A64_OP_##OP, c); \
        } \
        break;
#define LANE_CASE_LM(OP)
#define LANE_CASE_L0(OP)
#define LANE_CASE_NO(OP)
#define LANE_CASE(name, alu, lane, props, what) LANE_CASE_##lane(name)

static void lane_value(const struct a64_insn *in, uint64_t pc, struct emu_loop_ws *ws, uint32_t cnt)
{
    /* an operation that writes no register (ccmp) computes into the sink's row */
    uint64_t *D = ws->v[(in->flags & A64_P_W_RD) ? in->rd : A64_REG_SINK];
    const uint64_t *N = ws->v[in->rn], *M = ws->v[in->rm], *A = ws->v[in->ra];
    uint32_t *F = ws->nzcv;
    const struct a64_insn c = *in;
    switch (c.op) {
        A64_OPS(LANE_CASE)
    default: break;
    }
}

/* An FP/SIMD load or store over lanes 0..cnt-1, each on its lane's V registers (ws->vf) at the
 * affine address: D and S (the forms compiled scalar FP is made of) as one host access per lane;
 * every other form (Q, B, H, pairs) through the semantics' own simd_load and simd_store on the
 * len bytes the access covers. */
static void lane_simd_mem(const struct a64_insn *in, uint64_t pc, struct emu_loop_ws *ws, uint32_t cnt, uint8_t *host,
                          uint64_t a, uint64_t S)
{
    const unsigned rd = 2 * (in->rd & 31);
    const int load = (in->flags & A64_P_LOAD) != 0;
    const int plain = in->op == A64_OP_LDR_V_IMM || in->op == A64_OP_LDR_V_REG || in->op == A64_OP_STR_V_IMM ||
                      in->op == A64_OP_STR_V_REG;
    if (plain && in->size == 3) {
        if (load)
            LANES(uint64_t t_; memcpy(&t_, AT(j), 8); ws->vf[j][rd] = t_; ws->vf[j][rd + 1] = 0);
        else
            LANES(memcpy(AT(j), &ws->vf[j][rd], 8));
        return;
    }
    if (plain && in->size == 2) {
        if (load)
            LANES(uint32_t t_; memcpy(&t_, AT(j), 4); ws->vf[j][rd] = t_; ws->vf[j][rd + 1] = 0);
        else
            LANES(uint32_t t_ = (uint32_t)ws->vf[j][rd]; memcpy(AT(j), &t_, 4));
        return;
    }
    struct exec_in xv = {0, 0, 0, 0, 0, 0};
    uint64_t addr, wb;
    const uint32_t len = simd_mem_addr(in, pc, xv, &addr, &wb);
    LANES(struct simd_in s_; struct simd_out o_; uint64_t buf_[8] = {0}; simd_out_clear(&o_);
          simd_gather(in, ws->vf[j], &s_);
          if (load) { memcpy(buf_, AT(j), len); simd_load(in, &s_, buf_, &o_); simd_scatter(in, ws->vf[j], &o_); }
          else { simd_store(in, &s_, buf_); memcpy(AT(j), buf_, len); });
}

/* An FP/SIMD data-processing instruction over lanes 0..cnt-1: per lane, the CPU engine's host
 * arithmetic fast path where it applies (cpu_fp_fast_insn: exact, or it declines), else the
 * semantics (simd_value) on the lane's V registers, its X operands from the rows, its X result and
 * flags into the rows; FPSR bits ORed into ws->fpsr (their order does not matter). */
static void lane_simd_value(const struct a64_insn *in, struct emu_loop_ws *ws, uint32_t cnt)
{
    const uint64_t *N = ws->v[in->rn], *M = ws->v[in->rm];
    uint64_t *D = ws->v[(in->flags & A64_P_W_RD) ? in->rd : A64_REG_SINK];
    uint32_t *F = ws->nzcv, fpsr = 0;
    const uint32_t fpcr = ws->fpcr, p = in->flags;
    LANES(if (cpu_fp_fast_insn(in, ws->vf[j], fpcr, &fpsr, &F[j])) continue;
          struct exec_in xv_ = {(p & A64_P_R_RN) ? N[j] : 0, (p & A64_P_R_RM) ? M[j] : 0, 0, 0, F[j], 0};
          struct simd_in s_; struct simd_out o_; simd_out_clear(&o_); simd_gather(in, ws->vf[j], &s_);
          simd_value(in, xv_, &s_, fpcr, &o_); /* defined: the analysis probed the encoding */
          D[j] = o_.x; if (p & A64_P_SETS_FLAGS) F[j] = o_.nzcv; fpsr |= o_.fpsr;
          simd_scatter(in, ws->vf[j], &o_));
    ws->fpsr |= fpsr;
}

void emu_loop_lane_insn(const struct a64_insn *in, uint64_t pc, struct emu_loop_ws *ws, uint32_t cnt,
                        uint8_t *host, uint64_t a, uint64_t S)
{
    if (in->flags & A64_P_SIMD) {
        if (in->flags & (A64_P_LOAD | A64_P_STORE))
            lane_simd_mem(in, pc, ws, cnt, host, a, S);
        else
            lane_simd_value(in, ws, cnt);
        return;
    }
    switch (emu_loop_op_lane(in->op)) {
    case A64_LANE_LV: lane_value(in, pc, ws, cnt); break;
    case A64_LANE_LM:
        if (in->flags & A64_P_STORE)
            lane_store(in, ws, cnt, host, a, S);
        else
            lane_load(in, ws, cnt, host, a, S);
        break;
    default: break; /* L0: no effect */
    }
}

/* A compare-and-select fold as a min or max loop over lanes (emu_loop_fold_pick); T is the type
 * the width and signedness compare in, REL keeps the accumulator. */
#define PICK_LOOP(T, REL) do { T a_ = (T)acc; LANES(T v_ = (T)V[j]; a_ = a_ REL v_ ? a_ : v_); \
                               acc = (uint64_t)a_; } while (0)

static uint64_t lane_pick(unsigned pick, int sf, uint64_t acc, const uint64_t *V, uint32_t cnt)
{
    switch (pick * 2 + (sf != 0)) {
    case EMU_LOOP_PICK_UMIN * 2: PICK_LOOP(uint32_t, <); break;
    case EMU_LOOP_PICK_UMIN * 2 + 1: PICK_LOOP(uint64_t, <); break;
    case EMU_LOOP_PICK_UMAX * 2: PICK_LOOP(uint32_t, >); break;
    case EMU_LOOP_PICK_UMAX * 2 + 1: PICK_LOOP(uint64_t, >); break;
    case EMU_LOOP_PICK_SMIN * 2: PICK_LOOP(int32_t, <); break;
    case EMU_LOOP_PICK_SMIN * 2 + 1: PICK_LOOP(int64_t, <); break;
    case EMU_LOOP_PICK_SMAX * 2: PICK_LOOP(int32_t, >); break;
    case EMU_LOOP_PICK_SMAX * 2 + 1: PICK_LOOP(int64_t, >); break;
    case EMU_LOOP_PICK_LAST * 2:
    case EMU_LOOP_PICK_LAST * 2 + 1: acc = V[cnt - 1]; break;
    default: break; /* KEEP */
    }
    return emu_alu_w(acc, sf);
}

/* Fold one reduction (fold f, operand row V) over lanes 0..cnt-1 into *acc, in iteration order.
 * Additions and the bitwise folds truncate once at the end: the low bits of a sum do not depend on
 * the high ones. */
static void lane_fold(struct emu_loop_fold f, const uint64_t *V, uint32_t cnt, uint64_t *accp)
{
    uint64_t acc = *accp;
    switch (f.kind) {
    case EMU_LOOP_FOLD_ADD: LANES(acc += V[j]); break;
    case EMU_LOOP_FOLD_EOR: LANES(acc ^= V[j]); break;
    case EMU_LOOP_FOLD_ORR: LANES(acc |= V[j]); break;
    case EMU_LOOP_FOLD_AND: LANES(acc &= V[j]); break;
    case EMU_LOOP_FOLD_MUL: LANES(acc *= V[j]); break;
    default: acc = lane_pick(emu_loop_fold_pick(f), f.sf, acc, V, cnt); break;
    }
    *accp = emu_alu_w(acc, f.sf);
}

/* Lanes 0..cnt-1 of chunk `first`: the rows of the affine registers read as values (lane_rows)
 * at the head of each iteration; with `invariants`, the invariants read (X and V, from the head
 * registers x and vx) and the zero register. */
static void lane_fill(const struct emu_loop *l, const uint64_t *x, const uint64_t *vx, struct emu_loop_ws *ws,
                      uint64_t first, uint32_t cnt, int invariants)
{
    for (unsigned r = 0; r < A64_REG_ZR; r++) {
        uint64_t *V = ws->v[r];
        if (l->lane_rows >> r & 1) {
            uint64_t s = (uint64_t)l->step[r], v = x[r] + first * s;
            if (l->sf[r])
                LANES(V[j] = v + j * s);
            else
                LANES(V[j] = (uint32_t)(v + j * s));
        } else if (invariants && l->role[r] == EMU_LOOP_R_INV && (l->inv_read >> r & 1)) {
            uint64_t v = x[r];
            LANES(V[j] = v);
        }
    }
    for (unsigned r = 0; r < 32; r++)
        if (l->vrole[r] == EMU_LOOP_R_AFFINE)
            LANES(emu_loop_vaffine_at(l, r, vx, first + j, &ws->vf[j][2 * r]));
    if (invariants) {
        memset(ws->v[A64_REG_ZR], 0, cnt * sizeof(uint64_t));
        for (unsigned r = 0; r < 32; r++)
            if (l->vinv_read >> r & 1)
                LANES(ws->vf[j][2 * r] = vx[2 * r]; ws->vf[j][2 * r + 1] = vx[2 * r + 1]);
    }
}

/* One FP/SIMD instruction of a fold on the register file vf, its flags from *nzcv and into it. */
static void vfold_insn(const struct a64_insn *in, uint64_t *vf, uint32_t fpcr, uint32_t *nzcv, uint32_t *fpsr)
{
    if (cpu_fp_fast_insn(in, vf, fpcr, fpsr, nzcv))
        return;
    struct exec_in xv = {0, 0, 0, 0, *nzcv, 0};
    struct simd_in s;
    struct simd_out o;
    simd_out_clear(&o);
    simd_gather(in, vf, &s);
    simd_value(in, xv, &s, fpcr, &o);
    if (in->flags & A64_P_SETS_FLAGS)
        *nzcv = o.nzcv;
    *fpsr |= o.fpsr;
    simd_scatter(in, vf, &o);
}

void emu_loop_vfold_iter(const struct emu_loop *l, const struct emu_loop_acc *a, const uint64_t *cap, uint64_t *vf,
                         uint32_t fpcr, uint32_t *fpsr)
{
    for (uint32_t u = 0; u < a->nupd; u++) {
        const uint64_t *c = cap + 2 * (a->vcap + u * a->nvslot);
        for (uint32_t s = 0; s < a->nvslot; s++) {
            vf[2 * a->vslot[s]] = c[2 * s];
            vf[2 * a->vslot[s] + 1] = c[2 * s + 1];
        }
        uint32_t nzcv = 0;
        if (a->cmp != 0xff)
            vfold_insn(&l->ins[a->cmp], vf, fpcr, &nzcv, fpsr);
        vfold_insn(&l->ins[a->upd[u]], vf, fpcr, &nzcv, fpsr);
    }
}

/* Update u of V accumulator a over lanes 0..cnt-1: capture the values its fold reads, as each
 * lane has them now; after the last update, fold the lanes' records in iteration order. */
static void lane_vupdate(const struct emu_loop *l, const struct emu_loop_acc *a, uint32_t u, struct emu_loop_ws *ws,
                         uint32_t cnt, uint64_t *acc)
{
    const uint32_t at = 2 * (a->vcap + u * a->nvslot);
    for (uint32_t s = 0; s < a->nvslot; s++) {
        const unsigned r = 2u * a->vslot[s];
        LANES(ws->vcap[j][at + 2 * s] = ws->vf[j][r]; ws->vcap[j][at + 2 * s + 1] = ws->vf[j][r + 1]);
    }
    if (u + 1 < a->nupd)
        return;
    uint64_t vf[64];
    uint32_t fpsr = 0;
    vf[2 * a->reg] = acc[0];
    vf[2 * a->reg + 1] = acc[1];
    LANES(emu_loop_vfold_iter(l, a, ws->vcap[j], vf, ws->fpcr, &fpsr));
    acc[0] = vf[2 * a->reg];
    acc[1] = vf[2 * a->reg + 1];
    ws->fpsr |= fpsr;
}

void emu_loop_vaffine_at(const struct emu_loop *l, unsigned r, const uint64_t *v, uint64_t j, uint64_t *vr)
{
    const struct a64_insn *in = &l->ins[l->vaff[r] - 1];
    const unsigned s = in->rn == r ? in->rm : in->rn;
    emu_loop_vaffine(in->size, in->sf, in->op == A64_OP_SUB_V, v[2 * r], v[2 * r + 1], v[2 * s], v[2 * s + 1], j,
                     &vr[0], &vr[1]);
}

void emu_loop_finish(const struct emu_loop *l, struct emu_state *st, uint64_t k)
{
    uint64_t *x = st->x;
    for (unsigned r = 0; r < 32; r++)
        if (l->vrole[r] == EMU_LOOP_R_AFFINE)
            emu_loop_vaffine_at(l, r, st->v, k, &st->v[2 * r]);
    if (l->exit.kind == EMU_LOOP_EXIT_SUBS || l->exit.kind == EMU_LOOP_EXIT_ADDS)
        st->nzcv = emu_loop_exit_flags(l, x, k - 1);
    for (unsigned r = 0; r < A64_REG_ZR; r++)
        if (l->role[r] == EMU_LOOP_R_AFFINE)
            x[r] = emu_alu_w(x[r] + k * (uint64_t)l->step[r], l->sf[r]);
}

/* What the lane executor does with one body instruction, decided once per run. */
enum { STEP_RUN, STEP_FOLD, STEP_VUPDATE }; /* emu_loop_lane_insn; lane_fold; lane_vupdate */

struct lane_step {
    const struct a64_insn *in;
    uint8_t kind;     /* STEP_* */
    uint8_t acc;      /* STEP_FOLD: the accumulator, its fold and the row of its other operand */
    uint8_t vrow;
    uint8_t upd;      /* STEP_VUPDATE: which update of the V accumulator acc */
    struct emu_loop_fold f;
    uint8_t wb;       /* loads and stores: write the base back into its row (a temporary's, or
                         an affine register's in lane_rows) */
    uint64_t pc;      /* the instruction's address */
    uint64_t a, S;    /* loads and stores: address in iteration 0 and per iteration */
};

/* The steps of one run from the head registers x: the body less lane_skip and the compares of
 * compare-and-select folds. Returns their number. */
static uint32_t lane_steps(const struct emu_loop *l, const uint64_t *x, struct lane_step *st)
{
    uint32_t ns = 0;
    for (uint32_t i = 0; i + 1 < l->n; i++) {
        if (l->lane_skip >> i & 1)
            continue;
        struct lane_step s = {.in = &l->ins[i], .kind = STEP_RUN, .pc = l->pc + 4ull * i};
        int cmp = 0;
        for (uint32_t a = 0; a < l->nacc; a++) {
            cmp |= l->acc[a].cmp == i;
            for (uint32_t u = 0; l->acc[a].v && u < l->acc[a].nupd; u++)
                if (l->acc[a].upd[u] == i) {
                    s.kind = STEP_VUPDATE;
                    s.acc = (uint8_t)a;
                    s.upd = (uint8_t)u;
                }
            if (!l->acc[a].v && l->acc[a].insn == i) {
                s.kind = STEP_FOLD;
                s.acc = (uint8_t)a;
                s.f = emu_loop_fold_of(l, &l->acc[a]);
                s.vrow = emu_loop_acc_value(l, &l->acc[a]);
            }
        }
        for (uint32_t m = 0; m < l->nmem; m++) {
            const struct emu_loop_mem *e = &l->mem[m];
            if (e->insn != i)
                continue;
            s.a = emu_loop_val_at0(&e->addr, x);
            s.S = (uint64_t)emu_loop_val_stride(&e->addr);
            /* the base's row is kept for a temporary, and for an affine register in lane_rows */
            unsigned rn = s.in->rn;
            s.wb = (s.in->flags & (A64_F_WB_PRE | A64_F_WB_POST)) &&
                   (l->role[rn] != EMU_LOOP_R_AFFINE || (l->lane_rows >> rn & 1));
        }
        if (!cmp)
            st[ns++] = s;
    }
    return ns;
}

/* The lane executor: iterations 0..k-1 of a memory loop or reduction, in chunks of lanes; leaves
 * the accumulators folded and the temporaries as iteration k-1 left them (a fault in the next
 * iteration, run by the engine, must find them as sequential execution would). */
static void run_lanes(const struct emu_loop *l, struct emu_proc *p, uint64_t k, struct emu_loop_ws *ws)
{
    uint64_t *x = p->st.x, *vx = p->st.v;
    uint64_t acc[EMU_LOOP_MAX_ACC][2]; /* a V accumulator in both halves, an X one in [0] */
    struct lane_step steps[EMU_LOOP_MAX_BODY];
    uint32_t ns = lane_steps(l, x, steps);
    for (uint32_t a = 0; a < l->nacc; a++) {
        const unsigned r = l->acc[a].reg;
        acc[a][0] = l->acc[a].v ? vx[2 * r] : x[r];
        acc[a][1] = l->acc[a].v ? vx[2 * r + 1] : 0;
    }
    ws->fpcr = (uint32_t)p->st.fpcr;
    ws->fpsr = 0;
    for (uint64_t first = 0; first < k; first += EMU_LOOP_LANES) {
        uint32_t cnt = (uint32_t)(k - first < EMU_LOOP_LANES ? k - first : EMU_LOOP_LANES);
        lane_fill(l, x, vx, ws, first, cnt, first == 0);
        for (uint32_t i = 0; i < ns; i++) {
            const struct lane_step *s = &steps[i];
            const struct a64_insn *in = s->in;
            if (s->kind == STEP_VUPDATE) {
                lane_vupdate(l, &l->acc[s->acc], s->upd, ws, cnt, acc[s->acc]);
                continue;
            }
            if (s->kind == STEP_FOLD) {
                if (s->f.exec) { /* the update itself, from the identity, gives each lane's value */
                    uint64_t *V = ws->v[s->vrow];
                    const uint64_t id = emu_loop_fold_identity(s->f);
                    LANES(V[j] = id);
                    emu_loop_lane_insn(in, s->pc, ws, cnt, p->mem.host, 0, 0);
                }
                lane_fold(s->f, ws->v[s->vrow], cnt, &acc[s->acc][0]);
                continue;
            }
            emu_loop_lane_insn(in, s->pc, ws, cnt, p->mem.host, s->a + first * s->S, s->S);
            if (s->wb) {
                uint64_t *N = ws->v[in->rn];
                const uint64_t imm = (uint64_t)in->imm;
                LANES(N[j] += imm);
            }
        }
    }
    for (uint32_t a = 0; a < l->nacc; a++) {
        const unsigned r = l->acc[a].reg;
        if (l->acc[a].v) {
            vx[2 * r] = acc[a][0];
            vx[2 * r + 1] = acc[a][1];
        } else {
            x[r] = acc[a][0];
        }
    }
    uint32_t last = (uint32_t)((k - 1) % EMU_LOOP_LANES);
    for (unsigned r = 0; r < A64_REG_ZR; r++)
        if (l->role[r] == EMU_LOOP_R_TEMP)
            x[r] = ws->v[r][last];
    for (unsigned r = 0; r < 32; r++)
        if (l->vrole[r] == EMU_LOOP_R_TEMP) {
            vx[2 * r] = ws->vf[last][2 * r];
            vx[2 * r + 1] = ws->vf[last][2 * r + 1];
        }
    p->st.fpsr |= ws->fpsr;
}

int emu_loop_lanes_step(void *ws, const struct emu_loop *l, struct emu_proc *p, uint64_t k, int ordered)
{
    (void)ordered; /* run_lanes runs each instruction over a chunk's iterations in order */
    run_lanes(l, p, k, ws);
    return 0;
}

/* Is *b the binding of l for head registers x: the same body, bound for the same values of the
 * invariant registers the body reads (the only registers a binding depends on)? */
static int bound_for(const struct emu_loop *l, const struct emu_loop *b, const uint64_t *x)
{
    if (!b->bound || b->pc != l->pc || b->n != l->n)
        return 0;
    for (uint32_t i = 0; i < l->n; i++)
        if (b->ins[i].word != l->ins[i].word)
            return 0;
    for (unsigned r = 0; r < A64_REG_ZR; r++)
        if ((l->inv_read >> r & 1) && b->bound_x[r] != x[r])
            return 0;
    return 1;
}

int emu_loop_take(struct emu_loop_record *r, struct emu_proc *p, uint64_t remaining,
                  const uint8_t *code_pages, struct emu_loop *bound, emu_loop_step_fn *step, void *ctx,
                  uint64_t *iters)
{
    *iters = 0;
    const struct emu_loop *l = &r->info;
    uint32_t n = l->n;
    uint64_t max = emu_loop_max_iters(remaining, n), k = 0;
    if (l->cls == EMU_LOOP_NONE || max < EMU_LOOP_MIN_ITERS)
        return 0; /* no attempt: nothing to count */
    enum emu_loop_reason why = EMU_LOOP_OK;
    int ordered = 0;
    /* A loop stepping by a register gets those steps as immediates for this entry (emu_loop_bind);
     * the binding of the previous entry serves again while the invariants are the same (a matrix
     * row's inner loop, entered once per row) */
    int bound_ok = 0;
    if (l->bind_insns && bound_for(l, bound, p->st.x)) {
        why = bound->reason;
        bound_ok = why == EMU_LOOP_OK;
    } else if (l->bind_insns) {
        bound_ok = emu_loop_bind(l, p->st.x, bound, &why);
    }
    if (!l->bind_insns || bound_ok) {
        l = l->bind_insns ? bound : l;
        k = emu_loop_plan(l, &p->st, &p->mem, code_pages, max, &why, &ordered);
    }
    if (k) {
        if (l->cls != EMU_LOOP_AFFINE && step(ctx, l, p, k, ordered))
            return -1;
        emu_loop_finish(l, &p->st, k);
    }
    emu_loop_record_run(r, &p->stats, k, n, why);
    *iters = k;
    return 0;
}

void emu_loop_record_analyse(struct emu_loop_record *r, struct emu_mem *mem, uint64_t pc, uint32_t n)
{
    uint32_t words[EMU_LOOP_MAX_BODY];
    if (n <= EMU_LOOP_MAX_BODY && emu_mem_peek(mem, pc, words, 4ull * n) == 0)
        emu_loop_analyse(words, n, pc, &r->info);
    else
        emu_loop_analyse(words, EMU_LOOP_MAX_BODY + 1, pc, &r->info); /* too long */
    r->analysed = 1;
}

void emu_loop_record_run(struct emu_loop_record *r, struct emu_stats *s, uint64_t k, uint32_t n,
                         enum emu_loop_reason why)
{
    if (!k) {
        r->rt_rejects[why]++;
        return;
    }
    r->vec_runs++;
    r->vec_iters += k;
    s->loops_vectorized++;
    s->loop_iterations += k;
    s->loop_instructions += k * n;
}

struct emu_loop_record *emu_loop_table_find(const struct emu_loop_table *t, uint64_t pc, int multi)
{
    for (uint64_t i = 0; i < t->n; i++)
        if (t->v[i]->info.pc == pc && t->v[i]->multi == multi)
            return t->v[i];
    return NULL;
}

struct emu_loop_record *emu_loop_table_get(struct emu_loop_table *t, uint64_t pc, int multi)
{
    struct emu_loop_record *r = emu_loop_table_find(t, pc, multi);
    if (r)
        return r;
    if (t->n == t->cap) {
        uint64_t cap = t->cap ? t->cap * 2 : 16;
        struct emu_loop_record **v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return NULL;
        t->v = v;
        t->cap = cap;
    }
    if (!(r = calloc(1, sizeof *r)))
        return NULL;
    r->info.pc = pc;
    r->trip_min = UINT64_MAX;
    r->multi = multi;
    t->v[t->n++] = r;
    return r;
}

void emu_loop_table_free(struct emu_loop_table *t)
{
    for (uint64_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    memset(t, 0, sizeof *t);
}
