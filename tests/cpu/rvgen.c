/* SPDX-License-Identifier: MIT */
/*
 * rvgen.c — random RV32 instruction streams for lockstep testing of tonic_rv32 against the C model.
 *
 *   rvgen [--seed S] [--insns N] [--no-m] OUT.elf
 *
 * Writes an ELF that `tonic-cpu --lockstep` runs: a start-up block that gives every register a
 * random value and installs a trap handler, N random instructions, and an end block that stores 1 to
 * `tohost`. The random block covers every RV32I instruction, M (unless --no-m), every CSR of
 * docs/cpu.md with all six CSR instruction forms, and the traps: illegal encodings, ECALL, EBREAK,
 * misaligned and faulting loads and stores (DMEM, IMEM, timer, peripheral bus, unmapped), misaligned
 * jump and branch targets, and timer and software interrupts armed at random. Control flow only goes
 * forward and the handler resumes after an exception, so every program ends.
 *
 * Register use: x1..x23 and x25 are random operands and destinations; x24 is the temporary of
 * multi-instruction patterns; x26..x28 belong to the trap handler; x29 = timer, x30 = peripheral
 * scratch RAM (middle), x31 = DMEM (middle) stay fixed.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMEM_MAX 32768u
#define TOHOST 0x10000000u

static uint64_t rng_state;
static uint32_t rnd(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return (uint32_t)((z ^ (z >> 31)) >> 16);
}
static uint32_t below(uint32_t n) { return rnd() % n; }

static uint32_t code[IMEM_MAX / 4];
static unsigned ncode;

/*
 * Jumps and branches are emitted with a wanted target and patched at the end to the first start of
 * a generated pattern at or after it, so that control never lands inside a multi-instruction
 * pattern (an AUIPC + JALR entered at the JALR would jump to a stale address).
 */
static unsigned char starts[IMEM_MAX / 4];
struct fixup { unsigned at, want, kind, extra, rs1, rs2, f3, rd; };
enum { FIX_BRANCH, FIX_JAL, FIX_JALR };
static struct fixup fix[IMEM_MAX / 4];
static unsigned nfix;

static void emit(uint32_t w)
{
    if (ncode < IMEM_MAX / 4)
        code[ncode++] = w;
}

/* ---- encoders ---- */
static uint32_t r_type(unsigned f7, unsigned rs2, unsigned rs1, unsigned f3, unsigned rd, unsigned op)
{
    return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
static uint32_t i_type(int32_t imm, unsigned rs1, unsigned f3, unsigned rd, unsigned op)
{
    return ((uint32_t)(imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
static uint32_t s_type(int32_t imm, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)imm;
    return (((u >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((u & 0x1f) << 7) | 0x23;
}
static uint32_t b_type(int32_t off, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)off;
    return (((u >> 12) & 1) << 31) | (((u >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
           (((u >> 1) & 0xf) << 8) | (((u >> 11) & 1) << 7) | 0x63;
}
static uint32_t u_type(uint32_t imm20, unsigned rd, unsigned op) { return (imm20 << 12) | (rd << 7) | op; }
static uint32_t j_type(int32_t off, unsigned rd)
{
    uint32_t u = (uint32_t)off;
    return (((u >> 20) & 1) << 31) | (((u >> 1) & 0x3ff) << 21) | (((u >> 11) & 1) << 20) |
           (((u >> 12) & 0xff) << 12) | (rd << 7) | 0x6f;
}
static uint32_t csr_op(unsigned csr, unsigned rs1, unsigned f3, unsigned rd)
{
    return (csr << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | 0x73;
}

/* load a 32-bit constant with LUI + ADDI */
static void li(unsigned rd, uint32_t v)
{
    uint32_t lo = v & 0xfff;
    uint32_t hi = (v + 0x800) >> 12;
    emit(u_type(hi & 0xfffff, rd, 0x37));
    emit(i_type((int32_t)(lo << 20) >> 20, rd, 0, rd, 0x13));
}

enum { X_TMP = 24, X_H0 = 26, X_H1 = 27, X_H2 = 28, X_TIMER = 29, X_IO = 30, X_DMEM = 31 };

static unsigned rreg(void)
{
    unsigned r = below(25); /* 0..24 -> x0..x23, x25 */
    return r == 24 ? 25 : r;
}
static unsigned src(void)
{
    /* sources may be anything, including the fixed bases */
    return below(8) == 0 ? 29 + below(3) : rreg();
}

/* ---- the random instruction classes ---- */
static const unsigned csr_list[] = {0x300, 0x301, 0x304, 0x310, 0x340, 0x341, 0x342, 0x343, 0x344,
                                    0xb00, 0xb80, 0xb02, 0xb82, 0xc00, 0xc80, 0xc02, 0xc82, 0xf11,
                                    0xf12, 0xf13, 0xf14, 0x7c0, 0x306, 0xc01, 0x3a0, 0x305};

static void gen_alu(void)
{
    unsigned f3 = below(8), rd = rreg();
    if (below(2)) { /* register-register */
        unsigned f7 = 0;
        if ((f3 == 0 || f3 == 5) && below(2))
            f7 = 0x20;
        emit(r_type(f7, src(), src(), f3, rd, 0x33));
    } else if (f3 == 1 || f3 == 5) { /* shifts by immediate */
        int32_t imm = (int32_t)below(32) | ((f3 == 5 && below(2)) ? 0x400 : 0);
        emit(i_type(imm, src(), f3, rd, 0x13));
    } else {
        int32_t imm = below(4) == 0 ? (int32_t)below(5) - 2 : (int32_t)below(4096) - 2048;
        emit(i_type(imm, src(), f3, rd, 0x13));
    }
}

static void gen_md(void) { emit(r_type(1, src(), src(), below(8), rreg(), 0x33)); }

/* base register and offset of a load or store, from where it should land */
static void mem_target(int store, unsigned size_log2, unsigned *base, int32_t *off)
{
    unsigned pick = below(20);
    int aligned = below(4) != 0;
    int32_t o;
    if (pick < 11) { /* DMEM around x31 */
        *base = X_DMEM;
        o = (int32_t)below(4096) - 2048;
    } else if (pick < 14) { /* peripheral scratch RAM */
        *base = X_IO;
        o = (int32_t)below(4096) - 2048;
    } else if (pick < 15) { /* timer: mtime / mtimecmp reads; stores only to msip here */
        *base = X_TIMER;
        o = store ? 0x10 : (int32_t)(below(8) * 4);
    } else if (pick < 17) { /* IMEM: loads read code, stores fault */
        *base = 0;
        o = (int32_t)below(2048);
    } else { /* wherever a random register points: mostly faults */
        *base = src();
        o = (int32_t)below(4096) - 2048;
    }
    if (aligned)
        o &= ~(int32_t)((1u << size_log2) - 1);
    *off = o;
}

static void gen_load(void)
{
    static const unsigned f3s[] = {0, 1, 2, 4, 5};
    unsigned f3 = f3s[below(5)], base;
    int32_t off;
    mem_target(0, f3 & 3, &base, &off);
    emit(i_type(off, base, f3, rreg(), 0x03));
}

static void gen_store(void)
{
    unsigned f3 = below(3), base;
    int32_t off;
    mem_target(1, f3, &base, &off);
    unsigned data = src();
    if (base == X_TIMER) { /* msip: bit 0 raises the software interrupt */
        data = rreg();
        f3 = 2;
        off = 0x10;
    }
    emit(s_type(off, data, base, f3));
}

static void gen_timer_arm(void)
{
    /* mtimecmp = small value (already passed): a timer interrupt as soon as it is enabled */
    emit(i_type((int32_t)below(2048), 0, 0, X_TMP, 0x13));
    emit(s_type(8, X_TMP, X_TIMER, 2));
    emit(s_type(12, 0, X_TIMER, 2));
}

static void add_fixup(unsigned kind, unsigned ahead, unsigned extra, unsigned rs1, unsigned rs2, unsigned f3,
                      unsigned rd)
{
    struct fixup f = {ncode, ncode + ahead, kind, extra, rs1, rs2, f3, rd};
    fix[nfix++] = f;
    emit(0); /* placeholder */
}

static void gen_branch(void)
{
    static const unsigned f3s[] = {0, 1, 4, 5, 6, 7};
    unsigned extra = below(20) == 0 ? 2 : 0; /* misaligned target: an exception when taken */
    unsigned rs1 = src(), rs2 = below(4) == 0 ? rs1 : src();
    add_fixup(FIX_BRANCH, 1 + below(8), extra, rs1, rs2, f3s[below(6)], 0);
}

static void gen_jump(void)
{
    if (below(2)) {
        add_fixup(FIX_JAL, 1 + below(6), below(20) == 0 ? 2 : 0, 0, 0, 0, rreg());
    } else { /* AUIPC + JALR to a forward target, sometimes misaligned, sometimes odd (bit 0 dropped) */
        emit(u_type(0, X_TMP, 0x17));
        unsigned extra = (below(10) == 0 ? 2 : 0) + (below(10) == 0 ? 1 : 0);
        add_fixup(FIX_JALR, 1 + below(6), extra, X_TMP, 0, 0, rreg());
    }
}

static void apply_fixups(void)
{
    for (unsigned i = 0; i < nfix; i++) {
        const struct fixup *f = &fix[i];
        unsigned t = f->want;
        while (t < ncode && !starts[t])
            t++;
        int32_t off = 4 * ((int32_t)t - (int32_t)f->at) + (int32_t)f->extra;
        if (f->kind == FIX_BRANCH)
            code[f->at] = b_type(off, f->rs2, f->rs1, f->f3);
        else if (f->kind == FIX_JAL)
            code[f->at] = j_type(off, f->rd);
        else /* relative to the AUIPC just before */
            code[f->at] = i_type(off + 4, f->rs1, 0, f->rd, 0x67);
    }
}

static void gen_csr(void)
{
    unsigned csr = csr_list[below(sizeof csr_list / sizeof csr_list[0])];
    unsigned f3 = 1 + below(3) + (below(2) ? 4 : 0);
    unsigned rs1 = (f3 & 4) ? below(32) : (below(3) == 0 ? 0 : src());
    if (csr == 0x305) { /* mtvec: reads only (the handler must stay) */
        f3 = 2;
        rs1 = 0;
    }
    if (csr == 0x304 || csr == 0x300) { /* keep interrupts mostly enabled */
        if (below(3) != 0) {
            f3 = 6; /* CSRRSI: set bits */
            rs1 = csr == 0x300 ? 8 : 0x8;
        }
    }
    emit(csr_op(csr, rs1, f3, rreg()));
}

static void gen_system(void)
{
    static const uint32_t illegal[] = {
        0x00000000u, 0xffffffffu, 0x00000013u & ~3u, 0x02001013u /* slli, bit 25 */,
        0x40001033u /* sll with funct7 0x20 */, 0x00003003u /* ld */, 0x00003023u /* sd */,
        0x00002063u /* branch funct3 2 */, 0x00001067u /* jalr funct3 1 */, 0x00200073u /* uret */,
        0x10200073u /* sret */, 0x00004073u /* system funct3 4 */, 0x0000200fu /* misc funct3 2 */,
        0x30200173u /* mret with rd */, 0x7b200073u /* dret */};
    switch (below(6)) {
    case 0: emit(0x00000073u); break;                       /* ecall */
    case 1: emit(0x00100073u); break;                       /* ebreak */
    case 2: emit(0x10500073u); break;                       /* wfi */
    case 3: emit(below(2) ? 0x0ff0000fu : 0x0000100fu); break; /* fence, fence.i */
    default: emit(illegal[below(sizeof illegal / sizeof illegal[0])]); break;
    }
}

static void gen_upper(void)
{
    emit(u_type(rnd() & 0xfffff, rreg(), below(2) ? 0x37 : 0x17));
}

/* ---- ELF writer: two PT_LOAD segments, a symbol table with `tohost` ---- */
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static int write_elf(const char *path)
{
    const uint32_t text_sz = ncode * 4, data_sz = 16;
    const char strtab[] = "\0tohost\0";
    const char shstr[] = "\0.text\0.data\0.symtab\0.strtab\0.shstrtab\0";
    uint32_t off_text = 52 + 2 * 32;
    uint32_t off_data = off_text + text_sz;
    uint32_t off_sym = off_data + data_sz;
    uint32_t off_str = off_sym + 2 * 16;
    uint32_t off_shstr = off_str + (uint32_t)sizeof strtab;
    uint32_t off_sh = (off_shstr + (uint32_t)sizeof shstr + 3) & ~3u;
    uint32_t total = off_sh + 6 * 40;
    uint8_t *f = calloc(1, total);
    if (!f)
        return -1;
    memcpy(f, "\177ELF", 4);
    f[4] = 1; /* 32-bit */
    f[5] = 1; /* little-endian */
    f[6] = 1;
    put16(f + 16, 2);   /* ET_EXEC */
    put16(f + 18, 243); /* EM_RISCV */
    put32(f + 20, 1);
    put32(f + 24, 0);   /* entry */
    put32(f + 28, 52);  /* phoff */
    put32(f + 32, off_sh);
    put16(f + 40, 52);
    put16(f + 42, 32);
    put16(f + 44, 2);
    put16(f + 46, 40);
    put16(f + 48, 6);
    put16(f + 50, 5); /* shstrndx */
    uint32_t ph[2][4] = {{off_text, 0, text_sz, 5}, {off_data, TOHOST, data_sz, 6}};
    for (int i = 0; i < 2; i++) {
        uint8_t *p = f + 52 + 32 * i;
        put32(p, 1); /* PT_LOAD */
        put32(p + 4, ph[i][0]);
        put32(p + 8, ph[i][1]);
        put32(p + 12, ph[i][1]);
        put32(p + 16, ph[i][2]);
        put32(p + 20, ph[i][2]);
        put32(p + 24, ph[i][3]);
        put32(p + 28, 4);
    }
    for (unsigned i = 0; i < ncode; i++)
        put32(f + off_text + 4 * i, code[i]);
    /* symbol 1: tohost, global object in .data */
    uint8_t *sym = f + off_sym + 16;
    put32(sym, 1);
    put32(sym + 4, TOHOST);
    put32(sym + 8, 4);
    sym[12] = 0x11; /* STB_GLOBAL, STT_OBJECT */
    put16(sym + 14, 2);
    memcpy(f + off_str, strtab, sizeof strtab);
    memcpy(f + off_shstr, shstr, sizeof shstr);
    /* sections: 1 .text, 2 .data, 3 .symtab, 4 .strtab, 5 .shstrtab */
    struct { uint32_t name, type, flags, addr, off, size, link, info, align, entsize; } sh[6] = {
        {0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        {1, 1, 6, 0, off_text, text_sz, 0, 0, 4, 0},
        {7, 1, 3, TOHOST, off_data, data_sz, 0, 0, 4, 0},
        {13, 2, 0, 0, off_sym, 32, 4, 1, 4, 16},
        {21, 3, 0, 0, off_str, (uint32_t)sizeof strtab, 0, 0, 1, 0},
        {29, 3, 0, 0, off_shstr, (uint32_t)sizeof shstr, 0, 0, 1, 0}};
    for (int i = 0; i < 6; i++) {
        uint8_t *p = f + off_sh + 40 * i;
        uint32_t v[10] = {sh[i].name, sh[i].type, sh[i].flags, sh[i].addr, sh[i].off,
                          sh[i].size, sh[i].link, sh[i].info, sh[i].align, sh[i].entsize};
        for (int k = 0; k < 10; k++)
            put32(p + 4 * k, v[k]);
    }
    FILE *out = fopen(path, "wb");
    int ok = out && fwrite(f, 1, total, out) == total;
    if (out && fclose(out) != 0)
        ok = 0;
    free(f);
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    unsigned long long seed = 1, insns = 2000;
    int m_ext = 1;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        char *end;
        if ((!strcmp(argv[i], "--seed") || !strcmp(argv[i], "--insns")) && i + 1 < argc) {
            errno = 0;
            unsigned long long v = strtoull(argv[i + 1], &end, 0);
            if (errno || *end || argv[i + 1][0] == '-') {
                fprintf(stderr, "rvgen: bad value for %s: '%s'\n", argv[i], argv[i + 1]);
                return 2;
            }
            if (!strcmp(argv[i], "--seed"))
                seed = v;
            else
                insns = v;
            i++;
        } else if (!strcmp(argv[i], "--no-m")) {
            m_ext = 0;
        } else if (argv[i][0] == '-' || out) {
            fprintf(stderr, "usage: rvgen [--seed S] [--insns N] [--no-m] OUT.elf\n");
            return 2;
        } else {
            out = argv[i];
        }
    }
    if (!out || insns < 1 || insns > 6000) {
        fprintf(stderr, "usage: rvgen [--seed S] [--insns N (1..6000)] [--no-m] OUT.elf\n");
        return 2;
    }
    rng_state = seed;

    /* start-up: mtvec, fixed bases, random registers, interrupts enabled */
    li(X_H0, 0); /* patched below with the handler's address */
    emit(csr_op(0x305, X_H0, 1, 0));
    li(X_DMEM, 0x10002000u);
    li(X_IO, 0x30001800u);
    li(X_TIMER, 0x20000000u);
    for (unsigned r = 1; r <= 25; r++)
        if (r != X_TMP)
            li(r, rnd());
    li(X_H0, 0x888);
    emit(csr_op(0x304, X_H0, 1, 0));  /* mie = MEIE | MTIE | MSIE */
    emit(csr_op(0x300, 8, 6, 0));     /* mstatus.MIE = 1 */
    emit(j_type(4 * 11, 0));          /* over the handler (10 words) */
    unsigned handler_at = ncode;
    ncode = 0;
    li(X_H0, 4 * handler_at);
    ncode = handler_at;
    /* the handler: exceptions resume after the instruction, interrupts are silenced */
    emit(csr_op(0x342, 0, 2, X_H0));               /* csrr x26, mcause */
    emit(b_type(20, 0, X_H0, 4));                  /* blt x26, x0, irq */
    emit(csr_op(0x341, 0, 2, X_H1));               /* csrr x27, mepc */
    emit(i_type(4, X_H1, 0, X_H1, 0x13));          /* addi x27, x27, 4 */
    emit(csr_op(0x341, X_H1, 1, 0));               /* csrw mepc, x27 */
    emit(0x30200073u);                             /* mret */
    emit(i_type(-1, 0, 0, X_H2, 0x13));            /* irq: x28 = -1 */
    emit(s_type(12, X_H2, X_TIMER, 2));            /* mtimecmp[63:32] = all ones */
    emit(s_type(16, 0, X_TIMER, 2));               /* msip = 0 */
    emit(0x30200073u);                             /* mret */

    unsigned start = ncode;
    while (ncode - start < insns) {
        starts[ncode] = 1;
        unsigned c = below(100);
        if (c < 22) gen_alu();
        else if (c < 28) gen_upper();
        else if (c < 36) { if (m_ext) gen_md(); else gen_alu(); }
        else if (c < 48) gen_load();
        else if (c < 57) gen_store();
        else if (c < 66) gen_branch();
        else if (c < 71) gen_jump();
        else if (c < 83) gen_csr();
        else if (c < 88) gen_system();
        else if (c < 90) gen_timer_arm();
        else gen_alu();
    }
    /* the end: interrupts off, tohost = 1, stay */
    for (int i = 0; i < 8; i++) {
        starts[ncode] = 1;
        emit(0x00000013u); /* landing pad for the last jumps and branches */
    }
    starts[ncode] = 1;
    emit(csr_op(0x300, 8, 7, 0)); /* csrci mstatus, MIE */
    li(X_H1, TOHOST);
    emit(i_type(1, 0, 0, X_H0, 0x13));
    emit(s_type(0, X_H0, X_H1, 2));
    emit(j_type(0, 0));
    apply_fixups();
    if (ncode >= IMEM_MAX / 4) {
        fprintf(stderr, "rvgen: program does not fit IMEM\n");
        return 1;
    }
    if (write_elf(out) != 0) {
        fprintf(stderr, "rvgen: cannot write '%s'\n", out);
        return 2;
    }
    return 0;
}
