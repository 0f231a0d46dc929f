/* SPDX-License-Identifier: MIT */
/* cmd_send.c — `tonicctl send [--queue Q] [--buf-size B] [--timeout SEC] FILE.pcap`.
 *
 * The whole file is read and every frame checked against the device (MAX_FRAME, DMA_SG) before
 * the first one is sent, so a bad frame means nothing is sent. Then every frame is transmitted,
 * completions are reaped and any non-OK status is reported with the frame number. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>

#include "ctl.h"
#include "pcap_io.h"
#include "tonic_regs.h"

static int check_frames(const char *file, const struct tpcap_frames *fr, const struct tonic_ident *id,
                        unsigned buf_size)
{
    for (size_t i = 0; i < fr->n; i++) {
        uint32_t len = fr->f[i].len;

        if (len == 0)
            return ctl_err("%s: frame %zu is empty; nothing sent", file, i + 1);
        if (len > id->max_frame)
            return ctl_err("%s: frame %zu is %u bytes, more than the device's MAX_FRAME of %u; nothing sent", file,
                           i + 1, len, id->max_frame);
        if ((len + buf_size - 1) / buf_size > id->dma_sg)
            return ctl_err("%s: frame %zu needs %u buffers of %u bytes, more than the device's DMA_SG of %u; "
                           "nothing sent (use a larger --buf-size)",
                           file, i + 1, (len + buf_size - 1) / buf_size, buf_size, id->dma_sg);
    }
    return 0;
}

static int transmit(struct tonic_txq *q, const struct tpcap_frames *fr, unsigned timeout_ms, unsigned *nerr)
{
    unsigned st_count[256] = {0};
    unsigned long long bytes = 0;
    size_t next = 0, done = 0;
    struct tonic_tx_cpl cpl[64];

    while (done < fr->n) {
        int k;

        while (next < fr->n) {
            struct tonic_tx_meta meta = {.cookie = next};
            int r = tonic_tx_send(q, fr->f[next].data, fr->f[next].len, &meta);

            if (r == -EAGAIN)
                break;
            if (r)
                return ctl_err("frame %zu: %s", next + 1, tonic_last_error());
            bytes += fr->f[next].len;
            next++;
        }
        if (tonic_tx_flush(q))
            return ctl_err("%s", tonic_last_error());
        k = tonic_tx_reap(q, cpl, 64);
        if (k < 0)
            return ctl_err("%s", tonic_last_error());
        for (int i = 0; i < k; i++) {
            st_count[cpl[i].status]++;
            if (cpl[i].status != TONIC_TX_ST_OK) {
                (*nerr)++;
                ctl_err("frame %llu: TX completion status %s", (unsigned long long)cpl[i].cookie + 1,
                        tonic_tx_status_name(cpl[i].status));
            }
        }
        done += (size_t)k;
        if (k == 0 && tonic_tx_wait(q, (int)timeout_ms))
            return ctl_err("%s; %zu of %zu frames completed", tonic_last_error(), done, fr->n);
    }
    printf("sent %zu frames, %llu bytes; TX completions:", fr->n, bytes);
    for (unsigned s = 0; s < 256; s++)
        if (st_count[s])
            printf(" %s %u", tonic_tx_status_name(s), st_count[s]);
    printf("\n");
    return 0;
}

int cmd_send(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {{"queue", required_argument, NULL, 'q'},
                                         {"buf-size", required_argument, NULL, 'b'},
                                         {"timeout", required_argument, NULL, 't'},
                                         {NULL, 0, NULL, 0}};
    struct tonic_queue_config qc;
    struct tpcap_frames fr = {0};
    struct tonic_dev *dev = NULL;
    struct tonic_txq *q = NULL;
    unsigned qid = 0, timeout_s = 10, nerr = 0;
    char err[512];
    int o, r;

    tonic_queue_config_default(&qc);
    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (o) {
        case 'q':
            if (cli_unsigned("send", "--queue", optarg, 0, 255, &qid))
                return CTL_EXIT_USAGE;
            break;
        case 'b':
            if (cli_unsigned("send", "--buf-size", optarg, 1, 65535, &qc.buf_size))
                return CTL_EXIT_USAGE;
            break;
        case 't':
            if (cli_unsigned("send", "--timeout", optarg, 1, 86400, &timeout_s))
                return CTL_EXIT_USAGE;
            break;
        default:
            return cli_bad_option("send", o, argv);
        }
    }
    if (optind + 1 != argc)
        return ctl_usage("send: needs exactly one FILE.pcap");
    if (tpcap_read_all(argv[optind], &fr, err, sizeof(err)))
        return ctl_err("%s", err);
    r = ctl_open(c, &dev);
    if (r)
        goto out;
    r = check_frames(argv[optind], &fr, tonic_ident(dev), qc.buf_size);
    if (r)
        goto out;
    if (fr.n == 0) {
        printf("%s holds no frames; nothing sent\n", argv[optind]);
        goto out;
    }
    if (tonic_txq_create(dev, qid, &qc, &q)) {
        r = ctl_err("%s", tonic_last_error());
        goto out;
    }
    r = transmit(q, &fr, timeout_s * 1000, &nerr);
    if (!r && nerr)
        r = ctl_err("%u of %zu frames completed with an error", nerr, fr.n);
    if (tonic_txq_destroy(q) && !r)
        r = ctl_err("%s", tonic_last_error());
out:
    tonic_close(dev);
    tpcap_frames_free(&fr);
    return r;
}
