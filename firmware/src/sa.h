/* SPDX-License-Identifier: MIT */
/* sa.h — the IPsec SA table (docs/mailbox.md "SA table", spec §5).
 *
 * The SA with index i is entry i of the hardware table SATBL and slot i of the write-only key
 * store; the firmware keeps only a generation number per index (and a count). Indices are chosen by
 * open addressing from the hash of (SPI, DST, PROTO) so that the receive engine can find inbound
 * SAs; deleting leaves a tombstone. Handles are (generation << 16) | (index + 1). */
#ifndef FW_SA_H
#define FW_SA_H

#include <stdint.h>

#include "fwerr.h"

/* Reads word `word` of the SA_ADD payload that holds key material (SALT, ENC_KEY, AUTH_KEY words).
 * Key words travel from this function straight into the key store, never into DMEM. */
typedef uint32_t (*sa_secret_fn)(unsigned word);

/* Number of SA payload words that are not secret (words 0 .. SALT-1): what sa_add gets in `w`. */
#define SA_PUBLIC_WORDS FW_WORD(TONIC_SA_SALT)

/* Start-up: every SATBL entry and every key slot zeroed, no SA. */
void sa_init(void);
/* RESET: every SA freed (its handle becomes stale), table emptied, key slots zeroed. */
void sa_reset(void);
/* SA_ADD: w = payload words 0..SA_PUBLIC_WORDS-1; secret() gives the rest. On OK *handle is set. */
uint32_t sa_add(const uint32_t *w, sa_secret_fn secret, uint32_t *handle, struct fw_status *s);
/* SA_UPDATE: set ESN_HI of the SA (which must have ESN). */
uint32_t sa_update(uint32_t handle, uint32_t esn_hi, struct fw_status *s);
/* SA_DEL: tombstone, entry cleared, key slot zeroed, generation advanced. */
uint32_t sa_delete(uint32_t handle, struct fw_status *s);
/* SA_LIST: writes COUNT, NEXT and COUNT SA_INFO entries to out (room for 2 + 15 * 8 words);
 * *nwords = words written. */
uint32_t sa_list(uint32_t start, uint32_t *out, unsigned *nwords, struct fw_status *s);

unsigned sa_count(void);                 /* valid SAs */
unsigned sa_capacity(void);              /* CAPS.IPSEC_SAS, at most the 1,024 table entries */
uint16_t sa_generation(unsigned idx);    /* for tests */
/* h(SPI, DST, PROTO) of docs/mailbox.md: the first index probed */
unsigned sa_hash(uint32_t spi, const uint32_t dst[4], uint32_t proto);

#endif /* FW_SA_H */
