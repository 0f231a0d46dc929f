#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# lockstep_random.sh RVGEN TONIC_CPU WORKDIR PROGRAMS INSNS — generate PROGRAMS random programs of
# INSNS instructions (rvgen, seeds 1..PROGRAMS) and run each on the RTL in lockstep with the C model,
# with random peripheral-bus stalls and external interrupts. Fails at the first disagreement.
set -euo pipefail
rvgen=$1; cpu=$2; work=$3; n=$4; insns=$5
mkdir -p "$work"
events=0
for seed in $(seq 1 "$n"); do
    elf="$work/random-$seed.elf"
    "$rvgen" --seed "$seed" --insns "$insns" "$elf"
    stall=$(( (seed * 7) % 50 ))
    if ! out=$("$cpu" --lockstep --seed "$seed" --stall "$stall" --irq-ext $(( seed % 4 )) "$elf" 2>&1); then
        echo "$out"
        echo "FAIL: seed $seed (reproduce: $rvgen --seed $seed --insns $insns x.elf && $cpu --lockstep --seed $seed --stall $stall --irq-ext $(( seed % 4 )) x.elf)"
        exit 1
    fi
    events=$(( events + $(sed -n 's/.* \([0-9]*\) instructions retired.*/\1/p' <<<"$out") ))
done
echo "lockstep: $n random programs, $events instructions retired, every retirement equal to the model's"
