#!/bin/bash
# gpu_sweeps.sh [BUILD_DIR] [OUT_DIR]: `temu sweep` of the GPU batch engine and of the
# device-resident engine (one lane) over batch sizes on the countdown (2-instruction blocks: pure sync cost) and on straight_adds
# (one 10,000-add block, the prototype's benchmark), each next to the CPU engine on the same
# program, written to OUT_DIR/gpu_sweep_<device>.md with the machine, device and command lines.
set -eu
build=${1:-build}
out=${2:-bench/results}
temu=$build/temu
progs=$build/programs
repeat=${REPEAT:-5}
batches=${BATCHES:-1,8,64,512,4096}
device=$("$temu" --list-devices | sed -n 's/^ *device [0-9]*: \(.*[^ ]\)  *<- temu picks.*/\1/p' | head -n 1)
tag=$(printf '%s' "${device:-unknown}" | tr -c 'A-Za-z0-9' '_' | tr -s _ | sed 's/_*$//' | cut -c1-40)
md=$out/gpu_sweep_$tag.md
mkdir -p "$out"
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
{
    echo "# GPU batch and resident engines: IPS over batch sizes ($(date -u +%Y-%m-%d))"
    echo
    echo "- host: $cpu, $(nproc) cores; OpenCL device: ${device:-none}"
    echo "- macro figures (whole guest programs, execution wall time only; kernel build and loading"
    echo "  are reported apart by temu). Median of $repeat runs after one warm-up; lanes 1."
    echo
    # program, its arguments for the batch engine (every block is a sync: the small size), and
    # for the resident engine and the CPU engine (the test size, where launches are amortised)
    for case in "countdown|small|" "straight_adds|small|small"; do
        IFS='|' read -r name gpu_args res_args <<<"$case"
        echo "## $name"
        echo
        echo "\`temu sweep --engine=gpu --batch=$batches --repeat=$repeat $progs/$name.elf $gpu_args\`,"
        echo "then \`--engine=resident\` and \`--engine=cpu\` with \`$progs/$name.elf $res_args\`"
        echo
        echo '```'
        "$temu" sweep --engine=gpu --batch="$batches" --repeat="$repeat" "$progs/$name.elf" $gpu_args
        echo
        "$temu" sweep --engine=resident --batch="$batches" --repeat="$repeat" "$progs/$name.elf" $res_args
        echo
        "$temu" sweep --engine=cpu --batch=1 --repeat="$repeat" "$progs/$name.elf" $res_args | tail -n 1 |
            sed 's/^/cpu engine, same program: /'
        echo '```'
        echo
    done
} > "$md"
"$temu" sweep --engine=gpu --batch="$batches" --repeat="$repeat" --plot="$out/gpu_sweep_${tag}_straight_adds.png" \
    "$progs/straight_adds.elf" small > /dev/null
echo "wrote $md"
