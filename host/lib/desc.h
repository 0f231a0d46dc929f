/* SPDX-License-Identifier: MIT */
/* desc.h — encoding of TX/RX descriptors and parsing of completions, using only the generated
 * field accessors of tonic_regs.h (formats TXD, TXC, RXD, RXC). Pure functions on memory, so
 * they are tested against exact words without a device. */
#ifndef TONIC_DESC_H
#define TONIC_DESC_H

#include <stdbool.h>
#include <stdint.h>

#include "tonic/tonic.h"

/* Writes a whole 32-byte TX descriptor: buffer, length, EOP, and the offload fields of meta
 * (pass meta only for the frame's first descriptor; NULL leaves them 0). */
void tonic_txd_encode(void *d, uint64_t addr, uint32_t len, bool eop, const struct tonic_tx_meta *meta);
/* Writes a whole 16-byte RX descriptor. */
void tonic_rxd_encode(void *d, uint64_t addr, uint32_t len);

/* Has the device written this completion in the pass whose phase is `phase`? Loads the phase word
 * with acquire semantics: the other words may be read after a true answer. */
bool tonic_txc_ready(const void *e, uint32_t phase);
bool tonic_rxc_ready(const void *e, uint32_t phase);
void tonic_txc_decode(const void *e, struct tonic_tx_cpl *c);
void tonic_rxc_decode(const void *e, struct tonic_rx_meta *m);

#endif /* TONIC_DESC_H */
