/* SPDX-License-Identifier: MIT */
/*
 * rv32i.S — every RV32I instruction of tonic_rv32 with its corner cases: wrap-around and signed
 * overflow, shifts by 0 and 31 (and register shift amounts above 31, of which only the low five
 * bits count), signed/unsigned comparisons at the extremes, x0 as source and destination, rd equal
 * to a source, sign and zero extension of loads at every byte lane, stores at every lane leaving
 * the other bytes alone, negative offsets, branches taken and not taken, forwards and backwards,
 * JAL/JALR links and JALR clearing bit 0 of the target, AUIPC, FENCE and FENCE.I.
 * Every expected value is written out by hand (from the specification, not from a model).
 */
#include "test_macros.h"

/* check n: op rd, rs1, rs2 with rs1 = a, rs2 = b gives exp (rd = x3, rs1 = x1, rs2 = x2) */
.macro TEST_RR n, op, exp, a, b
    li x1, \a
    li x2, \b
    \op x3, x1, x2
    CHECK \n, x3, \exp
.endm

/* check n: op rd, rs1, imm with rs1 = a gives exp */
.macro TEST_RI n, op, exp, a, imm
    li x1, \a
    \op x3, x1, \imm
    CHECK \n, x3, \exp
.endm

/* check n: branch `op a, b` is taken (forwards, then the same backwards) */
.macro BR_TAKEN n, op, a, b
    li TESTNUM, \n
    li x1, \a
    li x2, \b
    \op x1, x2, .Lfwd\@
    j fail
.Lback\@:
    j .Ldone\@
.Lfwd\@:
    \op x1, x2, .Lback\@
    j fail
.Ldone\@:
.endm

/* check n: branch `op a, b` is not taken (a target forwards and one backwards) */
.macro BR_NOT n, op, a, b
    li TESTNUM, \n
    li x1, \a
    li x2, \b
    j .Lstart\@
.Lbad\@:
    j fail
.Lstart\@:
    \op x1, x2, .Lbad\@
    \op x1, x2, .Lbad2\@
    j .Ldone\@
.Lbad2\@:
    j fail
.Ldone\@:
.endm

/* check n: load `op` at sym + off gives exp (base register x1 = sym + off - disp, offset disp) */
.macro TEST_LD n, op, exp, sym, off, disp
    la x1, \sym + \off - \disp
    \op x3, \disp(x1)
    CHECK \n, x3, \exp
.endm

TEST_BEGIN
    /* ---------------- ADD / SUB ---------------- */
    TEST_RR 1, add, 0x00000000, 0x00000000, 0x00000000
    TEST_RR 2, add, 0x00000002, 0x00000001, 0x00000001
    TEST_RR 3, add, 0x0000000a, 0x00000003, 0x00000007
    TEST_RR 4, add, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR 5, add, 0x80000000, 0x7fffffff, 0x00000001
    TEST_RR 6, add, 0x00000000, 0x80000000, 0x80000000
    TEST_RR 7, add, 0xfffffffe, 0xffffffff, 0xffffffff
    TEST_RR 8, add, 0x23456789, 0x12345678, 0x11111111
    TEST_RR 10, sub, 0x00000000, 0x00000000, 0x00000000
    TEST_RR 11, sub, 0x00000000, 0x00000001, 0x00000001
    TEST_RR 12, sub, 0xfffffffc, 0x00000003, 0x00000007
    TEST_RR 13, sub, 0x80000000, 0x00000000, 0x80000000
    TEST_RR 14, sub, 0x7fffffff, 0x80000000, 0x00000001
    TEST_RR 15, sub, 0x80000000, 0x7fffffff, 0xffffffff
    TEST_RR 16, sub, 0x12345678, 0x23456789, 0x11111111

    /* ---------------- shifts by register ---------------- */
    TEST_RR 20, sll, 0x00000001, 0x00000001, 0
    TEST_RR 21, sll, 0x00000002, 0x00000001, 1
    TEST_RR 22, sll, 0x80000000, 0x00000001, 31
    TEST_RR 23, sll, 0x80000000, 0xffffffff, 31
    TEST_RR 24, sll, 0x90909080, 0x21212121, 7
    TEST_RR 25, sll, 0x00000001, 0x00000001, 32          /* only rs2[4:0] counts */
    TEST_RR 26, sll, 0x00000002, 0x00000001, 0xffffffe1
    TEST_RR 27, sll, 0x80000000, 0x21212121, 0xffffffff
    TEST_RR 30, srl, 0x80000000, 0x80000000, 0
    TEST_RR 31, srl, 0x40000000, 0x80000000, 1
    TEST_RR 32, srl, 0x00000001, 0x80000000, 31
    TEST_RR 33, srl, 0x00000001, 0xffffffff, 31
    TEST_RR 34, srl, 0x00424242, 0x21212121, 7
    TEST_RR 35, srl, 0x80000000, 0x80000000, 32
    TEST_RR 36, srl, 0x0000000f, 0xffffffff, 0xfffffffc  /* 28 */
    TEST_RR 40, sra, 0x80000000, 0x80000000, 0
    TEST_RR 41, sra, 0xc0000000, 0x80000000, 1
    TEST_RR 42, sra, 0xffffffff, 0x80000000, 31
    TEST_RR 43, sra, 0x00000000, 0x7fffffff, 31
    TEST_RR 44, sra, 0xff030303, 0x81818181, 7
    TEST_RR 45, sra, 0xc0c0c0c0, 0x81818181, 33
    TEST_RR 46, sra, 0x3fffffff, 0x7fffffff, 1
    TEST_RR 47, sra, 0x00424242, 0x21212121, 7

    /* ---------------- comparisons ---------------- */
    TEST_RR 50, slt, 0, 0x00000000, 0x00000000
    TEST_RR 51, slt, 0, 0x00000001, 0x00000001
    TEST_RR 52, slt, 1, 0x00000003, 0x00000007
    TEST_RR 53, slt, 0, 0x00000007, 0x00000003
    TEST_RR 54, slt, 1, 0x80000000, 0x00000000
    TEST_RR 55, slt, 0, 0x00000000, 0x80000000
    TEST_RR 56, slt, 0, 0x7fffffff, 0x80000000
    TEST_RR 57, slt, 1, 0xffffffff, 0x00000000
    TEST_RR 58, slt, 1, 0xffffffff, 0x00000001
    TEST_RR 59, slt, 1, 0x80000000, 0x7fffffff
    TEST_RR 60, sltu, 0, 0x00000000, 0x00000000
    TEST_RR 61, sltu, 1, 0x00000003, 0x00000007
    TEST_RR 62, sltu, 0, 0x00000007, 0x00000003
    TEST_RR 63, sltu, 0, 0x80000000, 0x00000000
    TEST_RR 64, sltu, 1, 0x00000000, 0xffffffff
    TEST_RR 65, sltu, 0, 0xffffffff, 0xfffffffe
    TEST_RR 66, sltu, 1, 0x7fffffff, 0x80000000
    TEST_RR 67, sltu, 0, 0xffffffff, 0xffffffff

    /* ---------------- logic ---------------- */
    TEST_RR 70, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR 71, xor, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR 72, xor, 0x00000000, 0xffffffff, 0xffffffff
    TEST_RR 75, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
    TEST_RR 76, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR 78, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
    TEST_RR 79, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0

    /* ---------------- register-immediate ---------------- */
    TEST_RI 80, addi, 0x00000000, 0x00000000, 0
    TEST_RI 81, addi, 0x00000002, 0x00000001, 1
    TEST_RI 82, addi, 0x0000000a, 0x00000003, 7
    TEST_RI 83, addi, 0xfffff800, 0x00000000, -2048
    TEST_RI 84, addi, 0x80000000, 0x7fffffff, 1
    TEST_RI 85, addi, 0x7fffffff, 0x80000000, -1
    TEST_RI 86, addi, 0x000007ff, 0x00000000, 2047
    TEST_RI 87, addi, 0x00000000, 0xffffffff, 1
    TEST_RI 88, addi, 0x12345000, 0x12345678, -0x678
    TEST_RI 90, slti, 0, 0x00000000, 0
    TEST_RI 91, slti, 0, 0x00000001, 1
    TEST_RI 92, slti, 1, 0x00000003, 7
    TEST_RI 93, slti, 1, 0x80000000, 0
    TEST_RI 94, slti, 0, 0x7fffffff, -1
    TEST_RI 95, slti, 1, 0xffffffff, 0
    TEST_RI 96, slti, 0, 0x00000000, -2048
    TEST_RI 97, slti, 1, 0xfffff800, -2047
    TEST_RI 100, sltiu, 0, 0x00000000, 0
    TEST_RI 101, sltiu, 1, 0x00000003, 7
    TEST_RI 102, sltiu, 1, 0x00000000, -1        /* the immediate is sign-extended, then unsigned */
    TEST_RI 103, sltiu, 0, 0xffffffff, -1
    TEST_RI 104, sltiu, 0, 0x80000000, 0x7ff
    TEST_RI 105, sltiu, 1, 0x00000000, 1
    TEST_RI 106, sltiu, 1, 0xfffffffe, -1
    TEST_RI 107, sltiu, 0, 0xfffff800, -2048
    TEST_RI 110, xori, 0x00ff080f, 0x00ff0f00, 0x70f
    TEST_RI 111, xori, 0xff00f0ff, 0x00ff0f00, -1
    TEST_RI 112, xori, 0x00ff0ff0, 0x00ff08ff, 0x70f
    TEST_RI 113, xori, 0x00ff0700, 0xff00ff00, -0x800
    TEST_RI 115, ori, 0xffffff0f, 0xff00ff00, -0xf1
    TEST_RI 116, ori, 0xffffffff, 0x00ff00ff, -0x10
    TEST_RI 117, ori, 0xf00ff0ff, 0xf00ff00f, 0x0f0
    TEST_RI 120, andi, 0x00000700, 0xff00ff00, 0x70f
    TEST_RI 121, andi, 0x00ff00f0, 0x00ff00ff, -0x10
    TEST_RI 122, andi, 0x0000000f, 0xf00ff00f, 0x70f
    TEST_RI 123, andi, 0xfffff800, 0xffffffff, -2048
    TEST_RI 125, slli, 0x00000001, 0x00000001, 0
    TEST_RI 126, slli, 0x00000002, 0x00000001, 1
    TEST_RI 127, slli, 0x80000000, 0x00000001, 31
    TEST_RI 128, slli, 0x80000000, 0xffffffff, 31
    TEST_RI 129, slli, 0x48484000, 0x21212121, 14
    TEST_RI 130, srli, 0x80000000, 0x80000000, 0
    TEST_RI 131, srli, 0x40000000, 0x80000000, 1
    TEST_RI 132, srli, 0x00000001, 0x80000000, 31
    TEST_RI 133, srli, 0x00000001, 0xffffffff, 31
    TEST_RI 134, srli, 0x00020606, 0x81818181, 14
    TEST_RI 135, srai, 0x80000000, 0x80000000, 0
    TEST_RI 136, srai, 0xc0000000, 0x80000000, 1
    TEST_RI 137, srai, 0xffffffff, 0x80000000, 31
    TEST_RI 138, srai, 0x00000000, 0x7fffffff, 31
    TEST_RI 139, srai, 0xfffe0606, 0x81818181, 14
    TEST_RI 140, srai, 0x3fffffff, 0x7fffffff, 1
    TEST_RI 141, srai, 0x00008484, 0x21212121, 14

    /* ---------------- register aliasing and x0 ---------------- */
    li x1, 13
    li x2, 11
    add x1, x1, x2          /* rd = rs1 */
    CHECK 150, x1, 24
    sub x2, x1, x2          /* rd = rs2 */
    CHECK 151, x2, 13
    add x1, x1, x1          /* rd = rs1 = rs2 */
    CHECK 152, x1, 48
    sub x3, x0, x2          /* x0 as source */
    CHECK 153, x3, -13
    add x3, x2, x0
    CHECK 154, x3, 13
    add x0, x1, x2          /* x0 as destination: stays 0 */
    CHECK 155, x0, 0
    addi x0, x0, 5
    CHECK 156, x0, 0
    lui x0, 0x12345
    CHECK 157, x0, 0
    sll x3, x2, x0          /* shift by x0 = 0 */
    CHECK 158, x3, 13
    sltu x3, x0, x2         /* snez */
    CHECK 159, x3, 1
    sltu x3, x0, x0
    CHECK 160, x3, 0
    srai x1, x1, 2          /* rd = rs1, immediate */
    CHECK 161, x1, 12
    slli x0, x1, 3
    CHECK 162, x0, 0

    /* ---------------- LUI / AUIPC ---------------- */
    lui x3, 0
    CHECK 170, x3, 0
    lui x3, 0xfffff
    CHECK 171, x3, 0xfffff000
    lui x3, 0x80000
    CHECK 172, x3, 0x80000000
    lui x3, 0x7ffff
    CHECK 173, x3, 0x7ffff000
    lui x3, 0x80000
    srai x3, x3, 12
    CHECK 174, x3, 0xfff80000
    lui x3, 0x12345
    addi x3, x3, 0x678
    CHECK 175, x3, 0x12345678
    lui x3, 0x12346
    addi x3, x3, -0x788     /* 0x12346000 - 0x788 */
    CHECK 176, x3, 0x12345878

.Lauipc0:
    auipc x3, 0
    lui x4, %hi(.Lauipc0)
    addi x4, x4, %lo(.Lauipc0)
    CHECK_EQ 180, x3, x4
.Lauipc1:
    auipc x3, 1
    lui x4, %hi(.Lauipc1 + 0x1000)
    addi x4, x4, %lo(.Lauipc1 + 0x1000)
    CHECK_EQ 181, x3, x4
.Lauipc2:
    auipc x3, 0xfffff       /* pc - 0x1000: wraps below 0 */
    lui x4, %hi(.Lauipc2)
    addi x4, x4, %lo(.Lauipc2)
    li x5, 0x1000
    sub x4, x4, x5
    CHECK_EQ 182, x3, x4
.Lauipc3:
    auipc x0, 0x12345
    CHECK 183, x0, 0

    /* ---------------- JAL ---------------- */
    li TESTNUM, 190
    li x1, 0
.Ljal0:
    jal x1, .Ljal0_target
    j fail
.Ljal0_back:
    j .Ljal0_done
.Ljal0_target:
    lui x4, %hi(.Ljal0 + 4)
    addi x4, x4, %lo(.Ljal0 + 4)
    CHECK_EQ 191, x1, x4
    li TESTNUM, 192
    li x5, 0x55
.Ljal1:
    jal x5, .Ljal0_back     /* backwards, rd = x5 */
    j fail
.Ljal0_done:
    lui x4, %hi(.Ljal1 + 4)
    addi x4, x4, %lo(.Ljal1 + 4)
    CHECK_EQ 193, x5, x4
    li TESTNUM, 194
    jal x0, .Ljal2          /* no link */
    j fail
.Ljal2:
    CHECK 195, x0, 0

    /* ---------------- JALR ---------------- */
    li TESTNUM, 200
    la x6, .Ljalr0_target
    li x1, 0
.Ljalr0:
    jalr x1, 0(x6)
    j fail
.Ljalr0_target:
    lui x4, %hi(.Ljalr0 + 4)
    addi x4, x4, %lo(.Ljalr0 + 4)
    CHECK_EQ 201, x1, x4

    li TESTNUM, 202         /* positive offset */
    la x6, .Ljalr1_target - 8
    jalr x1, 8(x6)
    j fail
.Ljalr1_target:
    li TESTNUM, 203         /* negative offset */
    la x6, .Ljalr2_target + 2044
    jalr x1, -2044(x6)
    j fail
.Ljalr2_target:
    li TESTNUM, 204         /* bit 0 of the target is cleared (register) */
    la x6, .Ljalr3_target + 1
    jalr x1, 0(x6)
    j fail
.Ljalr3_target:
    li TESTNUM, 205         /* bit 0 of the target is cleared (offset) */
    la x6, .Ljalr4_target
    jalr x1, 1(x6)
    j fail
.Ljalr4_target:
    li TESTNUM, 206         /* rd = rs1: the target uses the old value */
    la x6, .Ljalr5_target
.Ljalr5:
    jalr x6, 0(x6)
    j fail
.Ljalr5_target:
    lui x4, %hi(.Ljalr5 + 4)
    addi x4, x4, %lo(.Ljalr5 + 4)
    CHECK_EQ 207, x6, x4
    li TESTNUM, 208         /* no link */
    la x6, .Ljalr6_target
    jalr x0, 0(x6)
    j fail
.Ljalr6_target:
    CHECK 209, x0, 0
    li TESTNUM, 210         /* a call and a return */
    jal x1, .Lsub
    CHECK 211, x7, 0x77
    j .Lsub_done
.Lsub:
    li x7, 0x77
    jalr x0, 0(x1)
    j fail
.Lsub_done:

    /* ---------------- branches ---------------- */
    BR_TAKEN 220, beq, 0, 0
    BR_TAKEN 221, beq, 1, 1
    BR_TAKEN 222, beq, -1, -1
    BR_NOT 223, beq, 0, 1
    BR_NOT 224, beq, 1, 0
    BR_NOT 225, beq, -1, 1
    BR_NOT 226, beq, 0x80000000, 0
    BR_TAKEN 230, bne, 0, 1
    BR_TAKEN 231, bne, 1, 0
    BR_TAKEN 232, bne, -1, 1
    BR_TAKEN 233, bne, 0x80000000, 0
    BR_NOT 234, bne, 0, 0
    BR_NOT 235, bne, -1, -1
    BR_TAKEN 240, blt, 0, 1
    BR_TAKEN 241, blt, -1, 1
    BR_TAKEN 242, blt, -2, -1
    BR_TAKEN 243, blt, 0x80000000, 0x7fffffff
    BR_NOT 244, blt, 1, 0
    BR_NOT 245, blt, 1, -1
    BR_NOT 246, blt, -1, -2
    BR_NOT 247, blt, 0, 0
    BR_NOT 248, blt, 0x7fffffff, 0x80000000
    BR_TAKEN 250, bge, 0, 0
    BR_TAKEN 251, bge, 1, 0
    BR_TAKEN 252, bge, 1, -1
    BR_TAKEN 253, bge, -1, -2
    BR_TAKEN 254, bge, 0x7fffffff, 0x80000000
    BR_TAKEN 255, bge, -1, -1
    BR_NOT 256, bge, 0, 1
    BR_NOT 257, bge, -1, 1
    BR_NOT 258, bge, -2, -1
    BR_NOT 259, bge, 0x80000000, 0x7fffffff
    BR_TAKEN 260, bltu, 0, 1
    BR_TAKEN 261, bltu, 1, -1
    BR_TAKEN 262, bltu, 0x7fffffff, 0x80000000
    BR_TAKEN 263, bltu, 0xfffffffe, 0xffffffff
    BR_NOT 264, bltu, 1, 0
    BR_NOT 265, bltu, -1, 1
    BR_NOT 266, bltu, 0x80000000, 0x7fffffff
    BR_NOT 267, bltu, 0, 0
    BR_TAKEN 270, bgeu, 0, 0
    BR_TAKEN 271, bgeu, 1, 0
    BR_TAKEN 272, bgeu, -1, 1
    BR_TAKEN 273, bgeu, 0x80000000, 0x7fffffff
    BR_TAKEN 274, bgeu, -1, -1
    BR_NOT 275, bgeu, 0, 1
    BR_NOT 276, bgeu, 1, -1
    BR_NOT 277, bgeu, 0x7fffffff, 0x80000000
    BR_NOT 278, bgeu, 0xfffffffe, 0xffffffff
    /* x0 operands */
    li TESTNUM, 280
    beq x0, x0, .Lbr0
    j fail
.Lbr0:
    li TESTNUM, 281
    bne x0, x0, .Lbr_bad
    li x1, -1
    li TESTNUM, 282
    blt x1, x0, .Lbr1
.Lbr_bad:
    j fail
.Lbr1:
    li TESTNUM, 283
    li x1, 1
    bgeu x0, x1, .Lbr_bad
    li TESTNUM, 284
    bltu x0, x1, .Lbr2
    j fail
.Lbr2:

    /* ---------------- loads ---------------- */
    TEST_LD 300, lb, 0x00000001, ldata, 0, 0
    TEST_LD 301, lb, 0xffffff82, ldata, 1, 0
    TEST_LD 302, lb, 0x0000007f, ldata, 2, 0
    TEST_LD 303, lb, 0xfffffff3, ldata, 3, 0
    TEST_LD 304, lbu, 0x00000001, ldata, 0, 0
    TEST_LD 305, lbu, 0x00000082, ldata, 1, 0
    TEST_LD 306, lbu, 0x0000007f, ldata, 2, 0
    TEST_LD 307, lbu, 0x000000f3, ldata, 3, 0
    TEST_LD 308, lh, 0xffff8201, ldata, 0, 0
    TEST_LD 309, lh, 0xfffff37f, ldata, 2, 0
    TEST_LD 310, lhu, 0x00008201, ldata, 0, 0
    TEST_LD 311, lhu, 0x0000f37f, ldata, 2, 0
    TEST_LD 312, lh, 0x00000080, ldata, 4, 0
    TEST_LD 313, lh, 0x00007fff, ldata, 6, 0
    TEST_LD 314, lhu, 0x00000080, ldata, 4, 0
    TEST_LD 315, lhu, 0x00007fff, ldata, 6, 0
    TEST_LD 316, lw, 0xf37f8201, ldata, 0, 0
    TEST_LD 317, lw, 0x7fff0080, ldata, 4, 0
    TEST_LD 318, lw, 0xdeadbeef, ldata, 8, 0
    TEST_LD 319, lb, 0xffffff80, ldata, 4, 0
    TEST_LD 320, lbu, 0x000000ff, ldata, 6, 0
    /* negative and large offsets */
    TEST_LD 321, lw, 0xf37f8201, ldata, 0, -8
    TEST_LD 322, lb, 0xfffffff3, ldata, 3, -5
    TEST_LD 323, lhu, 0x0000f37f, ldata, 2, -6
    TEST_LD 324, lw, 0xdeadbeef, ldata, 8, -2048
    TEST_LD 325, lw, 0x7fff0080, ldata, 4, 2044
    TEST_LD 326, lbu, 0x000000ad, ldata, 10, 2047
    /* from IMEM (.rodata) */
    TEST_LD 327, lw, 0x89abcdef, rodata_word, 0, 0
    TEST_LD 328, lh, 0xffff89ab, rodata_word, 2, 0
    /* rd = base register */
    la x1, ldata
    lw x1, 8(x1)
    CHECK 329, x1, 0xdeadbeef
    /* to x0 */
    la x1, ldata
    lw x0, 0(x1)
    CHECK 330, x0, 0

    /* ---------------- stores ---------------- */
    la x6, sdata                 /* 4 words, each 0xaaaaaaaa */
    li x2, 0x12345678
    sw x2, 0(x6)
    lw x3, 0(x6)
    CHECK 340, x3, 0x12345678
    lw x3, 4(x6)                 /* the next word is untouched */
    CHECK 341, x3, 0xaaaaaaaa
    li x2, 0xffffff11            /* only the low byte is stored */
    sb x2, 4(x6)
    lw x3, 4(x6)
    CHECK 342, x3, 0xaaaaaa11
    li x2, 0x22
    sb x2, 5(x6)
    lw x3, 4(x6)
    CHECK 343, x3, 0xaaaa2211
    li x2, 0x33
    sb x2, 6(x6)
    lw x3, 4(x6)
    CHECK 344, x3, 0xaa332211
    li x2, 0x12345644
    sb x2, 7(x6)
    lw x3, 4(x6)
    CHECK 345, x3, 0x44332211
    lw x3, 0(x6)                 /* the previous word is untouched */
    CHECK 346, x3, 0x12345678
    li x2, 0x1234beef
    sh x2, 8(x6)
    lw x3, 8(x6)
    CHECK 347, x3, 0xaaaabeef
    li x2, 0xffffdead
    sh x2, 10(x6)
    lw x3, 8(x6)
    CHECK 348, x3, 0xdeadbeef
    lw x3, 12(x6)
    CHECK 349, x3, 0xaaaaaaaa
    /* negative offsets, x0 as data */
    addi x7, x6, 16
    sw x0, -4(x7)
    lw x3, 12(x6)
    CHECK 350, x3, 0
    li x2, 0x80
    sb x2, -3(x7)
    lb x3, -3(x7)
    CHECK 351, x3, 0xffffff80
    lbu x3, -3(x7)
    CHECK 352, x3, 0x80
    lw x3, -4(x7)
    CHECK 353, x3, 0x00008000
    li x2, 0x8001
    sh x2, -2(x7)
    lh x3, -2(x7)
    CHECK 354, x3, 0xffff8001
    lhu x3, -2(x7)
    CHECK 355, x3, 0x8001
    lw x3, 12(x6)
    CHECK 356, x3, 0x80018000
    /* large positive offset */
    addi x7, x6, -2047
    li x2, 0x5a
    sb x2, 2047(x7)
    lw x3, 0(x6)
    CHECK 357, x3, 0x1234565a
    /* a store then a load of the same word at once */
    li x2, 0x0badf00d
    sw x2, 0(x6)
    lw x3, 0(x6)
    CHECK 358, x3, 0x0badf00d
    /* the store data register is the base register */
    sw x6, 4(x6)
    lw x3, 4(x6)
    CHECK_EQ 359, x3, x6

    /* ---------------- FENCE / FENCE.I ---------------- */
    li x5, 0x5555
    fence
    fence rw, rw
    fence iorw, iorw
    fence.i
    .word 0x8330000f             /* fence.tso */
    .word 0xffff828f             /* funct3 0 with every other field set (rd = x5): a no-operation */
    .word 0xffff928f             /* FENCE.I likewise */
    CHECK 370, x5, 0x5555
    /* code written to DMEM is not executable, but a fence.i after a store is still fine */
    la x6, sdata
    sw x5, 0(x6)
    fence.i
    lw x3, 0(x6)
    CHECK 371, x3, 0x5555
TEST_END

    .data
    .balign 4
ldata:
    .byte 0x01, 0x82, 0x7f, 0xf3
    .byte 0x80, 0x00, 0xff, 0x7f
    .word 0xdeadbeef
sdata:
    .word 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa

    .section .rodata
    .balign 4
rodata_word:
    .word 0x89abcdef
