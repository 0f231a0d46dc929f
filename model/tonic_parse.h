/* SPDX-License-Identifier: MIT */
/* tonic_parse.h — C reference model of the header parser (rtl/parse/). It implements the walk of
 * docs/parser.md step by step and fills one PMETA record (format PMETA in rtl/regs/tonic_regs.toml,
 * accessors tonic_pmeta_*() in the generated tonic_regs.h), so the RTL can be compared with it bit
 * for bit. */
#ifndef TONIC_PARSE_H
#define TONIC_PARSE_H

#include <stdint.h>

#include "tonic_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Number of 32-bit words of a PMETA record. */
#define TONIC_PMETA_WORDS (TONIC_PMETA_SIZE / 4u)

/* The parser's header window: no header byte at or beyond this offset is read. */
#define TONIC_PARSE_WINDOW 256u

/* The IPv6 extension-header budget (bytes after the fixed header). */
#define TONIC_PARSE_IP6_EXT_MAX 128u

/* Parses frame[0 .. len) and writes all seven PMETA words (every field not reached is 0; LEN is
 * len, truncated to the field's 14 bits for longer buffers). Reads no byte at or beyond len and
 * none at or beyond TONIC_PARSE_WINDOW. frame may be NULL when len is 0. */
void tonic_parse(const uint8_t *frame, unsigned len, uint32_t pmeta[7]);

#ifdef __cplusplus
}
#endif

#endif /* TONIC_PARSE_H */
