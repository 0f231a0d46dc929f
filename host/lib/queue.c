/* SPDX-License-Identifier: MIT */
/* queue.c — queue life cycle shared by TX and RX (docs/dma.md, "Queue model").
 *
 * Create: check the request against the device, allocate the descriptor ring, the completion ring
 * (zeroed, so no stale entry carries the expected phase 1) and one buffer per slot (grouped in
 * slabs of at most 1 MiB so that each slab fits one DMA segment). A queue left enabled by a
 * previous owner is disabled and drained first. Sticky QSTATUS bits are cleared, BASE, SIZE_LOG2,
 * CQ_BASE, IRQ and IRQ_TIMER written while the queue is disabled, then QCTRL enables it (which
 * resets PROD, CONS, CQ_PROD, CQ_CONS and the phase in the device), and QSTATUS is checked for CFG.
 * Destroy: clear QCTRL and wait for QSTATUS.ACTIVE to drop, with a timeout. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "queue.h"
#include "regs.h"
#include "ring.h"

#define SLAB_BYTES (1u << 20)
#define RING_ALIGN 4096u
#define QSTATUS_STICKY (TONIC_Q_QSTATUS_DOORBELL | TONIC_Q_QSTATUS_DESC | TONIC_Q_QSTATUS_DMA | TONIC_Q_QSTATUS_CFG)
#define RX_BUF_MAX 65528u /* RXD.LEN is 16 bits and must be a multiple of 8 */
#define TX_BUF_MAX 65535u /* TXD.LEN is 16 bits */

void tonic_queue_config_default(struct tonic_queue_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->ring_size = 256;
    cfg->buf_size = 2048;
    cfg->use_irq = true;
    cfg->irq_vector = -1;
    cfg->irq_count = 1;
    cfg->irq_timer = 0;
    cfg->doorbell_batch = 1;
}

static const char *dir(const struct tonic_qbase *q)
{
    return q->is_rx ? "RX" : "TX";
}

int tonic_q_fail(struct tonic_qbase *q, int err, const char *fmt, ...)
{
    char msg[160];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!q->err) {
        q->err = err;
        snprintf(q->err_msg, sizeof(q->err_msg), "%s queue %u: %s", dir(q), q->qid, msg);
    }
    return tonic_error(err, "%s queue %u: %s", dir(q), q->qid, msg);
}

int tonic_q_check(struct tonic_qbase *q)
{
    if (q->err)
        return tonic_error(q->err, "%s", q->err_msg);
    return tonic_io_err(q->dev);
}

void *tonic_q_buf(const struct tonic_qbase *q, uint32_t slot, uint64_t *dma)
{
    const struct tonic_dma_buf *s = &q->slabs[slot / q->per_slab];
    size_t off = (size_t)(slot % q->per_slab) * q->stride;

    if (dma)
        *dma = s->dma + off;
    return (char *)s->va + off;
}

void *tonic_q_cpl(const struct tonic_qbase *q, uint32_t idx)
{
    return (char *)q->cq.va + (size_t)idx * q->cpl_size;
}

void *tonic_q_desc(const struct tonic_qbase *q, uint32_t idx)
{
    return (char *)q->ring.va + (size_t)idx * q->desc_size;
}

static int check_config(struct tonic_qbase *q, const struct tonic_queue_config *c)
{
    struct tonic_dev *dev = q->dev;
    unsigned nq = q->is_rx ? dev->lay.num_rxq : dev->lay.num_txq;
    unsigned num_irq = dev->be->info.num_irq ? dev->be->info.num_irq : dev->ident.num_irq;

    if (q->qid >= nq)
        return tonic_error(-EINVAL, "%s queue %u does not exist (the device has %u)", dir(q), q->qid, nq);
    if ((q->is_rx ? (void *)dev->rxq[q->qid] : (void *)dev->txq[q->qid]) != NULL)
        return tonic_error(-EBUSY, "%s queue %u is already open", dir(q), q->qid);
    if (tonic_ring_log2(c->ring_size) < 0)
        return tonic_error(-EINVAL, "%s queue %u: ring size %u is not a power of two in 16..4096", dir(q), q->qid,
                           c->ring_size);
    if (q->is_rx && (c->buf_size == 0 || c->buf_size % 8 || c->buf_size > RX_BUF_MAX))
        return tonic_error(-EINVAL, "RX queue %u: buffer size %u is not a non-zero multiple of 8 up to %u", q->qid,
                           c->buf_size, RX_BUF_MAX);
    if (!q->is_rx && (c->buf_size == 0 || c->buf_size > TX_BUF_MAX))
        return tonic_error(-EINVAL, "TX queue %u: buffer size %u is not in 1..%u", q->qid, c->buf_size, TX_BUF_MAX);
    if (c->irq_count > 255)
        return tonic_error(-EINVAL, "%s queue %u: IRQ count %u exceeds 255", dir(q), q->qid, c->irq_count);
    if (c->irq_vector >= 0 && (unsigned)c->irq_vector >= num_irq)
        return tonic_error(-EINVAL, "%s queue %u: vector %d, the device has %u", dir(q), q->qid, c->irq_vector,
                           num_irq);
    q->vector = c->irq_vector >= 0 ? (unsigned)c->irq_vector
                                   : num_irq ? (q->qid + (q->is_rx ? 4u : 0u)) % num_irq : 0;
    q->irq = c->use_irq && dev->be->info.has_irq && num_irq > 0 && q->vector < 64;
    return 0;
}

static int alloc_memory(struct tonic_qbase *q)
{
    struct tonic_dma_pool *pool = &q->dev->pool;
    int err;

    err = tonic_dma_alloc(pool, (size_t)q->size * q->desc_size, RING_ALIGN, &q->ring);
    if (err)
        return err;
    err = tonic_dma_alloc(pool, (size_t)q->size * q->cpl_size, RING_ALIGN, &q->cq);
    if (err)
        return err;
    q->stride = (q->cfg.buf_size + TONIC_DMA_MIN_ALIGN - 1) & ~(size_t)(TONIC_DMA_MIN_ALIGN - 1);
    q->per_slab = q->stride >= SLAB_BYTES ? 1 : (unsigned)(SLAB_BYTES / q->stride);
    if (q->per_slab > q->size)
        q->per_slab = q->size;
    q->nslabs = (q->size + q->per_slab - 1) / q->per_slab;
    q->slabs = calloc(q->nslabs, sizeof(*q->slabs));
    if (!q->slabs)
        return tonic_error(-ENOMEM, "out of memory");
    for (unsigned i = 0; i < q->nslabs; i++) {
        err = tonic_dma_alloc(pool, (size_t)q->per_slab * q->stride, 4096, &q->slabs[i]);
        if (err)
            return err;
    }
    return 0;
}

static void free_memory(struct tonic_qbase *q)
{
    struct tonic_dma_pool *pool = &q->dev->pool;

    if (q->slabs)
        for (unsigned i = 0; i < q->nslabs; i++)
            tonic_dma_free(pool, &q->slabs[i]);
    free(q->slabs);
    q->slabs = NULL;
    tonic_dma_free(pool, &q->cq);
    tonic_dma_free(pool, &q->ring);
}

/* Disables the queue and waits until the device says it is no longer active. */
static int stop(struct tonic_qbase *q)
{
    struct tonic_dev *dev = q->dev;
    int err;

    tonic_wr32(dev, q->regs + TONIC_Q_QCTRL, 0);
    err = tonic_poll_reg(dev, q->regs + TONIC_Q_QSTATUS, TONIC_Q_QSTATUS_ACTIVE, 0, dev->cfg.reg_timeout_ms);
    if (err == -ETIMEDOUT)
        return tonic_error(err, "%s queue %u: QSTATUS.ACTIVE still set %u ms after disabling", dir(q), q->qid,
                           dev->cfg.reg_timeout_ms);
    return err;
}

int tonic_q_create(struct tonic_qbase *q, struct tonic_dev *dev, bool is_rx, unsigned qid,
                   const struct tonic_queue_config *cfg)
{
    uint32_t blk, stride, qbase, st;
    int err;

    q->dev = dev;
    q->is_rx = is_rx;
    q->qid = qid;
    if (cfg)
        q->cfg = *cfg;
    else
        tonic_queue_config_default(&q->cfg);
    err = tonic_io_err(dev);
    if (err)
        return err;
    err = check_config(q, &q->cfg);
    if (err)
        return err;
    blk = is_rx ? dev->lay.rxq : dev->lay.txq;
    stride = is_rx ? dev->lay.rxq_stride : dev->lay.txq_stride;
    qbase = is_rx ? TONIC_RXQ_QBASE : TONIC_TXQ_QBASE;
    q->regs = blk + qbase + qid * stride;
    q->size = q->cfg.ring_size;
    q->mask = q->size - 1;
    q->desc_size = is_rx ? TONIC_RXD_SIZE : TONIC_TXD_SIZE;
    q->cpl_size = is_rx ? TONIC_RXC_SIZE : TONIC_TXC_SIZE;
    q->phase = 1;
    q->cq_cons = 0;
    err = alloc_memory(q);
    if (err)
        goto err_free;

    st = tonic_rd32(dev, q->regs + TONIC_Q_QSTATUS);
    if ((tonic_rd32(dev, q->regs + TONIC_Q_QCTRL) & TONIC_Q_QCTRL_ENABLE) || (st & TONIC_Q_QSTATUS_ACTIVE)) {
        tonic_info("%s: %s queue %u was left enabled by a previous owner: disabling it", dev->addr, dir(q), qid);
        err = stop(q);
        if (err)
            goto err_free;
    }
    /* clear old sticky errors first, so that CFG afterwards reports only our own writes */
    tonic_wr32(dev, q->regs + TONIC_Q_QSTATUS, QSTATUS_STICKY);
    tonic_wr32(dev, q->regs + TONIC_Q_BASE_LO, (uint32_t)q->ring.dma);
    tonic_wr32(dev, q->regs + TONIC_Q_BASE_HI, (uint32_t)(q->ring.dma >> 32));
    tonic_wr32(dev, q->regs + TONIC_Q_SIZE_LOG2, (uint32_t)tonic_ring_log2(q->size));
    tonic_wr32(dev, q->regs + TONIC_Q_CQ_BASE_LO, (uint32_t)q->cq.dma);
    tonic_wr32(dev, q->regs + TONIC_Q_CQ_BASE_HI, (uint32_t)(q->cq.dma >> 32));
    tonic_wr32(dev, q->regs + TONIC_Q_IRQ,
               (q->vector << TONIC_Q_IRQ_VECTOR_SHIFT & TONIC_Q_IRQ_VECTOR) |
                   (q->cfg.irq_count << TONIC_Q_IRQ_COUNT_SHIFT & TONIC_Q_IRQ_COUNT));
    tonic_wr32(dev, q->regs + TONIC_Q_IRQ_TIMER, q->cfg.irq_timer);
    tonic_wr32(dev, q->regs + TONIC_Q_QCTRL, TONIC_Q_QCTRL_ENABLE | (q->irq ? TONIC_Q_QCTRL_IRQ_ENABLE : 0));
    st = tonic_rd32(dev, q->regs + TONIC_Q_QSTATUS);
    err = tonic_io_err(dev);
    if (err)
        goto err_free;
    if (st & TONIC_Q_QSTATUS_CFG) {
        err = tonic_error(-EIO, "%s queue %u: the device refused its configuration (QSTATUS 0x%x)", dir(q), qid, st);
        goto err_stop;
    }
    if (!(st & TONIC_Q_QSTATUS_ACTIVE)) {
        err = tonic_error(-EIO, "%s queue %u: not active after enabling (QSTATUS 0x%x)", dir(q), qid, st);
        goto err_stop;
    }
    tonic_dbg("%s: %s queue %u: %u entries of %u-byte buffers, ring 0x%llx, cq 0x%llx, vector %u%s", dev->addr,
              dir(q), qid, q->size, q->cfg.buf_size, (unsigned long long)q->ring.dma, (unsigned long long)q->cq.dma,
              q->vector, q->irq ? "" : " (polled)");
    return 0;

err_stop:
    stop(q);
err_free:
    free_memory(q);
    return err;
}

int tonic_q_destroy(struct tonic_qbase *q)
{
    int err = tonic_io_err(q->dev) ? 0 : stop(q);

    if (err == -ETIMEDOUT) {
        /* the device may still write into the rings: never hand this memory out again */
        tonic_warn("%s: %s queue %u did not stop; its DMA memory stays reserved", q->dev->addr, dir(q), q->qid);
        free(q->slabs);
        q->slabs = NULL;
        return err;
    }
    free_memory(q);
    return err;
}
