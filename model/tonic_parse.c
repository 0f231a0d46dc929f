/* SPDX-License-Identifier: MIT */
/* tonic_parse.c — the header walk of docs/parser.md, written so that each step reads like the
 * pseudo-code it implements (ETH, VLAN, ETYPE, IP4, IP6, PROTO6, PROTO and its AH/TCP/UDP/GRE/ESP
 * arms). The walk keeps `cur` (the current layer's first byte) and `lim` (the frame length, then
 * the datagram end of the last IP header); need() is the only gate in front of a header read, so
 * no byte at or beyond lim or the 256-byte window is ever read. The first error stops the walk;
 * every field of a layer that was not reached stays 0. */
#include "tonic_parse.h"

#include <string.h>

enum { SET_OUTER = 0, SET_INNER = 1 };

struct walk {
    const uint8_t *f; /* the frame */
    unsigned lim;     /* container end: frame length, then the datagram end E */
    unsigned cur;     /* first byte of the current layer */
    unsigned x0;      /* IPv6: first byte after the fixed header (extension budget origin) */
    unsigned vlans;   /* VLAN tags walked in the current Ethernet header */
    int set;          /* SET_OUTER or SET_INNER: which PMETA fields the steps write */
    int ip6;          /* the current set's IP header is IPv6 (PROTO6 after AH) */
    uint32_t *pm;     /* the PMETA record being filled */
};

/* ---- field writers for the current set ---- */
static void put_vlans(struct walk *w, unsigned v)
{
    if (w->set == SET_OUTER)
        tonic_set_pmeta_vlans(w->pm, v);
    else
        tonic_set_pmeta_ivlans(w->pm, v);
}
static void put_l3(struct walk *w, unsigned t, unsigned off)
{
    if (w->set == SET_OUTER) {
        tonic_set_pmeta_l3(w->pm, t);
        tonic_set_pmeta_l3_off(w->pm, off);
    } else {
        tonic_set_pmeta_il3(w->pm, t);
        tonic_set_pmeta_il3_off(w->pm, off);
    }
}
/* ETYPE's "L3 = other" carries no offset: the offset field stays 0 ("a field of a layer the walk
 * did not reach is 0"). */
static void put_l3_other(struct walk *w)
{
    if (w->set == SET_OUTER)
        tonic_set_pmeta_l3(w->pm, TONIC_PTYPE_L3_OTHER);
    else
        tonic_set_pmeta_il3(w->pm, TONIC_PTYPE_L3_OTHER);
}
static void put_l4(struct walk *w, unsigned t)
{
    if (w->set == SET_OUTER) {
        tonic_set_pmeta_l4(w->pm, t);
        tonic_set_pmeta_l4_off(w->pm, w->cur);
    } else {
        tonic_set_pmeta_il4(w->pm, t);
        tonic_set_pmeta_il4_off(w->pm, w->cur);
    }
}
static void put_udpx(struct walk *w, unsigned x)
{
    if (w->set == SET_OUTER)
        tonic_set_pmeta_udpx(w->pm, x);
    else
        tonic_set_pmeta_iudpx(w->pm, x);
}
static void put_ah(struct walk *w)
{
    if (w->set == SET_OUTER)
        tonic_set_pmeta_ah(w->pm, 1);
    else
        tonic_set_pmeta_iah(w->pm, 1);
}
static void put_ihl(struct walk *w, unsigned ihl)
{
    if (w->set == SET_OUTER)
        tonic_set_pmeta_ihl(w->pm, ihl);
    else
        tonic_set_pmeta_iihl(w->pm, ihl);
}
static void put_l3_end(struct walk *w, unsigned e)
{
    if (w->set == SET_OUTER)
        tonic_set_pmeta_l3_end(w->pm, e);
    else
        tonic_set_pmeta_il3_end(w->pm, e);
}
static void put_spi(struct walk *w, uint32_t spi)
{
    if (!tonic_pmeta_spi_v(w->pm)) {
        tonic_set_pmeta_spi(w->pm, spi);
        tonic_set_pmeta_spi_v(w->pm, 1);
    }
}
static void stop_err(struct walk *w, unsigned perr)
{
    tonic_set_pmeta_err(w->pm, perr);
}

/* ---- reads relative to cur (only after need() admitted them) ---- */
static unsigned b(const struct walk *w, unsigned i)
{
    return w->f[w->cur + i];
}
static unsigned be16(const struct walk *w, unsigned i)
{
    return (unsigned)w->f[w->cur + i] << 8 | w->f[w->cur + i + 1];
}
static uint32_t be32(const struct walk *w, unsigned i)
{
    return (uint32_t)be16(w, i) << 16 | be16(w, i + 2);
}

/* need(m): TRUNC is tested before DEEP. Returns 1 when the m bytes may be read. */
static int need(struct walk *w, unsigned m)
{
    if (w->cur + m > w->lim) {
        stop_err(w, TONIC_PERR_TRUNC);
        return 0;
    }
    if (w->cur + m > TONIC_PARSE_WINDOW) {
        stop_err(w, TONIC_PERR_DEEP);
        return 0;
    }
    return 1;
}

static void eth(struct walk *w);
static void ip4(struct walk *w);
static void ip6(struct walk *w);
static void proto(struct walk *w, unsigned p);
static void proto6(struct walk *w, unsigned p);

static void etype(struct walk *w, unsigned t)
{
    if (t == 0x8100 || t == 0x88A8 || t == 0x9100) {
        if (w->vlans >= 2) {
            put_l3_other(w);
            stop_err(w, TONIC_PERR_UNKNOWN);
            return;
        }
        /* VLAN: need(4); t = be16(2); cur += 4; vlans++; ETYPE(t) */
        if (!need(w, 4))
            return;
        t = be16(w, 2);
        w->cur += 4;
        w->vlans++;
        put_vlans(w, w->vlans);
        etype(w, t);
    } else if (t == 0x0800) {
        put_l3(w, TONIC_PTYPE_L3_IP4, w->cur);
        ip4(w);
    } else if (t == 0x86DD) {
        put_l3(w, TONIC_PTYPE_L3_IP6, w->cur);
        ip6(w);
    } else {
        put_l3_other(w);
    }
}

static void eth(struct walk *w)
{
    unsigned t;
    w->vlans = 0;
    if (!need(w, 14))
        return;
    t = be16(w, 12);
    w->cur += 14;
    etype(w, t);
}

static void ip4(struct walk *w)
{
    unsigned ihl, tl, frag, p;
    if (!need(w, 20))
        return;
    if (b(w, 0) >> 4 != 4) {
        stop_err(w, TONIC_PERR_BAD_VER);
        return;
    }
    ihl = b(w, 0) & 15;
    if (ihl < 5) {
        stop_err(w, TONIC_PERR_BAD_HLEN);
        return;
    }
    tl = be16(w, 2);
    if (tl < 4 * ihl || w->cur + tl > w->lim) {
        stop_err(w, TONIC_PERR_LEN);
        return;
    }
    put_ihl(w, ihl);
    w->lim = w->cur + tl;
    put_l3_end(w, w->lim);
    frag = (be16(w, 6) & 0x3FFF) != 0;
    p = b(w, 9);
    /* The options bytes (4·ihl − 20) are not need()ed: tl ≥ 4·ihl and cur + tl ≤ lim already keep
     * them inside the datagram, and the doc has no DEEP test here (the next layer's need() makes
     * one). Read literally, an IPv4 header whose options cross byte 256 is accepted. */
    w->cur += 4 * ihl;
    w->ip6 = 0;
    if (frag) {
        put_l4(w, TONIC_PTYPE_L4_FRAG);
        return;
    }
    proto(w, p);
}

static void ip6(struct walk *w)
{
    unsigned e, p;
    if (!need(w, 40))
        return;
    if (b(w, 0) >> 4 != 6) {
        stop_err(w, TONIC_PERR_BAD_VER);
        return;
    }
    e = w->cur + 40 + be16(w, 4);
    if (e > w->lim) {
        stop_err(w, TONIC_PERR_LEN);
        return;
    }
    put_l3_end(w, e);
    w->lim = e;
    p = b(w, 6);
    w->cur += 40;
    w->x0 = w->cur;
    w->ip6 = 1;
    proto6(w, p);
}

static void proto6(struct walk *w, unsigned p)
{
    /* Each step moves cur forward by at least 8 bytes and the budget is 128 bytes, so this
     * recursion (and the AH one through proto()) has a bounded depth. */
    if (p == 0 || p == 43 || p == 60) {
        unsigned n, np;
        if (!need(w, 8))
            return;
        n = 8 * (b(w, 1) + 1);
        /* The doc tests the 128-byte budget (DEEP) before the container (TRUNC) here, unlike
         * need(); followed as written. */
        if (w->cur + n - w->x0 > TONIC_PARSE_IP6_EXT_MAX) {
            stop_err(w, TONIC_PERR_DEEP);
            return;
        }
        if (w->cur + n > w->lim) {
            stop_err(w, TONIC_PERR_TRUNC);
            return;
        }
        np = b(w, 0);
        w->cur += n;
        proto6(w, np);
    } else if (p == 44) {
        unsigned np, f;
        if (!need(w, 8))
            return;
        if (w->cur + 8 - w->x0 > TONIC_PARSE_IP6_EXT_MAX) {
            stop_err(w, TONIC_PERR_DEEP);
            return;
        }
        np = b(w, 0);
        f = (be16(w, 2) & 0xFFF9) != 0;
        w->cur += 8;
        if (f) {
            put_l4(w, TONIC_PTYPE_L4_FRAG);
            return;
        }
        proto6(w, np);
    } else {
        proto(w, p);
    }
}

static void udp(struct walk *w)
{
    unsigned u, pl;
    put_l4(w, TONIC_PTYPE_L4_UDP);
    if (!need(w, 8))
        return;
    u = be16(w, 4);
    if (u < 8 || w->cur + u != w->lim) {
        stop_err(w, TONIC_PERR_LEN);
        return;
    }
    if (be16(w, 0) != 4500 && be16(w, 2) != 4500)
        return;
    pl = u - 8;
    if (pl == 1) {
        if (!need(w, 9))
            return;
        put_udpx(w, b(w, 8) == 0xFF ? TONIC_UDPX_KEEPALIVE : TONIC_UDPX_PLAIN);
    } else if (pl >= 4) {
        if (!need(w, 12))
            return;
        if (be32(w, 8) == 0) {
            put_udpx(w, TONIC_UDPX_IKE);
        } else if (pl >= 8) {
            if (!need(w, 16))
                return;
            put_udpx(w, TONIC_UDPX_ESP);
            put_spi(w, be32(w, 8));
        }
        /* else 4 ≤ P < 8 with a non-zero marker: plain (UDPX stays 0) */
    }
    /* P = 0, 2, 3: plain */
}

static void gre(struct walk *w)
{
    unsigned f, g, c, k, s, t;
    put_l4(w, TONIC_PTYPE_L4_GRE);
    if (w->set == SET_INNER)
        return; /* one tunnel level: no error */
    if (!need(w, 4))
        return;
    f = be16(w, 0);
    if ((f & 0x4000) || (f & 7) != 0) {
        stop_err(w, TONIC_PERR_UNKNOWN);
        return;
    }
    c = f >> 15 & 1;
    k = f >> 13 & 1;
    s = f >> 12 & 1;
    g = 4 + 4 * (c + k + s);
    if (!need(w, g))
        return;
    if (k) {
        tonic_set_pmeta_gre_key(w->pm, be32(w, 4 + 4 * c));
        tonic_set_pmeta_key_v(w->pm, 1);
    }
    t = be16(w, 2);
    w->cur += g;
    if (t == 0x6558) {
        tonic_set_pmeta_tun(w->pm, 2);
        w->set = SET_INNER;
        tonic_set_pmeta_il2_off(w->pm, w->cur);
        eth(w);
    } else if (t == 0x0800) {
        tonic_set_pmeta_tun(w->pm, 1);
        w->set = SET_INNER;
        put_l3(w, TONIC_PTYPE_L3_IP4, w->cur);
        ip4(w);
    } else if (t == 0x86DD) {
        tonic_set_pmeta_tun(w->pm, 1);
        w->set = SET_INNER;
        put_l3(w, TONIC_PTYPE_L3_IP6, w->cur);
        ip6(w);
    } else {
        stop_err(w, TONIC_PERR_UNKNOWN);
    }
}

static void proto(struct walk *w, unsigned p)
{
    switch (p) {
    case 51: { /* AH */
        unsigned n, np;
        if (!need(w, 12))
            return;
        n = 4 * (b(w, 1) + 2);
        if (n < 12) {
            stop_err(w, TONIC_PERR_BAD_HLEN);
            return;
        }
        if (w->cur + n > w->lim) {
            stop_err(w, TONIC_PERR_TRUNC);
            return;
        }
        put_ah(w);
        put_spi(w, be32(w, 4));
        np = b(w, 0);
        w->cur += n;
        /* After an IPv6 header the walk goes on with PROTO6, whose 128-byte budget still counts
         * from x0 (the end of the fixed header), so AH bytes count toward it. */
        if (w->ip6)
            proto6(w, np);
        else
            proto(w, np);
        return;
    }
    case 6: /* TCP */
        put_l4(w, TONIC_PTYPE_L4_TCP);
        if (!need(w, 20))
            return;
        if ((b(w, 12) >> 4) < 5) {
            stop_err(w, TONIC_PERR_BAD_HLEN);
            return;
        }
        if (w->cur + 4 * (b(w, 12) >> 4) > w->lim)
            stop_err(w, TONIC_PERR_TRUNC);
        return;
    case 17:
        udp(w);
        return;
    case 47:
        gre(w);
        return;
    case 50: /* ESP */
        put_l4(w, TONIC_PTYPE_L4_ESP);
        if (!need(w, 8))
            return;
        put_spi(w, be32(w, 0));
        return;
    default:
        put_l4(w, TONIC_PTYPE_L4_OTHER);
        return;
    }
}

void tonic_parse(const uint8_t *frame, unsigned len, uint32_t pmeta[7])
{
    struct walk w;
    memset(pmeta, 0, TONIC_PMETA_SIZE);
    tonic_set_pmeta_len(pmeta, len);
    w.f = frame;
    w.lim = len;
    w.cur = 0;
    w.x0 = 0;
    w.vlans = 0;
    w.set = SET_OUTER;
    w.ip6 = 0;
    w.pm = pmeta;
    eth(&w);
}
