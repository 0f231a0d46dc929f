/* SPDX-License-Identifier: MIT */
/* sim_proto.h — the message channel between a tonic driver process and tonic-sim.
 *
 * The simulated PCIe link: a UNIX SOCK_SEQPACKET socket carries fixed-size messages (MMIO reads and
 * writes, interrupts, memory registration); "host memory" is shared memory (a memfd the driver
 * creates and passes with SCM_RIGHTS), so device DMA is zero-copy. Every DMA address the device uses
 * must fall inside a region some connected driver registered; anything else is refused and reported
 * to the core as an AXI DECERR, like an IOMMU fault. Several drivers may be attached at once; each
 * sees every interrupt and ignores the vectors it does not own.
 *
 * Ordering is that of PCIe: MMIO writes are posted (no reply) and are applied in message order, so a
 * read after a write observes it. Replies to reads come back in order; IRQ messages may be interleaved
 * with them at any point. */
#ifndef TONIC_SIM_PROTO_H
#define TONIC_SIM_PROTO_H

#include <stdint.h>

#define TONIC_SIM_PROTO_VERSION 1u

enum tonic_sim_msg_type {
    TONIC_SIM_HELLO = 1,     /* drv->sim: addr = protocol version; reply HELLO: data = BAR0 size,
                                aux = core clock Hz, len = number of IRQ vectors */
    TONIC_SIM_MEM_ADD = 2,   /* drv->sim: SCM_RIGHTS fd of len=size bytes (data = size);
                                reply MEM_ADD: addr = DMA (bus) address of byte 0, or status != 0 */
    TONIC_SIM_MMIO_RD = 3,   /* drv->sim: addr = BAR0 offset, len = 4; reply MMIO_RD: data = value */
    TONIC_SIM_MMIO_WR = 4,   /* drv->sim: addr = BAR0 offset, len = 4, data = value; no reply */
    TONIC_SIM_IRQ = 5,       /* sim->drv: addr = vector */
    TONIC_SIM_INFO = 6,      /* drv->sim: reply INFO: addr = cycle count, data = DMA faults so far */
};

/* status values in replies */
#define TONIC_SIM_OK 0u
#define TONIC_SIM_EINVAL 1u   /* malformed request (bad size, unaligned MMIO, offset outside BAR0) */
#define TONIC_SIM_ENOMEM 2u   /* no room for another memory region */

struct tonic_sim_msg {
    uint32_t type;
    uint32_t status;
    uint32_t len;
    uint32_t seq;     /* echoed in the reply */
    uint64_t addr;
    uint64_t data;
    uint64_t aux;
};

/* DMA addresses of shared-memory regions: region k of the simulator starts at
 * TONIC_SIM_DMA_BASE + k * TONIC_SIM_DMA_STRIDE, so a stale address never aliases a new region. */
#define TONIC_SIM_DMA_BASE 0x0000001000000000ull
#define TONIC_SIM_DMA_STRIDE 0x0000000100000000ull
#define TONIC_SIM_MAX_REGIONS 64u

#endif /* TONIC_SIM_PROTO_H */
