/* SPDX-License-Identifier: MIT */
/* hugemem.h — DMA memory for the real device: hugepages with physical addresses (as ixy does). */
#ifndef TONIC_HUGEMEM_H
#define TONIC_HUGEMEM_H

#include <stdint.h>

#include "backend.h"

/* Maps size bytes (rounded up to the hugepage size) of locked hugepage memory and translates each
 * hugepage to its physical address: one DMA segment per hugepage. */
int tonic_huge_alloc(size_t size, struct tonic_dma_region *r);
void tonic_huge_free(struct tonic_dma_region *r);
/* Physical address of a mapped, present page through /proc/self/pagemap (needs CAP_SYS_ADMIN). */
int tonic_virt_to_phys(const void *va, uint64_t *pa);

#endif /* TONIC_HUGEMEM_H */
