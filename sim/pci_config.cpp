// SPDX-License-Identifier: MIT
// pci_config.cpp — config-space dump for libpci and the registry of running simulators
// (see pci_config.h). The dump format is what pciutils' lib/dump.c parses: a line starting with
// the slot ("00:00.0 "), then lines "OO: xx xx ..." of 16 bytes each.
#include "pci_config.h"

#include "tonic_regs.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

static void put16(uint8_t *c, unsigned off, uint32_t v)
{
    c[off] = static_cast<uint8_t>(v);
    c[off + 1] = static_cast<uint8_t>(v >> 8);
}

static void put32(uint8_t *c, unsigned off, uint32_t v)
{
    put16(c, off, v & 0xFFFFu);
    put16(c, off + 2, v >> 16);
}

bool pci_publish(const std::string &path, std::string &err)
{
    static_assert((kSimBar0Address & (TONIC_BAR0_SIZE - 1)) == 0, "BAR0 must be aligned to its size");
    uint8_t c[256] = {};
    put16(c, 0x00, TONIC_VENDOR_ID);
    put16(c, 0x02, TONIC_DEVICE_ID);
    put16(c, 0x04, 0x0006);                          // command: memory space + bus master
    put16(c, 0x06, 0x0000);                          // status
    c[0x08] = static_cast<uint8_t>(TONIC_HW_VERSION); // revision: patch level
    c[0x09] = static_cast<uint8_t>(TONIC_CLASS_CODE);       // programming interface
    c[0x0A] = static_cast<uint8_t>(TONIC_CLASS_CODE >> 8);  // subclass (Ethernet)
    c[0x0B] = static_cast<uint8_t>(TONIC_CLASS_CODE >> 16); // class (network)
    c[0x0E] = 0x00;                                  // header type 0, single function
    // BAR0: 64-bit (type 10b in bits 2:1), non-prefetchable memory
    put32(c, 0x10, static_cast<uint32_t>(kSimBar0Address) | 0x4u);
    put32(c, 0x14, static_cast<uint32_t>(kSimBar0Address >> 32));
    put16(c, 0x2C, TONIC_VENDOR_ID);                 // subsystem vendor
    put16(c, 0x2E, 0x0001);                          // subsystem: the simulator
    // interrupt line/pin 0: no legacy INTx, interrupts are MSI-X style messages

    std::string tmp = path + ".tmp";
    FILE *f = fopen(tmp.c_str(), "w");
    if (!f) {
        err = "cannot write '" + tmp + "': " + strerror(errno);
        return false;
    }
    fprintf(f, "00:00.0 Ethernet controller: tonic simulated NIC\n");
    for (unsigned r = 0; r < 256; r += 16) {
        fprintf(f, "%02x:", r);
        for (unsigned i = 0; i < 16; i++)
            fprintf(f, " %02x", c[r + i]);
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
    if (fclose(f) != 0 || rename(tmp.c_str(), path.c_str()) != 0) {
        err = "cannot write '" + path + "': " + strerror(errno);
        unlink(tmp.c_str());
        return false;
    }
    return true;
}

bool make_dirs(const std::string &dir)
{
    for (size_t i = 1; i <= dir.size(); i++) {
        if (i == dir.size() || dir[i] == '/') {
            std::string part = dir.substr(0, i);
            if (mkdir(part.c_str(), 0777) != 0 && errno != EEXIST)
                return false;
        }
    }
    return true;
}

static void sweep_stale(const std::string &dir)
{
    DIR *d = opendir(dir.c_str());
    if (!d)
        return;
    while (dirent *e = readdir(d)) {
        if (strncmp(e->d_name, "sim-", 4) != 0)
            continue;
        char *end = nullptr;
        long pid = strtol(e->d_name + 4, &end, 10);
        if (pid <= 0 || *end)
            continue;
        if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            unlink((dir + "/" + e->d_name).c_str());
    }
    closedir(d);
}

bool registry_add(const std::string &dir, const std::string &socket_abs, std::string *entry, std::string &err)
{
    if (!make_dirs(dir)) {
        err = "cannot create registry directory '" + dir + "': " + strerror(errno);
        return false;
    }
    sweep_stale(dir);
    *entry = dir + "/sim-" + std::to_string(getpid());
    unlink(entry->c_str());
    if (symlink(socket_abs.c_str(), entry->c_str()) != 0) {
        err = "cannot create registry entry '" + *entry + "': " + strerror(errno);
        return false;
    }
    return true;
}
