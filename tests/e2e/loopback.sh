#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# e2e loopback: the real driver against the simulated NIC with the wire looped back. Frames of
# every size from 60 to 9,216 bytes over all four queue pairs; every byte, the order and the
# completion statuses are checked by tonicctl; the device's counters must agree exactly.
set -u
source "$(dirname "$0")/lib.sh" "$1"
n=${2:-400}
start_sim --port loopback
out=$("$bin/tonicctl" -d "sim:$sock" loopback --count "$n" --min 60 --max 9216 --queues 4 --seed 7 --timeout 120)
echo "$out"
check "loopback reports PASS" grep -q "^result: PASS" <<<"$out"
check "all $n frames received" grep -qE "received +$n frames" <<<"$out"
check "device counted $n TX frames" [ "$(stat tx_frames)" = "$n" ]
check "device counted $n RX frames" [ "$(stat rx_frames)" = "$n" ]
check "TX and RX byte counters agree" [ "$(stat tx_bytes)" = "$(stat rx_bytes)" ]
check "no drops" [ "$(stat rx_drop_fifo)$(stat rx_drop_nobuf)$(stat rx_drop_fcs)" = "000" ]
stop_sim
check "simulator saw no DMA fault" grep -qE "dma_faults +0$" "$work/sim.log"
finish
