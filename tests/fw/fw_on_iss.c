/* SPDX-License-Identifier: MIT */
/* fw_on_iss.c — the built firmware image on the instruction-set model, against the native build.
 *
 * usage: fw_on_iss IMEM.hex DMEM.hex [REQUESTS [SEED]]   (defaults 3000, 1)
 *
 * Loads the $readmemh images the bitstream is built with (so elf2hex.py, link.ld, start.S and
 * hal_rv.c are all under test) into the C model of tonic_rv32 without the M extension, around it a
 * model of the soft-core peripherals as docs/registers.md describes them (CONSOLE, MBOX, HWCAP, CAPS,
 * CONFIG, KEYS, SATBL; anything else faults, the key store cannot be read, only whole-word accesses
 * outside the console). Checks the start-up (READY, banner, CAPS = HWCAP, start CONFIG, table and key
 * store zeroed), then sends the same REQUESTS requests (valid ones of every command, and mutated
 * ones) to the firmware on the model and to the firmware logic compiled natively on the mock HAL:
 * the responses must be identical (VERSION's uptime aside), and so must CONFIG, SATBL and the key
 * store after every request. A trap, a fault or a request not answered within its instruction
 * budget fails. Prints the instructions taken at start-up and the most any command took. Last, a
 * fault during start-up must be reported by the trap handler on the console, READY staying 0. */
#include <stdlib.h>

#include "fwtest.h"
#include "rv32_iss.h"

#define IMEM_BYTES 32768u
#define DMEM_BYTES 16384u
#define BOOT_BUDGET 20000000ull
#define REQ_BUDGET 5000000ull

static struct periph {
    uint32_t hwcap[FW_OFFLOAD_WORDS], caps[FW_OFFLOAD_WORDS], config[FW_OFFLOAD_WORDS];
    uint32_t satbl[FW_SATBL_ENTRIES][FW_SATBL_ENTRY_WORDS];
    uint32_t keys[FW_SATBL_ENTRIES][FW_KEY_SLOT_WORDS];
    unsigned key_slot, key_word;
    uint32_t key_count;
    uint32_t req[FW_MBOX_BUF_WORDS], resp[FW_MBOX_BUF_WORDS];
    int pending;
    uint32_t ready;
    unsigned long done, faults;
    char console[4096];
    unsigned console_len;
} pd;

static uint8_t imem[IMEM_BYTES], dmem[DMEM_BYTES];
static int fault_satbl_writes; /* the trap test: SATBL stores and KEYS.CLEAR fault */
static struct rv32_iss cpu;

/* the offload-layout word of a CAPS/CONFIG/HWCAP block offset, or -1 */
static int layout_word(uint32_t off)
{
    if (off < TONIC_P_HWCAP_LAYOUT || off >= TONIC_P_HWCAP_LAYOUT + 4u * FW_OFFLOAD_WORDS || off % 4u)
        return -1;
    return (int)((off - TONIC_P_HWCAP_LAYOUT) / 4u);
}

static int fault(void)
{
    pd.faults++;
    return 1;
}

static int p_load(void *ctx, uint32_t a, unsigned rmask, uint32_t *v)
{
    (void)ctx;
    *v = 0;
    if (a - RV32_TIMER_BASE < RV32_TIMER_SIZE)
        return 0;
    if (rmask != 0xFu)
        return fault();
    int w;
    if (a == TONIC_P_CONSOLE_BASE + TONIC_P_CONSOLE_DATA)
        return 0;
    if (a == TONIC_P_MBOX_BASE + TONIC_P_MBOX_STATUS) {
        *v = pd.pending ? FW_MBOX_STATUS_PENDING : 0;
        return 0;
    }
    if (a == TONIC_P_MBOX_BASE + TONIC_P_MBOX_READY) {
        *v = pd.ready;
        return 0;
    }
    if (a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_REQ_BUF) < FW_MBOX_BUF_BYTES) {
        *v = pd.req[(a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_REQ_BUF)) / 4u];
        return 0;
    }
    if (a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_RESP_BUF) < FW_MBOX_BUF_BYTES) {
        *v = pd.resp[(a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_RESP_BUF)) / 4u];
        return 0;
    }
    if ((w = layout_word(a - TONIC_P_HWCAP_BASE)) >= 0) {
        *v = pd.hwcap[w];
        return 0;
    }
    if ((w = layout_word(a - TONIC_P_CAPS_BASE)) >= 0) {
        *v = pd.caps[w];
        return 0;
    }
    if ((w = layout_word(a - TONIC_P_CONFIG_BASE)) >= 0) {
        *v = pd.config[w];
        return 0;
    }
    if (a == TONIC_P_KEYS_BASE + TONIC_P_KEYS_COUNT) {
        *v = pd.key_count;
        return 0;
    }
    if (a == TONIC_P_KEYS_BASE + TONIC_P_KEYS_CLEAR) { /* the model's clear engine finishes at once */
        *v = 0;
        return 0;
    }
    if (a - TONIC_P_SATBL_BASE < FW_SATBL_ENTRIES * FW_SATBL_ENTRY_WORDS * 4u) {
        uint32_t i = (a - TONIC_P_SATBL_BASE) / 4u;
        *v = pd.satbl[i / FW_SATBL_ENTRY_WORDS][i % FW_SATBL_ENTRY_WORDS];
        return 0;
    }
    return fault(); /* includes reads of the key store's SLOT and DATA */
}

static int p_store(void *ctx, uint32_t a, unsigned wmask, uint32_t v)
{
    (void)ctx;
    int w;
    if (a - RV32_TIMER_BASE < RV32_TIMER_SIZE)
        return 0;
    if (a == TONIC_P_CONSOLE_BASE + TONIC_P_CONSOLE_DATA) {
        if ((wmask & 1u) && pd.console_len < sizeof pd.console - 1)
            pd.console[pd.console_len++] = (char)(v & 0xFFu);
        return 0;
    }
    if (wmask != 0xFu)
        return fault();
    if (a == TONIC_P_MBOX_BASE + TONIC_P_MBOX_DONE) {
        if (v & 1u) {
            if (!pd.pending)
                pd.faults++; /* DONE without a request */
            pd.pending = 0;
            pd.done++;
        }
        return 0;
    }
    if (a == TONIC_P_MBOX_BASE + TONIC_P_MBOX_READY) {
        pd.ready = v & FW_MBOX_READY_BIT;
        return 0;
    }
    if (a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_REQ_BUF) < FW_MBOX_BUF_BYTES) {
        pd.req[(a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_REQ_BUF)) / 4u] = v;
        return 0;
    }
    if (a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_RESP_BUF) < FW_MBOX_BUF_BYTES) {
        pd.resp[(a - (TONIC_P_MBOX_BASE + TONIC_P_MBOX_RESP_BUF)) / 4u] = v;
        return 0;
    }
    if ((w = layout_word(a - TONIC_P_CAPS_BASE)) >= 0) {
        pd.caps[w] = v;
        return 0;
    }
    if ((w = layout_word(a - TONIC_P_CONFIG_BASE)) >= 0) {
        pd.config[w] = v;
        return 0;
    }
    if (a == TONIC_P_KEYS_BASE + TONIC_P_KEYS_SLOT) {
        if (v >= FW_SATBL_ENTRIES)
            return fault();
        pd.key_slot = v;
        pd.key_word = 0;
        return 0;
    }
    if (a == TONIC_P_KEYS_BASE + TONIC_P_KEYS_CLEAR) {
        if (fault_satbl_writes)
            return 1;
        if (v & 1u) {
            memset(pd.satbl, 0, sizeof pd.satbl);
            memset(pd.keys, 0, sizeof pd.keys);
        }
        return 0;
    }
    if (a == TONIC_P_KEYS_BASE + TONIC_P_KEYS_DATA) {
        if (pd.key_word >= FW_KEY_SLOT_WORDS)
            return fault();
        pd.keys[pd.key_slot][pd.key_word++] = v;
        pd.key_count++;
        return 0;
    }
    if (a - TONIC_P_SATBL_BASE < FW_SATBL_ENTRIES * FW_SATBL_ENTRY_WORDS * 4u) {
        uint32_t i = (a - TONIC_P_SATBL_BASE) / 4u;
        if (fault_satbl_writes)
            return 1;
        pd.satbl[i / FW_SATBL_ENTRY_WORDS][i % FW_SATBL_ENTRY_WORDS] = v;
        return 0;
    }
    return fault(); /* HWCAP is read-only; the rest is unmapped */
}

static int load_hex(const char *path, uint8_t *mem, size_t bytes)
{
    FILE *f = fopen(path, "r");
    char line[64];
    size_t n = 0;
    if (!f) {
        printf("fw_on_iss: cannot open %s\n", path);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char *endp;
        unsigned long v = strtoul(line, &endp, 16);
        if (endp == line || n + 4 > bytes) {
            printf("fw_on_iss: %s: bad line %zu or too many words\n", path, n / 4 + 1);
            fclose(f);
            return -1;
        }
        for (unsigned b = 0; b < 4; b++)
            mem[n++] = (uint8_t)(v >> (8 * b));
    }
    fclose(f);
    if (n != bytes) {
        printf("fw_on_iss: %s: %zu words, want %zu\n", path, n / 4, bytes / 4);
        return -1;
    }
    return 0;
}

/* run until cond() or the budget; returns instructions executed, or ~0 on a trap/fault/timeout */
static unsigned long long run_until(int (*cond)(void), unsigned long long budget)
{
    struct rv32_retire r;
    unsigned long long n = 0;
    unsigned long faults = pd.faults;
    while (!cond()) {
        if (n++ >= budget) {
            printf("fw_on_iss: no progress after %llu instructions (pc 0x%08x)\n", budget, (unsigned)cpu.pc);
            return ~0ull;
        }
        cpu.irq_ext = pd.pending;
        uint32_t irq = rv32_iss_pending_irq(&cpu);
        if (irq) {
            printf("fw_on_iss: interrupt 0x%08x taken: the firmware runs with mstatus.MIE = 0\n", (unsigned)irq);
            return ~0ull;
        }
        rv32_iss_step(&cpu, &r);
        rv32_iss_tick(&cpu);
        if (r.trap || pd.faults != faults) {
            printf("fw_on_iss: trap at pc 0x%08x: mcause %u mtval 0x%08x (peripheral faults %lu)\n",
                   (unsigned)r.pc, (unsigned)r.cause, (unsigned)r.tval, pd.faults - faults);
            return ~0ull;
        }
    }
    return n;
}

static int is_ready(void) { return pd.ready != 0; }
static int is_answered(void) { return !pd.pending; }

static uint32_t rng = 1;
static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* a request: header words and payload; mostly valid, sometimes mutated */
static void make_request(uint32_t *hdr, uint32_t *p, uint32_t *handles, unsigned nh)
{
    static const uint32_t cmds[] = {
        TONIC_MBOX_CMD_VERSION, TONIC_MBOX_CMD_GET_CAPS,  TONIC_MBOX_CMD_GET_CONFIG, TONIC_MBOX_CMD_STATS,
        TONIC_MBOX_CMD_SA_LIST, TONIC_MBOX_CMD_SA_UPDATE, TONIC_MBOX_CMD_SA_DEL,     TONIC_MBOX_CMD_SET_PARAMS,
    };
    unsigned k = rnd() % 100, len = 0;
    uint32_t cmd;
    memset(p, 0, FW_MBOX_MAX_LEN);
    if (k < 45) {
        static const unsigned a[][3] = {{2, 1, 0}, {2, 3, 0}, {2, 5, 0}, {2, 6, 2}, {2, 7, 1}, {1, 0, 1}, {3, 2, 1}};
        unsigned i = rnd() % 7;
        cmd = TONIC_MBOX_CMD_SA_ADD;
        sa_build(p, rnd() & 1, a[i][0], a[i][1], a[i][2], rnd() % 500, 0x0A000000u + rnd() % 3, rnd());
        tonic_set_sa_af(p, (rnd() & 7) == 0);
        tonic_set_sa_esn(p, rnd() & 1);
        len = TONIC_SA_SIZE;
    } else if (k == 45 && (rnd() & 3) == 0) {
        cmd = TONIC_MBOX_CMD_RESET;
    } else {
        cmd = cmds[rnd() % (sizeof cmds / sizeof cmds[0])];
        if (cmd == TONIC_MBOX_CMD_SET_PARAMS) {
            p[0] = params0(rnd() % 5, rnd() % 5, rnd() % 5, rnd() % 5, rnd() % 5);
            p[1] = params1(rnd() % 3, rnd() % 3, rnd() % 3, rnd() % 3, rnd() % 3, rnd() % 3, (rnd() & 1) * 4);
            len = 8;
        } else if (cmd == TONIC_MBOX_CMD_SA_UPDATE || cmd == TONIC_MBOX_CMD_SA_DEL) {
            p[0] = nh && (rnd() & 3) ? handles[rnd() % nh] : rnd();
            p[1] = rnd();
            len = cmd == TONIC_MBOX_CMD_SA_DEL ? 4 : 8;
        } else if (cmd == TONIC_MBOX_CMD_SA_LIST) {
            p[0] = rnd() % 1100;
            len = 4;
        }
    }
    hdr[0] = hdr[1] = 0;
    tonic_set_mbox_hdr_seq(hdr, rnd());
    tonic_set_mbox_hdr_cmd(hdr, cmd);
    tonic_set_mbox_hdr_len(hdr, len);
    if (rnd() % 5 == 0) { /* mutated */
        switch (rnd() % 4) {
        case 0: p[rnd() % 32] ^= 1u << (rnd() % 32); break;
        case 1: tonic_set_mbox_hdr_len(hdr, rnd() % 520); break;
        case 2: tonic_set_mbox_hdr_cmd(hdr, rnd() % 24); break;
        default: p[rnd() % 4] = rnd(); break;
        }
    }
}

/* a fault during start-up (the table clear and SATBL stores refused): trap_entry and fw_trap report it on the console,
 * READY stays 0, the core stays halted */
static void trap_report(void)
{
    struct rv32_retire r;
    memset(&pd, 0, sizeof pd);
    memcpy(pd.hwcap, full_caps, sizeof pd.hwcap);
    fault_satbl_writes = 1;
    rv32_iss_reset(&cpu);
    unsigned traps = 0;
    for (unsigned long n = 0; n < 200000; n++) {
        rv32_iss_step(&cpu, &r);
        rv32_iss_tick(&cpu);
        traps += r.trap != 0;
    }
    fault_satbl_writes = 0;
    printf("trap test console: %s", pd.console);
    CHECK_EQ(traps, 1);
    CHECK(strstr(pd.console, "tonic-fw: trap mcause=0x00000007 mepc=0x") != NULL);
    char want[48];
    snprintf(want, sizeof want, " mtval=0x%08x, halted\n", TONIC_P_KEYS_BASE + TONIC_P_KEYS_CLEAR);
    CHECK(strstr(pd.console, want) != NULL); /* the first store of start-up: the table clear */
    CHECK_EQ(pd.ready, 0);
    CHECK_EQ(pd.done, 0);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        printf("usage: fw_on_iss IMEM.hex DMEM.hex [REQUESTS [SEED]]\n");
        return 2;
    }
    unsigned long requests = argc > 3 ? strtoul(argv[3], NULL, 0) : 3000ul;
    rng = argc > 4 ? (uint32_t)strtoul(argv[4], NULL, 0) * 2u + 1u : 3u;
    if (load_hex(argv[1], imem, sizeof imem) || load_hex(argv[2], dmem, sizeof dmem))
        return 2;

    /* the key store and SA table hold garbage from "before": start-up must clear them */
    memcpy(pd.hwcap, full_caps, sizeof pd.hwcap);
    memset(pd.satbl, 0xA5, sizeof pd.satbl);
    memset(pd.keys, 0x5A, sizeof pd.keys);
    struct rv32_iss_cfg cfg = {.reset_pc = 0, .imem_bytes = IMEM_BYTES, .dmem_bytes = DMEM_BYTES, .m_ext = 0};
    struct rv32_io io = {.ctx = &pd, .load = p_load, .store = p_store};
    rv32_iss_init(&cpu, &cfg, imem, dmem, &io);
    rv32_iss_reset(&cpu);

    unsigned long long boot = run_until(is_ready, BOOT_BUDGET);
    CHECK(boot != ~0ull);
    if (boot == ~0ull)
        TEST_DONE();
    printf("start-up: %llu instructions; console: %s", boot, pd.console);
    CHECK(strstr(pd.console, "tonic-fw 0.1.0: mailbox protocol 1, 1024 SAs, ready\n") != NULL);
    CHECK(!memcmp(pd.caps, full_caps, sizeof pd.caps));
    fw_boot(full_caps); /* the native side */
    CHECK(!memcmp(pd.config, mock.config, sizeof pd.config));
    CHECK(!memcmp(pd.satbl, mock.satbl, sizeof pd.satbl));
    CHECK(!memcmp(pd.keys, mock.keys, sizeof pd.keys));

    uint32_t hdr[2], payload[FW_MBOX_MAX_LEN / 4], handles[64];
    unsigned nh = 0;
    unsigned long long most[32] = {0};
    unsigned long same = 0;
    struct rsp r;
    for (unsigned long i = 0; i < requests; i++) {
        make_request(hdr, payload, handles, nh);
        uint32_t cmd = tonic_mbox_hdr_cmd(hdr);
        /* on the model: the host writes REQ_BUF, rings; the firmware answers */
        memset(pd.req, 0, sizeof pd.req);
        pd.req[0] = hdr[0];
        pd.req[1] = hdr[1];
        memcpy(pd.req + FW_HDR_WORDS, payload, sizeof payload);
        pd.pending = 1;
        unsigned long long n = run_until(is_answered, REQ_BUDGET);
        if (n == ~0ull) {
            CHECK(n != ~0ull);
            break;
        }
        if (cmd < 32 && n > most[cmd])
            most[cmd] = n;
        /* natively */
        fw_req_raw(hdr[0], hdr[1], payload, FW_MBOX_MAX_LEN / 4, &r);
        unsigned bytes = TONIC_MBOX_HDR_SIZE + tonic_mbox_hdr_len(mock.resp);
        if (cmd == TONIC_MBOX_CMD_VERSION && r.status == TONIC_MBOX_ST_OK)
            bytes = TONIC_MBOX_HDR_SIZE + 8; /* FW_VERSION, PROTO; the uptimes differ */
        int ok = !memcmp(pd.resp, mock.resp, bytes) && !memcmp(pd.config, mock.config, sizeof pd.config) &&
                 !memcmp(pd.satbl, mock.satbl, sizeof pd.satbl) && !memcmp(pd.keys, mock.keys, sizeof pd.keys) &&
                 !memcmp(pd.req, mock.req, sizeof pd.req);
        if (!ok && same + 5 > i)
            printf("request %lu (hdr %08x %08x): model and native differ\n", i, (unsigned)hdr[0], (unsigned)hdr[1]);
        same += ok;
        if (r.status == TONIC_MBOX_ST_OK && cmd == TONIC_MBOX_CMD_SA_ADD) {
            if (nh < 64)
                handles[nh++] = r.w[0];
            else
                handles[rnd() % 64] = r.w[0];
        }
    }
    CHECK_EQ(same, requests);
    trap_report();
    CHECK_EQ(pd.faults, 0);
    CHECK_EQ(fw_transport_errors, 0);
    printf("%lu requests identical on the model and natively; most instructions per command:", same);
    for (unsigned c = 0; c < 32; c++)
        if (most[c])
            printf(" %u:%llu", c, most[c]);
    printf("\n");
    TEST_DONE();
}
