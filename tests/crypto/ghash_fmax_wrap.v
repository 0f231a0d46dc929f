// SPDX-License-Identifier: MIT
// ghash_fmax_wrap — timing-only wrapper for the GHASH digit product (tonic_ghash_mul, two pipeline
// stages) between registers, as the GHASH lane uses it (its accumulator takes acc + q, and feeds a
// digit of itself back two cycles later), for bench/crypto_gcm.sh. Not part of the product.
`default_nettype none

module ghash_fmax_wrap (
    input  wire clk,
    input  wire rst,
    output reg  sig
);
    reg [63:0] lfsr;
    always @(posedge clk) begin
        if (rst) lfsr <= 64'h1;
        else lfsr <= {lfsr[62:0], lfsr[63] ^ lfsr[62] ^ lfsr[60] ^ lfsr[59]};
    end
    reg [63:0]  d;
    reg [127:0] h, acc;
    wire [127:0] q;
    tonic_ghash_mul u_mul (.clk(clk), .en(1'b1), .hi(lfsr[2]), .d(d), .h(h), .q(q));
    always @(posedge clk) begin
        d <= lfsr[0] ? acc[63:0] : acc[127:64] ^ lfsr;
        if (lfsr[1]) h <= {lfsr, ~lfsr};
        acc <= acc ^ q ^ {lfsr, lfsr};
        sig <= ^acc;
    end
endmodule

`default_nettype wire
