/* SPDX-License-Identifier: MIT */
/* tonic_csum.c — reference model of RX checksum verification and TX checksum insertion
 * (docs/parser.md), the stack-side request helper used by `tonicctl send --csum`, and the text
 * form of parse/checksum results. Every range is checked against the frame before it is summed,
 * so a PMETA record that does not belong to the frame cannot make the model read outside it. */
#include "tonic_csum.h"

#include <stdarg.h>
#include <string.h>

#include "tonic_parse.h"

/* ---------------------------------------------------------------------------------------------
 * ones'-complement arithmetic */

static uint32_t fold32(uint32_t s)
{
    while (s >> 16)
        s = (s & 0xFFFFu) + (s >> 16);
    return s;
}

uint16_t tonic_csum_add(uint16_t a, uint16_t b)
{
    return (uint16_t)fold32((uint32_t)a + b);
}

uint16_t tonic_csum_sum(const uint8_t *p, unsigned n, uint32_t seed)
{
    uint32_t s = fold32(seed);
    unsigned i;
    /* at most 65535 pairs of 0xFFFF fit in 32 bits; fold every 32 Ki pairs to stay far below */
    for (i = 0; i + 1 < n; i += 2) {
        s += (uint32_t)p[i] << 8 | p[i + 1];
        if ((i & 0xFFFEu) == 0xFFFEu)
            s = fold32(s);
    }
    if (n & 1)
        s += (uint32_t)p[n - 1] << 8;
    return (uint16_t)fold32(s);
}

uint16_t tonic_csum_pseudo4(const uint8_t src[4], const uint8_t dst[4], unsigned proto, uint32_t len)
{
    uint32_t s = tonic_csum_sum(src, 4, 0);
    s += tonic_csum_sum(dst, 4, 0);
    s += proto & 0xFFu;
    s += len >> 16;
    s += len & 0xFFFFu;
    return (uint16_t)fold32(s);
}

uint16_t tonic_csum_pseudo6(const uint8_t src[16], const uint8_t dst[16], unsigned proto, uint32_t len)
{
    uint32_t s = tonic_csum_sum(src, 16, 0);
    s += tonic_csum_sum(dst, 16, 0);
    s += len >> 16;
    s += len & 0xFFFFu;
    s += proto & 0xFFu;
    return (uint16_t)fold32(s);
}

static unsigned rd16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}
static void wr16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

/* ---------------------------------------------------------------------------------------------
 * RX verification */

/* 1 OK, 0 BAD, -1 not checkable (header not inside the frame; never with a matching PMETA). */
static int ip4_hdr_ok(const uint8_t *f, unsigned len, unsigned off, unsigned ihl)
{
    if (off + 4 * ihl > len)
        return -1;
    return tonic_csum_sum(f + off, 4 * ihl, 0) == 0xFFFFu;
}

/* Pseudo-header of the set whose IP header is at l3_off (version from l3 type). -1 if the
 * addresses are not inside the frame. */
static int pseudo_of(const uint8_t *f, unsigned len, unsigned l3, unsigned l3_off, unsigned proto,
                     uint32_t l4len, uint16_t *out)
{
    if (l3 == TONIC_PTYPE_L3_IP4) {
        if (l3_off + 20 > len)
            return -1;
        *out = tonic_csum_pseudo4(f + l3_off + 12, f + l3_off + 16, proto, l4len);
        return 0;
    }
    if (l3 == TONIC_PTYPE_L3_IP6) {
        if (l3_off + 40 > len)
            return -1;
        /* The doc's pseudo-header uses the addresses of the IPv6 header itself, also when a
         * routing header is present (RFC 8200 would use the final destination). Followed as
         * written. */
        *out = tonic_csum_pseudo6(f + l3_off + 8, f + l3_off + 24, proto, l4len);
        return 0;
    }
    return -1;
}

void tonic_rx_csum(const uint8_t *frame, unsigned len, const uint32_t pmeta[7], uint32_t config_csum,
                   uint16_t *flags, uint16_t *raw)
{
    unsigned fl = 0;
    int any_ip = 0, bad_ip = 0;

    if (raw)
        *raw = len > 14 ? tonic_csum_sum(frame + 14, len - 14, 0) : 0;

    if (config_csum & TONIC_CONFIG_CSUM_RX_IP4) {
        unsigned ihl = tonic_pmeta_ihl(pmeta), iihl = tonic_pmeta_iihl(pmeta);
        int r;
        if (ihl != 0 && (r = ip4_hdr_ok(frame, len, tonic_pmeta_l3_off(pmeta), ihl)) >= 0) {
            fl |= r ? TONIC_CSUMF_OUTER_IP_OK : TONIC_CSUMF_OUTER_IP_BAD;
            any_ip = 1;
            bad_ip |= !r;
        }
        if (iihl != 0 && (r = ip4_hdr_ok(frame, len, tonic_pmeta_il3_off(pmeta), iihl)) >= 0) {
            fl |= r ? TONIC_CSUMF_INNER_IP_OK : TONIC_CSUMF_INNER_IP_BAD;
            any_ip = 1;
            bad_ip |= !r;
        }
        if (any_ip)
            fl |= bad_ip ? TONIC_CSUMF_IP_BAD : TONIC_CSUMF_IP_OK;
    }

    if (tonic_pmeta_err(pmeta) == 0) {
        int inner = tonic_pmeta_tun(pmeta) != 0;
        unsigned l4 = inner ? tonic_pmeta_il4(pmeta) : tonic_pmeta_l4(pmeta);
        unsigned l3 = inner ? tonic_pmeta_il3(pmeta) : tonic_pmeta_l3(pmeta);
        unsigned l3_off = inner ? tonic_pmeta_il3_off(pmeta) : tonic_pmeta_l3_off(pmeta);
        unsigned l4_off = inner ? tonic_pmeta_il4_off(pmeta) : tonic_pmeta_l4_off(pmeta);
        unsigned end = inner ? tonic_pmeta_il3_end(pmeta) : tonic_pmeta_l3_end(pmeta);
        int tcp = l4 == TONIC_PTYPE_L4_TCP, udp = l4 == TONIC_PTYPE_L4_UDP;
        int ip6 = l3 == TONIC_PTYPE_L3_IP6;
        uint32_t en;
        uint16_t ph;
        if (tcp)
            en = ip6 ? TONIC_CONFIG_CSUM_RX_TCP6 : TONIC_CONFIG_CSUM_RX_TCP4;
        else
            en = ip6 ? TONIC_CONFIG_CSUM_RX_UDP6 : TONIC_CONFIG_CSUM_RX_UDP4;
        if ((tcp || udp) && (config_csum & en) && l4_off + (tcp ? 20u : 8u) <= end && end <= len &&
            pseudo_of(frame, len, l3, l3_off, tcp ? 6 : 17, end - l4_off, &ph) == 0) {
            if (udp && !ip6 && rd16(frame + l4_off + 6) == 0) {
                /* UDP over IPv4 without a checksum: neither OK nor BAD */
            } else {
                int ok = tonic_csum_sum(frame + l4_off, end - l4_off, ph) == 0xFFFFu;
                if (tcp)
                    fl |= ok ? TONIC_CSUMF_TCP_OK : TONIC_CSUMF_TCP_BAD;
                else
                    fl |= ok ? TONIC_CSUMF_UDP_OK : TONIC_CSUMF_UDP_BAD;
            }
        }
    }
    if (flags)
        *flags = (uint16_t)fl;
}

/* ---------------------------------------------------------------------------------------------
 * TX insertion */

struct tx_write {
    unsigned off;
    uint16_t val;
    unsigned bit;
};

/* range start and field inside the 256-byte header window */
static int in_window(unsigned start, unsigned field)
{
    return start < TONIC_PARSE_WINDOW && field + 2 <= TONIC_PARSE_WINDOW;
}

/* ~sum of an IPv4 header at x with its checksum field counted as 0; -1 if not computable (the
 * whole header must be in the frame and end at or before byte 256, docs/parser.md). */
static int ip4_hdr_csum(const uint8_t *f, unsigned len, unsigned x, unsigned ihl, uint16_t *out)
{
    uint16_t s;
    if (ihl < 5 || x + 4 * ihl > len || x + 4 * ihl > TONIC_PARSE_WINDOW)
        return -1;
    s = tonic_csum_sum(f + x, 10, 0);
    s = tonic_csum_sum(f + x + 12, 4 * ihl - 12, s);
    *out = (uint16_t)~s;
    return 0;
}

unsigned tonic_tx_csum(uint8_t *frame, unsigned len, const uint32_t txd[8], const uint32_t pmeta[7],
                       uint32_t config_csum)
{
    struct tx_write w[3];
    unsigned nw = 0, res = 0, i;

    if (tonic_txd_csum_partial(txd)) {
        /* Linux style. Read literally, CSUM_PARTIAL selects this style alone: the NDIS bits are
         * not looked at, except CSUM_UDP for "0 becomes 0xFFFF". */
        unsigned s = tonic_txd_csum_start(txd), f = s + tonic_txd_csum_offset(txd);
        if (!(config_csum & TONIC_CONFIG_CSUM_PARTIAL) || !(s < len && f + 2 <= len) || !in_window(s, f)) {
            res |= TONIC_TXCS_SKIPPED;
        } else {
            uint16_t v = (uint16_t)~tonic_csum_sum(frame + s, len - s, 0);
            if (v == 0 && tonic_txd_csum_udp(txd))
                v = 0xFFFF;
            w[nw].off = f;
            w[nw].val = v;
            w[nw].bit = TONIC_TXCS_PARTIAL;
            nw++;
        }
    } else if (tonic_txd_csum_ip4(txd) || tonic_txd_csum_ip6(txd)) {
        int enc = tonic_txd_enc(txd) != 0;
        unsigned enc_ip = tonic_txd_enc_frame_off(txd) + tonic_txd_enc_ip_off(txd);
        int tcp = tonic_txd_csum_tcp(txd) != 0, udp = tonic_txd_csum_udp(txd) != 0;

        /* IP headers (CSUM_IPHDR): the outer one when CSUM_IP4, the inner one when ENC and not
         * ENC_IP6, whatever the outer version */
        int want_o = tonic_txd_csum_iphdr(txd) && tonic_txd_csum_ip4(txd);
        int want_i = tonic_txd_csum_iphdr(txd) && enc && !tonic_txd_enc_ip6(txd);
        if (want_o || want_i) {
            if (!(config_csum & TONIC_CONFIG_CSUM_TX_IP4)) {
                res |= TONIC_TXCS_SKIPPED;
            } else {
                unsigned ihl = tonic_pmeta_ihl(pmeta);
                uint16_t v;
                if (!want_o) {
                    /* no outer request */
                } else if (ihl != 0 && ip4_hdr_csum(frame, len, tonic_pmeta_l3_off(pmeta), ihl, &v) == 0) {
                    w[nw].off = tonic_pmeta_l3_off(pmeta) + 10;
                    w[nw].val = v;
                    w[nw].bit = TONIC_TXCS_OUTER_IP;
                    nw++;
                } else {
                    res |= TONIC_TXCS_SKIPPED;
                }
                if (want_i) {
                    if (enc_ip < len && frame[enc_ip] >> 4 == 4 &&
                        ip4_hdr_csum(frame, len, enc_ip, frame[enc_ip] & 15u, &v) == 0) {
                        w[nw].off = enc_ip + 10;
                        w[nw].val = v;
                        w[nw].bit = TONIC_TXCS_INNER_IP;
                        nw++;
                    } else {
                        res |= TONIC_TXCS_SKIPPED;
                    }
                }
            }
        }

        if (tcp || udp) {
            /* `a = L4_OFF` is read as the descriptor's TXD.L4_OFF ("request bits come from the
             * frame's first TX descriptor"; the ENC variant is made of TXD fields too). */
            unsigned a = enc ? enc_ip + tonic_txd_enc_l4_off(txd) : tonic_txd_l4_off(txd);
            int ip6 = enc ? tonic_txd_enc_ip6(txd) != 0 : tonic_txd_csum_ip6(txd) != 0;
            uint32_t en = tcp ? (ip6 ? TONIC_CONFIG_CSUM_TX_TCP6 : TONIC_CONFIG_CSUM_TX_TCP4)
                              : (ip6 ? TONIC_CONFIG_CSUM_TX_UDP6 : TONIC_CONFIG_CSUM_TX_UDP4);
            unsigned fo = a + (tcp ? 16u : 6u);
            if ((tcp && udp) || !(config_csum & en) || a + (tcp ? 20u : 8u) > len || !in_window(a, fo)) {
                res |= TONIC_TXCS_SKIPPED;
            } else {
                uint16_t v = (uint16_t)~tonic_csum_sum(frame + a, len - a, 0);
                if (udp && v == 0)
                    v = 0xFFFF;
                w[nw].off = fo;
                w[nw].val = v;
                w[nw].bit = TONIC_TXCS_L4;
                nw++;
            }
        }
    }
    /* NDIS: neither CSUM_IP4 nor CSUM_IP6 means "compute nothing", which is not counted as a skip. */

    /* All sums above were taken over the frame as it arrived; now the fields are written, in the
     * order outer IP, inner IP, L4 (a later write wins if a malformed request makes them overlap). */
    for (i = 0; i < nw; i++) {
        wr16(frame + w[i].off, w[i].val);
        res |= TONIC_TXCS_WRITTEN | w[i].bit;
    }
    return res;
}

/* ---------------------------------------------------------------------------------------------
 * the stack side: request + seed */

int tonic_tx_csum_request(uint8_t *frame, unsigned len, uint32_t txd[8], int style)
{
    uint32_t pm[TONIC_PMETA_WORDS];
    int tun, l4ok, tcp;
    unsigned l3, l3_off, l4, l4_off, end, fo;
    uint16_t seed;

    if (style != TONIC_CSUM_STYLE_NDIS && style != TONIC_CSUM_STYLE_LINUX)
        return -1;
    /* clear every checksum request field (words 3, 4 and the ENC fields of word 6) */
    tonic_set_txd_csum_ip4(txd, 0);
    tonic_set_txd_csum_ip6(txd, 0);
    tonic_set_txd_csum_tcp(txd, 0);
    tonic_set_txd_csum_udp(txd, 0);
    tonic_set_txd_csum_iphdr(txd, 0);
    tonic_set_txd_csum_partial(txd, 0);
    tonic_set_txd_l4_off(txd, 0);
    tonic_set_txd_csum_start(txd, 0);
    tonic_set_txd_csum_offset(txd, 0);
    tonic_set_txd_enc_frame_off(txd, 0);
    tonic_set_txd_enc_ip_off(txd, 0);
    tonic_set_txd_enc_l4_off(txd, 0);
    tonic_set_txd_enc(txd, 0);
    tonic_set_txd_enc_ip6(txd, 0);
    tonic_set_txd_enc_tcpopt(txd, 0);

    tonic_parse(frame, len, pm);
    tun = tonic_pmeta_tun(pm) != 0;
    l3 = tun ? tonic_pmeta_il3(pm) : tonic_pmeta_l3(pm);
    l3_off = tun ? tonic_pmeta_il3_off(pm) : tonic_pmeta_l3_off(pm);
    l4 = tun ? tonic_pmeta_il4(pm) : tonic_pmeta_l4(pm);
    l4_off = tun ? tonic_pmeta_il4_off(pm) : tonic_pmeta_l4_off(pm);
    end = tun ? tonic_pmeta_il3_end(pm) : tonic_pmeta_l3_end(pm);
    tcp = l4 == TONIC_PTYPE_L4_TCP;
    fo = l4_off + (tcp ? 16u : 6u);
    /* the innermost TCP/UDP header, parsed without error, its field inside the header window */
    l4ok = tonic_pmeta_err(pm) == 0 && (tcp || l4 == TONIC_PTYPE_L4_UDP) && in_window(l4_off, fo) && end <= len &&
           l4_off + (tcp ? 20u : 8u) <= end &&
           (l3 == TONIC_PTYPE_L3_IP4 ? l3_off + 20 <= len : l3_off + 40 <= len);
    if (l4ok) {
        if (l3 == TONIC_PTYPE_L3_IP4)
            seed = tonic_csum_pseudo4(frame + l3_off + 12, frame + l3_off + 16, tcp ? 6 : 17, end - l4_off);
        else
            seed = tonic_csum_pseudo6(frame + l3_off + 8, frame + l3_off + 24, tcp ? 6 : 17, end - l4_off);
    } else {
        seed = 0;
    }

    if (style == TONIC_CSUM_STYLE_LINUX) {
        if (!l4ok)
            return 0;
        tonic_set_txd_csum_partial(txd, 1);
        tonic_set_txd_csum_start(txd, l4_off);
        tonic_set_txd_csum_offset(txd, tcp ? 16 : 6);
        if (!tcp)
            tonic_set_txd_csum_udp(txd, 1);
        wr16(frame + fo, seed);
        return 1;
    }

    /* NDIS: is_ipv4 / is_ipv6 describe the outer header */
    {
        unsigned ol3 = tonic_pmeta_l3(pm), ihl = tonic_pmeta_ihl(pm), ol3_off = tonic_pmeta_l3_off(pm);
        int o4 = ol3 == TONIC_PTYPE_L3_IP4 && ihl != 0;
        int o6 = ol3 == TONIC_PTYPE_L3_IP6 && tonic_pmeta_l3_end(pm) != 0;
        int any = 0;
        if (!o4 && !o6)
            return 0;
        if (o4 && ol3_off + 4 * ihl <= TONIC_PARSE_WINDOW && ol3_off + 4 * ihl <= len) {
            tonic_set_txd_csum_iphdr(txd, 1);
            wr16(frame + ol3_off + 10, 0);
            any = 1;
        }
        if (tun) {
            unsigned iframe = tonic_pmeta_tun(pm) == 2 ? tonic_pmeta_il2_off(pm) : tonic_pmeta_il3_off(pm);
            unsigned il3 = tonic_pmeta_il3(pm), il3_off = tonic_pmeta_il3_off(pm);
            unsigned iihl = tonic_pmeta_iihl(pm);
            int i4 = il3 == TONIC_PTYPE_L3_IP4 && iihl != 0;
            int i6 = il3 == TONIC_PTYPE_L3_IP6 && tonic_pmeta_il3_end(pm) != 0;
            if ((i4 || i6) && il3_off - iframe <= 0xFF && iframe <= 0x3FF) {
                tonic_set_txd_enc(txd, 1);
                tonic_set_txd_enc_frame_off(txd, iframe);
                tonic_set_txd_enc_ip_off(txd, il3_off - iframe);
                tonic_set_txd_enc_ip6(txd, i6);
                /* the inner IPv4 header checksum: CSUM_IPHDR with ENC (and not ENC_IP6) */
                if (i4 && il3_off + 4 * iihl <= TONIC_PARSE_WINDOW && il3_off + 4 * iihl <= len) {
                    tonic_set_txd_csum_iphdr(txd, 1);
                    wr16(frame + il3_off + 10, 0);
                    any = 1;
                }
                if (l4ok && l4_off - il3_off <= 0xFF) {
                    tonic_set_txd_enc_l4_off(txd, l4_off - il3_off);
                    if (tcp && 4u * (frame[l4_off + 12] >> 4) > 20)
                        tonic_set_txd_enc_tcpopt(txd, 1);
                } else {
                    l4ok = 0;
                }
            } else {
                l4ok = 0;
            }
        }
        if (l4ok) {
            if (tcp)
                tonic_set_txd_csum_tcp(txd, 1);
            else
                tonic_set_txd_csum_udp(txd, 1);
            tonic_set_txd_l4_off(txd, l4_off);
            wr16(frame + fo, seed);
            any = 1;
        }
        if (!any) {
            tonic_set_txd_enc(txd, 0);
            tonic_set_txd_enc_frame_off(txd, 0);
            tonic_set_txd_enc_ip_off(txd, 0);
            tonic_set_txd_enc_ip6(txd, 0);
            return 0;
        }
        tonic_set_txd_csum_ip4(txd, o4);
        tonic_set_txd_csum_ip6(txd, o6);
        return 1;
    }
}

/* ---------------------------------------------------------------------------------------------
 * text form */

/* appends to buf at *pos, keeping the snprintf convention of counting what did not fit */
static void app(char *buf, size_t n, size_t *pos, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void app(char *buf, size_t n, size_t *pos, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vsnprintf(*pos < n ? buf + *pos : NULL, *pos < n ? n - *pos : 0, fmt, ap);
    va_end(ap);
    if (r > 0)
        *pos += (size_t)r;
}

static int names_str(char *buf, size_t n, unsigned v, const char *const *names, const unsigned *bits,
                     unsigned count)
{
    size_t pos = 0;
    unsigned i;
    if (n)
        buf[0] = 0;
    for (i = 0; i < count; i++)
        if (v & bits[i]) {
            app(buf, n, &pos, "%s%s", pos ? "," : "", names[i]);
            v &= ~bits[i];
        }
    if (v)
        app(buf, n, &pos, "%s0x%x", pos ? "," : "", v);
    if (!pos)
        app(buf, n, &pos, "-");
    return (int)pos;
}

int tonic_csum_flags_str(char *buf, size_t n, unsigned flags)
{
    static const char *const names[] = {"IP_OK",       "IP_BAD",       "TCP_OK",      "TCP_BAD",
                                        "UDP_OK",      "UDP_BAD",      "OUTER_IP_OK", "OUTER_IP_BAD",
                                        "INNER_IP_OK", "INNER_IP_BAD"};
    static const unsigned bits[] = {TONIC_CSUMF_IP_OK,       TONIC_CSUMF_IP_BAD,       TONIC_CSUMF_TCP_OK,
                                    TONIC_CSUMF_TCP_BAD,     TONIC_CSUMF_UDP_OK,       TONIC_CSUMF_UDP_BAD,
                                    TONIC_CSUMF_OUTER_IP_OK, TONIC_CSUMF_OUTER_IP_BAD, TONIC_CSUMF_INNER_IP_OK,
                                    TONIC_CSUMF_INNER_IP_BAD};
    return names_str(buf, n, flags, names, bits, 10);
}

int tonic_perr_str(char *buf, size_t n, unsigned perr)
{
    static const char *const names[] = {"TRUNC", "BAD_HLEN", "LEN", "UNKNOWN", "DEEP", "BAD_VER"};
    static const unsigned bits[] = {TONIC_PERR_TRUNC,   TONIC_PERR_BAD_HLEN, TONIC_PERR_LEN,    TONIC_PERR_UNKNOWN,
                                    TONIC_PERR_DEEP,    TONIC_PERR_BAD_VER};
    return names_str(buf, n, perr, names, bits, 6);
}

static const char *l3_name(unsigned t)
{
    static const char *const n[] = {"none", "ip4", "ip6", "other"};
    return n[t & 3];
}
static const char *l4_name(unsigned t)
{
    static const char *const n[] = {"none", "tcp", "udp", "gre", "esp", "frag", "other", "7"};
    return n[t & 7];
}
static const char *udpx_name(unsigned t)
{
    static const char *const n[] = {"plain", "esp", "ike", "keepalive"};
    return n[t & 3];
}

void tonic_pmeta_to_rxc(const uint32_t pmeta[7], uint16_t csum_flags, uint16_t csum_raw, uint32_t rxc[8])
{
    uint32_t tun_id = 0;
    if (tonic_pmeta_key_v(pmeta))
        tun_id = tonic_pmeta_gre_key(pmeta);
    else if (tonic_pmeta_spi_v(pmeta))
        tun_id = tonic_pmeta_spi(pmeta);
    tonic_set_rxc_ptype(rxc, pmeta[0] & 0xFFFFFFu);
    tonic_set_rxc_perr(rxc, tonic_pmeta_err(pmeta));
    tonic_set_rxc_l3_off(rxc, tonic_pmeta_l3_off(pmeta));
    tonic_set_rxc_l4_off(rxc, tonic_pmeta_l4_off(pmeta));
    tonic_set_rxc_il3_off(rxc, tonic_pmeta_il3_off(pmeta));
    tonic_set_rxc_il4_off(rxc, tonic_pmeta_il4_off(pmeta));
    tonic_set_rxc_tun_id(rxc, tun_id);
    tonic_set_rxc_csum_flags(rxc, csum_flags);
    tonic_set_rxc_csum_raw(rxc, csum_raw);
}

int tonic_rxmeta_format(char *buf, size_t n, const uint32_t rxc[8])
{
    /* PTYPE holds PMETA word 0 bits 0..23, so the PMETA accessors read it directly */
    uint32_t pt[1];
    size_t pos = 0;
    char tmp[128];
    unsigned l3, l4, il3, il4, tun;
    pt[0] = tonic_rxc_ptype(rxc);
    l3 = tonic_pmeta_l3(pt);
    l4 = tonic_pmeta_l4(pt);
    il3 = tonic_pmeta_il3(pt);
    il4 = tonic_pmeta_il4(pt);
    tun = tonic_pmeta_tun(pt);
    if (n)
        buf[0] = 0;
    if (tonic_pmeta_vlans(pt))
        app(buf, n, &pos, "vlan=%u ", (unsigned)tonic_pmeta_vlans(pt));
    if (l3 == TONIC_PTYPE_L3_IP4 || l3 == TONIC_PTYPE_L3_IP6)
        app(buf, n, &pos, "l3=%s@%u", l3_name(l3), (unsigned)tonic_rxc_l3_off(rxc));
    else
        app(buf, n, &pos, "l3=%s", l3_name(l3));
    if (tonic_pmeta_ah(pt))
        app(buf, n, &pos, " ah");
    if (l4)
        app(buf, n, &pos, " l4=%s@%u", l4_name(l4), (unsigned)tonic_rxc_l4_off(rxc));
    if (tonic_pmeta_udpx(pt))
        app(buf, n, &pos, " udpx=%s", udpx_name(tonic_pmeta_udpx(pt)));
    if (tun) {
        app(buf, n, &pos, " tun=%s", tun == 1 ? "gre-ip" : tun == 2 ? (tonic_pmeta_key_v(pt) ? "nvgre" : "gre-eth") : "3");
    }
    if (tonic_pmeta_key_v(pt)) {
        uint32_t k = tonic_rxc_tun_id(rxc);
        if (tun == 2)
            app(buf, n, &pos, " vsid=0x%06x flow=0x%02x", (unsigned)(k >> 8), (unsigned)(k & 0xFF));
        else
            app(buf, n, &pos, " key=0x%08x", (unsigned)k);
    } else if (tonic_pmeta_spi_v(pt)) {
        app(buf, n, &pos, " spi=0x%08x", (unsigned)tonic_rxc_tun_id(rxc));
    }
    if (tun == 2)
        app(buf, n, &pos, " ivlan=%u", (unsigned)tonic_pmeta_ivlans(pt));
    if (il3 == TONIC_PTYPE_L3_IP4 || il3 == TONIC_PTYPE_L3_IP6)
        app(buf, n, &pos, " il3=%s@%u", l3_name(il3), (unsigned)tonic_rxc_il3_off(rxc));
    else if (il3)
        app(buf, n, &pos, " il3=%s", l3_name(il3));
    if (tonic_pmeta_iah(pt))
        app(buf, n, &pos, " iah");
    if (il4)
        app(buf, n, &pos, " il4=%s@%u", l4_name(il4), (unsigned)tonic_rxc_il4_off(rxc));
    if (tonic_pmeta_iudpx(pt))
        app(buf, n, &pos, " iudpx=%s", udpx_name(tonic_pmeta_iudpx(pt)));
    if (tonic_rxc_perr(rxc)) {
        tonic_perr_str(tmp, sizeof tmp, tonic_rxc_perr(rxc));
        app(buf, n, &pos, " perr=%s", tmp);
    }
    tonic_csum_flags_str(tmp, sizeof tmp, tonic_rxc_csum_flags(rxc));
    app(buf, n, &pos, " csum=%s raw=0x%04x", tmp, (unsigned)tonic_rxc_csum_raw(rxc));
    return (int)pos;
}

int tonic_pmeta_format(char *buf, size_t n, const uint32_t pmeta[7], uint16_t csum_flags, uint16_t csum_raw)
{
    uint32_t rxc[8];
    memset(rxc, 0, sizeof rxc);
    tonic_pmeta_to_rxc(pmeta, csum_flags, csum_raw, rxc);
    return tonic_rxmeta_format(buf, n, rxc);
}

void tonic_pmeta_print(FILE *out, const uint32_t pmeta[7])
{
    char line[512];
    uint32_t rxc[8];
    memset(rxc, 0, sizeof rxc);
    tonic_pmeta_to_rxc(pmeta, 0, 0, rxc);
    tonic_rxmeta_format(line, sizeof line, rxc);
    /* the checksum part is not known from PMETA alone: print the parse part and PMETA extras */
    {
        char *c = strstr(line, " csum=");
        if (c)
            *c = 0;
    }
    fprintf(out, "%s len=%u l3_end=%u ihl=%u", line, (unsigned)tonic_pmeta_len(pmeta),
            (unsigned)tonic_pmeta_l3_end(pmeta), (unsigned)tonic_pmeta_ihl(pmeta));
    if (tonic_pmeta_tun(pmeta))
        fprintf(out, " il2@%u il3_end=%u iihl=%u", (unsigned)tonic_pmeta_il2_off(pmeta),
                (unsigned)tonic_pmeta_il3_end(pmeta), (unsigned)tonic_pmeta_iihl(pmeta));
    fputc('\n', out);
}
