/* SPDX-License-Identifier: MIT */
/*
 * notohost.S — a program without a `tohost` symbol (so without test_macros.h): it could never
 * report a result, and the runners must refuse it with exit code 2 (ctest cpu_asm_notohost_iss).
 */
    .section .text.init, "ax", @progbits
    .globl _start
_start:
    j _start
