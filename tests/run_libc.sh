#!/bin/sh
# run_libc.sh: one program with its own stderr (the glibc programs, the loop corpus) on one engine
# against what qemu-aarch64 recorded.
#
#   run_libc.sh NAME EXPECTED -- COMMAND [ARGS...]
#
# EXPECTED.out, .err and .code hold the guest's stdout, stderr and exit code
# (programs/record_expected.sh). temu's own lines on stderr (they start with "temu: ") are not the
# guest's and are left out of the comparison. The verdict goes through tests/gaps.sh.
set -u
. "$(dirname "$0")/gaps.sh"
name=$1 expected=$2
[ "${3:-}" = "--" ] || { echo "usage: $0 NAME EXPECTED -- COMMAND [ARGS...]" >&2; exit 2; }
shift 3

dir=$(mktemp -d "${TMPDIR:-/tmp}/temu-libc.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
"$@" > "$dir/out" 2> "$dir/err"
code=$?
grep -v '^temu: ' "$dir/err" > "$dir/guest_err"

ok=1
if ! cmp -s "$expected.out" "$dir/out"; then
    echo "stdout differs from $expected.out (--- expected, +++ got):"
    diff -u "$expected.out" "$dir/out" | head -n 40
    ok=0
fi
if ! cmp -s "$expected.err" "$dir/guest_err"; then
    echo "stderr differs from $expected.err:"
    diff -u "$expected.err" "$dir/guest_err" | head -n 20
    ok=0
fi
if [ "$code" != "$(cat "$expected.code")" ]; then
    echo "exit code $code, expected $(cat "$expected.code")"
    ok=0
fi
[ $ok = 0 ] && sed -n '1,3p' "$dir/err"
gap_verdict "$name" $ok "$dir/err"
