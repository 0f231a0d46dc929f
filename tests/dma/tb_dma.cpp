// SPDX-License-Identifier: MIT
// tb_dma.cpp — unit test of the DMA engines and queues of tonic_nic, with random AXI stalls.
//
// Runs the Verilated device in-process on the simulator's own models (Harness, HostMem, DmaSlave,
// MmioMaster, wire loopback), with the DMA slave withholding ready and delaying valid at random
// and a random read latency. The test plays the host driver itself so it can write any
// descriptor, including malformed ones, and compares what the device does against a small C
// reference of the queue rules in docs/dma.md: which frames arrive, byte for byte and in order
// per queue, and the exact completion entries (status, descriptor index, count, length) and
// statistics counters. Usage: tb_dma SCENARIO [SEED] [STALL_PERCENT]
#include "harness.h"
#include "host_mem.h"
#include "tonic_regs.h"
#include "tonic/sim_proto.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <vector>

// ------------------------------------------------------------------ checks
static unsigned g_pass, g_fail;
static void check(bool ok, const char *fmt, ...)
{
    if (ok) {
        g_pass++;
        return;
    }
    g_fail++;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
}
#define REQUIRE(c, ...)                                                                                            \
    do {                                                                                                           \
        if (!(c)) {                                                                                                \
            check(false, __VA_ARGS__);                                                                             \
            finish();                                                                                              \
        }                                                                                                          \
    } while (0)

[[noreturn]] static void finish()
{
    printf("%u passed, %u failed\n", g_pass, g_fail);
    exit(g_fail ? 1 : 0);
}

static uint64_t g_rng = 1;
static uint32_t rnd(uint32_t n) // 0..n-1
{
    g_rng ^= g_rng << 13;
    g_rng ^= g_rng >> 7;
    g_rng ^= g_rng << 17;
    return static_cast<uint32_t>(g_rng % n);
}

// ------------------------------------------------------------------ C reference of the queue rules
// Expected TX status of a frame given its descriptor lengths and whether each buffer is readable.
static unsigned ref_tx_status(const std::vector<uint32_t> &lens, const std::vector<bool> &readable)
{
    unsigned total = 0;
    for (size_t i = 0; i < lens.size(); i++) {
        if (lens[i] == 0)
            return TONIC_TX_ST_ZERO_LEN;
        if (i + 1 > 16)
            return TONIC_TX_ST_TOO_MANY;
        total += lens[i];
        if (total > 9216)
            return TONIC_TX_ST_TOO_LONG;
    }
    for (bool r : readable)
        if (!r)
            return TONIC_TX_ST_DMA_ERR;
    return TONIC_TX_ST_OK;
}
// Buffers a frame of `len` bytes uses, given the posted buffer lengths from the next one on.
static unsigned ref_rx_ndesc(unsigned len, const std::deque<uint32_t> &buf_lens)
{
    unsigned n = 0;
    for (uint32_t b : buf_lens) {
        n++;
        if (len <= b)
            return n;
        len -= b;
    }
    return 0; // not enough buffers
}

// ------------------------------------------------------------------ the device and host memory
struct Env {
    HostMem mem;
    Harness h;
    uint64_t dma0 = 0, size = 0, bump = 0;

    Env(uint64_t latency, uint64_t seed, unsigned stall) : h(mem, nullptr, latency, seed)
    {
        size = 64ull << 20;
        int fd = memfd_create("tb_dma", 0);
        REQUIRE(fd >= 0 && ftruncate(fd, static_cast<off_t>(size)) == 0, "memfd");
        REQUIRE(mem.add(fd, size, 1, &dma0) == TONIC_SIM_OK, "HostMem::add");
        h.dma.set_stalls(seed, stall);
        h.run_until([] { return false; }, Harness::kResetCycles + 4);
    }
    uint64_t alloc(uint64_t n, uint64_t align)
    {
        bump = (bump + align - 1) & ~(align - 1);
        uint64_t a = dma0 + bump;
        bump += n;
        REQUIRE(bump <= size, "test memory exhausted");
        return a;
    }
    uint8_t *ptr(uint64_t dma)
    {
        uint8_t *p = mem.translate(dma, 1);
        if (!p) {
            fprintf(stderr, "FAIL: test wrote outside host memory at 0x%llx\n", (unsigned long long)dma);
            abort();
        }
        return p;
    }
    uint32_t rd(uint32_t off)
    {
        uint32_t v = 0;
        bool done = false;
        h.mmio.read(off, [&](uint32_t x) {
            v = x;
            done = true;
        });
        REQUIRE(h.run_until([&] { return done; }, 100000), "MMIO read 0x%x timed out", off);
        return v;
    }
    void wr(uint32_t off, uint32_t v)
    {
        h.mmio.write(off, v);
        REQUIRE(h.run_until([&] { return h.mmio.idle(); }, 100000), "MMIO write 0x%x timed out", off);
    }
    uint64_t stat(unsigned i)
    {
        uint32_t lo = rd(TONIC_STATS_BASE + TONIC_STATS_TX_FRAMES_LO + 8 * i);
        uint32_t hi = rd(TONIC_STATS_BASE + TONIC_STATS_TX_FRAMES_LO + 8 * i + 4);
        return (static_cast<uint64_t>(hi) << 32) | lo;
    }
    void run(unsigned n) { h.run_until([] { return false; }, n); }
};

static uint32_t qreg(bool tx, unsigned q, uint32_t r)
{
    return tx ? TONIC_TXQ_BASE + TONIC_TXQ_QBASE + q * TONIC_TXQ_STRIDE + r
              : TONIC_RXQ_BASE + TONIC_RXQ_QBASE + q * TONIC_RXQ_STRIDE + r;
}

// ------------------------------------------------------------------ host-side queues
// Programs a queue's rings and size while it is disabled, then enables it (docs/dma.md).
static void enable_queue(Env &e, bool tx, unsigned q, uint64_t ring, uint64_t cq, unsigned log2)
{
    e.wr(qreg(tx, q, TONIC_Q_BASE_LO), static_cast<uint32_t>(ring));
    e.wr(qreg(tx, q, TONIC_Q_BASE_HI), static_cast<uint32_t>(ring >> 32));
    e.wr(qreg(tx, q, TONIC_Q_CQ_BASE_LO), static_cast<uint32_t>(cq));
    e.wr(qreg(tx, q, TONIC_Q_CQ_BASE_HI), static_cast<uint32_t>(cq >> 32));
    e.wr(qreg(tx, q, TONIC_Q_SIZE_LOG2), log2);
    e.wr(qreg(tx, q, TONIC_Q_QCTRL), TONIC_Q_QCTRL_ENABLE);
}

struct TxFrame {
    std::vector<uint8_t> bytes;
    unsigned q, first_idx, ndesc, status;
};

struct TxQ {
    Env &e;
    unsigned id, log2, n;
    uint64_t ring, cq;
    unsigned prod = 0, cq_cons = 0, phase = 1, outstanding = 0;
    std::deque<TxFrame> pending; // frames posted, completion not yet seen

    TxQ(Env &env, unsigned q, unsigned lg) : e(env), id(q), log2(lg), n(1u << lg)
    {
        ring = e.alloc(n * TONIC_TXD_SIZE, 64);
        cq = e.alloc(n * TONIC_TXC_SIZE, 64);
        memset(e.ptr(cq), 0, n * TONIC_TXC_SIZE);
        enable_queue(e, true, id, ring, cq, log2);
    }
    unsigned space() const { return n - 1 - outstanding; }
    // Posts a frame as the given buffers (addresses may be anywhere, lengths may be bad).
    void post(const std::vector<uint8_t> &bytes, const std::vector<uint64_t> &addrs,
              const std::vector<uint32_t> &lens, unsigned expect_status, bool doorbell = true)
    {
        unsigned first = prod;
        for (size_t i = 0; i < addrs.size(); i++) {
            uint8_t *d = e.ptr(ring + prod * TONIC_TXD_SIZE);
            memset(d, 0, TONIC_TXD_SIZE);
            tonic_set_txd_addr_lo(d, static_cast<uint32_t>(addrs[i]));
            tonic_set_txd_addr_hi(d, static_cast<uint32_t>(addrs[i] >> 32));
            tonic_set_txd_len(d, lens[i]);
            tonic_set_txd_eop(d, i + 1 == addrs.size());
            prod = (prod + 1) & (n - 1);
        }
        outstanding += static_cast<unsigned>(addrs.size());
        pending.push_back(TxFrame{bytes, id, first, static_cast<unsigned>(addrs.size()), expect_status});
        if (doorbell)
            e.wr(qreg(true, id, TONIC_Q_PROD), prod);
    }
    // Copies a frame into freshly allocated buffers split at random, at random alignment.
    void send(const std::vector<uint8_t> &bytes, unsigned max_bufs = 16)
    {
        std::vector<uint64_t> addrs;
        std::vector<uint32_t> lens;
        size_t off = 0, len = bytes.size();
        unsigned nb = 1 + rnd(std::min<unsigned>(max_bufs, static_cast<unsigned>(len)));
        for (unsigned b = 0; b < nb; b++) {
            size_t chunk = b + 1 == nb ? len - off : 1 + rnd(static_cast<uint32_t>((len - off) - (nb - b - 1)));
            if (b + 1 < nb && chunk > (len - off) - (nb - b - 1))
                chunk = (len - off) - (nb - b - 1);
            uint64_t a = e.alloc(chunk + 64, 64) + rnd(64);
            memcpy(e.ptr(a), bytes.data() + off, chunk);
            addrs.push_back(a);
            lens.push_back(static_cast<uint32_t>(chunk));
            off += chunk;
        }
        post(bytes, addrs, lens, TONIC_TX_ST_OK);
    }
    // Checks every completion that has arrived against the reference; returns frames completed.
    unsigned reap(std::vector<TxFrame> *sent_ok)
    {
        unsigned got = 0;
        for (;;) {
            const uint8_t *c = e.ptr(cq + cq_cons * TONIC_TXC_SIZE);
            if (tonic_txc_phase(c) != phase)
                break;
            REQUIRE(!pending.empty(), "TX queue %u: completion with no frame outstanding", id);
            TxFrame f = pending.front();
            pending.pop_front();
            unsigned last = (f.first_idx + f.ndesc - 1) & (n - 1);
            check(tonic_txc_status(c) == f.status, "TXQ %u frame at %u: status %u, expected %u", id, f.first_idx,
                  tonic_txc_status(c), f.status);
            check(tonic_txc_desc_idx(c) == last, "TXQ %u: DESC_IDX %u, expected %u", id, tonic_txc_desc_idx(c), last);
            check(tonic_txc_ndesc(c) == f.ndesc, "TXQ %u: NDESC %u, expected %u", id, tonic_txc_ndesc(c), f.ndesc);
            check(tonic_txc_queue(c) == id, "TXQ %u: QUEUE %u", id, tonic_txc_queue(c));
            if (f.status == TONIC_TX_ST_OK) {
                check(tonic_txc_bytes(c) == f.bytes.size(), "TXQ %u: BYTES %u, expected %zu", id, tonic_txc_bytes(c),
                      f.bytes.size());
                if (sent_ok)
                    sent_ok->push_back(f);
            }
            outstanding -= f.ndesc;
            cq_cons = (cq_cons + 1) & (n - 1);
            if (cq_cons == 0)
                phase ^= 1;
            got++;
        }
        if (got)
            e.wr(qreg(true, id, TONIC_Q_CQ_CONS), cq_cons);
        return got;
    }
};

struct RxCpl {
    unsigned status, len, ndesc, idx;
    std::vector<uint8_t> bytes;
};

struct RxQ {
    Env &e;
    unsigned id, log2, n;
    uint64_t ring, cq;
    unsigned prod = 0, cq_cons = 0, phase = 1;
    std::vector<uint64_t> buf_addr;
    std::vector<uint32_t> buf_len;
    std::deque<uint32_t> posted_lens; // lengths of posted, unused buffers in ring order

    RxQ(Env &env, unsigned q, unsigned lg) : e(env), id(q), log2(lg), n(1u << lg), buf_addr(n), buf_len(n)
    {
        ring = e.alloc(n * TONIC_RXD_SIZE, 64);
        cq = e.alloc(n * TONIC_RXC_SIZE, 64);
        memset(e.ptr(cq), 0, n * TONIC_RXC_SIZE);
        enable_queue(e, false, id, ring, cq, log2);
    }
    unsigned free_slots() const { return n - 1 - static_cast<unsigned>(posted_lens.size()); }
    void post_at(uint64_t addr, uint32_t len, bool doorbell = true)
    {
        uint8_t *d = e.ptr(ring + prod * TONIC_RXD_SIZE);
        memset(d, 0, TONIC_RXD_SIZE);
        tonic_set_rxd_addr_lo(d, static_cast<uint32_t>(addr));
        tonic_set_rxd_addr_hi(d, static_cast<uint32_t>(addr >> 32));
        tonic_set_rxd_len(d, len);
        buf_addr[prod] = addr;
        buf_len[prod] = len;
        posted_lens.push_back(len);
        prod = (prod + 1) & (n - 1);
        if (doorbell)
            e.wr(qreg(false, id, TONIC_Q_PROD), prod);
    }
    void post(uint32_t len, bool doorbell = true) { post_at(e.alloc(len, 64), len, doorbell); }
    // Next completion, if any: gathers its buffers and checks NDESC against the reference.
    bool poll(RxCpl &out)
    {
        const uint8_t *c = e.ptr(cq + cq_cons * TONIC_RXC_SIZE);
        if (tonic_rxc_phase(c) != phase)
            return false;
        out.status = tonic_rxc_status(c);
        out.len = tonic_rxc_len(c);
        out.ndesc = tonic_rxc_ndesc(c);
        out.idx = tonic_rxc_desc_idx(c);
        check(tonic_rxc_queue(c) == id, "RXQ %u: QUEUE %u", id, tonic_rxc_queue(c));
        if (out.status == TONIC_RX_ST_OK) {
            unsigned want = ref_rx_ndesc(out.len, posted_lens);
            check(out.ndesc == want, "RXQ %u: frame of %u bytes used %u buffers, expected %u", id, out.len,
                  out.ndesc, want);
        }
        out.bytes.clear();
        unsigned left = out.len;
        for (unsigned i = 0; i < out.ndesc; i++) {
            unsigned s = (out.idx + i) & (n - 1);
            unsigned take = std::min(left, buf_len[s]);
            const uint8_t *p = e.mem.translate(buf_addr[s], take ? take : 1);
            if (p) // a buffer outside host memory (fault test) holds nothing to gather
                out.bytes.insert(out.bytes.end(), p, p + take);
            left -= take;
            if (!posted_lens.empty())
                posted_lens.pop_front();
        }
        cq_cons = (cq_cons + 1) & (n - 1);
        if (cq_cons == 0)
            phase ^= 1;
        e.wr(qreg(false, id, TONIC_Q_CQ_CONS), cq_cons);
        return true;
    }
};

static std::vector<uint8_t> make_frame(unsigned len, unsigned q, unsigned seq)
{
    std::vector<uint8_t> f(len);
    for (auto &b : f)
        b = static_cast<uint8_t>(rnd(256));
    static const uint8_t hdr[14] = {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 0x88, 0xB5};
    memcpy(f.data(), hdr, std::min<size_t>(14, len));
    if (len >= 19) {
        f[14] = static_cast<uint8_t>(q);
        memcpy(&f[15], &seq, 4);
    }
    return f;
}

static unsigned rand_len()
{
    switch (rnd(4)) {
    case 0: return 60 + rnd(64);
    case 1: return 60 + rnd(1500);
    case 2: return 9000 + rnd(217);
    default: return 60 + rnd(9157);
    }
}

// Waits until `pred` or fails after `limit` cycles, polling every 64 cycles.
template <typename P> static void wait_for(Env &e, P pred, uint64_t limit, const char *what)
{
    for (uint64_t c = 0; c < limit; c += 64) {
        if (pred())
            return;
        e.run(64);
    }
    REQUIRE(pred(), "timed out waiting for %s", what);
}

// ------------------------------------------------------------------ scenarios
// Random traffic on all four TX queues into RX queue 0, random splits and alignment.
static void scenario_traffic(Env &e, unsigned frames)
{
    std::vector<TxQ *> tx;
    for (unsigned q = 0; q < 4; q++)
        tx.push_back(new TxQ(e, q, 5 + q % 2));
    RxQ rx(e, 0, 8);
    while (rx.free_slots() > 0)
        rx.post(8 * (8 + rnd(504)), rx.free_slots() == 1);

    std::vector<TxFrame> sent_ok;
    std::map<unsigned, std::deque<std::vector<uint8_t>>> expect; // per TX queue, in order
    unsigned sent = 0, received = 0, seq[4] = {0, 0, 0, 0};
    uint64_t idle = 0;
    while (received < frames) {
        unsigned q = rnd(4);
        if (sent < frames && tx[q]->space() >= 16) {
            auto f = make_frame(rand_len(), q, seq[q]++);
            tx[q]->send(f);
            expect[q].push_back(f);
            sent++;
        }
        e.run(16 + rnd(200));
        for (auto *t : tx)
            t->reap(&sent_ok);
        RxCpl c;
        while (rx.poll(c)) {
            check(c.status == TONIC_RX_ST_OK, "RX status %u", c.status);
            REQUIRE(c.bytes.size() >= 19, "RX frame of %zu bytes", c.bytes.size());
            unsigned fq = c.bytes[14];
            REQUIRE(fq < 4 && !expect[fq].empty(), "RX frame from unknown queue %u", fq);
            check(c.bytes == expect[fq].front(), "RX frame %u (queue %u) differs from what was sent", received, fq);
            expect[fq].pop_front();
            received++;
            while (rx.free_slots() > 0)
                rx.post(8 * (8 + rnd(504)), rx.free_slots() == 1);
            idle = 0;
        }
        REQUIRE(++idle < 20000, "traffic stalled: sent %u received %u", sent, received);
    }
    wait_for(e, [&] {
        for (auto *t : tx)
            t->reap(&sent_ok);
        return sent_ok.size() == frames;
    }, 200000, "TX completions");
    check(e.stat(TONIC_STAT_TX_FRAMES) == frames, "TX_FRAMES counter");
    check(e.stat(TONIC_STAT_RX_FRAMES) == frames, "RX_FRAMES counter");
    check(e.stat(TONIC_STAT_TX_BYTES) == e.stat(TONIC_STAT_RX_BYTES), "TX_BYTES == RX_BYTES");
    for (auto *t : tx)
        delete t;
}

// Malformed TX descriptors are completed with the reference status, send nothing, and the next
// good frame goes through.
static void scenario_tx_bad(Env &e)
{
    TxQ tx(e, 1, 6);
    RxQ rx(e, 0, 6);
    for (unsigned i = 0; i < 63; i++)
        rx.post(2048, i == 62);
    uint64_t hole = 0x0000000F00000000ull; // no region there
    struct Case {
        const char *what;
        std::vector<uint32_t> lens;
        int bad_buf; // index of an unreadable buffer, -1 none
    };
    std::vector<Case> cases = {
        {"zero-length buffer in the middle", {100, 0, 200}, -1},
        {"zero-length single buffer", {0}, -1},
        {"9217 bytes", {5000, 4217}, -1},
        {"17 buffers", std::vector<uint32_t>(17, 64), -1},
        {"buffer outside host memory", {300, 300}, 1},
        {"first buffer outside host memory", {1500}, 0},
    };
    unsigned errs_desc = 0, errs_dma = 0;
    for (auto &c : cases) {
        std::vector<uint64_t> addrs;
        std::vector<bool> readable;
        size_t total = 0;
        for (size_t i = 0; i < c.lens.size(); i++) {
            bool ok = static_cast<int>(i) != c.bad_buf;
            addrs.push_back(ok ? e.alloc(c.lens[i] + 8, 8) + 3 : hole + 0x100 * i);
            readable.push_back(ok);
            total += c.lens[i];
        }
        unsigned st = ref_tx_status(c.lens, readable);
        (st == TONIC_TX_ST_DMA_ERR ? errs_dma : errs_desc)++;
        tx.post(std::vector<uint8_t>(total), addrs, c.lens, st);
        // a good frame right behind it
        auto good = make_frame(60 + rnd(3000), 1, 1000 + errs_desc + errs_dma);
        tx.send(good);
        RxCpl rc;
        wait_for(e, [&] { return rx.poll(rc); }, 400000, c.what);
        check(rc.status == TONIC_RX_ST_OK && rc.bytes == good, "%s: the next good frame arrives intact", c.what);
        wait_for(e, [&] {
            tx.reap(nullptr);
            return tx.pending.empty();
        }, 100000, "TX completions");
        e.run(2000);
        check(!rx.poll(rc), "%s: nothing else arrives", c.what);
    }
    check(e.stat(TONIC_STAT_TX_ERR_DESC) == errs_desc, "TX_ERR_DESC = %u (is %llu)", errs_desc,
          (unsigned long long)e.stat(TONIC_STAT_TX_ERR_DESC));
    check(e.stat(TONIC_STAT_TX_ERR_DMA) == errs_dma, "TX_ERR_DMA = %u (is %llu)", errs_dma,
          (unsigned long long)e.stat(TONIC_STAT_TX_ERR_DMA));
    uint32_t err = e.rd(TONIC_CTRL_BASE + TONIC_CTRL_ERR_STATUS);
    check(err & TONIC_CTRL_ERR_STATUS_TX_DESC, "ERR_STATUS.TX_DESC set");
    check(err & TONIC_CTRL_ERR_STATUS_DMA, "ERR_STATUS.DMA set");
    uint64_t fa = (static_cast<uint64_t>(e.rd(TONIC_CTRL_BASE + TONIC_CTRL_DMA_ERR_ADDR_HI)) << 32) |
                  e.rd(TONIC_CTRL_BASE + TONIC_CTRL_DMA_ERR_ADDR_LO);
    // the last faulting access: the last 256-byte burst of the 1500-byte buffer at `hole`
    uint64_t want = hole + ((1500 - 1) & ~0xFFull);
    check(fa == want, "DMA_ERR_ADDR = 0x%llx, expected 0x%llx", (unsigned long long)fa, (unsigned long long)want);
    uint32_t qs = e.rd(qreg(true, 1, TONIC_Q_QSTATUS));
    check((qs & (TONIC_Q_QSTATUS_DESC | TONIC_Q_QSTATUS_DMA)) == (TONIC_Q_QSTATUS_DESC | TONIC_Q_QSTATUS_DMA),
          "TXQ 1 QSTATUS DESC and DMA set (0x%x)", qs);
    e.wr(qreg(true, 1, TONIC_Q_QSTATUS), TONIC_Q_QSTATUS_DESC | TONIC_Q_QSTATUS_DMA);
    check((e.rd(qreg(true, 1, TONIC_Q_QSTATUS)) & 0xF) == 0, "QSTATUS errors clear on write-1");
}

// Doorbells outside the ring and configuration writes to an enabled queue are refused; the queue
// keeps working. A full ring (N-1 descriptors, one doorbell) completes entirely, across wraps.
static void scenario_doorbell_full(Env &e)
{
    TxQ tx(e, 2, 4); // 16 entries
    RxQ rx(e, 0, 8);
    for (unsigned i = 0; i < 255; i++)
        rx.post(2048, i == 254);
    e.wr(qreg(true, 2, TONIC_Q_PROD), 16);
    e.wr(qreg(true, 2, TONIC_Q_PROD), 0xFFFF);
    e.wr(qreg(true, 2, TONIC_Q_CQ_CONS), 99);
    e.wr(qreg(true, 2, TONIC_Q_SIZE_LOG2), 6); // enabled: refused
    check(e.stat(TONIC_STAT_DOORBELL_ERR) == 3, "DOORBELL_ERR = 3");
    uint32_t qs = e.rd(qreg(true, 2, TONIC_Q_QSTATUS));
    check(qs & TONIC_Q_QSTATUS_DOORBELL, "QSTATUS.DOORBELL set");
    check(qs & TONIC_Q_QSTATUS_CFG, "QSTATUS.CFG set");
    check(qs & TONIC_Q_QSTATUS_ACTIVE, "QSTATUS.ACTIVE set");
    check(e.rd(qreg(true, 2, TONIC_Q_PROD)) == 0, "PROD unchanged");
    check(e.rd(qreg(true, 2, TONIC_Q_SIZE_LOG2)) == 4, "SIZE_LOG2 unchanged");
    std::deque<std::vector<uint8_t>> expect;
    for (unsigned round = 0; round < 5; round++) {
        // fill the ring: 15 single-buffer frames, one doorbell
        for (unsigned i = 0; i < 15; i++) {
            auto f = make_frame(60 + rnd(2000), 2, round * 15 + i);
            uint64_t a = e.alloc(f.size(), 8);
            memcpy(e.ptr(a), f.data(), f.size());
            tx.post(f, {a}, {static_cast<uint32_t>(f.size())}, TONIC_TX_ST_OK, i == 14);
            expect.push_back(f);
        }
        check(tx.space() == 0, "ring full");
        unsigned got = 0;
        wait_for(e, [&] {
            RxCpl c;
            while (rx.poll(c)) {
                check(c.bytes == expect.front(), "full-ring frame intact");
                expect.pop_front();
                got++;
                rx.post(2048);
            }
            tx.reap(nullptr);
            return got == 15 && tx.pending.empty();
        }, 400000, "a full ring to drain");
    }
    check(e.rd(qreg(true, 2, TONIC_Q_CONS)) == tx.prod, "CONS caught up with PROD");
}

// Refused RX descriptors, a frame with no buffer (timeout), a disabled queue, RX DMA outside
// host memory. After each, the next frame arrives intact.
static void scenario_rx_bad(Env &e)
{
    TxQ tx(e, 3, 6);
    RxQ rx(e, 1, 6);
    e.wr(TONIC_CTRL_BASE + TONIC_CTRL_RX_DEFAULT_QUEUE, 1);
    e.wr(TONIC_CTRL_BASE + TONIC_CTRL_RX_NOBUF_TIMEOUT, 3000);
    unsigned seqn = 0;
    auto roundtrip = [&](const char *what, unsigned len = 0) {
        auto f = make_frame(len ? len : 60 + rnd(4000), 3, seqn++);
        tx.send(f);
        RxCpl c;
        wait_for(e, [&] { return rx.poll(c); }, 200000, what);
        while (c.status == TONIC_RX_ST_BAD_DESC) // refused buffers come back first
            wait_for(e, [&] { return rx.poll(c); }, 200000, what);
        check(c.status == TONIC_RX_ST_OK && c.bytes == f, "%s: frame intact", what);
        tx.reap(nullptr);
    };

    // refused buffers: unaligned, zero length, length not a multiple of 8; then a good one
    uint64_t a = e.alloc(4096, 64);
    rx.post_at(a + 4, 2048, false);
    rx.post_at(a, 0, false);
    rx.post_at(a, 12, false);
    rx.post(2048, true);
    auto f = make_frame(1000, 3, seqn++);
    tx.send(f);
    RxCpl c;
    for (unsigned i = 0; i < 3; i++) {
        wait_for(e, [&] { return rx.poll(c); }, 200000, "refused descriptor");
        check(c.status == TONIC_RX_ST_BAD_DESC && c.ndesc == 1 && c.len == 0 && c.idx == i,
              "descriptor %u refused (status %u ndesc %u len %u idx %u)", i, c.status, c.ndesc, c.len, c.idx);
    }
    wait_for(e, [&] { return rx.poll(c); }, 200000, "frame after refused descriptors");
    check(c.status == TONIC_RX_ST_OK && c.bytes == f && c.idx == 3, "frame lands in the next good buffer");
    check(e.stat(TONIC_STAT_RX_ERR_DESC) == 3, "RX_ERR_DESC = 3");

    // no buffer: two frames wait, time out, are dropped and counted
    for (unsigned i = 0; i < 2; i++)
        tx.send(make_frame(500, 3, seqn++));
    wait_for(e, [&] { return e.stat(TONIC_STAT_RX_DROP_NOBUF) == 2; }, 200000, "RX_DROP_NOBUF = 2");
    for (unsigned i = 0; i < 20; i++)
        rx.post(1024, i == 19);
    roundtrip("after no-buffer drops", 3000);

    // a frame that needs more buffers than there are: delivered truncated after the timeout
    while (rx.posted_lens.size() > 0) // use up what is posted, one 1024-byte buffer a frame
        roundtrip("drain", 1000);
    rx.post(1024, false);
    rx.post(1024, true);
    tx.send(make_frame(3000, 3, seqn++));
    wait_for(e, [&] { return rx.poll(c); }, 200000, "truncated frame");
    check(c.status == TONIC_RX_ST_TRUNC && c.len == 2048 && c.ndesc == 2,
          "truncated: status %u len %u ndesc %u", c.status, c.len, c.ndesc);
    check(e.stat(TONIC_STAT_RX_DROP_NOBUF) == 3, "RX_DROP_NOBUF = 3");
    for (unsigned i = 0; i < 8; i++)
        rx.post(2048, i == 7);
    roundtrip("after a truncated frame");

    // disabled queue: dropped at once
    e.wr(qreg(false, 1, TONIC_Q_QCTRL), 0);
    tx.send(make_frame(300, 3, seqn++));
    wait_for(e, [&] { return e.stat(TONIC_STAT_RX_DROP_QDIS) == 1; }, 200000, "RX_DROP_QDIS = 1");
    wait_for(e, [&] { return (e.rd(qreg(false, 1, TONIC_Q_QSTATUS)) & TONIC_Q_QSTATUS_ACTIVE) == 0; }, 100000,
             "RX queue inactive");

    // re-enable (pointers reset) with a buffer outside host memory, then good ones
    RxQ rx2(e, 1, 6);
    rx2.post_at(0x0000000E00000000ull, 2048, false);
    for (unsigned i = 0; i < 10; i++)
        rx2.post(2048, i == 9);
    tx.send(make_frame(700, 3, seqn++));
    wait_for(e, [&] { return e.stat(TONIC_STAT_RX_ERR_DMA) >= 1; }, 200000, "RX_ERR_DMA");
    check(rx2.poll(c) || (e.run(2000), rx2.poll(c)), "completion of the faulted frame");
    check(e.rd(TONIC_CTRL_BASE + TONIC_CTRL_ERR_STATUS) & TONIC_CTRL_ERR_STATUS_DMA, "ERR_STATUS.DMA");
    auto g = make_frame(900, 3, seqn++);
    tx.send(g);
    wait_for(e, [&] { return rx2.poll(c); }, 200000, "frame after the RX fault");
    check(c.status == TONIC_RX_ST_OK && c.bytes == g, "frame after the RX DMA fault intact");
}

// Interrupt moderation: one message per COUNT completions or per IRQ_TIMER cycles, on the queue's
// vector, then silence until the host writes CQ_CONS (re-arm).
static void scenario_irq(Env &e)
{
    std::vector<std::pair<uint64_t, unsigned>> irqs; // (cycle, vector)
    e.h.on_irq = [&](uint8_t v) { irqs.push_back({e.h.cycle(), v}); };
    TxQ tx(e, 1, 6);
    RxQ rx(e, 0, 6);
    for (unsigned i = 0; i < 63; i++)
        rx.post(2048, i == 62);
    // IRQ settings may change while enabled; vector 5 for TX queue 1, RX queue 0 off
    e.wr(qreg(true, 1, TONIC_Q_IRQ), 5 | (4u << 8));
    e.wr(qreg(true, 1, TONIC_Q_IRQ_TIMER), 1000000);
    e.wr(qreg(true, 1, TONIC_Q_QCTRL), TONIC_Q_QCTRL_ENABLE | TONIC_Q_QCTRL_IRQ_ENABLE);
    e.wr(qreg(true, 1, TONIC_Q_IRQ), 99); // vector out of range: refused
    check(e.rd(qreg(true, 1, TONIC_Q_IRQ)) == (5 | (4u << 8)), "IRQ register kept after a bad vector");
    check(e.rd(qreg(true, 1, TONIC_Q_QSTATUS)) & TONIC_Q_QSTATUS_CFG, "bad vector flagged in QSTATUS.CFG");

    auto send_n = [&](unsigned n) {
        for (unsigned i = 0; i < n; i++)
            tx.send(make_frame(100, 1, i), 1);
    };
    auto wait_cpl = [&](unsigned n) { // let the device complete n frames without reaping them
        wait_for(e, [&] { return ((e.rd(qreg(true, 1, TONIC_Q_CQ_PROD)) - tx.cq_cons) & (tx.n - 1)) >= n; }, 200000,
                 "TX completions");
    };
    // count: 3 completions -> nothing; the 4th -> one interrupt on vector 5
    send_n(3);
    wait_cpl(3);
    e.run(3000);
    check(irqs.empty(), "no interrupt before COUNT completions (%zu)", irqs.size());
    send_n(1);
    wait_cpl(4);
    e.run(100);
    check(irqs.size() == 1 && irqs[0].second == 5, "one interrupt on vector 5 after 4 completions (%zu)", irqs.size());
    // not re-armed: more completions, no interrupt
    send_n(6);
    wait_cpl(10);
    e.run(3000);
    check(irqs.size() == 1, "no interrupt until CQ_CONS is written (%zu)", irqs.size());
    // re-arm: 6 completions are pending (>= 4) -> interrupt at once
    tx.reap(nullptr);
    e.run(200);
    check(irqs.size() == 2, "re-arming with pending completions interrupts (%zu)", irqs.size());
    tx.reap(nullptr);
    e.wr(qreg(true, 1, TONIC_Q_CQ_CONS), tx.cq_cons); // re-arm (nothing pending now)
    e.run(2000);
    check(irqs.size() == 2, "re-arming with nothing pending does not interrupt (%zu)", irqs.size());
    // timer: COUNT 100, timer 500 cycles: one interrupt about 500 cycles after the first completion
    e.wr(qreg(true, 1, TONIC_Q_IRQ), 5 | (100u << 8));
    e.wr(qreg(true, 1, TONIC_Q_IRQ_TIMER), 500);
    size_t before = irqs.size();
    send_n(1);
    uint64_t t0 = 0;
    wait_for(e, [&] {
        if (!t0 && ((e.rd(qreg(true, 1, TONIC_Q_CQ_PROD)) - tx.cq_cons) & (tx.n - 1)) >= 1)
            t0 = e.h.cycle();
        return irqs.size() > before;
    }, 100000, "the moderation timer");
    uint64_t dt = irqs.back().first - t0;
    check(dt >= 400 && dt <= 700, "timer interrupt %llu cycles after the completion was seen (500 set)",
          (unsigned long long)dt);
    check(e.stat(TONIC_STAT_IRQS) == irqs.size(), "IRQS counter = %zu", irqs.size());
    e.h.on_irq = [](uint8_t) {};
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: tb_dma traffic|tx_bad|doorbell_full|rx_bad|irq [SEED] [STALL%%]\n");
        return 2;
    }
    std::string sc = argv[1];
    uint64_t seed = argc > 2 ? strtoull(argv[2], nullptr, 0) : 1;
    unsigned stall = argc > 3 ? static_cast<unsigned>(strtoul(argv[3], nullptr, 0)) : 30;
    g_rng = seed * 2654435761u + 7;
    uint64_t latency = 20 + rnd(150);
    printf("tb_dma %s: seed %llu, %u%% stalls, read latency %llu cycles\n", sc.c_str(), (unsigned long long)seed,
           stall, (unsigned long long)latency);
    Env e(latency, seed, stall);
    if (sc == "traffic")
        scenario_traffic(e, 300);
    else if (sc == "tx_bad")
        scenario_tx_bad(e);
    else if (sc == "doorbell_full")
        scenario_doorbell_full(e);
    else if (sc == "rx_bad")
        scenario_rx_bad(e);
    else if (sc == "irq")
        scenario_irq(e);
    else {
        fprintf(stderr, "tb_dma: unknown scenario '%s'\n", sc.c_str());
        return 2;
    }
    check(e.h.dma.stats().proto_errs == 0, "the device never issued an illegal burst");
    printf("cycles %llu\n", (unsigned long long)e.h.cycle());
    finish();
}
