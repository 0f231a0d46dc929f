#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# e2e TAP: the simulated NIC's wire is a Linux TAP interface in a private network namespace, so
# the peer is the Linux kernel's own network stack. An ARP request sent through the NIC's TX path
# must be answered by Linux (reply received through the NIC's RX path), and a ping Linux sends
# must arrive through RX. Needs root (namespaces, TAP); reports skipped (77) otherwise.
set -u
source "$(dirname "$0")/lib.sh" "$1"
py=${PYTHON:-python3}
tool="$here/pcaptool.py"
if [ "$(id -u)" -ne 0 ] || [ ! -c /dev/net/tun ] || ! command -v ip >/dev/null; then
    echo "skipped: needs root, /dev/net/tun and iproute2"; exit 77
fi
ns="tonic-e2e-$$"
ip netns add "$ns" || { echo "skipped: cannot create a network namespace"; exit 77; }
trap 'cleanup; ip netns del "$ns" 2>/dev/null' EXIT
ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n "$ns" link set lo up

sock="$work/nic.sock"
ip netns exec "$ns" "$bin/tonic-sim" --quiet --socket "$sock" --port tap:tnic0 >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 200); do [ -S "$sock" ] && break; sleep 0.05; done
check "simulator with a TAP port starts" [ -S "$sock" ]
ip -n "$ns" addr add 10.77.0.1/24 dev tnic0
ip -n "$ns" link set tnic0 up
linux_mac=$(ip -n "$ns" -o link show tnic0 | sed -E 's/.*link\/ether ([0-9a-f:]+).*/\1/')
our_mac=02:00:00:00:77:02

# ARP: we ask, Linux answers
$py "$tool" arpreq "$work/arp.pcap" "$our_mac" 10.77.0.2 10.77.0.1
"$bin/tonicctl" -d "sim:$sock" recv --count 1 --timeout 30 "$work/reply.pcap" >"$work/recv1.log" 2>&1 &
rcv=$!
sleep 1.5   # recv has enabled its RX queue: the TAP port now injects what Linux sends
check "send the ARP request" "$bin/tonicctl" -d "sim:$sock" send "$work/arp.pcap"
rc=0; wait "$rcv" || rc=$?
check "receive one frame from Linux" [ "$rc" -eq 0 ]
check "it is Linux's ARP reply ($linux_mac) to us" $py "$tool" arpreply "$work/reply.pcap" "$our_mac" 10.77.0.2 10.77.0.1

# UDP: Linux (which learned our address from the request) sends us a datagram; the NIC receives it
"$bin/tonicctl" -d "sim:$sock" recv --count 1 --timeout 30 "$work/ping.pcap" >"$work/recv2.log" 2>&1 &
rcv=$!
sleep 1.5
ip netns exec "$ns" $py -c "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'hello tonic', ('10.77.0.2', 9999))"
rc=0; wait "$rcv" || rc=$?
check "receive Linux's datagram" [ "$rc" -eq 0 ]
check "it is the UDP datagram 10.77.0.1 -> 10.77.0.2:9999" $py "$tool" udp "$work/ping.pcap" 10.77.0.1 10.77.0.2 9999 "hello tonic"
check "device counted no receive errors" [ "$(stat rx_drop_fcs)$(stat rx_err_desc)" = "00" ]
stop_sim
finish
