/* SPDX-License-Identifier: MIT */
/* test_addr.c — device address parsing: every accepted form gives the exact fields, every bad
 * form is refused with the message the user will see. */
#include <errno.h>

#include "addr.h"
#include "test.h"
#include "tonic/tonic.h"

static void good_pci(const char *s, unsigned d, unsigned b, unsigned dv, unsigned f)
{
    struct tonic_addr a;

    CHECK_EQ(tonic_parse_addr(s, &a), 0);
    CHECK_EQ(a.kind, TONIC_ADDR_PCI);
    CHECK_EQ(a.domain, d);
    CHECK_EQ(a.bus, b);
    CHECK_EQ(a.dev, dv);
    CHECK_EQ(a.func, f);
}

static void bad(const char *s, int err, const char *msg)
{
    struct tonic_addr a;

    CHECK_EQ(tonic_parse_addr(s, &a), err);
    CHECK_STR(tonic_last_error(), msg);
}

int main(void)
{
    struct tonic_addr a;
    char longpath[200];

    CHECK_EQ(tonic_parse_addr("sim:/tmp/tonic.sock", &a), 0);
    CHECK_EQ(a.kind, TONIC_ADDR_SIM);
    CHECK_STR(a.path, "/tmp/tonic.sock");
    CHECK_EQ(tonic_parse_addr("sim:relative/s", &a), 0);
    CHECK_STR(a.path, "relative/s");

    good_pci("pci:0000:03:00.0", 0, 3, 0, 0);
    good_pci("pci:abcd:FF:1f.7", 0xabcd, 0xff, 0x1f, 7);
    good_pci("pci:03:01.2", 0, 3, 1, 2);

    bad(NULL, -EINVAL, "no device address given (expected sim:PATH or pci:DDDD:BB:DD.F)");
    bad("", -EINVAL, "no device address given (expected sim:PATH or pci:DDDD:BB:DD.F)");
    bad("sim:", -EINVAL, "bad device address 'sim:': sim: needs a socket path");
    bad("usb:1", -EINVAL, "bad device address 'usb:1': expected sim:PATH or pci:DDDD:BB:DD.F");
    bad("/tmp/tonic.sock", -EINVAL,
        "bad device address '/tmp/tonic.sock': expected sim:PATH or pci:DDDD:BB:DD.F");
    bad("pci:0000:03:20.0", -EINVAL,
        "bad device address 'pci:0000:03:20.0': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)");
    bad("pci:0000:03:00.8", -EINVAL,
        "bad device address 'pci:0000:03:00.8': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)");
    bad("pci:0000:0g:00.0", -EINVAL,
        "bad device address 'pci:0000:0g:00.0': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)");
    bad("pci:0000:03:00", -EINVAL,
        "bad device address 'pci:0000:03:00': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)");
    bad("pci:00000:03:00.0", -EINVAL,
        "bad device address 'pci:00000:03:00.0': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)");
    bad("pci:0000:03:00.0 ", -EINVAL,
        "bad device address 'pci:0000:03:00.0 ': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)");
    bad("pci:", -EINVAL, "bad device address 'pci:': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)");

    memset(longpath, 'x', sizeof(longpath) - 1);
    longpath[sizeof(longpath) - 1] = 0;
    memcpy(longpath, "sim:", 4);
    bad(longpath, -ENAMETOOLONG, "bad device address: simulator socket path is 195 bytes, at most 107");
    longpath[4 + 107] = 0; /* exactly 107 bytes: the longest that fits sun_path */
    CHECK_EQ(tonic_parse_addr(longpath, &a), 0);
    CHECK_EQ(strlen(a.path), 107);
    TEST_DONE();
}
