// SPDX-License-Identifier: MIT
// tonic_csr — BAR0 register file: AXI4-Lite slave, register block chain, queue registers.
//
// Holds the host-visible registers of the map generated from rtl/regs/tonic_regs.toml (IDENT,
// CTRL, STATS, TXQ, RXQ, and the headers of every block) and hands the queue configuration to the
// DMA engines as flat vectors. The words of CAPS, CONFIG, MBOX and FW belong to the control plane
// (tonic_cp) and travel over the cp_* port. Queues are numbered 0..NQ-1 internally with the TX queues first.
// Illegal writes (doorbell outside the ring, configuration of an enabled queue, bad alignment or
// vector) are ignored and flagged in QSTATUS/ERR_STATUS, so a confused host can never put a
// queue into an inconsistent state. Only full 32-bit writes (wstrb = 4'hF) take effect.
`default_nettype none
`include "tonic_regs.vh"

module tonic_csr #(
    parameter NUM_TXQ = 4,             // TX queues (1..8)
    parameter NUM_RXQ = 4,             // RX queues (1..8)
    parameter DATA_W = 64,             // network stream width, reported in IDENT
    parameter CLK_HZ = 156250000,      // reported in IDENT
    parameter BUILD_ID = 0,            // reported in IDENT
    parameter MAX_FRAME = 9216,        // reported in IDENT
    parameter NUM_IRQ = 8              // interrupt vectors
) (
    input  wire                      clk,
    input  wire                      rst,

    // AXI4-Lite slave (BAR0)
    input  wire [15:0]               s_axil_awaddr,
    input  wire                      s_axil_awvalid,
    output wire                      s_axil_awready,
    input  wire [31:0]               s_axil_wdata,
    input  wire [3:0]                s_axil_wstrb,
    input  wire                      s_axil_wvalid,
    output wire                      s_axil_wready,
    output wire [1:0]                s_axil_bresp,
    output reg                       s_axil_bvalid,
    input  wire                      s_axil_bready,
    input  wire [15:0]               s_axil_araddr,
    input  wire                      s_axil_arvalid,
    output wire                      s_axil_arready,
    output reg  [31:0]               s_axil_rdata,
    output wire [1:0]                s_axil_rresp,
    output reg                       s_axil_rvalid,
    input  wire                      s_axil_rready,

    // queue configuration, queue q at [q*W +: W]; TX queues are 0..NUM_TXQ-1, RX follow
    output wire [(NUM_TXQ+NUM_RXQ)*64-1:0] q_base,
    output wire [(NUM_TXQ+NUM_RXQ)*64-1:0] q_cq_base,
    output wire [(NUM_TXQ+NUM_RXQ)*4-1:0]  q_size_log2,
    output wire [(NUM_TXQ+NUM_RXQ)-1:0]    q_enable,
    output reg  [(NUM_TXQ+NUM_RXQ)-1:0]    q_start,      // one-cycle pulse when enabled
    output wire [(NUM_TXQ+NUM_RXQ)*12-1:0] q_prod,
    output wire [(NUM_TXQ+NUM_RXQ)*12-1:0] q_cq_cons,
    output reg  [(NUM_TXQ+NUM_RXQ)-1:0]    q_cq_cons_wr, // pulse: host returned completions
    output wire [(NUM_TXQ+NUM_RXQ)-1:0]    q_irq_en,
    output wire [(NUM_TXQ+NUM_RXQ)*8-1:0]  q_irq_vec,
    output wire [(NUM_TXQ+NUM_RXQ)*8-1:0]  q_irq_count,
    output wire [(NUM_TXQ+NUM_RXQ)*32-1:0] q_irq_timer,
    input  wire [(NUM_TXQ+NUM_RXQ)*12-1:0] q_cons,
    input  wire [(NUM_TXQ+NUM_RXQ)*12-1:0] q_cq_prod,
    input  wire [(NUM_TXQ+NUM_RXQ)-1:0]    q_busy,
    input  wire [(NUM_TXQ+NUM_RXQ)-1:0]    q_err_desc,   // pulses from the engines
    input  wire [(NUM_TXQ+NUM_RXQ)-1:0]    q_err_dma,

    // global control
    output reg  [7:0]                rx_default_queue,
    output reg  [31:0]               rx_nobuf_timeout,
    input  wire                      dma_err,            // pulse with the faulting address
    input  wire [63:0]               dma_err_addr,

    // control-plane registers (tonic_cp): CAPS/CONFIG words, MBOX, FW
    output wire                      cp_wr,
    output wire [15:0]               cp_waddr,
    output wire [31:0]               cp_wdata,
    output wire                      cp_rd,
    output wire [15:0]               cp_raddr,
    input  wire [31:0]               cp_rdata,

    // statistics increments (see tonic_stats)
    input  wire [`TONIC_STATS_NUM-1:0]    stat_inc_valid,
    input  wire [`TONIC_STATS_NUM*16-1:0] stat_inc_amount
);
    localparam NQ = NUM_TXQ + NUM_RXQ;
    localparam QW = $clog2(NQ);                 // queue index width
    localparam [15:0] NTX16 = 16'(NUM_TXQ);
    localparam [15:0] TX_STRIDE = 16'(`TONIC_TXQ_STRIDE);
    localparam [15:0] RX_STRIDE = 16'(`TONIC_RXQ_STRIDE);

    // ---------------------------------------------------------------- per-queue state
    reg [63:0] base_reg    [0:NQ-1];
    reg [63:0] cq_base_reg [0:NQ-1];
    reg [3:0]  size_reg    [0:NQ-1];
    reg        en_reg      [0:NQ-1];
    reg        irq_en_reg  [0:NQ-1];
    reg [11:0] prod_reg    [0:NQ-1];
    reg [11:0] cq_cons_reg [0:NQ-1];
    reg [7:0]  vec_reg     [0:NQ-1];
    reg [7:0]  icount_reg  [0:NQ-1];
    reg [31:0] itimer_reg  [0:NQ-1];
    reg [3:0]  qerr_reg    [0:NQ-1];

    wire [11:0] cons_a [0:NQ-1];
    wire [11:0] cq_prod_a [0:NQ-1];
    genvar gq;
    generate
        for (gq = 0; gq < NQ; gq = gq + 1) begin : g_out
            assign cons_a[gq] = q_cons[gq*12 +: 12];
            assign cq_prod_a[gq] = q_cq_prod[gq*12 +: 12];
            assign q_base[gq*64 +: 64]      = base_reg[gq];
            assign q_cq_base[gq*64 +: 64]   = cq_base_reg[gq];
            assign q_size_log2[gq*4 +: 4]   = size_reg[gq];
            assign q_enable[gq]             = en_reg[gq];
            assign q_prod[gq*12 +: 12]      = prod_reg[gq];
            assign q_cq_cons[gq*12 +: 12]   = cq_cons_reg[gq];
            assign q_irq_en[gq]             = irq_en_reg[gq];
            assign q_irq_vec[gq*8 +: 8]     = vec_reg[gq];
            assign q_irq_count[gq*8 +: 8]   = icount_reg[gq];
            assign q_irq_timer[gq*32 +: 32] = itimer_reg[gq];
        end
    endgenerate

    // ---------------------------------------------------------------- global state
    reg [31:0] scratch_reg;
    reg [4:0]  err_status_reg;
    reg [63:0] dma_err_addr_reg;
    reg [63:0] cycles_reg;
    reg [31:0] cycles_hi_latch;
    reg [31:0] stat_hi_latch;
    reg        stats_clear;
    reg        doorbell_err_pulse;

    // ---------------------------------------------------------------- statistics
    wire [7:0]  stat_rd_index;
    wire [63:0] stat_rd_data;
    wire [`TONIC_STATS_NUM-1:0]    st_valid;
    wire [`TONIC_STATS_NUM*16-1:0] st_amount;

    // DOORBELL_ERR is counted here; every other counter comes from the datapath.
    genvar gs;
    generate
        for (gs = 0; gs < `TONIC_STATS_NUM; gs = gs + 1) begin : g_st
            if (gs == `TONIC_STAT_DOORBELL_ERR) begin : g_db
                assign st_valid[gs] = doorbell_err_pulse;
                assign st_amount[gs*16 +: 16] = 16'd1;
            end else begin : g_dp
                assign st_valid[gs] = stat_inc_valid[gs];
                assign st_amount[gs*16 +: 16] = stat_inc_amount[gs*16 +: 16];
            end
        end
    endgenerate

    tonic_stats u_stats (
        .clk(clk), .rst(rst), .clear(stats_clear),
        .inc_valid(st_valid), .inc_amount(st_amount),
        .rd_index(stat_rd_index), .rd_data(stat_rd_data)
    );

    // ---------------------------------------------------------------- address decode
    // Queue register windows are 64-byte slots in 4 KiB blocks (checked below), so the queue
    // index and the register offset are bit fields of the address: no subtraction, no division.
    localparam [3:0] TXQ_BLK = 4'(`TONIC_TXQ_BASE >> 12);
    localparam [3:0] RXQ_BLK = 4'(`TONIC_RXQ_BASE >> 12);

    // Which queue (if any) the address bits [15:6] fall in: {hit, queue index}.
    function [QW:0] queue_of;
        input [15:6] a;
        reg   [5:0]  slot;   // 64-byte slot in the block; queue q is slot q + 1
        begin
            slot = a[11:6];
            if (a[15:12] == TXQ_BLK && slot != 6'd0 && {10'd0, slot} <= NTX16)
                queue_of = {1'b1, QW'(slot - 6'd1)};
            else if (a[15:12] == RXQ_BLK && slot != 6'd0 && slot <= 6'(NUM_RXQ))
                queue_of = {1'b1, QW'(6'(NUM_TXQ) + slot - 6'd1)};
            else
                queue_of = {(QW+1){1'b0}};
        end
    endfunction

    // ---------------------------------------------------------------- write channel
    // Writes take three cycles, like reads: A latches address and data, B decodes them and
    // evaluates the legality checks against the (then stable) queue state, C applies the write
    // and raises BVALID. One write is in flight at a time.
    reg         wr_a_reg, wr_b_reg;
    reg  [15:0] wa_a, wa;
    reg  [31:0] wd_a, wd;
    reg         wfull_a, wr_en;
    reg  [QW:0] wq_hit;
    reg  [7:0]  wq_off;
    reg         wq_enabled;      // the addressed queue is enabled
    reg         wq_db_bad;       // doorbell value outside the queue's ring
    reg         wq_irq_bad;      // interrupt vector out of range
    reg         wq_size_bad;     // ring size out of range
    wire [QW-1:0] wq = wq_hit[QW-1:0];
    wire wr_fire = s_axil_awvalid && s_axil_wvalid && !wr_a_reg && !wr_b_reg && !s_axil_bvalid;
    assign s_axil_awready = wr_fire;
    assign s_axil_wready  = wr_fire;
    assign s_axil_bresp   = 2'b00;

    wire [QW:0]   wq_hit_a = queue_of(wa_a[15:6]);
    wire [QW-1:0] wq_a = wq_hit_a[QW-1:0];
    wire          wq_reg_hit = wq_hit[QW];

    always @(posedge clk) begin
        if (wr_fire) begin
            wa_a <= {s_axil_awaddr[15:2], 2'b00};
            wd_a <= s_axil_wdata;
            wfull_a <= s_axil_wstrb == 4'hF;
        end
        wr_b_reg <= wr_a_reg;
        wr_en <= wr_a_reg && wfull_a;
        if (wr_a_reg) begin
            wa <= wa_a;
            wd <= wd_a;
            wq_hit <= wq_hit_a;
            wq_off <= {2'b00, wa_a[5:0]};
            wq_enabled <= en_reg[wq_a];
            wq_db_bad <= !en_reg[wq_a] || (wd_a >> size_reg[wq_a]) != 32'd0;
            wq_irq_bad <= {24'd0, wd_a[7:0]} >= NUM_IRQ;
            wq_size_bad <= wd_a < 32'd4 || wd_a > 32'd12;
        end
        if (rst) begin
            wr_b_reg <= 1'b0;
            wr_en <= 1'b0;
        end
    end

    integer i;
    always @(posedge clk) begin
        q_start <= {NQ{1'b0}};
        q_cq_cons_wr <= {NQ{1'b0}};
        stats_clear <= 1'b0;
        doorbell_err_pulse <= 1'b0;
        cycles_reg <= cycles_reg + 64'd1;

        if (s_axil_bvalid && s_axil_bready) s_axil_bvalid <= 1'b0;
        if (wr_b_reg) s_axil_bvalid <= 1'b1;
        wr_a_reg <= wr_fire;

        // error pulses from the datapath
        for (i = 0; i < NQ; i = i + 1) begin
            if (q_err_desc[i]) qerr_reg[i][1] <= 1'b1;
            if (q_err_dma[i])  qerr_reg[i][2] <= 1'b1;
        end
        if (|q_err_desc[NUM_TXQ-1:0]) err_status_reg[1] <= 1'b1;
        if (|q_err_desc[NQ-1:NUM_TXQ]) err_status_reg[2] <= 1'b1;
        if (dma_err) begin
            err_status_reg[3] <= 1'b1;
            dma_err_addr_reg <= dma_err_addr;
        end

        if (wr_en && wq_reg_hit) begin
            case (wq_off)
                `TONIC_Q_BASE_LO, `TONIC_Q_BASE_HI, `TONIC_Q_SIZE_LOG2,
                `TONIC_Q_CQ_BASE_LO, `TONIC_Q_CQ_BASE_HI: begin
                    if (wq_enabled) begin
                        qerr_reg[wq][3] <= 1'b1;
                        err_status_reg[4] <= 1'b1;
                    end else begin
                        case (wq_off)
                            `TONIC_Q_BASE_LO:
                                if (wd[5:0] != 6'd0) qerr_reg[wq][3] <= 1'b1;
                                else base_reg[wq][31:0] <= wd;
                            `TONIC_Q_BASE_HI: base_reg[wq][63:32] <= wd;
                            `TONIC_Q_SIZE_LOG2:
                                if (wq_size_bad) qerr_reg[wq][3] <= 1'b1;
                                else size_reg[wq] <= wd[3:0];
                            `TONIC_Q_CQ_BASE_LO:
                                if (wd[5:0] != 6'd0) qerr_reg[wq][3] <= 1'b1;
                                else cq_base_reg[wq][31:0] <= wd;
                            default: cq_base_reg[wq][63:32] <= wd;
                        endcase
                    end
                end
                `TONIC_Q_QCTRL: begin
                    irq_en_reg[wq] <= wd[`TONIC_Q_QCTRL_IRQ_ENABLE_LSB];
                    if (wd[`TONIC_Q_QCTRL_ENABLE_LSB] && !en_reg[wq]) begin
                        en_reg[wq] <= 1'b1;
                        q_start[wq] <= 1'b1;
                        prod_reg[wq] <= 12'd0;
                        cq_cons_reg[wq] <= 12'd0;
                    end else if (!wd[`TONIC_Q_QCTRL_ENABLE_LSB]) begin
                        en_reg[wq] <= 1'b0;
                    end
                end
                `TONIC_Q_PROD, `TONIC_Q_CQ_CONS: begin
                    if (wq_db_bad) begin
                        qerr_reg[wq][0] <= 1'b1;
                        err_status_reg[0] <= 1'b1;
                        doorbell_err_pulse <= 1'b1;
                    end else if (wq_off == `TONIC_Q_PROD) begin
                        prod_reg[wq] <= wd[11:0];
                    end else begin
                        cq_cons_reg[wq] <= wd[11:0];
                        q_cq_cons_wr[wq] <= 1'b1;
                    end
                end
                `TONIC_Q_IRQ: begin
                    if (wq_irq_bad) qerr_reg[wq][3] <= 1'b1;
                    else begin
                        vec_reg[wq] <= wd[7:0];
                        icount_reg[wq] <= wd[15:8];
                    end
                end
                `TONIC_Q_IRQ_TIMER: itimer_reg[wq] <= wd;
                `TONIC_Q_QSTATUS: qerr_reg[wq] <= qerr_reg[wq] & ~wd[3:0];
                default: ;
            endcase
        end else if (wr_en) begin
            case (wa)
                `TONIC_CTRL_BASE + `TONIC_CTRL_CTRL:
                    if (wd[`TONIC_CTRL_CTRL_SOFT_RESET_LSB]) begin
                        for (i = 0; i < NQ; i = i + 1) en_reg[i] <= 1'b0;
                        stats_clear <= 1'b1;
                        err_status_reg <= 5'd0;
                    end
                `TONIC_CTRL_BASE + `TONIC_CTRL_RX_DEFAULT_QUEUE:
                    if (wd < NUM_RXQ) rx_default_queue <= wd[7:0];
                    else err_status_reg[4] <= 1'b1;
                `TONIC_CTRL_BASE + `TONIC_CTRL_RX_NOBUF_TIMEOUT: rx_nobuf_timeout <= wd;
                `TONIC_CTRL_BASE + `TONIC_CTRL_ERR_STATUS: err_status_reg <= err_status_reg & ~wd[4:0];
                `TONIC_CTRL_BASE + `TONIC_CTRL_SCRATCH: scratch_reg <= wd;
                `TONIC_STATS_BASE + `TONIC_STATS_STATS_CTRL: stats_clear <= wd[0];
                default: ;
            endcase
        end

        if (rst) begin
            s_axil_bvalid <= 1'b0;
            wr_a_reg <= 1'b0;
            scratch_reg <= 32'd0;
            err_status_reg <= 5'd0;
            dma_err_addr_reg <= 64'd0;
            cycles_reg <= 64'd0;
            rx_default_queue <= 8'd0;
            rx_nobuf_timeout <= 32'h0001_0000;
            for (i = 0; i < NQ; i = i + 1) begin
                base_reg[i] <= 64'd0;
                cq_base_reg[i] <= 64'd0;
                size_reg[i] <= 4'd4;
                en_reg[i] <= 1'b0;
                irq_en_reg[i] <= 1'b0;
                prod_reg[i] <= 12'd0;
                cq_cons_reg[i] <= 12'd0;
                vec_reg[i] <= (i < NUM_TXQ) ? 8'(i) : 8'((NUM_IRQ / 2 + i - NUM_TXQ) % NUM_IRQ);
                icount_reg[i] <= 8'd1;
                itimer_reg[i] <= 32'd0;
                qerr_reg[i] <= 4'd0;
            end
        end
    end

    // ---------------------------------------------------------------- read channel
    // Reads take three cycles, for timing: A latches the address, B decodes it (queue, offset,
    // counter index) into registers, C selects the value into s_axil_rdata.
    localparam [15:0] ST_CNT0 = `TONIC_STATS_BASE + `TONIC_STATS_TX_FRAMES_LO;
    localparam [15:0] ST_END  = ST_CNT0 + 8 * `TONIC_STATS_NUM;
    reg  [15:0]   ra_a_reg, ra;
    reg           rd_a_reg, rd_b_reg;
    reg  [QW:0]   rq_hit;
    reg  [7:0]    rq_off;
    reg           rd_is_stat;
    reg  [15:0]   rd_stat_off;
    wire [QW-1:0] rq = rq_hit[QW-1:0];
    wire          rd_fire = s_axil_arvalid && !rd_a_reg && !rd_b_reg && !s_axil_rvalid;
    assign s_axil_arready = rd_fire;
    assign s_axil_rresp = 2'b00;

    wire [QW:0]   rq_hit_a = queue_of(ra_a_reg[15:6]);
    assign stat_rd_index = rd_stat_off[10:3];

    // the control plane answers for CAPS/CONFIG words and the MBOX/FW blocks, one cycle after
    // it sees the address (stage B), in time for stage C
    localparam [3:0] CP_BLK = 4'(`TONIC_MBOX_BASE >> 12);
    assign cp_rd = rd_a_reg;
    assign cp_raddr = ra_a_reg;
    assign cp_wr = wr_en && !wq_reg_hit && wa[15:12] == CP_BLK;
    assign cp_waddr = wa;
    assign cp_wdata = wd;

    function [31:0] hdr_word;  // TYPE / VERSION / NEXT
        input [15:0] off;
        input [31:0] typ, ver, nxt;
        begin
            case (off)
                16'h0: hdr_word = typ;
                16'h4: hdr_word = ver;
                16'h8: hdr_word = nxt;
                default: hdr_word = 32'd0;
            endcase
        end
    endfunction

    reg [31:0] rd_val;
    always @* begin
        rd_val = 32'd0;
        if (rq_hit[QW]) begin
            case (rq_off)
                `TONIC_Q_BASE_LO:    rd_val = base_reg[rq][31:0];
                `TONIC_Q_BASE_HI:    rd_val = base_reg[rq][63:32];
                `TONIC_Q_SIZE_LOG2:  rd_val = {28'd0, size_reg[rq]};
                `TONIC_Q_QCTRL:      rd_val = {30'd0, irq_en_reg[rq], en_reg[rq]};
                `TONIC_Q_PROD:       rd_val = {20'd0, prod_reg[rq]};
                `TONIC_Q_CONS:       rd_val = {20'd0, cons_a[rq]};
                `TONIC_Q_CQ_BASE_LO: rd_val = cq_base_reg[rq][31:0];
                `TONIC_Q_CQ_BASE_HI: rd_val = cq_base_reg[rq][63:32];
                `TONIC_Q_CQ_CONS:    rd_val = {20'd0, cq_cons_reg[rq]};
                `TONIC_Q_CQ_PROD:    rd_val = {20'd0, cq_prod_a[rq]};
                `TONIC_Q_IRQ:        rd_val = {16'd0, icount_reg[rq], vec_reg[rq]};
                `TONIC_Q_IRQ_TIMER:  rd_val = itimer_reg[rq];
                `TONIC_Q_QSTATUS:    rd_val = {27'd0, en_reg[rq] | q_busy[rq], qerr_reg[rq]};
                default: rd_val = 32'd0;
            endcase
        end else if (rd_is_stat) begin
            rd_val = rd_stat_off[2] ? stat_hi_latch : stat_rd_data[31:0];
        end else if (ra < `TONIC_CAPS_BASE) begin
            case (ra)
                `TONIC_IDENT_MAGIC:       rd_val = `TONIC_MAGIC;
                `TONIC_IDENT_HW_VERSION:  rd_val = `TONIC_HW_VERSION;
                `TONIC_IDENT_BUILD_ID:    rd_val = BUILD_ID;
                `TONIC_IDENT_CLK_HZ:      rd_val = CLK_HZ;
                `TONIC_IDENT_DATA_W:      rd_val = DATA_W;
                `TONIC_IDENT_NUM_TXQ:     rd_val = NUM_TXQ;
                `TONIC_IDENT_NUM_RXQ:     rd_val = NUM_RXQ;
                `TONIC_IDENT_NUM_IRQ:     rd_val = NUM_IRQ;
                `TONIC_IDENT_MAX_FRAME:   rd_val = MAX_FRAME;
                `TONIC_IDENT_DESC_FORMAT: rd_val = `TONIC_DESC_FORMAT;
                default: rd_val = hdr_word(ra, `TONIC_IDENT_TYPE_ID, `TONIC_IDENT_VERSION_ID, `TONIC_IDENT_NEXT_OFF);
            endcase
        end else if (ra < `TONIC_CONFIG_BASE) begin
            rd_val = (ra - `TONIC_CAPS_BASE) < 16'hC
                   ? hdr_word(ra - `TONIC_CAPS_BASE, `TONIC_CAPS_TYPE_ID, `TONIC_CAPS_VERSION_ID, `TONIC_CAPS_NEXT_OFF)
                   : cp_rdata;
        end else if (ra < `TONIC_CTRL_BASE) begin
            rd_val = (ra - `TONIC_CONFIG_BASE) < 16'hC
                   ? hdr_word(ra - `TONIC_CONFIG_BASE, `TONIC_CONFIG_TYPE_ID, `TONIC_CONFIG_VERSION_ID, `TONIC_CONFIG_NEXT_OFF)
                   : cp_rdata;
        end else if (ra < `TONIC_STATS_BASE) begin
            case (ra - `TONIC_CTRL_BASE)
                `TONIC_CTRL_CTRL:             rd_val = 32'd0;
                `TONIC_CTRL_RX_DEFAULT_QUEUE: rd_val = {24'd0, rx_default_queue};
                `TONIC_CTRL_RX_NOBUF_TIMEOUT: rd_val = rx_nobuf_timeout;
                `TONIC_CTRL_ERR_STATUS:       rd_val = {27'd0, err_status_reg};
                `TONIC_CTRL_DMA_ERR_ADDR_LO:  rd_val = dma_err_addr_reg[31:0];
                `TONIC_CTRL_DMA_ERR_ADDR_HI:  rd_val = dma_err_addr_reg[63:32];
                `TONIC_CTRL_SCRATCH:          rd_val = scratch_reg;
                `TONIC_CTRL_CYCLES_LO:        rd_val = cycles_reg[31:0];
                `TONIC_CTRL_CYCLES_HI:        rd_val = cycles_hi_latch;
                default: rd_val = hdr_word(ra - `TONIC_CTRL_BASE, `TONIC_CTRL_TYPE_ID, `TONIC_CTRL_VERSION_ID, `TONIC_CTRL_NEXT_OFF);
            endcase
        end else if (ra < `TONIC_TXQ_BASE) begin
            rd_val = hdr_word(ra - `TONIC_STATS_BASE, `TONIC_STATS_TYPE_ID, `TONIC_STATS_VERSION_ID, `TONIC_STATS_NEXT_OFF);
        end else if (ra < `TONIC_RXQ_BASE) begin
            case (ra - `TONIC_TXQ_BASE)
                `TONIC_TXQ_TXQ_COUNT:  rd_val = NUM_TXQ;
                `TONIC_TXQ_TXQ_STRIDE: rd_val = 32'(TX_STRIDE);
                default: rd_val = hdr_word(ra - `TONIC_TXQ_BASE, `TONIC_TXQ_TYPE_ID, `TONIC_TXQ_VERSION_ID, `TONIC_TXQ_NEXT_OFF);
            endcase
        end else if (ra < `TONIC_RXQ_BASE + 16'h40) begin
            case (ra - `TONIC_RXQ_BASE)
                `TONIC_RXQ_RXQ_COUNT:  rd_val = NUM_RXQ;
                `TONIC_RXQ_RXQ_STRIDE: rd_val = 32'(RX_STRIDE);
                default: rd_val = hdr_word(ra - `TONIC_RXQ_BASE, `TONIC_RXQ_TYPE_ID, `TONIC_RXQ_VERSION_ID, `TONIC_RXQ_NEXT_OFF);
            endcase
        end else if (ra >= `TONIC_MBOX_BASE && ra < `TONIC_FW_BASE) begin
            rd_val = (ra - `TONIC_MBOX_BASE) < 16'hC
                   ? hdr_word(ra - `TONIC_MBOX_BASE, `TONIC_MBOX_TYPE_ID, `TONIC_MBOX_VERSION_ID, `TONIC_MBOX_NEXT_OFF)
                   : cp_rdata;
        end else if (ra >= `TONIC_FW_BASE && ra < `TONIC_FW_BASE + 16'h800) begin
            rd_val = (ra - `TONIC_FW_BASE) < 16'hC
                   ? hdr_word(ra - `TONIC_FW_BASE, `TONIC_FW_TYPE_ID, `TONIC_FW_VERSION_ID, `TONIC_FW_NEXT_OFF)
                   : cp_rdata;
        end
    end

    always @(posedge clk) begin
        if (s_axil_rvalid && s_axil_rready) s_axil_rvalid <= 1'b0;
        if (rd_fire) begin
            ra_a_reg <= {s_axil_araddr[15:2], 2'b00};
            rd_a_reg <= 1'b1;
        end
        if (rd_a_reg) begin
            ra <= ra_a_reg;
            rq_hit <= rq_hit_a;
            rq_off <= {2'b00, ra_a_reg[5:0]};
            rd_is_stat <= ra_a_reg >= ST_CNT0 && ra_a_reg < ST_END;
            rd_stat_off <= ra_a_reg - ST_CNT0;
            rd_a_reg <= 1'b0;
            rd_b_reg <= 1'b1;
        end
        if (rd_b_reg) begin
            rd_b_reg <= 1'b0;
            s_axil_rvalid <= 1'b1;
            s_axil_rdata <= rd_val;
            if (rd_is_stat && !rd_stat_off[2]) stat_hi_latch <= stat_rd_data[63:32];
            if (ra == `TONIC_CTRL_BASE + `TONIC_CTRL_CYCLES_LO) cycles_hi_latch <= cycles_reg[63:32];
        end
        if (rst) begin
            s_axil_rvalid <= 1'b0;
            rd_a_reg <= 1'b0;
            rd_b_reg <= 1'b0;
            stat_hi_latch <= 32'd0;
            cycles_hi_latch <= 32'd0;
        end
    end

    // Bits deliberately ignored: sub-word address bits (32-bit registers only), the datapath's
    // DOORBELL_ERR increment (counted here), index bits beyond the queue count, stat offset bits.
    wire unused_ok = &{1'b0, s_axil_awaddr[1:0], s_axil_araddr[1:0],
                       stat_inc_valid[`TONIC_STAT_DOORBELL_ERR],
                       stat_inc_amount[`TONIC_STAT_DOORBELL_ERR*16 +: 16],
                       rd_stat_off[15:11], rd_stat_off[1:0]};

    initial begin
        if (NUM_TXQ < 1 || NUM_TXQ > 8 || NUM_RXQ < 1 || NUM_RXQ > 8) begin
            $error("tonic_csr: NUM_TXQ and NUM_RXQ must be 1..8");
            $finish;
        end
        if (TX_STRIDE != 16'h40 || RX_STRIDE != 16'h40 || `TONIC_TXQ_QBASE != 16'h40 ||
            `TONIC_RXQ_QBASE != 16'h40 || (`TONIC_TXQ_BASE & 16'hFFF) != 0 || (`TONIC_RXQ_BASE & 16'hFFF) != 0) begin
            $error("tonic_csr: the address decode needs 64-byte queue slots in 4 KiB-aligned blocks");
            $finish;
        end
        if ((`TONIC_MBOX_BASE & 16'hFFF) != 0 || `TONIC_FW_BASE != `TONIC_MBOX_BASE + 16'h800) begin
            $error("tonic_csr: MBOX and FW must share one 4 KiB block (the control-plane port)");
            $finish;
        end
    end
endmodule

`default_nettype wire
