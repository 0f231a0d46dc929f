/* SPDX-License-Identifier: MIT */
/* test_offload.c — capabilities and configuration through the mailbox (docs/mailbox.md
 * "Capabilities and configuration"): start state, GET_CAPS/GET_CONFIG, every checksum value of
 * every protocol, options bits, LSO/RSC/ENCAP/IPSEC, the three check stages in order with exact
 * status, field and reason, all-or-nothing, and RESET. Every response's OFFLOAD payload is checked
 * against the CONFIG block the datapath sees. */
#include "fwtest.h"

#define W(f) FW_WORD(TONIC_OFFLOAD_##f)
#define CSUM_TX (TONIC_CONFIG_CSUM_TX_IP4 | TONIC_CONFIG_CSUM_TX_TCP4 | TONIC_CONFIG_CSUM_TX_UDP4 | \
                 TONIC_CONFIG_CSUM_TX_TCP6 | TONIC_CONFIG_CSUM_TX_UDP6)
#define CSUM_RX (TONIC_CONFIG_CSUM_RX_IP4 | TONIC_CONFIG_CSUM_RX_TCP4 | TONIC_CONFIG_CSUM_RX_UDP4 | \
                 TONIC_CONFIG_CSUM_RX_TCP6 | TONIC_CONFIG_CSUM_RX_UDP6)
#define CSUM_OPTS (TONIC_CONFIG_CSUM_IP_OPTS | TONIC_CONFIG_CSUM_TCP_OPTS | TONIC_CONFIG_CSUM_PARTIAL)

static const uint32_t tx_bit[5] = {TONIC_CONFIG_CSUM_TX_IP4, TONIC_CONFIG_CSUM_TX_TCP4, TONIC_CONFIG_CSUM_TX_UDP4,
                                   TONIC_CONFIG_CSUM_TX_TCP6, TONIC_CONFIG_CSUM_TX_UDP6};
static const uint32_t rx_bit[5] = {TONIC_CONFIG_CSUM_RX_IP4, TONIC_CONFIG_CSUM_RX_TCP4, TONIC_CONFIG_CSUM_RX_UDP4,
                                   TONIC_CONFIG_CSUM_RX_TCP6, TONIC_CONFIG_CSUM_RX_UDP6};

/* a PARAMS word 0 with checksum field i (0..4) = v */
static uint32_t csum_field(unsigned i, unsigned v)
{
    unsigned f[5] = {0, 0, 0, 0, 0};
    f[i] = v;
    return params0(f[0], f[1], f[2], f[3], f[4]);
}

/* the response payload is the CONFIG block, word for word */
static void check_config_echo(const struct rsp *r)
{
    CHECK_EQ(r->len, TONIC_OFFLOAD_SIZE);
    CHECK(!memcmp(r->w, mock.config, TONIC_OFFLOAD_SIZE));
}

static void start_state(void)
{
    struct rsp r;
    fw_boot(full_caps);
    CHECK(!memcmp(mock.caps, full_caps, sizeof mock.caps));
    for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
        CHECK_EQ(mock.config[w], w == W(DMA_SG) ? full_caps[W(DMA_SG)] : 0);
    CHECK_EQ(mock.ready, 1);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_GET_CAPS, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, TONIC_OFFLOAD_SIZE);
    CHECK(!memcmp(r.w, full_caps, TONIC_OFFLOAD_SIZE));
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_GET_CONFIG, NULL, 0, &r), TONIC_MBOX_ST_OK);
    check_config_echo(&r);
    /* an all-zero PARAMS changes nothing and answers the configuration */
    CHECK_EQ(set_params(0, 0, &r), TONIC_MBOX_ST_OK);
    check_config_echo(&r);
    CHECK_EQ(mock.config[W(CSUM)], 0);
}

static void checksum_values(void)
{
    struct rsp r;
    /* from all-on and from all-off, every value of every protocol */
    for (unsigned from = 0; from < 2; from++)
        for (unsigned p = 0; p < 5; p++)
            for (unsigned v = 1; v <= 4; v++) {
                fw_boot(full_caps);
                if (from)
                    CHECK_EQ(set_params(params0(4, 4, 4, 4, 4), 0, &r), TONIC_MBOX_ST_OK);
                uint32_t before = mock.config[W(CSUM)] & (CSUM_TX | CSUM_RX);
                CHECK_EQ(set_params(csum_field(p, v), 0, &r), TONIC_MBOX_ST_OK);
                check_config_echo(&r);
                uint32_t want = before & ~(tx_bit[p] | rx_bit[p]);
                if (v == 2 || v == 4)
                    want |= tx_bit[p];
                if (v == 3 || v == 4)
                    want |= rx_bit[p];
                if (want)
                    want |= CSUM_OPTS; /* options follow CAPS while any checksum is on */
                CHECK_EQ(mock.config[W(CSUM)], want);
            }
    /* options follow CAPS, not all three */
    uint32_t caps[FW_OFFLOAD_WORDS];
    memcpy(caps, full_caps, sizeof caps);
    caps[W(CSUM)] &= ~TONIC_CAPS_CSUM_PARTIAL;
    fw_boot(caps);
    CHECK_EQ(set_params(params0(0, 0, 3, 0, 0), 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(CSUM)], TONIC_CONFIG_CSUM_RX_UDP4 | TONIC_CONFIG_CSUM_IP_OPTS | TONIC_CONFIG_CSUM_TCP_OPTS);
    CHECK_EQ(set_params(params0(0, 0, 1, 0, 0), 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(CSUM)], 0); /* last checksum off: options off */
}

static void lso_rsc_encap_ipsec(void)
{
    struct rsp r;
    fw_boot(full_caps);
    /* LSO with its checksums in the same request: the check is on the result */
    CHECK_EQ(set_params(params0(2, 2, 0, 2, 0), params1(2, 2, 2, 0, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    check_config_echo(&r);
    CHECK_EQ(mock.config[W(LSO)], 0x07u | 0x18u);
    CHECK_EQ(mock.config[W(LSO_MAX)], full_caps[W(LSO_MAX)]);
    CHECK_EQ(mock.config[W(LSO_MIN_SEG)], full_caps[W(LSO_MIN_SEG)]);
    CHECK_EQ(set_params(0, params1(1, 0, 1, 0, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(LSO)], 0x02u | 0x18u);
    CHECK_EQ(set_params(0, params1(0, 1, 0, 0, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(LSO)], 0); /* last LSO off: features, LSO_MAX, LSO_MIN_SEG off */
    CHECK_EQ(mock.config[W(LSO_MAX)], 0);
    CHECK_EQ(mock.config[W(LSO_MIN_SEG)], 0);

    /* switching a checksum off later leaves LSO and RSC on */
    CHECK_EQ(set_params(params0(4, 4, 0, 4, 0), params1(0, 2, 0, 2, 2, 0, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(RSC)], 3);
    CHECK_EQ(set_params(params0(1, 1, 0, 1, 0), 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(CSUM)], 0);
    CHECK_EQ(mock.config[W(LSO)], 0x02u | 0x18u);
    CHECK_EQ(mock.config[W(RSC)], 3);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 1, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(RSC)], 2);

    /* ENCAP copies CAPS.ENCAP and ENCAP_MAXHDR, disable clears both */
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 2, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(ENCAP)], full_caps[W(ENCAP)]);
    CHECK_EQ(mock.config[W(ENCAP_MAXHDR)], full_caps[W(ENCAP_MAXHDR)]);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 1, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(ENCAP)], 0);
    CHECK_EQ(mock.config[W(ENCAP_MAXHDR)], 0);

    /* IPSEC: 2 AH = bit 0, 3 ESP = bit 1, 4 = bits 0-2, each with CAPS bits 3-8, ALGS and SAS */
    static const uint32_t proto_bits[5] = {0, 0, 0x1, 0x2, 0x7};
    for (unsigned v = 2; v <= 4; v++) {
        CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, v), &r), TONIC_MBOX_ST_OK);
        check_config_echo(&r);
        CHECK_EQ(mock.config[W(IPSEC)], proto_bits[v] | (full_caps[W(IPSEC)] & ~7u));
        CHECK_EQ(mock.config[W(IPSEC_ALGS)], full_caps[W(IPSEC_ALGS)]);
        CHECK_EQ(mock.config[W(IPSEC_SAS)], full_caps[W(IPSEC_SAS)]);
    }
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 1), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(IPSEC)], 0);
    CHECK_EQ(mock.config[W(IPSEC_ALGS)], 0);
    CHECK_EQ(mock.config[W(IPSEC_SAS)], 0);
    CHECK_EQ(mock.config[W(DMA_SG)], full_caps[W(DMA_SG)]);

    /* RESET: back to the start state */
    CHECK_EQ(set_params(params0(4, 4, 4, 4, 4), params1(2, 2, 2, 2, 2, 2, 4), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_RESET, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 0);
    for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
        CHECK_EQ(mock.config[w], w == W(DMA_SG) ? full_caps[W(DMA_SG)] : 0);
}

static void bad_values(void)
{
    static const char *const names[13] = {"", "CSUM_IP4", "CSUM_TCP4", "CSUM_UDP4", "CSUM_TCP6", "CSUM_UDP6",
                                          "LSO1_4", "LSO2_4", "LSO2_6", "RSC4", "RSC6", "ENCAP", "IPSEC"};
    struct rsp r;
    char want[80];
    fw_boot(full_caps);
    for (unsigned f = 1; f <= 12; f++) {
        unsigned max = (f <= 5 || f == 12) ? 4 : 2, top = (f <= 5 || f == 12) ? 7 : 3;
        for (unsigned v = max + 1; v <= top; v++) {
            uint32_t p[2] = {0, 0};
            unsigned lsb[13] = {0, 0, 4, 8, 12, 16, 0, 2, 4, 6, 8, 10, 12}; /* registers.md PARAMS */
            p[f <= 5 ? 0 : 1] = v << lsb[f];
            /* plus an enabling field that would be UNSUPPORTED/CONFLICT: BAD_VALUE comes first */
            p[1] |= params1(2, 0, 0, 0, 0, 0, 0) * (f != 6);
            CHECK_EQ(set_params(p[0], p[1], &r), TONIC_MBOX_ST_BAD_VALUE);
            snprintf(want, sizeof want, "%s out of range: 0..%u", names[f], max);
            CHECK_ERR(r, TONIC_MBOX_ST_BAD_VALUE, f, want);
        }
    }
    /* first failure wins: the lower field number */
    CHECK_EQ(set_params(params0(0, 0, 0, 5, 0), params1(3, 0, 0, 0, 0, 0, 0), &r), TONIC_MBOX_ST_BAD_VALUE);
    CHECK_EQ(r.field, FW_PF_CSUM_TCP6);
    CHECK_EQ(mock.config[W(CSUM)], 0);
    /* bits outside the fields are not values: ignored */
    CHECK_EQ(set_params(params0(4, 0, 0, 0, 0) | 0x8u | 0xFFF80000u, 0xFFFF8000u, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(CSUM)], TONIC_CONFIG_CSUM_TX_IP4 | TONIC_CONFIG_CSUM_RX_IP4 | CSUM_OPTS);
}

static void unsupported(void)
{
    struct rsp r;
    uint32_t caps[FW_OFFLOAD_WORDS];
    static const char *const what[5] = {"IPv4 header", "TCP/IPv4", "UDP/IPv4", "TCP/IPv6", "UDP/IPv6"};
    char want[80];

    for (unsigned p = 0; p < 5; p++)
        for (unsigned dir = 0; dir < 2; dir++) {
            memcpy(caps, full_caps, sizeof caps);
            caps[W(CSUM)] &= ~(dir ? rx_bit[p] : tx_bit[p]);
            fw_boot(caps);
            snprintf(want, sizeof want, "%s %s checksum not supported by hardware", dir ? "RX" : "TX", what[p]);
            for (unsigned v = 1; v <= 4; v++) {
                int bad = dir ? (v == 3 || v == 4) : (v == 2 || v == 4);
                uint32_t st = set_params(csum_field(p, v), 0, &r);
                if (bad) {
                    CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_CSUM_IP4 + p, want);
                    CHECK_EQ(mock.config[W(CSUM)], 0);
                } else {
                    CHECK_EQ(st, TONIC_MBOX_ST_OK);
                }
                set_params(csum_field(p, 1), 0, &r);
            }
        }

    static const char *const lso_name[3] = {"LSOv1 IPv4", "LSOv2 IPv4", "LSOv2 IPv6"};
    for (unsigned i = 0; i < 3; i++) {
        memcpy(caps, full_caps, sizeof caps);
        caps[W(LSO)] &= ~(1u << i);
        fw_boot(caps);
        unsigned f[3] = {0, 0, 0};
        f[i] = 2;
        /* the checksums are missing too (a CONFLICT), but UNSUPPORTED comes first */
        set_params(0, params1(f[0], f[1], f[2], 0, 0, 0, 0), &r);
        snprintf(want, sizeof want, "%s not supported by hardware", lso_name[i]);
        CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_LSO1_4 + i, want);
        f[i] = 1; /* switching off what CAPS lacks is fine */
        CHECK_EQ(set_params(0, params1(f[0], f[1], f[2], 0, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    }
    for (unsigned i = 0; i < 2; i++) {
        memcpy(caps, full_caps, sizeof caps);
        caps[W(RSC)] &= ~(1u << i);
        fw_boot(caps);
        set_params(params0(4, 4, 4, 4, 4), params1(0, 0, 0, i == 0 ? 2 : 0, i == 1 ? 2 : 0, 0, 0), &r);
        CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_RSC4 + i, i ? "RSC IPv6 not supported by hardware"
                                                                   : "RSC IPv4 not supported by hardware");
        CHECK_EQ(mock.config[W(CSUM)], 0); /* all or nothing: the checksums did not go on */
    }
    memcpy(caps, full_caps, sizeof caps);
    caps[W(ENCAP)] = 0;
    fw_boot(caps);
    set_params(0, params1(0, 0, 0, 0, 0, 2, 0), &r);
    CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_ENCAP, "GRE/NVGRE encapsulation not supported by hardware");

    static const struct {
        uint32_t caps_ipsec;
        unsigned v;
        const char *text;
    } ip[] = {
        {0x1FEu, 2, "IPsec AH not supported by hardware"},
        {0x1FDu, 3, "IPsec ESP not supported by hardware"},
        {0x1FBu, 4, "IPsec AH and ESP not supported by hardware"},
        {0x1FEu, 4, "IPsec AH and ESP not supported by hardware"},
        {0x000u, 3, "IPsec ESP not supported by hardware"},
    };
    for (unsigned i = 0; i < sizeof ip / sizeof ip[0]; i++) {
        memcpy(caps, full_caps, sizeof caps);
        caps[W(IPSEC)] = ip[i].caps_ipsec;
        fw_boot(caps);
        set_params(0, params1(0, 0, 0, 0, 0, 0, ip[i].v), &r);
        CHECK_ERR(r, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_IPSEC, ip[i].text);
        CHECK_EQ(mock.config[W(IPSEC)], 0);
    }
    /* a protocol CAPS has is fine although another is missing */
    memcpy(caps, full_caps, sizeof caps);
    caps[W(IPSEC)] = 0x1FEu;
    fw_boot(caps);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 3), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(IPSEC)], 0x1FAu);
}

static void conflicts(void)
{
    struct rsp r;
    const struct {
        uint32_t p0, p1;
        unsigned field;
        const char *text;
    } c[] = {
        {0, params1(2, 0, 0, 0, 0, 0, 0), FW_PF_LSO1_4, "LSOv1 IPv4 needs TX TCP and IP checksums over IPv4"},
        {params0(2, 0, 0, 0, 0), params1(2, 0, 0, 0, 0, 0, 0), FW_PF_LSO1_4,
         "LSOv1 IPv4 needs TX TCP and IP checksums over IPv4"},
        {params0(3, 3, 0, 0, 0), params1(0, 2, 0, 0, 0, 0, 0), FW_PF_LSO2_4,
         "LSOv2 IPv4 needs TX TCP and IP checksums over IPv4"},
        {params0(0, 2, 0, 0, 0), params1(0, 2, 0, 0, 0, 0, 0), FW_PF_LSO2_4,
         "LSOv2 IPv4 needs TX TCP and IP checksums over IPv4"},
        {params0(4, 4, 4, 3, 4), params1(0, 0, 2, 0, 0, 0, 0), FW_PF_LSO2_6, "LSOv2 IPv6 needs TX TCP checksum over IPv6"},
        {params0(2, 2, 0, 0, 0), params1(0, 0, 0, 2, 0, 0, 0), FW_PF_RSC4, "RSC IPv4 needs RX TCP and IP checksums over IPv4"},
        {params0(3, 0, 0, 0, 0), params1(0, 0, 0, 2, 0, 0, 0), FW_PF_RSC4, "RSC IPv4 needs RX TCP and IP checksums over IPv4"},
        {params0(4, 4, 0, 2, 0), params1(0, 0, 0, 0, 2, 0, 0), FW_PF_RSC6, "RSC IPv6 needs RX TCP checksum over IPv6"},
        /* the first failing field wins: LSO2_6 before RSC4 */
        {0, params1(0, 0, 2, 2, 0, 0, 0), FW_PF_LSO2_6, "LSOv2 IPv6 needs TX TCP checksum over IPv6"},
    };
    for (unsigned i = 0; i < sizeof c / sizeof c[0]; i++) {
        fw_boot(full_caps);
        CHECK_EQ(set_params(c[i].p0, c[i].p1 | params1(0, 0, 0, 0, 0, 2, 0), &r), TONIC_MBOX_ST_CONFLICT);
        CHECK_ERR(r, TONIC_MBOX_ST_CONFLICT, c[i].field, c[i].text);
        /* all or nothing: neither the checksums nor ENCAP of the same request went on */
        for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
            CHECK_EQ(mock.config[w], w == W(DMA_SG) ? full_caps[W(DMA_SG)] : 0);
    }
    /* the exact minimum suffices */
    fw_boot(full_caps);
    CHECK_EQ(set_params(params0(2, 2, 0, 0, 0), params1(2, 2, 0, 0, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(set_params(params0(0, 0, 0, 2, 0), params1(0, 0, 2, 0, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(set_params(params0(3, 3, 0, 3, 0), params1(0, 0, 0, 2, 2, 0, 0), &r), TONIC_MBOX_ST_OK);

    /* LSO and IPsec together need CAPS.IPSEC bit 7 */
    uint32_t caps[FW_OFFLOAD_WORDS];
    memcpy(caps, full_caps, sizeof caps);
    caps[W(IPSEC)] &= ~0x80u;
    fw_boot(caps);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 3), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(set_params(params0(2, 2, 0, 0, 0), params1(0, 2, 0, 0, 0, 0, 0), &r), TONIC_MBOX_ST_CONFLICT);
    CHECK_ERR(r, TONIC_MBOX_ST_CONFLICT, FW_PF_LSO2_4, "LSO with IPsec not supported by hardware");
    CHECK_EQ(mock.config[W(CSUM)], 0);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 1), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(set_params(params0(2, 2, 0, 0, 0), params1(0, 2, 0, 0, 0, 0, 0), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 2), &r), TONIC_MBOX_ST_CONFLICT);
    CHECK_ERR(r, TONIC_MBOX_ST_CONFLICT, FW_PF_IPSEC, "LSO with IPsec not supported by hardware");
    CHECK_EQ(mock.config[W(IPSEC)], 0);
    /* turning LSO off while turning IPsec on is fine */
    CHECK_EQ(set_params(0, params1(0, 1, 0, 0, 0, 0, 2), &r), TONIC_MBOX_ST_OK);
    /* with bit 7 both may be on */
    fw_boot(full_caps);
    CHECK_EQ(set_params(params0(2, 2, 0, 2, 0), params1(2, 2, 2, 0, 0, 0, 4), &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(mock.config[W(IPSEC)], 0x1FFu);
    CHECK_EQ(mock.config[W(LSO)], 0x1Fu);
}

int main(void)
{
    start_state();
    checksum_values();
    lso_rsc_encap_ipsec();
    bad_values();
    unsupported();
    conflicts();
    TEST_DONE();
}
