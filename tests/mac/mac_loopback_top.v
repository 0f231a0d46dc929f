// SPDX-License-Identifier: MIT
//
// mac_loopback_top -- test-only wrapper: eth_mac_tx's wire output straight into eth_mac_rx.
//
// wire_ready lets the testbench hold the TX side for a cycle; the RX side then sees an idle
// cycle (tvalid low), never a stall, which is what a real PHY may do. Used by tb_mac_loopback.
`default_nettype none

module mac_loopback_top #(
    parameter DATA_W    = 64,    // stream width in bits
    parameter MIN_FRAME = 60,    // TX pads to this many bytes without FCS
    parameter MAX_FRAME = 9216   // RX: longest good frame without FCS
) (
    input  wire                clk,
    input  wire                rst,

    input  wire [DATA_W-1:0]   s_axis_tdata,
    input  wire [DATA_W/8-1:0] s_axis_tkeep,
    input  wire                s_axis_tvalid,
    output wire                s_axis_tready,
    input  wire                s_axis_tlast,
    input  wire                s_axis_tuser,

    input  wire                wire_ready,      // 0: the wire takes nothing this cycle

    output wire [DATA_W-1:0]   m_axis_tdata,
    output wire [DATA_W/8-1:0] m_axis_tkeep,
    output wire                m_axis_tvalid,
    output wire                m_axis_tlast,
    output wire                m_axis_tuser,

    output wire                wire_tuser,      // TX marked the frame aborted
    output wire                stat_rx_good,
    output wire                stat_rx_bad_fcs,
    output wire                stat_rx_runt,
    output wire                stat_rx_oversize
);

    wire [DATA_W-1:0]   w_tdata;
    wire [DATA_W/8-1:0] w_tkeep;
    wire                w_tvalid;
    wire                w_tlast;
    wire                rx_tready_unused;

    eth_mac_tx #(.DATA_W(DATA_W), .MIN_FRAME(MIN_FRAME)) tx (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_axis_tdata), .s_axis_tkeep(s_axis_tkeep), .s_axis_tvalid(s_axis_tvalid),
        .s_axis_tready(s_axis_tready), .s_axis_tlast(s_axis_tlast), .s_axis_tuser(s_axis_tuser),
        .m_axis_tdata(w_tdata), .m_axis_tkeep(w_tkeep), .m_axis_tvalid(w_tvalid),
        .m_axis_tready(wire_ready), .m_axis_tlast(w_tlast), .m_axis_tuser(wire_tuser)
    );

    eth_mac_rx #(.DATA_W(DATA_W), .MAX_FRAME(MAX_FRAME)) rx (
        .clk(clk), .rst(rst),
        .s_axis_tdata(w_tdata), .s_axis_tkeep(w_tkeep), .s_axis_tvalid(w_tvalid && wire_ready),
        .s_axis_tready(rx_tready_unused), .s_axis_tlast(w_tlast),
        .m_axis_tdata(m_axis_tdata), .m_axis_tkeep(m_axis_tkeep), .m_axis_tvalid(m_axis_tvalid),
        .m_axis_tlast(m_axis_tlast), .m_axis_tuser(m_axis_tuser),
        .stat_rx_good(stat_rx_good), .stat_rx_bad_fcs(stat_rx_bad_fcs),
        .stat_rx_runt(stat_rx_runt), .stat_rx_oversize(stat_rx_oversize)
    );

endmodule

`default_nettype wire
