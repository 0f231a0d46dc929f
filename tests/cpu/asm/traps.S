/* SPDX-License-Identifier: MIT */
/*
 * traps.S — the exceptions of tonic_rv32 (docs/cpu.md, ISA and Traps): ECALL, EBREAK, illegal
 * instructions of every kind the page lists (and a few more reserved encodings), misaligned jump
 * and branch targets (trap on the jump itself, rd not written, not-taken branches never trap),
 * misaligned loads and stores (checked before access faults, not performed), load/store access
 * faults (unmapped addresses, stores to IMEM, holes in the timer and peripheral regions),
 * instruction access faults (fetch outside IMEM), and MRET with the mstatus MIE/MPIE stack.
 * Each check compares mcause, mepc and mtval as the handler saw them, and that rd kept its value.
 */
#include "test_macros.h"

/*
 * check n: a jump/branch (given as its encoding) at label L traps as misaligned with mtval =
 * L + off, and x5 keeps its value.
 */
.macro MISALIGNED_JUMP n, word, off
    EXC_ARM \n, .Lresume\@
    li x5, 0x5555
.Ljump\@:
    .word \word
    j fail
.Lresume\@:
    la a0, .Ljump\@
    la a1, .Ljump\@ + \off
    EXC_CHECK CAUSE_FETCH_MISALIGNED, a0, a1
    li x30, 0x5555
    BNE_FAIL x5, x30
.endm

/* check n: load `op a1, disp(a0)` with a0 = base faults with `cause`, mtval = base + disp, a1 kept */
.macro LOAD_EXC n, cause, op, base, disp
    li a0, \base
    li a2, \base + \disp
    li a1, 0x5555
    EXPECT_EXC_R \n, \cause, a2, \op a1, \disp(a0)
    li x30, 0x5555
    BNE_FAIL a1, x30
.endm

/* check n: store `op a1, disp(a0)` with a0 = base faults with `cause`, mtval = base + disp */
.macro STORE_EXC n, cause, op, base, disp
    li a0, \base
    li a2, \base + \disp
    li a1, 0x12345678
    EXPECT_EXC_R \n, \cause, a2, \op a1, \disp(a0)
.endm

/* check n: instruction `word` is illegal (mtval = word), x5 kept */
.macro ILLEGAL n, word
    li x5, 0x5555
    EXPECT_EXC \n, CAUSE_ILLEGAL, \word, .word \word
    li x30, 0x5555
    BNE_FAIL x5, x30
.endm

TEST_BEGIN
    csrw mie, zero

    /* ---------------- ECALL, EBREAK ---------------- */
    EXPECT_EXC 1, CAUSE_ECALL, 0, ecall
    EXPECT_EXC 2, CAUSE_BREAKPOINT, 0, ebreak
    /* the CSRs themselves (the handler only rewrote mepc) */
    csrr a0, mcause
    CHECK 3, a0, CAUSE_BREAKPOINT
    csrr a0, mtval
    CHECK 4, a0, 0
    CHECK_TS 5, TS_EXC_MSTATUS, 0x1800   /* MIE was 0: MPIE = 0, MIE = 0 */
    csrr a0, mstatus                     /* after MRET: MIE = MPIE (0), MPIE = 1 */
    CHECK 6, a0, 0x1880
    /* a trap with MIE = 1 (mie = 0, so no interrupt can come) */
    csrsi mstatus, MSTATUS_MIE
    EXPECT_EXC 7, CAUSE_ECALL, 0, ecall
    CHECK_TS 8, TS_EXC_MSTATUS, 0x1880   /* MPIE = 1, MIE = 0 in the handler */
    csrr a0, mstatus
    CHECK 9, a0, 0x1888                  /* MIE back from MPIE */
    csrci mstatus, MSTATUS_MIE
    /* WFI is a no-operation */
    li TESTNUM, 10
    wfi
    li a0, 1
    CHECK 11, a0, 1

    /* ---------------- illegal instructions ---------------- */
    ILLEGAL 20, 0x00000000
    csrr a0, mtval
    CHECK 21, a0, 0
    ILLEGAL 22, 0xffffffff
    csrr a0, mtval
    CHECK 23, a0, 0xffffffff
    csrr a0, mcause
    CHECK 24, a0, CAUSE_ILLEGAL
    ILLEGAL 25, 0x00000001      /* low bits 01: no compressed instructions */
    ILLEGAL 26, 0x00000002
    ILLEGAL 27, 0x0000af0e
    ILLEGAL 28, 0x0000000b      /* custom-0 */
    ILLEGAL 29, 0x0000202f      /* AMO */
    ILLEGAL 30, 0x00000007      /* LOAD-FP */
    ILLEGAL 31, 0x00000053      /* OP-FP */
    ILLEGAL 32, 0x0000001b      /* OP-IMM-32 (RV64) */
    ILLEGAL 33, 0x0000003b      /* OP-32 (RV64) */
    ILLEGAL 34, 0x0000005b      /* custom-2 */
    ILLEGAL 35, 0x0000007f
    /* SYSTEM, funct3 = 0: only the four exact encodings exist */
    ILLEGAL 40, 0x00200073      /* uret */
    ILLEGAL 41, 0x10200073      /* sret */
    ILLEGAL 42, 0x000002f3      /* ecall with rd = x5 */
    ILLEGAL 43, 0x00008073      /* ecall with rs1 = x1 */
    ILLEGAL 44, 0x302002f3      /* mret with rd = x5 */
    ILLEGAL 45, 0x10508073      /* wfi with rs1 = x1 */
    ILLEGAL 46, 0x00300073      /* imm = 3 */
    ILLEGAL 47, 0x12000073      /* sfence.vma */
    ILLEGAL 48, 0x7b200073      /* dret */
    ILLEGAL 49, 0x300042f3      /* funct3 = 4 */
    EXPECT_EXC 50, CAUSE_ILLEGAL, INSN, csrr a0, 0x7c0   /* an unknown CSR */
    /* shifts by immediate with funct7 other than the defined ones */
    ILLEGAL 55, 0x02129293      /* slli x5, x5, 1 with insn[25] set */
    ILLEGAL 56, 0x0212d293      /* srli, insn[25] */
    ILLEGAL 57, 0x4212d293      /* srai, insn[25] */
    ILLEGAL 58, 0x40129293      /* slli with insn[30] set */
    ILLEGAL 59, 0x2012d293      /* srli with funct7 = 0x10 */
    /* OP with undefined funct7 (M is legal when RV_M = 1, so not here) */
    ILLEGAL 60, 0x045282b3      /* add with funct7 = 2 */
    ILLEGAL 61, 0x405292b3      /* sll with funct7 = 0x20 */
    ILLEGAL 62, 0x4052a2b3      /* slt with funct7 = 0x20 */
    ILLEGAL 63, 0x805282b3      /* add with funct7 = 0x40 */
    /* loads, stores, branches, JALR, FENCE with undefined funct3 */
    ILLEGAL 64, 0x00003283      /* ld */
    ILLEGAL 65, 0x00006283      /* lwu */
    ILLEGAL 66, 0x00007283
    ILLEGAL 67, 0x00503023      /* sd */
    ILLEGAL 68, 0x00504023
    ILLEGAL 69, 0x00507023
    ILLEGAL 70, 0x00002463      /* branch funct3 2 */
    ILLEGAL 71, 0x00003463      /* branch funct3 3 */
    ILLEGAL 72, 0x000012e7      /* jalr funct3 1 */
    ILLEGAL 73, 0x000042e7      /* jalr funct3 4 */
    ILLEGAL 74, 0x0000200f      /* fence funct3 2 */
    ILLEGAL 75, 0x0000700f      /* fence funct3 7 */

    /* ---------------- misaligned jump and branch targets ---------------- */
    MISALIGNED_JUMP 80, 0x006002ef, 6      /* jal x5, .+6 */
    MISALIGNED_JUMP 81, 0xfffff2ef, -2     /* jal x5, .-2 */
    MISALIGNED_JUMP 82, 0x00000363, 6      /* beq x0, x0, .+6 */
    MISALIGNED_JUMP 83, 0xfe005fe3, -2     /* bge x0, x0, .-2 */
    /* jalr: target (rs1 + imm) & ~1 */
    EXC_ARM 84, .Ljalr_m0_resume
    li x5, 0x5555
    la a2, .Ljalr_m0_target
    jalr x5, 2(a2)
    j fail
.Ljalr_m0_target:
    j fail
.Ljalr_m0_resume:
    la a0, .Ljalr_m0_target - 8           /* the jalr */
    la a1, .Ljalr_m0_target + 2
    EXC_CHECK CAUSE_FETCH_MISALIGNED, a0, a1
    CHECK 85, x5, 0x5555
    EXC_ARM 86, .Ljalr_m1_resume
    la a2, .Ljalr_m1_target
    jalr a2, 3(a2)                        /* bit 0 cleared, bit 1 remains; rd = rs1 kept */
    j fail
.Ljalr_m1_target:
    j fail
.Ljalr_m1_resume:
    la a0, .Ljalr_m1_target - 8
    la a1, .Ljalr_m1_target + 2
    EXC_CHECK CAUSE_FETCH_MISALIGNED, a0, a1
    la a1, .Ljalr_m1_target
    CHECK_EQ 87, a2, a1
    /* not-taken branches with misaligned targets: no trap */
    li TESTNUM, 88
    li x5, 0x5555
    .word 0x00001363                      /* bne x0, x0, .+6 */
    .word 0x00505363                      /* bge x0, x5, .+6 */
    .word 0xfe02efe3                      /* bltu x5, x0, .-2 */
    CHECK 89, x5, 0x5555

    /* ---------------- fetch outside IMEM: the jump retires, the fetch faults ---------------- */
.macro FETCH_FAULT n, target
    EXC_ARM \n, .Lresume\@
    li a0, \target
    li ra, 0
.Ljump\@:
    jalr ra, 0(a0)
    j fail
.Lresume\@:
    EXC_CHECK CAUSE_FETCH_FAULT, a0, a0   /* mepc = mtval = the target */
    la a1, .Ljump\@ + 4
    BNE_FAIL ra, a1                       /* the jump itself linked */
.endm
    FETCH_FAULT 90, 0x10000000            /* DMEM is not executable */
    FETCH_FAULT 91, 0x00008000            /* just past IMEM */
    FETCH_FAULT 92, 0x20000000            /* timer */
    FETCH_FAULT 93, 0x30001000            /* peripheral bus */
    FETCH_FAULT 94, 0xfffffffc
    FETCH_FAULT 95, 0x0ffffffc
    csrr a0, mtval
    CHECK 96, a0, 0x0ffffffc
    csrr a0, mcause
    CHECK 97, a0, CAUSE_FETCH_FAULT

    /* ---------------- misaligned loads and stores ---------------- */
    LOAD_EXC 100, CAUSE_LOAD_MISALIGNED, lh, 0x10000000, 1
    LOAD_EXC 101, CAUSE_LOAD_MISALIGNED, lhu, 0x10000000, 3
    LOAD_EXC 102, CAUSE_LOAD_MISALIGNED, lw, 0x10000000, 1
    LOAD_EXC 103, CAUSE_LOAD_MISALIGNED, lw, 0x10000000, 2
    LOAD_EXC 104, CAUSE_LOAD_MISALIGNED, lw, 0x10000000, 3
    LOAD_EXC 105, CAUSE_LOAD_MISALIGNED, lw, 0x00000100, -2      /* IMEM */
    LOAD_EXC 106, CAUSE_LOAD_MISALIGNED, lw, 0x50000000, 1       /* misaligned before access fault */
    LOAD_EXC 107, CAUSE_LOAD_MISALIGNED, lh, 0x30001000, 5       /* scratch RAM: the device is not asked */
    LOAD_EXC 108, CAUSE_LOAD_MISALIGNED, lw, 0x20000000, 2       /* timer */
    /* the store is not performed */
    la s0, mdata
    li a0, 0x11111111
    sw a0, 0(s0)
    sw a0, 4(s0)
    la a2, mdata + 2
    li a1, 0x12345678
    EXPECT_EXC_R 110, CAUSE_STORE_MISALIGNED, a2, sw a1, 2(s0)
    la a2, mdata + 1
    EXPECT_EXC_R 111, CAUSE_STORE_MISALIGNED, a2, sh a1, 1(s0)
    la a2, mdata + 3
    EXPECT_EXC_R 112, CAUSE_STORE_MISALIGNED, a2, sh a1, 3(s0)
    la a2, mdata + 7
    EXPECT_EXC_R 113, CAUSE_STORE_MISALIGNED, a2, sw a1, 7(s0)
    lw a0, 0(s0)
    CHECK 114, a0, 0x11111111
    lw a0, 4(s0)
    CHECK 115, a0, 0x11111111
    STORE_EXC 116, CAUSE_STORE_MISALIGNED, sw, 0x00000100, 2     /* IMEM: misaligned first */
    STORE_EXC 117, CAUSE_STORE_MISALIGNED, sh, 0x50000000, 1
    STORE_EXC 118, CAUSE_STORE_MISALIGNED, sw, 0x30000000, 1
    csrr a0, mtval
    CHECK 119, a0, 0x30000001

    /* ---------------- load access faults ---------------- */
    LOAD_EXC 120, CAUSE_LOAD_FAULT, lw, 0x50000000, 0
    LOAD_EXC 121, CAUSE_LOAD_FAULT, lb, 0x50000000, 3
    LOAD_EXC 122, CAUSE_LOAD_FAULT, lhu, 0x50000000, -2
    LOAD_EXC 123, CAUSE_LOAD_FAULT, lw, 0x00008000, 0            /* just past IMEM */
    LOAD_EXC 124, CAUSE_LOAD_FAULT, lw, 0x10004000, 0            /* just past DMEM */
    LOAD_EXC 125, CAUSE_LOAD_FAULT, lbu, 0x10000000, -1          /* just below DMEM */
    LOAD_EXC 126, CAUSE_LOAD_FAULT, lw, 0x20000020, 0            /* just past the timer */
    LOAD_EXC 127, CAUSE_LOAD_FAULT, lw, 0x1ffffffc, 0
    LOAD_EXC 128, CAUSE_LOAD_FAULT, lw, 0x30000004, 0            /* peripheral hole after the console */
    LOAD_EXC 129, CAUSE_LOAD_FAULT, lw, 0x30002000, 0            /* just past the scratch RAM */
    LOAD_EXC 130, CAUSE_LOAD_FAULT, lh, 0x3ffffffc, 2            /* end of the peripheral region */
    LOAD_EXC 131, CAUSE_LOAD_FAULT, lw, 0x40000000, 0
    LOAD_EXC 132, CAUSE_LOAD_FAULT, lw, 0xfffffffc, 0
    LOAD_EXC 133, CAUSE_LOAD_FAULT, lw, 0x80000000, 0
    csrr a0, mcause
    CHECK 134, a0, CAUSE_LOAD_FAULT
    csrr a0, mtval
    CHECK 135, a0, 0x80000000

    /* ---------------- store access faults ---------------- */
    STORE_EXC 140, CAUSE_STORE_FAULT, sw, 0x50000000, 0
    STORE_EXC 141, CAUSE_STORE_FAULT, sb, 0x50000000, 1
    STORE_EXC 142, CAUSE_STORE_FAULT, sw, 0x10004000, 0          /* just past DMEM */
    STORE_EXC 143, CAUSE_STORE_FAULT, sw, 0x20000020, 0
    STORE_EXC 144, CAUSE_STORE_FAULT, sw, 0x30000ffc, 0
    STORE_EXC 145, CAUSE_STORE_FAULT, sb, 0x30002000, 0
    STORE_EXC 146, CAUSE_STORE_FAULT, sw, 0x3ffffffc, 0
    STORE_EXC 147, CAUSE_STORE_FAULT, sh, 0xfffffffc, 2
    /* IMEM is read-only for the core: every size faults and nothing changes */
    la s0, imem_word
    lw s1, 0(s0)
    CHECK 148, s1, 0x0badc0de
    la a2, imem_word
    li a1, 0x12345678
    EXPECT_EXC_R 149, CAUSE_STORE_FAULT, a2, sw a1, 0(s0)
    la a2, imem_word + 1
    EXPECT_EXC_R 150, CAUSE_STORE_FAULT, a2, sb a1, 1(s0)
    la a2, imem_word + 2
    EXPECT_EXC_R 151, CAUSE_STORE_FAULT, a2, sh a1, 2(s0)
    STORE_EXC 152, CAUSE_STORE_FAULT, sw, 0x00000000, 0
    STORE_EXC 153, CAUSE_STORE_FAULT, sw, 0x00007ffc, 0
    lw s1, 0(s0)
    CHECK 154, s1, 0x0badc0de
    csrr a0, mcause
    CHECK 155, a0, CAUSE_STORE_FAULT

    /* ---------------- MRET: pc = mepc, MIE = MPIE, MPIE = 1 ---------------- */
.macro MRET_CASE n, before, after
    li a0, \before
    csrw mstatus, a0
    la a1, .Ltarget\@
    csrw mepc, a1
    li TESTNUM, \n
    mret
    j fail
.Ltarget\@:
    csrr a2, mstatus
    CHECK \n, a2, \after
.endm
    MRET_CASE 160, 0x80, 0x1888                /* MPIE 1 -> MIE 1 */
    MRET_CASE 161, 0x00, 0x1880                /* MPIE 0 -> MIE 0; MPIE 1 */
    MRET_CASE 162, 0x08, 0x1880                /* MIE 1, MPIE 0 -> MIE 0 */
    MRET_CASE 163, 0x88, 0x1888
    csrw mstatus, zero
    /* mepc's low bits read 0, so MRET to mepc = x+2 goes to x */
    li TESTNUM, 164
    la a1, .Lmret_low + 2
    csrw mepc, a1
    mret
    j fail
.Lmret_low:
    csrr a0, mstatus
    CHECK 165, a0, 0x1880
    csrw mstatus, zero
TEST_END

    .data
    .balign 4
mdata:
    .word 0, 0

    .section .rodata
    .balign 4
imem_word:
    .word 0x0badc0de
