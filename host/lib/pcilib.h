/* SPDX-License-Identifier: MIT */
/* pcilib.h — libpci behind a guard that turns its fatal errors into returned errors.
 *
 * libpci reports failures through a callback that must not return (its default calls exit()).
 * A library must never exit, so every libpci call that can fail goes through these wrappers, which
 * catch the callback with setjmp/longjmp and return -EIO with libpci's message. */
#ifndef TONIC_PCILIB_H
#define TONIC_PCILIB_H

#include <stdbool.h>
#include <stdint.h>

#include <pci/pci.h>

/* dump_file NULL: the system's PCI bus (auto method); else libpci's dump method on that file
 * (the `lspci -x` format tonic-sim publishes its config space in). */
int tonic_pcil_open(struct pci_access **out, const char *dump_file, bool writeable);
void tonic_pcil_close(struct pci_access *a);
int tonic_pcil_scan(struct pci_access *a);
int tonic_pcil_fill(struct pci_dev *d, int flags);
int tonic_pcil_get_dev(struct pci_access *a, unsigned domain, unsigned bus, unsigned dev, unsigned func,
                       struct pci_dev **out);
int tonic_pcil_read16(struct pci_dev *d, int pos, uint16_t *val);
int tonic_pcil_write16(struct pci_dev *d, int pos, uint16_t val);

#endif /* TONIC_PCILIB_H */
