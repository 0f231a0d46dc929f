/* SPDX-License-Identifier: MIT */
/*
 * spin.S — a program that never stores to tohost: it spins forever, so the runner must stop at
 * its instruction limit with exit code 3 (ctest cpu_asm_limit_iss).
 */
#include "test_macros.h"

TEST_BEGIN
    li TESTNUM, 1
.Lforever:
    addi a0, a0, 1
    j .Lforever
TEST_END
