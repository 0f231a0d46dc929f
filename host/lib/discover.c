/* SPDX-License-Identifier: MIT */
/* discover.c — identity check and the register block chain walk (DESIGN.md "Register map").
 *
 * IDENT sits at BAR0 offset 0 and its MAGIC must read TONIC_MAGIC; anything else is not a tonic
 * device. Every block starts with TYPE, VERSION, NEXT; the walk follows NEXT from offset 0 and
 * stops at NEXT == 0. A NEXT that is unaligned, points outside BAR0 or revisits a block is an
 * error, as is a chain longer than TONIC_MAX_BLOCKS. Blocks of unknown type are listed and skipped;
 * a known type with a version this driver does not know is refused. */
#include <errno.h>
#include <string.h>

#include "log.h"
#include "regs.h"

#define BLOCK_HDR_BYTES 0x0Cu
#define DRIVER_BLOCK_VERSION 1u /* every block type this driver knows is at version 1 */
#define QREGS_BYTES (TONIC_Q_QSTATUS + 4u)
#define DEFAULT_DMA_SG 16u      /* docs/dma.md: CAPS.DMA_SG (16) */
#define DEFAULT_MAX_FRAME 9216u

static int walk_chain(struct tonic_dev *dev)
{
    uint32_t bar = dev->be->info.bar_size;
    uint32_t off = 0;
    int err;

    dev->nblocks = 0;
    for (;;) {
        struct tonic_block *b;

        if (dev->nblocks == TONIC_MAX_BLOCKS)
            return tonic_error(-EPROTO, "register block chain is longer than %u blocks", TONIC_MAX_BLOCKS);
        b = &dev->blocks[dev->nblocks++];
        b->offset = off;
        b->type = tonic_rd32(dev, off + 0x0);
        b->version = tonic_rd32(dev, off + 0x4);
        b->next = tonic_rd32(dev, off + 0x8);
        err = tonic_io_err(dev);
        if (err)
            return err;
        if (b->next == 0)
            return 0;
        if (b->next & 3)
            return tonic_error(-EPROTO, "register block chain: NEXT 0x%x of the %s block at 0x%x is not 4-byte aligned",
                               b->next, tonic_block_name(b->type), off);
        if ((uint64_t)b->next + BLOCK_HDR_BYTES > bar)
            return tonic_error(-EPROTO,
                               "register block chain: NEXT 0x%x of the %s block at 0x%x points outside BAR0 (0x%x bytes)",
                               b->next, tonic_block_name(b->type), off, bar);
        for (unsigned i = 0; i < dev->nblocks; i++)
            if (dev->blocks[i].offset == b->next)
                return tonic_error(-EPROTO,
                                   "register block chain: NEXT of the %s block at 0x%x loops back to 0x%x",
                                   tonic_block_name(b->type), off, b->next);
        off = b->next;
    }
}

static int check_queue_block(struct tonic_dev *dev, uint32_t blk, uint32_t count_reg, uint32_t stride_reg,
                             uint32_t qbase, const char *name, unsigned *count, uint32_t *stride)
{
    uint32_t bar = dev->be->info.bar_size;
    int err;

    *count = tonic_rd32(dev, blk + count_reg);
    *stride = tonic_rd32(dev, blk + stride_reg);
    err = tonic_io_err(dev);
    if (err)
        return err;
    if (*count > TONIC_MAX_QUEUES)
        return tonic_error(-EPROTO, "%s block at 0x%x reports %u queues (at most %u)", name, blk, *count,
                           TONIC_MAX_QUEUES);
    if (*count && (*stride < QREGS_BYTES || (*stride & 3) ||
                   (uint64_t)blk + qbase + (uint64_t)*count * *stride > bar))
        return tonic_error(-EPROTO, "%s block at 0x%x: %u queues with stride 0x%x do not fit BAR0", name, blk,
                           *count, *stride);
    return 0;
}

static int read_ident(struct tonic_dev *dev)
{
    struct tonic_ident *id = &dev->ident;
    const uint32_t b = TONIC_IDENT_BASE;

    id->magic = tonic_rd32(dev, b + TONIC_IDENT_MAGIC);
    id->hw_version = tonic_rd32(dev, b + TONIC_IDENT_HW_VERSION);
    id->build_id = tonic_rd32(dev, b + TONIC_IDENT_BUILD_ID);
    id->clk_hz = tonic_rd32(dev, b + TONIC_IDENT_CLK_HZ);
    id->data_w = tonic_rd32(dev, b + TONIC_IDENT_DATA_W);
    id->num_txq = tonic_rd32(dev, b + TONIC_IDENT_NUM_TXQ);
    id->num_rxq = tonic_rd32(dev, b + TONIC_IDENT_NUM_RXQ);
    id->num_irq = tonic_rd32(dev, b + TONIC_IDENT_NUM_IRQ);
    id->max_frame = tonic_rd32(dev, b + TONIC_IDENT_MAX_FRAME);
    id->desc_format = tonic_rd32(dev, b + TONIC_IDENT_DESC_FORMAT);
    return tonic_io_err(dev);
}

int tonic_discover(struct tonic_dev *dev)
{
    struct tonic_layout *l = &dev->lay;
    uint32_t magic;
    int err;

    magic = tonic_rd32(dev, TONIC_IDENT_BASE + TONIC_IDENT_MAGIC);
    err = tonic_io_err(dev);
    if (err)
        return err;
    if (magic == 0xFFFFFFFFu)
        return tonic_error(-ENODEV, "%s: device does not respond (BAR0 reads all-ones)", dev->addr);
    if (magic != TONIC_MAGIC)
        return tonic_error(-ENODEV, "%s: not a tonic device: IDENT.MAGIC reads 0x%08x, expected 0x%08x",
                           dev->addr, magic, TONIC_MAGIC);
    err = walk_chain(dev);
    if (err)
        return err;
    if (dev->blocks[0].type != TONIC_BLK_IDENT)
        return tonic_error(-EPROTO, "the block at BAR0 offset 0 has type 0x%x, expected IDENT (0x%x)",
                           dev->blocks[0].type, TONIC_BLK_IDENT);

    l->caps = l->config = l->ctrl = l->stats = l->txq = l->rxq = l->mbox = l->fw = TONIC_NO_BLOCK;
    for (unsigned i = 0; i < dev->nblocks; i++) {
        const struct tonic_block *b = &dev->blocks[i];
        uint32_t *slot;

        switch (b->type) {
        case TONIC_BLK_IDENT: slot = NULL; break;
        case TONIC_BLK_CAPS: slot = &l->caps; break;
        case TONIC_BLK_CONFIG: slot = &l->config; break;
        case TONIC_BLK_CTRL: slot = &l->ctrl; break;
        case TONIC_BLK_STATS: slot = &l->stats; break;
        case TONIC_BLK_TXQ: slot = &l->txq; break;
        case TONIC_BLK_RXQ: slot = &l->rxq; break;
        case TONIC_BLK_MBOX: slot = &l->mbox; break;
        case TONIC_BLK_FW: slot = &l->fw; break;
        default:
            tonic_dbg("%s: skipping block of unknown type 0x%x at 0x%x", dev->addr, b->type, b->offset);
            continue;
        }
        if (b->version != DRIVER_BLOCK_VERSION)
            return tonic_error(-EPROTO, "%s block at 0x%x has version %u; this driver knows version %u",
                               tonic_block_name(b->type), b->offset, b->version, DRIVER_BLOCK_VERSION);
        if (slot && *slot != TONIC_NO_BLOCK)
            tonic_warn("%s: a second %s block at 0x%x is ignored", dev->addr, tonic_block_name(b->type), b->offset);
        else if (slot)
            *slot = b->offset;
    }

    err = read_ident(dev);
    if (err)
        return err;
    if (dev->ident.desc_format != TONIC_DESC_FORMAT)
        return tonic_error(-EPROTO, "%s: descriptor format %u, this driver speaks format %u", dev->addr,
                           dev->ident.desc_format, TONIC_DESC_FORMAT);
    if (l->txq != TONIC_NO_BLOCK) {
        err = check_queue_block(dev, l->txq, TONIC_TXQ_TXQ_COUNT, TONIC_TXQ_TXQ_STRIDE, TONIC_TXQ_QBASE, "TXQ", &l->num_txq,
                                &l->txq_stride);
        if (err)
            return err;
    }
    if (l->rxq != TONIC_NO_BLOCK) {
        err = check_queue_block(dev, l->rxq, TONIC_RXQ_RXQ_COUNT, TONIC_RXQ_RXQ_STRIDE, TONIC_RXQ_QBASE, "RXQ", &l->num_rxq,
                                &l->rxq_stride);
        if (err)
            return err;
    }
    if (l->num_txq != dev->ident.num_txq || l->num_rxq != dev->ident.num_rxq)
        tonic_warn("%s: IDENT says %u TX / %u RX queues, the queue blocks hold %u / %u; using the blocks",
                   dev->addr, dev->ident.num_txq, dev->ident.num_rxq, l->num_txq, l->num_rxq);
    dev->ident.dma_sg = l->caps != TONIC_NO_BLOCK ? tonic_rd32(dev, l->caps + TONIC_CAPS_DMA_SG) : 0;
    dev->lso_max = l->caps != TONIC_NO_BLOCK ? tonic_rd32(dev, l->caps + TONIC_CAPS_LSO_MAX) : 0;
    if (!dev->ident.dma_sg)
        dev->ident.dma_sg = DEFAULT_DMA_SG;
    if (!dev->ident.max_frame) {
        tonic_warn("%s: IDENT.MAX_FRAME is 0, assuming %u", dev->addr, DEFAULT_MAX_FRAME);
        dev->ident.max_frame = DEFAULT_MAX_FRAME;
    }
    return tonic_io_err(dev);
}
