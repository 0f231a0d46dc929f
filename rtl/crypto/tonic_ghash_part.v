// SPDX-License-Identifier: MIT
// tonic_ghash_part — a quarter of tonic_ghash_mul's first stage: the carry-less product of a 16-bit
// slice of the digit and H (16 x 128 = 2,048 AND terms in XOR trees of at most 16 terms, 143 bits),
// into a register, with the part's own copy of H (loaded from h_in in a cycle with h_ld high).
// keep_hierarchy: each of the four parts keeps its H copy (flattened, Yosys would merge the four
// identical registers back into one), so every H bit drives 16 AND terms in a compact block
// instead of 64 spread over the whole multiplier: in the routed engine one H bit of the one-piece
// multiplier was 17.5 ns of routing from its farthest AND term.
`default_nettype none

(* keep_hierarchy *)
module tonic_ghash_part (
    input  wire         clk,
    input  wire [15:0]  d,
    input  wire         h_ld,
    input  wire [127:0] h_in,
    output reg  [142:0] p        // d * H of the previous cycle (polynomial order, unreduced)
);
    reg [127:0] h;
    always @(posedge clk)
        if (h_ld) h <= h_in;

    reg [142:0] c;
    integer i;
    always @* begin
        c = 143'd0;
        for (i = 0; i < 16; i = i + 1)
            c = c ^ (({15'd0, h} << i) & {143{d[i]}});
    end

    always @(posedge clk)
        p <= c;
endmodule

`default_nettype wire
