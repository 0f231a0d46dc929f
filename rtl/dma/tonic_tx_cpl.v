// SPDX-License-Identifier: MIT
// tonic_tx_cpl — writes TX completions into the per-queue completion rings.
//
// One 16-byte TXC entry per frame (two AXI beats, the PHASE word last), at the queue's
// CQ_PROD. The ring state (CQ_PROD, phase, CONS) is kept by tonic_cq; this block refuses to
// overwrite entries the host has not returned (waits for CQ_CONS) and reports CONS (descriptors
// free) as "last descriptor + 1".
// Write responses are counted; an error response raises `dma_err` for the queue.
`default_nettype none
`include "tonic_regs.vh"

module tonic_tx_cpl #(
    parameter NQ = 4,                  // TX queues
    parameter AXI_ID_W = 4,            // AXI ID width
    parameter [AXI_ID_W-1:0] ID = 1    // AWID for completion writes
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire [CPL_W-1:0]      s_cpl_data,   // {q, idx, ndesc, bytes, status}
    input  wire                  s_cpl_valid,
    output wire                  s_cpl_ready,

    input  wire [NQ*64-1:0]      q_cq_base,
    input  wire [NQ*4-1:0]       q_size_log2,
    input  wire [NQ*12-1:0]      q_cq_cons,
    input  wire [NQ-1:0]         q_start,
    output wire [NQ*12-1:0]      q_cq_prod,
    output wire [NQ*12-1:0]      q_cons,
    output reg  [NQ-1:0]         q_cpl,        // pulse: a completion was written
    output reg  [NQ-1:0]         q_err_dma,    // pulse: a write got an error response

    output wire [AXI_ID_W-1:0]   m_axi_awid,
    output reg  [63:0]           m_axi_awaddr,
    output wire [7:0]            m_axi_awlen,
    output reg                   m_axi_awvalid,
    input  wire                  m_axi_awready,
    output reg  [63:0]           m_axi_wdata,
    output wire [7:0]            m_axi_wstrb,
    output reg                   m_axi_wlast,
    output reg                   m_axi_wvalid,
    input  wire                  m_axi_wready,
    input  wire [1:0]            s_bresp,
    input  wire                  s_bvalid,
    output wire                  s_bready,

    output wire                  busy,
    output reg                   dma_err,
    output reg  [63:0]           dma_err_addr
);
    localparam QW = (NQ > 1) ? $clog2(NQ) : 1;
    localparam CPL_W = QW + 12 + 8 + 16 + 3;

    reg [63:0] waddr_fifo [0:3];        // addresses of writes awaiting B, for error reports
    reg [QW-1:0] wq_fifo [0:3];
    reg [2:0]  b_wr_reg, b_rd_reg;
    reg        wbeat_reg;               // 0: first beat pending, 1: second
    reg [63:0] w1_reg;

    // the next completion, taken from the input into a register (its queue selects the ring)
    reg               c_valid;
    reg  [CPL_W-1:0]  c_reg;
    wire [QW-1:0] c_q      = c_reg[CPL_W-1 -: QW];
    wire [11:0]   c_idx    = c_reg[8+16+3 +: 12];
    wire [7:0]    c_ndesc  = c_reg[16+3 +: 8];
    wire [15:0]   c_bytes  = c_reg[3 +: 16];
    wire [2:0]    c_status = c_reg[2:0];

    // the completion ring of the queue at the head
    wire        slot_ok, slot_room, slot_phase;
    wire [63:0] slot_addr;
    wire        go;
    tonic_cq #(.NQ(NQ), .QW(QW), .ENTRY_LOG2(4)) u_cq (
        .clk(clk), .rst(rst),
        .q_cq_base(q_cq_base), .q_size_log2(q_size_log2), .q_cq_cons(q_cq_cons), .q_start(q_start),
        .q_cq_prod(q_cq_prod), .q_cons(q_cons),
        .sel_q(c_q), .slot_ok(slot_ok), .slot_addr(slot_addr), .slot_room(slot_room),
        .slot_phase(slot_phase), .advance(go), .new_cons(c_idx + 12'd1)
    );
    wire        b_full = (b_wr_reg - b_rd_reg) == 3'd4;

    // the entry as it lands in memory
    reg [127:0] entry;
    always @* begin
        entry = 128'd0;
        entry[`TONIC_TXC_DESC_IDX_LSB +: 16] = {4'd0, c_idx};
        entry[`TONIC_TXC_NDESC_LSB +: 8] = c_ndesc;
        entry[`TONIC_TXC_QUEUE_LSB +: 8] = 8'(c_q);
        entry[`TONIC_TXC_BYTES_LSB +: 32] = {16'd0, c_bytes};
        entry[`TONIC_TXC_STATUS_LSB +: 8] = {5'd0, c_status};
        entry[`TONIC_TXC_PHASE_LSB] = slot_phase;
    end

    assign go = c_valid && slot_ok && slot_room && !m_axi_awvalid && !m_axi_wvalid && !b_full;
    assign s_cpl_ready = !c_valid;

    assign m_axi_awid = ID;
    assign m_axi_awlen = 8'd1;
    assign m_axi_wstrb = 8'hFF;
    assign s_bready = 1'b1;
    assign busy = c_valid || m_axi_awvalid || m_axi_wvalid || b_wr_reg != b_rd_reg;

    always @(posedge clk) begin
        q_cpl <= {NQ{1'b0}};
        q_err_dma <= {NQ{1'b0}};
        dma_err <= 1'b0;

        if (m_axi_awvalid && m_axi_awready) m_axi_awvalid <= 1'b0;
        if (m_axi_wvalid && m_axi_wready) begin
            if (!wbeat_reg) begin
                wbeat_reg <= 1'b1;
                m_axi_wdata <= w1_reg;
                m_axi_wlast <= 1'b1;
            end else begin
                m_axi_wvalid <= 1'b0;
            end
        end

        if (go) c_valid <= 1'b0;
        if (s_cpl_valid && !c_valid) begin
            c_valid <= 1'b1;
            c_reg <= s_cpl_data;
        end

        if (go) begin
            m_axi_awaddr <= slot_addr;
            m_axi_awvalid <= 1'b1;
            m_axi_wdata <= entry[63:0];
            w1_reg <= entry[127:64];
            m_axi_wlast <= 1'b0;
            m_axi_wvalid <= 1'b1;
            wbeat_reg <= 1'b0;
            q_cpl[c_q] <= 1'b1;
            waddr_fifo[b_wr_reg[1:0]] <= slot_addr;
            wq_fifo[b_wr_reg[1:0]] <= c_q;
            b_wr_reg <= b_wr_reg + 3'd1;
        end

        if (s_bvalid) begin
            b_rd_reg <= b_rd_reg + 3'd1;
            if (s_bresp[1]) begin
                dma_err <= 1'b1;
                dma_err_addr <= waddr_fifo[b_rd_reg[1:0]];
                q_err_dma[wq_fifo[b_rd_reg[1:0]]] <= 1'b1;
            end
        end

        if (rst) begin
            c_valid <= 1'b0;
            m_axi_awvalid <= 1'b0;
            m_axi_wvalid <= 1'b0;
            b_wr_reg <= 3'd0;
            b_rd_reg <= 3'd0;
        end
    end
    wire unused_ok = &{1'b0, s_bresp[0]};
endmodule

`default_nettype wire
