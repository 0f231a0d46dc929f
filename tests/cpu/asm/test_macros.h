/* SPDX-License-Identifier: MIT */
/*
 * test_macros.h — the small framework shared by the tonic_rv32 self-checking assembly tests
 * (tests/cpu/asm/*.S). A test is a list of numbered checks; the first one that fails stores
 * (n << 1) | 1 to `tohost` and the program spins; when every check has passed it stores 1. The
 * runners (tonic-iss on the C model, tonic-cpu on the RTL) stop at that store and report it.
 *
 * Layout of a test:
 *     #include "test_macros.h"
 *     TEST_BEGIN
 *         ... checks ...
 *     TEST_END          (stores 1 to tohost; defines fail, the trap handler, tohost)
 *
 * Register conventions: x31 holds the number of the check in progress (TESTNUM), x29 the resume
 * address of an expected exception (RESUME, 0 when none is expected), x28 and x30 are scratch for
 * the macros. Test code uses x1..x27 only. The trap handler saves what it uses (x27, x28, x30) so
 * that an interrupt may arrive anywhere; it keeps x30 in mscratch while it runs, so mscratch does
 * not survive a trap.
 *
 * Exceptions: EXPECT_EXC runs one instruction that must trap and checks mcause, mepc and mtval;
 * an exception nobody expects fails the check in progress. Interrupts: the handler logs mcause
 * (first four), mip, mstatus and mepc, clears the source (msip for software, mtimecmp = all ones
 * for timer) and returns to the interrupted instruction. An external interrupt fails the test.
 */
#ifndef TONIC_CPU_TEST_MACROS_H
#define TONIC_CPU_TEST_MACROS_H

#define TESTNUM x31
#define RESUME x29

/* devices (docs/cpu.md, Memory map) */
#define TIMER_BASE 0x20000000
#define MTIME_LO 0x00
#define MTIME_HI 0x04
#define MTIMECMP_LO 0x08
#define MTIMECMP_HI 0x0c
#define MSIP 0x10
#define CONSOLE 0x30000000
#define SCRATCH 0x30001000

/* mstatus / mie / mip bits */
#define MSTATUS_MIE 0x8
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP 0x1800
#define MIP_MSIP 0x8
#define MIP_MTIP 0x80
#define MIP_MEIP 0x800

/* causes */
#define CAUSE_FETCH_MISALIGNED 0
#define CAUSE_FETCH_FAULT 1
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_LOAD_MISALIGNED 4
#define CAUSE_LOAD_FAULT 5
#define CAUSE_STORE_MISALIGNED 6
#define CAUSE_STORE_FAULT 7
#define CAUSE_ECALL 11
#define CAUSE_IRQ_SOFT 0x80000003
#define CAUSE_IRQ_TIMER 0x80000007
#define CAUSE_IRQ_EXT 0x8000000b

/* trap_save: what the handler records (offsets) */
#define TS_X28 0
#define TS_X27 4
#define TS_EXC_COUNT 8
#define TS_EXC_CAUSE 12
#define TS_EXC_EPC 16
#define TS_EXC_TVAL 20
#define TS_EXC_MSTATUS 24
#define TS_IRQ_COUNT 28
#define TS_IRQ_LOG 32 /* 4 words: mcause of the first four interrupts */
#define TS_IRQ_MIP 48
#define TS_IRQ_MSTATUS 52
#define TS_IRQ_EPC 56
#define TS_SIZE 64

/* a failure reported before any check has set TESTNUM */
#define TESTNUM_NONE 1023

/* ---------------------------------------------------------------- checks */

/* if a != b: fail (a jump, so `fail` may be anywhere) */
.macro BNE_FAIL a, b
    beq \a, \b, .Lok\@
    j fail
.Lok\@:
.endm

.macro BEQ_FAIL a, b
    bne \a, \b, .Lok\@
    j fail
.Lok\@:
.endm

/* check n: register reg == constant val */
.macro CHECK n, reg, val
    li TESTNUM, \n
    li x30, \val
    BNE_FAIL \reg, x30
.endm

/* check n: register a == register b */
.macro CHECK_EQ n, a, b
    li TESTNUM, \n
    BNE_FAIL \a, \b
.endm

/* check n: unsigned a < constant val */
.macro CHECK_LTU n, reg, val
    li TESTNUM, \n
    li x30, \val
    bltu \reg, x30, .Lok\@
    j fail
.Lok\@:
.endm

/* check n: unsigned reg >= constant val */
.macro CHECK_GEU n, reg, val
    li TESTNUM, \n
    li x30, \val
    bgeu \reg, x30, .Lok\@
    j fail
.Lok\@:
.endm

/* check n: the word at symbol/address sym == constant val */
.macro CHECK_MEM n, sym, val
    li TESTNUM, \n
    la x28, \sym
    lw x28, 0(x28)
    li x30, \val
    BNE_FAIL x28, x30
.endm

/* check n: the trap_save word at offset off == constant val */
.macro CHECK_TS n, off, val
    CHECK_MEM \n, trap_save + \off, \val
.endm

/* ---------------------------------------------------------------- exceptions */

/* Expect the next exception: set check number n, zero the exception count, resume at `resume`. */
.macro EXC_ARM n, resume
    li TESTNUM, \n
    la x30, trap_save
    sw zero, TS_EXC_COUNT(x30)
    la RESUME, \resume
.endm

/*
 * After an EXC_ARM'd exception: exactly one, with this cause, mepc == epcreg, mtval == tvalreg
 * (registers among x1..x27: x28 and x30 are used here).
 */
.macro EXC_CHECK cause, epcreg, tvalreg
    la x30, trap_save
    lw x28, TS_EXC_COUNT(x30)
    li x30, 1
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_CAUSE(x30)
    li x30, \cause
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_EPC(x30)
    BNE_FAIL x28, \epcreg
    la x30, trap_save
    lw x28, TS_EXC_TVAL(x30)
    BNE_FAIL x28, \tvalreg
.endm

/*
 * Check n: `insn` raises exception `cause` with mepc = its address and mtval = tval, where tval is
 * a constant, or INSN for the instruction's own bits. Execution resumes after it.
 */
.macro EXPECT_EXC n, cause, tval, insn:vararg
    EXC_ARM \n, .Lresume\@
.Ltrapinsn\@:
    \insn
    j fail /* it did not trap */
.Lresume\@:
    la x30, trap_save
    lw x28, TS_EXC_COUNT(x30)
    li x30, 1
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_CAUSE(x30)
    li x30, \cause
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_EPC(x30)
    la x30, .Ltrapinsn\@
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_TVAL(x30)
    .ifc \tval,INSN
    la x30, .Ltrapinsn\@
    lw x30, 0(x30) /* IMEM is readable */
    .else
    li x30, \tval
    .endif
    BNE_FAIL x28, x30
.endm

/* Same, with mtval compared to register treg (x1..x27). */
.macro EXPECT_EXC_R n, cause, treg, insn:vararg
    EXC_ARM \n, .Lresume\@
.Ltrapinsn\@:
    \insn
    j fail
.Lresume\@:
    la x30, trap_save
    lw x28, TS_EXC_COUNT(x30)
    li x30, 1
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_CAUSE(x30)
    li x30, \cause
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_EPC(x30)
    la x30, .Ltrapinsn\@
    BNE_FAIL x28, x30
    la x30, trap_save
    lw x28, TS_EXC_TVAL(x30)
    BNE_FAIL x28, \treg
.endm

/* ---------------------------------------------------------------- interrupts */

/* Forget the interrupts logged so far. */
.macro IRQ_LOG_CLEAR
    la x30, trap_save
    sw zero, TS_IRQ_COUNT(x30)
    sw zero, TS_IRQ_LOG + 0(x30)
    sw zero, TS_IRQ_LOG + 4(x30)
    sw zero, TS_IRQ_LOG + 8(x30)
    sw zero, TS_IRQ_LOG + 12(x30)
.endm

/*
 * Check n: wait (a bounded loop, so that it does not depend on cycle counts) until at least
 * `count` interrupts have been logged; fail if they never come. Uses x27.
 */
.macro WAIT_IRQS n, count
    li TESTNUM, \n
    li x27, 200000
.Lwait\@:
    la x30, trap_save
    lw x28, TS_IRQ_COUNT(x30)
    li x30, \count
    bgeu x28, x30, .Ldone\@
    addi x27, x27, -1
    bnez x27, .Lwait\@
    j fail
.Ldone\@:
.endm

/* ---------------------------------------------------------------- program */

.macro TEST_BEGIN
    .section .text.init, "ax", @progbits
    .globl _start
_start:
    li TESTNUM, 0
    li RESUME, 0
    la sp, __stack_top
    la x30, trap_entry
    csrw mtvec, x30
    j test_main
    .text
test_main:
.endm

.macro TEST_END
    /* every check passed */
    li x30, 1
    la x28, tohost
    sw x30, 0(x28)
.Lpass_spin:
    j .Lpass_spin

    .globl fail
fail:
    bnez TESTNUM, .Lfail_numbered
    li TESTNUM, TESTNUM_NONE
.Lfail_numbered:
    slli x30, TESTNUM, 1
    ori x30, x30, 1
    la x28, tohost
    sw x30, 0(x28)
.Lfail_spin:
    j .Lfail_spin

    .balign 4
    .globl trap_entry
trap_entry:
    csrw mscratch, x30
    la x30, trap_save
    sw x28, TS_X28(x30)
    csrr x28, mcause
    bltz x28, .Ltrap_irq
    /* exception: record it, then resume where the test said, or fail */
    sw x28, TS_EXC_CAUSE(x30)
    csrr x28, mepc
    sw x28, TS_EXC_EPC(x30)
    csrr x28, mtval
    sw x28, TS_EXC_TVAL(x30)
    csrr x28, mstatus
    sw x28, TS_EXC_MSTATUS(x30)
    lw x28, TS_EXC_COUNT(x30)
    addi x28, x28, 1
    sw x28, TS_EXC_COUNT(x30)
    bnez RESUME, .Ltrap_resume
    j fail /* nobody expected this exception */
.Ltrap_resume:
    csrw mepc, RESUME
    li RESUME, 0
    lw x28, TS_X28(x30)
    csrr x30, mscratch
    mret

.Ltrap_irq:
    sw x27, TS_X27(x30)
    lw x27, TS_IRQ_COUNT(x30)
    addi x28, x27, 1
    sw x28, TS_IRQ_COUNT(x30)
    sltiu x28, x27, 4
    beqz x28, .Ltrap_nolog
    slli x28, x27, 2
    add x28, x28, x30
    csrr x27, mcause
    sw x27, TS_IRQ_LOG(x28)
.Ltrap_nolog:
    lw x27, TS_IRQ_COUNT(x30)
    sltiu x28, x27, 100
    bnez x28, .Ltrap_sane
    j fail /* an interrupt that does not go away */
.Ltrap_sane:
    csrr x27, mip
    sw x27, TS_IRQ_MIP(x30)
    csrr x27, mstatus
    sw x27, TS_IRQ_MSTATUS(x30)
    csrr x27, mepc
    sw x27, TS_IRQ_EPC(x30)
    /* clear the source */
    csrr x27, mcause
    li x28, CAUSE_IRQ_SOFT
    bne x27, x28, .Ltrap_not_soft
    li x28, TIMER_BASE
    sw zero, MSIP(x28)
    j .Ltrap_irq_done
.Ltrap_not_soft:
    li x28, CAUSE_IRQ_TIMER
    beq x27, x28, .Ltrap_timer
    j fail /* external or unknown interrupt */
.Ltrap_timer:
    li x28, TIMER_BASE
    li x27, -1
    sw x27, MTIMECMP_HI(x28)
    sw x27, MTIMECMP_LO(x28)
.Ltrap_irq_done:
    lw x27, TS_X27(x30)
    lw x28, TS_X28(x30)
    csrr x30, mscratch
    mret

    .data
    .balign 4
    .globl trap_save
trap_save:
    .space TS_SIZE

    .section .tohost, "aw", @progbits
    .balign 4
    .globl tohost
tohost:
    .word 0
.endm

#endif
