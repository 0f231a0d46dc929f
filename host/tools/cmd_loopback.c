/* SPDX-License-Identifier: MIT */
/* cmd_loopback.c — `tonicctl loopback`: the end-to-end check with the simulator in
 * `--port loopback` (or a cable looped back on a board).
 *
 * Frames of random sizes in [min, max] with random content and a sequence number (lbframe.h) are
 * sent round-robin over Q TX queues and received on Q RX queues (all arrive on RX_DEFAULT_QUEUE 0
 * until RSS spreads them). Every byte is checked, and the order: per (RX queue, TX queue) pair the
 * sequence numbers must increase. The sender never has more frames in flight than the RX ring has
 * buffers for, so a slow host cannot cause RX_DROP_NOBUF drops; a frame that is lost anyway shows
 * up as a stall, which ends the run after --timeout seconds without progress.
 * The summary gives frames/bytes, mismatches, completion statuses, simulated cycles (CTRL.CYCLES),
 * bytes per cycle against the datapath's DATA_W/8 limit, wall time and the mean MMIO read round
 * trip (a batch of CTRL.SCRATCH reads). Exit 0 only if every frame arrived intact. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl.h"
#include "lbframe.h"
#include "tonic_regs.h"

#define RX_BUF_BYTES 65536u
#define MAX_DETAILS 10u

struct lb_opts {
    unsigned long count;
    unsigned min, max, queues, ring, buf_size, timeout_s, mmio_reads;
    uint64_t seed;
    int poll; /* no interrupts: wait the way the pci backend does */
    int allow_loss; /* benchmark mode: frames the device drops (counted) do not fail the run */
};

struct lb_run {
    const struct lb_opts *o;
    struct tonic_dev *dev;
    struct tonic_txq *txq[TONIC_MAX_QUEUES];
    struct tonic_rxq *rxq[TONIC_MAX_QUEUES];
    uint8_t *tbuf, *rbuf, *seen;
    unsigned long sent, received, reaped;
    uint64_t sent_bytes, recv_bytes;
    unsigned long demand, budget; /* RX buffers the frames in flight need, and may need */
    int64_t last[TONIC_MAX_QUEUES][TONIC_MAX_QUEUES];
    unsigned long len_mm, data_mm, order_mm, dup, foreign, tx_err, rx_err, details;
    unsigned long tx_st[256], rx_st[256];
    uint64_t last_rx_cycles; /* --allow-loss: CTRL.CYCLES when the last frame arrived */
};

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static unsigned long rx_demand(const struct lb_run *r, size_t len)
{
    size_t wire = len < LB_MIN_WIRE ? LB_MIN_WIRE : len;

    return (unsigned long)((wire + r->o->buf_size - 1) / r->o->buf_size);
}

static void detail(struct lb_run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void detail(struct lb_run *r, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    if (r->details++ >= MAX_DETAILS)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    ctl_err("loopback: %s", msg);
}

static int send_some(struct lb_run *r, unsigned *progress)
{
    const struct lb_opts *o = r->o;

    while (r->sent < o->count) {
        uint32_t seq = (uint32_t)r->sent;
        size_t len = lb_len(o->seed, seq, o->min, o->max);
        unsigned q = seq % o->queues;
        struct tonic_tx_meta meta = {.cookie = seq};
        int err;

        if (r->demand + rx_demand(r, len) > r->budget)
            break;
        lb_make(r->tbuf, len, o->seed, q, seq);
        err = tonic_tx_send(r->txq[q], r->tbuf, len, &meta);
        if (err == -EAGAIN)
            break;
        if (err)
            return ctl_err("loopback: frame %u: %s", seq, tonic_last_error());
        r->sent++;
        r->sent_bytes += len;
        r->demand += rx_demand(r, len);
        (*progress)++;
    }
    for (unsigned q = 0; q < o->queues; q++)
        if (tonic_tx_flush(r->txq[q]))
            return ctl_err("%s", tonic_last_error());
    return 0;
}

static int reap(struct lb_run *r, unsigned *progress)
{
    struct tonic_tx_cpl cpl[64];

    for (unsigned q = 0; q < r->o->queues; q++) {
        int k = tonic_tx_reap(r->txq[q], cpl, 64);

        if (k < 0)
            return ctl_err("%s", tonic_last_error());
        for (int i = 0; i < k; i++) {
            r->tx_st[cpl[i].status]++;
            if (cpl[i].status != TONIC_TX_ST_OK) {
                r->tx_err++;
                detail(r, "frame %" PRIu64 ": TX completion status %s", cpl[i].cookie,
                       tonic_tx_status_name(cpl[i].status));
            }
        }
        r->reaped += (unsigned long)k;
        *progress += (unsigned)k;
    }
    return 0;
}

static void check_frame(struct lb_run *r, unsigned rq, const struct tonic_rx_meta *m)
{
    struct lb_info info;
    enum lb_result res = lb_check(r->rbuf, m->len, r->o->seed, &info);

    if (res == LB_FOREIGN || info.seq >= r->o->count || info.txq >= r->o->queues) {
        r->foreign++;
        detail(r, "RX queue %u: a %u-byte frame that is not one of ours", rq, m->len);
        return;
    }
    if (r->seen[info.seq / 8] & (1u << (info.seq % 8))) {
        r->dup++;
        detail(r, "frame %u received twice", info.seq);
        return;
    }
    r->seen[info.seq / 8] |= (uint8_t)(1u << (info.seq % 8));
    r->received++;
    r->recv_bytes += m->len;
    r->demand -= rx_demand(r, info.len);
    if (r->last[rq][info.txq] >= (int64_t)info.seq) {
        r->order_mm++;
        detail(r, "frame %u (TX queue %u) arrived after frame %" PRId64, info.seq, info.txq, r->last[rq][info.txq]);
    }
    r->last[rq][info.txq] = info.seq;
    if (res == LB_LEN_MISMATCH) {
        r->len_mm++;
        detail(r, "frame %u: sent %zu bytes, received %u", info.seq, info.len, m->len);
    } else if (res == LB_DATA_MISMATCH) {
        r->data_mm++;
        detail(r, "frame %u (%zu bytes): first wrong byte at offset %zu", info.seq, info.len, info.bad_off);
    }
}

static int receive(struct lb_run *r, unsigned *progress)
{
    for (unsigned q = 0; q < r->o->queues; q++) {
        struct tonic_rx_meta m;
        int k;

        while ((k = tonic_rx_poll(r->rxq[q], r->rbuf, RX_BUF_BYTES, &m)) == 1) {
            (*progress)++;
            r->rx_st[m.status]++;
            if (m.status != TONIC_RX_ST_OK) {
                r->rx_err++;
                detail(r, "RX queue %u: completion status %s (length %u)", q, tonic_rx_status_name(m.status), m.len);
                continue;
            }
            check_frame(r, q, &m);
        }
        if (k < 0)
            return ctl_err("%s", tonic_last_error());
    }
    return 0;
}

static int run(struct lb_run *r)
{
    const struct lb_opts *o = r->o;
    double last_progress = now_s();
    int err;

    while (r->received < o->count || r->reaped < r->sent) {
        unsigned progress = 0;
        unsigned long before = r->received;

        if ((err = send_some(r, &progress)) || (err = reap(r, &progress)) || (err = receive(r, &progress)))
            return err;
        if (o->allow_loss && r->received != before && tonic_cycles(r->dev, &r->last_rx_cycles))
            return ctl_err("%s", tonic_last_error());
        if (progress) {
            last_progress = now_s();
            continue;
        }
        /* benchmark mode: everything sent and completed, and nothing more arrives for 0.5 s */
        if (o->allow_loss && r->sent == o->count && r->reaped == r->sent && now_s() - last_progress > 0.5)
            break;
        if (now_s() - last_progress > o->timeout_s)
            return ctl_err("loopback: stalled for %u s: sent %lu, received %lu of %lu frames, %lu TX completions",
                           o->timeout_s, r->sent, r->received, o->count, r->reaped);
        if (tonic_wait_any(r->dev, 10))
            return ctl_err("%s", tonic_last_error());
    }
    return 0;
}

static uint32_t block_offset(struct tonic_dev *dev, uint32_t type)
{
    const struct tonic_block *b;
    unsigned n = tonic_blocks(dev, &b);

    for (unsigned i = 0; i < n; i++)
        if (b[i].type == type)
            return b[i].offset;
    return UINT32_MAX;
}

/* Mean MMIO read round trip over n reads of CTRL.SCRATCH, from the driver's own counters. */
static int mmio_round_trip(struct tonic_dev *dev, unsigned n, double *us)
{
    uint32_t ctrl = block_offset(dev, TONIC_BLK_CTRL), v;
    struct tonic_drv_stats a, b;

    *us = 0;
    if (ctrl == UINT32_MAX || !n)
        return 0;
    tonic_drv_stats(dev, &a);
    for (unsigned i = 0; i < n; i++)
        if (tonic_reg_read(dev, ctrl + TONIC_CTRL_SCRATCH, &v))
            return ctl_err("%s", tonic_last_error());
    tonic_drv_stats(dev, &b);
    *us = (double)(b.mmio_read_ns - a.mmio_read_ns) / (double)(b.mmio_reads - a.mmio_reads) / 1000.0;
    return 0;
}

static void print_statuses(const char *label, const unsigned long *st, const char *(*name)(unsigned))
{
    int any = 0;

    printf("  %-12s", label);
    for (unsigned s = 0; s < 256; s++)
        if (st[s]) {
            printf(" %s %lu", name(s), st[s]);
            any = 1;
        }
    printf("%s\n", any ? "" : " none");
}

static int summary(struct lb_run *r, uint64_t cycles, int have_cycles, double wall, double mmio_us,
                   const uint64_t *st0, const uint64_t *st1)
{
    const struct lb_opts *o = r->o;
    const struct tonic_ident *id = tonic_ident(r->dev);
    double limit = id->data_w ? id->data_w / 8.0 : 8.0;
    unsigned long mism = r->len_mm + r->data_mm + r->order_mm + r->dup;
    unsigned long lost = o->count - r->received;
    int pass = (o->allow_loss || r->received == o->count) && !mism && !r->tx_err && !r->rx_err;

    printf("loopback: %lu frames of %u..%u bytes, seed %" PRIu64 ", %u queue pair(s), %s\n", o->count, o->min,
           o->max, o->seed, o->queues, o->poll ? "polling" : "interrupts when available");
    printf("  %-12s %lu frames, %" PRIu64 " bytes\n", "sent", r->sent, r->sent_bytes);
    printf("  %-12s %lu frames, %" PRIu64 " bytes\n", "received", r->received, r->recv_bytes);
    printf("  %-12s %lu (length %lu, data %lu, order %lu, duplicate %lu)\n", "mismatches", mism, r->len_mm, r->data_mm,
           r->order_mm, r->dup);
    printf("  %-12s %lu lost, %lu foreign, %lu TX and %lu RX completion errors\n", "errors", lost, r->foreign,
           r->tx_err, r->rx_err);
    print_statuses("tx status", r->tx_st, tonic_tx_status_name);
    print_statuses("rx status", r->rx_st, tonic_rx_status_name);
    if (have_cycles && cycles) {
        double bpc = (double)r->recv_bytes / (double)cycles;

        printf("  %-12s %" PRIu64 " simulated\n", "cycles", cycles);
        printf("  %-12s %.3f bytes/cycle received (%.1f%% of the %.0f bytes/cycle datapath limit)\n", "throughput",
               bpc, 100.0 * bpc / limit, limit);
    } else {
        printf("  %-12s n/a\n", "cycles");
    }
    printf("  %-12s %.3f s (%.0f frames/s)\n", "wall time", wall, wall > 0 ? (double)r->received / wall : 0.0);
    if (mmio_us > 0)
        printf("  %-12s %.2f us mean round trip (%u reads of CTRL.SCRATCH)\n", "mmio read", mmio_us, o->mmio_reads);
    else
        printf("  %-12s n/a\n", "mmio read");
    if (st0 && st1)
        for (unsigned i = 0; i < tonic_stats_count(); i++) {
            const char *n = tonic_stat_name(i);

            if (st1[i] != st0[i] && (strstr(n, "drop") || strstr(n, "err")))
                printf("  %-12s %s +%" PRIu64 "\n", "device", n, st1[i] - st0[i]);
        }
    printf("result: %s\n", pass ? "PASS" : "FAIL");
    return pass ? CTL_EXIT_OK : ctl_err("loopback failed: %lu of %lu frames intact", r->received - mism, o->count);
}

static int parse(int argc, char **argv, struct lb_opts *o)
{
    static const struct option opts[] = {
        {"count", required_argument, NULL, 'n'},  {"min", required_argument, NULL, 'a'},
        {"max", required_argument, NULL, 'b'},    {"seed", required_argument, NULL, 's'},
        {"queues", required_argument, NULL, 'q'}, {"ring", required_argument, NULL, 'r'},
        {"buf-size", required_argument, NULL, 'B'}, {"timeout", required_argument, NULL, 't'},
        {"mmio-reads", required_argument, NULL, 'm'}, {"poll", no_argument, NULL, 'p'},
        {"allow-loss", no_argument, NULL, 'L'}, {NULL, 0, NULL, 0}};
    uint64_t v;
    int c, have_count = 0;

    *o = (struct lb_opts){.min = 60, .max = 9000, .seed = 1, .queues = 1, .ring = 256, .buf_size = 2048,
                          .timeout_s = 10, .mmio_reads = 1000};
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        int bad = 0;

        switch (c) {
        case 'n': bad = cli_u64("loopback", "--count", optarg, 1, 100000000, &v); o->count = (unsigned long)v; have_count = 1; break;
        case 'a': bad = cli_unsigned("loopback", "--min", optarg, LB_HDR_LEN, 65535, &o->min); break;
        case 'b': bad = cli_unsigned("loopback", "--max", optarg, LB_HDR_LEN, 65535, &o->max); break;
        case 's': bad = cli_u64("loopback", "--seed", optarg, 0, UINT64_MAX, &o->seed); break;
        case 'q': bad = cli_unsigned("loopback", "--queues", optarg, 1, TONIC_MAX_QUEUES, &o->queues); break;
        case 'r': bad = cli_unsigned("loopback", "--ring", optarg, 16, 4096, &o->ring); break;
        case 'B': bad = cli_unsigned("loopback", "--buf-size", optarg, 64, 65528, &o->buf_size); break;
        case 't': bad = cli_unsigned("loopback", "--timeout", optarg, 1, 86400, &o->timeout_s); break;
        case 'm': bad = cli_unsigned("loopback", "--mmio-reads", optarg, 0, 10000000, &o->mmio_reads); break;
        case 'p': o->poll = 1; break;
        case 'L': o->allow_loss = 1; break;
        default: return cli_bad_option("loopback", c, argv);
        }
        if (bad)
            return CTL_EXIT_USAGE;
    }
    if (!have_count)
        return ctl_usage("loopback: --count N is required");
    if (o->min > o->max)
        return ctl_usage("loopback: --min %u is larger than --max %u", o->min, o->max);
    if (o->buf_size % 8)
        return ctl_usage("loopback: --buf-size %u is not a multiple of 8", o->buf_size);
    return ctl_no_args("loopback", argc, argv);
}

static int setup(struct lb_run *r)
{
    const struct lb_opts *o = r->o;
    const struct tonic_ident *id = tonic_ident(r->dev);
    struct tonic_queue_config qc;
    struct tonic_dev_info di;

    tonic_dev_info(r->dev, &di);
    if (o->queues > di.num_txq || o->queues > di.num_rxq)
        return ctl_err("loopback: --queues %u, but the device has %u TX and %u RX queues", o->queues, di.num_txq,
                       di.num_rxq);
    if (o->max > id->max_frame)
        return ctl_err("loopback: --max %u exceeds the device's MAX_FRAME of %u", o->max, id->max_frame);
    if ((o->max + o->buf_size - 1) / o->buf_size > id->dma_sg)
        return ctl_err("loopback: a %u-byte frame needs more than DMA_SG (%u) buffers of %u bytes", o->max, id->dma_sg,
                       o->buf_size);
    tonic_queue_config_default(&qc);
    qc.ring_size = o->ring;
    qc.buf_size = o->buf_size;
    qc.doorbell_batch = 0; /* one doorbell per queue per round */
    qc.use_irq = !o->poll;
    for (unsigned q = 0; q < o->queues; q++)
        if (tonic_rxq_create(r->dev, q, &qc, &r->rxq[q]) || tonic_txq_create(r->dev, q, &qc, &r->txq[q]))
            return ctl_err("%s", tonic_last_error());
    if (tonic_set_rx_default_queue(r->dev, 0))
        return ctl_err("%s", tonic_last_error());
    r->budget = o->ring - 1;
    if (rx_demand(r, o->max) > r->budget)
        return ctl_err("loopback: a %u-byte frame needs more RX buffers than a ring of %u holds", o->max, o->ring);
    r->tbuf = malloc(o->max);
    r->rbuf = malloc(RX_BUF_BYTES);
    r->seen = calloc(o->count / 8 + 1, 1);
    if (!r->tbuf || !r->rbuf || !r->seen)
        return ctl_err("out of memory");
    for (unsigned a = 0; a < TONIC_MAX_QUEUES; a++)
        for (unsigned b = 0; b < TONIC_MAX_QUEUES; b++)
            r->last[a][b] = -1;
    return 0;
}

int cmd_loopback(struct ctl *c, int argc, char **argv)
{
    struct lb_opts o;
    struct lb_run r;
    uint64_t c0 = 0, c1 = 0, st0[64], st1[64];
    int have_cycles, have_stats, err;
    double t0, wall, mmio_us = 0;

    err = parse(argc, argv, &o);
    if (err)
        return err;
    memset(&r, 0, sizeof(r));
    r.o = &o;
    err = ctl_open(c, &r.dev);
    if (err)
        return err;
    err = setup(&r);
    if (err)
        goto out;
    have_stats = tonic_stats_count() <= 64 && !tonic_stats_read(r.dev, st0);
    have_cycles = !tonic_cycles(r.dev, &c0);
    t0 = now_s();
    err = run(&r);
    wall = now_s() - t0;
    have_cycles = have_cycles && !tonic_cycles(r.dev, &c1);
    if (o.allow_loss && r.last_rx_cycles)
        c1 = r.last_rx_cycles; /* throughput up to the last frame, not the quiet wait after it */
    have_stats = have_stats && !tonic_stats_read(r.dev, st1);
    if (!err)
        err = mmio_round_trip(r.dev, o.mmio_reads, &mmio_us);
    {
        int s = summary(&r, c1 - c0, have_cycles, wall, mmio_us, have_stats ? st0 : NULL, have_stats ? st1 : NULL);

        err = err ? err : s;
    }
out:
    free(r.tbuf);
    free(r.rbuf);
    free(r.seen);
    tonic_close(r.dev);
    return err;
}
