/* SPDX-License-Identifier: MIT */
/* test_dma_pool.c — the DMA allocator over a fake backend whose regions are made of 8 KiB
 * "hugepages" with scattered, not always 4 KiB-aligned DMA addresses: alignment in DMA space,
 * chunks never crossing a segment, growth to max_regions, exhaustion, free and reuse, zeroing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "dma_pool.h"
#include "test.h"

#define SEG 8192u
#define REGION (8 * SEG)

static unsigned allocs, frees;
static char logged[512];

static void capture(int level, const char *msg, void *arg)
{
    (void)arg;
    snprintf(logged, sizeof(logged), "%d %s", level, msg);
}
static int fail_next;

static int fb_alloc(struct tonic_backend *be, size_t size, struct tonic_dma_region *r)
{
    (void)be;
    if (fail_next)
        return -ENOMEM;
    r->va = aligned_alloc(4096, size);
    r->size = size;
    r->seg_size = SEG;
    r->nseg = (unsigned)(size / SEG);
    r->seg_dma = calloc(r->nseg, sizeof(uint64_t));
    for (unsigned k = 0; k < r->nseg; k++) /* descending, odd segments start 64 bytes past 4 KiB */
        r->seg_dma[k] = 0x40000000ull + allocs * 0x10000000ull + (r->nseg - 1 - k) * 0x100000ull + (k % 2 ? 0x40 : 0);
    allocs++;
    return 0;
}

static void fb_free(struct tonic_backend *be, struct tonic_dma_region *r)
{
    (void)be;
    free(r->va);
    free(r->seg_dma);
    frees++;
}

static const struct tonic_backend_ops fb_ops = {.dma_alloc = fb_alloc, .dma_free = fb_free};

/* DMA address of b computed independently from the region's segment table */
static uint64_t dma_of(const struct tonic_dma_pool *p, const struct tonic_dma_buf *b)
{
    const struct tonic_dma_region *r = &p->regions[b->region].r;

    return r->seg_dma[b->off / SEG] + b->off % SEG;
}

static int in_one_segment(const struct tonic_dma_buf *b)
{
    return b->off / SEG == (b->off + b->size - 1) / SEG;
}

int main(void)
{
    struct tonic_backend be = {.ops = &fb_ops};
    struct tonic_dma_pool p;
    struct tonic_dma_buf a, b, c, chunks[256], again;
    unsigned n = 0;
    int err;

    CHECK_EQ(tonic_dma_pool_init(&p, &be, REGION, 2), 0);
    CHECK_EQ(p.nregions, 0); /* lazy: no memory until the first allocation */

    CHECK_EQ(tonic_dma_alloc(&p, 100, 64, &a), 0);
    CHECK_EQ(p.nregions, 1);
    CHECK_EQ(a.size, 128); /* rounded up to 64 bytes */
    CHECK_EQ(a.off, 0);
    CHECK_EQ(a.dma, dma_of(&p, &a));
    CHECK_EQ(a.dma % 64, 0);

    CHECK_EQ(tonic_dma_alloc(&p, 4096, 4096, &b), 0);
    CHECK_EQ(b.dma % 4096, 0);
    CHECK_EQ(b.dma, dma_of(&p, &b));
    CHECK(in_one_segment(&b));
    CHECK_EQ(b.off, 4096); /* segment 0 starts 4 KiB aligned: the first aligned slot after a */

    CHECK_EQ(tonic_dma_alloc(&p, 4096, 4096, &c), 0); /* segment 1 starts at DMA ...040 */
    CHECK_EQ(c.dma % 4096, 0);
    CHECK_EQ(c.off, SEG + 4096 - 64);
    CHECK(in_one_segment(&c));

    CHECK_EQ(tonic_dma_alloc(&p, SEG + 1, 64, &again), -EINVAL);
    CHECK_STR(tonic_last_error(),
              "DMA allocation of 8256 bytes (aligned to 64) does not fit one contiguous DMA segment of 8192 bytes");
    CHECK_EQ(tonic_dma_alloc(&p, 64, 3, &again), -EINVAL);
    CHECK_STR(tonic_last_error(), "bad DMA allocation: 64 bytes aligned to 3");
    CHECK_EQ(tonic_dma_alloc(&p, 0, 64, &again), -EINVAL);
    tonic_dma_free(&p, &c);
    CHECK_EQ(c.va, NULL);

    /* fill the pool with 3000-byte chunks (two per 8 KiB segment) until it runs out */
    for (;;) {
        err = tonic_dma_alloc(&p, 3000, 64, &chunks[n]);
        if (err)
            break;
        CHECK(in_one_segment(&chunks[n]));
        CHECK_EQ(chunks[n].dma, dma_of(&p, &chunks[n]));
        ((unsigned char *)chunks[n].va)[0] = 0xAA;
        n++;
    }
    CHECK_EQ(err, -ENOMEM);
    CHECK_STR(tonic_last_error(), "DMA memory exhausted: 3008 bytes requested, 97472 of 131072 bytes in 2 "
                                  "region(s) in use (raise dma_region_size or dma_max_regions)");
    CHECK_EQ(p.nregions, 2);
    CHECK_EQ(allocs, 2);
    CHECK_EQ(n, 2 * 8 * 2 - 1); /* two per segment, but segment 0 holds a and b and room for one */
    for (unsigned i = 0; i < n; i++) /* no two chunks overlap */
        for (unsigned j = i + 1; j < n; j++)
            CHECK(chunks[i].region != chunks[j].region || chunks[i].off + chunks[i].size <= chunks[j].off ||
                  chunks[j].off + chunks[j].size <= chunks[i].off);

    /* free one in the middle: the same place is found again, zeroed */
    again = chunks[7];
    tonic_dma_free(&p, &chunks[7]);
    CHECK_EQ(tonic_dma_alloc(&p, 3000, 64, &chunks[7]), 0);
    CHECK_EQ(chunks[7].va, again.va);
    CHECK_EQ(((unsigned char *)chunks[7].va)[0], 0);
    CHECK_EQ(tonic_dma_alloc(&p, 3000, 64, &again), -ENOMEM);

    /* freeing something twice is refused with a warning, not a crash */
    again = chunks[3];
    tonic_dma_free(&p, &chunks[3]);
    tonic_set_log(capture, NULL, TONIC_LOG_WARN);
    tonic_dma_free(&p, &again);
    tonic_set_log(NULL, NULL, TONIC_LOG_WARN);
    CHECK_STR(logged, "1 freeing a DMA chunk the pool does not know (region 0 offset 0x4000): ignored");
    CHECK_EQ(p.used, 128 + 4096 + (n - 1) * 3008ull);

    tonic_dma_pool_fini(&p);
    CHECK_EQ(frees, 2);

    /* a backend that cannot give memory: its error comes through */
    fail_next = 1;
    CHECK_EQ(tonic_dma_pool_init(&p, &be, REGION, 1), 0);
    CHECK_EQ(tonic_dma_alloc(&p, 64, 64, &a), -ENOMEM);
    tonic_dma_pool_fini(&p);
    TEST_DONE();
}
