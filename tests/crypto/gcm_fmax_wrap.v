// SPDX-License-Identifier: MIT
// gcm_fmax_wrap — timing-only wrapper that lets nextpnr place and route tonic_gcm on an ECP5 for
// bench/crypto_gcm.sh. Every input comes from registers fed by a 64-bit LFSR (wide fields are
// rotations of it) and every output goes into a register, then all are folded into one by XOR, so
// nothing is optimised away and each port path starts and ends at a flip-flop, as inside the NIC.
// Not part of the product.
`default_nettype none

module gcm_fmax_wrap #(
    parameter UNROLL = 8,
    parameter SPLIT  = 1
) (
    input  wire clk,
    input  wire rst,
    output reg  sig
);
    wire [63:0] lfsr;
    fmax_lfsr u_lfsr (.clk(clk), .rst(rst), .q(lfsr));
    reg [63:0] r0, r1, r2, r3;
    always @(posedge clk) begin
        r0 <= lfsr;
        r1 <= {lfsr[31:0], lfsr[63:32]};
        r2 <= ~lfsr;
        r3 <= {lfsr[15:0], lfsr[63:16]};
    end

    wire s_key_ready, s_cmd_ready, s_axis_tready, m_axis_tvalid, m_axis_tlast, m_res_valid, m_res_ok, m_res_err;
    wire [63:0] m_axis_tdata;
    wire [7:0] m_axis_tkeep;
    wire [127:0] m_res_tag;
    tonic_gcm #(.UNROLL(UNROLL), .SPLIT(SPLIT)) u_gcm (
        .clk(clk), .rst(rst),
        .s_key_valid(r0[0] & r0[1] & r0[2] & r0[3]), .s_key_ready(s_key_ready), .s_key_slot(r0[5:4]),
        .s_key_data({r0, r1, r2, r3}), .s_key_len(r0[7:6]),
        .s_cmd_valid(r1[0]), .s_cmd_ready(s_cmd_ready), .s_cmd_slot(r1[2:1]), .s_cmd_mode(r1[4:3]),
        .s_cmd_aad_len({8'd0, r1[12:5]}), .s_cmd_len({4'd0, r1[24:13]}), .s_cmd_nonce({r2, r3[31:0]}),
        .s_cmd_icv_len(r1[29:25]), .s_cmd_tag({r3, r2}),
        .s_axis_tdata(r0), .s_axis_tkeep(r2[7:0]), .s_axis_tvalid(r2[8]), .s_axis_tready(s_axis_tready),
        .s_axis_tlast(r2[9]),
        .m_axis_tdata(m_axis_tdata), .m_axis_tkeep(m_axis_tkeep), .m_axis_tvalid(m_axis_tvalid),
        .m_axis_tready(r2[10]), .m_axis_tlast(m_axis_tlast),
        .m_res_valid(m_res_valid), .m_res_ready(r2[11]), .m_res_tag(m_res_tag), .m_res_ok(m_res_ok),
        .m_res_err(m_res_err));

    // outputs into registers first, then folded: the fold is not a path of the engine
    reg [207:0] q;
    always @(posedge clk) begin
        q <= {s_key_ready, s_cmd_ready, s_axis_tready, m_axis_tvalid, m_axis_tlast, m_res_valid,
              m_res_ok, m_res_err, m_axis_tdata, m_axis_tkeep, m_res_tag};
        sig <= ^q;
    end
endmodule

`default_nettype wire
