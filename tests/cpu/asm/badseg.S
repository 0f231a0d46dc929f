/* SPDX-License-Identifier: MIT */
/*
 * badseg.S — a program with a loadable segment at 0x4000_0000 (section .badseg, placed there by
 * the build with --section-start), outside IMEM and DMEM: the runners must refuse to load it
 * with exit code 2 (ctest cpu_asm_badseg_iss).
 */
#include "test_macros.h"

TEST_BEGIN
TEST_END

    .section .badseg, "aw", @progbits
    .word 0x12345678
