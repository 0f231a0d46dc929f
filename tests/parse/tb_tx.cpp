// SPDX-License-Identifier: MIT
//
// Testbench for tonic_tx_csum against the C model: each frame goes in with the offload words of
// its TX descriptor (TXD words 3..6); the frame that comes out must equal the model's
// tonic_tx_csum() of the input, byte for byte, and the TX_CSUM / TX_CSUM_SKIP pulses must match
// the model's verdicts. Frames ending with tuser = 1 must vanish.
//   gen N SEED STALL CFG     generated frames, requests made as a stack does
//                            (tonic_tx_csum_request, NDIS or Linux style), 1 in 5 with random
//                            request bits and offsets instead; 1 in 20 dropped (tuser)
//   mutate N SEED STALL CFG  the same with malformed frames
//   rate N SEED SIZE         back-to-back SIZE-byte TCP/IPv4 frames asking for the IP and TCP
//                            checksums, output always ready: cycles per frame against ceil(SIZE/8)
// CFG is the CONFIG.CSUM word (0x4001F: every TX checksum and Linux-style requests on).
#include <memory>

#include "tb_parse.h"

#include "Vtonic_tx_csum.h"
#include "verilated.h"

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: tb_tx gen|mutate N SEED [STALL%% [CFG]] | rate N SEED SIZE\n");
        return 2;
    }
    std::string mode = argv[1];
    unsigned long n = std::strtoul(argv[2], nullptr, 0);
    unsigned long long seed = std::strtoull(argv[3], nullptr, 0);
    bool rate = mode == "rate";
    unsigned stall = (!rate && argc > 4) ? (unsigned)std::strtoul(argv[4], nullptr, 0) : 0;
    uint32_t cfg = (!rate && argc > 5) ? (uint32_t)std::strtoul(argv[5], nullptr, 0) : 0x4001Fu;
    unsigned size = rate && argc > 4 ? (unsigned)std::strtoul(argv[4], nullptr, 0) : 0;
    if (mode != "gen" && mode != "mutate" && !rate) {
        std::fprintf(stderr, "tb_tx: unknown mode '%s'\n", mode.c_str());
        return 2;
    }
    if (rate && (size < 60 || size > PKTGEN_MAX_FRAME)) {
        std::fprintf(stderr, "tb_tx: rate needs a SIZE of 60..%u\n", PKTGEN_MAX_FRAME);
        return 2;
    }
    std::printf("tb_tx %s n=%lu seed=%llu stall=%u%% cfg=0x%x\n", mode.c_str(), n, seed, stall, cfg);

    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<Vtonic_tx_csum>(ctx.get());
    struct pktgen g;
    pktgen_seed(&g, seed);
    Tally t;
    Source src;
    src.idle_pct = stall;
    m->cfg_csum = cfg;

    struct Exp {
        std::vector<uint8_t> b;
        unsigned verdict;
    };
    std::deque<Exp> exp;
    std::vector<uint8_t> cur;
    unsigned long made = 0, out = 0, want_csum = 0, want_skip = 0, got_csum = 0, got_skip = 0, dropped = 0;
    uint64_t cyc = 0, quiet = 0, first_out = 0, last_out = 0;

    m->rst = 1;
    for (int i = 0; i < 4; i++) {
        m->clk = !m->clk;
        m->eval();
    }
    m->rst = 0;

    while (true) {
        while (made < n && src.q.size() < 3) {
            Frame f;
            if (rate) {
                struct pktgen_spec sp;
                pktgen_spec_default(&sp);
                sp.payload = size;
                f.b.resize(PKTGEN_MAX_FRAME + 64);
                f.b.resize(pktgen_build(&g, &sp, f.b.data(), size, nullptr));
                tonic_tx_csum_request(f.b.data(), (unsigned)f.b.size(), f.txd, TONIC_CSUM_STYLE_NDIS);
            } else {
                f = make_frame(&g, mode == "mutate");
                if (chance(&g, 20)) {
                    // random request bits and offsets, as a confused or hostile driver might send
                    for (int w = 3; w <= 6; w++)
                        f.txd[w] = pktgen_rand(&g) & (chance(&g, 50) ? 0xFFFFFFFFu : 0x0003FFFFu);
                } else {
                    tonic_tx_csum_request(f.b.data(), (unsigned)f.b.size(), f.txd,
                                          chance(&g, 30) ? TONIC_CSUM_STYLE_LINUX : TONIC_CSUM_STYLE_NDIS);
                }
                f.bad = chance(&g, 5);
            }
            if (f.bad) {
                dropped++;
            } else {
                Exp e;
                e.b = f.b;
                uint32_t pm[7];
                tonic_parse(e.b.data(), (unsigned)e.b.size(), pm);
                e.verdict = tonic_tx_csum(e.b.data(), (unsigned)e.b.size(), f.txd, pm, cfg);
                want_csum += (e.verdict & TONIC_TXCS_WRITTEN) != 0;
                want_skip += (e.verdict & TONIC_TXCS_SKIPPED) != 0;
                exp.push_back(e);
            }
            src.q.push_back(f);
            made++;
        }
        m->clk = 0;
        m->eval();
        src.present(&g);
        m->s_axis_tvalid = src.valid;
        m->s_axis_tdata = src.data;
        m->s_axis_tkeep = src.keep;
        m->s_axis_tlast = src.last;
        m->s_axis_tuser = src.valid && src.last && src.q.front().bad;
        for (int w = 0; w < 4; w++)
            m->s_ol[w] = src.valid ? src.q.front().txd[3 + w] : 0;
        bool ready = !chance(&g, stall);
        m->m_axis_tready = ready;
        m->eval();
        if (src.valid && m->s_axis_tready)
            src.taken();
        got_csum += m->stat_csum;
        got_skip += m->stat_skip;
        if (m->m_axis_tvalid && ready) {
            quiet = cyc;
            if (out == 0 && cur.empty())
                first_out = cyc;
            last_out = cyc;
            for (int i = 0; i < 8; i++)
                if (m->m_axis_tkeep >> i & 1)
                    cur.push_back((uint8_t)(m->m_axis_tdata >> (8 * i)));
            if (m->m_axis_tlast) {
                if (t.check(!exp.empty(), "output frame %lu with nothing expected", out)) {
                    Exp &e = exp.front();
                    if (!t.check(cur == e.b, "frame %lu (len %zu/%zu): bytes differ from the model (verdict 0x%x)",
                                 out, cur.size(), e.b.size(), e.verdict)) {
                        for (size_t i = 0; i < cur.size() && i < e.b.size(); i++)
                            if (cur[i] != e.b[i]) {
                                std::printf("  first difference at byte %zu: rtl %02x model %02x\n", i, cur[i], e.b[i]);
                                break;
                            }
                        std::printf("  model: %s\n  rtl:   %s\n", hex(e.b, 128).c_str(), hex(cur, 128).c_str());
                    }
                    exp.pop_front();
                }
                cur.clear();
                out++;
            }
        }
        m->clk = 1;
        m->eval();
        cyc++;
        if (made == n && src.q.empty() && exp.empty() && cyc - quiet > 50)
            break;
        if (cyc - quiet > 100000) {
            t.check(false, "hang: no output for 100000 cycles (%lu frames out, %zu expected)", out, exp.size());
            break;
        }
        if (t.failed > 10)
            break;
    }
    t.check(exp.empty(), "%zu frames never came out", exp.size());
    t.check(got_csum == want_csum && got_skip == want_skip, "counters: TX_CSUM %lu/%lu, TX_CSUM_SKIP %lu/%lu (rtl/model)",
            got_csum, want_csum, got_skip, want_skip);
    std::printf("frames: %lu sent, %lu dropped (tuser), %lu out; %lu with checksums written, %lu with a request skipped\n",
                made, dropped, out, want_csum, want_skip);
    if (rate) {
        double c = (double)(last_out - first_out + 1);
        std::printf("rate %u B: %.3f cycles per frame, limit %u (ceil(len/8)); %.4f bytes/cycle\n", size, c / out,
                    beats_of(size), (double)size * out / c);
    }
    m->final();
    return t.finish();
}
