#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# sa.sh BIN_DIR — SA management end to end on the control-plane test device (tonic-sim-cptest,
# which advertises the IPsec capabilities of a later issue): negotiation of esp-hw-offload, SA
# add / update / delete / list through the firmware, the refusals the rules demand (DES, a
# duplicate inbound SA, a stale handle, update without ESN), and the key rule: after keys are
# loaded, nothing the host can read (every BAR0 word, every mailbox reply, the firmware log)
# holds four consecutive bytes of any key or salt.
set -u
source "$(dirname "$0")/lib.sh" "$1"
[ -x "$bin/tonic-sim-cptest" ] || { echo "SKIP: no tonic-sim-cptest"; exit 77; }
SIM_BIN=tonic-sim-cptest
ctl() { "$bin/tonicctl" -d "sim:$sock" "$@"; }
rndhex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
K1=$(rndhex 16); S1=$(rndhex 4); K2=$(rndhex 32); A2=$(rndhex 32); K3=$(rndhex 32); A3=$(rndhex 20)

start_sim --port loopback
seen="$work/seen.txt"; : >"$seen"
run() { local out; out=$(ctl "$@" 2>&1); local rc=$?; printf '%s\n' "$out" >>"$seen"; printf '%s' "$out"; return $rc; }

out=$(run caps)
check "the test device advertises ESP offload" grep -q "esp-hw-offload *on *$" <<<"$out"
out=$(run sa add --dir in --proto esp --spi 0x1000 --src 10.0.0.1 --dst 10.0.0.2 --enc aes-gcm-128 --key "$K1" --salt "$S1"); rc=$?
check "SA add is refused while IPsec is off (rc $rc: $out)" expect $rc 1 "$out" "unsupported"
out=$(run offload set esp-hw-offload on); rc=$?
check "esp-hw-offload on is accepted (rc $rc)" expect $rc 0 "$out" "esp-hw-offload *on"

out=$(run sa add --dir in --proto esp --spi 0x1000 --src 10.0.0.1 --dst 10.0.0.2 --enc aes-gcm-128 --key "$K1" --salt "$S1"); rc=$?
h1=$(sed -n 's/.*handle \(0x[0-9a-f]*\).*/\1/p' <<<"$out")
check "inbound ESP AES-GCM-128 SA added (rc $rc: $out)" expect $rc 0 "$h1" "^0x"
out=$(run sa add --dir out --proto esp --spi 0x2000 --src 10.0.0.2 --dst 10.0.0.1 --enc aes-cbc-256 --key "$K2" --auth hmac-sha256-128 --auth-key "$A2" --esn --esn-hi 7); rc=$?
h2=$(sed -n 's/.*handle \(0x[0-9a-f]*\).*/\1/p' <<<"$out")
check "outbound ESP AES-CBC-256 + HMAC-SHA-256 SA with ESN added (rc $rc: $out)" expect $rc 0 "$h2" "^0x"
out=$(run sa add --dir in --proto esp --spi 0x1000 --src 10.0.0.9 --dst 10.0.0.2 --enc aes-gcm-128 --key "$K1" --salt "$S1"); rc=$?
check "a second inbound SA with the same SPI, destination and protocol is refused (rc $rc: $out)" expect $rc 1 "$out" "exists"
out=$(run sa add --dir out --proto esp --spi 0x3000 --src 10.0.0.2 --dst 10.0.0.1 --enc 3des --key "$K3" --auth hmac-sha1-96 --auth-key "$A3"); rc=$?
check "3DES is refused with a reason (rc $rc: $out)" expect $rc 1 "$out" "algorithm refused"
out=$(run sa add --dir out --proto ah --spi 0x4000 --src 10.0.0.2 --dst 10.0.0.1 --auth hmac-md5-96 --auth-key "$A3"); rc=$?
check "HMAC-MD5 is refused (rc $rc)" expect $rc 1 "$out" "algorithm refused"
out=$(run sa add --dir in --proto esp --spi 0x5000 --src fd00::1 --dst fd00::2 --enc aes-gcm-256 --key "$K2" --salt "$S1"); rc=$?
h3=$(sed -n 's/.*handle \(0x[0-9a-f]*\).*/\1/p' <<<"$out")
check "an IPv6 SA is added (rc $rc: $out)" expect $rc 0 "$h3" "^0x"
out=$(run sa add --dir in --proto esp --spi 0x6000 --src 10.0.0.1 2>&1); rc=$?
check "a bad command line is a usage error (rc $rc)" [ $rc -eq 2 ]

out=$(run sa list); rc=$?
check "sa list shows the three SAs (rc $rc)" grep -q "^3 SAs" <<<"$out"
check "... with their SPIs" expect 0 0 "$out" "0x00001000" "0x00002000" "0x00005000"
out=$(run sa update "$h2" --esn-hi 9); rc=$?
check "ESN high bits of the outbound SA updated (rc $rc)" [ $rc -eq 0 ]
out=$(run sa list)
check "sa list shows the new ESN high bits" expect 0 0 "$(grep 0x00002000 <<<"$out")" " 9 "
out=$(run sa update "$h1" --esn-hi 1); rc=$?
check "update of an SA without ESN is refused (rc $rc: $out)" [ $rc -eq 1 ]
out=$(run sa del "$h1"); rc=$?
check "inbound SA deleted (rc $rc)" [ $rc -eq 0 ]
out=$(run sa del "$h1"); rc=$?
check "its handle is stale afterwards (rc $rc: $out)" expect $rc 1 "$out" "not found"
out=$(run sa add --dir in --proto esp --spi 0x1000 --src 10.0.0.1 --dst 10.0.0.2 --enc aes-gcm-128 --key "$K1" --salt "$S1"); rc=$?
h4=$(sed -n 's/.*handle \(0x[0-9a-f]*\).*/\1/p' <<<"$out")
new_handle() { [ "$rc" -eq 0 ] && [ -n "$h4" ] && [ "$h4" != "$h1" ]; }
check "the same SA can be added again, under a new handle ($h4 != $h1)" new_handle
out=$(run fw stats)
check "the firmware counts its SAs" grep -q "^sa_count 3" <<<"$out"

# the key rule: everything the host can read, after the keys went in
ctl regs >>"$seen" 2>&1
run fw log >/dev/null
check "BAR0 dump taken ($(grep -c '^0x' "$seen") words)" [ "$(grep -c '^0x' "$seen")" -ge 16384 ]
out=$(python3 "$here/keyscan.py" "$seen" "$K1" "$S1" "$K2" "$A2" "$K3" "$A3"); rc=$?
echo "$out" | tail -3
check "no key or salt bytes are readable by the host" [ $rc -eq 0 ]

out=$(run fw reset); rc=$?
out=$(run sa list)
check "fw reset empties the SA table" grep -q "^0 SAs" <<<"$out"
out=$(run sa del "$h2"); rc=$?
check "handles from before the reset are stale (rc $rc)" [ $rc -eq 1 ]

stop_sim
finish
