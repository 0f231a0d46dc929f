/* SPDX-License-Identifier: MIT */
/* test_malformed.c — the model's malformed-frame campaign: ITERATIONS generated frames damaged by
 * pktgen_mutate() (truncations, byte flips aimed at header fields, bad lengths) go through
 * tonic_parse, tonic_rx_csum, tonic_tx_csum_request and tonic_tx_csum (with random descriptors),
 * each in a heap buffer of exactly the frame's size, in a build with AddressSanitizer and UBSan:
 * any read or write outside the frame stops the test. Beyond "no crash" every result is checked
 * against properties of docs/parser.md that hold for any input:
 *  - at most one PERR bit, never OVERRUN; LEN = length; offsets and datagram ends inside the frame;
 *  - bytes at or beyond 256 never change the PMETA (the header window), nor do bytes beyond the
 *    outer datagram end once an IP header passed its checks;
 *  - the walk is deterministic; no L4 verdict with a parse error; never OK and BAD for one check;
 *  - TX never writes outside the 256-byte window and writes only the fields it reports.
 * Usage: model_test_malformed [ITERATIONS [SEED]] (defaults 200000, 1). */
#include <stdlib.h>

#include "pktgen.h"
#include "test.h"
#include "tonic_csum.h"
#include "tonic_parse.h"

static int one_bit(unsigned v)
{
    return v && !(v & (v - 1));
}

int main(int argc, char **argv)
{
    unsigned long iters = argc > 1 ? strtoul(argv[1], NULL, 0) : 200000;
    unsigned long seed = argc > 2 ? strtoul(argv[2], NULL, 0) : 1;
    static uint8_t f[PKTGEN_MAX_FRAME + 64];
    struct pktgen g;
    struct pktgen_info in;
    unsigned long i;
    unsigned errs[8] = {0}, clean = 0, fails_before;
    pktgen_seed(&g, seed);
    for (i = 0; i < iters; i++) {
        unsigned n = pktgen_frame(&g, f, PKTGEN_MAX_FRAME, &in), k, wrote;
        uint32_t pm[7], pm2[7], txd[8], cfg;
        uint16_t fl, raw;
        uint8_t *c, *d;
        fails_before = t_fail;
        n = pktgen_mutate(&g, f, n, sizeof f, &in);
        c = malloc(n ? n : 1);
        d = malloc(n ? n : 1);
        if (!c || !d)
            return 2;
        memcpy(c, f, n);

        tonic_parse(n ? c : NULL, n, pm);
        {
            unsigned e = tonic_pmeta_err(pm);
            CHECK(e == 0 || one_bit(e));
            if (e == 0)
                clean++;
            for (k = 0; k < 8; k++)
                errs[k] += (e >> k) & 1;
        }
        CHECK_EQ(tonic_pmeta_len(pm), n);
        CHECK(tonic_pmeta_l3_off(pm) <= n && tonic_pmeta_l4_off(pm) <= n && tonic_pmeta_il2_off(pm) <= n &&
              tonic_pmeta_il3_off(pm) <= n && tonic_pmeta_il4_off(pm) <= n);
        CHECK(tonic_pmeta_l3_end(pm) <= n && tonic_pmeta_il3_end(pm) <= n);
        CHECK(tonic_pmeta_il3_end(pm) == 0 || tonic_pmeta_il3_end(pm) <= tonic_pmeta_l3_end(pm));
        if (tonic_pmeta_err(pm) == 0 && tonic_pmeta_tun(pm) == 0 && tonic_pmeta_l4(pm) == TONIC_PTYPE_L4_TCP)
            CHECK(tonic_pmeta_l4_off(pm) + 20 <= tonic_pmeta_l3_end(pm));

        /* determinism, and the window: bytes at or beyond 256 do not matter */
        memcpy(d, c, n);
        tonic_parse(n ? d : NULL, n, pm2);
        CHECK(memcmp(pm, pm2, sizeof pm) == 0);
        if (n > TONIC_PARSE_WINDOW) {
            pktgen_fill(&g, d + TONIC_PARSE_WINDOW, n - TONIC_PARSE_WINDOW);
            tonic_parse(d, n, pm2);
            CHECK(memcmp(pm, pm2, sizeof pm) == 0);
            memcpy(d, c, n);
        }
        /* ... nor do bytes beyond the outer datagram */
        if (tonic_pmeta_l3_end(pm) && tonic_pmeta_l3_end(pm) < n) {
            pktgen_fill(&g, d + tonic_pmeta_l3_end(pm), n - tonic_pmeta_l3_end(pm));
            tonic_parse(d, n, pm2);
            CHECK(memcmp(pm, pm2, sizeof pm) == 0);
            memcpy(d, c, n);
        }

        /* RX */
        cfg = pktgen_below(&g, 4) ? 0x1F00u : pktgen_rand(&g);
        tonic_rx_csum(n ? c : NULL, n, pm, cfg, &fl, &raw);
        if (tonic_pmeta_err(pm))
            CHECK_EQ(fl & 0x3Cu, 0);
        CHECK((fl & (fl >> 1) & 0x0555u) == 0); /* no OK+BAD pair */
        CHECK(n > 14 || raw == 0);

        /* TX: the request helper on the damaged frame, then random descriptors */
        memset(txd, 0, sizeof txd);
        CHECK(tonic_tx_csum_request(n ? c : NULL, n, txd, (int)(i & 1)) >= 0);
        tonic_parse(n ? c : NULL, n, pm2);
        memcpy(d, c, n);
        wrote = tonic_tx_csum(n ? c : NULL, n, txd, pm2, 0xFFFFFFFFu);
        if (!(wrote & TONIC_TXCS_WRITTEN))
            CHECK(memcmp(c, d, n) == 0);
        for (k = 0; k < 8; k++)
            txd[k] = pktgen_rand(&g) & (pktgen_below(&g, 2) ? 0xFFFFFFFFu : 0x00FF3F3Fu);
        memcpy(d, c, n);
        wrote = tonic_tx_csum(n ? c : NULL, n, txd, pm2, pktgen_rand(&g));
        if (n > TONIC_PARSE_WINDOW)
            CHECK(memcmp(c + TONIC_PARSE_WINDOW, d + TONIC_PARSE_WINDOW, n - TONIC_PARSE_WINDOW) == 0);
        if (!(wrote & TONIC_TXCS_WRITTEN))
            CHECK(memcmp(c, d, n) == 0);

        if (t_fail != fails_before)
            printf("  iteration %lu (seed %lu), length %u\n", i, seed, n);
        free(c);
        free(d);
    }
    printf("%lu mutated frames: %u without a parse error; TRUNC %u BAD_HLEN %u LEN %u UNKNOWN %u DEEP %u BAD_VER %u\n",
           iters, clean, errs[0], errs[1], errs[2], errs[3], errs[4], errs[5]);
    /* the campaign reached every error kind */
    for (i = 0; i < 6; i++)
        CHECK(iters < 10000 || errs[i] > 100);
    TEST_DONE();
}
