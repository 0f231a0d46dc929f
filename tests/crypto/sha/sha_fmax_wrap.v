// SPDX-License-Identifier: MIT
// sha_fmax_wrap — timing-only wrapper that lets nextpnr place and route tonic_hmac_sha256 on an ECP5.
//
// The engine has about 1,000 input bits (a 512-bit key port, a 256-bit expected ICV); no package
// has the pins. Every input comes from a 1,024-bit register that a 64-bit LFSR shifts into, and
// every output is folded into one register by XOR, so nothing is optimised away and every port
// path starts and ends at a flip-flop, as it would inside the packet engine. Only clk, rst and one
// output are pins. Not part of the product: bench/crypto_sha.sh uses it for the Fmax figure.
// Lives under tests/ (not rtl/) so the per-module RTL checks do not pick it up.
`default_nettype none

module sha_fmax_wrap #(
    parameter ROUNDS = 2,
    parameter SLOTS  = 4
) (
    input  wire clk,
    input  wire rst,
    output reg  sig
);
    localparam SLOT_W = SLOTS > 1 ? $clog2(SLOTS) : 1;

    wire [63:0] lfsr;
    fmax_lfsr u_lfsr (.clk(clk), .rst(rst), .q(lfsr));
    reg [1023:0] in_reg;
    always @(posedge clk) in_reg <= {in_reg[959:0], lfsr};

    wire              s_key_ready, key_done, key_err, s_cmd_ready, s_axis_tready;
    wire [255:0]      m_res_icv;
    wire              m_res_ok, m_res_err_len, m_res_err_key, m_res_err_cmd, m_res_valid;

    tonic_hmac_sha256 #(.SLOTS(SLOTS), .ROUNDS(ROUNDS)) u_sha (
        .clk(clk), .rst(rst),
        .s_key_slot(in_reg[SLOT_W-1:0]), .s_key_data(in_reg[519:8]), .s_key_len(in_reg[526:520]),
        .s_key_valid(in_reg[527]), .s_key_ready(s_key_ready), .key_done(key_done), .key_err(key_err),
        .s_cmd_mode(in_reg[529:528]), .s_cmd_slot(in_reg[530 +: SLOT_W]), .s_cmd_len(in_reg[571:540]),
        .s_cmd_icv_len(in_reg[577:572]), .s_cmd_icv(in_reg[833:578]), .s_cmd_valid(in_reg[834]),
        .s_cmd_ready(s_cmd_ready),
        .s_axis_tdata(in_reg[899:836]), .s_axis_tkeep(in_reg[907:900]), .s_axis_tvalid(in_reg[908]),
        .s_axis_tready(s_axis_tready), .s_axis_tlast(in_reg[909]),
        .m_res_icv(m_res_icv), .m_res_ok(m_res_ok), .m_res_err_len(m_res_err_len),
        .m_res_err_key(m_res_err_key), .m_res_err_cmd(m_res_err_cmd), .m_res_valid(m_res_valid),
        .m_res_ready(in_reg[910])
    );

    always @(posedge clk) begin
        sig <= ^{s_key_ready, key_done, key_err, s_cmd_ready, s_axis_tready, m_res_icv, m_res_ok,
                 m_res_err_len, m_res_err_key, m_res_err_cmd, m_res_valid};
    end
endmodule

`default_nettype wire
