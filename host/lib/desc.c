/* SPDX-License-Identifier: MIT */
/* desc.c — descriptor and completion formats (see desc.h). Entries are built in a local copy and
 * then stored whole, so the ring never holds a half-updated descriptor with stale fields. */
#include <string.h>

#include "desc.h"
#include "tonic_regs.h"

static uint32_t flag(uint32_t flags, uint32_t bit)
{
    return (flags & bit) ? 1u : 0u;
}

void tonic_txd_encode(void *d, uint64_t addr, uint32_t len, bool eop, const struct tonic_tx_meta *meta)
{
    uint32_t w[TONIC_TXD_SIZE / 4] = {0};

    tonic_set_txd_addr_lo(w, (uint32_t)addr);
    tonic_set_txd_addr_hi(w, (uint32_t)(addr >> 32));
    tonic_set_txd_len(w, len);
    tonic_set_txd_eop(w, eop);
    if (meta) {
        uint32_t f = meta->flags;

        tonic_set_txd_csum_ip4(w, flag(f, TONIC_TXM_CSUM_IP4));
        tonic_set_txd_csum_ip6(w, flag(f, TONIC_TXM_CSUM_IP6));
        tonic_set_txd_csum_tcp(w, flag(f, TONIC_TXM_CSUM_TCP));
        tonic_set_txd_csum_udp(w, flag(f, TONIC_TXM_CSUM_UDP));
        tonic_set_txd_csum_iphdr(w, flag(f, TONIC_TXM_CSUM_IPHDR));
        tonic_set_txd_csum_partial(w, flag(f, TONIC_TXM_CSUM_PARTIAL));
        tonic_set_txd_l4_off(w, meta->l4_off);
        tonic_set_txd_csum_start(w, meta->csum_start);
        tonic_set_txd_csum_offset(w, meta->csum_offset);
        tonic_set_txd_mss(w, meta->mss);
        tonic_set_txd_lso(w, flag(f, TONIC_TXM_LSO));
        tonic_set_txd_lso_v2(w, flag(f, TONIC_TXM_LSO_V2));
        tonic_set_txd_lso_ip6(w, flag(f, TONIC_TXM_LSO_IP6));
        tonic_set_txd_lso_fixedid(w, flag(f, TONIC_TXM_LSO_FIXEDID));
        tonic_set_txd_enc_frame_off(w, meta->enc_frame_off);
        tonic_set_txd_enc_ip_off(w, meta->enc_ip_off);
        tonic_set_txd_enc_l4_off(w, meta->enc_l4_off);
        tonic_set_txd_enc(w, flag(f, TONIC_TXM_ENC));
        tonic_set_txd_enc_ip6(w, flag(f, TONIC_TXM_ENC_IP6));
        tonic_set_txd_enc_tcpopt(w, flag(f, TONIC_TXM_ENC_TCPOPT));
        tonic_set_txd_sa_handle(w, meta->sa_handle);
    }
    memcpy(d, w, sizeof(w));
}

void tonic_rxd_encode(void *d, uint64_t addr, uint32_t len)
{
    uint32_t w[TONIC_RXD_SIZE / 4] = {0};

    tonic_set_rxd_addr_lo(w, (uint32_t)addr);
    tonic_set_rxd_addr_hi(w, (uint32_t)(addr >> 32));
    tonic_set_rxd_len(w, len);
    memcpy(d, w, sizeof(w));
}

/* The phase field is the last word of an entry; load it with acquire semantics. */
static uint32_t load_phase(const void *e, unsigned word, unsigned lsb)
{
    uint32_t v = __atomic_load_n((const uint32_t *)e + word, __ATOMIC_ACQUIRE);

    return (v >> lsb) & 1u;
}

bool tonic_txc_ready(const void *e, uint32_t phase)
{
    const unsigned field[3] = {TONIC_TXC_PHASE};

    return load_phase(e, field[0], field[1]) == phase;
}

bool tonic_rxc_ready(const void *e, uint32_t phase)
{
    const unsigned field[3] = {TONIC_RXC_PHASE};

    return load_phase(e, field[0], field[1]) == phase;
}

void tonic_txc_decode(const void *e, struct tonic_tx_cpl *c)
{
    memset(c, 0, sizeof(*c));
    c->desc_idx = (uint16_t)tonic_txc_desc_idx(e);
    c->ndesc = (uint8_t)tonic_txc_ndesc(e);
    c->queue = (uint8_t)tonic_txc_queue(e);
    c->bytes = tonic_txc_bytes(e);
    c->status = (uint8_t)tonic_txc_status(e);
    c->ipsec_st = (uint8_t)tonic_txc_ipsec_st(e);
}

void tonic_rxc_decode(const void *e, struct tonic_rx_meta *m)
{
    memset(m, 0, sizeof(*m));
    m->desc_idx = (uint16_t)tonic_rxc_desc_idx(e);
    m->ndesc = (uint8_t)tonic_rxc_ndesc(e);
    m->queue = (uint8_t)tonic_rxc_queue(e);
    m->len = tonic_rxc_len(e);
    m->status = (uint8_t)tonic_rxc_status(e);
    m->csum_flags = (uint16_t)tonic_rxc_csum_flags(e);
    m->csum_raw = (uint16_t)tonic_rxc_csum_raw(e);
    m->perr = (uint8_t)tonic_rxc_perr(e);
    m->ptype = tonic_rxc_ptype(e);
    m->l3_off = (uint16_t)tonic_rxc_l3_off(e);
    m->l4_off = (uint16_t)tonic_rxc_l4_off(e);
    m->il3_off = (uint16_t)tonic_rxc_il3_off(e);
    m->il4_off = (uint16_t)tonic_rxc_il4_off(e);
    m->tun_id = tonic_rxc_tun_id(e);
    m->rss_hash = tonic_rxc_rss_hash(e);
    m->ipsec_st = (uint8_t)tonic_rxc_ipsec_st(e);
    memcpy(m->cpl, (const void *)e, sizeof(m->cpl));
}
