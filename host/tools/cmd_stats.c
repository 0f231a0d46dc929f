/* SPDX-License-Identifier: MIT */
/* cmd_stats.c — `tonicctl stats [--clear]` and `tonicctl reset`. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>

#include "ctl.h"

int cmd_stats(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {{"clear", no_argument, NULL, 'c'}, {NULL, 0, NULL, 0}};
    uint64_t vals[64];
    struct tonic_dev *dev;
    int o, r, clear = 0;

    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (o != 'c')
            return cli_bad_option("stats", o, argv);
        clear = 1;
    }
    r = ctl_no_args("stats", argc, argv);
    if (r || (r = ctl_open(c, &dev)))
        return r;
    if (tonic_stats_count() > 64)
        r = ctl_err("more counters than this tool knows");
    else if (tonic_stats_read(dev, vals))
        r = ctl_err("%s", tonic_last_error());
    for (unsigned i = 0; !r && i < tonic_stats_count(); i++)
        printf("%-18s %" PRIu64 "\n", tonic_stat_name(i), vals[i]);
    if (!r && clear && tonic_stats_clear(dev))
        r = ctl_err("%s", tonic_last_error());
    tonic_close(dev);
    return r;
}

int cmd_reset(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {{NULL, 0, NULL, 0}};
    struct tonic_dev *dev;
    int o, r;

    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1)
        return cli_bad_option("reset", o, argv);
    r = ctl_no_args("reset", argc, argv);
    if (r || (r = ctl_open(c, &dev)))
        return r;
    if (tonic_soft_reset(dev))
        r = ctl_err("%s", tonic_last_error());
    else
        printf("%s: soft reset done\n", c->dev);
    tonic_close(dev);
    return r;
}
