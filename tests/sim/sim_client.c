/* SPDX-License-Identifier: MIT */
/* sim_client.c — child-process control and a minimal sim_proto.h client for the simulator tests
 * (see sim_client.h). */
#define _GNU_SOURCE
#include "sim_client.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static int make_dir(struct simproc *p)
{
    if (p->dir[0])
        return 0;
    snprintf(p->dir, sizeof p->dir, "/tmp/tsim-XXXXXX");
    if (!mkdtemp(p->dir))
        return -1;
    snprintf(p->sock, sizeof p->sock, "%s/sim.sock", p->dir);
    snprintf(p->out, sizeof p->out, "%s/out.txt", p->dir);
    snprintf(p->err, sizeof p->err, "%s/err.txt", p->dir);
    return 0;
}

static pid_t spawn(struct simproc *p, const char *bin, const char *const *argv)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    setenv("TONIC_SIM_DIR", p->dir, 1);
    int o = open(p->out, O_WRONLY | O_CREAT | O_APPEND, 0644);
    int e = open(p->err, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (o < 0 || e < 0)
        _exit(127);
    dup2(o, 1);
    dup2(e, 2);
    execv(bin, (char *const *)argv);
    _exit(127);
}

static int wait_child(struct simproc *p, int timeout_ms)
{
    long long end = now_ms() + timeout_ms;
    while (p->pid > 0) {
        pid_t r = waitpid(p->pid, &p->status, WNOHANG);
        if (r == p->pid) {
            p->pid = 0;
            return p->status;
        }
        if (now_ms() > end)
            return -1;
        sleep_ms(5);
    }
    return p->status;
}

int simproc_start(struct simproc *p, const char *bin, const char *const *args)
{
    if (make_dir(p) != 0)
        return -1;
    const char *argv[32];
    int n = 0;
    argv[n++] = bin;
    argv[n++] = "--socket";
    argv[n++] = p->sock;
    for (int i = 0; args && args[i] && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    p->pid = spawn(p, bin, argv);
    if (p->pid < 0)
        return -1;
    long long end = now_ms() + SIMC_TIMEOUT_MS;
    while (now_ms() < end) {
        if (wait_child(p, 0) != -1)
            return -1; /* exited */
        struct simc c;
        if (simc_connect(&c, p->sock) == 0) {
            simc_close(&c);
            return 0;
        }
        sleep_ms(10);
    }
    return -1;
}

int simproc_run(struct simproc *p, const char *bin, const char *const *args, int timeout_ms)
{
    if (make_dir(p) != 0)
        return -1;
    p->pid = spawn(p, bin, args);
    if (p->pid < 0)
        return -1;
    int st = wait_child(p, timeout_ms);
    if (st == -1) {
        kill(p->pid, SIGKILL);
        wait_child(p, 5000);
        return -1;
    }
    return st;
}

int simproc_alive(struct simproc *p)
{
    return p->pid > 0 && wait_child(p, 0) == -1;
}

int simproc_stop(struct simproc *p, int sig, int timeout_ms)
{
    if (p->pid <= 0)
        return p->status;
    kill(p->pid, sig);
    return wait_child(p, timeout_ms);
}

void simproc_cleanup(struct simproc *p)
{
    if (p->pid > 0) {
        kill(p->pid, SIGKILL);
        wait_child(p, 5000);
    }
    if (!p->dir[0])
        return;
    DIR *d = opendir(p->dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                char path[512];
                snprintf(path, sizeof path, "%s/%s", p->dir, e->d_name);
                unlink(path);
            }
        }
        closedir(d);
    }
    rmdir(p->dir);
}

char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (b)
        b[n] = 0;
    if (len)
        *len = n;
    return b;
}

long long stat_value(const char *out, const char *name)
{
    size_t nl = strlen(name);
    for (const char *l = out; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        if (l[0] == ' ' && l[1] == ' ' && strncmp(l + 2, name, nl) == 0 && l[2 + nl] == ' ')
            return strtoll(l + 2 + nl, NULL, 10);
    }
    return -1;
}

int simc_connect(struct simc *c, const char *sock)
{
    memset(c, 0, sizeof *c);
    c->fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (c->fd < 0)
        return -1;
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    snprintf(a.sun_path, sizeof a.sun_path, "%s", sock);
    if (connect(c->fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(c->fd);
        c->fd = -1;
        return -1;
    }
    return 0;
}

void simc_close(struct simc *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
}

int simc_send(struct simc *c, struct tonic_sim_msg *m, int fd)
{
    m->seq = ++c->seq;
    struct iovec iov = {m, sizeof *m};
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } u;
    struct msghdr h;
    memset(&h, 0, sizeof h);
    h.msg_iov = &iov;
    h.msg_iovlen = 1;
    if (fd >= 0) {
        memset(&u, 0, sizeof u);
        h.msg_control = u.buf;
        h.msg_controllen = sizeof u.buf;
        struct cmsghdr *cm = CMSG_FIRSTHDR(&h);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(cm), &fd, sizeof fd);
    }
    return sendmsg(c->fd, &h, MSG_NOSIGNAL) == (ssize_t)sizeof *m ? 0 : -1;
}

/* One message of any kind; IRQs are recorded. 1 = reply in *m, 0 = IRQ, -1 error/timeout. */
static int recv_one(struct simc *c, struct tonic_sim_msg *m, int timeout_ms)
{
    struct pollfd pf = {c->fd, POLLIN, 0};
    if (poll(&pf, 1, timeout_ms) != 1)
        return -1;
    ssize_t n = recv(c->fd, m, sizeof *m, 0);
    if (n != (ssize_t)sizeof *m)
        return -1;
    if (m->type == TONIC_SIM_IRQ) {
        if (c->nirq < sizeof c->irqs)
            c->irqs[c->nirq++] = (uint8_t)m->addr;
        return 0;
    }
    return 1;
}

int simc_recv(struct simc *c, struct tonic_sim_msg *reply, int timeout_ms)
{
    long long end = now_ms() + timeout_ms;
    for (;;) {
        long long left = end - now_ms();
        if (left < 0)
            return -1;
        int r = recv_one(c, reply, (int)left);
        if (r < 0)
            return -1;
        if (r == 1)
            return 0;
    }
}

int simc_call(struct simc *c, struct tonic_sim_msg *m, int fd, struct tonic_sim_msg *reply)
{
    if (simc_send(c, m, fd) != 0)
        return -1;
    if (simc_recv(c, reply, SIMC_TIMEOUT_MS) != 0)
        return -1;
    return reply->seq == m->seq && reply->type == m->type ? 0 : -1;
}

int simc_rd(struct simc *c, uint64_t off, uint32_t len, uint32_t *val)
{
    struct tonic_sim_msg m = {.type = TONIC_SIM_MMIO_RD, .len = len, .addr = off}, r;
    if (simc_call(c, &m, -1, &r) != 0)
        return -1;
    if (val)
        *val = (uint32_t)r.data;
    return (int)r.status;
}

int simc_wr(struct simc *c, uint64_t off, uint32_t val)
{
    struct tonic_sim_msg m = {.type = TONIC_SIM_MMIO_WR, .len = 4, .addr = off, .data = val};
    return simc_send(c, &m, -1);
}

int simc_mem_add(struct simc *c, int memfd, uint64_t size, uint64_t *dma)
{
    struct tonic_sim_msg m = {.type = TONIC_SIM_MEM_ADD, .len = 0, .data = size}, r;
    if (simc_call(c, &m, memfd, &r) != 0)
        return -1;
    if (dma)
        *dma = r.addr;
    return (int)r.status;
}

int simc_info(struct simc *c, uint64_t *cycles, uint64_t *faults)
{
    struct tonic_sim_msg m = {.type = TONIC_SIM_INFO}, r;
    if (simc_call(c, &m, -1, &r) != 0)
        return -1;
    if (cycles)
        *cycles = r.addr;
    if (faults)
        *faults = r.data;
    return 0;
}

int simc_wait_irq(struct simc *c, uint8_t vector, int timeout_ms)
{
    long long end = now_ms() + timeout_ms;
    for (;;) {
        for (unsigned i = 0; i < c->nirq; i++) {
            if (c->irqs[i] == vector) {
                memmove(&c->irqs[i], &c->irqs[i + 1], c->nirq - i - 1);
                c->nirq--;
                return 1;
            }
        }
        long long left = end - now_ms();
        if (left < 0)
            return 0;
        struct tonic_sim_msg m;
        int r = recv_one(c, &m, (int)left);
        if (r < 0)
            return 0;
        if (r == 1)
            return 0; /* an unexpected reply: the caller's protocol is off */
    }
}

int simc_wait_reg(struct simc *c, uint64_t off, uint32_t mask, uint32_t want, int timeout_ms, uint32_t *last)
{
    long long end = now_ms() + timeout_ms;
    uint32_t v = 0;
    do {
        if (simc_rd(c, off, 4, &v) != 0)
            return -1;
        if (last)
            *last = v;
        if ((v & mask) == want)
            return 0;
        sleep_ms(1);
    } while (now_ms() < end);
    return -1;
}

uint32_t test_fcs(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}
