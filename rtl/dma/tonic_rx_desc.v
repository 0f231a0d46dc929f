// SPDX-License-Identifier: MIT
// tonic_rx_desc — RX descriptor prefetch: an 8-entry cache of free buffers per RX queue.
//
// Whenever an enabled queue's cache holds 4 or fewer buffers and the host has posted more
// (PROD ahead of the fetch index), one AXI read fetches up to 8 descriptors (16 bytes each, never
// across the ring's end or a 4 KiB boundary) into that queue's cache. One read is in flight at a
// time; room is reserved before it is issued, so read data is always accepted. The RX engine
// takes buffers from the cache of the queue it is filling (`sel_q`, `pop`).
//
// Cache entry: {err, idx[11:0], len[15:0], addr[63:0]}; `err` marks a descriptor whose read failed.
`default_nettype none
`include "tonic_regs.vh"

module tonic_rx_desc #(
    parameter NQ = 4,                  // RX queues
    parameter AXI_ID_W = 4,            // AXI ID width
    parameter [AXI_ID_W-1:0] ID = 2    // ARID for descriptor reads
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire [NQ*64-1:0]      q_base,
    input  wire [NQ*4-1:0]       q_size_log2,
    input  wire [NQ-1:0]         q_enable,
    input  wire [NQ-1:0]         q_start,
    input  wire [NQ*12-1:0]      q_prod,

    output wire [AXI_ID_W-1:0]   m_axi_arid,
    output reg  [63:0]           m_axi_araddr,
    output reg  [7:0]            m_axi_arlen,
    output reg                   m_axi_arvalid,
    input  wire                  m_axi_arready,
    input  wire [63:0]           s_rdata,
    input  wire [1:0]            s_rresp,
    input  wire                  s_rvalid,
    output wire                  s_rready,

    input  wire [QW-1:0]         sel_q,
    output wire                  head_valid,
    output wire [ENTRY_W-1:0]    head,
    input  wire                  pop,

    output wire                  busy,
    output reg                   dma_err,      // a descriptor read came back with an error
    output reg  [63:0]           dma_err_addr  // the descriptor's address (reported 2 cycles later)
);
    localparam QW = (NQ > 1) ? $clog2(NQ) : 1;
    localparam ENTRY_W = 1 + 12 + 16 + 64;

    reg [11:0]   fidx_reg [0:NQ-1];
    reg          rd_busy_reg;           // a read is in flight
    reg [QW-1:0] rd_q_reg;
    reg [11:0]   rd_idx_reg;
    reg [3:0]    rd_log2_reg;
    reg [3:0]    rd_left_reg;           // descriptors still to arrive
    reg          beat_reg;
    reg [63:0]   addr_reg;
    reg          err_reg;

    wire [NQ-1:0]      c_valid;
    wire [ENTRY_W-1:0] c_data [0:NQ-1];
    wire [NQ*4-1:0]    c_count;

    // ---------------------------------------------------------------- queue choice
    // A queue wants descriptors when its cache is at most half full and the host posted more.
    // Two stages, for timing: each queue's next fetch is computed in parallel and registered, and
    // the round-robin choice picks among registered candidates. Candidates are one cycle old, so
    // a read is issued only when none has completed in the previous cycle either (the caches'
    // counts are then settled), and a queue being (re)enabled has no candidate.
    wire [NQ*4-1:0]  cand_n_reg;
    wire [NQ*64-1:0] cand_addr_reg;
    reg              rd_busy_d_reg;
    wire [NQ-1:0]    wants;
    genvar gw;
    generate
        for (gw = 0; gw < NQ; gw = gw + 1) begin : g_cand
            tonic_fetch_cand #(.DESC_LOG2(4), .MAX_N(8)) u_cand (
                .clk(clk), .rst(rst),
                .base(q_base[gw*64 +: 64]), .size_log2(q_size_log2[gw*4 +: 4]), .prod(q_prod[gw*12 +: 12]),
                .fidx(fidx_reg[gw]), .room(5'd8 - {1'b0, c_count[gw*4 +: 4]}),
                .allow(q_enable[gw] && !q_start[gw] && c_count[gw*4 +: 4] <= 4'd4),
                .cand_n(cand_n_reg[gw*4 +: 4]), .cand_valid(wants[gw]),
                .cand_addr(cand_addr_reg[gw*64 +: 64])
            );
        end
    endgenerate

    wire [QW-1:0] pick;
    wire          pick_valid;
    wire          issue;
    tonic_rr_pick #(.N(NQ), .W(QW)) u_rr (.clk(clk), .rst(rst), .req(wants), .pick(pick), .valid(pick_valid),
        .grant(issue), .grant_idx(pick));

    wire [3:0]  p_log2 = q_size_log2[pick*4 +: 4];
    wire [11:0] p_mask = 12'((13'd1 << p_log2) - 13'd1);
    wire [11:0] p_fidx = fidx_reg[pick];   // unchanged since the candidate was computed
    wire [63:0] p_addr = cand_addr_reg[pick*64 +: 64];
    wire [3:0]  p_n = cand_n_reg[pick*4 +: 4];
    assign issue = !rd_busy_reg && !rd_busy_d_reg && pick_valid && !q_start[pick];

    // ---------------------------------------------------------------- read data into the caches
    wire [11:0] rd_mask = 12'((13'd1 << rd_log2_reg) - 13'd1);
    wire        push = s_rvalid && rd_busy_reg && beat_reg;
    wire [ENTRY_W-1:0] entry = {err_reg | s_rresp[1], rd_idx_reg, s_rdata[`TONIC_RXD_LEN_LSB - 64 +: 16], addr_reg};

    assign s_rready = 1'b1;
    // error report, registered twice (queue and index, then the address) for timing
    reg          err_q_valid;
    reg [QW-1:0] err_q;
    reg [11:0]   err_idx;
    always @(posedge clk) begin
        err_q_valid <= s_rvalid && rd_busy_reg && s_rresp[1] && !rst;
        err_q <= rd_q_reg;
        err_idx <= rd_idx_reg;
        dma_err <= err_q_valid && !rst;
        dma_err_addr <= q_base[err_q*64 +: 64] + {48'd0, err_idx, 4'd0};
    end
    assign m_axi_arid = ID;
    assign busy = rd_busy_reg || m_axi_arvalid;

    genvar g;
    generate
        for (g = 0; g < NQ; g = g + 1) begin : g_cache
            wire s_ready_unused;
            tonic_fifo #(.WIDTH(ENTRY_W), .DEPTH_LOG2(3)) u_cache (
                .clk(clk), .rst(rst || q_start[g]),
                .s_data(entry), .s_valid(push && rd_q_reg == QW'(g)), .s_ready(s_ready_unused),
                .m_data(c_data[g]), .m_valid(c_valid[g]),
                .m_ready(pop && sel_q == QW'(g)),
                .count(c_count[g*4 +: 4])
            );
        end
    endgenerate

    assign head_valid = c_valid[sel_q];
    assign head = c_data[sel_q];

    integer i;
    always @(posedge clk) begin
        rd_busy_d_reg <= rd_busy_reg;
        if (m_axi_arvalid && m_axi_arready) m_axi_arvalid <= 1'b0;

        if (issue) begin
            m_axi_arvalid <= 1'b1;
            m_axi_araddr <= p_addr;
            m_axi_arlen <= {3'd0, p_n, 1'b0} - 8'd1;
            rd_busy_reg <= 1'b1;
            rd_q_reg <= pick;
            rd_idx_reg <= p_fidx;
            rd_log2_reg <= p_log2;
            rd_left_reg <= p_n;
            beat_reg <= 1'b0;
            err_reg <= 1'b0;
            fidx_reg[pick] <= (p_fidx + {8'd0, p_n}) & p_mask;
        end

        if (s_rvalid && rd_busy_reg) begin
            beat_reg <= !beat_reg;
            if (!beat_reg) begin
                addr_reg <= s_rdata;
                err_reg <= s_rresp[1];
            end else begin
                rd_idx_reg <= (rd_idx_reg + 12'd1) & rd_mask;
                rd_left_reg <= rd_left_reg - 4'd1;
                if (rd_left_reg == 4'd1) rd_busy_reg <= 1'b0;
            end
        end

        for (i = 0; i < NQ; i = i + 1) begin
            if (q_start[i]) fidx_reg[i] <= 12'd0;
        end

        if (rst) begin
            m_axi_arvalid <= 1'b0;
            rd_busy_reg <= 1'b0;
            for (i = 0; i < NQ; i = i + 1) fidx_reg[i] <= 12'd0;
        end
    end

    wire unused_ok = &{1'b0, s_rresp[0], s_rdata[63:`TONIC_RXD_LEN_LSB - 64 + 16]};
endmodule

`default_nettype wire
