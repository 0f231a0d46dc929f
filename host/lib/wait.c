/* SPDX-License-Identifier: MIT */
/* wait.c — blocking waits. With interrupts (simulator backend) a queue waits on its vector in
 * slices of at most WAIT_SLICE_MS and looks at its completion ring after each, so a missed or
 * shared interrupt costs latency, never a hang. Without them (pci backend) it polls the ring with
 * a sleep that backs off from 1 us to 1 ms. Every wait ends at its timeout. */
#include <errno.h>
#include <time.h>

#include "queue.h"
#include "regs.h"

#define WAIT_SLICE_MS 20
#define POLL_MIN_NS 1000L
#define POLL_MAX_NS 1000000L

static void backoff(long *ns)
{
    struct timespec ts = {0, *ns};

    nanosleep(&ts, NULL);
    if (*ns < POLL_MAX_NS)
        *ns *= 2;
}

int tonic_q_wait(struct tonic_qbase *q, bool (*ready)(void *), void *arg, int timeout_ms)
{
    uint64_t deadline = tonic_now_ns() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms) * 1000000ull;
    long ns = POLL_MIN_NS;

    for (;;) {
        int left, err;

        if (ready(arg))
            return 0;
        err = tonic_io_err(q->dev);
        if (err)
            return err;
        left = tonic_ms_left(deadline);
        if (!left)
            return -ETIMEDOUT;
        if (!q->irq) {
            backoff(&ns);
            continue;
        }
        err = tonic_dev_wait_irq(q->dev, 1ull << q->vector, left < WAIT_SLICE_MS ? left : WAIT_SLICE_MS);
        if (err == -EOPNOTSUPP)
            q->irq = false;
        else if (err && err != -ETIMEDOUT)
            return err;
    }
}

int tonic_wait_any(struct tonic_dev *dev, int timeout_ms)
{
    uint64_t mask = 0;
    int err;

    for (unsigned i = 0; i < TONIC_MAX_QUEUES; i++) {
        if (dev->txq[i] && dev->txq[i]->q.irq)
            mask |= 1ull << dev->txq[i]->q.vector;
        if (dev->rxq[i] && dev->rxq[i]->q.irq)
            mask |= 1ull << dev->rxq[i]->q.vector;
    }
    err = tonic_io_err(dev);
    if (err)
        return err;
    if (!mask) {
        long ns = timeout_ms <= 0 ? 0 : 50000L;

        if (ns)
            backoff(&ns);
        return 0;
    }
    err = tonic_dev_wait_irq(dev, mask, timeout_ms < 0 ? 0 : timeout_ms);
    return err == -ETIMEDOUT || err == -EOPNOTSUPP ? 0 : err;
}
