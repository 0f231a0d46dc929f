/* SPDX-License-Identifier: MIT */
/* fake_sim.h — a tiny stand-in for tonic-sim, for host tests that must not depend on the RTL.
 *
 * It speaks sim_proto.h on a SOCK_SEQPACKET socket in a forked child and answers from a scripted
 * register file that implements the register block chain (optionally malformed), identity, CTRL,
 * STATS, and a behavioural model of the queues: TX descriptors are gathered, completed with the
 * phase bit and looped back into the RX queue CTRL.RX_DEFAULT_QUEUE, with interrupts. It checks
 * what the real device checks (ZERO_LEN, TOO_LONG, TOO_MANY, DMA addresses) but is not a model
 * of its timing. */
#ifndef TONIC_FAKE_SIM_H
#define TONIC_FAKE_SIM_H

#include <stdbool.h>
#include <sys/types.h>

enum fake_chain {
    FAKE_CHAIN_OK = 0,
    FAKE_CHAIN_LOOP,         /* the last block points back to CAPS */
    FAKE_CHAIN_OUT_OF_RANGE, /* the last block points past BAR0 */
    FAKE_CHAIN_UNALIGNED,    /* a NEXT that is not 4-byte aligned */
    FAKE_CHAIN_EXTRA,        /* an extra block of unknown type 0x99 at the end */
    FAKE_CHAIN_BAD_MAGIC,    /* IDENT.MAGIC is 0x12345678 */
    FAKE_CHAIN_BAD_VERSION,  /* the TXQ block has version 2 */
};

struct fake_opts {
    enum fake_chain chain;
    unsigned num_txq, num_rxq, num_irq;
    unsigned max_frame, dma_sg;
    bool silent;           /* accept connections, never answer */
    unsigned die_after_reads; /* exit after this many MMIO reads (0: never) */
    unsigned mute_after_reads; /* stop answering after this many MMIO reads (0: never) */
    bool stuck_active;     /* queues never leave QSTATUS.ACTIVE once enabled */
    bool txq0_left_enabled; /* TX queue 0 starts enabled, as if a previous process left it */
    bool refuse_size;      /* every SIZE_LOG2 write is refused with QSTATUS.CFG */
    bool hold_rx;          /* keep looped-back frames while the RX queue is disabled (no QDIS drop) */
};

void fake_opts_default(struct fake_opts *o);
/* Forks the fake; returns its pid once the socket listens (-1 on failure). */
pid_t fake_sim_start(const char *sock_path, const struct fake_opts *o);
/* Terminates it (SIGTERM, then waits) and removes the socket. */
void fake_sim_stop(pid_t pid, const char *sock_path);

#endif /* TONIC_FAKE_SIM_H */
