// SPDX-License-Identifier: MIT
//
// Small helpers shared by the crypto testbenches and tonic-crypto-vectors: a seeded xorshift
// generator, hex conversion, and packing FIPS byte strings into Verilator's wide signals (byte 0
// in the most significant bits, the order the RTL uses). No knowledge of what the DUT computes.
#ifndef TONIC_TESTS_CRYPTO_TB_H
#define TONIC_TESTS_CRYPTO_TB_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#ifndef CRYPTO_TB_NO_VERILATOR
#include "verilated.h"
#endif

struct CrRng {
    uint64_t s;
    explicit CrRng(uint64_t seed) : s(seed ? seed : 0x9e3779b97f4a7c15ull) {}
    uint64_t next()
    {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    uint32_t below(uint32_t n) { return (uint32_t)(next() % n); }
    bool chance(unsigned pct) { return below(100) < pct; }
    void fill(uint8_t *p, size_t n)
    {
        for (size_t i = 0; i < n; i++)
            p[i] = (uint8_t)next();
    }
};

// parse hex (even length, no separators) into bytes; false if malformed
static inline bool cr_unhex(const std::string &h, std::vector<uint8_t> &out)
{
    out.clear();
    if (h.size() % 2)
        return false;
    for (size_t i = 0; i < h.size(); i += 2) {
        char buf[3] = {h[i], h[i + 1], 0};
        char *end;
        unsigned long v = std::strtoul(buf, &end, 16);
        if (*end)
            return false;
        out.push_back((uint8_t)v);
    }
    return true;
}

static inline std::string cr_hex(const uint8_t *p, size_t n)
{
    std::string s;
    char b[3];
    for (size_t i = 0; i < n; i++) {
        std::snprintf(b, sizeof b, "%02x", p[i]);
        s += b;
    }
    return s;
}

#ifndef CRYPTO_TB_NO_VERILATOR
// Store n bytes (a FIPS byte string, byte 0 first) into a WIDTH-bit wide signal so that byte 0 is
// in the top bits; the signal is zero-filled below (left-aligned, as keys are).
template <size_t W>
static inline void cr_put(VlWide<W> &sig, unsigned width_bits, const uint8_t *p, size_t n)
{
    for (size_t w = 0; w < W; w++)
        sig[w] = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned bit = width_bits - 8 * (unsigned)(i + 1);   // lsb of byte i
        sig[bit / 32] |= (uint32_t)p[i] << (bit % 32);
    }
}
template <size_t W>
static inline void cr_get(const VlWide<W> &sig, unsigned width_bits, uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned bit = width_bits - 8 * (unsigned)(i + 1);
        p[i] = (uint8_t)(sig[bit / 32] >> (bit % 32));
    }
}
#endif
static inline void cr_put64(uint64_t &sig, unsigned width_bits, const uint8_t *p, size_t n)
{
    sig = 0;
    for (size_t i = 0; i < n; i++)
        sig |= (uint64_t)p[i] << (width_bits - 8 * (i + 1));
}

#endif
