#!/usr/bin/env bash
# regress.sh FUZZER RUNS SEEDS REGRESS ARTIFACT_PREFIX: the regression run of one libFuzzer target.
# Replays every reproducer in REGRESS (if any), then runs the seeds in SEEDS, the reproducers and
# RUNS executions in all from random seed 1. What the run finds new goes to a scratch directory
# that is removed afterwards, so repeated runs do the same work; a crash leaves its input at
# ARTIFACT_PREFIX<kind>-<sha1> and fails.
set -euo pipefail
fuzzer=$1 runs=$2 seeds=$3 regress=$4 prefix=$5
new=$(mktemp -d)
trap 'rm -rf "$new"' EXIT
dirs=("$seeds")
if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
    echo "== replaying $(ls "$regress" | wc -l) reproducer(s) from $regress"
    "$fuzzer" -artifact_prefix="$prefix" "$regress"/*
    dirs+=("$regress")
fi
echo "== $runs executions from $seeds"
"$fuzzer" -runs="$runs" -seed=1 -timeout=30 -print_final_stats=1 -artifact_prefix="$prefix" \
    "$new" "${dirs[@]}"
