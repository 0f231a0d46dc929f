// SPDX-License-Identifier: MIT
// tonic_axi_wr_mux — shares the AXI write channels between N write masters.
//
// Write addresses are granted round-robin (a granted address stays granted until accepted).
// Each accepted address pushes its master's number into an order FIFO, and write data is taken
// from the master at the head of that FIFO until its WLAST, so addresses may run ahead of data
// without a bubble between bursts. Write responses are routed back by BID via `ID_MAP`.
`default_nettype none

module tonic_axi_wr_mux #(
    parameter N = 2,                    // masters
    parameter ID_W = 4,                 // AXI ID width
    parameter [N*ID_W-1:0] ID_MAP = 0   // ID of master i at [i*ID_W +: ID_W]
) (
    input  wire              clk,
    input  wire              rst,
    input  wire [N*ID_W-1:0] s_awid,
    input  wire [N*64-1:0]   s_awaddr,
    input  wire [N*8-1:0]    s_awlen,
    input  wire [N-1:0]      s_awvalid,
    output wire [N-1:0]      s_awready,
    input  wire [N*64-1:0]   s_wdata,
    input  wire [N*8-1:0]    s_wstrb,
    input  wire [N-1:0]      s_wlast,
    input  wire [N-1:0]      s_wvalid,
    output wire [N-1:0]      s_wready,
    output wire [N-1:0]      s_bvalid,

    output wire [ID_W-1:0]   m_axi_awid,
    output wire [63:0]       m_axi_awaddr,
    output wire [7:0]        m_axi_awlen,
    output wire [2:0]        m_axi_awsize,
    output wire [1:0]        m_axi_awburst,
    output wire              m_axi_awvalid,
    input  wire              m_axi_awready,
    output wire [63:0]       m_axi_wdata,
    output wire [7:0]        m_axi_wstrb,
    output wire              m_axi_wlast,
    output wire              m_axi_wvalid,
    input  wire              m_axi_wready,
    input  wire [ID_W-1:0]   m_axi_bid,
    input  wire              m_axi_bvalid,
    output wire              m_axi_bready
);
    localparam NW = (N > 1) ? $clog2(N) : 1;

    // ---------------------------------------------------------------- address arbitration
    reg          hold_reg;
    reg [NW-1:0] hold_idx_reg;
    wire          order_room;
    wire [NW-1:0] rr_pick;
    wire          rr_valid;
    wire          aw_fire;
    wire [NW-1:0] pick;
    tonic_rr_pick #(.N(N), .W(NW)) u_rr (.clk(clk), .rst(rst), .req(s_awvalid), .pick(rr_pick), .valid(rr_valid),
        .grant(aw_fire), .grant_idx(pick));
    // a granted address that was not accepted stays granted
    assign pick = hold_reg ? hold_idx_reg : rr_pick;
    wire          pick_valid = hold_reg || rr_valid;

    assign m_axi_awid    = s_awid[pick*ID_W +: ID_W];
    assign m_axi_awaddr  = s_awaddr[pick*64 +: 64];
    assign m_axi_awlen   = s_awlen[pick*8 +: 8];
    assign m_axi_awsize  = 3'd3;
    assign m_axi_awburst = 2'b01;
    assign m_axi_awvalid = pick_valid && order_room;
    assign aw_fire = m_axi_awvalid && m_axi_awready;

    // ---------------------------------------------------------------- data follows address order
    wire [NW-1:0] w_src;
    wire          w_src_valid;
    wire [3:0]    order_count_unused;
    wire          w_fire_last = m_axi_wvalid && m_axi_wready && m_axi_wlast;

    tonic_fifo #(.WIDTH(NW), .DEPTH_LOG2(3)) u_order (
        .clk(clk), .rst(rst),
        .s_data(pick), .s_valid(aw_fire), .s_ready(order_room),
        .m_data(w_src), .m_valid(w_src_valid), .m_ready(w_fire_last),
        .count(order_count_unused)
    );

    assign m_axi_wdata  = s_wdata[w_src*64 +: 64];
    assign m_axi_wstrb  = s_wstrb[w_src*8 +: 8];
    assign m_axi_wlast  = s_wlast[w_src];
    assign m_axi_wvalid = w_src_valid && s_wvalid[w_src];
    assign m_axi_bready = 1'b1;     // every master of this core takes responses at once

    genvar g;
    generate
        for (g = 0; g < N; g = g + 1) begin : g_route
            assign s_awready[g] = aw_fire && pick == NW'(g);
            assign s_wready[g]  = w_src_valid && w_src == NW'(g) && m_axi_wready;
            assign s_bvalid[g]  = m_axi_bvalid && m_axi_bid == ID_MAP[g*ID_W +: ID_W];
        end
    endgenerate

    always @(posedge clk) begin
        hold_reg <= m_axi_awvalid && !m_axi_awready;
        hold_idx_reg <= pick;
        if (rst) begin
            hold_reg <= 1'b0;
        end
    end
endmodule

`default_nettype wire
