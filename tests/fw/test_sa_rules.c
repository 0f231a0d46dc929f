/* SPDX-License-Identifier: MIT */
/* test_sa_rules.c — SA_ADD validation (docs/mailbox.md "SA table", checks 1-4): every combination
 * of protocol, algorithms, key lengths and ICV length against a table-driven reference of the rules
 * (status and field), the exact reason texts, and the UNSUPPORTED checks against CONFIG in the
 * documented order (IPsec off, protocol, mode, UDP encapsulation, ESN, replay, algorithm bits). */
#include "fwtest.h"

#include "sa.h"

static void ipsec_on(unsigned v)
{
    struct rsp r;
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, v), &r), TONIC_MBOX_ST_OK);
}

/* the SA_ADD value rules of docs/mailbox.md, written as a table: (status, field) */
static void ref_rules(unsigned proto, unsigned enc, unsigned auth, unsigned icv, unsigned ekl, unsigned akl,
                      uint32_t *st, uint32_t *field)
{
    static const unsigned key[8] = {0, 16, 24, 32, 16, 32, 16, 32};
    int gcm = enc >= 1 && enc <= 3, gmac = enc == 4 || enc == 5, cbc = enc == 6 || enc == 7, hmac = auth == 1 || auth == 2;
    *st = TONIC_MBOX_ST_BAD_VALUE;
    if (proto == 0) { *field = FW_SF_PROTO; return; }
    if (enc > 9) { *field = FW_SF_ENC_ALG; return; }
    if (auth > 3) { *field = FW_SF_AUTH_ALG; return; }
    *st = TONIC_MBOX_ST_REFUSED_ALG;
    if (enc == 8 || enc == 9) { *field = FW_SF_ENC_ALG; return; }
    if (auth == 3) { *field = FW_SF_AUTH_ALG; return; }
    *st = TONIC_MBOX_ST_BAD_VALUE;
    if (proto == 2 && enc == 0) { *field = FW_SF_ENC_ALG; return; }
    if (proto == 2 && (gcm || gmac) && hmac) { *field = FW_SF_AUTH_ALG; return; }
    if (proto == 2 && cbc && !hmac) { *field = FW_SF_AUTH_ALG; return; }
    if (proto == 1 && enc != 0) { *field = FW_SF_ENC_ALG; return; }
    if (proto == 1 && !hmac) { *field = FW_SF_AUTH_ALG; return; }
    if (proto == 3 && enc == 0) { *field = FW_SF_ENC_ALG; return; }
    if (proto == 3 && !hmac) { *field = FW_SF_AUTH_ALG; return; }
    if (ekl != key[enc]) { *field = FW_SF_ENC_KEY_LEN; return; }
    if (akl != (auth == 1 ? 32u : auth == 2 ? 20u : 0u)) { *field = FW_SF_AUTH_KEY_LEN; return; }
    if (gcm && icv != 8 && icv != 12 && icv != 16) { *field = FW_SF_ICV_LEN; return; }
    if (gmac && icv != 16) { *field = FW_SF_ICV_LEN; return; }
    if (auth == 1 && icv != 16) { *field = FW_SF_ICV_LEN; return; }
    if (auth == 2 && icv != 12) { *field = FW_SF_ICV_LEN; return; }
    *st = TONIC_MBOX_ST_OK;
    *field = 0;
}

static void combinations(void)
{
    static const unsigned encs[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200};
    static const unsigned auths[] = {0, 1, 2, 3, 4, 255};
    static const unsigned icvs[] = {0, 8, 12, 16, 20};
    static const unsigned ekls[] = {0, 16, 24, 32, 8};
    static const unsigned akls[] = {0, 20, 32, 16};
    struct rsp r;
    uint32_t w[32];
    unsigned n = 0, ok = 0, same = 0;
    fw_boot(full_caps);
    ipsec_on(4);
    for (unsigned proto = 0; proto < 4; proto++)
        for (unsigned a = 0; a < sizeof encs / sizeof encs[0]; a++)
            for (unsigned b = 0; b < sizeof auths / sizeof auths[0]; b++)
                for (unsigned c = 0; c < sizeof icvs / sizeof icvs[0]; c++)
                    for (unsigned d = 0; d < sizeof ekls / sizeof ekls[0]; d++)
                        for (unsigned e = 0; e < sizeof akls / sizeof akls[0]; e++) {
                            uint32_t st, field;
                            sa_build(w, 0, 0, 0, 0, 0x9000 + n, 0x0B000001u, n);
                            tonic_set_sa_proto(w, proto);
                            tonic_set_sa_enc_alg(w, encs[a]);
                            tonic_set_sa_auth_alg(w, auths[b]);
                            tonic_set_sa_icv_len(w, icvs[c]);
                            tonic_set_sa_enc_key_len(w, ekls[d]);
                            tonic_set_sa_auth_key_len(w, akls[e]);
                            ref_rules(proto, encs[a], auths[b], icvs[c], ekls[d], akls[e], &st, &field);
                            uint32_t got = sa_add_req(w, &r);
                            n++;
                            if (got == st && (st == TONIC_MBOX_ST_OK || r.field == field)) {
                                same++;
                            } else {
                                printf("proto %u enc %u auth %u icv %u ekl %u akl %u: got %u field %u (%s), want %u field %u\n",
                                       proto, encs[a], auths[b], icvs[c], ekls[d], akls[e], got, r.field, r.text, st, field);
                            }
                            if (got == TONIC_MBOX_ST_OK) {
                                ok++;
                                CHECK_EQ(sa_del_req(r.w[0], &r), TONIC_MBOX_ST_OK);
                            }
                        }
    CHECK_EQ(same, n);
    printf("combinations: %u requests, %u valid\n", n, ok);

    /* exact reasons */
    static const struct {
        unsigned proto, enc, auth, icv, ekl, akl;
        uint32_t st, field;
        const char *text;
    } t[] = {
        {0, 8, 3, 16, 8, 16, TONIC_MBOX_ST_BAD_VALUE, FW_SF_PROTO, "PROTO 0: must be 1 AH, 2 ESP or 3 AH and ESP"},
        {2, 10, 0, 16, 16, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "unknown ENC_ALG"},
        {2, 1, 4, 16, 16, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "unknown AUTH_ALG"},
        {2, 8, 1, 16, 8, 32, TONIC_MBOX_ST_REFUSED_ALG, FW_SF_ENC_ALG, "DES refused (RFC 8221)"},
        {1, 9, 0, 0, 0, 0, TONIC_MBOX_ST_REFUSED_ALG, FW_SF_ENC_ALG, "3DES refused (RFC 8221)"},
        {1, 0, 3, 12, 0, 16, TONIC_MBOX_ST_REFUSED_ALG, FW_SF_AUTH_ALG, "HMAC-MD5-96 refused (RFC 8221)"},
        {2, 0, 1, 16, 0, 32, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "ESP needs AES-GCM, AES-GMAC or AES-CBC"},
        {2, 4, 1, 16, 16, 32, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "ESP with AES-GCM/GMAC needs AUTH_ALG NONE"},
        {2, 7, 0, 16, 32, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "ESP with AES-CBC needs an HMAC"},
        {1, 6, 1, 16, 16, 32, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "AH needs ENC_ALG NONE"},
        {1, 0, 0, 16, 0, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "AH needs an HMAC"},
        {3, 0, 1, 16, 0, 32, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "AH and ESP need a cipher and an HMAC"},
        {3, 1, 0, 16, 16, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "AH and ESP need a cipher and an HMAC"},
        {2, 2, 0, 16, 16, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_KEY_LEN, "ENC_KEY_LEN must be 24 for AES-GCM-192"},
        {2, 6, 2, 12, 16, 32, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_KEY_LEN, "AUTH_KEY_LEN must be 20 for HMAC-SHA1-96"},
        {2, 1, 0, 4, 16, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ICV_LEN, "ICV_LEN must be 8, 12 or 16 for AES-GCM"},
        {2, 5, 0, 12, 32, 0, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ICV_LEN, "ICV_LEN must be 16 for AES-GMAC"},
        {1, 0, 1, 12, 0, 32, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ICV_LEN, "ICV_LEN must be 16 for HMAC-SHA-256-128"},
        {3, 4, 2, 16, 16, 20, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ICV_LEN, "ICV_LEN must be 12 for HMAC-SHA1-96"},
        {3, 1, 2, 12, 16, 20, TONIC_MBOX_ST_OK, 0, ""},
    };
    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
        sa_build(w, 0, t[i].proto, t[i].enc, t[i].auth, 0x4242, 0x0C000001u, i);
        tonic_set_sa_icv_len(w, t[i].icv);
        tonic_set_sa_enc_key_len(w, t[i].ekl);
        tonic_set_sa_auth_key_len(w, t[i].akl);
        CHECK_EQ(sa_add_req(w, &r), t[i].st);
        if (t[i].st != TONIC_MBOX_ST_OK)
            CHECK_ERR(r, t[i].st, t[i].field, t[i].text);
    }
}

static void unsupported_by_config(void)
{
    struct rsp r;
    uint32_t w[32], caps[FW_OFFLOAD_WORDS];
    const unsigned IP = FW_WORD(TONIC_OFFLOAD_IPSEC), ALGS = FW_WORD(TONIC_OFFLOAD_IPSEC_ALGS);

    fw_boot(full_caps);
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 1, 2, 3);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_UNSUPPORTED);
    CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, 0, "IPsec offload is off (SET_PARAMS IPSEC)");
    tonic_set_sa_icv_len(w, 4); /* a bad value is reported before what the configuration lacks */
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_BAD_VALUE);

    ipsec_on(2); /* AH only */
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 1, 2, 3);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_UNSUPPORTED);
    CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_PROTO, "ESP not enabled in CONFIG.IPSEC");
    ipsec_on(3); /* ESP only */
    sa_build(w, 0, 3, TONIC_SA_ENC_AES_CBC_256, TONIC_SA_AUTH_HMAC_SHA256_128, 1, 2, 3);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_UNSUPPORTED);
    CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_PROTO, "AH and ESP not enabled in CONFIG.IPSEC");
    sa_build(w, 0, 1, 0, TONIC_SA_AUTH_HMAC_SHA256_128, 1, 2, 3);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_UNSUPPORTED);
    CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_PROTO, "AH not enabled in CONFIG.IPSEC");

    static const struct {
        uint32_t clear_ipsec, clear_algs;
        unsigned tunnel, esn, udp, replay, enc, auth;
        uint32_t field;
        const char *text;
    } t[] = {
        {0x010, 0, 1, 0, 0, 0, 1, 0, FW_SF_TUNNEL, "tunnel mode not supported"},
        {0x008, 0, 0, 0, 0, 0, 1, 0, FW_SF_TUNNEL, "transport mode not supported"},
        {0x060, 0, 0, 1, 1, 0, 1, 0, FW_SF_UDP_ENCAP, "UDP encapsulation not supported"}, /* doc order: UDP before ESN */
        {0x040, 0, 0, 1, 0, 1, 1, 0, FW_SF_ESN, "ESN not supported"},
        {0x100, 0, 0, 0, 0, 1, 1, 0, FW_SF_REPLAY, "anti-replay window not supported"},
        {0, 1u << TONIC_IPSEC_ALG_AES_GCM_128, 0, 0, 0, 0, 1, 0, FW_SF_ENC_ALG, "AES-GCM-128 not in CONFIG.IPSEC_ALGS"},
        {0, 1u << TONIC_IPSEC_ALG_AES_GMAC_256, 0, 0, 0, 0, 5, 0, FW_SF_ENC_ALG, "AES-GMAC-256 not in CONFIG.IPSEC_ALGS"},
        {0, 1u << TONIC_IPSEC_ALG_HMAC_SHA1_96, 0, 0, 0, 0, 6, 2, FW_SF_AUTH_ALG, "HMAC-SHA1-96 not in CONFIG.IPSEC_ALGS"},
    };
    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
        memcpy(caps, full_caps, sizeof caps);
        caps[IP] &= ~t[i].clear_ipsec;
        caps[ALGS] &= ~t[i].clear_algs;
        fw_boot(caps);
        ipsec_on(3);
        sa_build(w, 0, 2, t[i].enc, t[i].auth, 1, 2, 3);
        tonic_set_sa_tunnel(w, t[i].tunnel);
        tonic_set_sa_esn(w, t[i].esn);
        tonic_set_sa_udp_encap(w, t[i].udp);
        tonic_set_sa_replay(w, t[i].replay);
        CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_UNSUPPORTED);
        CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, t[i].field, t[i].text);
        CHECK_EQ(sa_count(), 0);
        /* with the capability the same SA is fine */
        fw_boot(full_caps);
        ipsec_on(3);
        CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    }
}

int main(void)
{
    combinations();
    unsupported_by_config();
    CHECK_EQ(fw_transport_errors, 0);
    CHECK_EQ(mock.bad_access, 0);
    TEST_DONE();
}
