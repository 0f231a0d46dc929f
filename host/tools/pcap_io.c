/* SPDX-License-Identifier: MIT */
/* pcap_io.c — pcap files through libpcap (see pcap_io.h). A file is read whole before anything
 * is sent, so a bad frame anywhere in it means nothing is sent. */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "pcap_io.h"

#define SNAPLEN 262144 /* libpcap's maximum; covers coalesced (RSC) frames */

struct tpcap_writer {
    pcap_t *p;
    pcap_dumper_t *d;
    char *path;
};

void tpcap_frames_free(struct tpcap_frames *fr)
{
    for (size_t i = 0; i < fr->n; i++)
        free(fr->f[i].data);
    free(fr->f);
    fr->f = NULL;
    fr->n = 0;
}

int tpcap_read_all(const char *path, struct tpcap_frames *out, char *err, size_t errlen)
{
    char ebuf[PCAP_ERRBUF_SIZE] = "";
    struct pcap_pkthdr *h;
    const u_char *data;
    size_t cap = 0;
    pcap_t *p;
    int r;

    out->f = NULL;
    out->n = 0;
    p = pcap_open_offline(path, ebuf);
    if (!p) {
        /* libpcap names the file in some messages and not in others */
        if (!strncmp(ebuf, path, strlen(path)))
            snprintf(err, errlen, "cannot read pcap file %s", ebuf);
        else
            snprintf(err, errlen, "cannot read pcap file %s: %s", path, ebuf);
        return -1;
    }
    if (pcap_datalink(p) != DLT_EN10MB) {
        snprintf(err, errlen, "%s: link type %s, expected Ethernet (EN10MB)", path,
                 pcap_datalink_val_to_name(pcap_datalink(p)) ? pcap_datalink_val_to_name(pcap_datalink(p)) : "?");
        goto fail;
    }
    while ((r = pcap_next_ex(p, &h, &data)) == 1) {
        struct tpcap_frame *f;

        if (h->caplen < h->len) {
            snprintf(err, errlen, "%s: frame %zu was cut short by the capture (%u of %u bytes)", path, out->n + 1,
                     h->caplen, h->len);
            goto fail;
        }
        if (out->n == cap) {
            size_t ncap = cap ? cap * 2 : 64;

            f = realloc(out->f, ncap * sizeof(*f));
            if (!f) {
                snprintf(err, errlen, "%s: out of memory", path);
                goto fail;
            }
            out->f = f;
            cap = ncap;
        }
        f = &out->f[out->n];
        f->len = h->caplen;
        f->data = malloc(h->caplen ? h->caplen : 1);
        if (!f->data) {
            snprintf(err, errlen, "%s: out of memory", path);
            goto fail;
        }
        memcpy(f->data, data, h->caplen);
        out->n++;
    }
    if (r == -1) {
        snprintf(err, errlen, "%s: damaged after frame %zu: %s", path, out->n, pcap_geterr(p));
        goto fail;
    }
    pcap_close(p);
    return 0;

fail:
    pcap_close(p);
    tpcap_frames_free(out);
    return -1;
}

int tpcap_writer_open(const char *path, struct tpcap_writer **out, char *err, size_t errlen)
{
    struct tpcap_writer *w = calloc(1, sizeof(*w));

    *out = NULL;
    if (!w || !(w->path = strdup(path))) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    w->p = pcap_open_dead(DLT_EN10MB, SNAPLEN);
    if (!w->p) {
        snprintf(err, errlen, "libpcap: pcap_open_dead failed");
        goto fail;
    }
    w->d = pcap_dump_open(w->p, path);
    if (!w->d) {
        snprintf(err, errlen, "cannot write pcap file %s: %s", path, pcap_geterr(w->p));
        goto fail;
    }
    *out = w;
    return 0;

fail:
    if (w && w->p)
        pcap_close(w->p);
    if (w)
        free(w->path);
    free(w);
    return -1;
}

int tpcap_write(struct tpcap_writer *w, const void *data, uint32_t len, char *err, size_t errlen)
{
    struct pcap_pkthdr h;

    memset(&h, 0, sizeof(h));
    gettimeofday(&h.ts, NULL);
    h.len = len;
    h.caplen = len > SNAPLEN ? SNAPLEN : len;
    pcap_dump((u_char *)w->d, &h, data);
    if (ferror(pcap_dump_file(w->d))) {
        snprintf(err, errlen, "writing %s: %s", w->path, strerror(errno));
        return -1;
    }
    return 0;
}

int tpcap_writer_close(struct tpcap_writer *w, char *err, size_t errlen)
{
    int r = 0;

    if (!w)
        return 0;
    if (pcap_dump_flush(w->d) || ferror(pcap_dump_file(w->d))) {
        snprintf(err, errlen, "writing %s: %s", w->path, strerror(errno));
        r = -1;
    }
    pcap_dump_close(w->d);
    pcap_close(w->p);
    free(w->path);
    free(w);
    return r;
}
