/* SPDX-License-Identifier: MIT */
/* backend_pci.c — the real-device backend: libpci, sysfs BAR0 mapping, hugepage DMA memory.
 *
 * Attach: libpci finds the function and checks its vendor/device ID; the function must not be
 * bound to a kernel driver; bus mastering and memory decoding are enabled through a config-space
 * write (libpci); BAR0 is mmap'ed from /sys/bus/pci/devices/<addr>/resource0 (uncached, so every
 * access is one bus transaction). DMA memory is hugepages addressed physically (hugemem.c), which
 * assumes no translating IOMMU. Interrupts are not available (no VFIO): wait_irq returns
 * -EOPNOTSUPP and the layers above poll. Closing clears bus mastering so that a queue which failed
 * to stop cannot write into memory that has been given back. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backend.h"
#include "hugemem.h"
#include "log.h"
#include "pcilib.h"
#include "tonic_regs.h"

struct pci_priv {
    struct pci_access *pacc;
    struct pci_dev *pdev;
    volatile uint8_t *bar;
    size_t bar_len;
    char name[32]; /* DDDD:BB:DD.F */
};

static int pci_mmio_read32(struct tonic_backend *be, uint32_t off, uint32_t *val)
{
    struct pci_priv *p = be->priv;

    if ((off & 3) || (size_t)off + 4 > p->bar_len)
        return tonic_error(-EINVAL, "MMIO read of BAR0+0x%x outside the %zu-byte BAR", off, p->bar_len);
    *val = *(volatile uint32_t *)(p->bar + off);
    return 0;
}

static int pci_mmio_write32(struct tonic_backend *be, uint32_t off, uint32_t val)
{
    struct pci_priv *p = be->priv;

    if ((off & 3) || (size_t)off + 4 > p->bar_len)
        return tonic_error(-EINVAL, "MMIO write of BAR0+0x%x outside the %zu-byte BAR", off, p->bar_len);
    *(volatile uint32_t *)(p->bar + off) = val;
    return 0;
}

static int pci_dma_alloc(struct tonic_backend *be, size_t size, struct tonic_dma_region *r)
{
    (void)be;
    return tonic_huge_alloc(size, r);
}

static void pci_dma_free(struct tonic_backend *be, struct tonic_dma_region *r)
{
    (void)be;
    tonic_huge_free(r);
}

static int pci_wait_irq(struct tonic_backend *be, uint64_t vec_mask, int timeout_ms, uint64_t *fired)
{
    (void)be;
    (void)vec_mask;
    (void)timeout_ms;
    *fired = 0;
    return -EOPNOTSUPP;
}

static int pci_info(struct tonic_backend *be, struct tonic_backend_info *info)
{
    *info = be->info;
    return 0;
}

static int set_command(struct pci_priv *p, uint16_t set, uint16_t clear)
{
    uint16_t cmd;
    int err = tonic_pcil_read16(p->pdev, PCI_COMMAND, &cmd);

    if (err)
        return err;
    return tonic_pcil_write16(p->pdev, PCI_COMMAND, (uint16_t)((cmd | set) & ~clear));
}

static void pci_close(struct tonic_backend *be)
{
    struct pci_priv *p = be->priv;

    if (p->bar)
        munmap((void *)p->bar, p->bar_len);
    if (p->pdev)
        set_command(p, 0, PCI_COMMAND_MASTER);
    tonic_pcil_close(p->pacc);
    free(p);
    free(be);
}

static const struct tonic_backend_ops pci_ops = {
    .mmio_read32 = pci_mmio_read32,
    .mmio_write32 = pci_mmio_write32,
    .dma_alloc = pci_dma_alloc,
    .dma_free = pci_dma_free,
    .wait_irq = pci_wait_irq,
    .info = pci_info,
    .close = pci_close,
};

static int check_no_driver(const char *sysfs, const char *name)
{
    char link[PATH_MAX], target[PATH_MAX];
    ssize_t n;

    snprintf(link, sizeof(link), "%s/driver", sysfs);
    n = readlink(link, target, sizeof(target) - 1);
    if (n < 0)
        return 0;
    target[n] = 0;
    return tonic_error(-EBUSY, "PCI device %s is bound to kernel driver %s: unbind it first "
                       "(echo %s > /sys/bus/pci/devices/%s/driver/unbind)",
                       name, strrchr(target, '/') ? strrchr(target, '/') + 1 : target, name, name);
}

static int map_bar0(struct pci_priv *p, const char *sysfs)
{
    char path[PATH_MAX];
    struct stat st;
    int fd, err = 0;

    snprintf(path, sizeof(path), "%s/resource0", sysfs);
    fd = open(path, O_RDWR | O_SYNC | O_CLOEXEC);
    if (fd < 0)
        return tonic_error(-errno, "opening %s: %s (BAR0 mapping needs root)", path, strerror(errno));
    if (fstat(fd, &st) || st.st_size < 0x1000) {
        err = tonic_error(-ENODEV, "%s: BAR0 is missing or smaller than 4 KiB", path);
        goto out;
    }
    p->bar_len = (size_t)st.st_size;
    p->bar = mmap(NULL, p->bar_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p->bar == MAP_FAILED) {
        p->bar = NULL;
        err = tonic_error(-errno, "mapping %s: %s", path, strerror(errno));
    }
out:
    close(fd);
    return err;
}

int tonic_pci_attach(const struct tonic_addr *a, const struct tonic_config *cfg, struct tonic_backend **out)
{
    struct tonic_backend *be;
    struct pci_priv *p;
    char sysfs[64];
    int err;

    (void)cfg;
    be = calloc(1, sizeof(*be));
    p = calloc(1, sizeof(*p));
    if (!be || !p) {
        free(be);
        free(p);
        return tonic_error(-ENOMEM, "out of memory");
    }
    be->ops = &pci_ops;
    be->priv = p;
    snprintf(p->name, sizeof(p->name), "%04x:%02x:%02x.%x", a->domain, a->bus, a->dev, a->func);
    snprintf(sysfs, sizeof(sysfs), "/sys/bus/pci/devices/%s", p->name);
    if (access(sysfs, F_OK)) {
        err = tonic_error(-ENODEV, "no PCI device %s (%s does not exist)", p->name, sysfs);
        goto err_free;
    }
    err = tonic_pcil_open(&p->pacc, NULL, true);
    if (err)
        goto err_free;
    err = tonic_pcil_get_dev(p->pacc, a->domain, a->bus, a->dev, a->func, &p->pdev);
    if (!err)
        err = tonic_pcil_fill(p->pdev, PCI_FILL_IDENT | PCI_FILL_CLASS);
    if (err)
        goto err_close;
    if (p->pdev->vendor_id != TONIC_VENDOR_ID || p->pdev->device_id != TONIC_DEVICE_ID) {
        err = tonic_error(-ENODEV, "PCI device %s is %04x:%04x, not a tonic NIC (%04x:%04x)", p->name,
                          p->pdev->vendor_id, p->pdev->device_id, TONIC_VENDOR_ID, TONIC_DEVICE_ID);
        p->pdev = NULL; /* do not touch its command register on the way out */
        goto err_close;
    }
    err = check_no_driver(sysfs, p->name);
    if (err) {
        p->pdev = NULL;
        goto err_close;
    }
    err = set_command(p, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 0);
    if (err)
        goto err_close;
    err = map_bar0(p, sysfs);
    if (err)
        goto err_close;
    be->info.name = "pci";
    be->info.bar_size = p->bar_len > UINT32_MAX ? UINT32_MAX : (uint32_t)p->bar_len;
    be->info.has_irq = false;
    tonic_dbg("pci: attached to %s, BAR0 %zu bytes", p->name, p->bar_len);
    *out = be;
    return 0;

err_close:
    pci_close(be); /* frees p and be */
    return err;
err_free:
    free(p);
    free(be);
    return err;
}
