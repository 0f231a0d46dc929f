/* SPDX-License-Identifier: MIT */
/* regs.c — BAR0 accessors with the barrier discipline and sticky-error rule of regs.h, and the
 * driver's own MMIO counters (reads, writes, time spent waiting for reads). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "regs.h"

static void latch(struct tonic_dev *dev, int err)
{
    if (dev->io_err || err == -EOPNOTSUPP)
        return;
    dev->io_err = err;
    snprintf(dev->io_msg, sizeof(dev->io_msg), "%s", tonic_last_error());
}

int tonic_io_err(struct tonic_dev *dev)
{
    if (!dev->io_err)
        return 0;
    return tonic_error(dev->io_err, "%s", dev->io_msg);
}

uint32_t tonic_rd32(struct tonic_dev *dev, uint32_t off)
{
    uint64_t t0;
    uint32_t v;
    int err;

    if (dev->io_err)
        return 0xFFFFFFFFu;
    t0 = tonic_now_ns();
    err = dev->be->ops->mmio_read32(dev->be, off, &v);
    dev->mmio_read_ns += tonic_now_ns() - t0;
    dev->mmio_reads++;
    if (err) {
        latch(dev, err);
        return 0xFFFFFFFFu;
    }
    return v;
}

void tonic_wr32(struct tonic_dev *dev, uint32_t off, uint32_t val)
{
    int err;

    if (dev->io_err)
        return;
    __atomic_thread_fence(__ATOMIC_RELEASE);
    err = dev->be->ops->mmio_write32(dev->be, off, val);
    dev->mmio_writes++;
    if (err)
        latch(dev, err);
}

uint64_t tonic_rd64_lohi(struct tonic_dev *dev, uint32_t lo_off)
{
    uint64_t lo = tonic_rd32(dev, lo_off);
    uint64_t hi = tonic_rd32(dev, lo_off + 4);

    return hi << 32 | lo;
}

int tonic_dev_wait_irq(struct tonic_dev *dev, uint64_t vec_mask, int timeout_ms)
{
    uint64_t fired;
    int err;

    if (dev->io_err)
        return tonic_io_err(dev);
    err = dev->be->ops->wait_irq(dev->be, vec_mask, timeout_ms, &fired);
    if (err && err != -ETIMEDOUT && err != -EOPNOTSUPP)
        latch(dev, err);
    return err;
}

int tonic_poll_reg(struct tonic_dev *dev, uint32_t reg, uint32_t mask, uint32_t want, unsigned timeout_ms)
{
    uint64_t deadline = tonic_now_ns() + (uint64_t)timeout_ms * 1000000ull;
    struct timespec ts = {0, 10000};

    for (;;) {
        uint32_t v = tonic_rd32(dev, reg);
        int err = tonic_io_err(dev);

        if (err)
            return err;
        if ((v & mask) == want)
            return 0;
        if (!tonic_ms_left(deadline))
            return -ETIMEDOUT;
        nanosleep(&ts, NULL);
        if (ts.tv_nsec < 1000000)
            ts.tv_nsec *= 2;
    }
}
