/* SPDX-License-Identifier: MIT */
/* libc_min.c — memset and memcpy for the firmware, which links no C library: GCC may emit calls to
 * them for structure copies and zeroing even in freestanding code. Built with
 * -fno-tree-loop-distribute-patterns so these loops are not themselves turned into calls. */
#include <stddef.h>
#include <stdint.h>

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *p = d;
    const uint8_t *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}
