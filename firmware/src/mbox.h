/* SPDX-License-Identifier: MIT */
/* mbox.h — the firmware side of the host mailbox (docs/mailbox.md "Transport"): decode one request
 * from REQ_BUF, check its command and length, dispatch it to offload.c / sa.c, encode the response
 * (or MBOX_ERR) into RESP_BUF and signal DONE. Also the mailbox statistics. */
#ifndef FW_MBOX_H
#define FW_MBOX_H

#include <stdint.h>

#define FW_VERSION 0x000100u /* MBOX_VERSION.FW_VERSION: major[23:16] minor[15:8] patch[7:0] */

/* Start of service: statistics zero, uptime counted from now. */
void mbox_init(void);
/* Serve the pending request: read REQ_BUF, write RESP_BUF, DONE. Call only while PENDING. */
void mbox_process(void);

struct mbox_stats {
    uint32_t requests, errors, sa_adds, sa_dels;
};
void mbox_get_stats(struct mbox_stats *st);

#endif /* FW_MBOX_H */
