/* SPDX-License-Identifier: MIT */
/* addr.c — device address strings: "sim:PATH" selects the simulator backend, "pci:DDDD:BB:DD.F"
 * the real device. Strict: anything else is a clear error, nothing is guessed. */
#include <errno.h>
#include <string.h>

#include "addr.h"
#include "log.h"

/* Parses exactly n hex digits at *s into *v and advances *s. */
static int hexn(const char **s, unsigned n, unsigned *v)
{
    unsigned x = 0;

    for (unsigned i = 0; i < n; i++) {
        char c = (*s)[i];
        unsigned d;

        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return -1;
        x = x * 16 + d;
    }
    *s += n;
    *v = x;
    return 0;
}

static int parse_pci(const char *s, struct tonic_addr *a)
{
    const char *p = s;
    /* with a domain "DDDD:BB:DD.F" is 12 characters, without "BB:DD.F" is 7 */
    size_t n = strlen(s);

    a->domain = 0;
    if (n == 12) {
        if (hexn(&p, 4, &a->domain) || *p++ != ':')
            return -1;
    } else if (n != 7) {
        return -1;
    }
    if (hexn(&p, 2, &a->bus) || *p++ != ':' || hexn(&p, 2, &a->dev) || *p++ != '.' ||
        hexn(&p, 1, &a->func) || *p)
        return -1;
    if (a->dev > 0x1f || a->func > 7)
        return -1;
    return 0;
}

int tonic_parse_addr(const char *s, struct tonic_addr *out)
{
    memset(out, 0, sizeof(*out));
    if (!s || !*s)
        return tonic_error(-EINVAL, "no device address given (expected sim:PATH or pci:DDDD:BB:DD.F)");
    if (!strncmp(s, "sim:", 4)) {
        size_t n = strlen(s + 4);

        if (n == 0)
            return tonic_error(-EINVAL, "bad device address '%s': sim: needs a socket path", s);
        if (n >= sizeof(out->path))
            return tonic_error(-ENAMETOOLONG,
                               "bad device address: simulator socket path is %zu bytes, at most %zu",
                               n, sizeof(out->path) - 1);
        out->kind = TONIC_ADDR_SIM;
        memcpy(out->path, s + 4, n + 1);
        return 0;
    }
    if (!strncmp(s, "pci:", 4)) {
        if (parse_pci(s + 4, out))
            return tonic_error(-EINVAL,
                               "bad device address '%s': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)",
                               s);
        out->kind = TONIC_ADDR_PCI;
        return 0;
    }
    return tonic_error(-EINVAL, "bad device address '%s': expected sim:PATH or pci:DDDD:BB:DD.F", s);
}
