#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/parse.sh — the parser and checksum figures in the README (`make bench` runs this).
#  1. cycles per frame through TX checksum insertion (tonic_tx_csum) and the receive half
#     (tonic_rx_front + tonic_rx_csum) for 64..9,216-byte frames, back to back, against the limit
#     ceil(len/8) of a 64-bit stream (goal: the limit plus at most one cycle per frame)
#  2. parser latency: cycles from a frame's last beat to its record, over 100,000 generated frames
#  3. the malformed-frame campaign: 1,000,000 damaged frames through the parser, and 1,000,000 each
#     through the receive half and TX insertion, all compared with the C model
#  4. Yosys area on ECP5 of each block
# Usage: bench/parse.sh [BUILD_DIR] [--quick]   (--quick: 100,000 frames in step 3)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
quick=0; [ "${2:-}" = "--quick" ] && quick=1
bin="$build/bin"
gen="$build/gen"
for b in tb_parser tb_rx tb_tx; do
    [ -x "$bin/$b" ] || { echo "bench/parse.sh: $bin/$b is missing (build first)" >&2; exit 2; }
done

echo "== 1. cycles per frame, back to back (64-bit stream: limit = ceil(len/8))"
printf "%-8s %-8s %-14s %-14s\n" "frame" "limit" "TX csum" "RX parse+csum"
for size in 64 128 256 512 1024 1518 4096 9216; do
    n=3000; [ "$size" -ge 4096 ] && n=400
    tx=$("$bin/tb_tx" rate $n 1 $size | awk '/^rate/ {print $4}')
    rx=$("$bin/tb_rx" rate $n 1 $size | awk '/^rate/ {print $4}')
    printf "%-8s %-8s %-14s %-14s\n" "$size" "$(( (size + 7) / 8 ))" "$tx" "$rx"
done

echo "== 2. parser latency (last beat to record), 100,000 generated frames"
"$bin/tb_parser" gen 100000 7 0 | grep -E "latency|passed"

n=1000000; [ $quick -eq 1 ] && n=100000
echo "== 3. malformed-frame campaign: $n frames each, random stalls, compared with the C model"
for t in "tb_parser mutate $n 9 20" "tb_rx mutate $n 10 20 0x1F00" "tb_tx mutate $n 11 20 0x4001F"; do
    s=$(date +%s)
    out=$("$bin"/$t)
    echo "$t: $(tail -n 1 <<<"$out") ($(( $(date +%s) - s )) s)"
    grep -E "^frames:" <<<"$out" || true
done

echo "== 4. Yosys area on ECP5"
for m in tonic_parser tonic_rx_front tonic_rx_csum tonic_tx_csum; do
    cells=$("$top/scripts/rtl_check.sh" synth $m "$gen" 2>/dev/null | awk '$1 ~ /LUT4|TRELLIS_FF|DP16KD|TRELLIS_DPR16X4/ {printf "%s %s  ", $1, $2}')
    echo "$m: $cells"
done
