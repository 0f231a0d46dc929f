/* SPDX-License-Identifier: MIT */
/* cmd_regs.c — `tonicctl regs [--from OFF] [--count N]`: raw BAR0 words, one "offset value" line
 * each, for bring-up and for tests that must see everything the host can read (the whole BAR by
 * default). Reads have side effects where the register map says so (MBOX.LOG pops a byte, a STATS
 * LO word latches its HI word). */
#include <getopt.h>
#include <stdio.h>

#include "ctl.h"

int cmd_regs(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'f'}, {"count", required_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};
    struct tonic_dev_info info;
    struct tonic_dev *dev;
    unsigned from = 0, count = 0;
    int o, r;

    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (o == 'f' && !cli_unsigned("regs", "--from", optarg, 0, 0xFFFFFFu, &from) && !(from & 3))
            continue;
        if (o == 'f')
            return ctl_usage("regs: --from is a multiple of 4");
        if (o == 'n' && !cli_unsigned("regs", "--count", optarg, 1, 1u << 22, &count))
            continue;
        return o == 'n' ? CTL_EXIT_USAGE : cli_bad_option("regs", o, argv);
    }
    r = ctl_no_args("regs", argc, argv);
    if (r || (r = ctl_open(c, &dev)))
        return r;
    tonic_dev_info(dev, &info);
    if (!count)
        count = from < info.bar_size ? (info.bar_size - from) / 4 : 0;
    if (from >= info.bar_size || count > (info.bar_size - from) / 4) {
        r = ctl_usage("regs: 0x%x + %u words is outside BAR0 (%u bytes)", from, count, info.bar_size);
    } else {
        for (unsigned i = 0; i < count && !r; i++) {
            uint32_t v;

            if (tonic_reg_read(dev, from + 4 * i, &v))
                r = ctl_err("%s", tonic_last_error());
            else
                printf("0x%04x 0x%08x\n", from + 4 * i, v);
        }
    }
    tonic_close(dev);
    return r;
}
