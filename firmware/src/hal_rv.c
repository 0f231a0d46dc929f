/* SPDX-License-Identifier: MIT */
/* hal_rv.c — hal.h on tonic_rv32: naturally aligned 32-bit loads and stores to the soft-core
 * peripherals of docs/registers.md (TONIC_P_* from tonic_regs.h), the cycle CSRs and WFI. */
#include <stdint.h>

#include "fw_defs.h"
#include "hal.h"

#define REG(base, off) (*(volatile uint32_t *)(uintptr_t)((base) + (off)))

uint32_t hal_hwcap_read(unsigned w)
{
    return REG(TONIC_P_HWCAP_BASE, TONIC_P_HWCAP_LAYOUT + 4u * w);
}

void hal_caps_write(unsigned w, uint32_t v)
{
    REG(TONIC_P_CAPS_BASE, TONIC_P_CAPS_LAYOUT + 4u * w) = v;
}

void hal_config_write(unsigned w, uint32_t v)
{
    REG(TONIC_P_CONFIG_BASE, TONIC_P_CONFIG_LAYOUT + 4u * w) = v;
}

void hal_key_slot(unsigned slot)
{
    REG(TONIC_P_KEYS_BASE, TONIC_P_KEYS_SLOT) = slot;
}

void hal_key_write(uint32_t v)
{
    REG(TONIC_P_KEYS_BASE, TONIC_P_KEYS_DATA) = v;
}

void hal_tables_clear(void)
{
    REG(TONIC_P_KEYS_BASE, TONIC_P_KEYS_CLEAR) = 1;
    while (REG(TONIC_P_KEYS_BASE, TONIC_P_KEYS_CLEAR) & 1u)
        ;
}

uint32_t hal_satbl_read(unsigned idx, unsigned word)
{
    return REG(TONIC_P_SATBL_BASE, (idx * FW_SATBL_ENTRY_WORDS + word) * 4u);
}

void hal_satbl_write(unsigned idx, unsigned word, uint32_t v)
{
    REG(TONIC_P_SATBL_BASE, (idx * FW_SATBL_ENTRY_WORDS + word) * 4u) = v;
}

int hal_mbox_pending(void)
{
    return (REG(TONIC_P_MBOX_BASE, TONIC_P_MBOX_STATUS) & FW_MBOX_STATUS_PENDING) != 0;
}

uint32_t hal_mbox_req_read(unsigned word)
{
    return REG(TONIC_P_MBOX_BASE, TONIC_P_MBOX_REQ_BUF + 4u * word);
}

void hal_mbox_req_clear(void)
{
    for (unsigned w = 0; w < FW_MBOX_BUF_WORDS; w++)
        REG(TONIC_P_MBOX_BASE, TONIC_P_MBOX_REQ_BUF + 4u * w) = 0;
}

void hal_mbox_resp_write(unsigned word, uint32_t v)
{
    REG(TONIC_P_MBOX_BASE, TONIC_P_MBOX_RESP_BUF + 4u * word) = v;
}

void hal_mbox_done(void)
{
    REG(TONIC_P_MBOX_BASE, TONIC_P_MBOX_DONE) = 1;
}

void hal_mbox_ready(int on)
{
    REG(TONIC_P_MBOX_BASE, TONIC_P_MBOX_READY) = on ? FW_MBOX_READY_BIT : 0;
}

void hal_putc(char c)
{
    REG(TONIC_P_CONSOLE_BASE, TONIC_P_CONSOLE_DATA) = (uint8_t)c;
}

uint64_t hal_cycles(void)
{
    uint32_t hi, lo, hi2;
    do { /* re-read when the low word wrapped between the two reads of the high word */
        __asm__ volatile("csrr %0, cycleh" : "=r"(hi));
        __asm__ volatile("csrr %0, cycle" : "=r"(lo));
        __asm__ volatile("csrr %0, cycleh" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

void hal_wait_for_interrupt(void)
{
    /* mie.MEIE (bit 11) lets the mailbox interrupt end WFI; mstatus.MIE stays 0: no trap taken */
    __asm__ volatile("csrs mie, %0\n\twfi" : : "r"(1u << 11) : "memory");
}
