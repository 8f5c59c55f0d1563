#!/bin/bash
# kernel_paths.sh TEMU IMAGE [ARGS...]: the GPU engine's kernels built from the embedded source and
# loaded as SPIR-V (TEMU_CL_PROGRAM=source|il) must both agree with the CPU engine. A device that
# takes no SPIR-V makes the IL half skip (exit 77) after the source half passed.
set -u
temu=$1
shift
here=$(dirname "$0")
TEMU_CL_PROGRAM=source bash "$here/engines_agree.sh" "$temu" "--engine=gpu --batch=64" "$@" || exit 1
err=$(TEMU_CL_PROGRAM=il "$temu" --engine=gpu "$@" 2>&1 >/dev/null)
if [ $? -ne 0 ] && printf '%s' "$err" | grep -q "takes no SPIR-V"; then
    echo "SKIP il: $err"
    exit 77
fi
TEMU_CL_PROGRAM=il bash "$here/engines_agree.sh" "$temu" "--engine=gpu --batch=64" "$@"
