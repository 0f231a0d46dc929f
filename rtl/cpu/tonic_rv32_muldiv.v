// SPDX-License-Identifier: MIT
// tonic_rv32_muldiv — the M extension of tonic_rv32: multiplies in two cycles, divides in 34.
//
// The control-plane firmware multiplies and divides rarely (hash-table indices, statistics), so
// the divider is a one-bit-per-cycle restoring divider and the multiplier one 33x33 signed product
// registered once. `start` is a one-cycle pulse with the operands and funct3; the operands must
// stay stable until `done` (the core holds the instruction). `done` is a one-cycle pulse with the
// result. Division by zero and the one signed overflow give the results the ISA defines.
// rtl_check: multiplier (the M extension's MUL/MULH*, one 33x33 product on DSP blocks)
`default_nettype none

module tonic_rv32_muldiv (
    input  wire        clk,
    input  wire        rst,
    input  wire        start,
    input  wire [2:0]  funct3,   // 0 MUL, 1 MULH, 2 MULHSU, 3 MULHU, 4 DIV, 5 DIVU, 6 REM, 7 REMU
    input  wire [31:0] a,        // rs1
    input  wire [31:0] b,        // rs2
    output wire        done,
    output wire [31:0] result
);
    // ---- multiply: a 33x33 signed product covers all four signednesses ----
    wire a_signed = (funct3 == 3'd1) || (funct3 == 3'd2);
    wire b_signed = (funct3 == 3'd1);
    wire signed [32:0] mul_a = {a_signed & a[31], a};
    wire signed [32:0] mul_b = {b_signed & b[31], b};
    wire signed [65:0] mul_p = mul_a * mul_b;
    reg  [63:0] prod_reg;
    reg         mul_done_reg;

    // ---- divide: restoring, on magnitudes, signs fixed at the end ----
    wire        div_signed = !funct3[0];
    wire        neg_a = div_signed & a[31];
    wire        neg_b = div_signed & b[31];
    reg  [31:0] quo_reg;      // dividend shifting out, quotient shifting in
    reg  [31:0] rem_reg;
    reg  [31:0] dvs_reg;      // divisor magnitude
    reg  [5:0]  cnt_reg;
    reg         div_busy_reg, div_done_reg;
    reg         neg_q_reg, neg_r_reg, by_zero_reg, want_rem_reg;

    wire [32:0] rem_shift = {rem_reg, quo_reg[31]};
    wire [32:0] rem_sub = rem_shift - {1'b0, dvs_reg};
    wire        fits = !rem_sub[32];

    always @(posedge clk) begin
        mul_done_reg <= 1'b0;
        div_done_reg <= 1'b0;
        if (start && !funct3[2]) begin
            prod_reg <= mul_p[63:0];
            mul_done_reg <= 1'b1;
        end
        if (start && funct3[2]) begin
            quo_reg <= neg_a ? -a : a;
            dvs_reg <= neg_b ? -b : b;
            rem_reg <= 32'd0;
            cnt_reg <= 6'd32;
            neg_q_reg <= neg_a ^ neg_b;
            neg_r_reg <= neg_a;
            by_zero_reg <= (b == 32'd0);
            want_rem_reg <= funct3[1];
            div_busy_reg <= 1'b1;
        end else if (div_busy_reg) begin
            rem_reg <= fits ? rem_sub[31:0] : rem_shift[31:0];
            quo_reg <= {quo_reg[30:0], fits};
            cnt_reg <= cnt_reg - 6'd1;
            if (cnt_reg == 6'd1) begin
                div_busy_reg <= 1'b0;
                div_done_reg <= 1'b1;
            end
        end
        if (rst) begin
            mul_done_reg <= 1'b0;
            div_done_reg <= 1'b0;
            div_busy_reg <= 1'b0;
        end
    end

    // by zero: quotient all ones, remainder the dividend (the magnitude loop leaves it in rem_reg,
    // so only the quotient needs the special case; the remainder's sign is the dividend's)
    wire [31:0] quo = by_zero_reg ? 32'hffff_ffff : (neg_q_reg ? -quo_reg : quo_reg);
    wire [31:0] rem = neg_r_reg ? -rem_reg : rem_reg;
    wire [31:0] div_result = want_rem_reg ? rem : quo;
    wire [31:0] mul_result = (funct3 == 3'd0) ? prod_reg[31:0] : prod_reg[63:32];

    assign done   = mul_done_reg | div_done_reg;
    assign result = div_done_reg ? div_result : mul_result;

    wire unused_ok = &{1'b0, mul_p[65:64]};
endmodule
