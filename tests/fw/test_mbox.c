/* SPDX-License-Identifier: MIT */
/* test_mbox.c — the mailbox transport and decoder (docs/mailbox.md "Transport"): BAD_CMD for
 * unknown commands, BAD_LEN for every command at every wrong length (and nothing changes), SEQ and
 * CMD echoed, the MBOX_ERR layout, VERSION, STATS counters, empty payloads of RESET / SA_UPDATE /
 * SA_DEL. The transport invariants themselves are checked on every request by fw_req. */
#include "fwtest.h"

#include "mbox.h"
#include "sa.h"

static const struct {
    uint32_t cmd, len;
    const char *name;
} cmds[] = {
    {TONIC_MBOX_CMD_VERSION, 0, "VERSION"},
    {TONIC_MBOX_CMD_GET_CAPS, 0, "GET_CAPS"},
    {TONIC_MBOX_CMD_GET_CONFIG, 0, "GET_CONFIG"},
    {TONIC_MBOX_CMD_SET_PARAMS, 8, "SET_PARAMS"},
    {TONIC_MBOX_CMD_STATS, 0, "STATS"},
    {TONIC_MBOX_CMD_RESET, 0, "RESET"},
    {TONIC_MBOX_CMD_SA_ADD, 128, "SA_ADD"},
    {TONIC_MBOX_CMD_SA_UPDATE, 8, "SA_UPDATE"},
    {TONIC_MBOX_CMD_SA_DEL, 4, "SA_DEL"},
    {TONIC_MBOX_CMD_SA_LIST, 4, "SA_LIST"},
};
#define NCMDS (sizeof cmds / sizeof cmds[0])

/* everything a request could change */
static struct {
    uint32_t config[FW_OFFLOAD_WORDS];
    uint32_t satbl[FW_SATBL_ENTRIES][FW_SATBL_ENTRY_WORDS];
    uint32_t keys[FW_SATBL_ENTRIES][FW_KEY_SLOT_WORDS];
    unsigned count;
} snap;

static void take_snapshot(void)
{
    memcpy(snap.config, mock.config, sizeof snap.config);
    memcpy(snap.satbl, mock.satbl, sizeof snap.satbl);
    memcpy(snap.keys, mock.keys, sizeof snap.keys);
    snap.count = sa_count();
}

static int unchanged(void)
{
    return !memcmp(snap.config, mock.config, sizeof snap.config) && !memcmp(snap.satbl, mock.satbl, sizeof snap.satbl) &&
           !memcmp(snap.keys, mock.keys, sizeof snap.keys) && snap.count == sa_count();
}

/* a state with something in it, and payloads that would change it if they were accepted */
static uint32_t payload[FW_MBOX_MAX_LEN / 4 + 4];
static uint32_t live_handle;

static void setup(void)
{
    struct rsp r;
    uint32_t w[32];
    fw_boot(full_caps);
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 3), &r), TONIC_MBOX_ST_OK);
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x55, 0x0A000001u, 5);
    tonic_set_sa_esn(w, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    live_handle = r.w[0];
}

static void fill_payload(uint32_t cmd)
{
    memset(payload, 0, sizeof payload);
    if (cmd == TONIC_MBOX_CMD_SET_PARAMS) {
        payload[0] = params0(4, 4, 4, 4, 4);
        payload[1] = params1(0, 0, 0, 0, 0, 2, 0);
    } else if (cmd == TONIC_MBOX_CMD_SA_ADD) {
        sa_build(payload, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 0x66, 0x0A000002u, 6);
    } else if (cmd == TONIC_MBOX_CMD_SA_UPDATE || cmd == TONIC_MBOX_CMD_SA_DEL) {
        payload[0] = live_handle;
        payload[1] = 0x999;
    }
}

static void bad_len(void)
{
    static const unsigned lens[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 124, 127, 129, 132, 256, 500, 504, 505, 508, 512, 4096, 0xFFFF};
    struct rsp r;
    char want[80];
    setup();
    for (unsigned c = 0; c < NCMDS; c++)
        for (unsigned i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            if (lens[i] == cmds[c].len)
                continue;
            /* the whole buffer holds a request that would change something; LEN says otherwise */
            uint32_t h[2] = {0, 0};
            tonic_set_mbox_hdr_seq(h, 0xBEEF);
            tonic_set_mbox_hdr_cmd(h, cmds[c].cmd);
            tonic_set_mbox_hdr_len(h, lens[i]);
            fill_payload(cmds[c].cmd);
            take_snapshot();
            fw_req_raw(h[0], h[1], payload, FW_MBOX_MAX_LEN / 4, &r);
            snprintf(want, sizeof want, "%s needs LEN %u, not %u", cmds[c].name, (unsigned)cmds[c].len, lens[i]);
            CHECK_ERR(r, TONIC_MBOX_ST_BAD_LEN, 0, want);
            CHECK_EQ(r.seq, 0xBEEF);
            CHECK(unchanged());
        }
}

static void bad_cmd(void)
{
    static const uint32_t bad[] = {0, 7, 8, 15, 20, 21, 0x100, 0x8004, 0xFFFF};
    struct rsp r;
    char want[40];
    setup();
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++)
        for (unsigned len = 0; len <= 128; len += 64) {
            fill_payload(TONIC_MBOX_CMD_SA_ADD);
            take_snapshot();
            fw_req(bad[i], payload, len, &r);
            snprintf(want, sizeof want, "unknown command %u", (unsigned)bad[i]);
            CHECK_ERR(r, TONIC_MBOX_ST_BAD_CMD, 0, want);
            CHECK_EQ(r.cmd, bad[i]);
            CHECK(unchanged());
        }
}

static void header_and_layout(void)
{
    struct rsp r;
    setup();
    /* SEQ echoed whatever it is; a non-zero request STATUS is ignored */
    static const uint32_t seqs[] = {0, 1, 0x7FFF, 0x8000, 0xFFFF};
    for (unsigned i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
        uint32_t h[2] = {0, 0};
        tonic_set_mbox_hdr_seq(h, seqs[i]);
        tonic_set_mbox_hdr_cmd(h, TONIC_MBOX_CMD_GET_CONFIG);
        tonic_set_mbox_hdr_status(h, 0x1234);
        CHECK_EQ(fw_req_raw(h[0], h[1], NULL, 0, &r), TONIC_MBOX_ST_OK);
        CHECK_EQ(r.seq, seqs[i]);
        CHECK_EQ(r.len, TONIC_OFFLOAD_SIZE);
    }
    /* MBOX_ERR: FIELD, 64 text bytes NUL-padded, LEN 72 */
    CHECK_EQ(sa_del_req(0, &r), TONIC_MBOX_ST_NOT_FOUND);
    CHECK_EQ(r.len, TONIC_MBOX_ERR_SIZE);
    const uint8_t *t = (const uint8_t *)&mock.resp[FW_HDR_WORDS + FW_WORD(TONIC_MBOX_ERR_TEXT)];
    size_t n = strlen((const char *)t);
    for (size_t i = n; i < TONIC_MBOX_ERR_SIZE - 4; i++)
        CHECK_EQ(t[i], 0);
    /* empty payloads */
    CHECK_EQ(sa_update_req(live_handle, 7, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 0);
    CHECK_EQ(sa_del_req(live_handle, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 0);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_RESET, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 0);
}

static void version_and_stats(void)
{
    struct rsp r;
    uint32_t w[32];
    fw_boot(full_caps);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_VERSION, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, TONIC_MBOX_VERSION_SIZE);
    CHECK_EQ(tonic_mbox_version_fw_version(r.w), FW_VERSION);
    CHECK_EQ(tonic_mbox_version_proto(r.w), 1);
    uint64_t up1 = tonic_mbox_version_uptime_lo(r.w) | ((uint64_t)tonic_mbox_version_uptime_hi(r.w) << 32);
    CHECK_EQ(up1, 1000); /* the mock's counter moves 1,000 per read: one read since start */
    mock.cycles += 0x100000000ull; /* across a 32-bit boundary */
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_VERSION, NULL, 0, &r), TONIC_MBOX_ST_OK);
    uint64_t up2 = tonic_mbox_version_uptime_lo(r.w) | ((uint64_t)tonic_mbox_version_uptime_hi(r.w) << 32);
    CHECK_EQ(up2, up1 + 0x100000000ull + 1000);

    /* 2 requests so far; now: SET_PARAMS ok, 3 adds (1 EXISTS), 1 delete, 1 bad delete, BAD_CMD */
    CHECK_EQ(set_params(0, params1(0, 0, 0, 0, 0, 0, 3), &r), TONIC_MBOX_ST_OK);
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 1, 1, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    uint32_t h1 = r.w[0];
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_EXISTS);
    sa_build(w, 0, 2, TONIC_SA_ENC_AES_GCM_128, 0, 2, 1, 1);
    CHECK_EQ(sa_add_req(w, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(sa_del_req(h1, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(sa_del_req(h1, &r), TONIC_MBOX_ST_NOT_FOUND);
    CHECK_EQ(fw_req(99, NULL, 0, &r), TONIC_MBOX_ST_BAD_CMD);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_STATS, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.len, 20);
    CHECK_EQ(r.w[0], 10); /* REQUESTS, this one included */
    CHECK_EQ(r.w[1], 3);  /* ERRORS */
    CHECK_EQ(r.w[2], 1);  /* SA_COUNT */
    CHECK_EQ(r.w[3], 2);  /* SA_ADDS */
    CHECK_EQ(r.w[4], 1);  /* SA_DELS */
    /* RESET empties the table; the counters go on */
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_RESET, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(fw_req(TONIC_MBOX_CMD_STATS, NULL, 0, &r), TONIC_MBOX_ST_OK);
    CHECK_EQ(r.w[0], 12);
    CHECK_EQ(r.w[2], 0);
    CHECK_EQ(r.w[3], 2);
    struct mbox_stats st;
    mbox_get_stats(&st);
    CHECK_EQ(st.requests, 12);
    CHECK_EQ(st.errors, 3);
}

int main(void)
{
    bad_len();
    bad_cmd();
    header_and_layout();
    version_and_stats();
    CHECK_EQ(fw_transport_errors, 0);
    CHECK_EQ(mock.bad_access, 0);
    TEST_DONE();
}
