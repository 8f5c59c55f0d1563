#!/bin/bash
# loopvec_stats.sh TEMU ENGINE-OPTION IMAGE [ARGS...]: run IMAGE with --loopvec on the CPU engine
# and on ENGINE-OPTION (e.g. --engine=resident) and require the same vector-path counters
# (loops_vectorized, loop_iterations, loop_instructions), at least one vectorized loop, and the
# same retired instructions: both engines must take the vector path at the same heads.
set -u
temu=$1 engine=$2
shift 2
field() { tail -n 1 "$1" | sed -n "s/.*\"$2\": \\([0-9]*\\).*/\\1/p"; }
t=$(mktemp -d "${TMPDIR:-/tmp}/temu-lvstats.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT
"$temu" --engine=cpu --loopvec --stats=json "$@" >/dev/null 2>"$t/cpu" || { echo "cpu run failed"; cat "$t/cpu"; exit 1; }
"$temu" "$engine" --loopvec --stats=json "$@" >/dev/null 2>"$t/other" || { echo "$engine run failed"; cat "$t/other"; exit 1; }
fail=0
for f in loops_vectorized loop_iterations loop_instructions instructions; do
    a=$(field "$t/cpu" $f) b=$(field "$t/other" $f)
    if [ -z "$a" ] || [ "$a" != "$b" ]; then
        echo "DIFFER: $f: cpu '$a', $engine '$b'"
        fail=1
    else
        echo "$f: $a"
    fi
done
[ "$(field "$t/cpu" loops_vectorized)" -gt 0 ] 2>/dev/null || { echo "no loop was vectorized"; fail=1; }
exit $fail
