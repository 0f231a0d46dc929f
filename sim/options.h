// SPDX-License-Identifier: MIT
// options.h — tonic-sim's command line.
//
// parse_options() turns argv into a SimOptions or a one-line error; main() prints the error and
// exits with status 2. Nothing here opens files or sockets.
#ifndef TONIC_SIM_OPTIONS_H
#define TONIC_SIM_OPTIONS_H

#include <cstdint>
#include <cstdio>
#include <string>

enum class PortKind { Loopback, Pcap, Tap };

struct SimOptions {
    std::string socket_path;      // where drivers attach
    std::string registry_dir;     // ${TONIC_SIM_DIR:-/tmp/tonic-sim}
    PortKind port = PortKind::Loopback;
    std::string port_desc = "loopback"; // as given on the command line, for the banner
    std::string pcap_in;          // empty: inject nothing
    std::string pcap_out;         // empty: transmitted frames are counted and dropped
    std::string tap_name;
    std::string trace_file;       // empty: no waveform
    uint64_t max_cycles = 0;      // 0: run until SIGINT/SIGTERM
    uint64_t dma_latency = 78;    // cycles from AR acceptance to the first read beat (500 ns)
    uint64_t seed = 1;            // Verilator random seed for --x-initial unique
    bool quiet = false;
    bool help = false;
};

// Fills o from argv. Returns false with a one-line message in err on any bad argument.
bool parse_options(int argc, char **argv, SimOptions &o, std::string &err);
void print_usage(FILE *f);

#endif // TONIC_SIM_OPTIONS_H
