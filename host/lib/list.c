/* SPDX-License-Identifier: MIT */
/* list.c — enumeration of tonic devices: real ones on the PCI bus (libpci, vendor/device match)
 * and running simulators. A simulator registers itself in ${TONIC_SIM_DIR:-/tmp/tonic-sim} as a
 * symlink sim-<pid> -> its socket path, and publishes its config space next to the socket as
 * <socket>.pci in `lspci -x` format, which libpci reads with its dump access method. An entry
 * whose socket does not accept a connection is reported as stale, not as an error. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "addr.h"
#include "log.h"
#include "pcilib.h"
#include "tonic_regs.h"

#define SIM_DIR_DEFAULT "/tmp/tonic-sim"

struct list {
    struct tonic_list_entry *e;
    unsigned n, cap;
};

static struct tonic_list_entry *add(struct list *l)
{
    if (l->n == l->cap) {
        unsigned cap = l->cap ? l->cap * 2 : 8;
        struct tonic_list_entry *e = realloc(l->e, cap * sizeof(*e));

        if (!e)
            return NULL;
        l->e = e;
        l->cap = cap;
    }
    memset(&l->e[l->n], 0, sizeof(l->e[0]));
    return &l->e[l->n++];
}

static void note(struct tonic_list_entry *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct tonic_list_entry *e, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(e->note, sizeof(e->note), fmt, ap);
    va_end(ap);
}

static uint32_t class_of(const struct pci_dev *d)
{
    return (uint32_t)d->device_class << 8 | d->prog_if;
}

static int list_pci(struct list *l)
{
    struct pci_access *a;
    int err = tonic_pcil_open(&a, NULL, false);

    if (err) {
        tonic_dbg("no PCI bus access: %s", tonic_last_error());
        return 0;
    }
    err = tonic_pcil_scan(a);
    for (struct pci_dev *d = err ? NULL : a->devices; d; d = d->next) {
        struct tonic_list_entry *e;

        if (tonic_pcil_fill(d, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT))
            continue;
        if (d->vendor_id != TONIC_VENDOR_ID || d->device_id != TONIC_DEVICE_ID)
            continue;
        e = add(l);
        if (!e) {
            err = tonic_error(-ENOMEM, "out of memory");
            break;
        }
        e->kind = TONIC_LIST_PCI;
        snprintf(e->addr, sizeof(e->addr), "pci:%04x:%02x:%02x.%x", (unsigned)d->domain, d->bus, d->dev, d->func);
        e->vendor = d->vendor_id;
        e->device = d->device_id;
        e->class_code = class_of(d);
    }
    if (err && err != -ENOMEM)
        tonic_dbg("PCI scan failed: %s", tonic_last_error());
    tonic_pcil_close(a);
    return err == -ENOMEM ? err : 0;
}

/* Does anything accept connections on this socket? Fills e->note if not. */
static bool sim_alive(const char *path, struct tonic_list_entry *e)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    int fd, r;

    if (strlen(path) >= sizeof(sa.sun_path)) {
        note(e, "socket path too long");
        return false;
    }
    strcpy(sa.sun_path, path);
    fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        note(e, "socket: %s", strerror(errno));
        return false;
    }
    r = connect(fd, (struct sockaddr *)&sa, sizeof(sa));
    if (r && errno != EAGAIN) /* EAGAIN: a full backlog, the simulator is alive but busy */
        note(e, "%s", errno == ENOENT ? "socket does not exist"
                                                 : errno == ECONNREFUSED ? "socket refuses connections"
                                                                         : strerror(errno));
    close(fd);
    return !r || errno == EAGAIN;
}

/* Reads vendor/device/class of the first function in the simulator's config-space dump. */
static void sim_identify(const char *sock, struct tonic_list_entry *e)
{
    char dump[PATH_MAX];
    struct pci_access *a;

    if (snprintf(dump, sizeof(dump), "%s.pci", sock) >= (int)sizeof(dump))
        return;
    if (access(dump, R_OK)) {
        note(e, "no config-space dump %s", dump);
        return;
    }
    if (tonic_pcil_open(&a, dump, false)) {
        note(e, "%s", tonic_last_error());
        return;
    }
    if (tonic_pcil_scan(a) || !a->devices) {
        note(e, "config-space dump %s holds no device", dump);
    } else if (!tonic_pcil_fill(a->devices, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT)) {
        e->vendor = a->devices->vendor_id;
        e->device = a->devices->device_id;
        e->class_code = class_of(a->devices);
    }
    tonic_pcil_close(a);
}

static int cmp_pid(const void *x, const void *y)
{
    const struct tonic_list_entry *a = x, *b = y;

    return (a->pid > b->pid) - (a->pid < b->pid);
}

static int list_sim(struct list *l)
{
    const char *dir = getenv("TONIC_SIM_DIR");
    unsigned first = l->n;
    struct dirent *de;
    DIR *d;

    if (!dir || !*dir)
        dir = SIM_DIR_DEFAULT;
    d = opendir(dir);
    if (!d) {
        if (errno == ENOENT)
            return 0;
        return tonic_error(-errno, "cannot read the simulator registry %s: %s", dir, strerror(errno));
    }
    while ((de = readdir(d))) {
        char link[PATH_MAX], target[PATH_MAX], sock[PATH_MAX];
        struct tonic_list_entry *e;
        char *end;
        long pid;
        ssize_t n;

        if (strncmp(de->d_name, "sim-", 4))
            continue;
        pid = strtol(de->d_name + 4, &end, 10);
        if (*end || end == de->d_name + 4 || pid <= 0)
            continue;
        snprintf(link, sizeof(link), "%s/%s", dir, de->d_name);
        n = readlink(link, target, sizeof(target) - 1);
        if (n < 0)
            continue;
        target[n] = 0;
        if ((target[0] == '/' ? snprintf(sock, sizeof(sock), "%s", target)
                              : snprintf(sock, sizeof(sock), "%s/%s", dir, target)) >= (int)sizeof(sock))
            continue;
        e = add(l);
        if (!e) {
            closedir(d);
            return tonic_error(-ENOMEM, "out of memory");
        }
        e->kind = TONIC_LIST_SIM;
        e->pid = (int)pid;
        if (snprintf(e->addr, sizeof(e->addr), "sim:%s", sock) >= (int)sizeof(e->addr)) {
            e->stale = true;
            note(e, "socket path too long");
            continue;
        }
        e->stale = !sim_alive(sock, e);
        if (!e->stale)
            sim_identify(sock, e);
    }
    closedir(d);
    qsort(l->e + first, l->n - first, sizeof(*l->e), cmp_pid);
    return 0;
}

int tonic_list(unsigned kinds, struct tonic_list_entry **entries)
{
    struct list l = {0};
    int err = 0;

    *entries = NULL;
    if (kinds & TONIC_LIST_PCI)
        err = list_pci(&l);
    if (!err && (kinds & TONIC_LIST_SIM))
        err = list_sim(&l);
    if (err) {
        free(l.e);
        return err;
    }
    if (!l.e) { /* an empty list is still a valid array */
        l.e = calloc(1, sizeof(*l.e));
        if (!l.e)
            return tonic_error(-ENOMEM, "out of memory");
    }
    *entries = l.e;
    return (int)l.n;
}

void tonic_list_free(struct tonic_list_entry *entries)
{
    free(entries);
}
