/* SPDX-License-Identifier: MIT */
/* fuzz_mbox.c — the mailbox decoder under random and mutated requests.
 *
 * usage: fw_fuzz_mbox [ITERATIONS [SEED]]   (defaults 100000, 1)
 *
 * Each iteration sends one request: a fully random one (random header words, LEN and payload), or a
 * valid request of a random command (SET_PARAMS, SA_ADD with a random valid algorithm set, SA_UPDATE
 * and SA_DEL with a live handle, SA_LIST, the payload-less commands) put through 0-4 mutations: bit
 * flips in the header or payload, truncation, another LEN, another CMD, a random byte. The whole
 * state (CONFIG, CAPS, SATBL, generations, key store, SA count) is snapshotted first. Checked on
 * every request (besides the transport invariants fw_req_raw checks — DONE once, SEQ/CMD echoed,
 * LEN <= 504, MBOX_ERR on errors): a non-OK response left the state byte-identical; CAPS never
 * changes; REQ_BUF is all zero after any SA_ADD; CONFIG never holds what CAPS lacks. Every 500
 * requests, every valid inbound SA must be found by the reference lookup at its own index.
 * The firmware logic is built with ASan/UBSan, so memory errors fail too. The harness capacity
 * varies: the firmware restarts with a random CAPS every 20,000 requests. */
#include "fwtest.h"

#include <stdlib.h>

#include "sa.h"

static uint64_t rng_state;

static uint32_t rnd(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32);
}

static unsigned below(unsigned n)
{
    return rnd() % n;
}

static struct state {
    uint32_t caps[FW_OFFLOAD_WORDS], config[FW_OFFLOAD_WORDS];
    uint32_t satbl[FW_SATBL_ENTRIES][FW_SATBL_ENTRY_WORDS];
    uint32_t keys[FW_SATBL_ENTRIES][FW_KEY_SLOT_WORDS];
    uint16_t gen[FW_SATBL_ENTRIES];
    unsigned count;
} before, after;

static void snapshot(struct state *s)
{
    memcpy(s->caps, mock.caps, sizeof s->caps);
    memcpy(s->config, mock.config, sizeof s->config);
    memcpy(s->satbl, mock.satbl, sizeof s->satbl);
    memcpy(s->keys, mock.keys, sizeof s->keys);
    for (unsigned i = 0; i < FW_SATBL_ENTRIES; i++)
        s->gen[i] = sa_generation(i);
    s->count = sa_count();
}

static const char *state_diff(const struct state *a, const struct state *b)
{
    if (memcmp(a->caps, b->caps, sizeof a->caps))
        return "CAPS";
    if (memcmp(a->config, b->config, sizeof a->config))
        return "CONFIG";
    if (memcmp(a->satbl, b->satbl, sizeof a->satbl))
        return "SATBL";
    if (memcmp(a->keys, b->keys, sizeof a->keys))
        return "key store";
    if (memcmp(a->gen, b->gen, sizeof a->gen))
        return "generations";
    if (a->count != b->count)
        return "SA count";
    return NULL;
}

static uint32_t handles[64];
static unsigned nhandles;

static const uint32_t commands[] = {
    TONIC_MBOX_CMD_VERSION, TONIC_MBOX_CMD_GET_CAPS, TONIC_MBOX_CMD_GET_CONFIG, TONIC_MBOX_CMD_SET_PARAMS,
    TONIC_MBOX_CMD_STATS,   TONIC_MBOX_CMD_RESET,    TONIC_MBOX_CMD_SA_ADD,     TONIC_MBOX_CMD_SA_UPDATE,
    TONIC_MBOX_CMD_SA_DEL,  TONIC_MBOX_CMD_SA_LIST,
};

/* a valid request of command cmd: payload into p, returns LEN */
static unsigned valid_request(uint32_t cmd, uint32_t *p)
{
    static const struct {
        unsigned proto, enc, auth;
    } algs[] = {
        {2, 1, 0}, {2, 2, 0}, {2, 3, 0}, {2, 4, 0}, {2, 5, 0}, {2, 6, 1}, {2, 6, 2}, {2, 7, 1},
        {1, 0, 1}, {1, 0, 2}, {3, 1, 1}, {3, 3, 2}, {3, 7, 1},
    };
    switch (cmd) {
    case TONIC_MBOX_CMD_SET_PARAMS:
        if (below(4) == 0) { /* IPsec back on, nothing else */
            p[0] = 0;
            p[1] = params1(0, 0, 0, 0, 0, 0, FW_PV_IPSEC_AH_ESP);
            return TONIC_PARAMS_SIZE;
        }
        p[0] = params0(below(5), below(5), below(5), below(5), below(5));
        /* IPsec mostly left on (0) or all on (4), so SA_ADD usually has something to work with */
        p[1] = params1(below(3), below(3), below(3), below(3), below(3), below(3),
                       below(8) == 0 ? below(5) : below(2) * 4);
        return TONIC_PARAMS_SIZE;
    case TONIC_MBOX_CMD_SA_ADD: {
        unsigned a = below(sizeof algs / sizeof algs[0]);
        sa_build(p, below(2), algs[a].proto, algs[a].enc, algs[a].auth, below(300), 0x0A000000u + below(4), rnd());
        tonic_set_sa_af(p, below(4) == 0);
        tonic_set_sa_tunnel(p, below(2));
        tonic_set_sa_esn(p, below(2));
        tonic_set_sa_udp_encap(p, below(8) == 0);
        tonic_set_sa_replay(p, below(4) == 0);
        if (algs[a].proto == FW_SA_PROTO_ESP && algs[a].enc >= 1 && algs[a].enc <= 3)
            tonic_set_sa_icv_len(p, 8u + 4u * below(3)); /* GCM: 8, 12 or 16 */
        return TONIC_SA_SIZE;
    }
    case TONIC_MBOX_CMD_SA_UPDATE:
        p[0] = nhandles && below(4) ? handles[below(nhandles)] : rnd();
        p[1] = rnd();
        return FW_SA_UPDATE_LEN;
    case TONIC_MBOX_CMD_SA_DEL:
        p[0] = nhandles && below(4) ? handles[below(nhandles)] : rnd();
        return FW_SA_DEL_LEN;
    case TONIC_MBOX_CMD_SA_LIST:
        p[0] = below(8) ? below(1024) : rnd();
        return FW_SA_LIST_LEN;
    default:
        return 0;
    }
}

static void mutate(uint32_t *hdr, uint32_t *p, unsigned *words)
{
    unsigned len = tonic_mbox_hdr_len(hdr);
    switch (below(7)) {
    case 0: /* payload bit flip */
        p[below(FW_MBOX_MAX_LEN / 4)] ^= 1u << below(32);
        break;
    case 1: /* header bit flip (SEQ, CMD, LEN or STATUS) */
        hdr[below(2)] ^= 1u << below(32);
        break;
    case 2: /* truncation */
        tonic_set_mbox_hdr_len(hdr, len ? below(len) : 0);
        break;
    case 3: /* another LEN */
        tonic_set_mbox_hdr_len(hdr, below(3) ? below(520) : rnd() & 0xFFFFu);
        break;
    case 4: /* another command */
        tonic_set_mbox_hdr_cmd(hdr, below(2) ? commands[below(sizeof commands / sizeof commands[0])] : rnd() & 0xFFFFu);
        break;
    case 5: /* a random byte in the first words, where the fields are */
        ((uint8_t *)p)[below(64)] = (uint8_t)rnd();
        break;
    default: /* a random field word */
        p[below(16)] = rnd();
        break;
    }
    *words = FW_MBOX_MAX_LEN / 4;
}

static uint32_t random_caps_word(unsigned w)
{
    uint32_t v = full_caps[w];
    if (w == FW_WORD(TONIC_OFFLOAD_IPSEC_SAS))
        return below(3) ? 1024 : below(40);
    if (w == FW_WORD(TONIC_OFFLOAD_DMA_SG) || w == FW_WORD(TONIC_OFFLOAD_LSO_MAX) ||
        w == FW_WORD(TONIC_OFFLOAD_LSO_MIN_SEG) || w == FW_WORD(TONIC_OFFLOAD_ENCAP_MAXHDR))
        return v;
    return below(2) ? v : v & rnd();
}

/* every valid inbound SA is found by the receive engine's probe, at its own index */
static unsigned check_findable(void)
{
    unsigned bad = 0;
    for (unsigned i = 0; i < FW_SATBL_ENTRIES; i++) {
        const uint32_t *e = mock.satbl[i];
        uint32_t meta = e[TONIC_P_SATBL_META / 4];
        if (!(meta & FW_SATBL_META_VALID) || (meta & FW_SATBL_META_DIR))
            continue;
        if (ref_lookup(e[TONIC_P_SATBL_SPI / 4], &e[TONIC_P_SATBL_DST / 4], (meta >> 2) & 3u) != (int)i)
            bad++;
    }
    return bad;
}

int main(int argc, char **argv)
{
    unsigned long iterations = argc > 1 ? strtoul(argv[1], NULL, 0) : 100000ul;
    unsigned long seed = argc > 2 ? strtoul(argv[2], NULL, 0) : 1ul;
    unsigned long stats[16] = {0}, failures = 0, lookups = 0;
    unsigned max_sas = 0;
    uint32_t payload[FW_MBOX_BUF_WORDS], hdr[2];
    struct rsp r;

    rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
    for (unsigned long it = 0; it < iterations; it++) {
        if (it % 20000 == 0) {
            uint32_t caps[FW_OFFLOAD_WORDS];
            for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
                caps[w] = it ? random_caps_word(w) : full_caps[w];
            fw_boot(caps);
            set_params(params0(4, 4, 4, 4, 4), params1(0, 0, 0, 0, 0, 0, 4), &r);
            nhandles = 0;
        }
        memset(payload, 0, sizeof payload);
        hdr[0] = hdr[1] = 0;
        unsigned words;
        uint32_t cmd;
        if (below(5) == 0) {
            hdr[0] = rnd();
            hdr[1] = rnd();
            if (below(2))
                tonic_set_mbox_hdr_len(hdr, below(520));
            for (unsigned i = 0; i < FW_MBOX_MAX_LEN / 4; i++)
                payload[i] = rnd();
            words = FW_MBOX_MAX_LEN / 4;
        } else {
            /* SA_ADD most often, RESET rarely (about 1 in 2,500), so the table fills and collides */
            unsigned k = below(100);
            cmd = k < 50 ? TONIC_MBOX_CMD_SA_ADD
                  : k < 55 ? TONIC_MBOX_CMD_SA_DEL
                  : k < 60 ? TONIC_MBOX_CMD_SA_UPDATE
                  : k < 65 ? TONIC_MBOX_CMD_SA_LIST
                  : k < 80 ? TONIC_MBOX_CMD_SET_PARAMS
                           : commands[below(sizeof commands / sizeof commands[0])];
            if (cmd == TONIC_MBOX_CMD_RESET && below(50))
                cmd = TONIC_MBOX_CMD_STATS;
            unsigned len = valid_request(cmd, payload);
            tonic_set_mbox_hdr_seq(hdr, rnd());
            tonic_set_mbox_hdr_cmd(hdr, cmd);
            tonic_set_mbox_hdr_len(hdr, len);
            words = (len + 3) / 4;
            if (below(5) >= 2) /* 60 % mutated, 1-3 times */
                for (unsigned m = 1 + below(3); m > 0; m--)
                    mutate(hdr, payload, &words);
        }
        cmd = tonic_mbox_hdr_cmd(hdr);

        snapshot(&before);
        unsigned long terr = fw_transport_errors;
        uint32_t st = fw_req_raw(hdr[0], hdr[1], payload, words, &r);
        snapshot(&after);
        stats[st < 15 ? st : 15]++;
        if (sa_count() > max_sas)
            max_sas = sa_count();

        const char *diff = NULL;
        if (st != TONIC_MBOX_ST_OK)
            diff = state_diff(&before, &after);
        else if (memcmp(before.caps, after.caps, sizeof before.caps))
            diff = "CAPS (on OK)";
        int req_left = 0;
        if (cmd == TONIC_MBOX_CMD_SA_ADD)
            for (unsigned i = 0; i < FW_MBOX_BUF_WORDS; i++)
                req_left |= mock.req[i] != 0;
        int cfg_bad = 0;
        for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
            cfg_bad |= (mock.config[w] & ~mock.caps[w]) != 0;
        if (diff || req_left || cfg_bad || fw_transport_errors != terr) {
            failures++;
            t_fail++;
            if (failures <= 10)
                printf("FAIL iteration %lu (seed %lu): hdr %08x %08x -> status %u: %s%s%s\n", it, seed,
                       (unsigned)hdr[0], (unsigned)hdr[1], (unsigned)st, diff ? diff : "",
                       diff ? " changed on a refused request" : "", req_left ? " REQ_BUF not cleared" : "");
        } else {
            t_pass++;
        }

        if (st == TONIC_MBOX_ST_OK && cmd == TONIC_MBOX_CMD_SA_ADD) {
            if (nhandles < 64)
                handles[nhandles++] = r.w[0];
            else
                handles[below(64)] = r.w[0];
        }
        if (st == TONIC_MBOX_ST_OK && cmd == TONIC_MBOX_CMD_RESET)
            nhandles = 0;
        if (it % 500 == 499) {
            unsigned bad = check_findable();
            lookups++;
            CHECK_EQ(bad, 0);
        }
    }
    CHECK_EQ(check_findable(), 0);
    CHECK_EQ(mock.bad_access, 0);
    printf("%lu requests (seed %lu): OK %lu, BAD_CMD %lu, BAD_LEN %lu, BAD_VALUE %lu, UNSUPPORTED %lu, "
           "CONFLICT %lu, NO_SPACE %lu, NOT_FOUND %lu, REFUSED_ALG %lu, EXISTS %lu; up to %u SAs at once; "
           "%lu table-wide lookup checks\n",
           iterations, seed, stats[0], stats[1], stats[2], stats[3], stats[4], stats[5], stats[6], stats[7],
           stats[8], stats[9], max_sas, lookups);
    TEST_DONE();
}
