/* SPDX-License-Identifier: MIT */
/* fakesim_main.c — `tonic-fakesim SOCKET`: runs the test fake simulator in the foreground, so
 * tonicctl can be tried without the RTL. Ctrl-C or SIGTERM stops it and removes the socket. Not a
 * model of the hardware: see fake_sim.h. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include "fake_sim.h"

int main(int argc, char **argv)
{
    struct fake_opts o;
    sigset_t set;
    pid_t pid;
    int sig;

    if (argc != 2) {
        fprintf(stderr, "usage: tonic-fakesim SOCKET\n");
        return 2;
    }
    fake_opts_default(&o);
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL); /* the fake's child unblocks them again */
    pid = fake_sim_start(argv[1], &o);
    if (pid < 0)
        return 1;
    printf("tonic-fakesim: listening on %s (pid %d)\n", argv[1], (int)pid);
    fflush(stdout);
    sigwait(&set, &sig);
    fake_sim_stop(pid, argv[1]);
    return sig == SIGCHLD ? 1 : 0;
}
