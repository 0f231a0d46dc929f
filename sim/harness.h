// SPDX-License-Identifier: MIT
// harness.h — one clock cycle of the device and everything attached to its ports.
//
// step() is the inner loop: drive the inputs from the models' state, evaluate with clk low (the
// device's combinational outputs settle), let every model sample the handshakes that happen at the
// coming rising edge, then evaluate the edge. Models only change inputs in drive(), so what they
// sample is exactly what the device sees at the edge. The first kResetCycles cycles hold rst high
// with every channel idle. irq_ready is always 1: each cycle with irq_valid is one interrupt.
#ifndef TONIC_SIM_HARNESS_H
#define TONIC_SIM_HARNESS_H

#include "dma_slave.h"
#include "fst_trace.h"
#include "mmio_master.h"
#include "sim_top.h"
#include "wire_stream.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

class VerilatedContext;

class Harness {
public:
    static constexpr uint64_t kResetCycles = 16;

    Harness(HostMem &mem, WirePort *port, uint64_t dma_latency, uint64_t seed);
    ~Harness();
    // Starts an FST waveform; false with err if tracing is not compiled in.
    bool trace(const std::string &file, std::string &err);

    void step()
    {
        SimTop &t = *top_;
        bool run = cycle_ >= kResetCycles;
        t.rst = !run;
        if (run) {
            mmio.drive(t, cycle_);
            dma.drive(t, cycle_);
            wire.drive(t, cycle_);
        }
        t.clk = 0;
        t.eval();
        if (fst_.active())
            dump();
        if (run) {
            mmio.sample(t, cycle_);
            dma.sample(t, cycle_);
            wire.sample(t, cycle_);
            if (t.irq_valid) {
                irqs_++;
                on_irq(static_cast<uint8_t>(t.irq_vector));
            }
        }
        t.clk = 1;
        t.eval();
        if (fst_.active())
            dump();
        cycle_++;
    }
    // Steps until done() or `limit` more cycles; true if done() became true.
    bool run_until(const std::function<bool()> &done, uint64_t limit);
    void finish(); // final eval, close the trace

    uint64_t cycle() const { return cycle_; }
    uint64_t irqs() const { return irqs_; }

    MmioMaster mmio;
    DmaSlave dma;
    WireStream wire;
    std::function<void(uint8_t)> on_irq = [](uint8_t) {};

private:
    void dump();
    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<SimTop> top_;
    FstTrace fst_;
    uint64_t cycle_ = 0;
    uint64_t irqs_ = 0;
};

#endif // TONIC_SIM_HARNESS_H
