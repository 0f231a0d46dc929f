/* SPDX-License-Identifier: MIT */
/* cmd_recv.c — `tonicctl recv --count N [--queue Q] [--timeout SEC] [--meta] FILE.pcap`.
 *
 * Creates RX queue Q, makes it CTRL.RX_DEFAULT_QUEUE, and writes the next N good frames to the
 * pcap file. --meta prints one line per completion with its metadata. A completion with an error
 * status is reported and not written. The timeout covers the whole command; on expiry the frames
 * received so far stay in the file and the exit status is 1. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ctl.h"
#include "tonic_csum.h"
#include "pcap_io.h"
#include "tonic_regs.h"

#define RX_BUF_BYTES 65536u

static uint64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void print_meta(unsigned long n, const struct tonic_rx_meta *m)
{
    char parse[512];

    /* the parse and checksum results in the model's text form (model/tonic_csum.c) */
    tonic_rxmeta_format(parse, sizeof(parse), m->cpl);
    printf("frame %lu: len %u status %s queue %u desc %u+%u csum_flags 0x%04x csum_raw 0x%04x perr 0x%02x "
           "rss_hash 0x%08x ipsec_st %u%s\n  %s\n",
           n, m->len, tonic_rx_status_name(m->status), m->queue, m->desc_idx, m->ndesc, m->csum_flags, m->csum_raw,
           m->perr, m->rss_hash, m->ipsec_st, m->truncated ? " truncated" : "", parse);
}

static int receive(struct tonic_rxq *q, struct tpcap_writer *w, unsigned long count, unsigned timeout_s, int meta)
{
    uint64_t deadline = now_ms() + (uint64_t)timeout_s * 1000;
    unsigned long got = 0, seen = 0, nerr = 0;
    uint8_t *buf = malloc(RX_BUF_BYTES);
    char err[512];
    int r = 0;

    if (!buf)
        return ctl_err("out of memory");
    while (got < count) {
        struct tonic_rx_meta m;
        uint64_t now = now_ms();
        int left = now >= deadline ? 0 : (int)(deadline - now);

        r = tonic_rx_recv(q, buf, RX_BUF_BYTES, &m, left);
        if (r == -ETIMEDOUT) {
            r = ctl_err("timed out after %u s: received %lu of %lu frames", timeout_s, got, count);
            break;
        }
        if (r < 0) {
            r = ctl_err("%s", tonic_last_error());
            break;
        }
        r = 0;
        seen++;
        if (meta)
            print_meta(seen, &m);
        if (m.status != TONIC_RX_ST_OK) {
            nerr++;
            ctl_err("completion %lu: RX status %s (length %u)", seen, tonic_rx_status_name(m.status), m.len);
            continue;
        }
        if (m.truncated) {
            nerr++;
            ctl_err("completion %lu: %u-byte frame truncated to %u bytes", seen, m.len, RX_BUF_BYTES);
        }
        if (tpcap_write(w, buf, m.truncated ? RX_BUF_BYTES : m.len, err, sizeof(err))) {
            r = ctl_err("%s", err);
            break;
        }
        got++;
    }
    if (!r)
        printf("received %lu frames\n", got);
    if (!r && nerr)
        r = ctl_err("%lu completions with an error", nerr);
    free(buf);
    return r;
}

int cmd_recv(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {{"count", required_argument, NULL, 'n'},
                                         {"queue", required_argument, NULL, 'q'},
                                         {"timeout", required_argument, NULL, 't'},
                                         {"meta", no_argument, NULL, 'm'},
                                         {"ring", required_argument, NULL, 'r'},
                                         {"buf-size", required_argument, NULL, 'b'},
                                         {NULL, 0, NULL, 0}};
    struct tonic_queue_config qc;
    struct tonic_dev *dev = NULL;
    struct tonic_rxq *q = NULL;
    struct tpcap_writer *w = NULL;
    uint64_t count = 0;
    unsigned qid = 0, timeout_s = 10;
    char err[512];
    int o, r, meta = 0;

    tonic_queue_config_default(&qc);
    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (o) {
        case 'n':
            if (cli_u64("recv", "--count", optarg, 1, 1000000000, &count))
                return CTL_EXIT_USAGE;
            break;
        case 'q':
            if (cli_unsigned("recv", "--queue", optarg, 0, 255, &qid))
                return CTL_EXIT_USAGE;
            break;
        case 't':
            if (cli_unsigned("recv", "--timeout", optarg, 1, 86400, &timeout_s))
                return CTL_EXIT_USAGE;
            break;
        case 'm':
            meta = 1;
            break;
        case 'r':
            if (cli_unsigned("recv", "--ring", optarg, 16, 4096, &qc.ring_size))
                return CTL_EXIT_USAGE;
            break;
        case 'b':
            if (cli_unsigned("recv", "--buf-size", optarg, 8, 65528, &qc.buf_size))
                return CTL_EXIT_USAGE;
            break;
        default:
            return cli_bad_option("recv", o, argv);
        }
    }
    if (!count)
        return ctl_usage("recv: --count N is required");
    if (optind + 1 != argc)
        return ctl_usage("recv: needs exactly one FILE.pcap");
    r = ctl_open(c, &dev);
    if (r)
        return r;
    if (tonic_rxq_create(dev, qid, &qc, &q) || tonic_set_rx_default_queue(dev, qid)) {
        r = ctl_err("%s", tonic_last_error());
        goto out;
    }
    if (tpcap_writer_open(argv[optind], &w, err, sizeof(err))) {
        r = ctl_err("%s", err);
        goto out;
    }
    r = receive(q, w, (unsigned long)count, timeout_s, meta);
    if (tpcap_writer_close(w, err, sizeof(err)) && !r)
        r = ctl_err("%s", err);
out:
    tonic_close(dev);
    return r;
}
