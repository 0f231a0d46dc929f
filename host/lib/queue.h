/* SPDX-License-Identifier: MIT */
/* queue.h — what TX and RX queues share (internal): the hardware queue registers, ring and
 * completion-ring memory, fixed per-slot buffers, the completion consumer with its phase, and the
 * wait helper. txq.c and rxq.c add the direction-specific producer logic. */
#ifndef TONIC_QUEUE_H
#define TONIC_QUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "device.h"
#include "dma_pool.h"

struct tonic_qbase {
    /* fixed at create */
    struct tonic_dev *dev;
    struct tonic_queue_config cfg;
    bool is_rx;
    unsigned qid;
    uint32_t regs;         /* BAR0 offset of this queue's registers */
    uint32_t size, mask;
    unsigned desc_size, cpl_size;
    unsigned vector;
    bool irq;              /* interrupt-driven waits */
    struct tonic_dma_buf ring, cq;
    struct tonic_dma_buf *slabs; /* slot buffers: slot i is buffer i, per_slab to a slab */
    unsigned nslabs, per_slab;
    size_t stride;

    /* mutable */
    uint32_t cq_cons, phase;
    int err;               /* sticky protocol error seen in the completions */
    char err_msg[200];
};

struct tonic_txq {
    struct tonic_qbase q;
    uint64_t *cookie;      /* per slot */
    uint32_t prod;         /* next descriptor to write */
    uint32_t clean;        /* oldest descriptor not yet completed */
    uint32_t doorbell;     /* PROD as last written to the device */
    unsigned unflushed;    /* frames written since the last doorbell */
};

struct tonic_rxq {
    struct tonic_qbase q;
    uint32_t prod;         /* next slot to post */
    uint32_t clean;        /* oldest posted slot (the next frame's first buffer) */
};

/* Allocates memory, takes the queue over from any previous owner, programs it while disabled and
 * enables it. For RX, post() writes the initial descriptors before the enable. */
int tonic_q_create(struct tonic_qbase *q, struct tonic_dev *dev, bool is_rx, unsigned qid,
                   const struct tonic_queue_config *cfg);
/* Disables the queue, waits for QSTATUS.ACTIVE to clear, frees memory (kept if it did not stop). */
int tonic_q_destroy(struct tonic_qbase *q);
void *tonic_q_buf(const struct tonic_qbase *q, uint32_t slot, uint64_t *dma);
void *tonic_q_cpl(const struct tonic_qbase *q, uint32_t idx);
void *tonic_q_desc(const struct tonic_qbase *q, uint32_t idx);
/* Records a protocol error of this queue (the queue refuses further work). */
int tonic_q_fail(struct tonic_qbase *q, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int tonic_q_check(struct tonic_qbase *q);

/* Waits until ready(arg) or timeout_ms: interrupt-driven if q->irq, else polling with backoff.
 * 0, -ETIMEDOUT (no message set), or a device error. */
int tonic_q_wait(struct tonic_qbase *q, bool (*ready)(void *), void *arg, int timeout_ms);

#endif /* TONIC_QUEUE_H */
