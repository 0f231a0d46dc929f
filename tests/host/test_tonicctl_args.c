/* SPDX-License-Identifier: MIT */
/* test_tonicctl_args.c — the built tonicctl refuses bad command lines and missing devices with
 * one exact "tonicctl: ..." line and a non-zero exit (2: usage, 1: failure), quickly. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "run.h"
#include "test.h"

static char *prog;
static struct run_result r;

/* runs tonicctl with the NULL-terminated arguments, expects exit status and the last stderr line */
static void expect(int status, const char *err_line, const char *dev, ...)
{
    char *argv[12] = {prog};
    const char *last;
    va_list ap;
    size_t n;
    int k = 1;

    va_start(ap, dev);
    while (k < 11 && (argv[k] = va_arg(ap, char *)))
        k++;
    va_end(ap);
    argv[k] = NULL;
    run_prog(argv, dev, 10, &r);
    CHECK_EQ(r.status, status);
    n = strlen(r.err);
    if (n && r.err[n - 1] == '\n')
        r.err[--n] = 0;
    last = strrchr(r.err, '\n') ? strrchr(r.err, '\n') + 1 : r.err;
    CHECK_STR(last, err_line);
    CHECK(r.seconds < 3);
}

#define E(status, msg, ...) expect(status, msg, NULL, __VA_ARGS__, NULL)

int main(int argc, char **argv)
{
    char want[600], missing[400];

    prog = argc > 1 ? argv[1] : "tonicctl";
    snprintf(missing, sizeof(missing), "%s/no-such.sock", test_tmpdir());

    expect(2, "tonicctl: no command given", NULL, NULL);
    E(2, "tonicctl: unknown command 'frob' (see tonicctl --help)", "frob");
    E(2, "tonicctl: unknown option '-x'", "-x", "info");
    E(2, "tonicctl: unknown option '--frob'", "--frob");
    E(2, "tonicctl: option '-d' needs a value", "-d");
    E(2, "tonicctl: no device: use -d DEV or set TONIC_DEV (see 'tonicctl list')", "info");
    E(1, "tonicctl: bad device address 'bogus': expected sim:PATH or pci:DDDD:BB:DD.F", "-d", "bogus", "info");
    E(1, "tonicctl: bad device address 'pci:0000:03:00': expected pci:DDDD:BB:DD.F (hex, device <= 1f, function 0-7)",
      "-d", "pci:0000:03:00", "stats");
    snprintf(want, sizeof(want), "tonicctl: no simulator socket at %s (is tonic-sim running?)", missing);
    {
        char dev[500];

        snprintf(dev, sizeof(dev), "sim:%s", missing);
        E(1, want, "-d", dev, "info");
        expect(1, want, dev, "loopback", "--count", "10", NULL); /* $TONIC_DEV */
    }
    E(1, "tonicctl: no PCI device 00ff:1f:1f.7 (/sys/bus/pci/devices/00ff:1f:1f.7 does not exist)", "-d",
      "pci:00ff:1f:1f.7", "info");
    E(2, "tonicctl: stats: unexpected argument 'extra'", "-d", "sim:/x", "stats", "extra");
    E(2, "tonicctl: stats: unknown option '--frob'", "stats", "--frob");
    E(2, "tonicctl: loopback: --count N is required", "loopback");
    E(2, "tonicctl: loopback: --count needs a whole number in 1..100000000, not 'abc'", "loopback", "--count", "abc");
    E(2, "tonicctl: loopback: --count needs a whole number in 1..100000000, not '-5'", "loopback", "--count", "-5");
    E(2, "tonicctl: loopback: --count needs a whole number in 1..100000000, not '0'", "loopback", "--count", "0");
    E(2, "tonicctl: loopback: option '--count' needs a value", "loopback", "--count");
    E(2, "tonicctl: loopback: --min 100 is larger than --max 50", "loopback", "--count", "5", "--min", "100", "--max",
      "50");
    E(2, "tonicctl: loopback: --min needs a whole number in 30..65535, not '10'", "loopback", "--count", "5", "--min",
      "10");
    E(2, "tonicctl: loopback: --queues needs a whole number in 1..8, not '9'", "loopback", "--count", "5", "--queues",
      "9");
    E(2, "tonicctl: loopback: unknown option '--bogus'", "loopback", "--bogus");
    E(2, "tonicctl: send: needs exactly one FILE.pcap", "send");
    E(2, "tonicctl: send: needs exactly one FILE.pcap", "send", "a.pcap", "b.pcap");
    E(1, "tonicctl: cannot read pcap file /nonexistent/x.pcap: No such file or directory", "send",
      "/nonexistent/x.pcap");
    E(2, "tonicctl: recv: --count N is required", "recv", "out.pcap");
    E(2, "tonicctl: recv: needs exactly one FILE.pcap", "recv", "--count", "3");
    E(2, "tonicctl: recv: --timeout needs a whole number in 1..86400, not '1.5'", "recv", "--count", "3", "--timeout",
      "1.5");
    E(2, "tonicctl: mmio-bench: --count needs a whole number in 1..100000000, not 'x'", "mmio-bench", "--count", "x");

    /* --help is not an error */
    {
        char *av[] = {prog, "--help", NULL};

        run_prog(av, NULL, 10, &r);
        CHECK_EQ(r.status, 0);
        CHECK_HAS(r.out, "usage: tonicctl [-d DEV] COMMAND [ARGS]");
        CHECK_HAS(r.out, "  loopback    --count N");
        CHECK_STR(r.err, "");
    }
    test_tmpdir_remove();
    TEST_DONE();
}
