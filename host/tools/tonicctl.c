/* SPDX-License-Identifier: MIT */
/* tonicctl.c — command-line tool for tonic devices: `tonicctl [-d DEV] COMMAND [ARGS]`.
 *
 * DEV is sim:PATH or pci:DDDD:BB:DD.F and defaults to $TONIC_DEV. Every failure prints one line
 * "tonicctl: ..." on stderr and exits non-zero (1: the command failed, 2: bad command line). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"

static const struct {
    const char *name;
    int (*fn)(struct ctl *c, int argc, char **argv);
    const char *args;
    const char *help;
} commands[] = {
    {"list", cmd_list, "", "tonic devices on the PCI bus and running simulators"},
    {"info", cmd_info, "", "identity, register blocks, capabilities, configuration, queues"},
    {"stats", cmd_stats, "[--clear]", "statistics counters"},
    {"reset", cmd_reset, "", "soft reset: disable every queue, clear statistics"},
    {"send", cmd_send, "[--queue Q] [--buf-size B] [--timeout SEC] [--csum | --csum-linux] FILE.pcap",
     "transmit every frame of a pcap file (--csum: the NIC fills in the checksums)"},
    {"recv", cmd_recv, "--count N [--queue Q] [--timeout SEC] [--meta] FILE.pcap",
     "receive N frames into a pcap file"},
    {"loopback", cmd_loopback,
     "--count N [--min 60] [--max 9000] [--seed S] [--queues Q] [--ring R] [--buf-size B] [--timeout SEC]\n"
     "              [--mmio-reads N] [--poll] [--allow-loss]",
     "send random frames, receive them back (simulator --port loopback), check every byte"},
    {"mmio-bench", cmd_mmio_bench, "[--count N]", "MMIO read round-trip time and write rate"},
    {"regs", cmd_regs, "[--from OFF] [--count N]", "raw BAR0 words (default: all of BAR0)"},
    {"fw", cmd_fw, "version | log | stats | reset | load FILE.elf | bench [--count N]",
     "the firmware on the soft core (bench: device cycles per mailbox request)"},
    {"caps", cmd_fw, "", "hardware capabilities, as the firmware publishes them"},
    {"offload", cmd_fw, "show | set FEATURE on|off ... | KEYWORD=VALUE ...",
     "offload configuration (ethtool feature names, NDIS keywords); set is all or nothing"},
    {"sa", cmd_sa,
     "add --dir in|out --proto esp|ah|ah+esp --spi N --src A --dst A [--enc ALG] [--auth ALG] [--key HEX]\n"
     "              [--auth-key HEX] [--salt HEX] [--icv N] [--tunnel] [--esn] [--esn-hi N] [--udp-encap] [--replay]\n"
     "              | update HANDLE --esn-hi N | del HANDLE | list",
     "IPsec security associations in the firmware's SA table (keys are never shown)"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: tonicctl [-d DEV] COMMAND [ARGS]\n"
               "  DEV: sim:PATH or pci:DDDD:BB:DD.F (default: $TONIC_DEV)\n\ncommands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(f, "  %-11s %s\n  %-11s   %s\n", commands[i].name, commands[i].args, "", commands[i].help);
}

int ctl_no_args(const char *cmd, int argc, char **argv)
{
    if (optind < argc)
        return ctl_usage("%s: unexpected argument '%s'", cmd, argv[optind]);
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"device", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct ctl c = {.dev = getenv("TONIC_DEV")};
    int o;

    opterr = 0;
    /* '+': stop at the command name; the command parses the rest */
    while ((o = getopt_long(argc, argv, "+:d:h", opts, NULL)) != -1) {
        switch (o) {
        case 'd':
            c.dev = optarg;
            break;
        case 'h':
            usage(stdout);
            return CTL_EXIT_OK;
        default:
            return cli_bad_option(NULL, o, argv);
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return ctl_usage("no command given");
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (!strcmp(argv[optind], commands[i].name)) {
            int first = optind;

            cli_getopt_reset();
            return commands[i].fn(&c, argc - first, argv + first);
        }
    return ctl_usage("unknown command '%s' (see tonicctl --help)", argv[optind]);
}
