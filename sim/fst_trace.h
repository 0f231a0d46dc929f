// SPDX-License-Identifier: MIT
// fst_trace.h — FST waveform tracing for any Verilated model: open a file, dump a time step, close.
// Shared by the device harness (tonic-sim) and the soft-core harness (tonic-cpu); compiled to
// "not available" messages in builds verilated without --trace-fst.
#pragma once

#include <cstdint>
#include <string>

#include "verilated.h"
#if VM_TRACE_FST
#include "verilated_fst_c.h"
#else
class VerilatedFstC;
#endif

class FstTrace {
public:
    FstTrace() = default;
    FstTrace(const FstTrace &) = delete;
    FstTrace &operator=(const FstTrace &) = delete;
    ~FstTrace() { close(); }

    // Starts tracing every signal of `model` into `file`.
    template <class Model> bool open(VerilatedContext &ctx, Model &model, const std::string &file, std::string &err)
    {
#if VM_TRACE_FST
        ctx.traceEverOn(true);
        tfp_ = new VerilatedFstC;
        model.trace(tfp_, 99);
        tfp_->open(file.c_str());
        if (!tfp_->isOpen()) {
            delete tfp_;
            tfp_ = nullptr;
            err = "cannot write trace file '" + file + "'";
            return false;
        }
        return true;
#else
        (void)ctx;
        (void)model;
        err = "this build has no FST tracing (verilate with --trace-fst) for '" + file + "'";
        return false;
#endif
    }

    bool active() const { return tfp_ != nullptr; }

    void dump(uint64_t time)
    {
#if VM_TRACE_FST
        if (tfp_)
            tfp_->dump(time);
#else
        (void)time;
#endif
    }

    void close()
    {
#if VM_TRACE_FST
        if (tfp_) {
            tfp_->close();
            delete tfp_;
            tfp_ = nullptr;
        }
#endif
    }

private:
    VerilatedFstC *tfp_ = nullptr;
};
