// SPDX-License-Identifier: MIT
// options.cpp — command-line parsing for tonic-sim (see options.h and docs/sim.md).
#include "options.h"

#include <getopt.h>
#include <net/if.h>
#include <sys/un.h>

#include <cerrno>
#include <cstdlib>

void print_usage(FILE *f)
{
    fputs("usage: tonic-sim [options]\n"
          "Runs the tonic_nic RTL cycle-accurately and serves host drivers at sim:PATH.\n"
          "  --socket PATH        driver socket (default ${TONIC_SIM_DIR:-/tmp/tonic-sim}/sim0.sock)\n"
          "  --port loopback      wire TX looped back to wire RX (default)\n"
          "  --port pcap:IN[,OUT] inject frames of IN (may be empty), write TX frames to OUT\n"
          "  --port tap:IFNAME    exchange frames with the Linux TAP interface IFNAME\n"
          "  --trace FILE.fst     write an FST waveform (slow)\n"
          "  --max-cycles N       stop after N clock cycles\n"
          "  --dma-latency N      DMA read latency in cycles (default 78 = 500 ns)\n"
          "  --seed N             seed for the model's random initial values (default 1)\n"
          "  --quiet              no informational log lines\n"
          "  --help               this text\n",
          f);
}

static bool parse_u64(const char *s, uint64_t &v)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return false;
    char *end = nullptr;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || *end)
        return false;
    v = x;
    return true;
}

static bool parse_port(const std::string &a, SimOptions &o, std::string &err)
{
    o.port_desc = a;
    if (a == "loopback") {
        o.port = PortKind::Loopback;
        return true;
    }
    if (a.rfind("pcap:", 0) == 0) {
        std::string rest = a.substr(5);
        size_t comma = rest.find(',');
        o.port = PortKind::Pcap;
        o.pcap_in = rest.substr(0, comma);
        o.pcap_out = comma == std::string::npos ? "" : rest.substr(comma + 1);
        if (o.pcap_out.find(',') != std::string::npos) {
            err = "--port pcap:IN,OUT takes at most two file names";
            return false;
        }
        return true;
    }
    if (a.rfind("tap:", 0) == 0) {
        o.port = PortKind::Tap;
        o.tap_name = a.substr(4);
        if (o.tap_name.empty() || o.tap_name.size() >= IFNAMSIZ) {
            err = "--port tap:IFNAME needs an interface name of 1 to " + std::to_string(IFNAMSIZ - 1) +
                  " characters";
            return false;
        }
        return true;
    }
    err = "unknown --port '" + a + "' (expected loopback, pcap:IN,OUT or tap:IFNAME)";
    return false;
}

bool parse_options(int argc, char **argv, SimOptions &o, std::string &err)
{
    enum { O_SOCKET = 256, O_PORT, O_TRACE, O_MAX, O_LAT, O_SEED, O_QUIET, O_HELP };
    static const option longopts[] = {
        {"socket", required_argument, nullptr, O_SOCKET},
        {"port", required_argument, nullptr, O_PORT},
        {"trace", required_argument, nullptr, O_TRACE},
        {"max-cycles", required_argument, nullptr, O_MAX},
        {"dma-latency", required_argument, nullptr, O_LAT},
        {"seed", required_argument, nullptr, O_SEED},
        {"quiet", no_argument, nullptr, O_QUIET},
        {"help", no_argument, nullptr, O_HELP},
        {nullptr, 0, nullptr, 0},
    };
    const char *dir = getenv("TONIC_SIM_DIR");
    o.registry_dir = dir && *dir ? dir : "/tmp/tonic-sim";
    o.socket_path = o.registry_dir + "/sim0.sock";

    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, nullptr)) != -1) {
        switch (c) {
        case O_SOCKET:
            o.socket_path = optarg;
            break;
        case O_PORT:
            if (!parse_port(optarg, o, err))
                return false;
            break;
        case O_TRACE:
            o.trace_file = optarg;
            break;
        case O_MAX:
            if (!parse_u64(optarg, o.max_cycles) || o.max_cycles == 0) {
                err = std::string("--max-cycles needs a positive number, not '") + optarg + "'";
                return false;
            }
            break;
        case O_LAT:
            if (!parse_u64(optarg, o.dma_latency) || o.dma_latency > 1000000) {
                err = std::string("--dma-latency needs a number of cycles 0..1000000, not '") + optarg + "'";
                return false;
            }
            break;
        case O_SEED:
            if (!parse_u64(optarg, o.seed) || o.seed > 0x7FFFFFFF) {
                err = std::string("--seed needs a number 0..2147483647, not '") + optarg + "'";
                return false;
            }
            break;
        case O_QUIET:
            o.quiet = true;
            break;
        case 'h':
        case O_HELP:
            o.help = true;
            break;
        case ':':
            err = std::string("option ") + argv[optind - 1] + " needs an argument";
            return false;
        default:
            if (optopt >= O_SOCKET)
                err = std::string("option ") + argv[optind - 1] + " needs an argument";
            else
                err = std::string("unknown option '") + argv[optind - 1] + "' (try --help)";
            return false;
        }
    }
    if (optind < argc) {
        err = std::string("unexpected argument '") + argv[optind] + "' (try --help)";
        return false;
    }
    if (o.socket_path.empty() || o.socket_path.size() >= sizeof(sockaddr_un{}.sun_path)) {
        err = "--socket path must be 1 to " + std::to_string(sizeof(sockaddr_un{}.sun_path) - 1) + " characters";
        return false;
    }
    return true;
}
