// SPDX-License-Identifier: MIT
// fmax_wrap — a timing-only wrapper that lets nextpnr place and route tonic_nic on an ECP5.
//
// tonic_nic has hundreds of ports (two AXI buses, two streams); no package has that many pins.
// Here every input is driven from registers fed by a 64-bit LFSR and every output is folded into
// a register by XOR, so nothing is optimised away and every port path starts and ends at a
// flip-flop, as it would behind a PCIe bridge and a PCS. Only clk, rst and one output are pins.
// Not part of the product: used by bench/run.sh for the Fmax figure.
`default_nettype none

module fmax_wrap (
    input  wire clk,
    input  wire rst,
    output reg  sig
);
    wire [63:0] lfsr;
    fmax_lfsr u_lfsr (.clk(clk), .rst(rst), .q(lfsr));

    // input registers (values are pseudo-random; only timing matters)
    reg [63:0] r0, r1, r2, r3;
    always @(posedge clk) begin
        r0 <= lfsr;
        r1 <= {lfsr[31:0], lfsr[63:32]};
        r2 <= ~lfsr;
        r3 <= {lfsr[15:0], lfsr[63:16]};
    end

    wire        s_axil_awready, s_axil_wready, s_axil_bvalid, s_axil_arready, s_axil_rvalid;
    wire [1:0]  s_axil_bresp, s_axil_rresp;
    wire [31:0] s_axil_rdata;
    wire [3:0]  m_axi_arid, m_axi_awid;
    wire [63:0] m_axi_araddr, m_axi_awaddr, m_axi_wdata, m_axis_wire_tdata;
    wire [7:0]  m_axi_arlen, m_axi_awlen, m_axi_wstrb, irq_vector, m_axis_wire_tkeep;
    wire [2:0]  m_axi_arsize, m_axi_awsize;
    wire [1:0]  m_axi_arburst, m_axi_awburst;
    wire        m_axi_arvalid, m_axi_rready, m_axi_awvalid, m_axi_wlast, m_axi_wvalid, m_axi_bready;
    wire        irq_valid, m_axis_wire_tvalid, m_axis_wire_tlast, s_axis_wire_tready;

    tonic_nic u_nic (
        .clk(clk), .rst(rst),
        .s_axil_awaddr(r0[15:0]), .s_axil_awvalid(r0[16]), .s_axil_awready(s_axil_awready),
        .s_axil_wdata(r0[63:32]), .s_axil_wstrb(r0[20:17]), .s_axil_wvalid(r0[21]), .s_axil_wready(s_axil_wready),
        .s_axil_bresp(s_axil_bresp), .s_axil_bvalid(s_axil_bvalid), .s_axil_bready(r0[22]),
        .s_axil_araddr(r1[15:0]), .s_axil_arvalid(r1[16]), .s_axil_arready(s_axil_arready),
        .s_axil_rdata(s_axil_rdata), .s_axil_rresp(s_axil_rresp), .s_axil_rvalid(s_axil_rvalid),
        .s_axil_rready(r1[17]),
        .m_axi_arid(m_axi_arid), .m_axi_araddr(m_axi_araddr), .m_axi_arlen(m_axi_arlen),
        .m_axi_arsize(m_axi_arsize), .m_axi_arburst(m_axi_arburst), .m_axi_arvalid(m_axi_arvalid),
        .m_axi_arready(r1[18]), .m_axi_rid(r1[22:19]), .m_axi_rdata(r2), .m_axi_rresp(r1[24:23]),
        .m_axi_rlast(r1[25]), .m_axi_rvalid(r1[26]), .m_axi_rready(m_axi_rready),
        .m_axi_awid(m_axi_awid), .m_axi_awaddr(m_axi_awaddr), .m_axi_awlen(m_axi_awlen),
        .m_axi_awsize(m_axi_awsize), .m_axi_awburst(m_axi_awburst), .m_axi_awvalid(m_axi_awvalid),
        .m_axi_awready(r1[27]), .m_axi_wdata(m_axi_wdata), .m_axi_wstrb(m_axi_wstrb),
        .m_axi_wlast(m_axi_wlast), .m_axi_wvalid(m_axi_wvalid), .m_axi_wready(r1[28]),
        .m_axi_bid(r1[32:29]), .m_axi_bresp(r1[34:33]), .m_axi_bvalid(r1[35]), .m_axi_bready(m_axi_bready),
        .irq_valid(irq_valid), .irq_vector(irq_vector), .irq_ready(r1[36]),
        .m_axis_wire_tdata(m_axis_wire_tdata), .m_axis_wire_tkeep(m_axis_wire_tkeep),
        .m_axis_wire_tvalid(m_axis_wire_tvalid), .m_axis_wire_tready(r1[37]),
        .m_axis_wire_tlast(m_axis_wire_tlast),
        .s_axis_wire_tdata(r3), .s_axis_wire_tkeep(r1[45:38]), .s_axis_wire_tvalid(r1[46]),
        .s_axis_wire_tready(s_axis_wire_tready), .s_axis_wire_tlast(r1[47])
    );

    always @(posedge clk) begin
        sig <= ^{s_axil_awready, s_axil_wready, s_axil_bvalid, s_axil_arready, s_axil_rvalid, s_axil_bresp,
                 s_axil_rresp, s_axil_rdata, m_axi_arid, m_axi_awid, m_axi_araddr, m_axi_awaddr, m_axi_wdata,
                 m_axis_wire_tdata, m_axi_arlen, m_axi_awlen, m_axi_wstrb, irq_vector, m_axis_wire_tkeep,
                 m_axi_arsize, m_axi_awsize, m_axi_arburst, m_axi_awburst, m_axi_arvalid, m_axi_rready,
                 m_axi_awvalid, m_axi_wlast, m_axi_wvalid, m_axi_bready, irq_valid, m_axis_wire_tvalid,
                 m_axis_wire_tlast, s_axis_wire_tready};
    end
endmodule

`default_nettype wire
