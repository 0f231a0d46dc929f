/* SPDX-License-Identifier: MIT */
/*
 * iss_main.c — tonic-iss: runs an RV32 ELF on the C model of tonic_rv32 (docs/cpu.md, Runners).
 * It plays the part of tonic_rv32_sys around the model: IMEM and DMEM loaded from the ELF, the
 * machine timer (mtime advances one per step, as if every instruction took one cycle), and the
 * two test devices of the peripheral bus (console, scratch RAM). It stops when the program stores
 * a non-zero word to its `tohost` symbol: 1 is a pass, (n << 1) | 1 says check n failed.
 *
 * Standard output carries only what the program writes to the console; the runner's own messages
 * (result, errors, --trace) go to standard error.
 *
 * Exit codes: 0 pass, 1 the program reported a failure, 2 bad arguments or program file,
 * 3 instruction limit reached.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv32_elf.h"
#include "rv32_iss.h"

#define IMEM_BYTES 32768u
#define DMEM_BYTES 16384u
#define DEFAULT_MAX_INSNS 10000000ull

#define CONSOLE_ADDR 0x30000000u
#define SCRATCH_BASE 0x30001000u
#define SCRATCH_BYTES 4096u

/* The timer block and the test devices of the peripheral bus. */
struct devices {
    uint64_t mtime, mtimecmp;
    uint32_t msip;
    int mtime_written; /* a store wrote mtime this step: its increment is lost */
    uint8_t scratch[SCRATCH_BYTES];
};

static uint32_t lane_mask(unsigned m)
{
    uint32_t r = 0;
    for (unsigned i = 0; i < 4; i++)
        if (m & (1u << i))
            r |= 0xffu << (8 * i);
    return r;
}

static uint32_t merge(uint32_t old, unsigned mask, uint32_t word)
{
    uint32_t m = lane_mask(mask);
    return (old & ~m) | (word & m);
}

static int dev_load(void *ctx, uint32_t addr, unsigned rmask, uint32_t *word)
{
    struct devices *d = ctx;
    (void)rmask;
    if (addr - RV32_TIMER_BASE < RV32_TIMER_SIZE) {
        switch (addr - RV32_TIMER_BASE) {
        case 0x00: *word = (uint32_t)d->mtime; break;
        case 0x04: *word = (uint32_t)(d->mtime >> 32); break;
        case 0x08: *word = (uint32_t)d->mtimecmp; break;
        case 0x0c: *word = (uint32_t)(d->mtimecmp >> 32); break;
        case 0x10: *word = d->msip & 1u; break;
        default: *word = 0; break;
        }
        return 0;
    }
    if (addr == CONSOLE_ADDR) {
        *word = 0;
        return 0;
    }
    if (addr - SCRATCH_BASE < SCRATCH_BYTES) {
        const uint8_t *p = d->scratch + (addr - SCRATCH_BASE);
        *word = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
        return 0;
    }
    return 1; /* rest of the peripheral region: access fault */
}

static int dev_store(void *ctx, uint32_t addr, unsigned wmask, uint32_t word)
{
    struct devices *d = ctx;
    if (addr - RV32_TIMER_BASE < RV32_TIMER_SIZE) {
        switch (addr - RV32_TIMER_BASE) {
        case 0x00:
            d->mtime = (d->mtime & 0xffffffff00000000ull) | merge((uint32_t)d->mtime, wmask, word);
            d->mtime_written = 1;
            break;
        case 0x04:
            d->mtime = (d->mtime & 0xffffffffull) | ((uint64_t)merge((uint32_t)(d->mtime >> 32), wmask, word) << 32);
            d->mtime_written = 1;
            break;
        case 0x08:
            d->mtimecmp = (d->mtimecmp & 0xffffffff00000000ull) | merge((uint32_t)d->mtimecmp, wmask, word);
            break;
        case 0x0c:
            d->mtimecmp = (d->mtimecmp & 0xffffffffull) |
                          ((uint64_t)merge((uint32_t)(d->mtimecmp >> 32), wmask, word) << 32);
            break;
        case 0x10: d->msip = merge(d->msip, wmask, word) & 1u; break;
        default: break; /* 0x14-0x1c: writes ignored */
        }
        return 0;
    }
    if (addr == CONSOLE_ADDR) {
        /* the low byte (lane 0) of the bus word; stores that do not write lane 0 print nothing */
        if (wmask & 1u)
            putchar((int)(word & 0xffu));
        return 0;
    }
    if (addr - SCRATCH_BASE < SCRATCH_BYTES) {
        uint8_t *p = d->scratch + (addr - SCRATCH_BASE);
        for (unsigned i = 0; i < 4; i++)
            if (wmask & (1u << i))
                p[i] = (uint8_t)(word >> (8 * i));
        return 0;
    }
    return 1;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: tonic-iss [--max-insns N] [--seed S] [--trace] PROGRAM.elf\n");
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    if (!s || !*s || *s == '-')
        return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || *end)
        return -1;
    *v = x;
    return 0;
}

static void print_trace(const struct rv32_retire *r)
{
    if (r->trap && r->insn == 0 && (r->cause & 0x80000000u)) {
        fprintf(stderr, "%08" PRIx32 ": interrupt cause=%08" PRIx32 " -> %08" PRIx32 "\n", r->pc, r->cause,
                r->next_pc);
        return;
    }
    fprintf(stderr, "%08" PRIx32 ": %08" PRIx32, r->pc, r->insn);
    if (r->rd)
        fprintf(stderr, " x%u=%08" PRIx32, r->rd, r->rd_wdata);
    if (r->mem_rmask)
        fprintf(stderr, " load[%08" PRIx32 "]=%08" PRIx32 "/%x", r->mem_addr, r->mem_rdata, r->mem_rmask);
    if (r->mem_wmask)
        fprintf(stderr, " store[%08" PRIx32 "]=%08" PRIx32 "/%x", r->mem_addr, r->mem_wdata, r->mem_wmask);
    if (r->trap)
        fprintf(stderr, " trap cause=%" PRIu32 " tval=%08" PRIx32, r->cause, r->tval);
    fprintf(stderr, " -> %08" PRIx32 "\n", r->next_pc);
}

/* Copy the segments into IMEM/DMEM; a segment outside both is refused. */
int main(int argc, char **argv)
{
    uint64_t max_insns = DEFAULT_MAX_INSNS, seed = 0;
    int trace = 0;
    const char *path = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--max-insns") || !strcmp(a, "--seed")) {
            uint64_t v;
            if (i + 1 >= argc || parse_u64(argv[i + 1], &v) != 0) {
                fprintf(stderr, "tonic-iss: %s needs a non-negative number\n", a);
                return 2;
            }
            if (!strcmp(a, "--seed"))
                seed = v;
            else
                max_insns = v;
            i++;
        } else if (!strcmp(a, "--trace")) {
            trace = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "tonic-iss: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (path) {
            fprintf(stderr, "tonic-iss: more than one program given (%s, %s)\n", path, a);
            return 2;
        } else {
            path = a;
        }
    }
    (void)seed; /* accepted for command-line compatibility with tonic-cpu; the model has no randomness */
    if (!path) {
        usage(stderr);
        return 2;
    }

    struct rv32_elf elf;
    char err[256];
    if (rv32_elf_load(path, &elf, err, sizeof(err)) != 0) {
        fprintf(stderr, "tonic-iss: %s\n", err);
        return 2;
    }
    if (!elf.has_tohost) {
        fprintf(stderr, "tonic-iss: %s: no `tohost` symbol (the program could never report a result)\n", path);
        rv32_elf_free(&elf);
        return 2;
    }

    static uint8_t imem[IMEM_BYTES], dmem[DMEM_BYTES];
    static struct devices dev;
    if (rv32_elf_images(&elf, imem, IMEM_BYTES, dmem, DMEM_BYTES, err, sizeof(err)) != 0) {
        fprintf(stderr, "tonic-iss: %s: %s\n", path, err);
        rv32_elf_free(&elf);
        return 2;
    }
    uint32_t tohost = elf.tohost & ~3u;
    rv32_elf_free(&elf);

    dev.mtime = 0;
    dev.mtimecmp = ~0ull;
    dev.msip = 0;

    struct rv32_iss_cfg cfg = {
        .reset_pc = 0, .imem_bytes = IMEM_BYTES, .dmem_bytes = DMEM_BYTES, .m_ext = 1, .hart_id = 0};
    struct rv32_io io = {.ctx = &dev, .load = dev_load, .store = dev_store};
    static struct rv32_iss s;
    rv32_iss_init(&s, &cfg, imem, dmem, &io);

    uint64_t steps = 0, retired = 0;
    uint32_t result = 0;
    for (;;) {
        if (steps >= max_insns) {
            fflush(stdout);
            fprintf(stderr, "tonic-iss: instruction limit (%" PRIu64 ") reached at pc 0x%08" PRIx32
                            " without a result in tohost\n",
                    max_insns, s.pc);
            return 3;
        }
        s.irq_timer = dev.mtime >= dev.mtimecmp;
        s.irq_soft = (int)(dev.msip & 1u);
        s.irq_ext = 0;

        struct rv32_retire r;
        uint32_t irq = rv32_iss_pending_irq(&s);
        dev.mtime_written = 0;
        if (irq)
            rv32_iss_take_irq(&s, irq, &r);
        else
            rv32_iss_step(&s, &r);
        steps++;
        if (!r.trap)
            retired++;
        if (trace) {
            fflush(stdout);
            print_trace(&r);
        }
        if (!dev.mtime_written)
            dev.mtime++;
        rv32_iss_tick(&s);

        if (!r.trap && r.mem_wmask && (r.mem_addr & ~3u) == tohost && r.mem_wdata != 0) {
            result = r.mem_wdata;
            break;
        }
    }

    fflush(stdout);
    if (result == 1) {
        fprintf(stderr, "tonic-iss: PASS: %" PRIu64 " instructions retired (%" PRIu64 " steps)\n", retired,
                steps);
        return 0;
    }
    if ((result & 1u) && result > 1)
        fprintf(stderr, "tonic-iss: FAIL: tohost = 0x%" PRIx32 " (test %" PRIu32 " failed)\n", result, result >> 1);
    else
        fprintf(stderr, "tonic-iss: FAIL: tohost = 0x%" PRIx32 "\n", result);
    return 1;
}
