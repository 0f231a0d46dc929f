// SPDX-License-Identifier: MIT
// tonic_sha256_round — one SHA-256 compression round (FIPS 180-4 §6.2.2 step 3), combinational.
//
// The datapath primitive of tonic_sha256_core, which chains ROUNDS of these per clock. Only the
// two new working variables are computed here; the other six just move down one place (b <- a,
// c <- b, d <- c, f <- e, g <- f, h <- g), which the core wires up. Of the standard
//   T1 = h + Σ1(e) + Ch(e,f,g) + K_t + W_t     T2 = Σ0(a) + Maj(a,b,c)
//   a' = T1 + T2                               e' = d + T1
// the terms that come straight from registers arrive already added, computed by the core one
// cycle ahead: hkw = h + K_t + W_t and dhkw = d + h + K_t + W_t. What is left is
//   e' = Σ1(e) + Ch(e,f,g) + dhkw                      one carry-save layer and one adder
//   a' = Σ1(e) + Ch(e,f,g) + hkw + Σ0(a) + Maj(a,b,c)  three carry-save layers and one adder
// written out as carry-save adders, so each new variable costs a single carry chain (the ECP5
// CCU2C ripple) instead of three chained ones. This is the critical path of the engine.
`default_nettype none

module tonic_sha256_round (
    input  wire [31:0] a,
    input  wire [31:0] b,
    input  wire [31:0] c,
    input  wire [31:0] e,
    input  wire [31:0] f,
    input  wire [31:0] g,
    input  wire [31:0] hkw,     // h + K_t + W_t
    input  wire [31:0] dhkw,    // d + h + K_t + W_t
    output wire [31:0] a_new,
    output wire [31:0] e_new
);
    // rotations written out as bit slices: ROTR^n(x) = {x[n-1:0], x[31:n]}
    wire [31:0] big_sigma0 = {a[1:0], a[31:2]} ^ {a[12:0], a[31:13]} ^ {a[21:0], a[31:22]};
    wire [31:0] big_sigma1 = {e[5:0], e[31:6]} ^ {e[10:0], e[31:11]} ^ {e[24:0], e[31:25]};
    wire [31:0] ch  = (e & f) ^ (~e & g);
    wire [31:0] maj = (a & b) ^ (a & c) ^ (b & c);

    // carry-save adder: x + y + z == sum + carry (mod 2^32)
    function [63:0] csa(input [31:0] x, input [31:0] y, input [31:0] z);
        csa = {((x & y) | (x & z) | (y & z)) << 1, x ^ y ^ z};   // {carry, sum}
    endfunction

    wire [63:0] e1 = csa(big_sigma1, ch, dhkw);
    assign e_new = e1[31:0] + e1[63:32];

    wire [63:0] a1 = csa(big_sigma1, ch, hkw);
    wire [63:0] a2 = csa(big_sigma0, maj, a1[31:0]);
    wire [63:0] a3 = csa(a1[63:32], a2[31:0], a2[63:32]);
    assign a_new = a3[31:0] + a3[63:32];
endmodule

`default_nettype wire
