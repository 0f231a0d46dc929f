/* SPDX-License-Identifier: MIT */
/* test_cpl.c — completion parsing: exact decoding of every TXC and RXC field from hand-built
 * words, and a consumer walking a 16-entry completion ring by the phase bit across a wrap, where
 * entries left from the previous pass must not look ready. */
#include <string.h>

#include "desc.h"
#include "ring.h"
#include "test.h"
#include "tonic_regs.h"

static uint32_t txc[16][4];

static void dev_write_txc(unsigned idx, unsigned desc_idx, unsigned phase)
{
    txc[idx][0] = desc_idx | 1u << 16 | 2u << 24;
    txc[idx][1] = 100 + desc_idx;
    txc[idx][2] = 0;
    txc[idx][3] = phase << 31;
}

int main(void)
{
    uint32_t e[8];
    struct tonic_tx_cpl c;
    struct tonic_rx_meta m;
    uint32_t cons = 0, phase = 1, dev_idx = 0, dev_phase = 1;
    unsigned got = 0, seen[32];

    /* TXC: desc_idx 0x0123, ndesc 5, queue 3, bytes 9000, status TOO_LONG, ipsec 0x44, phase 1 */
    e[0] = 0x03050123u;
    e[1] = 9000;
    e[2] = 0x00004402u;
    e[3] = 0x80000000u;
    CHECK(tonic_txc_ready(e, 1));
    CHECK(!tonic_txc_ready(e, 0));
    tonic_txc_decode(e, &c);
    CHECK_EQ(c.desc_idx, 0x0123);
    CHECK_EQ(c.ndesc, 5);
    CHECK_EQ(c.queue, 3);
    CHECK_EQ(c.bytes, 9000);
    CHECK_EQ(c.status, TONIC_TX_ST_TOO_LONG);
    CHECK_EQ(c.ipsec_st, 0x44);
    e[3] = 0x7FFFFFFFu; /* every other bit of the phase word set: still phase 0 */
    CHECK(tonic_txc_ready(e, 0));
    CHECK(!tonic_txc_ready(e, 1));

    /* RXC: every field distinct */
    e[0] = 0x03050007u;
    e[1] = 0x00042328u;
    e[2] = 0xBEEF1234u;
    e[3] = 0xDEADBEEFu;
    e[1] |= 0x5Au << 24;          /* PERR */
    e[4] = 0x0A80E036u;           /* L4_OFF 0x036, IL3_OFF 0x01C, L3_OFF 0x0A */
    e[5] = 0x00550062u;           /* IL4_OFF 0x062, IPSEC_ST 0x55 */
    e[6] = 0x66778899u;
    e[7] = 0x80ABCDEFu;
    CHECK(tonic_rxc_ready(e, 1));
    CHECK(!tonic_rxc_ready(e, 0));
    tonic_rxc_decode(e, &m);
    CHECK_EQ(m.desc_idx, 7);
    CHECK_EQ(m.ndesc, 5);
    CHECK_EQ(m.queue, 3);
    CHECK_EQ(m.len, 9000);
    CHECK_EQ(m.status, TONIC_RX_ST_DMA_ERR);
    CHECK_EQ(m.csum_flags, 0x1234);
    CHECK_EQ(m.csum_raw, 0xBEEF);
    CHECK_EQ(m.rss_hash, 0xDEADBEEFu);
    CHECK_EQ(m.perr, 0x5A);
    CHECK_EQ(m.l4_off, 0x036);
    CHECK_EQ(m.il3_off, 0x01C);
    CHECK_EQ(m.l3_off, 0x0A);
    CHECK_EQ(m.il4_off, 0x062);
    CHECK_EQ(m.ipsec_st, 0x55);
    CHECK_EQ(m.tun_id, 0x66778899u);
    CHECK_EQ(m.ptype, 0xABCDEFu);
    CHECK_EQ(m.cpl[7], 0x80ABCDEFu);
    CHECK_EQ(m.truncated, 0);

    /* phase across a wrap: the ring starts zeroed (phase 0 everywhere, not ready for phase 1) */
    memset(txc, 0, sizeof(txc));
    CHECK(!tonic_txc_ready(txc[0], 1));
    for (unsigned round = 0; round < 2; round++) {
        for (unsigned i = 0; i < 10; i++) { /* the device writes 10 completions */
            dev_write_txc(dev_idx, round * 10 + i, dev_phase);
            dev_idx = tonic_cq_next(dev_idx, 15, &dev_phase);
        }
        while (tonic_txc_ready(txc[cons], phase)) { /* the host consumes what is ready */
            tonic_txc_decode(txc[cons], &c);
            seen[got++] = c.desc_idx;
            cons = tonic_cq_next(cons, 15, &phase);
        }
        CHECK_EQ(got, round * 10 + 10);
    }
    for (unsigned i = 0; i < 20; i++)
        CHECK_EQ(seen[i], i);
    CHECK_EQ(cons, 4); /* stopped at the stale entry 4 of the first pass */
    CHECK_EQ(phase, 0);
    CHECK_EQ(txc[4][3] >> 31, 1);
    TEST_DONE();
}
