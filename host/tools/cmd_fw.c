/* SPDX-License-Identifier: MIT */
/* cmd_fw.c — the firmware control plane from the command line (docs/mailbox.md):
 *
 *   tonicctl fw version | log | stats | reset | load FILE.elf | bench [--count N]
 *   tonicctl caps
 *   tonicctl offload show
 *   tonicctl offload set FEATURE on|off ... | KEYWORD=VALUE ...
 *
 * FEATURE is an ethtool feature name (tx-checksum-ipv4, tx-checksum-ipv6, rx-checksum,
 * tx-tcp-segmentation, tx-tcp6-segmentation, rx-gro-hw, tx-gre-segmentation, esp-hw-offload),
 * KEYWORD an NDIS keyword (*IPChecksumOffloadIPv4=0..3, *TCPChecksumOffloadIPv4=0..3, ...,
 * *LsoV2IPv4=0|1, *IPsecOffloadV2=0..3). One `offload set` is one SET_PARAMS request: the
 * firmware applies all of it or nothing and says why when it refuses. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "rv32_elf.h"
#include "tonic_regs.h"

/* ---- checksum protocols: PARAMS field, TX bit, RX bit ---- */
enum { P_IP4, P_TCP4, P_UDP4, P_TCP6, P_UDP6, P_NUM };
static const struct {
    const char *ndis; /* NDIS keyword, values 0 off, 1 TX, 2 RX, 3 TX and RX */
    uint32_t tx, rx;
} csum_proto[P_NUM] = {
    [P_IP4] = {"*IPChecksumOffloadIPv4", TONIC_CAPS_CSUM_TX_IP4, TONIC_CAPS_CSUM_RX_IP4},
    [P_TCP4] = {"*TCPChecksumOffloadIPv4", TONIC_CAPS_CSUM_TX_TCP4, TONIC_CAPS_CSUM_RX_TCP4},
    [P_UDP4] = {"*UDPChecksumOffloadIPv4", TONIC_CAPS_CSUM_TX_UDP4, TONIC_CAPS_CSUM_RX_UDP4},
    [P_TCP6] = {"*TCPChecksumOffloadIPv6", TONIC_CAPS_CSUM_TX_TCP6, TONIC_CAPS_CSUM_RX_TCP6},
    [P_UDP6] = {"*UDPChecksumOffloadIPv6", TONIC_CAPS_CSUM_TX_UDP6, TONIC_CAPS_CSUM_RX_UDP6},
};

static void set_csum_field(uint32_t *w, unsigned p, unsigned code)
{
    switch (p) {
    case P_IP4: tonic_set_params_csum_ip4(w, code); break;
    case P_TCP4: tonic_set_params_csum_tcp4(w, code); break;
    case P_UDP4: tonic_set_params_csum_udp4(w, code); break;
    case P_TCP6: tonic_set_params_csum_tcp6(w, code); break;
    default: tonic_set_params_csum_udp6(w, code); break;
    }
}

/* ---- on/off features: NDIS keyword (0/1) and the PARAMS setter ---- */
static const struct {
    const char *ndis;
    void (*set)(void *, uint32_t);
} onoff[] = {
    {"*LsoV1IPv4", tonic_set_params_lso1_4}, {"*LsoV2IPv4", tonic_set_params_lso2_4},
    {"*LsoV2IPv6", tonic_set_params_lso2_6}, {"*RscIPv4", tonic_set_params_rsc4},
    {"*RscIPv6", tonic_set_params_rsc6},     {"*EncapsulatedPacketTaskOffload", tonic_set_params_encap},
};

/* The request being built: wanted TX/RX checksum bits per protocol start from the configuration. */
struct req {
    uint32_t tx, rx;     /* wanted checksum bits (CSUM layout) */
    uint32_t touched;    /* protocols whose checksum field is sent */
    struct tonic_offload_params p;
};

#define ON TONIC_PARAMS_ONOFF_ENABLE
#define OFF TONIC_PARAMS_ONOFF_DISABLE

static int parse_onoff(const char *v, int *on)
{
    if (!strcmp(v, "on"))
        *on = 1;
    else if (!strcmp(v, "off"))
        *on = 0;
    else
        return -1;
    return 0;
}

static void want_csum(struct req *r, unsigned p, int tx, int rx) /* -1: keep */
{
    if (tx >= 0)
        r->tx = tx ? (r->tx | csum_proto[p].tx) : (r->tx & ~csum_proto[p].tx);
    if (rx >= 0)
        r->rx = rx ? (r->rx | csum_proto[p].rx) : (r->rx & ~csum_proto[p].rx);
    r->touched |= 1u << p;
}

/* One FEATURE on|off pair; 0, or -1 when the name is not an ethtool feature we know. */
static int ethtool_feature(struct req *r, const char *name, int on)
{
    void *w = r->p.w;

    if (!strcmp(name, "tx-checksum-ipv4")) {
        want_csum(r, P_IP4, on, -1);
        want_csum(r, P_TCP4, on, -1);
        want_csum(r, P_UDP4, on, -1);
    } else if (!strcmp(name, "tx-checksum-ipv6")) {
        want_csum(r, P_TCP6, on, -1);
        want_csum(r, P_UDP6, on, -1);
    } else if (!strcmp(name, "rx-checksum")) {
        for (unsigned p = 0; p < P_NUM; p++)
            want_csum(r, p, -1, on);
    } else if (!strcmp(name, "tx-tcp-segmentation")) {
        tonic_set_params_lso2_4(w, on ? ON : OFF);
    } else if (!strcmp(name, "tx-tcp6-segmentation")) {
        tonic_set_params_lso2_6(w, on ? ON : OFF);
    } else if (!strcmp(name, "rx-gro-hw")) {
        tonic_set_params_rsc4(w, on ? ON : OFF);
        tonic_set_params_rsc6(w, on ? ON : OFF);
    } else if (!strcmp(name, "tx-gre-segmentation")) {
        tonic_set_params_encap(w, on ? ON : OFF);
    } else if (!strcmp(name, "esp-hw-offload")) {
        tonic_set_params_ipsec(w, on ? TONIC_PARAMS_IPSEC_ESP : TONIC_PARAMS_IPSEC_OFF);
    } else {
        return -1;
    }
    return 0;
}

/* One KEYWORD=VALUE; 0, or a usage exit code. */
static int ndis_keyword(struct req *r, const char *arg)
{
    const char *eq = strchr(arg, '=');
    size_t n = eq ? (size_t)(eq - arg) : 0;
    unsigned v;

    if (!eq)
        return ctl_usage("offload set: '%s' is neither FEATURE on|off nor KEYWORD=VALUE", arg);
    for (unsigned p = 0; p < P_NUM; p++)
        if (strlen(csum_proto[p].ndis) == n && !strncmp(arg, csum_proto[p].ndis, n)) {
            if (cli_unsigned("offload set", csum_proto[p].ndis, eq + 1, 0, 3, &v))
                return CTL_EXIT_USAGE;
            want_csum(r, p, (v & 1) != 0, (v & 2) != 0);
            return 0;
        }
    for (size_t i = 0; i < sizeof(onoff) / sizeof(onoff[0]); i++)
        if (strlen(onoff[i].ndis) == n && !strncmp(arg, onoff[i].ndis, n)) {
            if (cli_unsigned("offload set", onoff[i].ndis, eq + 1, 0, 1, &v))
                return CTL_EXIT_USAGE;
            onoff[i].set(r->p.w, v ? ON : OFF);
            return 0;
        }
    if (n == strlen("*IPsecOffloadV2") && !strncmp(arg, "*IPsecOffloadV2", n)) {
        if (cli_unsigned("offload set", "*IPsecOffloadV2", eq + 1, 0, 3, &v))
            return CTL_EXIT_USAGE;
        /* NDIS: 0 off, 1 AH, 2 ESP, 3 AH and ESP */
        static const unsigned ipsec[4] = {TONIC_PARAMS_IPSEC_OFF, TONIC_PARAMS_IPSEC_AH, TONIC_PARAMS_IPSEC_ESP,
                                          TONIC_PARAMS_IPSEC_AH_ESP};
        tonic_set_params_ipsec(r->p.w, ipsec[v]);
        return 0;
    }
    return ctl_usage("offload set: unknown keyword '%.*s'", (int)n, arg);
}

static void print_offload(const char *title, const struct tonic_offload *o, const struct tonic_offload *caps)
{
    static const struct { const char *name; uint32_t bits; } csum[] = {
        {"tx-checksum-ipv4", TONIC_CAPS_CSUM_TX_IP4 | TONIC_CAPS_CSUM_TX_TCP4 | TONIC_CAPS_CSUM_TX_UDP4},
        {"tx-checksum-ipv6", TONIC_CAPS_CSUM_TX_TCP6 | TONIC_CAPS_CSUM_TX_UDP6},
        {"rx-checksum", TONIC_CAPS_CSUM_RX_IP4 | TONIC_CAPS_CSUM_RX_TCP4 | TONIC_CAPS_CSUM_RX_UDP4 |
                            TONIC_CAPS_CSUM_RX_TCP6 | TONIC_CAPS_CSUM_RX_UDP6},
    };
    struct { const char *name; uint32_t val, cap; } f[] = {
        {"tx-tcp-segmentation", o->lso & TONIC_CAPS_LSO_V2_IP4, caps->lso & TONIC_CAPS_LSO_V2_IP4},
        {"tx-tcp6-segmentation", o->lso & TONIC_CAPS_LSO_V2_IP6, caps->lso & TONIC_CAPS_LSO_V2_IP6},
        {"rx-gro-hw", o->rsc & (TONIC_CAPS_RSC_IP4 | TONIC_CAPS_RSC_IP6), caps->rsc & (TONIC_CAPS_RSC_IP4 | TONIC_CAPS_RSC_IP6)},
        {"tx-gre-segmentation", o->encap, caps->encap},
        {"esp-hw-offload", o->ipsec & TONIC_CAPS_IPSEC_ESP, caps->ipsec & TONIC_CAPS_IPSEC_ESP},
    };

    printf("%s:\n", title);
    for (size_t i = 0; i < sizeof(csum) / sizeof(csum[0]); i++) {
        uint32_t on = o->csum & csum[i].bits;
        printf("  %-22s %-4s%s\n", csum[i].name, !on ? "off" : on == csum[i].bits ? "on" : "part",
               (caps->csum & csum[i].bits) ? "" : " [not supported]");
    }
    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
        printf("  %-22s %-4s%s\n", f[i].name, f[i].val ? "on" : "off", f[i].cap ? "" : " [not supported]");
    printf("  words: csum 0x%08x lso 0x%x lso_max %u rsc 0x%x encap 0x%x ipsec 0x%x ipsec_algs 0x%x "
           "ipsec_sas %u dma_sg %u\n", o->csum, o->lso, o->lso_max, o->rsc, o->encap, o->ipsec, o->ipsec_algs,
           o->ipsec_sas, o->dma_sg);
}

static int offload_set(struct tonic_dev *dev, int argc, char **argv)
{
    struct tonic_offload cur, caps, now;
    struct tonic_mbox_reply rep;
    struct req r;

    if (argc < 1)
        return ctl_usage("offload set: name at least one FEATURE on|off or KEYWORD=VALUE");
    if (tonic_fw_config(dev, &cur) || tonic_fw_caps(dev, &caps))
        return ctl_err("%s", tonic_last_error());
    memset(&r, 0, sizeof(r));
    r.tx = cur.csum;
    r.rx = cur.csum;
    for (int i = 0; i < argc; i++) {
        int on, e;

        if (i + 1 < argc && !parse_onoff(argv[i + 1], &on)) {
            if (ethtool_feature(&r, argv[i], on))
                return ctl_usage("offload set: unknown feature '%s'", argv[i]);
            i++;
        } else if ((e = ndis_keyword(&r, argv[i])) != 0) {
            return e;
        }
    }
    for (unsigned p = 0; p < P_NUM; p++)
        if (r.touched & (1u << p)) {
            int tx = (r.tx & csum_proto[p].tx) != 0, rx = (r.rx & csum_proto[p].rx) != 0;

            set_csum_field(r.p.w, p, tx && rx ? TONIC_PARAMS_CSUM_TXRX : tx ? TONIC_PARAMS_CSUM_TX
                                     : rx ? TONIC_PARAMS_CSUM_RX : TONIC_PARAMS_CSUM_OFF);
        }
    if (tonic_fw_set_params(dev, &r.p, &now, &rep)) {
        if (rep.status)
            return ctl_err("refused: %s: %s", tonic_mbox_status_name(rep.status), rep.reason);
        return ctl_err("%s", tonic_last_error());
    }
    print_offload("new configuration", &now, &caps);
    return CTL_EXIT_OK;
}

static int fw_load(struct tonic_dev *dev, const char *path)
{
    static uint8_t imem[32768], dmem[16384];
    struct rv32_elf elf;
    char err[256];
    int r = CTL_EXIT_OK;

    if (rv32_elf_load(path, &elf, err, sizeof(err)))
        return ctl_err("fw load: %s", err);
    if (rv32_elf_images(&elf, imem, sizeof(imem), dmem, sizeof(dmem), err, sizeof(err)))
        r = ctl_err("fw load: %s: %s", path, err);
    rv32_elf_free(&elf);
    if (r)
        return r;
    struct tonic_fw_region reg[2] = {{0, imem, sizeof(imem)}, {0x10000000u, dmem, sizeof(dmem)}};
    if (tonic_fw_load(dev, reg, 2))
        return ctl_err("%s", tonic_last_error());
    printf("fw load: %s written (IMEM %zu bytes, DMEM %zu bytes), CRC checked, firmware running\n", path,
           sizeof(imem), sizeof(dmem));
    return CTL_EXIT_OK;
}

/* Device-side service time of mailbox requests (MBOX.LAST_CYCLES), min/mean/max over n requests. */
struct span {
    uint32_t min, max;
    uint64_t sum;
    unsigned n;
};

static int span_add(struct tonic_dev *dev, struct span *s)
{
    uint32_t c;

    if (tonic_mbox_last_cycles(dev, &c))
        return -1;
    if (!s->n || c < s->min)
        s->min = c;
    if (c > s->max)
        s->max = c;
    s->sum += c;
    s->n++;
    return 0;
}

static void span_print(const char *what, const struct span *s)
{
    if (s->n)
        printf("%-34s %6u requests: min %6u  mean %8.1f  max %6u core cycles\n", what, s->n, s->min,
               (double)s->sum / s->n, s->max);
}

static int fw_bench(struct tonic_dev *dev, unsigned count)
{
    struct span ver = {0}, add = {0}, del = {0}, list = {0};
    struct tonic_fw_version v;
    struct tonic_offload cfg;
    struct tonic_sa_info info[15];
    uint32_t next;

    for (unsigned i = 0; i < count; i++)
        if (tonic_fw_version(dev, &v) || span_add(dev, &ver))
            return ctl_err("%s", tonic_last_error());
    span_print("VERSION (mailbox round trip)", &ver);
    if (tonic_fw_config(dev, &cfg))
        return ctl_err("%s", tonic_last_error());
    if (!(cfg.ipsec & TONIC_CAPS_IPSEC_ESP)) {
        printf("SA_ADD: not measured (ESP offload is off: tonicctl offload set esp-hw-offload on)\n");
        return CTL_EXIT_OK;
    }
    for (unsigned i = 0; i < count; i++) {
        struct tonic_sa sa;
        struct tonic_mbox_reply rep;
        uint32_t h;

        memset(&sa, 0, sizeof(sa));
        tonic_set_sa_proto(sa.w, TONIC_SA_PROTO_ESP);
        tonic_set_sa_spi(sa.w, 0x10000u + i * 7919u);
        tonic_set_sa_enc_alg(sa.w, TONIC_SA_ENC_AES_GCM_128);
        tonic_set_sa_icv_len(sa.w, 16);
        tonic_set_sa_enc_key_len(sa.w, 16);
        sa.w[8] = 0x0a000002u + i;                       /* a destination per SA */
        for (unsigned k = 0; k < 4; k++)
            sa.w[16 + k] = 0x5a5a0000u + i * 4 + k;      /* bench keys, not secrets */
        if (tonic_sa_add(dev, &sa, &h, &rep) || span_add(dev, &add))
            return ctl_err("%s", tonic_last_error());
        if (i == count - 1 && (tonic_sa_list(dev, 0, info, 15, &next) < 0 || span_add(dev, &list)))
            return ctl_err("%s", tonic_last_error());
    }
    for (uint32_t start = 0, n = 0; n < count; ) { /* delete them again through the list */
        int got = tonic_sa_list(dev, start, info, 15, &next);

        if (got <= 0)
            break;
        for (int i = 0; i < got; i++, n++)
            if (tonic_sa_del(dev, info[i].handle, NULL) || span_add(dev, &del))
                return ctl_err("%s", tonic_last_error());
        start = next;
        if (!next)
            break;
    }
    span_print("SA_ADD (ESP AES-GCM-128, inbound)", &add);
    span_print("SA_LIST (15 entries)", &list);
    span_print("SA_DEL", &del);
    return CTL_EXIT_OK;
}

static int fw_cmd(struct tonic_dev *dev, int argc, char **argv)
{
    const char *sub = argv[0];

    if (!strcmp(sub, "version") && argc == 1) {
        struct tonic_fw_version v;

        if (tonic_fw_version(dev, &v))
            return ctl_err("%s", tonic_last_error());
        printf("firmware %u.%u.%u, mailbox protocol %u, up %" PRIu64 " cycles\n", (v.fw_version >> 16) & 0xff,
               (v.fw_version >> 8) & 0xff, v.fw_version & 0xff, v.proto, v.uptime_cycles);
    } else if (!strcmp(sub, "log") && argc == 1) {
        char buf[4096];
        int n = tonic_fw_log(dev, buf, sizeof(buf));

        if (n < 0)
            return ctl_err("%s", tonic_last_error());
        fputs(buf, stdout);
    } else if (!strcmp(sub, "stats") && argc == 1) {
        struct tonic_fw_stats st;

        if (tonic_fw_stats(dev, &st))
            return ctl_err("%s", tonic_last_error());
        printf("requests %u\nerrors %u\nsa_count %u\nsa_adds %u\nsa_dels %u\n", st.requests, st.errors,
               st.sa_count, st.sa_adds, st.sa_dels);
    } else if (!strcmp(sub, "reset") && argc == 1) {
        if (tonic_fw_reset(dev))
            return ctl_err("%s", tonic_last_error());
        printf("firmware state reset: configuration all off, SA table empty\n");
    } else if (!strcmp(sub, "load") && argc == 2) {
        return fw_load(dev, argv[1]);
    } else if (!strcmp(sub, "bench") && (argc == 1 || (argc == 3 && !strcmp(argv[1], "--count")))) {
        unsigned n = 100;

        if (argc == 3 && cli_unsigned("fw bench", "--count", argv[2], 1, 1000, &n))
            return CTL_EXIT_USAGE;
        return fw_bench(dev, n);
    } else {
        return ctl_usage("fw: expected 'version', 'log', 'stats', 'reset', 'load FILE.elf' or 'bench [--count N]'");
    }
    return CTL_EXIT_OK;
}

/* `tonicctl fw ...`, `tonicctl caps`, `tonicctl offload ...`: argv[0] is the command name. */
int cmd_fw(struct ctl *c, int argc, char **argv)
{
    struct tonic_dev *dev;
    struct tonic_offload caps, cfg;
    int r;

    if (!strcmp(argv[0], "fw") && argc < 2)
        return ctl_usage("fw: expected 'version', 'log', 'stats', 'reset' or 'load FILE.elf'");
    if (!strcmp(argv[0], "caps") && argc != 1)
        return ctl_usage("caps: unexpected argument '%s'", argv[1]);
    if (!strcmp(argv[0], "offload") && (argc < 2 || (strcmp(argv[1], "show") && strcmp(argv[1], "set")) ||
                                        (!strcmp(argv[1], "show") && argc != 2)))
        return ctl_usage("offload: expected 'show' or 'set FEATURE on|off ... | KEYWORD=VALUE ...'");
    if ((r = ctl_open(c, &dev)))
        return r;
    if (!strcmp(argv[0], "fw")) {
        r = fw_cmd(dev, argc - 1, argv + 1);
    } else if (!strcmp(argv[0], "caps")) {
        if (tonic_fw_caps(dev, &caps))
            r = ctl_err("%s", tonic_last_error());
        else
            print_offload("hardware capabilities", &caps, &caps);
    } else if (!strcmp(argv[1], "show")) {
        if (tonic_fw_caps(dev, &caps) || tonic_fw_config(dev, &cfg))
            r = ctl_err("%s", tonic_last_error());
        else
            print_offload("current configuration", &cfg, &caps);
    } else {
        r = offload_set(dev, argc - 2, argv + 2);
    }
    tonic_close(dev);
    return r;
}
