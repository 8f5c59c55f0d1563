#!/usr/bin/env python3
"""temu's CPU engine against qemu-aarch64 and Unicorn on the program suite's bench sizes.

Every program runs on every peer in the same invocation, repeated; the table gives the median
wall time (min-max), IPS, and the ratio of temu's speed to each peer's. Guest instructions are
temu's own count (--stats=json), used for every peer since they run the same program. Ratios use
whole-process wall time for every peer, temu included, so start-up is treated alike; temu's own
execution-only IPS is shown too. Outputs and exit codes must agree across peers or the run fails.

usage: bench/cpu_vs_peers.py [--build build] [--repeat 5] [--programs a,b] [--out FILE.md]
"""
import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

MIN_BENCH_INSNS = 100_000_000  # below this a run measures start-up, not execution
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def manifest():
    """(name, test args) from programs/programs.txt; the dependency stress programs have no bench size."""
    progs = []
    with open(os.path.join(ROOT, "programs", "programs.txt")) as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if words and not words[0].startswith("dep_"):
                progs.append((words[0], words[1:]))
    return progs


def run(cmd, cwd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - t0, r


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fmt_s(ts):
    return "%.3f (%.3f-%.3f)" % (statistics.median(ts), min(ts), max(ts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--programs", default="")
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    temu = os.path.join(build, "temu")
    peers = [("qemu", [shutil.which("qemu-aarch64")]),
             ("unicorn", [os.path.join(build, "temu-unicorn")])]
    peers = [(n, c) for n, c in peers if c[0] and os.access(c[0], os.X_OK)]
    wanted = set(a.programs.split(",")) if a.programs else None
    progdir = os.path.join(ROOT, "programs")

    rows, ratios, skipped = [], {n: [] for n, _ in peers}, []
    for name, args in manifest():
        if wanted and name not in wanted:
            continue
        elf = os.path.join(build, "programs", name + ".elf")
        gargs = ["bench"] + args
        insns, temu_exec, temu_wall, ref = None, [], [], None
        for _ in range(a.repeat):
            t, r = run([temu, "--stats=json", elf] + gargs, progdir)
            stats = json.loads(r.stderr.decode().strip().splitlines()[-1])
            insns = stats["instructions"]
            temu_exec.append(stats["wall_s"])
            temu_wall.append(t)
            ref = (r.stdout, r.returncode)
        if insns < MIN_BENCH_INSNS:
            skipped.append("%s (%d instructions: no bench size)" % (name, insns))
            continue
        row = {"name": name, "insns": insns, "temu_exec": temu_exec, "temu": temu_wall}
        for pname, cmd in peers:
            ts = []
            for _ in range(a.repeat):
                t, r = run(cmd + [elf] + gargs, progdir)
                if (r.stdout, r.returncode) != ref:
                    sys.exit("%s: %s disagrees with temu (exit %d vs %d)" %
                             (name, pname, r.returncode, ref[1]))
                ts.append(t)
            row[pname] = ts
            ratios[pname].append(statistics.median(ts) / statistics.median(temu_wall))
        rows.append(row)
        print("ran", name, file=sys.stderr)

    out = []
    out.append("CPU engine vs peers, bench sizes, median of %d runs (min-max), whole-process seconds." % a.repeat)
    out.append("Machine: %s, %d cores; %s." % (cpu_name(), os.cpu_count(), platform.platform()))
    out.append("")
    head = "| program | guest insns | temu s | temu IPS (exec only) |"
    sep = "|---|---:|---:|---:|"
    for pname, _ in peers:
        head += " %s s | %s IPS | temu/%s |" % (pname, pname, pname)
        sep += "---:|---:|---:|"
    out += [head, sep]
    for row in rows:
        ips = row["insns"] / statistics.median(row["temu_exec"])
        line = "| %s | %d | %s | %.0fM |" % (row["name"], row["insns"], fmt_s(row["temu"]), ips / 1e6)
        for pname, _ in peers:
            m = statistics.median(row[pname])
            line += " %s | %.0fM | %.2fx |" % (fmt_s(row[pname]), row["insns"] / m / 1e6,
                                              m / statistics.median(row["temu"]))
        out.append(line)
    out.append("")
    for pname, _ in peers:
        if ratios[pname]:
            g = math.exp(sum(math.log(x) for x in ratios[pname]) / len(ratios[pname]))
            out.append("Geometric mean speed of temu relative to %s: %.2fx" % (pname, g))
    if skipped:
        out.append("Left out: " + ", ".join(skipped) + ".")
    text = "\n".join(out)
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
