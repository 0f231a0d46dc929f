#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# e2e checksum offload against Linux: the simulated NIC's wire is a TAP interface in a private
# network namespace, so the peer is the kernel's own IPv4/IPv6 stack, which drops any frame with a
# wrong checksum.
#  TX: frames built with wrong checksums in every field are sent with `tonicctl send --csum`; the
#      NIC fills in the IPv4 header and TCP/UDP checksums. Linux must deliver the UDP datagrams
#      (IPv4, IPv6, IPv4 with options) to its sockets and answer the TCP SYNs (IPv4, IPv6, with TCP
#      options) with SYN-ACKs — whose checksums the NIC verifies on the way back (TCP_OK).
#  RX: datagrams Linux sends get UDP_OK (+IP_OK); frames the test corrupts in transit (a payload
#      byte, a TCP byte, an IPv4 header byte) are delivered flagged UDP_BAD / TCP_BAD / IP_BAD.
# Needs root (namespaces, TAP) and scapy; reports skipped (77) otherwise.
set -u
source "$(dirname "$0")/lib.sh" "$1"
peer="$here/csum_peer.py"
py=python3
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null && "$p" -c "import scapy.all" 2>/dev/null; then py=$p; break; fi
done
if [ "$(id -u)" -ne 0 ] || [ ! -c /dev/net/tun ] || ! command -v ip >/dev/null; then
    echo "skipped: needs root, /dev/net/tun and iproute2"; exit 77
fi
"$py" -c "import scapy.all" 2>/dev/null || { echo "skipped: needs python3-scapy"; exit 77; }
ns="tonic-csum-$$"
ip netns add "$ns" || { echo "skipped: cannot create a network namespace"; exit 77; }
trap 'cleanup; ip netns del "$ns" 2>/dev/null' EXIT
ip -n "$ns" link set lo up
ctl() { "$bin/tonicctl" -d "sim:$sock" "$@"; }

sock="$work/nic.sock"
ip netns exec "$ns" "$bin/tonic-sim" --quiet --socket "$sock" --port tap:tnic0 >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 200); do [ -S "$sock" ] && break; sleep 0.05; done
check "simulator with a TAP port starts" [ -S "$sock" ]
for k in accept_ra=0 autoconf=0 dad_transmits=0 router_solicitations=0; do
    ip netns exec "$ns" sysctl -qw "net.ipv6.conf.tnic0.$k" || true
done
ip -n "$ns" addr add 10.78.0.1/24 dev tnic0
ip -n "$ns" -6 addr add fd00:78::1/64 dev tnic0 nodad
ip -n "$ns" link set tnic0 up
our_mac=02:00:00:00:78:02
linux_mac=$(ip -n "$ns" -o link show tnic0 | sed -E 's/.*link\/ether ([0-9a-f:]+).*/\1/')
ip -n "$ns" neigh replace 10.78.0.2 lladdr $our_mac dev tnic0 nud permanent
ip -n "$ns" -6 neigh replace fd00:78::2 lladdr $our_mac dev tnic0 nud permanent

out=$(ctl offload set tx-checksum-ipv4 on tx-checksum-ipv6 on rx-checksum on 2>&1); rc=$?
check "the firmware switches checksum offload on (rc $rc: $out)" [ $rc -eq 0 ]
sleep 2   # let Linux's link-up traffic (IPv6 MLD reports) go by before the NIC receives

# ---- TX: Linux must accept what the NIC checksummed
"$py" "$peer" build "$work/tx.pcap" $our_mac "$linux_mac"
ip netns exec "$ns" "$py" "$peer" listen 12 >"$work/listen.log" 2>&1 &
lis=$!
ctl recv --count 8 --timeout 6 --meta "$work/synack.pcap" >"$work/recv_tx.log" 2>&1 &
rcv=$!
sleep 1.5   # recv has enabled its RX queue, the listeners are up
out=$(ctl send --csum "$work/tx.pcap" 2>&1); rc=$?
check "send --csum transmits the five frames (rc $rc: $out)" expect $rc 0 "$out" "requested on 5 of 5"
wait "$rcv"
wait "$lis"
dgrams() { grep -q "datagram 10.78.0.2 tonic udp4 csum" "$work/listen.log" &&
           grep -q "datagram fd00:78::2 tonic udp6 csum" "$work/listen.log" &&
           grep -q "datagram 10.78.0.2 tonic udp4 ipopt" "$work/listen.log"; }
check "Linux delivered the three offloaded UDP datagrams to its sockets ($(tr '\n' ';' <"$work/listen.log"))" dgrams
check "Linux answered the offloaded SYNs, and the NIC verified the SYN-ACKs" \
    "$py" "$peer" check-tx "$work/synack.pcap" "$work/recv_tx.log"

# ---- RX: verdicts on what Linux sends, and on frames corrupted in transit
ctl recv --count 5 --timeout 8 --meta "$work/rx.pcap" >"$work/recv_rx.log" 2>&1 &
rcv=$!
sleep 1.5
ip netns exec "$ns" "$py" -c "
import socket
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'linux udp4', ('10.78.0.2', 9999))
socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).sendto(b'linux udp6', ('fd00:78::2', 9999))"
ip netns exec "$ns" "$py" "$peer" corrupt tnic0 $our_mac "$linux_mac"
wait "$rcv"
check "RX verdicts: OK on Linux's datagrams, BAD on the corrupted frames (which are delivered)" \
    "$py" "$peer" check-rx "$work/rx.pcap" "$work/recv_rx.log"
[ -n "${CSUM_DEBUG:-}" ] && cat "$work/recv_rx.log" "$work/recv_tx.log"
csum_tx=$(stat tx_csum); bad=$(stat rx_csum_bad)
counted() { [ "${csum_tx:-0}" -ge 5 ] && [ "${bad:-0}" -ge 3 ]; }
check "statistics count the offloaded frames ($csum_tx) and the bad checksums ($bad)" counted
stop_sim
finish
