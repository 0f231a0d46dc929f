#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""csum_peer.py — the scapy side of e2e_csum_linux (tests/e2e/csum_linux.sh).

  build PCAP OUR_MAC LINUX_MAC     frames for the NIC to send to Linux, with wrong checksums in
                                   every checksum field (tonicctl send --csum must fix them):
                                   UDP/IPv4, UDP/IPv6, UDP/IPv4 with IP options, TCP SYN/IPv4 and
                                   TCP SYN/IPv6 with TCP options
  listen SECONDS                   (in the namespace) UDP sockets on 7001 (IPv4) and 7002 (IPv6),
                                   TCP listeners on 7003/7004; prints each datagram Linux accepted
  corrupt IFACE OUR_MAC LINUX_MAC  (in the namespace) sends, on the raw interface, three frames
                                   corrupted in transit: a UDP/IPv4 payload byte, a TCP/IPv6 byte,
                                   an IPv4 header byte — after their checksums were computed
  check-tx PCAP RECVLOG            Linux answered both SYNs with a SYN-ACK (ack = ISN + 1), and the
                                   NIC's RX verdicts on them are TCP_OK (and IP_OK for IPv4)
  check-rx PCAP RECVLOG            Linux's own UDP datagrams got UDP_OK (+IP_OK), the corrupted
                                   frames got UDP_BAD / TCP_BAD / IP_BAD
The RECVLOG is `tonicctl recv --meta` output: one "frame N: ... csum_flags 0xXXXX ..." line per
completion, in the order of the pcap."""
import re
import socket
import sys
import time

IP4_US, IP4_LX = "10.78.0.2", "10.78.0.1"
IP6_US, IP6_LX = "fd00:78::2", "fd00:78::1"
ISN4, ISN6 = 1000000, 2000000
F = {"IP_OK": 0x1, "IP_BAD": 0x2, "TCP_OK": 0x4, "TCP_BAD": 0x8, "UDP_OK": 0x10, "UDP_BAD": 0x20,
     "OUTER_IP_OK": 0x100, "OUTER_IP_BAD": 0x200}
IP4_OK = F["IP_OK"] | F["OUTER_IP_OK"]
IP4_BAD = F["IP_BAD"] | F["OUTER_IP_BAD"]


def scapy():
    from scapy import all as s  # noqa: imported late so `listen` runs without scapy
    return s


def flags_of(log):
    return [int(m.group(1), 16) for m in re.finditer(r"^frame \d+: .*? csum_flags 0x([0-9a-f]{4})", log, re.M)]


def read(pcap, log):
    s = scapy()
    frames = list(s.rdpcap(pcap)) if pcap else []
    flags = flags_of(open(log).read())
    if len(flags) != len(frames):
        sys.exit(f"{len(frames)} frames in {pcap} but {len(flags)} completions in {log}")
    return list(zip(frames, flags))


def want(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    return 0 if cond else 1


def main(argv):
    cmd = argv[1]
    if cmd == "build":
        s = scapy()
        pcap, us, lx = argv[2], argv[3], argv[4]
        e = s.Ether(src=us, dst=lx)
        topt = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (12345, 0)), ("NOP", None), ("WScale", 7)]
        frames = [
            e / s.IP(src=IP4_US, dst=IP4_LX, chksum=0xDEAD) / s.UDP(sport=5001, dport=7001, chksum=0xBEEF) / b"tonic udp4 csum",
            e / s.IPv6(src=IP6_US, dst=IP6_LX) / s.UDP(sport=5002, dport=7002, chksum=0xBEEF) / b"tonic udp6 csum",
            e / s.IP(src=IP4_US, dst=IP4_LX, chksum=0x1234, options=[s.IPOption_NOP()] * 4)
              / s.UDP(sport=5003, dport=7001, chksum=0x4321) / b"tonic udp4 ipopt",
            e / s.IP(src=IP4_US, dst=IP4_LX, chksum=0xDEAD)
              / s.TCP(sport=40001, dport=7003, flags="S", seq=ISN4, options=topt, chksum=0xBEEF),
            e / s.IPv6(src=IP6_US, dst=IP6_LX) / s.TCP(sport=40002, dport=7004, flags="S", seq=ISN6, options=topt, chksum=0xBEEF),
        ]
        s.wrpcap(pcap, frames)
        return 0
    if cmd == "listen":
        secs = float(argv[2])
        u4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u4.bind((IP4_LX, 7001))
        u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        u6.bind((IP6_LX, 7002))
        t4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        t4.bind((IP4_LX, 7003))
        t4.listen(4)
        t6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        t6.bind((IP6_LX, 7004))
        t6.listen(4)
        print("listening", flush=True)
        end = time.time() + secs
        for u in (u4, u6):
            u.setblocking(False)
        while time.time() < end:
            for u in (u4, u6):
                try:
                    data, peer = u.recvfrom(2048)
                    print(f"datagram {peer[0]} {data.decode(errors='replace')}", flush=True)
                except BlockingIOError:
                    pass
            time.sleep(0.02)
        return 0
    if cmd == "corrupt":
        s = scapy()
        iface, us, lx = argv[2], argv[3], argv[4]
        e = s.Ether(src=lx, dst=us)
        frames = []
        p = e / s.IP(src=IP4_LX, dst=IP4_US) / s.UDP(sport=6001, dport=9999) / b"corrupt udp4 payload"
        b = bytearray(bytes(p))
        b[-3] ^= 0x40                      # a payload byte: the UDP checksum no longer matches
        frames.append(bytes(b))
        p = e / s.IPv6(src=IP6_LX, dst=IP6_US) / s.TCP(sport=6002, dport=9998, flags="A", seq=7) / b"corrupt tcp6"
        b = bytearray(bytes(p))
        b[-1] ^= 0x01
        frames.append(bytes(b))
        p = e / s.IP(src=IP4_LX, dst=IP4_US, ttl=33) / s.UDP(sport=6003, dport=9997) / b"corrupt ip4 header"
        b = bytearray(bytes(p))
        b[14 + 8] ^= 0x10                  # the TTL: the IPv4 header checksum no longer matches
        frames.append(bytes(b))
        for f in frames:
            s.sendp(s.Raw(f), iface=iface, verbose=False)
        return 0
    if cmd == "check-tx":
        s = scapy()
        got = read(argv[2], argv[3])
        bad = 0
        for ip, isn, port, want_flags in ((s.IP, ISN4, 40001, IP4_OK | F["TCP_OK"]), (s.IPv6, ISN6, 40002, F["TCP_OK"])):
            hits = [(p, f) for p, f in got if ip in p and s.TCP in p and p[s.TCP].dport == port
                    and p[s.TCP].flags == "SA" and p[s.TCP].ack == isn + 1]
            name = "IPv4" if ip is s.IP else "IPv6"
            bad += want(len(hits) > 0, f"Linux answered the offloaded TCP SYN over {name} with a SYN-ACK")
            if hits:
                bad += want(all(f == want_flags for _, f in hits),
                            f"... and the NIC's RX verdicts on it are 0x{want_flags:04x} ({[hex(f) for _, f in hits]})")
        return 1 if bad else 0
    if cmd == "check-rx":
        s = scapy()
        got = read(argv[2], argv[3])
        bad = 0

        def find(pred):
            return [f for p, f in got if pred(p)]
        cases = [
            ("Linux's UDP/IPv4 datagram", lambda p: s.IP in p and s.UDP in p and s.Raw in p and p[s.Raw].load == b"linux udp4",
             IP4_OK | F["UDP_OK"]),
            ("Linux's UDP/IPv6 datagram", lambda p: s.IPv6 in p and s.UDP in p and s.Raw in p and p[s.Raw].load == b"linux udp6",
             F["UDP_OK"]),
            ("a UDP/IPv4 frame with a payload byte corrupted in transit",
             lambda p: s.UDP in p and p[s.UDP].sport == 6001, IP4_OK | F["UDP_BAD"]),
            ("a TCP/IPv6 frame corrupted in transit", lambda p: s.TCP in p and p[s.TCP].sport == 6002, F["TCP_BAD"]),
            ("a UDP/IPv4 frame with its IPv4 header corrupted in transit",
             lambda p: s.UDP in p and p[s.UDP].sport == 6003, IP4_BAD | F["UDP_OK"]),
        ]
        for what, pred, fl in cases:
            hits = find(pred)
            bad += want(len(hits) == 1 and hits[0] == fl,
                        f"{what}: delivered once with csum_flags 0x{fl:04x} (got {[hex(f) for f in hits]})")
        return 1 if bad else 0
    sys.exit(f"csum_peer.py: unknown command {cmd}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
