/* SPDX-License-Identifier: MIT */
/* lbframe.c — generation and checking of loopback test frames (see lbframe.h). */
#include <string.h>

#include "lbframe.h"

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

size_t lb_len(uint64_t seed, uint32_t seq, size_t min, size_t max)
{
    uint64_t s = seed ^ ((uint64_t)seq << 32 | 0x4C454Eu);

    return min + (size_t)(splitmix64(&s) % (max - min + 1));
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t hdr_check(uint32_t seq, unsigned txq, size_t len)
{
    uint64_t s = (uint64_t)seq << 24 ^ (uint64_t)txq << 16 ^ len ^ 0x544E4C42ull;

    return (uint32_t)splitmix64(&s);
}

static void header(uint8_t *b, size_t len, unsigned txq, uint32_t seq)
{
    static const uint8_t mac[6] = {0x02, 0x74, 0x6f, 0x6e, 0x69, 0x63};

    memcpy(b, mac, 6);
    memcpy(b + 6, mac, 5);
    b[11] = (uint8_t)txq;
    b[12] = 0x88;
    b[13] = 0xB5;
    memcpy(b + 14, "TNLB", 4);
    put32(b + 18, seq);
    b[22] = (uint8_t)txq;
    b[23] = 0;
    b[24] = (uint8_t)(len >> 8);
    b[25] = (uint8_t)len;
    put32(b + 26, hdr_check(seq, txq, len));
}

static void payload(uint8_t *p, size_t n, uint64_t seed, uint32_t seq)
{
    uint64_t s = seed ^ (uint64_t)seq * 0xD1B54A32D192ED03ull;

    while (n) {
        uint64_t r = splitmix64(&s);
        size_t k = n < 8 ? n : 8;

        memcpy(p, &r, k);
        p += k;
        n -= k;
    }
}

void lb_make(uint8_t *buf, size_t len, uint64_t seed, unsigned txq, uint32_t seq)
{
    header(buf, len, txq, seq);
    payload(buf + LB_HDR_LEN, len - LB_HDR_LEN, seed, seq);
}

enum lb_result lb_check(const uint8_t *buf, size_t len, uint64_t seed, struct lb_info *info)
{
    uint8_t exp[LB_HDR_LEN];
    size_t want, i;

    memset(info, 0, sizeof(*info));
    if (len < LB_HDR_LEN || memcmp(buf + 14, "TNLB", 4))
        return LB_FOREIGN;
    info->seq = get32(buf + 18);
    info->txq = buf[22];
    info->len = (size_t)buf[24] << 8 | buf[25];
    if (get32(buf + 26) != hdr_check(info->seq, info->txq, info->len) || info->len < LB_HDR_LEN)
        return LB_FOREIGN;
    header(exp, info->len, info->txq, info->seq);
    if (memcmp(buf, exp, LB_HDR_LEN))
        return LB_FOREIGN;
    want = info->len < LB_MIN_WIRE ? LB_MIN_WIRE : info->len;
    if (len != want)
        return LB_LEN_MISMATCH;
    /* regenerate the payload in 8-byte steps and compare */
    {
        uint64_t s = seed ^ (uint64_t)info->seq * 0xD1B54A32D192ED03ull;

        for (i = LB_HDR_LEN; i < info->len; i += 8) {
            uint64_t r = splitmix64(&s);
            size_t k = info->len - i < 8 ? info->len - i : 8;
            const uint8_t *rb = (const uint8_t *)&r;

            for (size_t j = 0; j < k; j++)
                if (buf[i + j] != rb[j]) {
                    info->bad_off = i + j;
                    return LB_DATA_MISMATCH;
                }
        }
    }
    for (i = info->len; i < len; i++)
        if (buf[i]) {
            info->bad_off = i;
            return LB_DATA_MISMATCH;
        }
    return LB_OK;
}
