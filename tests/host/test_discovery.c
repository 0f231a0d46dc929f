/* SPDX-License-Identifier: MIT */
/* test_discovery.c — identity and the register block chain against a fake simulator: the exact
 * blocks of a good chain, an unknown block type skipped, and each malformed chain (loop, pointer
 * outside BAR0, unaligned pointer), a wrong MAGIC and an unknown block version refused with a
 * message that says what is wrong. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "fake_sim.h"
#include "run.h"
#include "test.h"
#include "tonic/tonic.h"
#include "tonic_regs.h"

static char sock[256], addr[300];

static int open_chain(enum fake_chain chain, struct tonic_dev **dev)
{
    struct fake_opts o;
    pid_t pid;
    int r;

    fake_opts_default(&o);
    o.chain = chain;
    o.num_txq = 3;
    o.num_rxq = 2;
    pid = fake_sim_start(sock, &o);
    r = tonic_open(addr, dev);
    if (r || chain != FAKE_CHAIN_OK) {
        fake_sim_stop(pid, sock);
        return r;
    }
    return (int)pid;
}

static void refused(enum fake_chain chain, int err, const char *msg)
{
    struct tonic_dev *dev = NULL;

    CHECK_EQ(open_chain(chain, &dev), err);
    CHECK_STR(tonic_last_error(), msg);
    CHECK(dev == NULL);
}

int main(void)
{
    static const uint32_t want_off[] = {0x0, 0x100, 0x180, 0x200, 0x300, 0x1000, 0x2000, 0x3000};
    static const uint32_t want_type[] = {1, 2, 3, 4, 5, 0x10, 0x11, 0x99};
    const struct tonic_block *b;
    const struct tonic_ident *id;
    struct tonic_dev_info di;
    struct tonic_offload caps;
    struct tonic_dev *dev;
    char want[512];
    unsigned n;
    int pid;

    snprintf(sock, sizeof(sock), "%s/disc.sock", test_tmpdir());
    snprintf(addr, sizeof(addr), "sim:%s", sock);

    pid = open_chain(FAKE_CHAIN_OK, &dev);
    CHECK(pid > 0);
    if (pid > 0) {
        n = tonic_blocks(dev, &b);
        CHECK_EQ(n, 7);
        for (unsigned i = 0; i < n && i < 7; i++) {
            CHECK_EQ(b[i].offset, want_off[i]);
            CHECK_EQ(b[i].type, want_type[i]);
            CHECK_EQ(b[i].version, 1);
            CHECK_EQ(b[i].next, i + 1 < 7 ? want_off[i + 1] : 0);
        }
        id = tonic_ident(dev);
        CHECK_EQ(id->magic, TONIC_MAGIC);
        CHECK_EQ(id->hw_version, TONIC_HW_VERSION);
        CHECK_EQ(id->build_id, 0xfa4e0001u);
        CHECK_EQ(id->clk_hz, 156250000u);
        CHECK_EQ(id->data_w, 64);
        CHECK_EQ(id->num_txq, 3);
        CHECK_EQ(id->num_rxq, 2);
        CHECK_EQ(id->num_irq, 8);
        CHECK_EQ(id->max_frame, 9216);
        CHECK_EQ(id->desc_format, TONIC_DESC_FORMAT);
        CHECK_EQ(id->dma_sg, 16);
        tonic_dev_info(dev, &di);
        CHECK_STR(di.backend, "sim");
        CHECK_STR(di.addr, addr);
        CHECK_EQ(di.bar_size, 0x10000);
        CHECK_EQ(di.clk_hz, 156250000u);
        CHECK_EQ(di.num_irq, 8);
        CHECK_EQ(di.has_irq, 1);
        CHECK_EQ(di.num_txq, 3);
        CHECK_EQ(di.num_rxq, 2);
        CHECK_EQ(tonic_read_caps(dev, &caps), 0);
        CHECK_EQ(caps.csum, TONIC_CAPS_CSUM_TX_IP4 | TONIC_CAPS_CSUM_RX_TCP4);
        CHECK_EQ(caps.dma_sg, 16);
        CHECK_STR(tonic_block_name(b[5].type), "TXQ");
        tonic_close(dev);
        fake_sim_stop((pid_t)pid, sock);
    }

    /* an unknown block at the end is listed and skipped */
    {
        struct fake_opts o;
        pid_t p;

        fake_opts_default(&o);
        o.chain = FAKE_CHAIN_EXTRA;
        p = fake_sim_start(sock, &o);
        CHECK_EQ(tonic_open(addr, &dev), 0);
        if (dev) {
            n = tonic_blocks(dev, &b);
            CHECK_EQ(n, 8);
            CHECK_EQ(b[7].offset, 0x3000);
            CHECK_EQ(b[7].type, 0x99);
            CHECK_EQ(b[7].version, 7);
            CHECK_STR(tonic_block_name(b[7].type), "unknown");
            tonic_close(dev);
        }
        fake_sim_stop(p, sock);
    }

    refused(FAKE_CHAIN_LOOP, -EPROTO, "register block chain: NEXT of the RXQ block at 0x2000 loops back to 0x100");
    refused(FAKE_CHAIN_OUT_OF_RANGE, -EPROTO,
            "register block chain: NEXT 0x20000 of the RXQ block at 0x2000 points outside BAR0 (0x10000 bytes)");
    refused(FAKE_CHAIN_UNALIGNED, -EPROTO,
            "register block chain: NEXT 0x3002 of the RXQ block at 0x2000 is not 4-byte aligned");
    snprintf(want, sizeof(want), "%s: not a tonic device: IDENT.MAGIC reads 0x12345678, expected 0x544f4e49", addr);
    refused(FAKE_CHAIN_BAD_MAGIC, -ENODEV, want);
    refused(FAKE_CHAIN_BAD_VERSION, -EPROTO, "TXQ block at 0x1000 has version 2; this driver knows version 1");
    test_tmpdir_remove();
    TEST_DONE();
}
