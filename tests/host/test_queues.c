/* SPDX-License-Identifier: MIT */
/* test_queues.c — TX and RX queues end to end against the fake simulator (which loops TX frames
 * back into RX_DEFAULT_QUEUE): exact completions and received bytes for frames of 1 to 5
 * buffers, many ring wraps (phase bit) in interrupt and poll mode, a full ring (-EAGAIN),
 * caller-chosen splits at odd offsets, device-side errors (ZERO_LEN, TOO_LONG, TOO_MANY) and
 * driver-side refusals, truncation, wait timeouts, statistics, soft reset, taking over a queue a
 * previous process left enabled, and a queue that never stops. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "fake_sim.h"
#include "run.h"
#include "test.h"
#include "tonic/tonic.h"
#include "tonic_regs.h"

static char sock[256], addr[300], want[512];
static uint8_t tx[10000], rx[10000];

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void fill(uint8_t *b, size_t len, unsigned seed)
{
    for (size_t i = 0; i < len; i++)
        b[i] = (uint8_t)(i * 13 + seed * 101 + (i >> 8));
}

/* waits for and reaps exactly one TX completion */
static int reap1(struct tonic_txq *q, struct tonic_tx_cpl *c)
{
    int r = tonic_tx_wait(q, 2000);

    return r ? r : tonic_tx_reap(q, c, 1);
}

static void basic(struct tonic_dev *dev)
{
    static const uint32_t lens[5] = {60, 2048, 2049, 9000, 14};
    static const unsigned ndesc[5] = {1, 1, 2, 5, 1};
    static const unsigned last[5] = {0, 1, 3, 8, 9};
    struct tonic_txq *tq;
    struct tonic_rxq *rq;
    struct tonic_tx_cpl c;
    struct tonic_rx_meta m;
    struct tonic_drv_stats ds;
    uint64_t st[TONIC_STATS_NUM], cyc0, cyc1;

    CHECK_EQ(tonic_rxq_create(dev, 0, NULL, &rq), 0);
    CHECK_EQ(tonic_txq_create(dev, 0, NULL, &tq), 0);
    CHECK_EQ(tonic_set_rx_default_queue(dev, 0), 0);
    CHECK_EQ(tonic_cycles(dev, &cyc0), 0);
    CHECK_EQ(tonic_tx_free_descs(tq), 255);
    for (unsigned i = 0; i < 5; i++) {
        struct tonic_tx_meta meta = {.cookie = 1000 + i};

        fill(tx, lens[i], i);
        CHECK_EQ(tonic_tx_send(tq, tx, lens[i], &meta), 0);
    }
    CHECK_EQ(tonic_tx_outstanding(tq), 10);
    for (unsigned i = 0; i < 5; i++) {
        CHECK_EQ(reap1(tq, &c), 1);
        CHECK_EQ(c.cookie, 1000 + i);
        CHECK_EQ(c.desc_idx, last[i]);
        CHECK_EQ(c.ndesc, ndesc[i]);
        CHECK_EQ(c.bytes, lens[i]);
        CHECK_EQ(c.status, TONIC_TX_ST_OK);
        CHECK_EQ(c.queue, 0);
    }
    CHECK_EQ(tonic_tx_outstanding(tq), 0);
    CHECK_EQ(tonic_tx_reap(tq, &c, 1), 0);
    for (unsigned i = 0, first = 0; i < 5; i++) {
        uint32_t wire = lens[i] < 60 ? 60 : lens[i];

        memset(rx, 0xEE, sizeof(rx));
        CHECK_EQ(tonic_rx_recv(rq, rx, sizeof(rx), &m, 2000), 1);
        CHECK_EQ(m.len, wire);
        CHECK_EQ(m.status, TONIC_RX_ST_OK);
        CHECK_EQ(m.queue, 0);
        CHECK_EQ(m.desc_idx, first);
        CHECK_EQ(m.ndesc, ndesc[i]);
        CHECK_EQ(m.rss_hash, 0x5a5a0000u | wire);
        CHECK_EQ(m.ptype, 0x000004u);
        CHECK_EQ(m.truncated, 0);
        fill(tx, lens[i], i);
        memset(tx + lens[i], 0, wire - lens[i]);
        CHECK(!memcmp(rx, tx, wire));
        CHECK_EQ(rx[wire], 0xEE); /* nothing written past the frame */
        first += ndesc[i];
    }
    CHECK_EQ(tonic_stats_read(dev, st), 0);
    CHECK_EQ(st[TONIC_STAT_TX_FRAMES], 5);
    CHECK_EQ(st[TONIC_STAT_TX_BYTES], 60 + 2048 + 2049 + 9000 + 14);
    CHECK_EQ(st[TONIC_STAT_RX_FRAMES], 5);
    CHECK_EQ(st[TONIC_STAT_RX_BYTES], 60 + 2048 + 2049 + 9000 + 60);
    CHECK_EQ(st[TONIC_STAT_TX_ERR_DESC], 0);
    CHECK_EQ(tonic_cycles(dev, &cyc1), 0);
    CHECK(cyc1 > cyc0);
    tonic_drv_stats(dev, &ds);
    CHECK(ds.irqs >= 2);
    CHECK(ds.mmio_reads > 0 && ds.mmio_writes > 0 && ds.mmio_read_ns > 0);
    CHECK_EQ(ds.dma_bytes, 64u << 20);

    /* truncation: a 2049-byte frame into a 100-byte buffer */
    fill(tx, 2049, 9);
    CHECK_EQ(tonic_tx_send(tq, tx, 2049, NULL), 0);
    CHECK_EQ(tonic_rx_recv(rq, rx, 100, &m, 2000), 1);
    CHECK_EQ(m.len, 2049);
    CHECK_EQ(m.truncated, 1);
    CHECK(!memcmp(rx, tx, 100));
    CHECK_EQ(reap1(tq, &c), 1);

    /* caller-chosen splits at odd offsets */
    {
        struct tonic_tx_split sp[3] = {{10, 3}, {1, 2047}, {89, 0}};

        fill(tx, 100, 3);
        CHECK_EQ(tonic_tx_send_split(tq, tx, 100, sp, 3, NULL), 0);
        CHECK_EQ(reap1(tq, &c), 1);
        CHECK_EQ(c.ndesc, 3);
        CHECK_EQ(c.bytes, 100);
        CHECK_EQ(tonic_rx_recv(rq, rx, sizeof(rx), &m, 2000), 1);
        CHECK_EQ(m.len, 100);
        CHECK(!memcmp(rx, tx, 100));
    }

    /* refused by the driver, nothing written */
    CHECK_EQ(tonic_tx_send(tq, tx, 9217, NULL), -EMSGSIZE);
    CHECK_STR(tonic_last_error(), "TX queue 0: frame of 9217 bytes exceeds MAX_FRAME (9216)");
    CHECK_EQ(tonic_tx_send(tq, tx, 0, NULL), -EINVAL);
    CHECK_STR(tonic_last_error(), "TX queue 0: empty frame");
    {
        struct tonic_tx_split sp[17], big = {2000, 100}, two[2] = {{50, 0}, {40, 0}};

        for (int i = 0; i < 17; i++)
            sp[i] = (struct tonic_tx_split){1, 0};
        CHECK_EQ(tonic_tx_send_split(tq, tx, 17, sp, 17, NULL), -EMSGSIZE);
        CHECK_STR(tonic_last_error(), "TX queue 0: frame needs 17 buffers, the device takes at most 16 (DMA_SG)");
        CHECK_EQ(tonic_tx_send_split(tq, tx, 2000, &big, 1, NULL), -EINVAL);
        CHECK_STR(tonic_last_error(), "TX queue 0: split 0 (2000 bytes at offset 100) exceeds the 2048-byte buffer");
        CHECK_EQ(tonic_tx_send_split(tq, tx, 100, two, 2, NULL), -EINVAL);
        CHECK_STR(tonic_last_error(), "TX queue 0: splits add up to 90 bytes, the frame has 100");
        CHECK_EQ(tonic_tx_outstanding(tq), 0);

        /* the same mistakes with NOCHECK reach the device, which completes them with an error */
        struct tonic_tx_meta nc = {.flags = TONIC_TXM_NOCHECK, .cookie = 1};

        CHECK_EQ(tonic_tx_send(tq, tx, 0, &nc), 0);
        CHECK_EQ(reap1(tq, &c), 1);
        CHECK_EQ(c.status, TONIC_TX_ST_ZERO_LEN);
        CHECK_EQ(c.ndesc, 1);
        CHECK_EQ(tonic_tx_send(tq, tx, 9217, &nc), 0);
        CHECK_EQ(reap1(tq, &c), 1);
        CHECK_EQ(c.status, TONIC_TX_ST_TOO_LONG);
        CHECK_EQ(c.ndesc, 5);
        CHECK_EQ(tonic_tx_send_split(tq, tx, 17, sp, 17, &nc), 0);
        CHECK_EQ(reap1(tq, &c), 1);
        CHECK_EQ(c.status, TONIC_TX_ST_TOO_MANY);
        CHECK_EQ(c.ndesc, 17);
        CHECK_STR(tonic_tx_status_name(c.status), "TOO_MANY");
        CHECK_EQ(tonic_stats_read(dev, st), 0);
        CHECK_EQ(st[TONIC_STAT_TX_ERR_DESC], 3);
    }

    /* nothing more arrives: the waits time out, on time */
    {
        double t0 = now();

        CHECK_EQ(tonic_rx_wait(rq, 100), -ETIMEDOUT);
        CHECK_STR(tonic_last_error(), "RX queue 0: no frame within 100 ms");
        CHECK(now() - t0 >= 0.09 && now() - t0 < 0.5);
        CHECK_EQ(tonic_tx_wait(tq, 50), -ETIMEDOUT);
        CHECK_STR(tonic_last_error(), "TX queue 0: no completion within 50 ms (0 descriptors outstanding)");
        CHECK_EQ(tonic_rx_poll(rq, rx, sizeof(rx), &m), 0);
    }

    /* refusals of queue creation and configuration */
    {
        struct tonic_queue_config qc;
        struct tonic_txq *t2;
        struct tonic_rxq *r2;

        CHECK_EQ(tonic_txq_create(dev, 0, NULL, &t2), -EBUSY);
        CHECK_STR(tonic_last_error(), "TX queue 0 is already open");
        CHECK_EQ(tonic_txq_create(dev, 4, NULL, &t2), -EINVAL);
        CHECK_STR(tonic_last_error(), "TX queue 4 does not exist (the device has 4)");
        tonic_queue_config_default(&qc);
        qc.ring_size = 100;
        CHECK_EQ(tonic_txq_create(dev, 1, &qc, &t2), -EINVAL);
        CHECK_STR(tonic_last_error(), "TX queue 1: ring size 100 is not a power of two in 16..4096");
        tonic_queue_config_default(&qc);
        qc.buf_size = 2047;
        CHECK_EQ(tonic_rxq_create(dev, 1, &qc, &r2), -EINVAL);
        CHECK_STR(tonic_last_error(), "RX queue 1: buffer size 2047 is not a non-zero multiple of 8 up to 65528");
        tonic_queue_config_default(&qc);
        qc.irq_vector = 8;
        CHECK_EQ(tonic_rxq_create(dev, 1, &qc, &r2), -EINVAL);
        CHECK_STR(tonic_last_error(), "RX queue 1: vector 8, the device has 8");
        CHECK_EQ(tonic_set_rx_default_queue(dev, 9), -EINVAL);
        CHECK_HAS(tonic_last_error(), ": RX queue 9 does not exist (the device has 4)");
        CHECK_EQ(tonic_soft_reset(dev), -EBUSY);
    }
    CHECK_EQ(tonic_txq_destroy(tq), 0);
    CHECK_EQ(tonic_rxq_destroy(rq), 0);
}

/* many frames through 16-entry rings: the completion phase wraps a dozen times */
static void wraps(struct tonic_dev *dev, bool use_irq, unsigned qid)
{
    struct tonic_queue_config qc;
    struct tonic_txq *tq;
    struct tonic_rxq *rq;
    struct tonic_tx_cpl c;
    struct tonic_rx_meta m;
    unsigned bad = 0, rx_desc = 0;

    tonic_queue_config_default(&qc);
    qc.ring_size = 16;
    qc.use_irq = use_irq;
    CHECK_EQ(tonic_rxq_create(dev, qid, &qc, &rq), 0);
    CHECK_EQ(tonic_txq_create(dev, qid, &qc, &tq), 0);
    CHECK_EQ(tonic_set_rx_default_queue(dev, qid), 0);
    for (unsigned i = 0; i < 100; i++) {
        size_t len = 60 + (i * 397) % 3000; /* one or two buffers */
        unsigned nd = (unsigned)((len + 2047) / 2048);

        fill(tx, len, i);
        if (tonic_tx_send(tq, tx, len, &(struct tonic_tx_meta){.cookie = i}) || reap1(tq, &c) != 1 ||
            c.cookie != i || c.ndesc != nd || c.status != TONIC_TX_ST_OK)
            bad++;
        if (tonic_rx_recv(rq, rx, sizeof(rx), &m, 2000) != 1 || m.len != len || memcmp(rx, tx, len) ||
            m.desc_idx != rx_desc || m.ndesc != nd)
            bad++;
        rx_desc = (rx_desc + nd) & 15;
    }
    CHECK_EQ(bad, 0);
    CHECK_EQ(tonic_tx_free_descs(tq), 15);

    /* a full ring: 15 one-buffer frames fit, the 16th does not until completions are reaped */
    for (unsigned i = 0; i < 15; i++)
        CHECK_EQ(tonic_tx_send(tq, tx, 64, NULL), 0);
    CHECK_EQ(tonic_tx_send(tq, tx, 64, NULL), -EAGAIN);
    snprintf(want, sizeof(want), "TX queue %u is full (1 descriptors needed, 0 free)", qid);
    CHECK_STR(tonic_last_error(), want);
    {
        struct tonic_tx_cpl cs[16];
        int n = 0, k = 0;
        double t0 = now();

        while (n < 15 && k >= 0 && now() - t0 < 2) {
            k = tonic_tx_reap(tq, cs, 16);
            n += k > 0 ? k : 0;
        }
        CHECK(k >= 0);
        CHECK_EQ(n, 15);
    }
    CHECK_EQ(tonic_tx_send(tq, tx, 64, NULL), 0);
    for (unsigned i = 0; i < 16; i++)
        CHECK_EQ(tonic_rx_recv(rq, rx, sizeof(rx), &m, 2000), 1);
    CHECK_EQ(reap1(tq, &c), 1);
    CHECK_EQ(tonic_txq_destroy(tq), 0);
    CHECK_EQ(tonic_rxq_destroy(rq), 0);
}

static void reset_and_stats(struct tonic_dev *dev)
{
    uint64_t st[TONIC_STATS_NUM];

    CHECK_EQ(tonic_stats_read(dev, st), 0);
    CHECK(st[TONIC_STAT_TX_FRAMES] > 0);
    CHECK_EQ(tonic_stats_clear(dev), 0);
    CHECK_EQ(tonic_stats_read(dev, st), 0);
    CHECK_EQ(st[TONIC_STAT_TX_FRAMES], 0);
    CHECK_EQ(tonic_soft_reset(dev), 0);
}

int main(void)
{
    struct fake_opts o;
    struct tonic_config cfg;
    struct tonic_dev *dev = NULL;
    struct tonic_txq *tq;
    struct tonic_tx_cpl c;
    pid_t pid;

    snprintf(sock, sizeof(sock), "%s/queues.sock", test_tmpdir());
    snprintf(addr, sizeof(addr), "sim:%s", sock);
    fake_opts_default(&o);
    pid = fake_sim_start(sock, &o);
    CHECK_EQ(tonic_open(addr, &dev), 0);
    if (!dev) {
        fake_sim_stop(pid, sock);
        TEST_DONE();
    }
    basic(dev);
    wraps(dev, true, 1);
    wraps(dev, false, 2);
    reset_and_stats(dev);
    tonic_close(dev);
    fake_sim_stop(pid, sock);

    /* a previous process left TX queue 0 enabled: it is disabled, reprogrammed and works */
    o.txq0_left_enabled = true;
    pid = fake_sim_start(sock, &o);
    CHECK_EQ(tonic_open(addr, &dev), 0);
    CHECK_EQ(tonic_txq_create(dev, 0, NULL, &tq), 0);
    CHECK_EQ(tonic_tx_send(tq, tx, 64, NULL), 0);
    CHECK_EQ(reap1(tq, &c), 1);
    CHECK_EQ(c.status, TONIC_TX_ST_OK);
    CHECK_EQ(c.desc_idx, 0);
    tonic_close(dev);
    fake_sim_stop(pid, sock);

    /* the device refuses the configuration: creation fails, says why, leaves the queue off */
    o.txq0_left_enabled = false;
    o.refuse_size = true;
    pid = fake_sim_start(sock, &o);
    CHECK_EQ(tonic_open(addr, &dev), 0);
    CHECK_EQ(tonic_txq_create(dev, 0, NULL, &tq), -EIO);
    CHECK_STR(tonic_last_error(), "TX queue 0: the device refused its configuration (QSTATUS 0x18)");
    {
        uint32_t v = 1;

        CHECK_EQ(tonic_reg_read(dev, TONIC_TXQ_BASE + TONIC_TXQ_QBASE + TONIC_Q_QCTRL, &v), 0);
        CHECK_EQ(v, 0);
    }
    tonic_close(dev);
    fake_sim_stop(pid, sock);
    o.refuse_size = false;

    /* a queue that never stops: destroy gives up after reg_timeout_ms */
    o.txq0_left_enabled = false;
    o.stuck_active = true;
    pid = fake_sim_start(sock, &o);
    tonic_config_default(&cfg);
    cfg.reg_timeout_ms = 200;
    CHECK_EQ(tonic_open_cfg(addr, &cfg, &dev), 0);
    CHECK_EQ(tonic_txq_create(dev, 0, NULL, &tq), 0);
    {
        double t0 = now();

        CHECK_EQ(tonic_txq_destroy(tq), -ETIMEDOUT);
        CHECK_STR(tonic_last_error(), "TX queue 0: QSTATUS.ACTIVE still set 200 ms after disabling");
        CHECK(now() - t0 >= 0.19 && now() - t0 < 1.0);
    }
    /* and a new owner of that queue cannot take it over either */
    CHECK_EQ(tonic_txq_create(dev, 0, NULL, &tq), -ETIMEDOUT);
    tonic_close(dev);
    fake_sim_stop(pid, sock);
    test_tmpdir_remove();
    TEST_DONE();
}
