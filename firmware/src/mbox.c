/* SPDX-License-Identifier: MIT */
/* mbox.c — request decoding, dispatch and response encoding for the host mailbox.
 *
 * One request at a time: header, then the command's exact payload length (anything else, or an
 * unknown command, changes nothing and is answered BAD_LEN / BAD_CMD), then the command. The
 * response is built in DMEM and copied to RESP_BUF: payload words first, then the header, then
 * DONE. A non-OK status always carries MBOX_ERR (field number and reason text).
 *
 * Keys: an SA_ADD's SALT and key words are never copied into DMEM — sa.c reads them from REQ_BUF
 * straight into the key store — and after any request whose CMD is SA_ADD (whatever its outcome)
 * REQ_BUF is overwritten with zeros before DONE, so no key byte stays readable anywhere. */
#include "mbox.h"

#include "fwerr.h"
#include "hal.h"
#include "offload.h"
#include "sa.h"

static struct mbox_stats stats;
static uint64_t start_cycles;

/* the public part of the request payload, and the response payload */
static uint32_t req[FW_MBOX_MAX_LEN / 4u];
static uint32_t resp[FW_MBOX_MAX_LEN / 4u];

static const struct {
    uint16_t cmd, len;
    const char *name;
} commands[] = {
    {TONIC_MBOX_CMD_VERSION, 0, "VERSION"},
    {TONIC_MBOX_CMD_GET_CAPS, 0, "GET_CAPS"},
    {TONIC_MBOX_CMD_GET_CONFIG, 0, "GET_CONFIG"},
    {TONIC_MBOX_CMD_SET_PARAMS, TONIC_PARAMS_SIZE, "SET_PARAMS"},
    {TONIC_MBOX_CMD_STATS, 0, "STATS"},
    {TONIC_MBOX_CMD_RESET, 0, "RESET"},
    {TONIC_MBOX_CMD_SA_ADD, TONIC_SA_SIZE, "SA_ADD"},
    {TONIC_MBOX_CMD_SA_UPDATE, FW_SA_UPDATE_LEN, "SA_UPDATE"},
    {TONIC_MBOX_CMD_SA_DEL, FW_SA_DEL_LEN, "SA_DEL"},
    {TONIC_MBOX_CMD_SA_LIST, FW_SA_LIST_LEN, "SA_LIST"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

void mbox_init(void)
{
    stats.requests = stats.errors = stats.sa_adds = stats.sa_dels = 0;
    start_cycles = hal_cycles();
}

void mbox_get_stats(struct mbox_stats *st)
{
    *st = stats;
}

static uint32_t req_secret(unsigned word)
{
    return hal_mbox_req_read(FW_HDR_WORDS + word);
}

static unsigned offload_words(uint32_t (*get)(unsigned))
{
    for (unsigned w = 0; w < FW_OFFLOAD_WORDS; w++)
        resp[w] = get(w);
    return FW_OFFLOAD_WORDS;
}

/* run command c (index into commands[]) on the payload in req; returns response payload words */
static unsigned dispatch(unsigned c, struct fw_status *s)
{
    uint32_t handle;
    unsigned n = 0;

    switch (commands[c].cmd) {
    case TONIC_MBOX_CMD_VERSION: {
        uint64_t up = hal_cycles() - start_cycles;
        tonic_set_mbox_version_fw_version(resp, FW_VERSION);
        tonic_set_mbox_version_proto(resp, FW_PROTO_VERSION);
        tonic_set_mbox_version_uptime_lo(resp, (uint32_t)up);
        tonic_set_mbox_version_uptime_hi(resp, (uint32_t)(up >> 32));
        return TONIC_MBOX_VERSION_SIZE / 4u;
    }
    case TONIC_MBOX_CMD_GET_CAPS:
        return offload_words(offload_caps);
    case TONIC_MBOX_CMD_GET_CONFIG:
        return offload_words(offload_config);
    case TONIC_MBOX_CMD_SET_PARAMS:
        if (offload_set_params(req, s) != TONIC_MBOX_ST_OK)
            return 0;
        return offload_words(offload_config);
    case TONIC_MBOX_CMD_STATS:
        resp[0] = stats.requests;
        resp[1] = stats.errors;
        resp[2] = sa_count();
        resp[3] = stats.sa_adds;
        resp[4] = stats.sa_dels;
        return FW_STATS_WORDS;
    case TONIC_MBOX_CMD_RESET:
        offload_reset();
        sa_reset();
        return 0;
    case TONIC_MBOX_CMD_SA_ADD:
        if (sa_add(req, req_secret, &handle, s) != TONIC_MBOX_ST_OK)
            return 0;
        stats.sa_adds++;
        resp[0] = handle;
        return 1;
    case TONIC_MBOX_CMD_SA_UPDATE:
        sa_update(req[0], req[1], s);
        return 0;
    case TONIC_MBOX_CMD_SA_DEL:
        if (sa_delete(req[0], s) == TONIC_MBOX_ST_OK)
            stats.sa_dels++;
        return 0;
    case TONIC_MBOX_CMD_SA_LIST:
        sa_list(req[0], resp, &n, s);
        return n;
    default:
        return 0; /* not reached: commands[] holds only the cases above */
    }
}

/* MBOX_ERR into resp: FIELD, then the NUL-padded text, little-endian; returns payload words */
static unsigned encode_error(const struct fw_status *s)
{
    unsigned tw = FW_WORD(TONIC_MBOX_ERR_TEXT);
    for (unsigned w = 0; w < TONIC_MBOX_ERR_SIZE / 4u; w++)
        resp[w] = 0;
    tonic_set_mbox_err_field(resp, s->field);
    for (unsigned i = 0; i < s->len && i < FW_ERR_TEXT_BYTES - 1u; i++)
        resp[tw + i / 4u] |= (uint32_t)(uint8_t)s->text[i] << (8u * (i % 4u));
    return TONIC_MBOX_ERR_SIZE / 4u;
}

void mbox_process(void)
{
    uint32_t hdr[FW_HDR_WORDS];
    struct fw_status s;
    unsigned c, n = 0;

    for (unsigned w = 0; w < FW_HDR_WORDS; w++)
        hdr[w] = hal_mbox_req_read(w);
    uint32_t cmd = tonic_mbox_hdr_cmd(hdr), len = tonic_mbox_hdr_len(hdr);

    fw_ok(&s);
    stats.requests++;
    for (c = 0; c < N_COMMANDS && commands[c].cmd != cmd; c++)
        ;
    if (c == N_COMMANDS) {
        fw_fail(&s, TONIC_MBOX_ST_BAD_CMD, 0, "unknown command ");
        fw_text_u(&s, cmd);
    } else if (len != commands[c].len) {
        fw_fail(&s, TONIC_MBOX_ST_BAD_LEN, 0, commands[c].name);
        fw_text(&s, " needs LEN ");
        fw_text_u(&s, commands[c].len);
        fw_text(&s, ", not ");
        fw_text_u(&s, len);
    } else {
        unsigned words = len / 4u;
        if (cmd == TONIC_MBOX_CMD_SA_ADD)
            words = SA_PUBLIC_WORDS; /* the secret words stay in REQ_BUF */
        for (unsigned w = 0; w < words; w++)
            req[w] = hal_mbox_req_read(FW_HDR_WORDS + w);
        n = dispatch(c, &s);
    }
    if (cmd == TONIC_MBOX_CMD_SA_ADD)
        hal_mbox_req_clear();

    if (s.st != TONIC_MBOX_ST_OK) {
        stats.errors++;
        n = encode_error(&s);
    }
    for (unsigned w = 0; w < n; w++)
        hal_mbox_resp_write(FW_HDR_WORDS + w, resp[w]);
    uint32_t out[FW_HDR_WORDS] = {0};
    tonic_set_mbox_hdr_seq(out, tonic_mbox_hdr_seq(hdr));
    tonic_set_mbox_hdr_cmd(out, cmd);
    tonic_set_mbox_hdr_len(out, n * 4u);
    tonic_set_mbox_hdr_status(out, s.st);
    for (unsigned w = FW_HDR_WORDS; w-- > 0;)
        hal_mbox_resp_write(w, out[w]);
    hal_mbox_done();
}
