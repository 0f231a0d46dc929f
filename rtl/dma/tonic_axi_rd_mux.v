// SPDX-License-Identifier: MIT
// tonic_axi_rd_mux — shares the AXI read channels between N read masters.
//
// Read addresses are granted round-robin, one burst per grant; a granted address that is not
// accepted at once stays granted (AXI forbids changing a valid address). Read data is routed back by RID: master i owns the IDs listed in
// `ID_MAP` (ID_W bits each). Every master of this core keeps rready high (it reserves room
// before it reads), so the returned data never waits.
`default_nettype none

module tonic_axi_rd_mux #(
    parameter N = 3,                    // masters
    parameter ID_W = 4,                 // AXI ID width
    parameter [N*ID_W-1:0] ID_MAP = 0   // ID of master i at [i*ID_W +: ID_W]
) (
    input  wire              clk,
    input  wire              rst,
    input  wire [N*ID_W-1:0] s_arid,
    input  wire [N*64-1:0]   s_araddr,
    input  wire [N*8-1:0]    s_arlen,
    input  wire [N-1:0]      s_arvalid,
    output wire [N-1:0]      s_arready,
    output wire [N-1:0]      s_rvalid,
    input  wire [N-1:0]      s_rready,

    output wire [ID_W-1:0]   m_axi_arid,
    output wire [63:0]       m_axi_araddr,
    output wire [7:0]        m_axi_arlen,
    output wire [2:0]        m_axi_arsize,
    output wire [1:0]        m_axi_arburst,
    output wire              m_axi_arvalid,
    input  wire              m_axi_arready,
    input  wire [ID_W-1:0]   m_axi_rid,
    input  wire              m_axi_rvalid,
    output wire              m_axi_rready
);
    localparam NW = (N > 1) ? $clog2(N) : 1;
    reg          hold_reg;      // last cycle's grant was not accepted
    reg [NW-1:0] hold_idx_reg;
    wire [NW-1:0] rr_pick;
    wire          rr_valid;
    wire [NW-1:0] pick;
    tonic_rr_pick #(.N(N), .W(NW)) u_rr (.clk(clk), .rst(rst), .req(s_arvalid), .pick(rr_pick), .valid(rr_valid),
        .grant(m_axi_arvalid && m_axi_arready), .grant_idx(pick));
    // a granted address that was not accepted stays granted
    assign pick = hold_reg ? hold_idx_reg : rr_pick;
    wire          pick_valid = hold_reg || rr_valid;

    assign m_axi_arid    = s_arid[pick*ID_W +: ID_W];
    assign m_axi_araddr  = s_araddr[pick*64 +: 64];
    assign m_axi_arlen   = s_arlen[pick*8 +: 8];
    assign m_axi_arsize  = 3'd3;
    assign m_axi_arburst = 2'b01;
    assign m_axi_arvalid = pick_valid;

    genvar g;
    generate
        for (g = 0; g < N; g = g + 1) begin : g_route
            assign s_arready[g] = pick_valid && pick == NW'(g) && m_axi_arready;
            assign s_rvalid[g] = m_axi_rvalid && m_axi_rid == ID_MAP[g*ID_W +: ID_W];
        end
    endgenerate

    reg rready;
    integer j;
    always @* begin
        rready = 1'b1;    // data for an unknown ID is discarded rather than blocking the bus
        for (j = 0; j < N; j = j + 1)
            if (m_axi_rid == ID_MAP[j*ID_W +: ID_W]) rready = s_rready[j];
    end
    assign m_axi_rready = rready;

    always @(posedge clk) begin
        hold_reg <= m_axi_arvalid && !m_axi_arready;
        hold_idx_reg <= pick;
        if (rst) begin
            hold_reg <= 1'b0;
        end
    end
endmodule

`default_nettype wire
