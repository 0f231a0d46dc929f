/* SPDX-License-Identifier: MIT */
/* sha_vectors_test — runs tonic_sha_vectors_file() on one CAVP-format file and checks the return
 * value and the passed/failed/skipped counts exactly.
 * usage: sha_vectors_test FILE RC PASSED FAILED SKIPPED */
#include <stdio.h>
#include <stdlib.h>

#include "sha_vectors.h"
#include "test.h"

int main(int argc, char **argv)
{
    unsigned p = 0, f = 0, s = 0;
    int rc;

    if (argc != 6) {
        printf("usage: %s FILE RC PASSED FAILED SKIPPED\n", argv[0]);
        return 2;
    }
    rc = tonic_sha_vectors_file(argv[1], &p, &f, &s);
    printf("%s: rc %d, %u passed, %u failed, %u skipped\n", argv[1], rc, p, f, s);
    CHECK_EQ(rc, atoi(argv[2]));
    CHECK_EQ(p, strtoul(argv[3], NULL, 10));
    CHECK_EQ(f, strtoul(argv[4], NULL, 10));
    CHECK_EQ(s, strtoul(argv[5], NULL, 10));
    TEST_DONE();
}
