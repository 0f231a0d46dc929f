// SPDX-License-Identifier: MIT
// server.h — the driver transport: a UNIX SOCK_SEQPACKET server speaking sim_proto.h.
//
// Any number of drivers may attach. Each message is one fixed-size struct tonic_sim_msg; memory
// regions arrive as memfds (SCM_RIGHTS). Everything is non-blocking: replies and interrupts that
// a client's socket cannot take yet wait in a per-client queue. A client that disconnects, sends
// something that is not a well-formed message of a driver->simulator type, or stops reading
// (kMaxQueued messages pending) is dropped with a log line; its regions are unmapped at once, so
// later DMA to them faults. The server never blocks and never exits on a client's behalf.
#ifndef TONIC_SIM_SERVER_H
#define TONIC_SIM_SERVER_H

#include "host_mem.h"
#include "mmio_master.h"
#include "tonic/sim_proto.h"

#include <poll.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

struct ServerStats {
    uint64_t mmio_reads = 0, mmio_writes = 0, mmio_einval = 0;
    uint64_t irqs_sent = 0; // interrupt messages, counted once per vector (not per client)
    uint64_t clients_total = 0;
};

class Server {
public:
    // cycles() and faults() answer INFO.
    Server(HostMem &mem, MmioMaster &mmio, std::function<uint64_t()> cycles, std::function<uint64_t()> faults)
        : mem_(mem), mmio_(mmio), cycles_(std::move(cycles)), faults_(std::move(faults))
    {
    }
    ~Server();
    // Binds path (stale socket files are replaced; one a live simulator answers is an error).
    // Binds and listens on path (a stale socket of a dead simulator is replaced). `publish` runs
    // after the path is known to be free and before the socket appears, so a client that sees the
    // socket also sees everything published (config-space file, registry entry).
    bool listen(const std::string &path, std::string &err,
                const std::function<bool(std::string &)> &publish = nullptr);
    // Appends the descriptors to wait on in an idle poll().
    void poll_fds(std::vector<pollfd> &fds) const;
    // Accepts, reads and answers everything pending; never blocks.
    void service();
    // Sends an interrupt for vector to every client.
    void irq(uint8_t vector);
    void close_all();
    size_t clients() const { return clients_.size(); }
    const ServerStats &stats() const { return st_; }

private:
    static constexpr size_t kMaxQueued = 65536;
    static constexpr size_t kMaxClients = 64;
    struct Client {
        int fd;
        std::deque<tonic_sim_msg> out;
        bool dead = false;
    };
    void accept_all();
    void read_client(uint64_t id, Client &c);
    void handle(uint64_t id, Client &c, const tonic_sim_msg &m, int *fds, int nfds);
    void send(uint64_t id, const tonic_sim_msg &m);
    void flush(uint64_t id, Client &c);
    void drop(uint64_t id, Client &c, const char *why);
    void reap();

    HostMem &mem_;
    MmioMaster &mmio_;
    std::function<uint64_t()> cycles_, faults_;
    int listen_fd_ = -1;
    std::string path_;
    std::map<uint64_t, Client> clients_;
    uint64_t next_id_ = 1;
    ServerStats st_;
};

#endif // TONIC_SIM_SERVER_H
