/* SPDX-License-Identifier: MIT */
/* rxq.c — RX queues (docs/dma.md, "RX").
 *
 * Slot i of the ring always uses buffer i (8-byte aligned, buf_size a multiple of 8). All N-1
 * usable slots are posted at creation. A completion names a frame's first buffer and how many it
 * filled, in ring order; tonic_rx_poll gathers them into the caller's buffer, re-posts the same
 * number of slots at PROD (whose buffers are free: the slots not in [clean, prod) own idle buffers),
 * then writes PROD and CQ_CONS (which re-arms the queue's interrupt). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "desc.h"
#include "log.h"
#include "queue.h"
#include "regs.h"
#include "ring.h"

static void post(struct tonic_rxq *r, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        uint64_t dma;

        tonic_q_buf(&r->q, r->prod, &dma);
        tonic_rxd_encode(tonic_q_desc(&r->q, r->prod), dma, r->q.cfg.buf_size);
        r->prod = tonic_ring_add(r->prod, 1, r->q.mask);
    }
}

int tonic_rxq_create(struct tonic_dev *dev, unsigned qid, const struct tonic_queue_config *cfg,
                     struct tonic_rxq **out)
{
    struct tonic_rxq *r;
    int err;

    *out = NULL;
    r = calloc(1, sizeof(*r));
    if (!r)
        return tonic_error(-ENOMEM, "out of memory");
    err = tonic_q_create(&r->q, dev, true, qid, cfg);
    if (err) {
        free(r);
        return err;
    }
    post(r, r->q.mask);
    tonic_wr32(dev, r->q.regs + TONIC_Q_PROD, r->prod);
    err = tonic_io_err(dev);
    if (err) {
        tonic_q_destroy(&r->q);
        free(r);
        return err;
    }
    dev->rxq[qid] = r;
    *out = r;
    return 0;
}

int tonic_rxq_destroy(struct tonic_rxq *r)
{
    int err;

    if (!r)
        return 0;
    err = tonic_q_destroy(&r->q);
    r->q.dev->rxq[r->q.qid] = NULL;
    free(r);
    return err;
}

int tonic_rx_poll(struct tonic_rxq *r, void *buf, size_t cap, struct tonic_rx_meta *meta)
{
    struct tonic_qbase *q = &r->q;
    const void *e = tonic_q_cpl(q, q->cq_cons);
    struct tonic_rx_meta m;
    size_t avail, left;
    uint8_t *dst = buf;
    int err = tonic_q_check(q);

    if (err)
        return err;
    if (!tonic_rxc_ready(e, q->phase))
        return 0;
    tonic_rxc_decode(e, &m);
    if (m.ndesc == 0 || m.desc_idx != r->clean || m.ndesc > tonic_ring_used(r->prod, r->clean, q->mask))
        return tonic_q_fail(q, -EPROTO, "completion %u names buffers %u+%u, the next posted is %u (%u posted)",
                            q->cq_cons, m.desc_idx, m.ndesc, r->clean, tonic_ring_used(r->prod, r->clean, q->mask));
    avail = (size_t)m.ndesc * q->cfg.buf_size;
    if (m.status == TONIC_RX_ST_OK && m.len > avail)
        return tonic_q_fail(q, -EPROTO, "completion %u: %u bytes in %u buffers of %u", q->cq_cons, m.len, m.ndesc,
                            q->cfg.buf_size);
    left = m.len < avail ? m.len : avail;
    if (left > cap)
        left = cap;
    m.truncated = m.len > cap;
    for (unsigned i = 0; i < m.ndesc && left; i++) {
        const uint8_t *src = tonic_q_buf(q, tonic_ring_add(m.desc_idx, i, q->mask), NULL);
        size_t chunk = left < q->cfg.buf_size ? left : q->cfg.buf_size;

        memcpy(dst, src, chunk);
        dst += chunk;
        left -= chunk;
    }
    r->clean = tonic_ring_add(r->clean, m.ndesc, q->mask);
    q->cq_cons = tonic_cq_next(q->cq_cons, q->mask, &q->phase);
    post(r, m.ndesc);
    tonic_wr32(q->dev, q->regs + TONIC_Q_PROD, r->prod);
    tonic_wr32(q->dev, q->regs + TONIC_Q_CQ_CONS, q->cq_cons);
    if (meta)
        *meta = m;
    err = tonic_io_err(q->dev);
    return err ? err : 1;
}

static bool rx_ready(void *arg)
{
    struct tonic_rxq *r = arg;

    return tonic_rxc_ready(tonic_q_cpl(&r->q, r->q.cq_cons), r->q.phase);
}

int tonic_rx_wait(struct tonic_rxq *r, int timeout_ms)
{
    int err = tonic_q_check(&r->q);

    if (err)
        return err;
    err = tonic_q_wait(&r->q, rx_ready, r, timeout_ms);
    if (err == -ETIMEDOUT)
        return tonic_error(err, "RX queue %u: no frame within %d ms", r->q.qid, timeout_ms);
    return err;
}

int tonic_rx_recv(struct tonic_rxq *r, void *buf, size_t cap, struct tonic_rx_meta *meta, int timeout_ms)
{
    int err = tonic_rx_wait(r, timeout_ms);

    return err ? err : tonic_rx_poll(r, buf, cap, meta);
}
