/* SPDX-License-Identifier: MIT */
/*
 * csr.S — the CSRs of tonic_rv32 (docs/cpu.md, CSRs): reset values, which bits of each register
 * are writable, CSRRW/CSRRS/CSRRC and their immediate forms with the old value read into rd, the
 * rule that CSRRS/CSRRC with rs1 = x0 (and the immediate forms with 0) do not write while every
 * other form does, writes to read-only CSRs and accesses to CSRs that do not exist (illegal
 * instruction, rd untouched), and the counters: minstret counted exactly (an instruction that
 * writes it does not count itself, one that traps does not retire), mcycle moving forwards (its
 * exact value depends on the core's timing, so only bounds are checked), and their read-only
 * aliases cycle/instret.
 */
#include "test_macros.h"

/* A trap handler for the exact minstret count: skips the trapping instruction (4 instructions). */
    .text
    .balign 4
skip_handler:
    csrr x30, mepc
    addi x30, x30, 4
    csrw mepc, x30
    mret

TEST_BEGIN
    /* ---------------- reset values (nothing has touched these yet) ---------------- */
    csrr a0, mstatus
    CHECK 1, a0, 0x1800          /* MPP = 11, MIE = MPIE = 0 */
    csrr a0, mie
    CHECK 2, a0, 0
    csrr a0, misa
    li a1, ~0x1000               /* M depends on RV_M: rv32m.S checks it */
    and a0, a0, a1
    CHECK 3, a0, 0x40000100
    csrr a0, mvendorid
    CHECK 4, a0, 0
    csrr a0, marchid
    CHECK 5, a0, 0
    csrr a0, mimpid
    CHECK 6, a0, 0
    csrr a0, mhartid
    CHECK 7, a0, 0
    csrr a0, mstatush
    CHECK 8, a0, 0
    csrr a0, mip                 /* nothing pending (MEIP is the host's: not checked) */
    li a1, ~MIP_MEIP
    and a0, a0, a1
    CHECK 9, a0, 0

    /* ---------------- mstatus: MIE and MPIE writable, MPP reads 11 ---------------- */
    csrw mie, zero               /* so that MIE = 1 below cannot take an interrupt */
    li a0, -1
    csrw mstatus, a0
    csrr a1, mstatus
    CHECK 10, a1, 0x1888
    csrw mstatus, zero
    csrr a1, mstatus
    CHECK 11, a1, 0x1800
    li a0, MSTATUS_MPIE
    csrw mstatus, a0
    csrr a1, mstatus
    CHECK 12, a1, 0x1880
    csrrw a1, mstatus, zero
    CHECK 13, a1, 0x1880
    csrrsi a1, mstatus, MSTATUS_MIE
    CHECK 14, a1, 0x1800
    csrr a1, mstatus
    CHECK 15, a1, 0x1808
    csrrci a1, mstatus, MSTATUS_MIE
    CHECK 16, a1, 0x1808
    csrr a1, mstatus
    CHECK 17, a1, 0x1800
    li a0, MSTATUS_MPP
    csrc mstatus, a0             /* MPP cannot be cleared */
    csrr a1, mstatus
    CHECK 18, a1, 0x1800

    /* ---------------- misa, mstatush, mip: writes ignored ---------------- */
    csrr s0, misa
    csrw misa, zero
    csrr a1, misa
    CHECK_EQ 19, a1, s0
    li a0, -1
    csrw misa, a0
    csrr a1, misa
    CHECK_EQ 20, a1, s0
    csrw mstatush, a0
    csrr a1, mstatush
    CHECK 21, a1, 0
    csrw mip, a0
    csrr a1, mip
    li a2, ~MIP_MEIP
    and a1, a1, a2
    CHECK 22, a1, 0
    csrsi mip, MIP_MSIP
    csrr a1, mip
    and a1, a1, a2
    CHECK 23, a1, 0

    /* ---------------- mie: MSIE, MTIE, MEIE ---------------- */
    li a0, -1
    csrw mie, a0
    csrr a1, mie
    CHECK 24, a1, 0x888
    csrw mie, zero
    csrr a1, mie
    CHECK 25, a1, 0
    csrrsi a1, mie, MIP_MSIP
    CHECK 26, a1, 0
    csrr a1, mie
    CHECK 27, a1, 0x8
    li a0, 0x777                 /* no enable bit set in 0x777 */
    csrrw a1, mie, a0
    CHECK 28, a1, 0x8
    csrr a1, mie
    CHECK 29, a1, 0

    /* ---------------- mtvec: direct mode, bits 1:0 read 0 ---------------- */
    la s1, trap_entry
    li a0, -1
    csrw mtvec, a0
    csrr a1, mtvec
    CHECK 30, a1, 0xfffffffc
    li a0, 0x101                 /* mode 1 (vectored) is not kept */
    csrw mtvec, a0
    csrr a1, mtvec
    CHECK 31, a1, 0x100
    li a0, 0x12345677
    csrrw a1, mtvec, a0
    CHECK 32, a1, 0x100
    csrr a1, mtvec
    CHECK 33, a1, 0x12345674
    csrw mtvec, s1
    csrr a1, mtvec
    CHECK_EQ 34, a1, s1

    /* ---------------- mscratch: 32 bits, and every CSR instruction form ---------------- */
    li a0, 0xdeadbeef
    csrw mscratch, a0
    csrr a1, mscratch
    CHECK 40, a1, 0xdeadbeef
    csrrw a1, mscratch, zero
    CHECK 41, a1, 0xdeadbeef
    csrr a1, mscratch
    CHECK 42, a1, 0
    li a0, 0xf0f0f0f0
    csrw mscratch, a0
    li a2, 0x0f00000f
    csrrs a1, mscratch, a2
    CHECK 43, a1, 0xf0f0f0f0
    li a2, 0xff000000
    csrrc a1, mscratch, a2
    CHECK 44, a1, 0xfff0f0ff
    csrrwi a1, mscratch, 5
    CHECK 45, a1, 0x00f0f0ff
    csrrsi a1, mscratch, 0x12
    CHECK 46, a1, 5
    csrrci a1, mscratch, 0x3
    CHECK 47, a1, 0x17
    csrrsi a1, mscratch, 0       /* read only */
    CHECK 48, a1, 0x14
    csrrci a1, mscratch, 0
    CHECK 49, a1, 0x14
    csrrs a1, mscratch, x0
    CHECK 50, a1, 0x14
    csrrc a1, mscratch, x0
    CHECK 51, a1, 0x14
    csrrwi a1, mscratch, 31
    csrrwi a1, mscratch, 0
    CHECK 52, a1, 31
    csrr a1, mscratch
    CHECK 53, a1, 0
    li a0, 0x2222                /* rd = rs1: a swap */
    csrw mscratch, a0
    li a0, 0x1111
    csrrw a0, mscratch, a0
    CHECK 54, a0, 0x2222
    csrr a1, mscratch
    CHECK 55, a1, 0x1111
    csrrs x0, mscratch, x0       /* no destination, no source: nothing at all */
    li a2, 0x3333
    csrrw x0, mscratch, a2       /* rd = x0: a write */
    csrr a1, mscratch
    CHECK 56, a1, 0x3333
    li a2, 0x3000
    csrrc a1, mscratch, a2
    CHECK 57, a1, 0x3333
    csrr a1, mscratch
    CHECK 58, a1, 0x0333
    li a1, 0x4444                /* csrr into x0 and a CSR write of x0 */
    csrrw x0, mscratch, x0
    csrr a1, mscratch
    CHECK 59, a1, 0

    /* ---------------- mepc: bits 1:0 read 0 ---------------- */
    li a0, -1
    csrw mepc, a0
    csrr a1, mepc
    CHECK 60, a1, 0xfffffffc
    li a0, 0x12345677
    csrw mepc, a0
    csrr a1, mepc
    CHECK 61, a1, 0x12345674
    csrwi mepc, 6
    csrr a1, mepc
    CHECK 62, a1, 4

    /* ---------------- mcause, mtval: 32 bits ---------------- */
    li a0, 0x8000000f
    csrw mcause, a0
    csrr a1, mcause
    CHECK 63, a1, 0x8000000f
    li a0, -1
    csrrw a1, mcause, a0
    CHECK 64, a1, 0x8000000f
    csrr a1, mcause
    CHECK 65, a1, 0xffffffff
    li a0, 0x12345678
    csrw mtval, a0
    csrr a1, mtval
    CHECK 66, a1, 0x12345678
    li a0, -1
    csrrc a1, mtval, a0
    CHECK 67, a1, 0x12345678
    csrr a1, mtval
    CHECK 68, a1, 0

    /* ---------------- minstret: exact ---------------- */
    csrr a0, minstret
    nop
    nop
    nop
    nop
    nop
    csrr a1, minstret
    sub a2, a1, a0
    CHECK 70, a2, 6              /* the first csrr and five nops */
    csrr a0, instret
    csrr a1, minstret
    sub a2, a1, a0
    CHECK 71, a2, 1
    csrr a0, minstret
    csrr a1, instret
    sub a2, a1, a0
    CHECK 72, a2, 1
    li a0, 100
    csrw minstret, a0            /* the written value stands: this csrw does not count */
    csrr a1, minstret
    csrr a2, minstret
    CHECK 73, a1, 100
    CHECK 74, a2, 101
    li a0, 7
    csrw minstreth, a0
    li a0, -1
    csrw minstret, a0            /* {7, 0xffffffff} */
    csrr a1, minstreth           /* 7; its retirement carries into the high word */
    csrr a2, minstret
    csrr a3, minstreth
    csrr a4, instreth
    CHECK 75, a1, 7
    CHECK 76, a2, 0
    CHECK 77, a3, 8
    CHECK 78, a4, 8
    li a5, 0
    csrr a0, minstret
    csrrs a1, minstret, a5       /* rs1 != x0: a write (of the same value), so it does not count */
    csrr a2, minstret
    sub a3, a1, a0
    sub a4, a2, a0
    CHECK 79, a3, 1
    CHECK 80, a4, 1
    csrr a0, minstret
    csrrsi a1, minstret, 0       /* uimm = 0: only a read, it counts */
    csrr a2, minstret
    sub a3, a1, a0
    sub a4, a2, a0
    CHECK 81, a3, 1
    CHECK 82, a4, 2
    csrw minstreth, zero

    /* an instruction that traps does not retire (handler: 4 instructions) */
    li TESTNUM, 83
    la a0, skip_handler
    csrw mtvec, a0
    csrr a0, minstret
    ecall                        /* skipped by the handler */
    csrr a1, minstret
    .word 0x00000000             /* illegal, skipped */
    csrr a2, minstret
    csrw mtvec, s1
    sub a3, a1, a0
    sub a4, a2, a1
    CHECK 84, a3, 5              /* csrr + 4 handler instructions */
    CHECK 85, a4, 5

    /* ---------------- mcycle: moves forwards; writable ---------------- */
    csrr a0, mcycle
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    csrr a1, mcycle
    sub a2, a1, a0
    CHECK_GEU 90, a2, 11         /* at least one cycle per instruction */
    CHECK_LTU 91, a2, 1000
    csrr a0, cycle
    csrr a1, mcycle
    sub a2, a1, a0
    CHECK_GEU 92, a2, 1
    CHECK_LTU 93, a2, 100
    li a0, 1000
    csrw mcycle, a0
    csrr a1, mcycle
    CHECK_GEU 94, a1, 1000
    CHECK_LTU 95, a1, 1100
    li a0, 3
    csrw mcycleh, a0
    csrr a1, mcycleh
    CHECK 96, a1, 3
    li a0, -16
    csrw mcycle, a0              /* 16 cycles before the high word carries */
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    csrr a1, mcycleh
    csrr a2, mcycle
    csrr a3, cycleh
    CHECK 97, a1, 4
    CHECK_LTU 98, a2, 200
    CHECK 99, a3, 4

    /* ---------------- read-only CSRs: writing is illegal, reading is not ---------------- */
    li a0, 0
    li a1, 1
    EXPECT_EXC 100, CAUSE_ILLEGAL, INSN, csrw cycle, a1
    EXPECT_EXC 101, CAUSE_ILLEGAL, INSN, csrw mhartid, a1
    EXPECT_EXC 102, CAUSE_ILLEGAL, INSN, csrrs a2, mvendorid, a0   /* rs1 != x0, even if 0 */
    EXPECT_EXC 103, CAUSE_ILLEGAL, INSN, csrrwi x0, marchid, 0     /* CSRRW always writes */
    EXPECT_EXC 104, CAUSE_ILLEGAL, INSN, csrrw x0, mimpid, x0
    EXPECT_EXC 105, CAUSE_ILLEGAL, INSN, csrrci a2, instret, 1
    EXPECT_EXC 106, CAUSE_ILLEGAL, INSN, csrrsi a2, cycleh, 1
    EXPECT_EXC 107, CAUSE_ILLEGAL, INSN, csrrc a2, instreth, a1
    li a2, 0x5555
    EXPECT_EXC 108, CAUSE_ILLEGAL, INSN, csrrs a2, mhartid, a1
    CHECK 109, a2, 0x5555        /* rd untouched */
    csrrs a2, mhartid, x0
    CHECK 110, a2, 0
    li a2, 0x5555
    csrrc a2, mvendorid, x0
    CHECK 111, a2, 0
    li a2, 0x5555
    csrrsi a2, marchid, 0
    CHECK 112, a2, 0
    li a2, 0x5555
    csrrci a2, mimpid, 0
    CHECK 113, a2, 0
    csrrs a2, cycle, x0
    csrrs a2, cycleh, x0
    csrrs a2, instret, x0
    csrrs a2, instreth, x0

    /* ---------------- CSRs that do not exist ---------------- */
    li a2, 0x5555
    EXPECT_EXC 120, CAUSE_ILLEGAL, INSN, csrr a2, 0x7c0              /* custom */
    CHECK 121, a2, 0x5555
    EXPECT_EXC 122, CAUSE_ILLEGAL, INSN, csrr a2, 0xc01              /* time */
    EXPECT_EXC 123, CAUSE_ILLEGAL, INSN, csrr a2, 0xc81              /* timeh */
    EXPECT_EXC 124, CAUSE_ILLEGAL, INSN, csrr a2, 0x320              /* mcountinhibit */
    EXPECT_EXC 125, CAUSE_ILLEGAL, INSN, csrr a2, 0x306              /* mcounteren */
    EXPECT_EXC 126, CAUSE_ILLEGAL, INSN, csrr a2, 0xf15              /* mconfigptr */
    EXPECT_EXC 127, CAUSE_ILLEGAL, INSN, csrr a2, 0x3a0              /* pmpcfg0 */
    EXPECT_EXC 128, CAUSE_ILLEGAL, INSN, csrr a2, 0x7b0              /* dcsr */
    EXPECT_EXC 129, CAUSE_ILLEGAL, INSN, csrr a2, 0x100              /* sstatus */
    EXPECT_EXC 130, CAUSE_ILLEGAL, INSN, csrr a2, 0xb03              /* mhpmcounter3 */
    EXPECT_EXC 131, CAUSE_ILLEGAL, INSN, csrr a2, 0x302              /* medeleg */
    EXPECT_EXC 132, CAUSE_ILLEGAL, INSN, csrr a2, 0x345              /* after mip */
    EXPECT_EXC 133, CAUSE_ILLEGAL, INSN, csrr a2, 0x000              /* ustatus */
    EXPECT_EXC 134, CAUSE_ILLEGAL, INSN, csrr a2, 0xfff
    EXPECT_EXC 135, CAUSE_ILLEGAL, INSN, csrw 0x7c0, a1
    EXPECT_EXC 136, CAUSE_ILLEGAL, INSN, csrrsi x0, 0xb01, 0          /* between mcycle and minstret */
    EXPECT_EXC 137, CAUSE_ILLEGAL, INSN, csrrwi x0, 0x311, 1
    EXPECT_EXC 138, CAUSE_ILLEGAL, INSN, csrr a2, 0xf10
    CHECK 139, a2, 0x5555
TEST_END
