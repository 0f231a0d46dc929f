// SPDX-License-Identifier: MIT
// pci_config.h — how drivers find a running simulator: PCI config space and a registry entry.
//
// The driver enumerates devices with libpci on hardware and in simulation alike. For the simulator
// that is libpci's "dump" access method (lspci -F FILE): PATH.pci, next to the socket PATH, holds
// the device's 256-byte type-0 config header as `lspci -x` prints it, for bus address 00:00.0.
// Every running simulator also gets a symlink sim-<pid> -> its absolute socket path in the
// registry directory (${TONIC_SIM_DIR:-/tmp/tonic-sim}), so tools can list them; entries whose
// process is gone are swept when a simulator starts.
#ifndef TONIC_SIM_PCI_CONFIG_H
#define TONIC_SIM_PCI_CONFIG_H

#include <cstdint>
#include <string>

// Fake bus address of BAR0 in the published config space (the driver maps BAR0 over the socket).
constexpr uint64_t kSimBar0Address = 0x00000000F0000000ull;
constexpr const char *kSimPciSlot = "0000:00:00.0";

// mkdir -p.
bool make_dirs(const std::string &dir);

// Writes the config space dump to path (atomically: a temporary file renamed into place).
bool pci_publish(const std::string &path, std::string &err);

// Creates dir if needed, removes stale sim-<pid> entries, adds sim-<getpid()> -> socket_abs.
// Returns the entry's path in *entry.
bool registry_add(const std::string &dir, const std::string &socket_abs, std::string *entry, std::string &err);

#endif // TONIC_SIM_PCI_CONFIG_H
