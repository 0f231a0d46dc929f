/* SPDX-License-Identifier: MIT */
/* run.h — run a program (the built tonicctl) with a deadline and capture its output, so tests
 * can assert on exit status, exact messages and how long a failure took. */
#ifndef TONIC_TEST_RUN_H
#define TONIC_TEST_RUN_H

struct run_result {
    int status;      /* exit status, or 128 + signal, or -1 if it had to be killed at the deadline */
    char out[65536]; /* stdout */
    char err[8192];  /* stderr */
    double seconds;
};

/* argv[0] is the program path. TONIC_DEV is removed from the child's environment unless dev_env
 * is given. */
void run_prog(char *const argv[], const char *dev_env, double deadline_s, struct run_result *r);



/* A fresh private directory under $TMPDIR or /tmp (short, so socket paths fit sun_path), made
 * once per process; remove what you put in it, then call test_tmpdir_remove(). */
const char *test_tmpdir(void);
void test_tmpdir_remove(void);
#endif /* TONIC_TEST_RUN_H */
