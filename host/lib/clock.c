/* SPDX-License-Identifier: MIT */
/* clock.c — monotonic time for timeouts and for the MMIO round-trip statistics. */
#include <time.h>

#include "backend.h"

uint64_t tonic_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int tonic_ms_left(uint64_t deadline_ns)
{
    uint64_t now = tonic_now_ns();

    if (now >= deadline_ns)
        return 0;
    /* round up so that a caller never busy-loops on a sub-millisecond remainder */
    return (int)((deadline_ns - now + 999999) / 1000000);
}
