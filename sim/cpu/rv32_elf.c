/* SPDX-License-Identifier: MIT */
/*
 * rv32_elf.c — the ELF reader behind tonic-iss and tonic-cpu (rv32_elf.h): reads a whole file,
 * checks that it is a 32-bit little-endian RISC-V executable, copies its PT_LOAD segments (placed
 * at p_paddr) and looks `tohost` up in its symbol table. Programs come from our own test build but
 * also from anywhere on disk, so every offset and size read from the file is checked against the
 * file before it is used: a truncated or corrupted file is refused with a reason, never read out
 * of bounds (tests/cpu/asm/elf_fuzz.c mutates files to hold it to that).
 */
#include "rv32_elf.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (64u << 20) /* far more than IMEM + DMEM can hold */

/* ELF constants used here */
#define EHDR_SIZE 52u
#define PHDR_SIZE 32u
#define SHDR_SIZE 40u
#define SYM_SIZE 16u
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_RISCV 243
#define PT_LOAD 1
#define SHT_SYMTAB 2
#define SHT_STRTAB 3
#define SHN_UNDEF 0

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Does [off, off + len) lie inside a buffer of `size` bytes? (64-bit sums: no wrap-around) */
static int in_file(uint64_t off, uint64_t len, size_t size)
{
    return off <= size && len <= size - off;
}

/* Read the whole file into an exactly sized buffer. */
static int read_file(const char *path, uint8_t **buf, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *b = malloc(cap);
    if (!b) {
        fclose(f);
        set_err(err, errlen, "%s: out of memory", path);
        return -1;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= MAX_FILE_BYTES) {
                free(b);
                fclose(f);
                set_err(err, errlen, "%s: file too large for an RV32 program", path);
                return -1;
            }
            uint8_t *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                fclose(f);
                set_err(err, errlen, "%s: out of memory", path);
                return -1;
            }
            b = nb;
            cap *= 2;
        }
        size_t got = fread(b + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                free(b);
                fclose(f);
                set_err(err, errlen, "cannot read %s", path);
                return -1;
            }
            break;
        }
    }
    fclose(f);
    if (n == 0) {
        free(b);
        set_err(err, errlen, "%s: empty file, not an ELF executable", path);
        return -1;
    }
    /* shrink to the exact size so that any read past the end is a real overrun (sanitizers) */
    uint8_t *exact = realloc(b, n);
    *buf = exact ? exact : b;
    *len = n;
    return 0;
}

static int parse_segments(const char *path, const uint8_t *f, size_t size, struct rv32_elf *elf, char *err,
                          size_t errlen)
{
    uint32_t phoff = get32(f + 28);
    unsigned phentsize = get16(f + 42), phnum = get16(f + 44);
    if (phnum == 0)
        return 0;
    if (phentsize < PHDR_SIZE) {
        set_err(err, errlen, "%s: bad program header size %u", path, phentsize);
        return -1;
    }
    if (!in_file(phoff, (uint64_t)phentsize * phnum, size)) {
        set_err(err, errlen, "%s: truncated (program headers outside the file)", path);
        return -1;
    }
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = f + phoff + (size_t)i * phentsize;
        if (get32(ph) != PT_LOAD)
            continue;
        uint32_t off = get32(ph + 4), paddr = get32(ph + 12);
        uint32_t filesz = get32(ph + 16), memsz = get32(ph + 20);
        if (filesz > memsz) {
            set_err(err, errlen, "%s: segment %u has file size 0x%x > memory size 0x%x", path, i, filesz, memsz);
            return -1;
        }
        if (!in_file(off, filesz, size)) {
            set_err(err, errlen, "%s: truncated (segment %u data outside the file)", path, i);
            return -1;
        }
        if (memsz == 0)
            continue;
        if (elf->nsegs == RV32_ELF_MAX_SEGS) {
            set_err(err, errlen, "%s: more than %u loadable segments", path, RV32_ELF_MAX_SEGS);
            return -1;
        }
        struct rv32_elf_seg *seg = &elf->seg[elf->nsegs];
        seg->addr = paddr;
        seg->filesz = filesz;
        seg->memsz = memsz;
        seg->data = NULL;
        if (filesz) {
            seg->data = malloc(filesz);
            if (!seg->data) {
                set_err(err, errlen, "%s: out of memory", path);
                return -1;
            }
            memcpy(seg->data, f + off, filesz);
        }
        elf->nsegs++;
    }
    return 0;
}

/* Find `tohost` in the symbol table(s); a file without section headers simply has no tohost. */
static int parse_symbols(const char *path, const uint8_t *f, size_t size, struct rv32_elf *elf, char *err,
                         size_t errlen)
{
    uint32_t shoff = get32(f + 32);
    unsigned shentsize = get16(f + 46), shnum = get16(f + 48);
    if (shoff == 0 || shnum == 0)
        return 0;
    if (shentsize < SHDR_SIZE) {
        set_err(err, errlen, "%s: bad section header size %u", path, shentsize);
        return -1;
    }
    if (!in_file(shoff, (uint64_t)shentsize * shnum, size)) {
        set_err(err, errlen, "%s: truncated (section headers outside the file)", path);
        return -1;
    }
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = f + shoff + (size_t)i * shentsize;
        if (get32(sh + 4) != SHT_SYMTAB)
            continue;
        uint32_t off = get32(sh + 16), sz = get32(sh + 20), link = get32(sh + 24), entsize = get32(sh + 36);
        if (entsize < SYM_SIZE) {
            set_err(err, errlen, "%s: bad symbol size %u", path, entsize);
            return -1;
        }
        if (!in_file(off, sz, size)) {
            set_err(err, errlen, "%s: truncated (symbol table outside the file)", path);
            return -1;
        }
        if (link >= shnum) {
            set_err(err, errlen, "%s: symbol table names a missing string table", path);
            return -1;
        }
        const uint8_t *str_sh = f + shoff + (size_t)link * shentsize;
        uint32_t stroff = get32(str_sh + 16), strsz = get32(str_sh + 20);
        if (get32(str_sh + 4) != SHT_STRTAB) {
            set_err(err, errlen, "%s: symbol table's string table is not SHT_STRTAB", path);
            return -1;
        }
        if (!in_file(stroff, strsz, size)) {
            set_err(err, errlen, "%s: truncated (string table outside the file)", path);
            return -1;
        }
        const char *strtab = (const char *)(f + stroff);
        static const char want[] = "tohost";
        for (uint32_t k = 0; k < sz / entsize; k++) {
            const uint8_t *sym = f + off + (size_t)k * entsize;
            uint32_t name = get32(sym);
            if (get16(sym + 14) == SHN_UNDEF)
                continue;
            /* the name and its terminating NUL must both be inside the string table */
            if (name >= strsz || strsz - name < sizeof(want))
                continue;
            if (memcmp(strtab + name, want, sizeof(want)) == 0) {
                elf->tohost = get32(sym + 4);
                elf->has_tohost = 1;
                return 0;
            }
        }
    }
    return 0;
}

int rv32_elf_load(const char *path, struct rv32_elf *elf, char *err, size_t errlen)
{
    memset(elf, 0, sizeof(*elf));
    if (err && errlen)
        err[0] = '\0';
    uint8_t *f;
    size_t size;
    if (read_file(path, &f, &size, err, errlen) != 0)
        return -1;

    int rc = -1;
    if (size < 4 || memcmp(f, "\x7f" "ELF", 4) != 0) {
        set_err(err, errlen, "%s: not an ELF file", path);
        goto out;
    }
    if (size < EHDR_SIZE) {
        set_err(err, errlen, "%s: truncated ELF header", path);
        goto out;
    }
    if (f[4] != ELFCLASS32) {
        set_err(err, errlen, "%s: not a 32-bit ELF (RV32 expected)", path);
        goto out;
    }
    if (f[5] != ELFDATA2LSB) {
        set_err(err, errlen, "%s: not a little-endian ELF", path);
        goto out;
    }
    if (get16(f + 18) != EM_RISCV) {
        set_err(err, errlen, "%s: not a RISC-V ELF (e_machine %u)", path, get16(f + 18));
        goto out;
    }
    if (get16(f + 16) != ET_EXEC) {
        set_err(err, errlen, "%s: not an executable ELF (e_type %u)", path, get16(f + 16));
        goto out;
    }
    elf->entry = get32(f + 24);
    if (parse_segments(path, f, size, elf, err, errlen) != 0)
        goto out;
    if (parse_symbols(path, f, size, elf, err, errlen) != 0)
        goto out;
    rc = 0;
out:
    free(f);
    if (rc != 0)
        rv32_elf_free(elf);
    return rc;
}

void rv32_elf_free(struct rv32_elf *elf)
{
    for (unsigned i = 0; i < elf->nsegs && i < RV32_ELF_MAX_SEGS; i++)
        free(elf->seg[i].data);
    memset(elf, 0, sizeof(*elf));
}

int rv32_elf_images(const struct rv32_elf *elf, uint8_t *imem, uint32_t imem_bytes, uint8_t *dmem,
                    uint32_t dmem_bytes, char *err, size_t errlen)
{
    const uint32_t dmem_base = 0x10000000u; /* docs/cpu.md memory map */

    memset(imem, 0, imem_bytes);
    memset(dmem, 0, dmem_bytes);
    if (elf->nsegs == 0) {
        snprintf(err, errlen, "no loadable segments");
        return -1;
    }
    for (unsigned i = 0; i < elf->nsegs; i++) {
        const struct rv32_elf_seg *seg = &elf->seg[i];
        uint64_t lo = seg->addr, hi = (uint64_t)seg->addr + seg->memsz;
        uint8_t *dst;

        if (hi <= imem_bytes)
            dst = imem + lo;
        else if (lo >= dmem_base && hi <= (uint64_t)dmem_base + dmem_bytes)
            dst = dmem + (lo - dmem_base);
        else {
            snprintf(err, errlen,
                     "segment at 0x%08" PRIx32 " (0x%" PRIx32 " bytes) is outside IMEM (0x00000000, %" PRIu32
                     " bytes) and DMEM (0x%08" PRIx32 ", %" PRIu32 " bytes)",
                     seg->addr, seg->memsz, imem_bytes, dmem_base, dmem_bytes);
            return -1;
        }
        if (seg->filesz)
            memcpy(dst, seg->data, seg->filesz);
    }
    return 0;
}
