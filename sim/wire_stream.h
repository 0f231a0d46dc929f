// SPDX-License-Identifier: MIT
// wire_stream.h — the device's two AXI4-Stream wire ports (m_axis_wire_*, s_axis_wire_*).
//
// TX: m_axis_wire_tready is held at 1 (a wire never waits). Beats are gathered into frames; at
// TLAST the FCS is checked (a bad one is counted), stripped, and the frame handed to the port.
// RX: in loopback mode each TX beat is presented on s_axis_wire one cycle later, unchanged (FCS
// included). With a port, frames get an FCS appended and are injected at 10 Gb/s pace: 8 bytes a
// cycle, and 20 byte times (preamble + IFG) between frames. Injection starts when enable_inject()
// is called (main.cpp does so once the device has an RX queue enabled). s_axis_wire_tready is
// honoured although the device should never drop it.
#ifndef TONIC_SIM_WIRE_STREAM_H
#define TONIC_SIM_WIRE_STREAM_H

#include "log.h"
#include "sim_top.h"
#include "wire_port.h"

#include <cstdint>
#include <deque>
#include <vector>

struct WireStats {
    uint64_t tx_frames = 0, tx_bytes = 0, tx_bad_fcs = 0; // bytes include the FCS
    uint64_t rx_frames = 0, rx_bytes = 0;                 // injected, bytes include the FCS
};

class WireStream {
public:
    explicit WireStream(WirePort *port) : port_(port) {}
    void idle(SimTop &t);
    void drive(SimTop &t, uint64_t cycle);
    void sample(SimTop &t, uint64_t cycle);

    void enable_inject() { inject_ = true; }
    bool inject_enabled() const { return inject_; }
    // True while frames are moving or waiting to move into the device.
    bool busy() const { return active_ || !loop_.empty() || tx_len_ != 0 || (inject_ && port_ && port_->rx_ready()); }
    const WireStats &stats() const { return st_; }

private:
    struct Beat {
        uint64_t data;
        uint8_t keep;
        bool last;
    };
    void start_frame(uint64_t cycle);

    WirePort *port_; // nullptr: loopback
    WireStats st_;
    bool inject_ = false;
    // TX frame being gathered
    std::vector<uint8_t> tx_buf_ = std::vector<uint8_t>(16384);
    size_t tx_len_ = 0;
    // loopback beats in flight
    std::deque<Beat> loop_;
    // injection
    std::vector<uint8_t> rx_frame_;
    bool active_ = false;
    size_t rx_off_ = 0;
    uint64_t next_start_ = 0; // first cycle the next frame may start (inter-frame gap)
    uint64_t frame_start_ = 0;
    RateLimit fcs_log_, loop_log_;
    static constexpr size_t kMaxLoopBeats = 65536;
    static constexpr size_t kMaxTxFrame = 1u << 20; // a frame without TLAST is cut here
};

#endif // TONIC_SIM_WIRE_STREAM_H
