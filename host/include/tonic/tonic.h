/* SPDX-License-Identifier: MIT */
/* tonic.h — public API of libtonic, the userspace driver library of the tonic NIC.
 *
 * One code path drives both the real device (`pci:DDDD:BB:DD.F`, BAR0 through sysfs, DMA memory
 * from hugepages) and the Verilator simulator (`sim:PATH`, MMIO over a UNIX socket, DMA memory
 * shared through memfds). The layers are: backend ops table → device (discovery, identity,
 * statistics, reset) → queues (TX/RX rings with completions) → tools (tonicctl). See docs/host.md.
 *
 * Conventions: functions returning int return 0 (or a count) on success and a negative errno on
 * failure; tonic_last_error() then holds a one-line message saying what went wrong. Every wait
 * has a timeout and fails with -ETIMEDOUT. The library never exits and never prints except
 * through its single logging path (tonic_set_log). A device handle and its queues must be used
 * by one thread at a time. */
#ifndef TONIC_TONIC_H
#define TONIC_TONIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tonic_dev;
struct tonic_txq;
struct tonic_rxq;

#define TONIC_MAX_QUEUES 8u /* per direction, the register map's max_count */
#define TONIC_MAX_BLOCKS 32u /* register blocks the discovery walk accepts */

/* ---- errors and logging ---------------------------------------------------------------------- */

/* The message of the last error raised in this thread ("" if none). */
const char *tonic_last_error(void);
/* strerror() of a negative errno as returned by this library. */
const char *tonic_strerror(int err);

enum tonic_log_level { TONIC_LOG_ERR = 0, TONIC_LOG_WARN, TONIC_LOG_INFO, TONIC_LOG_DEBUG };
typedef void (*tonic_log_fn)(int level, const char *msg, void *arg);
/* Route library messages of at most `level` to fn (NULL: stderr, prefixed "tonic: "). The default
 * level is WARN, or the value of $TONIC_LOG (err, warn, info, debug). */
void tonic_set_log(tonic_log_fn fn, void *arg, int level);

/* ---- opening a device -------------------------------------------------------------------------- */

/* Constant configuration of a device handle. */
struct tonic_config {
    size_t dma_region_size;      /* bytes per backend DMA region (default 64 MiB) */
    unsigned dma_max_regions;    /* the DMA pool grows up to this many regions (default 4) */
    unsigned connect_timeout_ms; /* sim: connect and HELLO (default 2000, $TONIC_CONNECT_TIMEOUT_MS) */
    unsigned mmio_timeout_ms;    /* sim: reply to one MMIO read (default 5000, $TONIC_MMIO_TIMEOUT_MS) */
    unsigned reg_timeout_ms;     /* register polls: queue disable, soft reset (default 2000) */
};
void tonic_config_default(struct tonic_config *cfg);

/* addr: "sim:PATH" or "pci:[DDDD:]BB:DD.F". */
int tonic_open(const char *addr, struct tonic_dev **out);
int tonic_open_cfg(const char *addr, const struct tonic_config *cfg, struct tonic_dev **out);
/* Disables and frees every queue still open, releases DMA memory, detaches. NULL is a no-op. */
void tonic_close(struct tonic_dev *dev);

/* ---- identity and discovery ------------------------------------------------------------------- */

struct tonic_ident {
    uint32_t magic, hw_version, build_id, clk_hz, data_w;
    uint32_t num_txq, num_rxq, num_irq, max_frame, desc_format;
    uint32_t dma_sg; /* CAPS.DMA_SG, or 16 if the device leaves it 0 */
};
struct tonic_block {
    uint32_t offset, type, version, next;
};
struct tonic_offload { /* CAPS and CONFIG share this layout (spec §6) */
    uint32_t csum, lso, lso_max, lso_min_seg, rsc, encap, encap_maxhdr;
    uint32_t ipsec, ipsec_algs, ipsec_sas, dma_sg;
};
struct tonic_dev_info {
    const char *addr;     /* as given to tonic_open */
    const char *backend;  /* "sim" or "pci" */
    uint32_t bar_size;
    uint64_t clk_hz;      /* sim: from HELLO; pci: IDENT.CLK_HZ */
    unsigned num_irq;
    bool has_irq;         /* false: poll mode */
    unsigned num_txq, num_rxq; /* queues usable: the counts in the TXQ/RXQ blocks */
};

const struct tonic_ident *tonic_ident(const struct tonic_dev *dev);
void tonic_dev_info(const struct tonic_dev *dev, struct tonic_dev_info *info);
/* The register block chain as discovered at open; returns the count. */
unsigned tonic_blocks(const struct tonic_dev *dev, const struct tonic_block **blocks);
const char *tonic_block_name(uint32_t type); /* "IDENT", ... or "unknown" */
int tonic_read_caps(struct tonic_dev *dev, struct tonic_offload *caps);
int tonic_read_offload_config(struct tonic_dev *dev, struct tonic_offload *cfg);

/* Raw 32-bit BAR0 access, for tools and tests. */
int tonic_reg_read(struct tonic_dev *dev, uint32_t off, uint32_t *val);
int tonic_reg_write(struct tonic_dev *dev, uint32_t off, uint32_t val);

/* CTRL.CYCLES (LO then HI). */
int tonic_cycles(struct tonic_dev *dev, uint64_t *cycles);
/* CTRL.SOFT_RESET and wait for it to clear; refused (-EBUSY) while this handle has queues open. */
int tonic_soft_reset(struct tonic_dev *dev);
/* CTRL.RX_DEFAULT_QUEUE: the RX queue that receives every frame (until RSS). */
int tonic_set_rx_default_queue(struct tonic_dev *dev, unsigned qid);

/* ---- statistics -------------------------------------------------------------------------------- */

unsigned tonic_stats_count(void);
const char *tonic_stat_name(unsigned i); /* "tx_frames", ...; NULL if out of range */
/* Reads every counter (LO then HI) into vals[0 .. tonic_stats_count()-1]. */
int tonic_stats_read(struct tonic_dev *dev, uint64_t *vals);
int tonic_stats_clear(struct tonic_dev *dev);

/* What the driver itself did, e.g. to compute the MMIO read round trip. */
struct tonic_drv_stats {
    uint64_t mmio_reads, mmio_writes;
    uint64_t mmio_read_ns; /* wall time spent in MMIO reads */
    uint64_t irqs;         /* interrupt messages received */
    uint64_t dma_bytes;    /* DMA memory mapped from the backend */
};
void tonic_drv_stats(const struct tonic_dev *dev, struct tonic_drv_stats *st);

/* ---- firmware control plane (docs/mailbox.md) --------------------------------------------------- */

/* What the firmware said when it refused a request (-EPROTO from the calls below). */
struct tonic_mbox_reply {
    unsigned status;   /* TONIC_MBOX_ST_* (tonic_regs.h) */
    uint32_t field;    /* the refused field (format-specific number, 0: the request as a whole) */
    char reason[65];   /* the firmware's words */
};
const char *tonic_mbox_status_name(unsigned status);
/* One raw request: payload req (req_len bytes, multiple of 4, <= 504), answer payload into resp. */
int tonic_mbox_call(struct tonic_dev *dev, unsigned cmd, const void *req, size_t req_len, void *resp,
                    size_t resp_cap, size_t *resp_len, struct tonic_mbox_reply *reply);

struct tonic_fw_version {
    uint32_t fw_version, proto;
    uint64_t uptime_cycles;
};
int tonic_fw_version(struct tonic_dev *dev, struct tonic_fw_version *v);
/* The firmware's view: capabilities and the current configuration (also readable in CAPS/CONFIG). */
int tonic_fw_caps(struct tonic_dev *dev, struct tonic_offload *caps);
int tonic_fw_config(struct tonic_dev *dev, struct tonic_offload *cfg);
/* SET_PARAMS: the request words of the PARAMS format (tonic_set_params_*() accessors), the new
 * configuration on success. */
struct tonic_offload_params {
    uint32_t w[2];
};
int tonic_fw_set_params(struct tonic_dev *dev, const struct tonic_offload_params *p, struct tonic_offload *cfg,
                        struct tonic_mbox_reply *reply);
struct tonic_fw_stats {
    uint32_t requests, errors, sa_count, sa_adds, sa_dels;
};
int tonic_fw_stats(struct tonic_dev *dev, struct tonic_fw_stats *st);
/* Configuration back to all-off, SA table emptied. */
int tonic_fw_reset(struct tonic_dev *dev);

/* SA_ADD request words (the SA format: tonic_set_sa_*() accessors, keys in words 16..31). */
struct tonic_sa {
    uint32_t w[32];
};
struct tonic_sa_info { /* never key material */
    uint32_t handle, flags, spi, algs, esn_hi, dst, packets, errors;
};
int tonic_sa_add(struct tonic_dev *dev, const struct tonic_sa *sa, uint32_t *handle, struct tonic_mbox_reply *reply);
int tonic_sa_update(struct tonic_dev *dev, uint32_t handle, uint32_t esn_hi, struct tonic_mbox_reply *reply);
int tonic_sa_del(struct tonic_dev *dev, uint32_t handle, struct tonic_mbox_reply *reply);
/* Up to max entries from index start on (the firmware sends at most 15); *next = 0 at the end.
 * Returns the number of entries. */
int tonic_sa_list(struct tonic_dev *dev, uint32_t start, struct tonic_sa_info *out, unsigned max, uint32_t *next);
/* MBOX.LAST_CYCLES: core cycles the device spent on the last request, doorbell to DONE. */
int tonic_mbox_last_cycles(struct tonic_dev *dev, uint32_t *cycles);
/* Drains the firmware's log FIFO into buf (NUL-terminated); returns the byte count. */
int tonic_fw_log(struct tonic_dev *dev, char *buf, size_t cap);

/* Firmware replacement: hold the core, write each region through the FW window, have the device
 * CRC what landed in memory and compare, release, wait until the new firmware serves the mailbox. */
struct tonic_fw_region {
    uint32_t addr;       /* core address: IMEM from 0, DMEM from 0x10000000 */
    const uint8_t *data;
    size_t len;          /* multiple of 4 */
};
int tonic_fw_load(struct tonic_dev *dev, const struct tonic_fw_region *regions, unsigned n);

/* ---- enumeration ------------------------------------------------------------------------------- */

enum tonic_list_kind { TONIC_LIST_PCI = 1, TONIC_LIST_SIM = 2 };
struct tonic_list_entry {
    int kind;              /* TONIC_LIST_PCI or TONIC_LIST_SIM */
    char addr[300];        /* usable with tonic_open */
    bool stale;            /* sim: the socket refused the connection */
    int pid;               /* sim: from the registry name sim-<pid>, else 0 */
    uint16_t vendor, device;
    uint32_t class_code;   /* 24 bits: class, subclass, prog-if */
    char note[160];        /* why an entry is stale or could not be identified */
};
/* Devices matching the tonic vendor/device ID on the PCI bus (libpci) plus simulators registered
 * in ${TONIC_SIM_DIR:-/tmp/tonic-sim}. `kinds` is a mask of tonic_list_kind. Returns the count and
 * a malloc'ed array to free with tonic_list_free. */
int tonic_list(unsigned kinds, struct tonic_list_entry **entries);
void tonic_list_free(struct tonic_list_entry *entries);

/* ---- queues ------------------------------------------------------------------------------------ */

struct tonic_queue_config {
    unsigned ring_size;      /* descriptors = completions, power of two 16..4096 (default 256) */
    unsigned buf_size;       /* bytes per buffer (default 2048); RX: a multiple of 8 */
    bool use_irq;            /* wait with interrupts when the backend has them (default true) */
    int irq_vector;          /* -1: TX q -> q, RX q -> 4 + q, modulo NUM_IRQ (default -1) */
    unsigned irq_count;      /* IRQ.COUNT moderation (default 1) */
    unsigned irq_timer;      /* IRQ_TIMER cycles (default 0) */
    unsigned doorbell_batch; /* TX: ring the doorbell every this many frames; 0 = only on
                                tonic_tx_flush (default 1) */
};
void tonic_queue_config_default(struct tonic_queue_config *cfg);

/* Creates queue qid (NULL cfg = defaults): allocates rings and buffers, disables the queue if a
 * previous owner left it enabled, programs it while disabled, enables it. RX queues post every
 * buffer. */
int tonic_txq_create(struct tonic_dev *dev, unsigned qid, const struct tonic_queue_config *cfg,
                     struct tonic_txq **out);
int tonic_rxq_create(struct tonic_dev *dev, unsigned qid, const struct tonic_queue_config *cfg,
                     struct tonic_rxq **out);
/* Disables the queue, waits for QSTATUS.ACTIVE to clear, frees it. -ETIMEDOUT if the device kept
 * it active: the queue is freed but its DMA memory is not reused. NULL is a no-op. */
int tonic_txq_destroy(struct tonic_txq *q);
int tonic_rxq_destroy(struct tonic_rxq *q);

/* TX metadata (TXD offload fields, read from the frame's first descriptor). */
#define TONIC_TXM_CSUM_IP4    (1u << 0)
#define TONIC_TXM_CSUM_IP6    (1u << 1)
#define TONIC_TXM_CSUM_TCP    (1u << 2)
#define TONIC_TXM_CSUM_UDP    (1u << 3)
#define TONIC_TXM_CSUM_IPHDR  (1u << 4)
#define TONIC_TXM_CSUM_PARTIAL (1u << 5)
#define TONIC_TXM_LSO         (1u << 6)
#define TONIC_TXM_LSO_V2      (1u << 7)
#define TONIC_TXM_LSO_IP6     (1u << 8)
#define TONIC_TXM_LSO_FIXEDID (1u << 9)
#define TONIC_TXM_ENC         (1u << 10)
#define TONIC_TXM_ENC_IP6     (1u << 11)
#define TONIC_TXM_ENC_TCPOPT  (1u << 12)
#define TONIC_TXM_NOCHECK     (1u << 31) /* skip the driver's length checks (to test device errors) */

struct tonic_tx_meta {
    uint32_t flags; /* TONIC_TXM_* */
    uint16_t l4_off, csum_start;
    uint8_t csum_offset;
    uint32_t mss;
    uint16_t enc_frame_off;
    uint8_t enc_ip_off, enc_l4_off;
    uint32_t sa_handle;
    uint64_t cookie; /* returned in the frame's completion */
};

/* One descriptor of a caller-split frame: `len` bytes placed at byte `offset` of the slot's
 * buffer (offset + len <= buf_size), so tests choose buffer count, lengths and alignment. */
struct tonic_tx_split {
    uint32_t len, offset;
};

/* Copies the frame into DMA buffers (buf_size bytes each), writes its descriptors (EOP on the last,
 * offloads from meta on the first; meta may be NULL) and rings the doorbell per doorbell_batch.
 * -EAGAIN: not enough free descriptors (pending doorbells are flushed first); -EMSGSIZE: longer
 * than MAX_FRAME (LSO: CAPS.LSO_MAX) or needs more than DMA_SG buffers; -EINVAL: empty. */
int tonic_tx_send(struct tonic_txq *q, const void *frame, size_t len, const struct tonic_tx_meta *meta);
int tonic_tx_send_split(struct tonic_txq *q, const void *frame, size_t len,
                        const struct tonic_tx_split *splits, unsigned nsplit,
                        const struct tonic_tx_meta *meta);
/* Writes PROD if descriptors were written since the last doorbell. */
int tonic_tx_flush(struct tonic_txq *q);

struct tonic_tx_cpl {
    uint64_t cookie;
    uint32_t bytes;
    uint16_t desc_idx;
    uint8_t ndesc, queue, status, ipsec_st; /* status: TONIC_TX_ST_* of tonic_regs.h */
};
/* Consumes up to max completions (by the phase bit) and frees their descriptors; writes CQ_CONS
 * once if any. Returns the count (0: none ready). */
int tonic_tx_reap(struct tonic_txq *q, struct tonic_tx_cpl *cpl, unsigned max);
/* Waits until a TX completion is ready (0), or -ETIMEDOUT. */
int tonic_tx_wait(struct tonic_txq *q, int timeout_ms);
unsigned tonic_tx_free_descs(const struct tonic_txq *q);
unsigned tonic_tx_outstanding(const struct tonic_txq *q); /* descriptors not yet completed */

struct tonic_rx_meta {
    uint32_t len;       /* frame length (may exceed the caller's buffer: then truncated) */
    uint16_t desc_idx;
    uint8_t ndesc, queue, status; /* status: TONIC_RX_ST_* of tonic_regs.h */
    bool truncated;
    uint16_t csum_flags, csum_raw; /* TONIC_CSUMF_* verdicts; ones'-complement sum of bytes 14.. */
    uint8_t perr;                  /* parser error flags, TONIC_PERR_* */
    uint32_t ptype;                /* packet type: bits 0..23 of the parser record (PMETA) */
    uint16_t l3_off, l4_off, il3_off, il4_off; /* header offsets (0: absent) */
    uint32_t tun_id;               /* GRE key (NVGRE: VSID << 8 | FlowID) or SPI, see RXC.TUN_ID */
    uint32_t rss_hash;
    uint8_t ipsec_st;
    uint32_t cpl[8];               /* the completion entry as the device wrote it */
};
/* Returns 1 and the next frame (gathered from its buffers into buf, at most cap bytes) with its
 * completion metadata, re-posts the buffers and writes PROD and CQ_CONS; 0 if none is ready. */
int tonic_rx_poll(struct tonic_rxq *q, void *buf, size_t cap, struct tonic_rx_meta *meta);
/* Waits until an RX completion is ready (0), or -ETIMEDOUT. */
int tonic_rx_wait(struct tonic_rxq *q, int timeout_ms);
/* tonic_rx_wait then tonic_rx_poll: 1 or a negative errno. */
int tonic_rx_recv(struct tonic_rxq *q, void *buf, size_t cap, struct tonic_rx_meta *meta, int timeout_ms);

/* Waits for any interrupt of this device for at most timeout_ms; in poll mode sleeps a short poll
 * interval. Returns 0 when the caller should look at its queues again, or a device error. */
int tonic_wait_any(struct tonic_dev *dev, int timeout_ms);

const char *tonic_tx_status_name(unsigned status); /* "OK", "ZERO_LEN", ... or "?" */
const char *tonic_rx_status_name(unsigned status);

#ifdef __cplusplus
}
#endif

#endif /* TONIC_TONIC_H */
