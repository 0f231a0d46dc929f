// SPDX-License-Identifier: MIT
// host_mem.cpp — registration and removal of shared-memory regions (see host_mem.h).
#include "host_mem.h"

#include "log.h"
#include "tonic/sim_proto.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

HostMem::~HostMem()
{
    for (const Region &r : regions_)
        munmap(r.ptr, r.size);
}

uint32_t HostMem::add(int fd, uint64_t size, uint64_t owner, uint64_t *dma)
{
    struct stat st;
    if (size == 0 || size > TONIC_SIM_DMA_STRIDE || fstat(fd, &st) != 0 ||
        static_cast<uint64_t>(st.st_size) < size) {
        sim_info("client %llu: MEM_ADD of %llu bytes refused (size 0, over 4 GiB, or larger than the fd)",
                 static_cast<unsigned long long>(owner), static_cast<unsigned long long>(size));
        close(fd);
        return TONIC_SIM_EINVAL;
    }
    if (regions_.size() >= TONIC_SIM_MAX_REGIONS) {
        close(fd);
        return TONIC_SIM_ENOMEM;
    }
    void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    int e = errno;
    close(fd);
    if (p == MAP_FAILED) {
        sim_warn("client %llu: mmap of %llu bytes failed: %s", static_cast<unsigned long long>(owner),
                 static_cast<unsigned long long>(size), strerror(e));
        return TONIC_SIM_EINVAL;
    }
    Region r{TONIC_SIM_DMA_BASE + next_index_ * TONIC_SIM_DMA_STRIDE, size, static_cast<uint8_t *>(p), owner};
    next_index_++;
    regions_.push_back(r);
    *dma = r.dma;
    sim_info("client %llu: region of %llu bytes at DMA address 0x%llx", static_cast<unsigned long long>(owner),
             static_cast<unsigned long long>(size), static_cast<unsigned long long>(r.dma));
    return TONIC_SIM_OK;
}

void HostMem::remove_owner(uint64_t owner)
{
    for (size_t i = 0; i < regions_.size();) {
        if (regions_[i].owner == owner) {
            munmap(regions_[i].ptr, regions_[i].size);
            regions_.erase(regions_.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            i++;
        }
    }
    last_ = 0;
}
