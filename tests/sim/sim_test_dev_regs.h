/* SPDX-License-Identifier: MIT */
/* sim_test_dev_regs.h — BAR0 registers of the simulator's test device (sim_test_dev.v).
 *
 * The one place these offsets are written: tests/sim/CMakeLists.txt turns every
 * `#define SIMDEV_<NAME> 0x<hex>` line below into a Verilog `SIMDEV_<NAME> define (16'h<hex>) for
 * sim_test_dev.v, and the C tests include this header. Besides this test block the device answers
 * a few tonic_regs.h registers so the harness's own register polls work: IDENT.MAGIC,
 * IDENT.NUM_RXQ (1), CTRL.SCRATCH, RX queue 0 QCTRL (read/write, no effect on the device), and the
 * STATS counters TX_FRAMES, TX_BYTES, RX_FRAMES, RX_BYTES, IRQS (low words; high words read 0). */
#ifndef SIM_TEST_DEV_REGS_H
#define SIM_TEST_DEV_REGS_H

/* DMA copy engine: reads LEN bytes at SRC in INCR bursts of up to 256 bytes (split at 4 KiB
 * unless NOSPLIT), several reads in flight, into a 2 KiB buffer; then writes them to DST in
 * bursts. SRC, DST 8-byte aligned; LEN a multiple of 8, 8..2048. A read error skips the write. */
#define SIMDEV_DMA_SRC_LO 0x8000
#define SIMDEV_DMA_SRC_HI 0x8004
#define SIMDEV_DMA_DST_LO 0x8008
#define SIMDEV_DMA_DST_HI 0x800C
#define SIMDEV_DMA_LEN 0x8010
/* DMA_CTRL (write): bit0 START, bit1 NOSPLIT (bursts may cross 4 KiB: the harness must refuse),
 * bits 15:8 byte strobes of every write beat (0 means 0xFF). */
#define SIMDEV_DMA_CTRL 0x8014
/* DMA_STATUS: bit0 BUSY, bit1 DONE, bit2 RD_ERR, bit3 WR_ERR, bits 5:4 last error response,
 * bits 11:8 last RID, bits 15:12 last BID, bits 31:16 number of RLAST beats seen (ever). */
#define SIMDEV_DMA_STATUS 0x8018
/* IRQ_RAISE (write): send interrupt vector bits 7:0 (ignored while one is pending).
 * IRQ_COUNT: interrupts accepted by the harness. */
#define SIMDEV_IRQ_RAISE 0x8020
#define SIMDEV_IRQ_COUNT 0x8024
/* Wire TX: a 512-byte frame buffer written as 64-bit words: TX_IDX sets the word index, TX_LO
 * holds the low half, writing TX_HI stores the word and advances the index. TX_LEN bytes (1..512)
 * are sent on m_axis_wire as they are (the test supplies the FCS) when 1 is written to TX_SEND.
 * TX_STATUS bit0: sending. */
#define SIMDEV_TX_IDX 0x8030
#define SIMDEV_TX_LO 0x8034
#define SIMDEV_TX_HI 0x8038
#define SIMDEV_TX_LEN 0x803C
#define SIMDEV_TX_SEND 0x8040
#define SIMDEV_TX_STATUS 0x8044
/* Wire RX (s_axis_wire, FCS included): frames and bytes received, length of the last frame, and
 * its first 512 bytes: write the word index to RX_CAP_IDX, read RX_CAP_LO / RX_CAP_HI. */
#define SIMDEV_RX_FRAMES 0x8050
#define SIMDEV_RX_BYTES 0x8054
#define SIMDEV_RX_LAST_LEN 0x8058
#define SIMDEV_RX_CAP_IDX 0x805C
#define SIMDEV_RX_CAP_LO 0x8060
#define SIMDEV_RX_CAP_HI 0x8064

#endif /* SIM_TEST_DEV_REGS_H */
