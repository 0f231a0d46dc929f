/* SPDX-License-Identifier: MIT */
/* cmd_sa.c — IPsec security associations in the firmware's SA table (docs/mailbox.md, spec §5):
 *
 *   tonicctl sa add --dir in|out --proto esp|ah|ah+esp --spi N --src ADDR --dst ADDR
 *                   [--enc ALG] [--auth ALG] [--icv BYTES] [--key HEX] [--auth-key HEX] [--salt HEX]
 *                   [--tunnel] [--esn] [--esn-hi N] [--udp-encap] [--sport N] [--dport N] [--replay]
 *   tonicctl sa update HANDLE --esn-hi N
 *   tonicctl sa del HANDLE
 *   tonicctl sa list
 *
 * Keys travel once, in the SA_ADD request; nothing prints or reads them back. Algorithms the
 * firmware refuses on principle (des, 3des, hmac-md5-96) are passed on so that it says why. */
#include <arpa/inet.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "tonic_regs.h"

static const struct { const char *name; unsigned id, key, icv; } encs[] = {
    {"none", TONIC_SA_ENC_NONE, 0, 0},
    {"aes-gcm-128", TONIC_SA_ENC_AES_GCM_128, 16, 16},  {"aes-gcm-192", TONIC_SA_ENC_AES_GCM_192, 24, 16},
    {"aes-gcm-256", TONIC_SA_ENC_AES_GCM_256, 32, 16},  {"aes-gmac-128", TONIC_SA_ENC_AES_GMAC_128, 16, 16},
    {"aes-gmac-256", TONIC_SA_ENC_AES_GMAC_256, 32, 16}, {"aes-cbc-128", TONIC_SA_ENC_AES_CBC_128, 16, 0},
    {"aes-cbc-256", TONIC_SA_ENC_AES_CBC_256, 32, 0},   {"des", TONIC_SA_ENC_DES, 8, 0},
    {"3des", TONIC_SA_ENC_3DES, 24, 0},
};
static const struct { const char *name; unsigned id, icv; } auths[] = {
    {"none", TONIC_SA_AUTH_NONE, 0},
    {"hmac-sha256-128", TONIC_SA_AUTH_HMAC_SHA256_128, 16},
    {"hmac-sha1-96", TONIC_SA_AUTH_HMAC_SHA1_96, 12},
    {"hmac-md5-96", TONIC_SA_AUTH_HMAC_MD5_96, 12},
};

static const char *enc_name(unsigned id)
{
    for (size_t i = 0; i < sizeof(encs) / sizeof(encs[0]); i++)
        if (encs[i].id == id)
            return encs[i].name;
    return "?";
}

static const char *auth_name(unsigned id)
{
    for (size_t i = 0; i < sizeof(auths) / sizeof(auths[0]); i++)
        if (auths[i].id == id)
            return auths[i].name;
    return "?";
}

/* Hex string (even length, optional 0x) into at most cap bytes: the byte count, or -1. */
static int parse_hex(const char *s, uint8_t *out, size_t cap)
{
    size_t n = 0;

    if (!strncmp(s, "0x", 2))
        s += 2;
    if (strlen(s) % 2 || !*s)
        return -1;
    for (; *s; s += 2) {
        unsigned v;
        char b[3] = {s[0], s[1], 0};
        char *end;

        v = (unsigned)strtoul(b, &end, 16);
        if (*end || n >= cap)
            return -1;
        out[n++] = (uint8_t)v;
    }
    return (int)n;
}

/* IPv4 or IPv6 address into 16 bytes; the family (4 or 6), or 0. */
static int parse_addr(const char *s, uint8_t out[16])
{
    memset(out, 0, 16);
    if (inet_pton(AF_INET, s, out) == 1)
        return 4;
    if (inet_pton(AF_INET6, s, out) == 1)
        return 6;
    return 0;
}

/* The SA_ADD request from the command line: 0, or a usage exit code. */
static int sa_parse(int argc, char **argv, struct tonic_sa *out)
{
    enum { O_DIR = 1, O_PROTO, O_SPI, O_SRC, O_DST, O_ENC, O_AUTH, O_ICV, O_KEY, O_AKEY, O_SALT, O_TUNNEL,
           O_ESN, O_ESNHI, O_UDP, O_SPORT, O_DPORT, O_REPLAY };
    static const struct option opts[] = {
        {"dir", required_argument, NULL, O_DIR},     {"proto", required_argument, NULL, O_PROTO},
        {"spi", required_argument, NULL, O_SPI},     {"src", required_argument, NULL, O_SRC},
        {"dst", required_argument, NULL, O_DST},     {"enc", required_argument, NULL, O_ENC},
        {"auth", required_argument, NULL, O_AUTH},   {"icv", required_argument, NULL, O_ICV},
        {"key", required_argument, NULL, O_KEY},     {"auth-key", required_argument, NULL, O_AKEY},
        {"salt", required_argument, NULL, O_SALT},   {"tunnel", no_argument, NULL, O_TUNNEL},
        {"esn", no_argument, NULL, O_ESN},           {"esn-hi", required_argument, NULL, O_ESNHI},
        {"udp-encap", no_argument, NULL, O_UDP},     {"sport", required_argument, NULL, O_SPORT},
        {"dport", required_argument, NULL, O_DPORT}, {"replay", no_argument, NULL, O_REPLAY},
        {NULL, 0, NULL, 0},
    };
    struct tonic_sa sa;
    uint8_t src[16], dst[16], key[32], akey[32], salt[4];
    int have_dir = 0, have_proto = 0, have_spi = 0, af_src = 0, af_dst = 0, klen = 0, aklen = 0, o;
    unsigned enc = TONIC_SA_ENC_NONE, auth = TONIC_SA_AUTH_NONE, icv = 0, enc_i = 0, auth_i = 0, v;
    uint64_t u;

    memset(&sa, 0, sizeof(sa));
    memset(salt, 0, sizeof(salt));
    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (o) {
        case O_DIR:
            if (strcmp(optarg, "in") && strcmp(optarg, "out"))
                return ctl_usage("sa add: --dir is 'in' or 'out', not '%s'", optarg);
            tonic_set_sa_dir(sa.w, !strcmp(optarg, "out"));
            have_dir = 1;
            break;
        case O_PROTO:
            if (!strcmp(optarg, "ah"))
                tonic_set_sa_proto(sa.w, TONIC_SA_PROTO_AH);
            else if (!strcmp(optarg, "esp"))
                tonic_set_sa_proto(sa.w, TONIC_SA_PROTO_ESP);
            else if (!strcmp(optarg, "ah+esp"))
                tonic_set_sa_proto(sa.w, TONIC_SA_PROTO_AH_ESP);
            else
                return ctl_usage("sa add: --proto is 'esp', 'ah' or 'ah+esp', not '%s'", optarg);
            have_proto = 1;
            break;
        case O_SPI:
            if (cli_u64("sa add", "--spi", optarg, 256, 0xFFFFFFFFu, &u)) /* SPIs 1..255 are reserved */
                return CTL_EXIT_USAGE;
            tonic_set_sa_spi(sa.w, (uint32_t)u);
            have_spi = 1;
            break;
        case O_SRC:
        case O_DST:
            if (!(o == O_SRC ? (af_src = parse_addr(optarg, src)) : (af_dst = parse_addr(optarg, dst))))
                return ctl_usage("sa add: '%s' is not an IPv4 or IPv6 address", optarg);
            break;
        case O_ENC:
            for (enc_i = 0; enc_i < sizeof(encs) / sizeof(encs[0]) && strcmp(encs[enc_i].name, optarg); enc_i++)
                ;
            if (enc_i == sizeof(encs) / sizeof(encs[0]))
                return ctl_usage("sa add: unknown cipher '%s' (aes-gcm-128, aes-gcm-256, aes-gmac-128, aes-cbc-128, ...)", optarg);
            enc = encs[enc_i].id;
            break;
        case O_AUTH:
            for (auth_i = 0; auth_i < sizeof(auths) / sizeof(auths[0]) && strcmp(auths[auth_i].name, optarg); auth_i++)
                ;
            if (auth_i == sizeof(auths) / sizeof(auths[0]))
                return ctl_usage("sa add: unknown integrity algorithm '%s' (none, hmac-sha256-128, hmac-sha1-96)", optarg);
            auth = auths[auth_i].id;
            break;
        case O_ICV:
            if (cli_unsigned("sa add", "--icv", optarg, 1, 64, &icv))
                return CTL_EXIT_USAGE;
            break;
        case O_KEY:
            if ((klen = parse_hex(optarg, key, sizeof(key))) < 0)
                return ctl_usage("sa add: --key is up to 32 bytes of hex");
            break;
        case O_AKEY:
            if ((aklen = parse_hex(optarg, akey, sizeof(akey))) < 0)
                return ctl_usage("sa add: --auth-key is up to 32 bytes of hex");
            break;
        case O_SALT:
            if (parse_hex(optarg, salt, sizeof(salt)) != 4)
                return ctl_usage("sa add: --salt is 4 bytes of hex");
            break;
        case O_TUNNEL: tonic_set_sa_tunnel(sa.w, 1); break;
        case O_ESN: tonic_set_sa_esn(sa.w, 1); break;
        case O_ESNHI:
            if (cli_u64("sa add", "--esn-hi", optarg, 0, 0xFFFFFFFFu, &u))
                return CTL_EXIT_USAGE;
            tonic_set_sa_esn_hi(sa.w, (uint32_t)u);
            break;
        case O_UDP: tonic_set_sa_udp_encap(sa.w, 1); break;
        case O_SPORT:
        case O_DPORT:
            if (cli_unsigned("sa add", o == O_SPORT ? "--sport" : "--dport", optarg, 1, 65535, &v))
                return CTL_EXIT_USAGE;
            if (o == O_SPORT)
                tonic_set_sa_udp_sport(sa.w, v);
            else
                tonic_set_sa_udp_dport(sa.w, v);
            break;
        case O_REPLAY: tonic_set_sa_replay(sa.w, 1); break;
        default:
            return cli_bad_option("sa add", o, argv);
        }
    }
    if (optind < argc)
        return ctl_usage("sa add: unexpected argument '%s'", argv[optind]);
    if (!have_dir || !have_proto || !have_spi || !af_src || !af_dst)
        return ctl_usage("sa add: --dir, --proto, --spi, --src and --dst are required");
    if (af_src != af_dst)
        return ctl_usage("sa add: --src and --dst must both be IPv4 or both IPv6");
    tonic_set_sa_af(sa.w, af_src == 6);
    memcpy(&sa.w[4], src, 16);
    memcpy(&sa.w[8], dst, 16);
    if (tonic_sa_udp_encap(sa.w) && !tonic_sa_udp_dport(sa.w))
        tonic_set_sa_udp_dport(sa.w, 4500);
    if (tonic_sa_udp_encap(sa.w) && !tonic_sa_udp_sport(sa.w))
        tonic_set_sa_udp_sport(sa.w, 4500);
    tonic_set_sa_enc_alg(sa.w, enc);
    tonic_set_sa_auth_alg(sa.w, auth);
    if (!icv)
        icv = auth != TONIC_SA_AUTH_NONE ? auths[auth_i].icv : encs[enc_i].icv;
    tonic_set_sa_icv_len(sa.w, icv);
    tonic_set_sa_enc_key_len(sa.w, (uint32_t)klen);
    tonic_set_sa_auth_key_len(sa.w, (uint32_t)aklen);
    memcpy(&sa.w[16], key, (size_t)klen);
    memcpy(&sa.w[24], akey, (size_t)aklen);
    memcpy(&sa.w[14], salt, 4);

    *out = sa;
    memset(&sa, 0, sizeof(sa));
    memset(key, 0, sizeof(key));
    memset(akey, 0, sizeof(akey));
    return 0;
}

static int sa_add(struct tonic_dev *dev, struct tonic_sa *sa)
{
    struct tonic_mbox_reply rep;
    uint32_t handle;
    int err = tonic_sa_add(dev, sa, &handle, &rep);

    memset(sa, 0, sizeof(*sa)); /* the keys leave this process only towards the device */
    if (err) {
        if (rep.status)
            return ctl_err("sa add refused: %s: %s", tonic_mbox_status_name(rep.status), rep.reason);
        return ctl_err("%s", tonic_last_error());
    }
    printf("sa add: handle 0x%08x\n", handle);
    return CTL_EXIT_OK;
}

static int sa_list(struct tonic_dev *dev)
{
    struct tonic_sa_info e[15];
    uint32_t start = 0, next;
    unsigned total = 0;

    printf("%-10s %-4s %-6s %-10s %-13s %-16s %-4s %-10s %-15s %s\n", "handle", "dir", "proto", "spi", "cipher",
           "integrity", "icv", "esn_hi", "dst", "packets/errors");
    do {
        int n = tonic_sa_list(dev, start, e, 15, &next);

        if (n < 0)
            return ctl_err("%s", tonic_last_error());
        for (int i = 0; i < n; i++) {
            static const char *protos[] = {[0] = "?", [TONIC_SA_PROTO_AH] = "ah", [TONIC_SA_PROTO_ESP] = "esp",
                                           [TONIC_SA_PROTO_AH_ESP] = "ah+esp"};
            char dst[INET_ADDRSTRLEN];
            uint32_t f[1] = {e[i].flags}, a[3] = {0, 0, e[i].algs};

            inet_ntop(AF_INET, &e[i].dst, dst, sizeof(dst));
            printf("0x%08x %-4s %-6s 0x%08x %-13s %-16s %-4u %-10u %-15s %u/%u\n", e[i].handle,
                   tonic_sa_dir(f) ? "out" : "in", protos[tonic_sa_proto(f)], e[i].spi,
                   enc_name(tonic_sa_enc_alg(a)), auth_name(tonic_sa_auth_alg(a)), tonic_sa_icv_len(a), e[i].esn_hi,
                   tonic_sa_af(f) ? "(ipv6)" : dst, e[i].packets, e[i].errors);
        }
        total += (unsigned)n;
        start = next;
    } while (next);
    printf("%u SAs\n", total);
    return CTL_EXIT_OK;
}

static int parse_handle(const char *s, uint32_t *h)
{
    uint64_t u;

    if (cli_u64("sa", "HANDLE", s, 1, 0xFFFFFFFFu, &u))
        return -1;
    *h = (uint32_t)u;
    return 0;
}

int cmd_sa(struct ctl *c, int argc, char **argv)
{
    static const struct option upd_opts[] = {{"esn-hi", required_argument, NULL, 'e'}, {NULL, 0, NULL, 0}};
    struct tonic_mbox_reply rep;
    struct tonic_dev *dev;
    struct tonic_sa sa;
    const char *sub = argc > 1 ? argv[1] : "";
    uint32_t handle = 0;
    uint64_t esn_hi = 0;
    int r, o, have_esn = 0;

    /* check the command line before touching the device */
    if (!strcmp(sub, "update")) {
        while ((o = getopt_long(argc - 1, argv + 1, ":", upd_opts, NULL)) != -1) {
            if (o != 'e')
                return cli_bad_option("sa update", o, argv + 1);
            if (cli_u64("sa update", "--esn-hi", optarg, 0, 0xFFFFFFFFu, &esn_hi))
                return CTL_EXIT_USAGE;
            have_esn = 1;
        }
        if (!have_esn || optind + 1 != argc - 1 || parse_handle(argv[optind + 1], &handle))
            return ctl_usage("sa update: expected HANDLE --esn-hi N");
    } else if (!strcmp(sub, "del")) {
        if (argc != 3 || parse_handle(argv[2], &handle))
            return ctl_usage("sa del: expected HANDLE");
    } else if (!strcmp(sub, "list")) {
        if (argc != 2)
            return ctl_usage("sa list: unexpected argument '%s'", argv[2]);
    } else if (!strcmp(sub, "add")) {
        if ((r = sa_parse(argc - 1, argv + 1, &sa)))
            return r;
    } else {
        return ctl_usage("sa: expected 'add', 'update', 'del' or 'list'");
    }
    if ((r = ctl_open(c, &dev)))
        return r;
    if (!strcmp(sub, "add")) {
        r = sa_add(dev, &sa);
    } else if (!strcmp(sub, "list")) {
        r = sa_list(dev);
    } else {
        int err = !strcmp(sub, "del") ? tonic_sa_del(dev, handle, &rep)
                                      : tonic_sa_update(dev, handle, (uint32_t)esn_hi, &rep);
        if (err && rep.status)
            r = ctl_err("sa %s refused: %s: %s", sub, tonic_mbox_status_name(rep.status), rep.reason);
        else if (err)
            r = ctl_err("%s", tonic_last_error());
        else
            printf("sa %s: handle 0x%08x done\n", sub, handle);
    }
    tonic_close(dev);
    return r;
}
