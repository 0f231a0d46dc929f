/* SPDX-License-Identifier: MIT */
/* start.S — reset entry of the firmware (tonic_rv32 starts fetching at address 0, docs/cpu.md).
 *
 * Sets the stack pointer to the top of DMEM and gp, points mtvec at trap_entry, copies the .data
 * image from its load address in IMEM to DMEM, zeroes .bss and calls main, which never returns.
 * trap_entry (any exception; interrupts stay disabled: mstatus.MIE is never set) passes mcause,
 * mepc and mtval to fw_trap (main.c) on a fresh stack; fw_trap reports and halts. */

    .section .text.start, "ax"
    .globl _start
_start:
    la      sp, __stack_top
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      t0, trap_entry
    csrw    mtvec, t0

    /* .data: IMEM load image -> DMEM */
    la      t0, __data_load
    la      t1, __data_start
    la      t2, __data_end
1:  bgeu    t1, t2, 2f
    lw      t3, 0(t0)
    sw      t3, 0(t1)
    addi    t0, t0, 4
    addi    t1, t1, 4
    j       1b

    /* .bss: zero */
2:  la      t1, __bss_start
    la      t2, __bss_end
3:  bgeu    t1, t2, 4f
    sw      zero, 0(t1)
    addi    t1, t1, 4
    j       3b

4:  call    main
5:  wfi                         /* main does not return; if it did, stay here */
    j       5b

    .align  2                   /* mtvec: direct mode, 4-byte aligned */
trap_entry:
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    la      sp, __stack_top
    call    fw_trap
6:  wfi
    j       6b
