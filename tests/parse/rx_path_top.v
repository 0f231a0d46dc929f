// SPDX-License-Identifier: MIT
// rx_path_top — the receive half as tonic_core wires it, for tb_rx: tonic_rx_front (FIFO and
// parser) followed by tonic_rx_csum. The length channel is taken with each frame's last beat.
`default_nettype none
`include "tonic_regs.vh"

module rx_path_top #(
    parameter DEPTH = 2048
) (
    input  wire          clk,
    input  wire          rst,
    input  wire [31:0]   cfg_csum,
    input  wire [63:0]   s_tdata,
    input  wire [7:0]    s_tkeep,
    input  wire          s_tvalid,
    input  wire          s_tlast,
    input  wire          s_tuser,
    output wire [63:0]   m_tdata,
    output wire [7:0]    m_tkeep,
    output wire          m_tvalid,
    input  wire          m_tready,
    output wire          m_tlast,
    output wire [133:0]  m_res,
    output wire [15:0]   m_len,
    output wire          m_len_valid,
    output wire          stat_drop_full,
    output wire          stat_drop_parse,
    output wire          stat_ok,
    output wire          stat_bad,
    output wire          stat_perr
);
    localparam PM_W = `TONIC_PMETA_SIZE * 8;
    wire [63:0] f_tdata;
    wire [7:0]  f_tkeep;
    wire        f_tvalid, f_tready, f_tlast;
    wire [PM_W-1:0] meta;
    wire        meta_valid, meta_ready;
    tonic_rx_front #(.DEPTH(DEPTH)) u_front (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_tdata), .s_axis_tkeep(s_tkeep), .s_axis_tvalid(s_tvalid), .s_axis_tlast(s_tlast),
        .s_axis_tuser(s_tuser),
        .m_axis_tdata(f_tdata), .m_axis_tkeep(f_tkeep), .m_axis_tvalid(f_tvalid), .m_axis_tready(f_tready),
        .m_axis_tlast(f_tlast), .m_len(m_len), .m_len_valid(m_len_valid),
        .m_len_ready(f_tvalid && f_tready && f_tlast),
        .m_meta(meta), .m_meta_valid(meta_valid), .m_meta_ready(meta_ready),
        .stat_drop_full(stat_drop_full), .stat_drop_parse(stat_drop_parse)
    );
    tonic_rx_csum u_csum (
        .clk(clk), .rst(rst), .cfg_csum(cfg_csum),
        .s_axis_tdata(f_tdata), .s_axis_tkeep(f_tkeep), .s_axis_tvalid(f_tvalid), .s_axis_tready(f_tready),
        .s_axis_tlast(f_tlast), .s_meta(meta), .s_meta_valid(meta_valid), .s_meta_ready(meta_ready),
        .m_axis_tdata(m_tdata), .m_axis_tkeep(m_tkeep), .m_axis_tvalid(m_tvalid), .m_axis_tready(m_tready),
        .m_axis_tlast(m_tlast), .m_res(m_res),
        .stat_ok(stat_ok), .stat_bad(stat_bad), .stat_perr(stat_perr)
    );
endmodule

`default_nettype wire
