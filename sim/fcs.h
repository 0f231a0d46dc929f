// SPDX-License-Identifier: MIT
// fcs.h — the Ethernet frame check sequence (IEEE 802.3 CRC-32).
//
// Frames from pcap files and TAP devices carry no FCS; the port models append one before injecting
// them into the MAC, and check and strip the one the MAC appends to transmitted frames. The FCS is
// the CRC-32 (reflected polynomial 0xEDB88320, initial value and final XOR all ones) of the frame,
// sent least significant byte first.
#ifndef TONIC_SIM_FCS_H
#define TONIC_SIM_FCS_H

#include <cstddef>
#include <cstdint>

uint32_t fcs_compute(const uint8_t *data, size_t len);
// Appends the 4 FCS bytes of data[0..len) at data[len..len+4).
void fcs_append(uint8_t *data, size_t len);
// True if the last 4 bytes of data[0..len) are the FCS of the bytes before them (len >= 4).
bool fcs_check(const uint8_t *data, size_t len);

#endif // TONIC_SIM_FCS_H
