#!/bin/bash
# lanes_sweep.sh: aggregate IPS over lane counts (`temu sweep --lanes`) on countdown and
# fib_iter, next to as many concurrent qemu-aarch64 processes as the host has cores running the
# same program, all in the same run. Writes OUT_DIR/lanes_sweep_<cpu>.md naming the machine.
#
#   bench/lanes_sweep.sh [--build=DIR] [--out=DIR] [--engines=cpu,gpu,resident]
#                        [--lanes=1,2,16,256,4096] [--size=test] [--repeat=3]
#
# --engines: the engines to sweep (default cpu; gpu and resident need an OpenCL device, PoCL
# will do). --size: the programs' size argument (small, test or bench; see
# programs/*.c); every lane runs the whole program at that size.
# qemu's aggregate IPS = the program's instruction count (temu --stats, one lane) x processes /
# wall time of all processes together (median of --repeat runs); qemu is a JIT running one guest
# per process, temu's CPU engine runs one lane per thread, one thread per core.
set -eu
build=build out=bench/results engines=cpu lanes=1,2,16,256,4096 size=test repeat=3
for a in "$@"; do
    case $a in
    --build=*) build=${a#*=} ;;
    --out=*) out=${a#*=} ;;
    --engines=*) engines=${a#*=} ;;
    --lanes=*) lanes=${a#*=} ;;
    --size=*) size=${a#*=} ;;
    --repeat=*) repeat=${a#*=} ;;
    *) echo "usage: $0 [--build=DIR] [--out=DIR] [--engines=LIST] [--lanes=LIST] [--size=S] [--repeat=R]" >&2
       exit 2 ;;
    esac
done
temu=$build/temu
progs=$build/programs
qemu=$(command -v qemu-aarch64 || command -v qemu-aarch64-static || true)
cores=$(nproc)
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
tag=$(printf '%s' "${cpu:-unknown}" | tr -c 'A-Za-z0-9' '_' | tr -s _ | sed 's/^_*//; s/_*$//' | cut -c1-40)
mkdir -p "$out"
md=$out/lanes_sweep_$tag.md

# Median wall seconds of `cores` concurrent qemu processes running prog size, over repeat runs.
qemu_wall() {
    local prog=$1 walls=() t0 t1
    for _ in $(seq "$repeat"); do
        t0=$(date +%s.%N)
        for _ in $(seq "$cores"); do "$qemu" "$prog" "$size" >/dev/null & done
        wait
        t1=$(date +%s.%N)
        walls+=("$(echo "$t1 - $t0" | bc -l)")
    done
    printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# CSV rows of `temu sweep --csv` as markdown rows: lanes | aggregate IPS | lane IPS | instructions | wall
csv_to_md() {
    awk -F, 'NR > 1 { printf "| %s | %.1fM (%.1fM-%.1fM) | %.1fM | %s | %.6f |\n", $2, $3 / 1e6, $4 / 1e6, $5 / 1e6, $6 / 1e6, $7, $10 }'
}

{
    echo "# Lanes: aggregate IPS over lane counts ($(date -u +%Y-%m-%d))"
    echo
    echo "- host: $cpu, $cores cores ($(uname -m)); temu $("$temu" --version | cut -d' ' -f2), engines: $engines"
    echo "- every lane runs the whole program at size \`$size\`; median (min-max) of $repeat runs after a"
    echo "  warm-up. Aggregate IPS = all lanes' instructions / wall time of the run (the CPU engine"
    echo "  loads lanes on its threads as they go, so that time includes loading); lane IPS = the"
    echo "  median lane's instructions / the same wall time."
    echo "- qemu: $cores concurrent \`qemu-aarch64 prog $size\` processes (one per core); aggregate"
    echo "  IPS = temu's one-lane instruction count x $cores / their wall time, process start included."
    echo
    for name in countdown fib_iter; do
        prog=$progs/$name.elf
        insns=$("$temu" --engine=cpu --stats=json "$prog" "$size" 2>&1 >/dev/null | tail -n 1 |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["instructions"])')
        echo "## $name ($insns instructions per lane)"
        echo
        for engine in ${engines//,/ }; do
            echo "\`temu sweep --engine=$engine --lanes=$lanes --repeat=$repeat $prog $size\`"
            echo
            echo "| lanes | aggregate IPS | lane IPS | instructions | wall s |"
            echo "|---:|---:|---:|---:|---:|"
            if csv=$("$temu" sweep --engine="$engine" --lanes="$lanes" --repeat="$repeat" --csv "$prog" "$size" 2>"$out/.err"); then
                printf '%s\n' "$csv" | csv_to_md
            else
                echo "| - | $engine failed: $(head -n 1 "$out/.err") | | | |"
            fi
            echo
        done
        if [ -n "$qemu" ]; then
            wall=$(qemu_wall "$prog")
            ips=$(echo "$insns * $cores / $wall / 1000000" | bc -l)
            printf 'qemu-aarch64 (%s), %d processes: wall %.4f s, aggregate %.1fM IPS\n\n' \
                "$("$qemu" --version | head -n 1 | sed 's/.*version //')" "$cores" "$wall" "$ips"
        else
            echo "qemu-aarch64: not installed"
            echo
        fi
    done
} >"$md"
rm -f "$out/.err"
echo "wrote $md"
