// SPDX-License-Identifier: MIT
//
// sha_dut.cpp — the cycle loop behind ShaDut (sha_dut.h): sets inputs, evaluates the model on the
// low clock phase to see the combinational readies, records which handshakes fire, then clocks.
// Sources hold tvalid and their data stable until the handshake, as AXI requires.
#include "sha_dut.h"

#include <cstdio>
#include <cstring>

#include "Vtonic_hmac_sha256.h"
#include "verilated.h"

struct ShaDut::Model {
    VerilatedContext ctx;
    Vtonic_hmac_sha256 top;
    Model() : top(&ctx, "TOP") {}
};

static const uint64_t kStuckCycles = 200000;   // no handshake for this long: the engine hangs

ShaDut::ShaDut(uint64_t seed) : m_(new Model), rng_(seed)
{
    Vtonic_hmac_sha256 &t = m_->top;
    t.s_key_valid = 0;
    t.s_cmd_valid = 0;
    t.s_axis_tvalid = 0;
    t.m_res_ready = 0;
    t.rst = 1;
    for (int i = 0; i < 4; i++)
        tick();
    t.rst = 0;
}

ShaDut::~ShaDut()
{
    m_->top.final();
}

void ShaDut::tick()
{
    m_->top.clk = 0;
    m_->top.eval();
    m_->top.clk = 1;
    m_->top.eval();
    cycles_++;
}

static void put_bytes(uint32_t *words, unsigned nwords, const uint8_t *p, size_t n)
{
    for (unsigned w = 0; w < nwords; w++)
        words[w] = 0;
    for (size_t i = 0; i < n && i < 4u * nwords; i++)
        words[i / 4] |= (uint32_t)p[i] << (8 * (i % 4));
}

static void set_key(Vtonic_hmac_sha256 &t, unsigned slot, const uint8_t *key, size_t len)
{
    uint32_t w[16];
    put_bytes(w, 16, key, len);
    for (unsigned i = 0; i < 16; i++)
        t.s_key_data[i] = w[i];
    t.s_key_slot = slot;
    t.s_key_len = (uint8_t)(len > 127 ? 127 : len);
}

int ShaDut::load_key(unsigned slot, const uint8_t *key, size_t len)
{
    Vtonic_hmac_sha256 &t = m_->top;
    while (idle_pct_ && rng_.chance(idle_pct_))
        tick();
    set_key(t, slot, key, len);
    t.s_key_valid = 1;
    t.m_res_ready = 1;
    uint64_t start = cycles_;
    for (;;) {
        t.clk = 0;
        t.eval();
        bool fire = t.s_key_ready;
        t.clk = 1;
        t.eval();
        cycles_++;
        if (fire)
            break;
        if (cycles_ - start > kStuckCycles)
            return -1;
    }
    t.s_key_valid = 0;
    std::memset(t.s_key_data.data(), 0xA5, 64);   // the engine must not need the key any more
    for (;;) {
        if (t.key_done)
            return t.key_err ? 1 : 0;
        if (cycles_ - start > kStuckCycles)
            return -1;
        tick();
    }
}

int ShaDut::load_any_key(unsigned slot, const uint8_t *key, size_t len)
{
    if (len <= 64)
        return load_key(slot, key, len);
    std::vector<ShaJob> jobs(1);
    jobs[0].mode = SHA_HASH;
    jobs[0].msg.assign(key, key + len);
    jobs[0].cmd_len = (uint32_t)len;
    std::vector<ShaResult> res;
    if (!run(jobs, res) || !res[0].ok)
        return -1;
    return load_key(slot, res[0].icv, 32);
}

bool ShaDut::run(const std::vector<ShaJob> &jobs, std::vector<ShaResult> &res,
                 const std::vector<ShaKey> &side)
{
    Vtonic_hmac_sha256 &t = m_->top;
    const size_t n = jobs.size();
    size_t ci = 0, si = 0, off = 0, ri = 0, ki = 0;
    bool cmd_v = false, beat_v = false, key_v = false, key_wait = false, ok = true;
    uint64_t last_progress = cycles_;
    res.assign(n, ShaResult());
    res_cycles_.assign(n, 0);
    first_cmd_ = 0;

    while (ri < n || ki < side.size() || key_v || key_wait) {
        while (si < n && jobs[si].msg.empty())
            si++;
        if (!cmd_v && ci < n && !(idle_pct_ && rng_.chance(idle_pct_))) {
            const ShaJob &j = jobs[ci];
            t.s_cmd_mode = j.mode & 3u;
            t.s_cmd_slot = j.slot;
            t.s_cmd_len = j.cmd_len;
            t.s_cmd_icv_len = j.icv_len & 63u;
            uint32_t w[8];
            put_bytes(w, 8, j.icv, 32);
            for (unsigned i = 0; i < 8; i++)
                t.s_cmd_icv[i] = w[i];
            cmd_v = true;
        }
        if (!beat_v && si < n && !(idle_pct_ && rng_.chance(idle_pct_))) {
            const std::vector<uint8_t> &msg = jobs[si].msg;
            size_t k = msg.size() - off < 8 ? msg.size() - off : 8;
            uint64_t d = 0;
            for (size_t i = 0; i < k; i++)
                d |= (uint64_t)msg[off + i] << (8 * i);
            for (size_t i = k; i < 8; i++)
                d |= (uint64_t)0x5A << (8 * i);        // junk in the lanes tkeep excludes
            t.s_axis_tdata = d;
            t.s_axis_tkeep = (uint8_t)((1u << k) - 1u);
            t.s_axis_tlast = off + k == msg.size();
            beat_v = true;
        }
        if (!key_v && !key_wait && ki < side.size() && rng_.chance(3)) {
            set_key(t, side[ki].slot, side[ki].key.data(), side[ki].key.size());
            key_v = true;
        }
        t.s_cmd_valid = cmd_v;
        t.s_axis_tvalid = beat_v;
        t.s_key_valid = key_v;
        bool rr = !(bp_pct_ && rng_.chance(bp_pct_));
        t.m_res_ready = rr;

        t.clk = 0;
        t.eval();
        bool cmd_fire = cmd_v && t.s_cmd_ready;
        bool beat_fire = beat_v && t.s_axis_tready;
        bool key_fire = key_v && t.s_key_ready;
        bool res_fire = t.m_res_valid && rr;
        if (res_fire && ri < n) {
            ShaResult &r = res[ri];
            for (unsigned i = 0; i < 32; i++)
                r.icv[i] = (uint8_t)(t.m_res_icv[i / 4] >> (8 * (i % 4)));
            r.ok = t.m_res_ok;
            r.err_len = t.m_res_err_len;
            r.err_key = t.m_res_err_key;
            r.err_cmd = t.m_res_err_cmd;
            res_cycles_[ri] = cycles_;
            ri++;
        } else if (res_fire) {
            std::printf("sha_dut: a result nobody asked for\n");
            ok = false;
        }
        t.clk = 1;
        t.eval();
        cycles_++;

        if (cmd_fire) {
            if (ci == 0)
                first_cmd_ = cycles_ - 1;
            ci++;
            cmd_v = false;
        }
        if (beat_fire) {
            off += 8;
            beat_v = false;
            if (off >= jobs[si].msg.size()) {
                si++;
                off = 0;
            }
        }
        if (key_fire) {
            key_v = false;
            key_wait = true;
            ki++;
        }
        if (key_wait && t.key_done) {
            key_wait = false;
            if (t.key_err) {
                std::printf("sha_dut: side key load %zu refused\n", ki - 1);
                ok = false;
            }
        }
        if (cmd_fire || beat_fire || key_fire || res_fire)
            last_progress = cycles_;
        if (cycles_ - last_progress > kStuckCycles) {
            std::printf("sha_dut: no progress for %llu cycles (command %zu, stream job %zu, result %zu)\n",
                        (unsigned long long)kStuckCycles, ci, si, ri);
            return false;
        }
    }
    t.s_cmd_valid = 0;
    t.s_axis_tvalid = 0;
    t.s_key_valid = 0;
    return ok;
}
