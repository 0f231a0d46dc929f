/* SPDX-License-Identifier: MIT */
/* cmd_list.c — `tonicctl list`: tonic devices on the PCI bus and registered simulators. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "ctl.h"

int cmd_list(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {{NULL, 0, NULL, 0}};
    struct tonic_list_entry *e;
    const char *dir = getenv("TONIC_SIM_DIR");
    int o, n, r;

    (void)c;
    while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1)
        return cli_bad_option("list", o, argv);
    r = ctl_no_args("list", argc, argv);
    if (r)
        return r;
    n = tonic_list(TONIC_LIST_PCI | TONIC_LIST_SIM, &e);
    if (n < 0)
        return ctl_err("%s", tonic_last_error());
    if (n == 0)
        printf("no tonic devices (PCI bus scanned; simulator registry %s)\n", dir && *dir ? dir : "/tmp/tonic-sim");
    else
        printf("%-40s %-5s %-6s %-9s  %-6s %s\n", "ADDRESS", "KIND", "STATE", "ID", "CLASS", "NOTE");
    for (int i = 0; i < n; i++) {
        char id[16] = "-", cls[8] = "-", note[200];

        if (e[i].vendor || e[i].device)
            snprintf(id, sizeof(id), "%04x:%04x", e[i].vendor, e[i].device);
        if (e[i].vendor || e[i].device)
            snprintf(cls, sizeof(cls), "%06x", e[i].class_code & 0xFFFFFFu);
        if (e[i].kind == TONIC_LIST_SIM)
            snprintf(note, sizeof(note), "pid %d%s%s", e[i].pid, e[i].note[0] ? "; " : "", e[i].note);
        else
            snprintf(note, sizeof(note), "%s", e[i].note);
        printf("%-40s %-5s %-6s %-9s  %-6s %s\n", e[i].addr, e[i].kind == TONIC_LIST_SIM ? "sim" : "pci",
               e[i].stale ? "stale" : "live", id, cls, note);
    }
    tonic_list_free(e);
    return CTL_EXIT_OK;
}
