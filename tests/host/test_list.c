/* SPDX-License-Identifier: MIT */
/* test_list.c — enumeration of simulators through the registry directory: a live simulator with
 * its config-space dump (read with libpci's dump method), a live one without a dump, a live one
 * with a damaged dump (libpci's fatal error must come back as a note, never exit the process),
 * a stale entry whose socket refuses connections, one whose socket is gone, and names that are
 * not registry entries. Entries come back sorted by pid. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "fake_sim.h"
#include "run.h"
#include "test.h"
#include "tonic/tonic.h"

static char dir[400];

static const char *p(const char *name)
{
    static char buf[4][600];
    static int k;

    k = (k + 1) % 4;
    snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
    return buf[k];
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");

    fputs(text, f);
    fclose(f);
}

int main(void)
{
    struct tonic_list_entry *e;
    struct fake_opts o;
    pid_t a, b, c;
    char want[700];
    int n, fd;

    snprintf(dir, sizeof(dir), "%s", test_tmpdir());
    setenv("TONIC_SIM_DIR", dir, 1);

    /* an empty registry, and a missing one, are not errors */
    CHECK_EQ(tonic_list(TONIC_LIST_SIM, &e), 0);
    tonic_list_free(e);
    setenv("TONIC_SIM_DIR", p("nonexistent"), 1);
    CHECK_EQ(tonic_list(TONIC_LIST_SIM, &e), 0);
    tonic_list_free(e);
    setenv("TONIC_SIM_DIR", dir, 1);

    fake_opts_default(&o);
    a = fake_sim_start(p("a.sock"), &o);
    b = fake_sim_start(p("b.sock"), &o);
    c = fake_sim_start(p("c.sock"), &o);
    write_file(p("a.sock.pci"), "0000:00:00.0 Ethernet controller: Device 1234:7031\n"
                                "00: 34 12 31 70 06 00 10 00 00 00 00 02 00 00 00 00\n"
                                "10: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n");
    write_file(p("c.sock.pci"), "0000:00:00.0 Ethernet controller: Device 1234:7031\n00: 34 12 31 70"); /* no newline */
    symlink(p("a.sock"), p("sim-100"));
    symlink("b.sock", p("sim-200")); /* relative to the registry */
    symlink(p("c.sock"), p("sim-300"));
    symlink(p("gone.sock"), p("sim-400"));
    {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};

        if (snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", p("dead.sock")) >= (int)sizeof(sa.sun_path))
            return 1;
        fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);
        bind(fd, (struct sockaddr *)&sa, sizeof(sa));
        close(fd);
    }
    symlink(p("dead.sock"), p("sim-50"));
    symlink(p("a.sock"), p("sim-x1"));
    symlink(p("a.sock"), p("other"));

    n = tonic_list(TONIC_LIST_SIM, &e);
    CHECK_EQ(n, 5);
    if (n == 5) {
        CHECK_EQ(e[0].pid, 50);
        CHECK_EQ(e[0].kind, TONIC_LIST_SIM);
        CHECK_EQ(e[0].stale, 1);
        CHECK_STR(e[0].note, "socket refuses connections");
        snprintf(want, sizeof(want), "sim:%s", p("dead.sock"));
        CHECK_STR(e[0].addr, want);

        CHECK_EQ(e[1].pid, 100);
        CHECK_EQ(e[1].stale, 0);
        CHECK_EQ(e[1].vendor, 0x1234);
        CHECK_EQ(e[1].device, 0x7031);
        CHECK_EQ(e[1].class_code, 0x020000);
        CHECK_STR(e[1].note, "");
        snprintf(want, sizeof(want), "sim:%s", p("a.sock"));
        CHECK_STR(e[1].addr, want);

        CHECK_EQ(e[2].pid, 200);
        CHECK_EQ(e[2].stale, 0);
        CHECK_EQ(e[2].vendor, 0);
        snprintf(want, sizeof(want), "no config-space dump %s.pci", p("b.sock"));
        CHECK_STR(e[2].note, want);
        snprintf(want, sizeof(want), "sim:%s/b.sock", dir);
        CHECK_STR(e[2].addr, want);

        CHECK_EQ(e[3].pid, 300);
        CHECK_EQ(e[3].stale, 0);
        CHECK_EQ(e[3].vendor, 0);
        CHECK_STR(e[3].note, "libpci: reading the config-space dump: dump: line too long or unterminated");

        CHECK_EQ(e[4].pid, 400);
        CHECK_EQ(e[4].stale, 1);
        CHECK_STR(e[4].note, "socket does not exist");
    }
    tonic_list_free(e);

    /* the PCI bus part runs too (no tonic card here: nothing added, no error) */
    n = tonic_list(TONIC_LIST_PCI | TONIC_LIST_SIM, &e);
    {
        int sims = 0;

        for (int i = 0; i < n; i++)
            sims += e[i].kind == TONIC_LIST_SIM;
        CHECK_EQ(sims, 5);
    }
    tonic_list_free(e);

    fake_sim_stop(a, p("a.sock"));
    fake_sim_stop(b, p("b.sock"));
    fake_sim_stop(c, p("c.sock"));
    for (const char *const *f = (const char *const[]){"sim-100", "sim-200", "sim-300", "sim-400", "sim-50", "sim-x1",
                                                       "other", "a.sock.pci", "c.sock.pci", "dead.sock", NULL};
         *f; f++)
        unlink(p(*f));
    test_tmpdir_remove();
    TEST_DONE();
}
