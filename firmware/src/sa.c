/* SPDX-License-Identifier: MIT */
/* sa.c — SA_ADD / SA_UPDATE / SA_DEL / SA_LIST / RESET on the hardware SA table (docs/mailbox.md).
 *
 * State: gen[i] (the generation of index i) and the count of valid SAs. Everything else about an
 * SA lives in SATBL entry i (read and written through the HAL) and in key slot i (written only).
 * SA_ADD validates in the protocol's order — 1. BAD_VALUE (PROTO 0, unknown algorithm numbers),
 * 2. REFUSED_ALG, 3. BAD_VALUE (algorithm combination, key and ICV lengths), 4. UNSUPPORTED against
 * CONFIG, 5. EXISTS / NO_SPACE — and only then touches the hardware: key slot first, then the
 * entry's words, META (VALID) last, so the datapath never sees a half-written SA. */
#include "sa.h"

#include "hal.h"
#include "offload.h"

/* SATBL entry words */
enum {
    E_SPI = TONIC_P_SATBL_SPI / 4,
    E_DST = TONIC_P_SATBL_DST / 4,
    E_META = TONIC_P_SATBL_META / 4,
    E_HANDLE = TONIC_P_SATBL_HANDLE / 4,
    E_FLAGS = TONIC_P_SATBL_FLAGS / 4,
    E_ALGS = TONIC_P_SATBL_ALGS / 4,
    E_ESN_HI = TONIC_P_SATBL_ESN_HI / 4,
    E_SRC = TONIC_P_SATBL_SRC / 4,
    E_PORTS = TONIC_P_SATBL_PORTS / 4,
};

/* SA request words */
enum {
    W_FLAGS = FW_WORD(TONIC_SA_DIR),
    W_SPI = FW_WORD(TONIC_SA_SPI),
    W_ALGS = FW_WORD(TONIC_SA_ENC_ALG),
    W_ESN_HI = FW_WORD(TONIC_SA_ESN_HI),
    W_SRC = FW_WORD(TONIC_SA_SRC),
    W_DST = FW_WORD(TONIC_SA_DST),
    W_PORTS = FW_WORD(TONIC_SA_UDP_SPORT),
    W_SALT = FW_WORD(TONIC_SA_SALT),
    W_ENC_KEY = FW_WORD(TONIC_SA_ENC_KEY),
    W_AUTH_KEY = FW_WORD(TONIC_SA_AUTH_KEY),
};

#define FMASK FW_FMASK
/* the defined bits of word 0 (stored as FLAGS; undefined bits are dropped) */
#define FLAGS_MASK (FMASK(TONIC_SA_DIR) | FMASK(TONIC_SA_AF) | FMASK(TONIC_SA_PROTO) | FMASK(TONIC_SA_TUNNEL) | \
                    FMASK(TONIC_SA_ESN) | FMASK(TONIC_SA_UDP_ENCAP) | FMASK(TONIC_SA_REPLAY))
#define PORTS_MASK (FMASK(TONIC_SA_UDP_SPORT) | FMASK(TONIC_SA_UDP_DPORT))

static uint16_t gen[FW_SATBL_ENTRIES];
static unsigned count;

enum { K_NONE, K_GCM, K_GMAC, K_CBC, K_REFUSED };

static const struct {
    uint8_t kind, key_len, alg_bit;
    const char *name;
} enc_alg[] = {
    [TONIC_SA_ENC_NONE] = {K_NONE, 0, 0, "ENC_ALG NONE"},
    [TONIC_SA_ENC_AES_GCM_128] = {K_GCM, 16, TONIC_IPSEC_ALG_AES_GCM_128, "AES-GCM-128"},
    [TONIC_SA_ENC_AES_GCM_192] = {K_GCM, 24, TONIC_IPSEC_ALG_AES_GCM_192, "AES-GCM-192"},
    [TONIC_SA_ENC_AES_GCM_256] = {K_GCM, 32, TONIC_IPSEC_ALG_AES_GCM_256, "AES-GCM-256"},
    [TONIC_SA_ENC_AES_GMAC_128] = {K_GMAC, 16, TONIC_IPSEC_ALG_AES_GMAC_128, "AES-GMAC-128"},
    [TONIC_SA_ENC_AES_GMAC_256] = {K_GMAC, 32, TONIC_IPSEC_ALG_AES_GMAC_256, "AES-GMAC-256"},
    [TONIC_SA_ENC_AES_CBC_128] = {K_CBC, 16, TONIC_IPSEC_ALG_AES_CBC_128, "AES-CBC-128"},
    [TONIC_SA_ENC_AES_CBC_256] = {K_CBC, 32, TONIC_IPSEC_ALG_AES_CBC_256, "AES-CBC-256"},
    [TONIC_SA_ENC_DES] = {K_REFUSED, 0, 0, "DES"},
    [TONIC_SA_ENC_3DES] = {K_REFUSED, 0, 0, "3DES"},
};
#define N_ENC (sizeof enc_alg / sizeof enc_alg[0])

static const struct {
    uint8_t refused, key_len, icv_len, alg_bit;
    const char *name;
} auth_alg[] = {
    [TONIC_SA_AUTH_NONE] = {0, 0, 0, 0, "AUTH_ALG NONE"},
    [TONIC_SA_AUTH_HMAC_SHA256_128] = {0, 32, 16, TONIC_IPSEC_ALG_HMAC_SHA256_128, "HMAC-SHA-256-128"},
    [TONIC_SA_AUTH_HMAC_SHA1_96] = {0, 20, 12, TONIC_IPSEC_ALG_HMAC_SHA1_96, "HMAC-SHA1-96"},
    [TONIC_SA_AUTH_HMAC_MD5_96] = {1, 0, 0, 0, "HMAC-MD5-96"},
};
#define N_AUTH (sizeof auth_alg / sizeof auth_alg[0])

unsigned sa_count(void)
{
    return count;
}

unsigned sa_capacity(void)
{
    uint32_t c = offload_caps(OFL_IPSEC_SAS);
    return c < FW_SATBL_ENTRIES ? (unsigned)c : FW_SATBL_ENTRIES;
}

uint16_t sa_generation(unsigned idx)
{
    return idx < FW_SATBL_ENTRIES ? gen[idx] : 0;
}

unsigned sa_hash(uint32_t spi, const uint32_t dst[4], uint32_t proto)
{
    uint32_t x = spi ^ dst[0] ^ dst[1] ^ dst[2] ^ dst[3] ^ (proto << 30);
    return (unsigned)((x * FW_SA_HASH_MUL) >> (32u - FW_SATBL_HASH_BITS));
}

static void key_slot_zero(unsigned idx)
{
    hal_key_slot(idx);
    for (unsigned k = 0; k < FW_KEY_SLOT_WORDS; k++)
        hal_key_write(0);
}

/* write key slot idx: the used bytes of each key (enc_len, auth_len), the salt if asked, the rest
 * of the slot zero */
static void key_slot_write(unsigned idx, sa_secret_fn get, unsigned enc_len, unsigned auth_len, int salt)
{
    hal_key_slot(idx);
    for (unsigned k = 0; k < FW_KEY_SLOT_WORDS; k++) {
        unsigned src = 0, bytes = 0; /* request word and how many of its bytes are key */
        if (k < FW_KEY_ENC_WORD + FW_KEY_MAX_WORDS) {
            src = W_ENC_KEY + (k - FW_KEY_ENC_WORD);
            bytes = enc_len > 4u * (k - FW_KEY_ENC_WORD) ? enc_len - 4u * (k - FW_KEY_ENC_WORD) : 0;
        } else if (k < FW_KEY_AUTH_WORD + FW_KEY_MAX_WORDS) {
            src = W_AUTH_KEY + (k - FW_KEY_AUTH_WORD);
            bytes = auth_len > 4u * (k - FW_KEY_AUTH_WORD) ? auth_len - 4u * (k - FW_KEY_AUTH_WORD) : 0;
        } else if (k == FW_KEY_SALT_WORD && salt) {
            src = W_SALT;
            bytes = 4;
        }
        if (!bytes) {
            hal_key_write(0);
        } else {
            /* little-endian: key byte b of a word is bits 8b+7..8b */
            uint32_t mask = bytes >= 4 ? 0xFFFFFFFFu : (1u << (8u * bytes)) - 1u;
            hal_key_write(get(src) & mask);
        }
    }
}

static void entry_clear(unsigned idx, uint32_t meta)
{
    hal_satbl_write(idx, E_META, meta); /* first: the datapath stops matching it */
    for (unsigned w = 0; w < FW_SATBL_ENTRY_WORDS; w++)
        if (w != E_META)
            hal_satbl_write(idx, w, 0);
}

void sa_init(void)
{
    hal_tables_clear(); /* whatever an earlier firmware left: every entry and key slot to zero */
    count = 0;
}

void sa_reset(void)
{
    /* every live handle goes stale, then the device's clear engine empties table and key store */
    for (unsigned i = 0; i < FW_SATBL_ENTRIES; i++)
        if (hal_satbl_read(i, E_META) & FW_SATBL_META_VALID)
            gen[i]++;
    hal_tables_clear();
    count = 0;
}

/* checks 1-3: values, refused algorithms, combinations and lengths */
static uint32_t check_values(const uint32_t *w, struct fw_status *s)
{
    uint32_t proto = tonic_sa_proto(w), enc = tonic_sa_enc_alg(w), auth = tonic_sa_auth_alg(w);
    uint32_t icv = tonic_sa_icv_len(w);

    if (proto == 0)
        return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_PROTO, "PROTO 0: must be 1 AH, 2 ESP or 3 AH and ESP");
    if (enc >= N_ENC)
        return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "unknown ENC_ALG");
    if (auth >= N_AUTH)
        return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "unknown AUTH_ALG");

    if (enc_alg[enc].kind == K_REFUSED) {
        fw_fail(s, TONIC_MBOX_ST_REFUSED_ALG, FW_SF_ENC_ALG, enc_alg[enc].name);
        fw_text(s, " refused (RFC 8221)");
        return s->st;
    }
    if (auth_alg[auth].refused) {
        fw_fail(s, TONIC_MBOX_ST_REFUSED_ALG, FW_SF_AUTH_ALG, auth_alg[auth].name);
        fw_text(s, " refused (RFC 8221)");
        return s->st;
    }

    unsigned kind = enc_alg[enc].kind;
    int hmac = auth != TONIC_SA_AUTH_NONE;
    if (proto == FW_SA_PROTO_ESP) {
        if (kind == K_NONE)
            return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "ESP needs AES-GCM, AES-GMAC or AES-CBC");
        if ((kind == K_GCM || kind == K_GMAC) && hmac)
            return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "ESP with AES-GCM/GMAC needs AUTH_ALG NONE");
        if (kind == K_CBC && !hmac)
            return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "ESP with AES-CBC needs an HMAC");
    } else if (proto == FW_SA_PROTO_AH) {
        if (kind != K_NONE)
            return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "AH needs ENC_ALG NONE");
        if (!hmac)
            return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "AH needs an HMAC");
    } else {
        if (kind == K_NONE)
            return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_ALG, "AH and ESP need a cipher and an HMAC");
        if (!hmac)
            return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_ALG, "AH and ESP need a cipher and an HMAC");
    }

    if (tonic_sa_enc_key_len(w) != enc_alg[enc].key_len) {
        fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ENC_KEY_LEN, "ENC_KEY_LEN must be ");
        fw_text_u(s, enc_alg[enc].key_len);
        fw_text(s, " for ");
        fw_text(s, enc_alg[enc].name);
        return s->st;
    }
    if (tonic_sa_auth_key_len(w) != auth_alg[auth].key_len) {
        fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_AUTH_KEY_LEN, "AUTH_KEY_LEN must be ");
        fw_text_u(s, auth_alg[auth].key_len);
        fw_text(s, " for ");
        fw_text(s, auth_alg[auth].name);
        return s->st;
    }
    /* ICV_LEN must suit every algorithm that produces an ICV in this SA */
    if (kind == K_GCM && icv != 8 && icv != 12 && icv != 16)
        return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ICV_LEN, "ICV_LEN must be 8, 12 or 16 for AES-GCM");
    if (kind == K_GMAC && icv != 16)
        return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ICV_LEN, "ICV_LEN must be 16 for AES-GMAC");
    if (hmac && icv != auth_alg[auth].icv_len) {
        fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_SF_ICV_LEN, "ICV_LEN must be ");
        fw_text_u(s, auth_alg[auth].icv_len);
        fw_text(s, " for ");
        fw_text(s, auth_alg[auth].name);
        return s->st;
    }
    return TONIC_MBOX_ST_OK;
}

/* check 4: what the current configuration allows */
static uint32_t check_config(const uint32_t *w, struct fw_status *s)
{
    static const uint32_t proto_bit[4] = {0, FW_IPSEC_AH, FW_IPSEC_ESP, FW_IPSEC_AH_ESP};
    static const char *const proto_name[4] = {"", "AH", "ESP", "AH and ESP"};
    uint32_t ipsec = offload_config(OFL_IPSEC), algs = offload_config(OFL_IPSEC_ALGS);
    uint32_t proto = tonic_sa_proto(w), enc = tonic_sa_enc_alg(w), auth = tonic_sa_auth_alg(w);

    if (!(ipsec & FW_IPSEC_PROTOS))
        return fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, 0, "IPsec offload is off (SET_PARAMS IPSEC)");
    if (!(ipsec & proto_bit[proto])) {
        fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_PROTO, proto_name[proto]);
        fw_text(s, " not enabled in CONFIG.IPSEC");
        return s->st;
    }
    if (tonic_sa_tunnel(w) ? !(ipsec & FW_IPSEC_TUNNEL) : !(ipsec & FW_IPSEC_TRANSPORT))
        return fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_TUNNEL,
                       tonic_sa_tunnel(w) ? "tunnel mode not supported" : "transport mode not supported");
    if (tonic_sa_udp_encap(w) && !(ipsec & FW_IPSEC_UDP_ESP))
        return fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_UDP_ENCAP, "UDP encapsulation not supported");
    if (tonic_sa_esn(w) && !(ipsec & FW_IPSEC_ESN))
        return fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_ESN, "ESN not supported");
    if (tonic_sa_replay(w) && !(ipsec & FW_IPSEC_REPLAY))
        return fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_REPLAY, "anti-replay window not supported");
    if (enc != TONIC_SA_ENC_NONE && !(algs & (1u << enc_alg[enc].alg_bit))) {
        fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_ENC_ALG, enc_alg[enc].name);
        fw_text(s, " not in CONFIG.IPSEC_ALGS");
        return s->st;
    }
    if (auth != TONIC_SA_AUTH_NONE && !(algs & (1u << auth_alg[auth].alg_bit))) {
        fw_fail(s, TONIC_MBOX_ST_UNSUPPORTED, FW_SF_AUTH_ALG, auth_alg[auth].name);
        fw_text(s, " not in CONFIG.IPSEC_ALGS");
        return s->st;
    }
    return TONIC_MBOX_ST_OK;
}

/* the address words as stored and hashed: IPv4 uses the first word only, the others are 0 */
static void addr_words(const uint32_t *w, unsigned first, uint32_t a[4])
{
    int v6 = tonic_sa_af(w) != 0;
    for (unsigned i = 0; i < 4; i++)
        a[i] = (i == 0 || v6) ? w[first + i] : 0;
}

uint32_t sa_add(const uint32_t *w, sa_secret_fn secret, uint32_t *handle, struct fw_status *s)
{
    uint32_t dst[4], src[4];
    uint32_t spi = tonic_sa_spi(w), proto = tonic_sa_proto(w);
    int inbound = tonic_sa_dir(w) == 0;

    fw_ok(s);
    if (check_values(w, s) != TONIC_MBOX_ST_OK || check_config(w, s) != TONIC_MBOX_ST_OK)
        return s->st;
    addr_words(w, W_DST, dst);
    addr_words(w, W_SRC, src);

    /* probe from h: remember the first free entry (empty or tombstone); an inbound SA must also
     * look past tombstones and valid entries up to an empty one for a duplicate */
    unsigned h = sa_hash(spi, dst, proto), slot = FW_SATBL_ENTRIES;
    for (unsigned i = 0; i < FW_SATBL_ENTRIES; i++) {
        unsigned e = (h + i) & (FW_SATBL_ENTRIES - 1u);
        uint32_t meta = hal_satbl_read(e, E_META);
        if (!(meta & FW_SATBL_META_VALID)) {
            if (slot == FW_SATBL_ENTRIES)
                slot = e;
            if (!meta || !inbound)
                break; /* empty: the end of the probe sequence */
            continue;
        }
        if (inbound && !(meta & FW_SATBL_META_DIR) && ((meta >> FW_SATBL_META_PROTO_LSB) & FW_FMAX(TONIC_SA_PROTO)) == proto &&
            hal_satbl_read(e, E_SPI) == spi && hal_satbl_read(e, E_DST) == dst[0] &&
            hal_satbl_read(e, E_DST + 1) == dst[1] && hal_satbl_read(e, E_DST + 2) == dst[2] &&
            hal_satbl_read(e, E_DST + 3) == dst[3])
            return fw_fail(s, TONIC_MBOX_ST_EXISTS, FW_SF_SPI, "inbound SA with this SPI, DST and PROTO exists");
    }
    if (count >= sa_capacity() || slot == FW_SATBL_ENTRIES)
        return fw_fail(s, TONIC_MBOX_ST_NO_SPACE, 0, "SA table full");

    unsigned kind = enc_alg[tonic_sa_enc_alg(w)].kind;
    key_slot_write(slot, secret, tonic_sa_enc_key_len(w), tonic_sa_auth_key_len(w),
                   kind == K_GCM || kind == K_GMAC);

    uint32_t hnd = ((uint32_t)gen[slot] << 16) | (slot + 1u);
    hal_satbl_write(slot, E_SPI, spi);
    for (unsigned i = 0; i < 4; i++) {
        hal_satbl_write(slot, E_DST + i, dst[i]);
        hal_satbl_write(slot, E_SRC + i, src[i]);
    }
    hal_satbl_write(slot, E_HANDLE, hnd);
    hal_satbl_write(slot, E_FLAGS, w[W_FLAGS] & FLAGS_MASK);
    hal_satbl_write(slot, E_ALGS, w[W_ALGS]);
    hal_satbl_write(slot, E_ESN_HI, w[W_ESN_HI]);
    hal_satbl_write(slot, E_PORTS, w[W_PORTS] & PORTS_MASK);
    hal_satbl_write(slot, E_META,
                    FW_SATBL_META_VALID | (tonic_sa_af(w) ? FW_SATBL_META_AF : 0) |
                        (proto << FW_SATBL_META_PROTO_LSB) | (inbound ? 0 : FW_SATBL_META_DIR));
    count++;
    *handle = hnd;
    return TONIC_MBOX_ST_OK;
}

/* the index of a live handle, or FW_SATBL_ENTRIES (NOT_FOUND filled in) */
static unsigned lookup(uint32_t handle, struct fw_status *s)
{
    uint32_t low = handle & 0xFFFFu;
    unsigned idx = (unsigned)low - 1u;
    if (low == 0 || low > FW_SATBL_ENTRIES || (handle >> 16) != gen[idx] ||
        !(hal_satbl_read(idx, E_META) & FW_SATBL_META_VALID)) {
        fw_fail(s, TONIC_MBOX_ST_NOT_FOUND, FW_XF_HANDLE, "no SA with this handle");
        return FW_SATBL_ENTRIES;
    }
    return idx;
}

uint32_t sa_update(uint32_t handle, uint32_t esn_hi, struct fw_status *s)
{
    fw_ok(s);
    unsigned idx = lookup(handle, s);
    if (idx == FW_SATBL_ENTRIES)
        return s->st;
    uint32_t flags = hal_satbl_read(idx, E_FLAGS);
    if (!tonic_sa_esn(&flags))
        return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_XF_ESN_HI, "SA has no ESN: ESN_HI cannot change");
    hal_satbl_write(idx, E_ESN_HI, esn_hi);
    return TONIC_MBOX_ST_OK;
}

uint32_t sa_delete(uint32_t handle, struct fw_status *s)
{
    fw_ok(s);
    unsigned idx = lookup(handle, s);
    if (idx == FW_SATBL_ENTRIES)
        return s->st;
    entry_clear(idx, FW_SATBL_META_TOMB);
    key_slot_zero(idx);
    gen[idx]++;
    count--;
    return TONIC_MBOX_ST_OK;
}

uint32_t sa_list(uint32_t start, uint32_t *out, unsigned *nwords, struct fw_status *s)
{
    unsigned n = 0, next = 0;
    uint32_t *e = out + 2;

    fw_ok(s);
    *nwords = 0;
    if (start >= FW_SATBL_ENTRIES)
        return fw_fail(s, TONIC_MBOX_ST_BAD_VALUE, FW_XF_START, "START beyond the SA table (0..1023)");
    for (unsigned i = start; i < FW_SATBL_ENTRIES; i++) {
        if (!(hal_satbl_read(i, E_META) & FW_SATBL_META_VALID))
            continue;
        if (n == FW_SA_LIST_MAX) {
            next = i;
            break;
        }
        for (unsigned k = 0; k < TONIC_SA_INFO_SIZE / 4u; k++)
            e[k] = 0; /* PACKETS and ERRORS: the IPsec engine does not count yet */
        tonic_set_sa_info_handle(e, hal_satbl_read(i, E_HANDLE));
        tonic_set_sa_info_flags(e, hal_satbl_read(i, E_FLAGS));
        tonic_set_sa_info_spi(e, hal_satbl_read(i, E_SPI));
        tonic_set_sa_info_algs(e, hal_satbl_read(i, E_ALGS));
        tonic_set_sa_info_esn_hi(e, hal_satbl_read(i, E_ESN_HI));
        tonic_set_sa_info_dst(e, hal_satbl_read(i, E_DST));
        e += TONIC_SA_INFO_SIZE / 4u;
        n++;
    }
    out[0] = n;
    out[1] = next;
    *nwords = 2u + n * (TONIC_SA_INFO_SIZE / 4u);
    return TONIC_MBOX_ST_OK;
}
