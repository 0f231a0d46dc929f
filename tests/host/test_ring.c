/* SPDX-License-Identifier: MIT */
/* test_ring.c — ring index arithmetic: sizes, wrap, free/used counts, the outstanding window and
 * the completion phase across wraps (docs/dma.md: phase 1 on the first pass, flips per wrap). */
#include "ring.h"
#include "test.h"

int main(void)
{
    uint32_t phase, idx;

    CHECK_EQ(tonic_ring_log2(16), 4);
    CHECK_EQ(tonic_ring_log2(256), 8);
    CHECK_EQ(tonic_ring_log2(4096), 12);
    CHECK_EQ(tonic_ring_log2(8), -1);
    CHECK_EQ(tonic_ring_log2(8192), -1);
    CHECK_EQ(tonic_ring_log2(100), -1);
    CHECK_EQ(tonic_ring_log2(0), -1);

    /* mask 15: a 16-entry ring */
    CHECK_EQ(tonic_ring_add(14, 3, 15), 1);
    CHECK_EQ(tonic_ring_add(0, 16, 15), 0);
    CHECK_EQ(tonic_ring_used(5, 5, 15), 0);
    CHECK_EQ(tonic_ring_free(5, 5, 15), 15); /* at most N-1 outstanding */
    CHECK_EQ(tonic_ring_used(2, 14, 15), 4); /* prod wrapped past cons */
    CHECK_EQ(tonic_ring_free(2, 14, 15), 11);
    CHECK_EQ(tonic_ring_used(4, 5, 15), 15); /* full */
    CHECK_EQ(tonic_ring_free(4, 5, 15), 0);

    /* outstanding window [cons, prod) across the wrap */
    CHECK(tonic_ring_outstanding(14, 2, 14, 15));
    CHECK(tonic_ring_outstanding(15, 2, 14, 15));
    CHECK(tonic_ring_outstanding(0, 2, 14, 15));
    CHECK(tonic_ring_outstanding(1, 2, 14, 15));
    CHECK(!tonic_ring_outstanding(2, 2, 14, 15));
    CHECK(!tonic_ring_outstanding(13, 2, 14, 15));
    CHECK(!tonic_ring_outstanding(3, 3, 3, 15)); /* empty ring */

    /* phase: 1 during the first pass, 0 during the second, 1 again on the third */
    phase = 1;
    idx = 0;
    for (int i = 0; i < 15; i++)
        idx = tonic_cq_next(idx, 15, &phase);
    CHECK_EQ(idx, 15);
    CHECK_EQ(phase, 1);
    idx = tonic_cq_next(idx, 15, &phase);
    CHECK_EQ(idx, 0);
    CHECK_EQ(phase, 0);
    for (int i = 0; i < 16; i++)
        idx = tonic_cq_next(idx, 15, &phase);
    CHECK_EQ(idx, 0);
    CHECK_EQ(phase, 1);
    TEST_DONE();
}
