#!/usr/bin/env bash
# loops_trips.sh TEMU PROGRAM_DIR: `temu loops --json` counts every iteration of a loop, also the
# first one of an entry that falls into the loop from the code before it (that iteration runs in
# the block before the loop's own). countdown's one loop runs 1,000,000 times when entered by a
# branch to its head (test size) and 1000 times when the code falls into it (small), with and
# without --loopvec; the vector path must not change the counts either.
set -u
temu=$1 progs=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=harness.sh
. "$(dirname "$0")/harness.sh"

loop_is() { # loop_is TRIPS VEC: the loop with the most iterations, one entry of TRIPS iterations
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
trips, vec = int(sys.argv[2]), sys.argv[3] == "1"
l = max(d["loops"], key=lambda l: l["iterations"])
ok = d["status"] == "exit" and l["entries"] == 1 and l["iterations"] == trips
ok = ok and l["trip_min"] == trips and l["trip_max"] == trips and l["class"] == "affine"
ok = ok and (l["vec_runs"] == 1 and 0 < l["vec_iterations"] < trips) == vec
if not ok:
    print(json.dumps(l))
sys.exit(0 if ok else 1)' "$tmp/out" "$1" "$2"
}

for vec in 0 1; do
    opt=()
    [ $vec = 1 ] && opt=(--loopvec)
    run loops --json --hot=1 "${opt[@]}" "$progs/countdown.elf"
    check "entered at its head${opt[*]:+ with ${opt[*]}}: 1000000 trips" loop_is 1000000 $vec
    run loops --json --hot=1 "${opt[@]}" "$progs/countdown.elf" small
    check "fallen into${opt[*]:+ with ${opt[*]}}: 1000 trips" loop_is 1000 $vec
done
echo "loops_trips: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
