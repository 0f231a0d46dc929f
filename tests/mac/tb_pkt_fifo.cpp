// SPDX-License-Identifier: MIT
//
// Testbench for axis_pkt_fifo.
//   drops: random frames of 1..9300 bytes (some longer than MAX_FRAME), 15% ending with tuser
//          (bad), random idle cycles on the input (never stalled: tready must stay 1), random
//          back-pressure with long stalls on the output so the FIFO fills up. Checks: the frames
//          that come out are exactly the committed ones, in order, byte for byte; each dropped
//          frame pulses once (drop_bad for bad frames, drop_full only when the FIFO really had
//          no room, the length FIFO was full, or the frame was too long); frames_ready is
//          exact; the output is never idle while a complete frame has been in the FIFO for its
//          3-cycle latency. The length channel is used as a peek: m_len_ready is the data's
//          last-beat handshake, so m_len must be valid, right and stable while a frame's beats
//          are offered.
//   drops_indep: the same, but lengths are taken at random times, independent of the data;
//          they must come out in order, one per stored frame, and be valid within 3 cycles.
//   rate:  three phases of back-to-back frames (60 x 9000 bytes, 400 x 60, 300 x 8) into an
//          always-ready output, each phase starting once the FIFO is empty: prints beats per
//          cycle from a phase's first output beat to its last and requires exactly 1.0, no drops.
//
// usage: tb_pkt_fifo drops|drops_indep|rate [seed]
#include <cstdio>
#include <cstring>
#include <memory>

#include "axis_tb.h"

#include "Vaxis_pkt_fifo.h"
#include "verilated.h"

#ifndef TB_DEPTH
#define TB_DEPTH 2048
#endif
#ifndef TB_LEN_DEPTH
#define TB_LEN_DEPTH 256
#endif
#ifndef TB_MAX_FRAME
#define TB_MAX_FRAME 9216
#endif
#define TB_LATENCY 3  // cycles from a frame's last input beat to its first output beat

enum fstate { F_PENDING, F_COMMITTED, F_DROP_FULL, F_DROP_BAD };

struct FrameInfo {
    size_t len = 0;
    bool bad = false;
    fstate st = F_PENDING;
    uint64_t stored = 0;      // beats counted as stored while it is being written
    uint64_t last_cycle = 0;  // cycle its last beat was accepted
};

static size_t beats_of(size_t n)
{
    return (n + TB_KEEP - 1) / TB_KEEP;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "drops";
    bool rate = std::strcmp(mode, "rate") == 0;
    bool indep = std::strcmp(mode, "drops_indep") == 0;
    uint64_t seed;
    if ((!rate && !indep && std::strcmp(mode, "drops") != 0) ||
        !mac_parse_seed(argc, argv, 2, 4, &seed)) {
        std::printf("usage: %s drops|drops_indep|rate [seed]\n", argv[0]);
        return 2;
    }
    tb_usage_seed(argv[0], mode, seed);
    std::printf("config: DEPTH %d beats, LEN_DEPTH %d, MAX_FRAME %d, %d bytes/beat\n", TB_DEPTH,
                TB_LEN_DEPTH, TB_MAX_FRAME, TB_KEEP);
    mac_rng rng;
    mac_rng_seed(&rng, seed);

    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<Vaxis_pkt_fifo>(ctx.get());
    TbTally t;
    AxisSource src;
    AxisSink sink;
    std::vector<FrameInfo> fi;
    std::vector<std::vector<uint8_t>> data;
    bool small = TB_DEPTH * TB_KEEP < 4096;

    size_t nframes = rate ? 60 + 400 + 300 : 2500;
    for (size_t i = 0; i < nframes; i++) {
        TbFrame f;
        size_t len;
        if (rate) {
            len = i < 60 ? 9000 : i < 460 ? 60 : 8;
        } else {
            unsigned r = mac_rng_below(&rng, 100);
            if (r < 5)
                len = TB_MAX_FRAME + 1 + mac_rng_below(&rng, 9300 - TB_MAX_FRAME);
            else if (r < (small ? 55u : 45u))
                len = 1 + mac_rng_below(&rng, small ? 80 : 200);
            else if (small && r < 85)
                len = 1 + mac_rng_below(&rng, 600);
            else
                len = 1 + mac_rng_below(&rng, TB_MAX_FRAME);
        }
        f.bytes.resize(len);
        mac_rng_fill(&rng, f.bytes.data(), len);
        f.user = !rate && mac_rng_chance(&rng, 15);
        f.tag = i;
        FrameInfo info;
        info.len = len;
        info.bad = f.user;
        fi.push_back(info);
        data.push_back(f.bytes);
        src.q.push_back(f);
    }
    src.idle_pct = rate ? 0 : 30;

    m->rst = 1;
    m->clk = 0;
    for (int i = 0; i < 4; i++) {
        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
    }
    m->rst = 0;

    std::deque<size_t> outq;              // committed frames not yet fully read, in order
    std::deque<size_t> lenq;              // committed frames whose length was not yet taken
    size_t out_off = 0;                   // bytes of outq.front() already read
    uint64_t tb_beats = 0;                // beats written (not dropped) and not yet read
    uint64_t tb_committed = 0, tb_popped = 0;
    uint64_t cycle = 0, out_beats = 0;
    unsigned long lens_taken = 0, n_full_lenq = 0, n_full = 0, n_full_space = 0, n_full_long = 0, n_bad = 0, not_ready = 0;
    unsigned long idle_viol = 0, len_viol = 0, fr_viol = 0, free_viol = 0;
    unsigned stall_left = 0, len_stall_left = 0;
    size_t in_bytes = 0;                  // bytes of the current input frame so far
    // the beat accepted in the previous cycle, whose drop pulse (if any) shows now
    bool prev_beat = false, prev_last = false, prev_full_ok = false, prev_lenq_full = false;
    size_t prev_frame = 0;
    size_t done_frames = 0;

    const size_t phase_start[3] = {0, 60, 460};
    uint64_t ph_first[3] = {0, 0, 0}, ph_last[3] = {0, 0, 0}, ph_beats[3] = {0, 0, 0};
    while ((done_frames < nframes || !outq.empty() || !lenq.empty()) && cycle < 50000000ull) {
        if (rate && !src.valid && !src.q.empty()) {
            // a new phase starts at a frame boundary once the FIFO has run empty
            size_t next = src.q.front().tag;
            src.hold = src.off == 0 && (next == phase_start[1] || next == phase_start[2]) &&
                       (!outq.empty() || prev_beat);
        }
        src.drive(&rng, m->s_axis_tdata, m->s_axis_tkeep, m->s_axis_tvalid, m->s_axis_tlast,
                  &m->s_axis_tuser);
        bool ready = true;
        if (!rate) {
            if (stall_left) {
                stall_left--;
                ready = false;
            } else if (mac_rng_below(&rng, 1000) < 3) {
                stall_left = mac_rng_below(&rng, small ? 400 : 4000);
                ready = false;
            } else {
                ready = !mac_rng_chance(&rng, 30);
            }
        }
        m->m_axis_tready = ready;
        m->eval();
        // length channel: a peek popped by the last data beat, or an independent consumer
        if (indep) {
            if (len_stall_left) {
                len_stall_left--;
                m->m_len_ready = 0;
            } else if (mac_rng_below(&rng, 1000) < 5) {
                len_stall_left = mac_rng_below(&rng, 300);
                m->m_len_ready = 0;
            } else {
                m->m_len_ready = mac_rng_chance(&rng, 40);
            }
        } else
            m->m_len_ready = m->m_axis_tvalid && m->m_axis_tready && m->m_axis_tlast;
        m->eval();
        if (!m->s_axis_tready)
            not_ready++;

        // 1. drop pulses / commit of the beat accepted last cycle
        if (m->drop_full && m->drop_bad)
            t.check(false, "cycle %llu: drop_full and drop_bad together", (unsigned long long)cycle);
        if (m->drop_full || m->drop_bad) {
            if (!prev_beat) {
                t.check(false, "cycle %llu: drop pulse without an input beat before it",
                        (unsigned long long)cycle);
            } else {
                FrameInfo &f = fi[prev_frame];
                if (f.st != F_PENDING)
                    t.check(false, "frame %zu: second drop pulse", prev_frame);
                if (m->drop_bad) {
                    t.check(prev_last && f.bad, "frame %zu: drop_bad but it is not bad (last %d)",
                            prev_frame, (int)prev_last);
                    f.st = F_DROP_BAD;
                    n_bad++;
                } else {
                    t.check(prev_full_ok, "frame %zu (%zu bytes): drop_full with room in the FIFO "
                            "(%llu beats stored, %zu lengths)", prev_frame, f.len,
                            (unsigned long long)tb_beats, lenq.size());
                    f.st = F_DROP_FULL;
                    n_full++;
                    if (f.len > TB_MAX_FRAME)
                        n_full_long++;
                    else
                        n_full_space++;
                    if (prev_lenq_full && tb_beats < (uint64_t)TB_DEPTH)
                        n_full_lenq++;
                }
                tb_beats -= f.stored;
                if (prev_last)
                    done_frames++;
            }
        } else if (prev_beat && prev_last && fi[prev_frame].st == F_PENDING) {
            FrameInfo &f = fi[prev_frame];
            t.check(!f.bad, "frame %zu: bad frame was not dropped", prev_frame);
            t.check(f.len <= TB_MAX_FRAME, "frame %zu: %zu bytes > MAX_FRAME was not dropped",
                    prev_frame, f.len);
            t.check(tb_beats <= (uint64_t)TB_DEPTH + 2, "frame %zu stored with %llu beats in the FIFO",
                    prev_frame, (unsigned long long)tb_beats);
            f.st = F_COMMITTED;
            outq.push_back(prev_frame);
            lenq.push_back(prev_frame);
            tb_committed++;
            done_frames++;
        } else if (prev_beat && prev_last) {
            done_frames++;  // last beat of a frame already dropped in the middle
        }

        // 2. output side
        if (m->frames_ready != tb_committed - tb_popped && fr_viol++ < 5)
            t.check(false, "cycle %llu: frames_ready %u, expected %llu", (unsigned long long)cycle,
                    (unsigned)m->frames_ready, (unsigned long long)(tb_committed - tb_popped));
        if (m->free_beats != 0 && !(m->free_beats + tb_beats >= (uint64_t)TB_DEPTH &&
                                    m->free_beats + tb_beats <= (uint64_t)TB_DEPTH + 2)) {
            if (free_viol++ < 5)
                t.check(false, "cycle %llu: free_beats %u with %llu beats stored",
                        (unsigned long long)cycle, (unsigned)m->free_beats,
                        (unsigned long long)tb_beats);
        }
        bool head_avail = !outq.empty() && fi[outq.front()].last_cycle + TB_LATENCY <= cycle;
        if (head_avail && !m->m_axis_tvalid && idle_viol++ < 5)
            t.check(false, "cycle %llu: output idle while frame %zu is complete",
                    (unsigned long long)cycle, outq.front());
        bool len_avail = !lenq.empty() && fi[lenq.front()].last_cycle + TB_LATENCY <= cycle;
        if (len_avail && !m->m_len_valid && len_viol++ < 5)
            t.check(false, "cycle %llu: m_len_valid low while the length of frame %zu is due",
                    (unsigned long long)cycle, lenq.front());
        if (m->m_len_valid) {
            if (lenq.empty()) {
                if (len_viol++ < 5)
                    t.check(false, "cycle %llu: m_len_valid with no stored frame",
                            (unsigned long long)cycle);
            } else if (m->m_len != fi[lenq.front()].len && len_viol++ < 5) {
                t.check(false, "cycle %llu: m_len %u, frame %zu has %zu bytes",
                        (unsigned long long)cycle, (unsigned)m->m_len, lenq.front(),
                        fi[lenq.front()].len);
            }
            if (m->m_len_ready && !lenq.empty()) {
                lenq.pop_front();
                lens_taken++;
            }
        }
        if (!indep && m->m_axis_tvalid && !m->m_len_valid && len_viol++ < 5)
            t.check(false, "cycle %llu: m_axis_tvalid without m_len_valid", (unsigned long long)cycle);
        if (m->m_axis_tvalid && m->m_axis_tready) {
            out_beats++;
            if (!outq.empty()) {
                int ph = outq.front() >= phase_start[2] ? 2 : outq.front() >= phase_start[1] ? 1 : 0;
                if (!ph_beats[ph])
                    ph_first[ph] = cycle;
                ph_last[ph] = cycle;
                ph_beats[ph]++;
            }
            sink.take(t, m->m_axis_tdata, m->m_axis_tkeep, m->m_axis_tlast, false);
            if (tb_beats)
                tb_beats--;
            if (outq.empty()) {
                t.check(false, "cycle %llu: output beat with no committed frame",
                        (unsigned long long)cycle);
            } else {
                out_off += TB_KEEP;
                bool exp_last = out_off >= fi[outq.front()].len;
                if (exp_last != (bool)m->m_axis_tlast)
                    t.check(false, "frame %zu: tlast %d at byte %zu of %zu", outq.front(),
                            (int)m->m_axis_tlast, out_off, fi[outq.front()].len);
                if (m->m_axis_tlast) {
                    size_t idx = outq.front();
                    outq.pop_front();
                    out_off = 0;
                    tb_popped++;
                    TbFrame got = std::move(sink.done.front());
                    sink.done.pop_front();
                    bool ok = tb_same_bytes(t, "fifo", idx, got.bytes, data[idx].data(),
                                            data[idx].size());
                    t.check(ok, "fifo frame %zu content", idx);
                }
            }
        }

        // 3. the input beat of this cycle
        bool in_fire = m->s_axis_tvalid && m->s_axis_tready;
        prev_beat = in_fire;
        if (in_fire) {
            prev_frame = src.q.front().tag;
            prev_last = m->s_axis_tlast;
            FrameInfo &f = fi[prev_frame];
            size_t n = f.len - in_bytes < TB_KEEP ? f.len - in_bytes : TB_KEEP;
            in_bytes += n;
            // when may the FIFO drop this frame for lack of room?
            prev_full_ok = f.st == F_PENDING &&
                           (tb_beats >= (uint64_t)TB_DEPTH || in_bytes > TB_MAX_FRAME ||
                            (prev_last && lenq.size() >= (uint64_t)TB_LEN_DEPTH));
            prev_lenq_full = prev_last && lenq.size() >= (uint64_t)TB_LEN_DEPTH;
            if (f.st == F_PENDING) {
                f.stored++;
                tb_beats++;
            }
            if (prev_last) {
                f.last_cycle = cycle;
                in_bytes = 0;
            }
        }

        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
        cycle++;
        src.advance(in_fire);
    }
    unsigned long committed = 0, bad_frames = 0, bad_full = 0;
    for (const FrameInfo &f : fi) {
        committed += f.st == F_COMMITTED;
        bad_frames += f.bad;
        bad_full += f.bad && f.st == F_DROP_FULL;
        if (f.st == F_PENDING)
            t.check(false, "a frame was neither stored nor dropped");
    }
    t.check(not_ready == 0, "s_axis_tready low for %lu cycles", not_ready);
    t.check(outq.empty(), "%zu committed frames never came out", outq.size());
    t.check(tb_popped == committed, "%llu frames out, %lu committed", (unsigned long long)tb_popped,
            committed);
    t.check(lens_taken == committed, "%lu lengths taken, %lu frames committed", lens_taken,
            committed);
    t.check(n_bad == bad_frames - bad_full, "drop_bad pulses %lu, expected %lu", n_bad,
            bad_frames - bad_full);
    t.check(idle_viol == 0 && len_viol == 0 && fr_viol == 0 && free_viol == 0,
            "invariant violations: idle %lu, m_len %lu, frames_ready %lu, free_beats %lu",
            idle_viol, len_viol, fr_viol, free_viol);
    std::printf("frames %zu: out %lu, drop_bad %lu, drop_full %lu (too long %lu, no room %lu, of "
                "which %lu for lengths not taken); %llu cycles\n", nframes, committed, n_bad, n_full,
                n_full_long, n_full_space, n_full_lenq, (unsigned long long)cycle);
    if (rate) {
        const char *names[3] = {"9000-byte frames", "60-byte frames", "8-byte frames"};
        for (int ph = 0; ph < 3; ph++) {
            uint64_t span = ph_last[ph] - ph_first[ph] + 1;
            std::printf("%-16s: %llu beats in %llu cycles = %.4f beats/cycle\n", names[ph],
                        (unsigned long long)ph_beats[ph], (unsigned long long)span,
                        (double)ph_beats[ph] / (double)span);
            t.check(ph_beats[ph] && span == ph_beats[ph], "%s: output idle for %llu cycles",
                    names[ph], (unsigned long long)(span - ph_beats[ph]));
        }
        t.check(committed == nframes, "%lu of %zu frames dropped at full rate", nframes - committed, nframes);
        uint64_t exp_beats = 0;
        for (const FrameInfo &f : fi)
            exp_beats += beats_of(f.len);
        t.check(out_beats == exp_beats, "output beats %llu, expected %llu",
                (unsigned long long)out_beats, (unsigned long long)exp_beats);
    } else {
        // the run must really have exercised every drop reason
        t.check(n_bad > 0 && n_full_long > 0 && n_full_space > 0,
                "drop reasons not all exercised: bad %lu, too long %lu, no room %lu", n_bad,
                n_full_long, n_full_space);
        if (TB_LEN_DEPTH < 16)
            t.check(n_full_lenq > 0, "length FIFO never filled up");
    }
    m->final();
    return t.finish();
}
