/* emu_loop.h: loop vectorization (docs/design.md, Loop vectorization), the engine-agnostic half.
 *
 * A candidate loop is one basic block closed by a conditional branch (B.cond, CBZ/CBNZ, TBZ/TBNZ)
 * back to its own first instruction. emu_loop_analyse classifies its body once, from the raw
 * instruction words, into
 *   (a) EMU_LOOP_AFFINE:      no memory access; every register carried from one iteration to the
 *                             next changes by a constant step: run in closed form;
 *   (b) EMU_LOOP_ELEMENTWISE: loads and stores at addresses that are affine functions of the
 *                             iteration (emu_loop_val.c), iterations independent (a dependence at
 *                             a short constant distance refused statically, everything else
 *                             decided on the addresses at run time): run all iterations at once;
 *   (c) EMU_LOOP_REDUCTION:   as (b), plus accumulators updated by add, sub, eor, orr, and, mul,
 *                             madd, cinc or a compare-and-select min/max: a parallel reduction;
 *                             or V registers updated by one FP/SIMD instruction (an FP sum, fmla,
 *                             fcmp + fcsel): folded in iteration order, never reassociated;
 * or rejects it with a reason. Every class needs a trip count computable at the loop head from
 * an affine register, its step and an invariant (EMU_LOOP_REASONS).
 *
 * Exactness comes from one rule: the vector path only ever runs iterations after which the loop
 * branches back, never the last one. The engine runs the final iteration itself, so temporaries,
 * the flags, the exit pc and a fault in that iteration come out as in sequential execution; the
 * vector path only has to leave the carried registers (affine ones and accumulators) and memory
 * as they are at the head of an iteration.
 */
#ifndef EMU_LOOP_H
#define EMU_LOOP_H

#include <stdint.h>

#include "emu_loop_fold.h"
#include "emu_proc.h"

#define EMU_LOOP_MAX_BODY 48  /* instructions analysed at most, closing branch included */
#define EMU_LOOP_MAX_MEM 16   /* memory accesses in a body at most */
#define EMU_LOOP_MAX_ACC 8    /* accumulators at most */
#define EMU_LOOP_MIN_ITERS 4  /* fewer remaining iterations than this: not worth the checks */
#define EMU_LOOP_LANES 256    /* iterations per chunk of the lane executor */

enum emu_loop_class { EMU_LOOP_NONE, EMU_LOOP_AFFINE, EMU_LOOP_ELEMENTWISE, EMU_LOOP_REDUCTION };

/* X(name, why): the verdict of the analysis (static) or of one attempt at the head (run time). */
#define EMU_LOOP_REASONS(X) \
    X(OK,            "vectorizable") \
    X(TOO_LONG,      "body longer than the analyser takes") \
    X(EXIT_TEST,     "trip count not computable: the exit test does not compare an affine value of the iteration with an invariant") \
    X(SYSTEM,        "system instruction, exclusive access or svc inside") \
    X(UNSUPPORTED,   "unsupported instruction in a memory loop") \
    X(FLAGS_CARRIED, "flags carried from one iteration to the next") \
    X(FLAGS_LATE,    "flags set by an instruction other than the exit test (CBZ/CBNZ loop)") \
    X(REG_CARRIED,   "register carried by a non-affine, non-reduction update") \
    X(ACC_READ,      "accumulator read by another instruction") \
    X(ADDRESS,       "memory address not an affine function of the iteration") \
    X(MEM_CARRIED,   "carried dependency through memory") \
    X(TOO_MANY,      "more memory accesses or accumulators than the analyser takes") \
    X(CALL_INSIDE,   "call inside") \
    X(SEVERAL_BLOCKS, "body spans several basic blocks") \
    X(RT_ALIAS,      "run time: a byte stored in one iteration is accessed in another (aliasing or a dependence within the trip)") \
    X(RT_RANGE,      "run time: an access range is not mapped with the right permissions") \
    X(RT_CODE,       "run time: a store into a page holding decoded code") \
    X(RT_TRIP,       "run time: trip count not solvable (the exit value wraps)") \
    X(RT_SHORT,      "run time: too few iterations left to be worth it") \
    X(RT_INDEX,      "run time: a 32-bit index wraps within the trip, or a 32-bit register is not zero-extended") \
    X(RT_BIND,       "run time: steps by a register, and the loop was not bound to the head state") \
    X(FP_SIMD,       "FP/SIMD instruction the lane executors do not take (structure loads and stores, or a reserved encoding)")

enum emu_loop_reason {
#define EMU_LOOP_REASON_ENUM(name, why) EMU_LOOP_##name,
    EMU_LOOP_REASONS(EMU_LOOP_REASON_ENUM)
#undef EMU_LOOP_REASON_ENUM
    EMU_LOOP_REASON_COUNT
};

/* Role of a register slot in the body. */
enum emu_loop_role {
    EMU_LOOP_R_INV,    /* never written: invariant */
    EMU_LOOP_R_TEMP,   /* written before it is read in every iteration: dead at the head */
    EMU_LOOP_R_AFFINE, /* carried, changed only by adding constants: step per iteration */
    EMU_LOOP_R_ACC     /* carried, changed only by its one reduction instruction */
};

/* An affine function of the iteration (emu_loop_val.c), modulo 2^64:
 *   lin(j) = c + j * k + sum over t < n of mul[t] * X[reg[t]]
 * with X[r] register r at the head of iteration 0 (the first one the vector path runs). */
#define EMU_LOOP_TERMS 3
struct emu_loop_lin {
    uint64_t c, k;
    uint64_t mul[EMU_LOOP_TERMS];         /* nonzero */
    uint8_t reg[EMU_LOOP_TERMS];          /* distinct, ascending */
    uint8_t n;
};

/* How a value extends a 32-bit part: not at all, or the low 32 bits zero- or sign-extended
 * (`[x1, w2, uxtw #2]`, a W register, an index computed by 32-bit operations). */
enum { EMU_LOOP_EXT_X, EMU_LOOP_EXT_UXTW, EMU_LOOP_EXT_SXTW };

/* What a register holds at one point of the body, in iteration j:
 *   v(j) = lin(j) + emul * ext(low 32 bits of inner(j))      (ext EMU_LOOP_EXT_X: lin(j) alone)
 * The extended part is affine in j only while low32(inner(j)) does not wrap over the iterations
 * run: emu_loop_val_fits checks that at run time for every value an address depends on. */
enum { EMU_LOOP_VAL_NONE, EMU_LOOP_VAL_LIN };
struct emu_loop_val {
    uint8_t kind;                         /* EMU_LOOP_VAL_NONE: not affine (a loaded value, say) */
    uint8_t ext;                          /* EMU_LOOP_EXT_* */
    uint64_t emul;
    struct emu_loop_lin lin, inner;
};

/* One memory access: its address, an affine value of the iteration. */
struct emu_loop_mem {
    uint8_t insn;              /* index in the body */
    uint8_t store;             /* 1: store, 0: load */
    uint8_t bytes;             /* bytes accessed per iteration (both elements for pairs) */
    struct emu_loop_val addr;  /* address, immediate offset folded in */
};

/* The exit test, evaluated on one varying value v(j) truncated to the width, against an
 * invariant c (c.k == 0; CBZ/CBNZ: 0). */
struct emu_loop_exit {
    uint8_t kind;              /* EMU_LOOP_EXIT_* */
    uint8_t cond;              /* enum a64_cond the loop continues on (B.cond) */
    uint8_t sf;                /* width of the compare */
    uint8_t swap;              /* 1: the compare is c - v instead of v - c */
    struct emu_loop_lin v, c;
};

enum { EMU_LOOP_EXIT_SUBS, EMU_LOOP_EXIT_ADDS, EMU_LOOP_EXIT_CBZ, EMU_LOOP_EXIT_CBNZ };

/* A reduction: acc = acc OP value, or a compare-and-select pair (cmp at insn-1 or earlier).
 *
 * A V register accumulator (v 1: an FP sum, a chain of them as clang interleaves an FP reduction,
 * an FP min or max by fcmp + fcsel) is folded in iteration order by its own instructions
 * (EMU_LOOP_FOLD_SEQ: FP arithmetic is not associative, so nothing is reassociated): the updates
 * upd[] in program order, the compare only for a single update. vslot[] are the other V registers
 * they read: each iteration captures their values at each update, as that update reads them, into
 * its capture record (values vcap + u * nvslot + s of the record, 128 bits each), and the fold runs
 * the updates on those values (emu_loop_vfold_iter). */
#define EMU_LOOP_VSLOTS 4    /* V registers a V accumulator's fold reads besides it, at most */
#define EMU_LOOP_VUPD 8      /* updates of one V accumulator, at most */
#define EMU_LOOP_VCAP 32     /* values an iteration captures for all V folds, at most */
struct emu_loop_acc {
    uint8_t reg;               /* X slot, or V register number when v */
    uint8_t insn;              /* the updating instruction (V: the last update) */
    uint8_t cmp;               /* compare-and-select: index of the compare; else 0xff */
    uint8_t v;                 /* 1: a V register, folded in order (EMU_LOOP_FOLD_SEQ) */
    uint8_t nvslot;
    uint8_t vslot[EMU_LOOP_VSLOTS];
    uint8_t nupd;
    uint8_t upd[EMU_LOOP_VUPD];
    uint8_t vcap;              /* where its values start in the capture record */
};

struct emu_loop {
    uint64_t pc;                          /* first instruction */
    uint32_t n;                           /* instructions, closing branch included */
    enum emu_loop_class cls;
    enum emu_loop_reason reason;          /* EMU_LOOP_OK iff cls != EMU_LOOP_NONE */
    uint8_t bad_insn;                     /* for a rejection: the instruction concerned, or 0xff */
    struct a64_insn ins[EMU_LOOP_MAX_BODY];
    uint8_t role[A64_NUM_REGS];           /* enum emu_loop_role */
    uint8_t vrole[32];                    /* V registers: EMU_LOOP_R_INV, _TEMP, _ACC or _AFFINE (a
                                             vector induction: its one writer, vaff[r] - 1, is
                                             `add v, v, s` or `sub v, v, s` with s invariant) */
    uint8_t vaff[32];
    uint32_t vinv_read;                   /* bit r: invariant V register r is read by the body */
    uint8_t sf[A64_NUM_REGS];             /* affine registers: width of their updates */
    int64_t step[A64_NUM_REGS];           /* affine registers: change per iteration */
    uint64_t inv_read;                    /* bit r: invariant register r is read by the body */
    struct emu_loop_exit exit;
    uint32_t nmem, nacc;
    uint32_t nvcap;                       /* values in an iteration's capture record (V folds) */
    struct emu_loop_mem mem[EMU_LOOP_MAX_MEM];
    struct emu_loop_acc acc[EMU_LOOP_MAX_ACC];
    /* For an executor that runs the body one instruction at a time over many iterations, the
     * work it may leave out: affine registers are known in closed form and memory addresses come
     * from mem[], so only the registers read as values need a per-iteration copy. */
    uint64_t lane_skip;                   /* bit i: instruction i can be left out (it only sets
                                             flags, or only updates an affine register outside
                                             lane_rows; a load or store is never left out) */
    uint64_t lane_rows;                   /* bit r: affine register r is read as a value (not as
                                             an address or by its own update): keep its row and
                                             its writebacks */
    uint64_t bound_x[A64_NUM_REGS];       /* emu_loop_bind's result: the head registers it was
                                             bound for (emu_loop_take reuses it while the
                                             invariants the body reads are the same) */
    uint8_t bound;                        /* 1: made by emu_loop_bind */
    uint64_t bind_insns;                  /* bit i: instruction i steps an affine register by an
                                             invariant register (`j += p`, or the last writer of
                                             one moved through temporaries): step[] lacks that
                                             part until emu_loop_bind */
};

/* Scratch for the lane executor: one row of lanes per register slot, and a V register file per
 * lane (as emu_state.v: the FP/SIMD semantics gather and scatter on it directly). */
struct emu_loop_ws {
    uint64_t v[A64_NUM_REGS][EMU_LOOP_LANES];
    uint32_t nzcv[EMU_LOOP_LANES];        /* the flags of each lane, for the instructions of the
                                             body that read them (csel, ccmp: if-converted code) */
    uint64_t vf[EMU_LOOP_LANES][64];      /* V registers of each lane */
    uint64_t vcap[EMU_LOOP_LANES][2 * EMU_LOOP_VCAP]; /* each lane's capture record (V folds) */
    uint32_t fpcr;                        /* FPCR for the run (the body cannot write it) */
    uint32_t fpsr;                        /* FPSR bits the lanes raised (ORed: order-free) */
    struct emu_loop bound;                /* emu_loop_take: the loop bound to this entry */
};

/* What `temu loops` reports per loop, kept by the engine across block drops.
 *
 * A single-block loop (multi 0) is the block at info.pc closed by a conditional branch back to
 * it; entries, trips and iterations are exact. A multi-block loop (multi 1, profiling only, never
 * vectorized) is closed by a taken backward branch (B, B.cond, CBZ/CBNZ, TBZ/TBNZ) at the end of
 * a block that starts after the target: the loop spans [info.pc, info.pc + 4 * info.n), from its
 * head to its last closing branch (several branches back to one head are one loop). Its counts
 * are those of its closing branches: iterations are the passes that reached one of them (taken
 * or not, as for a single-block loop); an entry ends when a closing branch falls through, its
 * trip being the passes since the previous one. A loop left elsewhere (a break, a return, or the
 * test at the head of a loop closed by B) has no entry counted for that exit, its last pass does
 * not reach a closing branch, so it is not counted as an iteration, and the passes of that entry
 * add to the trip of the next entry that ends at a closing branch. One counter serves all
 * activations, so a loop re-entered through recursion before it exits (a call inside) has exact
 * iterations and entries but trips split at the inner exits. */
struct emu_loop_record {
    struct emu_loop info;                 /* valid once analysed */
    int analysed;
    int multi;                            /* a loop over several blocks (see above) */
    uint64_t entries;                     /* times the loop was left through its exit */
    uint64_t iterations;                  /* iterations run (sequentially or vectorized) */
    uint64_t trip_min, trip_max;          /* trip counts of the entries seen */
    uint64_t trip_sum;                    /* their sum (for multi-block loops iterations also
                                             holds passes of entries left elsewhere) */
    uint64_t cur;                         /* iterations of the entry in progress */
    int vec_tried;                        /* the entry in progress has been to the vector path */
    uint64_t vec_runs, vec_iters;         /* vector-path runs and the iterations they covered */
    uint64_t rt_rejects[EMU_LOOP_REASON_COUNT]; /* attempts refused at run time, per reason */
};

/* An entry of the loop ended (its closing branch fell through): count it and its trip. */
static inline void emu_loop_record_exit(struct emu_loop_record *r)
{
    uint64_t trip = r->cur + 1;
    r->entries++;
    r->trip_sum += trip;
    r->trip_min = trip < r->trip_min ? trip : r->trip_min;
    r->trip_max = trip > r->trip_max ? trip : r->trip_max;
    r->cur = 0;
}

/* Every loop an engine has seen, by head pc: the records outlive the engine's decoded blocks. */
struct emu_loop_table {
    struct emu_loop_record **v;
    uint64_t n, cap;
};

/* The record of the loop at pc (multi: of the multi-block loop there), or NULL. */
struct emu_loop_record *emu_loop_table_find(const struct emu_loop_table *t, uint64_t pc, int multi);
/* The same, made on first sight (info.pc set, counters fresh); NULL when out of host memory. */
struct emu_loop_record *emu_loop_table_get(struct emu_loop_table *t, uint64_t pc, int multi);
void emu_loop_table_free(struct emu_loop_table *t);

const char *emu_loop_class_name(enum emu_loop_class c);   /* "affine", "elementwise", ... */
const char *emu_loop_reason_name(enum emu_loop_reason r); /* "MEM_CARRIED" as "mem_carried" */
const char *emu_loop_reason_text(enum emu_loop_reason r);

/* Classify the loop of n words at pc (the last one the branch back to pc). Fills *l entirely. */
void emu_loop_analyse(const uint32_t *words, uint32_t n, uint64_t pc, struct emu_loop *l);

/* A loop that steps an affine register by an invariant register (bind_insns) has strides known
 * only at the head. emu_loop_bind makes *out the loop for the head registers x: those steps become
 * immediates (out->ins[i] is then ADD_IMM and so on, its raw `word` unchanged; a step moved
 * through temporaries is taken from x by the analysis) and out is analysed again, so every field,
 * stream overlaps included, holds for this entry. 0 with *why = the static
 * reason when the bound loop is rejected (a stride that makes iterations overlap, say). The
 * vector path takes only bound loops: emu_loop_plan refuses one with bind_insns (RT_BIND). */
int emu_loop_bind(const struct emu_loop *l, const uint64_t *x, struct emu_loop *out,
                  enum emu_loop_reason *why);

/* Iterations K the loop will still branch back after, counted from the head state st: the loop
 * runs K + 1 more iterations. At most `cap` (also when the loop would never exit). Returns 0 with
 * *why = EMU_LOOP_RT_TRIP when K cannot be computed exactly. */
uint64_t emu_loop_trips(const struct emu_loop *l, const struct emu_state *st, uint64_t cap,
                        enum emu_loop_reason *why);

/* NZCV of the exit compare (kinds SUBS/ADDS) in iteration j, from the head state x. */
uint32_t emu_loop_exit_flags(const struct emu_loop *l, const uint64_t *x, uint64_t j);

/* Collisions of two accesses across iterations (emu_loop_check.c), from the first one's view:
 * its iteration earlier (NEG) or later (POS) than the other's. */
#define EMU_LOOP_M_NEG 1u
#define EMU_LOOP_M_POS 2u

/* The run-time half, at the head of an iteration with state st: the iterations K the vector path
 * may run (at most max_iters), once the trip count is solved and, for memory loops, every access of
 * those iterations is proven in bounds with the right permissions, no store reaches a page of
 * decoded code and no byte stored in one iteration is accessed in another, except by an
 * anti-dependence whose load comes first in the body: then *ordered is 1, and the iterations
 * must run in order of instructions (each instruction over iterations in ascending order before
 * the next instruction; runs of consecutive iterations one after the other). `code` is the engine's map of pages
 * holding decoded code, one byte per page; NULL: the CPU engine's EMU_PERM_CODE marks. Returns 0
 * with *why set when the vector path must not run. */
uint64_t emu_loop_plan(const struct emu_loop *l, const struct emu_state *st, struct emu_mem *mem,
                       const uint8_t *code, uint64_t max_iters, enum emu_loop_reason *why, int *ordered);

/* Address range [lo, hi) of access m over iterations 0..k-1 from the head registers x; 0 when it
 * leaves [0, size). */
int emu_loop_access_range(const struct emu_loop *l, const struct emu_loop_mem *m, const uint64_t *x,
                          uint64_t k, uint64_t size, uint64_t *lo, uint64_t *hi);

/* The fold of accumulator a (emu_loop_fold.h). */
struct emu_loop_fold emu_loop_fold_of(const struct emu_loop *l, const struct emu_loop_acc *a);
/* The register whose value accumulator a folds in: its update's operand that is not a itself; for
 * a fold of the exec form (emu_loop_fold.h), the accumulator itself, where its update, run with
 * the accumulator at the fold's identity, leaves that value. */
static inline uint8_t emu_loop_acc_value(const struct emu_loop *l, const struct emu_loop_acc *a)
{
    const struct a64_insn *in = &l->ins[a->insn];
    if (emu_loop_fold_of(l, a).exec)
        return a->reg;
    return in->rn == a->reg ? in->rm : in->rn;
}

/* One iteration of V accumulator a's ordered fold (EMU_LOOP_FOLD_SEQ): for each update in program
 * order, the slots from that iteration's capture record cap (struct emu_loop_acc), then the compare
 * if any and the update, run by the FP/SIMD semantics on the scratch V register file vf, which
 * holds the accumulator (register a->reg) before and after; FPSR bits raised ORed into *fpsr.
 * Every engine folds V accumulators with it, one iteration after the other, so an FP sum is the
 * sequential one bit for bit. */
void emu_loop_vfold_iter(const struct emu_loop *l, const struct emu_loop_acc *a, const uint64_t *cap, uint64_t *vf,
                         uint32_t fpcr, uint32_t *fpsr);

/* V register r of a vector induction (vrole AFFINE) at the head of iteration j, from the head V
 * registers v (emu_state.v), into vr[0..1]. */
void emu_loop_vaffine_at(const struct emu_loop *l, unsigned r, const uint64_t *v, uint64_t j, uint64_t *vr);

/* After an executor ran iterations 0..k-1 from the head state st (accumulators and temporaries
 * already its own): the affine registers (X and V) in closed form and the flags of iteration k-1. */
void emu_loop_finish(const struct emu_loop *l, struct emu_state *st, uint64_t k);

/* An engine's run step: iterations 0..k-1 of memory loop or reduction l (already planned) from the
 * head state in p, leaving the accumulators folded and the temporaries as iteration k-1 left them;
 * in order of instructions when `ordered` (emu_loop_plan). 0, or nonzero on an engine error (the
 * caller reports it). */
typedef int emu_loop_step_fn(void *ctx, const struct emu_loop *l, struct emu_proc *p, uint64_t k, int ordered);

/* The CPU's run step: the lane executor, ctx a struct emu_loop_ws; always in order of
 * instructions. */
int emu_loop_lanes_step(void *ws, const struct emu_loop *l, struct emu_proc *p, uint64_t k, int ordered);

/* The one hook every engine reaches the vector path by: at the head of loop r (classified by
 * emu_loop_record_analyse), with `remaining` instructions of budget, how many whole iterations does
 * the vector path take? It binds a register-step loop for this entry (into *bound, scratch),
 * plans the trip count (emu_loop_plan; code_pages as there), runs the iterations through the
 * engine's `step` (not for an affine loop, which needs none), finishes the state (p at the head of
 * the next iteration, every register and NZCV as after the last iteration run; pc untouched;
 * never the loop's last iteration) and counts the attempt. *iters gets the iterations run, 0 when
 * it ran none (the engine then simply goes on sequentially). Returns 0, or -1 when step failed. */
int emu_loop_take(struct emu_loop_record *r, struct emu_proc *p, uint64_t remaining,
                  const uint8_t *code_pages, struct emu_loop *bound, emu_loop_step_fn *step, void *ctx,
                  uint64_t *iters);

/* Column lane of A64_OPS for op: how the lane executor runs it (A64_LANE_*). */
static inline unsigned emu_loop_op_lane(unsigned op)
{
    switch (op) {
#define EMU_LOOP_OP_LANE(name, alu, lane, props, what) case A64_OP_##name: return A64_LANE_##lane;
    A64_OPS(EMU_LOOP_OP_LANE)
#undef EMU_LOOP_OP_LANE
    default: return A64_LANE_NO;
    }
}

/* One body instruction on the lane executor, over lanes 0..cnt-1 of ws (row r, lane j: register
 * r in iteration j; nzcv[j]: the flags of iteration j), as the run does it: by column lane of A64_OPS, an LV operation through
 * exec_value, a load or store (LM) at host + a + j * S without its base writeback, which the run
 * adds, an L0 operation not at all. tests/test_exec_diff.c holds it against the CPU engine. */
void emu_loop_lane_insn(const struct a64_insn *in, uint64_t pc, struct emu_loop_ws *ws, uint32_t cnt,
                        uint8_t *host, uint64_t a, uint64_t S);

/* What every engine does around its vector path, so they count alike:
 * emu_loop_record_analyse classifies the loop of n words at pc once per record (its words read
 * through mem, so an engine mirroring memory elsewhere pulls them); emu_loop_max_iters is the most
 * iterations a run may take within `remaining` instructions of budget, leaving one whole iteration
 * beyond them to the engine, so a limit stops in code the engine ran itself; emu_loop_record_run
 * counts an attempt: k iterations run (k * n instructions), or a refusal for `why` when k is 0. */
void emu_loop_record_analyse(struct emu_loop_record *r, struct emu_mem *mem, uint64_t pc, uint32_t n);
static inline uint64_t emu_loop_max_iters(uint64_t remaining, uint32_t n)
{
    uint64_t max = remaining / n;
    return max ? max - 1 : 0;
}
void emu_loop_record_run(struct emu_loop_record *r, struct emu_stats *s, uint64_t k, uint32_t n,
                         enum emu_loop_reason why);

#define EMU_LOOP_MAX_SCAN 4096 /* words of a multi-block loop scanned for calls at most */

/* A multi-block loop over the n words at pc: r->info gets that range, class none and the reason
 * CALL_INSIDE (bad_insn the first BL/BLR, 0xff past index 254) when a BL or BLR lies in the
 * range, else SEVERAL_BLOCKS; TOO_LONG when the range is longer than EMU_LOOP_MAX_SCAN words
 * or cannot be read. Counters are left alone. */
void emu_loop_record_scan(struct emu_loop_record *r, struct emu_mem *mem, uint64_t pc, uint32_t n);

/* lin(j) from the head registers x. */
static inline uint64_t emu_loop_lin_at(const struct emu_loop_lin *a, const uint64_t *x, uint64_t j)
{
    uint64_t v = a->c + j * a->k;
    for (unsigned t = 0; t < a->n; t++)
        v += a->mul[t] * x[a->reg[t]];
    return v;
}

/* The change of the extended part per iteration, while it does not wrap: the step of the low
 * 32 bits read as a signed number. */
static inline uint64_t emu_loop_val_ext_step(const struct emu_loop_val *v)
{
    return (uint64_t)(int64_t)(int32_t)(uint32_t)v->inner.k;
}

/* Change of value v per iteration (exact while emu_loop_val_fits). */
static inline int64_t emu_loop_val_stride(const struct emu_loop_val *v)
{
    uint64_t s = v->lin.k;
    if (v->ext != EMU_LOOP_EXT_X)
        s += v->emul * emu_loop_val_ext_step(v);
    return (int64_t)s;
}

/* Value v in iteration 0 from the head registers x. */
static inline uint64_t emu_loop_val_at0(const struct emu_loop_val *v, const uint64_t *x)
{
    uint64_t a = emu_loop_lin_at(&v->lin, x, 0);
    if (v->ext == EMU_LOOP_EXT_X)
        return a;
    uint32_t w = (uint32_t)emu_loop_lin_at(&v->inner, x, 0);
    uint64_t e = v->ext == EMU_LOOP_EXT_UXTW ? (uint64_t)w : (uint64_t)(int64_t)(int32_t)w;
    return a + v->emul * e;
}

/* Does v move by emu_loop_val_stride in each of iterations 0..k-1 from the head registers x,
 * that is, does the low half of its extended part stay clear of its wrap? */
int emu_loop_val_fits(const struct emu_loop_val *v, const uint64_t *x, uint64_t k);

#endif
