#!/usr/bin/env python3
"""--loopvec on the loop corpus (programs/tsvc/, docs/loopvec.md): coverage against the compilers'
own vectorizers, and speed-up per kernel (micro) and on the whole suite in one run (macro), per
compiler, on the CPU engine.

- Ground truth: the compiler vectorizes a kernel when it reports a vectorized loop inside the
  kernel's source (from the end of the previous kernel to the end of this one, so an inline helper
  just above counts for it) when it compiles the same source at -O3 with its vectorizers on and
  without -mgeneral-regs-only: gcc -fopt-info-vec-optimized ("loop vectorized"), clang
  -Rpass=loop-vectorize ("vectorized loop"; an interleaved-only loop does not count).
- temu vectorizes a kernel when `temu loops --loopvec --json PROG all` (test size) reports a loop
  inside the kernel's symbol (address and size from llvm-nm) with vec_runs > 0; otherwise the
  reason of that kernel's hottest loop is temu's first reason.
- Speed-up: median wall_s (execution only) over N runs of `temu --engine=cpu --stats=json PROG
  KERNEL bench` without and with --loopvec, alternating; both runs must print the same line.
  Geometric means over all kernels, over those the compiler vectorizes, and over those temu
  vectorizes. Macro: `PROG all bench`, the same way.

Writes bench/results/loopvec_corpus_<machine>.md.

usage: loopvec_corpus.py TEMU TSVC_BUILD_DIR [--repeat=N] [--compilers=clang,gcc] [--parts=int,fp]
                         [--kernels=NAME,...] [--no-speed] [--no-macro]
  TSVC_BUILD_DIR holds tsvc_{int,fp}.{clang,gcc}.elf (build/programs/tsvc).
"""
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "programs")
TSVC_SRC = os.path.join(SRC, "tsvc")

COMMON = ["-std=c11", "-ffreestanding", "-fno-builtin", "-I" + os.path.join(SRC, "rt"), "-I" + TSVC_SRC]
GROUND = {
    "clang": (["clang", "--target=aarch64-linux-gnu", "-O3", "-Rpass=loop-vectorize"] + COMMON,
              re.compile(r":(\d+):\d+: remark: vectorized loop")),
    "gcc": (["aarch64-linux-gnu-gcc", "-O3", "-fno-tree-loop-distribute-patterns",
             "-fopt-info-vec-optimized"] + COMMON,
            re.compile(r":(\d+):\d+: optimized: loop vectorized")),
}
PART_FLAGS = {"int": [], "fp": ["-ffp-contract=off"]}


def kernel_regions(path):
    """{kernel: (first line, last line)}: from after the previous kernel's closing brace to its own."""
    regions, start, name = {}, 1, None
    for no, line in enumerate(open(path), 1):
        m = re.match(r"KERNEL (\w+)\(", line)
        if m:
            name = m.group(1)
        elif line.startswith("}") and name:
            regions[name] = (start, no)
            start, name = no + 1, None
    return regions


def compiler_vectorizes(cc, part):
    """Kernels of tsvc_PART.c with a loop the compiler vectorizes at -O3."""
    src = os.path.join(TSVC_SRC, "tsvc_%s.c" % part)
    cmd, pattern = GROUND[cc]
    r = subprocess.run(cmd + PART_FLAGS[part] + ["-c", src, "-o", os.devnull],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.exit("%s failed:\n%s" % (" ".join(cmd), r.stdout))
    lines = {int(m.group(1)) for m in pattern.finditer(r.stdout)}
    return {k for k, (lo, hi) in kernel_regions(src).items() if any(lo <= n <= hi for n in lines)}


def symbols(prog):
    """{name: (start, end)} of the functions in prog."""
    out = subprocess.run(["llvm-nm", "-S", "--defined-only", prog], stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    syms = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4 and f[2] in "tT":
            syms[f[3]] = (int(f[0], 16), int(f[0], 16) + int(f[1], 16))
    return syms


def temu_loops(temu, prog, kernels):
    """{kernel: (vectorized, first reason)} from one `temu loops --loopvec --json` run over all."""
    r = subprocess.run([temu, "loops", "--loopvec", "--json", prog, "all"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    data = json.loads(r.stdout)
    syms = symbols(prog)
    verdict = {}
    for k in kernels:
        lo, hi = syms[k]
        inside = [l for l in data["loops"] if lo <= int(l["start"], 16) < hi]
        if any(l["vec_runs"] > 0 for l in inside):
            verdict[k] = (True, "")
        elif inside:
            hot = max(inside, key=lambda l: l["iterations"])
            if hot["reason"] == "OK" and hot["runtime_rejects"]:  # refused at run time
                verdict[k] = (False, "at run time: " + ", ".join(
                    "%s x%d" % kv for kv in sorted(hot["runtime_rejects"].items())))
            else:
                verdict[k] = (False, "%s: %s" % (hot["reason"], hot["why"]))
        else:
            verdict[k] = (False, "no hot loop (program %s)" % data.get("status", "?"))
    return verdict, data.get("status", "?")


def run(temu, args):
    """(exit status, stdout, the --stats=json object or None)"""
    r = subprocess.run([temu, "--engine=cpu", "--stats=json"] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    last = (r.stderr.strip().splitlines() or [""])[-1]
    return r.returncode, r.stdout, json.loads(last) if last.startswith("{") else None


def measure(temu, prog, args, repeat):
    """(plain median s, --loopvec median s, loop_instructions share) or None when a run fails."""
    plain, vec, share = [], [], 0.0
    for _ in range(repeat):
        c1, o1, s1 = run(temu, [prog] + args)
        c2, o2, s2 = run(temu, ["--loopvec", prog] + args)
        if c1 != 0 or c2 != 0 or s1 is None or s2 is None:
            return None
        if o1 != o2:
            sys.exit("%s %s: --loopvec printed a different result:\n%s---\n%s" % (prog, args, o1, o2))
        plain.append(s1["wall_s"])
        vec.append(s2["wall_s"])
        share = s2["loop_instructions"] / s2["instructions"] if s2["instructions"] else 0.0
    return statistics.median(plain), statistics.median(vec), share


def gmean(xs):
    return statistics.geometric_mean(xs) if xs else float("nan")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    temu, tdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    repeat, compilers, parts, only, speed, macro = 3, ["clang", "gcc"], ["int", "fp"], None, True, True
    for a in sys.argv[3:]:
        if a.startswith("--repeat="):
            repeat = int(a.split("=", 1)[1])
        elif a.startswith("--compilers="):
            compilers = a.split("=", 1)[1].split(",")
        elif a.startswith("--parts="):
            parts = a.split("=", 1)[1].split(",")
        elif a.startswith("--kernels="):
            only = set(a.split("=", 1)[1].split(","))
        elif a == "--no-speed":
            speed = False
        elif a == "--no-macro":
            macro = False
        else:
            sys.exit(__doc__)
    _, _, st = run(temu, [os.path.join(tdir, "tsvc_int.%s.elf" % compilers[0]), "list"])
    device = st["device"]
    load_before = os.getloadavg()
    report = []
    summary = []
    for cc in compilers:
        rows, macro_rows = [], []
        for part in parts:
            prog = os.path.join(tdir, "tsvc_%s.%s.elf" % (part, cc))
            listing = subprocess.run([temu, prog, "list"], stdout=subprocess.PIPE, text=True,
                                     check=True).stdout.split("\n")
            kernels = [l.split() for l in listing if l.strip()]
            if only:
                kernels = [k for k in kernels if k[0] in only]
            truth = compiler_vectorizes(cc, part)
            verdict, status = temu_loops(temu, prog, [k for k, _ in kernels])
            for name, cat in kernels:
                m = measure(temu, prog, [name, "bench"], repeat) if speed else None
                rows.append((part, name, cat, name in truth, verdict[name][0], verdict[name][1], m))
                print("%-5s %-4s %-22s compiler %-3s temu %-3s %s" % (
                    cc, part, name, "yes" if name in truth else "no", "yes" if verdict[name][0] else "no",
                    "plain %.4f s, --loopvec %.4f s, x%.2f" % (m[0], m[1], m[0] / m[1]) if m else
                    "(not timed: the run fails)" if speed else ""), flush=True)
            if macro and not only:
                m = measure(temu, prog, ["all", "bench"], repeat)
                macro_rows.append((part, m))
                print("%-5s %-4s all: %s" % (cc, part, "plain %.3f s, --loopvec %.3f s, x%.2f" % (
                    m[0], m[1], m[0] / m[1]) if m else "fails"), flush=True)
        report.append((cc, rows, macro_rows))
    load_after = os.getloadavg()

    tag = re.sub("[^A-Za-z0-9]+", "_", device).strip("_")
    out = os.path.join(HERE, "results", "loopvec_corpus_%s.md" % tag)
    opts = " " + " ".join(sys.argv[3:]) if sys.argv[3:] else ""
    with open(out, "w") as f:
        f.write("# --loopvec on the loop corpus (programs/tsvc/), CPU engine\n\n")
        f.write("Device: %s. Command: `bench/loopvec_corpus.py build/temu build/programs/tsvc%s` "
                "(release build). Coverage: kernels temu vectorizes (a loop inside the kernel's "
                "symbol with vec_runs > 0 in `temu loops --loopvec --json PROG all`, test size) "
                "among the kernels the compiler itself vectorizes at -O3 (its opt-info, mapped to "
                "the kernel's source lines). Speed-up: median wall_s (execution only) of %d runs "
                "each way, alternating, `PROG KERNEL bench` (includes the kernel's set-up and "
                "checksum, about 15M instructions of the integer binaries). Micro (each kernel alone) "
                "and macro (`PROG all bench`, every kernel in one run) kept apart. Machine load "
                "(1/5/15-minute averages, %d cores): %s before, %s after; the host is shared, so "
                "absolute seconds vary more than the ratios.\n\n"
                % (device, opts, repeat, os.cpu_count(), "/".join("%.1f" % v for v in load_before),
                   "/".join("%.1f" % v for v in load_after)))
        f.write("## Summary\n\n| compiler | kernels | compiler vectorizes (-O3) | temu vectorizes | "
                "both | coverage | temu only | micro geomean (all) | micro geomean (compiler-"
                "vectorizable) | micro geomean (temu-vectorized) | macro int | macro fp |\n"
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
        for cc, rows, macro_rows in report:
            comp = [r for r in rows if r[3]]
            tv = [r for r in rows if r[4]]
            both = [r for r in comp if r[4]]
            timed = [r for r in rows if r[6]]

            def sp(rs):
                return gmean([r[6][0] / r[6][1] for r in rs if r[6]])
            macro_s = {p: ("%.2fx" % (m[0] / m[1]) if m else "fails") for p, m in macro_rows}
            f.write("| %s | %d | %d | %d | %d | %.0f%% | %d | %.2fx (%d timed) | %.2fx | %.2fx | %s | %s |\n" % (
                cc, len(rows), len(comp), len(tv), len(both), 100.0 * len(both) / len(comp) if comp else 0,
                len(tv) - len(both), sp(timed), len(timed), sp(comp), sp(tv), macro_s.get("int", "-"),
                macro_s.get("fp", "-")))
        for cc, rows, macro_rows in report:
            f.write("\n## %s\n\n" % cc)
            if macro_rows:
                f.write("Macro (every kernel in one run, `all bench`):\n\n| binary | plain s | --loopvec s "
                        "| vectorized | speed-up |\n|---|---:|---:|---:|---:|\n")
                for part, m in macro_rows:
                    if m:
                        f.write("| tsvc_%s.%s | %.3f | %.3f | %.1f%% | %.2fx |\n"
                                % (part, cc, m[0], m[1], 100 * m[2], m[0] / m[1]))
                    else:
                        f.write("| tsvc_%s.%s | fails | | | |\n" % (part, cc))
                f.write("\n")
            refused = [r for r in rows if r[3] and not r[4]]
            f.write("Vectorized by %s at -O3 but refused by temu (%d), with temu's first reason "
                    "(the kernel's hottest loop):\n\n" % (cc, len(refused)))
            for part, name, cat, _, _, why, _ in refused:
                f.write("- `%s` (%s, %s): %s\n" % (name, part, cat, why))
            extra = [r for r in rows if r[4] and not r[3]]
            f.write("\nVectorized by temu but not by %s at -O3 (%d): %s\n" % (
                cc, len(extra), ", ".join("`%s`" % r[1] for r in extra) or "none"))
            f.write("\nMicro, per kernel (`vectorized`: share of retired instructions the vector path "
                    "ran):\n\n| kernel | category | %s -O3 | temu | plain s | --loopvec s | vectorized "
                    "| speed-up | temu's reason |\n|---|---|---|---|---:|---:|---:|---:|---|\n" % cc)
            for part, name, cat, comp, tv, why, m in rows:
                t = ("%.4f | %.4f | %.1f%% | %.2fx" % (m[0], m[1], 100 * m[2], m[0] / m[1]) if m else
                     "| | | (run fails)" if speed else "| | | (not timed)")
                f.write("| %s | %s | %s | %s | %s | %s |\n" % (name, cat, "yes" if comp else "no",
                                                             "yes" if tv else "no", t, why))
    print("wrote", out)


if __name__ == "__main__":
    main()
