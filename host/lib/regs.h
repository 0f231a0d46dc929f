/* SPDX-License-Identifier: MIT */
/* regs.h — BAR0 register accessors of the device layer, and their barriers.
 *
 * Register offsets come only from the generated tonic_regs.h (rtl/regs/tonic_regs.toml); this file
 * adds the access discipline (docs/dma.md, "Queue model"):
 *
 *  - tonic_wr32() is a posted write. It starts with a release fence, so every store the CPU made to
 *    DMA memory before it (descriptors, the buffers they point to) is visible to the device before
 *    the register write (the doorbell) arrives. On x86 stores to write-back memory are not
 *    reordered with a later uncached store; on the simulator the write is a sendmsg() system call;
 *    the fence keeps the compiler (and weaker CPUs) from moving the stores past it.
 *  - tonic_rd32() is non-posted and waits for the device: it observes every earlier write (PCIe
 *    ordering; the simulator applies messages in order). Use it as the flush of posted writes.
 *  - Completion entries are read with tonic_dma_load_acquire() on the phase word first (desc.h).
 *
 * When the link to the device fails, the first error is latched in the device: reads then return
 * all-ones (like a PCIe master abort) and writes are dropped without touching the backend. Loops
 * must check tonic_io_err(); every public function returns it. */
#ifndef TONIC_REGS_ACCESS_H
#define TONIC_REGS_ACCESS_H

#include "device.h"
#include "tonic_regs.h"

uint32_t tonic_rd32(struct tonic_dev *dev, uint32_t off);
void tonic_wr32(struct tonic_dev *dev, uint32_t off, uint32_t val);
/* LO then HI: the device latches HI when LO is read (STATS counters, CTRL.CYCLES). */
uint64_t tonic_rd64_lohi(struct tonic_dev *dev, uint32_t lo_off);

/* Polls reg until (value & mask) == want: 0, -ETIMEDOUT (no message set) or a link error. */
int tonic_poll_reg(struct tonic_dev *dev, uint32_t reg, uint32_t mask, uint32_t want, unsigned timeout_ms);

/* 0, or the latched link error (its message is raised again for tonic_last_error()). */
int tonic_io_err(struct tonic_dev *dev);

/* Waits for interrupts on the device's backend (see tonic_backend_ops.wait_irq); latches link
 * errors. */
int tonic_dev_wait_irq(struct tonic_dev *dev, uint64_t vec_mask, int timeout_ms);

#endif /* TONIC_REGS_ACCESS_H */
