/* SPDX-License-Identifier: MIT */
/* cli.h — what every tonicctl command shares: exit codes, the one-line "tonicctl: ..." error
 * path, strict number parsing, option errors, and opening the device named by -d / $TONIC_DEV. */
#ifndef TONIC_CLI_H
#define TONIC_CLI_H

#include <stdint.h>

#include "tonic/tonic.h"

#define CTL_EXIT_OK 0
#define CTL_EXIT_FAIL 1  /* the command ran and something went wrong */
#define CTL_EXIT_USAGE 2 /* bad command line */

struct ctl {
    const char *dev;  /* -d DEV or $TONIC_DEV, may be NULL */
};

/* Prints "tonicctl: <message>" on stderr; returns CTL_EXIT_FAIL / CTL_EXIT_USAGE. */
int ctl_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int ctl_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Strict decimal (or 0x hex) unsigned in [min, max]: 0, or -1 with a usage message printed. */
int cli_u64(const char *cmd, const char *opt, const char *s, uint64_t min, uint64_t max, uint64_t *out);
int cli_unsigned(const char *cmd, const char *opt, const char *s, unsigned min, unsigned max, unsigned *out);
/* Message for the option getopt_long just refused (call with opterr = 0 and a leading ':');
 * cmd NULL for the global options. */
int cli_bad_option(const char *cmd, int c, char **argv);
/* Reset getopt for a command's own argument vector. */
void cli_getopt_reset(void);

/* Opens c->dev, printing the library's message on failure: 0 or an exit code. */
int ctl_open(const struct ctl *c, struct tonic_dev **dev);

#endif /* TONIC_CLI_H */
