// SPDX-License-Identifier: MIT
// tonic_ghash_mul — one digit product of a GF(2^128) multiplication for GHASH, in two pipeline
// stages:
//
//     q = d * H * (hi ? x^64 : 1)   (mod P = x^128 + x^7 + x^2 + x + 1)
//
// for the d and hi of the previous cycle, d a 64-bit digit, and H the multiplier's own operand,
// loaded from h_in in a cycle with h_ld high (used from the next cycle on). There is no enable: the
// product registers are loaded every cycle, so they wait on no handshake (a user that needs a
// product later keeps it). H belongs to the multiplier so that it is placed beside the AND terms
// it feeds rather than beside its other readers: in the whole engine a 128-bit H^2 register shared
// by the lane's multiplier and tonic_gcm_final was placed between them, 19.6 ns of routing from
// the lane's multiplier.
// Stage 1 (d, H -> registers) is the 64 x 128 carry-less product, 8,192 AND terms, in four parts
// of 16 digit bits (tonic_ghash_part), each with its own copy of H and its own 143-bit product
// register: so an H bit drives 16 AND terms in one compact part instead of 64 across the whole
// multiplier (17.5 ns of routing for the worst one in the routed engine). Stage 2 (registers -> q,
// combinational, for the user to add into its accumulator) adds the four parts into the unreduced
// 191-bit product, folds its 63 high bits back once, since x^(128+k) = x^k (x^7 + x^2 + x + 1) and
// k + 7 < 128, and for a high digit multiplies by x^64 (one more fold). So the product of cycle c's
// d is q in cycle c + 1, and in that cycle only.
//
// Operands are in the "polynomial" order: bit i is the coefficient of x^i (GCM's own bit order,
// SP 800-38D §6.3, reverses every byte string: coefficient i is bit 7 - i%8 of byte i/8; tonic_gcm
// converts at its edges). A full 128 x 128 product is two of these digits,
//     X * H = X_lo * H + X_hi * (H * x^64)
// where X_lo holds coefficients 0..63 (block bytes 0..7) and X_hi coefficients 64..127 (bytes
// 8..15): X * H = X_lo * H + (X_hi * H) * x^64, two digits with the same h (hi = 0, then 1) that do
// not depend on each other.
// keep_hierarchy: synthesised on its own, so a multiplexer in front of d stays in front of it.
// (Flattened into tonic_gcm_final, Yosys/ABC copied parts of the AND-XOR tree behind the digit
// multiplexer: twice the LUTs.)
`default_nettype none

(* keep_hierarchy *)
module tonic_ghash_mul (
    input  wire         clk,
    input  wire         hi,     // d is a high digit: multiply the product by x^64 as well
    input  wire [63:0]  d,
    input  wire         h_ld,   // take h_in as H (for the products issued from the next cycle)
    input  wire [127:0] h_in,
    output wire [127:0] q
);
    // stage 1 in four parts of 16 digit bits, each with its own H register (tonic_ghash_part);
    // their products, each shifted by its digit bits' place, add up to the 191-bit product
    wire [4*143-1:0] pp;
    genvar g;
    generate
        for (g = 0; g < 4; g = g + 1) begin : g_part
            tonic_ghash_part u_part (.clk(clk), .d(d[16*g +: 16]), .h_ld(h_ld), .h_in(h_in),
                                     .p(pp[143*g +: 143]));
        end
    endgenerate
    reg [190:0] p;                  // the unreduced product (the parts' registers, added)
    integer k;
    always @* begin
        p = 191'd0;
        for (k = 0; k < 4; k = k + 1)
            p = p ^ ({48'd0, pp[143*k +: 143]} << (16*k));
    end
    reg         hi_reg;
    always @(posedge clk)
        hi_reg <= hi;

    // x^(128+k) = x^k (x^7 + x^2 + x + 1): fold the bits above 127 back (once is enough while
    // k + 7 < 128; here k < 63, and k < 64 for the x^64 shift)
    function [127:0] fold(input [127:0] lo, input [63:0] up);
        reg [127:0] u;
        begin
            u = {64'd0, up};
            fold = lo ^ u ^ (u << 1) ^ (u << 2) ^ (u << 7);
        end
    endfunction
    wire [127:0] r = fold(p[127:0], {1'b0, p[190:128]});
    assign q = hi_reg ? fold({r[63:0], 64'd0}, r[127:64]) : r;
endmodule

`default_nettype wire
