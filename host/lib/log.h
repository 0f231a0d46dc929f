/* SPDX-License-Identifier: MIT */
/* log.h — the library's one logging and error path.
 *
 * tonic_error() records a one-line message for tonic_last_error() (thread-local), logs it at debug
 * level (the caller decides whether the user sees it) and returns the negative errno it was given,
 * so error sites read `return tonic_error(-EINVAL, "...")`. tonic_log() is for everything else. */
#ifndef TONIC_LOG_H
#define TONIC_LOG_H

#include "tonic/tonic.h"

#define TONIC_PRINTF(a, b) __attribute__((format(printf, a, b)))

int tonic_error(int err, const char *fmt, ...) TONIC_PRINTF(2, 3);
void tonic_log(int level, const char *fmt, ...) TONIC_PRINTF(2, 3);
bool tonic_log_enabled(int level);

#define tonic_warn(...) tonic_log(TONIC_LOG_WARN, __VA_ARGS__)
#define tonic_info(...) tonic_log(TONIC_LOG_INFO, __VA_ARGS__)
#define tonic_dbg(...) tonic_log(TONIC_LOG_DEBUG, __VA_ARGS__)

#endif /* TONIC_LOG_H */
