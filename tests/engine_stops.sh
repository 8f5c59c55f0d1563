#!/bin/bash
# engine_stops.sh TEMU "OPTIONS": precise stops on another engine. Each flat binary below stops in
# the middle of a block whose other instructions could run alongside the stopping one; the engine
# given by OPTIONS must leave exactly the CPU engine's registers, exit status and error line
# (tests/engines_agree.sh compares them; env AGREE_SCRIPT=lanes_agree.sh: as lanes). Also
# self-modifying code inside one block.
set -u
temu=$1 opts=$2
here=$(dirname "$0")
T=$(mktemp -d "${TMPDIR:-/tmp}/temu-stops.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

# shellcheck source=words.sh
. "$here/words.sh"

# A load faults at level 2 while `mov x4, #7` (level 1) and the second add (level 2) run beside it:
# neither may show in the registers.
#   mov x0,#0; mov x2,#5; add x3,x3,#1; ldr x1,[x0]; mov x4,#7; add x3,x3,#1; b .
words 0xd2800000 0xd28000a2 0x91000463 0xf9400001 0xd28000e4 0x91000463 0x14000000 > "$T/load_fault.bin"
# The fault (level 2) comes after a chain of adds (levels 1 to 4) that must all take effect.
#   mov x5,#3; add x5,x5,#1 (x3); mov x0,#0; ldr x1,[x0]; b .
words 0xd2800065 0x910004a5 0x910004a5 0x910004a5 0xd2800000 0xf9400001 0x14000000 > "$T/late_chain.bin"
# A store with writeback, then a faulting store: sp keeps the first writeback only.
#   mov x2,#5; str x2,[sp,#-16]!; mov x0,#0; str x1,[x0]; mov x4,#7; b .
words 0xd28000a2 0xf81f0fe2 0xd2800000 0xf9000001 0xd28000e4 0x14000000 > "$T/store_fault.bin"
# Flags set and read beside an undefined instruction that ends the block.
#   mov x2,#5; cmp x2,#5; csinc x6,x2,x3,eq; udf #0
words 0xd28000a2 0xf100145f 0x9a830446 0x00000000 > "$T/undef.bin"
# Self-modifying code in one block: the store rewrites `mov x0,#1` two words ahead into
# `mov x0,#42`; the guest must exit with 42.
#   adr x0,1f; movz w1,#0x540; movk w1,#0xd280,lsl #16; str w1,[x0]; 1: mov x0,#1; mov x8,#93; svc #0
words 0x10000080 0x5280a801 0x72ba5001 0xb9000001 0xd2800020 0xd2800ba8 0xd4000001 > "$T/smc.bin"

fail=0
for case in load_fault late_chain store_fault undef smc; do
    bash "$here/${AGREE_SCRIPT:-engines_agree.sh}" "$temu" "$opts" "$T/$case.bin" || fail=1
done
# The self-modifying program must really have run the new instruction, on both engines.
"$temu" $opts "$T/smc.bin"
code=$?
[ "$code" -eq 42 ] || { echo "FAIL: smc.bin exited $code with [$opts], want 42"; fail=1; }
exit $fail
