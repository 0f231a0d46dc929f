// SPDX-License-Identifier: MIT
// ghash_fmax_wrap — timing-only wrapper for one GHASH digit step (tonic_ghash_mul) between
// registers, as the GHASH lane uses it (acc <= acc + d * h every cycle), for bench/crypto_gcm.sh.
// Not part of the product.
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
    tonic_ghash_mul u_mul (.acc(acc), .d(d), .h(h), .q(q));
    always @(posedge clk) begin
        d <= lfsr;
        if (lfsr[0]) h <= {lfsr, ~lfsr};
        acc <= q;
        sig <= ^acc;
    end
endmodule

`default_nettype wire
