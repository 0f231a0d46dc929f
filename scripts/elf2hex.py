#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""elf2hex.py — turn the firmware ELF into the two $readmemh images built into the bitstream.

The soft core (docs/cpu.md) has IMEM at 0x0000_0000 and DMEM at 0x1000_0000, each a block RAM of
32-bit words initialised from a file with one word per line in hex (IMEM_INIT / DMEM_INIT). This
script writes exactly `--imem-words` / `--dmem-words` lines, unused words 0:

  IMEM: every PT_LOAD segment by its load (physical) address — .text, .rodata and the load image
        of .data, which start.S copies to DMEM;
  DMEM: every PT_LOAD segment whose run (virtual) address is in DMEM, with its file bytes — the
        initial .data, so the image is also right for a loader that does not run start.S's copy.
        .bss and the stack are zero either way.

A segment outside both memories, or a malformed or non-RV32 ELF, is an error (exit 1)."""
import argparse
import struct
import sys

PT_LOAD = 1
EM_RISCV = 243


def fail(msg):
    print(f"elf2hex: {msg}", file=sys.stderr)
    sys.exit(1)


def segments(data):
    if len(data) < 52 or data[:4] != b"\x7fELF":
        fail("not an ELF file")
    if data[4] != 1 or data[5] != 1:
        fail("not a 32-bit little-endian ELF")
    (e_machine,) = struct.unpack_from("<H", data, 18)
    if e_machine != EM_RISCV:
        fail("not a RISC-V ELF")
    e_phoff, = struct.unpack_from("<I", data, 28)
    e_phentsize, e_phnum = struct.unpack_from("<HH", data, 42)
    out = []
    for i in range(e_phnum):
        off = e_phoff + i * e_phentsize
        if off + 32 > len(data):
            fail("program header outside the file")
        p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, _, _ = struct.unpack_from("<8I", data, off)
        if p_type != PT_LOAD or p_filesz == 0:
            continue
        if p_offset + p_filesz > len(data):
            fail("segment outside the file")
        out.append((p_vaddr, p_paddr, data[p_offset:p_offset + p_filesz]))
    return out


def place(image, base, addr, blob):
    nbytes = len(image) * 4
    if addr < base or addr + len(blob) > base + nbytes:
        return False
    for i, b in enumerate(blob):
        a = addr - base + i
        image[a // 4] |= b << (8 * (a % 4))
    return True


def write(path, image):
    with open(path, "w") as f:
        for w in image:
            f.write(f"{w:08x}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("elf")
    ap.add_argument("--imem", required=True, help="IMEM image to write")
    ap.add_argument("--dmem", required=True, help="DMEM image to write")
    ap.add_argument("--imem-base", type=lambda s: int(s, 0), default=0x00000000)
    ap.add_argument("--dmem-base", type=lambda s: int(s, 0), default=0x10000000)
    ap.add_argument("--imem-words", type=int, default=8192)
    ap.add_argument("--dmem-words", type=int, default=4096)
    a = ap.parse_args()

    try:
        with open(a.elf, "rb") as f:
            data = f.read()
    except OSError as e:
        fail(str(e))
    imem = [0] * a.imem_words
    dmem = [0] * a.dmem_words
    for vaddr, paddr, blob in segments(data):
        in_imem = place(imem, a.imem_base, paddr, blob)
        in_dmem = place(dmem, a.dmem_base, vaddr, blob)
        if not in_imem and not in_dmem:
            fail(f"segment at 0x{vaddr:08x} (load 0x{paddr:08x}, {len(blob)} bytes) is outside IMEM and DMEM")
    write(a.imem, imem)
    write(a.dmem, dmem)


if __name__ == "__main__":
    main()
