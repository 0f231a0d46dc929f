/* SPDX-License-Identifier: MIT */
/* sim_client.h — what the simulator tests need to run tonic-sim and talk to it.
 *
 * simproc_* start a simulator binary as a child process in a private temporary directory (its
 * socket, config-space file and registry all live there; stdout and stderr go to out.txt and
 * err.txt) and stop it. simc_* speak sim_proto.h over the socket: every call waits for its reply
 * with a timeout and keeps interrupts that arrive meanwhile for simc_wait_irq(). This is a test
 * client, not the driver's backend (host/ owns that). */
#ifndef SIM_CLIENT_H
#define SIM_CLIENT_H

#include "tonic/sim_proto.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SIMC_TIMEOUT_MS 20000

struct simproc {
    pid_t pid;          /* 0 once reaped */
    int status;         /* wait status once reaped */
    char dir[64];       /* private directory, also TONIC_SIM_DIR */
    char sock[128];
    char out[128];      /* child's stdout */
    char err[128];      /* child's stderr */
};

/* Starts bin with --socket DIR/sim.sock followed by args (NULL-terminated, may be NULL).
 * Waits until the socket accepts a connection. 0 on success, -1 if the child exited or timed out
 * (the child is reaped; p->status holds its status). */
int simproc_start(struct simproc *p, const char *bin, const char *const *args);
/* Like simproc_start but does not wait for the socket: runs bin to completion (timeout_ms) with
 * the given full argument list and returns its wait status, or -1 on timeout. */
int simproc_run(struct simproc *p, const char *bin, const char *const *args, int timeout_ms);
/* Sends sig and waits up to timeout_ms for the child to exit; returns the wait status or -1. */
int simproc_stop(struct simproc *p, int sig, int timeout_ms);
/* Kills the child if still running, removes every file in the directory and the directory. */
void simproc_cleanup(struct simproc *p);
int simproc_alive(struct simproc *p);
/* Reads a whole file into a NUL-terminated malloc'd buffer (NULL if unreadable). */
char *slurp(const char *path, size_t *len);
/* Value of the statistics row "  NAME   VALUE" in the simulator's output, or -1. */
long long stat_value(const char *out, const char *name);

struct simc {
    int fd;
    uint32_t seq;
    uint8_t irqs[1024];
    unsigned nirq;
};

int simc_connect(struct simc *c, const char *sock);
void simc_close(struct simc *c);
/* Sends m (and fd if >= 0), waits for the reply with the same seq. 0, or -1 on error/timeout. */
int simc_call(struct simc *c, struct tonic_sim_msg *m, int fd, struct tonic_sim_msg *reply);
int simc_send(struct simc *c, struct tonic_sim_msg *m, int fd);
/* Receives one reply (not IRQ) with a timeout; 0 or -1. */
int simc_recv(struct simc *c, struct tonic_sim_msg *reply, int timeout_ms);
/* Register read: returns the reply status (TONIC_SIM_*), or -1 on transport error. */
int simc_rd(struct simc *c, uint64_t off, uint32_t len, uint32_t *val);
int simc_wr(struct simc *c, uint64_t off, uint32_t val);
int simc_mem_add(struct simc *c, int memfd, uint64_t size, uint64_t *dma);
int simc_info(struct simc *c, uint64_t *cycles, uint64_t *faults);
/* Waits for an IRQ with vector (any IRQ already received counts); 1 if seen, 0 on timeout. */
int simc_wait_irq(struct simc *c, uint8_t vector, int timeout_ms);
/* Polls register off until (value & mask) == want; 0 or -1 on timeout. */
int simc_wait_reg(struct simc *c, uint64_t off, uint32_t mask, uint32_t want, int timeout_ms, uint32_t *last);

uint32_t test_fcs(const uint8_t *p, size_t n);
long long now_ms(void);

#endif /* SIM_CLIENT_H */
