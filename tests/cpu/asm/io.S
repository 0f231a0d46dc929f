/* SPDX-License-Identifier: MIT */
/*
 * io.S — the test devices that tonic-cpu and tonic-iss put on the peripheral bus (docs/cpu.md,
 * Peripheral bus): the console at 0x3000_0000 (stores print their low byte, loads read 0) and
 * the 4 KiB scratch RAM at 0x3000_1000 (word, halfword and byte accesses at every lane, both
 * ends, sign extension), and access faults for the rest of the region. On tonic-cpu the scratch
 * RAM stalls requests and responses at random, which these accesses must not notice.
 */
#include "test_macros.h"

TEST_BEGIN
    csrw mie, zero
    /* ---------------- console ---------------- */
    li s0, CONSOLE
    li a0, 'i'
    sb a0, 0(s0)
    li a0, 0x1234566f            /* a word store prints its low byte: 'o' */
    sw a0, 0(s0)
    li a0, '\n'
    sb a0, 0(s0)
    li a1, 0x5555
    lw a1, 0(s0)
    CHECK 1, a1, 0
    li a1, 0x5555
    lbu a1, 0(s0)
    CHECK 2, a1, 0
    li a1, 0x5555
    lh a1, 0(s0)
    CHECK 3, a1, 0

    /* ---------------- scratch RAM ---------------- */
    li s1, SCRATCH
    li a0, 0x01234567
    sw a0, 0(s1)
    li a0, 0x89abcdef
    sw a0, 4(s1)
    lw a1, 0(s1)
    CHECK 10, a1, 0x01234567
    lw a1, 4(s1)
    CHECK 11, a1, 0x89abcdef
    lb a1, 4(s1)
    CHECK 12, a1, 0xffffffef
    lb a1, 5(s1)
    CHECK 13, a1, 0xffffffcd
    lbu a1, 6(s1)
    CHECK 14, a1, 0xab
    lbu a1, 7(s1)
    CHECK 15, a1, 0x89
    lb a1, 3(s1)
    CHECK 16, a1, 0x01
    lh a1, 4(s1)
    CHECK 17, a1, 0xffffcdef
    lhu a1, 6(s1)
    CHECK 18, a1, 0x89ab
    lh a1, 2(s1)
    CHECK 19, a1, 0x0123
    /* byte stores at each lane */
    li a0, 0x11
    sb a0, 0(s1)
    lw a1, 0(s1)
    CHECK 20, a1, 0x01234511
    li a0, 0x22
    sb a0, 1(s1)
    lw a1, 0(s1)
    CHECK 21, a1, 0x01232211
    li a0, 0x33
    sb a0, 2(s1)
    lw a1, 0(s1)
    CHECK 22, a1, 0x01332211
    li a0, 0xfffff844
    sb a0, 3(s1)
    lw a1, 0(s1)
    CHECK 23, a1, 0x44332211
    /* halfword stores at both lanes */
    li a0, 0x5566
    sh a0, 4(s1)
    lw a1, 4(s1)
    CHECK 24, a1, 0x89ab5566
    li a0, 0xffff8877
    sh a0, 6(s1)
    lw a1, 4(s1)
    CHECK 25, a1, 0x88775566
    lh a1, 6(s1)
    CHECK 26, a1, 0xffff8877
    /* the last word and the last byte */
    li s2, SCRATCH + 0xffc
    li a0, 0xcafef00d
    sw a0, 0(s2)
    lw a1, 0(s2)
    CHECK 27, a1, 0xcafef00d
    li a0, 0x7e
    sb a0, 3(s2)
    lw a1, 0(s2)
    CHECK 28, a1, 0x7efef00d
    lw a1, 0(s1)                 /* no aliasing between the ends */
    CHECK 29, a1, 0x44332211
    /* a stretch of words, written then read back */
    li a0, 0
    li a2, 64
.Lfill:
    slli a3, a0, 2
    add a3, a3, s1
    xori a4, a0, 0x5a5
    sw a4, 0x100(a3)
    addi a0, a0, 1
    bne a0, a2, .Lfill
    li a0, 0
    li TESTNUM, 30
.Lcheck:
    slli a3, a0, 2
    add a3, a3, s1
    lw a4, 0x100(a3)
    xori a5, a0, 0x5a5
    BNE_FAIL a4, a5
    addi a0, a0, 1
    bne a0, a2, .Lcheck

    /* ---------------- the rest of the region faults ---------------- */
    li a0, 0x30000004
    EXPECT_EXC 40, CAUSE_LOAD_FAULT, 0x30000004, lw a1, 0(a0)
    EXPECT_EXC 41, CAUSE_STORE_FAULT, 0x30000004, sw a1, 0(a0)
    li a0, 0x30000ffc
    EXPECT_EXC 42, CAUSE_LOAD_FAULT, 0x30000fff, lbu a1, 3(a0)
    li a0, 0x30002000
    EXPECT_EXC 43, CAUSE_LOAD_FAULT, 0x30002000, lw a1, 0(a0)
    EXPECT_EXC 44, CAUSE_STORE_FAULT, 0x30002002, sh a1, 2(a0)
    li a0, 0x3ffffffc
    EXPECT_EXC 45, CAUSE_LOAD_FAULT, 0x3ffffffc, lw a1, 0(a0)
    EXPECT_EXC 46, CAUSE_STORE_FAULT, 0x3fffffff, sb a1, 3(a0)
    li a0, 0x30800000
    EXPECT_EXC 47, CAUSE_STORE_FAULT, 0x30800000, sw a1, 0(a0)
    /* misaligned: not sent to the device */
    li a0, SCRATCH
    EXPECT_EXC 48, CAUSE_LOAD_MISALIGNED, 0x30001002, lw a1, 2(a0)
    EXPECT_EXC 49, CAUSE_STORE_MISALIGNED, 0x30001001, sh a1, 1(a0)
    lw a1, 0(s1)                 /* the scratch RAM still holds its data */
    CHECK 50, a1, 0x44332211
TEST_END
