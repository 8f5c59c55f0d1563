#!/usr/bin/env python3
"""Deterministic speed guard for the CPU engine.

Counts host instructions spent inside emu_cpu_run (valgrind --tool=callgrind, collection toggled
on that function only, so loading and start-up are excluded) and divides by the guest
instructions temu reports. Fails if the ratio exceeds the bound committed in
bench/callgrind_bounds.txt. Instruction counts, unlike seconds, repeat exactly on a busy machine.

usage: callgrind_guard.py TEMU PROGRAM_DIR [--update]
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BOUNDS = os.path.join(HERE, "callgrind_bounds.txt")


def read_bounds():
    bounds = {}
    with open(BOUNDS) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                bounds[line[0]] = (float(line[1]), line[2:])
    return bounds


def measure(temu, prog, args):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        cmd = ["valgrind", "--tool=callgrind", "--toggle-collect=emu_cpu_run",
               "--callgrind-out-file=" + out, temu, "--stats=json", prog] + args
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        stats = None
        for line in r.stderr.splitlines():
            if line.startswith("{"):
                stats = json.loads(line)
        if stats is None or stats["status"] != "exit":
            sys.exit("callgrind_guard: %s did not run to its exit:\n%s" % (prog, r.stderr))
        host = None
        with open(out) as f:
            for line in f:
                if line.startswith("summary:") or line.startswith("totals:"):
                    host = int(line.split()[1])
        return host, stats["instructions"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    temu, progdir = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv
    bounds = read_bounds()
    failed = passed = 0
    lines = []
    for name, (bound, args) in bounds.items():
        host, guest = measure(temu, os.path.join(progdir, name), args)
        ratio = host / guest
        ok = ratio <= bound
        passed += ok
        failed += not ok
        print("%-20s %12d host / %10d guest = %6.2f host instructions per guest instruction "
              "(bound %.2f) %s" % (name, host, guest, ratio, bound, "ok" if ok else "REGRESSED"))
        lines.append("%s %.2f %s" % (name, ratio * 1.10, " ".join(args)))
    if update:
        print("suggested bounds (measured + 10%):\n" + "\n".join(lines))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
