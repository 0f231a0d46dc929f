/* SPDX-License-Identifier: MIT */
/* pktgen.c — deterministic frame generator (see pktgen.h). The builder writes headers front to
 * back, remembering where each length and checksum field is; a set (IP header, extension headers,
 * AH, L4 and, for GRE, the whole inner set) patches its lengths and computes its checksums when
 * it is complete, innermost first, so the outer GRE/IP checksums cover the final inner bytes. */
#include "pktgen.h"

#include <string.h>

#include "tonic_csum.h"

/* ---------------------------------------------------------------------------------------------
 * PRNG: xoshiro128** seeded through splitmix64 */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void pktgen_seed(struct pktgen *g, uint64_t seed)
{
    uint64_t x = seed, a = splitmix64(&x), b = splitmix64(&x);
    g->s[0] = (uint32_t)a;
    g->s[1] = (uint32_t)(a >> 32);
    g->s[2] = (uint32_t)b;
    g->s[3] = (uint32_t)(b >> 32);
    if (!(g->s[0] | g->s[1] | g->s[2] | g->s[3]))
        g->s[0] = 1;
}

static uint32_t rotl(uint32_t x, int k)
{
    return (x << k) | (x >> (32 - k));
}

uint32_t pktgen_rand(struct pktgen *g)
{
    uint32_t r = rotl(g->s[1] * 5, 7) * 9, t = g->s[1] << 9;
    g->s[2] ^= g->s[0];
    g->s[3] ^= g->s[1];
    g->s[1] ^= g->s[2];
    g->s[0] ^= g->s[3];
    g->s[2] ^= t;
    g->s[3] = rotl(g->s[3], 11);
    return r;
}

uint32_t pktgen_below(struct pktgen *g, uint32_t n)
{
    return n ? (uint32_t)(((uint64_t)pktgen_rand(g) * n) >> 32) : 0;
}

void pktgen_fill(struct pktgen *g, uint8_t *p, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)pktgen_rand(g);
}

/* ---------------------------------------------------------------------------------------------
 * byte writer with a capacity check */

struct bld {
    struct pktgen *g;
    uint8_t *b;
    unsigned pos, cap;
    int ovf;
    struct pktgen_info *in;
};

static int room(struct bld *w, unsigned n)
{
    if (w->ovf || w->pos + n > w->cap) {
        w->ovf = 1;
        return 0;
    }
    return 1;
}
static void put8(struct bld *w, unsigned v)
{
    if (room(w, 1))
        w->b[w->pos++] = (uint8_t)v;
}
static void put16(struct bld *w, unsigned v)
{
    put8(w, v >> 8);
    put8(w, v);
}
static void put32(struct bld *w, uint32_t v)
{
    put16(w, v >> 16);
    put16(w, v & 0xFFFF);
}
static void putrand(struct bld *w, unsigned n)
{
    if (room(w, n)) {
        pktgen_fill(w->g, w->b + w->pos, n);
        w->pos += n;
    }
}
static void putzero(struct bld *w, unsigned n)
{
    if (room(w, n)) {
        memset(w->b + w->pos, 0, n);
        w->pos += n;
    }
}
static void set16(struct bld *w, unsigned off, unsigned v)
{
    if (!w->ovf) {
        w->b[off] = (uint8_t)(v >> 8);
        w->b[off + 1] = (uint8_t)v;
    }
}
static unsigned get16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}
/* payload bytes, shortened to what fits */
static void putpayload(struct bld *w, unsigned n)
{
    if (w->ovf)
        return;
    if (n > w->cap - w->pos)
        n = w->cap - w->pos;
    putrand(w, n);
}

/* ---------------------------------------------------------------------------------------------
 * headers */

static void put_mac_pair(struct bld *w)
{
    put8(w, 0x02); /* locally administered unicast destination */
    putrand(w, 5);
    put8(w, 0x02);
    putrand(w, 5);
}

static void put_tags_and_type(struct bld *w, const struct pktgen_set *st, unsigned type)
{
    unsigned i;
    for (i = 0; i < st->vlans && i < 2; i++) {
        put16(w, st->tpid[i]);
        put16(w, pktgen_rand(w->g) & 0xEFFF); /* PCP, DEI 0, VID */
    }
    put16(w, type);
}

static unsigned set_ethertype(const struct pktgen_set *st)
{
    switch (st->l3) {
    case PKTGEN_L3_IP4: return 0x0800;
    case PKTGEN_L3_IP6: return 0x86DD;
    case PKTGEN_L3_ARP: return 0x0806;
    default: return st->ethertype;
    }
}

static unsigned l4_proto(const struct pktgen_set *st, int ip6)
{
    switch (st->l4) {
    case PKTGEN_L4_TCP: return 6;
    case PKTGEN_L4_UDP: return 17;
    case PKTGEN_L4_ESP: return 50;
    case PKTGEN_L4_ICMP: return ip6 ? 58 : 1;
    case PKTGEN_L4_GRE: return 47;
    default: return st->proto;
    }
}

static void build_ip_set(struct bld *w, const struct pktgen_spec *s, const struct pktgen_set *st, int inner);

/* the L4 header and what it carries; returns the offset of its checksum field (0 if none) */
static void build_l4(struct bld *w, const struct pktgen_spec *s, const struct pktgen_set *st, int inner,
                     int ip6, unsigned *csum_at, unsigned *udp_len_at)
{
    struct pktgen *g = w->g;
    *csum_at = 0;
    *udp_len_at = 0;
    switch (st->l4) {
    case PKTGEN_L4_TCP: {
        unsigned o = st->tcp_opt > 40 ? 40 : st->tcp_opt & ~3u, i;
        put16(w, 1024 + pktgen_below(g, 60000));
        put16(w, 1024 + pktgen_below(g, 60000));
        put32(w, pktgen_rand(g));
        put32(w, pktgen_rand(g));
        put8(w, (20 + o) / 4 << 4);
        put8(w, 0x10 | (pktgen_rand(g) & 0x0F)); /* ACK + some of FIN/SYN/RST/PSH */
        put16(w, pktgen_rand(g) & 0xFFFF);
        *csum_at = w->pos;
        put16(w, 0);
        put16(w, 0);
        if (o >= 4) { /* MSS, then NOPs */
            put8(w, 2);
            put8(w, 4);
            put16(w, 536 + pktgen_below(g, 9000));
            for (i = 4; i < o; i++)
                put8(w, 1);
        }
        putpayload(w, s->payload);
        break;
    }
    case PKTGEN_L4_UDP: {
        unsigned sp = 1024 + pktgen_below(g, 60000), dp = 1024 + pktgen_below(g, 60000);
        if (st->udpx == PKTGEN_UDPX_NONE) {
            if (sp == 4500)
                sp++;
            if (dp == 4500)
                dp++;
        } else {
            unsigned r = pktgen_below(g, 3);
            if (r == 0 || r == 2)
                dp = 4500;
            if (r == 1 || r == 2)
                sp = 4500;
        }
        put16(w, sp);
        put16(w, dp);
        *udp_len_at = w->pos;
        put16(w, 0);
        *csum_at = w->pos;
        put16(w, 0);
        switch (st->udpx) {
        case PKTGEN_UDPX_ESP:
            put32(w, s->spi ? s->spi : 0x100u + pktgen_below(g, 0xFFFF0000u));
            put32(w, 1 + pktgen_below(g, 0xFFFFFFFEu));
            putpayload(w, s->payload);
            break;
        case PKTGEN_UDPX_IKE:
            put32(w, 0);
            putpayload(w, s->payload);
            break;
        case PKTGEN_UDPX_KEEPALIVE:
            put8(w, 0xFF);
            break;
        case PKTGEN_UDPX_SHORT: {
            unsigned k = pktgen_below(g, 4);
            if (k == 0) {
                /* 0 bytes */
            } else if (k == 1) {
                put8(w, pktgen_below(g, 255)); /* one byte, not 0xFF */
            } else if (k == 2) {
                putrand(w, 2 + pktgen_below(g, 2));
            } else {
                put32(w, 1 + pktgen_below(g, 0xFFFFFFFEu)); /* non-zero marker, 4..7 bytes */
                putrand(w, pktgen_below(g, 4));
            }
            break;
        }
        default:
            putpayload(w, s->payload);
        }
        break;
    }
    case PKTGEN_L4_ESP:
        put32(w, s->spi);
        put32(w, 1 + pktgen_below(g, 0xFFFFFFFEu));
        putpayload(w, s->payload);
        break;
    case PKTGEN_L4_ICMP:
        put8(w, ip6 ? 128 : 8);
        put8(w, 0);
        *csum_at = w->pos;
        put16(w, 0);
        put32(w, pktgen_rand(g));
        putpayload(w, s->payload);
        break;
    case PKTGEN_L4_GRE:
        if (inner) { /* one tunnel level: a bare GRE header and bytes */
            put16(w, 0);
            put16(w, 0x0800);
            putpayload(w, s->payload);
            break;
        }
        {
            unsigned f = s->gre_flags, gre_at = w->pos, gcsum = 0;
            w->in->gre_off = gre_at;
            put16(w, f);
            put16(w, s->gre_proto);
            if (f & 0x8000) {
                gcsum = w->pos;
                put16(w, 0);
                put16(w, 0);
            }
            if (f & 0x2000)
                put32(w, s->gre_key);
            if (f & 0x1000)
                put32(w, pktgen_rand(g));
            if (s->gre_proto == 0x6558) {
                w->in->il2_off = w->pos;
                put_mac_pair(w);
                put_tags_and_type(w, &s->inner, set_ethertype(&s->inner));
                build_ip_set(w, s, &s->inner, 1);
            } else if (s->gre_proto == 0x0800 || s->gre_proto == 0x86DD) {
                build_ip_set(w, s, &s->inner, 1);
            } else {
                putpayload(w, s->payload);
            }
            if (gcsum && !w->ovf)
                set16(w, gcsum, (uint16_t)~tonic_csum_sum(w->b + gre_at, w->pos - gre_at, 0));
        }
        break;
    default:
        putpayload(w, s->payload);
    }
}

static void put_ah(struct bld *w, const struct pktgen_spec *s, const struct pktgen_set *st, unsigned *nh_at)
{
    unsigned n = 12 + st->ah_icv;
    w->b[*nh_at] = 51;
    *nh_at = w->pos;
    put8(w, 0);
    put8(w, n / 4 - 2);
    put16(w, 0);
    put32(w, s->spi ? s->spi : 0x1000u);
    put32(w, 1 + pktgen_below(w->g, 0xFFFFFFFEu));
    putrand(w, st->ah_icv);
}

static void build_ip_set(struct bld *w, const struct pktgen_spec *s, const struct pktgen_set *st, int inner)
{
    struct pktgen *g = w->g;
    struct pktgen_info *in = w->in;
    unsigned l3 = w->pos, nh_at, l4 = 0, csum_at = 0, udp_len_at = 0, ip_csum = 0, i, end;
    int ip6 = st->l3 == PKTGEN_L3_IP6;
    int frag_nofirst = st->frag == PKTGEN_FRAG_MIDDLE || st->frag == PKTGEN_FRAG_LAST;
    int is_frag = st->frag != PKTGEN_FRAG_NONE && st->frag != PKTGEN_FRAG_ATOMIC;

    if (st->l3 == PKTGEN_L3_ARP) {
        put16(w, 1);
        put16(w, 0x0800);
        put8(w, 6);
        put8(w, 4);
        put16(w, 1 + pktgen_below(g, 2));
        putrand(w, 20);
        return;
    }
    if (st->l3 != PKTGEN_L3_IP4 && st->l3 != PKTGEN_L3_IP6) {
        putpayload(w, s->payload);
        return;
    }
    if (inner) {
        in->il3_off = l3;
        in->il3 = (uint8_t)(1 + st->l3);
    } else {
        in->l3_off = l3;
        in->l3 = (uint8_t)(1 + st->l3);
    }

    if (!ip6) {
        unsigned o = st->ip4_opt > 40 ? 40 : st->ip4_opt & ~3u, ff = 0;
        if (st->frag == PKTGEN_FRAG_FIRST)
            ff = 0x2000;
        else if (st->frag == PKTGEN_FRAG_MIDDLE)
            ff = 0x2000 | (1 + pktgen_below(g, 0x1FFF));
        else if (st->frag == PKTGEN_FRAG_LAST)
            ff = 1 + pktgen_below(g, 0x1FFF);
        else if (pktgen_below(g, 2))
            ff = 0x4000; /* DF: not a fragment */
        put8(w, 0x40 | (20 + o) / 4);
        put8(w, pktgen_rand(g) & 0xFF);
        put16(w, 0); /* total length, patched */
        put16(w, pktgen_rand(g) & 0xFFFF);
        put16(w, ff);
        put8(w, 1 + pktgen_below(g, 255));
        nh_at = w->pos;
        put8(w, 0);
        ip_csum = w->pos;
        put16(w, 0);
        putrand(w, 8);
        if (o) {
            for (i = 0; i + 1 < o; i++)
                put8(w, 1); /* NOP */
            put8(w, 0);     /* EOL */
        }
    } else {
        put32(w, 0x60000000u | (pktgen_rand(g) & 0x0FFFFFFFu));
        put16(w, 0); /* payload length, patched */
        nh_at = w->pos;
        put8(w, 59);
        put8(w, 1 + pktgen_below(g, 255));
        putrand(w, 32);
        for (i = 0; i < st->n_ext && i < PKTGEN_MAX_EXT && !w->ovf; i++) {
            unsigned n = st->ext_len[i] < 8 ? 8 : st->ext_len[i] & ~7u;
            w->b[nh_at] = st->ext_type[i];
            nh_at = w->pos;
            put8(w, 59);
            put8(w, n / 8 - 1);
            if (st->ext_type[i] == PKTGEN_EXT_ROUTE) {
                put8(w, 4); /* segment routing header type, segments left 0 */
                put8(w, 0);
                putzero(w, n - 4);
            } else { /* hop-by-hop / destination options: one PadN option */
                put8(w, 1);
                put8(w, n - 4);
                putzero(w, n - 4);
            }
            if (!inner)
                in->ext_bytes += n;
        }
        if (st->frag != PKTGEN_FRAG_NONE && !w->ovf) {
            unsigned fo = 0;
            if (st->frag == PKTGEN_FRAG_FIRST)
                fo = 1;
            else if (st->frag == PKTGEN_FRAG_MIDDLE)
                fo = (1 + pktgen_below(g, 0x1FFF)) << 3 | 1;
            else if (st->frag == PKTGEN_FRAG_LAST)
                fo = (1 + pktgen_below(g, 0x1FFF)) << 3;
            w->b[nh_at] = 44;
            nh_at = w->pos;
            put8(w, 59);
            put8(w, 0);
            put16(w, fo);
            put32(w, pktgen_rand(g));
            if (!inner)
                in->ext_bytes += 8;
        }
    }
    if (w->ovf)
        return;
    if (frag_nofirst) {
        w->b[nh_at] = (uint8_t)l4_proto(st, ip6);
        putpayload(w, s->payload);
    } else {
        if (st->ah_icv) {
            if (inner)
                in->iah_off = w->pos;
            else
                in->ah_off = w->pos;
            put_ah(w, s, st, &nh_at);
        }
        if (w->ovf)
            return;
        w->b[nh_at] = (uint8_t)l4_proto(st, ip6);
        l4 = w->pos;
        if (inner)
            in->il4_off = l4;
        else
            in->l4_off = l4;
        if (!is_frag) {
            if (inner)
                in->il4 = (uint8_t)(1 + st->l4);
            else
                in->l4 = (uint8_t)(1 + st->l4);
        }
        build_l4(w, s, st, inner, ip6, &csum_at, &udp_len_at);
    }
    if (w->ovf)
        return;

    /* lengths */
    end = w->pos;
    if (ip6)
        set16(w, l3 + 4, end - l3 - 40);
    else
        set16(w, l3 + 2, end - l3);
    if (udp_len_at)
        set16(w, udp_len_at, end - l4);
    if (inner)
        in->il3_end = end;
    else
        in->l3_end = end;

    /* L4 checksum (pseudo-header with the datagram's own addresses) */
    if (csum_at) {
        unsigned proto = w->b[nh_at];
        uint16_t ph = 0, v;
        int pseudo = !(st->l4 == PKTGEN_L4_ICMP && !ip6);
        if (pseudo)
            ph = ip6 ? tonic_csum_pseudo6(w->b + l3 + 8, w->b + l3 + 24, proto, end - l4)
                     : tonic_csum_pseudo4(w->b + l3 + 12, w->b + l3 + 16, proto, end - l4);
        v = (uint16_t)~tonic_csum_sum(w->b + l4, end - l4, ph);
        if (st->l4 == PKTGEN_L4_UDP) {
            if (v == 0)
                v = 0xFFFF;
            if (st->udp_zero && !ip6)
                v = 0;
        }
        set16(w, csum_at, v);
        if ((st->l4 == PKTGEN_L4_TCP || st->l4 == PKTGEN_L4_UDP) && !is_frag) {
            in->l4_csum = csum_at;
            in->l4_csum_is_udp4 = st->l4 == PKTGEN_L4_UDP && !ip6;
            in->csum_l4_start = l4;
            in->csum_end = end;
        }
    }
    /* IPv4 header checksum */
    if (ip_csum) {
        unsigned ihl4 = (w->b[l3] & 15u) * 4;
        set16(w, ip_csum, (uint16_t)~tonic_csum_sum(w->b + l3, ihl4, 0));
        if (inner)
            in->iip_csum = ip_csum;
        else
            in->ip_csum = ip_csum;
    }
}

/* ---------------------------------------------------------------------------------------------
 * specs */

static void set_default(struct pktgen_set *st)
{
    memset(st, 0, sizeof *st);
    st->l3 = PKTGEN_L3_IP4;
    st->l4 = PKTGEN_L4_TCP;
    st->tpid[0] = 0x8100;
    st->tpid[1] = 0x8100;
    st->ethertype = 0x88B5;
}

void pktgen_spec_default(struct pktgen_spec *s)
{
    memset(s, 0, sizeof *s);
    set_default(&s->outer);
    set_default(&s->inner);
    s->gre_flags = 0x2000;
    s->gre_proto = 0x6558;
    s->gre_key = 0x12345601u;
    s->spi = 0x00001001u;
    s->payload = 64;
    s->pad = 1;
}

static const uint16_t tpids[3] = {0x8100, 0x88A8, 0x9100};

static void random_set(struct pktgen *g, struct pktgen_set *st, int inner)
{
    unsigned r, i;
    set_default(st);
    r = pktgen_below(g, 100);
    st->vlans = r < 60 ? 0 : r < 85 ? 1 : 2;
    st->tpid[0] = tpids[pktgen_below(g, 3)];
    st->tpid[1] = tpids[pktgen_below(g, 3)];
    r = pktgen_below(g, 100);
    if (r < 47) {
        st->l3 = PKTGEN_L3_IP4;
    } else if (r < 90) {
        st->l3 = PKTGEN_L3_IP6;
    } else if (r < 95) {
        st->l3 = PKTGEN_L3_ARP;
    } else {
        static const uint16_t other[] = {0x88CC, 0x8847, 0x88B5, 0x0842, 0x8100}; /* 0x8100: a 3rd tag
                                                                                      when vlans = 2 */
        st->l3 = PKTGEN_L3_RAW;
        st->ethertype = other[pktgen_below(g, 5)];
    }
    if (pktgen_below(g, 10) < 3)
        st->ip4_opt = (uint8_t)(4 * (1 + pktgen_below(g, 10)));
    r = pktgen_below(g, 100);
    if (r < 4)
        st->frag = PKTGEN_FRAG_FIRST;
    else if (r < 7)
        st->frag = PKTGEN_FRAG_MIDDLE;
    else if (r < 10)
        st->frag = PKTGEN_FRAG_LAST;
    else if (r < 13 && st->l3 == PKTGEN_L3_IP6)
        st->frag = PKTGEN_FRAG_ATOMIC;
    if (st->l3 == PKTGEN_L3_IP6 && pktgen_below(g, 2)) {
        static const uint8_t kinds[3] = {PKTGEN_EXT_HOP, PKTGEN_EXT_ROUTE, PKTGEN_EXT_DEST};
        unsigned total = 0, budget = pktgen_below(g, 8) == 0 ? 112 + 8 * pktgen_below(g, 5) /* 112..144 */
                                                         : 8 * (1 + pktgen_below(g, inner ? 8 : 12));
        while (total < budget && st->n_ext < (inner ? 3 : PKTGEN_MAX_EXT)) {
            unsigned n = 8 * (1 + pktgen_below(g, 8));
            if (total + n > budget)
                n = budget - total;
            st->ext_type[st->n_ext] = st->n_ext == 0 && pktgen_below(g, 2) ? PKTGEN_EXT_HOP : kinds[pktgen_below(g, 3)];
            st->ext_len[st->n_ext] = (uint8_t)n;
            st->n_ext++;
            total += n;
        }
    }
    if (pktgen_below(g, 10) == 0) {
        if (st->l3 == PKTGEN_L3_IP6)
            st->ah_icv = pktgen_below(g, 2) ? 12 : 20; /* 24 or 32 bytes: multiples of 8 */
        else
            st->ah_icv = pktgen_below(g, 2) ? 12 : 16;
    }
    r = pktgen_below(g, 100);
    if (inner) {
        st->l4 = r < 45 ? PKTGEN_L4_TCP : r < 85 ? PKTGEN_L4_UDP : r < 90 ? PKTGEN_L4_ESP
               : r < 95 ? PKTGEN_L4_ICMP : r < 97 ? PKTGEN_L4_GRE : PKTGEN_L4_RAW;
    } else {
        st->l4 = r < 35 ? PKTGEN_L4_TCP : r < 63 ? PKTGEN_L4_UDP : r < 80 ? PKTGEN_L4_GRE : r < 87 ? PKTGEN_L4_ESP
               : r < 94 ? PKTGEN_L4_ICMP : PKTGEN_L4_RAW;
    }
    st->proto = pktgen_below(g, 2) ? 132 /* SCTP */ : 59; /* no next header */
    if (pktgen_below(g, 2))
        st->tcp_opt = (uint8_t)(4 * (1 + pktgen_below(g, 10)));
    if (st->l4 == PKTGEN_L4_UDP && pktgen_below(g, 5) == 0)
        st->udpx = (uint8_t)(1 + pktgen_below(g, 4));
    if (st->l3 == PKTGEN_L3_IP4 && pktgen_below(g, 10) == 0)
        st->udp_zero = 1;
    for (i = st->n_ext; i < PKTGEN_MAX_EXT; i++)
        st->ext_len[i] = 0;
}

void pktgen_random_spec(struct pktgen *g, struct pktgen_spec *s)
{
    unsigned r;
    pktgen_spec_default(s);
    random_set(g, &s->outer, 0);
    random_set(g, &s->inner, 1);
    if (s->inner.l3 == PKTGEN_L3_RAW && s->inner.ethertype == 0x8100 && s->inner.vlans < 2)
        s->inner.ethertype = 0x88B5;
    if (s->outer.l3 == PKTGEN_L3_RAW && s->outer.ethertype == 0x8100 && s->outer.vlans < 2)
        s->outer.ethertype = 0x88B5;
    /* GRE flags: any C/K/S; rarely version 1 (PPTP) or the R bit */
    s->gre_flags = (uint16_t)((pktgen_below(g, 2) << 15) | (pktgen_below(g, 2) << 13) | (pktgen_below(g, 2) << 12));
    r = pktgen_below(g, 100);
    if (r < 40) {
        s->gre_proto = 0x6558;
        if (pktgen_below(g, 4))
            s->gre_flags = 0x2000; /* NVGRE proper */
    } else if (r < 65) {
        s->gre_proto = 0x0800;
        s->inner.l3 = PKTGEN_L3_IP4;
    } else if (r < 90) {
        s->gre_proto = 0x86DD;
        s->inner.l3 = PKTGEN_L3_IP6;
    } else {
        s->gre_proto = pktgen_below(g, 2) ? 0x880B : 0x8847;
    }
    r = pktgen_below(g, 100);
    if (r < 3) {
        s->gre_flags = 0x3001; /* version 1: K and S set */
        s->gre_proto = 0x880B;
    } else if (r < 5) {
        s->gre_flags |= 0x4000; /* R */
    }
    s->gre_key = pktgen_rand(g);
    s->spi = 0x100u + pktgen_below(g, 0xFFFFFF00u);
    r = pktgen_below(g, 100);
    if (r < 70)
        s->payload = pktgen_below(g, 65);
    else if (r < 90)
        s->payload = 65 + pktgen_below(g, 1500 - 64);
    else
        s->payload = 1501 + pktgen_below(g, PKTGEN_MAX_FRAME - 1500);
    s->pad = pktgen_below(g, 10) != 0;
}

unsigned pktgen_build(struct pktgen *g, const struct pktgen_spec *s, uint8_t *buf, unsigned cap,
                      struct pktgen_info *info)
{
    struct pktgen_info tmp;
    struct bld w;
    if (!info)
        info = &tmp;
    memset(info, 0, sizeof *info);
    w.g = g;
    w.b = buf;
    w.pos = 0;
    w.cap = cap;
    w.ovf = 0;
    w.in = info;
    put_mac_pair(&w);
    put_tags_and_type(&w, &s->outer, set_ethertype(&s->outer));
    build_ip_set(&w, s, &s->outer, 0);
    if (w.ovf) {
        memset(info, 0, sizeof *info);
        return 0;
    }
    if (s->pad && w.pos < 60 && cap >= 60) {
        memset(buf + w.pos, 0, 60 - w.pos);
        w.pos = 60;
    }
    info->len = w.pos;

    /* corruption, after every checksum was written */
    {
        unsigned at = 0;
        if (s->corrupt == PKTGEN_CORRUPT_IP)
            at = info->ip_csum;
        else if (s->corrupt == PKTGEN_CORRUPT_INNER_IP)
            at = info->iip_csum;
        else if (s->corrupt == PKTGEN_CORRUPT_L4)
            at = info->l4_csum;
        if (at) {
            unsigned old = get16(buf + at), v;
            do {
                v = old ^ (1 + pktgen_below(g, 0xFFFF));
            } while ((old == 0 && v == 0xFFFF) || (old == 0xFFFF && v == 0) ||
                     (s->corrupt == PKTGEN_CORRUPT_L4 && info->l4_csum_is_udp4 && v == 0));
            buf[at] = (uint8_t)(v >> 8);
            buf[at + 1] = (uint8_t)v;
        }
    }
    return w.pos;
}

unsigned pktgen_frame(struct pktgen *g, uint8_t *buf, unsigned cap, struct pktgen_info *info)
{
    struct pktgen_spec s;
    unsigned n;
    if (pktgen_below(g, 64) == 0) {
        n = 1 + pktgen_below(g, 13);
        if (n > cap)
            n = cap;
        pktgen_fill(g, buf, n);
        if (info) {
            memset(info, 0, sizeof *info);
            info->len = n;
        }
        return n;
    }
    do {
        pktgen_random_spec(g, &s);
        n = pktgen_build(g, &s, buf, cap > PKTGEN_MAX_FRAME ? PKTGEN_MAX_FRAME : cap, info);
    } while (n == 0);
    return n;
}

/* ---------------------------------------------------------------------------------------------
 * mutation */

/* a header field worth damaging, from what the builder recorded */
static unsigned pick_target(struct pktgen *g, const struct pktgen_info *in, unsigned len)
{
    unsigned c[24], n = 0;
    if (in->l3_off) {
        c[n++] = in->l3_off;                                     /* version/IHL */
        c[n++] = in->l3_off + (in->l3 == 1 + PKTGEN_L3_IP6 ? 4 : 2); /* length */
        c[n++] = in->l3_off + (in->l3 == 1 + PKTGEN_L3_IP6 ? 6 : 9); /* next header / protocol */
        c[n++] = in->l3_off + 6;                                 /* IPv4 flags/offset */
        if (in->l3 == 1 + PKTGEN_L3_IP6) {
            c[n++] = in->l3_off + 40; /* first extension header's next header */
            c[n++] = in->l3_off + 41; /* ... and its length */
        }
    }
    if (in->l4_off) {
        c[n++] = in->l4_off + 4;  /* UDP length */
        c[n++] = in->l4_off + 12; /* TCP data offset */
        c[n++] = in->l4_off;      /* GRE flags, ports */
        c[n++] = in->l4_off + 2;  /* GRE protocol */
    }
    if (in->ah_off) {
        c[n++] = in->ah_off;
        c[n++] = in->ah_off + 1;
    }
    if (in->il2_off) {
        c[n++] = in->il2_off + 12;
    }
    if (in->il3_off) {
        c[n++] = in->il3_off;
        c[n++] = in->il3_off + (in->il3 == 1 + PKTGEN_L3_IP6 ? 4 : 2);
        c[n++] = in->il3_off + (in->il3 == 1 + PKTGEN_L3_IP6 ? 6 : 9);
    }
    if (in->il4_off) {
        c[n++] = in->il4_off + 4;
        c[n++] = in->il4_off + 12;
    }
    c[n++] = 12; /* ethertype */
    {
        unsigned o = c[pktgen_below(g, n)];
        return o < len ? o : pktgen_below(g, len);
    }
}

unsigned pktgen_mutate(struct pktgen *g, uint8_t *buf, unsigned len, unsigned cap, const struct pktgen_info *info)
{
    unsigned k, steps = 1 + pktgen_below(g, 4);
    for (k = 0; k < steps; k++) {
        unsigned r = pktgen_below(g, 10);
        if (len == 0)
            break;
        if (r < 2) { /* truncation */
            len = pktgen_below(g, len + 1);
        } else if (r < 6) { /* byte flips */
            unsigned o;
            if (info && pktgen_below(g, 2))
                o = pick_target(g, info, len);
            else if (pktgen_below(g, 4))
                o = pktgen_below(g, len < 128 ? len : 128);
            else
                o = pktgen_below(g, len);
            if (pktgen_below(g, 2))
                buf[o] ^= (uint8_t)(1u << pktgen_below(g, 8));
            else
                buf[o] = (uint8_t)pktgen_rand(g);
        } else if (r < 8) { /* a length field: random, or off by a few */
            unsigned o = info ? pick_target(g, info, len) : pktgen_below(g, len < 64 ? len : 64);
            if (o + 1 < len) {
                unsigned v = get16(buf + o);
                unsigned m = pktgen_below(g, 3);
                if (m == 0)
                    v = pktgen_rand(g) & 0xFFFF;
                else if (m == 1)
                    v = (v + pktgen_below(g, 17) - 8) & 0xFFFF;
                else
                    v = pktgen_below(g, 64);
                buf[o] = (uint8_t)(v >> 8);
                buf[o + 1] = (uint8_t)v;
            }
        } else if (r < 9) { /* a header-length nibble or next-header byte */
            unsigned o = info ? pick_target(g, info, len) : pktgen_below(g, len < 64 ? len : 64);
            static const uint8_t nh[] = {0, 1, 4, 6, 17, 41, 43, 44, 47, 50, 51, 58, 59, 60, 255};
            if (pktgen_below(g, 2))
                buf[o] = (uint8_t)((buf[o] & 0xF0) | pktgen_below(g, 16));
            else
                buf[o] = nh[pktgen_below(g, sizeof nh)];
        } else { /* a few bytes appended */
            unsigned n = 1 + pktgen_below(g, 16);
            if (len + n > cap)
                n = cap - len;
            pktgen_fill(g, buf + len, n);
            len += n;
        }
    }
    return len;
}
