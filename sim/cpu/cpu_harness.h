// SPDX-License-Identifier: MIT
// cpu_harness.h — tonic_rv32_sys (the soft-core subsystem) in Verilator, with the test devices of
// docs/cpu.md on its peripheral bus (console, scratch RAM with random stalls, faults elsewhere).
// Shared by tonic-cpu (run an ELF) and the lockstep test (compare with the C model).
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include "fst_trace.h"

extern "C" {
#include "rv32_elf.h"
#include "rv32_iss.h"
}

class Vtonic_rv32_sys;
class VerilatedContext;

class CpuHarness {
public:
    static constexpr uint32_t kImemBytes = 32768; // the RTL defaults (tonic_rv32_sys)
    static constexpr uint32_t kDmemBytes = 16384;

    // stall_pct: chance per cycle that the peripheral bus holds off a request or a response
    CpuHarness(uint64_t seed, unsigned stall_pct);
    ~CpuHarness();

    bool trace(const std::string &file, std::string &err);
    // Write the images through the loader port (core held in reset) and read them back.
    bool load(const uint8_t *imem, const uint8_t *dmem, std::string &err);
    // Build IMEM/DMEM images from an ELF's segments; refuses segments outside both.
    static bool images(const rv32_elf &elf, uint8_t *imem, uint8_t *dmem, std::string &err);
    void release();            // let the core run
    void tick();               // one clock cycle
    void set_irq_ext(bool on); // the host-mailbox interrupt line

    // the retirement event of the cycle just ticked
    bool retired = false;
    rv32_retire ev{};
    uint64_t cycles = 0, events = 0, instret = 0;
    std::string console; // what the program printed

private:
    void io_after_edge(uint32_t addr, bool we, unsigned wstrb, uint32_t wdata);
    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<Vtonic_rv32_sys> top_;
    FstTrace fst_;
    std::mt19937_64 rng_;
    unsigned stall_pct_;
    uint8_t scratch_[4096] = {};
    // the one outstanding peripheral response
    bool resp_pending_ = false;
    unsigned resp_delay_ = 0;
    uint32_t resp_data_ = 0;
    bool resp_err_ = false;
    bool stall();
    void edge();
};
