/* SPDX-License-Identifier: MIT */
/* addr.h — parsing of device address strings, which choose the backend at run time. */
#ifndef TONIC_ADDR_H
#define TONIC_ADDR_H

enum tonic_addr_kind { TONIC_ADDR_SIM = 1, TONIC_ADDR_PCI = 2 };

#define TONIC_SUN_PATH_MAX 108 /* sizeof(sockaddr_un.sun_path), including the NUL */

struct tonic_addr {
    int kind;
    char path[TONIC_SUN_PATH_MAX]; /* sim: socket path */
    unsigned domain, bus, dev, func; /* pci */
};

/* "sim:PATH" (PATH non-empty, shorter than 108 bytes) or "pci:[DDDD:]BB:DD.F" (hex; device
 * <= 1f, function 0..7; domain 0000 if left out). */
int tonic_parse_addr(const char *s, struct tonic_addr *out);

#endif /* TONIC_ADDR_H */
