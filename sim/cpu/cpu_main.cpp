// SPDX-License-Identifier: MIT
// cpu_main.cpp — tonic-cpu: run an RV32 ELF on the soft core's RTL (tonic_rv32_sys in Verilator).
//
//   tonic-cpu [--max-cycles N] [--trace FILE.fst] [--seed S] [--stall PCT] [--irq-ext PERMILLE]
//             [--lockstep] PROGRAM.elf
//
// --stall PCT holds off peripheral-bus requests and responses at random; --irq-ext raises the
// external (host mailbox) interrupt line at random, and lowers it when the core takes it (as the
// firmware's read of the mailbox would); --lockstep compares every
// retirement with the C model (sim/cpu/rv32_iss.c) and stops at the first disagreement (exit 1).
//
// The ELF is written through the subsystem's loader port (as the host replaces firmware), the core
// is released, and the run ends when the program stores a non-zero word to its `tohost` symbol:
// 1 is a pass (exit 0); (n << 1) | 1 is "test n failed" (exit 1); the cycle limit is exit 3; a bad
// argument or file is exit 2. docs/cpu.md describes the memory map and the test devices.
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cpu_harness.h"
#include "lockstep.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: tonic-cpu [--max-cycles N] [--trace FILE.fst] [--seed S] [--stall PCT] [--irq-ext PERMILLE]\n"
                 "                 [--lockstep] PROGRAM.elf\n");
}

static bool parse_u64(const char *s, uint64_t &v)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || *end)
        return false;
    v = x;
    return true;
}

int main(int argc, char **argv)
{
    uint64_t max_cycles = 10000000, seed = 1, stall = 0, irq_ext = 0;
    const char *trace = nullptr, *path = nullptr;
    bool lockstep = false;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : nullptr;
        if (a == "--max-cycles" || a == "--seed" || a == "--stall" || a == "--irq-ext") {
            uint64_t &dst = a == "--max-cycles" ? max_cycles : a == "--seed" ? seed : a == "--stall" ? stall : irq_ext;
            if (!parse_u64(val, dst) || (a == "--stall" && dst > 90) || (a == "--irq-ext" && dst > 1000) ||
                (a == "--max-cycles" && dst == 0)) {
                fprintf(stderr, "tonic-cpu: bad value for %s: '%s'\n", a.c_str(), val ? val : "");
                return 2;
            }
            i++;
        } else if (a == "--trace") {
            if (!val) {
                fprintf(stderr, "tonic-cpu: --trace needs a file name\n");
                return 2;
            }
            trace = val;
            i++;
        } else if (a == "--lockstep") {
            lockstep = true;
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else if (a.size() > 1 && a[0] == '-') {
            fprintf(stderr, "tonic-cpu: unknown option '%s'\n", a.c_str());
            usage(stderr);
            return 2;
        } else if (path) {
            fprintf(stderr, "tonic-cpu: more than one program given ('%s', '%s')\n", path, a.c_str());
            return 2;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        usage(stderr);
        return 2;
    }

    rv32_elf elf;
    char err[256];
    if (rv32_elf_load(path, &elf, err, sizeof err) != 0) {
        fprintf(stderr, "tonic-cpu: %s\n", err);
        return 2;
    }
    if (!elf.has_tohost) {
        fprintf(stderr, "tonic-cpu: %s: no 'tohost' symbol (the program cannot report a result)\n", path);
        rv32_elf_free(&elf);
        return 2;
    }
    std::vector<uint8_t> imem(CpuHarness::kImemBytes), dmem(CpuHarness::kDmemBytes);
    std::string msg;
    bool ok = CpuHarness::images(elf, imem.data(), dmem.data(), msg);
    uint32_t tohost = elf.tohost;
    rv32_elf_free(&elf);
    if (!ok) {
        fprintf(stderr, "tonic-cpu: %s: %s\n", path, msg.c_str());
        return 2;
    }

    CpuHarness h(seed, static_cast<unsigned>(stall));
    if (trace && !h.trace(trace, msg)) {
        fprintf(stderr, "tonic-cpu: %s\n", msg.c_str());
        return 2;
    }
    if (!h.load(imem.data(), dmem.data(), msg)) {
        fprintf(stderr, "tonic-cpu: %s\n", msg.c_str());
        return 1;
    }
    std::unique_ptr<Lockstep> ref;
    if (lockstep)
        ref = std::make_unique<Lockstep>(imem.data(), CpuHarness::kImemBytes, dmem.data(), CpuHarness::kDmemBytes,
                                         TONIC_CPU_RV_M);
    h.release();
    uint32_t result = 0;
    std::mt19937_64 irq_rng(seed ^ 0x5eed);
    bool ext_line = false;
    while (h.cycles < max_cycles) {
        if (irq_ext && !ext_line && irq_rng() % 1000 < irq_ext)
            h.set_irq_ext(ext_line = true);
        h.tick();
        if (ext_line && h.retired && h.ev.trap && h.ev.cause == static_cast<uint32_t>(RV32_CAUSE_IRQ_EXT))
            h.set_irq_ext(ext_line = false);
        if (ref && h.retired && !ref->check(h.ev)) {
            fprintf(stderr, "tonic-cpu: %s: %s\n", path, ref->error.c_str());
            return 1;
        }
        if (h.retired && !h.ev.trap && h.ev.mem_wmask && (h.ev.mem_addr & ~3u) == (tohost & ~3u) &&
            h.ev.mem_wdata != 0) {
            result = h.ev.mem_wdata;
            break;
        }
    }
    double cpi = h.instret ? static_cast<double>(h.cycles) / static_cast<double>(h.instret) : 0.0;
    if (!result) {
        fprintf(stderr, "tonic-cpu: %s: no result in tohost after %" PRIu64 " cycles (%" PRIu64 " instructions)\n",
                path, h.cycles, h.instret);
        return 3;
    }
    if (result == 1) {
        printf("tonic-cpu: PASS %s: %" PRIu64 " cycles, %" PRIu64 " instructions retired, CPI %.3f%s\n", path,
               h.cycles, h.instret, cpi, ref ? ", every retirement equal to the model's" : "");
        return 0;
    }
    if (result & 1)
        fprintf(stderr, "tonic-cpu: FAIL %s: tohost = 0x%x (test %u failed) after %" PRIu64 " cycles\n", path,
                result, result >> 1, h.cycles);
    else
        fprintf(stderr, "tonic-cpu: FAIL %s: tohost = 0x%x after %" PRIu64 " cycles\n", path, result, h.cycles);
    return 1;
}
