/* SPDX-License-Identifier: MIT */
/*
 * fail3.S — a test that fails on purpose: checks 1 and 2 pass, check 3 does not. The runners
 * must report "test 3 failed" (tohost = 7) and exit non-zero (ctest cpu_asm_fail3_*).
 */
#include "test_macros.h"

TEST_BEGIN
    li a0, 5
    CHECK 1, a0, 5
    addi a0, a0, 1
    CHECK 2, a0, 6
    addi a0, a0, 1
    CHECK 3, a0, 8 /* wrong on purpose: a0 is 7 */
    CHECK 4, a0, 7
TEST_END
