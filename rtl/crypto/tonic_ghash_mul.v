// SPDX-License-Identifier: MIT
// tonic_ghash_mul — one digit product of a GF(2^128) multiplication for GHASH, in two pipeline
// stages:
//
//     q = d * H * (hi ? x^64 : 1)   (mod P = x^128 + x^7 + x^2 + x + 1)
//
// for the d and hi of the previous cycle, d a 64-bit digit, and H the multiplier's own operand
// register, loaded from h_in in a cycle with h_ld high (used from the next cycle on). There is no
// enable: the product register is loaded every cycle, so its 191 flip-flops wait on no handshake
// (a user that needs a product later keeps it). H belongs to the multiplier so that it is placed
// beside the AND terms it feeds (each bit goes to 64 of them) rather than beside its other
// readers: in the whole engine a 128-bit H^2 register shared by the lane's multiplier and
// tonic_gcm_final was placed between them, 19.6 ns of routing from the lane's multiplier.
// Stage 1 (d, H -> register) is the 64 x 128 carry-less product: 8,192 AND
// terms in XOR trees of at most 64 terms per bit, kept unreduced (191 bits). Stage 2 (register -> q,
// combinational, for the user to add into its accumulator) folds the 63 high bits back once, since
// x^(128+k) = x^k (x^7 + x^2 + x + 1) and k + 7 < 128, and for a high digit multiplies by x^64 (one
// more fold). So the product of cycle c's d is q in cycle c + 1, and in that cycle only.
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
    reg [127:0] h;
    always @(posedge clk)
        if (h_ld) h <= h_in;

    reg [190:0] c;
    integer i;
    always @* begin
        c = 191'd0;
        for (i = 0; i < 64; i = i + 1)
            c = c ^ (({63'd0, h} << i) & {191{d[i]}});
    end

    reg [190:0] p_reg;              // the unreduced product
    reg         hi_reg;
    always @(posedge clk) begin
        p_reg <= c;
        hi_reg <= hi;
    end

    // x^(128+k) = x^k (x^7 + x^2 + x + 1): fold the bits above 127 back (once is enough while
    // k + 7 < 128; here k < 63, and k < 64 for the x^64 shift)
    function [127:0] fold(input [127:0] lo, input [63:0] up);
        reg [127:0] u;
        begin
            u = {64'd0, up};
            fold = lo ^ u ^ (u << 1) ^ (u << 2) ^ (u << 7);
        end
    endfunction
    wire [127:0] r = fold(p_reg[127:0], {1'b0, p_reg[190:128]});
    assign q = hi_reg ? fold({r[63:0], 64'd0}, r[127:64]) : r;
endmodule

`default_nettype wire
