/* SPDX-License-Identifier: MIT */
/* fake_sim.c — the scripted simulator of fake_sim.h. Offsets and formats come from the generated
 * tonic_regs.h, the protocol from sim_proto.h; nothing here is shared with the library, so the
 * tests check the driver against an independent reading of the specification (docs/dma.md). */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake_sim.h"
#include "tonic/sim_proto.h"
#include "tonic_regs.h"

#define BAR_SIZE 0x10000u
#define MAX_CLIENTS 8
#define FIFO_MAX 8192
#define NQ 8

struct fq {
    uint32_t base_lo, base_hi, size_log2, qctrl, prod, cons, cq_base_lo, cq_base_hi, cq_cons, cq_prod;
    uint32_t irq, irq_timer, qstatus, phase;
    int armed, unsignalled, active_reads; /* active_reads: QSTATUS reads until ACTIVE drops */
};

struct region {
    uint8_t *va;
    size_t size;
    int owner; /* client slot */
};

struct frame {
    uint8_t *data;
    uint32_t len;
};

static struct {
    struct fake_opts o;
    uint32_t bar[BAR_SIZE / 4];
    struct fq txq[NQ], rxq[NQ];
    uint32_t scratch, rx_default, rx_nobuf, err_status, cycles_hi;
    uint64_t cycles, faults;
    uint64_t stats[TONIC_STATS_NUM];
    uint32_t stats_hi;
    struct region reg[TONIC_SIM_MAX_REGIONS];
    unsigned nreg;
    struct frame fifo[FIFO_MAX];
    unsigned fifo_head, fifo_n;
    int client[MAX_CLIENTS];
    unsigned reads;
} m;

void fake_opts_default(struct fake_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->num_txq = 4;
    o->num_rxq = 4;
    o->num_irq = 8;
    o->max_frame = 9216;
    o->dma_sg = 16;
}

static void put(uint32_t off, uint32_t v)
{
    m.bar[off / 4] = v;
}

static void block(uint32_t off, uint32_t type, uint32_t version, uint32_t next)
{
    put(off, type);
    put(off + 4, version);
    put(off + 8, next);
}

static void build_bar(void)
{
    const struct fake_opts *o = &m.o;
    uint32_t last_next = 0;

    block(TONIC_IDENT_BASE, TONIC_BLK_IDENT, 1, TONIC_CAPS_BASE);
    put(TONIC_IDENT_MAGIC, o->chain == FAKE_CHAIN_BAD_MAGIC ? 0x12345678u : TONIC_MAGIC);
    put(TONIC_IDENT_HW_VERSION, TONIC_HW_VERSION);
    put(TONIC_IDENT_BUILD_ID, 0xfa4e0001u);
    put(TONIC_IDENT_CLK_HZ, 156250000u);
    put(TONIC_IDENT_DATA_W, 64);
    put(TONIC_IDENT_NUM_TXQ, o->num_txq);
    put(TONIC_IDENT_NUM_RXQ, o->num_rxq);
    put(TONIC_IDENT_NUM_IRQ, o->num_irq);
    put(TONIC_IDENT_MAX_FRAME, o->max_frame);
    put(TONIC_IDENT_DESC_FORMAT, TONIC_DESC_FORMAT);
    block(TONIC_CAPS_BASE, TONIC_BLK_CAPS, 1, TONIC_CONFIG_BASE);
    put(TONIC_CAPS_BASE + TONIC_CAPS_DMA_SG, o->dma_sg);
    put(TONIC_CAPS_BASE + TONIC_CAPS_CSUM, TONIC_CAPS_CSUM_TX_IP4 | TONIC_CAPS_CSUM_RX_TCP4);
    block(TONIC_CONFIG_BASE, TONIC_BLK_CONFIG, 1, TONIC_CTRL_BASE);
    put(TONIC_CONFIG_BASE + TONIC_CONFIG_DMA_SG, o->dma_sg);
    block(TONIC_CTRL_BASE, TONIC_BLK_CTRL, 1, TONIC_STATS_BASE);
    block(TONIC_STATS_BASE, TONIC_BLK_STATS, 1, TONIC_TXQ_BASE);
    block(TONIC_TXQ_BASE, TONIC_BLK_TXQ, o->chain == FAKE_CHAIN_BAD_VERSION ? 2 : 1, TONIC_RXQ_BASE);
    put(TONIC_TXQ_BASE + TONIC_TXQ_TXQ_COUNT, o->num_txq);
    put(TONIC_TXQ_BASE + TONIC_TXQ_TXQ_STRIDE, TONIC_TXQ_STRIDE);
    switch (o->chain) {
    case FAKE_CHAIN_LOOP: last_next = TONIC_CAPS_BASE; break;
    case FAKE_CHAIN_OUT_OF_RANGE: last_next = 0x20000; break;
    case FAKE_CHAIN_UNALIGNED: last_next = 0x3002; break;
    case FAKE_CHAIN_EXTRA: last_next = 0x3000; break;
    default: last_next = 0; break;
    }
    block(TONIC_RXQ_BASE, TONIC_BLK_RXQ, 1, last_next);
    put(TONIC_RXQ_BASE + TONIC_RXQ_RXQ_COUNT, o->num_rxq);
    put(TONIC_RXQ_BASE + TONIC_RXQ_RXQ_STRIDE, TONIC_RXQ_STRIDE);
    if (o->chain == FAKE_CHAIN_EXTRA)
        block(0x3000, 0x99, 7, 0);
}

/* ---- host memory ---------------------------------------------------------------------------- */

static uint8_t *dma(uint64_t addr, size_t len)
{
    uint64_t k, off;

    if (addr < TONIC_SIM_DMA_BASE)
        goto fault;
    k = (addr - TONIC_SIM_DMA_BASE) / TONIC_SIM_DMA_STRIDE;
    off = (addr - TONIC_SIM_DMA_BASE) % TONIC_SIM_DMA_STRIDE;
    if (k >= m.nreg || !m.reg[k].va || off + len > m.reg[k].size)
        goto fault;
    return m.reg[k].va + off;
fault:
    m.faults++;
    return NULL;
}

/* ---- interrupts ----------------------------------------------------------------------------- */

static void send_msg(int fd, const struct tonic_sim_msg *msg)
{
    if (fd >= 0)
        send(fd, msg, sizeof(*msg), MSG_NOSIGNAL);
}

static void irq_maybe(struct fq *q)
{
    struct tonic_sim_msg msg = {.type = TONIC_SIM_IRQ};

    if (!(q->qctrl & TONIC_Q_QCTRL_IRQ_ENABLE) || !q->armed || !q->unsignalled)
        return;
    msg.addr = q->irq & TONIC_Q_IRQ_VECTOR;
    for (int i = 0; i < MAX_CLIENTS; i++)
        send_msg(m.client[i], &msg);
    q->armed = 0;
    q->unsignalled = 0;
    m.stats[TONIC_STAT_IRQS]++;
}

/* ---- completions ---------------------------------------------------------------------------- */

static int write_cpl(struct fq *q, const uint32_t *w, unsigned words)
{
    uint32_t mask = (1u << q->size_log2) - 1;
    uint64_t base = (uint64_t)q->cq_base_hi << 32 | q->cq_base_lo;
    uint32_t *e;

    if (((q->cq_prod + 1) & mask) == q->cq_cons)
        return -1; /* completion ring full: wait */
    e = (uint32_t *)dma(base + (uint64_t)q->cq_prod * words * 4, words * 4);
    if (!e)
        return 0; /* the completion is lost, like a write answered with DECERR */
    memcpy(e, w, (words - 1) * 4);
    __atomic_store_n(&e[words - 1], w[words - 1] | q->phase << 31, __ATOMIC_RELEASE);
    q->cq_prod = (q->cq_prod + 1) & mask;
    if (q->cq_prod == 0)
        q->phase ^= 1;
    q->unsignalled++;
    return 0;
}

/* ---- RX ------------------------------------------------------------------------------------- */

static void rx_deliver(void)
{
again:
    while (m.fifo_n) {
        struct frame *f = &m.fifo[m.fifo_head];
        struct fq *q = &m.rxq[m.rx_default];
        uint32_t mask = (1u << q->size_log2) - 1, idx, avail, k = 0, off = 0;
        uint64_t base = (uint64_t)q->base_hi << 32 | q->base_lo;
        uint32_t w[8] = {0};

        if (!(q->qctrl & TONIC_Q_QCTRL_ENABLE)) {
            if (m.o.hold_rx)
                return;
            m.stats[TONIC_STAT_RX_DROP_QDIS]++;
            goto pop;
        }
        avail = (q->prod - q->cons) & mask;
        idx = q->cons;
        /* first check that enough good buffers are posted, then copy */
        while (off < f->len) {
            uint32_t *d;
            uint32_t len;

            if (k == avail)
                return; /* wait for buffers */
            d = (uint32_t *)dma(base + (uint64_t)idx * TONIC_RXD_SIZE, TONIC_RXD_SIZE);
            len = d ? tonic_rxd_len(d) : 0;
            if (!d || len == 0 || len % 8 || (tonic_rxd_addr_lo(d) & 7)) {
                if (k)
                    return; /* a bad buffer in the middle: not modelled */
                w[0] = idx | 1u << 16 | (uint32_t)(q - m.rxq) << 24;
                w[1] = (uint32_t)TONIC_RX_ST_BAD_DESC << 16;
                if (write_cpl(q, w, 8))
                    return;
                m.stats[TONIC_STAT_RX_ERR_DESC]++;
                q->cons = (q->cons + 1) & mask;
                irq_maybe(q);
                goto again;
            }
            off += len;
            k++;
            idx = (idx + 1) & mask;
        }
        off = 0;
        for (uint32_t i = 0; i < k; i++) {
            uint32_t *d = (uint32_t *)dma(base + (uint64_t)((q->cons + i) & mask) * TONIC_RXD_SIZE, TONIC_RXD_SIZE);
            uint32_t len = tonic_rxd_len(d), n = f->len - off < len ? f->len - off : len;
            uint8_t *dst = dma((uint64_t)tonic_rxd_addr_hi(d) << 32 | tonic_rxd_addr_lo(d), n);

            if (dst)
                memcpy(dst, f->data + off, n);
            off += n;
        }
        w[0] = q->cons | k << 16 | (uint32_t)(q - m.rxq) << 24;
        w[1] = f->len | (uint32_t)TONIC_RX_ST_OK << 16;
        w[3] = 0x5a5a0000u | f->len; /* a recognisable "RSS hash" */
        w[7] = 0x000004u;            /* PTYPE: outer L3 IPv4 (a recognisable value) */
        if (write_cpl(q, w, 8))
            return;
        q->cons = (q->cons + k) & mask;
        m.stats[TONIC_STAT_RX_FRAMES]++;
        m.stats[TONIC_STAT_RX_BYTES] += f->len;
        irq_maybe(q);
    pop:
        free(f->data);
        m.fifo_head = (m.fifo_head + 1) % FIFO_MAX;
        m.fifo_n--;
    }
}

/* ---- TX ------------------------------------------------------------------------------------- */

static void tx_process(struct fq *q)
{
    uint32_t mask = (1u << q->size_log2) - 1;
    uint64_t base = (uint64_t)q->base_hi << 32 | q->base_lo;

    while (q->cons != q->prod) {
        uint32_t n = 0, idx = q->cons, total = 0, status = TONIC_TX_ST_OK, w[4] = {0};
        size_t sum = 0;
        uint8_t *buf;
        int eop = 0;

        while (idx != q->prod) {
            uint32_t *d = (uint32_t *)dma(base + (uint64_t)idx * TONIC_TXD_SIZE, TONIC_TXD_SIZE);

            n++;
            if (!d) {
                status = TONIC_TX_ST_DMA_ERR;
                eop = 1;
                break;
            }
            sum += tonic_txd_len(d);
            if (tonic_txd_eop(d)) {
                eop = 1;
                break;
            }
            idx = (idx + 1) & mask;
        }
        if (!eop)
            return; /* the rest of the frame is not posted yet */
        buf = malloc(sum + 60);
        if (!buf)
            _exit(3);
        for (uint32_t i = 0; status == TONIC_TX_ST_OK && i < n; i++) {
            uint32_t *d = (uint32_t *)dma(base + (uint64_t)((q->cons + i) & mask) * TONIC_TXD_SIZE, TONIC_TXD_SIZE);
            uint32_t len = tonic_txd_len(d);
            uint8_t *src;

            if (len == 0) {
                status = TONIC_TX_ST_ZERO_LEN;
                break;
            }
            src = dma((uint64_t)tonic_txd_addr_hi(d) << 32 | tonic_txd_addr_lo(d), len);
            if (!src) {
                status = TONIC_TX_ST_DMA_ERR;
                break;
            }
            memcpy(buf + total, src, len);
            total += len;
        }
        if (status == TONIC_TX_ST_OK && n > m.o.dma_sg)
            status = TONIC_TX_ST_TOO_MANY;
        if (status == TONIC_TX_ST_OK && total > m.o.max_frame)
            status = TONIC_TX_ST_TOO_LONG;
        w[0] = ((q->cons + n - 1) & mask) | n << 16 | (uint32_t)(q - m.txq) << 24;
        w[1] = total;
        w[2] = status;
        if (write_cpl(q, w, 4)) {
            free(buf);
            return;
        }
        q->cons = (q->cons + n) & mask;
        irq_maybe(q);
        if (status != TONIC_TX_ST_OK) {
            m.stats[status == TONIC_TX_ST_DMA_ERR ? TONIC_STAT_TX_ERR_DMA : TONIC_STAT_TX_ERR_DESC]++;
            free(buf);
            continue;
        }
        m.stats[TONIC_STAT_TX_FRAMES]++;
        m.stats[TONIC_STAT_TX_BYTES] += total;
        if (total < 60) { /* the MAC pads */
            memset(buf + total, 0, 60 - total);
            total = 60;
        }
        if (m.fifo_n == FIFO_MAX) {
            m.stats[TONIC_STAT_RX_DROP_FIFO]++;
            free(buf);
            continue;
        }
        m.fifo[(m.fifo_head + m.fifo_n) % FIFO_MAX] = (struct frame){buf, total};
        m.fifo_n++;
    }
}

/* ---- registers ------------------------------------------------------------------------------ */

static struct fq *queue_of(uint32_t off, uint32_t *reg, int *is_rx)
{
    uint32_t blks[2] = {TONIC_TXQ_BASE, TONIC_RXQ_BASE};
    unsigned counts[2] = {m.o.num_txq, m.o.num_rxq};

    for (int r = 0; r < 2; r++) {
        uint32_t lo = blks[r] + TONIC_TXQ_QBASE;

        if (off >= lo && off < lo + counts[r] * TONIC_TXQ_STRIDE) {
            unsigned qi = (off - lo) / TONIC_TXQ_STRIDE;

            *reg = (off - lo) % TONIC_TXQ_STRIDE;
            *is_rx = r;
            return r ? &m.rxq[qi] : &m.txq[qi];
        }
    }
    return NULL;
}

static void queue_reset(struct fq *q)
{
    q->prod = q->cons = q->cq_prod = q->cq_cons = 0;
    q->phase = 1;
    q->armed = 1;
    q->unsignalled = 0;
}

static uint32_t queue_read(struct fq *q, uint32_t reg)
{
    switch (reg) {
    case TONIC_Q_BASE_LO: return q->base_lo;
    case TONIC_Q_BASE_HI: return q->base_hi;
    case TONIC_Q_SIZE_LOG2: return q->size_log2;
    case TONIC_Q_QCTRL: return q->qctrl;
    case TONIC_Q_PROD: return q->prod;
    case TONIC_Q_CONS: return q->cons;
    case TONIC_Q_CQ_BASE_LO: return q->cq_base_lo;
    case TONIC_Q_CQ_BASE_HI: return q->cq_base_hi;
    case TONIC_Q_CQ_CONS: return q->cq_cons;
    case TONIC_Q_CQ_PROD: return q->cq_prod;
    case TONIC_Q_IRQ: return q->irq;
    case TONIC_Q_IRQ_TIMER: return q->irq_timer;
    case TONIC_Q_QSTATUS: {
        int active = (q->qctrl & TONIC_Q_QCTRL_ENABLE) || q->active_reads > 0;

        if (!(q->qctrl & TONIC_Q_QCTRL_ENABLE) && q->active_reads > 0 && !m.o.stuck_active)
            q->active_reads--;
        return q->qstatus | (active ? TONIC_Q_QSTATUS_ACTIVE : 0);
    }
    default: return 0;
    }
}

static void queue_write(struct fq *q, int is_rx, uint32_t reg, uint32_t v)
{
    int enabled = q->qctrl & TONIC_Q_QCTRL_ENABLE;
    uint32_t size = 1u << q->size_log2;

    switch (reg) {
    case TONIC_Q_BASE_LO: case TONIC_Q_BASE_HI: case TONIC_Q_SIZE_LOG2: case TONIC_Q_CQ_BASE_LO:
    case TONIC_Q_CQ_BASE_HI: case TONIC_Q_IRQ: case TONIC_Q_IRQ_TIMER:
        if (enabled || (reg == TONIC_Q_SIZE_LOG2 && (v < 4 || v > 12 || m.o.refuse_size)) ||
            (reg == TONIC_Q_IRQ && (v & TONIC_Q_IRQ_VECTOR) >= m.o.num_irq)) {
            q->qstatus |= TONIC_Q_QSTATUS_CFG;
            return;
        }
        if (reg == TONIC_Q_BASE_LO) q->base_lo = v;
        if (reg == TONIC_Q_BASE_HI) q->base_hi = v;
        if (reg == TONIC_Q_SIZE_LOG2) q->size_log2 = v;
        if (reg == TONIC_Q_CQ_BASE_LO) q->cq_base_lo = v;
        if (reg == TONIC_Q_CQ_BASE_HI) q->cq_base_hi = v;
        if (reg == TONIC_Q_IRQ) q->irq = v;
        if (reg == TONIC_Q_IRQ_TIMER) q->irq_timer = v;
        return;
    case TONIC_Q_QCTRL:
        if ((v & TONIC_Q_QCTRL_ENABLE) && !enabled)
            queue_reset(q);
        if (!(v & TONIC_Q_QCTRL_ENABLE) && enabled)
            q->active_reads = 2; /* "work in flight" finishes after a couple of polls */
        q->qctrl = v & 3;
        if (is_rx)
            rx_deliver();
        return;
    case TONIC_Q_PROD:
        if (v >= size) {
            q->qstatus |= TONIC_Q_QSTATUS_DOORBELL;
            m.err_status |= TONIC_CTRL_ERR_STATUS_DOORBELL;
            m.stats[TONIC_STAT_DOORBELL_ERR]++;
            return;
        }
        q->prod = v;
        if (!enabled)
            return;
        if (!is_rx)
            tx_process(q);
        rx_deliver();
        return;
    case TONIC_Q_CQ_CONS:
        if (v >= size) {
            q->qstatus |= TONIC_Q_QSTATUS_DOORBELL;
            return;
        }
        q->cq_cons = v;
        q->armed = 1;
        irq_maybe(q);
        if (!is_rx)
            tx_process(q); /* may have waited for completion space */
        rx_deliver();
        return;
    case TONIC_Q_QSTATUS:
        q->qstatus &= ~(v & 0xF);
        return;
    default:
        return;
    }
}

static void soft_reset(void)
{
    for (int i = 0; i < NQ; i++) {
        memset(&m.txq[i], 0, sizeof(m.txq[i]));
        memset(&m.rxq[i], 0, sizeof(m.rxq[i]));
    }
    memset(m.stats, 0, sizeof(m.stats));
}

static uint32_t reg_read(uint32_t off)
{
    uint32_t reg;
    int is_rx;
    struct fq *q = queue_of(off, &reg, &is_rx);

    if (q)
        return queue_read(q, reg);
    if (off >= TONIC_STATS_BASE + TONIC_STATS_TX_FRAMES_LO && off < TONIC_STATS_BASE + TONIC_STATS_TX_FRAMES_LO + 8 * TONIC_STATS_NUM) {
        unsigned i = (off - TONIC_STATS_BASE - TONIC_STATS_TX_FRAMES_LO) / 8;

        if ((off & 4) == 0) {
            m.stats_hi = (uint32_t)(m.stats[i] >> 32);
            return (uint32_t)m.stats[i];
        }
        return m.stats_hi;
    }
    switch (off) {
    case TONIC_CTRL_BASE + TONIC_CTRL_CTRL: return 0;
    case TONIC_CTRL_BASE + TONIC_CTRL_RX_DEFAULT_QUEUE: return m.rx_default;
    case TONIC_CTRL_BASE + TONIC_CTRL_RX_NOBUF_TIMEOUT: return m.rx_nobuf;
    case TONIC_CTRL_BASE + TONIC_CTRL_ERR_STATUS: return m.err_status;
    case TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH: return m.scratch;
    case TONIC_CTRL_BASE + TONIC_CTRL_CYCLES_LO:
        m.cycles_hi = (uint32_t)(m.cycles >> 32);
        return (uint32_t)m.cycles;
    case TONIC_CTRL_BASE + TONIC_CTRL_CYCLES_HI: return m.cycles_hi;
    case TONIC_STATS_BASE + TONIC_STATS_STATS_CTRL: return 0;
    default: return m.bar[off / 4];
    }
}

static void reg_write(uint32_t off, uint32_t v)
{
    uint32_t reg;
    int is_rx;
    struct fq *q = queue_of(off, &reg, &is_rx);

    if (q) {
        queue_write(q, is_rx, reg, v);
        return;
    }
    switch (off) {
    case TONIC_CTRL_BASE + TONIC_CTRL_CTRL:
        if (v & TONIC_CTRL_CTRL_SOFT_RESET)
            soft_reset();
        break;
    case TONIC_CTRL_BASE + TONIC_CTRL_RX_DEFAULT_QUEUE:
        if (v < m.o.num_rxq) {
            m.rx_default = v;
            rx_deliver();
        } else {
            m.err_status |= TONIC_CTRL_ERR_STATUS_BAD_REG;
        }
        break;
    case TONIC_CTRL_BASE + TONIC_CTRL_RX_NOBUF_TIMEOUT: m.rx_nobuf = v; break;
    case TONIC_CTRL_BASE + TONIC_CTRL_ERR_STATUS: m.err_status &= ~v; break;
    case TONIC_CTRL_BASE + TONIC_CTRL_SCRATCH: m.scratch = v; break;
    case TONIC_STATS_BASE + TONIC_STATS_STATS_CTRL:
        if (v & 1)
            memset(m.stats, 0, sizeof(m.stats));
        break;
    default: break;
    }
}

/* ---- protocol ------------------------------------------------------------------------------- */

static void drop_client(int slot)
{
    close(m.client[slot]);
    m.client[slot] = -1;
    for (unsigned k = 0; k < m.nreg; k++)
        if (m.reg[k].va && m.reg[k].owner == slot) {
            munmap(m.reg[k].va, m.reg[k].size);
            m.reg[k].va = NULL;
        }
}

static void serve(int slot)
{
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } ctl;
    struct tonic_sim_msg msg, rep;
    struct iovec iov = {.iov_base = &msg, .iov_len = sizeof(msg)};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof(ctl.buf)};
    int fd = m.client[slot], passed = -1;
    ssize_t n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC);
    struct cmsghdr *c;

    if (n <= 0) {
        drop_client(slot);
        return;
    }
    for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
            memcpy(&passed, CMSG_DATA(c), sizeof(int));
    if (m.o.silent || n != sizeof(msg)) {
        if (passed >= 0)
            close(passed);
        return;
    }
    m.cycles += 100;
    rep = msg;
    rep.status = TONIC_SIM_OK;
    switch (msg.type) {
    case TONIC_SIM_HELLO:
        rep.status = msg.addr == TONIC_SIM_PROTO_VERSION ? TONIC_SIM_OK : TONIC_SIM_EINVAL;
        rep.data = BAR_SIZE;
        rep.aux = 156250000u;
        rep.len = m.o.num_irq;
        send_msg(fd, &rep);
        break;
    case TONIC_SIM_MEM_ADD:
        rep.addr = 0;
        if (passed < 0 || m.nreg == TONIC_SIM_MAX_REGIONS) {
            rep.status = passed < 0 ? TONIC_SIM_EINVAL : TONIC_SIM_ENOMEM;
        } else {
            void *va = mmap(NULL, msg.data, PROT_READ | PROT_WRITE, MAP_SHARED, passed, 0);

            if (va == MAP_FAILED) {
                rep.status = TONIC_SIM_EINVAL;
            } else {
                m.reg[m.nreg] = (struct region){va, msg.data, slot};
                rep.addr = TONIC_SIM_DMA_BASE + m.nreg * TONIC_SIM_DMA_STRIDE;
                m.nreg++;
            }
        }
        if (passed >= 0)
            close(passed);
        send_msg(fd, &rep);
        break;
    case TONIC_SIM_MMIO_RD:
        m.reads++;
        if (m.o.die_after_reads && m.reads > m.o.die_after_reads)
            _exit(0);
        if (m.o.mute_after_reads && m.reads > m.o.mute_after_reads)
            break;
        if ((msg.addr & 3) || msg.addr >= BAR_SIZE || msg.len != 4)
            rep.status = TONIC_SIM_EINVAL;
        else
            rep.data = reg_read((uint32_t)msg.addr);
        send_msg(fd, &rep);
        break;
    case TONIC_SIM_MMIO_WR:
        if (!(msg.addr & 3) && msg.addr < BAR_SIZE && msg.len == 4)
            reg_write((uint32_t)msg.addr, (uint32_t)msg.data);
        break;
    case TONIC_SIM_INFO:
        rep.addr = m.cycles;
        rep.data = m.faults;
        send_msg(fd, &rep);
        break;
    default:
        rep.status = TONIC_SIM_EINVAL;
        send_msg(fd, &rep);
        break;
    }
}

static void run(int lfd)
{
    for (;;) {
        struct pollfd p[MAX_CLIENTS + 1];

        p[0] = (struct pollfd){.fd = lfd, .events = POLLIN};
        for (int i = 0; i < MAX_CLIENTS; i++)
            p[i + 1] = (struct pollfd){.fd = m.client[i], .events = POLLIN};
        if (poll(p, MAX_CLIENTS + 1, -1) < 0 && errno != EINTR)
            _exit(1);
        if (p[0].revents & POLLIN) {
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

            for (int i = 0; fd >= 0 && i < MAX_CLIENTS; i++)
                if (m.client[i] < 0) {
                    m.client[i] = fd;
                    fd = -1;
                }
            if (fd >= 0)
                close(fd);
        }
        for (int i = 0; i < MAX_CLIENTS; i++)
            if (m.client[i] >= 0 && (p[i + 1].revents & (POLLIN | POLLHUP | POLLERR)))
                serve(i);
    }
}

pid_t fake_sim_start(const char *sock_path, const struct fake_opts *o)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    int lfd;
    pid_t pid;

    if (strlen(sock_path) >= sizeof(sa.sun_path))
        return -1;
    strcpy(sa.sun_path, sock_path);
    unlink(sock_path);
    lfd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 8)) {
        perror("fake_sim: listen");
        return -1;
    }
    fflush(NULL);
    pid = fork();
    if (pid < 0)
        return -1;
    if (pid > 0) {
        close(lfd);
        return pid;
    }
    {
        sigset_t none;

        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
    }
    memset(&m, 0, sizeof(m));
    m.o = *o;
    m.rx_nobuf = 0x10000;
    for (int i = 0; i < MAX_CLIENTS; i++)
        m.client[i] = -1;
    for (int i = 0; i < NQ; i++) {
        m.txq[i].irq = (uint32_t)i;
        m.rxq[i].irq = (uint32_t)(4 + i) % (o->num_irq ? o->num_irq : 1);
    }
    build_bar();
    if (o->txq0_left_enabled) {
        m.txq[0].size_log2 = 4;
        m.txq[0].qctrl = TONIC_Q_QCTRL_ENABLE;
        queue_reset(&m.txq[0]);
        m.txq[0].base_lo = 0xdead0000u; /* memory of the previous owner, long gone */
    }
    signal(SIGPIPE, SIG_IGN);
    run(lfd);
    _exit(0);
}

void fake_sim_stop(pid_t pid, const char *sock_path)
{
    if (pid > 0) {
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
    }
    if (sock_path)
        unlink(sock_path);
}
