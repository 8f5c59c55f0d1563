#!/bin/bash
# engines_agree.sh TEMU "OPTIONS" IMAGE [ARGS...]: run IMAGE on the CPU engine (the reference) and
# with OPTIONS (e.g. "--engine=gpu --batch=3"), and require the same exit status, stdout, error
# line, final registers (--dump-state) and retired-instruction count. Prints what differs.
# Env AGREE_COMMON: options for both runs (e.g. --max-insns=N, to compare where a budget stops;
# then the reference run must really stop on that limit, or the test would compare nothing of it).
set -u
temu=$1 opts=$2
shift 2
t=$(mktemp -d "${TMPDIR:-/tmp}/temu-agree.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT

image_args=("$@")
# shellcheck disable=SC2086 # option lists
"$temu" --engine=cpu ${AGREE_COMMON:-} --stats=json --dump-state="$t/cpu.state" "${image_args[@]}" >"$t/cpu.out" 2>"$t/cpu.err"
cpu_code=$?
# shellcheck disable=SC2086 # OPTIONS is a list of words
"$temu" $opts ${AGREE_COMMON:-} --stats=json --dump-state="$t/other.state" "${image_args[@]}" >"$t/other.out" 2>"$t/other.err"
other_code=$?

insns() { tail -n 1 "$1" | sed -n 's/.*"instructions": \([0-9]*\).*/\1/p'; }
fail=0
differ() { echo "DIFFER: $*"; fail=1; }
[ "$cpu_code" = "$other_code" ] || differ "exit status: cpu $cpu_code, [$opts] $other_code"
cmp -s "$t/cpu.out" "$t/other.out" || { differ "stdout"; diff "$t/cpu.out" "$t/other.out" | head -n 5; }
# stderr: everything but the --stats=json line (it names the engine and the timings)
head -n -1 "$t/cpu.err" >"$t/cpu.msg"
head -n -1 "$t/other.err" >"$t/other.msg"
cmp -s "$t/cpu.msg" "$t/other.msg" || { differ "stderr"; diff "$t/cpu.msg" "$t/other.msg" | head -n 5; }
cmp -s "$t/cpu.state" "$t/other.state" || { differ "final state"; diff "$t/cpu.state" "$t/other.state" | head -n 10; }
limit=$(printf '%s\n' ${AGREE_COMMON:-} | sed -n 's/^--max-insns=//p')
if [ -n "$limit" ] && ! grep -q "instruction limit of $limit reached" "$t/cpu.msg"; then
    differ "--max-insns=$limit: the cpu run did not stop on the limit (exit $cpu_code)"
fi
a=$(insns "$t/cpu.err") b=$(insns "$t/other.err")
[ -n "$a" ] && [ "$a" = "$b" ] || differ "instructions: cpu '$a', [$opts] '$b'"
[ $fail -eq 0 ] && echo "agree: $* (exit $cpu_code, $a instructions) with [$opts]"
exit $fail
