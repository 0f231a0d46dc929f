// SPDX-License-Identifier: MIT
// fmax_lfsr — the stimulus of every place-and-route wrapper (bench/*fmax_wrap.v,
// tests/crypto/*fmax_wrap.v, tests/crypto/sha/sha_fmax_wrap.v): a 64-bit Fibonacci LFSR
// (x^64 + x^63 + x^61 + x^60 + 1, maximal length) that the wrappers spread over a block's inputs
// through registers, so no input is constant and nothing is optimised away. Not part of the product.
`default_nettype none

module fmax_lfsr (
    input  wire        clk,
    input  wire        rst,
    output reg  [63:0] q
);
    always @(posedge clk) begin
        if (rst) q <= 64'h1;
        else q <= {q[62:0], q[63] ^ q[62] ^ q[60] ^ q[59]};
    end
endmodule

`default_nettype wire
