/* SPDX-License-Identifier: MIT */
/* offload.h — capabilities and offload configuration (docs/mailbox.md "Capabilities and
 * configuration", spec §6): the CAPS block published from HWCAP, the CONFIG block the datapath
 * follows, and SET_PARAMS with its checks (range, capability, combining rules), all or nothing.
 * The firmware keeps copies of both blocks in DMEM; the hardware blocks are only written. */
#ifndef FW_OFFLOAD_H
#define FW_OFFLOAD_H

#include <stdint.h>

#include "fwerr.h"

/* layout word indices (OFFLOAD format order) */
enum {
    OFL_CSUM = FW_WORD(TONIC_OFFLOAD_CSUM),
    OFL_LSO = FW_WORD(TONIC_OFFLOAD_LSO),
    OFL_LSO_MAX = FW_WORD(TONIC_OFFLOAD_LSO_MAX),
    OFL_LSO_MIN_SEG = FW_WORD(TONIC_OFFLOAD_LSO_MIN_SEG),
    OFL_RSC = FW_WORD(TONIC_OFFLOAD_RSC),
    OFL_ENCAP = FW_WORD(TONIC_OFFLOAD_ENCAP),
    OFL_ENCAP_MAXHDR = FW_WORD(TONIC_OFFLOAD_ENCAP_MAXHDR),
    OFL_IPSEC = FW_WORD(TONIC_OFFLOAD_IPSEC),
    OFL_IPSEC_ALGS = FW_WORD(TONIC_OFFLOAD_IPSEC_ALGS),
    OFL_IPSEC_SAS = FW_WORD(TONIC_OFFLOAD_IPSEC_SAS),
    OFL_DMA_SG = FW_WORD(TONIC_OFFLOAD_DMA_SG)
};

/* Read HWCAP, publish it unchanged as CAPS, set CONFIG to the start state. */
void offload_init(void);
/* CONFIG back to the start state: all off except DMA_SG = CAPS.DMA_SG (RESET). */
void offload_reset(void);
uint32_t offload_caps(unsigned w);   /* CAPS layout word w */
uint32_t offload_config(unsigned w); /* CONFIG layout word w */
/* SET_PARAMS: p = the two PARAMS words. On OK the new CONFIG is written; otherwise nothing changes
 * and s says why. Returns s->st. */
uint32_t offload_set_params(const uint32_t p[2], struct fw_status *s);

#endif /* FW_OFFLOAD_H */
