// SPDX-License-Identifier: MIT
// wire_tap.cpp — a wire port onto a Linux TAP interface (/dev/net/tun, IFF_TAP | IFF_NO_PI).
//
// The simulated wire is the TAP's link: frames the kernel sends out of the interface are injected
// into the MAC, frames the MAC transmits are written to the interface. Like a peer NIC, short
// frames from the kernel are padded to 60 bytes before the FCS is added; longer ones (even past
// MAX_FRAME) are injected as they are. Until an RX queue is enabled, input is read and discarded
// (counted), as a wire without link would. The descriptor is non-blocking: a frame the kernel
// cannot take is dropped and counted. Bring the interface up yourself (ip link set IFNAME up).
#include "log.h"
#include "wire_port.h"

#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>

namespace {

class TapPort : public WirePort {
public:
    ~TapPort() override
    {
        if (fd_ >= 0)
            close(fd_);
    }

    bool open(const std::string &ifname, std::string &err)
    {
        fd_ = ::open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd_ < 0) {
            err = std::string("cannot open /dev/net/tun: ") + strerror(errno);
            return false;
        }
        ifreq ifr{};
        ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
        strncpy(ifr.ifr_name, ifname.c_str(), IFNAMSIZ - 1);
        if (ioctl(fd_, TUNSETIFF, &ifr) < 0) {
            err = "cannot create TAP interface '" + ifname + "': " + strerror(errno);
            return false;
        }
        name_ = ifr.ifr_name;
        return true;
    }

    bool rx_ready() override { return !q_.empty(); }

    bool next_rx(std::vector<uint8_t> &frame) override
    {
        if (q_.empty())
            return false;
        frame.swap(q_.front());
        q_.pop_front();
        return true;
    }

    bool has_source() const override { return true; }
    int fd() const override { return fd_; }

    void service(bool inject_enabled) override
    {
        while (q_.size() < kMaxQueued) {
            ssize_t n = read(fd_, buf_, sizeof buf_);
            if (n < 0) {
                if (errno != EAGAIN && errno != EINTR && rd_err_log_.allow())
                    sim_warn("TAP %s: read: %s", name_.c_str(), strerror(errno));
                return;
            }
            if (!inject_enabled) {
                st_.rx_dropped++;
                continue;
            }
            size_t len = static_cast<size_t>(n) < 60 ? 60 : static_cast<size_t>(n);
            std::vector<uint8_t> f(len, 0);
            memcpy(f.data(), buf_, static_cast<size_t>(n));
            q_.push_back(std::move(f));
        }
    }

    void tx(const uint8_t *frame, size_t len, uint64_t cycle) override
    {
        (void)cycle;
        if (write(fd_, frame, len) != static_cast<ssize_t>(len)) {
            st_.tx_dropped++;
            if (wr_err_log_.allow())
                sim_info("TAP %s: transmitted frame of %zu bytes dropped: %s", name_.c_str(), len,
                         strerror(errno));
        }
    }

private:
    static constexpr size_t kMaxQueued = 256;
    int fd_ = -1;
    std::string name_;
    std::deque<std::vector<uint8_t>> q_;
    uint8_t buf_[65536 + 64];
    RateLimit rd_err_log_, wr_err_log_;
};

} // namespace

std::unique_ptr<WirePort> open_tap_port(const std::string &ifname, std::string &err)
{
    auto p = std::make_unique<TapPort>();
    if (!p->open(ifname, err))
        return nullptr;
    return p;
}
