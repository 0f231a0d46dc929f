// SPDX-License-Identifier: MIT
//
// Verilator glue for tonic_gcm shared by tb_gcm and tonic-crypto-vectors: loads keys, and runs a
// batch of packets through the engine with optional random idle cycles on the command and data
// inputs and random back-pressure on the data and result outputs, collecting each packet's output
// bytes (with tkeep/tlast checked), tag, verdict and error flag. It knows the interface, not GCM.
#ifndef TONIC_TESTS_CRYPTO_GCM_DUT_H
#define TONIC_TESTS_CRYPTO_GCM_DUT_H

#include <cstring>
#include <deque>
#include <memory>
#include <vector>

#include "Vtonic_gcm.h"
#include "crypto_tb.h"

enum { GCM_ENC = 0, GCM_DEC = 1, GCM_GMAC = 2, GCM_GMAC_VERIFY = 3 };

struct GcmPkt {
    unsigned slot = 0, mode = GCM_ENC, icv = 16;
    std::vector<uint8_t> aad, data;   // data: plaintext (encrypt) or ciphertext (decrypt)
    uint8_t nonce[12] = {0};
    uint8_t tag_exp[16] = {0};        // verify modes
    bool bad_tlast = false;           // put tlast one beat early (testing the error flag)
    // results
    std::vector<uint8_t> out;
    uint8_t tag[16] = {0};
    bool ok = false, err = false, done = false;
    unsigned framing_errors = 0;      // tkeep/tlast on the output not as the lengths say
};

struct GcmDut {
    std::unique_ptr<VerilatedContext> ctx;
    std::unique_ptr<Vtonic_gcm> m;
    uint64_t cycles = 0;
    unsigned idle_pct = 0, stall_pct = 0;   // input idle / output back-pressure probabilities
    // a key load in the middle of a batch: offered when command rekey_at is next (run() clears it);
    // the engine must take it only when the packets before it no longer need the AES core, and
    // hold the commands after it until the new key is in place
    int rekey_at = -1;
    unsigned rekey_slot = 0;
    uint8_t rekey_key[32] = {0};
    size_t rekey_len = 16;
    uint64_t rekey_wait = 0;                 // cycles the offered key waited for s_key_ready

    GcmDut() : ctx(new VerilatedContext), m(new Vtonic_gcm(ctx.get()))
    {
        m->clk = 0;
        m->rst = 1;
        m->s_key_valid = 0;
        m->s_cmd_valid = 0;
        m->s_axis_tvalid = 0;
        m->m_axis_tready = 0;
        m->m_res_ready = 0;
        for (int i = 0; i < 4; i++)
            tick();
        m->rst = 0;
    }
    void tick()
    {
        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
        cycles++;
    }
    void put_key(unsigned slot, const uint8_t *key, size_t klen)
    {
        cr_put(m->s_key_data, 256, key, klen);
        m->s_key_slot = slot;
        m->s_key_len = klen == 16 ? 0 : klen == 24 ? 1 : 2;
    }
    // returns false if the engine never took the key
    bool load_key(unsigned slot, const uint8_t *key, size_t klen)
    {
        put_key(slot, key, klen);
        m->s_key_valid = 1;
        m->eval();
        unsigned guard = 0;
        while (!m->s_key_ready && guard++ < 100000)
            tick();
        tick();
        m->s_key_valid = 0;
        m->eval();
        while (!m->s_key_ready && guard++ < 100000)
            tick();
        return guard < 100000;
    }

    static size_t out_len(const GcmPkt &p) { return p.mode >= GCM_GMAC ? p.aad.size() : p.data.size(); }

    // Runs the packets; returns false on a hang.
    bool run(std::vector<GcmPkt> &pk, CrRng &rng)
    {
        // the input stream, beat by beat
        struct Beat {
            uint64_t d;
            bool last;
        };
        std::deque<Beat> beats;
        for (GcmPkt &p : pk) {
            std::vector<Beat> b;
            const std::vector<uint8_t> *sec[2] = {&p.aad, &p.data};
            for (int s = 0; s < 2; s++) {
                if (s == 1 && p.mode >= GCM_GMAC)
                    break;
                const std::vector<uint8_t> &v = *sec[s];
                for (size_t off = 0; off < v.size(); off += 8) {
                    uint64_t d = rng.next();   // bytes past the end are garbage: must be ignored
                    for (size_t i = 0; i < 8 && off + i < v.size(); i++) {
                        d &= ~(0xffull << (8 * i));
                        d |= (uint64_t)v[off + i] << (8 * i);
                    }
                    b.push_back({d, false});
                }
            }
            if (!b.empty())
                b.back().last = true;
            if (p.bad_tlast && b.size() >= 2)
                b[b.size() - 2].last = true;
            beats.insert(beats.end(), b.begin(), b.end());
            p.out.clear();
            p.done = false;
            p.framing_errors = 0;
        }
        size_t cmd_i = 0, out_i = 0, res_i = 0;
        bool cmd_v = false, dat_v = false, key_v = false;
        rekey_wait = 0;
        uint64_t guard = 0, limit = 200000 + 40 * beats.size() + 200 * pk.size();
        auto skip_empty = [&]() {
            while (out_i < pk.size() && out_len(pk[out_i]) == 0)
                out_i++;
        };
        auto take_out = [&]() {
            if (out_i >= pk.size())
                return false;
            GcmPkt &p = pk[out_i];
            size_t want = out_len(p), have = p.out.size();
            size_t n = want - have < 8 ? want - have : 8;
            bool last = have + n == want;
            if (m->m_axis_tkeep != (uint32_t)((1u << n) - 1) || (bool)m->m_axis_tlast != last)
                p.framing_errors++;
            for (size_t i = 0; i < n; i++)
                p.out.push_back((uint8_t)(m->m_axis_tdata >> (8 * i)));
            if (last) {
                out_i++;
                skip_empty();
            }
            return true;
        };
        skip_empty();
        while (res_i < pk.size()) {
            if (guard++ > limit)
                return false;
            if (!cmd_v && cmd_i < pk.size() && !(idle_pct && rng.chance(idle_pct))) {
                const GcmPkt &p = pk[cmd_i];
                cmd_v = true;
                m->s_cmd_slot = p.slot;
                m->s_cmd_mode = p.mode;
                m->s_cmd_aad_len = (uint32_t)p.aad.size();
                m->s_cmd_len = (uint32_t)p.data.size();
                cr_put(m->s_cmd_nonce, 96, p.nonce, 12);
                m->s_cmd_icv_len = p.icv;
                cr_put(m->s_cmd_tag, 128, p.tag_exp, 16);
            }
            if (!dat_v && !beats.empty() && !(idle_pct && rng.chance(idle_pct))) {
                dat_v = true;
                m->s_axis_tdata = beats.front().d;
                m->s_axis_tlast = beats.front().last;
                m->s_axis_tkeep = 0xff;
            }
            if (!key_v && rekey_at >= 0 && cmd_i == (size_t)rekey_at) {
                key_v = true;
                put_key(rekey_slot, rekey_key, rekey_len);
            }
            m->s_key_valid = key_v;
            m->s_cmd_valid = cmd_v;
            m->s_axis_tvalid = dat_v;
            m->m_axis_tready = !(stall_pct && rng.chance(stall_pct));
            m->m_res_ready = !(stall_pct && rng.chance(stall_pct));
            m->eval();
            bool key_took = key_v && m->s_key_ready;
            rekey_wait += key_v && !key_took;
            bool cmd_took = cmd_v && m->s_cmd_ready;
            bool dat_took = dat_v && m->s_axis_tready;
            if (m->m_axis_tvalid && m->m_axis_tready && !take_out())
                return false;   // output with no packet to belong to
            if (m->m_res_valid && m->m_res_ready) {
                GcmPkt &p = pk[res_i++];
                cr_get(m->m_res_tag, 128, p.tag, 16);
                p.ok = m->m_res_ok;
                p.err = m->m_res_err;
                p.done = true;
            }
            tick();
            if (key_took) {
                key_v = false;
                rekey_at = -1;
                m->s_key_valid = 0;
            }
            if (cmd_took) {
                cmd_v = false;
                cmd_i++;
            }
            if (dat_took) {
                dat_v = false;
                beats.pop_front();
            }
        }
        // the last output beats may trail the last result by a few cycles
        for (unsigned i = 0; i < 50 && out_i < pk.size(); i++) {
            m->m_axis_tready = 1;
            m->m_res_ready = 0;
            m->eval();
            if (m->m_axis_tvalid)
                take_out();
            tick();
        }
        return out_i >= pk.size();
    }
};

#endif
