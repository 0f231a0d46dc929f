/* SPDX-License-Identifier: MIT */
/*
 * Reference model for the MAC tests: Ethernet CRC-32 computed bit by bit (independent of the
 * RTL's table-free parallel form), TX padding + FCS, RX frame classification, and a small
 * deterministic PRNG so every test run is reproducible from its printed seed.
 */
#ifndef TONIC_TESTS_MAC_MODEL_H
#define TONIC_TESTS_MAC_MODEL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The FCS of n bytes: reflected CRC-32 (0xEDB88320), init 0xFFFFFFFF, complemented. On the wire
 * it follows the data least significant byte first. */
uint32_t mac_crc32(const uint8_t *p, size_t n);

/* The CRC register (not complemented) after feeding n bytes into reg; a good frame including its
 * FCS leaves MAC_CRC_RESIDUE when started from 0xFFFFFFFF. */
uint32_t mac_crc32_update(uint32_t reg, const uint8_t *p, size_t n);
#define MAC_CRC_RESIDUE 0xDEBB20E3u

/* What eth_mac_tx sends for a frame of n bytes: the data, zero bytes up to min_frame, the FCS
 * (complemented if abort). out must hold max(n, min_frame) + 4 bytes. Returns the length. */
size_t mac_tx_frame(const uint8_t *in, size_t n, int abort, size_t min_frame, uint8_t *out);

enum mac_rx_verdict { MAC_RX_GOOD, MAC_RX_BAD_FCS, MAC_RX_RUNT, MAC_RX_OVERSIZE };

/* Classify a received frame of n bytes including FCS, priority oversize > runt > bad FCS. */
enum mac_rx_verdict mac_rx_check(const uint8_t *wire, size_t n, size_t max_frame);
const char *mac_rx_verdict_name(enum mac_rx_verdict v);

/* How many bytes eth_mac_rx passes on for that frame: n - 4 normally, n for frames of at most
 * 4 bytes, and for oversize frames the whole beats (keep_w bytes) within max_frame + 4. */
size_t mac_rx_out_len(size_t n, size_t max_frame, size_t keep_w);

/* xorshift64* generator */
typedef struct {
    uint64_t s;
} mac_rng;

void mac_rng_seed(mac_rng *r, uint64_t seed);
uint64_t mac_rng_next(mac_rng *r);
uint32_t mac_rng_below(mac_rng *r, uint32_t n);      /* uniform 0..n-1, n > 0 */
int mac_rng_chance(mac_rng *r, unsigned percent);    /* true with the given probability */
void mac_rng_fill(mac_rng *r, uint8_t *p, size_t n); /* random bytes */

/* Parse argv[idx] as a seed (decimal or 0x hex); dflt when absent. Returns 0 on a bad value. */
int mac_parse_seed(int argc, char **argv, int idx, uint64_t dflt, uint64_t *seed);

#ifdef __cplusplus
}
#endif

#endif /* TONIC_TESTS_MAC_MODEL_H */
