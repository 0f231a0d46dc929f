// SPDX-License-Identifier: MIT
// tonic_gcm_data — the per-beat part of the GCM engine: keystream XOR and the GHASH lane.
//
// Takes packets from the info FIFO (mode, lengths, ICV length, expected tag, and the key slot's H
// and H * x^64 looked up by tonic_gcm) and the input stream, one 64-bit beat per cycle:
//   * AAD beats (ceil(aad_len / 8) of them; bytes past aad_len in the last one are ignored) feed
//     GHASH; in the GMAC modes they also go to the output unchanged.
//   * payload beats (ceil(len / 8), starting on a fresh beat) are XORed with the keystream (one
//     128-bit block from the keystream FIFO per two beats) and go to the output; GHASH takes the
//     ciphertext (the output when encrypting, the input when decrypting), bytes past the end zero.
// GHASH lane: Y_i = (Y_{i-1} + X_i) * H as two digit steps (tonic_ghash_mul): beat 0 of a block
// computes (Y_lo + X_lo) * H and keeps Y_hi, beat 1 adds (Y_hi + X_hi) * (H x^64). So it absorbs one
// beat per cycle with no gap between blocks or packets. A block that ends on its first half (AAD or
// payload length 1..8 mod 16) needs one more step without input (a "pad" step, one cycle), except
// when it is the packet's first block (Y = 0 and the missing half is zero, so the product is done).
// In the cycle of a packet's last GHASH step the lane's next value (Y before the length block) and
// the packet's fields go to tonic_gcm_final, and the next packet starts in the following cycle.
// s_axis_tready depends only on registers and FIFO states, never on s_axis_tvalid.
// Input tkeep is not needed (lengths come from the command); tlast is checked: a beat whose tlast
// disagrees with the command's lengths sets the packet's error flag (the beats still count).
`default_nettype none

module tonic_gcm_data (
    input  wire         clk,
    input  wire         rst,

    input  wire         info_valid,
    output wire         info_pop,
    input  wire [1:0]   info_mode,     // 0 encrypt, 1 decrypt+verify, 2 GMAC, 3 GMAC verify
    input  wire [15:0]  info_aad_len,
    input  wire [15:0]  info_len,
    input  wire [4:0]   info_icv,
    input  wire [127:0] info_tag,
    input  wire [127:0] info_h,        // polynomial order
    input  wire [127:0] info_hx,

    input  wire [63:0]  s_axis_tdata,
    input  wire         s_axis_tvalid,
    output wire         s_axis_tready,
    input  wire         s_axis_tlast,

    input  wire         ks_valid,
    input  wire [127:0] ks_data,       // keystream block, byte 0 in the top bits
    output wire         ks_pop,

    input  wire         out_ready,
    output wire         out_valid,
    output wire [63:0]  out_data,
    output wire [7:0]   out_keep,
    output wire         out_last,

    input  wire         fin_ready,
    output wire         fin_valid,
    output wire [127:0] fin_y,
    output wire [127:0] fin_h,
    output wire [15:0]  fin_aad_len,
    output wire [15:0]  fin_len,
    output wire         fin_verify,
    output wire [4:0]   fin_icv,
    output wire [127:0] fin_tag,
    output wire         fin_err
);
    reg         cur_reg, ph_reg, fresh_reg, pad_reg, err_reg;
    reg [1:0]   mode_reg;
    reg [15:0]  aad_rem_reg, pay_rem_reg, aad_len_reg, len_reg;
    reg [4:0]   icv_reg;
    reg [127:0] tag_reg, h_reg, hx_reg, hcur_reg, acc_reg;   // hcur: H or H x^64 for this step
    reg [63:0]  yb_reg;

    // stream byte j, bit 7-m is polynomial coefficient 8j+m
    function [63:0] poly64(input [63:0] beat);
        integer j, m;
        for (j = 0; j < 8; j = j + 1)
            for (m = 0; m < 8; m = m + 1)
                poly64[8*j + m] = beat[8*j + 7 - m];
    endfunction

    wire gmac    = mode_reg[1];
    wire dec     = mode_reg == 2'd1;
    wire in_aad  = aad_rem_reg != 16'd0;
    wire in_pay  = !in_aad && pay_rem_reg != 16'd0;
    wire [15:0] rem = in_aad ? aad_rem_reg : pay_rem_reg;
    wire sec_end = rem <= 16'd8;                      // this beat ends its section
    wire [15:0] rem_next = sec_end ? 16'd0 : rem - 16'd8;

    reg [7:0] keep;
    always @* begin
        case (sec_end ? rem[3:0] : 4'd8)
            4'd1: keep = 8'h01;
            4'd2: keep = 8'h03;
            4'd3: keep = 8'h07;
            4'd4: keep = 8'h0f;
            4'd5: keep = 8'h1f;
            4'd6: keep = 8'h3f;
            4'd7: keep = 8'h7f;
            default: keep = 8'hff;
        endcase
    end
    reg [63:0] bmask;
    integer b;
    always @* begin
        for (b = 0; b < 8; b = b + 1) bmask[8*b +: 8] = {8{keep[b]}};
    end

    // keystream bytes for this beat: block bytes 8*ph .. 8*ph+7
    reg [63:0] ks_beat;
    always @* begin
        for (b = 0; b < 8; b = b + 1)
            ks_beat[8*b +: 8] = ph_reg ? ks_data[63 - 8*b -: 8] : ks_data[127 - 8*b -: 8];
    end

    // ---- what this cycle does ---------------------------------------------------------------------
    wire half_end   = sec_end && !ph_reg;              // section ends on the first half of a block
    wire needs_pad  = half_end && !fresh_reg;
    wire beat_last  = (in_aad ? (sec_end && pay_rem_reg == 16'd0) : sec_end) && !needs_pad;
    wire beat_input_last = in_aad ? (sec_end && pay_rem_reg == 16'd0) : sec_end;
    wire want_beat  = cur_reg && !pad_reg && (in_aad || in_pay);
    wire beat_res   = (in_pay ? (ks_valid && out_ready) : (!gmac || out_ready)) && (!beat_last || fin_ready);
    assign s_axis_tready = want_beat && beat_res;
    wire beat       = s_axis_tready && s_axis_tvalid;
    wire pad_last   = aad_rem_reg == 16'd0 && pay_rem_reg == 16'd0;
    wire pad_go     = cur_reg && pad_reg && (!pad_last || fin_ready);
    wire empty_go   = cur_reg && !pad_reg && !in_aad && !in_pay && fin_ready;
    wire step       = beat || pad_go;
    wire done_now   = (beat && beat_last) || (pad_go && pad_last) || empty_go;
    wire tlast_bad  = beat && (s_axis_tlast != beat_input_last);

    wire [63:0] din  = s_axis_tdata & bmask;
    wire [63:0] dout = in_pay ? ((s_axis_tdata ^ ks_beat) & bmask) : din;
    wire [63:0] x    = pad_reg ? 64'd0 : (in_pay && !dec) ? dout : din;

    assign out_valid = beat && (in_pay || gmac);
    assign out_data  = dout;
    assign out_keep  = keep;
    assign out_last  = sec_end;
    assign ks_pop    = beat && in_pay && (ph_reg || sec_end);

    // ---- GHASH lane ---------------------------------------------------------------------------------
    wire [127:0] ycur = fresh_reg ? 128'd0 : acc_reg;
    wire [127:0] mul_q;
    tonic_ghash_mul u_mul (
        .acc(ph_reg ? acc_reg : 128'd0),
        .d(poly64(x) ^ (ph_reg ? yb_reg : ycur[63:0])),
        .h(hcur_reg),
        .q(mul_q));

    assign fin_valid   = done_now;
    assign fin_y       = empty_go ? 128'd0 : mul_q;
    assign fin_h       = h_reg;
    assign fin_aad_len = aad_len_reg;
    assign fin_len     = len_reg;
    assign fin_verify  = mode_reg[0];
    assign fin_icv     = icv_reg;
    assign fin_tag     = tag_reg;
    assign fin_err     = err_reg || tlast_bad;

    // phase after a step: 0 after a second half; after a first half 1, unless the section ended
    // there (then a pad step follows, or, in a packet's first block, nothing)
    wire ph_next = ph_reg ? 1'b0 : (half_end && !pad_reg) ? needs_pad : 1'b1;

    wire load = (!cur_reg || done_now) && info_valid;
    assign info_pop = load;

    always @(posedge clk) begin
        if (step) begin
            acc_reg <= mul_q;
            if (!ph_reg) yb_reg <= ycur[127:64];
            hcur_reg <= ph_next ? hx_reg : h_reg;   // the multiplier's H is a plain register
        end
        if (load) begin
            hcur_reg <= info_h;
            mode_reg <= info_mode;
            aad_len_reg <= info_aad_len;
            len_reg <= info_mode[1] ? 16'd0 : info_len;
            icv_reg <= info_icv;
            tag_reg <= info_tag;
            h_reg <= info_h;
            hx_reg <= info_hx;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            cur_reg <= 1'b0;
            ph_reg <= 1'b0;
            fresh_reg <= 1'b1;
            pad_reg <= 1'b0;
            err_reg <= 1'b0;
            aad_rem_reg <= 16'd0;
            pay_rem_reg <= 16'd0;
        end else begin
            if (beat) begin
                if (in_aad) aad_rem_reg <= rem_next;
                else pay_rem_reg <= rem_next;
                if (tlast_bad) err_reg <= 1'b1;
            end
            if (step) begin
                ph_reg <= ph_next;
                pad_reg <= !ph_reg && half_end && needs_pad;
                if (!ph_reg) fresh_reg <= 1'b0;
            end
            if (load) begin
                cur_reg <= 1'b1;
                aad_rem_reg <= info_aad_len;
                pay_rem_reg <= info_mode[1] ? 16'd0 : info_len;
                ph_reg <= 1'b0;
                fresh_reg <= 1'b1;
                pad_reg <= 1'b0;
                err_reg <= 1'b0;
            end else if (done_now) begin
                cur_reg <= 1'b0;
            end
        end
    end
endmodule

`default_nettype wire
