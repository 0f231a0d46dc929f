/* SPDX-License-Identifier: MIT */
/*
 * rv32_iss.c — the C instruction-set model of tonic_rv32 (the contract is docs/cpu.md; where it is
 * silent, the RISC-V unprivileged and privileged specifications). One call to rv32_iss_step runs
 * one instruction to completion or raises its exception, and describes what happened in a
 * struct rv32_retire with the same fields as the RTL's retirement trace, so that the lockstep
 * test can compare the two event by event. The model is deliberately plain: no decode caches, no
 * cleverness, every architectural rule written out once where it applies.
 */
#include "rv32_iss.h"

#include <string.h>

/* mstatus bits (only these exist in this core) */
#define MSTATUS_MIE 0x00000008u
#define MSTATUS_MPIE 0x00000080u
#define MSTATUS_MPP 0x00001800u /* always 11: machine mode only */

/* mip / mie bits */
#define MIP_MSIP 0x00000008u
#define MIP_MTIP 0x00000080u
#define MIP_MEIP 0x00000800u

/* CSR addresses (docs/cpu.md, CSRs) */
enum {
    CSR_MSTATUS = 0x300,
    CSR_MISA = 0x301,
    CSR_MIE = 0x304,
    CSR_MTVEC = 0x305,
    CSR_MSTATUSH = 0x310,
    CSR_MSCRATCH = 0x340,
    CSR_MEPC = 0x341,
    CSR_MCAUSE = 0x342,
    CSR_MTVAL = 0x343,
    CSR_MIP = 0x344,
    CSR_MCYCLE = 0xb00,
    CSR_MINSTRET = 0xb02,
    CSR_MCYCLEH = 0xb80,
    CSR_MINSTRETH = 0xb82,
    CSR_CYCLE = 0xc00,
    CSR_INSTRET = 0xc02,
    CSR_CYCLEH = 0xc80,
    CSR_INSTRETH = 0xc82,
    CSR_MVENDORID = 0xf11,
    CSR_MARCHID = 0xf12,
    CSR_MIMPID = 0xf13,
    CSR_MHARTID = 0xf14,
};

/* ---- bit helpers (all arithmetic on uint32_t; no implementation-defined signed conversions) ---- */

/* Sign-extend the low `bits` bits of v. */
static uint32_t sext(uint32_t v, unsigned bits)
{
    uint32_t sign = 1u << (bits - 1);
    uint32_t mask = (bits == 32) ? 0xffffffffu : ((1u << bits) - 1);
    return ((v & mask) ^ sign) - sign;
}

/* a < b as signed 32-bit numbers */
static int lt_signed(uint32_t a, uint32_t b)
{
    return (a ^ 0x80000000u) < (b ^ 0x80000000u);
}

/* Arithmetic shift right by 0..31. */
static uint32_t sra32(uint32_t v, unsigned sh)
{
    uint32_t r = v >> sh;
    if (v & 0x80000000u)
        r |= ~(0xffffffffu >> sh);
    return r;
}

/* The signed value of a 32-bit word, as int64_t. */
static int64_t s64(uint32_t v)
{
    return (int64_t)(v ^ 0x80000000u) - (int64_t)0x80000000u;
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Merge the lanes of `word` selected by `mask` into the 4 bytes at p. */
static void wr_lanes(uint8_t *p, unsigned mask, uint32_t word)
{
    for (unsigned i = 0; i < 4; i++)
        if (mask & (1u << i))
            p[i] = (uint8_t)(word >> (8 * i));
}

/* ---- immediates ---- */

static uint32_t imm_i(uint32_t insn)
{
    return sext(insn >> 20, 12);
}

static uint32_t imm_s(uint32_t insn)
{
    return sext(((insn >> 25) << 5) | ((insn >> 7) & 0x1fu), 12);
}

static uint32_t imm_b(uint32_t insn)
{
    uint32_t v = ((insn >> 31) & 1u) << 12 | ((insn >> 7) & 1u) << 11 | ((insn >> 25) & 0x3fu) << 5 |
                 ((insn >> 8) & 0xfu) << 1;
    return sext(v, 13);
}

static uint32_t imm_u(uint32_t insn)
{
    return insn & 0xfffff000u;
}

static uint32_t imm_j(uint32_t insn)
{
    uint32_t v = ((insn >> 31) & 1u) << 20 | ((insn >> 12) & 0xffu) << 12 | ((insn >> 20) & 1u) << 11 |
                 ((insn >> 21) & 0x3ffu) << 1;
    return sext(v, 21);
}

/* ---- setup ---- */

void rv32_iss_init(struct rv32_iss *s, const struct rv32_iss_cfg *cfg, uint8_t *imem, uint8_t *dmem,
                   const struct rv32_io *io)
{
    memset(s, 0, sizeof(*s));
    s->cfg = *cfg;
    s->imem = imem;
    s->dmem = dmem;
    if (io)
        s->io = *io;
    rv32_iss_reset(s);
}

void rv32_iss_reset(struct rv32_iss *s)
{
    memset(s->x, 0, sizeof(s->x));
    s->pc = s->cfg.reset_pc;
    s->mstatus = MSTATUS_MPP; /* MIE = MPIE = 0 */
    s->mie = 0;
    s->mtvec = 0;
    s->mscratch = 0;
    s->mepc = 0;
    s->mcause = 0;
    s->mtval = 0;
    s->mcycle = 0;
    s->minstret = 0;
    s->mcycle_written = 0;
}

void rv32_iss_tick(struct rv32_iss *s)
{
    if (s->mcycle_written)
        s->mcycle_written = 0;
    else
        s->mcycle++;
}

/* ---- CSRs ---- */

static uint32_t mip_value(const struct rv32_iss *s)
{
    return (s->irq_soft ? MIP_MSIP : 0) | (s->irq_timer ? MIP_MTIP : 0) | (s->irq_ext ? MIP_MEIP : 0);
}

int rv32_iss_csr_read(const struct rv32_iss *s, unsigned addr, uint32_t *val)
{
    uint32_t v;
    switch (addr) {
    case CSR_MSTATUS: v = (s->mstatus & (MSTATUS_MIE | MSTATUS_MPIE)) | MSTATUS_MPP; break;
    case CSR_MISA: v = 0x40000100u | (s->cfg.m_ext ? 0x1000u : 0); break;
    case CSR_MIE: v = s->mie; break;
    case CSR_MTVEC: v = s->mtvec; break;
    case CSR_MSTATUSH: v = 0; break;
    case CSR_MSCRATCH: v = s->mscratch; break;
    case CSR_MEPC: v = s->mepc; break;
    case CSR_MCAUSE: v = s->mcause; break;
    case CSR_MTVAL: v = s->mtval; break;
    case CSR_MIP: v = mip_value(s); break;
    case CSR_MCYCLE:
    case CSR_CYCLE: v = (uint32_t)s->mcycle; break;
    case CSR_MCYCLEH:
    case CSR_CYCLEH: v = (uint32_t)(s->mcycle >> 32); break;
    case CSR_MINSTRET:
    case CSR_INSTRET: v = (uint32_t)s->minstret; break;
    case CSR_MINSTRETH:
    case CSR_INSTRETH: v = (uint32_t)(s->minstret >> 32); break;
    case CSR_MVENDORID:
    case CSR_MARCHID:
    case CSR_MIMPID: v = 0; break;
    case CSR_MHARTID: v = s->cfg.hart_id; break;
    default: return -1;
    }
    *val = v;
    return 0;
}

/*
 * Write an existing, writable CSR (the caller has checked both). Sets *wrote_minstret when the
 * write hits minstret/minstreth (so that this instruction's retirement does not count on top).
 */
static void csr_write(struct rv32_iss *s, unsigned addr, uint32_t v, int *wrote_minstret)
{
    switch (addr) {
    case CSR_MSTATUS: s->mstatus = (v & (MSTATUS_MIE | MSTATUS_MPIE)) | MSTATUS_MPP; break;
    case CSR_MIE: s->mie = v & (MIP_MSIP | MIP_MTIP | MIP_MEIP); break;
    case CSR_MTVEC: s->mtvec = v & ~3u; break;
    case CSR_MSCRATCH: s->mscratch = v; break;
    case CSR_MEPC: s->mepc = v & ~3u; break;
    case CSR_MCAUSE: s->mcause = v; break;
    case CSR_MTVAL: s->mtval = v; break;
    case CSR_MCYCLE:
        s->mcycle = (s->mcycle & 0xffffffff00000000ull) | v;
        s->mcycle_written = 1;
        break;
    case CSR_MCYCLEH:
        s->mcycle = (s->mcycle & 0xffffffffull) | ((uint64_t)v << 32);
        s->mcycle_written = 1;
        break;
    case CSR_MINSTRET:
        s->minstret = (s->minstret & 0xffffffff00000000ull) | v;
        *wrote_minstret = 1;
        break;
    case CSR_MINSTRETH:
        s->minstret = (s->minstret & 0xffffffffull) | ((uint64_t)v << 32);
        *wrote_minstret = 1;
        break;
    default: /* misa, mstatush, mip: writes ignored */ break;
    }
}

/* ---- traps and interrupts ---- */

/* Enter the trap handler; r->pc and r->insn are already set. */
static void trap(struct rv32_iss *s, struct rv32_retire *r, uint32_t cause, uint32_t tval)
{
    r->trap = 1;
    r->cause = cause;
    r->tval = tval;
    r->rd = 0;
    r->rd_wdata = 0;
    r->mem_addr = 0;
    r->mem_rmask = 0;
    r->mem_wmask = 0;
    r->mem_wdata = 0;
    r->mem_rdata = 0;
    s->mepc = s->pc & ~3u;
    s->mcause = cause;
    s->mtval = tval;
    s->mstatus = ((s->mstatus & MSTATUS_MIE) ? MSTATUS_MPIE : 0) | MSTATUS_MPP; /* MIE = 0 */
    s->pc = s->mtvec;
    r->next_pc = s->pc;
}

uint32_t rv32_iss_pending_irq(const struct rv32_iss *s)
{
    if (!(s->mstatus & MSTATUS_MIE))
        return 0;
    uint32_t p = s->mie & mip_value(s);
    if (p & MIP_MEIP)
        return (uint32_t)RV32_CAUSE_IRQ_EXT;
    if (p & MIP_MSIP)
        return (uint32_t)RV32_CAUSE_IRQ_SOFT;
    if (p & MIP_MTIP)
        return (uint32_t)RV32_CAUSE_IRQ_TIMER;
    return 0;
}

void rv32_iss_take_irq(struct rv32_iss *s, uint32_t cause, struct rv32_retire *r)
{
    memset(r, 0, sizeof(*r));
    r->pc = s->pc;
    r->insn = 0;
    s->mcycle_written = 0;
    trap(s, r, cause, 0);
}

/* ---- memory ---- */

enum mem_result { MEM_OK, MEM_FAULT };

static int in_imem(const struct rv32_iss *s, uint32_t a)
{
    return a - RV32_IMEM_BASE < s->cfg.imem_bytes;
}

static int in_dmem(const struct rv32_iss *s, uint32_t a)
{
    return a - RV32_DMEM_BASE < s->cfg.dmem_bytes;
}

static int in_callback_region(uint32_t a)
{
    return a - RV32_TIMER_BASE < RV32_TIMER_SIZE || (a >= RV32_IO_BASE && a <= RV32_IO_LIMIT);
}

/* Read the aligned word holding `addr` (already checked for alignment). */
static enum mem_result load_word(struct rv32_iss *s, uint32_t addr, unsigned rmask, uint32_t *word)
{
    uint32_t wa = addr & ~3u;
    if (in_imem(s, wa)) {
        *word = rd32(s->imem + (wa - RV32_IMEM_BASE));
        return MEM_OK;
    }
    if (in_dmem(s, wa)) {
        *word = rd32(s->dmem + (wa - RV32_DMEM_BASE));
        return MEM_OK;
    }
    if (in_callback_region(wa) && s->io.load) {
        uint32_t w = 0;
        if (s->io.load(s->io.ctx, wa, rmask, &w) == 0) {
            *word = w;
            return MEM_OK;
        }
    }
    return MEM_FAULT;
}

static enum mem_result store_word(struct rv32_iss *s, uint32_t addr, unsigned wmask, uint32_t word)
{
    uint32_t wa = addr & ~3u;
    if (in_imem(s, wa))
        return MEM_FAULT; /* IMEM is not writable by the core */
    if (in_dmem(s, wa)) {
        wr_lanes(s->dmem + (wa - RV32_DMEM_BASE), wmask, word);
        return MEM_OK;
    }
    if (in_callback_region(wa) && s->io.store)
        return s->io.store(s->io.ctx, wa, wmask, word) == 0 ? MEM_OK : MEM_FAULT;
    return MEM_FAULT;
}

/* ---- execution ---- */

void rv32_iss_step(struct rv32_iss *s, struct rv32_retire *r)
{
    memset(r, 0, sizeof(*r));
    r->pc = s->pc;
    s->mcycle_written = 0;

    uint32_t pc = s->pc;
    if (pc & 3u) { /* only reachable with a misaligned reset_pc */
        trap(s, r, RV32_CAUSE_FETCH_MISALIGNED, pc);
        return;
    }
    if (!in_imem(s, pc)) {
        trap(s, r, RV32_CAUSE_FETCH_FAULT, pc);
        return;
    }
    uint32_t insn = rd32(s->imem + (pc - RV32_IMEM_BASE));
    r->insn = insn;

    unsigned opcode = insn & 0x7fu;
    unsigned rd = (insn >> 7) & 0x1fu;
    unsigned funct3 = (insn >> 12) & 7u;
    unsigned rs1 = (insn >> 15) & 0x1fu;
    unsigned rs2 = (insn >> 20) & 0x1fu;
    unsigned funct7 = insn >> 25;
    uint32_t a = s->x[rs1], b = s->x[rs2];
    uint32_t next = pc + 4;
    int write_rd = 0;
    uint32_t val = 0;
    int wrote_minstret = 0;

    if ((insn & 3u) != 3u)
        goto illegal;

    switch (opcode) {
    case 0x37: /* LUI */
        write_rd = 1;
        val = imm_u(insn);
        break;
    case 0x17: /* AUIPC */
        write_rd = 1;
        val = pc + imm_u(insn);
        break;
    case 0x6f: { /* JAL */
        uint32_t t = pc + imm_j(insn);
        if (t & 3u) {
            trap(s, r, RV32_CAUSE_FETCH_MISALIGNED, t);
            return;
        }
        write_rd = 1;
        val = pc + 4;
        next = t;
        break;
    }
    case 0x67: { /* JALR */
        if (funct3 != 0)
            goto illegal;
        uint32_t t = (a + imm_i(insn)) & ~1u;
        if (t & 3u) {
            trap(s, r, RV32_CAUSE_FETCH_MISALIGNED, t);
            return;
        }
        write_rd = 1;
        val = pc + 4;
        next = t;
        break;
    }
    case 0x63: { /* branches */
        int take;
        switch (funct3) {
        case 0: take = a == b; break;
        case 1: take = a != b; break;
        case 4: take = lt_signed(a, b); break;
        case 5: take = !lt_signed(a, b); break;
        case 6: take = a < b; break;
        case 7: take = a >= b; break;
        default: goto illegal;
        }
        if (take) {
            uint32_t t = pc + imm_b(insn);
            if (t & 3u) {
                trap(s, r, RV32_CAUSE_FETCH_MISALIGNED, t);
                return;
            }
            next = t;
        }
        break;
    }
    case 0x03: { /* loads */
        unsigned size;
        switch (funct3) {
        case 0: case 4: size = 1; break;
        case 1: case 5: size = 2; break;
        case 2: size = 4; break;
        default: goto illegal;
        }
        uint32_t addr = a + imm_i(insn);
        if (addr & (size - 1)) {
            trap(s, r, RV32_CAUSE_LOAD_MISALIGNED, addr);
            return;
        }
        unsigned lane = addr & 3u;
        unsigned rmask = ((1u << size) - 1) << lane;
        uint32_t word;
        if (load_word(s, addr, rmask, &word) != MEM_OK) {
            trap(s, r, RV32_CAUSE_LOAD_FAULT, addr);
            return;
        }
        uint32_t d = word >> (8 * lane);
        switch (funct3) {
        case 0: val = sext(d, 8); break;
        case 1: val = sext(d, 16); break;
        case 2: val = d; break;
        case 4: val = d & 0xffu; break;
        default: val = d & 0xffffu; break; /* 5: LHU */
        }
        write_rd = 1;
        r->mem_addr = addr;
        r->mem_rmask = rmask;
        r->mem_rdata = word;
        break;
    }
    case 0x23: { /* stores */
        if (funct3 > 2)
            goto illegal;
        unsigned size = 1u << funct3;
        uint32_t addr = a + imm_s(insn);
        if (addr & (size - 1)) {
            trap(s, r, RV32_CAUSE_STORE_MISALIGNED, addr);
            return;
        }
        unsigned lane = addr & 3u;
        unsigned wmask = ((1u << size) - 1) << lane;
        uint32_t data = size == 4 ? b : (b & ((1u << (8 * size)) - 1));
        uint32_t word = data << (8 * lane);
        if (store_word(s, addr, wmask, word) != MEM_OK) {
            trap(s, r, RV32_CAUSE_STORE_FAULT, addr);
            return;
        }
        r->mem_addr = addr;
        r->mem_wmask = wmask;
        r->mem_wdata = word;
        break;
    }
    case 0x13: { /* OP-IMM */
        uint32_t imm = imm_i(insn);
        unsigned sh = rs2; /* shamt = insn[24:20] */
        write_rd = 1;
        switch (funct3) {
        case 0: val = a + imm; break;                  /* ADDI */
        case 2: val = lt_signed(a, imm); break;        /* SLTI */
        case 3: val = a < imm; break;                  /* SLTIU */
        case 4: val = a ^ imm; break;                  /* XORI */
        case 6: val = a | imm; break;                  /* ORI */
        case 7: val = a & imm; break;                  /* ANDI */
        case 1:                                        /* SLLI */
            if (funct7 != 0)
                goto illegal;
            val = a << sh;
            break;
        default: /* 5 */
            if (funct7 == 0x00)
                val = a >> sh; /* SRLI */
            else if (funct7 == 0x20)
                val = sra32(a, sh); /* SRAI */
            else
                goto illegal;
            break;
        }
        break;
    }
    case 0x33: { /* OP */
        unsigned sh = b & 31u;
        write_rd = 1;
        if (funct7 == 0x00) {
            switch (funct3) {
            case 0: val = a + b; break;
            case 1: val = a << sh; break;
            case 2: val = lt_signed(a, b); break;
            case 3: val = a < b; break;
            case 4: val = a ^ b; break;
            case 5: val = a >> sh; break;
            case 6: val = a | b; break;
            default: val = a & b; break;
            }
        } else if (funct7 == 0x20) {
            if (funct3 == 0)
                val = a - b;
            else if (funct3 == 5)
                val = sra32(a, sh);
            else
                goto illegal;
        } else if (funct7 == 0x01 && s->cfg.m_ext) {
            switch (funct3) {
            case 0: val = a * b; break; /* MUL */
            case 1: val = (uint32_t)((uint64_t)(s64(a) * s64(b)) >> 32); break; /* MULH */
            case 2: val = (uint32_t)((uint64_t)(s64(a) * (int64_t)b) >> 32); break; /* MULHSU */
            case 3: val = (uint32_t)(((uint64_t)a * b) >> 32); break; /* MULHU */
            case 4: /* DIV */
                if (b == 0)
                    val = 0xffffffffu;
                else if (a == 0x80000000u && b == 0xffffffffu)
                    val = 0x80000000u;
                else
                    val = (uint32_t)(s64(a) / s64(b));
                break;
            case 5: val = b == 0 ? 0xffffffffu : a / b; break; /* DIVU */
            case 6: /* REM */
                if (b == 0)
                    val = a;
                else if (a == 0x80000000u && b == 0xffffffffu)
                    val = 0;
                else
                    val = (uint32_t)(s64(a) % s64(b));
                break;
            default: val = b == 0 ? a : a % b; break; /* REMU */
            }
        } else {
            goto illegal;
        }
        break;
    }
    case 0x0f: /* MISC-MEM: FENCE (0), FENCE.I (1), no-operations whatever the other bits */
        if (funct3 > 1)
            goto illegal;
        break;
    case 0x73: { /* SYSTEM */
        if (funct3 == 0) {
            switch (insn) {
            case 0x00000073u: trap(s, r, RV32_CAUSE_ECALL_M, 0); return;
            case 0x00100073u: trap(s, r, RV32_CAUSE_BREAKPOINT, 0); return;
            case 0x30200073u: /* MRET */
                next = s->mepc;
                s->mstatus = ((s->mstatus & MSTATUS_MPIE) ? MSTATUS_MIE : 0) | MSTATUS_MPIE | MSTATUS_MPP;
                break;
            case 0x10500073u: /* WFI: no-operation */ break;
            default: goto illegal;
            }
            break;
        }
        if (funct3 == 4)
            goto illegal;
        /* Zicsr */
        unsigned csr = insn >> 20;
        unsigned op = funct3 & 3u; /* 1 RW, 2 RS, 3 RC */
        uint32_t src = (funct3 & 4u) ? rs1 : a;
        int do_write = op == 1 || rs1 != 0;
        uint32_t old;
        if (rv32_iss_csr_read(s, csr, &old) != 0)
            goto illegal;
        if (do_write && (csr >> 10) == 3u)
            goto illegal;
        if (do_write) {
            uint32_t nv = op == 1 ? src : op == 2 ? (old | src) : (old & ~src);
            csr_write(s, csr, nv, &wrote_minstret);
        }
        write_rd = 1;
        val = old;
        break;
    }
    default:
        goto illegal;
    }

    if (write_rd && rd != 0) {
        s->x[rd] = val;
        r->rd = rd;
        r->rd_wdata = val;
    }
    s->pc = next;
    r->next_pc = next;
    if (!wrote_minstret)
        s->minstret++;
    return;

illegal:
    trap(s, r, RV32_CAUSE_ILLEGAL, insn);
}
