// SPDX-License-Identifier: MIT
// dma_slave.cpp — AXI4 slave channels and the IOMMU check for device DMA (see dma_slave.h).
#include "dma_slave.h"

#include <atomic>
#include <cstring>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "AXI data lanes are copied as host words");

void DmaSlave::idle(SimTop &t)
{
    t.m_axi_arready = 0;
    t.m_axi_rvalid = 0;
    t.m_axi_awready = 0;
    t.m_axi_wready = 0;
    t.m_axi_bvalid = 0;
}

void DmaSlave::fault(char dir, const Burst &b, uint8_t resp, const char *why)
{
    if (resp == kDecErr)
        st_.faults++;
    else
        st_.proto_errs++;
    if (fault_log_.allow())
        sim_info("DMA %s fault #%llu: %s burst at 0x%llx, %u beats, id %u: %s -> %s",
                 dir == 'r' ? "read" : "write", static_cast<unsigned long long>(fault_log_.count),
                 dir == 'r' ? "read" : "write", static_cast<unsigned long long>(b.addr), b.beats, b.id, why,
                 resp == kDecErr ? "DECERR" : "SLVERR");
}

// Legality of a burst as issued; the IOMMU check comes when memory is touched.
uint8_t DmaSlave::check(const Burst &b, unsigned size, unsigned burst, char dir)
{
    uint64_t start = b.addr & ~7ull;
    if (size != 3) {
        fault(dir, b, kSlvErr, "size is not 3 (8 bytes)");
        return kSlvErr;
    }
    if (burst != 1) {
        fault(dir, b, kSlvErr, "burst type is not INCR");
        return kSlvErr;
    }
    if ((start & 0xFFFull) + b.beats * 8ull > 0x1000ull) {
        fault(dir, b, kSlvErr, "crosses a 4 KiB boundary");
        return kSlvErr;
    }
    return kOkay;
}

void DmaSlave::load_read(Burst &b)
{
    rd_loaded_ = true;
    rd_beat_ = 0;
    rd_resp_ = b.resp;
    if (b.resp != kOkay) {
        memset(rbuf_, 0, b.beats * 8ull);
        return;
    }
    const uint8_t *src = mem_.translate(b.addr & ~7ull, b.beats * 8ull);
    if (!src) {
        rd_resp_ = kDecErr;
        memset(rbuf_, 0, b.beats * 8ull);
        fault('r', b, kDecErr, "outside every registered region");
        return;
    }
    std::atomic_thread_fence(std::memory_order_acquire);
    memcpy(rbuf_, src, b.beats * 8ull);
    st_.rd_bursts++;
    st_.rd_bytes += b.beats * 8ull;
}

void DmaSlave::drive(SimTop &t, uint64_t cycle)
{
    t.m_axi_arready = reads_.size() < kMaxReads && !stall();
    if (!reads_.empty() && reads_.front().due <= cycle && (r_shown_ || !stall())) {
        Burst &b = reads_.front();
        if (!rd_loaded_)
            load_read(b);
        t.m_axi_rvalid = 1;
        t.m_axi_rid = b.id;
        t.m_axi_rdata = rbuf_[rd_beat_];
        t.m_axi_rresp = rd_resp_;
        t.m_axi_rlast = rd_beat_ + 1 == b.beats;
    } else {
        t.m_axi_rvalid = 0;
        t.m_axi_rlast = 0;
    }
    t.m_axi_awready = aws_.size() < kMaxWrites && !stall();
    t.m_axi_wready = !aws_.empty() && bs_.size() < kMaxWrites && !stall();
    if (!bs_.empty() && (b_shown_ || !stall())) {
        t.m_axi_bvalid = 1;
        t.m_axi_bid = bs_.front().id;
        t.m_axi_bresp = bs_.front().resp;
    } else {
        t.m_axi_bvalid = 0;
    }
}

void DmaSlave::finish_write(bool wlast_ok)
{
    Burst b = aws_.front();
    aws_.pop_front();
    uint32_t beats = wr_beat_;
    wr_beat_ = 0;
    uint8_t resp = b.resp;
    if (resp == kOkay && !wlast_ok) {
        resp = kSlvErr;
        fault('w', b, kSlvErr, "WLAST not on the burst's last beat");
    }
    if (resp == kOkay) {
        uint8_t *dst = mem_.translate(b.addr & ~7ull, b.beats * 8ull);
        if (!dst) {
            resp = kDecErr;
            fault('w', b, kDecErr, "outside every registered region");
        } else {
            for (uint32_t i = 0; i < beats; i++) {
                uint8_t *p = dst + i * 8ull;
                if (wstrb_[i] == 0xFF) {
                    memcpy(p, &wdata_[i], 8);
                } else {
                    for (int k = 0; k < 8; k++)
                        if (wstrb_[i] & (1u << k))
                            p[k] = static_cast<uint8_t>(wdata_[i] >> (8 * k));
                }
                // beats become visible in order, the last one last
                std::atomic_thread_fence(std::memory_order_release);
            }
            st_.wr_bursts++;
            st_.wr_bytes += beats * 8ull;
        }
    }
    bs_.push_back(Resp{b.id, resp});
}

void DmaSlave::sample(SimTop &t, uint64_t cycle)
{
    r_shown_ = t.m_axi_rvalid && !t.m_axi_rready;
    b_shown_ = t.m_axi_bvalid && !t.m_axi_bready;
    // R before AR: a beat can never belong to a burst accepted in the same cycle.
    if (t.m_axi_rvalid && t.m_axi_rready) {
        if (++rd_beat_ == reads_.front().beats) {
            reads_.pop_front();
            rd_loaded_ = false;
            rd_beat_ = 0;
        }
    }
    if (t.m_axi_arvalid && t.m_axi_arready) {
        Burst b{t.m_axi_araddr, static_cast<uint32_t>(t.m_axi_arlen) + 1u, static_cast<uint8_t>(t.m_axi_arid), 0,
                cycle + latency_};
        b.resp = check(b, t.m_axi_arsize, t.m_axi_arburst, 'r');
        reads_.push_back(b);
    }
    if (t.m_axi_bvalid && t.m_axi_bready)
        bs_.pop_front();
    if (t.m_axi_wvalid && t.m_axi_wready) {
        const Burst &b = aws_.front();
        wdata_[wr_beat_] = t.m_axi_wdata;
        wstrb_[wr_beat_] = t.m_axi_wstrb;
        wr_beat_++;
        bool last = t.m_axi_wlast;
        if (last || wr_beat_ == b.beats)
            finish_write(last && wr_beat_ == b.beats);
    }
    if (t.m_axi_awvalid && t.m_axi_awready) {
        Burst b{t.m_axi_awaddr, static_cast<uint32_t>(t.m_axi_awlen) + 1u, static_cast<uint8_t>(t.m_axi_awid), 0, 0};
        b.resp = check(b, t.m_axi_awsize, t.m_axi_awburst, 'w');
        aws_.push_back(b);
    }
}
