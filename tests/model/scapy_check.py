#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""scapy_check.py — an independent cross-check of the C model against scapy.

scapy builds frames (IPv4 with options, IPv6 with extension headers, TCP with options, UDP,
802.1Q/802.1ad tags, GRE with checksum/key/sequence carrying IPv4 or IPv6, NVGRE carrying an
inner Ethernet frame, ICMP, Ethernet padding) and computes every checksum itself. For each frame
this script writes one line with scapy's layer offsets and the verdict the NIC must give, then runs
the C checker (model_test_scapy_check), which parses the frame with tonic_parse, checks the offsets,
types and datagram ends, and requires tonic_rx_csum to say OK for every checksum scapy wrote.

Usage: scapy_check.py CHECKER [COUNT [SEED]]. Exit code 77 (ctest: skipped) when scapy is missing.
"""
import os
import random
import subprocess
import sys
import tempfile

try:
    from scapy.layers.inet import ICMP, IP, TCP, UDP, IPOption_NOP, IPOption_RR
    from scapy.layers.inet6 import (ICMPv6EchoRequest, IPv6, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment,
                                    IPv6ExtHdrHopByHop, IPv6ExtHdrRouting, PadN)
    from scapy.layers.l2 import GRE, Dot1AD, Dot1Q, Ether
    from scapy.packet import Padding, Raw
except Exception as e:  # noqa: BLE001 - any import problem means "no scapy here"
    print(f"scapy not available ({e}): skipped")
    sys.exit(77)

# docs/parser.md / tonic_regs.toml enums
L3 = {"none": 0, "ip4": 1, "ip6": 2, "other": 3}
L4 = {"none": 0, "tcp": 1, "udp": 2, "gre": 3, "esp": 4, "frag": 5, "other": 6}


def offset(pkt, layer):
    """Offset of `layer` (a layer object inside pkt) from the frame start."""
    return len(bytes(pkt)) - len(bytes(layer))


def ip_layer(r, inner, v6):
    if not v6:
        opts = []
        if r.random() < 0.4:
            opts = [IPOption_NOP()] * r.choice([1, 3, 4, 8])
            if r.random() < 0.5:
                opts.append(IPOption_RR(routers=["10.0.0.%d" % i for i in range(r.randint(1, 4))]))
        return IP(src="10.%d.%d.1" % (inner, r.randint(0, 255)), dst="192.168.%d.%d" % (inner, r.randint(1, 254)),
                  ttl=r.randint(1, 255), id=r.randint(0, 65535), options=opts)
    ip = IPv6(src="2001:db8:%x::1" % r.randint(0, 0xFFFF), dst="fd00:%x::%x" % (inner, r.randint(1, 0xFFFF)),
              hlim=r.randint(1, 255), fl=r.randint(0, 0xFFFFF))
    if inner == 0 and r.random() < 0.5:
        # an extension chain that stays within the 128-byte budget
        exts = []
        if r.random() < 0.5:
            exts.append(IPv6ExtHdrHopByHop(options=[PadN(optdata=b"\0" * r.choice([0, 4, 12, 20]))]))
        if r.random() < 0.5:
            exts.append(IPv6ExtHdrRouting(addresses=[]))
        if r.random() < 0.5:
            exts.append(IPv6ExtHdrDestOpt(options=[PadN(optdata=b"\0" * r.choice([4, 12]))]))
        if r.random() < 0.3:
            exts.append(IPv6ExtHdrFragment(offset=0, m=0, id=r.randint(0, 2**32 - 1)))  # atomic
        for e in exts:
            ip = ip / e
    return ip


def l4_layer(r, v6):
    k = r.random()
    if k < 0.45:
        opts = []
        if r.random() < 0.6:
            opts = r.choice([[("MSS", 1460)], [("MSS", 1460), ("WScale", 7), ("SAckOK", b"")],
                             [("NOP", None), ("NOP", None), ("Timestamp", (r.randint(0, 2**32 - 1), 0))],
                             [("MSS", 536), ("SAck", (1, 2, 3, 4))]])
        return "tcp", TCP(sport=r.randint(1024, 65535), dport=r.choice([80, 443, 22]), seq=r.randint(0, 2**32 - 1),
                          flags=r.choice(["S", "SA", "A", "PA", "FA"]), options=opts)
    if k < 0.9:
        return "udp", UDP(sport=r.randint(1024, 65535), dport=r.choice([53, 123, 4789, 5000]))
    return "other", ICMPv6EchoRequest(id=r.randint(0, 65535)) if v6 else ICMP(id=r.randint(0, 65535))


def payload(r):
    n = r.choice([0, 1, 2, 3, 7, 18, 64, 200, 1000, r.randint(0, 1400)])
    return Raw(load=bytes(r.getrandbits(8) for _ in range(n))) if n else None


def build(r):
    """One random frame: (name, scapy packet, description dict)."""
    d = {"l3": "none", "l3_off": 0, "l4": "none", "l4_off": 0, "tun": 0, "il2_off": 0, "il3": "none",
         "il3_off": 0, "il4": "none", "il4_off": 0, "l3_end": 0, "il3_end": 0, "flags": []}
    vl = r.choice([0, 0, 0, 1, 2])
    eth = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
    l2 = eth
    if vl == 1:
        l2 = eth / Dot1Q(vlan=r.randint(1, 4094))
    elif vl == 2:
        l2 = eth / Dot1AD(vlan=r.randint(1, 4094)) / Dot1Q(vlan=r.randint(1, 4094))
    v6 = r.random() < 0.45
    outer_ip = ip_layer(r, 0, v6)
    name = ["vlan%d" % vl, "ip6" if v6 else "ip4"]
    tunnel = r.random() < 0.3
    if tunnel:
        nv = r.random() < 0.5
        iv6 = r.random() < 0.5
        if nv:
            g = GRE(key_present=1, key=r.randint(0, 2**32 - 1), proto=0x6558)
        else:
            g = GRE(chksum_present=r.randint(0, 1), key_present=r.randint(0, 1), seqnum_present=r.randint(0, 1),
                    key=r.randint(0, 2**32 - 1), seqence_number=r.randint(0, 2**32 - 1),
                    proto=0x86DD if iv6 else 0x0800)
        inner_ip = ip_layer(r, 1, iv6)
        kind, l4 = l4_layer(r, iv6)
        tail = inner_ip / l4
        p = payload(r)
        if p is not None:
            tail = tail / p
        if nv:
            ivl = r.choice([0, 1, 2])
            ie = Ether(src="02:00:00:00:01:01", dst="02:00:00:00:01:02")
            if ivl == 1:
                ie = ie / Dot1Q(vlan=5)
            elif ivl == 2:
                ie = ie / Dot1AD(vlan=6) / Dot1Q(vlan=7)
            inner = ie / tail
        else:
            inner = tail
        pkt = l2 / outer_ip / g / inner
        name += ["nvgre" if nv else "gre", "ip6" if iv6 else "ip4", kind]
    else:
        kind, l4 = l4_layer(r, v6)
        tail = outer_ip / l4
        p = payload(r)
        if p is not None:
            tail = tail / p
        pkt = l2 / tail
        name.append(kind)
    raw = bytes(pkt)
    pad = 0
    if len(raw) < 60 or r.random() < 0.05:
        pad = max(60 - len(raw), 0) or r.randint(1, 8)
    pkt = Ether(raw + b"\0" * pad)  # re-dissect the exact bytes (checksums as scapy wrote them)

    # offsets from the dissected frame
    def first(cls, start=None):
        lay = start if start is not None else pkt
        while lay is not None and not isinstance(lay, cls):
            lay = lay.payload if lay.payload else None
        return lay

    def walk_set(start, prefix, lim_layer):
        ipl = start
        v = "ip6" if isinstance(ipl, IPv6) else "ip4"
        d[prefix + "l3"] = v
        d[prefix + "l3_off"] = offset(pkt, ipl)
        if v == "ip4":
            d[prefix + "l3_end"] = d[prefix + "l3_off"] + ipl.len
            d["flags"].append("OUTER_IP_OK" if prefix == "" else "INNER_IP_OK")
        else:
            d[prefix + "l3_end"] = d[prefix + "l3_off"] + 40 + ipl.plen
        lay = ipl.payload
        while isinstance(lay, (IPv6ExtHdrHopByHop, IPv6ExtHdrRouting, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment)):
            lay = lay.payload
        if isinstance(lay, TCP):
            d[prefix + "l4"] = "tcp"
        elif isinstance(lay, UDP):
            d[prefix + "l4"] = "udp"
        elif isinstance(lay, GRE):
            d[prefix + "l4"] = "gre"
        else:
            d[prefix + "l4"] = "other"
        d[prefix + "l4_off"] = d[prefix + "l3_end"] - len(bytes(lay)) if lay else d[prefix + "l3_end"]
        if lay and not isinstance(lay, (Raw, Padding)):
            d[prefix + "l4_off"] = offset(pkt, lay)
        return lay

    ip0 = first((IP, IPv6))
    l4 = walk_set(ip0, "", None)
    inner_l4 = None
    if isinstance(l4, GRE):
        if l4.proto == 0x6558:
            d["tun"] = 2
            ie = l4.payload
            d["il2_off"] = offset(pkt, ie)
            ip1 = first((IP, IPv6), ie)
        else:
            d["tun"] = 1
            ip1 = l4.payload
        inner_l4 = walk_set(ip1, "i", None)
    innermost = inner_l4 if d["tun"] else l4
    if isinstance(innermost, TCP):
        d["flags"].append("TCP_OK")
    elif isinstance(innermost, UDP):
        d["flags"].append("UDP_OK")
    if "OUTER_IP_OK" in d["flags"] or "INNER_IP_OK" in d["flags"]:
        d["flags"].append("IP_OK")
    return "-".join(name), bytes(pkt), d


FLAG_ORDER = ["IP_OK", "IP_BAD", "TCP_OK", "TCP_BAD", "UDP_OK", "UDP_BAD", "OUTER_IP_OK", "OUTER_IP_BAD",
              "INNER_IP_OK", "INNER_IP_BAD"]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    checker = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    r = random.Random(seed)
    lines = []
    for _ in range(count):
        name, raw, d = build(r)
        flags = ",".join(f for f in FLAG_ORDER if f in d["flags"]) or "-"
        fields = [d["l3_off"], L3[d["l3"]], d["l4_off"], L4[d["l4"]], d["l3_end"], d["tun"], d["il2_off"],
                  d["il3_off"], L3[d["il3"]], d["il4_off"], L4[d["il4"]], d["il3_end"]]
        lines.append("%s %s %s %s" % (name, flags, " ".join(str(x) for x in fields), raw.hex()))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(lines) + "\n")
        path = fh.name
    try:
        return subprocess.call([checker, path])
    finally:
        os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
