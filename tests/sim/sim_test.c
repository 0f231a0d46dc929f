/* SPDX-License-Identifier: MIT */
/* sim_test.c — behaviour tests of the simulator harness (tonic-sim) built around sim_test_dev.v.
 *
 * Usage: sim_test <behaviour> <simulator binary>. Each behaviour starts its own simulator in a
 * private directory, drives it over the sim_proto.h socket like a driver would, checks exact
 * values (register contents, bytes in shared memory, fault counts, frames on the wire, files the
 * simulator publishes) and prints "N passed, M failed". Exit 0 if nothing failed, 77 if the
 * behaviour cannot be tested here (no lspci, no TAP permission). */
#define _GNU_SOURCE
#include "sim_client.h"
#include "sim_test_dev_regs.h"
#include "tonic_regs.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>

static int passed, failed;
static const char *g_bin;

#define CHECK(cond, ...)                                                                                               \
    do {                                                                                                               \
        if (cond) {                                                                                                    \
            passed++;                                                                                                  \
        } else {                                                                                                       \
            failed++;                                                                                                  \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                                            \
            fprintf(stderr, __VA_ARGS__);                                                                              \
            fputc('\n', stderr);                                                                                       \
        }                                                                                                              \
    } while (0)

#define STATUS_BUSY 0x1u
#define STATUS_DONE 0x2u
#define STATUS_RD_ERR 0x4u
#define STATUS_WR_ERR 0x8u
#define STATUS_RESP(s) (((s) >> 4) & 3u)

/* ---------------------------------------------------------------------------------------------- */
/* helpers */

static int start(struct simproc *p, const char *const *args)
{
    memset(p, 0, sizeof *p);
    int r = simproc_start(p, g_bin, args);
    if (r != 0) {
        char *e = slurp(p->err, NULL);
        fprintf(stderr, "simulator did not start: %s\n", e ? e : "(no stderr)");
        free(e);
    }
    return r;
}

static void dump_logs(struct simproc *p)
{
    char *o = slurp(p->out, NULL), *e = slurp(p->err, NULL);
    fprintf(stderr, "---- simulator stdout\n%s---- simulator stderr\n%s----\n", o ? o : "", e ? e : "");
    free(o);
    free(e);
}

static int finish(struct simproc *p)
{
    if (failed)
        dump_logs(p);
    simproc_cleanup(p);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

static int new_region(size_t size, uint8_t **map)
{
    int fd = memfd_create("tsim", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, (off_t)size) != 0)
        return -1;
    *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    return *map == MAP_FAILED ? -1 : fd;
}

static void wr64(struct simc *c, uint32_t lo_off, uint64_t v)
{
    simc_wr(c, lo_off, (uint32_t)v);
    simc_wr(c, lo_off + 4, (uint32_t)(v >> 32));
}

/* Runs one copy on the test device's DMA engine; returns its final status, or 0xFFFFFFFF. */
static uint32_t dev_copy(struct simc *c, uint64_t src, uint64_t dst, uint32_t len, uint32_t ctrl)
{
    wr64(c, SIMDEV_DMA_SRC_LO, src);
    wr64(c, SIMDEV_DMA_DST_LO, dst);
    simc_wr(c, SIMDEV_DMA_LEN, len);
    simc_wr(c, SIMDEV_DMA_CTRL, ctrl | 1u);
    uint32_t st = 0;
    if (simc_wait_reg(c, SIMDEV_DMA_STATUS, STATUS_BUSY | STATUS_DONE, STATUS_DONE, SIMC_TIMEOUT_MS, &st) != 0)
        return 0xFFFFFFFFu;
    return st;
}

/* Loads a frame into the test device and sends it; 0 once the device is idle again. */
static int dev_send(struct simc *c, const uint8_t *f, uint32_t len)
{
    simc_wr(c, SIMDEV_TX_IDX, 0);
    for (uint32_t i = 0; i < len; i += 8) {
        uint8_t w[8] = {0};
        memcpy(w, f + i, len - i < 8 ? len - i : 8);
        uint32_t lo, hi;
        memcpy(&lo, w, 4);
        memcpy(&hi, w + 4, 4);
        simc_wr(c, SIMDEV_TX_LO, lo);
        simc_wr(c, SIMDEV_TX_HI, hi);
    }
    simc_wr(c, SIMDEV_TX_LEN, len);
    simc_wr(c, SIMDEV_TX_SEND, 1);
    return simc_wait_reg(c, SIMDEV_TX_STATUS, 1, 0, SIMC_TIMEOUT_MS, NULL);
}

/* Reads the first n bytes (n <= 512) of the device's last received frame. */
static int dev_capture(struct simc *c, uint8_t *buf, uint32_t n)
{
    for (uint32_t w = 0; w * 8 < n; w++) {
        uint32_t lo = 0, hi = 0;
        simc_wr(c, SIMDEV_RX_CAP_IDX, w);
        if (simc_rd(c, SIMDEV_RX_CAP_LO, 4, &lo) != 0 || simc_rd(c, SIMDEV_RX_CAP_HI, 4, &hi) != 0)
            return -1;
        uint8_t t[8];
        memcpy(t, &lo, 4);
        memcpy(t + 4, &hi, 4);
        memcpy(buf + w * 8, t, n - w * 8 < 8 ? n - w * 8 : 8);
    }
    return 0;
}

/* A frame of len bytes (without FCS) with a recognisable pattern, then its FCS. */
static void make_frame(uint8_t *f, uint32_t len, uint8_t seed)
{
    for (uint32_t i = 0; i < len; i++)
        f[i] = (uint8_t)(seed + i * 7u + (i >> 8));
    memset(f, 0xFF, 6);  /* broadcast destination */
    f[12] = 0x88;        /* local experimental EtherType */
    f[13] = 0xB5;
    uint32_t fcs = test_fcs(f, len);
    for (int i = 0; i < 4; i++)
        f[len + (uint32_t)i] = (uint8_t)(fcs >> (8 * i));
}

static int wait_cycles(struct simc *c, uint64_t n)
{
    uint64_t c0 = 0, c1 = 0;
    if (simc_info(c, &c0, NULL) != 0)
        return -1;
    long long end = now_ms() + SIMC_TIMEOUT_MS;
    while (now_ms() < end) {
        if (simc_info(c, &c1, NULL) != 0)
            return -1;
        if (c1 >= c0 + n)
            return 0;
    }
    return -1;
}

/* ---------------------------------------------------------------------------------------------- */
/* behaviours */

static int t_mmio_roundtrip(void)
{
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    struct simc c;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");

    struct tonic_sim_msg m = {.type = TONIC_SIM_HELLO, .addr = TONIC_SIM_PROTO_VERSION}, r;
    CHECK(simc_call(&c, &m, -1, &r) == 0, "HELLO reply");
    CHECK(r.status == TONIC_SIM_OK, "status %u", r.status);
    CHECK(r.data == TONIC_BAR0_SIZE, "BAR0 size 0x%llx", (unsigned long long)r.data);
    CHECK(r.aux == 156250000ull, "clock %llu", (unsigned long long)r.aux);
    CHECK(r.len == TONIC_NUM_IRQ, "vectors %u", r.len);
    m = (struct tonic_sim_msg){.type = TONIC_SIM_HELLO, .addr = 99};
    CHECK(simc_call(&c, &m, -1, &r) == 0 && r.status == TONIC_SIM_EINVAL, "HELLO v99 status %u", r.status);

    uint32_t v = 0;
    CHECK(simc_rd(&c, TONIC_IDENT_BASE + TONIC_IDENT_MAGIC, 4, &v) == TONIC_SIM_OK && v == TONIC_MAGIC,
          "magic 0x%08x", v);
    uint32_t x = 0x12345678u;
    int bad = 0;
    for (int i = 0; i < 64; i++) {
        x = x * 1664525u + 1013904223u;
        simc_wr(&c, TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH, x);
        if (simc_rd(&c, TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH, 4, &v) != TONIC_SIM_OK || v != x)
            bad++;
    }
    CHECK(bad == 0, "%d of 64 scratch round trips wrong", bad);
    /* posted writes are applied in order: a read after 100 writes sees the last */
    for (uint32_t i = 0; i < 100; i++)
        simc_wr(&c, TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH, 0xA0000000u + i);
    CHECK(simc_rd(&c, TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH, 4, &v) == TONIC_SIM_OK && v == 0xA0000063u,
          "after 100 writes: 0x%08x", v);
    /* pipelined reads come back in order, each with its seq */
    uint32_t first = c.seq + 1;
    for (int i = 0; i < 32; i++) {
        struct tonic_sim_msg q = {.type = TONIC_SIM_MMIO_RD, .len = 4,
                                  .addr = i % 2 ? TONIC_IDENT_BASE + TONIC_IDENT_MAGIC
                                                : TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH};
        simc_send(&c, &q, -1);
    }
    bad = 0;
    for (uint32_t i = 0; i < 32; i++) {
        if (simc_recv(&c, &r, SIMC_TIMEOUT_MS) != 0 || r.seq != first + i ||
            r.data != (i % 2 ? TONIC_MAGIC : 0xA0000063u))
            bad++;
    }
    CHECK(bad == 0, "%d of 32 pipelined replies wrong", bad);
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    CHECK(out && stat_value(out, "mmio_reads") == 64 + 1 + 1 + 32, "mmio_reads %lld", out ? stat_value(out, "mmio_reads") : -1);
    CHECK(out && stat_value(out, "mmio_writes") == 164, "mmio_writes %lld", out ? stat_value(out, "mmio_writes") : -1);
    free(out);
    return finish(&p);
}

static int t_mmio_einval(void)
{
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    struct simc c;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");
    const uint32_t scratch = TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH;
    uint32_t v = 0;
    simc_wr(&c, scratch, 0x5A5A0001u);
    CHECK(simc_rd(&c, TONIC_BAR0_SIZE, 4, &v) == TONIC_SIM_EINVAL, "read past BAR0");
    CHECK(simc_rd(&c, 0xFFFFFFFFFFFFFFFCull, 4, &v) == TONIC_SIM_EINVAL, "read far past BAR0");
    CHECK(simc_rd(&c, scratch + 2, 4, &v) == TONIC_SIM_EINVAL, "unaligned read");
    CHECK(simc_rd(&c, scratch, 8, &v) == TONIC_SIM_EINVAL, "8-byte read");
    CHECK(simc_rd(&c, scratch, 2, &v) == TONIC_SIM_EINVAL, "2-byte read");
    /* bad writes are ignored (no reply), the device is untouched */
    simc_wr(&c, scratch + 1, 0xDEAD0001u);
    simc_wr(&c, TONIC_BAR0_SIZE + scratch, 0xDEAD0002u);
    struct tonic_sim_msg w = {.type = TONIC_SIM_MMIO_WR, .len = 2, .addr = scratch, .data = 0xDEAD0003u};
    simc_send(&c, &w, -1);
    CHECK(simc_rd(&c, scratch, 4, &v) == TONIC_SIM_OK && v == 0x5A5A0001u, "scratch 0x%08x", v);
    CHECK(simproc_alive(&p), "simulator alive");
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    CHECK(out && stat_value(out, "mmio_einval") == 8, "mmio_einval %lld", out ? stat_value(out, "mmio_einval") : -1);
    free(out);
    return finish(&p);
}

static int t_dma_copy(void)
{
    struct simproc p;
    const char *args[] = {"--dma-latency", "40", NULL};
    if (start(&p, args) != 0)
        return failed = 1, finish(&p);
    struct simc c;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");
    const size_t size = 64 * 1024;
    uint8_t *a, *b;
    int fa = new_region(size, &a), fb = new_region(size, &b);
    uint64_t da = 0, db = 0;
    CHECK(simc_mem_add(&c, fa, size, &da) == TONIC_SIM_OK, "MEM_ADD a");
    CHECK(simc_mem_add(&c, fb, size, &db) == TONIC_SIM_OK, "MEM_ADD b");
    CHECK(da == TONIC_SIM_DMA_BASE, "region 0 at 0x%llx", (unsigned long long)da);
    CHECK(db == TONIC_SIM_DMA_BASE + TONIC_SIM_DMA_STRIDE, "region 1 at 0x%llx", (unsigned long long)db);
    close(fa);
    close(fb);
    for (size_t i = 0; i < size; i++)
        a[i] = (uint8_t)(i * 13u + (i >> 9));

    /* lengths and offsets: single beat, one full burst, burst + 1 beat, the whole buffer, and
       source and destination just before a 4 KiB boundary (the engine splits there) */
    static const struct { uint32_t src, dst, len; } cases[] = {
        {0, 0x8000, 8}, {0x100, 0x8100, 256}, {0x208, 0x8400, 264},
        {0x1000, 0x9000, 2048}, {0x2FD8, 0xBFC0, 2048}, {0x3FF8, 0xCFF8, 16},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        memset(b, 0xEE, size);
        uint32_t st = dev_copy(&c, da + cases[k].src, db + cases[k].dst, cases[k].len, 0);
        CHECK(st != 0xFFFFFFFFu && (st & (STATUS_RD_ERR | STATUS_WR_ERR)) == 0, "case %zu status 0x%08x", k, st);
        CHECK(memcmp(b + cases[k].dst, a + cases[k].src, cases[k].len) == 0, "case %zu bytes differ", k);
        int guard_ok = 1;
        for (size_t i = 0; i < size; i++)
            if ((i < cases[k].dst || i >= cases[k].dst + cases[k].len) && b[i] != 0xEE)
                guard_ok = 0;
        CHECK(guard_ok, "case %zu wrote outside its destination", k);
    }
    /* the same region as source and destination */
    uint32_t st = dev_copy(&c, da + 0x100, da + 0x4000, 512, 0);
    CHECK((st & (STATUS_RD_ERR | STATUS_WR_ERR)) == 0 && memcmp(a + 0x4000, a + 0x100, 512) == 0,
          "copy within one region 0x%08x", st);
    /* byte strobes: only the low 4 bytes of every word */
    memset(b, 0xEE, size);
    st = dev_copy(&c, da + 0x200, db + 0x200, 64, 0x0F00u);
    int strb_ok = 1;
    for (uint32_t i = 0; i < 64; i++)
        if (b[0x200 + i] != ((i & 7) < 4 ? a[0x200 + i] : 0xEE))
            strb_ok = 0;
    CHECK((st & (STATUS_RD_ERR | STATUS_WR_ERR)) == 0 && strb_ok, "strobed copy 0x%08x", st);
    uint64_t faults = 99;
    CHECK(simc_info(&c, NULL, &faults) == 0 && faults == 0, "faults %llu", (unsigned long long)faults);
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    /* bursts: 1, 1, 2, 8, 9 (split at 4 KiB), 2 (split), 2, 1 */
    CHECK(out && stat_value(out, "dma_read_bursts") == 26, "read bursts %lld", out ? stat_value(out, "dma_read_bursts") : -1);
    CHECK(out && stat_value(out, "dma_write_bursts") == 26, "write bursts %lld", out ? stat_value(out, "dma_write_bursts") : -1);
    CHECK(out && stat_value(out, "dma_read_bytes") == 8 + 256 + 264 + 2048 * 2 + 16 + 512 + 64, "read bytes");
    free(out);
    return finish(&p);
}

static int t_dma_iommu_fault(void)
{
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    struct simc c, d;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");
    const size_t size = 64 * 1024;
    uint8_t *a, *b;
    int fa = new_region(size, &a), fb = new_region(size, &b);
    uint64_t da = 0, db = 0, faults = 99;
    CHECK(simc_mem_add(&c, fa, size, &da) == TONIC_SIM_OK, "MEM_ADD");
    memset(a, 0x11, size);

    /* write to an address no driver registered: one burst, one fault */
    uint64_t nowhere = TONIC_SIM_DMA_BASE + 5 * TONIC_SIM_DMA_STRIDE;
    uint32_t st = dev_copy(&c, da, nowhere, 64, 0);
    CHECK(st != 0xFFFFFFFFu && (st & STATUS_WR_ERR) && STATUS_RESP(st) == 3, "write fault status 0x%08x", st);
    CHECK(simc_info(&c, NULL, &faults) == 0 && faults == 1, "faults %llu, want exactly 1", (unsigned long long)faults);
    CHECK(simproc_alive(&p), "simulator alive after a fault");
    uint32_t v = 0;
    simc_wr(&c, TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH, 0xC0FFEE);
    CHECK(simc_rd(&c, TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH, 4, &v) == 0 && v == 0xC0FFEE, "MMIO after fault");

    /* read from an unregistered address: DECERR on the read, nothing written */
    st = dev_copy(&c, 0x1234000, da + 0x100, 64, 0);
    CHECK((st & STATUS_RD_ERR) && STATUS_RESP(st) == 3, "read fault status 0x%08x", st);
    CHECK(a[0x100] == 0x11 && a[0x13F] == 0x11, "destination untouched");
    CHECK(simc_info(&c, NULL, &faults) == 0 && faults == 2, "faults %llu", (unsigned long long)faults);

    /* a burst that starts inside the region and ends past it */
    st = dev_copy(&c, da, da + size - 32, 64, 0);
    CHECK((st & STATUS_WR_ERR) && STATUS_RESP(st) == 3, "straddling write status 0x%08x", st);
    CHECK(a[size - 32] == 0x11 && a[size - 1] == 0x11, "no partial write");
    CHECK(simc_info(&c, NULL, &faults) == 0 && faults == 3, "faults %llu", (unsigned long long)faults);

    /* a second driver registers memory and leaves: its region is gone */
    CHECK(simc_connect(&d, p.sock) == 0, "second connect");
    CHECK(simc_mem_add(&d, fb, size, &db) == TONIC_SIM_OK, "MEM_ADD 2");
    CHECK(db == TONIC_SIM_DMA_BASE + TONIC_SIM_DMA_STRIDE, "region 1 at 0x%llx", (unsigned long long)db);
    st = dev_copy(&c, da, db, 64, 0);
    CHECK((st & (STATUS_RD_ERR | STATUS_WR_ERR)) == 0 && b[0] == 0x11, "copy into live region 0x%08x", st);
    simc_close(&d);
    CHECK(wait_cycles(&c, 5000) == 0, "time passes");
    memset(b, 0x22, size);
    st = dev_copy(&c, da, db, 64, 0);
    CHECK((st & STATUS_WR_ERR) && STATUS_RESP(st) == 3, "copy into departed region 0x%08x", st);
    CHECK(b[0] == 0x22, "departed region untouched");
    CHECK(simc_info(&c, NULL, &faults) == 0 && faults == 4, "faults %llu", (unsigned long long)faults);
    /* a new region never reuses the old address */
    uint8_t *e;
    int fe = new_region(4096, &e);
    uint64_t de = 0;
    CHECK(simc_mem_add(&c, fe, 4096, &de) == TONIC_SIM_OK && de == TONIC_SIM_DMA_BASE + 2 * TONIC_SIM_DMA_STRIDE,
          "region 2 at 0x%llx", (unsigned long long)de);
    /* MEM_ADD larger than the memfd is refused */
    CHECK(simc_mem_add(&c, fe, 8192, &de) == TONIC_SIM_EINVAL, "oversized MEM_ADD");
    close(fa);
    close(fb);
    close(fe);
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    CHECK(out && stat_value(out, "dma_faults") == 4, "dma_faults %lld", out ? stat_value(out, "dma_faults") : -1);
    free(out);
    return finish(&p);
}

static int t_dma_protocol_error(void)
{
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    struct simc c;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");
    const size_t size = 64 * 1024;
    uint8_t *a;
    int fa = new_region(size, &a);
    uint64_t da = 0, faults = 99;
    CHECK(simc_mem_add(&c, fa, size, &da) == TONIC_SIM_OK, "MEM_ADD");
    close(fa);
    memset(a, 0x33, size);
    /* a read burst across 4 KiB: SLVERR, nothing written */
    uint32_t st = dev_copy(&c, da + 0x1000 - 64, da + 0x8000, 128, 2u /* NOSPLIT */);
    CHECK((st & STATUS_RD_ERR) && STATUS_RESP(st) == 2, "read across 4K status 0x%08x", st);
    CHECK(simc_info(&c, NULL, &faults) == 0 && faults == 1, "faults %llu", (unsigned long long)faults);
    /* a write burst across 4 KiB: SLVERR, not a byte written */
    for (int i = 0; i < 128; i++)
        a[0x100 + i] = (uint8_t)i;
    st = dev_copy(&c, da + 0x100, da + 0x3000 - 64, 128, 2u);
    CHECK((st & STATUS_WR_ERR) && STATUS_RESP(st) == 2, "write across 4K status 0x%08x", st);
    int untouched = 1;
    for (int i = 0; i < 128; i++)
        if (a[0x3000 - 64 + i] != 0x33)
            untouched = 0;
    CHECK(untouched, "illegal write burst touched memory");
    CHECK(simc_info(&c, NULL, &faults) == 0 && faults == 2, "faults %llu", (unsigned long long)faults);
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL), *err = slurp(p.err, NULL);
    CHECK(out && stat_value(out, "dma_protocol_errors") == 2, "protocol errors %lld",
          out ? stat_value(out, "dma_protocol_errors") : -1);
    CHECK(out && stat_value(out, "dma_faults") == 0, "IOMMU faults");
    CHECK(err && strstr(err, "crosses a 4 KiB boundary"), "logged");
    free(out);
    free(err);
    return finish(&p);
}

static int t_irq_delivery(void)
{
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    struct simc c, d;
    CHECK(simc_connect(&c, p.sock) == 0 && simc_connect(&d, p.sock) == 0, "connect");
    uint32_t v = 0;
    CHECK(simc_rd(&d, TONIC_IDENT_BASE + TONIC_IDENT_MAGIC, 4, &v) == 0, "second client attached");
    static const uint8_t vecs[] = {5, 0, 7, 200};
    for (size_t i = 0; i < sizeof vecs; i++) {
        simc_wr(&c, SIMDEV_IRQ_RAISE, vecs[i]);
        CHECK(simc_wait_irq(&c, vecs[i], SIMC_TIMEOUT_MS), "client 1 vector %u", vecs[i]);
        CHECK(simc_wait_irq(&d, vecs[i], SIMC_TIMEOUT_MS), "client 2 vector %u", vecs[i]);
    }
    CHECK(c.nirq == 0 && d.nirq == 0, "no extra interrupts (%u, %u)", c.nirq, d.nirq);
    CHECK(simc_rd(&c, SIMDEV_IRQ_COUNT, 4, &v) == 0 && v == 4, "device saw %u handshakes", v);
    simc_close(&c);
    simc_close(&d);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    CHECK(out && stat_value(out, "irqs") == 4, "irqs %lld", out ? stat_value(out, "irqs") : -1);
    CHECK(out && stat_value(out, "dev_irqs") == 4, "dev_irqs %lld", out ? stat_value(out, "dev_irqs") : -1);
    free(out);
    return finish(&p);
}

static int t_multi_client(void)
{
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    enum { N = 4 };
    struct simc c[N];
    for (int i = 0; i < N; i++)
        CHECK(simc_connect(&c[i], p.sock) == 0, "connect %d", i);
    const uint32_t scratch = TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH;
    uint32_t v = 0;
    simc_wr(&c[0], scratch, 0x0BADCAFE);
    CHECK(simc_rd(&c[0], scratch, 4, &v) == 0 && v == 0x0BADCAFE, "client 0 wrote");
    for (int i = 1; i < N; i++)
        CHECK(simc_rd(&c[i], scratch, 4, &v) == 0 && v == 0x0BADCAFE, "client %d sees 0x%08x", i, v);
    /* all clients pipeline reads at once; every reply goes to its asker, in order */
    uint32_t first[N];
    for (int i = 0; i < N; i++) {
        first[i] = c[i].seq + 1;
        for (int k = 0; k < 16; k++) {
            struct tonic_sim_msg q = {.type = TONIC_SIM_MMIO_RD, .len = 4, .addr = TONIC_IDENT_BASE + TONIC_IDENT_MAGIC};
            simc_send(&c[i], &q, -1);
        }
    }
    for (int i = 0; i < N; i++) {
        int bad = 0;
        struct tonic_sim_msg r;
        for (uint32_t k = 0; k < 16; k++)
            if (simc_recv(&c[i], &r, SIMC_TIMEOUT_MS) != 0 || r.seq != first[i] + k || r.data != TONIC_MAGIC)
                bad++;
        CHECK(bad == 0, "client %d: %d bad replies", i, bad);
    }
    /* a client attaching later, and one leaving, disturb nobody */
    simc_close(&c[1]);
    struct simc late;
    CHECK(simc_connect(&late, p.sock) == 0, "late connect");
    CHECK(simc_rd(&late, scratch, 4, &v) == 0 && v == 0x0BADCAFE, "late client");
    CHECK(simc_rd(&c[2], scratch, 4, &v) == 0 && v == 0x0BADCAFE, "client 2 after 1 left");
    simc_close(&late);
    for (int i = 0; i < N; i++)
        simc_close(&c[i]);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    CHECK(out && stat_value(out, "clients") == N + 1 + 1 /* start probe */, "clients %lld",
          out ? stat_value(out, "clients") : -1);
    free(out);
    return finish(&p);
}

/* 1 if the simulator closed c's connection within the timeout. */
static int dropped(struct simc *c)
{
    struct pollfd pf = {c->fd, POLLIN, 0};
    long long end = now_ms() + SIMC_TIMEOUT_MS;
    while (now_ms() < end) {
        if (poll(&pf, 1, 100) == 1) {
            char buf[64];
            ssize_t n = recv(c->fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno == ECONNRESET))
                return 1;
        }
    }
    return 0;
}

static int t_garbage_client(void)
{
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    struct simc good, g;
    CHECK(simc_connect(&good, p.sock) == 0, "connect");
    const uint32_t scratch = TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH;
    uint32_t v = 0;
    simc_wr(&good, scratch, 77);

    /* a short message */
    CHECK(simc_connect(&g, p.sock) == 0, "connect g1");
    CHECK(send(g.fd, "garbage!", 8, 0) == 8, "send");
    CHECK(dropped(&g), "short message: dropped");
    simc_close(&g);
    /* a long message */
    CHECK(simc_connect(&g, p.sock) == 0, "connect g2");
    char big[200];
    memset(big, 0x41, sizeof big);
    CHECK(send(g.fd, big, sizeof big, 0) == (ssize_t)sizeof big, "send");
    CHECK(dropped(&g), "long message: dropped");
    simc_close(&g);
    /* an unknown type, and a simulator->driver type */
    CHECK(simc_connect(&g, p.sock) == 0, "connect g3");
    struct tonic_sim_msg m = {.type = 99};
    simc_send(&g, &m, -1);
    CHECK(dropped(&g), "unknown type: dropped");
    simc_close(&g);
    CHECK(simc_connect(&g, p.sock) == 0, "connect g4");
    m = (struct tonic_sim_msg){.type = TONIC_SIM_IRQ, .addr = 1};
    simc_send(&g, &m, -1);
    CHECK(dropped(&g), "IRQ from a driver: dropped");
    simc_close(&g);
    /* a file descriptor with an MMIO read */
    CHECK(simc_connect(&g, p.sock) == 0, "connect g5");
    m = (struct tonic_sim_msg){.type = TONIC_SIM_MMIO_RD, .len = 4};
    simc_send(&g, &m, 0);
    CHECK(dropped(&g), "fd with MMIO_RD: dropped");
    simc_close(&g);
    /* MEM_ADD without a descriptor is a bad request, not garbage: EINVAL, still attached */
    CHECK(simc_connect(&g, p.sock) == 0, "connect g6");
    m = (struct tonic_sim_msg){.type = TONIC_SIM_MEM_ADD, .data = 4096};
    struct tonic_sim_msg r;
    CHECK(simc_call(&g, &m, -1, &r) == 0 && r.status == TONIC_SIM_EINVAL, "MEM_ADD without fd");
    CHECK(simc_rd(&g, scratch, 4, &v) == 0 && v == 77, "g6 still served");
    /* a client that vanishes with a read in flight */
    m = (struct tonic_sim_msg){.type = TONIC_SIM_MMIO_RD, .len = 4, .addr = scratch};
    simc_send(&g, &m, -1);
    simc_close(&g);

    CHECK(simproc_alive(&p), "simulator alive");
    CHECK(simc_rd(&good, scratch, 4, &v) == 0 && v == 77, "good client still served: %u", v);
    simc_close(&good);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *err = slurp(p.err, NULL);
    CHECK(err && strstr(err, "sent a malformed message; dropped"), "drop logged");
    free(err);
    return finish(&p);
}

static int path_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static int t_sigterm_cleanup(void)
{
    static const int sigs[] = {SIGTERM, SIGINT};
    for (int s = 0; s < 2; s++) {
        struct simproc p;
        if (start(&p, NULL) != 0)
            return failed = 1, finish(&p);
        char pci[160], reg[160];
        snprintf(pci, sizeof pci, "%s.pci", p.sock);
        snprintf(reg, sizeof reg, "%s/sim-%d", p.dir, (int)p.pid);
        CHECK(path_exists(p.sock) && path_exists(pci) && path_exists(reg), "files published");
        struct simc c;
        CHECK(simc_connect(&c, p.sock) == 0, "connect");
        uint8_t f[64 + 4];
        make_frame(f, 64, 1);
        CHECK(dev_send(&c, f, sizeof f) == 0, "send frame");
        simc_wr(&c, SIMDEV_IRQ_RAISE, 3);
        CHECK(simc_wait_irq(&c, 3, SIMC_TIMEOUT_MS), "irq");
        /* exit with a client still attached */
        int st = simproc_stop(&p, sigs[s], SIMC_TIMEOUT_MS);
        CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "signal %d: exit status 0x%x", sigs[s], st);
        CHECK(!path_exists(p.sock), "socket removed");
        CHECK(!path_exists(pci), "config-space file removed");
        CHECK(!path_exists(reg), "registry entry removed");
        simc_close(&c);
        char *out = slurp(p.out, NULL);
        CHECK(out && strstr(out, "tonic-sim: stopped by signal after"), "stop line");
        CHECK(out && stat_value(out, "cycles") > 0, "cycles");
        CHECK(out && stat_value(out, "cycles_per_second") > 0, "cycles/s");
        CHECK(out && stat_value(out, "wire_tx_frames") == 1, "wire tx frames");
        CHECK(out && stat_value(out, "wire_tx_bytes") == 68, "wire tx bytes");
        CHECK(out && stat_value(out, "wire_rx_frames") == 1, "loopback rx frames");
        CHECK(out && stat_value(out, "irqs") == 1, "irqs");
        /* the device's own counters, read over BAR0 at exit */
        CHECK(out && stat_value(out, "dev_tx_frames") == 1, "dev_tx_frames %lld", out ? stat_value(out, "dev_tx_frames") : -1);
        CHECK(out && stat_value(out, "dev_tx_bytes") == 68, "dev_tx_bytes");
        CHECK(out && stat_value(out, "dev_rx_frames") == 1, "dev_rx_frames");
        CHECK(out && stat_value(out, "dev_rx_bytes") == 68, "dev_rx_bytes");
        CHECK(out && stat_value(out, "dev_irqs") == 1, "dev_irqs");
        CHECK(out && stat_value(out, "dev_doorbell_err") == 0, "dev_doorbell_err");
        free(out);
        if (failed)
            return finish(&p);
        simproc_cleanup(&p);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

static int t_pci_dump(void)
{
    const char *lspci = getenv("LSPCI");
    if (!lspci || !*lspci || strstr(lspci, "NOTFOUND"))
        lspci = "lspci";
    struct simproc p;
    if (start(&p, NULL) != 0)
        return failed = 1, finish(&p);
    char cmd[512], want[128];
    snprintf(cmd, sizeof cmd, "%s -F %s.pci -nn -v 2>&1", lspci, p.sock);
    FILE *f = popen(cmd, "r");
    char out[4096] = "";
    size_t n = f ? fread(out, 1, sizeof out - 1, f) : 0;
    out[n] = 0;
    int st = f ? pclose(f) : -1;
    if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 127) {
        printf("lspci not found: skipped\n0 passed, 0 failed\n");
        simproc_cleanup(&p);
        return 77;
    }
    CHECK(st == 0, "lspci exit 0x%x:\n%s", st, out);
    CHECK(strstr(out, "00:00.0 Ethernet controller [0200]"), "class:\n%s", out);
    snprintf(want, sizeof want, "[%04x:%04x]", TONIC_VENDOR_ID, TONIC_DEVICE_ID);
    CHECK(strstr(out, want), "IDs %s:\n%s", want, out);
    CHECK(strstr(out, "Memory at f0000000 (64-bit, non-prefetchable)"), "BAR0:\n%s", out);
    CHECK(strstr(out, "bus master"), "bus master:\n%s", out);
    snprintf(want, sizeof want, "Subsystem: Device [%04x:0001]", TONIC_VENDOR_ID);
    CHECK(strstr(out, want), "%s:\n%s", want, out);

    /* registry: sim-<pid> -> absolute socket path */
    char reg[160], target[PATH_MAX] = "", abs[PATH_MAX] = "";
    snprintf(reg, sizeof reg, "%s/sim-%d", p.dir, (int)p.pid);
    ssize_t l = readlink(reg, target, sizeof target - 1);
    if (l > 0)
        target[l] = 0;
    CHECK(realpath(p.sock, abs) && strcmp(target, abs) == 0, "registry -> '%s', want '%s'", target, abs);
    /* a stale entry of a dead process is swept by the next simulator */
    char stale[160];
    snprintf(stale, sizeof stale, "%s/sim-999999999", p.dir);
    CHECK(symlink("/nonexistent.sock", stale) == 0, "make stale entry");
    /* banner */
    char *o = slurp(p.out, NULL);
    char banner[300];
    snprintf(banner, sizeof banner, "tonic-sim: device sim:%s (pci 0000:00:00.0), port loopback\n", abs);
    CHECK(o && strncmp(o, banner, strlen(banner)) == 0, "banner: %s", o ? o : "");
    free(o);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    struct simproc q = p;
    q.pid = 0;
    memset(q.sock, 0, sizeof q.sock);
    snprintf(q.sock, sizeof q.sock, "%s/sim1.sock", p.dir);
    const char *argv[] = {g_bin, "--socket", q.sock, "--max-cycles", "1000", NULL};
    CHECK(simproc_run(&q, g_bin, argv, SIMC_TIMEOUT_MS) == 0, "second simulator");
    CHECK(!path_exists(stale), "stale registry entry swept");
    return finish(&p);
}

static int t_loopback_wire(void)
{
    struct simproc p;
    const char *args[] = {"--port", "loopback", NULL};
    if (start(&p, args) != 0)
        return failed = 1, finish(&p);
    struct simc c;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");
    static const uint32_t lens[] = {60, 61, 100, 508};
    uint32_t v = 0;
    uint64_t bytes = 0;
    for (uint32_t k = 0; k < 4; k++) {
        uint8_t f[512 + 4], got[512 + 4];
        make_frame(f, lens[k], (uint8_t)k);
        uint32_t n = lens[k] + 4;
        bytes += n;
        CHECK(dev_send(&c, f, n) == 0, "send %u", k);
        CHECK(simc_wait_reg(&c, SIMDEV_RX_FRAMES, 0xFFFFFFFFu, k + 1, SIMC_TIMEOUT_MS, &v) == 0, "rx frames %u", v);
        CHECK(simc_rd(&c, SIMDEV_RX_LAST_LEN, 4, &v) == 0 && v == n, "frame %u length %u", k, v);
        CHECK(dev_capture(&c, got, n) == 0 && memcmp(got, f, n) == 0, "frame %u bytes (FCS included)", k);
    }
    CHECK(simc_rd(&c, SIMDEV_RX_BYTES, 4, &v) == 0 && v == bytes, "rx bytes %u", v);
    /* a frame with a bad FCS still loops (the MAC judges it) and is counted */
    uint8_t f[64 + 4];
    make_frame(f, 64, 9);
    f[64] ^= 1;
    CHECK(dev_send(&c, f, sizeof f) == 0, "send bad");
    CHECK(simc_wait_reg(&c, SIMDEV_RX_FRAMES, 0xFFFFFFFFu, 5, SIMC_TIMEOUT_MS, &v) == 0, "rx frames %u", v);
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    CHECK(out && stat_value(out, "wire_tx_frames") == 5 && stat_value(out, "wire_rx_frames") == 5, "frames");
    CHECK(out && stat_value(out, "wire_tx_bad_fcs") == 1, "bad fcs %lld", out ? stat_value(out, "wire_tx_bad_fcs") : -1);
    CHECK(out && stat_value(out, "wire_rx_bytes") == (long long)bytes + 68, "rx bytes");
    free(out);
    return finish(&p);
}

/* pcap file helpers (classic format, microsecond timestamps, link type Ethernet) */
static void pcap_write(const char *path, const uint8_t *const *frames, const uint32_t *lens, int n)
{
    FILE *f = fopen(path, "wb");
    uint32_t gh[6] = {0xA1B2C3D4u, 0x00040002u, 0, 0, 262144, 1};
    fwrite(gh, 4, 6, f);
    for (int i = 0; i < n; i++) {
        uint32_t rh[4] = {(uint32_t)i, 0, lens[i], lens[i]};
        fwrite(rh, 4, 4, f);
        fwrite(frames[i], 1, lens[i], f);
    }
    fclose(f);
}

/* Returns the number of records read into frames/lens (max n). */
static int pcap_read(const char *path, uint8_t frames[][600], uint32_t *lens, int n)
{
    size_t len = 0;
    char *b = slurp(path, &len);
    if (!b || len < 24)
        return free(b), -1;
    size_t off = 24;
    int k = 0;
    while (off + 16 <= len && k < n) {
        uint32_t rh[4];
        memcpy(rh, b + off, 16);
        off += 16;
        if (off + rh[2] > len || rh[2] > 600)
            break;
        memcpy(frames[k], b + off, rh[2]);
        lens[k++] = rh[2];
        off += rh[2];
    }
    free(b);
    return k;
}

static int t_pcap_port(void)
{
    struct simproc p;
    memset(&p, 0, sizeof p);
    snprintf(p.dir, sizeof p.dir, "/tmp/tsim-XXXXXX");
    if (!mkdtemp(p.dir))
        return 1;
    snprintf(p.sock, sizeof p.sock, "%s/sim.sock", p.dir);
    snprintf(p.out, sizeof p.out, "%s/out.txt", p.dir);
    snprintf(p.err, sizeof p.err, "%s/err.txt", p.dir);
    char in[128], outp[128], port[300];
    snprintf(in, sizeof in, "%s/in.pcap", p.dir);
    snprintf(outp, sizeof outp, "%s/out.pcap", p.dir);
    /* an oversized frame (the MAC must drop it, the harness must deliver it), a normal one, a
       short one (pcap frames are injected as they are: no padding) */
    static uint8_t big[10000], mid[100], small[60];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)i;
    make_frame(mid, 96, 3);
    make_frame(small, 56, 4);
    const uint8_t *frames[] = {big, mid, small};
    const uint32_t lens[] = {10000, 100, 60};
    pcap_write(in, frames, lens, 3);
    snprintf(port, sizeof port, "pcap:%s,%s", in, outp);
    const char *args[] = {"--port", port, NULL};
    if (simproc_start(&p, g_bin, args) != 0)
        return failed = 1, finish(&p);
    struct simc c;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");
    uint32_t v = 99;
    /* nothing is injected while no RX queue is enabled */
    CHECK(wait_cycles(&c, 40000) == 0, "cycles pass");
    CHECK(simc_rd(&c, SIMDEV_RX_FRAMES, 4, &v) == 0 && v == 0, "frames before enable: %u", v);
    simc_wr(&c, TONIC_RXQ_BASE + TONIC_RXQ_QBASE + TONIC_Q_QCTRL, TONIC_Q_QCTRL_ENABLE);
    CHECK(simc_wait_reg(&c, SIMDEV_RX_FRAMES, 0xFFFFFFFFu, 3, SIMC_TIMEOUT_MS, &v) == 0, "frames after enable: %u", v);
    CHECK(simc_rd(&c, SIMDEV_RX_BYTES, 4, &v) == 0 && v == 10004 + 104 + 64, "rx bytes %u", v);
    uint8_t got[64], want[64];
    memcpy(want, small, 60);
    uint32_t fcs = test_fcs(small, 60);
    for (int i = 0; i < 4; i++)
        want[60 + i] = (uint8_t)(fcs >> (8 * i));
    CHECK(dev_capture(&c, got, 64) == 0 && memcmp(got, want, 64) == 0, "last frame with appended FCS");

    /* transmitted frames: FCS checked and stripped, written to OUT */
    uint8_t t1[60 + 4], t2[80 + 4];
    make_frame(t1, 60, 5);
    make_frame(t2, 80, 6);
    t2[81] ^= 0x80; /* bad FCS: still written, counted */
    CHECK(dev_send(&c, t1, sizeof t1) == 0 && dev_send(&c, t2, sizeof t2) == 0, "send");
    static uint8_t rec[4][600];
    uint32_t rl[4] = {0};
    int nrec = -1;
    long long end = now_ms() + SIMC_TIMEOUT_MS;
    while (now_ms() < end && (nrec = pcap_read(outp, rec, rl, 4)) < 2)
        ;
    CHECK(nrec == 2, "OUT has %d frames", nrec);
    CHECK(rl[0] == 60 && memcmp(rec[0], t1, 60) == 0, "frame 1 (len %u)", rl[0]);
    CHECK(rl[1] == 80 && memcmp(rec[1], t2, 80) == 0, "frame 2 (len %u)", rl[1]);
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    char *out = slurp(p.out, NULL);
    CHECK(out && stat_value(out, "wire_rx_frames") == 3, "wire_rx_frames");
    CHECK(out && stat_value(out, "wire_rx_bytes") == 10004 + 104 + 64, "wire_rx_bytes");
    CHECK(out && stat_value(out, "wire_tx_frames") == 2, "wire_tx_frames");
    CHECK(out && stat_value(out, "wire_tx_bad_fcs") == 1, "wire_tx_bad_fcs");
    free(out);
    /* empty IN: nothing to inject; OUT still written */
    {
        struct simproc q;
        memset(&q, 0, sizeof q);
        snprintf(port, sizeof port, "pcap:,%s/out2.pcap", p.dir);
        const char *a2[] = {"--port", port, NULL};
        CHECK(start(&q, a2) == 0, "pcap with empty IN starts");
        CHECK(simproc_stop(&q, SIGTERM, SIMC_TIMEOUT_MS) == 0, "and stops");
        simproc_cleanup(&q);
    }
    return finish(&p);
}

static int set_up(const char *ifname)
{
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
    int r = s >= 0 && ioctl(s, SIOCGIFFLAGS, &ifr) == 0 ? 0 : -1;
    ifr.ifr_flags |= IFF_UP;
    if (r == 0)
        r = ioctl(s, SIOCSIFFLAGS, &ifr);
    if (s >= 0)
        close(s);
    return r;
}

static int t_tap_port(void)
{
    if (access("/dev/net/tun", R_OK | W_OK) != 0) {
        printf("no /dev/net/tun: skipped\n0 passed, 0 failed\n");
        return 77;
    }
    char ifname[16], port[32], path[128];
    snprintf(ifname, sizeof ifname, "tsim%d", (int)(getpid() % 100000));
    snprintf(port, sizeof port, "tap:%s", ifname);
    struct simproc p;
    memset(&p, 0, sizeof p);
    const char *args[] = {"--port", port, NULL};
    if (simproc_start(&p, g_bin, args) != 0) {
        char *e = slurp(p.err, NULL);
        int perm = e && (strstr(e, "Operation not permitted") || strstr(e, "Permission denied"));
        if (perm) {
            printf("cannot create a TAP here (%s): skipped\n0 passed, 0 failed\n", e);
            free(e);
            simproc_cleanup(&p);
            return 77;
        }
        free(e);
        return failed = 1, finish(&p);
    }
    snprintf(path, sizeof path, "/proc/sys/net/ipv6/conf/%s/disable_ipv6", ifname);
    FILE *f = fopen(path, "w"); /* no router solicitations etc. on the test wire */
    if (f) {
        fputs("1\n", f);
        fclose(f);
    }
    CHECK(set_up(ifname) == 0, "interface up: %s", strerror(errno));
    int ps = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
    struct sockaddr_ll sll;
    memset(&sll, 0, sizeof sll);
    sll.sll_family = AF_PACKET;
    sll.sll_protocol = htons(ETH_P_ALL);
    sll.sll_ifindex = (int)if_nametoindex(ifname);
    CHECK(ps >= 0 && bind(ps, (struct sockaddr *)&sll, sizeof sll) == 0, "packet socket: %s", strerror(errno));

    struct simc c;
    CHECK(simc_connect(&c, p.sock) == 0, "connect");
    simc_wr(&c, TONIC_RXQ_BASE + TONIC_RXQ_QBASE + TONIC_Q_QCTRL, TONIC_Q_QCTRL_ENABLE);
    CHECK(wait_cycles(&c, 20000) == 0, "harness notices the enabled queue");

    /* kernel -> TAP -> device: a 42-byte frame arrives padded to 60, plus FCS */
    uint8_t k[60 + 4];
    make_frame(k, 42, 7);
    CHECK(send(ps, k, 42, 0) == 42, "inject: %s", strerror(errno));
    uint32_t v = 0;
    CHECK(simc_wait_reg(&c, SIMDEV_RX_FRAMES, 0xFFFFFFFFu, 1, SIMC_TIMEOUT_MS, &v) == 0, "device rx frames %u", v);
    memset(k + 42, 0, 18);
    uint32_t fcs = test_fcs(k, 60);
    for (int i = 0; i < 4; i++)
        k[60 + i] = (uint8_t)(fcs >> (8 * i));
    uint8_t got[64];
    CHECK(simc_rd(&c, SIMDEV_RX_LAST_LEN, 4, &v) == 0 && v == 64, "padded length %u", v);
    CHECK(dev_capture(&c, got, 64) == 0 && memcmp(got, k, 64) == 0, "bytes padded and FCS appended");

    /* device -> TAP -> kernel: FCS stripped */
    uint8_t t[70 + 4];
    make_frame(t, 70, 8);
    CHECK(dev_send(&c, t, sizeof t) == 0, "device send");
    int seen = 0;
    long long end = now_ms() + SIMC_TIMEOUT_MS;
    while (!seen && now_ms() < end) {
        struct pollfd pf = {ps, POLLIN, 0};
        if (poll(&pf, 1, 100) != 1)
            continue;
        uint8_t buf[2048];
        struct sockaddr_ll from;
        socklen_t fl = sizeof from;
        ssize_t n = recvfrom(ps, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
        if (n == 70 && from.sll_pkttype != PACKET_OUTGOING && memcmp(buf, t, 70) == 0)
            seen = 1;
    }
    CHECK(seen, "kernel received the device's frame without FCS");
    if (ps >= 0)
        close(ps);
    simc_close(&c);
    CHECK(simproc_stop(&p, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    return finish(&p);
}

static int t_bad_args(void)
{
    struct simproc p;
    memset(&p, 0, sizeof p);
    char sock[160];
    int r;
    static const char *const bad[][6] = {
        {"--bogus"},
        {"--port", "frob"},
        {"--port", "tap:"},
        {"--port", "pcap:/nonexistent/in.pcap"},
        {"--port", "pcap:,/nonexistent/dir/out.pcap"},
        {"--max-cycles", "abc"},
        {"--dma-latency", "-5"},
        {"--seed"},
        {"stray"},
        {"--trace", "/nonexistent/dir/t.fst"},
    };
    CHECK(start(&p, NULL) == 0, "first simulator");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct simproc q;
        memset(&q, 0, sizeof q);
        memcpy(q.dir, p.dir, sizeof q.dir);
        snprintf(q.out, sizeof q.out, "%s/bad%zu.out", p.dir, i);
        snprintf(q.err, sizeof q.err, "%s/bad%zu.err", p.dir, i);
        snprintf(sock, sizeof sock, "%s/other.sock", p.dir);
        const char *argv[10] = {g_bin, "--socket", sock};
        int n = 3;
        for (int k = 0; k < 6 && bad[i][k]; k++)
            argv[n++] = bad[i][k];
        argv[n] = NULL;
        r = simproc_run(&q, g_bin, argv, SIMC_TIMEOUT_MS);
        CHECK(r != -1 && WIFEXITED(r) && WEXITSTATUS(r) == 2, "case %zu (%s): status 0x%x", i, bad[i][0], r);
        size_t len = 0;
        char *e = slurp(q.err, &len);
        CHECK(e && len > 12 && strncmp(e, "tonic-sim: ", 11) == 0 && strchr(e, '\n') == e + len - 1,
              "case %zu: one line on stderr: %s", i, e ? e : "");
        free(e);
        CHECK(!path_exists(sock), "case %zu left a socket", i);
    }
    /* the socket of a live simulator */
    {
        struct simproc q;
        memset(&q, 0, sizeof q);
        memcpy(q.dir, p.dir, sizeof q.dir);
        snprintf(q.out, sizeof q.out, "%s/live.out", p.dir);
        snprintf(q.err, sizeof q.err, "%s/live.err", p.dir);
        const char *argv[] = {g_bin, "--socket", p.sock, NULL};
        r = simproc_run(&q, g_bin, argv, SIMC_TIMEOUT_MS);
        CHECK(r != -1 && WIFEXITED(r) && WEXITSTATUS(r) == 2, "live socket: status 0x%x", r);
        char *e = slurp(q.err, NULL);
        CHECK(e && strstr(e, "in use by a live simulator"), "message: %s", e ? e : "");
        free(e);
        CHECK(simproc_alive(&p), "first simulator unharmed");
        struct simc c;
        CHECK(simc_connect(&c, p.sock) == 0, "first simulator still reachable");
        simc_close(&c);
    }
    /* --help */
    {
        struct simproc q;
        memset(&q, 0, sizeof q);
        memcpy(q.dir, p.dir, sizeof q.dir);
        snprintf(q.out, sizeof q.out, "%s/help.out", p.dir);
        snprintf(q.err, sizeof q.err, "%s/help.err", p.dir);
        const char *argv[] = {g_bin, "--help", NULL};
        r = simproc_run(&q, g_bin, argv, SIMC_TIMEOUT_MS);
        CHECK(r != -1 && WIFEXITED(r) && WEXITSTATUS(r) == 0, "--help status 0x%x", r);
        char *o = slurp(q.out, NULL);
        CHECK(o && strstr(o, "--dma-latency"), "--help text");
        free(o);
    }
    /* a stale socket file (its simulator died) is replaced */
    CHECK(simproc_stop(&p, SIGKILL, SIMC_TIMEOUT_MS) != -1, "kill -9");
    CHECK(path_exists(p.sock), "stale socket left behind");
    struct simproc s = p;
    s.pid = 0;
    CHECK(simproc_start(&s, g_bin, NULL) == 0, "restart over a stale socket");
    CHECK(simproc_stop(&s, SIGTERM, SIMC_TIMEOUT_MS) == 0, "exit status");
    return finish(&p);
}

static int t_max_cycles(void)
{
    /* a bounded run needs nobody attached: it runs to N cycles and cleans up after itself */
    struct simproc p;
    memset(&p, 0, sizeof p);
    snprintf(p.dir, sizeof p.dir, "/tmp/tsim-XXXXXX");
    if (!mkdtemp(p.dir))
        return 1;
    snprintf(p.sock, sizeof p.sock, "%s/sim.sock", p.dir);
    snprintf(p.out, sizeof p.out, "%s/out.txt", p.dir);
    snprintf(p.err, sizeof p.err, "%s/err.txt", p.dir);
    const char *argv[] = {g_bin, "--socket", p.sock, "--max-cycles", "300000", "--quiet", NULL};
    int st = simproc_run(&p, g_bin, argv, SIMC_TIMEOUT_MS);
    CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
    size_t elen = 99;
    char *out = slurp(p.out, NULL), *err = slurp(p.err, &elen);
    CHECK(out && strstr(out, "tonic-sim: stopped by --max-cycles after 300000 cycles"), "stop line");
    CHECK(out && stat_value(out, "cycles") == 300000, "cycles %lld", out ? stat_value(out, "cycles") : -1);
    CHECK(out && stat_value(out, "dev_tx_frames") == 0, "device statistics read");
    CHECK(err && elen == 0, "--quiet: nothing on stderr: %s", err ? err : "");
    char pci[160];
    snprintf(pci, sizeof pci, "%s.pci", p.sock);
    CHECK(!path_exists(p.sock) && !path_exists(pci), "socket and config-space file removed");
    free(out);
    free(err);
    return finish(&p);
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(void);
    } tests[] = {
        {"mmio_roundtrip", t_mmio_roundtrip}, {"mmio_einval", t_mmio_einval},
        {"dma_copy", t_dma_copy},             {"dma_iommu_fault", t_dma_iommu_fault},
        {"dma_protocol_error", t_dma_protocol_error}, {"irq_delivery", t_irq_delivery},
        {"multi_client", t_multi_client},     {"garbage_client", t_garbage_client},
        {"sigterm_cleanup", t_sigterm_cleanup}, {"pci_dump", t_pci_dump},
        {"loopback_wire", t_loopback_wire},   {"pcap_port", t_pcap_port},
        {"tap_port", t_tap_port},             {"bad_args", t_bad_args},
        {"max_cycles", t_max_cycles},
    };
    if (argc != 3) {
        fprintf(stderr, "usage: sim_test <behaviour> <simulator binary>\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    g_bin = argv[2];
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        if (strcmp(argv[1], tests[i].name) == 0)
            return tests[i].fn();
    fprintf(stderr, "sim_test: unknown behaviour '%s'\n", argv[1]);
    return 2;
}
