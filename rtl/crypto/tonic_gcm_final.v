// SPDX-License-Identifier: MIT
// tonic_gcm_final — the end of a GCM/GMAC packet: the length block, the tag, and its check.
//
// tonic_gcm_data hands over each packet here in the cycle of its last GHASH step, with Y (the
// GHASH of AAD and ciphertext, before the length block), the packet's H, lengths,
// mode, ICV length and expected tag; it can then start the next packet at once, while this block:
//   M1, M2  Y' = (Y + L) * H with L = [len(A)]64 || [len(C)]64 in bits, one 64-bit digit per cycle
//           (its own tonic_ghash_mul, high digit first so only H is needed)
//   OUT     S = Y' + E(K, J0) (from the E(J0) FIFO, filled by the AES core in packet order);
//           tag = first ICV bytes of S; verdict for the verify modes: (tag ^ expected) masked to
//           the ICV, OR-reduced — every bit is looked at, there is no early exit, and the cycle
//           count does not depend on any data or key value
// A job takes 4 cycles (accept, M1, M2, OUT) when the result FIFO has room; packets shorter than
// four beats are limited by this. All vectors are in GCM's polynomial order (see tonic_ghash_mul)
// except ej0, tag and exp_tag, which are byte strings with byte 0 in the top bits.
`default_nettype none

module tonic_gcm_final (
    input  wire         clk,
    input  wire         rst,

    input  wire         in_valid,
    output wire         in_ready,
    input  wire [127:0] in_y,
    input  wire [127:0] in_h,
    input  wire [15:0]  in_aad_len,    // bytes
    input  wire [15:0]  in_len,        // bytes of ciphertext (0 for GMAC)
    input  wire         in_verify,     // 1: compare with in_tag
    input  wire [4:0]   in_icv,        // ICV bytes: 8, 12 or 16 (anything else counts as 16)
    input  wire [127:0] in_tag,        // expected tag (verify modes)
    input  wire         in_err,        // framing error seen by the data stage, passed through

    input  wire         ej0_valid,
    input  wire [127:0] ej0_data,
    output wire         ej0_pop,

    input  wire         res_ready,
    output wire         res_valid,
    output wire [127:0] res_tag,       // the computed tag, truncated to the ICV (rest zero)
    output wire         res_ok,        // generate modes: 1; verify modes: tags equal
    output wire         res_err
);
    localparam [1:0] S_IDLE = 2'd0, S_M1 = 2'd1, S_M2 = 2'd2, S_OUT = 2'd3;
    reg [1:0]   state_reg;
    reg [127:0] y_reg, h_reg, tag_reg, acc_reg;
    reg [63:0]  la_reg, lb_reg;
    reg         verify_reg, err_reg;
    reg [127:0] mask_reg;

    function [63:0] rev64(input [63:0] v);
        integer k;
        for (k = 0; k < 64; k = k + 1) rev64[k] = v[63-k];
    endfunction
    function [127:0] rev128(input [127:0] v);
        integer k;
        for (k = 0; k < 128; k = k + 1) rev128[k] = v[127-k];
    endfunction

    assign in_ready = state_reg == S_IDLE;

    // Horner, high digit first, so both steps use H itself (no multiplexer in front of the AND
    // array): M1 acc = X_hi * H; M2 acc = acc * x^64 + X_lo * H, with X = Y + L.
    function [127:0] mulx64(input [127:0] p);    // p * x^64 mod P
        reg [127:0] hi;
        begin
            hi = {64'd0, p[127:64]};
            mulx64 = {p[63:0], 64'd0} ^ hi ^ (hi << 1) ^ (hi << 2) ^ (hi << 7);
        end
    endfunction
    wire m1 = state_reg == S_M1;
    wire [127:0] mul_q;
    tonic_ghash_mul u_mul (
        .acc(m1 ? 128'd0 : mulx64(acc_reg)),
        .d(m1 ? y_reg[127:64] ^ lb_reg : y_reg[63:0] ^ la_reg),
        .h(h_reg),
        .q(mul_q));

    wire         out_go = state_reg == S_OUT && ej0_valid && res_ready;
    wire [127:0] s_blk  = rev128(acc_reg) ^ ej0_data;
    wire [127:0] tag    = s_blk & mask_reg;
    wire         diff   = |((s_blk ^ tag_reg) & mask_reg);

    assign ej0_pop   = out_go;
    assign res_valid = out_go;
    assign res_tag   = tag;
    assign res_ok    = !(verify_reg && diff);
    assign res_err   = err_reg;

    always @(posedge clk) begin
        if (in_valid && in_ready) begin
            y_reg <= in_y;
            h_reg <= in_h;
            tag_reg <= in_tag;
            verify_reg <= in_verify;
            err_reg <= in_err;
            la_reg <= rev64({45'd0, in_aad_len, 3'd0});
            lb_reg <= rev64({45'd0, in_len, 3'd0});
            case (in_icv)
                5'd8:    mask_reg <= {{64{1'b1}}, 64'd0};
                5'd12:   mask_reg <= {{96{1'b1}}, 32'd0};
                default: mask_reg <= {128{1'b1}};
            endcase
        end
        if (state_reg == S_M1 || state_reg == S_M2) acc_reg <= mul_q;
    end

    always @(posedge clk) begin
        if (rst) begin
            state_reg <= S_IDLE;
        end else begin
            case (state_reg)
                S_IDLE:  if (in_valid) state_reg <= S_M1;
                S_M1:    state_reg <= S_M2;
                S_M2:    state_reg <= S_OUT;
                default: if (out_go) state_reg <= S_IDLE;
            endcase
        end
    end
endmodule

`default_nettype wire
