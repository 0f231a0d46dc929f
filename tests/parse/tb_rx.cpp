// SPDX-License-Identifier: MIT
//
// Testbench for the receive half (tonic_rx_front + tonic_rx_csum, in rx_path_top) against the C
// model: every frame that comes out must be a stored input frame, byte for byte and in order, and
// its result word (m_res: parser errors, checksum verdicts, raw sum, offsets, tunnel ID, packet
// type) must equal what the model gives with the same CONFIG.CSUM word.
//   gen N SEED STALL CFG     generated frames, 1 in 8 with a flipped byte, 1 in 10 "bad FCS"
//                            (tuser), STALL % idle input cycles and % output back-pressure
//   mutate N SEED STALL CFG  the malformed campaign
//   rate N SEED SIZE         back-to-back SIZE-byte frames, output always ready: cycles per frame
// CFG is the CONFIG.CSUM word (0x1F00: every RX check on; 0: off). The input is never stalled
// (a MAC cannot wait), so frames may be dropped for room: each drop must be reported (drop_full or
// drop_parse) and the dropped frames are exactly the ones missing from the output.
#include <memory>

#include "tb_parse.h"

#include "Vrx_path_top.h"
#include "verilated.h"

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: tb_rx gen|mutate N SEED [STALL%% [CFG]] | rate N SEED SIZE\n");
        return 2;
    }
    std::string mode = argv[1];
    unsigned long n = std::strtoul(argv[2], nullptr, 0);
    unsigned long long seed = std::strtoull(argv[3], nullptr, 0);
    bool rate = mode == "rate";
    unsigned stall = (!rate && argc > 4) ? (unsigned)std::strtoul(argv[4], nullptr, 0) : 0;
    uint32_t cfg = (!rate && argc > 5) ? (uint32_t)std::strtoul(argv[5], nullptr, 0) : 0x1F00u;
    unsigned size = rate && argc > 4 ? (unsigned)std::strtoul(argv[4], nullptr, 0) : 0;
    if (mode != "gen" && mode != "mutate" && !rate) {
        std::fprintf(stderr, "tb_rx: unknown mode '%s'\n", mode.c_str());
        return 2;
    }
    if (rate && (size < 14 || size > PKTGEN_MAX_FRAME)) {
        std::fprintf(stderr, "tb_rx: rate needs a SIZE of 14..%u\n", PKTGEN_MAX_FRAME);
        return 2;
    }
    std::printf("tb_rx %s n=%lu seed=%llu stall=%u%% cfg=0x%x\n", mode.c_str(), n, seed, stall, cfg);

    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<Vrx_path_top>(ctx.get());
    struct pktgen g;
    pktgen_seed(&g, seed);
    Tally t;
    Source src;
    src.idle_pct = stall;
    m->cfg_csum = cfg;

    std::deque<Frame> exp;     // good frames sent, not yet seen at the output
    std::vector<uint8_t> cur;  // frame being reassembled at the output
    unsigned long made = 0, out = 0, bad_sent = 0, skipped = 0, drops = 0;
    unsigned long n_ok = 0, n_bad = 0, n_perr = 0, s_ok = 0, s_bad = 0, s_perr = 0;
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
                unsigned len = pktgen_build(&g, &sp, f.b.data(), size, nullptr);
                f.b.resize(len);
            } else {
                f = make_frame(&g, mode == "mutate");
                if (chance(&g, 12))
                    f.b[pktgen_below(&g, (uint32_t)f.b.size())] ^= (uint8_t)(1u << pktgen_below(&g, 8));
                f.bad = chance(&g, 10);
            }
            src.q.push_back(f);
            if (f.bad)
                bad_sent++;
            else
                exp.push_back(f);
            made++;
        }
        m->clk = 0;
        m->eval();
        src.present(&g);
        m->s_tvalid = src.valid;
        m->s_tdata = src.data;
        m->s_tkeep = src.keep;
        m->s_tlast = src.last;
        m->s_tuser = src.valid && src.last && src.q.front().bad;
        bool ready = !chance(&g, stall);
        m->m_tready = ready;
        m->eval();
        if (src.valid)
            src.taken();   // the input is never stalled
        if (m->stat_drop_full || m->stat_drop_parse)
            drops++;
        s_ok += m->stat_ok;
        s_bad += m->stat_bad;
        s_perr += m->stat_perr;
        if (m->m_tvalid && ready) {
            quiet = cyc;
            if (out == 0 && cur.empty())
                first_out = cyc;
            last_out = cyc;
            for (int i = 0; i < 8; i++)
                if (m->m_tkeep >> i & 1)
                    cur.push_back((uint8_t)(m->m_tdata >> (8 * i)));
            if (m->m_tlast) {
                // the oldest expected frame equal to this one; the ones before it were dropped
                while (!exp.empty() && exp.front().b != cur) {
                    exp.pop_front();
                    skipped++;
                }
                if (t.check(!exp.empty(), "output frame %lu (len %zu) matches no input frame", out, cur.size())) {
                    Frame &f = exp.front();
                    uint32_t pm[7], rxc[8] = {0};
                    uint16_t flags = 0, raw = 0;
                    tonic_parse(f.b.data(), (unsigned)f.b.size(), pm);
                    tonic_rx_csum(f.b.data(), (unsigned)f.b.size(), pm, cfg, &flags, &raw);
                    tonic_pmeta_to_rxc(pm, flags, raw, rxc);
                    // m_res = {ptype, tun_id, il4_off, l3_off[4:0], il3_off, l4_off, raw, flags, perr}
                    uint32_t w[5];
                    for (int i = 0; i < 5; i++)
                        w[i] = m->m_res[i];
                    auto bits = [&](unsigned lsb, unsigned width) {
                        uint64_t v = 0;
                        for (unsigned i = 0; i < width; i++)
                            v |= (uint64_t)(w[(lsb + i) / 32] >> ((lsb + i) % 32) & 1u) << i;
                        return (uint32_t)v;
                    };
                    uint32_t rtl_rxc[8] = {0};
                    tonic_set_rxc_perr(rtl_rxc, bits(0, 8));
                    tonic_set_rxc_csum_flags(rtl_rxc, bits(8, 16));
                    tonic_set_rxc_csum_raw(rtl_rxc, bits(24, 16));
                    tonic_set_rxc_l4_off(rtl_rxc, bits(40, 11));
                    tonic_set_rxc_il3_off(rtl_rxc, bits(51, 11));
                    tonic_set_rxc_l3_off(rtl_rxc, bits(62, 5));
                    tonic_set_rxc_il4_off(rtl_rxc, bits(67, 11));
                    tonic_set_rxc_tun_id(rtl_rxc, bits(78, 32));
                    tonic_set_rxc_ptype(rtl_rxc, bits(110, 24));
                    bool same = true;
                    for (int i = 0; i < 8; i++)
                        same = same && rtl_rxc[i] == rxc[i];
                    if (!t.check(same, "frame %lu (len %zu): results differ from the model", out, f.b.size())) {
                        char a[512], b[512];
                        tonic_rxmeta_format(a, sizeof a, rtl_rxc);
                        tonic_rxmeta_format(b, sizeof b, rxc);
                        std::printf("  rtl:   %s perr=0x%x\n  model: %s perr=0x%x\n  frame: %s\n", a,
                                    tonic_rxc_perr(rtl_rxc), b, tonic_rxc_perr(rxc), hex(f.b, 160).c_str());
                    }
                    n_ok += (flags & (TONIC_CSUMF_IP_BAD | TONIC_CSUMF_TCP_BAD | TONIC_CSUMF_UDP_BAD)) == 0 && flags != 0;
                    n_bad += (flags & (TONIC_CSUMF_IP_BAD | TONIC_CSUMF_TCP_BAD | TONIC_CSUMF_UDP_BAD)) != 0;
                    n_perr += tonic_pmeta_err(pm) != 0;
                    exp.pop_front();
                }
                cur.clear();
                out++;
            }
        }
        m->clk = 1;
        m->eval();
        cyc++;
        if (made == n && src.q.empty() && exp.empty() && cyc - quiet > 200)
            break;
        if (cyc - quiet > 100000) {
            t.check(false, "hang: no output for 100000 cycles (%lu frames out, %zu expected left)", out, exp.size());
            break;
        }
        if (t.failed > 10)
            break;
    }
    skipped += exp.size();
    t.check(skipped == drops, "dropped frames: %lu missing from the output, %lu drop pulses", skipped, drops);
    t.check(s_ok == n_ok && s_bad == n_bad && s_perr == n_perr,
            "counters: ok %lu/%lu bad %lu/%lu perr %lu/%lu (rtl/model)", s_ok, n_ok, s_bad, n_bad, s_perr, n_perr);
    std::printf("frames: %lu sent, %lu bad FCS, %lu delivered, %lu dropped for room; verdicts: %lu ok, %lu bad, "
                "%lu parse errors\n", made, bad_sent, out, skipped, n_ok, n_bad, n_perr);
    if (rate) {
        double c = (double)(last_out - first_out + 1);
        std::printf("rate %u B: %.3f cycles per frame, limit %u (ceil(len/8)); %.4f bytes/cycle\n", size, c / out,
                    beats_of(size), (double)size * out / c);
    }
    m->final();
    return t.finish();
}
