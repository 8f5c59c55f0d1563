#!/bin/sh
# run_program.sh: run one guest program and compare its stdout and exit code with the recorded ones.
#
#   run_program.sh [--fp-check OBJDUMP CODE_ELF UNDEF_WORDS] EXPECTED -- COMMAND [ARGS...]
#
# EXPECTED is a path prefix: EXPECTED.out holds the stdout, EXPECTED.code the exit code (both made
# by programs/record_expected.sh under qemu-aarch64). On a mismatch it prints a unified diff and
# both exit codes, and fails.
#
# --fp-check: before running, disassemble CODE_ELF (the ELF holding the code under test; for a flat
# .bin, the ELF it was copied from) and, if it contains an FP or Advanced SIMD instruction that
# temu's decoder leaves UNDEF (UNDEF_WORDS: tests/tools/undef_words), skip with exit code 77
# (ctest's SKIP_RETURN_CODE): temu does not execute those yet. Deciding from the binary rather
# than from a list keeps the skip honest when a compiler change adds or removes them.
set -u

if [ "${1:-}" = "--fp-check" ]; then
    objdump=$2 code_elf=$3 undef_words=$4
    shift 4
    # An FP/SIMD instruction always names a b/h/s/d/q/v register; symbols (<...>) and comments
    # (// ...) are cut first so names there cannot match. Each line starts with _WORD (the '_'
    # keeps the hex digits from matching).
    fp=$("$objdump" -d "$code_elf" |
        awk -F'\t' '/^ *[0-9a-f]+:/ {
            split($1, a, ":"); rest = a[2]; gsub(/^ +| +$/, "", rest)
            if (rest != "") { # llvm-objdump: "addr: b0 b1 b2 b3", little-endian bytes
                n = split(rest, b, " "); w = ""; for (i = n; i >= 1; i--) w = w b[i]; m = $2; o = $3
            } else {          # GNU objdump: "addr:", the word, mnemonic, operands
                w = $2; gsub(/ /, "", w); m = $3; o = $4
            }
            print "_" w " " a[1] ": " m " " o }' |
        sed 's/<[^>]*>//g; s|//.*||' |
        grep -E '(^|[^a-z0-9_])[bhsdqv][0-9]{1,2}([^0-9]|$)')
    # ... of which those temu's decoder leaves UNDEF
    if [ -n "$fp" ]; then
        undef=$(printf '%s\n' "$fp" | awk '{ print substr($1, 2) }' | "$undef_words" | tr '\n' ' ')
        fp=$(printf '%s\n' "$fp" | awk -v u=" $undef" '{ if (index(u, " " substr($1, 2) " ")) print }')
    fi
    if [ -n "$fp" ]; then
        count=$(printf '%s\n' "$fp" | wc -l)
        echo "SKIP: $code_elf has $count FP/SIMD instructions temu does not decode yet; first:"
        printf '%s\n' "$fp" | head -n 1 | tr -s ' \t' ' '
        exit 77
    fi
fi

expected=$1
if [ "${2:-}" != "--" ] || [ $# -lt 3 ]; then
    echo "usage: $0 [--fp-check OBJDUMP CODE_ELF UNDEF_WORDS] EXPECTED -- COMMAND [ARGS...]" >&2
    exit 2
fi
shift 2

out=$(mktemp "${TMPDIR:-/tmp}/temu-prog.XXXXXX") || exit 1
trap 'rm -f "$out"' EXIT
"$@" > "$out"
code=$?
want_code=$(cat "$expected.code")

status=0
if ! cmp -s "$expected.out" "$out"; then
    echo "FAIL: stdout differs from $expected.out (--- expected, +++ got):"
    diff -u "$expected.out" "$out" | head -n 60
    status=1
fi
if [ "$code" != "$want_code" ]; then
    echo "FAIL: exit code $code, expected $want_code"
    status=1
fi
[ $status = 0 ] && echo "ok: $*"
exit $status
