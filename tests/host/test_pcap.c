/* SPDX-License-Identifier: MIT */
/* test_pcap.c — pcap files: a generated file reads back byte for byte; a truncated file, a file
 * of garbage, a missing file, a non-Ethernet file and a frame cut short by the capture are each
 * refused with a message naming the file (and the frame). */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pcap_io.h"
#include "run.h"
#include "test.h"

static char dir[512];

static const char *path(const char *name)
{
    static char p[4][640];
    static int k;

    k = (k + 1) % 4;
    snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
    return p[k];
}

static void truncate_file(const char *src, const char *dst, long cut)
{
    FILE *f = fopen(src, "rb"), *g = fopen(dst, "wb");
    static unsigned char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof(buf), f);

    fwrite(buf, 1, n - (size_t)cut, g);
    fclose(f);
    fclose(g);
}

int main(void)
{
    static const uint32_t lens[3] = {60, 1514, 9000};
    static uint8_t data[3][9000];
    struct tpcap_frames fr;
    struct tpcap_writer *w;
    char err[512], want[1024];
    FILE *f;

    snprintf(dir, sizeof(dir), "%s", test_tmpdir());
    for (int i = 0; i < 3; i++)
        for (uint32_t j = 0; j < lens[i]; j++)
            data[i][j] = (uint8_t)(j * 7 + i);

    CHECK_EQ(tpcap_writer_open(path("good.pcap"), &w, err, sizeof(err)), 0);
    for (int i = 0; i < 3; i++)
        CHECK_EQ(tpcap_write(w, data[i], lens[i], err, sizeof(err)), 0);
    CHECK_EQ(tpcap_writer_close(w, err, sizeof(err)), 0);

    CHECK_EQ(tpcap_read_all(path("good.pcap"), &fr, err, sizeof(err)), 0);
    CHECK_EQ(fr.n, 3);
    for (size_t i = 0; i < fr.n && i < 3; i++) {
        CHECK_EQ(fr.f[i].len, lens[i]);
        CHECK(!memcmp(fr.f[i].data, data[i], lens[i]));
    }
    tpcap_frames_free(&fr);

    /* the last frame loses 100 bytes */
    truncate_file(path("good.pcap"), path("trunc.pcap"), 100);
    CHECK_EQ(tpcap_read_all(path("trunc.pcap"), &fr, err, sizeof(err)), -1);
    /* ours: file, frame count; libpcap's own words follow and vary between its versions */
    snprintf(want, sizeof(want), "%s: damaged after frame 2: truncated dump file", path("trunc.pcap"));
    CHECK(!strncmp(err, want, strlen(want)));
    CHECK_EQ(fr.n, 0);
    CHECK(fr.f == NULL);

    /* only half of the file header */
    truncate_file(path("good.pcap"), path("short.pcap"), (long)(24 + 3 * 16 + 60 + 1514 + 9000 - 12));
    CHECK_EQ(tpcap_read_all(path("short.pcap"), &fr, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "cannot read pcap file %s: truncated dump file", path("short.pcap"));
    CHECK(!strncmp(err, want, strlen(want)));

    f = fopen(path("garbage.pcap"), "wb");
    fputs("this is not a capture file, just some text that is long enough\n", f);
    fclose(f);
    CHECK_EQ(tpcap_read_all(path("garbage.pcap"), &fr, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "cannot read pcap file %s: unknown file format", path("garbage.pcap"));
    CHECK_STR(err, want);

    CHECK_EQ(tpcap_read_all(path("missing.pcap"), &fr, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "cannot read pcap file %s: No such file or directory", path("missing.pcap"));
    CHECK_STR(err, want);

    /* raw IP link type, and a frame captured with a snap length shorter than the frame */
    {
        pcap_t *p = pcap_open_dead(DLT_RAW, 65535);
        pcap_dumper_t *d = pcap_dump_open(p, path("raw.pcap"));
        struct pcap_pkthdr h = {.caplen = 60, .len = 60};

        pcap_dump((u_char *)d, &h, data[0]);
        pcap_dump_close(d);
        pcap_close(p);
        p = pcap_open_dead(DLT_EN10MB, 65535);
        d = pcap_dump_open(p, path("snap.pcap"));
        pcap_dump((u_char *)d, &h, data[0]);
        h.caplen = 128;
        h.len = 1514;
        pcap_dump((u_char *)d, &h, data[1]);
        pcap_dump_close(d);
        pcap_close(p);
    }
    CHECK_EQ(tpcap_read_all(path("raw.pcap"), &fr, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "%s: link type RAW, expected Ethernet (EN10MB)", path("raw.pcap"));
    CHECK_STR(err, want);
    CHECK_EQ(tpcap_read_all(path("snap.pcap"), &fr, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "%s: frame 2 was cut short by the capture (128 of 1514 bytes)", path("snap.pcap"));
    CHECK_STR(err, want);

    /* an unwritable destination */
    CHECK_EQ(tpcap_writer_open("/nonexistent-dir/x.pcap", &w, err, sizeof(err)), -1);
    CHECK_STR(err, "cannot write pcap file /nonexistent-dir/x.pcap: /nonexistent-dir/x.pcap: No such file or directory");
    for (const char *const *n = (const char *const[]){"good.pcap", "trunc.pcap", "short.pcap", "garbage.pcap",
                                                       "raw.pcap", "snap.pcap", NULL};
         *n; n++)
        unlink(path(*n));
    test_tmpdir_remove();
    TEST_DONE();
}
