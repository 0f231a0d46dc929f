// SPDX-License-Identifier: MIT
// wire_pcap.cpp — a wire port made of two capture files.
//
// Frames of IN (libpcap, link type Ethernet, no FCS) are injected in file order, as they are:
// no padding, so runts and frames over MAX_FRAME reach the MAC and must be dropped and counted
// there. Transmitted frames are appended to OUT with the simulated time of their last beat as
// timestamp (so OUT is deterministic) and flushed after each frame, so a reader sees them live.
#include "log.h"
#include "sim_top.h"
#include "wire_port.h"

#include <pcap/pcap.h>

namespace {

class PcapPort : public WirePort {
public:
    ~PcapPort() override
    {
        if (in_)
            pcap_close(in_);
        if (dumper_)
            pcap_dump_close(dumper_);
        if (dead_)
            pcap_close(dead_);
    }

    bool open(const std::string &in, const std::string &out, std::string &err)
    {
        char ebuf[PCAP_ERRBUF_SIZE] = "";
        if (!in.empty()) {
            in_ = pcap_open_offline(in.c_str(), ebuf);
            if (!in_) {
                err = "cannot read pcap file '" + in + "': " + ebuf;
                return false;
            }
            if (pcap_datalink(in_) != DLT_EN10MB) {
                err = "pcap file '" + in + "' is not Ethernet (link type " + std::to_string(pcap_datalink(in_)) + ")";
                return false;
            }
        }
        if (!out.empty()) {
            dead_ = pcap_open_dead(DLT_EN10MB, 262144);
            dumper_ = dead_ ? pcap_dump_open(dead_, out.c_str()) : nullptr;
            if (!dumper_) {
                err = "cannot write pcap file '" + out + "': " + (dead_ ? pcap_geterr(dead_) : "out of memory");
                return false;
            }
            pcap_dump_flush(dumper_);
        }
        return true;
    }

    bool rx_ready() override { return in_ != nullptr; }

    bool next_rx(std::vector<uint8_t> &frame) override
    {
        if (!in_)
            return false;
        pcap_pkthdr *h;
        const u_char *data;
        int r = pcap_next_ex(in_, &h, &data);
        if (r != 1) {
            if (r != PCAP_ERROR_BREAK)
                sim_warn("pcap input: %s; no more frames", pcap_geterr(in_));
            sim_info("pcap input: all %llu frames injected", static_cast<unsigned long long>(frames_));
            pcap_close(in_);
            in_ = nullptr;
            return false;
        }
        if (h->caplen < h->len && !warned_truncated_) {
            sim_warn("pcap input: frame %llu was captured truncated (%u of %u bytes); injecting what was captured",
                     static_cast<unsigned long long>(frames_ + 1), h->caplen, h->len);
            warned_truncated_ = true;
        }
        frame.assign(data, data + h->caplen);
        frames_++;
        return true;
    }

    bool has_source() const override { return in_ != nullptr; }

    void tx(const uint8_t *frame, size_t len, uint64_t cycle) override
    {
        if (!dumper_)
            return;
        uint64_t ns = cycle * 1000000000ull / kSimClockHz;
        pcap_pkthdr h{};
        h.ts.tv_sec = static_cast<time_t>(ns / 1000000000ull);
        h.ts.tv_usec = static_cast<suseconds_t>((ns % 1000000000ull) / 1000u);
        h.caplen = h.len = static_cast<bpf_u_int32>(len);
        pcap_dump(reinterpret_cast<u_char *>(dumper_), &h, frame);
        pcap_dump_flush(dumper_);
    }

private:
    pcap_t *in_ = nullptr;
    pcap_t *dead_ = nullptr;
    pcap_dumper_t *dumper_ = nullptr;
    uint64_t frames_ = 0;
    bool warned_truncated_ = false;
};

} // namespace

std::unique_ptr<WirePort> open_pcap_port(const std::string &in, const std::string &out, std::string &err)
{
    auto p = std::make_unique<PcapPort>();
    if (!p->open(in, out, err))
        return nullptr;
    return p;
}
