/* SPDX-License-Identifier: MIT */
/* main.c — the firmware's start and main loop on the soft core.
 *
 * Start: publish CAPS (from HWCAP) and the start CONFIG, empty the SA table and the key store, set
 * MBOX.READY and print one banner line on the console. Then serve the mailbox forever: while a
 * request is pending process it, otherwise sleep in WFI (mie.MEIE set, mstatus.MIE clear, so the
 * mailbox interrupt ends the WFI without taking a trap; WFI is a no-operation on tonic_rv32, which
 * makes this a polling loop there). A trap (a firmware bug) lands in fw_trap: READY is cleared so
 * the host sees a dead firmware at once, the cause is printed and recorded, and the core halts. */
#include <stdint.h>

#include "fwerr.h"
#include "hal.h"
#include "mbox.h"
#include "offload.h"
#include "sa.h"

int main(void);
void fw_trap(uint32_t cause, uint32_t epc, uint32_t tval);

/* what the last trap was (mcause, mepc, mtval), for a debugger or a DMEM dump */
volatile uint32_t fw_trap_info[3];

static void put_text(const char *t)
{
    while (*t)
        hal_putc(*t++);
}

static void put_hex(uint32_t v)
{
    put_text("0x");
    for (int i = 28; i >= 0; i -= 4)
        hal_putc("0123456789abcdef"[(v >> i) & 0xFu]);
}

void fw_trap(uint32_t cause, uint32_t epc, uint32_t tval)
{
    fw_trap_info[0] = cause;
    fw_trap_info[1] = epc;
    fw_trap_info[2] = tval;
    hal_mbox_ready(0);
    put_text("tonic-fw: trap mcause=");
    put_hex(cause);
    put_text(" mepc=");
    put_hex(epc);
    put_text(" mtval=");
    put_hex(tval);
    put_text(", halted\n");
    for (;;)
        hal_wait_for_interrupt();
}

int main(void)
{
    struct fw_status line;

    offload_init();
    sa_init();
    mbox_init();

    fw_fail(&line, 0, 0, "tonic-fw ");
    fw_text_u(&line, (FW_VERSION >> 16) & 0xFFu);
    fw_text(&line, ".");
    fw_text_u(&line, (FW_VERSION >> 8) & 0xFFu);
    fw_text(&line, ".");
    fw_text_u(&line, FW_VERSION & 0xFFu);
    fw_text(&line, ": mailbox protocol ");
    fw_text_u(&line, FW_PROTO_VERSION);
    fw_text(&line, ", ");
    fw_text_u(&line, sa_capacity());
    fw_text(&line, " SAs, ready\n");
    put_text(line.text);
    hal_mbox_ready(1);

    for (;;) {
        if (hal_mbox_pending())
            mbox_process();
        else
            hal_wait_for_interrupt();
    }
}
