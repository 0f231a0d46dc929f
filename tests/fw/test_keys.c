/* SPDX-License-Identifier: MIT */
/* test_keys.c — key material (docs/mailbox.md "SA table": keys go only into the write-only key
 * store). For every valid algorithm combination: the slot holds exactly the used key bytes (cipher
 * words 0-7, authentication words 8-15, salt word 16 for GCM/GMAC, the rest zero), and no 4-byte run
 * of any key or salt appears in the response buffer, the request buffer (cleared after every
 * SA_ADD, accepted or not), CAPS/CONFIG, SATBL, an SA_LIST response, the console, or anywhere in the
 * firmware's static memory. SA_DEL, RESET and start-up zero the slots. */
#include "fwtest.h"


#include "mbox.h"
#include "offload.h"
#include "sa.h"

extern char __data_start[], end[]; /* the process's static data (GNU ld): the firmware's "DMEM" */

/* the key bytes an SA uses, in order: cipher key, authentication key, salt */
static size_t used_key_bytes(const uint32_t w[32], uint8_t *out, int with_salt)
{
    size_t n = 0;
    const uint8_t *enc = (const uint8_t *)&w[FW_WORD(TONIC_SA_ENC_KEY)];
    const uint8_t *auth = (const uint8_t *)&w[FW_WORD(TONIC_SA_AUTH_KEY)];
    memcpy(out, enc, tonic_sa_enc_key_len(w));
    n += tonic_sa_enc_key_len(w);
    memcpy(out + n, auth, tonic_sa_auth_key_len(w));
    n += tonic_sa_auth_key_len(w);
    if (with_salt) {
        memcpy(out + n, &w[FW_WORD(TONIC_SA_SALT)], 4);
        n += 4;
    }
    return n;
}

/* scan static memory except the mock devices (the key store is there, legitimately) */
__attribute__((no_sanitize_address)) static int static_memory_has(const uint8_t *key, size_t klen)
{
    const uint8_t *a = (const uint8_t *)__data_start, *b = (const uint8_t *)end;
    const uint8_t *m0 = (const uint8_t *)&mock, *m1 = m0 + sizeof mock;
    for (const uint8_t *p = a; p + 4 <= b; p++) {
        if (p + 4 > m0 && p < m1) {
            p = m1 - 1;
            continue;
        }
        for (size_t k = 0; k + 4 <= klen; k++)
            if (p[0] == key[k] && p[1] == key[k + 1] && p[2] == key[k + 2] && p[3] == key[k + 3])
                return 1;
    }
    return 0;
}

static int leaks(const uint8_t *key, size_t n, const struct rsp *list)
{
    int bad = 0;
    bad |= has_key_bytes(mock.resp, sizeof mock.resp, key, n) << 0;
    bad |= has_key_bytes(mock.req, sizeof mock.req, key, n) << 1;
    bad |= has_key_bytes(mock.caps, sizeof mock.caps, key, n) << 2;
    bad |= has_key_bytes(mock.config, sizeof mock.config, key, n) << 3;
    bad |= has_key_bytes(mock.satbl, sizeof mock.satbl, key, n) << 4;
    bad |= has_key_bytes(list->w, list->len, key, n) << 5;
    bad |= has_key_bytes(mock.console, mock.console_len, key, n) << 6;
    bad |= static_memory_has(key, n) << 7;
    if (bad)
        printf("key bytes found in area mask 0x%x\n", bad);
    return bad;
}

static void check_slot(unsigned idx, const uint32_t w[32], int salt)
{
    for (unsigned k = 0; k < FW_KEY_SLOT_WORDS; k++) {
        uint32_t want = 0;
        unsigned len = 0, off = 0, src = 0;
        if (k < 8) {
            len = tonic_sa_enc_key_len(w), off = k * 4, src = FW_WORD(TONIC_SA_ENC_KEY) + k;
        } else if (k < 16) {
            len = tonic_sa_auth_key_len(w), off = (k - 8) * 4, src = FW_WORD(TONIC_SA_AUTH_KEY) + k - 8;
        } else if (k == 16 && salt) {
            len = 4, src = FW_WORD(TONIC_SA_SALT);
        }
        for (unsigned b = 0; b < 4; b++)
            if (off + b < len)
                want |= w[src] & (0xFFu << (8 * b));
        CHECK_EQ(mock.keys[idx][k], want);
    }
}

static void every_algorithm(void)
{
    static const struct {
        unsigned proto, enc, auth, salt;
    } algs[] = {
        {2, TONIC_SA_ENC_AES_GCM_128, 0, 1},  {2, TONIC_SA_ENC_AES_GCM_192, 0, 1},
        {2, TONIC_SA_ENC_AES_GCM_256, 0, 1},  {2, TONIC_SA_ENC_AES_GMAC_128, 0, 1},
        {2, TONIC_SA_ENC_AES_GMAC_256, 0, 1}, {2, TONIC_SA_ENC_AES_CBC_128, TONIC_SA_AUTH_HMAC_SHA1_96, 0},
        {2, TONIC_SA_ENC_AES_CBC_256, TONIC_SA_AUTH_HMAC_SHA256_128, 0},
        {1, 0, TONIC_SA_AUTH_HMAC_SHA1_96, 0}, {1, 0, TONIC_SA_AUTH_HMAC_SHA256_128, 0},
        {3, TONIC_SA_ENC_AES_GCM_192, TONIC_SA_AUTH_HMAC_SHA1_96, 1},
        {3, TONIC_SA_ENC_AES_CBC_256, TONIC_SA_AUTH_HMAC_SHA256_128, 0},
    };
    struct rsp r, list;
    uint32_t w[32];
    uint8_t key[72];
    fw_boot(full_caps);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 4), &r), TONIC_MBOX_ST_OK);
    for (unsigned i = 0; i < sizeof algs / sizeof algs[0]; i++) {
        sa_build(w, i & 1, algs[i].proto, algs[i].enc, algs[i].auth, 0x700 + i, 0x0A0B0C00u + i, 100 + i);
        size_t n = used_key_bytes(w, key, algs[i].salt);
        unsigned long writes = mock.key_writes, clears = mock.req_clears;
        CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
        unsigned idx = (r.w[0] & 0xFFFFu) - 1u;
        CHECK_EQ(mock.key_writes - writes, FW_KEY_SLOT_WORDS);
        CHECK_EQ(mock.req_clears, clears + 1);
        check_slot(idx, w, algs[i].salt);
        uint32_t start = 0;
        CHECK_EQ(fw_req(TONIC_MBOX_CMD_SA_LIST, &start, 4, &list), TONIC_MBOX_ST_OK);
        CHECK_EQ(leaks(key, n, &list), 0);
        /* request bytes beyond the key lengths went nowhere either */
        uint8_t unused[32];
        unsigned ekl = tonic_sa_enc_key_len(w);
        if (ekl < 32) {
            memcpy(unused, (const uint8_t *)&w[FW_WORD(TONIC_SA_ENC_KEY)] + ekl, 32 - ekl);
            CHECK(!has_key_bytes(mock.keys, sizeof mock.keys, unused, 32 - ekl));
            CHECK_EQ(leaks(unused, 32 - ekl, &list), 0);
        }
        if (!algs[i].salt)
            CHECK(!has_key_bytes(mock.keys, sizeof mock.keys, (const uint8_t *)&w[FW_WORD(TONIC_SA_SALT)], 4));
    }
}

static void refused_requests_are_cleared_too(void)
{
    struct rsp r, list;
    uint32_t w[32];
    uint8_t key[72];
    fw_boot(full_caps);
    memset(&list, 0, sizeof list);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 3), &r), TONIC_MBOX_ST_OK);
    /* REFUSED_ALG, BAD_VALUE, UNSUPPORTED (AH off), BAD_LEN, EXISTS */
    for (unsigned k = 0; k < 5; k++) {
        sa_build(w, 0, 2, TONIC_SA_ENC_AES_CBC_256, TONIC_SA_AUTH_HMAC_SHA256_128, 0x900, 0x0A000009u, 200 + k);
        size_t n = used_key_bytes(w, key, 1);
        unsigned len = TONIC_SA_SIZE;
        if (k == 0)
            tonic_set_sa_enc_alg(w, TONIC_SA_ENC_3DES);
        if (k == 1)
            tonic_set_sa_icv_len(w, 9);
        if (k == 2)
            tonic_set_sa_proto(w, 1), tonic_set_sa_enc_alg(w, 0), tonic_set_sa_enc_key_len(w, 0);
        if (k == 3)
            len = 124;
        if (k == 4) {
            CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK); /* the first one is fine... */
            sa_build(w, 0, 2, TONIC_SA_ENC_AES_CBC_256, TONIC_SA_AUTH_HMAC_SHA256_128, 0x900, 0x0A000009u, 300);
            n = used_key_bytes(w, key, 1);
        }
        unsigned long clears = mock.req_clears, writes = mock.key_writes;
        uint32_t st = fw_req(TONIC_MBOX_CMD_SA_ADD, w, len, &r);
        CHECK(st != TONIC_MBOX_ST_OK);
        CHECK_EQ(mock.req_clears, clears + 1);
        CHECK_EQ(mock.key_writes, writes); /* a refused SA writes no key */
        for (unsigned i = 0; i < FW_MBOX_BUF_WORDS; i++)
            CHECK_EQ(mock.req[i], 0);
        CHECK_EQ(leaks(key, n, &list), 0);
        CHECK(!has_key_bytes(mock.keys, sizeof mock.keys, key, n));
    }
}

static void slots_zeroed(void)
{
    struct rsp r;
    uint32_t w[32];
    static uint32_t handles[64];
    static const uint32_t zero[FW_SATBL_ENTRIES][FW_KEY_SLOT_WORDS];

    /* start-up zeroes whatever the key store and table held */
    uint32_t caps[FW_OFFLOAD_WORDS];
    memcpy(caps, full_caps, sizeof caps);
    mock_reset(caps);
    memset(mock.keys, 0xA5, sizeof mock.keys);
    memset(mock.satbl, 0x5A, sizeof mock.satbl);
    offload_init();
    sa_init();
    mbox_init();
    CHECK(!memcmp(mock.keys, zero, sizeof zero));
    CHECK(!memcmp(mock.satbl, zero, sizeof mock.satbl));

    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 3), &r), TONIC_MBOX_ST_OK);
    for (unsigned i = 0; i < 64; i++) {
        sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_256, 0, 0xA00 + i, 0x0A000000u, 400 + i);
        CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
        handles[i] = r.w[0];
    }
    unsigned idx = (handles[7] & 0xFFFFu) - 1u;
    CHECK(mock.keys[idx][0] != 0);
    unsigned long writes = mock.key_writes;
    CHECK_EQ(sa_del_req(handles[7], &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.key_writes - writes, FW_KEY_SLOT_WORDS);
    for (unsigned k = 0; k < FW_KEY_SLOT_WORDS; k++)
        CHECK_EQ(mock.keys[idx][k], 0);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_RESET, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK(!memcmp(mock.keys, zero, sizeof zero));
}

int main(void)
{
    every_algorithm();
    refused_requests_are_cleared_too();
    slots_zeroed();
    CHECK_EQ(fw_transport_errors, 0);
    CHECK_EQ(mock.bad_access, 0);
    TEST_DONE();
}
