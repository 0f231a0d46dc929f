/* SPDX-License-Identifier: MIT */
/* cmd_mmio.c — `tonicctl mmio-bench [--count N]`: MMIO read round trip and posted write rate,
 * measured on CTRL.SCRATCH, with a write/read-back check of the register. */
#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "ctl.h"
#include "tonic_regs.h"

static double now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec * 1e-3;
}

static int bench(struct tonic_dev *dev, uint32_t scratch, unsigned n)
{
    double t0, t_rd = 0, t_wr, min = 1e30, max = 0;
    uint32_t v;

    for (unsigned i = 0; i < n; i++) {
        double t1;

        t0 = now_us();
        if (tonic_reg_read(dev, scratch, &v))
            return ctl_err("%s", tonic_last_error());
        t1 = now_us() - t0;
        t_rd += t1;
        min = t1 < min ? t1 : min;
        max = t1 > max ? t1 : max;
    }
    t0 = now_us();
    for (unsigned i = 0; i < n; i++)
        if (tonic_reg_write(dev, scratch, 0xA5000000u | i))
            return ctl_err("%s", tonic_last_error());
    if (tonic_reg_read(dev, scratch, &v)) /* a read flushes the posted writes */
        return ctl_err("%s", tonic_last_error());
    t_wr = now_us() - t0;
    if (v != (0xA5000000u | (n - 1)))
        return ctl_err("CTRL.SCRATCH reads 0x%08x after writing 0x%08x", v, 0xA5000000u | (n - 1));
    printf("mmio read   %u reads: mean %.2f us, min %.2f us, max %.2f us round trip\n", n, t_rd / n, min, max);
    printf("mmio write  %u posted writes + 1 read: %.2f us (%.0f writes/s)\n", n, t_wr, n / (t_wr * 1e-6));
    return 0;
}

int cmd_mmio_bench(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {{"count", required_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};
    const struct tonic_block *b;
    struct tonic_dev *dev;
    uint32_t scratch = 0;
    unsigned n = 1000, nb;
    int o, r;

    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (o != 'n')
            return cli_bad_option("mmio-bench", o, argv);
        if (cli_unsigned("mmio-bench", "--count", optarg, 1, 100000000, &n))
            return CTL_EXIT_USAGE;
    }
    r = ctl_no_args("mmio-bench", argc, argv);
    if (r || (r = ctl_open(c, &dev)))
        return r;
    nb = tonic_blocks(dev, &b);
    for (unsigned i = 0; i < nb; i++)
        if (b[i].type == TONIC_BLK_CTRL)
            scratch = b[i].offset + TONIC_CTRL_SCRATCH;
    r = scratch ? bench(dev, scratch, n) : ctl_err("the device has no CTRL block");
    tonic_close(dev);
    return r;
}
