// SPDX-License-Identifier: MIT
// sim_top.h — names the Verilated device model the harness drives.
//
// The harness sources are compiled once per device model: tonic-sim against the real `tonic_nic`
// and the test simulator against tests/sim/sim_test_dev.v, which has the same ports. The build
// passes the Verilated class name as TONIC_SIM_TOP (e.g. Vtonic_nic); this header includes its
// header and calls it SimTop, so no other file names the model.
#ifndef TONIC_SIM_TOP_H
#define TONIC_SIM_TOP_H

#ifndef TONIC_SIM_TOP
#error "TONIC_SIM_TOP must name the Verilated top class, e.g. -DTONIC_SIM_TOP=Vtonic_nic"
#endif

#define TONIC_SIM_STR_(x) #x
#define TONIC_SIM_STR(x) TONIC_SIM_STR_(x)
#include TONIC_SIM_STR(TONIC_SIM_TOP.h)

using SimTop = TONIC_SIM_TOP;

// Nominal core clock (docs/nic_ports.md): 156.25 MHz, 8 bytes a cycle = 10 Gb/s.
constexpr unsigned long long kSimClockHz = 156250000ull;

#endif // TONIC_SIM_TOP_H
