#!/usr/bin/env bash
# Command-line behaviour of temu: help, version, usage errors, --stats, --max-insns, --trace,
# exit-code propagation. usage: cli.sh TEMU PROGRAM_DIR
set -u
temu=$1 progs=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=harness.sh
. "$(dirname "$0")/harness.sh"

run --help
check "--help exits 0" [ "$rc" -eq 0 ]
check "--help documents the exit statuses" grep -q "132 undefined instruction" "$tmp/out"

run --version
check "--version exits 0 and names temu" bash -c "[ $rc -eq 0 ] && grep -q '^temu [0-9]' '$tmp/out'"

run --bogus "$progs/hello.elf"
check "unknown option exits 2" [ "$rc" -eq 2 ]
check "unknown option: one line naming it" bash -c "[ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q -- --bogus '$tmp/err'"

run
check "no program exits 2 with one line" bash -c "[ $rc -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"

run --max-insns=abc "$progs/hello.elf"
check "bad --max-insns exits 2" [ "$rc" -eq 2 ]

run --engine=warp "$progs/hello.elf"
check "unknown engine exits 2" [ "$rc" -eq 2 ]

run --batch=0 "$progs/hello.elf"
check "--batch=0 exits 2 with one line" bash -c "[ $rc -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
run --batch=16385 "$progs/hello.elf"
check "--batch above 16384 exits 2" [ "$rc" -eq 2 ]
run --budget=0 "$progs/hello.elf"
check "--budget=0 exits 2" [ "$rc" -eq 2 ]
# 0 is no load address (nothing is mapped below 64K): --base=0 must not quietly mean the default.
run --base=0 "$progs/countdown.bin"
check "--base=0 exits 2 with one line naming --base" bash -c "[ $rc -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q -- --base '$tmp/err'"
run --base=0x400000 "$progs/countdown.bin"
check "--base=0x400000 (the default, given) runs the flat binary" bash -c "[ $rc -eq 0 ] && grep -q 'reached zero' '$tmp/out'"

# fs_root_missing: a root that does not exist used to be accepted, and every guest path then failed.
run --fs-root="$tmp/no-such-dir" "$progs/hello.elf"
check "--fs-root that does not exist exits 2 with one line naming it" bash -c "[ $rc -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q no-such-dir '$tmp/err'"
run --fs-root="$progs/hello.elf" "$progs/hello.elf"
check "--fs-root that is a file exits 2" [ "$rc" -eq 2 ]
run loops --fs-root="$tmp/no-such-dir" "$progs/hello.elf"
check "temu loops --fs-root that does not exist exits 2" [ "$rc" -eq 2 ]

run --engine=cpu --dump-state=- "$progs/hello.elf"
check "--dump-state=- writes 69 register lines to stderr" bash -c "[ $rc -eq 0 ] && [ \$(grep -c '^[a-z0-9]* 0x' '$tmp/err') -eq 69 ]"

run --engine=cpu --stats=json "$progs/hello.elf"
check "--stats=json keeps the guest's exit code" [ "$rc" -eq 0 ]
check "--stats=json leaves stdout to the guest" grep -q "Hello from temu!" "$tmp/out"
json=$(tail -n 1 "$tmp/err")
check "--stats=json: last stderr line has every required key" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
need = ["instructions", "blocks", "syncs", "wall_s", "ips", "engine", "device", "batch", "lanes"]
sys.exit(0 if all(k in d for k in need) and d["instructions"] > 0 and d["engine"] == "cpu" else 1)
' "$json"

run --stats "$progs/hello.elf"
check "--stats prints instructions and ips" bash -c "grep -q 'instructions' '$tmp/err' && grep -q 'ips' '$tmp/err'"

run --max-insns=100 --stats=json "$progs/countdown.elf"
check "--max-insns stops with exit 1" [ "$rc" -eq 1 ]
check "--max-insns says so in one line" bash -c "head -n 1 '$tmp/err' | grep -q 'instruction limit of 100 reached at pc 0x'"
check "--max-insns retires exactly N instructions" python3 -c '
import json, sys; sys.exit(0 if json.loads(sys.argv[1])["instructions"] == 100 else 1)' "$(tail -n 1 "$tmp/err")"

run --trace="$tmp/trace" --stats=json "$progs/hello.elf"
n=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["instructions"])' "$(tail -n 1 "$tmp/err")")
check "--trace writes one line per retired instruction" [ "$(wc -l <"$tmp/trace")" -eq "$n" ]
check "--trace lines carry pc, encoding and capstone's disassembly" \
    grep -Eq '^[0-9a-f]{16}  [0-9a-f]{8}  (bl|b|mov|stp|adrp|add|sub|ldr|str|ret|svc)\b' "$tmp/trace"
check "--trace shows changed registers" grep -Eq ' (x[0-9]+|sp)=[0-9a-f]+' "$tmp/trace"

run "$progs/dep_chain.elf"
check "the guest's exit code is temu's (dep_chain exits 44)" [ "$rc" -eq 44 ]

run "$progs/args_file.elf" /nonexistent/file
check "a guest's failed open is the guest's business, not a temu error" bash -c "[ $rc -ne 132 ] && [ $rc -ne 139 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
