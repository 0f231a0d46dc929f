/* SPDX-License-Identifier: MIT */
/* hal.h — the hardware abstraction the control-plane logic (offload.c, sa.c, mbox.c) talks to.
 *
 * The logic never touches an address itself: on the soft core hal_rv.c implements these functions
 * as 32-bit MMIO on the peripherals of docs/registers.md ("Soft-core peripherals"); on the build
 * machine tests/fw/hal_mock.c implements them with arrays, so the same logic is unit tested and
 * fuzzed natively. Every function is a single, simple device operation; none can fail.
 *
 * Word indices: "layout word" w is 0..10 for CSUM..DMA_SG (the OFFLOAD format, offsets
 * 0x0C..0x34 of a CAPS/CONFIG/HWCAP block); "entry word" is 0..15 in a 64-byte SATBL entry
 * (byte offset / 4, e.g. TONIC_P_SATBL_META / 4); "buffer word" is 0..127 in the 512-byte mailbox
 * buffers, words 0-1 being MBOX_HDR. */
#ifndef FW_HAL_H
#define FW_HAL_H

#include <stdint.h>

/* ---- offload blocks ---- */
uint32_t hal_hwcap_read(unsigned w);            /* HWCAP layout word w (what the RTL was built with) */
void hal_caps_write(unsigned w, uint32_t v);    /* host-visible CAPS layout word w */
void hal_config_write(unsigned w, uint32_t v);  /* host-visible CONFIG layout word w (datapath follows) */

/* ---- key store (KEYS): write-only, there is deliberately no read function ---- */
void hal_key_slot(unsigned slot);  /* select slot (= SA index) and reset its word pointer to 0 */
void hal_key_write(uint32_t v);    /* write the next word of the selected slot (32 words per slot) */

/* ---- hardware SA table (SATBL): 1,024 entries of 16 words ---- */
uint32_t hal_satbl_read(unsigned idx, unsigned word);
void hal_satbl_write(unsigned idx, unsigned word, uint32_t v);
/* Zero every SATBL entry and every key slot (the device's clear engine); returns when done. */
void hal_tables_clear(void);

/* ---- mailbox, firmware side ---- */
int hal_mbox_pending(void);                    /* STATUS.PENDING: a request waits in REQ_BUF */
uint32_t hal_mbox_req_read(unsigned word);     /* REQ_BUF buffer word */
void hal_mbox_req_clear(void);                 /* overwrite all 128 REQ_BUF words with 0 */
void hal_mbox_resp_write(unsigned word, uint32_t v); /* RESP_BUF buffer word */
void hal_mbox_done(void);                      /* DONE = 1: response complete, PENDING falls */
void hal_mbox_ready(int on);                   /* READY bit0 (host STATUS.FW_READY) */

/* ---- core ---- */
void hal_putc(char c);          /* console byte (dropped by the device when its FIFO is full) */
uint64_t hal_cycles(void);      /* core clock cycles since reset (the cycle CSR pair) */
void hal_wait_for_interrupt(void); /* sleep until the mailbox interrupt (WFI; may return at once) */

#endif /* FW_HAL_H */
