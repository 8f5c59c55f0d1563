#!/usr/bin/env bash
# --lanes: L lanes with {lane} arguments must produce exactly what L separate CPU-engine runs with
# those arguments produce (stdout, stderr, exit code, instructions), whatever the lanes do:
# diverge, exit at different times and with different codes, fault, make syscalls at different
# times. Plus --lane-output's lanes.tsv, the exit-code rule, error lines, --lane-mem, usage
# errors, --stats keys and `temu sweep --lanes`.
#   usage: lanes.sh TEMU PROGRAM_DIR        env ENGINE: cpu (default), gpu or resident
# The GPU engines skip (exit 77) in a build without OpenCL.
set -u
temu=$1 progs=$2
engine=${ENGINE:-cpu}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=harness.sh
. "$(dirname "$0")/harness.sh"

lanes=$progs/lanes.elf
E=--engine=$engine

if [ "$engine" != cpu ]; then
    run "$E" --lanes=2 "$progs/hello.elf"
    if grep -Eq "no GPU engine|no OpenCL" "$tmp/err"; then
        echo "SKIP: lanes on --engine=$engine: $(head -n 1 "$tmp/err")"
        exit 77
    fi
fi

# The reference: lane N's arguments run alone on the CPU engine, as plain temu.
# ref ARGS... -> $tmp/ref.out, $tmp/ref.err, $ref_rc, $ref_insns
ref() {
    "$temu" --engine=cpu --stats=json "$lanes" "$@" >"$tmp/ref.out" 2>"$tmp/ref.all"; ref_rc=$?
    ref_insns=$(tail -n 1 "$tmp/ref.all" | python3 -c 'import json,sys; print(json.load(sys.stdin)["instructions"])')
    sed '$d' "$tmp/ref.all" >"$tmp/ref.err" # the guest's stderr, without temu's stats line
}
# tsv_field DIR LANE COLUMN(2 exit_code, 3 instructions, 4 status)
tsv_field() { awk -F'\t' -v l="$2" -v c="$3" 'NR > 1 && $1 == l { print $c }' "$1/lanes.tsv"; }

# same_as_ref DIR LANE: the lane's files and lanes.tsv row equal the reference run's.
same_as_ref() {
    local d=$1 l=$2
    cmp -s "$d/$l.out" "$tmp/ref.out" && cmp -s "$d/$l.err" "$tmp/ref.err" &&
        [ "$(tsv_field "$d" "$l" 2)" = "$ref_rc" ] && [ "$(tsv_field "$d" "$l" 3)" = "$ref_insns" ]
}

# 1. Divergent lanes: different Collatz walks, lengths, output times and exit codes.
d=$tmp/div
run "$E" --lanes=8 --lane-output="$d" "$lanes" "1{lane}"
check "8 lanes: temu exits with lane 0's code (10 % 7 = 3)" [ "$rc" -eq 3 ]
check "8 lanes: nothing on temu's stdout or stderr" bash -c "[ ! -s '$tmp/out' ] && [ ! -s '$tmp/err' ]"
check "8 lanes: lanes.tsv has a header and 8 rows" \
    bash -c "[ \"\$(head -n 1 '$d/lanes.tsv')\" = \"\$(printf 'lane\texit_code\tinstructions\tstatus')\" ] && [ \$(wc -l <'$d/lanes.tsv') -eq 9 ]"
for l in 0 1 2 3 4 5 6 7; do
    ref "1$l"
    check "8 lanes: lane $l equals a separate run of 'lanes 1$l' (stdout, stderr, exit, instructions)" same_as_ref "$d" "$l"
done
check "8 lanes: the lanes ran different instruction counts" \
    bash -c "[ \$(awk -F'\t' 'NR > 1 { print \$3 }' '$d/lanes.tsv' | sort -u | wc -l) -ge 4 ]"
check "8 lanes: every status is exit" bash -c "[ \$(awk -F'\t' 'NR > 1 && \$4 == \"exit\"' '$d/lanes.tsv' | wc -l) -eq 8 ]"

# 2. {lane} is replaced at every occurrence.
d=$tmp/twice
run "$E" --lanes=3 --lane-output="$d" "$lanes" "{lane}{lane}"
ref 22
check "{lane}{lane}: lane 2 runs as 'lanes 22'" same_as_ref "$d" 2

# 3. A fault in one lane: the others finish, exit 1, one error line naming the lane.
d=$tmp/fault
run "$E" --lanes=6 --lane-output="$d" "$lanes" "{lane}" 4
check "fault in lane 4: temu exits 1" [ "$rc" -eq 1 ]
check "fault in lane 4: one error line naming lane 4 and the fault" \
    bash -c "one_line() { [ \$(wc -l <'$tmp/err') -eq 1 ]; }; one_line && grep -q '^temu: lane 4: memory fault at pc 0x[0-9a-f]*: address 0x0 (write to unmapped memory)' '$tmp/err'"
check "fault in lane 4: lanes.tsv says fault, 139" \
    bash -c "[ \"\$(awk -F'\t' '\$1 == 4 { print \$2, \$4 }' '$d/lanes.tsv')\" = '139 fault' ]"
ref 4 4
check "fault in lane 4: its output up to the fault equals a separate run" \
    bash -c "cmp -s '$d/4.out' '$tmp/ref.out' && [ $ref_rc -eq 139 ] && [ \"\$(awk -F'\t' '\$1 == 4 { print \$3 }' '$d/lanes.tsv')\" = $ref_insns ]"
for l in 0 5; do
    ref "$l" 4
    check "fault in lane 4: lane $l is unaffected" same_as_ref "$d" "$l"
done

# 4. Without --lane-output: lane 0 on temu's stdout and stderr, the other lanes silent.
run "$E" --lanes=4 "$lanes" "2{lane}"
ref 20
check "no --lane-output: temu's stdout is lane 0's" cmp -s "$tmp/out" "$tmp/ref.out"
check "no --lane-output: temu's stderr is lane 0's" cmp -s "$tmp/err" "$tmp/ref.err"
check "no --lane-output: exit code is lane 0's (20 % 7 = 6)" [ "$rc" -eq 6 ]

# 5. Many failing lanes: ten error lines, then one line counting the rest.
run "$E" --lanes=13 --max-insns=100 "$lanes" "{lane}"
check "13 lanes over the limit: exit 1" [ "$rc" -eq 1 ]
check "13 lanes over the limit: 10 lane lines, then '3 more lanes'" \
    bash -c "[ \$(grep -c '^temu: lane [0-9]*: instruction limit of 100 reached at pc 0x' '$tmp/err') -eq 10 ] && tail -n 1 '$tmp/err' | grep -qx 'temu: 3 more lanes stopped with errors'"
d=$tmp/limit
run "$E" --lanes=13 --max-insns=100 --lane-output="$d" "$lanes" "{lane}"
check "13 lanes over the limit: the count line points to lanes.tsv" \
    grep -qx "temu: 3 more lanes stopped with errors (see $d/lanes.tsv)" "$tmp/err"
check "13 lanes over the limit: lanes.tsv says limit, 100 instructions" \
    bash -c "[ \$(awk -F'\t' 'NR > 1 && \$2 == 1 && \$3 == 100 && \$4 == \"limit\"' '$d/lanes.tsv' | wc -l) -eq 13 ]"

# 6. --stats with lanes: aggregate and per-lane IPS, convergence, the sum of the lanes' counts.
d=$tmp/stats
run "$E" --lanes=5 --lane-output="$d" --stats=json "$lanes" "{lane}"
check "--stats=json with lanes: keys, lanes 5, instructions = sum over lanes.tsv" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read().splitlines()[-1])
rows = [l.split("\t") for l in open(sys.argv[2]).read().splitlines()[1:]]
need = ["instructions", "blocks", "syncs", "wall_s", "ips", "lane_ips", "convergence", "engine",
        "device", "batch", "lanes"]
ok = all(k in d for k in need) and d["lanes"] == 5 and d["ips"] > 0 and d["lane_ips"] > 0
ok = ok and d["instructions"] == sum(int(r[2]) for r in rows)
ok = ok and (d["convergence"] == -1 if d["engine"] == "cpu" else 0 <= d["convergence"] <= 1)
sys.exit(0 if ok else 1)' "$tmp/err" "$d/lanes.tsv"
run "$E" --lanes=2 --stats "$progs/hello.elf"
check "--stats with lanes: lane_ips and convergence lines" \
    bash -c "grep -q '^temu: lane_ips ' '$tmp/err' && grep -q '^temu: convergence ' '$tmp/err'"

# 7. Many lanes, more than the threads: every lane's row, every file.
d=$tmp/many
TEMU_THREADS=3 run "$E" --lanes=300 --lane-output="$d" "$lanes" "{lane}"
check "300 lanes: exit 0, 300 rows, 600 files" \
    bash -c "[ $rc -eq 0 ] && [ \$(wc -l <'$d/lanes.tsv') -eq 301 ] && [ \$(ls '$d' | wc -l) -eq 601 ]"
ref 299
check "300 lanes: lane 299 equals a separate run" same_as_ref "$d" 299

# 8. --lane-mem: explicit windows, too small ones, and the usage errors.
d=$tmp/mem
run "$E" --lanes=2 --lane-mem=64M --lane-output="$d" "$lanes" "{lane}"
ref 1
check "--lane-mem=64M: lane 1 equals a separate run" same_as_ref "$d" 1
run "$E" --lanes=2 --lane-mem=1M "$lanes" 1
check "--lane-mem=1M (smaller than the image): exit 1, one line saying so" \
    bash -c "[ $rc -eq 1 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'lane-mem=1024K is too small' '$tmp/err'"
run "$E" --lane-mem=8M "$lanes" 3
check "--lane-mem with one lane: exit 3 % 7" [ "$rc" -eq 3 ]
run "$E" --lanes=2 --lane-mem=1000 "$lanes" 1
check "--lane-mem not page-aligned: exit 2" bash -c "[ $rc -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
run "$E" --lanes=0 "$lanes" 1
check "--lanes=0: exit 2, one line" bash -c "[ $rc -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
run "$E" --lanes=1048577 "$lanes" 1
check "--lanes above 1048576: exit 2" [ "$rc" -eq 2 ]
run "$E" --lanes=2 --trace "$lanes" 1
check "--trace with lanes: exit 2" [ "$rc" -eq 2 ]
run "$E" --lanes=2 /nonexistent/prog.elf
check "a missing program: exit 1, one line" bash -c "[ $rc -eq 1 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"

# 9. temu sweep over lane counts.
run sweep "$E" --lanes=1,4 --repeat=1 --csv "$progs/countdown.elf" small
check "sweep --lanes=1,4: exit 0, a row per lane count" \
    bash -c "[ $rc -eq 0 ] && [ \$(wc -l <'$tmp/out') -eq 3 ] && cut -d, -f2 '$tmp/out' | tr '\n' ' ' | grep -qx 'lanes 1 4 '"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
