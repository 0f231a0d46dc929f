/* SPDX-License-Identifier: MIT */
/* test_sim_connect.c — attaching to simulators that are not there or misbehave ends quickly with
 * a clear error: no socket, a stale socket nobody listens on, a simulator that never answers
 * HELLO, one that stops answering MMIO reads, one that dies during discovery and one that dies
 * after open (every later call fails at once with the same error). */
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "fake_sim.h"
#include "run.h"
#include "test.h"
#include "tonic/tonic.h"

static char sock[256];
static char want[512];

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int open_sim(const struct tonic_config *cfg, struct tonic_dev **dev, double *secs)
{
    char addr[300];
    double t0 = now();
    int r;

    snprintf(addr, sizeof(addr), "sim:%s", sock);
    r = tonic_open_cfg(addr, cfg, dev);
    *secs = now() - t0;
    return r;
}

int main(void)
{
    struct tonic_config cfg;
    struct tonic_dev *dev = NULL;
    struct fake_opts o;
    double secs;
    uint64_t v[64], cyc;
    pid_t pid;
    int fd;

    snprintf(sock, sizeof(sock), "%s/conn.sock", test_tmpdir());
    tonic_config_default(&cfg);
    cfg.connect_timeout_ms = 300;
    cfg.mmio_timeout_ms = 300;

    /* nothing at the path */
    unlink(sock);
    CHECK_EQ(open_sim(&cfg, &dev, &secs), -ENOENT);
    snprintf(want, sizeof(want), "no simulator socket at %s (is tonic-sim running?)", sock);
    CHECK_STR(tonic_last_error(), want);
    CHECK(secs < 0.5);
    CHECK(dev == NULL);

    /* a socket file left behind by a simulator that exited */
    {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};

        if (snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", sock) >= (int)sizeof(sa.sun_path))
            return 1;
        fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);
        CHECK_EQ(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
        close(fd);
    }
    CHECK_EQ(open_sim(&cfg, &dev, &secs), -ECONNREFUSED);
    snprintf(want, sizeof(want), "simulator socket %s refused the connection (simulator not running?)", sock);
    CHECK_STR(tonic_last_error(), want);
    CHECK(secs < 0.5);
    unlink(sock);

    /* accepts the connection, never answers */
    fake_opts_default(&o);
    o.silent = true;
    pid = fake_sim_start(sock, &o);
    CHECK(pid > 0);
    CHECK_EQ(open_sim(&cfg, &dev, &secs), -ETIMEDOUT);
    snprintf(want, sizeof(want), "simulator %s: no reply to HELLO within 300 ms", sock);
    CHECK_STR(tonic_last_error(), want);
    CHECK(secs >= 0.29 && secs < 1.5);
    fake_sim_stop(pid, sock);

    /* stops answering MMIO reads during discovery */
    fake_opts_default(&o);
    o.mute_after_reads = 5;
    pid = fake_sim_start(sock, &o);
    CHECK_EQ(open_sim(&cfg, &dev, &secs), -ETIMEDOUT);
    snprintf(want, sizeof(want), "simulator %s: no reply to an MMIO read within 300 ms", sock);
    CHECK_STR(tonic_last_error(), want);
    CHECK(secs >= 0.29 && secs < 1.5);
    fake_sim_stop(pid, sock);

    /* dies during discovery */
    fake_opts_default(&o);
    o.die_after_reads = 5;
    pid = fake_sim_start(sock, &o);
    CHECK_EQ(open_sim(&cfg, &dev, &secs), -ENOTCONN);
    snprintf(want, sizeof(want), "simulator %s: closed the connection", sock);
    CHECK_STR(tonic_last_error(), want);
    CHECK(secs < 1.0);
    fake_sim_stop(pid, sock);

    /* dies after open: the statistics read fails, and so does everything after it, at once */
    fake_opts_default(&o);
    o.die_after_reads = 45;
    pid = fake_sim_start(sock, &o);
    CHECK_EQ(open_sim(&cfg, &dev, &secs), 0);
    CHECK_EQ(tonic_stats_read(dev, v), -ENOTCONN);
    CHECK_STR(tonic_last_error(), want);
    secs = now();
    CHECK_EQ(tonic_cycles(dev, &cyc), -ENOTCONN);
    CHECK_STR(tonic_last_error(), want);
    CHECK_EQ(tonic_txq_create(dev, 0, NULL, &(struct tonic_txq *){NULL}), -ENOTCONN);
    CHECK(now() - secs < 0.1);
    tonic_close(dev);
    fake_sim_stop(pid, sock);
    test_tmpdir_remove();
    TEST_DONE();
}
