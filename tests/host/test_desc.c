/* SPDX-License-Identifier: MIT */
/* test_desc.c — TX/RX descriptor encoding against hand-computed words (from the bit positions in
 * rtl/regs/tonic_regs.toml), cross-checked with the generated field getters. */
#include <string.h>

#include "desc.h"
#include "test.h"
#include "tonic_regs.h"

int main(void)
{
    uint32_t d[8];
    struct tonic_tx_meta meta = {
        .flags = TONIC_TXM_CSUM_IP4 | TONIC_TXM_CSUM_IP6 | TONIC_TXM_CSUM_TCP | TONIC_TXM_CSUM_UDP |
                 TONIC_TXM_CSUM_IPHDR | TONIC_TXM_CSUM_PARTIAL | TONIC_TXM_LSO | TONIC_TXM_LSO_V2 |
                 TONIC_TXM_LSO_IP6 | TONIC_TXM_LSO_FIXEDID | TONIC_TXM_ENC | TONIC_TXM_ENC_IP6 |
                 TONIC_TXM_ENC_TCPOPT,
        .l4_off = 0x22,
        .csum_start = 0x1AB,
        .csum_offset = 0x10,
        .mss = 1448,
        .enc_frame_off = 0x32,
        .enc_ip_off = 0x0E,
        .enc_l4_off = 0x14,
        .sa_handle = 0xCAFEF00Du,
    };

    /* first descriptor of a frame, every offload field set, EOP */
    memset(d, 0xFF, sizeof(d)); /* stale contents must be overwritten completely */
    tonic_txd_encode(d, 0x0000001000000123ull, 2048, true, &meta);
    CHECK_EQ(d[0], 0x00000123u);
    CHECK_EQ(d[1], 0x00000010u);
    CHECK_EQ(d[2], 0x00010800u);
    CHECK_EQ(d[3], 0x0000223Fu);
    CHECK_EQ(d[4], 0x001001ABu);
    CHECK_EQ(d[5], 0x0F0005A8u);
    CHECK_EQ(d[6], 0x70503832u);
    CHECK_EQ(d[7], 0xCAFEF00Du);
    CHECK_EQ(tonic_txd_len(d), 2048);
    CHECK_EQ(tonic_txd_eop(d), 1);
    CHECK_EQ(tonic_txd_l4_off(d), 0x22);
    CHECK_EQ(tonic_txd_mss(d), 1448);
    CHECK_EQ(tonic_txd_enc_l4_off(d), 0x14);
    CHECK_EQ(tonic_txd_sa_handle(d), 0xCAFEF00Du);
    CHECK_EQ(sizeof(d), TONIC_TXD_SIZE);

    /* a later descriptor: no metadata, no EOP */
    memset(d, 0xFF, sizeof(d));
    tonic_txd_encode(d, 0xFEDCBA9876543210ull, 1, false, NULL);
    CHECK_EQ(d[0], 0x76543210u);
    CHECK_EQ(d[1], 0xFEDCBA98u);
    CHECK_EQ(d[2], 0x00000001u);
    for (int i = 3; i < 8; i++)
        CHECK_EQ(d[i], 0);

    /* single flags land on their own bits; oversized values are cut to the field width */
    meta = (struct tonic_tx_meta){.flags = TONIC_TXM_CSUM_UDP, .l4_off = 0x7FF, .mss = 0x1FFFFF};
    tonic_txd_encode(d, 0, 65535, true, &meta);
    CHECK_EQ(d[2], 0x0001FFFFu);
    CHECK_EQ(d[3], 0x0003FF08u);
    CHECK_EQ(d[5], 0x000FFFFFu);
    meta = (struct tonic_tx_meta){.flags = TONIC_TXM_LSO};
    tonic_txd_encode(d, 0, 64, false, &meta);
    CHECK_EQ(d[5], 0x01000000u);
    meta = (struct tonic_tx_meta){.flags = TONIC_TXM_ENC};
    tonic_txd_encode(d, 0, 64, false, &meta);
    CHECK_EQ(d[6], 0x10000000u);
    meta = (struct tonic_tx_meta){.flags = TONIC_TXM_NOCHECK, .cookie = 77};
    tonic_txd_encode(d, 0, 64, false, &meta);
    CHECK_EQ(d[3], 0); /* driver-only flags and the cookie never reach the descriptor */
    CHECK_EQ(d[7], 0);

    /* RX descriptor */
    memset(d, 0xFF, sizeof(d));
    tonic_rxd_encode(d, 0x0000001000004000ull, 2048);
    CHECK_EQ(d[0], 0x00004000u);
    CHECK_EQ(d[1], 0x00000010u);
    CHECK_EQ(d[2], 0x00000800u);
    CHECK_EQ(d[3], 0);
    CHECK_EQ(d[4], 0xFFFFFFFFu); /* 16 bytes written, not more */
    CHECK_EQ(TONIC_RXD_SIZE, 16);
    TEST_DONE();
}
