#!/usr/bin/env bash
# The subcommands `temu sweep` and `temu compare` on the CPU engine only (no GPU needed): output
# rows and columns, --plot, usage errors, failing runs, agreement and a forced mismatch.
# usage: commands.sh TEMU PROGRAM_DIR
set -u
temu=$1 progs=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/scratch"
export TMPDIR=$tmp/scratch # the subcommands' temporary files go here; checked empty at the end

# shellcheck source=harness.sh
. "$(dirname "$0")/harness.sh"
usage_error() { # usage_error NAME ARGS...: exit 2 with one line on stderr
    local name=$1; shift
    run "$@"
    check "$name: exit 2 with one line" bash -c "[ $rc -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
}

countdown=$progs/countdown.elf hello=$progs/hello.elf
insns=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["instructions"])' \
        "$("$temu" --engine=cpu --stats=json "$countdown" 2>&1 >/dev/null | tail -n 1)")

# sweep: text table
run sweep --engine=cpu --batch=1,4 --repeat=2 "$countdown"
check "sweep exits 0" [ "$rc" -eq 0 ]
check "sweep --engine=cpu --batch: one warning that the cpu engine has no batch size" \
    bash -c "[ \$(grep -c 'no batch size' '$tmp/err') -eq 1 ]"
check "sweep: header names program, engine, device and repeats" \
    grep -Eq '^sweep of .*countdown\.elf: engine cpu, device .+, 2 repeats per batch size$' "$tmp/out"
check "sweep: column header" grep -Eq '^ +batch +median IPS +min IPS +max IPS +instructions +syncs +insns/sync +median wall_s$' "$tmp/out"
check "sweep: one row of 8 columns per batch size, '-' per sync without syncs" python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[2:]]
ok = len(rows) == 2 and all(len(r) == 8 for r in rows) and [r[0] for r in rows] == ["1", "4"]
ok = ok and all(r[4] == sys.argv[2] and r[5] == "0" and r[6] == "-" for r in rows)
ok = ok and all(float(r[2]) <= float(r[1]) <= float(r[3]) for r in rows)
sys.exit(0 if ok else 1)' "$tmp/out" "$insns"
check "sweep: the guest's stdout is dropped" bash -c "! grep -q 'reached zero' '$tmp/out'"

# sweep: CSV
run sweep --engine=cpu --batch=1,4 --repeat=2 --csv "$countdown"
check "sweep --csv exits 0" [ "$rc" -eq 0 ]
check "sweep --csv: header row, then one row of 8 fields per batch size" python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
head = "batch,ips_median,ips_min,ips_max,instructions,syncs,insns_per_sync,wall_s_median".split(",")
ok = rows[0] == head and len(rows) == 3 and all(len(r) == 8 for r in rows)
ok = ok and [r[0] for r in rows[1:]] == ["1", "4"] and all(r[4] == sys.argv[2] for r in rows[1:])
ok = ok and all(r[6] == "" and float(r[7]) > 0 for r in rows[1:])
sys.exit(0 if ok else 1)' "$tmp/out" "$insns"

# sweep: JSON
run sweep --engine=cpu --batch=1,4 --repeat=2 --json "$hello"
check "sweep --json exits 0" [ "$rc" -eq 0 ]
check "sweep --json: one array, one object per batch size with every column" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
keys = {"batch", "ips_median", "ips_min", "ips_max", "instructions", "syncs", "insns_per_sync",
        "wall_s_median", "engine", "device", "repeat", "program"}
ok = isinstance(d, list) and [o["batch"] for o in d] == [1, 4] and all(keys <= set(o) for o in d)
ok = ok and all(o["engine"] == "cpu" and o["repeat"] == 2 and o["insns_per_sync"] is None for o in d)
sys.exit(0 if ok else 1)' "$tmp/out"

# sweep --plot
if command -v gnuplot >/dev/null; then
    run sweep --engine=cpu --batch=1,4 --repeat=1 --plot="$tmp/sweep.png" "$countdown"
    check "sweep --plot exits 0" [ "$rc" -eq 0 ]
    check "sweep --plot writes a PNG" bash -c "[ -s '$tmp/sweep.png' ] && head -c 8 '$tmp/sweep.png' | grep -q PNG"
else
    echo "skipped: sweep --plot (gnuplot is not installed)"
fi
mkdir "$tmp/nobin"
PATH=$tmp/nobin "$temu" sweep --engine=cpu --repeat=1 --plot="$tmp/none.png" "$countdown" \
    >"$tmp/out" 2>"$tmp/err"; rc=$?
check "sweep --plot without gnuplot: exit 1, one line saying so" \
    bash -c "[ $rc -eq 1 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q gnuplot '$tmp/err'"

# sweep: help, usage errors, failing runs
run sweep --help
check "sweep --help exits 0 with usage on stdout" bash -c "[ $rc -eq 0 ] && grep -q '^usage: temu sweep' '$tmp/out'"
usage_error "sweep --batch=0" sweep --batch=0 "$countdown"
usage_error "sweep --batch=1,,4" sweep --batch=1,,4 "$countdown"
usage_error "sweep --batch=20000" sweep --batch=20000 "$countdown"
usage_error "sweep --repeat=0" sweep --repeat=0 "$countdown"
usage_error "sweep --engine=tpu" sweep --engine=tpu "$countdown"
usage_error "sweep --stats (set by sweep itself)" sweep --stats "$countdown"
usage_error "sweep without a program" sweep --engine=cpu
usage_error "sweep with an option unknown to temu" sweep --engine=cpu --bogus "$countdown"
usage_error "sweep --lanes=0" sweep --lanes=0 "$countdown"
usage_error "sweep --lanes=1,,2" sweep --lanes=1,,2 "$countdown"
run sweep --engine=cpu --max-insns=100 "$countdown"
check "sweep: a failing run exits 1 with its error in one line" \
    bash -c "[ $rc -eq 1 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'instruction limit of 100' '$tmp/err'"
run sweep --engine=cpu --repeat=1 "$progs/dep_chain.elf"
check "sweep: a guest's own non-zero exit code is no failure" [ "$rc" -eq 0 ]

# compare
run compare --engines=cpu "$hello"
check "compare --engines=cpu exits 0" [ "$rc" -eq 0 ]
check "compare: table header" grep -Eq '^engine +batch +instructions +syncs +exit +median IPS +device$' "$tmp/out"
check "compare: a cpu row" grep -Eq '^cpu +0 +[0-9]+ +0 +0 +[0-9]+ +.+$' "$tmp/out"
check "compare: the guest's stdout is not echoed" bash -c "! grep -q 'Hello from temu' '$tmp/out'"

run compare --engines=cpu,cpu --repeat=2 "$countdown"
check "compare --engines=cpu,cpu --repeat=2: all 4 runs agree" \
    bash -c "[ $rc -eq 0 ] && grep -q '^all 4 runs agree' '$tmp/out' && grep -q '^cpu#2 ' '$tmp/out'"

run compare --engines=cpu,cpu "$progs/dep_chain.elf"
check "compare: same non-zero guest exit code agrees" bash -c "[ $rc -eq 0 ] && grep -Eq '^cpu#1 .* 44 ' '$tmp/out'"

# TEST HOOK in host/cli/temu_compare.c: the second run's stdout gets one byte changed.
TEMU_COMPARE_TEST_SKEW=1 "$temu" compare --engines=cpu,cpu "$hello" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "compare: a stdout mismatch exits 1" [ "$rc" -eq 1 ]
check "compare: the mismatch is named in one line with its byte offset" \
    bash -c "one_line() { [ \$(wc -l <'$tmp/err') -eq 1 ]; }; one_line && grep -q 'stdout differs at byte 0: cpu#1 has 0x48' '$tmp/err'"
check "compare: the table is still printed on a mismatch" grep -q '^cpu#2 ' "$tmp/out"

run compare --help
check "compare --help exits 0 with usage on stdout" bash -c "[ $rc -eq 0 ] && grep -q '^usage: temu compare' '$tmp/out'"
usage_error "compare --engines=tpu" compare --engines=tpu "$hello"
usage_error "compare --engine=cpu (use --engines)" compare --engine=cpu "$hello"
usage_error "compare --dump-state (set by compare itself)" compare --dump-state=x "$hello"
usage_error "compare --repeat=x" compare --repeat=x "$hello"
usage_error "compare without a program" compare --engines=cpu
if ! "$temu" --list-devices >/dev/null 2>&1; then
    run compare --engines=gpu "$hello"
    check "compare --engines=gpu without a device: exit 1, one line" \
        bash -c "[ $rc -eq 1 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'not available' '$tmp/err'"
fi

check "the subcommands leave no temporary files behind" bash -c "[ -z \"\$(ls -A '$tmp/scratch')\" ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
