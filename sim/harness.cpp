// SPDX-License-Identifier: MIT
// harness.cpp — construction, tracing and teardown of the clocked device model (see harness.h).
#include "harness.h"

#include "verilated.h"

Harness::Harness(HostMem &mem, WirePort *port, uint64_t dma_latency, uint64_t seed)
    : dma(mem, dma_latency), wire(port), ctx_(std::make_unique<VerilatedContext>())
{
    ctx_->randReset(2); // --x-initial unique: registers start random, seeded reproducibly
    ctx_->randSeed(static_cast<int>(seed));
    top_ = std::make_unique<SimTop>(ctx_.get(), "tonic");
    SimTop &t = *top_;
    t.clk = 0;
    t.rst = 1;
    t.irq_ready = 1;
    mmio.idle_outputs(t);
    dma.idle(t);
    wire.idle(t);
}

Harness::~Harness() { finish(); }

bool Harness::trace(const std::string &file, std::string &err) { return fst_.open(*ctx_, *top_, file, err); }

void Harness::dump()
{
    fst_.dump(ctx_->time());
    ctx_->timeInc(1);
}

bool Harness::run_until(const std::function<bool()> &done, uint64_t limit)
{
    for (uint64_t i = 0; i < limit; i++) {
        if (done())
            return true;
        step();
    }
    return done();
}

void Harness::finish()
{
    if (!top_)
        return;
    top_->final();
    fst_.close();
    top_.reset();
}
