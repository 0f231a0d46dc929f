/* SPDX-License-Identifier: MIT */
/* hal_mock.h — the firmware's HAL (firmware/include/hal.h) on the build machine: every device the
 * firmware talks to is a plain array here, so the tests can set HWCAP, post requests, read
 * responses and inspect what the firmware wrote — including the key store, which the firmware
 * itself can only write. Out-of-range accesses are counted (bad_access), never performed. */
#ifndef FW_HAL_MOCK_H
#define FW_HAL_MOCK_H

#include <stdint.h>

#include "fw_defs.h"

struct mock_hw {
    uint32_t hwcap[FW_OFFLOAD_WORDS];
    uint32_t caps[FW_OFFLOAD_WORDS];
    uint32_t config[FW_OFFLOAD_WORDS];
    uint32_t satbl[FW_SATBL_ENTRIES][FW_SATBL_ENTRY_WORDS];
    uint32_t keys[FW_SATBL_ENTRIES][FW_KEY_SLOT_WORDS];
    unsigned key_slot, key_word; /* KEYS SLOT / word pointer */
    unsigned long key_writes;
    uint32_t req[FW_MBOX_BUF_WORDS], resp[FW_MBOX_BUF_WORDS];
    int pending, ready;
    unsigned long done, req_clears;
    uint64_t cycles;
    char console[1024];
    unsigned console_len;
    unsigned long bad_access; /* index out of range, key word past the slot, DONE while idle */
};

extern struct mock_hw mock;

/* all devices zero, HWCAP = hwcap */
void mock_reset(const uint32_t hwcap[FW_OFFLOAD_WORDS]);

#endif /* FW_HAL_MOCK_H */
