/* SPDX-License-Identifier: MIT */
/* names.c — printable names for block types, status codes and statistics counters, all taken
 * from the generated register map so that a new counter or code needs no edit here. */
#include "regs.h"

static const char *const stat_names[TONIC_STATS_NUM] = TONIC_STATS_NAMES;

const char *tonic_block_name(uint32_t type)
{
    switch (type) {
    case TONIC_BLK_IDENT: return "IDENT";
    case TONIC_BLK_CAPS: return "CAPS";
    case TONIC_BLK_CONFIG: return "CONFIG";
    case TONIC_BLK_CTRL: return "CTRL";
    case TONIC_BLK_STATS: return "STATS";
    case TONIC_BLK_TXQ: return "TXQ";
    case TONIC_BLK_RXQ: return "RXQ";
    case TONIC_BLK_MBOX: return "MBOX";
    case TONIC_BLK_FW: return "FW";
    default: return "unknown";
    }
}

const char *tonic_tx_status_name(unsigned status)
{
    switch (status) {
    case TONIC_TX_ST_OK: return "OK";
    case TONIC_TX_ST_ZERO_LEN: return "ZERO_LEN";
    case TONIC_TX_ST_TOO_LONG: return "TOO_LONG";
    case TONIC_TX_ST_TOO_MANY: return "TOO_MANY";
    case TONIC_TX_ST_DMA_ERR: return "DMA_ERR";
    default: return "?";
    }
}

const char *tonic_rx_status_name(unsigned status)
{
    switch (status) {
    case TONIC_RX_ST_OK: return "OK";
    case TONIC_RX_ST_BAD_DESC: return "BAD_DESC";
    case TONIC_RX_ST_DMA_ERR: return "DMA_ERR";
    default: return "?";
    }
}

unsigned tonic_stats_count(void)
{
    return TONIC_STATS_NUM;
}

const char *tonic_stat_name(unsigned i)
{
    return i < TONIC_STATS_NUM ? stat_names[i] : NULL;
}
