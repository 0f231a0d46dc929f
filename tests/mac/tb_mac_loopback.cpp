// SPDX-License-Identifier: MIT
//
// Testbench for eth_mac_tx -> eth_mac_rx (mac_loopback_top). Random frames of 1..MAX_FRAME
// bytes with random idle cycles at the TX input and random gaps on the wire (the RX side sees
// idle cycles, never a stall).
//   good:  every frame comes out of RX identical to what went in, zero-padded to 60 bytes,
//          tuser 0, one stat_rx_good each and no bad-frame pulse.
//   abort: 30% of frames are aborted at TX (tuser on the last beat); exactly those come out with
//          tuser 1 and one stat_rx_bad_fcs each (the MAC sent them with an inverted FCS).
//
// usage: tb_mac_loopback good|abort [seed]
#include <cstdio>
#include <cstring>
#include <memory>

#include "axis_tb.h"

#include "Vmac_loopback_top.h"
#include "verilated.h"

#define TB_MIN_FRAME 60
#define TB_MAX_FRAME 9216

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "good";
    bool abort_mode = std::strcmp(mode, "abort") == 0;
    uint64_t seed;
    if ((!abort_mode && std::strcmp(mode, "good") != 0) ||
        !mac_parse_seed(argc, argv, 2, 3, &seed)) {
        std::printf("usage: %s good|abort [seed]\n", argv[0]);
        return 2;
    }
    tb_usage_seed(argv[0], mode, seed);
    mac_rng rng;
    mac_rng_seed(&rng, seed);

    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<Vmac_loopback_top>(ctx.get());
    TbTally t;
    AxisSource src;
    AxisSink sink;
    std::deque<TbFrame> expect;
    size_t nframes = abort_mode ? 600 : 1200;
    unsigned long exp_good = 0, exp_bad = 0;

    for (size_t i = 0; i < nframes; i++) {
        TbFrame f;
        size_t len = i < 70 ? i + 1
                     : mac_rng_chance(&rng, 40) ? 1 + mac_rng_below(&rng, 130)
                                                : 1 + mac_rng_below(&rng, TB_MAX_FRAME);
        if (i == 70)
            len = TB_MAX_FRAME;
        f.bytes.resize(len);
        mac_rng_fill(&rng, f.bytes.data(), len);
        f.user = abort_mode && mac_rng_chance(&rng, 30);
        f.tag = i;
        (f.user ? exp_bad : exp_good)++;
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
    unsigned long good = 0, bad_fcs = 0, runt = 0, over = 0, multi = 0;
    while (checked < nframes && cycle < 100000000ull) {
        src.drive(&rng, m->s_axis_tdata, m->s_axis_tkeep, m->s_axis_tvalid, m->s_axis_tlast,
                  &m->s_axis_tuser);
        m->wire_ready = !mac_rng_chance(&rng, 20);
        m->eval();
        bool in_fire = m->s_axis_tvalid && m->s_axis_tready;
        if (m->m_axis_tvalid)
            sink.take(t, m->m_axis_tdata, m->m_axis_tkeep, m->m_axis_tlast, m->m_axis_tuser);
        good += m->stat_rx_good;
        bad_fcs += m->stat_rx_bad_fcs;
        runt += m->stat_rx_runt;
        over += m->stat_rx_oversize;
        multi += (m->stat_rx_good + m->stat_rx_bad_fcs + m->stat_rx_runt + m->stat_rx_oversize) > 1;

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
            std::vector<uint8_t> padded = e.bytes;
            if (padded.size() < TB_MIN_FRAME)
                padded.resize(TB_MIN_FRAME, 0);
            bool ok = tb_same_bytes(t, "loopback", e.tag, got.bytes, padded.data(), padded.size());
            t.check(ok, "loopback frame %llu content", (unsigned long long)e.tag);
            t.check(got.user == e.user, "loopback frame %llu (%zu bytes): tuser %d, expected %d",
                    (unsigned long long)e.tag, e.bytes.size(), (int)got.user, (int)e.user);
            checked++;
        }
    }
    // let the last status pulse out
    for (int i = 0; i < 8; i++) {
        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
        good += m->stat_rx_good;
        bad_fcs += m->stat_rx_bad_fcs;
        runt += m->stat_rx_runt;
        over += m->stat_rx_oversize;
    }

    t.check(checked == nframes, "received %zu of %zu frames", checked, nframes);
    t.check(multi == 0, "%lu cycles with more than one status pulse", multi);
    t.check(good == exp_good, "stat_rx_good %lu, expected %lu", good, exp_good);
    t.check(bad_fcs == exp_bad, "stat_rx_bad_fcs %lu, expected %lu", bad_fcs, exp_bad);
    t.check(runt == 0 && over == 0, "stat_rx_runt %lu, stat_rx_oversize %lu, expected 0", runt, over);
    std::printf("frames %zu in %llu cycles (%d-bit): good %lu, bad_fcs %lu, runt %lu, oversize %lu\n",
                checked, (unsigned long long)cycle, 8 * TB_KEEP, good, bad_fcs, runt, over);
    m->final();
    return t.finish();
}
