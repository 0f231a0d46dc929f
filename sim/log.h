// SPDX-License-Identifier: MIT
// log.h — the simulator's one logging path.
//
// Every message goes to stderr prefixed "tonic-sim: ". Informational lines (client attach/detach,
// DMA faults) are suppressed by --quiet; warnings and errors never are. RateLimit keeps a device
// that faults on every burst from flooding the log: the first 16 events are logged, then one in
// 1024, each noting how many were counted so far.
#ifndef TONIC_SIM_LOG_H
#define TONIC_SIM_LOG_H

#include <cstdint>

void sim_set_quiet(bool quiet);
bool sim_quiet();
void sim_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sim_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct RateLimit {
    uint64_t count = 0;
    // Counts one event; true if this one should be logged.
    bool allow()
    {
        ++count;
        return count <= 16 || (count & 1023u) == 0;
    }
};

#endif // TONIC_SIM_LOG_H
