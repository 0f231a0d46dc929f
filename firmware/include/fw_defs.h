/* SPDX-License-Identifier: MIT */
/* fw_defs.h — the firmware's names for register-map facts. The values come from the generated
 * tonic_regs.h (rtl/regs/tonic_regs.toml: offload fields, soft-core peripheral fields and
 * constants, PARAMS and SA_PROTO enums); what is defined here is only derived from them, plus the
 * firmware's own choices: payload lengths of the small commands, the SA_LIST page size, and the
 * numbering of request fields for MBOX_ERR.FIELD.
 *
 * Also FW_WORD/FW_LSB/FW_WIDTH, which take apart the generated "word, lsb, width" field triples
 * (e.g. FW_WORD(TONIC_SA_SALT) is the SALT word of the SA format), so no word index is typed twice. */
#ifndef FW_DEFS_H
#define FW_DEFS_H

#include "tonic_regs.h"

#define FW_WORD_(w, l, n) (w)
#define FW_LSB_(w, l, n) (l)
#define FW_WIDTH_(w, l, n) (n)
#define FW_FMAX_(w, l, n) ((1u << (n)) - 1u) /* widths of 1..31 bits */
/* variadic so that a triple already expanded by an enclosing macro still works */
#define FW_WORD(...) FW_WORD_(__VA_ARGS__)
#define FW_LSB(...) FW_LSB_(__VA_ARGS__)
#define FW_WIDTH(...) FW_WIDTH_(__VA_ARGS__)
#define FW_FMAX(...) FW_FMAX_(__VA_ARGS__)                /* the largest value of the field */
#define FW_FMASK_(w, l, n) (((1u << (n)) - 1u) << (l))
#define FW_FMASK(...) FW_FMASK_(__VA_ARGS__)              /* the field's bits in its word */

/* ---- mailbox (docs/mailbox.md, registers.md MBOX_HDR / MBOX_ERR) ---- */
#define FW_HDR_WORDS (TONIC_MBOX_HDR_SIZE / 4u)
#define FW_MBOX_BUF_BYTES TONIC_P_MBOX_BUF_BYTES /* REQ_BUF and RESP_BUF, both sides */
#define FW_MBOX_BUF_WORDS (FW_MBOX_BUF_BYTES / 4u)
#define FW_MBOX_MAX_LEN (FW_MBOX_BUF_BYTES - TONIC_MBOX_HDR_SIZE) /* 504 */
#define FW_MBOX_STATUS_PENDING TONIC_P_MBOX_STATUS_PENDING
#define FW_MBOX_READY_BIT TONIC_P_MBOX_READY_READY
#define FW_ERR_TEXT_BYTES 64u /* MBOX_ERR: 64-byte reason text from word TEXT, NUL-terminated */
#define FW_PROTO_VERSION 1u   /* MBOX_VERSION.PROTO */

/* ---- offload layout (CSUM .. DMA_SG, registers.md CAPS) ---- */
#define FW_OFFLOAD_WORDS (TONIC_OFFLOAD_SIZE / 4u) /* 11 */
#define FW_LSO_V1_IP4 TONIC_CAPS_LSO_V1_IP4
#define FW_LSO_V2_IP4 TONIC_CAPS_LSO_V2_IP4
#define FW_LSO_V2_IP6 TONIC_CAPS_LSO_V2_IP6
#define FW_LSO_ENABLES (FW_LSO_V1_IP4 | FW_LSO_V2_IP4 | FW_LSO_V2_IP6) /* what SET_PARAMS switches */
#define FW_LSO_FEATURES (TONIC_CAPS_LSO_IP6_EXT | TONIC_CAPS_LSO_TCP_OPTS) /* follow CAPS */
#define FW_RSC_IP4 TONIC_CAPS_RSC_IP4
#define FW_RSC_IP6 TONIC_CAPS_RSC_IP6
#define FW_IPSEC_AH TONIC_CAPS_IPSEC_AH
#define FW_IPSEC_ESP TONIC_CAPS_IPSEC_ESP
#define FW_IPSEC_AH_ESP TONIC_CAPS_IPSEC_AH_ESP
#define FW_IPSEC_PROTOS (FW_IPSEC_AH | FW_IPSEC_ESP | FW_IPSEC_AH_ESP)
#define FW_IPSEC_TRANSPORT TONIC_CAPS_IPSEC_TRANSPORT
#define FW_IPSEC_TUNNEL TONIC_CAPS_IPSEC_TUNNEL
#define FW_IPSEC_UDP_ESP TONIC_CAPS_IPSEC_UDP_ESP
#define FW_IPSEC_ESN TONIC_CAPS_IPSEC_ESN
#define FW_IPSEC_LSO TONIC_CAPS_IPSEC_LSO
#define FW_IPSEC_REPLAY TONIC_CAPS_IPSEC_REPLAY

/* ---- SA (registers.md SA format and SATBL peripheral) ---- */
#define FW_SA_PROTO_AH TONIC_SA_PROTO_AH
#define FW_SA_PROTO_ESP TONIC_SA_PROTO_ESP
#define FW_SA_PROTO_AH_ESP TONIC_SA_PROTO_AH_ESP
#define FW_SATBL_ENTRIES TONIC_P_SATBL_ENTRIES
#define FW_SATBL_ENTRY_WORDS (TONIC_P_SATBL_ENTRY_BYTES / 4u)
#define FW_SATBL_HASH_BITS TONIC_P_SATBL_HASH_BITS
#define FW_SATBL_META_VALID TONIC_P_SATBL_META_VALID
#define FW_SATBL_META_AF TONIC_P_SATBL_META_AF /* 1: IPv6 */
#define FW_SATBL_META_PROTO_LSB TONIC_P_SATBL_META_PROTO_SHIFT
#define FW_SATBL_META_DIR TONIC_P_SATBL_META_DIR /* 1: outbound */
#define FW_SATBL_META_TOMB TONIC_P_SATBL_META_TOMB
#define FW_SA_HASH_MUL TONIC_P_SATBL_HASH_MUL
#define FW_KEY_SLOT_WORDS TONIC_P_KEYS_SLOT_WORDS
#define FW_KEY_ENC_WORD TONIC_P_KEYS_ENC_WORD   /* cipher key: slot words 0-7 */
#define FW_KEY_AUTH_WORD TONIC_P_KEYS_AUTH_WORD /* authentication key: slot words 8-15 */
#define FW_KEY_SALT_WORD TONIC_P_KEYS_SALT_WORD /* salt; the rest of the slot is zero */
#define FW_KEY_MAX_WORDS 8u   /* 32-byte key fields of the SA format */
#define FW_SA_LIST_MAX 15u    /* SA_INFO entries per SA_LIST response */

/* payload lengths of the requests without a generated format (registers.md MBOX_CMD) */
#define FW_SA_UPDATE_LEN 8u /* HANDLE, ESN_HI */
#define FW_SA_DEL_LEN 4u    /* HANDLE */
#define FW_SA_LIST_LEN 4u   /* START */
#define FW_STATS_WORDS 5u   /* STATS response: REQUESTS, ERRORS, SA_COUNT, SA_ADDS, SA_DELS */

/* PARAMS field values (registers.md PARAMS): 0 = no change in every field */
#define FW_PV_NOCHANGE TONIC_PARAMS_CSUM_NOCHANGE
#define FW_PV_CSUM_OFF TONIC_PARAMS_CSUM_OFF /* checksum fields */
#define FW_PV_CSUM_TX TONIC_PARAMS_CSUM_TX
#define FW_PV_CSUM_RX TONIC_PARAMS_CSUM_RX
#define FW_PV_CSUM_TXRX TONIC_PARAMS_CSUM_TXRX
#define FW_PV_DISABLE TONIC_PARAMS_ONOFF_DISABLE /* LSO1_4 .. ENCAP */
#define FW_PV_ENABLE TONIC_PARAMS_ONOFF_ENABLE
#define FW_PV_IPSEC_OFF TONIC_PARAMS_IPSEC_OFF /* IPSEC */
#define FW_PV_IPSEC_AH TONIC_PARAMS_IPSEC_AH
#define FW_PV_IPSEC_ESP TONIC_PARAMS_IPSEC_ESP
#define FW_PV_IPSEC_AH_ESP TONIC_PARAMS_IPSEC_AH_ESP

/* MBOX_ERR.FIELD numbers of the PARAMS format: table order, 1 = CSUM_IP4 ... 12 = IPSEC */
enum fw_params_field {
    FW_PF_CSUM_IP4 = 1, FW_PF_CSUM_TCP4, FW_PF_CSUM_UDP4, FW_PF_CSUM_TCP6, FW_PF_CSUM_UDP6,
    FW_PF_LSO1_4, FW_PF_LSO2_4, FW_PF_LSO2_6, FW_PF_RSC4, FW_PF_RSC6, FW_PF_ENCAP, FW_PF_IPSEC,
    FW_PF_COUNT = FW_PF_IPSEC
};

/* MBOX_ERR.FIELD numbers of the SA format: the fields in the order of registers.md, 1 = DIR */
enum fw_sa_field {
    FW_SF_DIR = 1, FW_SF_AF, FW_SF_PROTO, FW_SF_TUNNEL, FW_SF_ESN, FW_SF_UDP_ENCAP, FW_SF_REPLAY,
    FW_SF_SPI, FW_SF_ENC_ALG, FW_SF_AUTH_ALG, FW_SF_ICV_LEN, FW_SF_ENC_KEY_LEN, FW_SF_ESN_HI,
    FW_SF_SRC, FW_SF_DST, FW_SF_UDP_SPORT, FW_SF_UDP_DPORT, FW_SF_AUTH_KEY_LEN, FW_SF_SALT,
    FW_SF_ENC_KEY, FW_SF_AUTH_KEY
};

/* MBOX_ERR.FIELD numbers of the small requests without a generated format: their words in order */
#define FW_XF_HANDLE 1u /* SA_UPDATE, SA_DEL */
#define FW_XF_ESN_HI 2u /* SA_UPDATE */
#define FW_XF_START 1u  /* SA_LIST */

#endif /* FW_DEFS_H */
