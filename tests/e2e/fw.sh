#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fw.sh BIN_DIR — the firmware control plane end to end: the firmware built into the simulated NIC
# boots and serves the mailbox; capabilities and configuration through tonicctl; a set request the
# hardware cannot honour is refused with a reason and changes nothing; bad arguments are usage
# errors; the firmware is replaced through the FW window (CRC-checked) and serves again; the
# datapath still moves frames afterwards.
set -u
source "$(dirname "$0")/lib.sh" "$1"
fwdir="$(dirname "$bin")/firmware"
ctl() { "$bin/tonicctl" -d "sim:$sock" "$@"; }

start_sim --port loopback

out=$(ctl fw version 2>&1); rc=$?
check "fw version answers (rc $rc: $out)" [ $rc -eq 0 ]
check "fw version reports mailbox protocol 1" grep -q "mailbox protocol 1" <<<"$out"
log=$(ctl fw log 2>&1)
check "the firmware's banner is in its log ($log)" grep -qi "tonic" <<<"$log"

out=$(ctl caps 2>&1)
check "caps lists what the RTL has: 16 DMA buffers per frame" grep -q "dma_sg 16" <<<"$out"
supported() { grep -qE "tx-checksum-ipv4 +on *$" <<<"$out" && grep -qE "tx-tcp-segmentation +off +\[not supported\]" <<<"$out"; }
check "caps: checksum offload supported, LSO not in this build" supported
out=$(ctl offload show 2>&1)
check "offload show: everything off at start" grep -q "csum 0x00000000 lso 0x0" <<<"$out"

out=$(ctl offload set tx-tcp-segmentation on 2>&1); rc=$?
check "an unsupported feature is refused (rc $rc)" [ $rc -eq 1 ]
check "... with the firmware's reason ($out)" grep -q "refused: unsupported" <<<"$out"
out=$(ctl offload set '*LsoV2IPv4=1' 2>&1); rc=$?
check "an unsupported NDIS keyword is refused (rc $rc: $out)" [ $rc -eq 1 ]
out=$(ctl offload show 2>&1)
check "a refused request changes nothing" grep -q "csum 0x00000000 lso 0x0" <<<"$out"
out=$(ctl offload set '*LsoV2IPv4=7' 2>&1); rc=$?
check "a keyword value out of range is a usage error (rc $rc)" [ $rc -eq 2 ]
out=$(ctl offload set warp-drive on 2>&1); rc=$?
check "an unknown feature is a usage error (rc $rc: $out)" [ $rc -eq 2 ]
out=$(ctl fw bogus 2>&1); rc=$?
check "an unknown fw verb is a usage error (rc $rc)" [ $rc -eq 2 ]

out=$(ctl fw stats 2>&1)
req=$(awk '$1 == "requests" {print $2}' <<<"$out")
errs=$(awk '$1 == "errors" {print $2}' <<<"$out")
counted() { [ "${req:-0}" -ge 8 ] && [ "${errs:-0}" -ge 2 ]; }
check "the firmware counted its requests ($req) and the refusals ($errs)" counted

out=$(ctl fw load "$work/missing.elf" 2>&1); rc=$?
check "fw load of a missing file fails clearly (rc $rc: $out)" [ $rc -eq 1 ]
out=$(ctl fw load "$fwdir/tonic-fw.elf" 2>&1); rc=$?
check "fw load writes, CRC-checks and restarts the firmware (rc $rc: $out)" expect $rc 0 "$out" "CRC checked"
out=$(ctl fw version 2>&1)
up=$(sed -n 's/.*up \([0-9]*\) cycles.*/\1/p' <<<"$out")
fresh() { [ -n "$up" ] && [ "$up" -lt 2000000 ]; }
check "the reloaded firmware answers, freshly started (uptime $up cycles)" fresh
out=$(ctl fw stats 2>&1)
check "its statistics start again" [ "$(awk '$1 == "errors" {print $2}' <<<"$out")" = "0" ]

out=$(ctl loopback --count 50 --min 60 --max 1500 --timeout 60 2>&1); rc=$?
check "frames still loop through the datapath (rc $rc)" [ $rc -eq 0 ]

stop_sim
finish
