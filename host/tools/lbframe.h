/* SPDX-License-Identifier: MIT */
/* lbframe.h — self-describing test frames for `tonicctl loopback`.
 *
 * Layout (big-endian fields):
 *   0  dst MAC 02:74:6f:6e:69:63, src MAC 02:74:6f:6e:69:<txq>, ethertype 0x88B5 (IEEE local
 *      experimental, so no parser mistakes it for IP)
 *  14  "TNLB", sequence number (32), TX queue (8), 0 (8), frame length (16), header check (32)
 *  30  pseudo-random bytes derived from (seed, sequence number)
 * The receiver regenerates the whole frame from the header and compares every byte. The MAC pads
 * frames shorter than 60 bytes; the padding must come back as zeros. */
#ifndef TONIC_LBFRAME_H
#define TONIC_LBFRAME_H

#include <stddef.h>
#include <stdint.h>

#define LB_HDR_LEN 30u
#define LB_MIN_WIRE 60u /* Ethernet minimum without FCS */

enum lb_result {
    LB_OK = 0,
    LB_FOREIGN,       /* not a loopback frame (short, bad magic or header check) */
    LB_LEN_MISMATCH,  /* received length differs from the length in the header (after padding) */
    LB_DATA_MISMATCH, /* a byte differs */
};

struct lb_info {
    uint32_t seq;
    unsigned txq;
    size_t len;       /* length the sender used */
    size_t bad_off;   /* first differing byte for LB_DATA_MISMATCH */
};

/* Length of frame seq for sizes in [min, max], a pure function of (seed, seq). */
size_t lb_len(uint64_t seed, uint32_t seq, size_t min, size_t max);
/* Writes a frame of len >= LB_HDR_LEN bytes. */
void lb_make(uint8_t *buf, size_t len, uint64_t seed, unsigned txq, uint32_t seq);
enum lb_result lb_check(const uint8_t *buf, size_t len, uint64_t seed, struct lb_info *info);

#endif /* TONIC_LBFRAME_H */
