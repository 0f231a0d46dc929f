/* SPDX-License-Identifier: MIT */
/* fwtest.h — support for the native firmware tests: exact-value checks that count (tests/common/test.h,
 * with the counters shared across files), booting the firmware logic on the mock
 * HAL, sending one mailbox request the way the host does and decoding the response, PARAMS and SA
 * request builders, and an independent reference of the receive engine's SA lookup. */
#ifndef FW_FWTEST_H
#define FW_FWTEST_H

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "fw_defs.h"
#include "hal_mock.h"

#define TONIC_TEST_SHARED_COUNTERS
#include "test.h" /* tests/common: CHECK, CHECK_EQ, CHECK_STR, CHECK_HAS, TEST_DONE */

/* a response with status st, field f and reason text t */
#define CHECK_ERR(r, st, f, t)                                                                        \
    do {                                                                                              \
        CHECK_EQ((r).status, st);                                                                     \
        CHECK_EQ((r).field, f);                                                                       \
        CHECK_STR((r).text, t);                                                                       \
    } while (0)

/* a HWCAP with everything: all checksums and options, LSO, RSC, GRE, IPsec, all algorithms */
extern const uint32_t full_caps[FW_OFFLOAD_WORDS];

/* power-on: mock devices zeroed with HWCAP = hwcap, then the firmware's start-up */
void fw_boot(const uint32_t hwcap[FW_OFFLOAD_WORDS]);

struct rsp {
    uint32_t seq, cmd, len, status;
    uint32_t w[FW_MBOX_MAX_LEN / 4]; /* payload words */
    uint32_t field;                  /* MBOX_ERR, when status != OK */
    char text[FW_ERR_TEXT_BYTES + 1];
};

/* one request as the host sends it: header (next SEQ, cmd, len, STATUS 0) and len payload bytes
 * from payload (may be NULL: zeros); checks the transport invariants of the response (DONE, SEQ
 * and CMD echoed, LEN <= 504, MBOX_ERR present and well-formed on errors). Returns the status. */
uint32_t fw_req(uint32_t cmd, const uint32_t *payload, unsigned len, struct rsp *r);
/* the same with the two header words given exactly (fuzzing); the invariants are counted too */
uint32_t fw_req_raw(uint32_t hdr0, uint32_t hdr1, const uint32_t *payload, unsigned words, struct rsp *r);
/* transport-invariant violations seen by fw_req/fw_req_raw (also counted as failed checks) */
extern unsigned long fw_transport_errors;

/* PARAMS words */
uint32_t params0(unsigned ip4, unsigned tcp4, unsigned udp4, unsigned tcp6, unsigned udp6);
uint32_t params1(unsigned lso1_4, unsigned lso2_4, unsigned lso2_6, unsigned rsc4, unsigned rsc6,
                 unsigned encap, unsigned ipsec);
uint32_t set_params(uint32_t w0, uint32_t w1, struct rsp *r);

/* a valid SA request (32 words) for the algorithms: key lengths, ICV length, keys and salt
 * filled in (keys from the seed, with no zero bytes) */
void sa_build(uint32_t w[32], unsigned dir, unsigned proto, unsigned enc, unsigned auth, uint32_t spi,
              uint32_t dst0, uint32_t seed);
uint32_t sa_add_req(const uint32_t w[32], struct rsp *r); /* handle in r->w[0] on OK */
uint32_t sa_del_req(uint32_t handle, struct rsp *r);
uint32_t sa_update_req(uint32_t handle, uint32_t esn_hi, struct rsp *r);

/* reference of the receive lookup: hash of docs/mailbox.md computed independently, probe past
 * valid entries and tombstones until a match or an empty entry; the index, or -1 */
unsigned ref_hash(uint32_t spi, const uint32_t dst[4], uint32_t proto);
int ref_lookup(uint32_t spi, const uint32_t dst[4], uint32_t proto);

/* does any 4-byte run of key (klen bytes) occur, at any byte offset, in area? */
int has_key_bytes(const void *area, size_t n, const uint8_t *key, size_t klen);

#endif /* FW_FWTEST_H */
