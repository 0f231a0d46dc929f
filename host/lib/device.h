/* SPDX-License-Identifier: MIT */
/* device.h — the device handle (internal). Configuration and discovered layout are fixed at open;
 * the mutable state is the queue table, the sticky I/O error and the driver's counters. */
#ifndef TONIC_DEVICE_H
#define TONIC_DEVICE_H

#include "backend.h"
#include "dma_pool.h"
#include "tonic/tonic.h"

#define TONIC_NO_BLOCK 0xFFFFFFFFu

struct tonic_layout { /* where discovery found things, in BAR0 */
    uint32_t caps, config, ctrl, stats, txq, rxq, mbox, fw; /* block offsets or TONIC_NO_BLOCK */
    uint32_t txq_stride, rxq_stride;
    unsigned num_txq, num_rxq;
};

struct tonic_dev {
    /* fixed at open */
    struct tonic_config cfg;
    char *addr;
    struct tonic_backend *be;
    struct tonic_ident ident;
    struct tonic_block blocks[TONIC_MAX_BLOCKS];
    unsigned nblocks;
    struct tonic_layout lay;
    uint32_t lso_max; /* CAPS.LSO_MAX: TX length limit of LSO frames (0: no LSO) */

    /* mutable */
    struct tonic_dma_pool pool;
    struct tonic_txq *txq[TONIC_MAX_QUEUES];
    struct tonic_rxq *rxq[TONIC_MAX_QUEUES];
    int io_err;          /* sticky: the link to the device failed */
    char io_msg[256];
    uint64_t mmio_reads, mmio_writes, mmio_read_ns;
    uint16_t mbox_seq;   /* sequence number of the next mailbox request */
};

/* discover.c: identity and the register block chain */
int tonic_discover(struct tonic_dev *dev);

#endif /* TONIC_DEVICE_H */
