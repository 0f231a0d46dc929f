/* SPDX-License-Identifier: MIT */
/* test_tonicctl_fake.c — the built tonicctl against the fake simulator: info, stats, loopback
 * (including padded short frames and two queue pairs), send/recv through pcap files, an oversized
 * frame refused before anything is sent, a receive timeout, reset, mmio-bench, list through the
 * registry, and a simulator that dies or goes silent in the middle of a command. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fake_sim.h"
#include "pcap_io.h"
#include "run.h"
#include "test.h"

static char *prog, dir[400], sock[500], dev[520], want[1200];
static struct run_result r;

static const char *p(const char *name)
{
    static char buf[4][600];
    static int k;

    k = (k + 1) % 4;
    snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
    return buf[k];
}

/* tonicctl -d dev ARGS... (NULL-terminated) */
static int ctl(const char *a0, ...)
{
    char *argv[16] = {prog, "-d", dev, (char *)a0};
    va_list ap;
    int n = 4;

    va_start(ap, a0);
    while (n < 15 && (argv[n] = va_arg(ap, char *)))
        n++;
    va_end(ap);
    argv[n] = NULL;
    run_prog(argv, NULL, 60, &r);
    return r.status;
}

static void write_pcap(const char *path, const uint32_t *lens, int n)
{
    static uint8_t buf[10000];
    struct tpcap_writer *w;
    char err[256];

    for (uint32_t i = 0; i < sizeof(buf); i++)
        buf[i] = (uint8_t)(i * 31 + 5);
    tpcap_writer_open(path, &w, err, sizeof(err));
    for (int i = 0; i < n; i++)
        tpcap_write(w, buf, lens[i], err, sizeof(err));
    tpcap_writer_close(w, err, sizeof(err));
}

static void start(struct fake_opts *o, pid_t *pid)
{
    *pid = fake_sim_start(sock, o);
    CHECK(*pid > 0);
}

int main(int argc, char **argv)
{
    static const uint32_t good[3] = {60, 1514, 9000}, bad[3] = {60, 10000, 60};
    struct fake_opts o;
    pid_t pid;

    prog = argc > 1 ? argv[1] : "tonicctl";
    snprintf(dir, sizeof(dir), "%s", test_tmpdir());
    snprintf(sock, sizeof(sock), "%s/fake.sock", dir);
    snprintf(dev, sizeof(dev), "sim:%s", sock);
    fake_opts_default(&o);
    start(&o, &pid);

    CHECK_EQ(ctl("info", NULL), 0);
    CHECK_HAS(r.out, "magic         0x544f4e49 \"TONI\"\n");
    CHECK_HAS(r.out, "  0x1000   0x0010   1        0x2000   TXQ\n");
    CHECK_HAS(r.out, "queues        4 TX, 4 RX (IDENT: 4 TX, 4 RX)\n");
    CHECK_HAS(r.out, "  csum          0x00000201 tx_ip4 rx_tcp4\n");
    CHECK_HAS(r.out, "max_frame     9216 bytes\n");

    CHECK_EQ(ctl("loopback", "--count", "300", "--queues", "2", "--seed", "7", NULL), 0);
    CHECK_HAS(r.out, "  sent         300 frames");
    CHECK_HAS(r.out, "  received     300 frames");
    CHECK_HAS(r.out, "  mismatches   0 (length 0, data 0, order 0, duplicate 0)\n");
    CHECK_HAS(r.out, "  tx status    OK 300\n");
    CHECK_HAS(r.out, "  rx status    OK 300\n");
    CHECK_HAS(r.out, "bytes/cycle received");
    CHECK_HAS(r.out, "us mean round trip (1000 reads of CTRL.SCRATCH)");
    CHECK_HAS(r.out, "result: PASS\n");
    CHECK_STR(r.err, "");

    CHECK_EQ(ctl("loopback", "--count", "50", "--min", "30", "--max", "59", "--ring", "16", NULL), 0);
    CHECK_HAS(r.out, "result: PASS\n");
    CHECK_EQ(ctl("loopback", "--count", "20", "--max", "9217", NULL), 1);
    CHECK_STR(r.err, "tonicctl: loopback: --max 9217 exceeds the device's MAX_FRAME of 9216\n");
    CHECK_EQ(ctl("loopback", "--count", "5", "--queues", "5", NULL), 1);
    CHECK_STR(r.err, "tonicctl: loopback: --queues 5, but the device has 4 TX and 4 RX queues\n");

    CHECK_EQ(ctl("stats", NULL), 0);
    CHECK_HAS(r.out, "tx_frames          350\n");
    CHECK_HAS(r.out, "rx_frames          350\n");
    CHECK_HAS(r.out, "rx_drop_qdis       0\n");

    /* an oversized frame: named, and nothing is sent */
    write_pcap(p("bad.pcap"), bad, 3);
    CHECK_EQ(ctl("send", p("bad.pcap"), NULL), 1);
    snprintf(want, sizeof(want),
             "tonicctl: %s: frame 2 is 10000 bytes, more than the device's MAX_FRAME of 9216; nothing sent\n",
             p("bad.pcap"));
    CHECK_STR(r.err, want);
    CHECK_EQ(ctl("stats", "--clear", NULL), 0);
    CHECK_HAS(r.out, "tx_frames          350\n");
    CHECK_EQ(ctl("stats", NULL), 0);
    CHECK_HAS(r.out, "tx_frames          0\n");

    CHECK_EQ(ctl("reset", NULL), 0);
    snprintf(want, sizeof(want), "%s: soft reset done\n", dev);
    CHECK_STR(r.out, want);
    CHECK_EQ(ctl("mmio-bench", "--count", "100", NULL), 0);
    CHECK_HAS(r.out, "mmio read   100 reads: mean ");
    CHECK_HAS(r.out, "mmio write  100 posted writes + 1 read: ");

    /* list through the registry */
    setenv("TONIC_SIM_DIR", dir, 1);
    symlink(sock, p("sim-4242"));
    {
        FILE *f = fopen(p("fake.sock.pci"), "w");

        fputs("0000:00:00.0 Ethernet controller: Device 1234:7031\n00: 34 12 31 70 06 00 10 00 00 00 00 02 00 00 00 00\n",
              f);
        fclose(f);
    }
    CHECK_EQ(ctl("list", NULL), 0);
    snprintf(want, sizeof(want), "%-40s %-5s %-6s %-9s  %-6s %s\n", dev, "sim", "live", "1234:7031", "020000", "pid 4242");
    CHECK_HAS(r.out, want);
    fake_sim_stop(pid, sock);
    CHECK_EQ(ctl("list", NULL), 0);
    snprintf(want, sizeof(want), "%-40s %-5s %-6s %-9s  %-6s %s\n", dev, "sim", "stale", "-", "-",
             "pid 4242; socket does not exist");
    CHECK_HAS(r.out, want);
    unlink(p("sim-4242"));
    unlink(p("fake.sock.pci"));

    /* send, then receive what was looped back (this fake holds frames until the RX queue exists) */
    o.hold_rx = true;
    start(&o, &pid);
    write_pcap(p("good.pcap"), good, 3);
    CHECK_EQ(ctl("send", p("good.pcap"), NULL), 0);
    CHECK_STR(r.out, "sent 3 frames, 10574 bytes; TX completions: OK 3\n");
    CHECK_EQ(ctl("recv", "--count", "3", "--meta", p("out.pcap"), NULL), 0);
    CHECK_HAS(r.out, "frame 1: len 60 status OK queue 0 desc 0+1 csum_flags 0x0000 csum_raw 0x0000 perr 0x00 "
                     "rss_hash 0x5a5a003c ipsec_st 0\n  ");
    CHECK_HAS(r.out, "frame 3: len 9000 status OK queue 0 desc 2+5 ");
    CHECK_HAS(r.out, "received 3 frames\n");
    {
        struct tpcap_frames a, b;
        char err[256];

        CHECK_EQ(tpcap_read_all(p("good.pcap"), &a, err, sizeof(err)), 0);
        CHECK_EQ(tpcap_read_all(p("out.pcap"), &b, err, sizeof(err)), 0);
        CHECK_EQ(b.n, 3);
        for (size_t i = 0; i < a.n && i < b.n; i++) {
            CHECK_EQ(a.f[i].len, b.f[i].len);
            CHECK(!memcmp(a.f[i].data, b.f[i].data, a.f[i].len));
        }
        tpcap_frames_free(&a);
        tpcap_frames_free(&b);
    }
    CHECK_EQ(ctl("recv", "--count", "1", "--timeout", "1", p("out2.pcap"), NULL), 1);
    CHECK_STR(r.err, "tonicctl: timed out after 1 s: received 0 of 1 frames\n");
    CHECK(r.seconds >= 1.0 && r.seconds < 3.0);
    fake_sim_stop(pid, sock);

    /* the simulator dies during a command */
    o.hold_rx = false;
    o.die_after_reads = 50;
    start(&o, &pid);
    CHECK_EQ(ctl("stats", NULL), 1);
    snprintf(want, sizeof(want), "tonicctl: simulator %s: closed the connection\n", sock);
    CHECK_STR(r.err, want);
    fake_sim_stop(pid, sock);

    /* ... or stops answering */
    o.die_after_reads = 0;
    o.mute_after_reads = 50;
    start(&o, &pid);
    setenv("TONIC_MMIO_TIMEOUT_MS", "500", 1);
    CHECK_EQ(ctl("stats", NULL), 1);
    snprintf(want, sizeof(want), "tonicctl: simulator %s: no reply to an MMIO read within 500 ms\n", sock);
    CHECK_STR(r.err, want);
    CHECK(r.seconds < 3);
    unsetenv("TONIC_MMIO_TIMEOUT_MS");
    fake_sim_stop(pid, sock);

    for (const char *const *f = (const char *const[]){"bad.pcap", "good.pcap", "out.pcap", "out2.pcap", NULL}; *f; f++)
        unlink(p(*f));
    test_tmpdir_remove();
    TEST_DONE();
}
