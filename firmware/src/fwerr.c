/* SPDX-License-Identifier: MIT */
/* fwerr.c — building MBOX_ERR reasons: bounded concatenation of short texts and decimals into the
 * 64-byte text field, without a C library. */
#include "fwerr.h"

static void put(struct fw_status *s, char c)
{
    if (s->len < FW_ERR_TEXT_BYTES - 1u) {
        s->text[s->len++] = c;
        s->text[s->len] = '\0';
    }
}

void fw_ok(struct fw_status *s)
{
    s->st = TONIC_MBOX_ST_OK;
    s->field = 0;
    s->len = 0;
    s->text[0] = '\0';
}

uint32_t fw_fail(struct fw_status *s, uint32_t st, uint32_t field, const char *text)
{
    s->st = st;
    s->field = field;
    s->len = 0;
    s->text[0] = '\0';
    fw_text(s, text);
    return st;
}

void fw_text(struct fw_status *s, const char *text)
{
    while (text && *text)
        put(s, *text++);
}

void fw_text_u(struct fw_status *s, uint32_t v)
{
    /* subtract powers of ten, most significant first: no divide (RV32I has none) */
    static const uint32_t pow10[10] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u,
                                       10000u,      1000u,      100u,      10u,      1u};
    int started = 0;
    for (unsigned i = 0; i < 10; i++) {
        char c = '0';
        while (v >= pow10[i]) {
            v -= pow10[i];
            c++;
        }
        if (c != '0' || started || i == 9) {
            put(s, c);
            started = 1;
        }
    }
}
