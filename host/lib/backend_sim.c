/* SPDX-License-Identifier: MIT */
/* backend_sim.c — the simulator backend: tonic-sim over a UNIX SOCK_SEQPACKET socket.
 *
 * Protocol: host/include/tonic/sim_proto.h. MMIO writes are posted messages; an MMIO read sends a
 * request and waits (with a timeout) for the reply carrying the same sequence number, buffering any
 * IRQ message that arrives meanwhile. Host memory is a memfd, mapped here and passed to the
 * simulator with SCM_RIGHTS (MEM_ADD); the reply gives its DMA address, and the simulator's DMA
 * then reads and writes it directly. wait_irq polls the socket.
 *
 * Any failure of the link (timeout, closed socket, malformed message) marks it dead: every later
 * operation fails at once with the same error instead of waiting again. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "log.h"
#include "tonic/sim_proto.h"

struct sim_priv {
    int fd;
    char path[TONIC_SUN_PATH_MAX];
    uint32_t seq;
    uint64_t pending_irq; /* vectors < 64 received and not yet consumed */
    unsigned mmio_timeout_ms;
    int dead;             /* negative errno once the link failed */
    char dead_msg[400];
};

static int sim_fail(struct sim_priv *p, int err, const char *what)
{
    p->dead = err;
    snprintf(p->dead_msg, sizeof(p->dead_msg), "simulator %s: %s", p->path, what);
    return tonic_error(err, "%s", p->dead_msg);
}

static int sim_dead(struct sim_priv *p)
{
    return tonic_error(p->dead, "%s", p->dead_msg);
}

/* Sends one message, optionally passing a file descriptor. Waits for buffer space with a timeout
 * (the socket is non-blocking). */
static int sim_send(struct sim_priv *p, const struct tonic_sim_msg *m, int pass_fd)
{
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } ctl;
    struct iovec iov = {.iov_base = (void *)m, .iov_len = sizeof(*m)};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
    uint64_t deadline = tonic_now_ns() + (uint64_t)p->mmio_timeout_ms * 1000000ull;

    if (p->dead)
        return sim_dead(p);
    if (pass_fd >= 0) {
        struct cmsghdr *c;

        memset(&ctl, 0, sizeof(ctl));
        mh.msg_control = ctl.buf;
        mh.msg_controllen = sizeof(ctl.buf);
        c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &pass_fd, sizeof(int));
    }
    for (;;) {
        ssize_t n = sendmsg(p->fd, &mh, MSG_NOSIGNAL);
        struct pollfd pfd = {.fd = p->fd, .events = POLLOUT};
        int left;

        if (n == (ssize_t)sizeof(*m))
            return 0;
        if (n >= 0)
            return sim_fail(p, -EPROTO, "short send");
        if (errno == EINTR)
            continue;
        if (errno == EPIPE || errno == ECONNRESET || errno == ENOTCONN)
            return sim_fail(p, -ENOTCONN, "closed the connection");
        if (errno != EAGAIN)
            return sim_fail(p, -errno, strerror(errno));
        left = tonic_ms_left(deadline);
        if (!left)
            return sim_fail(p, -ETIMEDOUT, "not reading its socket (send timed out)");
        if (poll(&pfd, 1, left) < 0 && errno != EINTR)
            return sim_fail(p, -errno, strerror(errno));
    }
}

/* Receives one message within timeout_ms: 0, -ETIMEDOUT (link still fine), or a link failure. */
static int sim_recv(struct sim_priv *p, struct tonic_sim_msg *m, int timeout_ms)
{
    struct pollfd pfd = {.fd = p->fd, .events = POLLIN};
    struct iovec iov = {.iov_base = m, .iov_len = sizeof(*m)};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
    uint64_t deadline = tonic_now_ns() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms) * 1000000ull;
    ssize_t n;

    if (p->dead)
        return sim_dead(p);
    for (;;) {
        int r = poll(&pfd, 1, tonic_ms_left(deadline));

        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return sim_fail(p, -errno, strerror(errno));
        if (r == 0)
            return -ETIMEDOUT;
        break;
    }
    do
        n = recvmsg(p->fd, &mh, MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    if (n == 0)
        return sim_fail(p, -ENOTCONN, "closed the connection");
    if (n < 0 && errno == EAGAIN)
        return -ETIMEDOUT;
    if (n < 0)
        return sim_fail(p, errno == ECONNRESET ? -ENOTCONN : -errno,
                        errno == ECONNRESET ? "closed the connection" : strerror(errno));
    if (n != (ssize_t)sizeof(*m) || (mh.msg_flags & MSG_TRUNC))
        return sim_fail(p, -EPROTO, "malformed message (wrong size)");
    return 0;
}

static void sim_note_irq(struct tonic_backend *be, const struct tonic_sim_msg *m)
{
    struct sim_priv *p = be->priv;

    be->irqs++;
    if (m->addr < 64)
        p->pending_irq |= 1ull << m->addr;
}

/* Sends a request and waits for the reply of the same type and sequence number. */
static int sim_request(struct tonic_backend *be, struct tonic_sim_msg *m, int pass_fd, unsigned timeout_ms,
                       const char *what)
{
    struct sim_priv *p = be->priv;
    uint32_t type = m->type;
    uint64_t deadline = tonic_now_ns() + (uint64_t)timeout_ms * 1000000ull;
    char msg[160];
    int r;

    m->seq = ++p->seq;
    r = sim_send(p, m, pass_fd);
    if (r)
        return r;
    for (;;) {
        r = sim_recv(p, m, tonic_ms_left(deadline));
        if (r == -ETIMEDOUT) {
            snprintf(msg, sizeof(msg), "no reply to %s within %u ms", what, timeout_ms);
            return sim_fail(p, -ETIMEDOUT, msg);
        }
        if (r)
            return r;
        if (m->type == TONIC_SIM_IRQ) {
            sim_note_irq(be, m);
            continue;
        }
        if (m->type != type || m->seq != p->seq) {
            snprintf(msg, sizeof(msg), "unexpected message type %u seq %u while waiting for %s", m->type,
                     m->seq, what);
            return sim_fail(p, -EPROTO, msg);
        }
        return 0;
    }
}

static int sim_mmio_read32(struct tonic_backend *be, uint32_t off, uint32_t *val)
{
    struct sim_priv *p = be->priv;
    struct tonic_sim_msg m = {.type = TONIC_SIM_MMIO_RD, .len = 4, .addr = off};
    int r = sim_request(be, &m, -1, p->mmio_timeout_ms, "an MMIO read");

    if (r)
        return r;
    if (m.status != TONIC_SIM_OK)
        return tonic_error(-EIO, "simulator refused the MMIO read of BAR0+0x%x (status %u)", off, m.status);
    *val = (uint32_t)m.data;
    return 0;
}

static int sim_mmio_write32(struct tonic_backend *be, uint32_t off, uint32_t val)
{
    struct sim_priv *p = be->priv;
    struct tonic_sim_msg m = {.type = TONIC_SIM_MMIO_WR, .len = 4, .addr = off, .data = val};

    m.seq = ++p->seq;
    return sim_send(p, &m, -1);
}

static int sim_dma_alloc(struct tonic_backend *be, size_t size, struct tonic_dma_region *r)
{
    struct sim_priv *p = be->priv;
    struct tonic_sim_msg m = {.type = TONIC_SIM_MEM_ADD, .data = size};
    int fd, err;

    memset(r, 0, sizeof(*r));
    if (size == 0 || size > UINT32_MAX)
        return tonic_error(-EINVAL, "DMA region of %zu bytes: the simulator takes 1 byte to 4 GiB", size);
    m.len = (uint32_t)size;
    fd = memfd_create("tonic-dma", MFD_CLOEXEC);
    if (fd < 0)
        return tonic_error(-errno, "memfd_create for DMA memory: %s", strerror(errno));
    if (ftruncate(fd, (off_t)size)) {
        err = tonic_error(-errno, "sizing DMA memfd to %zu bytes: %s", size, strerror(errno));
        goto err_close;
    }
    r->va = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (r->va == MAP_FAILED) {
        r->va = NULL;
        err = tonic_error(-errno, "mapping %zu bytes of DMA memory: %s", size, strerror(errno));
        goto err_close;
    }
    r->seg_dma = calloc(1, sizeof(*r->seg_dma));
    if (!r->seg_dma) {
        err = tonic_error(-ENOMEM, "out of memory");
        goto err_unmap;
    }
    err = sim_request(be, &m, fd, p->mmio_timeout_ms, "MEM_ADD");
    if (err)
        goto err_free;
    if (m.status == TONIC_SIM_ENOMEM) {
        err = tonic_error(-ENOMEM, "simulator %s has no room for another memory region", p->path);
        goto err_free;
    }
    if (m.status != TONIC_SIM_OK) {
        err = tonic_error(-EIO, "simulator %s refused a %zu-byte memory region (status %u)", p->path, size,
                          m.status);
        goto err_free;
    }
    close(fd);
    r->size = size;
    r->seg_size = size;
    r->nseg = 1;
    r->seg_dma[0] = m.addr;
    tonic_dbg("sim: %zu bytes of DMA memory at 0x%llx", size, (unsigned long long)m.addr);
    return 0;

err_free:
    free(r->seg_dma);
    r->seg_dma = NULL;
err_unmap:
    munmap(r->va, size);
    r->va = NULL;
err_close:
    close(fd);
    return err;
}

/* The protocol has no MEM_DEL: the simulator keeps the region until the connection closes. */
static void sim_dma_free(struct tonic_backend *be, struct tonic_dma_region *r)
{
    (void)be;
    if (r->va)
        munmap(r->va, r->size);
    free(r->seg_dma);
    memset(r, 0, sizeof(*r));
}

static int sim_wait_irq(struct tonic_backend *be, uint64_t vec_mask, int timeout_ms, uint64_t *fired)
{
    struct sim_priv *p = be->priv;
    uint64_t deadline = tonic_now_ns() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms) * 1000000ull;
    struct tonic_sim_msg m;
    char msg[128];
    int r;

    *fired = 0;
    for (;;) {
        if (p->pending_irq & vec_mask) {
            *fired = p->pending_irq & vec_mask;
            p->pending_irq &= ~vec_mask;
            return 0;
        }
        r = sim_recv(p, &m, tonic_ms_left(deadline));
        if (r)
            return r;
        if (m.type != TONIC_SIM_IRQ) {
            snprintf(msg, sizeof(msg), "unexpected message type %u seq %u while idle", m.type, m.seq);
            return sim_fail(p, -EPROTO, msg);
        }
        sim_note_irq(be, &m);
    }
}

static int sim_info(struct tonic_backend *be, struct tonic_backend_info *info)
{
    struct sim_priv *p = be->priv;
    struct tonic_sim_msg m = {.type = TONIC_SIM_INFO};
    int r = sim_request(be, &m, -1, p->mmio_timeout_ms, "INFO");

    if (r)
        return r;
    be->info.has_cycles = true;
    be->info.cycles = m.addr;
    be->info.dma_faults = m.data;
    *info = be->info;
    return 0;
}

static void sim_close(struct tonic_backend *be)
{
    struct sim_priv *p = be->priv;

    close(p->fd);
    free(p);
    free(be);
}

static const struct tonic_backend_ops sim_ops = {
    .mmio_read32 = sim_mmio_read32,
    .mmio_write32 = sim_mmio_write32,
    .dma_alloc = sim_dma_alloc,
    .dma_free = sim_dma_free,
    .wait_irq = sim_wait_irq,
    .info = sim_info,
    .close = sim_close,
};

/* Non-blocking connect; a full listen backlog (EAGAIN) is retried until the deadline. */
static int sim_connect(struct sim_priv *p, unsigned timeout_ms)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    uint64_t deadline = tonic_now_ns() + (uint64_t)timeout_ms * 1000000ull;

    memcpy(sa.sun_path, p->path, strlen(p->path) + 1);
    p->fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (p->fd < 0)
        return tonic_error(-errno, "socket: %s", strerror(errno));
    for (;;) {
        if (!connect(p->fd, (struct sockaddr *)&sa, sizeof(sa)))
            return 0;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN && tonic_ms_left(deadline)) {
            struct timespec ts = {0, 10 * 1000 * 1000};

            nanosleep(&ts, NULL);
            continue;
        }
        break;
    }
    switch (errno) {
    case ENOENT:
        return tonic_error(-ENOENT, "no simulator socket at %s (is tonic-sim running?)", p->path);
    case ECONNREFUSED:
        return tonic_error(-ECONNREFUSED, "simulator socket %s refused the connection (simulator not running?)",
                           p->path);
    case EAGAIN:
        return tonic_error(-ETIMEDOUT, "simulator %s did not accept the connection within %u ms", p->path,
                           timeout_ms);
    default:
        return tonic_error(-errno, "cannot connect to simulator socket %s: %s", p->path, strerror(errno));
    }
}

int tonic_sim_attach(const char *path, const struct tonic_config *cfg, struct tonic_backend **out)
{
    struct tonic_backend *be;
    struct sim_priv *p;
    struct tonic_sim_msg m = {.type = TONIC_SIM_HELLO, .addr = TONIC_SIM_PROTO_VERSION};
    int err;

    be = calloc(1, sizeof(*be));
    p = calloc(1, sizeof(*p));
    if (!be || !p) {
        err = tonic_error(-ENOMEM, "out of memory");
        goto err_free;
    }
    if (strlen(path) >= sizeof(p->path)) {
        err = tonic_error(-ENAMETOOLONG, "simulator socket path too long: %s", path);
        goto err_free;
    }
    strcpy(p->path, path);
    p->fd = -1;
    p->mmio_timeout_ms = cfg->mmio_timeout_ms;
    be->ops = &sim_ops;
    be->priv = p;
    err = sim_connect(p, cfg->connect_timeout_ms);
    if (err)
        goto err_close;
    err = sim_request(be, &m, -1, cfg->connect_timeout_ms, "HELLO");
    if (err)
        goto err_close;
    if (m.status != TONIC_SIM_OK) {
        err = tonic_error(-EPROTONOSUPPORT, "simulator %s refused protocol version %u (status %u)", path,
                          TONIC_SIM_PROTO_VERSION, m.status);
        goto err_close;
    }
    if (m.data < 0x1000 || m.data > (1ull << 30)) {
        err = tonic_error(-EPROTO, "simulator %s reports an implausible BAR0 size 0x%llx", path,
                          (unsigned long long)m.data);
        goto err_close;
    }
    be->info.name = "sim";
    be->info.bar_size = (uint32_t)m.data;
    be->info.clk_hz = m.aux;
    be->info.num_irq = m.len;
    be->info.has_irq = true;
    tonic_dbg("sim: attached to %s: BAR0 0x%x bytes, %llu Hz, %u vectors", path, be->info.bar_size,
              (unsigned long long)m.aux, m.len);
    *out = be;
    return 0;

err_close:
    if (p->fd >= 0)
        close(p->fd);
err_free:
    free(p);
    free(be);
    return err;
}
