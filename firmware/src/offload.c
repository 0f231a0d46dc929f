/* SPDX-License-Identifier: MIT */
/* offload.c — CAPS/CONFIG and SET_PARAMS (docs/mailbox.md, spec §6).
 *
 * SET_PARAMS computes the whole new configuration in a local copy, runs the checks in the order
 * the protocol fixes (1. a value out of range: BAD_VALUE; 2. something switched on that CAPS lacks:
 * UNSUPPORTED; 3. a combining rule: CONFLICT), each stage over the fields in PARAMS table order,
 * and only when every check passed writes the new words to the CONFIG block: all or nothing. */
#include "offload.h"

#include "hal.h"

static uint32_t caps[FW_OFFLOAD_WORDS];
static uint32_t cfg[FW_OFFLOAD_WORDS];

#define CSUM_TX_ALL (TONIC_CONFIG_CSUM_TX_IP4 | TONIC_CONFIG_CSUM_TX_TCP4 | TONIC_CONFIG_CSUM_TX_UDP4 | \
                     TONIC_CONFIG_CSUM_TX_TCP6 | TONIC_CONFIG_CSUM_TX_UDP6)
#define CSUM_RX_ALL (TONIC_CONFIG_CSUM_RX_IP4 | TONIC_CONFIG_CSUM_RX_TCP4 | TONIC_CONFIG_CSUM_RX_UDP4 | \
                     TONIC_CONFIG_CSUM_RX_TCP6 | TONIC_CONFIG_CSUM_RX_UDP6)
#define CSUM_OPTS (TONIC_CONFIG_CSUM_IP_OPTS | TONIC_CONFIG_CSUM_TCP_OPTS | TONIC_CONFIG_CSUM_PARTIAL)

/* the five checksum fields, in PARAMS order */
static const struct {
    uint32_t tx, rx;
    const char *what;
} csum_proto[5] = {
    {TONIC_CONFIG_CSUM_TX_IP4, TONIC_CONFIG_CSUM_RX_IP4, "IPv4 header"},
    {TONIC_CONFIG_CSUM_TX_TCP4, TONIC_CONFIG_CSUM_RX_TCP4, "TCP/IPv4"},
    {TONIC_CONFIG_CSUM_TX_UDP4, TONIC_CONFIG_CSUM_RX_UDP4, "UDP/IPv4"},
    {TONIC_CONFIG_CSUM_TX_TCP6, TONIC_CONFIG_CSUM_RX_TCP6, "TCP/IPv6"},
    {TONIC_CONFIG_CSUM_TX_UDP6, TONIC_CONFIG_CSUM_RX_UDP6, "UDP/IPv6"},
};

/* LSO1_4, LSO2_4, LSO2_6 switch LSO bits 0, 1, 2; RSC4, RSC6 switch RSC bits 0, 1 */
static const uint32_t lso_bit[3] = {FW_LSO_V1_IP4, FW_LSO_V2_IP4, FW_LSO_V2_IP6};
static const uint32_t rsc_bit[2] = {FW_RSC_IP4, FW_RSC_IP6};
static const char *const lso_name[3] = {"LSOv1 IPv4", "LSOv2 IPv4", "LSOv2 IPv6"};
static const char *const rsc_name[2] = {"RSC IPv4", "RSC IPv6"};

static const char *const field_name[FW_PF_COUNT + 1] = {
    "", "CSUM_IP4", "CSUM_TCP4", "CSUM_UDP4", "CSUM_TCP6", "CSUM_UDP6", "LSO1_4", "LSO2_4", "LSO2_6",
    "RSC4", "RSC6", "ENCAP", "IPSEC",
};

static void publish(unsigned w)
{
    hal_config_write(w, cfg[w]);
}

void offload_init(void)
{
    for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++) {
        caps[w] = hal_hwcap_read(w);
        hal_caps_write(w, caps[w]);
    }
    offload_reset();
}

void offload_reset(void)
{
    for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++) {
        cfg[w] = w == OFL_DMA_SG ? caps[OFL_DMA_SG] : 0;
        publish(w);
    }
}

uint32_t offload_caps(unsigned w)
{
    return w < FW_OFFLOAD_WORDS ? caps[w] : 0;
}

uint32_t offload_config(unsigned w)
{
    return w < FW_OFFLOAD_WORDS ? cfg[w] : 0;
}

/* the PARAMS field values, indexed by field number (1..12) */
static void params_values(const uint32_t *p, uint32_t v[FW_PF_COUNT + 1])
{
    v[0] = 0;
    v[FW_PF_CSUM_IP4] = tonic_params_csum_ip4(p);
    v[FW_PF_CSUM_TCP4] = tonic_params_csum_tcp4(p);
    v[FW_PF_CSUM_UDP4] = tonic_params_csum_udp4(p);
    v[FW_PF_CSUM_TCP6] = tonic_params_csum_tcp6(p);
    v[FW_PF_CSUM_UDP6] = tonic_params_csum_udp6(p);
    v[FW_PF_LSO1_4] = tonic_params_lso1_4(p);
    v[FW_PF_LSO2_4] = tonic_params_lso2_4(p);
    v[FW_PF_LSO2_6] = tonic_params_lso2_6(p);
    v[FW_PF_RSC4] = tonic_params_rsc4(p);
    v[FW_PF_RSC6] = tonic_params_rsc6(p);
    v[FW_PF_ENCAP] = tonic_params_encap(p);
    v[FW_PF_IPSEC] = tonic_params_ipsec(p);
}

static uint32_t field_max(unsigned f)
{
    if (f <= FW_PF_CSUM_UDP6)
        return FW_PV_CSUM_TXRX;
    if (f == FW_PF_IPSEC)
        return FW_PV_IPSEC_AH_ESP;
    return FW_PV_ENABLE;
}

/* the IPSEC protocol bits an IPSEC value selects (0 for "off") */
static uint32_t ipsec_protos(uint32_t v)
{
    if (v == FW_PV_IPSEC_AH)
        return FW_IPSEC_AH;
    if (v == FW_PV_IPSEC_ESP)
        return FW_IPSEC_ESP;
    if (v == FW_PV_IPSEC_AH_ESP)
        return FW_IPSEC_PROTOS;
    return 0;
}

/* check 2: the capability bits each enabling value needs */
static uint32_t check_caps(const uint32_t *v, struct fw_status *s)
{
    for (unsigned i = 0; i < 5; i++) {
        uint32_t x = v[FW_PF_CSUM_IP4 + i];
        int tx = x == FW_PV_CSUM_TX || x == FW_PV_CSUM_TXRX;
        int rx = x == FW_PV_CSUM_RX || x == FW_PV_CSUM_TXRX;
        const char *dir = 0;
        if (tx && !(caps[OFL_CSUM] & csum_proto[i].tx))
            dir = "TX ";
        else if (rx && !(caps[OFL_CSUM] & csum_proto[i].rx))
            dir = "RX ";
        if (dir) {
            fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_CSUM_IP4 + i, dir);
            fw_text(s, csum_proto[i].what);
            fw_text(s, " checksum not supported by hardware");
            return s->st;
        }
    }
    for (unsigned i = 0; i < 3; i++)
        if (v[FW_PF_LSO1_4 + i] == FW_PV_ENABLE && !(caps[OFL_LSO] & lso_bit[i])) {
            fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_LSO1_4 + i, lso_name[i]);
            fw_text(s, " not supported by hardware");
            return s->st;
        }
    for (unsigned i = 0; i < 2; i++)
        if (v[FW_PF_RSC4 + i] == FW_PV_ENABLE && !(caps[OFL_RSC] & rsc_bit[i])) {
            fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_RSC4 + i, rsc_name[i]);
            fw_text(s, " not supported by hardware");
            return s->st;
        }
    if (v[FW_PF_ENCAP] == FW_PV_ENABLE && !caps[OFL_ENCAP])
        return fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_ENCAP,
                       "GRE/NVGRE encapsulation not supported by hardware");
    uint32_t need = ipsec_protos(v[FW_PF_IPSEC]);
    if (need && (caps[OFL_IPSEC] & need) != need) {
        fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_PF_IPSEC, "IPsec ");
        fw_text(s, need == FW_IPSEC_AH ? "AH" : need == FW_IPSEC_ESP ? "ESP" : "AH and ESP");
        fw_text(s, " not supported by hardware");
        return s->st;
    }
    return TONIC_MBOX_ST_OK;
}

/* the configuration the request asks for, starting from the current one */
static void apply(const uint32_t *v, uint32_t *n)
{
    for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
        n[w] = cfg[w];

    uint32_t csum = n[OFL_CSUM] & (CSUM_TX_ALL | CSUM_RX_ALL);
    for (unsigned i = 0; i < 5; i++) {
        uint32_t x = v[FW_PF_CSUM_IP4 + i], tx = csum_proto[i].tx, rx = csum_proto[i].rx;
        if (x == FW_PV_NOCHANGE)
            continue;
        csum &= ~(tx | rx);
        if (x == FW_PV_CSUM_TX || x == FW_PV_CSUM_TXRX)
            csum |= tx;
        if (x == FW_PV_CSUM_RX || x == FW_PV_CSUM_TXRX)
            csum |= rx;
    }
    n[OFL_CSUM] = csum | (csum ? caps[OFL_CSUM] & CSUM_OPTS : 0);

    uint32_t lso = n[OFL_LSO] & FW_LSO_ENABLES;
    for (unsigned i = 0; i < 3; i++) {
        if (v[FW_PF_LSO1_4 + i] == FW_PV_ENABLE)
            lso |= lso_bit[i];
        else if (v[FW_PF_LSO1_4 + i] == FW_PV_DISABLE)
            lso &= ~lso_bit[i];
    }
    n[OFL_LSO] = lso ? lso | (caps[OFL_LSO] & FW_LSO_FEATURES) : 0;
    n[OFL_LSO_MAX] = lso ? caps[OFL_LSO_MAX] : 0;
    n[OFL_LSO_MIN_SEG] = lso ? caps[OFL_LSO_MIN_SEG] : 0;

    for (unsigned i = 0; i < 2; i++) {
        if (v[FW_PF_RSC4 + i] == FW_PV_ENABLE)
            n[OFL_RSC] |= rsc_bit[i];
        else if (v[FW_PF_RSC4 + i] == FW_PV_DISABLE)
            n[OFL_RSC] &= ~rsc_bit[i];
    }

    if (v[FW_PF_ENCAP] != FW_PV_NOCHANGE) {
        int on = v[FW_PF_ENCAP] == FW_PV_ENABLE;
        n[OFL_ENCAP] = on ? caps[OFL_ENCAP] : 0;
        n[OFL_ENCAP_MAXHDR] = on ? caps[OFL_ENCAP_MAXHDR] : 0;
    }

    if (v[FW_PF_IPSEC] != FW_PV_NOCHANGE) {
        uint32_t protos = ipsec_protos(v[FW_PF_IPSEC]);
        n[OFL_IPSEC] = protos ? protos | (caps[OFL_IPSEC] & ~FW_IPSEC_PROTOS) : 0;
        n[OFL_IPSEC_ALGS] = protos ? caps[OFL_IPSEC_ALGS] : 0;
        n[OFL_IPSEC_SAS] = protos ? caps[OFL_IPSEC_SAS] : 0;
    }
}

/* check 3: combining rules on the resulting configuration n */
static uint32_t check_rules(const uint32_t *v, const uint32_t *n, struct fw_status *s)
{
    static const uint32_t lso_needs[3] = {
        TONIC_CONFIG_CSUM_TX_IP4 | TONIC_CONFIG_CSUM_TX_TCP4,
        TONIC_CONFIG_CSUM_TX_IP4 | TONIC_CONFIG_CSUM_TX_TCP4,
        TONIC_CONFIG_CSUM_TX_TCP6,
    };
    static const uint32_t rsc_needs[2] = {
        TONIC_CONFIG_CSUM_RX_IP4 | TONIC_CONFIG_CSUM_RX_TCP4,
        TONIC_CONFIG_CSUM_RX_TCP6,
    };
    for (unsigned i = 0; i < 3; i++)
        if (v[FW_PF_LSO1_4 + i] == FW_PV_ENABLE && (n[OFL_CSUM] & lso_needs[i]) != lso_needs[i]) {
            fw_fail(s, TONIC_MBOX_ST_CONFLICT, FW_PF_LSO1_4 + i, lso_name[i]);
            fw_text(s, i < 2 ? " needs TX TCP and IP checksums over IPv4" : " needs TX TCP checksum over IPv6");
            return s->st;
        }
    for (unsigned i = 0; i < 2; i++)
        if (v[FW_PF_RSC4 + i] == FW_PV_ENABLE && (n[OFL_CSUM] & rsc_needs[i]) != rsc_needs[i]) {
            fw_fail(s, TONIC_MBOX_ST_CONFLICT, FW_PF_RSC4 + i, rsc_name[i]);
            fw_text(s, i == 0 ? " needs RX TCP and IP checksums over IPv4" : " needs RX TCP checksum over IPv6");
            return s->st;
        }
    if ((n[OFL_LSO] & FW_LSO_ENABLES) && (n[OFL_IPSEC] & FW_IPSEC_PROTOS) && !(caps[OFL_IPSEC] & FW_IPSEC_LSO)) {
        /* blame what this request switched on: IPSEC if it did, else the first LSO field */
        uint32_t f = 0;
        if (ipsec_protos(v[FW_PF_IPSEC]))
            f = FW_PF_IPSEC;
        else
            for (unsigned i = 0; i < 3 && !f; i++)
                if (v[FW_PF_LSO1_4 + i] == FW_PV_ENABLE)
                    f = FW_PF_LSO1_4 + i;
        return fw_fail(s, TONIC_MBOX_ST_CONFLICT, f, "LSO with IPsec not supported by hardware");
    }
    return TONIC_MBOX_ST_OK;
}

uint32_t offload_set_params(const uint32_t p[2], struct fw_status *s)
{
    uint32_t v[FW_PF_COUNT + 1], n[FW_OFFLOAD_WORDS];

    fw_ok(s);
    params_values(p, v);
    for (unsigned f = 1; f <= FW_PF_COUNT; f++)
        if (v[f] > field_max(f)) {
            fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, f, field_name[f]);
            fw_text(s, " out of range: 0..");
            fw_text_u(s, field_max(f));
            return s->st;
        }
    if (check_caps(v, s) != TONIC_MBOX_ST_OK)
        return s->st;
    apply(v, n);
    if (check_rules(v, n, s) != TONIC_MBOX_ST_OK)
        return s->st;
    for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
        if (n[w] != cfg[w]) {
            cfg[w] = n[w];
            publish(w);
        }
    return TONIC_MBOX_ST_OK;
}
