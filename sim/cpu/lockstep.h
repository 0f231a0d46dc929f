// SPDX-License-Identifier: MIT
// lockstep.h — compare the RTL core with the C model (rv32_iss) retirement by retirement.
//
// The model runs from the same images. Each trace event of the RTL makes the model take the same
// step: an interrupt when the RTL took one (interrupt timing is the RTL's, the model checks it was
// allowed), otherwise one instruction, and every field of the two retirements must agree. What only
// the RTL can know is taken from it: words read from the timer and the peripheral bus (and whether
// such an access faulted), and the values of cycle counters and mip read by CSR instructions.
#pragma once

#include <string>
#include <vector>

extern "C" {
#include "rv32_iss.h"
}

class Lockstep {
public:
    Lockstep(const uint8_t *imem, uint32_t imem_bytes, const uint8_t *dmem, uint32_t dmem_bytes, int m_ext);
    // Check one RTL event; false with a report in `error` at the first disagreement.
    bool check(const rv32_retire &rtl);
    std::string error;
    uint64_t checked = 0;

private:
    static int io_load(void *ctx, uint32_t addr, unsigned rmask, uint32_t *word);
    static int io_store(void *ctx, uint32_t addr, unsigned wmask, uint32_t word);
    std::vector<uint8_t> imem_, dmem_;
    rv32_iss iss_{};
    const rv32_retire *cur_ = nullptr; // the RTL event being checked
};
