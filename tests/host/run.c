/* SPDX-License-Identifier: MIT */
/* run.c — fork/exec with captured stdout/stderr and a deadline (see run.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void run_prog(char *const argv[], const char *dev_env, double deadline_s, struct run_result *r)
{
    int po[2], pe[2], st;
    size_t no = 0, ne = 0;
    double t0 = now();
    pid_t pid;
    int open_fds = 2, killed = 0;

    memset(r, 0, sizeof(*r));
    if (pipe2(po, O_CLOEXEC) || pipe2(pe, O_CLOEXEC)) {
        r->status = -2;
        return;
    }
    pid = fork();
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(pe[1], 2);
        if (dev_env)
            setenv("TONIC_DEV", dev_env, 1);
        else
            unsetenv("TONIC_DEV");
        execv(argv[0], argv);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    while (open_fds) {
        struct pollfd p[2] = {{.fd = po[0], .events = POLLIN}, {.fd = pe[0], .events = POLLIN}};
        int left = (int)((deadline_s - (now() - t0)) * 1000);

        if (left <= 0) {
            kill(pid, SIGKILL);
            killed = 1;
            break;
        }
        if (poll(p, 2, left) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; i++) {
            char *buf = i ? r->err : r->out;
            size_t cap = i ? sizeof(r->err) : sizeof(r->out), *n = i ? &ne : &no;
            char tmp[4096];
            ssize_t k;

            if (!(p[i].revents & (POLLIN | POLLHUP)) || p[i].fd < 0)
                continue;
            k = read(p[i].fd, tmp, sizeof(tmp));
            if (k <= 0) {
                close(i ? pe[0] : po[0]);
                if (i)
                    pe[0] = -1;
                else
                    po[0] = -1;
                open_fds--;
                continue;
            }
            if (*n + (size_t)k >= cap)
                k = (ssize_t)(cap - 1 - *n);
            memcpy(buf + *n, tmp, (size_t)k);
            *n += (size_t)k;
        }
    }
    if (po[0] >= 0)
        close(po[0]);
    if (pe[0] >= 0)
        close(pe[0]);
    waitpid(pid, &st, 0);
    r->seconds = now() - t0;
    if (killed)
        r->status = -1;
    else
        r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static char tmpdir[256];

const char *test_tmpdir(void)
{
    const char *base = getenv("TMPDIR");

    if (tmpdir[0])
        return tmpdir;
    if (!base || !*base || strlen(base) > 60)
        base = "/tmp";
    snprintf(tmpdir, sizeof(tmpdir), "%s/tonic-test-XXXXXX", base);
    if (!mkdtemp(tmpdir))
        snprintf(tmpdir, sizeof(tmpdir), "/tmp");
    return tmpdir;
}

void test_tmpdir_remove(void)
{
    if (tmpdir[0] && strcmp(tmpdir, "/tmp"))
        rmdir(tmpdir);
}
