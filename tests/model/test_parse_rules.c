/* SPDX-License-Identifier: MIT */
/* test_parse_rules.c — every branch of the walk in docs/parser.md on a hand-built frame, with the
 * whole PMETA record compared word for word against the expected one (so a field the walk should
 * not have reached is checked to be 0 as well). Each case names the rule it checks. */
#include "frames.h"
#include "test.h"
#include "tonic_csum.h"
#include "tonic_parse.h"

static uint32_t pm[7], ex[7];

/* start an expectation for the current frame: everything 0 but LEN */
static void expect(void)
{
    memset(ex, 0, sizeof ex);
    tonic_set_pmeta_len(ex, L);
}
#define X(field, v) tonic_set_pmeta_##field(ex, (v))

static void run(const char *name)
{
    int i, ok = 1;
    tonic_parse(F, L, pm);
    for (i = 0; i < 7; i++) {
        CHECK_EQ(pm[i], ex[i]);
        ok &= pm[i] == ex[i];
    }
    if (!ok) {
        printf("  in case \"%s\"\n  got:  ", name);
        tonic_pmeta_print(stdout, pm);
        printf("  want: ");
        tonic_pmeta_print(stdout, ex);
    }
}

/* ---- Ethernet, VLAN, ETYPE ---- */
static void test_eth(void)
{
    unsigned n;
    /* need(14): 0..13 bytes are TRUNC with nothing else */
    for (n = 0; n < 14; n++) {
        eth(0x0800);
        L = n;
        expect();
        X(err, TONIC_PERR_TRUNC);
        run("runt");
    }
    eth(0x0806); /* ARP: L3 other, no error, no offset */
    expect();
    X(l3, TONIC_PTYPE_L3_OTHER);
    run("ARP 14 bytes");
    bytes(28, 1);
    pad_to(60);
    expect();
    X(l3, TONIC_PTYPE_L3_OTHER);
    run("ARP padded");

    /* one and two tags, every TPID */
    {
        static const unsigned tp[3] = {0x8100, 0x88A8, 0x9100};
        unsigned i, j;
        for (i = 0; i < 3; i++) {
            eth(tp[i]);
            tag(0x88CC);
            expect();
            X(vlans, 1);
            X(l3, TONIC_PTYPE_L3_OTHER);
            run("1 tag");
            for (j = 0; j < 3; j++) {
                unsigned o;
                eth(tp[i]);
                tag(tp[j]);
                tag(0x0800);
                o = ip4h(5, 6, 0);
                tcp(5);
                end4(o);
                expect();
                X(vlans, 2);
                X(l3, TONIC_PTYPE_L3_IP4);
                X(l3_off, 22);
                X(ihl, 5);
                X(l3_end, 62);
                X(l4, TONIC_PTYPE_L4_TCP);
                X(l4_off, 42);
                run("2 tags + IPv4 TCP");
            }
        }
    }
    /* a third tag: UNKNOWN, L3 other, VLANS 2 */
    eth(0x88A8);
    tag(0x8100);
    tag(0x8100);
    tag(0x0800);
    pad_to(60);
    expect();
    X(vlans, 2);
    X(l3, TONIC_PTYPE_L3_OTHER);
    X(err, TONIC_PERR_UNKNOWN);
    run("third VLAN tag");
    /* a tag cut short: need(4) */
    eth(0x8100);
    b16(1);
    b8(8);
    expect();
    X(err, TONIC_PERR_TRUNC);
    run("VLAN truncated");
}

/* ---- IPv4 ---- */
static void test_ip4(void)
{
    unsigned o, t;
    /* header cut: need(20) with L3/L3_OFF already set */
    eth(0x0800);
    zeros(19);
    F[14] = 0x45;
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(err, TONIC_PERR_TRUNC);
    run("IPv4 19 bytes");

    eth(0x0800);
    o = ip4h(5, 6, 0);
    tcp(5);
    end4(o);
    F[o] = 0x65; /* version 6 behind 0x0800 */
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(err, TONIC_PERR_BAD_VER);
    run("IPv4 BAD_VER");
    F[o] = 0x44; /* IHL 4 */
    X(err, TONIC_PERR_BAD_HLEN);
    run("IPv4 IHL 4");

    /* total length: < 4·IHL, beyond the frame, exactly the frame, shorter (padding) */
    eth(0x0800);
    o = ip4h(6, 6, 0);
    tcp(5);
    end4(o);
    p16(o + 2, 23);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(err, TONIC_PERR_LEN);
    run("IPv4 tl < 4*ihl");
    p16(o + 2, L - o + 1);
    run("IPv4 tl beyond frame");
    p16(o + 2, 24);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 6);
    X(l3_end, 38);
    X(l4, TONIC_PTYPE_L4_TCP);
    X(l4_off, 38);
    X(err, TONIC_PERR_TRUNC);
    run("IPv4 tl = 4*ihl: TCP TRUNC against the datagram end, not the frame");

    /* Ethernet padding: datagram shorter than the frame */
    eth(0x0800);
    o = ip4h(5, 17, 0);
    t = udp(1000, 53);
    b8(7);
    endu(t);
    end4(o);
    pad_to(60);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 43);
    X(l4, TONIC_PTYPE_L4_UDP);
    X(l4_off, 34);
    run("IPv4 UDP padded to 60");

    /* options: 40 bytes */
    eth(0x0800);
    o = ip4h(15, 6, 0);
    tcp(5);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 15);
    X(l3_end, 94);
    X(l4, TONIC_PTYPE_L4_TCP);
    X(l4_off, 74);
    run("IPv4 40 bytes of options");

    /* fragments: MF, offset, both; DF alone is not one */
    {
        static const unsigned fw[4] = {0x2000, 0x0001, 0x2100, 0x1FFF};
        unsigned i;
        for (i = 0; i < 4; i++) {
            eth(0x0800);
            o = ip4h(5, 6, fw[i]);
            tcp(5);
            end4(o);
            expect();
            X(l3, TONIC_PTYPE_L3_IP4);
            X(l3_off, 14);
            X(ihl, 5);
            X(l3_end, 54);
            X(l4, TONIC_PTYPE_L4_FRAG);
            X(l4_off, 34);
            run("IPv4 fragment");
        }
        eth(0x0800);
        o = ip4h(5, 6, 0x4000);
        tcp(5);
        end4(o);
        expect();
        X(l3, TONIC_PTYPE_L3_IP4);
        X(l3_off, 14);
        X(ihl, 5);
        X(l3_end, 54);
        X(l4, TONIC_PTYPE_L4_TCP);
        X(l4_off, 34);
        run("IPv4 DF is not a fragment");
    }
    /* other protocol (ICMP) */
    eth(0x0800);
    o = ip4h(5, 1, 0);
    bytes(8, 3);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 42);
    X(l4, TONIC_PTYPE_L4_OTHER);
    X(l4_off, 34);
    run("ICMP: L4 other");
}

/* ---- TCP, ESP, AH ---- */
static void test_tcp_esp_ah(void)
{
    unsigned o;
    eth(0x0800);
    o = ip4h(5, 6, 0);
    tcp(4);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 54);
    X(l4, TONIC_PTYPE_L4_TCP);
    X(l4_off, 34);
    X(err, TONIC_PERR_BAD_HLEN);
    run("TCP data offset 4");
    F[34 + 12] = 0x60; /* 24 bytes of header in a 20-byte segment */
    X(err, TONIC_PERR_TRUNC);
    run("TCP options beyond the datagram");
    F[34 + 12] = 0xF0;
    run("TCP data offset 15 beyond the datagram");

    eth(0x0800);
    o = ip4h(5, 6, 0);
    tcp(15);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 94);
    X(l4, TONIC_PTYPE_L4_TCP);
    X(l4_off, 34);
    run("TCP 40 bytes of options");

    /* ESP: SPI */
    eth(0x0800);
    o = ip4h(5, 50, 0);
    b32(0xDEADBEEFu);
    b32(1);
    bytes(20, 9);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_ESP);
    X(l4_off, 34);
    X(spi_v, 1);
    X(spi, 0xDEADBEEFu);
    run("ESP");
    eth(0x0800);
    o = ip4h(5, 50, 0);
    b32(0xDEADBEEFu);
    end4(o);
    pad_to(60);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 38);
    X(l4, TONIC_PTYPE_L4_ESP);
    X(l4_off, 34);
    X(err, TONIC_PERR_TRUNC);
    run("ESP header cut by the datagram end");

    /* AH + TCP: L4_OFF after AH; AH SPI */
    eth(0x0800);
    o = ip4h(5, 51, 0);
    ah(6, 4, 0x11112222u); /* 24 bytes */
    tcp(5);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 78);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x11112222u);
    X(l4, TONIC_PTYPE_L4_TCP);
    X(l4_off, 58);
    run("AH + TCP");
    /* AH + ESP: the AH SPI stays */
    eth(0x0800);
    o = ip4h(5, 51, 0);
    ah(50, 4, 0x11112222u);
    b32(0x33334444u);
    b32(7);
    bytes(16, 1);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x11112222u);
    X(l4, TONIC_PTYPE_L4_ESP);
    X(l4_off, 58);
    run("AH + ESP: first SPI met wins");
    /* AH length < 12 bytes */
    eth(0x0800);
    o = ip4h(5, 51, 0);
    ah(6, 0, 0x1u);
    zeros(24);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(err, TONIC_PERR_BAD_HLEN);
    run("AH length 8");
    /* AH beyond the datagram */
    eth(0x0800);
    o = ip4h(5, 51, 0);
    ah(6, 4, 0x1u);
    end4(o);
    p16(o + 2, 20 + 20);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 54);
    X(err, TONIC_PERR_TRUNC);
    run("AH beyond the datagram");
    /* AH + AH: second AH does not replace the SPI */
    eth(0x0800);
    o = ip4h(5, 51, 0);
    ah(51, 1, 0xAAAA0001u);
    ah(17, 1, 0xBBBB0002u);
    {
        unsigned u = udp(1, 2);
        endu(u);
    }
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0xAAAA0001u);
    X(l4, TONIC_PTYPE_L4_UDP);
    X(l4_off, 58);
    run("AH + AH + UDP");
}

/* ---- UDP and port 4500 ---- */
static void udp4500(unsigned sp, unsigned dp, const uint8_t *pl, unsigned n, unsigned want_x, uint32_t want_spi,
                    const char *name)
{
    unsigned o, u, i;
    eth(0x0800);
    o = ip4h(5, 17, 0);
    u = udp(sp, dp);
    for (i = 0; i < n; i++)
        b8(pl[i]);
    endu(u);
    end4(o);
    pad_to(60);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 42 + n);
    X(l4, TONIC_PTYPE_L4_UDP);
    X(l4_off, 34);
    X(udpx, want_x);
    if (want_spi) {
        X(spi_v, 1);
        X(spi, want_spi);
    }
    run(name);
}

static void test_udp(void)
{
    static const uint8_t ff[1] = {0xFF}, z1[1] = {0}, zero4[12] = {0}, nz4[4] = {0, 0, 0, 1},
                         esp8[12] = {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 9, 9, 9, 9}, three[3] = {1, 2, 3},
                         nz7[7] = {1, 2, 3, 4, 5, 6, 7};
    unsigned o, u;
    udp4500(1234, 4500, ff, 1, TONIC_UDPX_KEEPALIVE, 0, "keepalive");
    udp4500(4500, 4500, ff, 1, TONIC_UDPX_KEEPALIVE, 0, "keepalive both ports");
    udp4500(1234, 4500, z1, 1, TONIC_UDPX_PLAIN, 0, "1 byte not 0xFF: plain");
    udp4500(4500, 1234, zero4, 4, TONIC_UDPX_IKE, 0, "IKE marker, source port 4500");
    udp4500(4500, 1234, zero4, 12, TONIC_UDPX_IKE, 0, "IKE marker + 8 bytes");
    udp4500(1234, 4500, nz4, 4, TONIC_UDPX_PLAIN, 0, "4 bytes, marker not 0: plain");
    udp4500(1234, 4500, nz7, 7, TONIC_UDPX_PLAIN, 0, "7 bytes: too short for ESP");
    udp4500(1234, 4500, esp8, 8, TONIC_UDPX_ESP, 0x12345678u, "ESP in UDP, 8 bytes");
    udp4500(1234, 4500, esp8, 12, TONIC_UDPX_ESP, 0x12345678u, "ESP in UDP");
    udp4500(1234, 4500, three, 3, TONIC_UDPX_PLAIN, 0, "3 bytes");
    udp4500(1234, 4500, three, 0, TONIC_UDPX_PLAIN, 0, "0 bytes");
    udp4500(1234, 4501, esp8, 12, TONIC_UDPX_PLAIN, 0, "port 4501: plain");

    /* UDP length checks */
    eth(0x0800);
    o = ip4h(5, 17, 0);
    u = udp(1, 2);
    bytes(10, 4);
    endu(u);
    end4(o);
    p16(u + 4, 17);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 52);
    X(l4, TONIC_PTYPE_L4_UDP);
    X(l4_off, 34);
    X(err, TONIC_PERR_LEN);
    run("UDP length short of the datagram");
    p16(u + 4, 19);
    run("UDP length beyond the datagram");
    p16(u + 4, 7);
    run("UDP length 7");
    /* UDP header cut */
    eth(0x0800);
    o = ip4h(5, 17, 0);
    zeros(7);
    end4(o);
    pad_to(60);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 41);
    X(l4, TONIC_PTYPE_L4_UDP);
    X(l4_off, 34);
    X(err, TONIC_PERR_TRUNC);
    run("UDP header cut");
}

/* ---- TRUNC before DEEP, the 256-byte window ---- */
static void test_window(void)
{
    unsigned o, u;
    /* AH of 208 bytes puts UDP at 242: need(8), need(12) pass, need(16) is DEEP (UDPX stays 0, the
     * AH SPI stays) */
    eth(0x0800);
    o = ip4h(5, 51, 0);
    ah(17, 50, 0x0A0A0A0Au);
    u = udp(1234, 4500);
    b32(0x55667788u);
    b32(1);
    bytes(20, 1);
    endu(u);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x0A0A0A0Au);
    X(l4, TONIC_PTYPE_L4_UDP);
    X(l4_off, 242);
    X(err, TONIC_PERR_DEEP);
    run("ESP-in-UDP need(16) beyond the window");

    /* TCP at 242: datagram long enough -> DEEP; datagram ending at 250 -> TRUNC (both hold) */
    eth(0x0800);
    o = ip4h(5, 51, 0);
    ah(6, 50, 0x0A0A0A0Au);
    tcp(5);
    bytes(30, 2);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x0A0A0A0Au);
    X(l4, TONIC_PTYPE_L4_TCP);
    X(l4_off, 242);
    X(err, TONIC_PERR_DEEP);
    run("TCP header beyond the window: DEEP");
    p16(o + 2, 250 - 14);
    X(l3_end, 250);
    X(err, TONIC_PERR_TRUNC);
    run("TCP header beyond the window and the datagram: TRUNC first");
    /* the frame itself ends before 256 */
    L = 250;
    p16(o + 2, 250 - 14);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 250);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x0A0A0A0Au);
    X(l4, TONIC_PTYPE_L4_TCP);
    X(l4_off, 242);
    X(err, TONIC_PERR_TRUNC);
    run("TCP cut by the frame at 250");

    /* a TCP header ending exactly at byte 256 is inside the window; 4 bytes later it is not
     * (NVGRE: outer IPv4, GRE with key, inner Ethernet, inner IPv4 at 56, AH, TCP) */
    {
        unsigned plen;
        for (plen = 38; plen <= 39; plen++) {
            unsigned io, t;
            eth(0x0800);
            o = ip4h(5, 47, 0);
            gre(0x2000, 0x6558, 0x42u);
            eth_in(0x0800);
            io = ip4h(5, 51, 0);
            ah(6, plen, 0x0B0B0B0Bu);
            t = tcp(5);
            bytes(10, 3);
            end4(io);
            end4(o);
            expect();
            X(l3, TONIC_PTYPE_L3_IP4);
            X(l3_off, 14);
            X(ihl, 5);
            X(l3_end, L);
            X(l4, TONIC_PTYPE_L4_GRE);
            X(l4_off, 34);
            X(tun, 2);
            X(key_v, 1);
            X(gre_key, 0x42u);
            X(il2_off, 42);
            X(il3, TONIC_PTYPE_L3_IP4);
            X(il3_off, 56);
            X(iihl, 5);
            X(il3_end, L);
            X(iah, 1);
            X(spi_v, 1);
            X(spi, 0x0B0B0B0Bu);
            X(il4, TONIC_PTYPE_L4_TCP);
            X(il4_off, t);
            CHECK_EQ(io, 56);
            CHECK_EQ(t, plen == 38 ? 236u : 240u);
            if (plen == 39)
                X(err, TONIC_PERR_DEEP);
            run(plen == 38 ? "inner TCP header ending at byte 256" : "inner TCP header ending at byte 260");
        }
    }
}

/* ---- IPv6 ---- */
static void ip6_common(unsigned l4, unsigned l4_off)
{
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, L);
    X(l4, l4);
    X(l4_off, l4_off);
}

static void test_ip6(void)
{
    unsigned o, u, i;
    eth(0x86DD);
    o = ip6h(6);
    tcp(5);
    end6(o);
    ip6_common(TONIC_PTYPE_L4_TCP, 54);
    run("IPv6 TCP");
    F[o] = 0x40;
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(err, TONIC_PERR_BAD_VER);
    run("IPv6 BAD_VER");
    F[o] = 0x60;
    p16(o + 4, 21);
    X(err, TONIC_PERR_LEN);
    run("IPv6 payload length beyond the frame");
    eth(0x86DD);
    zeros(39);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(err, TONIC_PERR_TRUNC);
    run("IPv6 header cut");

    eth(0x86DD);
    o = ip6h(59);
    end6(o);
    pad_to(60);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, 54);
    X(l4, TONIC_PTYPE_L4_OTHER);
    X(l4_off, 54);
    run("IPv6 no next header");

    /* extension budget: 128 bytes exactly pass, 136 are DEEP (each of the three kinds last) */
    {
        static const unsigned kinds[3] = {0, 43, 60};
        for (i = 0; i < 3; i++) {
            eth(0x86DD);
            o = ip6h(0);
            ext6(60, 64);
            ext6(kinds[i], 32);
            ext6(17, 32);
            u = udp(1, 2);
            endu(u);
            end6(o);
            ip6_common(TONIC_PTYPE_L4_UDP, 54 + 128);
            run("IPv6 128 bytes of extension headers");

            eth(0x86DD);
            o = ip6h(0);
            ext6(60, 64);
            ext6(kinds[i], 32);
            ext6(17, 40);
            u = udp(1, 2);
            endu(u);
            end6(o);
            expect();
            X(l3, TONIC_PTYPE_L3_IP6);
            X(l3_off, 14);
            X(l3_end, L);
            X(err, TONIC_PERR_DEEP);
            run("IPv6 136 bytes of extension headers");
        }
    }
    /* a single 136-byte header that is also beyond the datagram: DEEP is tested first */
    eth(0x86DD);
    o = ip6h(60);
    b8(6);
    b8(16);
    zeros(6);
    end6(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, L);
    X(err, TONIC_PERR_DEEP);
    run("IPv6 ext over budget and beyond the datagram: DEEP");
    /* beyond the datagram, within budget: TRUNC */
    eth(0x86DD);
    o = ip6h(43);
    b8(6);
    b8(2); /* 24 bytes */
    zeros(14);
    end6(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, L);
    X(err, TONIC_PERR_TRUNC);
    run("IPv6 ext beyond the datagram");
    /* ext header cut before its 8 bytes */
    eth(0x86DD);
    o = ip6h(0);
    zeros(4);
    end6(o);
    pad_to(80);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, 58);
    X(err, TONIC_PERR_TRUNC);
    run("IPv6 ext need(8)");

    /* fragment header: at the budget edge, beyond it; first/middle/last; atomic */
    eth(0x86DD);
    o = ip6h(0);
    ext6(44, 120);
    frag6(6, 0);
    tcp(5);
    end6(o);
    ip6_common(TONIC_PTYPE_L4_TCP, 54 + 128);
    run("IPv6 ext 120 + atomic fragment header = 128");
    eth(0x86DD);
    o = ip6h(0);
    ext6(44, 128);
    frag6(6, 0);
    tcp(5);
    end6(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, L);
    X(err, TONIC_PERR_DEEP);
    run("IPv6 ext 128 + fragment header = 136");
    {
        static const unsigned fo[4] = {0x0001, 0x0009, 0x0008, 0xFFF8};
        for (i = 0; i < 4; i++) {
            eth(0x86DD);
            o = ip6h(44);
            frag6(6, fo[i]);
            tcp(5);
            end6(o);
            ip6_common(TONIC_PTYPE_L4_FRAG, 62);
            run("IPv6 fragment");
        }
        eth(0x86DD);
        o = ip6h(44);
        frag6(17, 0x0006); /* reserved bits only: not a fragment */
        u = udp(7, 8);
        endu(u);
        end6(o);
        ip6_common(TONIC_PTYPE_L4_UDP, 62);
        run("IPv6 fragment header, reserved bits only");
    }

    /* AH: L4 after it; PROTO6 continues after AH (destination options behind it count in the
     * budget together with the AH bytes) */
    eth(0x86DD);
    o = ip6h(51);
    ah(60, 4, 0x66660001u);
    ext6(17, 16);
    u = udp(5, 6);
    endu(u);
    end6(o);
    ip6_common(TONIC_PTYPE_L4_UDP, 54 + 24 + 16);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x66660001u);
    run("IPv6 AH + destination options + UDP");
    eth(0x86DD);
    o = ip6h(0);
    ext6(51, 96);
    ah(60, 4, 0x66660001u);
    ext6(6, 16); /* 96 + 24 + 16 = 136 from x0 */
    tcp(5);
    end6(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, L);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x66660001u);
    X(err, TONIC_PERR_DEEP);
    run("IPv6 AH bytes count in the 128-byte budget");
    eth(0x86DD);
    o = ip6h(51);
    ah(6, 4, 0x66660001u);
    tcp(5);
    end6(o);
    ip6_common(TONIC_PTYPE_L4_TCP, 78);
    X(ah, 1);
    X(spi_v, 1);
    X(spi, 0x66660001u);
    run("IPv6 AH + TCP");
}

/* ---- GRE and NVGRE ---- */
static void test_gre(void)
{
    unsigned c, k, s, o, g, io, t, u;
    /* every C/K/S combination carrying IPv4 and IPv6 */
    for (c = 0; c < 2; c++)
        for (k = 0; k < 2; k++)
            for (s = 0; s < 2; s++) {
                unsigned flags = c << 15 | k << 13 | s << 12, glen = 4 + 4 * (c + k + s);
                eth(0x0800);
                o = ip4h(5, 47, 0);
                g = gre(flags, 0x0800, 0xC0FFEE00u | (c << 2 | k << 1 | s));
                io = ip4h(5, 6, 0);
                t = tcp(5);
                end4(io);
                end4(o);
                expect();
                X(l3, TONIC_PTYPE_L3_IP4);
                X(l3_off, 14);
                X(ihl, 5);
                X(l3_end, L);
                X(l4, TONIC_PTYPE_L4_GRE);
                X(l4_off, 34);
                X(tun, 1);
                if (k) {
                    X(key_v, 1);
                    X(gre_key, 0xC0FFEE00u | (c << 2 | k << 1 | s));
                }
                X(il3, TONIC_PTYPE_L3_IP4);
                X(il3_off, 34 + glen);
                X(iihl, 5);
                X(il3_end, L);
                X(il4, TONIC_PTYPE_L4_TCP);
                X(il4_off, t);
                CHECK_EQ(g, 34);
                run("GRE C/K/S carrying IPv4");

                eth(0x86DD);
                o = ip6h(47);
                gre(flags, 0x86DD, 0xC0FFEE00u | (c << 2 | k << 1 | s));
                io = ip6h(17);
                u = udp(3, 4);
                bytes(5, 1);
                endu(u);
                end6(io);
                end6(o);
                expect();
                X(l3, TONIC_PTYPE_L3_IP6);
                X(l3_off, 14);
                X(l3_end, L);
                X(l4, TONIC_PTYPE_L4_GRE);
                X(l4_off, 54);
                X(tun, 1);
                if (k) {
                    X(key_v, 1);
                    X(gre_key, 0xC0FFEE00u | (c << 2 | k << 1 | s));
                }
                X(il3, TONIC_PTYPE_L3_IP6);
                X(il3_off, 54 + glen);
                X(il3_end, L);
                X(il4, TONIC_PTYPE_L4_UDP);
                X(il4_off, u);
                run("GRE C/K/S carrying IPv6");
            }

    /* NVGRE with 0, 1, 2 inner tags: VSID/FlowID in the key */
    for (k = 0; k < 3; k++) {
        unsigned il2;
        eth(0x0800);
        o = ip4h(5, 47, 0);
        gre(0x2000, 0x6558, 0xABCDEF42u);
        if (k == 0) {
            il2 = eth_in(0x0800);
        } else if (k == 1) {
            il2 = eth_in(0x8100);
            tag(0x0800);
        } else {
            il2 = eth_in(0x88A8);
            tag(0x8100);
            tag(0x0800);
        }
        io = ip4h(6, 17, 0);
        u = udp(4500, 4500);
        b8(0xFF);
        endu(u);
        end4(io);
        end4(o);
        expect();
        X(l3, TONIC_PTYPE_L3_IP4);
        X(l3_off, 14);
        X(ihl, 5);
        X(l3_end, L);
        X(l4, TONIC_PTYPE_L4_GRE);
        X(l4_off, 34);
        X(tun, 2);
        X(key_v, 1);
        X(gre_key, 0xABCDEF42u);
        X(il2_off, 42);
        X(ivlans, k);
        X(il3, TONIC_PTYPE_L3_IP4);
        X(il3_off, 56 + 4 * k);
        X(iihl, 6);
        X(il3_end, L);
        X(il4, TONIC_PTYPE_L4_UDP);
        X(il4_off, u);
        X(iudpx, TONIC_UDPX_KEEPALIVE);
        CHECK_EQ(il2, 42);
        run("NVGRE, inner tags, inner keepalive");
        CHECK_EQ(tonic_pmeta_gre_key(pm) >> 8, 0xABCDEFu); /* VSID */
        CHECK_EQ(tonic_pmeta_gre_key(pm) & 0xFF, 0x42u);   /* FlowID */
    }
    /* NVGRE inner IPv6 with AH + TCP: IAH, SPI, IL4 after AH */
    eth(0x86DD);
    o = ip6h(47);
    gre(0x2000, 0x6558, 0x00000101u);
    eth_in(0x86DD);
    io = ip6h(51);
    ah(6, 4, 0x77770001u);
    t = tcp(5);
    end6(io);
    end6(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 54);
    X(tun, 2);
    X(key_v, 1);
    X(gre_key, 0x101u);
    X(il2_off, 62);
    X(il3, TONIC_PTYPE_L3_IP6);
    X(il3_off, 76);
    X(il3_end, L);
    X(iah, 1);
    X(spi_v, 1);
    X(spi, 0x77770001u);
    X(il4, TONIC_PTYPE_L4_TCP);
    X(il4_off, t);
    CHECK_EQ(t, 76 + 40 + 24);
    run("NVGRE inner IPv6 AH TCP");

    /* 0x6558 without K: TUN 2, no key */
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0x0000, 0x6558, 0);
    eth_in(0x0806);
    bytes(28, 1);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(tun, 2);
    X(il2_off, 38);
    X(il3, TONIC_PTYPE_L3_OTHER);
    run("GRE Ethernet without key, inner ARP");

    /* errors: R bit, version 1, unknown protocol (key already taken), cut headers */
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0x4000, 0x0800, 0);
    zeros(20);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(err, TONIC_PERR_UNKNOWN);
    run("GRE R bit");
    p16(34, 0x3001);
    run("GRE version 1");
    p16(34, 0x0007);
    run("GRE version 7");
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0x2000, 0x880B, 0x99u);
    zeros(20);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(key_v, 1);
    X(gre_key, 0x99u);
    X(err, TONIC_PERR_UNKNOWN);
    run("GRE protocol 0x880B");
    eth(0x0800);
    o = ip4h(5, 47, 0);
    b16(0xB000);
    b16(0x0800);
    zeros(8);
    end4(o);
    pad_to(64);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 46);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(err, TONIC_PERR_TRUNC);
    run("GRE C+K+S header cut by the datagram: need(16)");
    eth(0x0800);
    o = ip4h(5, 47, 0);
    b16(0);
    end4(o);
    pad_to(60);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 36);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(err, TONIC_PERR_TRUNC);
    run("GRE need(4)");

    /* inner errors and limits */
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0, 0x0800, 0);
    io = ip6h(6); /* IPv6 behind 0x0800 */
    tcp(5);
    end6(io);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(tun, 1);
    X(il3, TONIC_PTYPE_L3_IP4);
    X(il3_off, 38);
    X(err, TONIC_PERR_BAD_VER);
    run("GRE 0x0800 carrying IPv6: BAD_VER");
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0, 0x0800, 0);
    io = ip4h(5, 6, 0);
    tcp(5);
    end4(io);
    end4(o);
    p16(io + 2, L - io + 1); /* inner datagram beyond the outer one */
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(tun, 1);
    X(il3, TONIC_PTYPE_L3_IP4);
    X(il3_off, 38);
    X(err, TONIC_PERR_LEN);
    run("inner IPv4 longer than the outer datagram");
    /* inner third tag */
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0x2000, 0x6558, 5);
    eth_in(0x8100);
    tag(0x8100);
    tag(0x9100);
    tag(0x0800);
    zeros(30);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(tun, 2);
    X(key_v, 1);
    X(gre_key, 5);
    X(il2_off, 42);
    X(ivlans, 2);
    X(il3, TONIC_PTYPE_L3_OTHER);
    X(err, TONIC_PERR_UNKNOWN);
    run("NVGRE inner third tag");
    /* GRE inside GRE: one tunnel level, no error */
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0, 0x0800, 0);
    io = ip4h(5, 47, 0);
    gre(0, 0x0800, 0);
    zeros(20);
    end4(io);
    end4(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(tun, 1);
    X(il3, TONIC_PTYPE_L3_IP4);
    X(il3_off, 38);
    X(iihl, 5);
    X(il3_end, L);
    X(il4, TONIC_PTYPE_L4_GRE);
    X(il4_off, 58);
    run("GRE in GRE");
    /* inner ethernet cut by the outer datagram */
    eth(0x0800);
    o = ip4h(5, 47, 0);
    gre(0x2000, 0x6558, 5);
    zeros(13);
    end4(o);
    pad_to(80);
    expect();
    X(l3, TONIC_PTYPE_L3_IP4);
    X(l3_off, 14);
    X(ihl, 5);
    X(l3_end, 55);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 34);
    X(tun, 2);
    X(key_v, 1);
    X(gre_key, 5);
    X(il2_off, 42);
    X(err, TONIC_PERR_TRUNC);
    run("NVGRE inner Ethernet cut by the datagram");
    /* an inner TCP header past the window: DEEP */
    eth(0x86DD);
    o = ip6h(0);
    ext6(47, 128);
    gre(0x2000, 0x6558, 5); /* GRE at 182, inner Ethernet at 190 */
    eth_in(0x0800);
    io = ip4h(10, 6, 0);     /* inner IPv4 at 204, TCP at 244 */
    tcp(5);
    end4(io);
    end6(o);
    expect();
    X(l3, TONIC_PTYPE_L3_IP6);
    X(l3_off, 14);
    X(l3_end, L);
    X(l4, TONIC_PTYPE_L4_GRE);
    X(l4_off, 182);
    X(tun, 2);
    X(key_v, 1);
    X(gre_key, 5);
    X(il2_off, 190);
    X(il3, TONIC_PTYPE_L3_IP4);
    X(il3_off, 204);
    X(iihl, 10);
    X(il3_end, L);
    X(il4, TONIC_PTYPE_L4_TCP);
    X(il4_off, 244);
    X(err, TONIC_PERR_DEEP);
    run("inner TCP beyond the window");
}

int main(void)
{
    test_eth();
    test_ip4();
    test_tcp_esp_ah();
    test_udp();
    test_window();
    test_ip6();
    test_gre();
    TEST_DONE();
}
