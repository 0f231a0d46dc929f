// SPDX-License-Identifier: MIT
// server.cpp — accepting drivers and handling their messages (see server.h, sim_proto.h).
#include "server.h"

#include "log.h"
#include "pci_config.h"
#include "sim_top.h"
#include "tonic_regs.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

static_assert(sizeof(tonic_sim_msg) == 40, "sim_proto.h message layout");

Server::~Server() { close_all(); }

static bool fill_addr(const std::string &path, sockaddr_un &a)
{
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    if (path.size() >= sizeof a.sun_path)
        return false;
    memcpy(a.sun_path, path.c_str(), path.size() + 1);
    return true;
}

bool Server::listen(const std::string &path, std::string &err, const std::function<bool(std::string &)> &publish)
{
    sockaddr_un a;
    if (!fill_addr(path, a)) {
        err = "socket path '" + path + "' is too long";
        return false;
    }
    size_t slash = path.rfind('/');
    if (slash != std::string::npos && slash > 0 && !make_dirs(path.substr(0, slash))) {
        err = "cannot create directory for socket '" + path + "': " + strerror(errno);
        return false;
    }
    struct stat st;
    if (lstat(path.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            err = "socket path '" + path + "' exists and is not a socket";
            return false;
        }
        int probe = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
        bool live = probe >= 0 && connect(probe, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
        if (probe >= 0)
            close(probe);
        if (live) {
            err = "socket path '" + path + "' is in use by a live simulator";
            return false;
        }
        unlink(path.c_str()); // stale: its simulator is gone
    }
    if (publish && !publish(err))
        return false;
    listen_fd_ = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 ||
        ::listen(listen_fd_, 16) != 0) {
        err = "cannot listen on '" + path + "': " + strerror(errno);
        if (listen_fd_ >= 0)
            close(listen_fd_);
        listen_fd_ = -1;
        return false;
    }
    path_ = path;
    return true;
}

void Server::close_all()
{
    for (auto &kv : clients_) {
        if (kv.second.fd >= 0)
            close(kv.second.fd);
        mem_.remove_owner(kv.first);
    }
    clients_.clear();
    if (listen_fd_ >= 0) {
        close(listen_fd_);
        listen_fd_ = -1;
        unlink(path_.c_str());
    }
}

void Server::poll_fds(std::vector<pollfd> &fds) const
{
    if (listen_fd_ >= 0)
        fds.push_back(pollfd{listen_fd_, POLLIN, 0});
    for (const auto &kv : clients_)
        if (!kv.second.dead)
            fds.push_back(pollfd{kv.second.fd, static_cast<short>(POLLIN | (kv.second.out.empty() ? 0 : POLLOUT)), 0});
}

void Server::drop(uint64_t id, Client &c, const char *why)
{
    if (c.dead)
        return;
    sim_info("client %llu %s; dropped", static_cast<unsigned long long>(id), why);
    close(c.fd);
    c.fd = -1;
    c.dead = true;
    c.out.clear();
    mem_.remove_owner(id); // from now on DMA into its regions faults
}

void Server::reap()
{
    for (auto it = clients_.begin(); it != clients_.end();)
        it = it->second.dead ? clients_.erase(it) : std::next(it);
}

void Server::flush(uint64_t id, Client &c)
{
    while (!c.dead && !c.out.empty()) {
        ssize_t n = ::send(c.fd, &c.out.front(), sizeof(tonic_sim_msg), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n == static_cast<ssize_t>(sizeof(tonic_sim_msg))) {
            c.out.pop_front();
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            return;
        } else {
            drop(id, c, "closed its socket");
        }
    }
}

void Server::send(uint64_t id, const tonic_sim_msg &m)
{
    auto it = clients_.find(id);
    if (it == clients_.end() || it->second.dead)
        return; // the client left; its reply goes nowhere
    Client &c = it->second;
    if (c.out.size() >= kMaxQueued) {
        drop(id, c, "is not reading its socket");
        return;
    }
    c.out.push_back(m);
    flush(id, c);
}

void Server::irq(uint8_t vector)
{
    st_.irqs_sent++;
    tonic_sim_msg m{};
    m.type = TONIC_SIM_IRQ;
    m.addr = vector;
    for (auto &kv : clients_)
        send(kv.first, m);
}

void Server::accept_all()
{
    for (;;) {
        int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        if (clients_.size() >= kMaxClients) {
            sim_warn("refusing a client: %zu already attached", clients_.size());
            close(fd);
            continue;
        }
        uint64_t id = next_id_++;
        clients_.emplace(id, Client{fd, {}, false});
        st_.clients_total++;
        sim_info("client %llu attached", static_cast<unsigned long long>(id));
    }
}

static tonic_sim_msg reply_to(const tonic_sim_msg &m, uint32_t status)
{
    tonic_sim_msg r{};
    r.type = m.type;
    r.status = status;
    r.seq = m.seq;
    r.addr = m.addr;
    r.len = m.len;
    return r;
}

// A legal BAR0 register access: 4 bytes, 32-bit aligned, inside BAR0.
static bool mmio_ok(const tonic_sim_msg &m)
{
    return m.len == 4 && (m.addr & 3u) == 0 && m.addr < TONIC_BAR0_SIZE;
}

void Server::handle(uint64_t id, Client &c, const tonic_sim_msg &m, int *fds, int nfds)
{
    if (m.type != TONIC_SIM_MEM_ADD && nfds > 0) {
        for (int i = 0; i < nfds; i++)
            close(fds[i]);
        drop(id, c, "sent file descriptors with a message other than MEM_ADD");
        return;
    }
    switch (m.type) {
    case TONIC_SIM_HELLO: {
        tonic_sim_msg r = reply_to(m, m.addr == TONIC_SIM_PROTO_VERSION ? TONIC_SIM_OK : TONIC_SIM_EINVAL);
        if (r.status)
            sim_info("client %llu speaks protocol version %llu, not %u", static_cast<unsigned long long>(id),
                     static_cast<unsigned long long>(m.addr), TONIC_SIM_PROTO_VERSION);
        r.addr = TONIC_SIM_PROTO_VERSION;
        r.data = TONIC_BAR0_SIZE;
        r.aux = kSimClockHz;
        r.len = TONIC_NUM_IRQ;
        send(id, r);
        break;
    }
    case TONIC_SIM_MEM_ADD: {
        tonic_sim_msg r = reply_to(m, TONIC_SIM_EINVAL);
        if (nfds != 1) {
            for (int i = 0; i < nfds; i++)
                close(fds[i]);
            sim_info("client %llu: MEM_ADD with %d file descriptors, not 1", static_cast<unsigned long long>(id),
                     nfds);
        } else {
            uint64_t dma = 0;
            r.status = mem_.add(fds[0], m.data, id, &dma);
            r.addr = r.status == TONIC_SIM_OK ? dma : 0;
            r.data = m.data;
        }
        send(id, r);
        break;
    }
    case TONIC_SIM_MMIO_RD:
        if (!mmio_ok(m)) {
            st_.mmio_einval++;
            sim_info("client %llu: MMIO read of offset 0x%llx, %u bytes: EINVAL", static_cast<unsigned long long>(id),
                     static_cast<unsigned long long>(m.addr), m.len);
            send(id, reply_to(m, TONIC_SIM_EINVAL));
            break;
        }
        st_.mmio_reads++;
        mmio_.read(static_cast<uint32_t>(m.addr), [this, id, m](uint32_t v) {
            tonic_sim_msg r = reply_to(m, TONIC_SIM_OK);
            r.data = v;
            send(id, r);
        });
        break;
    case TONIC_SIM_MMIO_WR:
        if (!mmio_ok(m)) {
            st_.mmio_einval++;
            sim_info("client %llu: MMIO write of offset 0x%llx, %u bytes: ignored",
                     static_cast<unsigned long long>(id), static_cast<unsigned long long>(m.addr), m.len);
            break;
        }
        st_.mmio_writes++;
        mmio_.write(static_cast<uint32_t>(m.addr), static_cast<uint32_t>(m.data));
        break;
    case TONIC_SIM_INFO:
        // In order with this client's read replies: answered when earlier MMIO has completed.
        mmio_.marker([this, id, m](uint32_t) {
            tonic_sim_msg r = reply_to(m, TONIC_SIM_OK);
            r.addr = cycles_();
            r.data = faults_();
            send(id, r);
        });
        break;
    default:
        sim_info("client %llu sent message type %u", static_cast<unsigned long long>(id), m.type);
        drop(id, c, "sent a message that is not a driver request");
        break;
    }
}

void Server::read_client(uint64_t id, Client &c)
{
    for (int budget = 0; budget < 256 && !c.dead; budget++) {
        tonic_sim_msg m;
        iovec iov{&m, sizeof m};
        alignas(cmsghdr) char cbuf[CMSG_SPACE(sizeof(int) * 8)];
        msghdr h{};
        h.msg_iov = &iov;
        h.msg_iovlen = 1;
        h.msg_control = cbuf;
        h.msg_controllen = sizeof cbuf;
        ssize_t n = recvmsg(c.fd, &h, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return;
            drop(id, c, "had a socket error");
            return;
        }
        int fds[8];
        int nfds = 0;
        for (cmsghdr *cm = CMSG_FIRSTHDR(&h); cm; cm = CMSG_NXTHDR(&h, cm)) {
            if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
                continue;
            int k = static_cast<int>((cm->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            for (int i = 0; i < k && nfds < 8; i++)
                memcpy(&fds[nfds++], CMSG_DATA(cm) + i * sizeof(int), sizeof(int));
        }
        if (n == 0) {
            for (int i = 0; i < nfds; i++)
                close(fds[i]);
            drop(id, c, "disconnected");
            return;
        }
        if (n != static_cast<ssize_t>(sizeof m) || (h.msg_flags & (MSG_TRUNC | MSG_CTRUNC))) {
            for (int i = 0; i < nfds; i++)
                close(fds[i]);
            sim_info("client %llu sent a %zd-byte message (expected %zu)", static_cast<unsigned long long>(id), n,
                     sizeof m);
            drop(id, c, "sent a malformed message");
            return;
        }
        handle(id, c, m, fds, nfds);
    }
}

void Server::service()
{
    if (listen_fd_ < 0)
        return;
    accept_all();
    for (auto &kv : clients_) {
        if (!kv.second.out.empty())
            flush(kv.first, kv.second);
        read_client(kv.first, kv.second);
    }
    reap();
}
