/* SPDX-License-Identifier: MIT */
/* log.c — the single logging path and the thread-local last-error message.
 *
 * Nothing else in the library writes to stderr. The level comes from tonic_set_log() or, until
 * that is called, from $TONIC_LOG (err, warn, info, debug; default warn). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

static _Thread_local char last_error[512];

static tonic_log_fn log_fn;
static void *log_arg;
static int log_level = -1; /* -1: not yet decided */

static int level_from_env(void)
{
    const char *s = getenv("TONIC_LOG");
    static const char *const names[] = {"err", "warn", "info", "debug"};

    if (!s)
        return TONIC_LOG_WARN;
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i]))
            return i;
    return TONIC_LOG_WARN;
}

void tonic_set_log(tonic_log_fn fn, void *arg, int level)
{
    log_fn = fn;
    log_arg = arg;
    log_level = level;
}

bool tonic_log_enabled(int level)
{
    if (log_level < 0)
        log_level = level_from_env();
    return level <= log_level;
}

static void emit(int level, const char *msg)
{
    static const char *const tags[] = {"error", "warning", "info", "debug"};

    if (log_fn)
        log_fn(level, msg, log_arg);
    else
        fprintf(stderr, "tonic: %s: %s\n", tags[level < 0 ? 0 : level > 3 ? 3 : level], msg);
}

void tonic_log(int level, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    if (!tonic_log_enabled(level))
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    emit(level, msg);
}

int tonic_error(int err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(last_error, sizeof(last_error), fmt, ap);
    va_end(ap);
    if (tonic_log_enabled(TONIC_LOG_DEBUG))
        emit(TONIC_LOG_DEBUG, last_error);
    return err;
}

const char *tonic_last_error(void)
{
    return last_error;
}

const char *tonic_strerror(int err)
{
    return strerror(err < 0 ? -err : err);
}
