#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# e2e bad input at the tool level: every mistake gets a one-line message and a non-zero exit,
# quickly, and the device stays usable afterwards.
set -u
source "$(dirname "$0")/lib.sh" "$1"
py=${PYTHON:-python3}
tool="$here/pcaptool.py"

# expect_fail DESCRIPTION PATTERN CMD...: CMD must exit non-zero within 20 s and print PATTERN
expect_fail() {
    local what=$1 pat=$2; shift 2
    local out rc=0
    out=$(timeout 20 "$@" 2>&1) || rc=$?
    checks=$((checks + 1))
    if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -qE "$pat" <<<"$out"; then
        echo "ok: $what"
    else
        echo "FAIL: $what (rc=$rc): $out"; fails=$((fails + 1))
    fi
}

expect_fail "missing simulator" "no simulator socket" "$bin/tonicctl" -d "sim:$work/none.sock" info
expect_fail "no device given" "device" env -u TONIC_DEV "$bin/tonicctl" info
expect_fail "unknown command" "unknown command" "$bin/tonicctl" -d "sim:$work/none.sock" frobnicate
expect_fail "bad device address" "address" "$bin/tonicctl" -d "usb:1" info
expect_fail "bad --count" "count" "$bin/tonicctl" -d "sim:$work/none.sock" recv --count abc "$work/x.pcap"
expect_fail "simulator: bad option" "unknown option|usage" "$bin/tonic-sim" --frobnicate
expect_fail "simulator: missing pcap" "cannot|No such" "$bin/tonic-sim" --socket "$work/s2.sock" --port "pcap:$work/missing.pcap"

start_sim --port loopback
echo "not a pcap" > "$work/bad.pcap"
expect_fail "bad pcap file" "pcap" "$bin/tonicctl" -d "sim:$sock" send "$work/bad.pcap"
expect_fail "missing pcap file" "pcap|No such" "$bin/tonicctl" -d "sim:$sock" send "$work/missing.pcap"
$py "$tool" gen "$work/big.pcap" 100 9217
expect_fail "frame larger than MAX_FRAME" "more than the device's MAX_FRAME" "$bin/tonicctl" -d "sim:$sock" send "$work/big.pcap"
check "nothing was sent for the refused pcap" [ "$(stat tx_frames)" = 0 ]
expect_fail "recv times out cleanly" "timed out" "$bin/tonicctl" -d "sim:$sock" recv --count 1 --timeout 1 "$work/o.pcap"
# the device is still fine
out=$("$bin/tonicctl" -d "sim:$sock" loopback --count 50 --min 60 --max 2000 --timeout 60)
check "loopback still passes after the errors" grep -q "^result: PASS" <<<"$out"
# a simulator that dies under a running driver: the driver reports it, it does not hang
"$bin/tonicctl" -d "sim:$sock" recv --count 1000 --timeout 30 "$work/o2.pcap" >"$work/recv.log" 2>&1 &
drv=$!
sleep 1
kill -KILL "$sim_pid"; wait "$sim_pid" 2>/dev/null; sim_pid=""
rc=0; wait "$drv" || rc=$?
check "driver exits non-zero when the simulator dies" [ "$rc" -ne 0 ]
check "driver says the simulator went away" grep -qiE "simulator|closed|connection" "$work/recv.log"
finish
