// SPDX-License-Identifier: MIT
// host_mem.h — simulated host memory and the IOMMU in front of it.
//
// "Host memory" is the set of shared-memory regions the attached drivers registered (MEM_ADD,
// sim_proto.h). Region k (counting every registration since start, never reused) appears to the
// device at DMA address TONIC_SIM_DMA_BASE + k * TONIC_SIM_DMA_STRIDE, so a stale address from a
// driver that left can never reach a newer region. translate() is the IOMMU: an access is allowed
// only if it lies entirely inside one live region; the caller turns a refusal into AXI DECERR.
#ifndef TONIC_SIM_HOST_MEM_H
#define TONIC_SIM_HOST_MEM_H

#include <cstddef>
#include <cstdint>
#include <vector>

class HostMem {
public:
    HostMem() = default;
    HostMem(const HostMem &) = delete;
    HostMem &operator=(const HostMem &) = delete;
    ~HostMem();

    // Maps fd (a memfd of at least size bytes) shared for owner. Always closes fd. Returns a
    // TONIC_SIM_* status; on TONIC_SIM_OK *dma is the DMA address of byte 0.
    uint32_t add(int fd, uint64_t size, uint64_t owner, uint64_t *dma);
    // Unmaps every region of owner (a driver that disconnected).
    void remove_owner(uint64_t owner);
    // Host pointer for [addr, addr + len) if it lies inside one region, else nullptr.
    uint8_t *translate(uint64_t addr, uint64_t len)
    {
        if (last_ < regions_.size() && inside(regions_[last_], addr, len))
            return regions_[last_].ptr + (addr - regions_[last_].dma);
        for (size_t i = 0; i < regions_.size(); i++) {
            if (inside(regions_[i], addr, len)) {
                last_ = i;
                return regions_[i].ptr + (addr - regions_[i].dma);
            }
        }
        return nullptr;
    }
    size_t count() const { return regions_.size(); }

private:
    struct Region {
        uint64_t dma;
        uint64_t size;
        uint8_t *ptr;
        uint64_t owner;
    };
    static bool inside(const Region &r, uint64_t addr, uint64_t len)
    {
        return addr >= r.dma && addr - r.dma <= r.size && len <= r.size - (addr - r.dma);
    }
    std::vector<Region> regions_;
    uint64_t next_index_ = 0;
    size_t last_ = 0;
};

#endif // TONIC_SIM_HOST_MEM_H
