/* SPDX-License-Identifier: MIT */
/* test_scapy_check.c — the C half of tests/model/scapy_check.py: reads the frames scapy built,
 * one per line ("name flags l3_off l3 l4_off l4 l3_end tun il2_off il3_off il3 il4_off il4 il3_end
 * hex"), parses each with tonic_parse and checks that the layer offsets, types and datagram ends
 * match scapy's, that the walk ended without an error, and that tonic_rx_csum gives exactly the
 * OK flags for the checksums scapy computed. */
#include <stdlib.h>

#include "test.h"
#include "tonic_csum.h"
#include "tonic_parse.h"

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int main(int argc, char **argv)
{
    static char line[40000];
    static uint8_t f[20000];
    FILE *in;
    unsigned frames = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FRAMES.txt\n", argv[0]);
        return 2;
    }
    in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    while (fgets(line, sizeof line, in)) {
        char name[128], flags[128], hex[sizeof line], got[128];
        unsigned v[12], n = 0, i, fails = t_fail;
        uint32_t pm[7];
        uint16_t fl, raw;
        if (sscanf(line, "%127s %127s %u %u %u %u %u %u %u %u %u %u %u %u %39999s", name, flags, &v[0], &v[1], &v[2],
                   &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10], &v[11], hex) != 15) {
            CHECK(0 && "malformed line");
            continue;
        }
        for (i = 0; hex[i] && hex[i + 1] && n < sizeof f; i += 2)
            f[n++] = (uint8_t)(hexval(hex[i]) << 4 | hexval(hex[i + 1]));
        tonic_parse(f, n, pm);
        CHECK_EQ(tonic_pmeta_err(pm), 0);
        CHECK_EQ(tonic_pmeta_l3_off(pm), v[0]);
        CHECK_EQ(tonic_pmeta_l3(pm), v[1]);
        CHECK_EQ(tonic_pmeta_l4_off(pm), v[2]);
        CHECK_EQ(tonic_pmeta_l4(pm), v[3]);
        CHECK_EQ(tonic_pmeta_l3_end(pm), v[4]);
        CHECK_EQ(tonic_pmeta_tun(pm), v[5]);
        CHECK_EQ(tonic_pmeta_il2_off(pm), v[6]);
        CHECK_EQ(tonic_pmeta_il3_off(pm), v[7]);
        CHECK_EQ(tonic_pmeta_il3(pm), v[8]);
        CHECK_EQ(tonic_pmeta_il4_off(pm), v[9]);
        CHECK_EQ(tonic_pmeta_il4(pm), v[10]);
        CHECK_EQ(tonic_pmeta_il3_end(pm), v[11]);
        tonic_rx_csum(f, n, pm, TONIC_CONFIG_CSUM_RX_IP4 | TONIC_CONFIG_CSUM_RX_TCP4 | TONIC_CONFIG_CSUM_RX_UDP4 |
                                    TONIC_CONFIG_CSUM_RX_TCP6 | TONIC_CONFIG_CSUM_RX_UDP6,
                      &fl, &raw);
        tonic_csum_flags_str(got, sizeof got, fl);
        CHECK_STR(got, flags);
        if (t_fail != fails) {
            printf("  frame %u \"%s\" (%u bytes): ", frames, name, n);
            tonic_pmeta_print(stdout, pm);
        }
        frames++;
    }
    fclose(in);
    printf("%u scapy frames checked\n", frames);
    CHECK(frames > 0);
    TEST_DONE();
}
