/* SPDX-License-Identifier: MIT */
/*
 * Reference model for the MAC tests (see mac_model.h). Plain C, deliberately naive: the CRC runs
 * one bit at a time straight from the definition so it shares nothing with the RTL's
 * elaboration-time XOR matrices.
 */
#include "mac_model.h"

#include <stdlib.h>
#include <string.h>

uint32_t mac_crc32_update(uint32_t reg, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (int b = 0; b < 8; b++) {
            uint32_t in = (p[i] >> b) & 1u;
            uint32_t fb = (reg ^ in) & 1u;
            reg >>= 1;
            if (fb)
                reg ^= 0xEDB88320u;
        }
    }
    return reg;
}

uint32_t mac_crc32(const uint8_t *p, size_t n)
{
    return ~mac_crc32_update(0xFFFFFFFFu, p, n);
}

size_t mac_tx_frame(const uint8_t *in, size_t n, int abort, size_t min_frame, uint8_t *out)
{
    size_t len = n < min_frame ? min_frame : n;

    if (n)
        memcpy(out, in, n);
    memset(out + n, 0, len - n);
    uint32_t fcs = mac_crc32(out, len);
    if (abort)
        fcs = ~fcs;
    for (int k = 0; k < 4; k++)
        out[len + (size_t)k] = (uint8_t)(fcs >> (8 * k));
    return len + 4;
}

enum mac_rx_verdict mac_rx_check(const uint8_t *wire, size_t n, size_t max_frame)
{
    if (n > max_frame + 4)
        return MAC_RX_OVERSIZE;
    if (n < 64)
        return MAC_RX_RUNT;
    if (mac_crc32_update(0xFFFFFFFFu, wire, n) != MAC_CRC_RESIDUE)
        return MAC_RX_BAD_FCS;
    return MAC_RX_GOOD;
}

const char *mac_rx_verdict_name(enum mac_rx_verdict v)
{
    switch (v) {
    case MAC_RX_GOOD:
        return "good";
    case MAC_RX_BAD_FCS:
        return "bad_fcs";
    case MAC_RX_RUNT:
        return "runt";
    case MAC_RX_OVERSIZE:
        return "oversize";
    }
    return "?";
}

size_t mac_rx_out_len(size_t n, size_t max_frame, size_t keep_w)
{
    if (n > max_frame + 4)
        return (max_frame + 4) / keep_w * keep_w;
    if (n <= 4)
        return n;
    return n - 4;
}

void mac_rng_seed(mac_rng *r, uint64_t seed)
{
    r->s = seed ^ 0x9E3779B97F4A7C15ull;
    if (r->s == 0)
        r->s = 1;
}

uint64_t mac_rng_next(mac_rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545F4914F6CDD1Dull;
}

uint32_t mac_rng_below(mac_rng *r, uint32_t n)
{
    return (uint32_t)((mac_rng_next(r) >> 32) % n);
}

int mac_rng_chance(mac_rng *r, unsigned percent)
{
    return mac_rng_below(r, 100) < percent;
}

void mac_rng_fill(mac_rng *r, uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(mac_rng_next(r) >> 56);
}

int mac_parse_seed(int argc, char **argv, int idx, uint64_t dflt, uint64_t *seed)
{
    char *end;

    if (idx >= argc) {
        *seed = dflt;
        return 1;
    }
    *seed = strtoull(argv[idx], &end, 0);
    return *argv[idx] != '\0' && *end == '\0';
}
