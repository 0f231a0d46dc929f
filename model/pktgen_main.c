/* SPDX-License-Identifier: MIT */
/* pktgen_main.c — `tonic-pktgen COUNT SEED FILE.pcap [--break-csum] [--max BYTES]`: writes COUNT
 * frames from the deterministic generator (model/pktgen.c: VLANs, IPv4 with options, IPv6 with
 * extension headers, TCP/UDP, GRE/NVGRE, ESP/AH, ...) to a pcap file. With --break-csum every
 * IPv4 header and TCP/UDP checksum field is overwritten with garbage first, so that
 * `tonicctl send --csum` has to put them right. Exit 0, or 2 on bad arguments or an unwritable
 * file. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pktgen.h"

static int usage(const char *why)
{
    fprintf(stderr, "tonic-pktgen: %s\nusage: tonic-pktgen COUNT SEED FILE.pcap [--break-csum] [--max BYTES]\n", why);
    return 2;
}

static int put32(FILE *f, uint32_t v)
{
    return fwrite(&v, 4, 1, f) == 1 ? 0 : -1; /* pcap is written in host order (magic tells) */
}

static int parse_u(const char *s, unsigned long lo, unsigned long hi, unsigned long *out)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 0);
    if (errno || *s == '\0' || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long count, seed, max = PKTGEN_MAX_FRAME;
    int brk = 0;
    static uint8_t buf[PKTGEN_MAX_FRAME + 64];
    struct pktgen g;
    FILE *f;

    if (argc < 4)
        return usage("needs COUNT SEED FILE.pcap");
    if (parse_u(argv[1], 1, 10000000, &count))
        return usage("COUNT must be 1..10000000");
    if (parse_u(argv[2], 0, 0xFFFFFFFFul, &seed))
        return usage("SEED must be a number");
    for (int i = 4; i < argc; i++) {
        if (!strcmp(argv[i], "--break-csum"))
            brk = 1;
        else if (!strcmp(argv[i], "--max") && i + 1 < argc) {
            if (parse_u(argv[++i], 60, PKTGEN_MAX_FRAME, &max))
                return usage("--max must be 60..9216");
        } else
            return usage("unknown argument");
    }
    f = fopen(argv[3], "wb");
    if (!f) {
        fprintf(stderr, "tonic-pktgen: cannot write %s: %s\n", argv[3], strerror(errno));
        return 2;
    }
    put32(f, 0xA1B2C3D4u);
    put32(f, 0x00040002u); /* version 2.4 */
    put32(f, 0);
    put32(f, 0);
    put32(f, 65535);
    put32(f, 1); /* Ethernet */
    pktgen_seed(&g, seed);
    for (unsigned long n = 0; n < count;) {
        struct pktgen_spec sp;
        struct pktgen_info info;
        unsigned len;

        pktgen_random_spec(&g, &sp);
        len = pktgen_build(&g, &sp, buf, (unsigned)max, &info);
        if (len < 60)
            continue;
        if (brk) {
            unsigned at[3] = {info.ip_csum, info.iip_csum, info.l4_csum};
            for (int k = 0; k < 3; k++)
                if (at[k] && at[k] + 2 <= len) {
                    buf[at[k]] = 0xBA;
                    buf[at[k] + 1] = 0xD0;
                }
        }
        if (put32(f, (uint32_t)n) || put32(f, 0) || put32(f, len) || put32(f, len) || fwrite(buf, 1, len, f) != len) {
            fprintf(stderr, "tonic-pktgen: write error on %s\n", argv[3]);
            fclose(f);
            return 2;
        }
        n++;
    }
    if (fclose(f)) {
        fprintf(stderr, "tonic-pktgen: write error on %s\n", argv[3]);
        return 2;
    }
    printf("wrote %lu frames to %s%s\n", count, argv[3], brk ? " (checksum fields broken)" : "");
    return 0;
}
