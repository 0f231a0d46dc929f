#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# gen_rsp.py — writes the small NIST CAVP-format response files in vectors/ that test the
# tonic_sha_vectors runner (no CAVP files exist offline). Expected values come from Python's
# hashlib/hmac, which call OpenSSL's libcrypto (checked below), and from the FIPS 180-4 examples;
# messages and keys from a fixed-seed generator, so rerunning gives the same files.
# Files: SHA256ShortMsg.rsp (every byte length 0..64 + the FIPS examples + one bit-length vector
# that must be skipped), SHA256LongMsg.rsp, SHA256Monte.rsp (Monte-Carlo: all skipped),
# SHA256BadMD.rsp (one MD wrong: 1 failed), HMAC.rsp ([L=20], [L=32], [L=48] sections; L != 32
# skipped), HMACBadMac.rsp (one Mac wrong), gcmEncryptExtIV128.rsp (GCM spec cases 1-2: not SHA).
# usage: gen_rsp.py [OUT_DIR]   (default: vectors/ beside this script)
import hashlib
import hmac
import os
import random
import sys

assert hashlib.sha256.__name__ == "openssl_sha256", "hashlib is not using OpenSSL"
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors")
os.makedirs(out, exist_ok=True)
rng = random.Random(20260509)


def rb(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def header(title):
    return (f"#  CAVS-format test file written by tests/crypto/sha/gen_rsp.py (not from NIST)\n"
            f"#  \"{title}\"\n#  expected values: OpenSSL via Python hashlib/hmac\n\n")


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


def sha_rec(msg, md=None, bits=None):
    bits = len(msg) * 8 if bits is None else bits
    md = hashlib.sha256(msg).hexdigest() if md is None else md
    return f"Len = {bits}\nMsg = {msg.hex() if msg else '00'}\nMD = {md}\n\n"


# ---- short messages: 0..64 bytes, the FIPS 180-4 examples, one bit-oriented length ----
t = header("SHA-256 ShortMsg") + "[L = 32]\n\n"
for n in range(65):
    t += sha_rec(rb(n))
t += sha_rec(b"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
t += sha_rec(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
# 5-bit message 0x68 (first five bits 01101): a bit-oriented vector, which the engine skips
t += "Len = 5\nMsg = 68\nMD = " + "00" * 32 + "\n\n"
write("SHA256ShortMsg.rsp", t)

# ---- long messages ----
t = header("SHA-256 LongMsg") + "[L = 32]\n\n"
for n in (65, 119, 120, 127, 128, 183, 1000, 1500, 2047, 4096, 6400, 9216):
    t += sha_rec(rb(n))
write("SHA256LongMsg.rsp", t)

# ---- Monte Carlo (FIPS 180-4 SHAVS §6.4 procedure): the runner skips these ----
seed = rb(32)
t = header("SHA-256 Monte") + "[L = 32]\n\n" + f"Seed = {seed.hex()}\n\n"
md = seed
for j in range(5):
    m = [md, md, md]
    for _ in range(1000):
        m.append(hashlib.sha256(m[-3] + m[-2] + m[-1]).digest())
    md = m[-1]
    t += f"COUNT = {j}\nMD = {md.hex()}\n\n"
write("SHA256Monte.rsp", t)

# ---- one wrong digest among right ones ----
t = header("SHA-256 ShortMsg, one MD wrong") + "[L = 32]\n\n"
for i, n in enumerate((3, 55, 56, 100)):
    msg = rb(n)
    md = bytearray(hashlib.sha256(msg).digest())
    if i == 2:
        md[31] ^= 0x01
    t += sha_rec(msg, md.hex())
write("SHA256BadMD.rsp", t)


# ---- HMAC ----
def hmac_section(l, algo, klens, tlens):
    s = f"[L={l}]\n\n"
    c = 0
    for kl in klens:
        for tl in tlens:
            key, msg = rb(kl), rb(128)
            mac = hmac.new(key, msg, algo).digest()[:tl]
            s += f"Count = {c}\nKlen = {kl}\nTlen = {tl}\nKey = {key.hex()}\nMsg = {msg.hex()}\nMac = {mac.hex()}\n\n"
            c += 1
    return s


t = header("HMAC")
t += hmac_section(20, hashlib.sha1, (10, 64), (10, 12, 20))
t += hmac_section(32, hashlib.sha256, (1, 13, 20, 31, 32, 40, 45, 55, 63, 64, 65, 70, 100, 130, 131), (16, 24, 32))
t += hmac_section(48, hashlib.sha384, (48, 100), (24, 32))
write("HMAC.rsp", t)

t = header("HMAC, one Mac wrong") + "[L=32]\n\n"
for c, (kl, tl) in enumerate(((32, 16), (64, 32), (100, 16))):
    key, msg = rb(kl), rb(128)
    mac = bytearray(hmac.new(key, msg, hashlib.sha256).digest()[:tl])
    if c == 1:
        mac[0] ^= 0x80
    t += f"Count = {c}\nKlen = {kl}\nTlen = {tl}\nKey = {key.hex()}\nMsg = {msg.hex()}\nMac = {mac.hex()}\n\n"
write("HMACBadMac.rsp", t)

# ---- a GCM file (GCM specification test cases 1 and 2): the runner must say "not mine" ----
t = header("GCM Encrypt with keysize 128 test information")
t += "[Keylen = 128]\n[IVlen = 96]\n[PTlen = 0]\n[AADlen = 0]\n[Taglen = 128]\n\n"
t += "Count = 0\nKey = " + "00" * 16 + "\nIV = " + "00" * 12 + "\nPT = \nAAD = \nCT = \nTag = 58e2fccefa7e3061367f1d57a4e7455a\n\n"
t += "[Keylen = 128]\n[IVlen = 96]\n[PTlen = 128]\n[AADlen = 0]\n[Taglen = 128]\n\n"
t += ("Count = 0\nKey = " + "00" * 16 + "\nIV = " + "00" * 12 + "\nPT = " + "00" * 16 +
      "\nAAD = \nCT = 0388dace60b6a392f328c2b971b2fe78\nTag = ab6e47d42cec13bdf53a67b21257bddf\n\n")
write("gcmEncryptExtIV128.rsp", t)
