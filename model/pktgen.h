/* SPDX-License-Identifier: MIT */
/* pktgen.h — deterministic Ethernet frame generator for the parser/checksum testbenches, the
 * model tests and the benchmarks. A frame is described by a `struct pktgen_spec` (every header
 * combination of issue 4: 0..2 VLAN tags with TPID 0x8100/0x88A8/0x9100, IPv4 with 0..40 bytes of
 * options and fragments, IPv6 with extension chains and fragment headers, AH, TCP with 0..40 bytes
 * of options, UDP and UDP port 4500 (ESP, IKE marker, keepalive), ESP, GRE with any C/K/S and
 * NVGRE carrying an inner Ethernet frame, ARP, ICMP, GRE version 1 ...); pktgen_build() turns a
 * spec into bytes with correct checksums (IPv4 header, TCP/UDP/ICMP with pseudo-header, UDP 0 sent
 * as 0xFFFF, GRE checksum when C is set) unless a corruption is asked for; pktgen_random_spec()
 * draws a spec; pktgen_frame() does both (and sometimes draws a 1..13-byte runt); pktgen_mutate()
 * damages a frame for the malformed campaign.
 *
 * Everything is driven by the generator's own PRNG (xoshiro128**-style, seeded by splitmix64), so
 * a (seed, call sequence) pair gives the same frames on every machine. No global state. */
#ifndef TONIC_PKTGEN_H
#define TONIC_PKTGEN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Largest frame the generator makes (jumbo, no FCS). */
#define PKTGEN_MAX_FRAME 9216u

struct pktgen {
    uint32_t s[4]; /* PRNG state */
};

/* Seeds the PRNG; the same seed gives the same sequence. */
void pktgen_seed(struct pktgen *g, uint64_t seed);
/* Next 32 random bits. */
uint32_t pktgen_rand(struct pktgen *g);
/* Uniform in [0, n) (0 when n is 0). */
uint32_t pktgen_below(struct pktgen *g, uint32_t n);
/* Fills p[0 .. n) with random bytes. */
void pktgen_fill(struct pktgen *g, uint8_t *p, unsigned n);

/* ---- frame description ---- */

enum pktgen_l3 {
    PKTGEN_L3_IP4 = 0,
    PKTGEN_L3_IP6,
    PKTGEN_L3_ARP,   /* ethertype 0x0806 + 28-byte ARP body (only outer/inner Ethernet) */
    PKTGEN_L3_RAW,   /* ethertype spec.ethertype + payload bytes */
};

enum pktgen_l4 {
    PKTGEN_L4_TCP = 0,
    PKTGEN_L4_UDP,
    PKTGEN_L4_ESP,   /* SPI, sequence number, payload bytes */
    PKTGEN_L4_ICMP,  /* ICMP (IPv4) or ICMPv6 (IPv6) echo request */
    PKTGEN_L4_GRE,   /* GRE header (gre_* fields) + inner set; in the inner set: a bare GRE header */
    PKTGEN_L4_RAW,   /* protocol number `proto`, payload bytes */
};

enum pktgen_frag {
    PKTGEN_FRAG_NONE = 0,
    PKTGEN_FRAG_FIRST,  /* MF = 1, offset 0: the L4 header is present */
    PKTGEN_FRAG_MIDDLE, /* MF = 1, offset > 0: payload only */
    PKTGEN_FRAG_LAST,   /* MF = 0, offset > 0: payload only */
    PKTGEN_FRAG_ATOMIC, /* IPv6 only: a fragment header with offset 0 and M = 0 (not a fragment) */
};

enum pktgen_udpx {
    PKTGEN_UDPX_NONE = 0,  /* ports other than 4500, payload bytes */
    PKTGEN_UDPX_ESP,       /* port 4500, non-zero SPI + sequence + payload (≥ 8 bytes after UDP) */
    PKTGEN_UDPX_IKE,       /* port 4500, 4-byte zero non-ESP marker + payload */
    PKTGEN_UDPX_KEEPALIVE, /* port 4500, the single byte 0xFF */
    PKTGEN_UDPX_SHORT,     /* port 4500, 0, 2 or 3 payload bytes, 1 byte ≠ 0xFF or 4..7 bytes with a
                              non-zero first word: "plain" for the parser */
};

/* IPv6 extension header types the generator writes (next-header values). */
#define PKTGEN_EXT_HOP   0
#define PKTGEN_EXT_ROUTE 43
#define PKTGEN_EXT_FRAG  44
#define PKTGEN_EXT_DEST  60
#define PKTGEN_MAX_EXT   8

/* One IP layer and what follows it (outer, or inner after GRE). */
struct pktgen_set {
    uint8_t l3;          /* enum pktgen_l3 */
    uint8_t ip4_opt;     /* IPv4 options, bytes: multiple of 4, 0..40 */
    uint8_t frag;        /* enum pktgen_frag (IPv6: adds a fragment header at the end of the chain) */
    uint8_t n_ext;       /* IPv6 extension headers before AH/L4 (fragment header not counted) */
    uint8_t ext_type[PKTGEN_MAX_EXT]; /* PKTGEN_EXT_HOP / ROUTE / DEST */
    uint8_t ext_len[PKTGEN_MAX_EXT];  /* their lengths in bytes: multiples of 8, 8..248 */
    uint8_t ah_icv;      /* 0: no AH; else AH with this many ICV bytes (multiple of 4; IPv6: 12 + icv
                            is made a multiple of 8 by the caller's choice) */
    uint8_t l4;          /* enum pktgen_l4 */
    uint8_t proto;       /* PKTGEN_L4_RAW: protocol number */
    uint8_t tcp_opt;     /* TCP options, bytes: multiple of 4, 0..40 */
    uint8_t udpx;        /* enum pktgen_udpx */
    uint8_t udp_zero;    /* UDP over IPv4 sent with checksum 0 ("no checksum") */
    uint8_t vlans;       /* VLAN tags in front of this set's ethertype (outer Ethernet, or inner with
                            NVGRE) 0..2 */
    uint16_t tpid[2];    /* their TPIDs */
    uint16_t ethertype;  /* PKTGEN_L3_RAW: the ethertype */
};

/* Checksum corruption (applied after every checksum was computed). */
enum pktgen_corrupt {
    PKTGEN_CORRUPT_NONE = 0,
    PKTGEN_CORRUPT_IP,       /* outer IPv4 header checksum field */
    PKTGEN_CORRUPT_INNER_IP, /* inner IPv4 header checksum field */
    PKTGEN_CORRUPT_L4,       /* the innermost TCP/UDP checksum field (never to an "absent" value) */
};

struct pktgen_spec {
    struct pktgen_set outer;
    struct pktgen_set inner;  /* used when outer.l4 is PKTGEN_L4_GRE */
    uint16_t gre_flags;       /* GRE flags/version word: C 0x8000, K 0x2000, S 0x1000, version 0..7,
                                 R 0x4000 (written as given; optional fields follow C, K, S) */
    uint16_t gre_proto;       /* 0x0800 / 0x86DD: inner IP; 0x6558: inner Ethernet; other: payload */
    uint32_t gre_key;         /* NVGRE: VSID << 8 | FlowID */
    uint32_t spi;             /* SPI of AH/ESP (0 for ESP in UDP is replaced: 0 would mean IKE) */
    unsigned payload;         /* bytes after the innermost header (clamped to fit the frame) */
    uint8_t pad;              /* pad a frame shorter than 60 bytes with zeros (Ethernet padding) */
    uint8_t corrupt;          /* enum pktgen_corrupt */
};

/* Where things ended up (offsets from the frame start; 0 = absent). */
struct pktgen_info {
    unsigned len;                                  /* frame length */
    unsigned l3_off, l4_off, l3_end;               /* outer IP header, outer L4 header, datagram end */
    unsigned il2_off, il3_off, il4_off, il3_end;   /* inner Ethernet, IP, L4, datagram end */
    unsigned ip_csum, iip_csum;                    /* offsets of the IPv4 header checksum fields */
    unsigned l4_csum;                              /* innermost TCP/UDP checksum field */
    unsigned l4_csum_is_udp4;                      /* ... and it is UDP over IPv4 */
    unsigned csum_l4_start, csum_end;              /* the range that innermost field covers */
    unsigned ext_bytes;                            /* outer IPv6 extension bytes before the L4 */
    unsigned gre_off;                              /* outer GRE header */
    unsigned ah_off, iah_off;                      /* AH headers */
    uint8_t l3, il3;                               /* 1 + enum pktgen_l3, 0 = absent */
    uint8_t l4, il4;                               /* 1 + enum pktgen_l4, 0 = absent (fragments: 0) */
};

/* Eth + IPv4 + TCP, 64 payload bytes, no VLAN, pad on: a starting point for hand-made specs. */
void pktgen_spec_default(struct pktgen_spec *s);

/* Draws a random valid spec covering the combinations (weights favour small frames; about
 * 1 in 10 frames is large, up to PKTGEN_MAX_FRAME). */
void pktgen_random_spec(struct pktgen *g, struct pktgen_spec *s);

/* Writes the frame of spec s into buf[0 .. cap) (cap ≥ 60; payload is shortened to fit) with
 * random addresses/IDs/payload from g. Returns the frame length, 0 if the headers alone do not fit.
 * info may be NULL. */
unsigned pktgen_build(struct pktgen *g, const struct pktgen_spec *s, uint8_t *buf, unsigned cap,
                      struct pktgen_info *info);

/* A random frame: one in 64 is a runt of 1..13 random bytes (info->len set, offsets 0); the rest
 * are pktgen_build(pktgen_random_spec()). cap ≥ 60. Returns the length. */
unsigned pktgen_frame(struct pktgen *g, uint8_t *buf, unsigned cap, struct pktgen_info *info);

/* Damages frame buf[0 .. len) for the malformed campaign: 1..4 of — truncation at a random
 * point, random byte flips (three quarters of them in the first 128 bytes and, when info is given,
 * many aimed at length, IHL, next-header, data-offset and GRE flag fields), random or off-by-a-few
 * values in a length field, a few bytes appended. Returns the new length (≤ cap, may be 0). info
 * (from pktgen_build of the same frame) may be NULL. */
unsigned pktgen_mutate(struct pktgen *g, uint8_t *buf, unsigned len, unsigned cap, const struct pktgen_info *info);

#ifdef __cplusplus
}
#endif

#endif /* TONIC_PKTGEN_H */
