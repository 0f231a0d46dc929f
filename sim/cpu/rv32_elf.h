/* SPDX-License-Identifier: MIT */
/*
 * rv32_elf.h — read an RV32 little-endian ELF executable for the tonic_rv32 runners (tonic-cpu on
 * the RTL, tonic-iss on the C model): its PT_LOAD segments, entry point and `tohost` symbol.
 * Every malformed input is refused with a one-line reason; nothing here exits.
 */
#ifndef TONIC_RV32_ELF_H
#define TONIC_RV32_ELF_H

#include <stddef.h>
#include <stdint.h>

#define RV32_ELF_MAX_SEGS 16

struct rv32_elf_seg {
    uint32_t addr;    /* p_paddr */
    uint32_t filesz;  /* bytes in data */
    uint32_t memsz;   /* >= filesz; the rest is zero */
    uint8_t *data;    /* malloc'd copy of the file bytes */
};

struct rv32_elf {
    uint32_t entry;
    uint32_t tohost;  /* address of the `tohost` symbol */
    int has_tohost;
    unsigned nsegs;
    struct rv32_elf_seg seg[RV32_ELF_MAX_SEGS];
};

/*
 * Load `path`. Returns 0, or -1 with a one-line reason in err (no trailing newline): missing or
 * unreadable file, not ELF, not 32-bit little-endian RISC-V executable, truncated headers or
 * segments, too many segments.
 */
int rv32_elf_load(const char *path, struct rv32_elf *elf, char *err, size_t errlen);
void rv32_elf_free(struct rv32_elf *elf);
/*
 * The memory images of the soft core (docs/cpu.md): IMEM at 0 and DMEM at 0x1000_0000, imem_bytes
 * and dmem_bytes long, zeroed and then filled from the PT_LOAD segments (bytes past a segment's
 * file size are zero). Returns 0, or -1 with a one-line reason when a segment lies outside both or
 * when there is no segment at all.
 */
int rv32_elf_images(const struct rv32_elf *elf, uint8_t *imem, uint32_t imem_bytes, uint8_t *dmem,
                    uint32_t dmem_bytes, char *err, size_t errlen);

#endif
