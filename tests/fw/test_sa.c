/* SPDX-License-Identifier: MIT */
/* test_sa.c — the SA table through the mailbox (docs/mailbox.md "SA table"): SATBL contents,
 * handles and stale handles, SA_UPDATE, SA_DEL and tombstones, EXISTS past tombstones, NO_SPACE at
 * capacity with every inbound SA findable by the reference lookup, random adds and deletes against a
 * model of the live SAs, SA_LIST paging and RESET. The SA_ADD validation rules: test_sa_rules.c. */
#include "fwtest.h"

#include "sa.h"

#define E(f) (TONIC_P_SATBL_##f / 4)
#define META_VALID 0x01u
#define META_AF 0x02u
#define META_DIR 0x10u
#define META_TOMB 0x20u

static void ipsec_on(unsigned v)
{
    struct rsp r;
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, v), &r), TONIC_MBOX_ST_OK);
}

static unsigned idx_of(uint32_t handle)
{
    return (handle & 0xFFFFu) - 1u;
}

static int entry_zero(unsigned idx, uint32_t meta)
{
    for (unsigned w = 0; w < FW_SATBL_ENTRY_WORDS; w++)
        if (mock.satbl[idx][w] != (w == E(META) ? meta : 0))
            return 0;
    return 1;
}

static int slot_zero(unsigned idx)
{
    for (unsigned k = 0; k < FW_KEY_SLOT_WORDS; k++)
        if (mock.keys[idx][k])
            return 0;
    return 1;
}

/* an SPI whose (SPI, dst, proto) hashes to h, searching from *spi upwards */
static uint32_t spi_for_hash(unsigned h, uint32_t from, uint32_t dst0, unsigned proto)
{
    uint32_t dst[4] = {dst0, 0, 0, 0};
    for (uint32_t s = from;; s++)
        if (ref_hash(s, dst, proto) == h)
            return s;
}

static void add_basic(void)
{
    struct rsp r;
    uint32_t w[32];
    fw_boot(full_caps);
    ipsec_on(4);

    sa_build(w, 0, FW_SA_PROTO_ESP, TONIC_SA_ENC_AES_GCM_128, TONIC_SA_AUTH_NONE, 0x1001, 0x0A000001, 1);
    tonic_set_sa_esn(w, 1);
    tonic_set_sa_esn_hi(w, 0x77);
    tonic_set_sa_udp_sport(w, 4500);
    tonic_set_sa_udp_dport(w, 4501);
    w[FW_WORD(TONIC_SA_DST) + 1] = 0xDEAD; /* IPv4: only the first address word counts */
    w[FW_WORD(TONIC_SA_SRC) + 3] = 0xBEEF;
    w[0] |= 0xFF00u;                        /* bits outside word 0's fields are dropped */
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 4);
    uint32_t hnd = r.w[0], dst[4] = {0x0A000001, 0, 0, 0};
    unsigned h = ref_hash(0x1001, dst, FW_SA_PROTO_ESP);
    CHECK_EQ(hnd & 0xFFFFu, h + 1u);
    CHECK_EQ(hnd >> 16, sa_generation(h));
    const uint32_t *e = mock.satbl[h];
    CHECK_EQ(e[E(META)], META_VALID | (FW_SA_PROTO_ESP << 2));
    CHECK_EQ(e[E(SPI)], 0x1001);
    CHECK_EQ(e[E(DST)], 0x0A000001);
    CHECK_EQ(e[E(DST) + 1], 0);
    CHECK_EQ(e[E(SRC)], 0xC0A80001u);
    CHECK_EQ(e[E(SRC) + 3], 0);
    CHECK_EQ(e[E(HANDLE)], hnd);
    CHECK_EQ(e[E(FLAGS)], w[0] & 0xFFu);
    CHECK_EQ(e[E(ALGS)], w[2]);
    CHECK_EQ(e[E(ESN_HI)], 0x77);
    CHECK_EQ(e[E(PORTS)], 4500u | (4501u << 16));
    CHECK_EQ(e[E(STATS)], 0);
    CHECK_EQ(ref_lookup(0x1001, dst, FW_SA_PROTO_ESP), (int)h);
    CHECK_EQ(sa_count(), 1);

    /* IPv6 outbound AH: all four address words, AF and DIR in META */
    sa_build(w, 1, FW_SA_PROTO_AH, TONIC_SA_ENC_NONE, TONIC_SA_AUTH_HMAC_SHA256_128, 0x2002, 0x20010DB8, 2);
    tonic_set_sa_af(w, 1);
    w[FW_WORD(TONIC_SA_DST) + 3] = 0x00000001;
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    uint32_t d6[4] = {0x20010DB8, 0, 0, 1};
    unsigned i6 = idx_of(r.w[0]);
    CHECK_EQ(i6, ref_hash(0x2002, d6, FW_SA_PROTO_AH));
    CHECK_EQ(mock.satbl[i6][E(META)], META_VALID | META_AF | (FW_SA_PROTO_AH << 2) | META_DIR);
    CHECK(!memcmp(&mock.satbl[i6][E(DST)], d6, 16));
    CHECK_EQ(ref_lookup(0x2002, d6, FW_SA_PROTO_AH), -1); /* outbound: not for the receive lookup */

    /* SA_UPDATE: ESN_HI only, and only with ESN */
    uint32_t before[FW_SATBL_ENTRY_WORDS];
    memcpy(before, mock.satbl[h], sizeof before);
    CHECK_EQ(sa_update_req(hnd, 0xABCDEF01u, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 0);
    before[E(ESN_HI)] = 0xABCDEF01u;
    CHECK(!memcmp(before, mock.satbl[h], sizeof before));
    uint32_t h6 = ((uint32_t)sa_generation(i6) << 16) | (i6 + 1);
    CHECK_EQ(sa_update_req(h6, 5, &r), TONIC_MBOX_ST_BAD_VALUE);
    CHECK_ERR(r, TONIC_MBOX_ST_BAD_VALUE, FW_XF_ESN_HI, "SA has no ESN: ESN_HI cannot change");
    CHECK_EQ(mock.satbl[i6][E(ESN_HI)], 0);
}

static void handles_and_tombstones(void)
{
    struct rsp r;
    uint32_t w[32];
    fw_boot(full_caps);
    ipsec_on(3);
    const uint32_t dst0 = 0x0A000002;
    uint32_t dst[4] = {dst0, 0, 0, 0};
    unsigned h = 77;
    uint32_t sa = spi_for_hash(h, 1, dst0, 2), sb = spi_for_hash(h, sa + 1, dst0, 2),
             sc = spi_for_hash(h, sb + 1, dst0, 2);

    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_256, 0, sa, dst0, 10);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    uint32_t ha = r.w[0];
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_256, 0, sb, dst0, 11);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    uint32_t hb = r.w[0];
    CHECK_EQ(idx_of(ha), h);
    CHECK_EQ(idx_of(hb), h + 1); /* collision: the next entry */
    CHECK_EQ(ref_lookup(sb, dst, 2), (int)h + 1);

    /* delete A: tombstone, entry and key slot cleared, generation advanced, handle stale */
    uint16_t g = sa_generation(h);
    CHECK_EQ(sa_del_req(ha, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 0);
    CHECK(entry_zero(h, META_TOMB));
    CHECK(slot_zero(h));
    CHECK_EQ(sa_generation(h), (uint16_t)(g + 1));
    CHECK_EQ(ref_lookup(sa, dst, 2), -1);
    CHECK_EQ(ref_lookup(sb, dst, 2), (int)h + 1); /* found past the tombstone */
    CHECK_EQ(sa_del_req(ha, &r), TONIC_MBOX_ST_NOT_FOUND);
    CHECK_ERR(r, TONIC_MBOX_ST_NOT_FOUND, FW_XF_HANDLE, "no SA with this handle");
    CHECK_EQ(sa_update_req(ha, 1, &r), TONIC_MBOX_ST_NOT_FOUND);
    CHECK_EQ(r.field, FW_XF_HANDLE);

    /* B again: the duplicate is found past the tombstone (EXISTS), not put into the tombstone */
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_256, 0, sb, dst0, 12);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_EXISTS);
    CHECK_ERR(r, TONIC_MBOX_ST_EXISTS, FW_SF_SPI, "inbound SA with this SPI, DST and PROTO exists");
    CHECK(entry_zero(h, META_TOMB));
    /* outbound with the same triple, or another PROTO, is not a duplicate */
    tonic_set_sa_dir(w, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(idx_of(r.w[0]), h); /* first free entry: the tombstone */
    uint32_t hob = r.w[0];
    CHECK_EQ(hob >> 16, (uint32_t)(uint16_t)(g + 1));
    CHECK(hob != ha);
    CHECK_EQ(sa_del_req(hob, &r), TONIC_MBOX_ST_OK);

    /* C with the same hash reuses the tombstone; B stays where it is and findable */
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_256, 0, sc, dst0, 13);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(idx_of(r.w[0]), h);
    CHECK_EQ(ref_lookup(sc, dst, 2), (int)h);
    CHECK_EQ(ref_lookup(sb, dst, 2), (int)h + 1);
    CHECK_EQ(sa_del_req(hb, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(ref_lookup(sc, dst, 2), (int)h);

    /* malformed handles */
    static const uint32_t bad[] = {0, 0x00010000u, 1025, 0xFFFF, 0xFFFFFFFFu};
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ(sa_del_req(bad[i], &r), TONIC_MBOX_ST_NOT_FOUND);
        CHECK_EQ(sa_update_req(bad[i], 0, &r), TONIC_MBOX_ST_NOT_FOUND);
    }
    /* an index with nothing in it, at its current generation */
    CHECK_EQ(sa_del_req(((uint32_t)sa_generation(500) << 16) | 501u, &r), TONIC_MBOX_ST_NOT_FOUND);
}

static void capacity(void)
{
    struct rsp r;
    uint32_t w[32];
    static uint32_t handles[1024];
    fw_boot(full_caps);
    ipsec_on(3);
    for (unsigned i = 0; i < 1024; i++) {
        sa_build(w, i % 7 == 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x100000u + i * 13u, 0xC0000200u + (i & 3), i);
        if (sa_add_req(w, &r) != TONIC_MBOX_ST_OK) {
            CHECK_EQ(r.status, TONIC_MBOX_ST_OK);
            break;
        }
        handles[i] = r.w[0];
    }
    CHECK_EQ(sa_count(), 1024);
    unsigned found = 0;
    for (unsigned i = 0; i < 1024; i++) {
        uint32_t dst[4] = {0xC0000200u + (i & 3), 0, 0, 0};
        if (i % 7 == 0)
            continue;
        found += ref_lookup(0x100000u + i * 13u, dst, 2) == (int)idx_of(handles[i]);
    }
    CHECK_EQ(found, 1024 - 147);
    /* full: a new SA is NO_SPACE, a duplicate inbound SA is still EXISTS (checked first) */
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x7777777u, 0x01020304u, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_NO_SPACE);
    CHECK_ERR(r, TONIC_MBOX_ST_NO_SPACE, 0, "SA table full");
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x100000u + 1u * 13u, 0xC0000201u, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_EXISTS);
    /* one freed: the next add takes exactly that entry */
    CHECK_EQ(sa_del_req(handles[500], &r), TONIC_MBOX_ST_OK);
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x7777777u, 0x01020304u, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(idx_of(r.w[0]), idx_of(handles[500]));
    uint32_t d[4] = {0x01020304u, 0, 0, 0};
    CHECK_EQ(ref_lookup(0x7777777u, d, 2), (int)idx_of(handles[500]));

    /* a smaller CAPS.IPSEC_SAS limits the count */
    uint32_t caps[FW_OFFLOAD_WORDS];
    memcpy(caps, full_caps, sizeof caps);
    caps[FW_WORD(TONIC_OFFLOAD_IPSEC_SAS)] = 8;
    fw_boot(caps);
    ipsec_on(3);
    for (unsigned i = 0; i < 9; i++) {
        sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x500 + i, 0x0A0A0A0Au, i);
        CHECK_EQ(sa_add_req(w, &r), i < 8 ? TONIC_MBOX_ST_OK : TONIC_MBOX_ST_NO_SPACE);
    }
}

/* random adds and deletes with colliding hashes against a model of the live SAs */
static void random_probing(void)
{
    struct rsp r;
    uint32_t w[32];
    static struct {
        uint32_t handle, spi, dst0;
        unsigned proto, dir;
    } live[1024];
    unsigned n = 0, checks_ok = 0, checks = 0;
    uint32_t x = 12345;
    fw_boot(full_caps);
    ipsec_on(4);
    for (unsigned op = 0; op < 6000; op++) {
        x = x * 1103515245u + 12345u;
        if (n > 0 && ((x >> 16) % 100 < (n > 900 ? 70u : 40u))) {
            unsigned k = (x >> 8) % n;
            CHECK_EQ(sa_del_req(live[k].handle, &r), TONIC_MBOX_ST_OK);
            live[k] = live[--n];
        } else {
            /* few SPIs and destinations: many collisions and duplicates */
            uint32_t spi = (x >> 20) & 0x3FFu, dst0 = 0x0A000000u | ((x >> 4) & 3u);
            unsigned proto = 1 + ((x >> 12) % 3), dir = (x >> 14) & 1u;
            unsigned enc = proto == 1 ? 0 : TONIC_SA_ENC_AES_CBC_128;
            unsigned auth = proto == 2 && (x & 1) ? TONIC_SA_AUTH_NONE : TONIC_SA_AUTH_HMAC_SHA1_96;
            if (proto == 2 && auth == TONIC_SA_AUTH_NONE)
                enc = TONIC_SA_ENC_AES_GCM_128;
            sa_build(w, dir, proto, enc, auth, spi, dst0, op);
            int dup = 0;
            for (unsigned k = 0; k < n && !dir; k++)
                dup |= !live[k].dir && live[k].spi == spi && live[k].dst0 == dst0 && live[k].proto == proto;
            uint32_t st = sa_add_req(w, &r);
            CHECK_EQ(st, dup ? TONIC_MBOX_ST_EXISTS : n == 1024 ? TONIC_MBOX_ST_NO_SPACE : TONIC_MBOX_ST_OK);
            if (st == TONIC_MBOX_ST_OK) {
                live[n].handle = r.w[0];
                live[n].spi = spi;
                live[n].dst0 = dst0;
                live[n].proto = proto;
                live[n].dir = dir;
                n++;
            }
        }
        if (op % 97 == 0 || op == 5999) {
            for (unsigned k = 0; k < n; k++) {
                uint32_t dst[4] = {live[k].dst0, 0, 0, 0};
                int at = ref_lookup(live[k].spi, dst, live[k].proto);
                checks++;
                checks_ok += live[k].dir ? (mock.satbl[idx_of(live[k].handle)][E(HANDLE)] == live[k].handle)
                                         : (at == (int)idx_of(live[k].handle));
            }
            CHECK_EQ(sa_count(), n);
        }
    }
    CHECK_EQ(checks_ok, checks);
    printf("random probing: %u lookups checked, %u SAs live at the end\n", checks, n);
}

static void list_and_reset(void)
{
    struct rsp r;
    uint32_t w[32], start = 0, total = 0, calls = 0;
    static uint32_t handles[40];
    fw_boot(full_caps);
    ipsec_on(3);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_SA_LIST, &start, 4, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 8);
    CHECK_EQ(r.w[0], 0);
    CHECK_EQ(r.w[1], 0);
    for (unsigned i = 0; i < 40; i++) {
        sa_build(w, i & 1, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x3000 + i, 0x0D000000u + i, i);
        tonic_set_sa_esn(w, 1);
        tonic_set_sa_esn_hi(w, i * 3);
        CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
        handles[i] = r.w[0];
    }
    unsigned seen = 0, last = 0;
    do {
        CHECK_EQ(fw_req(TONIC_MBOX_CMD_SA_LIST, &start, 4, &r), TONIC_MBOX_ST_OK);
        uint32_t count = r.w[0], next = r.w[1];
        CHECK(count <= 15);
        CHECK_EQ(r.len, 8 + count * TONIC_SA_INFO_SIZE);
        for (unsigned k = 0; k < count; k++) {
            const uint32_t *e = &r.w[2 + k * 8];
            unsigned idx = idx_of(tonic_sa_info_handle(e));
            unsigned i = tonic_sa_info_spi(e) - 0x3000;
            CHECK(idx >= last);
            last = idx;
            CHECK(i < 40);
            if (i >= 40)
                continue;
            seen++;
            CHECK_EQ(tonic_sa_info_handle(e), handles[i]);
            CHECK_EQ(tonic_sa_info_flags(e), mock.satbl[idx][E(FLAGS)]);
            CHECK_EQ(tonic_sa_info_algs(e), mock.satbl[idx][E(ALGS)]);
            CHECK_EQ(tonic_sa_info_esn_hi(e), i * 3);
            CHECK_EQ(tonic_sa_info_dst(e), 0x0D000000u + i);
            CHECK_EQ(tonic_sa_info_packets(e), 0);
            CHECK_EQ(tonic_sa_info_errors(e), 0);
        }
        if (next)
            CHECK(next > last);
        total += count;
        start = next;
        calls++;
    } while (start && calls < 10);
    CHECK_EQ(total, 40);
    CHECK_EQ(seen, 40);
    CHECK_EQ(calls, 3);
    start = 1024;
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_SA_LIST, &start, 4, &r), TONIC_MBOX_ST_BAD_VALUE);
    CHECK_ERR(r, TONIC_MBOX_ST_BAD_VALUE, FW_XF_START, "START beyond the SA table (0..1023)");

    /* RESET: table and key store empty, every old handle stale, configuration at start */
    CHECK_EQ(sa_del_req(handles[3], &r), TONIC_MBOX_ST_OK); /* a tombstone too */
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_RESET, NULL, 0, &r), TONIC_MBOX_ST_OK);
    static const uint32_t zero_tbl[FW_SATBL_ENTRIES][FW_SATBL_ENTRY_WORDS];
    static const uint32_t zero_keys[FW_SATBL_ENTRIES][FW_KEY_SLOT_WORDS];
    CHECK(!memcmp(mock.satbl, zero_tbl, sizeof zero_tbl));
    CHECK(!memcmp(mock.keys, zero_keys, sizeof zero_keys));
    CHECK_EQ(sa_count(), 0);
    ipsec_on(3);
    for (unsigned i = 0; i < 40; i++)
        CHECK_EQ(sa_del_req(handles[i], &r), TONIC_MBOX_ST_NOT_FOUND);
    sa_build(w, 1, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x3000 + 1, 0x0D000000u + 1, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    uint32_t d1[4] = {0x0D000000u + 1, 0, 0, 0};
    CHECK_EQ(idx_of(r.w[0]), ref_hash(0x3000 + 1, d1, 2)); /* empty table: the hash index itself */
    for (unsigned i = 0; i < 40; i++)
        CHECK(r.w[0] != handles[i]); /* generations moved on: no old handle comes back */
}

int main(void)
{
    add_basic();
    handles_and_tombstones();
    capacity();
    random_probing();
    list_and_reset();
    CHECK_EQ(mock.bad_access, 0);
    TEST_DONE();
}
