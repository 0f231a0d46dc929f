// SPDX-License-Identifier: MIT
//
// tb_parse.h — shared glue of the parser/checksum testbenches: a frame source that presents a
// frame beat by beat with random idle cycles (holding a beat until it is taken), random helpers,
// and a pass/fail tally. The expected results always come from the C model (model/); nothing here
// knows what the RTL computes.
#ifndef TONIC_TESTS_PARSE_TB_PARSE_H
#define TONIC_TESTS_PARSE_TB_PARSE_H

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

extern "C" {
#include "pktgen.h"
#include "tonic_csum.h"
#include "tonic_parse.h"
}

struct Tally {
    unsigned long passed = 0, failed = 0;
    bool check(bool ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)))
    {
        if (ok) {
            passed++;
            return true;
        }
        if (failed++ < 10) {
            va_list ap;
            va_start(ap, fmt);
            std::printf("FAIL: ");
            std::vprintf(fmt, ap);
            std::printf("\n");
            va_end(ap);
        }
        return false;
    }
    int finish()
    {
        std::printf("%lu passed, %lu failed\n", passed, failed);
        return failed ? 1 : 0;
    }
};

struct Frame {
    std::vector<uint8_t> b;
    uint32_t txd[8] = {0};   // TX descriptor words (tx testbench)
    bool bad = false;        // tuser on the last beat
};

static inline bool chance(struct pktgen *g, unsigned pct)
{
    return pct && pktgen_below(g, 100) < pct;
}

static inline std::string hex(const std::vector<uint8_t> &b, size_t max = 96)
{
    std::string s;
    char t[4];
    for (size_t i = 0; i < b.size() && i < max; i++) {
        std::snprintf(t, sizeof t, "%02x", b[i]);
        s += t;
    }
    if (b.size() > max)
        s += "...";
    return s;
}

// A random test frame: valid (pktgen_frame) or, with `mutate`, damaged by pktgen_mutate. Never
// empty (an AXI-Stream frame has at least one byte).
static inline Frame make_frame(struct pktgen *g, bool mutate)
{
    Frame f;
    f.b.resize(PKTGEN_MAX_FRAME + 64);
    struct pktgen_info info;
    unsigned n = pktgen_frame(g, f.b.data(), PKTGEN_MAX_FRAME, &info);
    if (mutate)
        n = pktgen_mutate(g, f.b.data(), n, PKTGEN_MAX_FRAME, n >= 14 ? &info : nullptr);
    if (n == 0) {
        f.b[0] = (uint8_t)pktgen_rand(g);
        n = 1;
    }
    f.b.resize(n);
    return f;
}

// Presents frames on a 64-bit stream. Call present() before the clock edge (it decides whether a
// beat is offered), then taken() if the DUT accepted it.
struct Source {
    std::deque<Frame> q;
    size_t off = 0;
    bool valid = false;
    unsigned idle_pct = 0;
    uint64_t data = 0;
    uint8_t keep = 0;
    bool last = false;

    void present(struct pktgen *g)
    {
        if (!valid && !q.empty() && !chance(g, idle_pct))
            valid = true;
        if (!valid)
            return;
        const std::vector<uint8_t> &b = q.front().b;
        size_t n = b.size() - off < 8 ? b.size() - off : 8;
        data = 0;
        for (size_t i = 0; i < n; i++)
            data |= (uint64_t)b[off + i] << (8 * i);
        keep = (uint8_t)((1u << n) - 1u);
        last = off + n == b.size();
    }
    // returns true when this beat ended a frame (which is then popped)
    bool taken()
    {
        valid = false;
        off += 8;
        if (last) {
            q.pop_front();
            off = 0;
            return true;
        }
        return false;
    }
};

static inline unsigned beats_of(size_t len)
{
    return (unsigned)((len + 7) / 8);
}

#endif
