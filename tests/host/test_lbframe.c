/* SPDX-License-Identifier: MIT */
/* test_lbframe.c — loopback test frames: deterministic lengths in range, a frame checks clean,
 * every kind of damage is classified (data, length, padding, foreign), MAC padding is accepted. */
#include "lbframe.h"
#include "test.h"

int main(void)
{
    static uint8_t f[9100];
    struct lb_info info;
    size_t lmin = 100000, lmax = 0;

    for (uint32_t s = 0; s < 2000; s++) {
        size_t l = lb_len(1, s, 60, 9000);

        lmin = l < lmin ? l : lmin;
        lmax = l > lmax ? l : lmax;
        CHECK(l >= 60 && l <= 9000);
    }
    CHECK(lmin < 200 && lmax > 8800); /* the whole range is used */
    CHECK_EQ(lb_len(7, 5, 60, 9000), lb_len(7, 5, 60, 9000));
    CHECK_EQ(lb_len(7, 5, 64, 64), 64);

    lb_make(f, 1234, 42, 3, 99);
    CHECK_EQ(f[12], 0x88);
    CHECK_EQ(f[13], 0xB5);
    CHECK_EQ(lb_check(f, 1234, 42, &info), LB_OK);
    CHECK_EQ(info.seq, 99);
    CHECK_EQ(info.txq, 3);
    CHECK_EQ(info.len, 1234);

    CHECK_EQ(lb_check(f, 1234, 43, &info), LB_DATA_MISMATCH); /* another seed: another payload */
    CHECK_EQ(info.bad_off, 30);
    f[1000] ^= 1;
    CHECK_EQ(lb_check(f, 1234, 42, &info), LB_DATA_MISMATCH);
    CHECK_EQ(info.bad_off, 1000);
    f[1000] ^= 1;
    CHECK_EQ(lb_check(f, 1233, 42, &info), LB_LEN_MISMATCH);
    f[20] ^= 0x80; /* sequence number damaged: the header check catches it */
    CHECK_EQ(lb_check(f, 1234, 42, &info), LB_FOREIGN);
    f[20] ^= 0x80;
    f[15] = 'X';
    CHECK_EQ(lb_check(f, 1234, 42, &info), LB_FOREIGN);
    CHECK_EQ(lb_check(f, 20, 42, &info), LB_FOREIGN);

    /* a 40-byte frame comes back padded to 60 with zeros */
    memset(f, 0, sizeof(f));
    lb_make(f, 40, 42, 0, 7);
    CHECK_EQ(lb_check(f, 60, 42, &info), LB_OK);
    CHECK_EQ(lb_check(f, 40, 42, &info), LB_LEN_MISMATCH);
    f[50] = 1;
    CHECK_EQ(lb_check(f, 60, 42, &info), LB_DATA_MISMATCH);
    CHECK_EQ(info.bad_off, 50);
    TEST_DONE();
}
