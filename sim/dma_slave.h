// SPDX-License-Identifier: MIT
// dma_slave.h — the host side of the device's DMA master (m_axi_*): an AXI4 slave onto HostMem.
//
// Reads: AR is accepted while fewer than kMaxReads bursts are queued; each burst's data is returned
// `latency` cycles after its AR was accepted, bursts in order, one beat a cycle, honouring rready.
// Host memory is read when the burst's first beat is presented. Writes: W beats are accepted once
// their AW has been; the burst is written to host memory when its last beat arrives (beats in
// order, a release fence after each, so a driver polling the last word sees the whole burst) and
// its B follows on the next cycle. A burst outside every registered region is an IOMMU fault:
// no memory access, DECERR on every read beat or on the B. A burst the device must never issue
// (size != 3, burst != INCR, crossing 4 KiB, WLAST in the wrong place) gets SLVERR and no access.
// Both are counted and logged (rate-limited).
//
// For unit tests, set_stalls() makes the slave misbehave legally: each cycle, with the given
// probability, it withholds arready/awready/wready and delays a new rvalid or bvalid (a valid
// already shown stays until taken, as AXI requires).
#ifndef TONIC_SIM_DMA_SLAVE_H
#define TONIC_SIM_DMA_SLAVE_H

#include "host_mem.h"
#include "log.h"
#include "sim_top.h"

#include <cstdint>
#include <deque>

struct DmaStats {
    uint64_t rd_bursts = 0, rd_bytes = 0;
    uint64_t wr_bursts = 0, wr_bytes = 0;
    uint64_t faults = 0;      // IOMMU refusals (DECERR)
    uint64_t proto_errs = 0;  // illegal bursts (SLVERR)
};

class DmaSlave {
public:
    DmaSlave(HostMem &mem, uint64_t latency) : mem_(mem), latency_(latency ? latency : 1) {}
    void idle(SimTop &t); // all outputs to the device inactive (reset)
    void drive(SimTop &t, uint64_t cycle);
    void sample(SimTop &t, uint64_t cycle);
    bool busy() const { return !reads_.empty() || !aws_.empty() || !bs_.empty(); }
    const DmaStats &stats() const { return st_; }
    void set_stalls(uint64_t seed, unsigned percent)
    {
        rng_ = seed * 0x9E3779B97F4A7C15ull + 1;
        stall_pct_ = percent;
    }

private:
    static constexpr size_t kMaxReads = 32;
    static constexpr size_t kMaxWrites = 8;
    static constexpr uint8_t kOkay = 0, kSlvErr = 2, kDecErr = 3;
    struct Burst {
        uint64_t addr;   // as issued
        uint32_t beats;  // len + 1
        uint8_t id;
        uint8_t resp;    // kSlvErr if the burst itself is illegal
        uint64_t due;    // reads: cycle of the first beat
    };
    struct Resp {
        uint8_t id, resp;
    };
    uint8_t check(const Burst &b, unsigned size, unsigned burst, char dir);
    void load_read(Burst &b);
    void finish_write(bool wlast_ok);
    void fault(char dir, const Burst &b, uint8_t resp, const char *why);

    bool stall()
    {
        if (!stall_pct_)
            return false;
        rng_ ^= rng_ << 13;
        rng_ ^= rng_ >> 7;
        rng_ ^= rng_ << 17;
        return rng_ % 100 < stall_pct_;
    }
    uint64_t rng_ = 1;
    unsigned stall_pct_ = 0;
    bool r_shown_ = false, b_shown_ = false; // valid shown and not yet taken

    HostMem &mem_;
    uint64_t latency_;
    DmaStats st_;
    RateLimit fault_log_;
    std::deque<Burst> reads_;
    bool rd_loaded_ = false;    // reads_.front() data is in rbuf_
    uint8_t rd_resp_ = kOkay;   // response of every beat of reads_.front()
    uint32_t rd_beat_ = 0;
    std::deque<Burst> aws_;     // accepted AWs waiting for (or receiving) their W beats
    uint32_t wr_beat_ = 0;
    std::deque<Resp> bs_;
    uint64_t rbuf_[256];
    uint64_t wdata_[256];
    uint8_t wstrb_[256];
};

#endif // TONIC_SIM_DMA_SLAVE_H
