/* SPDX-License-Identifier: MIT */
/* ctl.h — the tonicctl commands, one file each (cmd_*.c). Each takes its own argument vector
 * (argv[0] is the command name) and returns the process exit code. */
#ifndef TONIC_CTL_H
#define TONIC_CTL_H

#include "cli.h"

int cmd_list(struct ctl *c, int argc, char **argv);
int cmd_info(struct ctl *c, int argc, char **argv);
int cmd_stats(struct ctl *c, int argc, char **argv);
int cmd_reset(struct ctl *c, int argc, char **argv);
int cmd_send(struct ctl *c, int argc, char **argv);
int cmd_recv(struct ctl *c, int argc, char **argv);
int cmd_loopback(struct ctl *c, int argc, char **argv);
int cmd_mmio_bench(struct ctl *c, int argc, char **argv);
int cmd_fw(struct ctl *c, int argc, char **argv); /* fw, caps, offload */
int cmd_sa(struct ctl *c, int argc, char **argv);
int cmd_regs(struct ctl *c, int argc, char **argv);

/* Rejects arguments of a command that takes none but options handled by the caller. */
int ctl_no_args(const char *cmd, int argc, char **argv);

#endif /* TONIC_CTL_H */
