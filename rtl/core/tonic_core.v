// SPDX-License-Identifier: MIT
// tonic_core — the NIC without its MAC: BAR0 registers, DMA engines, queues, interrupts.
//
//   host side                                            network side (frames without FCS)
//   AXI4-Lite ──▶ tonic_csr ──(queue config, stats)
//   AXI4 ◀──▶ rd mux ◀── tx_desc ─▶ tx_data ─▶ tx_align ─▶ TX frame FIFO ─▶ m_axis_tx
//            │       ◀── rx_desc (in rx_dma)        │ completions
//            └ wr mux ◀── tx_cpl ◀──────────────────┘
//                     ◀── rx_dma ◀── RX frame FIFO (drops bad/overflow) ◀── s_axis_rx
//   irq ◀── tonic_irq ◀── completion events
//
// AXI IDs: 0 TX data reads, 1 TX descriptor reads and TX completion writes, 2 everything RX.
`default_nettype none
`include "tonic_regs.vh"

module tonic_core #(
    parameter DATA_W = 64,             // network stream width (only 64 today: the DMA is 64-bit)
    parameter NUM_TXQ = 4,             // TX queues, 1..8
    parameter NUM_RXQ = 4,             // RX queues, 1..8
    parameter AXI_ID_W = 4,            // DMA AXI ID width
    parameter CLK_HZ = 156250000,      // core clock, reported in IDENT
    parameter BUILD_ID = 0,            // reported in IDENT
    parameter MAX_FRAME = 9216,        // longest frame without FCS
    parameter FIFO_LOG2 = 11,          // TX and RX frame FIFOs, log2 of 8-byte words
    parameter FW_IMEM_INIT = "",       // firmware image of the soft core ($readmemh, built by firmware/)
    parameter FW_DMEM_INIT = "",
    parameter CP_TEST_CAPS = 0         // 1: control-plane test build (see HWCAP below); never for hardware
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire [15:0]           s_axil_awaddr,
    input  wire                  s_axil_awvalid,
    output wire                  s_axil_awready,
    input  wire [31:0]           s_axil_wdata,
    input  wire [3:0]            s_axil_wstrb,
    input  wire                  s_axil_wvalid,
    output wire                  s_axil_wready,
    output wire [1:0]            s_axil_bresp,
    output wire                  s_axil_bvalid,
    input  wire                  s_axil_bready,
    input  wire [15:0]           s_axil_araddr,
    input  wire                  s_axil_arvalid,
    output wire                  s_axil_arready,
    output wire [31:0]           s_axil_rdata,
    output wire [1:0]            s_axil_rresp,
    output wire                  s_axil_rvalid,
    input  wire                  s_axil_rready,

    output wire [AXI_ID_W-1:0]   m_axi_arid,
    output wire [63:0]           m_axi_araddr,
    output wire [7:0]            m_axi_arlen,
    output wire [2:0]            m_axi_arsize,
    output wire [1:0]            m_axi_arburst,
    output wire                  m_axi_arvalid,
    input  wire                  m_axi_arready,
    input  wire [AXI_ID_W-1:0]   m_axi_rid,
    input  wire [63:0]           m_axi_rdata,
    input  wire [1:0]            m_axi_rresp,
    input  wire                  m_axi_rlast,
    input  wire                  m_axi_rvalid,
    output wire                  m_axi_rready,
    output wire [AXI_ID_W-1:0]   m_axi_awid,
    output wire [63:0]           m_axi_awaddr,
    output wire [7:0]            m_axi_awlen,
    output wire [2:0]            m_axi_awsize,
    output wire [1:0]            m_axi_awburst,
    output wire                  m_axi_awvalid,
    input  wire                  m_axi_awready,
    output wire [63:0]           m_axi_wdata,
    output wire [7:0]            m_axi_wstrb,
    output wire                  m_axi_wlast,
    output wire                  m_axi_wvalid,
    input  wire                  m_axi_wready,
    input  wire [AXI_ID_W-1:0]   m_axi_bid,
    input  wire [1:0]            m_axi_bresp,
    input  wire                  m_axi_bvalid,
    output wire                  m_axi_bready,

    output wire                  irq_valid,
    output wire [7:0]            irq_vector,
    input  wire                  irq_ready,

    output wire [DATA_W-1:0]     m_axis_tx_tdata,
    output wire [DATA_W/8-1:0]   m_axis_tx_tkeep,
    output wire                  m_axis_tx_tvalid,
    input  wire                  m_axis_tx_tready,
    output wire                  m_axis_tx_tlast,

    input  wire [DATA_W-1:0]     s_axis_rx_tdata,
    input  wire [DATA_W/8-1:0]   s_axis_rx_tkeep,
    input  wire                  s_axis_rx_tvalid,
    output wire                  s_axis_rx_tready,
    input  wire                  s_axis_rx_tlast,
    input  wire                  s_axis_rx_tuser,     // 1 on the last beat: bad frame, drop

    // MAC receive verdicts, counted here
    input  wire                  stat_rx_bad_fcs,
    input  wire                  stat_rx_runt,
    input  wire                  stat_rx_oversize
);
    localparam NQ = NUM_TXQ + NUM_RXQ;
    localparam TQW = (NUM_TXQ > 1) ? $clog2(NUM_TXQ) : 1;
    localparam NSTAT = `TONIC_STATS_NUM;
    localparam [AXI_ID_W-1:0] ID_TXD = 0, ID_TXC = 1, ID_RX = 2;

    // ---------------------------------------------------------------- registers
    wire [NQ*64-1:0] q_base, q_cq_base;
    wire [NQ*4-1:0]  q_size_log2;
    wire [NQ-1:0]    q_enable, q_start, q_cq_cons_wr, q_irq_en;
    wire [NQ*12-1:0] q_prod, q_cq_cons, q_cons, q_cq_prod;
    wire [NQ*8-1:0]  q_irq_vec, q_irq_count;
    wire [NQ*32-1:0] q_irq_timer;
    wire [NQ-1:0]    q_busy, q_err_desc, q_err_dma, q_cpl;
    wire [7:0]       rx_default_queue;
    wire [31:0]      rx_nobuf_timeout;
    wire             tx_dma_err, rx_dma_err, txd_dma_err, txa_dma_err;
    wire [63:0]      tx_dma_err_addr, rx_dma_err_addr, txd_dma_err_addr, txa_dma_err_addr;
    reg  [NSTAT-1:0]    st_valid;
    reg  [NSTAT*16-1:0] st_amount;

    // ---------------------------------------------------------------- control plane
    // The soft core and its firmware own CAPS/CONFIG and the mailbox (docs/mailbox.md). HWCAP is
    // what this RTL implements in the offload layout: checksums (TX and RX, IPv4 header, TCP/UDP
    // over IPv4/IPv6, options and extension headers, Linux-style requests), checksums on the
    // inner headers of GRE/NVGRE with a 256-byte header window, and scatter-gather (DMA_SG).
    // CP_TEST_CAPS = 1 builds a control-plane test device that also advertises the IPsec engine of a
    // later issue (AH, ESP, AH+ESP, both modes, UDP-ESP, ESN, replay; AES-GCM-128/256, GMAC-128/256,
    // AES-CBC-128/256, HMAC-SHA-256-128, HMAC-SHA1-96; 1,024 SAs), so that SA management, the key
    // store and the no-key-readback rule are tested end to end. It processes no packet with them.
    localparam [31:0] TEST_IPSEC = 32'h0000_01FF & ~32'h0000_0080;   // bits 0-8 except LSO with IPsec
    localparam [31:0] TEST_ALGS = (32'd1 << `TONIC_IPSEC_ALG_AES_GCM_128) | (32'd1 << `TONIC_IPSEC_ALG_AES_GCM_256) |
                                  (32'd1 << `TONIC_IPSEC_ALG_AES_GMAC_128) | (32'd1 << `TONIC_IPSEC_ALG_AES_GMAC_256) |
                                  (32'd1 << `TONIC_IPSEC_ALG_AES_CBC_128) | (32'd1 << `TONIC_IPSEC_ALG_AES_CBC_256) |
                                  (32'd1 << `TONIC_IPSEC_ALG_HMAC_SHA256_128) | (32'd1 << `TONIC_IPSEC_ALG_HMAC_SHA1_96);
    localparam [31:0] HW_CSUM = 32'h0007_1F1F;   // TX_*, RX_*, IP_OPTS, TCP_OPTS, PARTIAL
    localparam [31:0] HW_ENCAP = 32'hF;          // inner/outer IPv4/IPv6
    localparam [351:0] HWCAP = (CP_TEST_CAPS != 0)
        ? {32'd16, 32'd1024, TEST_ALGS, TEST_IPSEC, 32'd256, HW_ENCAP, 128'd0, HW_CSUM}
        : {32'd16, 32'd0, 32'd0, 32'd0, 32'd256, HW_ENCAP, 128'd0, HW_CSUM};
        // words: 10 DMA_SG, 9 SAS, 8 ALGS, 7 IPSEC, 6 ENCAP_MAXHDR, 5 ENCAP, 1..4 LSO/RSC, 0 CSUM
    wire        cp_wr, cp_rd;
    wire [15:0] cp_waddr, cp_raddr;
    wire [31:0] cp_wdata, cp_rdata;
    wire [351:0] cp_config;
    wire [31:0] cp_key_rdata;
    tonic_cp #(.FW_IMEM_INIT(FW_IMEM_INIT), .FW_DMEM_INIT(FW_DMEM_INIT), .HWCAP(HWCAP)) u_cp (
        .clk(clk), .rst(rst),
        .cp_wr(cp_wr), .cp_waddr(cp_waddr), .cp_wdata(cp_wdata), .cp_rd(cp_rd), .cp_raddr(cp_raddr),
        .cp_rdata(cp_rdata), .config_words(cp_config), .key_raddr(15'd0), .key_rdata(cp_key_rdata)
    );
    wire [31:0] cfg_csum = cp_config[32*0 +: 32];          // CONFIG.CSUM: the checksum blocks follow it
    // no engine reads keys yet (the IPsec issue does)
    wire unused_cp = &{1'b0, cp_config[351:32], cp_key_rdata};

    tonic_csr #(
        .NUM_TXQ(NUM_TXQ), .NUM_RXQ(NUM_RXQ), .DATA_W(DATA_W), .CLK_HZ(CLK_HZ),
        .BUILD_ID(BUILD_ID), .MAX_FRAME(MAX_FRAME), .NUM_IRQ(`TONIC_NUM_IRQ)
    ) u_csr (
        .clk(clk), .rst(rst),
        .s_axil_awaddr(s_axil_awaddr), .s_axil_awvalid(s_axil_awvalid), .s_axil_awready(s_axil_awready),
        .s_axil_wdata(s_axil_wdata), .s_axil_wstrb(s_axil_wstrb), .s_axil_wvalid(s_axil_wvalid),
        .s_axil_wready(s_axil_wready), .s_axil_bresp(s_axil_bresp), .s_axil_bvalid(s_axil_bvalid),
        .s_axil_bready(s_axil_bready), .s_axil_araddr(s_axil_araddr), .s_axil_arvalid(s_axil_arvalid),
        .s_axil_arready(s_axil_arready), .s_axil_rdata(s_axil_rdata), .s_axil_rresp(s_axil_rresp),
        .s_axil_rvalid(s_axil_rvalid), .s_axil_rready(s_axil_rready),
        .q_base(q_base), .q_cq_base(q_cq_base), .q_size_log2(q_size_log2), .q_enable(q_enable),
        .q_start(q_start), .q_prod(q_prod), .q_cq_cons(q_cq_cons), .q_cq_cons_wr(q_cq_cons_wr),
        .q_irq_en(q_irq_en), .q_irq_vec(q_irq_vec), .q_irq_count(q_irq_count), .q_irq_timer(q_irq_timer),
        .q_cons(q_cons), .q_cq_prod(q_cq_prod), .q_busy(q_busy),
        .q_err_desc(q_err_desc), .q_err_dma(q_err_dma),
        .rx_default_queue(rx_default_queue), .rx_nobuf_timeout(rx_nobuf_timeout),
        .dma_err(tx_dma_err || rx_dma_err || txd_dma_err || txa_dma_err),
        .dma_err_addr(tx_dma_err ? tx_dma_err_addr : rx_dma_err ? rx_dma_err_addr :
                      txd_dma_err ? txd_dma_err_addr : txa_dma_err_addr),
        .cp_wr(cp_wr), .cp_waddr(cp_waddr), .cp_wdata(cp_wdata), .cp_rd(cp_rd), .cp_raddr(cp_raddr),
        .cp_rdata(cp_rdata),
        .stat_inc_valid(st_valid), .stat_inc_amount(st_amount)
    );

    // TX queues are 0..NUM_TXQ-1, RX queues follow
    `define TXQ(v, w) v[NUM_TXQ*(w)-1:0]
    `define RXQ(v, w) v[NQ*(w)-1:NUM_TXQ*(w)]

    // ---------------------------------------------------------------- AXI read side
    wire [63:0] txd_araddr, txa_araddr, rx_araddr;
    wire [7:0]  txd_arlen, txa_arlen, rx_arlen;
    wire [AXI_ID_W-1:0] txd_arid, txa_arid, rx_arid;
    wire        txd_arvalid, txa_arvalid, rx_arvalid;
    wire [2:0]  s_arready, s_rvalid, s_rready;

    tonic_axi_rd_mux #(.N(3), .ID_W(AXI_ID_W), .ID_MAP({ID_RX, ID_TXC, ID_TXD})) u_rd_mux (
        .clk(clk), .rst(rst),
        .s_arid({rx_arid, txd_arid, txa_arid}), .s_araddr({rx_araddr, txd_araddr, txa_araddr}),
        .s_arlen({rx_arlen, txd_arlen, txa_arlen}), .s_arvalid({rx_arvalid, txd_arvalid, txa_arvalid}),
        .s_arready(s_arready), .s_rvalid(s_rvalid), .s_rready(s_rready),
        .m_axi_arid(m_axi_arid), .m_axi_araddr(m_axi_araddr), .m_axi_arlen(m_axi_arlen),
        .m_axi_arsize(m_axi_arsize), .m_axi_arburst(m_axi_arburst), .m_axi_arvalid(m_axi_arvalid),
        .m_axi_arready(m_axi_arready), .m_axi_rid(m_axi_rid), .m_axi_rvalid(m_axi_rvalid),
        .m_axi_rready(m_axi_rready)
    );

    // ---------------------------------------------------------------- TX path
    localparam TXD_W = 1 + TQW + 12 + 256;
    localparam PLAN_W = 128 + 1 + 3 + 9 + 6 + 1 + 3 + TQW + 12 + 8 + 16 + 64;
    localparam CPL_W = TQW + 12 + 8 + 16 + 3;
    wire [TXD_W-1:0] txd_data;
    wire [NUM_TXQ-1:0] txd_head_valid;
    wire [TQW-1:0]   txd_sel_q;
    wire             txd_ready;
    wire [NUM_TXQ-1:0] txd_busy;
    wire [PLAN_W-1:0] plan_data;
    wire             plan_valid, plan_ready, beat_consumed, txdata_busy;
    wire [63:0]      txs_tdata;
    wire [7:0]       txs_tkeep;
    wire             txs_tvalid, txs_tready, txs_tlast, txs_tuser;
    wire [127:0]     txs_tol;
    wire [CPL_W-1:0] txc_data, txc_q_data;
    wire             txc_valid, txc_ready, txc_q_valid, txc_q_ready;
    wire [2:0]       txc_count_unused;
    wire             tx_err_desc, tx_err_dma, txcpl_busy;
    wire             txa_rready_unused;

    tonic_tx_desc #(.NQ(NUM_TXQ), .AXI_ID_W(AXI_ID_W), .ID(ID_TXC)) u_tx_desc (
        .clk(clk), .rst(rst),
        .q_base(`TXQ(q_base, 64)), .q_size_log2(`TXQ(q_size_log2, 4)), .q_enable(`TXQ(q_enable, 1)),
        .q_start(`TXQ(q_start, 1)), .q_prod(`TXQ(q_prod, 12)), .q_busy(txd_busy),
        .m_axi_arid(txd_arid), .m_axi_araddr(txd_araddr), .m_axi_arlen(txd_arlen),
        .m_axi_arvalid(txd_arvalid), .m_axi_arready(s_arready[1]),
        .s_rdata(m_axi_rdata), .s_rresp(m_axi_rresp), .s_rlast(m_axi_rlast), .s_rvalid(s_rvalid[1]),
        .s_rready(s_rready[1]),
        .m_head_valid(txd_head_valid), .sel_q(txd_sel_q), .m_desc_data(txd_data), .m_desc_pop(txd_ready),
        .dma_err(txd_dma_err), .dma_err_addr(txd_dma_err_addr)
    );

    tonic_tx_data #(.NQ(NUM_TXQ), .QW(TQW), .AXI_ID_W(AXI_ID_W), .ID(ID_TXD), .MAX_FRAME(MAX_FRAME), .MAX_SG(16),
                    .BUF_LOG2(9)) u_tx_data (
        .clk(clk), .rst(rst),
        .s_head_valid(txd_head_valid), .sel_q(txd_sel_q), .s_desc_data(txd_data), .s_desc_ready(txd_ready),
        .m_axi_arid(txa_arid), .m_axi_araddr(txa_araddr), .m_axi_arlen(txa_arlen),
        .m_axi_arvalid(txa_arvalid), .m_axi_arready(s_arready[0]),
        .beat_consumed(beat_consumed),
        .m_plan_data(plan_data), .m_plan_valid(plan_valid), .m_plan_ready(plan_ready),
        .busy(txdata_busy)
    );

    tonic_tx_align #(.QW(TQW), .BUF_LOG2(9)) u_tx_align (
        .clk(clk), .rst(rst),
        .s_rdata(m_axi_rdata), .s_rresp(m_axi_rresp), .s_rvalid(s_rvalid[0]), .s_rready(txa_rready_unused),
        .beat_consumed(beat_consumed),
        .s_plan_data(plan_data), .s_plan_valid(plan_valid), .s_plan_ready(plan_ready),
        .m_axis_tdata(txs_tdata), .m_axis_tkeep(txs_tkeep), .m_axis_tvalid(txs_tvalid),
        .m_axis_tready(txs_tready), .m_axis_tlast(txs_tlast), .m_axis_tuser(txs_tuser), .m_axis_tol(txs_tol),
        .m_cpl_data(txc_data), .m_cpl_valid(txc_valid), .m_cpl_ready(txc_ready),
        .stat_err_desc(tx_err_desc), .stat_err_dma(tx_err_dma),
        .dma_err(txa_dma_err), .dma_err_addr(txa_dma_err_addr)
    );
    assign s_rready[0] = 1'b1;

    tonic_fifo #(.WIDTH(CPL_W), .DEPTH_LOG2(2)) u_txc_fifo (
        .clk(clk), .rst(rst),
        .s_data(txc_data), .s_valid(txc_valid), .s_ready(txc_ready),
        .m_data(txc_q_data), .m_valid(txc_q_valid), .m_ready(txc_q_ready),
        .count(txc_count_unused)
    );

    // TX frame FIFO (store and forward, drops frames that ended with an error) with checksum
    // insertion around it (docs/parser.md). It holds the packer while it has no room.
    wire tx_csum_done, tx_csum_skip;
    tonic_tx_csum #(.DEPTH(1 << FIFO_LOG2), .MAX_FRAME(MAX_FRAME)) u_tx_csum (
        .clk(clk), .rst(rst), .cfg_csum(cfg_csum),
        .s_axis_tdata(txs_tdata), .s_axis_tkeep(txs_tkeep), .s_axis_tvalid(txs_tvalid),
        .s_axis_tready(txs_tready), .s_axis_tlast(txs_tlast), .s_axis_tuser(txs_tuser), .s_ol(txs_tol),
        .m_axis_tdata(m_axis_tx_tdata), .m_axis_tkeep(m_axis_tx_tkeep), .m_axis_tvalid(m_axis_tx_tvalid),
        .m_axis_tready(m_axis_tx_tready), .m_axis_tlast(m_axis_tx_tlast),
        .stat_csum(tx_csum_done), .stat_skip(tx_csum_skip)
    );

    // ---------------------------------------------------------------- TX completions
    wire [63:0] txc_awaddr, rx_awaddr;
    wire [7:0]  txc_awlen, rx_awlen;
    wire [AXI_ID_W-1:0] txc_awid, rx_awid;
    wire        txc_awvalid, rx_awvalid;
    wire [63:0] txc_wdata, rx_wdata;
    wire [7:0]  txc_wstrb, rx_wstrb;
    wire        txc_wlast, rx_wlast, txc_wvalid, rx_wvalid;
    wire [1:0]  s_awready, s_wready, s_bvalid;
    wire        txc_bready_unused, rx_bready_unused;
    wire [NUM_TXQ-1:0] txq_err_dma;

    tonic_tx_cpl #(.NQ(NUM_TXQ), .AXI_ID_W(AXI_ID_W), .ID(ID_TXC)) u_tx_cpl (
        .clk(clk), .rst(rst),
        .s_cpl_data(txc_q_data), .s_cpl_valid(txc_q_valid), .s_cpl_ready(txc_q_ready),
        .q_cq_base(`TXQ(q_cq_base, 64)), .q_size_log2(`TXQ(q_size_log2, 4)),
        .q_cq_cons(`TXQ(q_cq_cons, 12)), .q_start(`TXQ(q_start, 1)),
        .q_cq_prod(`TXQ(q_cq_prod, 12)), .q_cons(`TXQ(q_cons, 12)), .q_cpl(`TXQ(q_cpl, 1)),
        .q_err_dma(txq_err_dma),
        .m_axi_awid(txc_awid), .m_axi_awaddr(txc_awaddr), .m_axi_awlen(txc_awlen),
        .m_axi_awvalid(txc_awvalid), .m_axi_awready(s_awready[0]),
        .m_axi_wdata(txc_wdata), .m_axi_wstrb(txc_wstrb), .m_axi_wlast(txc_wlast),
        .m_axi_wvalid(txc_wvalid), .m_axi_wready(s_wready[0]),
        .s_bresp(m_axi_bresp), .s_bvalid(s_bvalid[0]), .s_bready(txc_bready_unused),
        .busy(txcpl_busy), .dma_err(tx_dma_err), .dma_err_addr(tx_dma_err_addr)
    );

    // per-TX-queue error pulses: completion-write errors, plus the frame errors of the queue
    // whose completion is being written
    wire [TQW-1:0] txc_q = txc_q_data[CPL_W-1 -: TQW];
    wire [2:0]     txc_st = txc_q_data[2:0];
    genvar gt;
    generate
        for (gt = 0; gt < NUM_TXQ; gt = gt + 1) begin : g_txerr
            wire hit = txc_q_valid && txc_q_ready && txc_q == TQW'(gt);
            assign q_err_desc[gt] = hit && txc_st != 3'd0 && txc_st != 3'(`TONIC_TX_ST_DMA_ERR);
            assign q_err_dma[gt]  = txq_err_dma[gt] || (hit && txc_st == 3'(`TONIC_TX_ST_DMA_ERR));
            assign q_busy[gt] = txd_busy[gt] || txdata_busy || plan_valid || txcpl_busy;
        end
    endgenerate

    // ---------------------------------------------------------------- RX path
    // MAC -> receive FIFO with the parser beside it -> checksum verification -> RX DMA
    localparam PM_W = `TONIC_PMETA_SIZE * 8;
    localparam RES_W = 134;
    wire [63:0] rxf_tdata, rxc_tdata;
    wire [7:0]  rxf_tkeep, rxc_tkeep;
    wire        rxf_tvalid, rxf_tready, rxf_tlast, rxc_tvalid, rxc_tready, rxc_tlast;
    wire [15:0] rxf_len;
    wire        rxf_len_valid, rxf_len_ready;
    wire [PM_W-1:0] rxf_meta;
    wire        rxf_meta_valid, rxf_meta_ready;
    wire [RES_W-1:0] rxc_res;
    wire        rx_drop_full, rx_drop_parse, rx_csum_ok, rx_csum_bad, rx_parse_err;
    assign s_axis_rx_tready = 1'b1;

    tonic_rx_front #(.DEPTH(1 << FIFO_LOG2), .MAX_FRAME(MAX_FRAME)) u_rx_front (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_axis_rx_tdata), .s_axis_tkeep(s_axis_rx_tkeep), .s_axis_tvalid(s_axis_rx_tvalid),
        .s_axis_tlast(s_axis_rx_tlast), .s_axis_tuser(s_axis_rx_tuser),
        .m_axis_tdata(rxf_tdata), .m_axis_tkeep(rxf_tkeep), .m_axis_tvalid(rxf_tvalid),
        .m_axis_tready(rxf_tready), .m_axis_tlast(rxf_tlast),
        .m_len(rxf_len), .m_len_valid(rxf_len_valid), .m_len_ready(rxf_len_ready),
        .m_meta(rxf_meta), .m_meta_valid(rxf_meta_valid), .m_meta_ready(rxf_meta_ready),
        .stat_drop_full(rx_drop_full), .stat_drop_parse(rx_drop_parse)
    );

    tonic_rx_csum u_rx_csum (
        .clk(clk), .rst(rst), .cfg_csum(cfg_csum),
        .s_axis_tdata(rxf_tdata), .s_axis_tkeep(rxf_tkeep), .s_axis_tvalid(rxf_tvalid),
        .s_axis_tready(rxf_tready), .s_axis_tlast(rxf_tlast),
        .s_meta(rxf_meta), .s_meta_valid(rxf_meta_valid), .s_meta_ready(rxf_meta_ready),
        .m_axis_tdata(rxc_tdata), .m_axis_tkeep(rxc_tkeep), .m_axis_tvalid(rxc_tvalid),
        .m_axis_tready(rxc_tready), .m_axis_tlast(rxc_tlast), .m_res(rxc_res),
        .stat_ok(rx_csum_ok), .stat_bad(rx_csum_bad), .stat_perr(rx_parse_err)
    );

    wire rx_frame, rx_drop_nobuf, rx_drop_qdis, rx_err_desc, rx_err_dma, rx_busy;
    wire [15:0] rx_bytes;

    tonic_rx_dma #(.NQ(NUM_RXQ), .AXI_ID_W(AXI_ID_W), .ID(ID_RX), .RES_W(RES_W)) u_rx_dma (
        .clk(clk), .rst(rst),
        .s_axis_tdata(rxc_tdata), .s_axis_tkeep(rxc_tkeep), .s_axis_tvalid(rxc_tvalid),
        .s_axis_tready(rxc_tready), .s_axis_tlast(rxc_tlast),
        .s_len_data(rxf_len), .s_len_valid(rxf_len_valid), .s_len_ready(rxf_len_ready), .s_res(rxc_res),
        .q_base(`RXQ(q_base, 64)), .q_cq_base(`RXQ(q_cq_base, 64)), .q_size_log2(`RXQ(q_size_log2, 4)),
        .q_enable(`RXQ(q_enable, 1)), .q_start(`RXQ(q_start, 1)), .q_prod(`RXQ(q_prod, 12)),
        .q_cq_cons(`RXQ(q_cq_cons, 12)), .q_cq_prod(`RXQ(q_cq_prod, 12)), .q_cons(`RXQ(q_cons, 12)),
        .q_cpl(`RXQ(q_cpl, 1)), .q_err_desc(`RXQ(q_err_desc, 1)), .q_err_dma(`RXQ(q_err_dma, 1)),
        .default_queue(rx_default_queue), .nobuf_timeout(rx_nobuf_timeout),
        .m_axi_arid(rx_arid), .m_axi_araddr(rx_araddr), .m_axi_arlen(rx_arlen),
        .m_axi_arvalid(rx_arvalid), .m_axi_arready(s_arready[2]),
        .s_rdata(m_axi_rdata), .s_rresp(m_axi_rresp), .s_rvalid(s_rvalid[2]), .s_rready(s_rready[2]),
        .m_axi_awid(rx_awid), .m_axi_awaddr(rx_awaddr), .m_axi_awlen(rx_awlen),
        .m_axi_awvalid(rx_awvalid), .m_axi_awready(s_awready[1]),
        .m_axi_wdata(rx_wdata), .m_axi_wstrb(rx_wstrb), .m_axi_wlast(rx_wlast),
        .m_axi_wvalid(rx_wvalid), .m_axi_wready(s_wready[1]),
        .s_bresp(m_axi_bresp), .s_bvalid(s_bvalid[1]), .s_bready(rx_bready_unused),
        .stat_frame(rx_frame), .stat_bytes(rx_bytes), .stat_drop_nobuf(rx_drop_nobuf),
        .stat_drop_qdis(rx_drop_qdis), .stat_err_desc(rx_err_desc), .stat_err_dma(rx_err_dma),
        .dma_err(rx_dma_err), .dma_err_addr(rx_dma_err_addr), .busy(rx_busy)
    );
    assign `RXQ(q_busy, 1) = {NUM_RXQ{rx_busy}};

    tonic_axi_wr_mux #(.N(2), .ID_W(AXI_ID_W), .ID_MAP({ID_RX, ID_TXC})) u_wr_mux (
        .clk(clk), .rst(rst),
        .s_awid({rx_awid, txc_awid}), .s_awaddr({rx_awaddr, txc_awaddr}), .s_awlen({rx_awlen, txc_awlen}),
        .s_awvalid({rx_awvalid, txc_awvalid}), .s_awready(s_awready),
        .s_wdata({rx_wdata, txc_wdata}), .s_wstrb({rx_wstrb, txc_wstrb}), .s_wlast({rx_wlast, txc_wlast}),
        .s_wvalid({rx_wvalid, txc_wvalid}), .s_wready(s_wready), .s_bvalid(s_bvalid),
        .m_axi_awid(m_axi_awid), .m_axi_awaddr(m_axi_awaddr), .m_axi_awlen(m_axi_awlen),
        .m_axi_awsize(m_axi_awsize), .m_axi_awburst(m_axi_awburst), .m_axi_awvalid(m_axi_awvalid),
        .m_axi_awready(m_axi_awready), .m_axi_wdata(m_axi_wdata), .m_axi_wstrb(m_axi_wstrb),
        .m_axi_wlast(m_axi_wlast), .m_axi_wvalid(m_axi_wvalid), .m_axi_wready(m_axi_wready),
        .m_axi_bid(m_axi_bid), .m_axi_bvalid(m_axi_bvalid), .m_axi_bready(m_axi_bready)
    );

    // ---------------------------------------------------------------- interrupts
    wire irq_sent;
    tonic_irq #(.NQ(NQ)) u_irq (
        .clk(clk), .rst(rst),
        .enable(q_irq_en & q_enable), .start(q_start), .cpl(q_cpl), .rearm(q_cq_cons_wr),
        .vec(q_irq_vec), .count(q_irq_count), .timer(q_irq_timer),
        .irq_valid(irq_valid), .irq_vector(irq_vector), .irq_ready(irq_ready), .irq_sent(irq_sent)
    );

    // ---------------------------------------------------------------- statistics
    wire tx_beat = m_axis_tx_tvalid && m_axis_tx_tready;
    localparam KEEP_W = 8;
    localparam KC_W = 4;
    `include "axis_keep.vh"
    wire [3:0] tx_keep_bytes = keep_count(m_axis_tx_tkeep);

    always @* begin
        st_valid = {NSTAT{1'b0}};
        st_amount = {NSTAT*16{1'b0}};
        st_valid[`TONIC_STAT_TX_FRAMES] = tx_beat && m_axis_tx_tlast;
        st_amount[`TONIC_STAT_TX_FRAMES*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_TX_BYTES] = tx_beat;
        st_amount[`TONIC_STAT_TX_BYTES*16 +: 16] = {12'd0, tx_keep_bytes};
        st_valid[`TONIC_STAT_RX_FRAMES] = rx_frame;
        st_amount[`TONIC_STAT_RX_FRAMES*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_BYTES] = rx_frame;
        st_amount[`TONIC_STAT_RX_BYTES*16 +: 16] = rx_bytes;
        st_valid[`TONIC_STAT_TX_ERR_DESC] = tx_err_desc;
        st_amount[`TONIC_STAT_TX_ERR_DESC*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_TX_ERR_DMA] = tx_err_dma;
        st_amount[`TONIC_STAT_TX_ERR_DMA*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_DROP_FCS] = stat_rx_bad_fcs;
        st_amount[`TONIC_STAT_RX_DROP_FCS*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_DROP_RUNT] = stat_rx_runt;
        st_amount[`TONIC_STAT_RX_DROP_RUNT*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_DROP_OVERSIZE] = stat_rx_oversize;
        st_amount[`TONIC_STAT_RX_DROP_OVERSIZE*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_DROP_FIFO] = rx_drop_full || rx_drop_parse;
        st_amount[`TONIC_STAT_RX_DROP_FIFO*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_DROP_NOBUF] = rx_drop_nobuf;
        st_amount[`TONIC_STAT_RX_DROP_NOBUF*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_DROP_QDIS] = rx_drop_qdis;
        st_amount[`TONIC_STAT_RX_DROP_QDIS*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_ERR_DESC] = rx_err_desc;
        st_amount[`TONIC_STAT_RX_ERR_DESC*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_ERR_DMA] = rx_err_dma;
        st_amount[`TONIC_STAT_RX_ERR_DMA*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_IRQS] = irq_sent;
        st_amount[`TONIC_STAT_IRQS*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_TX_CSUM] = tx_csum_done;
        st_amount[`TONIC_STAT_TX_CSUM*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_TX_CSUM_SKIP] = tx_csum_skip;
        st_amount[`TONIC_STAT_TX_CSUM_SKIP*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_CSUM_OK] = rx_csum_ok;
        st_amount[`TONIC_STAT_RX_CSUM_OK*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_CSUM_BAD] = rx_csum_bad;
        st_amount[`TONIC_STAT_RX_CSUM_BAD*16 +: 16] = 16'd1;
        st_valid[`TONIC_STAT_RX_PARSE_ERR] = rx_parse_err;
        st_amount[`TONIC_STAT_RX_PARSE_ERR*16 +: 16] = 16'd1;
    end

    `undef TXQ
    `undef RXQ

    wire unused_ok = &{1'b0, txa_rready_unused, txc_count_unused, txc_bready_unused, rx_bready_unused};

    initial begin
        if (DATA_W != 64) begin
            $error("tonic_core: DATA_W must be 64 (the DMA datapath is 64-bit)");
            $finish;
        end
    end
endmodule

`default_nettype wire
