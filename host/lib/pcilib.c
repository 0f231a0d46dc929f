/* SPDX-License-Identifier: MIT */
/* pcilib.c — guarded libpci calls (see pcilib.h). Each wrapper arms a thread-local jmp_buf,
 * calls libpci, and disarms it; libpci's error callback longjmps back with its message. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "log.h"
#include "pcilib.h"

static _Thread_local jmp_buf *guard;
static _Thread_local char pcil_msg[256];

static void pcil_error(char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void pcil_error(char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(pcil_msg, sizeof(pcil_msg), fmt, ap);
    va_end(ap);
    if (guard)
        longjmp(*guard, 1);
    abort(); /* unreachable: every libpci call below is guarded */
}

static void pcil_warning(char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void pcil_warning(char *fmt, ...)
{
    char msg[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    tonic_dbg("libpci: %s", msg);
}

static void pcil_debug(char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void pcil_debug(char *fmt, ...)
{
    (void)fmt;
}

static int pcil_fail(const char *what)
{
    guard = NULL;
    return tonic_error(-EIO, "libpci: %s: %s", what, pcil_msg);
}

int tonic_pcil_open(struct pci_access **out, const char *dump_file, bool writeable)
{
    struct pci_access *a = pci_alloc();
    jmp_buf jb;

    *out = NULL;
    if (!a)
        return tonic_error(-ENOMEM, "libpci: out of memory");
    a->error = pcil_error;
    a->warning = pcil_warning;
    a->debug = pcil_debug;
    a->writeable = writeable;
    if (setjmp(jb)) {
        int err = pcil_fail(dump_file ? "reading the config-space dump" : "opening the PCI bus");
        char msg[512];

        /* libpci's init fails before it holds anything pci_cleanup cannot release (devices read
         * so far, parameters); keep our message across the cleanup */
        snprintf(msg, sizeof(msg), "%s", tonic_last_error());
        tonic_pcil_close(a);
        return tonic_error(err, "%s", msg);
    }
    guard = &jb;
    if (dump_file) {
        a->method = PCI_ACCESS_DUMP;
        if (pci_set_param(a, "dump.name", (char *)dump_file))
            pcil_error("no dump.name parameter in this libpci");
    }
    pci_init(a);
    guard = NULL;
    *out = a;
    return 0;
}

void tonic_pcil_close(struct pci_access *a)
{
    jmp_buf jb;

    if (!a)
        return;
    if (setjmp(jb)) {
        pcil_fail("cleanup");
        return;
    }
    guard = &jb;
    pci_cleanup(a);
    guard = NULL;
}

int tonic_pcil_scan(struct pci_access *a)
{
    jmp_buf jb;

    if (setjmp(jb))
        return pcil_fail("scanning the bus");
    guard = &jb;
    pci_scan_bus(a);
    guard = NULL;
    return 0;
}

int tonic_pcil_fill(struct pci_dev *d, int flags)
{
    jmp_buf jb;

    if (setjmp(jb))
        return pcil_fail("reading device information");
    guard = &jb;
    pci_fill_info(d, flags);
    guard = NULL;
    return 0;
}

int tonic_pcil_get_dev(struct pci_access *a, unsigned domain, unsigned bus, unsigned dev, unsigned func,
                       struct pci_dev **out)
{
    jmp_buf jb;

    if (setjmp(jb))
        return pcil_fail("looking up the device");
    guard = &jb;
    *out = pci_get_dev(a, (int)domain, (int)bus, (int)dev, (int)func);
    guard = NULL;
    if (!*out)
        return tonic_error(-ENODEV, "libpci: no device %04x:%02x:%02x.%u", domain, bus, dev, func);
    return 0;
}

int tonic_pcil_read16(struct pci_dev *d, int pos, uint16_t *val)
{
    jmp_buf jb;

    if (setjmp(jb))
        return pcil_fail("reading config space");
    guard = &jb;
    *val = pci_read_word(d, pos);
    guard = NULL;
    return 0;
}

int tonic_pcil_write16(struct pci_dev *d, int pos, uint16_t val)
{
    jmp_buf jb;
    int ok;

    if (setjmp(jb))
        return pcil_fail("writing config space");
    guard = &jb;
    ok = pci_write_word(d, pos, val);
    guard = NULL;
    if (!ok)
        return tonic_error(-EIO, "libpci: writing config space offset 0x%x failed", pos);
    return 0;
}
