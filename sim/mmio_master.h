// SPDX-License-Identifier: MIT
// mmio_master.h — the host side of BAR0: an AXI4-Lite master onto the device's s_axil_* port.
//
// Requests from every driver (and the simulator's own register polls) wait in one FIFO and are
// driven onto the bus one at a time, in the order they arrived, so a read after a posted write
// observes it (PCIe ordering, sim_proto.h). A marker is a FIFO entry that touches no bus: its
// callback runs when every earlier request has completed (INFO replies use it to stay in order
// with read replies). A transaction the device does not answer within kTimeout cycles is
// abandoned with a warning; a read then returns 0xFFFFFFFF, like a PCIe master abort.
#ifndef TONIC_SIM_MMIO_MASTER_H
#define TONIC_SIM_MMIO_MASTER_H

#include "sim_top.h"

#include <cstdint>
#include <deque>
#include <functional>

class MmioMaster {
public:
    using Done = std::function<void(uint32_t value)>;
    static constexpr uint64_t kTimeout = 1000000;

    void read(uint32_t offset, Done done) { q_.push_back(Req{Op::Read, offset, 0, std::move(done)}); }
    void write(uint32_t offset, uint32_t value) { q_.push_back(Req{Op::Write, offset, value, nullptr}); }
    void marker(Done done) { q_.push_back(Req{Op::Marker, 0, 0, std::move(done)}); }
    bool idle() const { return !active_ && q_.empty(); }

    void idle_outputs(SimTop &t); // all valids low (reset)
    void drive(SimTop &t, uint64_t cycle);
    void sample(SimTop &t, uint64_t cycle);

private:
    enum class Op { Read, Write, Marker };
    struct Req {
        Op op;
        uint32_t offset;
        uint32_t value;
        Done done;
    };
    void complete(uint32_t value);

    std::deque<Req> q_;
    bool active_ = false;
    Req cur_{Op::Marker, 0, 0, nullptr};
    bool addr_done_ = false, data_done_ = false;
    uint64_t start_ = 0;
};

#endif // TONIC_SIM_MMIO_MASTER_H
