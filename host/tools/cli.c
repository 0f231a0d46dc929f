/* SPDX-License-Identifier: MIT */
/* cli.c — shared command-line plumbing of tonicctl (see cli.h). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void vmsg(const char *fmt, va_list ap)
{
    char buf[1024];

    vsnprintf(buf, sizeof(buf), fmt, ap);
    fprintf(stderr, "tonicctl: %s\n", buf);
}

int ctl_err(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmsg(fmt, ap);
    va_end(ap);
    return CTL_EXIT_FAIL;
}

int ctl_usage(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmsg(fmt, ap);
    va_end(ap);
    return CTL_EXIT_USAGE;
}

int cli_u64(const char *cmd, const char *opt, const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
    unsigned long long v;
    char *end;

    errno = 0;
    if (!s || !*s || *s == '-' || *s == '+')
        goto bad;
    v = strtoull(s, &end, 0);
    if (errno || *end || v < min || v > max)
        goto bad;
    *out = v;
    return 0;
bad:
    ctl_usage("%s: %s needs a whole number in %llu..%llu, not '%s'", cmd, opt, (unsigned long long)min,
              (unsigned long long)max, s ? s : "");
    return -1;
}

int cli_unsigned(const char *cmd, const char *opt, const char *s, unsigned min, unsigned max, unsigned *out)
{
    uint64_t v;

    if (cli_u64(cmd, opt, s, min, max, &v))
        return -1;
    *out = (unsigned)v;
    return 0;
}

int cli_bad_option(const char *cmd, int c, char **argv)
{
    const char *opt = argv[optind - 1];
    const char *sep = cmd ? ": " : "";

    cmd = cmd ? cmd : "";
    if (c == ':')
        return ctl_usage("%s%soption '%s' needs a value", cmd, sep, opt);
    if (optopt && optopt != '?')
        return ctl_usage("%s%sunknown option '-%c'", cmd, sep, optopt);
    return ctl_usage("%s%sunknown option '%s'", cmd, sep, opt);
}

void cli_getopt_reset(void)
{
    optind = 0; /* glibc: 0 re-initializes completely */
    opterr = 0;
}

int ctl_open(const struct ctl *c, struct tonic_dev **dev)
{
    if (!c->dev || !*c->dev)
        return ctl_usage("no device: use -d DEV or set TONIC_DEV (see 'tonicctl list')");
    if (tonic_open(c->dev, dev))
        return ctl_err("%s", tonic_last_error());
    return 0;
}
