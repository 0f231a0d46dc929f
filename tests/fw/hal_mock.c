/* SPDX-License-Identifier: MIT */
/* hal_mock.c — hal.h implemented on the arrays of struct mock_hw (see hal_mock.h). The cycle
 * counter advances by 1,000 per read, so the firmware's uptime is predictable. */
#include "hal_mock.h"

#include <string.h>

#include "hal.h"

struct mock_hw mock;

void mock_reset(const uint32_t hwcap[FW_OFFLOAD_WORDS])
{
    memset(&mock, 0, sizeof mock);
    memcpy(mock.hwcap, hwcap, sizeof mock.hwcap);
}

uint32_t hal_hwcap_read(unsigned w)
{
    if (w >= FW_OFFLOAD_WORDS) {
        mock.bad_access++;
        return 0;
    }
    return mock.hwcap[w];
}

void hal_caps_write(unsigned w, uint32_t v)
{
    if (w >= FW_OFFLOAD_WORDS)
        mock.bad_access++;
    else
        mock.caps[w] = v;
}

void hal_config_write(unsigned w, uint32_t v)
{
    if (w >= FW_OFFLOAD_WORDS)
        mock.bad_access++;
    else
        mock.config[w] = v;
}

void hal_key_slot(unsigned slot)
{
    if (slot >= FW_SATBL_ENTRIES)
        mock.bad_access++;
    mock.key_slot = slot;
    mock.key_word = 0;
}

void hal_key_write(uint32_t v)
{
    mock.key_writes++;
    if (mock.key_slot >= FW_SATBL_ENTRIES || mock.key_word >= FW_KEY_SLOT_WORDS) {
        mock.bad_access++;
        return;
    }
    mock.keys[mock.key_slot][mock.key_word++] = v;
}

void hal_tables_clear(void)
{
    memset(mock.satbl, 0, sizeof(mock.satbl));
    memset(mock.keys, 0, sizeof(mock.keys));
}

uint32_t hal_satbl_read(unsigned idx, unsigned word)
{
    if (idx >= FW_SATBL_ENTRIES || word >= FW_SATBL_ENTRY_WORDS) {
        mock.bad_access++;
        return 0;
    }
    return mock.satbl[idx][word];
}

void hal_satbl_write(unsigned idx, unsigned word, uint32_t v)
{
    if (idx >= FW_SATBL_ENTRIES || word >= FW_SATBL_ENTRY_WORDS)
        mock.bad_access++;
    else
        mock.satbl[idx][word] = v;
}

int hal_mbox_pending(void)
{
    return mock.pending;
}

uint32_t hal_mbox_req_read(unsigned word)
{
    if (word >= FW_MBOX_BUF_WORDS) {
        mock.bad_access++;
        return 0;
    }
    return mock.req[word];
}

void hal_mbox_req_clear(void)
{
    memset(mock.req, 0, sizeof mock.req);
    mock.req_clears++;
}

void hal_mbox_resp_write(unsigned word, uint32_t v)
{
    if (word >= FW_MBOX_BUF_WORDS)
        mock.bad_access++;
    else
        mock.resp[word] = v;
}

void hal_mbox_done(void)
{
    if (!mock.pending)
        mock.bad_access++;
    mock.pending = 0;
    mock.done++;
}

void hal_mbox_ready(int on)
{
    mock.ready = on;
}

void hal_putc(char c)
{
    if (mock.console_len < sizeof mock.console - 1)
        mock.console[mock.console_len++] = c;
}

uint64_t hal_cycles(void)
{
    mock.cycles += 1000;
    return mock.cycles;
}

void hal_wait_for_interrupt(void)
{
}
