// SPDX-License-Identifier: MIT
// gcm_data_fmax_wrap — timing-only wrapper that lets nextpnr place and route tonic_gcm_data (the
// keystream XOR and the two-stream GHASH lane with its multiplier) on an ECP5 for
// bench/crypto_gcm.sh. Every input comes from registers fed by a 64-bit LFSR, every output that is
// not already a register of tonic_gcm_data goes into one, and all are folded into one by XOR, so
// each port path starts and ends at a flip-flop, as inside tonic_gcm, and the lane's own loop
// (Z -> digit -> product -> fold -> Z) is measured as it is built. Not part of the product.
`default_nettype none

module gcm_data_fmax_wrap (
    input  wire clk,
    input  wire rst,
    output reg  sig
);
    wire [63:0] lfsr;
    fmax_lfsr u_lfsr (.clk(clk), .rst(rst), .q(lfsr));
    reg [63:0] r0, r1;
    reg [127:0] h, h2;
    always @(posedge clk) begin
        r0 <= lfsr;
        r1 <= {lfsr[31:0], lfsr[63:32]};
        if (lfsr[5]) h <= {r0, r1};
        if (lfsr[6]) h2 <= {r1, ~r0};
    end

    wire        info_pop, s_ready, ks_pop, out_valid, out_last, fin_valid, fin_verify, fin_err;
    wire [63:0] out_data;
    wire [7:0]  out_keep;
    wire [127:0] fin_za, fin_zb, fin_h, fin_h2, fin_tag;
    wire [15:0] fin_aad_len, fin_len;
    wire [4:0]  fin_icv;
    tonic_gcm_data u_data (
        .clk(clk), .rst(rst),
        .info_valid(r0[0]), .info_pop(info_pop), .info_mode(r0[2:1]),
        .info_aad_len({4'd0, r0[14:3]}), .info_len({4'd0, r1[11:0]}), .info_icv(r1[16:12]),
        .info_tag({r1, r0}), .info_h(h), .info_h2(h2),
        .s_axis_tdata(r1), .s_axis_tvalid(r0[20]), .s_axis_tready(s_ready), .s_axis_tlast(r0[21]),
        .ks_valid(r0[22]), .ks_data({r0, ~r1}), .ks_pop(ks_pop),
        .out_ready(r0[23]), .out_valid(out_valid), .out_data(out_data), .out_keep(out_keep),
        .out_last(out_last),
        .fin_ready(r0[24]), .fin_valid(fin_valid), .fin_za(fin_za), .fin_zb(fin_zb), .fin_h(fin_h),
        .fin_h2(fin_h2), .fin_aad_len(fin_aad_len), .fin_len(fin_len), .fin_verify(fin_verify),
        .fin_icv(fin_icv), .fin_tag(fin_tag), .fin_err(fin_err));

    reg [127:0] q_za, q_zb;
    reg [63:0]  q_out;
    reg [15:0]  q_misc;
    // 757 bits folded in two register stages (twelve 64-bit XORs, then one of twelve), so the fold
    // is no longer than a path of the lane (in one stage it was the critical path, at 108 MHz)
    wire [767:0] all = {11'd0, q_za, q_zb, q_out, q_misc, fin_h, fin_h2, fin_tag, fin_aad_len,
                        fin_len, fin_icv};
    reg [11:0]  part;
    integer k;
    always @(posedge clk) begin
        q_za <= fin_za;
        q_zb <= fin_zb;
        q_out <= out_data;
        q_misc <= {info_pop, s_ready, ks_pop, out_valid, out_last, fin_valid, fin_verify, fin_err,
                   out_keep};
        for (k = 0; k < 12; k = k + 1) part[k] <= ^all[64*k +: 64];
        sig <= ^part;
    end
endmodule

`default_nettype wire
