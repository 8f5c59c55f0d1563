#!/usr/bin/env python3
"""Speed-up of --loopvec on one engine: micro (the loop programs) and macro (every program in
programs/programs.txt that has a bench size, the loop programs left out), kept apart.

Each program runs at the chosen size, `temu --engine=E [--loopvec] --stats=json prog SIZE`,
5 times each way, alternating, in the same session; the table shows median wall_s (execution only,
loading excluded) and the ratio. Writes bench/results/loopvec_<device>.md for the CPU engine at
bench size, else bench/results/loopvec_<device>_<engine>_<size>.md.

usage: loopvec.py TEMU PROGRAM_DIR [--repeat=N] [--engine=cpu|gpu|resident] [--size=bench|test|small]
                  [--programs=NAME,...]
  --size=test runs the programs without a size argument (their test size); --programs runs only
  those (e.g. --programs=loops for the micro figure alone).
"""
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "programs")


ENGINE = "cpu"
SIZE = "bench"


def run(temu, args):
    r = subprocess.run([temu, "--engine=" + ENGINE, "--stats=json"] + args, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, cwd=SRC)
    return json.loads(r.stderr.strip().splitlines()[-1])


def has_bench(name):
    for ext in (".c", ".S"):
        path = os.path.join(SRC, name + ext)
        if os.path.exists(path):
            return "rt_size" in open(path).read() or "rt_is_bench" in open(path).read()
    return False


def measure(temu, prog, repeat):
    plain, vec, stats = [], [], None
    size = [] if SIZE == "test" else [SIZE]
    for _ in range(repeat):
        plain.append(run(temu, [prog] + size)["wall_s"])
        stats = run(temu, ["--loopvec", prog] + size)
        vec.append(stats["wall_s"])
    return statistics.median(plain), statistics.median(vec), stats


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    temu, progdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    global ENGINE, SIZE
    repeat, only = 5, None
    for a in sys.argv[3:]:
        if a.startswith("--repeat="):
            repeat = int(a.split("=", 1)[1])
        elif a.startswith("--engine="):
            ENGINE = a.split("=", 1)[1]
        elif a.startswith("--size="):
            SIZE = a.split("=", 1)[1]
        elif a.startswith("--programs="):
            only = a.split("=", 1)[1].split(",")
        else:
            sys.exit(__doc__)
    names = [l.split()[0] for l in open(os.path.join(SRC, "programs.txt")) if re.match("^[a-z]", l)]
    cpu = run(temu, [os.path.join(progdir, "hello.elf")])["device"]
    load_before = os.getloadavg()
    rows = {"micro": [], "macro": []}
    for name in names:
        if not has_bench(name) or name == "loop_fault" or (only and name not in only):
            continue
        prog = os.path.join(progdir, name + ".elf")
        p, v, s = measure(temu, prog, repeat)
        kind = "micro" if name in ("loops", "loops_clang", "fploops") else "macro"
        rows[kind].append((name, s["instructions"], s["loop_instructions"], p, v))
        print("%-10s %6s plain %.4f s, --loopvec %.4f s, x%.2f" % (name, kind, p, v, p / v), flush=True)
    load_after = os.getloadavg()
    tag = re.sub("[^A-Za-z0-9]+", "_", cpu).strip("_")
    if ENGINE != "cpu" or SIZE != "bench":
        tag += "_%s_%s" % (ENGINE, SIZE)
    out = os.path.join(HERE, "results", "loopvec_%s.md" % tag)
    opts = " " + " ".join(sys.argv[3:]) if sys.argv[3:] else ""
    with open(out, "w") as f:
        f.write("# --loopvec speed-up on the %s engine\n\n" % ENGINE)
        f.write("Device: %s. Command: `bench/loopvec.py build/temu build/programs%s` (release build), "
                "each program at its %s size, median of %d runs each way, alternating. wall_s is "
                "execution only (load excluded). `vectorized` is the share of retired guest "
                "instructions that the vector path covered (loop_instructions / instructions). "
                "Machine load (1/5/15-minute load averages, %d cores): %s before, %s after; the "
                "host is shared, so absolute seconds vary between sessions more than the ratios.\n\n"
                % (cpu, opts, SIZE, repeat, os.cpu_count(), "/".join("%.1f" % v for v in load_before),
                   "/".join("%.1f" % v for v in load_after)))
        for kind, title in (("micro", "Micro: the loop program"), ("macro", "Macro: the program suite")):
            f.write("## %s\n\n| program | instructions | vectorized | plain s | --loopvec s | speed-up |\n"
                    "|---|---:|---:|---:|---:|---:|\n" % title)
            for name, ins, lins, p, v in rows[kind]:
                f.write("| %s | %d | %.1f%% | %.4f | %.4f | %.2fx |\n"
                        % (name, ins, 100.0 * lins / ins if ins else 0, p, v, p / v))
            if rows[kind]:
                gm = statistics.geometric_mean([p / v for _, _, _, p, v in rows[kind]])
                f.write("\nGeometric mean speed-up: %.2fx\n\n" % gm)
    print("wrote", out)


if __name__ == "__main__":
    main()
