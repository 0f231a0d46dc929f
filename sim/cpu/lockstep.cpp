// SPDX-License-Identifier: MIT
// lockstep.cpp — RTL-versus-model comparison (see lockstep.h).
#include "lockstep.h"

#include <cstdio>

Lockstep::Lockstep(const uint8_t *imem, uint32_t imem_bytes, const uint8_t *dmem, uint32_t dmem_bytes, int m_ext)
    : imem_(imem, imem + imem_bytes), dmem_(dmem, dmem + dmem_bytes)
{
    rv32_iss_cfg cfg{};
    cfg.reset_pc = 0;
    cfg.imem_bytes = imem_bytes;
    cfg.dmem_bytes = dmem_bytes;
    cfg.m_ext = m_ext;
    cfg.hart_id = 0;
    rv32_io io{};
    io.ctx = this;
    io.load = io_load;
    io.store = io_store;
    rv32_iss_init(&iss_, &cfg, imem_.data(), dmem_.data(), &io);
    rv32_iss_reset(&iss_);
}

// Timer and peripheral accesses: the model sees what the RTL saw.
int Lockstep::io_load(void *ctx, uint32_t, unsigned, uint32_t *word)
{
    const Lockstep *l = static_cast<const Lockstep *>(ctx);
    if (l->cur_->trap && (l->cur_->cause == RV32_CAUSE_LOAD_FAULT))
        return -1;
    *word = l->cur_->mem_rdata;
    return 0;
}

int Lockstep::io_store(void *ctx, uint32_t, unsigned, uint32_t)
{
    const Lockstep *l = static_cast<const Lockstep *>(ctx);
    return (l->cur_->trap && l->cur_->cause == RV32_CAUSE_STORE_FAULT) ? -1 : 0;
}

static std::string describe(const rv32_retire &r)
{
    char b[320];
    snprintf(b, sizeof b,
             "pc=%08x insn=%08x trap=%d cause=%08x next=%08x rd=x%u=%08x mem=%08x r%x w%x wdata=%08x rdata=%08x",
             r.pc, r.insn, r.trap, r.trap ? r.cause : 0, r.next_pc, r.rd, r.rd_wdata, r.mem_addr, r.mem_rmask,
             r.mem_wmask, r.mem_wdata, r.mem_rdata);
    return b;
}

// CSRs whose value depends on timing (cycle counters, interrupt lines): the RTL's value stands.
static bool timing_csr(uint32_t insn)
{
    if ((insn & 0x7f) != 0x73 || ((insn >> 12) & 3) == 0)
        return false;
    unsigned csr = insn >> 20;
    return csr == 0xb00 || csr == 0xb80 || csr == 0xc00 || csr == 0xc80 || csr == 0x344;
}

bool Lockstep::check(const rv32_retire &rtl)
{
    rv32_retire m{};
    cur_ = &rtl;
    if (rtl.trap && (rtl.cause & 0x80000000u)) {
        // the RTL took an interrupt: it must have been enabled in the model's state
        iss_.irq_soft = rtl.cause == static_cast<uint32_t>(RV32_CAUSE_IRQ_SOFT);
        iss_.irq_timer = rtl.cause == static_cast<uint32_t>(RV32_CAUSE_IRQ_TIMER);
        iss_.irq_ext = rtl.cause == static_cast<uint32_t>(RV32_CAUSE_IRQ_EXT);
        uint32_t pend = rv32_iss_pending_irq(&iss_);
        if (pend != rtl.cause) {
            error = "RTL took interrupt " + describe(rtl) + " that the model's mstatus/mie do not allow";
            return false;
        }
        rv32_iss_take_irq(&iss_, rtl.cause, &m);
    } else {
        rv32_iss_step(&iss_, &m);
    }
    cur_ = nullptr;
    bool patch = !m.trap && !rtl.trap && timing_csr(rtl.insn) && m.rd == rtl.rd;
    if (patch)
        m.rd_wdata = rtl.rd_wdata;
    bool same = m.pc == rtl.pc && m.insn == rtl.insn && m.trap == rtl.trap && (!m.trap || m.cause == rtl.cause) &&
                m.next_pc == rtl.next_pc && m.rd == rtl.rd && m.rd_wdata == rtl.rd_wdata &&
                m.mem_addr == rtl.mem_addr && m.mem_rmask == rtl.mem_rmask && m.mem_wmask == rtl.mem_wmask &&
                m.mem_wdata == rtl.mem_wdata && m.mem_rdata == rtl.mem_rdata;
    if (!same) {
        error = "lockstep mismatch after " + std::to_string(checked) + " events\n  rtl:   " + describe(rtl) +
                "\n  model: " + describe(m);
        return false;
    }
    if (patch && m.rd)
        iss_.x[m.rd] = rtl.rd_wdata;
    checked++;
    return true;
}
