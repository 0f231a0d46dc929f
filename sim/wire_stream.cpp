// SPDX-License-Identifier: MIT
// wire_stream.cpp — beat-level wire TX collection and RX injection (see wire_stream.h).
#include "wire_stream.h"

#include "fcs.h"
#include "log.h"

#include <cstring>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "stream bytes are copied as host words");

// Bytes in a beat: keep is contiguous from bit 0 (docs/nic_ports.md).
static inline unsigned keep_bytes(uint8_t keep) { return static_cast<unsigned>(__builtin_popcount(keep)); }

void WireStream::idle(SimTop &t)
{
    t.m_axis_wire_tready = 1;
    t.s_axis_wire_tvalid = 0;
}

void WireStream::start_frame(uint64_t cycle)
{
    if (!port_->next_rx(rx_frame_))
        return;
    size_t n = rx_frame_.size();
    rx_frame_.resize(n + 4);
    fcs_append(rx_frame_.data(), n);
    active_ = true;
    rx_off_ = 0;
    frame_start_ = cycle;
}

void WireStream::drive(SimTop &t, uint64_t cycle)
{
    t.m_axis_wire_tready = 1;
    if (!port_) {
        if (loop_.empty()) {
            t.s_axis_wire_tvalid = 0;
        } else {
            t.s_axis_wire_tvalid = 1;
            t.s_axis_wire_tdata = loop_.front().data;
            t.s_axis_wire_tkeep = loop_.front().keep;
            t.s_axis_wire_tlast = loop_.front().last;
        }
        return;
    }
    if (!active_ && inject_ && cycle >= next_start_ && port_->rx_ready())
        start_frame(cycle);
    if (!active_) {
        t.s_axis_wire_tvalid = 0;
        return;
    }
    size_t left = rx_frame_.size() - rx_off_;
    size_t n = left < 8 ? left : 8;
    uint64_t d = 0;
    memcpy(&d, rx_frame_.data() + rx_off_, n);
    t.s_axis_wire_tvalid = 1;
    t.s_axis_wire_tdata = d;
    t.s_axis_wire_tkeep = static_cast<uint8_t>((1u << n) - 1u);
    t.s_axis_wire_tlast = left <= 8;
}

void WireStream::sample(SimTop &t, uint64_t cycle)
{
    // RX side first: was the beat we presented taken?
    if (t.s_axis_wire_tvalid && t.s_axis_wire_tready) {
        if (!port_) {
            st_.rx_bytes += keep_bytes(loop_.front().keep);
            st_.rx_frames += loop_.front().last;
            loop_.pop_front();
        } else {
            rx_off_ += 8;
            if (rx_off_ >= rx_frame_.size()) {
                size_t len = rx_frame_.size();
                st_.rx_frames++;
                st_.rx_bytes += len;
                active_ = false;
                // the wire is busy for the frame plus 20 byte times of preamble and gap
                next_start_ = frame_start_ + (len + 20 + 7) / 8;
            }
        }
    }
    if (!t.m_axis_wire_tvalid)
        return;
    uint64_t data = t.m_axis_wire_tdata;
    uint8_t keep = t.m_axis_wire_tkeep;
    bool last = t.m_axis_wire_tlast;
    if (!port_) {
        if (loop_.size() < kMaxLoopBeats)
            loop_.push_back(Beat{data, keep, last});
        else if (loop_log_.allow())
            sim_warn("loopback: device holds s_axis_wire_tready low; TX beat dropped");
    }
    unsigned n = keep_bytes(keep);
    if (tx_len_ + 8 > kMaxTxFrame) {
        if (fcs_log_.allow())
            sim_warn("wire TX frame longer than %zu bytes without TLAST; discarded", kMaxTxFrame);
        tx_len_ = 0;
    }
    if (tx_len_ + 8 > tx_buf_.size())
        tx_buf_.resize(tx_buf_.size() * 2);
    memcpy(tx_buf_.data() + tx_len_, &data, 8);
    tx_len_ += n;
    if (!last)
        return;
    st_.tx_frames++;
    st_.tx_bytes += tx_len_;
    if (!fcs_check(tx_buf_.data(), tx_len_)) {
        st_.tx_bad_fcs++;
        if (fcs_log_.allow())
            sim_info("wire TX frame %llu of %zu bytes has a bad FCS", static_cast<unsigned long long>(st_.tx_frames),
                     tx_len_);
    }
    if (port_ && tx_len_ >= 4)
        port_->tx(tx_buf_.data(), tx_len_ - 4, cycle);
    tx_len_ = 0;
}
