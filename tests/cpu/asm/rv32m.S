/* SPDX-License-Identifier: MIT */
/*
 * rv32m.S — the M extension of tonic_rv32 (RV_M = 1; built with -march=rv32im_zicsr): MUL, MULH,
 * MULHSU, MULHU, DIV, DIVU, REM, REMU with signs at both ends of the range, division by zero
 * (quotient all ones, remainder = dividend), the overflowing -2^31 / -1 (quotient -2^31,
 * remainder 0), truncation towards zero, rd equal to a source and x0 as destination, and misa's
 * M bit. Expected values are written out by hand.
 */
#include "test_macros.h"

/* check n: op x3, x1, x2 with x1 = a, x2 = b gives exp */
.macro TEST_M n, op, exp, a, b
    li x1, \a
    li x2, \b
    \op x3, x1, x2
    CHECK \n, x3, \exp
.endm

TEST_BEGIN
    csrr x3, misa
    CHECK 1, x3, 0x40001100

    TEST_M 10, mul, 0x00000000, 0x00000000, 0x00000000
    TEST_M 11, mul, 0x00000015, 0x00000003, 0x00000007
    TEST_M 12, mul, 0x00000001, 0xffffffff, 0xffffffff
    TEST_M 13, mul, 0x80000000, 0x80000000, 0xffffffff
    TEST_M 14, mul, 0x00000001, 0x7fffffff, 0x7fffffff
    TEST_M 15, mul, 0x242d2080, 0x12345678, 0x9abcdef0
    TEST_M 16, mul, 0xffffffeb, 0xfffffff9, 0x00000003
    TEST_M 17, mul, 0x00000000, 0x00010000, 0x00010000

    TEST_M 20, mulh, 0x00000000, 0x00000000, 0x00000000
    TEST_M 21, mulh, 0x00000000, 0xffffffff, 0xffffffff
    TEST_M 22, mulh, 0x40000000, 0x80000000, 0x80000000
    TEST_M 23, mulh, 0x00000000, 0x80000000, 0xffffffff
    TEST_M 24, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff
    TEST_M 25, mulh, 0xffffffff, 0xffffffff, 0x00000001
    TEST_M 26, mulh, 0xc0000000, 0x80000000, 0x7fffffff
    TEST_M 27, mulh, 0xf8cc93d6, 0x12345678, 0x9abcdef0
    TEST_M 28, mulh, 0x00000001, 0x00010000, 0x00010000

    TEST_M 30, mulhsu, 0x00000000, 0x00000000, 0x00000000
    TEST_M 31, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_M 32, mulhsu, 0x00000000, 0x00000001, 0xffffffff
    TEST_M 33, mulhsu, 0x80000000, 0x80000000, 0xffffffff
    TEST_M 34, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff
    TEST_M 35, mulhsu, 0xffffffff, 0xfffffffe, 0x00000002
    TEST_M 36, mulhsu, 0x0b00ea4e, 0x12345678, 0x9abcdef0
    TEST_M 37, mulhsu, 0xc0000000, 0x80000000, 0x80000000

    TEST_M 40, mulhu, 0x00000000, 0x00000000, 0x00000000
    TEST_M 41, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff
    TEST_M 42, mulhu, 0x00000001, 0x80000000, 0x00000002
    TEST_M 43, mulhu, 0x40000000, 0x80000000, 0x80000000
    TEST_M 44, mulhu, 0x00000000, 0xffffffff, 0x00000001
    TEST_M 45, mulhu, 0x0b00ea4e, 0x12345678, 0x9abcdef0

    TEST_M 50, div, 0x00000003, 20, 6
    TEST_M 51, div, 0xfffffffd, -20, 6
    TEST_M 52, div, 0xfffffffd, 20, -6
    TEST_M 53, div, 0x00000003, -20, -6
    TEST_M 54, div, 0x80000000, 0x80000000, 1
    TEST_M 55, div, 0x80000000, 0x80000000, -1     /* overflow */
    TEST_M 56, div, 0xffffffff, 0x80000000, 0      /* by zero */
    TEST_M 57, div, 0xffffffff, 1, 0
    TEST_M 58, div, 0xffffffff, 0, 0
    TEST_M 59, div, 0x00000000, -1, 2              /* towards zero */
    TEST_M 60, div, 0xc0000000, 0x80000000, 2

    TEST_M 65, divu, 0x00000003, 20, 6
    TEST_M 66, divu, 0x2aaaaaa7, -20, 6
    TEST_M 67, divu, 0x00000000, 20, -6
    TEST_M 68, divu, 0x00000000, 0x80000000, -1
    TEST_M 69, divu, 0xffffffff, 0x12345678, 0
    TEST_M 70, divu, 0xffffffff, 0, 0
    TEST_M 71, divu, 0x00000001, 0xffffffff, 0xffffffff

    TEST_M 75, rem, 0x00000002, 20, 6
    TEST_M 76, rem, 0xfffffffe, -20, 6             /* the sign of the dividend */
    TEST_M 77, rem, 0x00000002, 20, -6
    TEST_M 78, rem, 0xfffffffe, -20, -6
    TEST_M 79, rem, 0x00000000, 0x80000000, -1     /* overflow */
    TEST_M 80, rem, 0x80000000, 0x80000000, 0      /* by zero: the dividend */
    TEST_M 81, rem, 0x00000005, 5, 0
    TEST_M 82, rem, 0xfffffffb, -5, 0
    TEST_M 83, rem, 0xffffffff, -1, 2

    TEST_M 85, remu, 0x00000002, 20, 6
    TEST_M 86, remu, 0x00000002, -20, 6
    TEST_M 87, remu, 0x00000014, 20, -6
    TEST_M 88, remu, 0x80000000, 0x80000000, -1
    TEST_M 89, remu, 0x00000005, 5, 0
    TEST_M 90, remu, 0xffffffff, -1, 0

    /* aliasing and x0 */
    li x1, 7
    li x2, -3
    mul x1, x1, x2          /* rd = rs1 */
    CHECK 100, x1, -21
    div x2, x1, x2          /* rd = rs2: -21 / -3 */
    CHECK 101, x2, 7
    rem x1, x1, x1          /* rd = rs1 = rs2 */
    CHECK 102, x1, 0
    mul x0, x2, x2
    CHECK 103, x0, 0
    div x0, x2, x0          /* by zero into x0: still nothing, no trap */
    CHECK 104, x0, 0
    mulhu x3, x0, x2
    CHECK 105, x3, 0
    divu x3, x2, x0
    CHECK 106, x3, 0xffffffff
    remu x3, x2, x0
    CHECK 107, x3, 7
    /* back-to-back dependent operations */
    li x1, 1000
    li x2, 7
    mul x3, x1, x2
    div x3, x3, x2
    rem x4, x3, x2
    CHECK 108, x3, 1000
    CHECK 109, x4, 6
TEST_END
