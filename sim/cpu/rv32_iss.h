/* SPDX-License-Identifier: MIT */
/*
 * rv32_iss.h — the C instruction-set model of tonic_rv32 (docs/cpu.md): RV32I, Zicsr, machine-mode
 * traps and interrupts, M as an option. It is the reference the RTL is compared against retirement
 * by retirement (tests/cpu lockstep) and the engine of tonic-iss. It owns IMEM and DMEM; the timer
 * and peripheral regions (0x2000_0000 and up) go through callbacks so that a runner can model them
 * and a lockstep harness can feed it what the RTL saw.
 */
#ifndef TONIC_RV32_ISS_H
#define TONIC_RV32_ISS_H

#include <stdint.h>

#define RV32_IMEM_BASE 0x00000000u
#define RV32_DMEM_BASE 0x10000000u
#define RV32_TIMER_BASE 0x20000000u
#define RV32_TIMER_SIZE 0x20u
#define RV32_IO_BASE 0x30000000u
#define RV32_IO_LIMIT 0x3fffffffu

/* mcause values (docs/cpu.md, Traps) */
enum rv32_cause {
    RV32_CAUSE_FETCH_MISALIGNED = 0,
    RV32_CAUSE_FETCH_FAULT = 1,
    RV32_CAUSE_ILLEGAL = 2,
    RV32_CAUSE_BREAKPOINT = 3,
    RV32_CAUSE_LOAD_MISALIGNED = 4,
    RV32_CAUSE_LOAD_FAULT = 5,
    RV32_CAUSE_STORE_MISALIGNED = 6,
    RV32_CAUSE_STORE_FAULT = 7,
    RV32_CAUSE_ECALL_M = 11,
    RV32_CAUSE_IRQ_SOFT = (int)0x80000003u,
    RV32_CAUSE_IRQ_TIMER = (int)0x80000007u,
    RV32_CAUSE_IRQ_EXT = (int)0x8000000bu,
};

/* One retirement event; the same fields as the RTL's trace_* ports (docs/cpu.md). */
struct rv32_retire {
    uint32_t pc, insn, next_pc;
    int trap;           /* 1: exception or interrupt; the instruction did not retire */
    uint32_t cause;     /* mcause written, when trap */
    uint32_t tval;      /* mtval written, when trap (not on the RTL trace; the harness reads the CSR) */
    unsigned rd;        /* 0 when no register is written */
    uint32_t rd_wdata;  /* 0 when rd == 0 */
    uint32_t mem_addr;  /* byte address of the access, 0 when none */
    unsigned mem_rmask; /* byte lanes read, 0 when none */
    unsigned mem_wmask; /* byte lanes written, 0 when none */
    uint32_t mem_wdata; /* bus word written, lanes outside wmask 0 */
    uint32_t mem_rdata; /* bus word read (all four lanes) */
};

/*
 * Accesses to the timer and peripheral regions. addr is word aligned; mask selects the lanes.
 * Return 0 on success, non-zero for an access fault. A NULL callback makes every such access fault.
 */
struct rv32_io {
    void *ctx;
    int (*load)(void *ctx, uint32_t addr, unsigned rmask, uint32_t *word);
    int (*store)(void *ctx, uint32_t addr, unsigned wmask, uint32_t word);
};

struct rv32_iss_cfg {
    uint32_t reset_pc;
    uint32_t imem_bytes, dmem_bytes; /* powers of two */
    int m_ext;                       /* 1: M extension */
    uint32_t hart_id;
};

struct rv32_iss {
    struct rv32_iss_cfg cfg;
    uint8_t *imem, *dmem; /* owned by the caller, cfg.*_bytes long */
    struct rv32_io io;
    uint32_t x[32];
    uint32_t pc;
    /* CSRs */
    uint32_t mstatus, mie, mtvec, mscratch, mepc, mcause, mtval;
    uint64_t mcycle, minstret;
    /* interrupt inputs (levels), set by the runner */
    int irq_soft, irq_timer, irq_ext;
    /* set by rv32_iss_step when its instruction wrote mcycle/mcycleh (that cycle's increment is
       lost: rv32_iss_tick skips it); cleared by the next step, take_irq or tick */
    int mcycle_written;
};

void rv32_iss_init(struct rv32_iss *s, const struct rv32_iss_cfg *cfg, uint8_t *imem, uint8_t *dmem,
                   const struct rv32_io *io);
/* Architectural reset: pc = reset_pc, x[] = 0, CSRs to their reset values, counters 0. */
void rv32_iss_reset(struct rv32_iss *s);
/* The interrupt that would be taken before the next instruction (an RV32_CAUSE_IRQ_*), or 0. */
uint32_t rv32_iss_pending_irq(const struct rv32_iss *s);
/* Take interrupt `cause` now (the lockstep harness does so when the RTL did). */
void rv32_iss_take_irq(struct rv32_iss *s, uint32_t cause, struct rv32_retire *r);
/*
 * Execute the instruction at pc (or raise its exception). Does not take interrupts and does not
 * advance mcycle: a runner calls rv32_iss_pending_irq/rv32_iss_take_irq first and counts cycles
 * itself (tonic-iss: one cycle per step).
 */
void rv32_iss_step(struct rv32_iss *s, struct rv32_retire *r);
/*
 * One clock cycle for mcycle: +1, unless the instruction just stepped wrote mcycle/mcycleh (the
 * written value stands, docs/cpu.md). tonic-iss calls it once per step.
 */
void rv32_iss_tick(struct rv32_iss *s);
/* Read a CSR as a CSR instruction would (0 and -1 return when the address does not exist). */
int rv32_iss_csr_read(const struct rv32_iss *s, unsigned addr, uint32_t *val);

#endif
