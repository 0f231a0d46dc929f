/* SPDX-License-Identifier: MIT */
/* txq.c — TX queues (docs/dma.md, "TX").
 *
 * Slot i of the ring always uses buffer i. A frame is copied into the buffers of consecutive free
 * slots (buf_size bytes each, or caller-chosen splits), one descriptor per buffer: EOP on the last,
 * the offload fields of the metadata on the first. The doorbell (PROD) is written every
 * doorbell_batch frames or by tonic_tx_flush. Completions are consumed by the phase bit; each names
 * the frame's last descriptor, and every descriptor up to it becomes free. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "desc.h"
#include "log.h"
#include "queue.h"
#include "regs.h"
#include "ring.h"

int tonic_txq_create(struct tonic_dev *dev, unsigned qid, const struct tonic_queue_config *cfg,
                     struct tonic_txq **out)
{
    struct tonic_txq *t;
    int err;

    *out = NULL;
    t = calloc(1, sizeof(*t));
    if (!t)
        return tonic_error(-ENOMEM, "out of memory");
    err = tonic_q_create(&t->q, dev, false, qid, cfg);
    if (err)
        goto err_free;
    t->cookie = calloc(t->q.size, sizeof(*t->cookie));
    if (!t->cookie) {
        tonic_q_destroy(&t->q);
        err = tonic_error(-ENOMEM, "out of memory");
        goto err_free;
    }
    dev->txq[qid] = t;
    *out = t;
    return 0;

err_free:
    free(t);
    return err;
}

int tonic_txq_destroy(struct tonic_txq *t)
{
    int err;

    if (!t)
        return 0;
    err = tonic_q_destroy(&t->q);
    t->q.dev->txq[t->q.qid] = NULL;
    free(t->cookie);
    free(t);
    return err;
}

unsigned tonic_tx_free_descs(const struct tonic_txq *t)
{
    return tonic_ring_free(t->prod, t->clean, t->q.mask);
}

unsigned tonic_tx_outstanding(const struct tonic_txq *t)
{
    return tonic_ring_used(t->prod, t->clean, t->q.mask);
}

int tonic_tx_flush(struct tonic_txq *t)
{
    if (t->prod != t->doorbell) {
        tonic_wr32(t->q.dev, t->q.regs + TONIC_Q_PROD, t->prod);
        t->doorbell = t->prod;
    }
    t->unflushed = 0;
    return tonic_io_err(t->q.dev);
}

/* Length of descriptor i of a frame cut into buf_size pieces (splits == NULL) or as given. */
static uint32_t piece_len(const struct tonic_txq *t, size_t len, const struct tonic_tx_split *sp, unsigned i)
{
    size_t off = (size_t)i * t->q.cfg.buf_size;

    if (sp)
        return sp[i].len;
    return (uint32_t)(len - off < t->q.cfg.buf_size ? len - off : t->q.cfg.buf_size);
}

static int check_frame(struct tonic_txq *t, size_t len, const struct tonic_tx_split *sp, unsigned n,
                       const struct tonic_tx_meta *meta)
{
    const struct tonic_dev *dev = t->q.dev;
    bool nocheck = meta && (meta->flags & TONIC_TXM_NOCHECK);
    bool lso = meta && (meta->flags & TONIC_TXM_LSO);
    uint32_t limit = lso && dev->lso_max ? dev->lso_max : dev->ident.max_frame;
    size_t sum = 0;

    if (len == 0 && !nocheck)
        return tonic_error(-EINVAL, "TX queue %u: empty frame", t->q.qid);
    if (n == 0)
        return tonic_error(-EINVAL, "TX queue %u: a frame needs at least one buffer", t->q.qid);
    if (n > t->q.mask)
        return tonic_error(-EMSGSIZE, "TX queue %u: a frame of %u buffers never fits a ring of %u", t->q.qid, n,
                           t->q.size);
    for (unsigned i = 0; sp && i < n; i++) {
        if ((uint64_t)sp[i].offset + sp[i].len > t->q.cfg.buf_size)
            return tonic_error(-EINVAL, "TX queue %u: split %u (%u bytes at offset %u) exceeds the %u-byte buffer",
                               t->q.qid, i, sp[i].len, sp[i].offset, t->q.cfg.buf_size);
        if (sp[i].len == 0 && !nocheck)
            return tonic_error(-EINVAL, "TX queue %u: split %u is empty", t->q.qid, i);
        sum += sp[i].len;
    }
    if (sp && sum != len)
        return tonic_error(-EINVAL, "TX queue %u: splits add up to %zu bytes, the frame has %zu", t->q.qid, sum, len);
    if (nocheck)
        return 0;
    if (len > limit)
        return tonic_error(-EMSGSIZE, "TX queue %u: frame of %zu bytes exceeds %s (%u)", t->q.qid, len,
                           lso && dev->lso_max ? "LSO_MAX" : "MAX_FRAME", limit);
    if (n > dev->ident.dma_sg)
        return tonic_error(-EMSGSIZE, "TX queue %u: frame needs %u buffers, the device takes at most %u (DMA_SG)",
                           t->q.qid, n, dev->ident.dma_sg);
    return 0;
}

static int tx_frame(struct tonic_txq *t, const uint8_t *frame, size_t len, const struct tonic_tx_split *sp,
                    unsigned n, const struct tonic_tx_meta *meta)
{
    size_t off = 0;
    int err = tonic_q_check(&t->q);

    if (err)
        return err;
    err = check_frame(t, len, sp, n, meta);
    if (err)
        return err;
    if (n > tonic_tx_free_descs(t)) {
        err = tonic_tx_flush(t);
        if (err)
            return err;
        return tonic_error(-EAGAIN, "TX queue %u is full (%u descriptors needed, %u free)", t->q.qid, n,
                           tonic_tx_free_descs(t));
    }
    for (unsigned i = 0; i < n; i++) {
        uint32_t slot = tonic_ring_add(t->prod, i, t->q.mask);
        uint32_t plen = piece_len(t, len, sp, i);
        uint32_t boff = sp ? sp[i].offset : 0;
        uint64_t dma;
        uint8_t *buf = tonic_q_buf(&t->q, slot, &dma);

        memcpy(buf + boff, frame + off, plen);
        tonic_txd_encode(tonic_q_desc(&t->q, slot), dma + boff, plen, i == n - 1, i == 0 ? meta : NULL);
        t->cookie[slot] = meta ? meta->cookie : 0;
        off += plen;
    }
    t->prod = tonic_ring_add(t->prod, n, t->q.mask);
    t->unflushed++;
    if (t->q.cfg.doorbell_batch && t->unflushed >= t->q.cfg.doorbell_batch)
        return tonic_tx_flush(t);
    return 0;
}

int tonic_tx_send(struct tonic_txq *t, const void *frame, size_t len, const struct tonic_tx_meta *meta)
{
    size_t n = (len + t->q.cfg.buf_size - 1) / t->q.cfg.buf_size;

    if (len == 0 && meta && (meta->flags & TONIC_TXM_NOCHECK))
        n = 1; /* one zero-length descriptor: lets tests provoke ZERO_LEN */
    if (n > UINT16_MAX)
        return tonic_error(-EMSGSIZE, "TX queue %u: frame of %zu bytes is far too long", t->q.qid, len);
    return tx_frame(t, frame, len, NULL, (unsigned)n, meta);
}

int tonic_tx_send_split(struct tonic_txq *t, const void *frame, size_t len, const struct tonic_tx_split *splits,
                        unsigned nsplit, const struct tonic_tx_meta *meta)
{
    return tx_frame(t, frame, len, splits, nsplit, meta);
}

int tonic_tx_reap(struct tonic_txq *t, struct tonic_tx_cpl *cpl, unsigned max)
{
    struct tonic_qbase *q = &t->q;
    unsigned n = 0;
    int err = tonic_q_check(q);

    if (err)
        return err;
    while (n < max) {
        const void *e = tonic_q_cpl(q, q->cq_cons);
        struct tonic_tx_cpl c;

        if (!tonic_txc_ready(e, q->phase))
            break;
        tonic_txc_decode(e, &c);
        if (!tonic_ring_outstanding(c.desc_idx, t->prod, t->clean, q->mask)) {
            err = tonic_q_fail(q, -EPROTO, "completion %u names descriptor %u, outstanding are %u..%u", q->cq_cons,
                               c.desc_idx, t->clean, tonic_ring_add(t->prod, q->mask, q->mask));
            break;
        }
        c.cookie = t->cookie[c.desc_idx];
        cpl[n++] = c;
        t->clean = tonic_ring_add(c.desc_idx, 1, q->mask);
        q->cq_cons = tonic_cq_next(q->cq_cons, q->mask, &q->phase);
    }
    if (n)
        tonic_wr32(q->dev, q->regs + TONIC_Q_CQ_CONS, q->cq_cons);
    if (err)
        return err;
    err = tonic_io_err(q->dev);
    return err ? err : (int)n;
}

static bool tx_ready(void *arg)
{
    struct tonic_txq *t = arg;

    return tonic_txc_ready(tonic_q_cpl(&t->q, t->q.cq_cons), t->q.phase);
}

int tonic_tx_wait(struct tonic_txq *t, int timeout_ms)
{
    int err = tonic_q_check(&t->q);

    if (err)
        return err;
    err = tonic_q_wait(&t->q, tx_ready, t, timeout_ms);
    if (err == -ETIMEDOUT)
        return tonic_error(err, "TX queue %u: no completion within %d ms (%u descriptors outstanding)", t->q.qid,
                           timeout_ms, tonic_tx_outstanding(t));
    return err;
}
