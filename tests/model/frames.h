/* SPDX-License-Identifier: MIT */
/* frames.h — a tiny frame writer for hand-built test frames: each helper appends one header to
 * the frame buffer F (length L) and returns its offset, so a test states the layout it means and
 * the exact PMETA it expects. Independent of pktgen on purpose (the tests check the model with
 * frames the generator did not make). Header-only; each test program includes it once. */
#ifndef TONIC_TEST_FRAMES_H
#define TONIC_TEST_FRAMES_H

#include <stdint.h>
#include <string.h>

static uint8_t F[16384];
static unsigned L;

static inline void b8(unsigned v)
{
    F[L++] = (uint8_t)v;
}
static inline void b16(unsigned v)
{
    b8(v >> 8);
    b8(v & 0xFF);
}
static inline void b32(uint32_t v)
{
    b16(v >> 16);
    b16(v & 0xFFFF);
}
static inline void zeros(unsigned n)
{
    while (n--)
        b8(0);
}
static inline void bytes(unsigned n, unsigned seed)
{
    unsigned i;
    for (i = 0; i < n; i++)
        b8((seed + i * 37u) & 0xFF);
}
static inline void p16(unsigned off, unsigned v)
{
    F[off] = (uint8_t)(v >> 8);
    F[off + 1] = (uint8_t)v;
}
static inline void pad_to(unsigned n)
{
    while (L < n)
        b8(0);
}

/* Ethernet header (fresh frame) with ethertype/TPID `type` */
static inline void eth(unsigned type)
{
    unsigned i;
    memset(F, 0, sizeof F);
    L = 0;
    for (i = 0; i < 6; i++)
        b8(0x02 + i);
    for (i = 0; i < 6; i++)
        b8(0x12 + i);
    b16(type);
}
/* inner Ethernet header appended (NVGRE) */
static inline unsigned eth_in(unsigned type)
{
    unsigned o = L, i;
    for (i = 0; i < 12; i++)
        b8(0x40 + i);
    b16(type);
    return o;
}
/* a VLAN tag body: TCI then the next ethertype/TPID */
static inline void tag(unsigned next)
{
    b16(0x0123);
    b16(next);
}
/* IPv4 header, total length patched by end4() */
static inline unsigned ip4h(unsigned ihl, unsigned proto, unsigned fragw)
{
    unsigned o = L;
    b8(0x40 | ihl);
    b8(0);
    b16(0);
    b16(0x1234);
    b16(fragw);
    b8(64);
    b8(proto);
    b16(0);
    b32(0xC0A80001u);
    b32(0xC0A80002u);
    if (ihl > 5)
        zeros(4 * ihl - 20);
    return o;
}
static inline void end4(unsigned o)
{
    p16(o + 2, L - o);
}
static inline unsigned ip6h(unsigned nh)
{
    unsigned o = L, i;
    b32(0x60012345u);
    b16(0);
    b8(nh);
    b8(64);
    for (i = 0; i < 16; i++)
        b8(0x20 + i);
    for (i = 0; i < 16; i++)
        b8(0x80 + i);
    return o;
}
static inline void end6(unsigned o)
{
    p16(o + 4, L - o - 40);
}
/* IPv6 extension header (hop-by-hop, routing, destination) of n bytes */
static inline unsigned ext6(unsigned nh, unsigned n)
{
    unsigned o = L;
    b8(nh);
    b8(n / 8 - 1);
    zeros(n - 2);
    return o;
}
static inline unsigned frag6(unsigned nh, unsigned offm)
{
    unsigned o = L;
    b8(nh);
    b8(0);
    b16(offm);
    b32(0xABCD0001u);
    return o;
}
/* AH with payload-length byte plen (header 4·(plen+2) bytes; at least 12 written) */
static inline unsigned ah(unsigned nh, unsigned plen, uint32_t spi)
{
    unsigned o = L, n = 4 * (plen + 2);
    b8(nh);
    b8(plen);
    b16(0);
    b32(spi);
    b32(1);
    zeros(n < 12 ? 0 : n - 12);
    return o;
}
/* TCP header with data offset doff (options zero-filled up to 4·doff when doff ≥ 5) */
static inline unsigned tcp(unsigned doff)
{
    unsigned o = L;
    b16(40000);
    b16(80);
    b32(0x01020304u);
    b32(0x05060708u);
    b8(doff << 4);
    b8(0x18);
    b16(8192);
    b16(0);
    b16(0);
    if (doff > 5)
        zeros(4 * doff - 20);
    return o;
}
/* UDP header, length patched by endu() */
static inline unsigned udp(unsigned sp, unsigned dp)
{
    unsigned o = L;
    b16(sp);
    b16(dp);
    b16(0);
    b16(0);
    return o;
}
static inline void endu(unsigned o)
{
    p16(o + 4, L - o);
}
static inline unsigned gre(unsigned flags, unsigned proto, uint32_t key)
{
    unsigned o = L;
    b16(flags);
    b16(proto);
    if (flags & 0x8000)
        b32(0);
    if (flags & 0x2000)
        b32(key);
    if (flags & 0x1000)
        b32(0x5E5E0001u);
    return o;
}

#endif /* TONIC_TEST_FRAMES_H */
