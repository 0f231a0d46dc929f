// SPDX-License-Identifier: MIT
// mmio_master.cpp — one-at-a-time AXI4-Lite transactions in FIFO order (see mmio_master.h).
#include "mmio_master.h"

#include "log.h"

void MmioMaster::idle_outputs(SimTop &t)
{
    t.s_axil_awvalid = 0;
    t.s_axil_wvalid = 0;
    t.s_axil_arvalid = 0;
    t.s_axil_bready = 0;
    t.s_axil_rready = 0;
}

void MmioMaster::complete(uint32_t value)
{
    active_ = false;
    Done d = std::move(cur_.done);
    cur_.done = nullptr;
    if (d)
        d(value);
}

void MmioMaster::drive(SimTop &t, uint64_t cycle)
{
    // Markers complete as soon as they reach the head of the FIFO.
    while (!active_ && !q_.empty()) {
        cur_ = std::move(q_.front());
        q_.pop_front();
        if (cur_.op == Op::Marker) {
            complete(0);
            continue;
        }
        active_ = true;
        addr_done_ = data_done_ = false;
        start_ = cycle;
    }
    bool wr = active_ && cur_.op == Op::Write;
    bool rd = active_ && cur_.op == Op::Read;
    t.s_axil_awvalid = wr && !addr_done_;
    t.s_axil_awaddr = static_cast<uint16_t>(cur_.offset);
    t.s_axil_wvalid = wr && !data_done_;
    t.s_axil_wdata = cur_.value;
    t.s_axil_wstrb = 0xF;
    t.s_axil_arvalid = rd && !addr_done_;
    t.s_axil_araddr = static_cast<uint16_t>(cur_.offset);
    // Always ready for responses: a stray one (after a timeout) is absorbed, not left hanging.
    t.s_axil_bready = 1;
    t.s_axil_rready = 1;
}

void MmioMaster::sample(SimTop &t, uint64_t cycle)
{
    if (!active_)
        return;
    if (cur_.op == Op::Write) {
        // B only counts once both AW and W were accepted in earlier cycles.
        if (t.s_axil_bvalid && addr_done_ && data_done_) {
            if (t.s_axil_bresp)
                sim_info("MMIO write 0x%04x = 0x%08x answered with resp %u", cur_.offset, cur_.value,
                         static_cast<unsigned>(t.s_axil_bresp));
            complete(0);
            return;
        }
        if (t.s_axil_awvalid && t.s_axil_awready)
            addr_done_ = true;
        if (t.s_axil_wvalid && t.s_axil_wready)
            data_done_ = true;
    } else {
        if (t.s_axil_rvalid && addr_done_) {
            if (t.s_axil_rresp)
                sim_info("MMIO read 0x%04x answered with resp %u", cur_.offset,
                         static_cast<unsigned>(t.s_axil_rresp));
            complete(t.s_axil_rdata);
            return;
        }
        if (t.s_axil_arvalid && t.s_axil_arready)
            addr_done_ = true;
    }
    if (cycle - start_ >= kTimeout) {
        sim_warn("MMIO %s of BAR0 offset 0x%04x not answered within %llu cycles; abandoned",
                 cur_.op == Op::Read ? "read" : "write", cur_.offset, static_cast<unsigned long long>(kTimeout));
        complete(0xFFFFFFFFu);
    }
}
