/* SPDX-License-Identifier: MIT */
/* fwerr.h — the outcome of one mailbox request: status code (MBOX_ST), refused field number and
 * reason text, as carried by MBOX_ERR. The modules fill it; mbox.c encodes it. Also the few string
 * helpers the firmware needs (it links no C library). */
#ifndef FW_FWERR_H
#define FW_FWERR_H

#include <stdint.h>

#include "fw_defs.h"

struct fw_status {
    uint32_t st;    /* TONIC_MBOX_ST_* */
    uint32_t field; /* MBOX_ERR.FIELD */
    unsigned len;   /* characters in text, at most FW_ERR_TEXT_BYTES - 1 */
    char text[FW_ERR_TEXT_BYTES];
};

/* start a refusal: status st, field number, first part of the reason; returns st */
uint32_t fw_fail(struct fw_status *s, uint32_t st, uint32_t field, const char *text);
/* append to the reason (silently truncated at 63 characters, always NUL-terminated) */
void fw_text(struct fw_status *s, const char *text);
void fw_text_u(struct fw_status *s, uint32_t v); /* decimal */
void fw_ok(struct fw_status *s);                 /* status OK, no field, empty text */

#endif /* FW_FWERR_H */
