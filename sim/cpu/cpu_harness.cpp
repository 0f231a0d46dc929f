// SPDX-License-Identifier: MIT
// cpu_harness.cpp — the clocked soft-core subsystem and its peripheral-bus test devices (see
// cpu_harness.h and docs/cpu.md).
#include "cpu_harness.h"

#include <cstdio>
#include <cstring>

#include "Vtonic_rv32_sys.h"
#include "verilated.h"

static constexpr uint32_t kConsole = 0x30000000u;
static constexpr uint32_t kScratch = 0x30001000u;

CpuHarness::CpuHarness(uint64_t seed, unsigned stall_pct)
    : ctx_(std::make_unique<VerilatedContext>()), rng_(seed), stall_pct_(stall_pct)
{
    ctx_->randReset(2);
    ctx_->randSeed(static_cast<int>(seed));
    top_ = std::make_unique<Vtonic_rv32_sys>(ctx_.get(), "cpu");
    Vtonic_rv32_sys &t = *top_;
    t.clk = 0;
    t.rst = 1;
    t.cpu_rst = 1;
    t.ld_en = 0;
    t.ld_we = 0;
    t.io_ready = 0;
    t.io_rvalid = 0;
    t.io_err = 0;
    t.irq_ext = 0;
    for (int i = 0; i < 4; i++)
        edge();
    t.rst = 0;
}

CpuHarness::~CpuHarness()
{
    top_->final();
    fst_.close();
}

bool CpuHarness::trace(const std::string &file, std::string &err) { return fst_.open(*ctx_, *top_, file, err); }

void CpuHarness::edge()
{
    Vtonic_rv32_sys &t = *top_;
    t.clk = 0;
    t.eval();
    fst_.dump(ctx_->time());
    ctx_->timeInc(1);
    t.clk = 1;
    t.eval();
    fst_.dump(ctx_->time());
    ctx_->timeInc(1);
}

bool CpuHarness::images(const rv32_elf &elf, uint8_t *imem, uint8_t *dmem, std::string &err)
{
    char msg[200];

    if (rv32_elf_images(&elf, imem, kImemBytes, dmem, kDmemBytes, msg, sizeof msg) != 0) {
        err = msg;
        return false;
    }
    return true;
}

bool CpuHarness::load(const uint8_t *imem, const uint8_t *dmem, std::string &err)
{
    Vtonic_rv32_sys &t = *top_;
    t.cpu_rst = 1;
    struct { uint32_t base, bytes; const uint8_t *img; } mem[2] = {
        {RV32_IMEM_BASE, kImemBytes, imem}, {RV32_DMEM_BASE, kDmemBytes, dmem}};
    for (auto &m : mem) {
        for (uint32_t a = 0; a < m.bytes; a += 4) {
            uint32_t w;
            memcpy(&w, m.img + a, 4);
            t.ld_en = 1;
            t.ld_we = 1;
            t.ld_addr = m.base + a;
            t.ld_wdata = w;
            edge();
        }
        t.ld_we = 0;
        // read back: after the clock edge, ld_rdata holds the word at the address presented before it
        for (uint32_t a = 0; a < m.bytes; a += 4) {
            t.ld_addr = m.base + a;
            edge();
            uint32_t w;
            memcpy(&w, m.img + a, 4);
            if (t.ld_rdata != w) {
                char buf[120];
                snprintf(buf, sizeof buf, "loader read-back at 0x%08x: 0x%08x, wrote 0x%08x", m.base + a,
                         t.ld_rdata, w);
                err = buf;
                return false;
            }
        }
    }
    t.ld_en = 0;
    return true;
}

void CpuHarness::release() { top_->cpu_rst = 0; }

void CpuHarness::set_irq_ext(bool on) { top_->irq_ext = on; }

bool CpuHarness::stall()
{
    return stall_pct_ && (rng_() % 100) < stall_pct_;
}

void CpuHarness::tick()
{
    Vtonic_rv32_sys &t = *top_;
    // the response scheduled for this cycle, if its delay has run out
    t.io_rvalid = 0;
    t.io_err = 0;
    t.io_rdata = 0;
    if (resp_pending_) {
        if (resp_delay_ > 0) {
            resp_delay_--;
        } else {
            t.io_rvalid = 1;
            t.io_rdata = resp_data_;
            t.io_err = resp_err_;
            resp_pending_ = false;
        }
    }
    // settle the request the core presents, then decide whether to take it
    t.clk = 0;
    t.eval();
    t.io_ready = (t.io_valid && !resp_pending_ && !t.io_rvalid && !stall()) ? 1 : 0;
    bool accepted = t.io_valid && t.io_ready;
    uint32_t addr = t.io_addr, wdata = t.io_wdata;
    bool we = t.io_we;
    unsigned wstrb = t.io_wstrb;
    edge();
    cycles++;
    if (accepted)
        io_after_edge(addr, we, wstrb, wdata);

    retired = t.trace_valid;
    if (retired) {
        ev.pc = t.trace_pc;
        ev.insn = t.trace_insn;
        ev.trap = t.trace_trap;
        ev.cause = t.trace_cause;
        ev.next_pc = t.trace_next_pc;
        ev.tval = 0;
        ev.rd = t.trace_rd;
        ev.rd_wdata = t.trace_rd_wdata;
        ev.mem_addr = t.trace_mem_addr;
        ev.mem_rmask = t.trace_mem_rmask;
        ev.mem_wmask = t.trace_mem_wmask;
        ev.mem_wdata = t.trace_mem_wdata;
        ev.mem_rdata = t.trace_mem_rdata;
        events++;
        if (!ev.trap)
            instret++;
    }
}

void CpuHarness::io_after_edge(uint32_t addr, bool we, unsigned wstrb, uint32_t wdata)
{
    resp_pending_ = true;
    resp_delay_ = stall() ? static_cast<unsigned>(rng_() % 4) : 0;
    resp_data_ = 0;
    resp_err_ = false;
    uint32_t word = addr & ~3u;
    if (word == kConsole) {
        if (we && (wstrb & 1u)) { // the stored value's low byte (SB or SW at the register)
            char c = static_cast<char>(wdata & 0xffu);
            console.push_back(c);
            fputc(c, stdout);
            fflush(stdout);
        }
    } else if (word >= kScratch && word < kScratch + sizeof scratch_) {
        uint8_t *p = scratch_ + (word - kScratch);
        if (we) {
            for (unsigned lane = 0; lane < 4; lane++)
                if (wstrb & (1u << lane))
                    p[lane] = static_cast<uint8_t>(wdata >> (8 * lane));
        } else {
            memcpy(&resp_data_, p, 4);
        }
    } else {
        resp_err_ = true;
    }
}
