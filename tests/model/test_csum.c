/* SPDX-License-Identifier: MIT */
/* test_csum.c — the checksum model against docs/parser.md:
 *  - sums: RFC 1071 example, odd lengths, seeds, an independent byte-loop implementation;
 *  - RX: generated frames (pktgen, correct checksums) give exactly the expected OK bits; one byte
 *    changed in an IP header, an L4 header or the payload gives BAD for exactly that check;
 *    UDP 0 over IPv4 is not checked; each CONFIG RX bit switches its check off; raw sum;
 *  - TX: a generated frame whose checksum fields were scribbled, then seeded by
 *    tonic_tx_csum_request() and patched by tonic_tx_csum(), equals the generator's frame byte
 *    for byte (NDIS and Linux styles, IPv4/IPv6, TCP/UDP, GRE/NVGRE outer + inner); every skip
 *    rule on a hand-built frame; sums over the frame as it arrived;
 *  - the text form of RXC fields. */
#include "frames.h"
#include "pktgen.h"
#include "test.h"
#include "tonic_csum.h"
#include "tonic_parse.h"

#define RX_ALL                                                                                           \
    (TONIC_CONFIG_CSUM_RX_IP4 | TONIC_CONFIG_CSUM_RX_TCP4 | TONIC_CONFIG_CSUM_RX_UDP4 | TONIC_CONFIG_CSUM_RX_TCP6 | \
     TONIC_CONFIG_CSUM_RX_UDP6)
#define TX_ALL                                                                                           \
    (TONIC_CONFIG_CSUM_TX_IP4 | TONIC_CONFIG_CSUM_TX_TCP4 | TONIC_CONFIG_CSUM_TX_UDP4 | TONIC_CONFIG_CSUM_TX_TCP6 | \
     TONIC_CONFIG_CSUM_TX_UDP6 | TONIC_CONFIG_CSUM_PARTIAL)
#define BADS (TONIC_CSUMF_IP_BAD | TONIC_CSUMF_TCP_BAD | TONIC_CSUMF_UDP_BAD | TONIC_CSUMF_OUTER_IP_BAD | TONIC_CSUMF_INNER_IP_BAD)
#define IPS (TONIC_CSUMF_IP_OK | TONIC_CSUMF_IP_BAD | TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_OUTER_IP_BAD | \
             TONIC_CSUMF_INNER_IP_OK | TONIC_CSUMF_INNER_IP_BAD)
#define L4S (TONIC_CSUMF_TCP_OK | TONIC_CSUMF_TCP_BAD | TONIC_CSUMF_UDP_OK | TONIC_CSUMF_UDP_BAD)

/* independent ones'-complement sum: plain byte loop, 64-bit accumulator, fold at the end */
static unsigned ref_sum(const uint8_t *p, unsigned n)
{
    uint64_t s = 0;
    unsigned i;
    for (i = 0; i < n; i++)
        s += (i & 1) ? p[i] : (uint64_t)p[i] << 8;
    while (s >> 16)
        s = (s & 0xFFFF) + (s >> 16);
    return (unsigned)s;
}

static void test_sums(void)
{
    static const uint8_t v[8] = {0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7};
    static const uint8_t ff[4] = {0xFF, 0xFF, 0xFF, 0xFF};
    static uint8_t big[70000];
    struct pktgen g;
    unsigned i;
    CHECK_EQ(tonic_csum_sum(v, 8, 0), 0xDDF2); /* RFC 1071 §3 example */
    CHECK_EQ(tonic_csum_sum(v, 7, 0), 0xDCFB); /* odd: last byte is a high byte (0xDDF2 - 0xF7) */
    CHECK_EQ(tonic_csum_sum(v, 0, 0x12345), 0x2346);
    CHECK_EQ(tonic_csum_sum(NULL, 0, 0), 0);
    CHECK_EQ(tonic_csum_sum(ff, 4, 0), 0xFFFF);
    CHECK_EQ(tonic_csum_sum(ff, 4, 1), 0x0001);
    CHECK_EQ(tonic_csum_add(0xFFFF, 0x0001), 0x0001);
    CHECK_EQ(tonic_csum_add(0x8000, 0x8000), 0x0001);
    pktgen_seed(&g, 99);
    pktgen_fill(&g, big, sizeof big);
    for (i = 0; i < 300; i++) {
        unsigned off = pktgen_below(&g, 1000), n = pktgen_below(&g, i < 10 ? 69000 : 3000);
        CHECK_EQ(tonic_csum_sum(big + off, n, 0), ref_sum(big + off, n));
    }
    memset(big, 0xFF, sizeof big);
    CHECK_EQ(tonic_csum_sum(big, sizeof big, 0), 0xFFFF);
}

/* expected clean verdict from the PMETA the generator's frame parses to */
static unsigned clean_flags(const uint32_t *pm, const struct pktgen_info *in, const uint8_t *f, uint32_t cfg)
{
    unsigned e = 0;
    if (cfg & TONIC_CONFIG_CSUM_RX_IP4) {
        if (tonic_pmeta_ihl(pm))
            e |= TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_IP_OK;
        if (tonic_pmeta_iihl(pm))
            e |= TONIC_CSUMF_INNER_IP_OK | TONIC_CSUMF_IP_OK;
    }
    if (tonic_pmeta_err(pm) == 0 && in->l4_csum) {
        int inner = tonic_pmeta_tun(pm) != 0;
        unsigned l4 = inner ? tonic_pmeta_il4(pm) : tonic_pmeta_l4(pm);
        int ip6 = (inner ? tonic_pmeta_il3(pm) : tonic_pmeta_l3(pm)) == TONIC_PTYPE_L3_IP6;
        if (l4 == TONIC_PTYPE_L4_TCP) {
            if (cfg & (ip6 ? TONIC_CONFIG_CSUM_RX_TCP6 : TONIC_CONFIG_CSUM_RX_TCP4))
                e |= TONIC_CSUMF_TCP_OK;
        } else if (l4 == TONIC_PTYPE_L4_UDP) {
            unsigned field = (unsigned)f[in->l4_csum] << 8 | f[in->l4_csum + 1];
            if ((cfg & (ip6 ? TONIC_CONFIG_CSUM_RX_UDP6 : TONIC_CONFIG_CSUM_RX_UDP4)) && !(field == 0 && !ip6))
                e |= TONIC_CSUMF_UDP_OK;
        }
    }
    return e;
}

static void test_rx_generated(void)
{
    static uint8_t f[PKTGEN_MAX_FRAME], c[PKTGEN_MAX_FRAME];
    struct pktgen g;
    struct pktgen_info in;
    uint32_t pm[7], pm2[7];
    unsigned i, n, seen_l4 = 0, seen_ip = 0, seen_inner = 0, corrupted[3] = {0, 0, 0}, udp0 = 0;
    uint16_t fl, raw;
    static const uint32_t offbits[5] = {TONIC_CONFIG_CSUM_RX_IP4, TONIC_CONFIG_CSUM_RX_TCP4, TONIC_CONFIG_CSUM_RX_UDP4,
                                        TONIC_CONFIG_CSUM_RX_TCP6, TONIC_CONFIG_CSUM_RX_UDP6};
    pktgen_seed(&g, 2026);
    for (i = 0; i < 20000; i++) {
        unsigned e, b;
        n = pktgen_frame(&g, f, sizeof f, &in);
        tonic_parse(f, n, pm);
        tonic_rx_csum(f, n, pm, RX_ALL, &fl, &raw);
        e = clean_flags(pm, &in, f, RX_ALL);
        CHECK_EQ(fl, e);
        CHECK_EQ(raw, n > 14 ? ref_sum(f + 14, n - 14) : 0);
        if (fl != e) {
            tonic_pmeta_print(stdout, pm);
            continue;
        }
        seen_l4 += (fl & L4S) != 0;
        seen_ip += (fl & TONIC_CSUMF_OUTER_IP_OK) != 0;
        seen_inner += (fl & TONIC_CSUMF_INNER_IP_OK) != 0;
        udp0 += tonic_pmeta_err(pm) == 0 && in.l4_csum_is_udp4 && !(fl & L4S) && in.l4_csum &&
                f[in.l4_csum] == 0 && f[in.l4_csum + 1] == 0;
        /* each RX enable bit switches exactly its own check off */
        for (b = 0; b < 5; b++) {
            tonic_rx_csum(f, n, pm, RX_ALL & ~offbits[b], &fl, NULL);
            CHECK_EQ(fl, clean_flags(pm, &in, f, RX_ALL & ~offbits[b]));
        }
        tonic_rx_csum(f, n, pm, 0, &fl, NULL);
        CHECK_EQ(fl, 0);

        /* one changed byte: outer IP header, inner IP header, or the L4 range */
        for (b = 0; b < 3; b++) {
            static const unsigned ipbytes[6] = {1, 4, 5, 8, 10, 11}; /* TOS, ID, TTL, checksum */
            unsigned at, want;
            if (b == 0 && !(e & TONIC_CSUMF_OUTER_IP_OK))
                continue;
            if (b == 1 && !(e & TONIC_CSUMF_INNER_IP_OK))
                continue;
            if (b == 2 && !(e & L4S))
                continue;
            memcpy(c, f, n);
            if (b == 0) {
                at = tonic_pmeta_l3_off(pm) + ipbytes[pktgen_below(&g, 6)];
                want = (e & ~(TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK)) | TONIC_CSUMF_IP_BAD | TONIC_CSUMF_OUTER_IP_BAD;
            } else if (b == 1) {
                at = tonic_pmeta_il3_off(pm) + ipbytes[pktgen_below(&g, 6)];
                want = (e & ~(TONIC_CSUMF_IP_OK | TONIC_CSUMF_INNER_IP_OK)) | TONIC_CSUMF_IP_BAD | TONIC_CSUMF_INNER_IP_BAD;
            } else {
                at = in.csum_l4_start + pktgen_below(&g, in.csum_end - in.csum_l4_start);
                want = e & TONIC_CSUMF_TCP_OK ? (e & ~TONIC_CSUMF_TCP_OK) | TONIC_CSUMF_TCP_BAD
                                              : (e & ~TONIC_CSUMF_UDP_OK) | TONIC_CSUMF_UDP_BAD;
            }
            c[at] ^= (uint8_t)(1 + pktgen_below(&g, 255));
            tonic_parse(c, n, pm2);
            /* the change must leave the walk as it was (a length, port or offset byte may not) */
            if (memcmp(pm, pm2, sizeof pm) != 0)
                continue;
            if (b == 2 && in.l4_csum_is_udp4 && c[in.l4_csum] == 0 && c[in.l4_csum + 1] == 0)
                continue;
            tonic_rx_csum(c, n, pm2, RX_ALL, &fl, NULL);
            CHECK_EQ(fl, want);
            corrupted[b]++;
        }
    }
    printf("rx generated: %u with an L4 verdict, %u outer IPv4, %u inner IPv4, %u UDP-0, corrupted %u/%u/%u\n",
           seen_l4, seen_ip, seen_inner, udp0, corrupted[0], corrupted[1], corrupted[2]);
    /* the campaign must have covered each kind many times */
    CHECK(seen_l4 > 8000);
    CHECK(seen_ip > 5000);
    CHECK(seen_inner > 500);
    CHECK(udp0 > 100);
    CHECK(corrupted[0] > 5000 && corrupted[1] > 500 && corrupted[2] > 5000);

    /* the generator's corruption option */
    {
        struct pktgen_spec s;
        unsigned k;
        for (k = 0; k < 200; k++) {
            pktgen_spec_default(&s);
            s.outer.l3 = k & 1 ? PKTGEN_L3_IP6 : PKTGEN_L3_IP4;
            s.outer.l4 = PKTGEN_L4_GRE;
            s.gre_proto = 0x6558;
            s.gre_flags = 0x2000;
            s.inner.l3 = PKTGEN_L3_IP4;
            s.inner.l4 = k & 2 ? PKTGEN_L4_UDP : PKTGEN_L4_TCP;
            s.corrupt = (uint8_t)(k % 3 + 1);
            n = pktgen_build(&g, &s, f, sizeof f, &in);
            tonic_parse(f, n, pm);
            tonic_rx_csum(f, n, pm, RX_ALL, &fl, NULL);
            if (s.corrupt == PKTGEN_CORRUPT_IP && !(k & 1))
                CHECK_EQ(fl & IPS, TONIC_CSUMF_IP_BAD | TONIC_CSUMF_OUTER_IP_BAD | TONIC_CSUMF_INNER_IP_OK);
            if (s.corrupt == PKTGEN_CORRUPT_INNER_IP)
                CHECK_EQ(fl & IPS, TONIC_CSUMF_IP_BAD | TONIC_CSUMF_INNER_IP_BAD | (k & 1 ? 0 : TONIC_CSUMF_OUTER_IP_OK));
            if (s.corrupt == PKTGEN_CORRUPT_L4)
                CHECK_EQ(fl & L4S, k & 2 ? TONIC_CSUMF_UDP_BAD : TONIC_CSUMF_TCP_BAD);
            else
                CHECK_EQ(fl & L4S, k & 2 ? TONIC_CSUMF_UDP_OK : TONIC_CSUMF_TCP_OK);
        }
    }
}

/* hand-built RX cases: UDP 0 over IPv4 and IPv6, fragments, errors, raw sum of short frames */
static void fix_ip4(unsigned o)
{
    p16(o + 10, 0);
    p16(o + 10, (uint16_t)~tonic_csum_sum(F + o, 4 * (F[o] & 15u), 0));
}
static void fix_l4(unsigned l3, unsigned l4, unsigned field, unsigned proto, int ip6)
{
    uint16_t ph;
    p16(field, 0);
    ph = ip6 ? tonic_csum_pseudo6(F + l3 + 8, F + l3 + 24, proto, L - l4)
             : tonic_csum_pseudo4(F + l3 + 12, F + l3 + 16, proto, L - l4);
    p16(field, (uint16_t)~tonic_csum_sum(F + l4, L - l4, ph));
}

static unsigned rx(uint32_t cfg)
{
    uint32_t pm[7];
    uint16_t fl, raw;
    tonic_parse(F, L, pm);
    tonic_rx_csum(F, L, pm, cfg, &fl, &raw);
    return fl;
}

static void test_rx_hand(void)
{
    unsigned o, u, t;
    uint32_t pm[7];
    uint16_t fl, raw;
    /* UDP over IPv4 with checksum 0: IP checked, UDP neither OK nor BAD */
    eth(0x0800);
    o = ip4h(5, 17, 0);
    u = udp(1000, 2000);
    bytes(11, 5);
    endu(u);
    end4(o);
    fix_ip4(o);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK);
    fix_l4(o, u, u + 6, 17, 0);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_UDP_OK);
    /* Ethernet padding is outside the L4 range; raw sum covers it (zeros add nothing) */
    pad_to(60);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_UDP_OK);
    F[59] = 1; /* a non-zero pad byte: the L4 verdict does not change */
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_UDP_OK);
    tonic_parse(F, L, pm);
    tonic_rx_csum(F, L, pm, RX_ALL, &fl, &raw);
    CHECK_EQ(raw, ref_sum(F + 14, L - 14));

    /* UDP over IPv6 with checksum 0: checked, BAD */
    eth(0x86DD);
    o = ip6h(17);
    u = udp(1000, 2000);
    bytes(11, 5);
    endu(u);
    end6(o);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_UDP_BAD);
    fix_l4(o, u, u + 6, 17, 1);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_UDP_OK);
    CHECK_EQ(rx(RX_ALL & ~TONIC_CONFIG_CSUM_RX_UDP6), 0);
    CHECK_EQ(rx(TONIC_CONFIG_CSUM_RX_UDP4 | TONIC_CONFIG_CSUM_RX_TCP6), 0);

    /* IPv6 with extension headers and AH: pseudo-header protocol is 6, length from L4_OFF */
    eth(0x86DD);
    o = ip6h(0);
    ext6(51, 16);
    ah(6, 4, 0x1234u);
    t = tcp(8);
    bytes(33, 1);
    end6(o);
    fix_l4(o, t, t + 16, 6, 1);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_TCP_OK);
    CHECK_EQ(rx(RX_ALL & ~TONIC_CONFIG_CSUM_RX_TCP6), 0);

    /* an error anywhere: no L4 verdict, IP verdicts still given */
    eth(0x0800);
    o = ip4h(5, 6, 0);
    t = tcp(5);
    bytes(20, 1);
    end4(o);
    fix_ip4(o);
    fix_l4(o, t, t + 16, 6, 0);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_TCP_OK);
    F[t + 12] = 0x40; /* data offset 4: BAD_HLEN */
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK);
    F[t + 12] = 0x50;
    p16(o + 6, 0x2000); /* now a fragment: not checked (and the IP header checksum is wrong) */
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_BAD | TONIC_CSUMF_OUTER_IP_BAD);
    fix_ip4(o);
    CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK);

    /* raw sum: 0 for frames of 14 bytes or fewer, sum[14, LEN) above */
    eth(0x0806);
    tonic_parse(F, L, pm);
    tonic_rx_csum(F, L, pm, RX_ALL, &fl, &raw);
    CHECK_EQ(raw, 0);
    CHECK_EQ(fl, 0);
    b8(0xAB);
    tonic_parse(F, L, pm);
    tonic_rx_csum(F, L, pm, RX_ALL, &fl, &raw);
    CHECK_EQ(raw, 0xAB00);
    b8(0xCD);
    b8(0xFF);
    b8(0xFF);
    tonic_parse(F, L, pm);
    tonic_rx_csum(F, L, pm, RX_ALL, &fl, &raw);
    CHECK_EQ(raw, 0xABCD);
}

/* ---- TX ---- */

static void scribble(uint8_t *f, unsigned at)
{
    f[at] ^= 0x5A;
    f[at + 1] ^= 0xC3;
}

static void test_tx_roundtrip(void)
{
    static uint8_t f[PKTGEN_MAX_FRAME], c[PKTGEN_MAX_FRAME];
    struct pktgen g;
    struct pktgen_info in;
    uint32_t pm[7], txd[8];
    unsigned i, n, style, done[2] = {0, 0}, enc = 0, inner_ip = 0, ip6 = 0, udp = 0;
    pktgen_seed(&g, 7);
    for (i = 0; i < 20000; i++) {
        unsigned want, r;
        int q;
        n = pktgen_frame(&g, f, sizeof f, &in);
        if (in.l4_csum_is_udp4 && f[in.l4_csum] == 0 && f[in.l4_csum + 1] == 0)
            continue; /* sent without a checksum: the NIC would fill one in */
        style = i & 1;
        /* learn what the helper will request, scribble exactly those fields, then run for real */
        memcpy(c, f, n);
        memset(txd, 0, sizeof txd);
        q = tonic_tx_csum_request(c, n, txd, (int)style);
        if (q != 1) {
            CHECK_EQ(q, 0);
            CHECK(memcmp(c, f, n) == 0); /* nothing to offload: frame untouched */
            continue;
        }
        memcpy(c, f, n);
        want = TONIC_TXCS_WRITTEN;
        if (tonic_txd_csum_partial(txd)) {
            scribble(c, tonic_txd_csum_start(txd) + tonic_txd_csum_offset(txd));
            want |= TONIC_TXCS_PARTIAL;
        } else {
            tonic_parse(f, n, pm);
            if (tonic_txd_csum_iphdr(txd)) {
                if (tonic_txd_csum_ip4(txd)) {
                    scribble(c, tonic_pmeta_l3_off(pm) + 10);
                    want |= TONIC_TXCS_OUTER_IP;
                }
                if (tonic_txd_enc(txd) && !tonic_txd_enc_ip6(txd)) {
                    scribble(c, tonic_pmeta_il3_off(pm) + 10);
                    want |= TONIC_TXCS_INNER_IP;
                    inner_ip++;
                }
            }
            if (tonic_txd_csum_tcp(txd) || tonic_txd_csum_udp(txd)) {
                scribble(c, in.l4_csum);
                want |= TONIC_TXCS_L4;
            }
            enc += tonic_txd_enc(txd);
        }
        ip6 += tonic_txd_csum_ip6(txd) || tonic_txd_enc_ip6(txd);
        udp += tonic_txd_csum_udp(txd);
        memset(txd, 0, sizeof txd);
        CHECK_EQ(tonic_tx_csum_request(c, n, txd, (int)style), 1);
        tonic_parse(c, n, pm); /* the parser sees the frame as it arrives */
        r = tonic_tx_csum(c, n, txd, pm, TX_ALL);
        CHECK_EQ(r, want);
        CHECK(memcmp(c, f, n) == 0);
        if (r != want || memcmp(c, f, n) != 0) {
            printf("  frame %u style %u len %u: ", i, style, n);
            tonic_pmeta_print(stdout, pm);
        }
        done[style]++;
    }
    printf("tx round trips: %u NDIS (%u ENC, %u inner IPv4), %u Linux; %u IPv6, %u UDP\n", done[0], enc,
           inner_ip, done[1], ip6, udp);
    CHECK(done[0] > 5000 && done[1] > 4000 && enc > 500 && inner_ip > 200 && ip6 > 2000 && udp > 2000);
}

/* a hand-built IPv4/TCP frame with correct checksums; returns the TCP offset */
static unsigned tx_frame4(unsigned payload)
{
    unsigned o, t;
    eth(0x0800);
    o = ip4h(5, 6, 0);
    t = tcp(5);
    bytes(payload, 3);
    end4(o);
    fix_ip4(o);
    fix_l4(o, t, t + 16, 6, 0);
    return t;
}

static unsigned ndis(uint32_t txd[8], unsigned ip4, unsigned ip6, unsigned tcp, unsigned udp, unsigned iphdr,
                     unsigned l4_off)
{
    memset(txd, 0, 32);
    tonic_set_txd_csum_ip4(txd, ip4);
    tonic_set_txd_csum_ip6(txd, ip6);
    tonic_set_txd_csum_tcp(txd, tcp);
    tonic_set_txd_csum_udp(txd, udp);
    tonic_set_txd_csum_iphdr(txd, iphdr);
    tonic_set_txd_l4_off(txd, l4_off);
    return 0;
}

static unsigned tx(const uint32_t txd[8], uint32_t cfg)
{
    uint32_t pm[7];
    tonic_parse(F, L, pm);
    return tonic_tx_csum(F, L, txd, pm, cfg);
}

static void test_tx_rules(void)
{
    uint32_t txd[8];
    uint8_t ref[2048];
    unsigned t, o, u;

    /* baseline: NDIS IPv4 TCP + header, zeroed fields come back */
    t = tx_frame4(40);
    memcpy(ref, F, L);
    p16(24, 0);
    p16(t + 16, tonic_csum_pseudo4(F + 26, F + 30, 6, L - t));
    ndis(txd, 1, 0, 1, 0, 1, t);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_OUTER_IP | TONIC_TXCS_L4);
    CHECK(memcmp(F, ref, L) == 0);

    /* skip: TX_IP4 off -> header untouched, L4 still written */
    p16(24, 0);
    p16(t + 16, tonic_csum_pseudo4(F + 26, F + 30, 6, L - t));
    CHECK_EQ(tx(txd, TX_ALL & ~TONIC_CONFIG_CSUM_TX_IP4), TONIC_TXCS_WRITTEN | TONIC_TXCS_SKIPPED | TONIC_TXCS_L4);
    CHECK_EQ(F[24] | F[25], 0);
    /* skip: TX_TCP4 off */
    p16(24, 0);
    p16(t + 16, 0x1111);
    CHECK_EQ(tx(txd, TX_ALL & ~TONIC_CONFIG_CSUM_TX_TCP4), TONIC_TXCS_WRITTEN | TONIC_TXCS_SKIPPED | TONIC_TXCS_OUTER_IP);
    CHECK_EQ(F[t + 16] << 8 | F[t + 17], 0x1111);
    /* TX_TCP6 off does not matter for IPv4 */
    CHECK_EQ(tx(txd, TX_ALL & ~TONIC_CONFIG_CSUM_TX_TCP6) & TONIC_TXCS_SKIPPED, 0);
    /* skip: TCP and UDP both */
    ndis(txd, 1, 0, 1, 1, 0, t);
    p16(t + 16, 0x1111);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    CHECK_EQ(F[t + 16] << 8 | F[t + 17], 0x1111);
    /* nothing without IP4/IP6 (not a skip) */
    ndis(txd, 0, 0, 1, 0, 1, t);
    CHECK_EQ(tx(txd, TX_ALL), 0);
    CHECK_EQ(F[t + 16] << 8 | F[t + 17], 0x1111);
    /* IPHDR without IP4 is no request */
    ndis(txd, 0, 1, 0, 0, 1, t);
    CHECK_EQ(tx(txd, TX_ALL), 0);
    /* skip: TCP needs a + 20 <= LEN */
    ndis(txd, 1, 0, 1, 0, 0, L - 19);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    ndis(txd, 1, 0, 1, 0, 0, L - 20);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_L4);
    /* UDP needs a + 8 <= LEN */
    ndis(txd, 1, 0, 0, 1, 0, L - 7);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    ndis(txd, 1, 0, 0, 1, 0, L - 8);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_L4);

    /* header window: TCP start 236 (field 252..253) is written, 240 (field 256) is not */
    tx_frame4(400);
    ndis(txd, 1, 0, 1, 0, 0, 236);
    memcpy(ref, F, L);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_L4);
    CHECK_EQ(F[252] << 8 | F[253], (uint16_t)~tonic_csum_sum(ref + 236, L - 236, 0));
    ndis(txd, 1, 0, 1, 0, 0, 240);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    /* UDP at 248 (field 254..255) is in, 250 is out */
    ndis(txd, 1, 0, 0, 1, 0, 248);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_L4);
    ndis(txd, 1, 0, 0, 1, 0, 250);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);

    /* skip: no IPv4 header for IPHDR (outer IPv6) */
    eth(0x86DD);
    o = ip6h(17);
    u = udp(1, 2);
    bytes(30, 1);
    endu(u);
    end6(o);
    ndis(txd, 1, 1, 0, 1, 1, u);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_SKIPPED | TONIC_TXCS_L4);
    /* IPv6 enables: TX_UDP6 off */
    ndis(txd, 0, 1, 0, 1, 0, u);
    CHECK_EQ(tx(txd, TX_ALL & ~TONIC_CONFIG_CSUM_TX_UDP6), TONIC_TXCS_SKIPPED);
    CHECK_EQ(tx(txd, TX_ALL & ~TONIC_CONFIG_CSUM_TX_UDP4), TONIC_TXCS_WRITTEN | TONIC_TXCS_L4);

    /* UDP: a computed 0 is sent as 0xFFFF (NDIS), and in Linux style with CSUM_UDP */
    {
        uint16_t s;
        unsigned k;
        for (k = 0; k < 2; k++) {
            eth(0x86DD);
            o = ip6h(17);
            u = udp(1, 2);
            bytes(30, 1);
            endu(u);
            end6(o);
            p16(u + 6, tonic_csum_pseudo6(F + o + 8, F + o + 24, 17, L - u));
            p16(L - 2, 0);
            s = tonic_csum_sum(F + u, L - u, 0);
            p16(L - 2, (uint16_t)~s); /* the whole range now sums to 0xFFFF: ~sum = 0 */
            CHECK_EQ(tonic_csum_sum(F + u, L - u, 0), 0xFFFF);
            if (k == 0) {
                ndis(txd, 0, 1, 0, 1, 0, u);
            } else {
                memset(txd, 0, sizeof txd);
                tonic_set_txd_csum_partial(txd, 1);
                tonic_set_txd_csum_start(txd, u);
                tonic_set_txd_csum_offset(txd, 6);
                tonic_set_txd_csum_udp(txd, 1);
            }
            CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | (k ? TONIC_TXCS_PARTIAL : TONIC_TXCS_L4));
            CHECK_EQ(F[u + 6] << 8 | F[u + 7], 0xFFFF);
            CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_UDP_OK);
        }
        /* TCP keeps a computed 0 as 0 (Linux style without CSUM_UDP) */
        p16(u + 6, tonic_csum_pseudo6(F + o + 8, F + o + 24, 17, L - u));
        tonic_set_txd_csum_udp(txd, 0);
        CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_PARTIAL);
        CHECK_EQ(F[u + 6] << 8 | F[u + 7], 0x0000);
    }

    /* Linux style rules */
    t = tx_frame4(300);
    memset(txd, 0, sizeof txd);
    tonic_set_txd_csum_partial(txd, 1);
    tonic_set_txd_csum_start(txd, t);
    tonic_set_txd_csum_offset(txd, 16);
    tonic_set_txd_csum_ip4(txd, 1); /* NDIS bits are not looked at with CSUM_PARTIAL */
    tonic_set_txd_csum_iphdr(txd, 1);
    memcpy(ref, F, L);
    p16(24, 0x7777);
    p16(t + 16, tonic_csum_pseudo4(F + 26, F + 30, 6, L - t));
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_PARTIAL);
    CHECK_EQ(F[24] << 8 | F[25], 0x7777);
    CHECK(memcmp(F + t, ref + t, L - t) == 0);
    CHECK_EQ(tx(txd, TX_ALL & ~TONIC_CONFIG_CSUM_PARTIAL), TONIC_TXCS_SKIPPED);
    tonic_set_txd_csum_start(txd, 200);
    tonic_set_txd_csum_offset(txd, 54); /* field 254..255: in */
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_PARTIAL);
    tonic_set_txd_csum_offset(txd, 55); /* field 255..256: out of the window */
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    tonic_set_txd_csum_start(txd, 256); /* start out of the window */
    tonic_set_txd_csum_offset(txd, 0);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    eth(0x0800);
    bytes(40, 1);
    tonic_set_txd_csum_start(txd, L); /* s = LEN */
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    tonic_set_txd_csum_start(txd, L - 2);
    tonic_set_txd_csum_offset(txd, 1); /* f + 2 > LEN */
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED);
    tonic_set_txd_csum_offset(txd, 0);
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_PARTIAL);

    /* every sum over the frame as it arrived: a (malformed) request whose L4 range covers the IPv4
     * header checksum field uses that field's original value */
    t = tx_frame4(20);
    p16(24, 0x4242);
    memcpy(ref, F, L);
    ndis(txd, 1, 0, 0, 1, 1, 14); /* "UDP" at the IP header: field at 20 */
    CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_OUTER_IP | TONIC_TXCS_L4);
    {
        uint16_t ip = (uint16_t)~tonic_csum_add(tonic_csum_sum(ref + 14, 10, 0), tonic_csum_sum(ref + 26, 8, 0));
        uint16_t l4 = (uint16_t)~tonic_csum_sum(ref + 14, L - 14, 0);
        CHECK_EQ(F[24] << 8 | F[25], ip);
        CHECK_EQ(F[20] << 8 | F[21], l4 ? l4 : 0xFFFF);
    }

    /* ENC: inner IPv4 header rules (version, IHL, inside the frame) */
    {
        unsigned io, il4;
        eth(0x0800);
        o = ip4h(5, 47, 0);
        gre(0x2000, 0x6558, 0x100);
        eth_in(0x0800);
        io = ip4h(5, 6, 0);
        il4 = tcp(5);
        bytes(10, 1);
        end4(io);
        end4(o);
        p16(il4 + 16, tonic_csum_pseudo4(F + io + 12, F + io + 16, 6, L - il4)); /* the stack's seed */
        memset(txd, 0, sizeof txd);
        tonic_set_txd_csum_ip4(txd, 1);
        tonic_set_txd_csum_iphdr(txd, 1);
        tonic_set_txd_csum_tcp(txd, 1);
        tonic_set_txd_enc(txd, 1);
        tonic_set_txd_enc_frame_off(txd, 42);
        tonic_set_txd_enc_ip_off(txd, io - 42);
        tonic_set_txd_enc_l4_off(txd, il4 - io);
        tonic_set_txd_l4_off(txd, 34); /* ignored with ENC */
        CHECK_EQ(tx(txd, TX_ALL),
                 TONIC_TXCS_WRITTEN | TONIC_TXCS_OUTER_IP | TONIC_TXCS_INNER_IP | TONIC_TXCS_L4);
        CHECK_EQ(rx(RX_ALL), TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_INNER_IP_OK | TONIC_CSUMF_TCP_OK);
        F[io] = 0x55; /* version 5 */
        CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_SKIPPED | TONIC_TXCS_OUTER_IP | TONIC_TXCS_L4);
        F[io] = 0x44; /* IHL 4 */
        CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_WRITTEN | TONIC_TXCS_SKIPPED | TONIC_TXCS_OUTER_IP | TONIC_TXCS_L4);
        F[io] = 0x45;
        tonic_set_txd_enc_ip6(txd, 1); /* inner "IPv6": no inner header checksum, TCP6 enable */
        CHECK_EQ(tx(txd, TX_ALL & ~TONIC_CONFIG_CSUM_TX_TCP6), TONIC_TXCS_WRITTEN | TONIC_TXCS_SKIPPED | TONIC_TXCS_OUTER_IP);
        tonic_set_txd_enc_ip6(txd, 0);
        tonic_set_txd_enc_ip_off(txd, 255); /* 42 + 255: inner header beyond the window and frame */
        CHECK_EQ(tx(txd, TX_ALL) & (TONIC_TXCS_SKIPPED | TONIC_TXCS_INNER_IP), TONIC_TXCS_SKIPPED);
        L = io + 19; /* inner IPv4 header not inside the frame */
        tonic_set_txd_enc_ip_off(txd, io - 42);
        tonic_set_txd_csum_tcp(txd, 0);
        CHECK_EQ(tx(txd, TX_ALL), TONIC_TXCS_SKIPPED); /* outer: the parser found no valid outer header (LEN) */
    }
}

/* the helper on a hand-built NVGRE frame: exact TXD fields and seeds */
static void test_request_fields(void)
{
    uint32_t txd[8];
    unsigned o, io, il4, k;
    for (k = 0; k < 2; k++) {
        eth(0x0800);
        o = ip4h(5, 47, 0);
        gre(0x2000, 0x6558, 0xABCDEF01u);
        eth_in(0x8100);
        tag(0x0800);
        io = ip4h(6, 17, 0);
        il4 = udp(5, 6);
        bytes(10, 1);
        endu(il4);
        end4(io);
        end4(o);
        p16(o + 10, 0x1111);
        p16(io + 10, 0x2222);
        memset(txd, 0xFF, sizeof txd);
        CHECK_EQ(tonic_tx_csum_request(F, L, txd, k ? TONIC_CSUM_STYLE_LINUX : TONIC_CSUM_STYLE_NDIS), 1);
        CHECK_EQ(txd[0], 0xFFFFFFFFu); /* untouched words */
        CHECK_EQ(txd[5], 0xFFFFFFFFu);
        CHECK_EQ(F[il4 + 6] << 8 | F[il4 + 7], tonic_csum_pseudo4(F + io + 12, F + io + 16, 17, 18));
        if (k == 0) {
            CHECK_EQ(tonic_txd_csum_ip4(txd), 1);
            CHECK_EQ(tonic_txd_csum_ip6(txd), 0);
            CHECK_EQ(tonic_txd_csum_tcp(txd), 0);
            CHECK_EQ(tonic_txd_csum_udp(txd), 1);
            CHECK_EQ(tonic_txd_csum_iphdr(txd), 1);
            CHECK_EQ(tonic_txd_csum_partial(txd), 0);
            CHECK_EQ(tonic_txd_enc(txd), 1);
            CHECK_EQ(tonic_txd_enc_ip6(txd), 0);
            CHECK_EQ(tonic_txd_enc_frame_off(txd), 42);
            CHECK_EQ(tonic_txd_enc_ip_off(txd), 18);
            CHECK_EQ(tonic_txd_enc_l4_off(txd), 24);
            CHECK_EQ(tonic_txd_l4_off(txd), il4);
            CHECK_EQ(F[o + 10] | F[o + 11] | F[io + 10] | F[io + 11], 0);
        } else {
            CHECK_EQ(tonic_txd_csum_partial(txd), 1);
            CHECK_EQ(tonic_txd_csum_start(txd), il4);
            CHECK_EQ(tonic_txd_csum_offset(txd), 6);
            CHECK_EQ(tonic_txd_csum_udp(txd), 1);
            CHECK_EQ(tonic_txd_csum_ip4(txd), 0);
            CHECK_EQ(tonic_txd_enc(txd), 0);
            CHECK_EQ(F[o + 10] << 8 | F[o + 11], 0x1111); /* Linux: IP headers left to the stack */
            CHECK_EQ(F[io + 10] << 8 | F[io + 11], 0x2222);
        }
    }
    /* nothing to offload: ARP, style errors */
    eth(0x0806);
    bytes(28, 1);
    memset(txd, 0, sizeof txd);
    CHECK_EQ(tonic_tx_csum_request(F, L, txd, TONIC_CSUM_STYLE_NDIS), 0);
    CHECK_EQ(tonic_tx_csum_request(F, L, txd, TONIC_CSUM_STYLE_LINUX), 0);
    CHECK_EQ(tonic_tx_csum_request(F, L, txd, 7), -1);
    CHECK_EQ(txd[3] | txd[4] | txd[6], 0);
}

static void test_format(void)
{
    uint32_t pm[7], rxc[8];
    char buf[256];
    unsigned o, io, il4;
    eth(0x8100);
    tag(0x0800);
    o = ip4h(5, 47, 0);
    gre(0x2000, 0x6558, 0xABCDEF07u);
    eth_in(0x0800);
    io = ip4h(5, 6, 0);
    il4 = tcp(5);
    end4(io);
    end4(o);
    tonic_parse(F, L, pm);
    tonic_pmeta_format(buf, sizeof buf, pm, TONIC_CSUMF_IP_OK | TONIC_CSUMF_OUTER_IP_OK | TONIC_CSUMF_INNER_IP_OK, 0x1A2B);
    CHECK_STR(buf, "vlan=1 l3=ip4@18 l4=gre@38 tun=nvgre vsid=0xabcdef flow=0x07 ivlan=0 il3=ip4@60 il4=tcp@80 "
                   "csum=IP_OK,OUTER_IP_OK,INNER_IP_OK raw=0x1a2b");
    CHECK_EQ(io, 60);
    CHECK_EQ(il4, 80);
    memset(rxc, 0, sizeof rxc);
    tonic_pmeta_to_rxc(pm, TONIC_CSUMF_TCP_BAD, 0xFFFF, rxc);
    CHECK_EQ(tonic_rxc_tun_id(rxc), 0xABCDEF07u);
    CHECK_EQ(tonic_rxc_l3_off(rxc), 18);
    CHECK_EQ(tonic_rxc_il4_off(rxc), 80);
    CHECK_EQ(tonic_rxc_ptype(rxc), pm[0] & 0xFFFFFF);
    tonic_rxmeta_format(buf, sizeof buf, rxc);
    CHECK_HAS(buf, " csum=TCP_BAD raw=0xffff");

    eth(0x86DD);
    o = ip6h(17);
    io = udp(4500, 4500);
    b32(0x01020304u);
    b32(1);
    endu(io);
    end6(o);
    tonic_parse(F, L, pm);
    tonic_pmeta_format(buf, sizeof buf, pm, 0, 0);
    CHECK_STR(buf, "l3=ip6@14 l4=udp@54 udpx=esp spi=0x01020304 csum=- raw=0x0000");
    L = 30;
    tonic_parse(F, L, pm);
    tonic_pmeta_format(buf, sizeof buf, pm, 0, 0);
    CHECK_STR(buf, "l3=ip6@14 perr=TRUNC csum=- raw=0x0000");
    CHECK_EQ(tonic_perr_str(buf, sizeof buf, TONIC_PERR_LEN | TONIC_PERR_DEEP | 0x40), 13);
    CHECK_STR(buf, "LEN,DEEP,0x40");
    /* truncation keeps the snprintf convention */
    CHECK_EQ(tonic_csum_flags_str(buf, 4, TONIC_CSUMF_UDP_BAD), 7);
    CHECK_STR(buf, "UDP");
}

int main(void)
{
    test_sums();
    test_rx_generated();
    test_rx_hand();
    test_tx_roundtrip();
    test_tx_rules();
    test_request_fields();
    test_format();
    TEST_DONE();
}
