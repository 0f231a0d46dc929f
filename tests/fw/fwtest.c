/* SPDX-License-Identifier: MIT */
/* fwtest.c — see fwtest.h: the host's side of the mailbox against the firmware logic on the mock
 * HAL, request builders and the reference SA lookup. */
#include "fwtest.h"

#include "hal.h"
#include "mbox.h"
#include "offload.h"
#include "sa.h"

unsigned t_pass, t_fail;
unsigned long fw_transport_errors;
static uint16_t next_seq = 0x1234;

const uint32_t full_caps[FW_OFFLOAD_WORDS] = {
    [FW_WORD(TONIC_OFFLOAD_CSUM)] =
        TONIC_CAPS_CSUM_TX_IP4 | TONIC_CAPS_CSUM_TX_TCP4 | TONIC_CAPS_CSUM_TX_UDP4 | TONIC_CAPS_CSUM_TX_TCP6 |
        TONIC_CAPS_CSUM_TX_UDP6 | TONIC_CAPS_CSUM_RX_IP4 | TONIC_CAPS_CSUM_RX_TCP4 | TONIC_CAPS_CSUM_RX_UDP4 |
        TONIC_CAPS_CSUM_RX_TCP6 | TONIC_CAPS_CSUM_RX_UDP6 | TONIC_CAPS_CSUM_IP_OPTS | TONIC_CAPS_CSUM_TCP_OPTS |
        TONIC_CAPS_CSUM_PARTIAL,
    [FW_WORD(TONIC_OFFLOAD_LSO)] = 0x1Fu,
    [FW_WORD(TONIC_OFFLOAD_LSO_MAX)] = 262144u,
    [FW_WORD(TONIC_OFFLOAD_LSO_MIN_SEG)] = 2u,
    [FW_WORD(TONIC_OFFLOAD_RSC)] = 0x3u,
    [FW_WORD(TONIC_OFFLOAD_ENCAP)] = 0xFu,
    [FW_WORD(TONIC_OFFLOAD_ENCAP_MAXHDR)] = 128u,
    [FW_WORD(TONIC_OFFLOAD_IPSEC)] = 0x1FFu,
    [FW_WORD(TONIC_OFFLOAD_IPSEC_ALGS)] = 0x37Fu,
    [FW_WORD(TONIC_OFFLOAD_IPSEC_SAS)] = 1024u,
    [FW_WORD(TONIC_OFFLOAD_DMA_SG)] = 16u,
};

void fw_boot(const uint32_t hwcap[FW_OFFLOAD_WORDS])
{
    mock_reset(hwcap);
    offload_init();
    sa_init();
    mbox_init();
    hal_mbox_ready(1);
}

static void transport_fail(const char *what, uint32_t cmd)
{
    fw_transport_errors++;
    t_fail++;
    printf("FAIL transport (cmd %u): %s\n", (unsigned)cmd, what);
}

uint32_t fw_req_raw(uint32_t hdr0, uint32_t hdr1, const uint32_t *payload, unsigned words, struct rsp *r)
{
    unsigned long done = mock.done, bad = mock.bad_access;
    uint32_t cmd = tonic_mbox_hdr_cmd(&hdr0);

    memset(mock.resp, 0xEE, sizeof mock.resp); /* stale bytes must not pass for a response */
    memset(mock.req, 0, sizeof mock.req);
    mock.req[0] = hdr0;
    mock.req[1] = hdr1;
    for (unsigned i = 0; i < words && i < FW_MBOX_BUF_WORDS - FW_HDR_WORDS; i++)
        mock.req[FW_HDR_WORDS + i] = payload ? payload[i] : 0;
    mock.pending = 1;
    mbox_process();

    memset(r, 0, sizeof *r);
    r->seq = tonic_mbox_hdr_seq(mock.resp);
    r->cmd = tonic_mbox_hdr_cmd(mock.resp);
    r->len = tonic_mbox_hdr_len(mock.resp);
    r->status = tonic_mbox_hdr_status(mock.resp);
    if (mock.done != done + 1 || mock.pending)
        transport_fail("DONE not signalled exactly once", cmd);
    if (mock.bad_access != bad)
        transport_fail("device access out of range", cmd);
    if (r->seq != tonic_mbox_hdr_seq(&hdr0) || r->cmd != cmd)
        transport_fail("SEQ/CMD not echoed", cmd);
    if (r->len > FW_MBOX_MAX_LEN || r->len % 4u) {
        transport_fail("response LEN over 504 or not whole words", cmd);
        r->len = 0;
    }
    memcpy(r->w, mock.resp + FW_HDR_WORDS, r->len);
    if (r->status != TONIC_MBOX_ST_OK) {
        const char *t = (const char *)(mock.resp + FW_HDR_WORDS + FW_WORD(TONIC_MBOX_ERR_TEXT));
        if (r->len != TONIC_MBOX_ERR_SIZE)
            transport_fail("error response without MBOX_ERR", cmd);
        if (memchr(t, 0, FW_ERR_TEXT_BYTES) == NULL)
            transport_fail("MBOX_ERR text not NUL-terminated within 64 bytes", cmd);
        else if (strlen(t) == 0 || strlen(t) > FW_ERR_TEXT_BYTES - 1)
            transport_fail("MBOX_ERR text empty or too long", cmd);
        else
            strcpy(r->text, t);
        r->field = tonic_mbox_err_field(mock.resp + FW_HDR_WORDS);
    }
    return r->status;
}

uint32_t fw_req(uint32_t cmd, const uint32_t *payload, unsigned len, struct rsp *r)
{
    uint32_t h[2] = {0, 0};
    tonic_set_mbox_hdr_seq(h, next_seq++);
    tonic_set_mbox_hdr_cmd(h, cmd);
    tonic_set_mbox_hdr_len(h, len);
    return fw_req_raw(h[0], h[1], payload, (len + 3u) / 4u, r);
}

uint32_t params0(unsigned ip4, unsigned tcp4, unsigned udp4, unsigned tcp6, unsigned udp6)
{
    uint32_t p[2] = {0, 0};
    tonic_set_params_csum_ip4(p, ip4);
    tonic_set_params_csum_tcp4(p, tcp4);
    tonic_set_params_csum_udp4(p, udp4);
    tonic_set_params_csum_tcp6(p, tcp6);
    tonic_set_params_csum_udp6(p, udp6);
    return p[0];
}

uint32_t params1(unsigned lso1_4, unsigned lso2_4, unsigned lso2_6, unsigned rsc4, unsigned rsc6,
                 unsigned encap, unsigned ipsec)
{
    uint32_t p[2] = {0, 0};
    tonic_set_params_lso1_4(p, lso1_4);
    tonic_set_params_lso2_4(p, lso2_4);
    tonic_set_params_lso2_6(p, lso2_6);
    tonic_set_params_rsc4(p, rsc4);
    tonic_set_params_rsc6(p, rsc6);
    tonic_set_params_encap(p, encap);
    tonic_set_params_ipsec(p, ipsec);
    return p[1];
}

uint32_t set_params(uint32_t w0, uint32_t w1, struct rsp *r)
{
    uint32_t p[2] = {w0, w1};
    return fw_req(TONIC_MBOX_CMD_SET_PARAMS, p, TONIC_PARAMS_SIZE, r);
}

static uint32_t mix(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7FEB352Du;
    x ^= x >> 15;
    x *= 0x846CA68Bu;
    x ^= x >> 16;
    return x;
}

/* a key word with no zero byte, so every key byte is distinguishable from padding */
static uint32_t key_word(uint32_t seed, unsigned i)
{
    uint32_t v = mix(seed * 64u + i + 1u);
    for (unsigned b = 0; b < 4; b++)
        if (((v >> (8 * b)) & 0xFFu) == 0)
            v |= 0x5Au << (8 * b);
    return v;
}

void sa_build(uint32_t w[32], unsigned dir, unsigned proto, unsigned enc, unsigned auth, uint32_t spi,
              uint32_t dst0, uint32_t seed)
{
    static const unsigned enc_key[] = {0, 16, 24, 32, 16, 32, 16, 32, 8, 24};
    static const unsigned auth_key[] = {0, 32, 20, 16};
    unsigned icv = 16;
    if (auth == TONIC_SA_AUTH_HMAC_SHA1_96)
        icv = 12;
    memset(w, 0, 32 * sizeof w[0]);
    tonic_set_sa_dir(w, dir);
    tonic_set_sa_proto(w, proto);
    tonic_set_sa_spi(w, spi);
    tonic_set_sa_enc_alg(w, enc);
    tonic_set_sa_auth_alg(w, auth);
    tonic_set_sa_icv_len(w, icv);
    tonic_set_sa_enc_key_len(w, enc < 10 ? enc_key[enc] : 16);
    tonic_set_sa_auth_key_len(w, auth < 4 ? auth_key[auth] : 32);
    tonic_set_sa_esn_hi(w, 0);
    w[FW_WORD(TONIC_SA_SRC)] = 0xC0A80001u;
    w[FW_WORD(TONIC_SA_DST)] = dst0;
    for (unsigned i = 0; i < FW_KEY_MAX_WORDS; i++) {
        w[FW_WORD(TONIC_SA_ENC_KEY) + i] = key_word(seed, i);
        w[FW_WORD(TONIC_SA_AUTH_KEY) + i] = key_word(seed, 8 + i);
    }
    w[FW_WORD(TONIC_SA_SALT)] = key_word(seed, 16);
}

uint32_t sa_add_req(const uint32_t w[32], struct rsp *r)
{
    return fw_req(TONIC_MBOX_CMD_SA_ADD, w, TONIC_SA_SIZE, r);
}

uint32_t sa_del_req(uint32_t handle, struct rsp *r)
{
    return fw_req(TONIC_MBOX_CMD_SA_DEL, &handle, FW_SA_DEL_LEN, r);
}

uint32_t sa_update_req(uint32_t handle, uint32_t esn_hi, struct rsp *r)
{
    uint32_t p[2] = {handle, esn_hi};
    return fw_req(TONIC_MBOX_CMD_SA_UPDATE, p, FW_SA_UPDATE_LEN, r);
}

unsigned ref_hash(uint32_t spi, const uint32_t dst[4], uint32_t proto)
{
    /* 32-bit product done in 64 bits and truncated, so an error in the firmware's arithmetic
     * (e.g. a signed or widened multiply) would show */
    uint64_t x = (uint64_t)(spi ^ dst[0] ^ dst[1] ^ dst[2] ^ dst[3] ^ ((proto & 3u) << 30));
    uint64_t p = (x * 0x9E3779B1ull) & 0xFFFFFFFFull;
    return (unsigned)(p >> 22);
}

/* META bits written out from registers.md (SATBL: bit0 VALID, bits 3:2 PROTO, bit4 DIR, bit5 TOMB)
 * rather than taken from fw_defs.h, so a wrong constant there would show here */
int ref_lookup(uint32_t spi, const uint32_t dst[4], uint32_t proto)
{
    unsigned h = ref_hash(spi, dst, proto);
    for (unsigned i = 0; i < 1024; i++) {
        const uint32_t *e = mock.satbl[(h + i) % 1024];
        uint32_t meta = e[TONIC_P_SATBL_META / 4];
        if (meta == 0)
            return -1; /* empty: end of the probe */
        if (!(meta & 0x01u))
            continue; /* tombstone (bit5): probe past */
        if (!(meta & 0x10u) && ((meta >> 2) & 3u) == proto && e[TONIC_P_SATBL_SPI / 4] == spi &&
            !memcmp(&e[TONIC_P_SATBL_DST / 4], dst, 16))
            return (int)((h + i) % 1024);
    }
    return -1;
}

int has_key_bytes(const void *area, size_t n, const uint8_t *key, size_t klen)
{
    const uint8_t *a = area;
    if (klen < 4 || n < 4)
        return 0;
    for (size_t k = 0; k + 4 <= klen; k++)
        for (size_t i = 0; i + 4 <= n; i++)
            if (a[i] == key[k] && !memcmp(a + i, key + k, 4))
                return 1;
    return 0;
}
