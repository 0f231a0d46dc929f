/* SPDX-License-Identifier: MIT */
/* test.h — the smallest useful test harness: exact-value checks that count, print what differed,
 * and a summary line "N passed, M failed" that ctest's output makes easy to read. Shared by the
 * host and firmware tests. A test made of several files defines TONIC_TEST_SHARED_COUNTERS and
 * defines t_pass/t_fail once itself. */
#ifndef TONIC_TEST_H
#define TONIC_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#ifdef TONIC_TEST_SHARED_COUNTERS
extern unsigned t_pass, t_fail;
#else
static unsigned t_pass, t_fail;
#endif

#define CHECK(cond)                                                                                   \
    do {                                                                                              \
        if (cond) {                                                                                   \
            t_pass++;                                                                                 \
        } else {                                                                                      \
            t_fail++;                                                                                 \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                                    \
        }                                                                                             \
    } while (0)

#define CHECK_EQ(a, b)                                                                                \
    do {                                                                                              \
        unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b);                \
        if (a_ == b_) {                                                                               \
            t_pass++;                                                                                 \
        } else {                                                                                      \
            t_fail++;                                                                                 \
            printf("FAIL %s:%d: %s == %s: 0x%llx (%lld) != 0x%llx (%lld)\n", __FILE__, __LINE__, #a,  \
                   #b, a_, (long long)a_, b_, (long long)b_);                                          \
        }                                                                                             \
    } while (0)

#define CHECK_STR(a, b)                                                                               \
    do {                                                                                              \
        const char *a_ = (a), *b_ = (b);                                                              \
        if (a_ && b_ && !strcmp(a_, b_)) {                                                            \
            t_pass++;                                                                                 \
        } else {                                                                                      \
            t_fail++;                                                                                 \
            printf("FAIL %s:%d: %s\n   got: \"%s\"\n  want: \"%s\"\n", __FILE__, __LINE__, #a,         \
                   a_ ? a_ : "(null)", b_ ? b_ : "(null)");                                           \
        }                                                                                             \
    } while (0)

/* the string a contains b */
#define CHECK_HAS(a, b)                                                                               \
    do {                                                                                              \
        const char *a_ = (a), *b_ = (b);                                                              \
        if (a_ && b_ && strstr(a_, b_)) {                                                             \
            t_pass++;                                                                                 \
        } else {                                                                                      \
            t_fail++;                                                                                 \
            printf("FAIL %s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)", \
                   b_ ? b_ : "(null)");                                                               \
        }                                                                                             \
    } while (0)

#define TEST_DONE()                                                                                   \
    do {                                                                                              \
        printf("%u passed, %u failed\n", t_pass, t_fail);                                             \
        return t_fail ? 1 : 0;                                                                        \
    } while (0)

#endif /* TONIC_TEST_H */
