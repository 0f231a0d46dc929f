// SPDX-License-Identifier: MIT
//
// Testbench for tonic_parser against the C model (model/tonic_parse.c).
//   gen N SEED STALL     N generated frames (every header combination of pktgen), STALL % idle
//                        input cycles and STALL % cycles with the record not taken
//   mutate N SEED STALL  the malformed campaign: N frames damaged by pktgen_mutate (truncation,
//                        flipped header bytes, bad lengths)
//   rate N SEED          back-to-back frames, record always taken: prints input cycles against
//                        beats and the record latency after the last beat (a benchmark)
// Every record must equal the model's, word for word; a frame that gets no record within
// 100,000 cycles is a hang. Exit 0 when everything matched.
#include <memory>

#include "tb_parse.h"

#include "Vtonic_parser.h"
#include "verilated.h"

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: tb_parser gen|mutate|rate N SEED [STALL%%]\n");
        return 2;
    }
    std::string mode = argv[1];
    unsigned long n = std::strtoul(argv[2], nullptr, 0);
    unsigned long long seed = std::strtoull(argv[3], nullptr, 0);
    unsigned stall = argc > 4 ? (unsigned)std::strtoul(argv[4], nullptr, 0) : 0;
    bool rate = mode == "rate";
    if (mode != "gen" && mode != "mutate" && !rate) {
        std::fprintf(stderr, "tb_parser: unknown mode '%s'\n", mode.c_str());
        return 2;
    }
    if (rate)
        stall = 0;
    std::printf("tb_parser %s n=%lu seed=%llu stall=%u%%\n", mode.c_str(), n, seed, stall);

    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<Vtonic_parser>(ctx.get());
    struct pktgen g;
    pktgen_seed(&g, seed);
    Tally t;
    Source src;
    src.idle_pct = stall;

    struct Exp {
        uint32_t pm[7];
        std::vector<uint8_t> b;
        uint64_t last_cycle;
    };
    std::deque<Exp> exp;
    unsigned long made = 0, got = 0;
    uint64_t cyc = 0, idle_since = 0, in_beats = 0, first_in = 0, last_in = 0;
    uint64_t lat_max = 0, lat_sum = 0;
    bool seen_valid = false;

    m->rst = 1;
    m->clk = 0;
    for (int i = 0; i < 4; i++) {
        m->clk = !m->clk;
        m->eval();
    }
    m->rst = 0;

    while (got < n) {
        while (made < n && src.q.size() < 4) {
            Frame f = make_frame(&g, mode == "mutate");
            Exp e;
            tonic_parse(f.b.data(), (unsigned)f.b.size(), e.pm);
            e.b = f.b;
            e.last_cycle = 0;
            exp.push_back(e);
            src.q.push_back(f);
            made++;
        }
        m->clk = 0;
        m->eval();
        src.present(&g);
        m->s_tvalid = src.valid;
        m->s_tdata = src.data;
        m->s_tkeep = src.keep;
        m->s_tlast = src.last;
        bool ready_out = !chance(&g, stall);
        m->m_ready = ready_out;
        m->eval();
        bool in_fire = src.valid && m->s_tready;
        bool out_fire = m->m_valid && ready_out;
        if (m->m_valid && !seen_valid && !exp.empty()) {
            // first cycle this record is offered: latency from its frame's last beat
            seen_valid = true;
            uint64_t lat = cyc - exp.front().last_cycle;
            lat_max = lat > lat_max ? lat : lat_max;
            lat_sum += lat;
        }
        if (out_fire) {
            if (!t.check(!exp.empty(), "record with no frame")) {
                break;
            }
            Exp &e = exp.front();
            bool same = true;
            for (int w = 0; w < 7; w++)
                same = same && m->m_meta[w] == e.pm[w];
            if (!t.check(same, "frame %lu (len %zu): record differs from the model", got, e.b.size())) {
                char a[512], b[512];
                uint32_t rtl[7];
                for (int w = 0; w < 7; w++)
                    rtl[w] = m->m_meta[w];
                tonic_pmeta_format(a, sizeof a, rtl, 0, 0);
                tonic_pmeta_format(b, sizeof b, e.pm, 0, 0);
                std::printf("  rtl:   %s\n  model: %s\n  frame: %s\n", a, b, hex(e.b, 160).c_str());
            }
            exp.pop_front();
            got++;
            seen_valid = false;
            idle_since = cyc;
        }
        if (in_fire) {
            if (in_beats++ == 0)
                first_in = cyc;
            last_in = cyc;
            if (src.taken()) {
                // the frame just completed is the oldest one without a last-beat time
                for (auto &e : exp)
                    if (e.last_cycle == 0) {
                        e.last_cycle = cyc;
                        break;
                    }
            }
        }
        m->clk = 1;
        m->eval();
        cyc++;
        if (cyc - idle_since > 100000) {
            t.check(false, "hang: no record for 100000 cycles (%lu of %lu records)", got, n);
            break;
        }
        if (t.failed > 10)
            break;
    }
    t.check(got == n, "records: got %lu, want %lu", got, n);
    if (rate || mode == "gen") {
        double cyc_in = (double)(last_in - first_in + 1);
        std::printf("input: %llu beats in %.0f cycles (%.4f beats/cycle); record latency after the last beat: "
                    "mean %.2f, max %llu cycles\n",
                    (unsigned long long)in_beats, cyc_in, in_beats / cyc_in, got ? (double)lat_sum / got : 0.0,
                    (unsigned long long)lat_max);
    }
    m->final();
    return t.finish();
}
