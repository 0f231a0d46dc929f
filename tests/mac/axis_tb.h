// SPDX-License-Identifier: MIT
//
// Thin Verilator glue shared by the MAC testbenches: an AXI4-Stream source that feeds byte
// frames beat by beat with random idle cycles, a sink that reassembles frames with random
// back-pressure and checks the tkeep rules, and a pass/fail tally. The expected values come from
// the C reference model (mac_model.h); nothing here knows what the DUT does.
#ifndef TONIC_TESTS_MAC_AXIS_TB_H
#define TONIC_TESTS_MAC_AXIS_TB_H

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <vector>

#include "mac_model.h"

#ifndef TB_KEEP
#define TB_KEEP 8  // bytes per beat; must match the DUT's DATA_W / 8
#endif

struct TbFrame {
    std::vector<uint8_t> bytes;
    bool user = false;   // tuser on the last beat
    uint64_t tag = 0;    // testbench bookkeeping (index, kind, ...)
};

struct TbTally {
    unsigned long passed = 0, failed = 0;
    void check(bool ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)))
    {
        if (ok) {
            passed++;
            return;
        }
        if (failed++ < 20) {
            va_list ap;
            va_start(ap, fmt);
            std::printf("FAIL: ");
            std::vprintf(fmt, ap);
            std::printf("\n");
            va_end(ap);
        }
    }
    int finish()
    {
        std::printf("%lu passed, %lu failed\n", passed, failed);
        return failed ? 1 : 0;
    }
};

static inline uint32_t tb_keep_mask(size_t n)
{
    return n >= 32 ? 0xFFFFFFFFu : ((1u << n) - 1u);
}

// Feeds frames into s_axis. Once tvalid is raised it stays until the beat is taken.
struct AxisSource {
    std::deque<TbFrame> q;
    size_t off = 0;            // next byte of q.front()
    bool valid = false;
    unsigned idle_pct = 0;     // chance of an idle cycle before presenting a beat
    bool hold = false;         // present no new beat while set
    uint64_t beats = 0;        // beats taken

    template <typename D, typename K, typename B>
    void drive(mac_rng *rng, D &tdata, K &tkeep, B &tvalid, B &tlast, B *tuser)
    {
        if (!valid && !q.empty() && !hold && !(idle_pct && mac_rng_chance(rng, idle_pct)))
            valid = true;
        uint64_t d = 0;
        size_t n = 0;
        bool last = false;
        if (valid) {
            const std::vector<uint8_t> &f = q.front().bytes;
            n = f.size() - off < TB_KEEP ? f.size() - off : TB_KEEP;
            for (size_t i = 0; i < n; i++)
                d |= (uint64_t)f[off + i] << (8 * i);
            last = off + n == f.size();
        } else {
            d = 0xA5A5A5A5A5A5A5A5ull;  // junk when idle
        }
        tdata = (D)d;
        tkeep = (K)tb_keep_mask(valid ? n : 0);
        tvalid = valid;
        tlast = last;
        if (tuser)
            *tuser = valid && last && q.front().user;
    }

    // after the clock edge: fire = tvalid && tready sampled before it
    // returns true when the frame's last beat went
    bool advance(bool fire)
    {
        if (!fire)
            return false;
        beats++;
        valid = false;
        off += TB_KEEP;
        if (off >= q.front().bytes.size()) {
            q.pop_front();
            off = 0;
            return true;
        }
        return false;
    }
};

// Collects frames from m_axis, checking that tkeep is contiguous from bit 0, non-zero, and full
// on all beats but the last, and that tuser only appears on a last beat.
struct AxisSink {
    std::vector<uint8_t> cur;
    std::deque<TbFrame> done;
    uint64_t beats = 0;
    unsigned long bad_keep = 0, bad_user = 0;

    // call with the values sampled before the edge when tvalid && tready
    void take(TbTally &t, uint64_t tdata, uint32_t tkeep, bool tlast, bool tuser)
    {
        beats++;
        size_t n = 0;
        while (n < TB_KEEP && (tkeep >> n) & 1u)
            n++;
        bool keep_ok = tkeep == tb_keep_mask(n) && n > 0 && (tlast || n == TB_KEEP);
        if (!keep_ok && bad_keep++ < 5)
            t.check(false, "tkeep 0x%x (last=%d) on beat %llu is not contiguous/full", tkeep,
                    (int)tlast, (unsigned long long)beats);
        if (tuser && !tlast && bad_user++ < 5)
            t.check(false, "tuser on a beat that is not last (beat %llu)", (unsigned long long)beats);
        for (size_t i = 0; i < n; i++)
            cur.push_back((uint8_t)(tdata >> (8 * i)));
        if (tlast) {
            TbFrame f;
            f.bytes.swap(cur);
            f.user = tuser;
            done.push_back(std::move(f));
        }
    }
};

// Compare a received frame with the expected bytes; describe the first difference.
static inline bool tb_same_bytes(TbTally &t, const char *what, uint64_t idx,
                                 const std::vector<uint8_t> &got, const uint8_t *exp, size_t n)
{
    if (got.size() != n) {
        t.check(false, "%s frame %llu: length %zu, expected %zu", what, (unsigned long long)idx,
                got.size(), n);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (got[i] != exp[i]) {
            t.check(false, "%s frame %llu (len %zu): byte %zu is 0x%02x, expected 0x%02x", what,
                    (unsigned long long)idx, n, i, got[i], exp[i]);
            return false;
        }
    }
    return true;
}

static inline void tb_usage_seed(const char *prog, const char *mode, uint64_t seed)
{
    std::printf("%s %s: seed %llu (rerun with: %s %s %llu)\n", prog, mode,
                (unsigned long long)seed, prog, mode, (unsigned long long)seed);
}

#endif  // TONIC_TESTS_MAC_AXIS_TB_H
