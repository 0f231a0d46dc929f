/* SPDX-License-Identifier: MIT */
/* ctrl.c — global control and read-outs: CTRL (cycles, soft reset, RX default queue), CAPS and
 * CONFIG, the statistics counters, and the driver's own counters. */
#include <errno.h>
#include <string.h>

#include "log.h"
#include "regs.h"

static int need_block(const struct tonic_dev *dev, uint32_t blk, const char *name)
{
    if (blk == TONIC_NO_BLOCK)
        return tonic_error(-EOPNOTSUPP, "%s: the device has no %s block", dev->addr, name);
    return 0;
}

int tonic_cycles(struct tonic_dev *dev, uint64_t *cycles)
{
    int err = need_block(dev, dev->lay.ctrl, "CTRL");

    if (err)
        return err;
    *cycles = tonic_rd64_lohi(dev, dev->lay.ctrl + TONIC_CTRL_CYCLES_LO);
    return tonic_io_err(dev);
}

int tonic_soft_reset(struct tonic_dev *dev)
{
    int err = need_block(dev, dev->lay.ctrl, "CTRL");

    if (err)
        return err;
    for (unsigned i = 0; i < TONIC_MAX_QUEUES; i++)
        if (dev->txq[i] || dev->rxq[i])
            return tonic_error(-EBUSY, "%s: soft reset refused while this handle has queues open", dev->addr);
    tonic_wr32(dev, dev->lay.ctrl + TONIC_CTRL_CTRL, TONIC_CTRL_CTRL_SOFT_RESET);
    err = tonic_poll_reg(dev, dev->lay.ctrl + TONIC_CTRL_CTRL, TONIC_CTRL_CTRL_SOFT_RESET, 0, dev->cfg.reg_timeout_ms);
    if (err == -ETIMEDOUT)
        return tonic_error(err, "%s: CTRL.SOFT_RESET did not clear within %u ms", dev->addr,
                           dev->cfg.reg_timeout_ms);
    return err;
}

int tonic_set_rx_default_queue(struct tonic_dev *dev, unsigned qid)
{
    int err = need_block(dev, dev->lay.ctrl, "CTRL");

    if (err)
        return err;
    if (qid >= dev->lay.num_rxq)
        return tonic_error(-EINVAL, "%s: RX queue %u does not exist (the device has %u)", dev->addr, qid,
                           dev->lay.num_rxq);
    tonic_wr32(dev, dev->lay.ctrl + TONIC_CTRL_RX_DEFAULT_QUEUE, qid);
    if (tonic_rd32(dev, dev->lay.ctrl + TONIC_CTRL_RX_DEFAULT_QUEUE) != qid && !dev->io_err)
        return tonic_error(-EIO, "%s: the device refused RX_DEFAULT_QUEUE = %u", dev->addr, qid);
    return tonic_io_err(dev);
}

static int read_offload(struct tonic_dev *dev, uint32_t blk, const char *name, struct tonic_offload *o)
{
    int err = need_block(dev, blk, name);

    memset(o, 0, sizeof(*o));
    if (err)
        return err;
    /* CAPS and CONFIG share the offload layout, so the CAPS offsets serve both */
    o->csum = tonic_rd32(dev, blk + TONIC_CAPS_CSUM);
    o->lso = tonic_rd32(dev, blk + TONIC_CAPS_LSO);
    o->lso_max = tonic_rd32(dev, blk + TONIC_CAPS_LSO_MAX);
    o->lso_min_seg = tonic_rd32(dev, blk + TONIC_CAPS_LSO_MIN_SEG);
    o->rsc = tonic_rd32(dev, blk + TONIC_CAPS_RSC);
    o->encap = tonic_rd32(dev, blk + TONIC_CAPS_ENCAP);
    o->encap_maxhdr = tonic_rd32(dev, blk + TONIC_CAPS_ENCAP_MAXHDR);
    o->ipsec = tonic_rd32(dev, blk + TONIC_CAPS_IPSEC);
    o->ipsec_algs = tonic_rd32(dev, blk + TONIC_CAPS_IPSEC_ALGS);
    o->ipsec_sas = tonic_rd32(dev, blk + TONIC_CAPS_IPSEC_SAS);
    o->dma_sg = tonic_rd32(dev, blk + TONIC_CAPS_DMA_SG);
    return tonic_io_err(dev);
}

int tonic_read_caps(struct tonic_dev *dev, struct tonic_offload *caps)
{
    return read_offload(dev, dev->lay.caps, "CAPS", caps);
}

int tonic_read_offload_config(struct tonic_dev *dev, struct tonic_offload *cfg)
{
    return read_offload(dev, dev->lay.config, "CONFIG", cfg);
}

int tonic_stats_read(struct tonic_dev *dev, uint64_t *vals)
{
    int err = need_block(dev, dev->lay.stats, "STATS");

    if (err)
        return err;
    for (unsigned i = 0; i < TONIC_STATS_NUM; i++)
        vals[i] = tonic_rd64_lohi(dev, dev->lay.stats + TONIC_STATS_TX_FRAMES_LO + 8 * i);
    return tonic_io_err(dev);
}

int tonic_stats_clear(struct tonic_dev *dev)
{
    int err = need_block(dev, dev->lay.stats, "STATS");

    if (err)
        return err;
    tonic_wr32(dev, dev->lay.stats + TONIC_STATS_STATS_CTRL, 1);
    err = tonic_poll_reg(dev, dev->lay.stats + TONIC_STATS_STATS_CTRL, 1, 0, dev->cfg.reg_timeout_ms);
    if (err == -ETIMEDOUT)
        return tonic_error(err, "%s: STATS_CTRL.CLEAR did not clear within %u ms", dev->addr,
                           dev->cfg.reg_timeout_ms);
    return err;
}

void tonic_drv_stats(const struct tonic_dev *dev, struct tonic_drv_stats *st)
{
    memset(st, 0, sizeof(*st));
    st->mmio_reads = dev->mmio_reads;
    st->mmio_writes = dev->mmio_writes;
    st->mmio_read_ns = dev->mmio_read_ns;
    st->irqs = dev->be->irqs;
    st->dma_bytes = dev->pool.mapped;
}
