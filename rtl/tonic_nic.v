// SPDX-License-Identifier: MIT
// tonic_nic — the whole device: tonic_core plus the Ethernet MAC.
//
// On a board a PCIe hard IP and bridge drive the AXI ports and a PHY/PCS takes the wire
// streams; in simulation sim/ drives them (see docs/nic_ports.md). The wire streams carry frames
// with FCS, 8 bytes a beat. The receive wire cannot wait, so s_axis_wire_tready is always 1.
`default_nettype none

module tonic_nic #(
    parameter DATA_W = 64,             // network stream width
    parameter NUM_TXQ = 4,             // TX queues, 1..8
    parameter NUM_RXQ = 4,             // RX queues, 1..8
    parameter CLK_HZ = 156250000,      // core clock
    parameter BUILD_ID = 0,            // reported in IDENT.BUILD_ID
    parameter MAX_FRAME = 9216,        // longest frame without FCS
    parameter FW_IMEM_INIT = "",       // soft-core firmware image ($readmemh), built by firmware/
    parameter FW_DMEM_INIT = "",
    parameter CP_TEST_CAPS = 0         // 1: control-plane test build (tonic_core); never for hardware
) (
    input  wire                 clk,
    input  wire                 rst,

    input  wire [15:0]          s_axil_awaddr,
    input  wire                 s_axil_awvalid,
    output wire                 s_axil_awready,
    input  wire [31:0]          s_axil_wdata,
    input  wire [3:0]           s_axil_wstrb,
    input  wire                 s_axil_wvalid,
    output wire                 s_axil_wready,
    output wire [1:0]           s_axil_bresp,
    output wire                 s_axil_bvalid,
    input  wire                 s_axil_bready,
    input  wire [15:0]          s_axil_araddr,
    input  wire                 s_axil_arvalid,
    output wire                 s_axil_arready,
    output wire [31:0]          s_axil_rdata,
    output wire [1:0]           s_axil_rresp,
    output wire                 s_axil_rvalid,
    input  wire                 s_axil_rready,

    output wire [3:0]           m_axi_arid,
    output wire [63:0]          m_axi_araddr,
    output wire [7:0]           m_axi_arlen,
    output wire [2:0]           m_axi_arsize,
    output wire [1:0]           m_axi_arburst,
    output wire                 m_axi_arvalid,
    input  wire                 m_axi_arready,
    input  wire [3:0]           m_axi_rid,
    input  wire [63:0]          m_axi_rdata,
    input  wire [1:0]           m_axi_rresp,
    input  wire                 m_axi_rlast,
    input  wire                 m_axi_rvalid,
    output wire                 m_axi_rready,
    output wire [3:0]           m_axi_awid,
    output wire [63:0]          m_axi_awaddr,
    output wire [7:0]           m_axi_awlen,
    output wire [2:0]           m_axi_awsize,
    output wire [1:0]           m_axi_awburst,
    output wire                 m_axi_awvalid,
    input  wire                 m_axi_awready,
    output wire [63:0]          m_axi_wdata,
    output wire [7:0]           m_axi_wstrb,
    output wire                 m_axi_wlast,
    output wire                 m_axi_wvalid,
    input  wire                 m_axi_wready,
    input  wire [3:0]           m_axi_bid,
    input  wire [1:0]           m_axi_bresp,
    input  wire                 m_axi_bvalid,
    output wire                 m_axi_bready,

    output wire                 irq_valid,
    output wire [7:0]           irq_vector,
    input  wire                 irq_ready,

    output wire [DATA_W-1:0]    m_axis_wire_tdata,
    output wire [DATA_W/8-1:0]  m_axis_wire_tkeep,
    output wire                 m_axis_wire_tvalid,
    input  wire                 m_axis_wire_tready,
    output wire                 m_axis_wire_tlast,

    input  wire [DATA_W-1:0]    s_axis_wire_tdata,
    input  wire [DATA_W/8-1:0]  s_axis_wire_tkeep,
    input  wire                 s_axis_wire_tvalid,
    output wire                 s_axis_wire_tready,
    input  wire                 s_axis_wire_tlast
);
    wire [DATA_W-1:0]   tx_tdata, rx_tdata;
    wire [DATA_W/8-1:0] tx_tkeep, rx_tkeep;
    wire tx_tvalid, tx_tready, tx_tlast;
    wire rx_tvalid, rx_tready, rx_tlast, rx_tuser;
    wire stat_bad_fcs, stat_runt, stat_oversize, stat_good_unused, wire_tuser_unused;

    // The synchronous reset is registered once, so the reset tree (thousands of flip-flops)
    // starts at a flip-flop that place and route can put on a global net, not at a pin.
    reg rst_q = 1'b1;
    always @(posedge clk) rst_q <= rst;

    tonic_core #(
        .DATA_W(DATA_W), .NUM_TXQ(NUM_TXQ), .NUM_RXQ(NUM_RXQ), .AXI_ID_W(4), .CLK_HZ(CLK_HZ),
        .BUILD_ID(BUILD_ID), .MAX_FRAME(MAX_FRAME), .FW_IMEM_INIT(FW_IMEM_INIT), .FW_DMEM_INIT(FW_DMEM_INIT),
        .CP_TEST_CAPS(CP_TEST_CAPS)
    ) u_core (
        .clk(clk), .rst(rst_q),
        .s_axil_awaddr(s_axil_awaddr), .s_axil_awvalid(s_axil_awvalid), .s_axil_awready(s_axil_awready),
        .s_axil_wdata(s_axil_wdata), .s_axil_wstrb(s_axil_wstrb), .s_axil_wvalid(s_axil_wvalid),
        .s_axil_wready(s_axil_wready), .s_axil_bresp(s_axil_bresp), .s_axil_bvalid(s_axil_bvalid),
        .s_axil_bready(s_axil_bready), .s_axil_araddr(s_axil_araddr), .s_axil_arvalid(s_axil_arvalid),
        .s_axil_arready(s_axil_arready), .s_axil_rdata(s_axil_rdata), .s_axil_rresp(s_axil_rresp),
        .s_axil_rvalid(s_axil_rvalid), .s_axil_rready(s_axil_rready),
        .m_axi_arid(m_axi_arid), .m_axi_araddr(m_axi_araddr), .m_axi_arlen(m_axi_arlen),
        .m_axi_arsize(m_axi_arsize), .m_axi_arburst(m_axi_arburst), .m_axi_arvalid(m_axi_arvalid),
        .m_axi_arready(m_axi_arready), .m_axi_rid(m_axi_rid), .m_axi_rdata(m_axi_rdata),
        .m_axi_rresp(m_axi_rresp), .m_axi_rlast(m_axi_rlast), .m_axi_rvalid(m_axi_rvalid),
        .m_axi_rready(m_axi_rready), .m_axi_awid(m_axi_awid), .m_axi_awaddr(m_axi_awaddr),
        .m_axi_awlen(m_axi_awlen), .m_axi_awsize(m_axi_awsize), .m_axi_awburst(m_axi_awburst),
        .m_axi_awvalid(m_axi_awvalid), .m_axi_awready(m_axi_awready), .m_axi_wdata(m_axi_wdata),
        .m_axi_wstrb(m_axi_wstrb), .m_axi_wlast(m_axi_wlast), .m_axi_wvalid(m_axi_wvalid),
        .m_axi_wready(m_axi_wready), .m_axi_bid(m_axi_bid), .m_axi_bresp(m_axi_bresp),
        .m_axi_bvalid(m_axi_bvalid), .m_axi_bready(m_axi_bready),
        .irq_valid(irq_valid), .irq_vector(irq_vector), .irq_ready(irq_ready),
        .m_axis_tx_tdata(tx_tdata), .m_axis_tx_tkeep(tx_tkeep), .m_axis_tx_tvalid(tx_tvalid),
        .m_axis_tx_tready(tx_tready), .m_axis_tx_tlast(tx_tlast),
        .s_axis_rx_tdata(rx_tdata), .s_axis_rx_tkeep(rx_tkeep), .s_axis_rx_tvalid(rx_tvalid),
        .s_axis_rx_tready(rx_tready), .s_axis_rx_tlast(rx_tlast), .s_axis_rx_tuser(rx_tuser),
        .stat_rx_bad_fcs(stat_bad_fcs), .stat_rx_runt(stat_runt), .stat_rx_oversize(stat_oversize)
    );

    eth_mac_tx #(.DATA_W(DATA_W), .MIN_FRAME(60)) u_mac_tx (
        .clk(clk), .rst(rst_q),
        .s_axis_tdata(tx_tdata), .s_axis_tkeep(tx_tkeep), .s_axis_tvalid(tx_tvalid),
        .s_axis_tready(tx_tready), .s_axis_tlast(tx_tlast), .s_axis_tuser(1'b0),
        .m_axis_tdata(m_axis_wire_tdata), .m_axis_tkeep(m_axis_wire_tkeep),
        .m_axis_tvalid(m_axis_wire_tvalid), .m_axis_tready(m_axis_wire_tready),
        .m_axis_tlast(m_axis_wire_tlast), .m_axis_tuser(wire_tuser_unused)
    );

    eth_mac_rx #(.DATA_W(DATA_W), .MAX_FRAME(MAX_FRAME)) u_mac_rx (
        .clk(clk), .rst(rst_q),
        .s_axis_tdata(s_axis_wire_tdata), .s_axis_tkeep(s_axis_wire_tkeep),
        .s_axis_tvalid(s_axis_wire_tvalid), .s_axis_tready(s_axis_wire_tready),
        .s_axis_tlast(s_axis_wire_tlast),
        .m_axis_tdata(rx_tdata), .m_axis_tkeep(rx_tkeep), .m_axis_tvalid(rx_tvalid),
        .m_axis_tlast(rx_tlast), .m_axis_tuser(rx_tuser),
        .stat_rx_bad_fcs(stat_bad_fcs), .stat_rx_runt(stat_runt), .stat_rx_oversize(stat_oversize),
        .stat_rx_good(stat_good_unused)
    );

    wire unused_ok = &{1'b0, stat_good_unused, wire_tuser_unused, rx_tready};
endmodule

`default_nettype wire
