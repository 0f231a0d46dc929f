# SPDX-License-Identifier: MIT
# lib.sh — helpers for the end-to-end tests: a private simulator per test, checks that fail loudly.
# Usage: source lib.sh BIN_DIR; every test gets its own temporary directory and registry.
bin=${1:?bin dir}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/tonic-e2e.XXXXXX)
export TONIC_SIM_DIR="$work/registry"
sim_pid=""
checks=0
fails=0

cleanup() {
    if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
        kill -TERM "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

# start_sim ARGS...: start tonic-sim ($SIM_BIN overrides the binary) on $work/nic.sock with ARGS, wait for its socket
start_sim() {
    sock="$work/nic.sock"
    "$bin/${SIM_BIN:-tonic-sim}" --quiet --socket "$sock" "$@" >"$work/sim.log" 2>&1 &
    sim_pid=$!
    for _ in $(seq 1 200); do [ -S "$sock" ] && return 0; sleep 0.05; done
    echo "FAIL: simulator did not start"; cat "$work/sim.log"; exit 1
}

# stop_sim: SIGTERM, expect exit 0; the statistics it printed are in $work/sim.log
stop_sim() {
    kill -TERM "$sim_pid"
    local rc=0
    wait "$sim_pid" || rc=$?
    sim_pid=""
    check "simulator exits 0 on SIGTERM" [ "$rc" -eq 0 ]
}

# check DESCRIPTION CMD...: run CMD, count a pass or a failure
check() {
    local what=$1; shift
    checks=$((checks + 1))
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}

# expect RC WANT_RC TEXT PATTERN...: the exit code is WANT_RC and TEXT matches every PATTERN (grep -E);
# for use as `check DESCRIPTION expect ...`, so that the whole condition is the check
expect() {
    local rc=$1 want=$2 text=$3 p; shift 3
    [ "$rc" -eq "$want" ] || return 1
    for p in "$@"; do grep -qE -- "$p" <<<"$text" || return 1; done
}

# stat NAME: a device counter from `tonicctl stats`
stat() {
    "$bin/tonicctl" -d "sim:$sock" stats | awk -v n="$1" '$1 == n {print $2}'
}

finish() {
    echo "$((checks - fails)) passed, $fails failed"
    [ "$fails" -eq 0 ]
}
