/* SPDX-License-Identifier: MIT */
/* hugemem.c — hugepage DMA memory and virtual-to-physical translation for the pci backend.
 *
 * Without an IOMMU mapping (no VFIO), the device sees physical addresses. Hugepages are physically
 * contiguous, locked and not swapped, so each one is a DMA segment whose bus address is its
 * physical address from /proc/self/pagemap (the method of ixy's memory.c). Memory comes from an
 * anonymous MAP_HUGETLB mapping, or failing that from a file on /dev/hugepages. This requires
 * hugepages to be reserved (vm.nr_hugepages) and the device not to sit behind a translating IOMMU. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "hugemem.h"
#include "log.h"

static size_t huge_page_size(void)
{
    FILE *f = fopen("/proc/meminfo", "r");
    char line[128];
    size_t kb = 2048;

    if (!f)
        return kb * 1024;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "Hugepagesize: %zu kB", &kb) == 1)
            break;
    fclose(f);
    return kb * 1024;
}

int tonic_virt_to_phys(const void *va, uint64_t *pa)
{
    long pg = sysconf(_SC_PAGESIZE);
    uintptr_t v = (uintptr_t)va;
    uint64_t ent;
    int fd, err = 0;

    fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return tonic_error(-errno, "opening /proc/self/pagemap: %s", strerror(errno));
    if (pread(fd, &ent, sizeof(ent), (off_t)(v / (uintptr_t)pg * sizeof(ent))) != sizeof(ent)) {
        err = tonic_error(-EIO, "reading /proc/self/pagemap: %s", strerror(errno));
        goto out;
    }
    if (!(ent & (1ull << 63))) {
        err = tonic_error(-EFAULT, "page at %p is not present", va);
        goto out;
    }
    ent &= (1ull << 55) - 1;
    if (!ent) {
        err = tonic_error(-EPERM, "/proc/self/pagemap hides physical addresses: run as root (CAP_SYS_ADMIN)");
        goto out;
    }
    *pa = ent * (uint64_t)pg + (v % (uintptr_t)pg);
out:
    close(fd);
    return err;
}

static void *map_hugetlbfs(size_t size)
{
    static unsigned counter;
    char path[128];
    void *va;
    int fd;

    snprintf(path, sizeof(path), "/dev/hugepages/tonic-%d-%u", (int)getpid(), counter++);
    fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
        return MAP_FAILED;
    unlink(path);
    if (ftruncate(fd, (off_t)size)) {
        close(fd);
        return MAP_FAILED;
    }
    va = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_HUGETLB, fd, 0);
    close(fd);
    return va;
}

int tonic_huge_alloc(size_t size, struct tonic_dma_region *r)
{
    size_t hp = huge_page_size();
    int err;

    memset(r, 0, sizeof(*r));
    size = (size + hp - 1) / hp * hp;
    r->va = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
    if (r->va == MAP_FAILED)
        r->va = map_hugetlbfs(size);
    if (r->va == MAP_FAILED) {
        r->va = NULL;
        return tonic_error(-ENOMEM,
                           "no hugepages for %zu bytes of DMA memory: reserve %zu pages of %zu KiB "
                           "(e.g. echo %zu > /proc/sys/vm/nr_hugepages)",
                           size, size / hp, hp / 1024, size / hp);
    }
    r->size = size;
    if (mlock(r->va, size)) {
        err = tonic_error(-errno, "locking DMA memory: %s", strerror(errno));
        goto err_unmap;
    }
    memset(r->va, 0, size); /* fault every page in before asking where it is */
    r->seg_size = hp;
    r->nseg = (unsigned)(size / hp);
    r->seg_dma = calloc(r->nseg, sizeof(*r->seg_dma));
    if (!r->seg_dma) {
        err = tonic_error(-ENOMEM, "out of memory");
        goto err_unmap;
    }
    for (unsigned i = 0; i < r->nseg; i++) {
        err = tonic_virt_to_phys((char *)r->va + (size_t)i * hp, &r->seg_dma[i]);
        if (err)
            goto err_free;
    }
    return 0;

err_free:
    free(r->seg_dma);
err_unmap:
    munmap(r->va, size);
    memset(r, 0, sizeof(*r));
    return err;
}

void tonic_huge_free(struct tonic_dma_region *r)
{
    if (r->va)
        munmap(r->va, r->size);
    free(r->seg_dma);
    memset(r, 0, sizeof(*r));
}
