#!/bin/bash
# lanes_agree.sh TEMU "OPTIONS" IMAGE [ARGS...]: run IMAGE once alone on the CPU engine (the
# reference) and as 3 lanes with OPTIONS (e.g. "--engine=resident"), and require every lane to match
# the reference: stdout, stderr, final registers (DIR/N.state), retired instructions and status in
# lanes.tsv, and temu's exit status. The lanes run every program through the lane executor
# (execute_lanes on the GPU engines), which must agree with the CPU engine as the others do.
set -u
temu=$1 opts=$2
shift 2
t=$(mktemp -d "${TMPDIR:-/tmp}/temu-lanes-agree.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT
lanes=3
window=--lane-mem=64M # both runs: the same window, so the same stack addresses in the registers

"$temu" --engine=cpu $window --stats=json --dump-state="$t/cpu.state" "$@" >"$t/cpu.out" 2>"$t/cpu.all"
cpu_code=$?
# shellcheck disable=SC2086 # OPTIONS is a list of words
"$temu" $opts $window --lanes=$lanes --lane-output="$t/lanes" --dump-state="$t/lanes" "$@" >/dev/null 2>"$t/lanes.err"
lanes_code=$?

fail=0
differ() { echo "DIFFER: $*"; fail=1; }
sed '$d' "$t/cpu.all" >"$t/cpu.err" # the guest's stderr and temu's error line, not the stats line
insns=$(tail -n 1 "$t/cpu.all" | sed -n 's/.*"instructions": \([0-9]*\).*/\1/p')
status=$(tail -n 1 "$t/cpu.all" | sed -n 's/.*"status": "\([a-z]*\)".*/\1/p')
want_code=$cpu_code
[ "$status" = exit ] || want_code=1 # lanes that fault, or stop on any error, make temu exit 1
[ "$want_code" = "$lanes_code" ] || differ "exit status: want $want_code (cpu $cpu_code), [$opts --lanes=$lanes] $lanes_code"
for ((l = 0; l < lanes; l++)); do
    cmp -s "$t/cpu.out" "$t/lanes/$l.out" || { differ "lane $l stdout"; diff "$t/cpu.out" "$t/lanes/$l.out" | head -n 5; }
    # A lane's .err holds the guest's stderr; temu's own error line for it goes to temu's stderr.
    if [ "$status" = exit ]; then
        cmp -s "$t/cpu.err" "$t/lanes/$l.err" || { differ "lane $l stderr"; diff "$t/cpu.err" "$t/lanes/$l.err" | head -n 5; }
    fi
    cmp -s "$t/cpu.state" "$t/lanes/$l.state" || { differ "lane $l final state"; diff "$t/cpu.state" "$t/lanes/$l.state" | head -n 10; }
    row=$(awk -F'\t' -v l=$l 'NR > 1 && $1 == l { print $3 " " $4 }' "$t/lanes/lanes.tsv")
    [ "$row" = "$insns $status" ] || differ "lane $l in lanes.tsv: '$row', cpu '$insns $status'"
done
[ $fail -eq 0 ] && echo "agree: $* ($lanes lanes, exit $cpu_code, $insns instructions each) with [$opts]"
exit $fail
