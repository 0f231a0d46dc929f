// SPDX-License-Identifier: MIT
//
// Testbench for eth_mac_tx: random frames (1..9300 bytes, every length 1..70 first), some
// aborted, through the MAC with random input idle cycles and random output back-pressure; every
// output frame must equal the C model's padded frame + FCS byte for byte, with exact tkeep and
// tuser. Mode "rate" feeds back-to-back frames into an always-ready output and checks that the
// only input stalls are the pad/FCS beats the MAC has to add.
//
// usage: tb_mac_tx pad_fcs|rate [seed]
#include <cstdio>
#include <cstring>
#include <memory>

#include "axis_tb.h"

#include "Veth_mac_tx.h"
#include "verilated.h"

#ifndef TB_MIN_FRAME
#define TB_MIN_FRAME 60
#endif

static size_t beats_of(size_t n)
{
    return (n + TB_KEEP - 1) / TB_KEEP;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "pad_fcs";
    bool rate = std::strcmp(mode, "rate") == 0;
    uint64_t seed;
    if ((!rate && std::strcmp(mode, "pad_fcs") != 0) || !mac_parse_seed(argc, argv, 2, 1, &seed)) {
        std::printf("usage: %s pad_fcs|rate [seed]\n", argv[0]);
        return 2;
    }
    tb_usage_seed(argv[0], mode, seed);
    mac_rng rng;
    mac_rng_seed(&rng, seed);

    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<Veth_mac_tx>(ctx.get());
    TbTally t;
    AxisSource src;
    AxisSink sink;
    std::deque<TbFrame> expect;   // frames as sent, for the model
    size_t nframes = rate ? 400 : 2070;

    for (size_t i = 0; i < nframes; i++) {
        TbFrame f;
        size_t len;
        if (!rate && i < 70)
            len = i + 1;                                   // every short length, incl. padding
        else if (mac_rng_chance(&rng, 40))
            len = 1 + mac_rng_below(&rng, 130);
        else
            len = 1 + mac_rng_below(&rng, rate ? 2000 : 9300);
        f.bytes.resize(len);
        mac_rng_fill(&rng, f.bytes.data(), len);
        f.user = !rate && mac_rng_chance(&rng, 10);       // abort: sent with inverted FCS
        f.tag = i;
        src.q.push_back(f);
        expect.push_back(f);
    }
    src.idle_pct = rate ? 0 : 30;

    // added beats of the last frame come after the input has run dry: they stall nothing
    uint64_t in_beats = 0, out_beats_exp = 0, added_last = 0;
    for (const TbFrame &f : expect) {
        in_beats += beats_of(f.bytes.size());
        size_t l = f.bytes.size() < TB_MIN_FRAME ? TB_MIN_FRAME : f.bytes.size();
        out_beats_exp += beats_of(l + 4);
        added_last = beats_of(l + 4) - beats_of(f.bytes.size());
    }

    m->rst = 1;
    m->clk = 0;
    for (int i = 0; i < 4; i++) {
        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
    }
    m->rst = 0;

    uint64_t cycle = 0, first_out = 0, last_out = 0, in_stalls = 0, aborted = 0;
    unsigned stall_left = 0;
    std::vector<uint8_t> exp_bytes;
    size_t checked = 0;
    const uint64_t max_cycles = 40ull * (out_beats_exp + 1000);

    while (checked < nframes && cycle < max_cycles) {
        src.drive(&rng, m->s_axis_tdata, m->s_axis_tkeep, m->s_axis_tvalid, m->s_axis_tlast,
                  &m->s_axis_tuser);
        // back-pressure: short random gaps plus occasional long stalls
        bool ready = true;
        if (!rate) {
            if (stall_left) {
                stall_left--;
                ready = false;
            } else if (mac_rng_chance(&rng, 1)) {
                stall_left = mac_rng_below(&rng, 200);
                ready = false;
            } else {
                ready = !mac_rng_chance(&rng, 30);
            }
        }
        m->m_axis_tready = ready;
        m->eval();

        bool in_fire = m->s_axis_tvalid && m->s_axis_tready;
        if (m->s_axis_tvalid && !m->s_axis_tready)
            in_stalls++;
        bool out_fire = m->m_axis_tvalid && m->m_axis_tready;
        if (out_fire) {
            if (!first_out)
                first_out = cycle;
            last_out = cycle;
            sink.take(t, m->m_axis_tdata, m->m_axis_tkeep, m->m_axis_tlast, m->m_axis_tuser);
        }

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
            exp_bytes.resize(e.bytes.size() + TB_MIN_FRAME + 4);
            size_t n = mac_tx_frame(e.bytes.data(), e.bytes.size(), e.user, TB_MIN_FRAME,
                                    exp_bytes.data());
            bool ok = tb_same_bytes(t, "tx", e.tag, got.bytes, exp_bytes.data(), n);
            t.check(ok, "tx frame %llu content", (unsigned long long)e.tag);
            t.check(got.user == e.user, "tx frame %llu: tuser %d, expected %d (abort)",
                    (unsigned long long)e.tag, (int)got.user, (int)e.user);
            aborted += e.user;
            checked++;
        }
    }

    t.check(checked == nframes, "received %zu of %zu frames in %llu cycles", checked, nframes,
            (unsigned long long)cycle);
    t.check(sink.beats == out_beats_exp, "output beats %llu, expected %llu",
            (unsigned long long)sink.beats, (unsigned long long)out_beats_exp);
    std::printf("frames %zu (aborted %llu), input beats %llu, output beats %llu, cycles %llu\n",
                checked, (unsigned long long)aborted, (unsigned long long)in_beats,
                (unsigned long long)sink.beats, (unsigned long long)cycle);
    if (rate) {
        // back-to-back input, ready output: one output beat every cycle, and the input waits
        // exactly for the pad/FCS beats the MAC adds
        uint64_t span = last_out - first_out + 1;
        std::printf("output: %llu beats in %llu cycles = %.4f beats/cycle; input stalls %llu "
                    "(pad/FCS beats added %llu)\n",
                    (unsigned long long)sink.beats, (unsigned long long)span,
                    (double)sink.beats / (double)span, (unsigned long long)in_stalls,
                    (unsigned long long)(out_beats_exp - in_beats));
        t.check(span == sink.beats, "output idle for %llu cycles",
                (unsigned long long)(span - sink.beats));
        uint64_t exp_stalls = out_beats_exp - in_beats - added_last;
        t.check(in_stalls == exp_stalls, "input stalled %llu cycles, expected %llu",
                (unsigned long long)in_stalls, (unsigned long long)exp_stalls);
    }
    m->final();
    return t.finish();
}
