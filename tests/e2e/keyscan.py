#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""keyscan.py FILE KEYHEX... — fail if any 4 consecutive bytes of any key appear in FILE.

FILE is what the host could read: `tonicctl regs` output ("0xOFFS 0xVALUE" lines, turned into the
little-endian bytes the words hold) followed by any other text the tools printed. The text is
searched as it is (for hex spellings of the key, either case) and the register words as bytes, so a
key in any register, at any byte offset, in either byte order, is found."""
import re
import sys


def main():
    if len(sys.argv) < 3:
        print("usage: keyscan.py FILE KEYHEX...", file=sys.stderr)
        return 2
    text = open(sys.argv[1]).read()
    words = re.findall(r"^0x[0-9a-f]{4} 0x([0-9a-f]{8})$", text, re.M)
    regs = b"".join(int(w, 16).to_bytes(4, "little") for w in words)
    hits = 0
    for key in sys.argv[2:]:
        kb = bytes.fromhex(key)
        for i in range(len(kb) - 3):
            win = kb[i:i + 4]
            for name, hay in (("registers", regs), ("registers, byte-reversed", regs[::-1])):
                if win in hay:
                    print(f"key bytes {win.hex()} (of {key[:8]}...) found in {name}")
                    hits += 1
            if win.hex() in text.lower():
                print(f"key bytes {win.hex()} (of {key[:8]}...) found as text")
                hits += 1
    print(f"keyscan: {len(words)} register words and {len(text)} bytes of text searched, {hits} key fragments found")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
