/* SPDX-License-Identifier: MIT */
/* test_pktgen.c — the generator the RTL testbenches rely on: the same seed gives the same frames;
 * 50,000 random frames reach every header combination of issue 4 (as seen by the model's parser:
 * VLAN counts and TPIDs, IPv4 options, fragments of both versions, IPv6 extension chains over and
 * under 128 bytes, AH before TCP/UDP/ESP, every UDPX class, GRE C/K/S combinations, GRE carrying
 * IP and Ethernet with 0..2 inner tags, GRE version 1, ARP, ICMP, padded frames, runts and jumbo
 * frames); mutate() stays within its buffer and changes frames. */
#include <stdlib.h>

#include "pktgen.h"
#include "test.h"
#include "tonic_csum.h"
#include "tonic_parse.h"

static unsigned be16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

int main(void)
{
    static uint8_t a[PKTGEN_MAX_FRAME], b[PKTGEN_MAX_FRAME];
    struct pktgen g1, g2;
    struct pktgen_info ia, ib;
    unsigned i, same = 1, minlen = ~0u, maxlen = 0, runts = 0, padded = 0, len14 = 0;
    unsigned vl[3] = {0}, ivl[3] = {0}, tpid[3] = {0}, l4[8] = {0}, il4[8] = {0}, udpx[4] = {0}, iudpx[4] = {0};
    unsigned tun[3] = {0}, gre_cks[8] = {0}, frag4 = 0, frag6 = 0, opt4 = 0, deep = 0, unknown = 0, ah = 0, iah = 0;
    unsigned ah_esp = 0, ah_udp = 0, ext_edge = 0, arp = 0, jumbo = 0, tcpopt = 0;

    pktgen_seed(&g1, 42);
    pktgen_seed(&g2, 42);
    for (i = 0; i < 2000; i++) {
        unsigned na = pktgen_frame(&g1, a, sizeof a, &ia), nb = pktgen_frame(&g2, b, sizeof b, &ib);
        same &= na == nb && memcmp(a, b, na) == 0 && memcmp(&ia, &ib, sizeof ia) == 0;
    }
    CHECK(same);
    pktgen_seed(&g2, 43);
    CHECK(pktgen_frame(&g1, a, sizeof a, NULL) != pktgen_frame(&g2, b, sizeof b, NULL) || memcmp(a, b, 14) != 0);

    pktgen_seed(&g1, 1);
    for (i = 0; i < 50000; i++) {
        uint32_t pm[7];
        unsigned n = pktgen_frame(&g1, a, sizeof a, &ia);
        tonic_parse(a, n, pm);
        CHECK_EQ(ia.len, n);
        minlen = n < minlen ? n : minlen;
        maxlen = n > maxlen ? n : maxlen;
        runts += n < 14;
        len14 += n == 14;
        jumbo += n > 9000;
        padded += n == 60 && tonic_pmeta_l3_end(pm) && tonic_pmeta_l3_end(pm) < 60;
        vl[tonic_pmeta_vlans(pm)]++;
        if (tonic_pmeta_vlans(pm)) {
            unsigned t = be16(a + 12);
            tpid[t == 0x8100 ? 0 : t == 0x88A8 ? 1 : 2]++;
        }
        l4[tonic_pmeta_l4(pm)]++;
        il4[tonic_pmeta_il4(pm)]++;
        udpx[tonic_pmeta_udpx(pm)]++;
        iudpx[tonic_pmeta_iudpx(pm)]++;
        tun[tonic_pmeta_tun(pm)]++;
        if (tonic_pmeta_tun(pm) == 2)
            ivl[tonic_pmeta_ivlans(pm)]++;
        if (tonic_pmeta_l4(pm) == TONIC_PTYPE_L4_GRE && ia.gre_off)
        {
            unsigned f = be16(a + ia.gre_off);
            gre_cks[(f >> 15 & 1) << 2 | (f >> 13 & 1) << 1 | (f >> 12 & 1)]++;
        }
        if (tonic_pmeta_l4(pm) == TONIC_PTYPE_L4_FRAG) {
            if (tonic_pmeta_l3(pm) == TONIC_PTYPE_L3_IP4)
                frag4++;
            else
                frag6++;
        }
        opt4 += tonic_pmeta_ihl(pm) > 5;
        deep += tonic_pmeta_err(pm) == TONIC_PERR_DEEP;
        unknown += tonic_pmeta_err(pm) == TONIC_PERR_UNKNOWN;
        ah += tonic_pmeta_ah(pm);
        iah += tonic_pmeta_iah(pm);
        ah_esp += tonic_pmeta_ah(pm) && tonic_pmeta_l4(pm) == TONIC_PTYPE_L4_ESP;
        ah_udp += tonic_pmeta_ah(pm) && tonic_pmeta_l4(pm) == TONIC_PTYPE_L4_UDP;
        ext_edge += ia.ext_bytes >= 120 && ia.ext_bytes <= 136;
        arp += tonic_pmeta_l3(pm) == TONIC_PTYPE_L3_OTHER && be16(a + 12 + 4 * tonic_pmeta_vlans(pm)) == 0x0806;
        tcpopt += tonic_pmeta_l4(pm) == TONIC_PTYPE_L4_TCP && tonic_pmeta_err(pm) == 0 &&
                  a[tonic_pmeta_l4_off(pm) + 12] >> 4 > 5;
    }
    printf("lengths %u..%u, runts %u, 14-byte %u, padded %u, jumbo %u\n", minlen, maxlen, runts, len14, padded, jumbo);
    printf("vlans %u/%u/%u tpid %u/%u/%u, inner vlans %u/%u/%u, tun %u/%u/%u\n", vl[0], vl[1], vl[2], tpid[0], tpid[1],
           tpid[2], ivl[0], ivl[1], ivl[2], tun[0], tun[1], tun[2]);
    printf("l4 none %u tcp %u udp %u gre %u esp %u frag %u other %u; inner tcp %u udp %u gre %u esp %u other %u\n", l4[0],
           l4[1], l4[2], l4[3], l4[4], l4[5], l4[6], il4[1], il4[2], il4[3], il4[4], il4[6]);
    printf("udpx %u/%u/%u/%u inner %u/%u/%u/%u; frag v4 %u v6 %u; ipv4 options %u; tcp options %u; DEEP %u UNKNOWN %u\n",
           udpx[0], udpx[1], udpx[2], udpx[3], iudpx[0], iudpx[1], iudpx[2], iudpx[3], frag4, frag6, opt4, tcpopt, deep,
           unknown);
    printf("AH %u (+ESP %u, +UDP %u) inner AH %u; ext 120..136 bytes %u; ARP %u; GRE C/K/S", ah, ah_esp, ah_udp, iah,
           ext_edge, arp);
    for (i = 0; i < 8; i++)
        printf(" %u", gre_cks[i]);
    printf("\n");
    CHECK(minlen == 1 && maxlen > 9100 && maxlen <= PKTGEN_MAX_FRAME);
    CHECK(runts > 100 && len14 > 0 && padded > 100 && jumbo > 100);
    for (i = 0; i < 3; i++)
        CHECK(vl[i] > 100 && tpid[i] > 100 && ivl[i] > 20 && tun[i] > 100);
    for (i = 1; i <= 6; i++)
        CHECK(l4[i] > 100);
    CHECK(il4[1] > 100 && il4[2] > 100 && il4[3] > 10 && il4[4] > 10 && il4[6] > 10);
    for (i = 1; i < 4; i++)
        CHECK(udpx[i] > 50 && iudpx[i] > 5);
    for (i = 0; i < 8; i++)
        CHECK(gre_cks[i] > 20);
    CHECK(frag4 > 100 && frag6 > 100 && opt4 > 1000 && tcpopt > 1000 && deep > 100 && unknown > 100);
    CHECK(ah > 100 && ah_esp > 10 && ah_udp > 10 && iah > 10 && ext_edge > 50 && arp > 100);

    /* mutate stays in its buffer, changes the frame, and never grows past cap */
    {
        unsigned changed = 0;
        for (i = 0; i < 5000; i++) {
            unsigned n = pktgen_frame(&g1, a, sizeof a, &ia), m;
            uint8_t *c = malloc(n + 16);
            if (!c)
                return 2;
            memcpy(c, a, n);
            m = pktgen_mutate(&g1, c, n, n + 16, &ia);
            CHECK(m <= n + 16);
            changed += m != n || memcmp(c, a, n) != 0;
            free(c);
        }
        CHECK(changed > 4500);
    }
    TEST_DONE();
}
