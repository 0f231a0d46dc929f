#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# rtl_check.sh — the two hardware-realism checks every RTL module must pass.
#   rtl_check.sh lint  MODULE GEN_DIR   verilator --lint-only -Wall (waivers only from rtl/lint_waivers.vlt)
#   rtl_check.sh synth MODULE GEN_DIR   yosys synth_ecp5: no latches, no warnings, prints cell counts; no
#                                       multipliers unless a module of the design says it wants one with
#                                       a line `// rtl_check: multiplier (reason)` (tonic_rv32_muldiv)
# MODULE is found as rtl/**/MODULE.v; its submodules are found through the rtl/ folders.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:?usage: rtl_check.sh lint|synth MODULE GEN_DIR}
mod=${2:?module name}
gen=${3:?generated include dir}

file=$(find "$top/rtl" -name "$mod.v" | head -n 1)
[ -n "$file" ] || { echo "rtl_check: no file rtl/**/$mod.v" >&2; exit 2; }
dirs=$(find "$top/rtl" -type d | sort)
yarg=(); for d in $dirs; do yarg+=("-y" "$d"); done

case "$mode" in
lint)
    verilator --lint-only -Wall -I"$gen" -I"$top/rtl/include" "${yarg[@]}" \
        "$top/rtl/lint_waivers.vlt" "$file" --top-module "$mod"
    echo "lint clean: $mod"
    ;;
synth)
    # read every RTL file; `hierarchy -top` keeps what MOD uses
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    reads=""
    for f in $(find "$top/rtl" -name '*.v' | sort); do
        reads="$reads read_verilog -sv -I$gen -I$top/rtl/include $f;"
    done
    log="$tmp/yosys.log"
    if ! yosys -q -l "$log" -p "$reads hierarchy -check -top $mod; tee -q -o $tmp/mods.txt ls; synth_ecp5 -top $mod; tee -o $tmp/stat.txt stat" >/dev/null 2>&1; then
        grep -E "ERROR|Error" "$log" | head -20 >&2
        echo "synth FAILED: $mod" >&2; exit 1
    fi
    bad=0
    if grep -qE "Latch inferred" "$log" || grep -qE "DLATCH" "$tmp/stat.txt"; then echo "synth: latch inferred in $mod" >&2; grep -E "Latch inferred" "$log" | head >&2; bad=1; fi
    # a multiplier nobody asked for is index arithmetic with a non-power-of-two stride
    if grep -qE "MULT18X18D" "$tmp/stat.txt"; then
        wanted=0
        for m in $(awk 'NF == 1 && $1 !~ /:$/ {print $1}' "$tmp/mods.txt"); do
            f=$(find "$top/rtl" -name "$m.v" | head -n 1)
            if [ -n "$f" ] && grep -q "^// rtl_check: multiplier" "$f"; then wanted=1; fi
        done
        if [ $wanted -eq 0 ]; then echo "synth: DSP multiplier inferred in $mod" >&2; bad=1; fi
    fi
    if grep -E "^Warning: " "$log" >/dev/null; then echo "synth: warnings in $mod:" >&2; grep -E "^Warning: " "$log" | sort -u | head -20 >&2; bad=1; fi
    [ $bad -eq 0 ] || exit 1
    awk '/Number of cells/ && !done {p=1} p && /^ *(LUT4|TRELLIS_FF|DP16KD|MULT18X18D|CCU2C|TRELLIS_DPR16X4)/ {print "  " $1 " " $2} /^$/ && p {done=1; p=0}' "$tmp/stat.txt" | sort -u
    echo "synth clean: $mod"
    ;;
*) echo "rtl_check: unknown mode $mode" >&2; exit 2 ;;
esac
