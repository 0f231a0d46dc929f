// SPDX-License-Identifier: MIT
// tonic_gcm — AES-GCM / GMAC engine (SP 800-38D; RFC 4106/4543 as ESP uses them), streaming,
// 64-bit beats, for the inline IPsec engine. See docs/aes_gcm.md for the waveforms and figures.
//
//   s_key_*   load a raw AES key (128/192/256) into a key slot: the AES core expands it, then this
//             block encrypts the zero block once to get H = E(K, 0^128), has tonic_gcm_final
//             square it, and keeps H and H^2 per slot (so no packet pays for them). s_key_ready
//             is low until the engine is idle (every counter block and E(J0) already issued has
//             been used), so a key never changes under a packet, then while the key loads (74 to
//             104 cycles, tb_gcm rate); s_cmd_ready is low while a key waits.
//   s_cmd_*   one command per packet: key slot, mode (0 encrypt + tag, 1 decrypt + verify,
//             2 GMAC tag, 3 GMAC verify), AAD length, payload length (ignored in the GMAC modes),
//             96-bit nonce (salt || IV for ESP; J0 = nonce || 1), ICV length (8, 12, 16 bytes),
//             expected tag (verify modes). Commands may run ahead of the data by up to eight
//             packets; the counter blocks of the next packets are encrypted while the current one
//             streams, so the start-up of a packet (E(K, J0), the first keystream) is hidden.
//   s_axis_*  per packet: ceil(aad_len / 8) AAD beats, then ceil(len / 8) payload beats (the
//             payload starts on a fresh beat); tlast on the last beat; tkeep is not used.
//   m_axis_*  per packet: the payload, encrypted or decrypted (in the GMAC modes: the AAD, as it
//             came), tkeep for the last beat, tlast. Plaintext from a decrypt leaves before the
//             tag is checked: the packet engine must drop it when the verdict says so.
//   m_res_*   per packet, in order: the tag (first ICV bytes, rest zero), ok (tags matched; 1 in
//             the generate modes), err (tlast was not where the lengths put it).
// Byte order: keys, nonces and tags are byte strings with byte 0 in the most significant bits;
// stream byte 0 is tdata[7:0].
//
// Structure: front (commands -> counter blocks for tonic_aes_core, in order, with credits so the
// keystream and E(J0) FIFOs never overflow) -> AES core (UNROLL round units, encryption only) ->
// keystream FIFO / E(J0) FIFO / H, H^2 -> tonic_gcm_data (XOR and GHASH, one beat a cycle) ->
// tonic_gcm_final (length block, tag, constant-time compare) -> result FIFO.
`default_nettype none

module tonic_gcm #(
    parameter UNROLL     = 2,   // AES round units: UNROLL blocks every 14 cycles; 8 = line rate with
                                // E(J0) hidden, 14 = 1/cycle; the small default keeps the per-module
                                // synthesis check short
    parameter SPLIT      = 0,   // 1: two pipeline stages per AES round (shorter cycle, same rate)
    parameter SLOTS_LOG2 = 2,   // log2 of the number of key slots
    parameter KS_LOG2    = 5    // keystream FIFO depth (blocks): must cover the AES latency times
                                // the rate the data stage uses blocks at (30 cycles x 1/2 with SPLIT)
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire                  s_key_valid,
    output wire                  s_key_ready,
    input  wire [SLOTS_LOG2-1:0] s_key_slot,
    input  wire [255:0]          s_key_data,
    input  wire [1:0]            s_key_len,     // 0: 128, 1: 192, 2: 256 bits

    input  wire                  s_cmd_valid,
    output wire                  s_cmd_ready,
    input  wire [SLOTS_LOG2-1:0] s_cmd_slot,
    input  wire [1:0]            s_cmd_mode,
    input  wire [15:0]           s_cmd_aad_len,
    input  wire [15:0]           s_cmd_len,
    input  wire [95:0]           s_cmd_nonce,
    input  wire [4:0]            s_cmd_icv_len,
    input  wire [127:0]          s_cmd_tag,

    input  wire [63:0]           s_axis_tdata,
    input  wire [7:0]            s_axis_tkeep,
    input  wire                  s_axis_tvalid,
    output wire                  s_axis_tready,
    input  wire                  s_axis_tlast,

    output wire [63:0]           m_axis_tdata,
    output wire [7:0]            m_axis_tkeep,
    output wire                  m_axis_tvalid,
    input  wire                  m_axis_tready,
    output wire                  m_axis_tlast,

    output wire                  m_res_valid,
    input  wire                  m_res_ready,
    output wire [127:0]          m_res_tag,
    output wire                  m_res_ok,
    output wire                  m_res_err
);
    localparam SW = SLOTS_LOG2;
    localparam SLOTS = 1 << SW;
    localparam EJ_LOG2 = 3;     // E(J0) blocks ahead: 8 short packets cover the AES latency
    localparam INFO_LOG2 = 3;   // commands ahead of the data
    localparam INFO_W = 2 + 16 + 16 + 5 + 128 + SW;

    function [127:0] rev128(input [127:0] v);
        integer k;
        for (k = 0; k < 128; k = k + 1) rev128[k] = v[127-k];
    endfunction

    // ---- AES core ------------------------------------------------------------------------------
    wire         key_busy, core_ready, c_valid;
    wire [127:0] c_data;
    wire [1:0]   c_user;                   // {is_h, is_j0}
    reg          a_valid;
    reg  [127:0] a_data;
    reg  [SW-1:0] a_slot;
    reg  [1:0]   a_user;
    reg          key_start;

    tonic_aes_core #(.UNROLL(UNROLL), .SPLIT(SPLIT), .SLOTS_LOG2(SW), .DECRYPT(0), .USER_W(2)) u_aes (
        .clk(clk), .rst(rst),
        .key_start(key_start), .key_slot(s_key_slot), .key(s_key_data), .key_len(s_key_len),
        .key_busy(key_busy),
        .s_valid(a_valid), .s_ready(core_ready), .s_data(a_data), .s_slot(a_slot), .s_dec(1'b0),
        .s_user(a_user),
        .m_valid(c_valid), .m_data(c_data), .m_user(c_user));

    // ---- front: key loads and counter blocks ----------------------------------------------------
    localparam [2:0] F_RUN = 3'd0, F_KEXP = 3'd1, F_KWAIT = 3'd2, F_KH = 3'd3, F_KOUT = 3'd4,
                     F_KSQ = 3'd5, F_KSQW = 3'd6;
    reg [2:0]    fstate_reg;
    reg          cur_reg;                  // a command is issuing counter blocks
    reg [95:0]   nonce_reg;
    reg [31:0]   ctr_reg;
    reg [12:0]   rem_reg;                  // blocks still to issue (J0 included)
    reg [SW-1:0] slot_reg, kslot_reg;
    reg [KS_LOG2:0] ks_out_reg;            // keystream blocks issued and not yet consumed
    reg [EJ_LOG2:0] ej_out_reg;
    reg          j0_reg;                   // the next block to issue is J0 (ctr_reg == 1)
    // room for one more block in the keystream / E(J0) FIFO: registers, computed without this
    // cycle's pops (which only free room), so no counter compare sits in front of the AES input
    reg          ks_room_reg, ej_room_reg;
    reg [127:0]  h_mem [0:SLOTS-1];
    reg [127:0]  h2_mem [0:SLOTS-1];
    wire         kfin_go, sq_valid;        // the finalizer took / finished the key job (below)
    wire [127:0] sq;

    wire info_ready, info_valid;
    wire ks_pop, ej0_pop;
    wire credit  = j0_reg ? ej_room_reg : ks_room_reg;
    wire issue   = fstate_reg == F_RUN && cur_reg && credit && core_ready;
    wire last_issue = issue && rem_reg == 13'd1;
    assign s_cmd_ready = fstate_reg == F_RUN && (!cur_reg || last_issue) && info_ready && !s_key_valid;
    wire cmd_take = s_cmd_valid && s_cmd_ready;
    // a key is loaded only when the engine is idle: no counter block in flight or waiting to be
    // used, no packet queued (a packet in the data stage has its H latched already)
    wire idle = !cur_reg && !info_valid && ks_out_reg == 0 && ej_out_reg == 0;
    assign s_key_ready = fstate_reg == F_RUN && idle && !key_busy;
    wire key_take = s_key_valid && s_key_ready;
    wire kh_issue = fstate_reg == F_KH && core_ready;

    always @* begin
        a_valid = issue || kh_issue;
        a_data  = kh_issue ? 128'd0 : {nonce_reg, ctr_reg};
        a_slot  = kh_issue ? kslot_reg : slot_reg;
        a_user  = kh_issue ? 2'b10 : {1'b0, j0_reg};
        key_start = key_take;
    end

    // number of payload blocks
    wire [12:0] nblk = s_cmd_mode[1] ? 13'd0 : s_cmd_len[15:4] + {12'd0, s_cmd_len[3:0] != 4'd0};

    always @(posedge clk) begin
        if (cmd_take) begin
            nonce_reg <= s_cmd_nonce;
            slot_reg <= s_cmd_slot;
        end
        if (key_take) kslot_reg <= s_key_slot;
        if (c_valid && c_user[1]) begin
            h_mem[kslot_reg] <= rev128(c_data);
        end
        if (sq_valid) h2_mem[kslot_reg] <= sq;
    end

    always @(posedge clk) begin
        if (rst) begin
            fstate_reg <= F_RUN;
            cur_reg <= 1'b0;
            ctr_reg <= 32'd1;
            j0_reg <= 1'b1;
            rem_reg <= 13'd0;
            ks_out_reg <= 0;
            ej_out_reg <= 0;
            ks_room_reg <= 1'b1;
            ej_room_reg <= 1'b1;
        end else begin
            case (fstate_reg)
                F_RUN:   if (key_take) fstate_reg <= F_KEXP;
                F_KEXP:  fstate_reg <= F_KWAIT;              // key_busy rises this cycle
                F_KWAIT: if (!key_busy) fstate_reg <= F_KH;
                F_KH:    if (core_ready) fstate_reg <= F_KOUT;
                F_KOUT:  if (c_valid && c_user[1]) fstate_reg <= F_KSQ;
                F_KSQ:   if (kfin_go) fstate_reg <= F_KSQW;  // the final squares H
                default: if (sq_valid) fstate_reg <= F_RUN;
            endcase
            if (issue) begin
                ctr_reg <= ctr_reg + 32'd1;
                j0_reg <= 1'b0;
                rem_reg <= rem_reg - 13'd1;
                if (last_issue) cur_reg <= 1'b0;
            end
            if (cmd_take) begin
                cur_reg <= 1'b1;
                ctr_reg <= 32'd1;
                j0_reg <= 1'b1;
                rem_reg <= nblk + 13'd1;
            end
            ks_out_reg <= ks_out_reg + {{KS_LOG2{1'b0}}, issue && !j0_reg} - {{KS_LOG2{1'b0}}, ks_pop};
            ej_out_reg <= ej_out_reg + {{EJ_LOG2{1'b0}}, issue && j0_reg} - {{EJ_LOG2{1'b0}}, ej0_pop};
            ks_room_reg <= issue && !j0_reg ? ks_out_reg < (1 << KS_LOG2) - 1 : ks_out_reg < (1 << KS_LOG2);
            ej_room_reg <= issue && j0_reg ? ej_out_reg < (1 << EJ_LOG2) - 1 : ej_out_reg < (1 << EJ_LOG2);
        end
    end

    // ---- FIFOs ------------------------------------------------------------------------------------
    wire              info_pop;
    wire [INFO_W-1:0] info_q;
    wire [INFO_LOG2:0] info_count;
    tonic_fifo #(.WIDTH(INFO_W), .DEPTH_LOG2(INFO_LOG2)) u_info (
        .clk(clk), .rst(rst),
        .s_data({s_cmd_mode, s_cmd_aad_len, s_cmd_len, s_cmd_icv_len, s_cmd_tag, s_cmd_slot}),
        .s_valid(cmd_take), .s_ready(info_ready),
        .m_data(info_q), .m_valid(info_valid), .m_ready(info_pop), .count(info_count));
    wire [1:0]   i_mode = info_q[INFO_W-1 -: 2];
    wire [15:0]  i_aad  = info_q[INFO_W-3 -: 16];
    wire [15:0]  i_len  = info_q[INFO_W-19 -: 16];
    wire [4:0]   i_icv  = info_q[INFO_W-35 -: 5];
    wire [127:0] i_tag  = info_q[SW +: 128];
    wire [SW-1:0] i_slot = info_q[SW-1:0];

    wire         ks_valid, ks_in_ready;
    wire [127:0] ks_data;
    wire [KS_LOG2:0] ks_count;
    tonic_fifo #(.WIDTH(128), .DEPTH_LOG2(KS_LOG2)) u_ks (
        .clk(clk), .rst(rst), .s_data(c_data), .s_valid(c_valid && c_user == 2'b00), .s_ready(ks_in_ready),
        .m_data(ks_data), .m_valid(ks_valid), .m_ready(ks_pop), .count(ks_count));

    wire         ej0_valid, ej0_in_ready;
    wire [127:0] ej0_data;
    wire [EJ_LOG2:0] ej0_count;
    tonic_fifo #(.WIDTH(128), .DEPTH_LOG2(EJ_LOG2)) u_ej0 (
        .clk(clk), .rst(rst), .s_data(c_data), .s_valid(c_valid && c_user == 2'b01), .s_ready(ej0_in_ready),
        .m_data(ej0_data), .m_valid(ej0_valid), .m_ready(ej0_pop), .count(ej0_count));

    // ---- data stage and finalizer ---------------------------------------------------------------------
    wire         out_ready, out_valid, out_last;
    wire [63:0]  out_data;
    wire [7:0]   out_keep;
    wire         fin_ready, fin_valid, fin_verify, fin_err;
    wire [127:0] fin_za, fin_zb, fin_h, fin_h2, fin_tag;
    wire [15:0]  fin_aad_len, fin_len;
    wire [4:0]   fin_icv;

    tonic_gcm_data u_data (
        .clk(clk), .rst(rst),
        .info_valid(info_valid), .info_pop(info_pop), .info_mode(i_mode), .info_aad_len(i_aad),
        .info_len(i_len), .info_icv(i_icv), .info_tag(i_tag), .info_h(h_mem[i_slot]), .info_h2(h2_mem[i_slot]),
        .s_axis_tdata(s_axis_tdata), .s_axis_tvalid(s_axis_tvalid), .s_axis_tready(s_axis_tready),
        .s_axis_tlast(s_axis_tlast),
        .ks_valid(ks_valid), .ks_data(ks_data), .ks_pop(ks_pop),
        .out_ready(out_ready), .out_valid(out_valid), .out_data(out_data), .out_keep(out_keep),
        .out_last(out_last),
        .fin_ready(fin_ready), .fin_valid(fin_valid), .fin_za(fin_za), .fin_zb(fin_zb), .fin_h(fin_h),
        .fin_h2(fin_h2),
        .fin_aad_len(fin_aad_len), .fin_len(fin_len), .fin_verify(fin_verify), .fin_icv(fin_icv),
        .fin_tag(fin_tag), .fin_err(fin_err));

    wire [1:0] out_count;
    tonic_fifo #(.WIDTH(73), .DEPTH_LOG2(1)) u_out (
        .clk(clk), .rst(rst), .s_data({out_last, out_keep, out_data}), .s_valid(out_valid),
        .s_ready(out_ready), .m_data({m_axis_tlast, m_axis_tkeep, m_axis_tdata}), .m_valid(m_axis_tvalid),
        .m_ready(m_axis_tready), .count(out_count));

    // the finalizer takes packets from the data stage and, during a key load (the engine is idle
    // then), one key job that squares the new slot's H: Z_b = 1, no lengths, and Z_a taken as 0
    // (in_key), so its Y is H * H (its H^2 input is not used)
    wire         kfin = fstate_reg == F_KSQ;
    wire [127:0] hk = h_mem[kslot_reg];
    assign       kfin_go = kfin && fin_ready;
    reg          kz_reg;                   // the key job's Z values are due this cycle
    wire         res_ready, res_valid, res_ok, res_err;
    wire [127:0] res_tag;
    always @(posedge clk) begin
        if (rst) kz_reg <= 1'b0;
        else kz_reg <= kfin_go;
    end
    tonic_gcm_final u_final (
        .clk(clk), .rst(rst),
        .in_valid(fin_valid || kfin), .in_ready(fin_ready), .in_h(kfin ? hk : fin_h),
        .in_h2(fin_h2), .in_aad_len(kfin ? 16'd0 : fin_aad_len),
        .in_len(kfin ? 16'd0 : fin_len), .in_verify(fin_verify && !kfin), .in_icv(fin_icv),
        .in_tag(fin_tag), .in_err(fin_err && !kfin), .in_key(kfin),
        .in_za(fin_za), .in_zb(kz_reg ? 128'd1 : fin_zb),
        .ej0_valid(ej0_valid), .ej0_data(ej0_data), .ej0_pop(ej0_pop),
        .res_ready(res_ready), .res_valid(res_valid), .res_tag(res_tag), .res_ok(res_ok), .res_err(res_err),
        .sq_valid(sq_valid), .sq(sq));

    wire [1:0] res_count;
    tonic_fifo #(.WIDTH(130), .DEPTH_LOG2(1)) u_res (
        .clk(clk), .rst(rst), .s_data({res_err, res_ok, res_tag}), .s_valid(res_valid), .s_ready(res_ready),
        .m_data({m_res_err, m_res_ok, m_res_tag}), .m_valid(m_res_valid), .m_ready(m_res_ready),
        .count(res_count));

    wire unused = &{1'b0, s_axis_tkeep, info_count, ks_in_ready, ks_count, ej0_in_ready, ej0_count,
                    out_count, res_count};
endmodule

`default_nettype wire
