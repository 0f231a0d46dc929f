// SPDX-License-Identifier: MIT
// log.cpp — stderr logging with a --quiet switch (see log.h).
#include "log.h"

#include <cstdarg>
#include <cstdio>

static bool g_quiet;

void sim_set_quiet(bool quiet) { g_quiet = quiet; }
bool sim_quiet() { return g_quiet; }

static void vlog(const char *fmt, va_list ap)
{
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    fprintf(stderr, "tonic-sim: %s\n", line);
}

void sim_info(const char *fmt, ...)
{
    if (g_quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}

void sim_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}
