/* SPDX-License-Identifier: MIT */
/*
 * iss_retire_test.c — unit test of the retirement records of the C model (sim/cpu/rv32_iss.c).
 * The assembly tests check architectural results; the lockstep test compares the model with the
 * RTL field by field, so the fields themselves must follow docs/cpu.md (Retirement trace) exactly:
 * rd = 0 when nothing is written (x0, traps), byte lanes and full bus words of loads and stores,
 * mem_* = 0 when an access faults, the interrupt record, and the counter rules (mcycle/minstret
 * writes). Instructions are encoded here by hand and run one step at a time.
 */
#include <stdio.h>
#include <string.h>

#include "rv32_iss.h"

static int failures;

#define EXPECT(cond)                                                                                           \
    do {                                                                                                       \
        if (!(cond)) {                                                                                         \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond);                                         \
            failures++;                                                                                        \
        }                                                                                                      \
    } while (0)

/* ---- encoders ---- */
static uint32_t enc_i(unsigned op, unsigned rd, unsigned f3, unsigned rs1, int32_t imm)
{
    return ((uint32_t)imm & 0xfffu) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t enc_s(unsigned f3, unsigned rs1, unsigned rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm & 0xfffu;
    return (u >> 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1fu) << 7 | 0x23u;
}
static uint32_t enc_u(unsigned op, unsigned rd, uint32_t imm20)
{
    return imm20 << 12 | rd << 7 | op;
}
static uint32_t enc_csr(unsigned f3, unsigned rd, unsigned rs1, unsigned csr)
{
    return csr << 20 | rs1 << 15 | f3 << 12 | rd << 7 | 0x73u;
}
#define ADDI(rd, rs1, imm) enc_i(0x13, rd, 0, rs1, imm)
#define LUI(rd, imm20) enc_u(0x37, rd, imm20)
#define LOAD(f3, rd, rs1, imm) enc_i(0x03, rd, f3, rs1, imm)
#define STORE(f3, rs1, rs2, imm) enc_s(f3, rs1, rs2, imm)
#define CSRRW(rd, csr, rs1) enc_csr(1, rd, rs1, csr)
#define CSRRS(rd, csr, rs1) enc_csr(2, rd, rs1, csr)

/* ---- a peripheral-bus stub that records what it saw ---- */
struct io_log {
    uint32_t addr, word;
    unsigned mask;
    int loads, stores;
};

static int io_load(void *ctx, uint32_t addr, unsigned rmask, uint32_t *word)
{
    struct io_log *l = ctx;
    if (addr != 0x30000000u)
        return 1;
    l->addr = addr;
    l->mask = rmask;
    l->loads++;
    *word = 0xcafef00du;
    return 0;
}

static int io_store(void *ctx, uint32_t addr, unsigned wmask, uint32_t word)
{
    struct io_log *l = ctx;
    if (addr != 0x30000000u)
        return 1;
    l->addr = addr;
    l->mask = wmask;
    l->word = word;
    l->stores++;
    return 0;
}

static uint8_t imem[4096], dmem[4096];
static struct rv32_iss s;
static struct io_log iolog;

/* Put insn at the current pc and execute it. */
static struct rv32_retire run(uint32_t insn)
{
    struct rv32_retire r;
    uint32_t pc = s.pc;
    imem[pc] = (uint8_t)insn;
    imem[pc + 1] = (uint8_t)(insn >> 8);
    imem[pc + 2] = (uint8_t)(insn >> 16);
    imem[pc + 3] = (uint8_t)(insn >> 24);
    rv32_iss_step(&s, &r);
    return r;
}

static void no_mem(const struct rv32_retire *r, int line)
{
    if (r->mem_addr || r->mem_rmask || r->mem_wmask || r->mem_wdata || r->mem_rdata) {
        fprintf(stderr, "%s:%d: memory fields not 0\n", __FILE__, line);
        failures++;
    }
}
#define NO_MEM(r) no_mem(&(r), __LINE__)

int main(void)
{
    struct rv32_iss_cfg cfg = {.reset_pc = 0, .imem_bytes = sizeof(imem), .dmem_bytes = sizeof(dmem), .m_ext = 1,
                               .hart_id = 0};
    struct rv32_io io = {.ctx = &iolog, .load = io_load, .store = io_store};
    rv32_iss_init(&s, &cfg, imem, dmem, &io);
    s.mtvec = 0x800;
    struct rv32_retire r;

    /* plain ALU result */
    r = run(ADDI(5, 0, 0x123));
    EXPECT(r.pc == 0 && r.insn == ADDI(5, 0, 0x123) && !r.trap && r.rd == 5 && r.rd_wdata == 0x123 && r.next_pc == 4);
    NO_MEM(r);
    /* a write to x0 is no write */
    r = run(ADDI(0, 5, 1));
    EXPECT(!r.trap && r.rd == 0 && r.rd_wdata == 0 && s.x[0] == 0);

    /* loads: lanes and the full bus word */
    memcpy(dmem, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
    run(LUI(6, 0x10000)); /* x6 = DMEM base */
    r = run(LOAD(0, 7, 6, 1)); /* lb x7, 1(x6) */
    EXPECT(r.rd == 7 && r.rd_wdata == 0x22 && r.mem_addr == 0x10000001u && r.mem_rmask == 0x2 &&
           r.mem_rdata == 0x44332211u && r.mem_wmask == 0 && r.mem_wdata == 0);
    r = run(LOAD(1, 8, 6, 2)); /* lh x8, 2(x6) */
    EXPECT(r.rd == 8 && r.rd_wdata == 0x4433 && r.mem_addr == 0x10000002u && r.mem_rmask == 0xc &&
           r.mem_rdata == 0x44332211u);
    r = run(LOAD(4, 0, 6, 7)); /* lbu x0, 7(x6): the access happens, no register is written */
    EXPECT(!r.trap && r.rd == 0 && r.rd_wdata == 0 && r.mem_addr == 0x10000007u && r.mem_rmask == 0x8 &&
           r.mem_rdata == 0x88776655u);
    r = run(LOAD(2, 10, 0, 0)); /* lw x10, 0(x0): IMEM is readable */
    EXPECT(!r.trap && r.rd == 10 && r.rd_wdata == ADDI(5, 0, 0x123) && r.mem_rmask == 0xf && r.mem_addr == 0);

    /* stores: data shifted to its lanes, other lanes 0 */
    run(LUI(9, 0xaabbd));
    run(ADDI(9, 9, -0x323)); /* x9 = 0xaabbccdd */
    EXPECT(s.x[9] == 0xaabbccddu);
    r = run(STORE(1, 6, 9, 6)); /* sh x9, 6(x6) */
    EXPECT(!r.trap && r.rd == 0 && r.mem_addr == 0x10000006u && r.mem_wmask == 0xc && r.mem_wdata == 0xccdd0000u &&
           r.mem_rmask == 0 && r.mem_rdata == 0);
    r = run(STORE(0, 6, 9, 5)); /* sb x9, 5(x6) */
    EXPECT(r.mem_addr == 0x10000005u && r.mem_wmask == 0x2 && r.mem_wdata == 0x0000dd00u);
    EXPECT(memcmp(dmem + 4, "\x55\xdd\xdd\xcc", 4) == 0);
    r = run(STORE(2, 6, 9, 0)); /* sw x9, 0(x6) */
    EXPECT(r.mem_addr == 0x10000000u && r.mem_wmask == 0xf && r.mem_wdata == 0xaabbccddu);

    /* peripheral bus: word address and lanes to the callback, full word back */
    run(LUI(14, 0x30000));
    r = run(LOAD(4, 13, 14, 3)); /* lbu x13, 3(x14) */
    EXPECT(r.rd == 13 && r.rd_wdata == 0xca && r.mem_addr == 0x30000003u && r.mem_rmask == 0x8 &&
           r.mem_rdata == 0xcafef00du);
    EXPECT(iolog.loads == 1 && iolog.addr == 0x30000000u && iolog.mask == 0x8);
    r = run(STORE(0, 14, 9, 2)); /* sb x9, 2(x14) */
    EXPECT(!r.trap && r.mem_wmask == 0x4 && r.mem_wdata == 0x00dd0000u);
    EXPECT(iolog.stores == 1 && iolog.addr == 0x30000000u && iolog.mask == 0x4 && iolog.word == 0x00dd0000u);

    /* a load the device refuses: access fault, mem_* = 0, rd not written */
    uint32_t pc = s.pc;
    s.x[11] = 0x5555;
    r = run(LOAD(2, 11, 14, 4)); /* lw x11, 4(x14) */
    EXPECT(r.trap && r.cause == RV32_CAUSE_LOAD_FAULT && r.tval == 0x30000004u && r.rd == 0 && r.rd_wdata == 0 &&
           r.next_pc == 0x800 && s.x[11] == 0x5555 && s.mepc == pc && s.mtval == 0x30000004u);
    NO_MEM(r);

    /* misaligned load: cause 4 and no access at all */
    s.pc = 0x100;
    int loads_before = iolog.loads;
    r = run(LOAD(2, 11, 14, 2)); /* lw x11, 2(x14) */
    EXPECT(r.trap && r.cause == RV32_CAUSE_LOAD_MISALIGNED && r.tval == 0x30000002u && iolog.loads == loads_before);
    NO_MEM(r);

    /* store to IMEM: store access fault */
    s.pc = 0x100;
    r = run(STORE(2, 0, 9, 0x40)); /* sw x9, 0x40(x0) */
    EXPECT(r.trap && r.cause == RV32_CAUSE_STORE_FAULT && r.tval == 0x40 && imem[0x40] == 0);
    NO_MEM(r);

    /* illegal instruction: mtval = the bits, rd = 0 */
    s.pc = 0x100;
    r = run(0xffffffffu);
    EXPECT(r.trap && r.cause == RV32_CAUSE_ILLEGAL && r.tval == 0xffffffffu && r.insn == 0xffffffffu && r.rd == 0);

    /* fetch outside IMEM: cause 1, mtval = pc */
    s.pc = 0x10000000u;
    rv32_iss_step(&s, &r);
    EXPECT(r.trap && r.cause == RV32_CAUSE_FETCH_FAULT && r.tval == 0x10000000u && r.pc == 0x10000000u &&
           s.mepc == 0x10000000u && r.next_pc == 0x800);

    /* minstret: +1 per retirement, none for a trap, the written value stands */
    s.pc = 0x100;
    uint64_t n = s.minstret;
    run(ADDI(1, 0, 1));
    EXPECT(s.minstret == n + 1);
    run(0); /* illegal */
    EXPECT(s.minstret == n + 1);
    s.pc = 0x100;
    run(ADDI(1, 0, 77));
    r = run(CSRRW(2, 0xb02, 1)); /* csrrw x2, minstret, x1 */
    EXPECT(r.rd == 2 && r.rd_wdata == (uint32_t)(n + 2) && s.minstret == 77);
    r = run(CSRRS(3, 0xb02, 0)); /* csrr x3, minstret */
    EXPECT(r.rd_wdata == 77 && s.minstret == 78);

    /* mcycle: tick adds one, except after a write */
    s.mcycle = 10;
    run(ADDI(0, 0, 0));
    rv32_iss_tick(&s);
    EXPECT(s.mcycle == 11);
    run(CSRRW(0, 0xb80, 1)); /* csrw mcycleh, x1 (77) */
    rv32_iss_tick(&s);
    EXPECT(s.mcycle == ((uint64_t)77 << 32 | 11));
    run(ADDI(0, 0, 0));
    rv32_iss_tick(&s);
    EXPECT(s.mcycle == ((uint64_t)77 << 32 | 12));

    /* interrupts: priority and the record */
    s.mstatus = 0x1808; /* MIE */
    s.mie = 0x888;
    s.irq_timer = 1;
    s.irq_soft = 1;
    EXPECT(rv32_iss_pending_irq(&s) == (uint32_t)RV32_CAUSE_IRQ_SOFT);
    s.irq_ext = 1;
    EXPECT(rv32_iss_pending_irq(&s) == (uint32_t)RV32_CAUSE_IRQ_EXT);
    s.irq_ext = 0;
    s.irq_soft = 0;
    EXPECT(rv32_iss_pending_irq(&s) == (uint32_t)RV32_CAUSE_IRQ_TIMER);
    s.mie = 0x8;
    EXPECT(rv32_iss_pending_irq(&s) == 0);
    s.mie = 0x80;
    s.pc = 0x200;
    uint64_t before = s.minstret;
    rv32_iss_take_irq(&s, rv32_iss_pending_irq(&s), &r);
    EXPECT(r.trap && r.pc == 0x200 && r.insn == 0 && r.cause == 0x80000007u && r.tval == 0 && r.rd == 0 &&
           r.next_pc == 0x800 && s.pc == 0x800 && s.mepc == 0x200 && s.mcause == 0x80000007u && s.mtval == 0);
    NO_MEM(r);
    uint32_t v;
    EXPECT(rv32_iss_csr_read(&s, 0x300, &v) == 0 && v == 0x1880); /* MIE = 0, MPIE = 1 */
    EXPECT(rv32_iss_pending_irq(&s) == 0);                          /* masked by MIE */
    EXPECT(s.minstret == before);
    EXPECT(rv32_iss_csr_read(&s, 0x344, &v) == 0 && v == 0x80);
    EXPECT(rv32_iss_csr_read(&s, 0x7c0, &v) == -1);

    /* MRET: MIE = MPIE, MPIE = 1, pc = mepc */
    r = run(0x30200073u);
    EXPECT(!r.trap && r.next_pc == 0x200 && s.pc == 0x200 && r.rd == 0);
    EXPECT(rv32_iss_csr_read(&s, 0x300, &v) == 0 && v == 0x1888);

    /* misaligned jump: trap on the jump, rd not written */
    s.pc = 0x100;
    s.x[1] = 0x1234;
    r = run(0x006000efu); /* jal x1, +6 */
    EXPECT(r.trap && r.cause == RV32_CAUSE_FETCH_MISALIGNED && r.tval == 0x106 && r.rd == 0 && s.x[1] == 0x1234 &&
           s.mepc == 0x100);

    if (failures) {
        fprintf(stderr, "iss_retire_test: %d failure(s)\n", failures);
        return 1;
    }
    printf("iss_retire_test: all checks passed\n");
    return 0;
}
