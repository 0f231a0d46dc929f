/* SPDX-License-Identifier: MIT */
/* mbox.c — the firmware mailbox (docs/mailbox.md): one request at a time through MBOX.REQ_BUF and
 * DOORBELL, the answer from RESP_BUF when STATUS.DONE rises; the firmware log FIFO; and firmware
 * replacement through the FW window with the device's own CRC of what landed in memory.
 *
 * Every wait is bounded by cfg.reg_timeout_ms. A non-OK answer returns -EPROTO with the status,
 * the refused field and the firmware's reason in the caller's reply and in tonic_last_error(). */
#include <errno.h>
#include <string.h>

#include "log.h"
#include "regs.h"

#define MBOX_MAX_PAYLOAD 504u

static int need_mbox(struct tonic_dev *dev)
{
    if (dev->lay.mbox == TONIC_NO_BLOCK)
        return tonic_error(-ENODEV, "%s: the device has no MBOX block (no firmware control plane)", dev->addr);
    return 0;
}

const char *tonic_mbox_status_name(unsigned st)
{
    switch (st) {
    case TONIC_MBOX_ST_OK: return "ok";
    case TONIC_MBOX_ST_BAD_CMD: return "unknown command";
    case TONIC_MBOX_ST_BAD_LEN: return "bad length";
    case TONIC_MBOX_ST_BAD_VALUE: return "bad value";
    case TONIC_MBOX_ST_UNSUPPORTED: return "unsupported";
    case TONIC_MBOX_ST_CONFLICT: return "conflict";
    case TONIC_MBOX_ST_NO_SPACE: return "no space";
    case TONIC_MBOX_ST_NOT_FOUND: return "not found";
    case TONIC_MBOX_ST_REFUSED_ALG: return "algorithm refused";
    case TONIC_MBOX_ST_EXISTS: return "exists";
    default: return "unknown status";
    }
}

/* Waits until STATUS & mask == want; says what it waited for on timeout. */
static int wait_status(struct tonic_dev *dev, uint32_t mask, uint32_t want, const char *what)
{
    int err = tonic_poll_reg(dev, dev->lay.mbox + TONIC_MBOX_STATUS, mask, want, dev->cfg.reg_timeout_ms);

    if (err == -ETIMEDOUT)
        return tonic_error(err, "%s: firmware mailbox: timed out after %u ms waiting for %s (STATUS 0x%x)",
                           dev->addr, dev->cfg.reg_timeout_ms, what,
                           tonic_rd32(dev, dev->lay.mbox + TONIC_MBOX_STATUS));
    return err;
}

int tonic_mbox_call(struct tonic_dev *dev, unsigned cmd, const void *req, size_t req_len, void *resp,
                    size_t resp_cap, size_t *resp_len, struct tonic_mbox_reply *reply)
{
    uint32_t base = dev->lay.mbox, hdr[2], w;
    uint16_t seq;
    size_t len;
    int err = need_mbox(dev);

    if (reply)
        memset(reply, 0, sizeof(*reply));
    if (resp_len)
        *resp_len = 0;
    if (err)
        return err;
    if (req_len > MBOX_MAX_PAYLOAD || (req_len & 3) || cmd > 0xFFFF)
        return tonic_error(-EINVAL, "mailbox request of %zu bytes for command %u: at most %u, a multiple of 4",
                           req_len, cmd, MBOX_MAX_PAYLOAD);
    if (tonic_rd32(dev, base + TONIC_MBOX_STATUS) & TONIC_MBOX_STATUS_FW_HELD)
        return tonic_error(-EAGAIN, "%s: the soft core is held in reset (FW.CTRL.HOLD)", dev->addr);
    err = wait_status(dev, TONIC_MBOX_STATUS_BUSY | TONIC_MBOX_STATUS_FW_READY, TONIC_MBOX_STATUS_FW_READY,
                      "the firmware to be ready and idle");
    if (err)
        return err;

    seq = ++dev->mbox_seq;
    memset(hdr, 0, sizeof(hdr));
    tonic_set_mbox_hdr_seq(hdr, seq);
    tonic_set_mbox_hdr_cmd(hdr, cmd);
    tonic_set_mbox_hdr_len(hdr, (uint32_t)req_len);
    tonic_wr32(dev, base + TONIC_MBOX_REQ_BUF, hdr[0]);
    tonic_wr32(dev, base + TONIC_MBOX_REQ_BUF + 4, hdr[1]);
    for (size_t i = 0; i < req_len; i += 4) {
        memcpy(&w, (const uint8_t *)req + i, 4);
        tonic_wr32(dev, base + TONIC_MBOX_REQ_BUF + 8 + (uint32_t)i, w);
    }
    tonic_wr32(dev, base + TONIC_MBOX_DOORBELL, 1);
    err = wait_status(dev, TONIC_MBOX_STATUS_BUSY | TONIC_MBOX_STATUS_DONE, TONIC_MBOX_STATUS_DONE,
                      "the firmware's answer");
    if (err)
        return err;

    hdr[0] = tonic_rd32(dev, base + TONIC_MBOX_RESP_BUF);
    hdr[1] = tonic_rd32(dev, base + TONIC_MBOX_RESP_BUF + 4);
    err = tonic_io_err(dev);
    if (err)
        return err;
    len = tonic_mbox_hdr_len(hdr);
    if (tonic_mbox_hdr_seq(hdr) != seq || tonic_mbox_hdr_cmd(hdr) != cmd || len > MBOX_MAX_PAYLOAD || (len & 3))
        return tonic_error(-EPROTO, "%s: malformed mailbox answer: seq %u cmd %u len %zu (sent seq %u cmd %u)",
                           dev->addr, tonic_mbox_hdr_seq(hdr), tonic_mbox_hdr_cmd(hdr), len, seq, cmd);
    unsigned st = tonic_mbox_hdr_status(hdr);
    if (st != TONIC_MBOX_ST_OK) {
        uint32_t e[TONIC_MBOX_ERR_SIZE / 4] = {0};
        char text[65];

        for (size_t i = 0; i < len && i < sizeof(e); i += 4)
            e[i / 4] = tonic_rd32(dev, base + TONIC_MBOX_RESP_BUF + 8 + (uint32_t)i);
        memcpy(text, &e[1], 64);
        text[64] = '\0';
        if (reply) {
            reply->status = st;
            reply->field = tonic_mbox_err_field(e);
            memcpy(reply->reason, text, sizeof(reply->reason));
        }
        return tonic_error(-EPROTO, "firmware refused command %u: %s (field %u): %s", cmd,
                           tonic_mbox_status_name(st), tonic_mbox_err_field(e), text);
    }
    if (len > resp_cap)
        return tonic_error(-EPROTO, "%s: mailbox answer of %zu bytes to command %u, expected at most %zu",
                           dev->addr, len, cmd, resp_cap);
    for (size_t i = 0; i < len; i += 4) {
        w = tonic_rd32(dev, base + TONIC_MBOX_RESP_BUF + 8 + (uint32_t)i);
        memcpy((uint8_t *)resp + i, &w, 4);
    }
    if (resp_len)
        *resp_len = len;
    return tonic_io_err(dev);
}

/* A command whose answer must be exactly `want` bytes. */
static int call_exact(struct tonic_dev *dev, unsigned cmd, const void *req, size_t req_len, void *resp,
                      size_t want, struct tonic_mbox_reply *reply)
{
    size_t got;
    int err = tonic_mbox_call(dev, cmd, req, req_len, resp, want, &got, reply);

    if (!err && got != want)
        return tonic_error(-EPROTO, "%s: answer to command %u has %zu bytes, expected %zu", dev->addr, cmd, got, want);
    return err;
}

int tonic_fw_version(struct tonic_dev *dev, struct tonic_fw_version *v)
{
    uint32_t w[TONIC_MBOX_VERSION_SIZE / 4];
    int err = call_exact(dev, TONIC_MBOX_CMD_VERSION, NULL, 0, w, sizeof(w), NULL);

    if (err)
        return err;
    v->fw_version = tonic_mbox_version_fw_version(w);
    v->proto = tonic_mbox_version_proto(w);
    v->uptime_cycles = (uint64_t)tonic_mbox_version_uptime_hi(w) << 32 | tonic_mbox_version_uptime_lo(w);
    return 0;
}

static void offload_from_words(const uint32_t *w, struct tonic_offload *o)
{
    o->csum = tonic_offload_csum(w);
    o->lso = tonic_offload_lso(w);
    o->lso_max = tonic_offload_lso_max(w);
    o->lso_min_seg = tonic_offload_lso_min_seg(w);
    o->rsc = tonic_offload_rsc(w);
    o->encap = tonic_offload_encap(w);
    o->encap_maxhdr = tonic_offload_encap_maxhdr(w);
    o->ipsec = tonic_offload_ipsec(w);
    o->ipsec_algs = tonic_offload_ipsec_algs(w);
    o->ipsec_sas = tonic_offload_ipsec_sas(w);
    o->dma_sg = tonic_offload_dma_sg(w);
}

static int offload_call(struct tonic_dev *dev, unsigned cmd, const void *req, size_t req_len,
                        struct tonic_offload *o, struct tonic_mbox_reply *reply)
{
    uint32_t w[TONIC_OFFLOAD_SIZE / 4];
    int err = call_exact(dev, cmd, req, req_len, w, sizeof(w), reply);

    if (!err)
        offload_from_words(w, o);
    return err;
}

int tonic_fw_caps(struct tonic_dev *dev, struct tonic_offload *caps)
{
    return offload_call(dev, TONIC_MBOX_CMD_GET_CAPS, NULL, 0, caps, NULL);
}

int tonic_fw_config(struct tonic_dev *dev, struct tonic_offload *cfg)
{
    return offload_call(dev, TONIC_MBOX_CMD_GET_CONFIG, NULL, 0, cfg, NULL);
}

int tonic_fw_set_params(struct tonic_dev *dev, const struct tonic_offload_params *p, struct tonic_offload *cfg,
                        struct tonic_mbox_reply *reply)
{
    return offload_call(dev, TONIC_MBOX_CMD_SET_PARAMS, p->w, sizeof(p->w), cfg, reply);
}

int tonic_fw_stats(struct tonic_dev *dev, struct tonic_fw_stats *st)
{
    uint32_t w[5];
    int err = call_exact(dev, TONIC_MBOX_CMD_STATS, NULL, 0, w, sizeof(w), NULL);

    if (!err) {
        st->requests = w[0];
        st->errors = w[1];
        st->sa_count = w[2];
        st->sa_adds = w[3];
        st->sa_dels = w[4];
    }
    return err;
}

int tonic_fw_reset(struct tonic_dev *dev)
{
    return call_exact(dev, TONIC_MBOX_CMD_RESET, NULL, 0, NULL, 0, NULL);
}

int tonic_sa_add(struct tonic_dev *dev, const struct tonic_sa *sa, uint32_t *handle, struct tonic_mbox_reply *reply)
{
    uint32_t h = 0;
    int err = call_exact(dev, TONIC_MBOX_CMD_SA_ADD, sa->w, sizeof(sa->w), &h, sizeof(h), reply);

    if (!err)
        *handle = h;
    return err;
}

int tonic_sa_update(struct tonic_dev *dev, uint32_t handle, uint32_t esn_hi, struct tonic_mbox_reply *reply)
{
    uint32_t w[2] = {handle, esn_hi};

    return call_exact(dev, TONIC_MBOX_CMD_SA_UPDATE, w, sizeof(w), NULL, 0, reply);
}

int tonic_sa_del(struct tonic_dev *dev, uint32_t handle, struct tonic_mbox_reply *reply)
{
    return call_exact(dev, TONIC_MBOX_CMD_SA_DEL, &handle, sizeof(handle), NULL, 0, reply);
}

int tonic_sa_list(struct tonic_dev *dev, uint32_t start, struct tonic_sa_info *out, unsigned max, uint32_t *next)
{
    uint32_t w[MBOX_MAX_PAYLOAD / 4];
    size_t got;
    int err = tonic_mbox_call(dev, TONIC_MBOX_CMD_SA_LIST, &start, sizeof(start), w, sizeof(w), &got, NULL);
    unsigned n;

    if (err)
        return err;
    n = got >= 8 ? w[0] : 0;
    if (got < 8 || got != 8 + (size_t)n * TONIC_SA_INFO_SIZE)
        return tonic_error(-EPROTO, "%s: SA_LIST answer of %zu bytes does not hold its %u entries", dev->addr, got, n);
    *next = w[1];
    for (unsigned i = 0; i < n && i < max; i++) {
        const uint32_t *e = &w[2 + i * (TONIC_SA_INFO_SIZE / 4)];

        out[i].handle = tonic_sa_info_handle(e);
        out[i].flags = tonic_sa_info_flags(e);
        out[i].spi = tonic_sa_info_spi(e);
        out[i].algs = tonic_sa_info_algs(e);
        out[i].esn_hi = tonic_sa_info_esn_hi(e);
        out[i].dst = tonic_sa_info_dst(e);
        out[i].packets = tonic_sa_info_packets(e);
        out[i].errors = tonic_sa_info_errors(e);
    }
    return (int)(n < max ? n : max);
}

int tonic_mbox_last_cycles(struct tonic_dev *dev, uint32_t *cycles)
{
    int err = need_mbox(dev);

    if (err)
        return err;
    *cycles = tonic_rd32(dev, dev->lay.mbox + TONIC_MBOX_LAST_CYCLES);
    return tonic_io_err(dev);
}

int tonic_fw_log(struct tonic_dev *dev, char *buf, size_t cap)
{
    size_t n = 0;
    int err = need_mbox(dev);

    if (err)
        return err;
    while (n + 1 < cap) {
        uint32_t v = tonic_rd32(dev, dev->lay.mbox + TONIC_MBOX_LOG);

        err = tonic_io_err(dev);
        if (err)
            return err;
        if (!(v & TONIC_MBOX_LOG_VALID))
            break;
        buf[n++] = (char)(v & TONIC_MBOX_LOG_BYTE);
    }
    if (cap)
        buf[n] = '\0';
    return (int)n;
}

/* CRC-32 (IEEE 802.3, reflected, as zlib's crc32()): what FW.CRC computes over the words read
 * back from memory, bytes in little-endian order. */
static uint32_t crc32_bytes(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;

    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int b = 0; b < 8; b++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

static int fw_wait_crc(struct tonic_dev *dev)
{
    int err = tonic_poll_reg(dev, dev->lay.fw + TONIC_FW_STATUS, TONIC_FW_STATUS_CRC_BUSY, 0, dev->cfg.reg_timeout_ms);

    if (err == -ETIMEDOUT)
        return tonic_error(err, "%s: firmware load: the CRC check did not finish in %u ms", dev->addr,
                           dev->cfg.reg_timeout_ms);
    return err;
}

int tonic_fw_load(struct tonic_dev *dev, const struct tonic_fw_region *regions, unsigned n)
{
    uint32_t fw = dev->lay.fw, w;
    int err;

    if (fw == TONIC_NO_BLOCK)
        return tonic_error(-ENODEV, "%s: the device has no FW block (firmware cannot be replaced)", dev->addr);
    for (unsigned r = 0; r < n; r++)
        if ((regions[r].len & 3) || (regions[r].addr & 3) || !regions[r].len)
            return tonic_error(-EINVAL, "firmware region %u at 0x%08x: %zu bytes, must be word aligned and not empty",
                               r, regions[r].addr, regions[r].len);

    tonic_wr32(dev, fw + TONIC_FW_CTRL, TONIC_FW_CTRL_HOLD);
    tonic_wr32(dev, fw + TONIC_FW_STATUS, TONIC_FW_STATUS_REFUSED); /* clear a stale flag */
    for (unsigned r = 0; r < n; r++) {
        const struct tonic_fw_region *g = &regions[r];

        tonic_wr32(dev, fw + TONIC_FW_ADDR, g->addr);
        for (size_t i = 0; i < g->len; i += 4) {
            memcpy(&w, g->data + i, 4);
            tonic_wr32(dev, fw + TONIC_FW_DATA, w);
        }
        /* read back through the device's CRC engine: proves the words are in memory */
        tonic_wr32(dev, fw + TONIC_FW_ADDR, g->addr);
        tonic_wr32(dev, fw + TONIC_FW_CRC_LEN, (uint32_t)(g->len / 4));
        err = fw_wait_crc(dev);
        if (err)
            return err;
        if (tonic_rd32(dev, fw + TONIC_FW_STATUS) & TONIC_FW_STATUS_REFUSED)
            return tonic_error(-EIO, "%s: firmware load: the device refused region %u at 0x%08x (+%zu bytes): "
                               "outside its memories", dev->addr, r, g->addr, g->len);
        uint32_t got = tonic_rd32(dev, fw + TONIC_FW_CRC), want = crc32_bytes(g->data, g->len);
        err = tonic_io_err(dev);
        if (err)
            return err;
        if (got != want)
            return tonic_error(-EIO, "%s: firmware load: CRC of region %u at 0x%08x is 0x%08x in the device, "
                               "0x%08x in the image; the core stays held", dev->addr, r, g->addr, got, want);
    }
    tonic_wr32(dev, fw + TONIC_FW_CTRL, 0);
    err = wait_status(dev, TONIC_MBOX_STATUS_FW_READY, TONIC_MBOX_STATUS_FW_READY, "the new firmware to start");
    return err;
}
