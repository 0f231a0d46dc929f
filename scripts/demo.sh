#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# demo.sh — the NIC's main job, end to end: start the cycle-accurate simulator of the whole device
# (tonic-sim, wire looped back), enumerate it with the real driver, print its identity and
# register blocks, talk to the firmware on its soft core (version, capabilities, an offload request
# it accepts and one it refuses with a reason), let the NIC fill in the checksums of generated
# frames and report its parse and checksum verdicts, then send 1,000 frames of 60..9,000 bytes
# through the NIC's DMA, MAC and back, checking every byte. Finally stop the simulator, which prints its own
# statistics.
# Usage: scripts/demo.sh [BUILD_DIR]   (make demo runs it after building)
set -euo pipefail
build=${1:-build}
bin="$build/bin"
for b in tonic-sim tonicctl tonic-pktgen; do
    [ -x "$bin/$b" ] || { echo "demo: $bin/$b is missing; run 'make demo' (it builds first)" >&2; exit 1; }
done

run=$(mktemp -d /tmp/tonic-demo.XXXXXX)
export TONIC_SIM_DIR="$run/registry"
sock="$run/nic0.sock"
sim_pid=""
cleanup() {
    if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
        kill -TERM "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    rm -rf "$run"
}
trap cleanup EXIT

echo "== starting the simulated NIC (Verilator model of rtl/tonic_nic.v, wire in loopback)"
"$bin/tonic-sim" --socket "$sock" --port loopback &
sim_pid=$!
for _ in $(seq 1 100); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || { echo "demo: simulator did not come up" >&2; exit 1; }

echo
echo "== tonicctl list"
"$bin/tonicctl" list
echo
echo "== tonicctl -d sim:$sock info"
"$bin/tonicctl" -d "sim:$sock" info
echo
echo "== the control plane: the firmware on the RISC-V soft core answers through the mailbox"
"$bin/tonicctl" -d "sim:$sock" fw version
"$bin/tonicctl" -d "sim:$sock" fw log
"$bin/tonicctl" -d "sim:$sock" caps
echo
echo "== offload negotiation: a request the hardware can honour (checksums, TX and RX) is applied"
"$bin/tonicctl" -d "sim:$sock" offload set tx-checksum-ipv4 on tx-checksum-ipv6 on rx-checksum on
echo
echo "== ... and one it cannot (TCP segmentation: not in this build yet) is refused with the reason"
"$bin/tonicctl" -d "sim:$sock" offload set tx-tcp-segmentation on '*LsoV2IPv4=1' || true
echo
echo "== checksum offload: 12 generated frames (VLAN, IPv4 options, IPv6 extension headers, TCP/UDP,"
echo "   GRE/NVGRE, ESP/AH, ...) with broken checksum fields; the NIC fills in every checksum it can"
echo "   parse on the way out, and reports its parse and checksum verdicts on the way back in"
"$bin/tonic-pktgen" 12 7 "$run/frames.pcap" --break-csum --max 400
"$bin/tonicctl" -d "sim:$sock" recv --count 12 --timeout 30 --meta "$run/back.pcap" &
rcv=$!
sleep 1
"$bin/tonicctl" -d "sim:$sock" send --csum "$run/frames.pcap"
wait "$rcv"
echo
echo "== tonicctl loopback: 1000 frames, 60..9000 bytes, every byte checked"
"$bin/tonicctl" -d "sim:$sock" loopback --count 1000 --min 60 --max 9000 --seed 1
echo
echo "== tonicctl stats"
"$bin/tonicctl" -d "sim:$sock" stats
echo
echo "== stopping the simulator"
kill -INT "$sim_pid"
wait "$sim_pid"
sim_pid=""
