/* SPDX-License-Identifier: MIT */
/*
 * hello.S — prints "Hello from tonic_rv32" through the console test device (0x3000_0000: a
 * store writes its low byte to the runner's standard output) and passes. The smallest program
 * that exercises loads from IMEM (.rodata), byte stores to the peripheral bus and tohost; a
 * ctest also looks for the text in the runner's output.
 */
#include "test_macros.h"

TEST_BEGIN
    la a0, message
    li a1, CONSOLE
    li TESTNUM, 1
.Lloop:
    lbu a2, 0(a0)
    beqz a2, .Ldone
    sb a2, 0(a1)
    addi a0, a0, 1
    j .Lloop
.Ldone:
    /* the console reads 0 */
    li a2, 0x5a5a5a5a
    lw a2, 0(a1)
    CHECK 2, a2, 0
TEST_END

    .section .rodata
message:
    .string "Hello from tonic_rv32\n"
