/* SPDX-License-Identifier: MIT */
/* cmd_send.c — `tonicctl send [--queue Q] [--buf-size B] [--timeout SEC] [--csum | --csum-linux] FILE.pcap`.
 *
 * The whole file is read and every frame checked against the device (MAX_FRAME, DMA_SG) before
 * the first one is sent, so a bad frame means nothing is sent. Then every frame is transmitted,
 * completions are reaped and any non-OK status is reported with the frame number.
 *
 * --csum asks the NIC to fill in the checksums of every frame it can parse, as a stack would:
 * each frame is parsed on the host (model/tonic_parse), its checksum fields are seeded (IPv4
 * header checksum 0, TCP/UDP field = pseudo-header sum) and its descriptor carries NDIS-style
 * requests (IPv4/IPv6, TCP/UDP, IP header, L4 offset, GRE/NVGRE inner offsets); --csum-linux
 * uses Linux-style csum_start/csum_offset requests instead. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>

#include "ctl.h"
#include "pcap_io.h"
#include "tonic_csum.h"
#include "tonic_regs.h"

enum { CSUM_NONE = -1 };

/* TX descriptor request words (tonic_tx_csum_request) -> the driver's per-frame metadata */
static void meta_from_txd(const uint32_t txd[8], struct tonic_tx_meta *m)
{
    m->flags = (tonic_txd_csum_ip4(txd) ? TONIC_TXM_CSUM_IP4 : 0) | (tonic_txd_csum_ip6(txd) ? TONIC_TXM_CSUM_IP6 : 0) |
               (tonic_txd_csum_tcp(txd) ? TONIC_TXM_CSUM_TCP : 0) | (tonic_txd_csum_udp(txd) ? TONIC_TXM_CSUM_UDP : 0) |
               (tonic_txd_csum_iphdr(txd) ? TONIC_TXM_CSUM_IPHDR : 0) |
               (tonic_txd_csum_partial(txd) ? TONIC_TXM_CSUM_PARTIAL : 0) | (tonic_txd_enc(txd) ? TONIC_TXM_ENC : 0) |
               (tonic_txd_enc_ip6(txd) ? TONIC_TXM_ENC_IP6 : 0) | (tonic_txd_enc_tcpopt(txd) ? TONIC_TXM_ENC_TCPOPT : 0);
    m->l4_off = (uint16_t)tonic_txd_l4_off(txd);
    m->csum_start = (uint16_t)tonic_txd_csum_start(txd);
    m->csum_offset = (uint8_t)tonic_txd_csum_offset(txd);
    m->enc_frame_off = (uint16_t)tonic_txd_enc_frame_off(txd);
    m->enc_ip_off = (uint8_t)tonic_txd_enc_ip_off(txd);
    m->enc_l4_off = (uint8_t)tonic_txd_enc_l4_off(txd);
}

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

static int transmit(struct tonic_txq *q, const struct tpcap_frames *fr, unsigned timeout_ms, unsigned *nerr,
                    int csum_style)
{
    unsigned long requested = 0;
    unsigned st_count[256] = {0};
    unsigned long long bytes = 0;
    size_t next = 0, done = 0;
    struct tonic_tx_cpl cpl[64];

    while (done < fr->n) {
        int k;

        while (next < fr->n) {
            struct tonic_tx_meta meta = {.cookie = next};
            int r;

            if (csum_style != CSUM_NONE) {
                uint32_t txd[8] = {0};

                if (tonic_tx_csum_request(fr->f[next].data, fr->f[next].len, txd, csum_style) > 0) {
                    meta_from_txd(txd, &meta);
                    requested++;
                }
            }
            r = tonic_tx_send(q, fr->f[next].data, fr->f[next].len, &meta);

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
    if (csum_style != CSUM_NONE)
        printf("checksum offload requested on %lu of %zu frames (%s style)\n", requested, fr->n,
               csum_style == TONIC_CSUM_STYLE_LINUX ? "Linux" : "NDIS");
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
                                         {"csum", no_argument, NULL, 'c'},
                                         {"csum-linux", no_argument, NULL, 'l'},
                                         {NULL, 0, NULL, 0}};
    struct tonic_queue_config qc;
    struct tpcap_frames fr = {0};
    struct tonic_dev *dev = NULL;
    struct tonic_txq *q = NULL;
    unsigned qid = 0, timeout_s = 10, nerr = 0;
    char err[512];
    int o, r, csum_style = CSUM_NONE;

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
        case 'c':
        case 'l':
            if (csum_style != CSUM_NONE)
                return ctl_usage("send: give --csum or --csum-linux once");
            csum_style = o == 'c' ? TONIC_CSUM_STYLE_NDIS : TONIC_CSUM_STYLE_LINUX;
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
    r = transmit(q, &fr, timeout_s * 1000, &nerr, csum_style);
    if (!r && nerr)
        r = ctl_err("%u of %zu frames completed with an error", nerr, fr.n);
    if (tonic_txq_destroy(q) && !r)
        r = ctl_err("%s", tonic_last_error());
out:
    tonic_close(dev);
    tpcap_frames_free(&fr);
    return r;
}
