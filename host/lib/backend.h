/* SPDX-License-Identifier: MIT */
/* backend.h — the ops table between the device layer and a transport (cf. ixy's device.h).
 *
 * A backend gives 32-bit BAR0 access, DMA-able memory regions and interrupt waits. Two exist:
 * backend_sim.c (tonic-sim over a UNIX socket, see sim_proto.h) and backend_pci.c (sysfs BAR0
 * mmap, hugepage memory). Everything above this table is one code path.
 *
 * Ordering contract, which the register accessors in regs.h rely on:
 *  - mmio_write32 is posted; writes reach the device in program order, and after every store the
 *    CPU made to DMA memory before the call (the caller issues a release fence first).
 *  - mmio_read32 is non-posted: it returns after the device answered, and observes every earlier
 *    write. */
#ifndef TONIC_BACKEND_H
#define TONIC_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "tonic/tonic.h"

/* A block of DMA-able host memory. Its DMA (bus) address is linear inside each segment of
 * seg_size bytes (the whole region in the simulator, one hugepage on hardware). */
struct tonic_dma_region {
    void *va;
    size_t size;
    size_t seg_size;
    unsigned nseg;
    uint64_t *seg_dma; /* nseg entries: DMA address of each segment's first byte */
    void *priv;        /* backend's */
};

struct tonic_backend_info {
    const char *name;    /* "sim", "pci" */
    uint32_t bar_size;
    uint64_t clk_hz;     /* 0 if the backend does not know */
    unsigned num_irq;
    bool has_irq;        /* wait_irq works; otherwise the caller polls */
    bool has_cycles;     /* the INFO fields below are valid */
    uint64_t cycles;     /* sim: simulated cycles so far */
    uint64_t dma_faults; /* sim: DMA accesses refused so far */
};

struct tonic_backend;

struct tonic_backend_ops {
    int (*mmio_read32)(struct tonic_backend *be, uint32_t off, uint32_t *val);
    int (*mmio_write32)(struct tonic_backend *be, uint32_t off, uint32_t val);
    int (*dma_alloc)(struct tonic_backend *be, size_t size, struct tonic_dma_region *r);
    void (*dma_free)(struct tonic_backend *be, struct tonic_dma_region *r);
    /* Waits up to timeout_ms for an interrupt whose vector is in vec_mask (bit v = vector v;
     * vectors >= 64 are never reported). Consumes and returns the pending ones in *fired: 0, or
     * -ETIMEDOUT, -EOPNOTSUPP (no interrupts: poll), another error if the link died. */
    int (*wait_irq)(struct tonic_backend *be, uint64_t vec_mask, int timeout_ms, uint64_t *fired);
    /* Refreshes the dynamic part of the info (sim: cycles and DMA faults). */
    int (*info)(struct tonic_backend *be, struct tonic_backend_info *info);
    void (*close)(struct tonic_backend *be);
};

struct tonic_backend {
    const struct tonic_backend_ops *ops;
    struct tonic_backend_info info; /* static part filled at attach */
    uint64_t irqs;                  /* interrupt messages received */
    void *priv;
};

int tonic_sim_attach(const char *path, const struct tonic_config *cfg, struct tonic_backend **out);
int tonic_pci_attach(const struct tonic_addr *addr, const struct tonic_config *cfg,
                     struct tonic_backend **out);

/* time helpers shared by the backends and the wait loops */
uint64_t tonic_now_ns(void);
int tonic_ms_left(uint64_t deadline_ns); /* 0 when past */

#endif /* TONIC_BACKEND_H */
