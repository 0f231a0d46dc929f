/* SPDX-License-Identifier: MIT */
/*
 * irq.S — the machine timer block (0x2000_0000) and interrupts of tonic_rv32: the timer
 * registers (reset values, mtime counting and writable, byte/halfword access to mtimecmp, msip
 * bit 0 only, the reserved words), machine software and timer interrupts (mcause, mepc, mip and
 * mstatus as the handler sees them), masking by mstatus.MIE and by mie, an interrupt taken right
 * after MIE is set, priority (software before timer), a computation interrupted in the middle,
 * and an interrupt not counted in minstret. Nothing depends on exact cycle counts: waits are
 * bounded polling loops, so the C model (one instruction per cycle) and the RTL both pass.
 */
#include "test_macros.h"

/* A handler for the exact minstret check: clears msip (s0 = TIMER_BASE); 3 instructions. */
    .text
    .balign 4
soft_tiny_handler:
    sw zero, MSIP(s0)
    lw x30, MSIP(s0)            /* the store has reached the timer block */
    mret

/* spin `count` iterations (uses x27) */
.macro SPIN count
    li x27, \count
.Lspin\@:
    addi x27, x27, -1
    bnez x27, .Lspin\@
.endm

TEST_BEGIN
    csrw mie, zero
    li s0, TIMER_BASE

    /* ---------------- timer registers ---------------- */
    lw a0, MTIMECMP_LO(s0)
    CHECK 1, a0, 0xffffffff      /* reset: all ones */
    lw a0, MTIMECMP_HI(s0)
    CHECK 2, a0, 0xffffffff
    lw a0, MSIP(s0)
    CHECK 3, a0, 0
    lw a0, 0x14(s0)
    CHECK 4, a0, 0
    li a1, -1
    sw a1, 0x14(s0)              /* ignored */
    sw a1, 0x18(s0)
    sw a1, 0x1c(s0)
    lw a0, 0x14(s0)
    CHECK 5, a0, 0
    lw a0, 0x18(s0)
    CHECK 6, a0, 0
    lw a0, 0x1c(s0)
    CHECK 7, a0, 0
    /* mtime counts */
    lw a0, MTIME_LO(s0)
    nop
    nop
    nop
    nop
    lw a1, MTIME_LO(s0)
    sub a2, a1, a0
    CHECK_GEU 8, a2, 5
    CHECK_LTU 9, a2, 1000
    /* mtime is writable */
    sw zero, MTIME_LO(s0)
    li a0, 5
    sw a0, MTIME_HI(s0)
    lw a1, MTIME_HI(s0)
    lw a2, MTIME_LO(s0)
    CHECK 10, a1, 5
    CHECK_LTU 11, a2, 1000
    sw zero, MTIME_HI(s0)
    li a0, -16
    sw a0, MTIME_LO(s0)          /* the low word carries into the high one */
    SPIN 20
    lw a1, MTIME_HI(s0)
    CHECK 12, a1, 1
    lw a1, MTIME_LO(s0)
    CHECK_LTU 13, a1, 1000
    /* mtimecmp by bytes and halfwords (the high word stays all ones: no MTIP) */
    li a0, 0x11223344
    sw a0, MTIMECMP_LO(s0)
    li a0, 0xaa
    sb a0, MTIMECMP_LO + 1(s0)
    lw a1, MTIMECMP_LO(s0)
    CHECK 14, a1, 0x1122aa44
    lh a1, MTIMECMP_LO + 2(s0)
    CHECK 15, a1, 0x1122
    lbu a1, MTIMECMP_LO + 1(s0)
    CHECK 16, a1, 0xaa
    li a0, 0xbeef
    sh a0, MTIMECMP_LO + 2(s0)
    lw a1, MTIMECMP_LO(s0)
    CHECK 17, a1, 0xbeefaa44
    lh a1, MTIMECMP_LO + 2(s0)
    CHECK 18, a1, 0xffffbeef
    lw a1, MTIMECMP_HI(s0)
    CHECK 19, a1, 0xffffffff
    li a0, -1
    sw a0, MTIMECMP_LO(s0)
    csrr a1, mip
    andi a1, a1, MIP_MTIP
    CHECK 20, a1, 0
    /* msip: bit 0 only, visible in mip.MSIP */
    li a0, -1
    sw a0, MSIP(s0)
    lw a1, MSIP(s0)
    CHECK 21, a1, 1
    csrr a1, mip
    andi a1, a1, MIP_MSIP | MIP_MTIP
    CHECK 22, a1, MIP_MSIP
    sw zero, MSIP(s0)
    lw a1, MSIP(s0)
    CHECK 23, a1, 0
    nop
    csrr a1, mip
    andi a1, a1, MIP_MSIP | MIP_MTIP
    CHECK 24, a1, 0
    li a0, 2                     /* bit 1 is not msip */
    sw a0, MSIP(s0)
    lw a1, MSIP(s0)
    CHECK 25, a1, 0

    /* ---------------- software interrupt: masking ---------------- */
    IRQ_LOG_CLEAR
    csrw mstatus, zero
    li a0, MIP_MSIP
    csrw mie, a0
    li a0, 1
    sw a0, MSIP(s0)              /* pending and enabled in mie, but MIE = 0 */
    SPIN 50
    CHECK_TS 30, TS_IRQ_COUNT, 0
    csrr a1, mip
    andi a1, a1, MIP_MSIP
    CHECK 31, a1, MIP_MSIP       /* pending is visible */
    csrw mie, zero               /* MIE = 1 but not enabled in mie */
    csrsi mstatus, MSTATUS_MIE
    SPIN 50
    csrci mstatus, MSTATUS_MIE
    CHECK_TS 32, TS_IRQ_COUNT, 0
    /* WFI with an interrupt pending and enabled in mie but MIE = 0: carries on */
    li a0, MIP_MSIP
    csrw mie, a0
    li TESTNUM, 33
    wfi
    CHECK_TS 34, TS_IRQ_COUNT, 0

    /* ---------------- software interrupt: taken as soon as MIE is set ---------------- */
    li TESTNUM, 35
    csrsi mstatus, MSTATUS_MIE
.Lsoft_next:
    nop
    csrci mstatus, MSTATUS_MIE
    CHECK_TS 36, TS_IRQ_COUNT, 1
    CHECK_TS 37, TS_IRQ_LOG, CAUSE_IRQ_SOFT
    la a0, trap_save
    lw a1, TS_IRQ_EPC(a0)
    la a2, .Lsoft_next
    CHECK_EQ 38, a1, a2          /* taken before the next instruction executed */
    CHECK_TS 39, TS_IRQ_MSTATUS, 0x1880     /* MIE = 0, MPIE = 1 in the handler */
    la a0, trap_save
    lw a1, TS_IRQ_MIP(a0)
    andi a1, a1, MIP_MSIP | MIP_MTIP
    CHECK 40, a1, MIP_MSIP
    lw a1, MSIP(s0)              /* the handler cleared it */
    CHECK 41, a1, 0
    csrr a1, mcause
    CHECK 42, a1, CAUSE_IRQ_SOFT
    csrr a1, mtval
    CHECK 43, a1, 0
    csrr a1, mstatus             /* MRET restored MIE = 1, then csrci */
    CHECK 44, a1, 0x1880

    /* ---------------- timer interrupt ---------------- */
    IRQ_LOG_CLEAR
    csrw mie, zero
    csrw mstatus, zero
    li a0, -1
    sw a0, MTIMECMP_LO(s0)
    lw a1, MTIME_LO(s0)          /* mtimecmp = mtime + 100 (64-bit) */
    lw a2, MTIME_HI(s0)
    addi a3, a1, 100
    sltu a4, a3, a1
    add a2, a2, a4
    sw a2, MTIMECMP_HI(s0)
    sw a3, MTIMECMP_LO(s0)
    li a0, MIP_MTIP
    csrw mie, a0
    csrsi mstatus, MSTATUS_MIE
    WAIT_IRQS 50, 1
    csrci mstatus, MSTATUS_MIE
    CHECK_TS 51, TS_IRQ_COUNT, 1
    CHECK_TS 52, TS_IRQ_LOG, CAUSE_IRQ_TIMER
    la a0, trap_save
    lw a1, TS_IRQ_MIP(a0)
    andi a1, a1, MIP_MSIP | MIP_MTIP
    CHECK 53, a1, MIP_MTIP       /* mip.MTIP read in the handler */
    CHECK_TS 54, TS_IRQ_MSTATUS, 0x1880
    lw a1, MTIMECMP_HI(s0)       /* the handler disabled it */
    CHECK 55, a1, 0xffffffff
    csrr a1, mip
    andi a1, a1, MIP_MTIP
    CHECK 56, a1, 0
    csrr a1, mcause
    CHECK 57, a1, CAUSE_IRQ_TIMER
    csrsi mstatus, MSTATUS_MIE   /* it does not come back */
    SPIN 100
    csrci mstatus, MSTATUS_MIE
    CHECK_TS 58, TS_IRQ_COUNT, 1

    /* ---------------- a computation interrupted in the middle ---------------- */
    IRQ_LOG_CLEAR
    li a0, -1
    sw a0, MTIMECMP_LO(s0)
    lw a1, MTIME_LO(s0)
    lw a2, MTIME_HI(s0)
    addi a3, a1, 40
    sltu a4, a3, a1
    add a2, a2, a4
    sw a2, MTIMECMP_HI(s0)
    sw a3, MTIMECMP_LO(s0)
    csrsi mstatus, MSTATUS_MIE
    la s1, sumbuf
    li a0, 0                     /* sum of 1..300 through memory, loads, stores and branches */
    li a1, 1
    li a2, 301
.Lsum:
    sw a0, 0(s1)
    lw a3, 0(s1)
    add a0, a3, a1
    addi a1, a1, 1
    bne a1, a2, .Lsum
    WAIT_IRQS 60, 1
    csrci mstatus, MSTATUS_MIE
    CHECK 61, a0, 45150
    CHECK 62, a1, 301
    CHECK_TS 63, TS_IRQ_COUNT, 1
    CHECK_TS 64, TS_IRQ_LOG, CAUSE_IRQ_TIMER

    /* ---------------- priority: software before timer ---------------- */
    IRQ_LOG_CLEAR
    csrw mie, zero
    li a0, 1
    sw a0, MSIP(s0)
    sw zero, MTIMECMP_LO(s0)     /* mtimecmp = 0: MTIP at once */
    sw zero, MTIMECMP_HI(s0)
    li TESTNUM, 70
    li a2, 1000
.Lboth:
    csrr a1, mip
    andi a1, a1, MIP_MSIP | MIP_MTIP
    li a3, MIP_MSIP | MIP_MTIP
    beq a1, a3, .Lboth_pending
    addi a2, a2, -1
    bnez a2, .Lboth
    j fail
.Lboth_pending:
    li a0, MIP_MSIP | MIP_MTIP
    csrw mie, a0
    csrsi mstatus, MSTATUS_MIE
    nop
    nop
    nop
    csrci mstatus, MSTATUS_MIE
    CHECK_TS 71, TS_IRQ_COUNT, 2
    CHECK_TS 72, TS_IRQ_LOG + 0, CAUSE_IRQ_SOFT
    CHECK_TS 73, TS_IRQ_LOG + 4, CAUSE_IRQ_TIMER
    csrr a1, mip
    andi a1, a1, MIP_MSIP | MIP_MTIP
    CHECK 74, a1, 0

    /* ---------------- taking an interrupt retires nothing ---------------- */
    li TESTNUM, 80
    csrw mie, zero
    la a0, soft_tiny_handler
    csrw mtvec, a0
    li a0, MIP_MSIP
    csrw mie, a0
    li a0, 1
    sw a0, MSIP(s0)
    lw a0, MSIP(s0)
    nop
    csrr a1, minstret
    csrsi mstatus, MSTATUS_MIE   /* the interrupt comes in here, its handler is 3 instructions */
    nop
    nop
    nop
    nop
    csrci mstatus, MSTATUS_MIE
    csrr a2, minstret
    la a0, trap_entry
    csrw mtvec, a0
    csrw mie, zero
    sub a3, a2, a1
    CHECK 81, a3, 10             /* csrr, csrsi, 3 in the handler, 4 nops, csrci */
    csrr a1, mcause
    CHECK 82, a1, CAUSE_IRQ_SOFT
    lw a1, MSIP(s0)
    CHECK 83, a1, 0
TEST_END

    .data
    .balign 4
sumbuf:
    .word 0
