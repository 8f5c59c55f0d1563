#!/usr/bin/env bash
# loops_multi.sh TEMU PROGRAM_DIR: `temu loops --json` lists loops over several basic blocks, with
# their reason, and counts them exactly. fib_rec's fib is compiled (clang -O2) into a loop around
# its first recursive call: `while (n > 1) { acc += fib(n - 1); n -= 2; }`, closed by B.HI, so the
# loop is "call inside"; every call with n >= 2 enters it once and makes floor(n/2) passes, counted
# here from the recursion itself. rt_size's compare of argv[1] with "small" is a loop of two
# blocks (a B.NE out in the middle) without a call: 5 passes for the 5 matching characters.
set -u
temu=$1 progs=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=harness.sh
. "$(dirname "$0")/harness.sh"

loops_are() { # loops_are N: the call loop of fib(N), and the compare loop when N is the small size
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
def fib(n, c):  # c = [entries, passes] of the loop inside fib
    if n < 2:
        return
    c[0] += 1
    while True:
        c[1] += 1
        fib(n - 1, c)
        n -= 2
        if n <= 1:
            return
want = [0, 0]
fib(n, want)
calls = [l for l in d["loops"] if l["reason"] == "CALL_INSIDE" and l["why"].startswith("call inside")
         and [l["entries"], l["iterations"]] == want and l["class"] == "none" and l["vec_runs"] == 0]
ok = d["status"] == "exit" and len(calls) == 1
if n == 12:
    cmp = [l for l in d["loops"] if l["reason"] == "SEVERAL_BLOCKS" and l["class"] == "none"
           and l["why"] == "body spans several basic blocks" and l["entries"] == 1
           and l["iterations"] == 5 and l["trip_min"] == 5 and l["trip_max"] == 5]
    ok = ok and len(cmp) == 1
if not ok:
    print("want entries/iterations", want)
    print(json.dumps(d["loops"]))
sys.exit(0 if ok else 1)' "$tmp/out" "$1"
}

for vec in 0 1; do
    opt=()
    [ $vec = 1 ] && opt=(--loopvec)
    run loops --json --hot=1 "${opt[@]}" "$progs/fib_rec.elf" small
    check "fib(12)${opt[*]:+ with ${opt[*]}}: call inside, two-block compare" loops_are 12
    run loops --json --hot=1 "${opt[@]}" "$progs/fib_rec.elf"
    check "fib(24)${opt[*]:+ with ${opt[*]}}: call inside" loops_are 24
done
# The table lists them too, in the existing columns.
run loops --hot=1 "$progs/fib_rec.elf" small
check "table: call inside" grep -q "  none  *call inside (at 0x" "$tmp/out"
check "table: several blocks" grep -q "  none  *body spans several basic blocks" "$tmp/out"
echo "loops_multi: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
