// SPDX-License-Identifier: MIT
// tonic_gcm_final — the end of a GCM/GMAC packet: the length block, the tag, and its check.
//
// tonic_gcm_data hands over each packet here in the cycle of its last GHASH step (H, H^2, lengths,
// mode, ICV length, expected tag, and the sum Z_a of one of its two GHASH streams), and the other
// stream's sum Z_b in the next cycle (see tonic_gcm_data: Z_b holds the packet's last block). It
// can then start the next packet at once, while this block computes, with its own two-stage digit
// multiplier (tonic_ghash_mul):
//     W  = Z_a * H^2 + Z_b * H + L    L = [len(A)]64 || [len(C)]64 in bits
//     Y  = W * H                      (= GHASH(H, A, C))
//     S  = Y + E(K, J0)               (from the E(J0) FIFO, filled by the AES core in packet order)
//     tag = first ICV bytes of S; verdict for the verify modes: (tag ^ expected) masked to the ICV,
//     OR-reduced — every bit is looked at, there is no early exit, and the cycle count does not
//     depend on any data or key value
// Schedule, one digit product issued per cycle and used the next:
//     accept | Za_lo H^2 | Za_hi H^2 | Zb_lo H | Zb_hi H | (W) | W_lo H | W_hi H | (Y) | out
// and the next job is taken in the cycle the last one leaves, so a job takes 9 cycles when the
// result FIFO has room; packets shorter than nine beats are limited by this.
// Key jobs: at key load tonic_gcm asks for H^2 with a job of Z_b = 1, lengths 0 and in_key = 1,
// which takes Z_a as 0 (so Y = H * H); the result leaves on sq / sq_valid instead of the result
// channel, and no E(J0) is used. All vectors are in GCM's polynomial order (see tonic_ghash_mul)
// except ej0, tag and exp_tag, which are byte strings with byte 0 in the top bits.
`default_nettype none

module tonic_gcm_final (
    input  wire         clk,
    input  wire         rst,

    input  wire         in_valid,
    output wire         in_ready,
    input  wire [127:0] in_h,
    input  wire [127:0] in_h2,
    input  wire [15:0]  in_aad_len,    // bytes
    input  wire [15:0]  in_len,        // bytes of ciphertext (0 for GMAC)
    input  wire         in_verify,     // 1: compare with in_tag
    input  wire [4:0]   in_icv,        // ICV bytes: 8, 12 or 16 (anything else counts as 16)
    input  wire [127:0] in_tag,        // expected tag (verify modes)
    input  wire         in_err,        // framing error seen by the data stage, passed through
    input  wire         in_key,        // key job: Y = H^2 to sq, no tag (in_za is taken as 0)
    input  wire [127:0] in_za,         // with in_valid
    input  wire [127:0] in_zb,         // the cycle after in_valid && in_ready

    input  wire         ej0_valid,
    input  wire [127:0] ej0_data,
    output wire         ej0_pop,

    input  wire         res_ready,
    output wire         res_valid,
    output wire [127:0] res_tag,       // the computed tag, truncated to the ICV (rest zero)
    output wire         res_ok,        // generate modes: 1; verify modes: tags equal
    output wire         res_err,

    output wire         sq_valid,      // key job done: sq = H^2 (one cycle)
    output wire [127:0] sq
);
    // states: the issue slots of the schedule above
    localparam [3:0] S_IDLE = 4'd0, S_A0 = 4'd1, S_A1 = 4'd2, S_B0 = 4'd3, S_B1 = 4'd4, S_W = 4'd5,
                     S_W0 = 4'd6, S_W1 = 4'd7, S_Y = 4'd8, S_OUT = 4'd9;
    reg [3:0]   state_reg;
    reg [127:0] h_reg, tag_reg, acc_reg, zb_reg;
    reg [63:0]  d_reg, la_reg, lb_reg;
    reg [63:0]  zah_reg;                   // Z_a's high digit
    reg         verify_reg, err_reg, key_reg;
    reg [127:0] mask_reg;

    function [63:0] rev64(input [63:0] v);
        integer k;
        for (k = 0; k < 64; k = k + 1) rev64[k] = v[63-k];
    endfunction
    function [127:0] rev128(input [127:0] v);
        integer k;
        for (k = 0; k < 128; k = k + 1) rev128[k] = v[127-k];
    endfunction

    // A job leaves (S_OUT) when its E(J0) is there and the result FIFO has room: go_reg, both seen
    // a cycle before. Only this block pops the E(J0) FIFO and pushes the result FIFO, so what was
    // true then is still true (a cycle is lost only when one of them has just changed). A new job
    // is taken when idle, or in the cycle the last one leaves; so in_ready, which tonic_gcm_data's
    // handshake waits for, comes from registers only. The job's fields are captured whenever
    // in_ready is high, valid or not (an idle cycle's capture is never used), so in_valid
    // only moves the state.
    reg  go_reg;
    wire out_go = state_reg == S_OUT && !key_reg && go_reg;
    assign in_ready = state_reg == S_IDLE || out_go;

    // the digit issued in each state comes from a register, loaded a cycle ahead (d_reg: the
    // multiplier's AND-XOR tree starts at a flip-flop, with no multiplexer on its 128-fold fan-out);
    // the multiplier's H is its own register (H^2 from the job, then H from S_A1 on)
    wire         hi = state_reg == S_A1 || state_reg == S_B1 || state_reg == S_W1;
    wire [127:0] mul_q;
    tonic_ghash_mul u_mul (.clk(clk), .hi(hi), .d(d_reg), .h_ld(in_ready || state_reg == S_A1),
                           .h_in(state_reg == S_A1 ? h_reg : in_h2), .q(mul_q));
    wire [127:0] w = acc_reg ^ mul_q;                      // W, in S_W

    wire         key_out = state_reg == S_OUT && key_reg;
    wire [127:0] s_blk   = rev128(acc_reg) ^ ej0_data;
    wire [127:0] tag     = s_blk & mask_reg;
    wire         diff    = |((s_blk ^ tag_reg) & mask_reg);
    assign ej0_pop   = out_go;
    assign res_valid = out_go;
    assign res_tag   = tag;
    assign res_ok    = !(verify_reg && diff);
    assign res_err   = err_reg;
    assign sq_valid  = key_out;
    assign sq        = acc_reg;

    always @(posedge clk) begin
        go_reg <= ej0_valid && res_ready;
        if (in_ready) begin
            d_reg <= in_za[63:0] & {64{!in_key}};          // S_A0's digit
            zah_reg <= in_za[127:64] & {64{!in_key}};
            h_reg <= in_h;
            tag_reg <= in_tag;
            verify_reg <= in_verify;
            err_reg <= in_err;
            key_reg <= in_key;
            la_reg <= rev64({45'd0, in_aad_len, 3'd0});
            lb_reg <= rev64({45'd0, in_len, 3'd0});
            case (in_icv)
                5'd8:    mask_reg <= {{64{1'b1}}, 64'd0};
                5'd12:   mask_reg <= {{96{1'b1}}, 32'd0};
                default: mask_reg <= {128{1'b1}};
            endcase
        end
        case (state_reg)                                   // the next state's digit
            S_A0: d_reg <= zah_reg;
            S_A1: d_reg <= zb_reg[63:0];
            S_B0: d_reg <= zb_reg[127:64];
            S_W:  d_reg <= w[63:0];
            S_W0: d_reg <= acc_reg[127:64];
            default: ;
        endcase
        case (state_reg)
            S_A0: zb_reg <= in_zb;
            S_A1: acc_reg <= mul_q ^ {lb_reg, la_reg};      // Za_lo H^2 + L
            S_B0, S_B1, S_W: acc_reg <= w;                 // ... + (Za_hi H^2) x^64 + Zb H = W
            S_W1: acc_reg <= mul_q;                         // W_lo H
            S_Y:  acc_reg <= acc_reg ^ mul_q;               // + (W_hi H) x^64 = Y
            default: ;
        endcase
    end

    always @(posedge clk) begin
        if (rst) begin
            state_reg <= S_IDLE;
        end else begin
            case (state_reg)
                S_IDLE:  if (in_valid) state_reg <= S_A0;
                S_OUT:   if (out_go && in_valid) state_reg <= S_A0;
                         else if (out_go || key_out) state_reg <= S_IDLE;
                default: state_reg <= state_reg + 4'd1;
            endcase
        end
    end
endmodule

`default_nettype wire
