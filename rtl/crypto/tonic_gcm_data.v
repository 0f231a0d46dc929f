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
// GHASH lane, 64 bits a cycle with a two-stage multiplier (tonic_ghash_mul): the blocks of a packet
// (AAD, then ciphertext, each zero-padded to 16 bytes) go alternately to two streams, odd blocks to
// stream 0 and even blocks to stream 1, and each stream keeps Z <- Z * H^2 + X. A block's two beats
// issue the two digit products Z_lo * H^2 and (Z_hi * H^2) x^64 of the Z of its own stream; they do
// not depend on the block's data, which is added when the second product is ready, the cycle after
// the block's last step. So the same stream's Z is next needed two blocks later, and the multiplier
// may take two cycles. The digit a step multiplies is a register (`d_reg`), chosen in the cycle
// before from the state the lane will be in, so the multiplier's AND-XOR tree starts at a flip-flop.
// A block that ends on its first half (AAD or payload length 1..8 mod 16) needs one more step
// without input (a "pad" step, one cycle), unless it is the packet's first block (Z = 0: nothing to
// multiply, and no block before it whose Z the next one could be waiting for), as ESP's 8-byte AAD
// is. So a stream's Z is written (the cycle after its block's last step) at least one cycle before
// the digit of its next block is chosen. With n blocks, the last one in stream b and
// the other stream a:
//     GHASH(A, C, L) = ((Z_a * H^2 + L) + Z_b * H) * H      (L: the length block)
// which tonic_gcm_final computes. In the cycle of a packet's last step the packet's fields go to
// tonic_gcm_final with Z_a on fin_za (a multiplexer of the Z registers: Z_a's last write is done by
// then, since Z_b's last block has two steps unless it is the packet's first block, and then Z_a is
// zero); Z_b follows on fin_zb in the next cycle (the last block's data is added then), and the lane
// starts the next packet meanwhile.
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
    input  wire [127:0] info_h,        // H, polynomial order
    input  wire [127:0] info_h2,       // H^2

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
    output wire [127:0] fin_za,        // valid with fin_valid
    output wire [127:0] fin_zb,        // valid the cycle after fin_valid && fin_ready
    output wire [127:0] fin_h,
    output wire [127:0] fin_h2,
    output wire [15:0]  fin_aad_len,
    output wire [15:0]  fin_len,
    output wire         fin_verify,
    output wire [4:0]   fin_icv,
    output wire [127:0] fin_tag,
    output wire         fin_err
);
    reg         cur_reg, ph_reg, pad_reg, err_reg;
    reg         sb_reg;                       // stream of the current block
    reg [1:0]   fr_reg;                       // stream has had no block yet in this packet
    reg [1:0]   mode_reg;
    reg [15:0]  aad_rem_reg, pay_rem_reg, aad_len_reg, len_reg;
    // flags of the remaining counts, kept as registers so no counter compare sits in front of the
    // handshake (and the multiplier's enable): != 0 and <= 8 (the next beat ends the section)
    reg         a_nz_reg, a_le8_reg, p_nz_reg, p_le8_reg;
    reg [4:0]   icv_reg;
    reg [127:0] tag_reg, h_reg, h2_reg;
    reg [127:0] z0_reg, z1_reg;               // the two streams' Z
    reg [127:0] t_reg;                        // Z_lo * H^2 of the block being finished
    reg         t_ld_reg;                     // ... is mul_q this cycle (a first step was made)
    reg [63:0]  xlo_reg, xhi_reg;             // its data
    reg         wr_reg, ws_reg;               // add up and write Z[ws] this cycle
    reg         fj_empty_reg;                 // for fin_zb

    // stream byte j, bit 7-m is polynomial coefficient 8j+m
    function [63:0] poly64(input [63:0] beat);
        integer j, m;
        for (j = 0; j < 8; j = j + 1)
            for (m = 0; m < 8; m = m + 1)
                poly64[8*j + m] = beat[8*j + 7 - m];
    endfunction

    wire gmac    = mode_reg[1];
    wire dec     = mode_reg == 2'd1;
    wire in_aad  = a_nz_reg;
    wire in_pay  = !in_aad && p_nz_reg;
    wire [15:0] rem = in_aad ? aad_rem_reg : pay_rem_reg;
    wire sec_end = in_aad ? a_le8_reg : p_le8_reg;    // this beat ends its section
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
    wire needs_pad  = half_end && (sb_reg || !fr_reg[0]);   // not the packet's first block
    wire beat_last  = (in_aad ? (sec_end && !p_nz_reg) : sec_end) && !needs_pad;
    wire beat_input_last = in_aad ? (sec_end && !p_nz_reg) : sec_end;
    wire want_beat  = cur_reg && !pad_reg && (in_aad || in_pay);
    wire beat_res   = (in_pay ? (ks_valid && out_ready) : (!gmac || out_ready)) && (!beat_last || fin_ready);
    assign s_axis_tready = want_beat && beat_res;
    wire beat       = s_axis_tready && s_axis_tvalid;
    wire pad_last   = !a_nz_reg && !p_nz_reg;
    wire pad_go     = cur_reg && pad_reg && (!pad_last || fin_ready);
    wire empty_go   = cur_reg && !pad_reg && !in_aad && !in_pay && fin_ready;
    wire step       = beat || pad_go;
    wire done_now   = (beat && beat_last) || (pad_go && pad_last) || empty_go;
    wire tlast_bad  = beat && (s_axis_tlast != beat_input_last);

    wire [63:0] din  = s_axis_tdata & bmask;
    wire [63:0] dout = in_pay ? ((s_axis_tdata ^ ks_beat) & bmask) : din;
    wire [63:0] x    = pad_reg ? 64'd0 : poly64((in_pay && !dec) ? dout : din);   // GHASH input digit

    assign out_valid = beat && (in_pay || gmac);
    assign out_data  = dout;
    assign out_keep  = keep;
    assign out_last  = sec_end;
    assign ks_pop    = beat && in_pay && (ph_reg || sec_end);

    // ---- GHASH lane ---------------------------------------------------------------------------------
    // phase after a step: 0 after a second half; after a first half 1, unless the section ended
    // there (then a pad step follows, or, in the packet's first block, nothing)
    wire ph_next = ph_reg ? 1'b0 : (half_end && !pad_reg) ? needs_pad : 1'b1;
    // Block end: after a block's second step, or after its first when the packet's first block
    // ends there. A step multiplies a digit of its stream's Z (zero in a stream's first block);
    // d_reg is loaded with the next step's digit from the stream, phase and first-block flags that
    // step will have.
    wire blk_end_if = ph_reg || (half_end && !needs_pad);      // ... if this cycle makes a step
    wire blk_end = step && blk_end_if;
    wire         sb_after = blk_end_if ? !sb_reg : sb_reg;
    wire         fr_after = sb_after ? fr_reg[1] : fr_reg[0];   // (a block end clears fr_reg[sb_reg])
    wire [127:0] z_after  = sb_after ? z1_reg : z0_reg;
    wire [63:0]  d_after  = fr_after ? 64'd0 : ph_next ? z_after[127:64] : z_after[63:0];
    reg  [63:0]  d_reg;
    wire [127:0] mul_q;
    tonic_ghash_mul u_mul (.clk(clk), .hi(ph_reg), .d(d_reg), .h_ld(load),
                          .h_in(info_h2), .q(mul_q));
    // the block finished last cycle: Z = Z_lo H^2 + (Z_hi H^2) x^64 + X
    wire [127:0] z_new = t_reg ^ mul_q ^ {xhi_reg, xlo_reg};

    assign fin_valid   = done_now;
    // Z_a: the stream other than the last block's, zero if it had no block (or there were none)
    assign fin_za      = (sb_reg ? fr_reg[0] : fr_reg[1]) ? 128'd0 : sb_reg ? z0_reg : z1_reg;
    assign fin_zb      = fj_empty_reg ? 128'd0 : z_new;
    assign fin_h       = h_reg;
    assign fin_h2      = h2_reg;
    assign fin_aad_len = aad_len_reg;
    assign fin_len     = len_reg;
    assign fin_verify  = mode_reg[0];
    assign fin_icv     = icv_reg;
    assign fin_tag     = tag_reg;
    assign fin_err     = err_reg || tlast_bad;

    wire load = (!cur_reg || done_now) && info_valid;
    assign info_pop = load;

    always @(posedge clk) begin
        // the first product (the multiplier keeps a product for one cycle only)
        t_ld_reg <= step && !ph_reg;
        if (t_ld_reg) t_reg <= mul_q;
        if (step) begin
            if (!ph_reg) begin
                xlo_reg <= x;
                if (blk_end) begin                 // a fresh stream's half block: Z = X
                    t_reg <= 128'd0;
                    xhi_reg <= 64'd0;
                end
            end else begin
                xhi_reg <= x;
            end
        end
        // a new packet starts with both streams fresh (digit 0); otherwise the digit changes only
        // with a step (a Z written meanwhile is never the one the next step needs: see above)
        if (load) d_reg <= 64'd0;
        else if (step) d_reg <= d_after;
        if (wr_reg) begin
            if (ws_reg) z1_reg <= z_new;
            else z0_reg <= z_new;
        end
        ws_reg <= sb_reg;
        if (done_now) fj_empty_reg <= empty_go;
        if (load) begin
            mode_reg <= info_mode;
            aad_len_reg <= info_aad_len;
            len_reg <= info_mode[1] ? 16'd0 : info_len;
            icv_reg <= info_icv;
            tag_reg <= info_tag;
            h_reg <= info_h;
            h2_reg <= info_h2;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            cur_reg <= 1'b0;
            ph_reg <= 1'b0;
            pad_reg <= 1'b0;
            err_reg <= 1'b0;
            sb_reg <= 1'b0;
            fr_reg <= 2'b11;
            wr_reg <= 1'b0;
            aad_rem_reg <= 16'd0;
            pay_rem_reg <= 16'd0;
            a_nz_reg <= 1'b0;
            a_le8_reg <= 1'b0;
            p_nz_reg <= 1'b0;
            p_le8_reg <= 1'b0;
        end else begin
            wr_reg <= blk_end;
            if (beat) begin
                // after a beat the count is 0 if it was <= 8, else 8 less (<= 8 if it was <= 16)
                if (in_aad) begin
                    aad_rem_reg <= rem_next;
                    a_nz_reg <= !a_le8_reg;
                    a_le8_reg <= a_le8_reg || aad_rem_reg <= 16'd16;
                end else begin
                    pay_rem_reg <= rem_next;
                    p_nz_reg <= !p_le8_reg;
                    p_le8_reg <= p_le8_reg || pay_rem_reg <= 16'd16;
                end
                if (tlast_bad) err_reg <= 1'b1;
            end
            if (step) begin
                ph_reg <= ph_next;
                pad_reg <= !ph_reg && half_end && needs_pad;
                if (blk_end) begin                 // the stream's Z is no longer zero
                    // (written bit by bit: Yosys makes a variable index a 32-bit adder)
                    if (sb_reg) fr_reg[1] <= 1'b0;
                    else fr_reg[0] <= 1'b0;
                    sb_reg <= !sb_reg;
                end
            end
            if (load) begin
                cur_reg <= 1'b1;
                aad_rem_reg <= info_aad_len;
                pay_rem_reg <= info_mode[1] ? 16'd0 : info_len;
                a_nz_reg <= info_aad_len != 16'd0;
                a_le8_reg <= info_aad_len <= 16'd8;
                p_nz_reg <= !info_mode[1] && info_len != 16'd0;
                p_le8_reg <= info_mode[1] || info_len <= 16'd8;
                ph_reg <= 1'b0;
                sb_reg <= 1'b0;
                fr_reg <= 2'b11;
                pad_reg <= 1'b0;
                err_reg <= 1'b0;
            end else if (done_now) begin
                cur_reg <= 1'b0;
            end
        end
    end
endmodule

`default_nettype wire
