#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# e2e pcap port: frames from a pcap file enter the NIC's wire RX and must reach the host exactly,
# except a runt and an oversized frame, which the MAC drops and counts; frames the host sends
# leave on the wire into a pcap file exactly, short ones zero-padded to 60 bytes by the MAC.
set -u
source "$(dirname "$0")/lib.sh" "$1"
py=${PYTHON:-python3}
tool="$here/pcaptool.py"

# wire input: 40 good frames of assorted sizes, plus a 40-byte runt and a 9,300-byte giant
specs=(); for i in $(seq 1 40); do specs+=("$(( (i * 2311) % 9157 + 60 )):$i"); done
$py "$tool" gen "$work/in.pcap" 64 "${specs[@]:0:20}" 40:99 9300:98 "${specs[@]:20}"
$py "$tool" select "$work/in.pcap" "$work/expect_rx.pcap" 60 9216
# host transmit: 25 frames, one of them 30 bytes (padded on the wire)
tx=(); for i in $(seq 1 24); do tx+=("$(( (i * 733) % 9000 + 60 )):$((i + 100))"); done
$py "$tool" gen "$work/tx.pcap" 30:500 "${tx[@]}"
$py "$tool" pad60 "$work/tx.pcap" "$work/expect_tx.pcap"

start_sim --port "pcap:$work/in.pcap,$work/out.pcap"
check "recv gets the 41 good frames" "$bin/tonicctl" -d "sim:$sock" recv --count 41 --timeout 60 "$work/rx.pcap"
check "received frames equal the good input frames" $py "$tool" cmp "$work/rx.pcap" "$work/expect_rx.pcap"
check "send transmits 25 frames" "$bin/tonicctl" -d "sim:$sock" send "$work/tx.pcap"
for _ in $(seq 1 100); do [ "$(stat tx_frames)" = 25 ] && break; sleep 0.1; done
check "device counted 1 runt" [ "$(stat rx_drop_runt)" = 1 ]
check "device counted 1 oversized frame" [ "$(stat rx_drop_oversize)" = 1 ]
check "device counted 41 RX frames" [ "$(stat rx_frames)" = 41 ]
check "device counted 25 TX frames" [ "$(stat tx_frames)" = 25 ]
stop_sim
check "wire output equals the sent frames (padded)" $py "$tool" cmp "$work/out.pcap" "$work/expect_tx.pcap"
finish
