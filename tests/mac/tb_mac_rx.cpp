// SPDX-License-Identifier: MIT
//
// Testbench for eth_mac_rx. Frames with FCS go in with random idle cycles (never stalled: the
// input is documented as unstallable, and tready must stay 1); the output has no tready.
//   good: good frames of 64..9220 bytes (with FCS), boundary lengths included; every frame must
//         come out without its FCS, byte for byte, tuser 0, and stat_rx_good once each.
//   bad:  a mix of good frames and mutated ones: one bit flipped (anywhere, FCS included),
//         truncated to 1..63 bytes, oversize (up to 9300 bytes of payload), and the exact limits
//         63/64 and MAX_FRAME+4/+5. The C model gives the verdict (oversize > runt > bad FCS);
//         each frame's output bytes, tuser, and the exact sequence of status pulses (exactly one
//         per frame) are checked.
//
// usage: tb_mac_rx good|bad [seed]
#include <cstdio>
#include <cstring>
#include <memory>

#include "axis_tb.h"

#include "Veth_mac_rx.h"
#include "verilated.h"

#ifndef TB_MAX_FRAME
#define TB_MAX_FRAME 9216
#endif

enum kind { K_GOOD, K_FLIP, K_TRUNC, K_OVER, K_EXACT };

static TbFrame make_good(mac_rng *rng, size_t payload)
{
    TbFrame f;
    f.bytes.resize(payload + 4);
    mac_rng_fill(rng, f.bytes.data(), payload);
    uint32_t fcs = mac_crc32(f.bytes.data(), payload);
    for (int k = 0; k < 4; k++)
        f.bytes[payload + (size_t)k] = (uint8_t)(fcs >> (8 * k));
    return f;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "good";
    bool bad = std::strcmp(mode, "bad") == 0;
    uint64_t seed;
    if ((!bad && std::strcmp(mode, "good") != 0) || !mac_parse_seed(argc, argv, 2, 2, &seed)) {
        std::printf("usage: %s good|bad [seed]\n", argv[0]);
        return 2;
    }
    tb_usage_seed(argv[0], mode, seed);
    mac_rng rng;
    mac_rng_seed(&rng, seed);

    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<Veth_mac_rx>(ctx.get());
    TbTally t;
    AxisSource src;
    AxisSink sink;
    std::deque<TbFrame> expect;
    std::vector<int> exp_verdicts, got_verdicts;
    unsigned long exp_count[4] = {0, 0, 0, 0};

    const size_t exact[] = {60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72,
                            TB_MAX_FRAME - 7, TB_MAX_FRAME - 3, TB_MAX_FRAME - 1, TB_MAX_FRAME};
    const size_t n_exact = sizeof exact / sizeof exact[0];
    size_t nframes = bad ? 2500 : 1500;
    for (size_t i = 0; i < nframes; i++) {
        TbFrame f;
        int k;
        if (i < n_exact) {
            f = make_good(&rng, exact[i]);
            k = K_EXACT;
        } else if (!bad) {
            size_t p = mac_rng_chance(&rng, 40) ? 60 + mac_rng_below(&rng, 140)
                                                : 60 + mac_rng_below(&rng, TB_MAX_FRAME - 59);
            f = make_good(&rng, p);
            k = K_GOOD;
        } else {
            unsigned r = mac_rng_below(&rng, 100);
            if (r < 25) {
                f = make_good(&rng, 60 + mac_rng_below(&rng, 2000));
                k = K_GOOD;
            } else if (r < 55) {
                f = make_good(&rng, 60 + mac_rng_below(&rng, mac_rng_chance(&rng, 50) ? 100 : 3000));
                size_t bit = mac_rng_below(&rng, (uint32_t)(8 * f.bytes.size()));
                f.bytes[bit / 8] ^= (uint8_t)(1u << (bit % 8));
                k = K_FLIP;
            } else if (r < 75) {
                // truncated: 1..63 bytes, half of them with an FCS that matches the short frame
                size_t n = 1 + mac_rng_below(&rng, 63);
                if (n > 4 && mac_rng_chance(&rng, 50)) {
                    f = make_good(&rng, n - 4);
                } else {
                    f = make_good(&rng, 100);
                    f.bytes.resize(n);
                }
                k = K_TRUNC;
            } else if (r < 90) {
                f = make_good(&rng, TB_MAX_FRAME + 1 + mac_rng_below(&rng, 9300 - TB_MAX_FRAME));
                if (mac_rng_chance(&rng, 30))
                    f.bytes[mac_rng_below(&rng, (uint32_t)f.bytes.size())] ^= 0x10;
                k = K_OVER;
            } else {
                const size_t lim[] = {59, 60, 61, TB_MAX_FRAME, TB_MAX_FRAME + 1, TB_MAX_FRAME + 2};
                f = make_good(&rng, lim[mac_rng_below(&rng, 6)]);
                k = K_EXACT;
            }
        }
        f.tag = i | ((uint64_t)k << 32);
        enum mac_rx_verdict v = mac_rx_check(f.bytes.data(), f.bytes.size(), TB_MAX_FRAME);
        exp_verdicts.push_back(v);
        exp_count[v]++;
        src.q.push_back(f);
        expect.push_back(f);
    }
    src.idle_pct = 30;

    m->rst = 1;
    m->clk = 0;
    for (int i = 0; i < 4; i++) {
        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
    }
    m->rst = 0;

    uint64_t cycle = 0;
    size_t checked = 0;
    unsigned long multi_pulse = 0, not_ready = 0;
    while ((checked < nframes || got_verdicts.size() < nframes) && cycle < 100000000ull) {
        src.drive(&rng, m->s_axis_tdata, m->s_axis_tkeep, m->s_axis_tvalid, m->s_axis_tlast,
                  (CData *)nullptr);
        m->eval();
        if (!m->s_axis_tready)
            not_ready++;
        bool in_fire = m->s_axis_tvalid && m->s_axis_tready;
        if (m->m_axis_tvalid)
            sink.take(t, m->m_axis_tdata, m->m_axis_tkeep, m->m_axis_tlast, m->m_axis_tuser);
        int pulses = m->stat_rx_good + m->stat_rx_bad_fcs + m->stat_rx_runt + m->stat_rx_oversize;
        if (pulses > 1)
            multi_pulse++;
        if (m->stat_rx_good)
            got_verdicts.push_back(MAC_RX_GOOD);
        if (m->stat_rx_bad_fcs)
            got_verdicts.push_back(MAC_RX_BAD_FCS);
        if (m->stat_rx_runt)
            got_verdicts.push_back(MAC_RX_RUNT);
        if (m->stat_rx_oversize)
            got_verdicts.push_back(MAC_RX_OVERSIZE);

        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
        cycle++;
        src.advance(in_fire);

        while (!sink.done.empty()) {
            TbFrame got = std::move(sink.done.front());
            sink.done.pop_front();
            if (expect.empty()) {
                t.check(false, "unexpected extra output frame");
                continue;
            }
            TbFrame e = std::move(expect.front());
            expect.pop_front();
            uint64_t idx = e.tag & 0xFFFFFFFFu;
            enum mac_rx_verdict v = mac_rx_check(e.bytes.data(), e.bytes.size(), TB_MAX_FRAME);
            size_t n = mac_rx_out_len(e.bytes.size(), TB_MAX_FRAME, TB_KEEP);
            bool ok = tb_same_bytes(t, "rx", idx, got.bytes, e.bytes.data(), n);
            t.check(ok, "rx frame %llu (%zu bytes, %s, kind %llu) content",
                    (unsigned long long)idx, e.bytes.size(), mac_rx_verdict_name(v),
                    (unsigned long long)(e.tag >> 32));
            t.check(got.user == (v != MAC_RX_GOOD), "rx frame %llu (%zu bytes, %s): tuser %d",
                    (unsigned long long)idx, e.bytes.size(), mac_rx_verdict_name(v),
                    (int)got.user);
            checked++;
        }
    }

    t.check(not_ready == 0, "s_axis_tready was low for %lu cycles", not_ready);
    t.check(multi_pulse == 0, "%lu cycles with more than one status pulse", multi_pulse);
    t.check(checked == nframes, "received %zu of %zu frames", checked, nframes);
    t.check(got_verdicts.size() == nframes, "%zu status pulses for %zu frames",
            got_verdicts.size(), nframes);
    size_t mism = 0;
    for (size_t i = 0; i < got_verdicts.size() && i < exp_verdicts.size(); i++) {
        if (got_verdicts[i] != exp_verdicts[i] && mism++ < 5)
            t.check(false, "frame %zu: status pulse %s, expected %s", i,
                    mac_rx_verdict_name((enum mac_rx_verdict)got_verdicts[i]),
                    mac_rx_verdict_name((enum mac_rx_verdict)exp_verdicts[i]));
    }
    t.check(mism == 0, "%zu frames with the wrong status pulse", mism);
    unsigned long got_count[4] = {0, 0, 0, 0};
    for (int v : got_verdicts)
        got_count[v]++;
    for (int v = 0; v < 4; v++)
        t.check(got_count[v] == exp_count[v], "stat %s: %lu pulses, expected %lu",
                mac_rx_verdict_name((enum mac_rx_verdict)v), got_count[v], exp_count[v]);
    std::printf("frames %zu in %llu cycles: good %lu, bad_fcs %lu, runt %lu, oversize %lu\n",
                checked, (unsigned long long)cycle, got_count[0], got_count[1], got_count[2],
                got_count[3]);
    m->final();
    return t.finish();
}
