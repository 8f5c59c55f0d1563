#!/bin/sh
# tsvc_select.sh: the loop corpus's command line (programs/tsvc/tsvc_main.c) on temu, against the
# output qemu-aarch64 recorded for every kernel at the test size.
#
#   tsvc_select.sh TEMU IMAGE EXPECTED.out
#
# `list` names the kernels of EXPECTED.out in its order, each with one of TSVC's categories; a
# kernel run alone prints exactly its line of the `all` run (the arrays are set up afresh before
# every kernel), for the first, the last and two kernels between; an unknown kernel or size is
# exit 2 with a message.
set -u
temu=$1 image=$2 expected=$3
t=$(mktemp -d "${TMPDIR:-/tmp}/temu-tsvc.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

categories=" control_loops linear_dependence induction global_dataflow control_flow symbolics "
categories="$categories statement_reordering loop_restructuring node_splitting expansion "
categories="$categories crossing_thresholds reductions recurrences search packing loop_rerolling "
categories="$categories equivalencing indirect_addressing "
"$temu" "$image" list > "$t/list" || bad "list: exit $?"
cut -d' ' -f1 "$t/list" > "$t/names"
cut -d' ' -f1 "$expected" > "$t/want"
cmp -s "$t/names" "$t/want" || { bad "list names differ from $expected"; diff "$t/want" "$t/names" | head -n 5; }
while read -r name cat; do
    case $categories in *" $cat "*) ;; *) bad "$name: unknown category '$cat'" ;; esac
done < "$t/list"

count=$(wc -l < "$t/want")
for i in 1 $((count / 3)) $((2 * count / 3)) "$count"; do
    name=$(sed -n "${i}p" "$t/want")
    "$temu" "$image" "$name" > "$t/one" || bad "$name: exit $?"
    sed -n "${i}p" "$expected" > "$t/want_one"
    cmp -s "$t/one" "$t/want_one" || bad "$name alone: '$(cat "$t/one")', expected '$(cat "$t/want_one")'"
done

"$temu" "$image" no_such_kernel > "$t/out"
code=$?
[ $code = 2 ] && grep -q '^unknown kernel no_such_kernel' "$t/out" || bad "unknown kernel: exit $code, '$(cat "$t/out")'"
"$temu" "$image" all huge > "$t/out"
code=$?
[ $code = 2 ] && grep -q '^unknown size huge' "$t/out" || bad "unknown size: exit $code, '$(cat "$t/out")'"

[ $fail = 0 ] && echo "tsvc_select: $count kernels listed, 4 alone as in all, usage errors"
exit $fail
