/* SPDX-License-Identifier: MIT */
/* ring.h — ring index arithmetic (docs/dma.md, "Queue model").
 *
 * Rings have N = 2^k entries, indices 0..N-1 that wrap (mask = N-1). The host owns PROD, the
 * device CONS; the ring is empty when PROD == CONS, so at most N-1 entries are outstanding.
 * Completion rings carry a phase bit that is 1 on the first pass and flips at every wrap. */
#ifndef TONIC_RING_H
#define TONIC_RING_H

#include <stdbool.h>
#include <stdint.h>

#define TONIC_RING_MIN_LOG2 4u
#define TONIC_RING_MAX_LOG2 12u

/* log2 of a legal ring size (power of two, 16..4096), else -1 */
static inline int tonic_ring_log2(unsigned n)
{
    for (unsigned k = TONIC_RING_MIN_LOG2; k <= TONIC_RING_MAX_LOG2; k++)
        if (n == 1u << k)
            return (int)k;
    return -1;
}

static inline uint32_t tonic_ring_add(uint32_t i, uint32_t n, uint32_t mask)
{
    return (i + n) & mask;
}

/* entries between cons (inclusive) and prod (exclusive) */
static inline uint32_t tonic_ring_used(uint32_t prod, uint32_t cons, uint32_t mask)
{
    return (prod - cons) & mask;
}

/* entries the producer may still fill (one always stays empty) */
static inline uint32_t tonic_ring_free(uint32_t prod, uint32_t cons, uint32_t mask)
{
    return mask - tonic_ring_used(prod, cons, mask);
}

/* is idx among the outstanding entries [cons, prod)? */
static inline bool tonic_ring_outstanding(uint32_t idx, uint32_t prod, uint32_t cons, uint32_t mask)
{
    return ((idx - cons) & mask) < tonic_ring_used(prod, cons, mask);
}

/* next completion index; flips *phase when it wraps to 0 */
static inline uint32_t tonic_cq_next(uint32_t i, uint32_t mask, uint32_t *phase)
{
    i = (i + 1) & mask;
    if (i == 0)
        *phase ^= 1u;
    return i;
}

#endif /* TONIC_RING_H */
