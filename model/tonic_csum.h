/* SPDX-License-Identifier: MIT */
/* tonic_csum.h — C reference model of the checksum offload (docs/parser.md, "RX checksum
 * verification" and "TX checksum insertion"), the host-side helper that turns a frame into a TX
 * checksum request the way a network stack does, and the one-line text form of parse and checksum
 * results that the model, the tests and `tonicctl recv --meta` share.
 *
 * Sums: a 16-bit ones'-complement sum of big-endian byte pairs counted from the range start (an
 * odd trailing byte is the high byte of a pair with 0), with end-around carry. The representation
 * is the usual one: the sum is 0x0000 only when every byte of the range (and the seed) is 0, and
 * otherwise lies in 0x0001..0xFFFF ("0xFFFF + 0x0001 = 0x0001"). */
#ifndef TONIC_CSUM_H
#define TONIC_CSUM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tonic_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- ones'-complement arithmetic ---- */

/* Ones'-complement sum of p[0 .. n) as big-endian pairs, added to seed (any 32-bit value, folded
 * in), folded to 16 bits. p may be NULL when n is 0. */
uint16_t tonic_csum_sum(const uint8_t *p, unsigned n, uint32_t seed);

/* a + b with end-around carry (both 16-bit). */
uint16_t tonic_csum_add(uint16_t a, uint16_t b);

/* Folded sum of a pseudo-header, not complemented (spec §1 / RFC 768, 793, 8200):
 * IPv4: source and destination address (4 bytes each, at src/dst), zero+protocol, length.
 * IPv6: source and destination address (16 bytes each), 32-bit length, zeros+protocol. */
uint16_t tonic_csum_pseudo4(const uint8_t src[4], const uint8_t dst[4], unsigned proto, uint32_t len);
uint16_t tonic_csum_pseudo6(const uint8_t src[16], const uint8_t dst[16], unsigned proto, uint32_t len);

/* ---- RX verification (docs/parser.md "RX checksum verification") ---- */

/* config_csum is the CONFIG CSUM word (TONIC_CONFIG_CSUM_RX_* bits). Writes the RXC CSUM_FLAGS
 * value (TONIC_CSUMF_* bits, all clear = not checked) and the CSUM_RAW value (sum[14, len), 0 for
 * len ≤ 14). pmeta must be tonic_parse()'s result for the same frame; only bytes inside the frame
 * are read. Either output pointer may be NULL. */
void tonic_rx_csum(const uint8_t *frame, unsigned len, const uint32_t pmeta[7], uint32_t config_csum,
                   uint16_t *flags, uint16_t *raw);

/* ---- TX insertion (docs/parser.md "TX checksum insertion") ---- */

/* Result bits of tonic_tx_csum(). */
#define TONIC_TXCS_WRITTEN   0x01u /* at least one field written: counts STATS TX_CSUM */
#define TONIC_TXCS_SKIPPED   0x02u /* a requested checksum was not written: counts TX_CSUM_SKIP */
#define TONIC_TXCS_OUTER_IP  0x04u /* outer IPv4 header checksum written */
#define TONIC_TXCS_INNER_IP  0x08u /* inner IPv4 header checksum written (ENC) */
#define TONIC_TXCS_L4        0x10u /* the NDIS TCP/UDP field written */
#define TONIC_TXCS_PARTIAL   0x20u /* the Linux-style (csum_start/csum_offset) field written */

/* Patches frame[0 .. len) in place from the TX descriptor txd (first descriptor of the frame),
 * the parser's PMETA of the frame as it arrived, and the CONFIG CSUM word (TONIC_CONFIG_CSUM_TX_*
 * and _PARTIAL). Every sum is taken over the frame as it arrived. Returns TONIC_TXCS_* bits. */
unsigned tonic_tx_csum(uint8_t *frame, unsigned len, const uint32_t txd[8], const uint32_t pmeta[7],
                       uint32_t config_csum);

/* ---- host helper: build a request the way a stack does ---- */

#define TONIC_CSUM_STYLE_NDIS  0 /* CSUM_IP4/IP6, TCP/UDP, IPHDR, L4_OFF, ENC_* */
#define TONIC_CSUM_STYLE_LINUX 1 /* CSUM_PARTIAL, CSUM_START, CSUM_OFFSET (+ CSUM_UDP for UDP) */

/* Parses frame with tonic_parse() and fills txd's checksum request fields (words 3, 4 and 6;
 * other fields are kept) for everything the NIC can compute inside its 256-byte header window,
 * and seeds the frame as a stack would:
 *  NDIS:  zeroes the IPv4 header checksum field(s) it requests, and writes the pseudo-header sum
 *         (with length, not complemented; the addresses of the same set's IP header) into the
 *         TCP/UDP checksum field. For a GRE/NVGRE frame the inner headers are requested (ENC_*).
 *  Linux: the same seed in the innermost TCP/UDP field; IPv4 header checksums are left as they
 *         are (a Linux stack computes them itself).
 * Returns 1 when something was requested, 0 when the frame has nothing to offload (txd's request
 * fields are then cleared and the frame is untouched), -1 for a bad style. */
int tonic_tx_csum_request(uint8_t *frame, unsigned len, uint32_t txd[8], int style);

/* ---- text form ---- */

/* The RXC-visible subset of the parse and checksum results: PTYPE (PMETA bits 0..23), PERR,
 * L3_OFF, L4_OFF, IL3_OFF, IL4_OFF, TUN_ID, CSUM_FLAGS, CSUM_RAW, written into rxc[8] (format
 * RXC) the way rx_dma fills them; other RXC fields are left as they are. TUN_ID is GRE_KEY when
 * KEY_V, else SPI when SPI_V, else 0. */
void tonic_pmeta_to_rxc(const uint32_t pmeta[7], uint16_t csum_flags, uint16_t csum_raw, uint32_t rxc[8]);

/* One line (no newline) describing the RXC parse/checksum fields, e.g.
 *   "vlan=1 l3=ip4@18 l4=tcp@38 csum=IP_OK,TCP_OK raw=0x1a2b"
 *   "l3=ip4@14 l4=gre@34 tun=nvgre vsid=0x123456 flow=0x07 ivlan=0 il3=ip6@56 il4=udp@96 ..."
 * Fields that are 0/none are left out. Returns what snprintf returns (the untruncated length). */
int tonic_rxmeta_format(char *buf, size_t n, const uint32_t rxc[8]);

/* The same line for a PMETA record plus checksum results (through tonic_pmeta_to_rxc()), and a
 * printing helper that adds the PMETA-only fields (L3_END, IHL, LEN ...) and a newline. */
int tonic_pmeta_format(char *buf, size_t n, const uint32_t pmeta[7], uint16_t csum_flags, uint16_t csum_raw);
void tonic_pmeta_print(FILE *out, const uint32_t pmeta[7]);

/* CSUMF_* flags as "IP_OK,TCP_OK,OUTER_IP_OK" ("-" when none); PERR_* as "TRUNC,DEEP" ("-"). */
int tonic_csum_flags_str(char *buf, size_t n, unsigned flags);
int tonic_perr_str(char *buf, size_t n, unsigned perr);

#ifdef __cplusplus
}
#endif

#endif /* TONIC_CSUM_H */
