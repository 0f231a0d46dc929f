// SPDX-License-Identifier: MIT
// fcs.cpp — table-driven CRC-32 for the Ethernet FCS (see fcs.h).
#include "fcs.h"

namespace {
struct Table {
    uint32_t t[256];
    Table()
    {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
            t[i] = c;
        }
    }
};
const Table kTable;
} // namespace

uint32_t fcs_compute(const uint8_t *data, size_t len)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++)
        c = kTable.t[(c ^ data[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void fcs_append(uint8_t *data, size_t len)
{
    uint32_t f = fcs_compute(data, len);
    for (int i = 0; i < 4; i++)
        data[len + i] = static_cast<uint8_t>(f >> (8 * i));
}

bool fcs_check(const uint8_t *data, size_t len)
{
    if (len < 4)
        return false;
    uint32_t f = fcs_compute(data, len - 4);
    for (int i = 0; i < 4; i++)
        if (data[len - 4 + i] != static_cast<uint8_t>(f >> (8 * i)))
            return false;
    return true;
}
