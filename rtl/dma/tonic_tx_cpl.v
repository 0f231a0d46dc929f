// SPDX-License-Identifier: MIT
// tonic_tx_cpl — writes TX completions into the per-queue completion rings.
//
// One 16-byte TXC entry per frame (two AXI beats, the PHASE word last), at the queue's
// CQ_PROD. Keeps CQ_PROD and the phase per queue, refuses to overwrite entries the host has not
// returned (waits for CQ_CONS), and reports CONS (descriptors free) as "last descriptor + 1".
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

    reg [11:0] prod_reg  [0:NQ-1];
    reg [11:0] cons_reg  [0:NQ-1];
    reg        phase_reg [0:NQ-1];
    reg [63:0] waddr_fifo [0:3];        // addresses of writes awaiting B, for error reports
    reg [QW-1:0] wq_fifo [0:3];
    reg [2:0]  b_wr_reg, b_rd_reg;
    reg        wbeat_reg;               // 0: first beat pending, 1: second
    reg [63:0] w1_reg;

    wire [QW-1:0] c_q      = s_cpl_data[CPL_W-1 -: QW];
    wire [11:0]   c_idx    = s_cpl_data[8+16+3 +: 12];
    wire [7:0]    c_ndesc  = s_cpl_data[16+3 +: 8];
    wire [15:0]   c_bytes  = s_cpl_data[3 +: 16];
    wire [2:0]    c_status = s_cpl_data[2:0];

    wire [3:0]  c_log2 = q_size_log2[c_q*4 +: 4];
    wire [11:0] c_mask = 12'((13'd1 << c_log2) - 13'd1);
    wire [11:0] c_prod = prod_reg[c_q];
    wire [11:0] c_next = (c_prod + 12'd1) & c_mask;
    wire [11:0] cq_cons_a [0:NQ-1];
    genvar ga;
    generate
        for (ga = 0; ga < NQ; ga = ga + 1) begin : g_in
            assign cq_cons_a[ga] = q_cq_cons[ga*12 +: 12];
        end
    endgenerate
    wire        c_room = c_next != cq_cons_a[c_q];
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
        entry[`TONIC_TXC_PHASE_LSB] = phase_reg[c_q];
    end

    wire go = s_cpl_valid && c_room && !m_axi_awvalid && !m_axi_wvalid && !b_full && !(|q_start);
    assign s_cpl_ready = go;

    assign m_axi_awid = ID;
    assign m_axi_awlen = 8'd1;
    assign m_axi_wstrb = 8'hFF;
    assign s_bready = 1'b1;
    assign busy = m_axi_awvalid || m_axi_wvalid || b_wr_reg != b_rd_reg;

    genvar g;
    generate
        for (g = 0; g < NQ; g = g + 1) begin : g_out
            assign q_cq_prod[g*12 +: 12] = prod_reg[g];
            assign q_cons[g*12 +: 12] = cons_reg[g];
        end
    endgenerate

    integer i;
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

        if (go) begin
            m_axi_awaddr <= q_cq_base[c_q*64 +: 64] + {48'd0, c_prod, 4'd0};
            m_axi_awvalid <= 1'b1;
            m_axi_wdata <= entry[63:0];
            w1_reg <= entry[127:64];
            m_axi_wlast <= 1'b0;
            m_axi_wvalid <= 1'b1;
            wbeat_reg <= 1'b0;
            prod_reg[c_q] <= c_next;
            if (c_next == 12'd0) phase_reg[c_q] <= !phase_reg[c_q];
            cons_reg[c_q] <= (c_idx + 12'd1) & c_mask;
            q_cpl[c_q] <= 1'b1;
            waddr_fifo[b_wr_reg[1:0]] <= q_cq_base[c_q*64 +: 64] + {48'd0, c_prod, 4'd0};
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

        for (i = 0; i < NQ; i = i + 1) begin
            if (q_start[i]) begin
                prod_reg[i] <= 12'd0;
                cons_reg[i] <= 12'd0;
                phase_reg[i] <= 1'b1;
            end
        end

        if (rst) begin
            m_axi_awvalid <= 1'b0;
            m_axi_wvalid <= 1'b0;
            b_wr_reg <= 3'd0;
            b_rd_reg <= 3'd0;
            for (i = 0; i < NQ; i = i + 1) begin
                prod_reg[i] <= 12'd0;
                cons_reg[i] <= 12'd0;
                phase_reg[i] <= 1'b1;
            end
        end
    end
    wire unused_ok = &{1'b0, s_bresp[0]};
endmodule

`default_nettype wire
