// SPDX-License-Identifier: MIT
// main.cpp — tonic-sim: the whole tonic_nic RTL, cycle-accurate, attached to host drivers and a wire.
//
// Startup opens everything that can fail (wire port, trace, socket, config-space file, registry
// entry) and exits with status 2 and one line on stderr if anything does. The main loop then runs
// the model in batches of cycles and services the outside world between batches: every 256 cycles
// normally, every 16 while driver MMIO is in flight or recent (a driver waiting on a read should
// not wait long), and with a 10 ms blocking poll() when nothing is attached and nothing moves, so
// an idle simulator does not burn a core (except under --max-cycles, a batch run). SIGINT, SIGTERM or --max-cycles stop it: it reads the
// device's statistics counters over BAR0, prints its own and the device's statistics, removes the
// socket, config-space file and registry entry, and exits 0. See docs/sim.md.
#include "harness.h"
#include "log.h"
#include "options.h"
#include "pci_config.h"
#include "server.h"
#include "tonic_regs.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

static volatile sig_atomic_t g_stop;
static void on_signal(int) { g_stop = 1; }

static void install_signals()
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; // no SA_RESTART: a blocking poll() returns at once
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    signal(SIGPIPE, SIG_IGN);
}

// Watches the device's RX queues over BAR0 until one is enabled, then starts wire injection.
class RxqWatch {
public:
    static constexpr uint64_t kInterval = 4096;
    void tick(Harness &h)
    {
        if (pending_ || !h.mmio.idle() || h.cycle() < next_ || h.wire.inject_enabled())
            return;
        pending_ = true;
        if (nq_ == 0) {
            h.mmio.read(TONIC_IDENT_BASE + TONIC_IDENT_NUM_RXQ, [this](uint32_t v) {
                nq_ = v >= 1 && v <= TONIC_RXQ_MAX_COUNT ? v : TONIC_RXQ_MAX_COUNT;
                pending_ = false;
            });
            return;
        }
        left_ = nq_;
        for (uint32_t i = 0; i < nq_; i++) {
            uint32_t off = TONIC_RXQ_BASE + TONIC_RXQ_QBASE + i * TONIC_RXQ_STRIDE + TONIC_Q_QCTRL;
            h.mmio.read(off, [this, &h, i](uint32_t v) {
                if (v != 0xFFFFFFFFu && (v & TONIC_Q_QCTRL_ENABLE) && !h.wire.inject_enabled()) {
                    sim_info("RX queue %u enabled at cycle %llu: wire injection starts", i,
                             static_cast<unsigned long long>(h.cycle()));
                    h.wire.enable_inject();
                }
                if (--left_ == 0) {
                    pending_ = false;
                    next_ = h.cycle() + kInterval;
                }
            });
        }
    }

private:
    bool pending_ = false;
    uint32_t nq_ = 0;
    uint32_t left_ = 0;
    uint64_t next_ = 0;
};

// Reads every statistics counter (LO then HI, which the device latches) over BAR0.
static bool read_device_stats(Harness &h, uint64_t *v)
{
    static_assert(TONIC_STATS_TX_FRAMES_HI == TONIC_STATS_TX_FRAMES_LO + 4, "64-bit counters are LO, HI");
    for (uint32_t i = 0; i < TONIC_STATS_NUM; i++) {
        uint32_t lo = TONIC_STATS_BASE + TONIC_STATS_TX_FRAMES_LO + 8 * i; // counter i: first + 8 * i
        v[i] = 0;
        h.mmio.read(lo, [v, i](uint32_t x) { v[i] |= x; });
        h.mmio.read(lo + 4, [v, i](uint32_t x) { v[i] |= static_cast<uint64_t>(x) << 32; });
    }
    return h.run_until([&h] { return h.mmio.idle(); }, 100000);
}

static void print_stats(Harness &h, Server &srv, WirePort *port, double secs, uint64_t cycles, const char *why)
{
    const DmaStats &d = h.dma.stats();
    const WireStats &w = h.wire.stats();
    const ServerStats &s = srv.stats();
    double rate = secs > 0 ? static_cast<double>(cycles) / secs : 0.0;
    printf("tonic-sim: stopped by %s after %llu cycles in %.2f s (%.0f cycles/s)\n", why,
           static_cast<unsigned long long>(cycles), secs, rate);
    auto row = [](const char *name, uint64_t val) { printf("  %-24s %llu\n", name, static_cast<unsigned long long>(val)); };
    row("cycles", cycles);
    row("cycles_per_second", static_cast<uint64_t>(rate));
    row("clients", s.clients_total);
    row("mmio_reads", s.mmio_reads);
    row("mmio_writes", s.mmio_writes);
    row("mmio_einval", s.mmio_einval);
    row("dma_read_bursts", d.rd_bursts);
    row("dma_read_bytes", d.rd_bytes);
    row("dma_write_bursts", d.wr_bursts);
    row("dma_write_bytes", d.wr_bytes);
    row("dma_faults", d.faults);
    row("dma_protocol_errors", d.proto_errs);
    row("wire_tx_frames", w.tx_frames);
    row("wire_tx_bytes", w.tx_bytes);
    row("wire_tx_bad_fcs", w.tx_bad_fcs);
    row("wire_rx_frames", w.rx_frames);
    row("wire_rx_bytes", w.rx_bytes);
    if (port) {
        row("port_rx_dropped", port->stats().rx_dropped);
        row("port_tx_dropped", port->stats().tx_dropped);
    }
    row("irqs", s.irqs_sent);
    uint64_t dev[TONIC_STATS_NUM];
    static const char *const names[] = TONIC_STATS_NAMES;
    static_assert(sizeof names / sizeof names[0] == TONIC_STATS_NUM, "one name per counter");
    if (read_device_stats(h, dev)) {
        for (uint32_t i = 0; i < TONIC_STATS_NUM; i++) {
            char name[64];
            snprintf(name, sizeof name, "dev_%s", names[i]);
            row(name, dev[i]);
        }
    } else {
        printf("  device statistics unavailable: BAR0 did not answer\n");
    }
    fflush(stdout);
}

static int fail(const std::string &msg)
{
    fprintf(stderr, "tonic-sim: %s\n", msg.c_str());
    return 2;
}

int main(int argc, char **argv)
{
    SimOptions o;
    std::string err;
    if (!parse_options(argc, argv, o, err))
        return fail(err);
    if (o.help) {
        print_usage(stdout);
        return 0;
    }
    sim_set_quiet(o.quiet);
    install_signals();

    std::unique_ptr<WirePort> port;
    if (o.port == PortKind::Pcap)
        port = open_pcap_port(o.pcap_in, o.pcap_out, err);
    else if (o.port == PortKind::Tap)
        port = open_tap_port(o.tap_name, err);
    if (o.port != PortKind::Loopback && !port)
        return fail(err);

    HostMem mem;
    Harness h(mem, port.get(), o.dma_latency, o.seed);
    if (!o.trace_file.empty() && !h.trace(o.trace_file, err))
        return fail(err);
    Server srv(mem, h.mmio, [&h] { return h.cycle(); },
               [&h] { return h.dma.stats().faults + h.dma.stats().proto_errs; });
    // The config-space file and the registry entry exist before the socket does: a client that
    // waits for the socket finds the simulator fully published.
    std::string pci_path = o.socket_path + ".pci";
    std::string entry, sock_abs = o.socket_path;
    bool published = false;
    auto publish = [&](std::string &e) {
        size_t slash = o.socket_path.rfind('/');
        std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : o.socket_path.substr(0, slash);
        char abs[PATH_MAX];
        if (realpath(dir.c_str(), abs))
            sock_abs = std::string(abs) + "/" + o.socket_path.substr(slash == std::string::npos ? 0 : slash + 1);
        if (!pci_publish(pci_path, e))
            return false;
        if (!registry_add(o.registry_dir, sock_abs, &entry, e)) {
            unlink(pci_path.c_str());
            return false;
        }
        published = true;
        return true;
    };
    if (!srv.listen(o.socket_path, err, publish)) {
        if (published) { // never touch what a live simulator on the same path published
            unlink(entry.c_str());
            unlink(pci_path.c_str());
        }
        return fail(err);
    }
    h.on_irq = [&srv](uint8_t v) { srv.irq(v); };
    printf("tonic-sim: device sim:%s (pci %s), port %s\n", sock_abs.c_str(), kSimPciSlot, o.port_desc.c_str());
    fflush(stdout);

    RxqWatch rxq;
    bool watch_rxq = port && port->has_source();
    auto t0 = std::chrono::steady_clock::now();
    uint64_t mmio_seen = 0, hot_until = 0;
    std::vector<pollfd> fds;
    const char *why = "signal";
    while (!g_stop) {
        uint64_t n = h.cycle() < hot_until || !h.mmio.idle() ? 16 : 256;
        if (o.max_cycles && o.max_cycles - h.cycle() < n)
            n = o.max_cycles - h.cycle();
        for (uint64_t i = 0; i < n; i++)
            h.step();
        if (o.max_cycles && h.cycle() >= o.max_cycles) {
            why = "--max-cycles";
            break;
        }
        // A bounded run (--max-cycles) is a batch job: it never waits for the outside world.
        bool idle = !o.max_cycles && srv.clients() == 0 && h.mmio.idle() && !h.dma.busy() && !h.wire.busy();
        if (idle) {
            fds.clear();
            srv.poll_fds(fds);
            if (port && port->fd() >= 0)
                fds.push_back(pollfd{port->fd(), POLLIN, 0});
            poll(fds.data(), fds.size(), 10);
        }
        srv.service();
        if (port)
            port->service(h.wire.inject_enabled());
        if (watch_rxq)
            rxq.tick(h);
        uint64_t m = srv.stats().mmio_reads + srv.stats().mmio_writes;
        if (m != mmio_seen) {
            mmio_seen = m;
            hot_until = h.cycle() + 2048;
        }
    }
    uint64_t cycles = h.cycle();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    print_stats(h, srv, port.get(), secs, cycles, why);

    srv.close_all();
    h.finish();
    unlink(pci_path.c_str());
    unlink(entry.c_str());
    return 0;
}
