/* SPDX-License-Identifier: MIT */
/* dma_pool.c — first-fit allocator of DMA chunks over backend regions (see dma_pool.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dma_pool.h"
#include "log.h"

int tonic_dma_pool_init(struct tonic_dma_pool *p, struct tonic_backend *be, size_t region_size,
                        unsigned max_regions)
{
    memset(p, 0, sizeof(*p));
    if (!region_size || !max_regions)
        return tonic_error(-EINVAL, "DMA pool needs a region size and at least one region");
    p->regions = calloc(max_regions, sizeof(*p->regions));
    if (!p->regions)
        return tonic_error(-ENOMEM, "out of memory");
    p->be = be;
    p->region_size = region_size;
    p->max_regions = max_regions;
    return 0;
}

void tonic_dma_pool_fini(struct tonic_dma_pool *p)
{
    for (unsigned i = 0; i < p->nregions; i++) {
        p->be->ops->dma_free(p->be, &p->regions[i].r);
        free(p->regions[i].ext);
    }
    free(p->regions);
    memset(p, 0, sizeof(*p));
}

static uint64_t region_dma(const struct tonic_dma_region *r, size_t off)
{
    return r->seg_dma[off / r->seg_size] + off % r->seg_size;
}

/* The first offset >= off where a chunk of size bytes starts DMA-aligned and stays inside one
 * segment; r->size if there is none. */
static size_t place(const struct tonic_dma_region *r, size_t off, size_t size, size_t align)
{
    while (off < r->size) {
        size_t seg = off / r->seg_size;
        uint64_t dma = region_dma(r, off);
        size_t adj = (size_t)((align - dma % align) % align);

        if ((off + adj) / r->seg_size != seg) {
            off = (seg + 1) * r->seg_size;
            continue;
        }
        off += adj;
        if ((off + size - 1) / r->seg_size != seg) {
            off = (seg + 1) * r->seg_size;
            continue;
        }
        return off;
    }
    return r->size;
}

static int region_alloc(struct tonic_pool_region *pr, size_t size, size_t align, size_t *off_out)
{
    size_t prev_end = 0;

    if (size > pr->r.seg_size)
        return -ENOSPC;
    for (unsigned i = 0; i <= pr->n; i++) {
        size_t gap_end = i < pr->n ? pr->ext[i].off : pr->r.size;
        size_t off = place(&pr->r, prev_end, size, align);

        if (off < pr->r.size && off + size <= gap_end) {
            if (pr->n == pr->cap) {
                unsigned cap = pr->cap ? pr->cap * 2 : 64;
                struct tonic_dma_extent *e = realloc(pr->ext, cap * sizeof(*e));

                if (!e)
                    return -ENOMEM;
                pr->ext = e;
                pr->cap = cap;
            }
            memmove(&pr->ext[i + 1], &pr->ext[i], (pr->n - i) * sizeof(*pr->ext));
            pr->ext[i].off = off;
            pr->ext[i].size = size;
            pr->n++;
            *off_out = off;
            return 0;
        }
        if (i < pr->n)
            prev_end = pr->ext[i].off + pr->ext[i].size;
    }
    return -ENOSPC;
}

static int add_region(struct tonic_dma_pool *p, size_t min_size)
{
    struct tonic_pool_region *pr = &p->regions[p->nregions];
    size_t size = p->region_size > min_size ? p->region_size : min_size;
    int err = p->be->ops->dma_alloc(p->be, size, &pr->r);

    if (err)
        return err;
    p->nregions++;
    p->mapped += pr->r.size;
    return 0;
}

int tonic_dma_alloc(struct tonic_dma_pool *p, size_t size, size_t align, struct tonic_dma_buf *out)
{
    struct tonic_pool_region *pr;
    size_t off = 0;
    unsigned i;
    int err = -ENOSPC;

    memset(out, 0, sizeof(*out));
    if (size == 0 || align == 0 || (align & (align - 1)))
        return tonic_error(-EINVAL, "bad DMA allocation: %zu bytes aligned to %zu", size, align);
    if (align < TONIC_DMA_MIN_ALIGN)
        align = TONIC_DMA_MIN_ALIGN;
    size = (size + TONIC_DMA_MIN_ALIGN - 1) & ~(size_t)(TONIC_DMA_MIN_ALIGN - 1);
    for (i = 0; i < p->nregions; i++) {
        err = region_alloc(&p->regions[i], size, align, &off);
        if (err != -ENOSPC)
            break;
    }
    if (err == -ENOSPC) {
        if (p->nregions == p->max_regions)
            return tonic_error(-ENOMEM,
                               "DMA memory exhausted: %zu bytes requested, %zu of %zu bytes in %u "
                               "region(s) in use (raise dma_region_size or dma_max_regions)",
                               size, p->used, p->mapped, p->nregions);
        err = add_region(p, size);
        if (err)
            return err;
        i = p->nregions - 1;
        err = region_alloc(&p->regions[i], size, align, &off);
        if (err == -ENOSPC)
            return tonic_error(-EINVAL,
                               "DMA allocation of %zu bytes (aligned to %zu) does not fit one contiguous "
                               "DMA segment of %zu bytes",
                               size, align, p->regions[i].r.seg_size);
    }
    if (err)
        return tonic_error(-ENOMEM, "out of memory");
    pr = &p->regions[i];
    out->va = (char *)pr->r.va + off;
    out->dma = region_dma(&pr->r, off);
    out->size = size;
    out->region = i;
    out->off = off;
    p->used += size;
    memset(out->va, 0, size);
    return 0;
}

void tonic_dma_free(struct tonic_dma_pool *p, struct tonic_dma_buf *b)
{
    struct tonic_pool_region *pr;
    unsigned lo = 0, hi;

    if (!b->va)
        return;
    if (b->region >= p->nregions)
        goto bad;
    pr = &p->regions[b->region];
    hi = pr->n;
    while (lo < hi) { /* binary search for the extent starting at b->off */
        unsigned mid = (lo + hi) / 2;

        if (pr->ext[mid].off < b->off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == pr->n || pr->ext[lo].off != b->off || pr->ext[lo].size != b->size)
        goto bad;
    memmove(&pr->ext[lo], &pr->ext[lo + 1], (pr->n - lo - 1) * sizeof(*pr->ext));
    pr->n--;
    p->used -= b->size;
    memset(b, 0, sizeof(*b));
    return;
bad:
    tonic_warn("freeing a DMA chunk the pool does not know (region %u offset 0x%zx): ignored", b->region, b->off);
}
