/* SPDX-License-Identifier: MIT */
/* dma_pool.h — the DMA memory allocator on top of backend regions.
 *
 * The pool takes regions from the backend lazily (the first on the first allocation; default one
 * 64 MiB region, growing up to max_regions) and hands out chunks that are a multiple of 64 bytes,
 * aligned (in DMA address space) to a power of two >= 64, and never cross a DMA segment boundary,
 * so that every chunk has one linear DMA address. Allocation is first fit over a sorted list of
 * used extents: rings and buffers are allocated when queues are created, not per packet. */
#ifndef TONIC_DMA_POOL_H
#define TONIC_DMA_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "backend.h"

#define TONIC_DMA_MIN_ALIGN 64u

struct tonic_dma_buf {
    void *va;
    uint64_t dma;
    size_t size;
    unsigned region;
    size_t off;
};

struct tonic_dma_extent {
    size_t off, size;
};

struct tonic_pool_region {
    struct tonic_dma_region r;
    struct tonic_dma_extent *ext; /* used extents, sorted by offset */
    unsigned n, cap;
};

struct tonic_dma_pool {
    struct tonic_backend *be;
    size_t region_size;
    unsigned max_regions;
    unsigned nregions;
    struct tonic_pool_region *regions; /* max_regions slots */
    size_t mapped;                     /* bytes taken from the backend */
    size_t used;                       /* bytes handed out */
};

int tonic_dma_pool_init(struct tonic_dma_pool *p, struct tonic_backend *be, size_t region_size,
                        unsigned max_regions);
/* Returns every region to the backend. Chunks still allocated become invalid. */
void tonic_dma_pool_fini(struct tonic_dma_pool *p);
/* size > 0, align a power of two (rounded up to 64). Memory is zeroed. */
int tonic_dma_alloc(struct tonic_dma_pool *p, size_t size, size_t align, struct tonic_dma_buf *out);
void tonic_dma_free(struct tonic_dma_pool *p, struct tonic_dma_buf *b);

#endif /* TONIC_DMA_POOL_H */
