#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""pcaptool.py — tiny pcap writer/reader for the end-to-end tests (no dependencies).

  pcaptool.py gen OUT.pcap SPEC...   write frames; SPEC is LEN or LEN:SEED (random bytes, with a
                                     valid-looking Ethernet header: locally administered MACs)
  pcaptool.py cmp A.pcap B.pcap      exit 0 if both hold the same frames in the same order
  pcaptool.py count A.pcap           print the number of frames
  pcaptool.py pad60 IN.pcap OUT.pcap copy, zero-padding frames shorter than 60 bytes (what a MAC sends)
  pcaptool.py select IN.pcap OUT.pcap MIN MAX  copy only frames with MIN <= len <= MAX
  pcaptool.py arpreq OUT.pcap SRCMAC SRCIP DSTIP     one ARP request (who has DSTIP, tell SRCIP)
  pcaptool.py arpreply IN.pcap MAC IP PEERIP   exit 0 if frame 0 is an ARP reply from PEERIP to MAC/IP
  pcaptool.py udp IN.pcap SRCIP DSTIP PORT TEXT  exit 0 if some frame is a UDP datagram SRCIP -> DSTIP:PORT
                                               carrying TEXT
"""
import random
import struct
import sys


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        raise SystemExit(f"pcaptool: {path}: too short for a pcap header")
    magic = struct.unpack("<I", data[:4])[0]
    if magic not in (0xA1B2C3D4, 0xA1B23C4D):
        raise SystemExit(f"pcaptool: {path}: not a little-endian pcap")
    frames, off = [], 24
    while off < len(data):
        if off + 16 > len(data):
            raise SystemExit(f"pcaptool: {path}: truncated record header")
        _, _, incl, _ = struct.unpack("<IIII", data[off:off + 16])
        off += 16
        frames.append(data[off:off + incl])
        off += incl
    return frames


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", i, 0, len(fr), len(fr)))
            f.write(fr)


def frame(n, seed):
    r = random.Random(seed)
    body = bytes(r.getrandbits(8) for _ in range(max(0, n - 14)))
    hdr = bytes([0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02]) + struct.pack(">H", 0x88B5)
    return (hdr + body)[:n]


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cmd = argv[1]
    if cmd == "gen":
        frames = []
        for i, spec in enumerate(argv[3:]):
            n, _, s = spec.partition(":")
            frames.append(frame(int(n), int(s) if s else i + 1))
        write(argv[2], frames)
    elif cmd == "cmp":
        a, b = read(argv[2]), read(argv[3])
        if a != b:
            for i, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    print(f"pcaptool: frame {i} differs ({len(x)} vs {len(y)} bytes)")
                    break
            print(f"pcaptool: {argv[2]} has {len(a)} frames, {argv[3]} has {len(b)}")
            return 1
    elif cmd == "count":
        print(len(read(argv[2])))
    elif cmd == "pad60":
        write(argv[3], [f + bytes(60 - len(f)) if len(f) < 60 else f for f in read(argv[2])])
    elif cmd == "select":
        lo, hi = int(argv[4]), int(argv[5])
        write(argv[3], [f for f in read(argv[2]) if lo <= len(f) <= hi])
    elif cmd == "arpreq":
        mac, sip, dip = mac_b(argv[3]), ip_b(argv[4]), ip_b(argv[5])
        arp = struct.pack(">HHBBH", 1, 0x0800, 6, 4, 1) + mac + sip + bytes(6) + dip
        write(argv[2], [b"\xff" * 6 + mac + b"\x08\x06" + arp + bytes(18)])
    elif cmd == "arpreply":
        mac, ip, peer = mac_b(argv[3]), ip_b(argv[4]), ip_b(argv[5])
        f = read(argv[2])[0]
        ok = (len(f) >= 42 and f[0:6] == mac and f[12:14] == b"\x08\x06" and
              struct.unpack(">H", f[20:22])[0] == 2 and f[28:32] == peer and f[32:38] == mac and f[38:42] == ip)
        print(f"pcaptool: frame 0 ({len(f)} bytes) {'is' if ok else 'is not'} the expected ARP reply")
        return 0 if ok else 1
    elif cmd == "udp":
        sip, dip, port, text = ip_b(argv[3]), ip_b(argv[4]), int(argv[5]), argv[6].encode()
        for f in read(argv[2]):
            if len(f) < 42 or f[12:14] != b"\x08\x00" or f[23] != 17 or f[26:30] != sip or f[30:34] != dip:
                continue
            l4 = 14 + (f[14] & 15) * 4
            if struct.unpack(">H", f[l4 + 2:l4 + 4])[0] == port and f[l4 + 8:l4 + 8 + len(text)] == text:
                return 0
        print("pcaptool: no matching UDP datagram found")
        return 1
    else:
        raise SystemExit(__doc__)
    return 0


def mac_b(s):
    return bytes(int(x, 16) for x in s.split(":"))


def ip_b(s):
    return bytes(int(x) for x in s.split("."))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
