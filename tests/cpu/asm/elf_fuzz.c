/* SPDX-License-Identifier: MIT */
/*
 * elf_fuzz.c — holds the ELF reader of the tonic_rv32 runners (sim/cpu/rv32_elf.c) to its promise
 * that no input makes it crash or read outside the file: it takes a real test program, writes
 * thousands of truncated and corrupted variants of it to a scratch file and loads each one. Every
 * load must return 0 or -1 (with a one-line reason), and a successful load must describe sane
 * segments. The build compiles this test with AddressSanitizer/UBSan when the compiler has them,
 * so an overrun is caught even when it does not crash. Deterministic: a fixed xorshift generator.
 *
 * usage: cpu_elf_fuzz VALID.elf SCRATCH_FILE [ITERATIONS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv32_elf.h"

static unsigned long long rng_state = 0x9e3779b97f4a7c15ull;

static unsigned long long rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *b = malloc(cap);
    while (b) {
        if (n == cap) {
            unsigned char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
        size_t got = fread(b + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return b;
}

static int write_all(const char *path, const unsigned char *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t put = len ? fwrite(buf, 1, len, f) : 0;
    int rc = fclose(f);
    return (put == len && rc == 0) ? 0 : -1;
}

static unsigned long loads, accepted;

/* Load buf through the file; returns 0 when the reader behaved (whatever it decided). */
static int try_load(const char *scratch, const unsigned char *buf, size_t len, const char *what)
{
    if (write_all(scratch, buf, len) != 0) {
        fprintf(stderr, "elf_fuzz: cannot write %s\n", scratch);
        return -1;
    }
    struct rv32_elf elf;
    char err[256];
    memset(err, 'x', sizeof(err));
    int rc = rv32_elf_load(scratch, &elf, err, sizeof(err));
    loads++;
    if (rc == -1) {
        if (memchr(err, '\0', sizeof(err)) == NULL || err[0] == '\0' || strchr(err, '\n')) {
            fprintf(stderr, "elf_fuzz: %s: refused without a one-line reason\n", what);
            return -1;
        }
        return 0;
    }
    if (rc != 0) {
        fprintf(stderr, "elf_fuzz: %s: returned %d\n", what, rc);
        return -1;
    }
    accepted++;
    if (elf.nsegs > RV32_ELF_MAX_SEGS) {
        fprintf(stderr, "elf_fuzz: %s: %u segments\n", what, elf.nsegs);
        return -1;
    }
    for (unsigned i = 0; i < elf.nsegs; i++) {
        const struct rv32_elf_seg *s = &elf.seg[i];
        if (s->filesz > s->memsz || s->filesz > len || (s->filesz && !s->data)) {
            fprintf(stderr, "elf_fuzz: %s: segment %u is not sane\n", what, i);
            return -1;
        }
        /* touch every byte so that a sanitizer sees a short buffer */
        unsigned sum = 0;
        for (uint32_t k = 0; k < s->filesz; k++)
            sum += s->data[k];
        (void)sum;
    }
    rv32_elf_free(&elf);
    return 0;
}

/* interesting values for header fields */
static const unsigned interesting[] = {0, 1, 2, 3, 4, 0x10, 0x20, 0x28, 0x34, 0x7f, 0x80, 0xff, 0x100,
                                       0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000u, 0xfffffff0u,
                                       0xffffffffu};

static void put32(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static unsigned get32(const unsigned char *p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | ((unsigned)p[3] << 24);
}

/* Offsets of the header fields most worth corrupting: ELF header, program and section headers. */
static size_t pick_field(const unsigned char *orig, size_t len)
{
    unsigned phoff = get32(orig + 28), shoff = get32(orig + 32);
    unsigned phnum = orig[44] | (orig[45] << 8), shnum = orig[48] | (orig[49] << 8);
    switch (rnd() % 4) {
    case 0: return (size_t)(rnd() % 13) * 4; /* ELF header words */
    case 1:
        if (phnum)
            return phoff + (size_t)(rnd() % phnum) * 32 + (size_t)(rnd() % 8) * 4;
        break;
    case 2:
        if (shnum)
            return shoff + (size_t)(rnd() % shnum) * 40 + (size_t)(rnd() % 10) * 4;
        break;
    default: break;
    }
    return (size_t)(rnd() % (len / 4)) * 4;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: cpu_elf_fuzz VALID.elf SCRATCH_FILE [ITERATIONS]\n");
        return 2;
    }
    const char *scratch = argv[2];
    unsigned long iters = argc > 3 ? strtoul(argv[3], NULL, 0) : 3000;
    size_t len;
    unsigned char *orig = read_all(argv[1], &len);
    if (!orig || len < 64) {
        fprintf(stderr, "elf_fuzz: cannot read %s\n", argv[1]);
        return 2;
    }

    /* the original loads and has tohost */
    struct rv32_elf elf;
    char err[256];
    if (rv32_elf_load(argv[1], &elf, err, sizeof(err)) != 0 || !elf.has_tohost || elf.nsegs == 0) {
        fprintf(stderr, "elf_fuzz: the valid program does not load: %s\n", err);
        return 1;
    }
    rv32_elf_free(&elf);
    rv32_elf_free(&elf); /* freeing twice is harmless */

    /* a missing file is refused */
    if (rv32_elf_load("/nonexistent/tonic/elf_fuzz.elf", &elf, err, sizeof(err)) != -1 ||
        strstr(err, "cannot open") == NULL) {
        fprintf(stderr, "elf_fuzz: a missing file was not refused\n");
        return 1;
    }

    unsigned char *buf = malloc(len);
    if (!buf)
        return 2;
    int bad = 0;

    /* every truncation of the headers, then a sample of longer ones */
    for (size_t n = 0; n < len && !bad; n += (n < 1024 ? 1 : 1 + rnd() % 61)) {
        char what[64];
        snprintf(what, sizeof(what), "truncated to %zu bytes", n);
        bad |= try_load(scratch, orig, n, what) != 0;
        if (n < 52 && !bad) {
            /* a short file can never be accepted */
            struct rv32_elf e2;
            if (rv32_elf_load(scratch, &e2, err, sizeof(err)) == 0) {
                fprintf(stderr, "elf_fuzz: accepted a %zu-byte file\n", n);
                bad = 1;
            }
        }
    }

    /* random corruptions: header fields set to interesting values, random bytes, truncation */
    for (unsigned long i = 0; i < iters && !bad; i++) {
        memcpy(buf, orig, len);
        size_t n = len;
        unsigned muts = 1 + (unsigned)(rnd() % 4);
        for (unsigned m = 0; m < muts; m++) {
            switch (rnd() % 4) {
            case 0:
            case 1: {
                size_t off = pick_field(orig, len);
                if (off + 4 <= len)
                    put32(buf + off, interesting[rnd() % (sizeof(interesting) / sizeof(interesting[0]))]);
                break;
            }
            case 2: buf[rnd() % len] ^= (unsigned char)(1u << (rnd() % 8)); break;
            default:
                if (rnd() % 4 == 0)
                    n = (size_t)(rnd() % len);
                else
                    buf[rnd() % len] = (unsigned char)rnd();
                break;
            }
        }
        char what[64];
        snprintf(what, sizeof(what), "mutation %lu", i);
        bad |= try_load(scratch, buf, n, what) != 0;
    }

    free(buf);
    free(orig);
    remove(scratch);
    if (bad)
        return 1;
    printf("elf_fuzz: %lu loads, %lu accepted, no misbehaviour\n", loads, accepted);
    return 0;
}
