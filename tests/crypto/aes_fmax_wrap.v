// SPDX-License-Identifier: MIT
// aes_fmax_wrap — timing-only wrapper that lets nextpnr place and route tonic_aes on an ECP5 for
// bench/crypto_gcm.sh (inputs from LFSR-fed registers, outputs into registers, then XOR-folded
// into one). Not part of the product.
`default_nettype none

module aes_fmax_wrap #(
    parameter UNROLL  = 8,
    parameter SPLIT   = 1,
    parameter DECRYPT = 1
) (
    input  wire clk,
    input  wire rst,
    output reg  sig
);
    wire [63:0] lfsr;
    fmax_lfsr u_lfsr (.clk(clk), .rst(rst), .q(lfsr));
    reg [63:0] r0, r1;
    always @(posedge clk) begin
        r0 <= lfsr;
        r1 <= {lfsr[31:0], lfsr[63:32]};
    end

    wire s_key_ready, s_blk_ready, m_blk_valid;
    wire [127:0] m_blk_data;
    tonic_aes #(.UNROLL(UNROLL), .SPLIT(SPLIT), .DECRYPT(DECRYPT)) u_aes (
        .clk(clk), .rst(rst),
        .s_key_valid(r0[0] & r0[1] & r0[2]), .s_key_ready(s_key_ready), .s_key_slot(r0[4:3]),
        .s_key_data({r0, r1, ~r0, ~r1}), .s_key_len(r0[6:5]),
        .s_blk_valid(r1[0]), .s_blk_ready(s_blk_ready), .s_blk_data({r1, r0}), .s_blk_slot(r1[2:1]),
        .s_blk_dec(r1[3]),
        .m_blk_valid(m_blk_valid), .m_blk_ready(r1[4]), .m_blk_data(m_blk_data));

    // outputs into registers first, then folded: the fold is not a path of the block
    reg [130:0] q;
    always @(posedge clk) begin
        q <= {s_key_ready, s_blk_ready, m_blk_valid, m_blk_data};
        sig <= ^q;
    end
endmodule

`default_nettype wire
