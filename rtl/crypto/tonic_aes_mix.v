// SPDX-License-Identifier: MIT
// tonic_aes_mix — AES MixColumns (FIPS-197 §5.1.3) or InvMixColumns (§5.3.3) on a 128-bit state.
//
// The state is the FIPS-197 byte string: byte n at bits [127-8n -: 8], column c = bytes 4c..4c+3
// (row r of column c is byte r + 4c). Each column is multiplied by the fixed polynomial
// {03}x^3 + {01}x^2 + {01}x + {02} (or its inverse {0b}x^3 + {0d}x^2 + {09}x + {0e}) in GF(2^8)
// modulo x^8 + x^4 + x^3 + x + 1. Pure XOR network, combinational. Used by the round unit and,
// for the decryption key schedule of the equivalent inverse cipher (§5.3.5), by the key expander.
`default_nettype none

module tonic_aes_mix #(
    parameter INVERSE = 0     // 0: MixColumns, 1: InvMixColumns
) (
    input  wire [127:0] a,
    output wire [127:0] q
);
    function [7:0] xt(input [7:0] b);   // multiply by {02}
        xt = {b[6:0], 1'b0} ^ (b[7] ? 8'h1b : 8'h00);
    endfunction

    function [31:0] col(input [31:0] c);
        reg [7:0] a0, a1, a2, a3;
        reg [7:0] d0, d1, d2, d3, e0, e1, e2, e3, f0, f1, f2, f3;   // x2, x4, x8
        begin
            a0 = c[31:24]; a1 = c[23:16]; a2 = c[15:8]; a3 = c[7:0];
            d0 = xt(a0); d1 = xt(a1); d2 = xt(a2); d3 = xt(a3);
            if (INVERSE == 0) begin
                col = {d0 ^ d1 ^ a1 ^ a2 ^ a3,
                       a0 ^ d1 ^ d2 ^ a2 ^ a3,
                       a0 ^ a1 ^ d2 ^ d3 ^ a3,
                       d0 ^ a0 ^ a1 ^ a2 ^ d3};
            end else begin
                e0 = xt(d0); e1 = xt(d1); e2 = xt(d2); e3 = xt(d3);
                f0 = xt(e0); f1 = xt(e1); f2 = xt(e2); f3 = xt(e3);
                // {0e} = 8+4+2, {0b} = 8+2+1, {0d} = 8+4+1, {09} = 8+1
                col = {(f0 ^ e0 ^ d0) ^ (f1 ^ d1 ^ a1) ^ (f2 ^ e2 ^ a2) ^ (f3 ^ a3),
                       (f0 ^ a0) ^ (f1 ^ e1 ^ d1) ^ (f2 ^ d2 ^ a2) ^ (f3 ^ e3 ^ a3),
                       (f0 ^ e0 ^ a0) ^ (f1 ^ a1) ^ (f2 ^ e2 ^ d2) ^ (f3 ^ d3 ^ a3),
                       (f0 ^ d0 ^ a0) ^ (f1 ^ e1 ^ a1) ^ (f2 ^ a2) ^ (f3 ^ e3 ^ d3)};
            end
        end
    endfunction

    assign q = {col(a[127:96]), col(a[95:64]), col(a[63:32]), col(a[31:0])};
endmodule

`default_nettype wire
