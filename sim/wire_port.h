// SPDX-License-Identifier: MIT
// wire_port.h — what sits at the far end of the Ethernet wire.
//
// A WirePort supplies frames to inject into the MAC's receive side and takes the frames the MAC
// transmits. Frames cross this interface without FCS: WireStream appends it on the way in and
// checks and strips it on the way out. Loopback needs no port (WireStream wires TX to RX beat by
// beat); pcap and TAP ports are in wire_pcap.cpp and wire_tap.cpp.
#ifndef TONIC_SIM_WIRE_PORT_H
#define TONIC_SIM_WIRE_PORT_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct PortStats {
    uint64_t rx_dropped = 0; // frames the port discarded before injection (TAP before any RX queue is enabled)
    uint64_t tx_dropped = 0; // transmitted frames the port could not deliver (TAP full)
};

class WirePort {
public:
    virtual ~WirePort() = default;
    // True if a frame is ready for next_rx() now (cheap: called every idle wire cycle).
    virtual bool rx_ready() = 0;
    // Moves the next frame to inject (no FCS) into frame; false if there is none.
    virtual bool next_rx(std::vector<uint8_t> &frame) = 0;
    // True while the port may still produce frames (an unfinished pcap file, a TAP device).
    virtual bool has_source() const = 0;
    // A frame the MAC transmitted, FCS stripped; cycle is the simulated time of its last beat.
    virtual void tx(const uint8_t *frame, size_t len, uint64_t cycle) = 0;
    // File descriptor to poll for input, or -1.
    virtual int fd() const { return -1; }
    // Called between cycle batches: read pending input. inject_enabled is false until an RX queue
    // is enabled, when a live source should discard input as a wire without link would.
    virtual void service(bool inject_enabled) { (void)inject_enabled; }
    const PortStats &stats() const { return st_; }

protected:
    PortStats st_;
};

// Open a port; nullptr with a one-line reason in err on failure.
std::unique_ptr<WirePort> open_pcap_port(const std::string &in, const std::string &out, std::string &err);
std::unique_ptr<WirePort> open_tap_port(const std::string &ifname, std::string &err);

#endif // TONIC_SIM_WIRE_PORT_H
