// SPDX-License-Identifier: MIT
// tonic_hmac_sha256 — SHA-256 and HMAC-SHA-256 engine (RFC 2104, RFC 4868) with per-key states.
//
// One compression core (tonic_sha256_core) behind the stream padder (tonic_sha256_pad), SLOTS key
// slots, a per-packet command channel and a result channel. The ESP/AH engine uses it for
// HMAC-SHA-256-128 (16-byte ICV); hash mode gives plain SHA-256, which the firmware also uses to
// pre-hash keys longer than 64 bytes (RFC 2104: K' = SHA-256(K), then load K').
//
// Key load (s_key_*): a raw key of 0..64 bytes; bytes at and after s_key_len are ignored (taken
// as zero). The engine computes the inner state ISTATE = f(IV, K ^ ipad) and the outer state
// OSTATE = f(IV, K ^ opad) with its own core (two compressions, between packets) and stores only
// those; nothing reads them back. s_key_valid must hold slot, key and length stable until
// s_key_ready (AXI rule), which comes when the second compression starts, so the key is never
// copied into the engine. key_done pulses when the slot is written; key_err with it says the load
// was refused (length > 64 or slot >= SLOTS) and nothing changed. Keys longer than 64 bytes are
// refused: the firmware hashes them first.
//
// Packet (s_cmd_* then the message on s_axis_*): mode 0 = SHA-256 of the message, 1 = HMAC
// generate, 2 = HMAC verify against s_cmd_icv. Per packet only the message blocks and one outer
// block are compressed. A zero-length message reads no beat.
//
// Result (m_res_*), one per command, in order:
//   m_res_icv     hash: the 32-byte digest; generate: the first icv_len bytes of the HMAC, the
//                 rest zero (16 for RFC 4868's HMAC-SHA-256-128); verify or any error: all zero
//                 (a verifier never learns the correct ICV). Byte i in [8*i +: 8], digest order.
//   m_res_ok      hash/generate: no error; verify: no error and the first icv_len bytes equal
//                 s_cmd_icv's. The comparison is one cycle of XOR/OR over all 32 bytes with a
//                 mask: the same time whatever the bytes.
//   m_res_err_len the stream's length differed from s_cmd_len (or a beat before tlast was short)
//   m_res_err_key HMAC with a slot out of range or never loaded
//   m_res_err_cmd mode 3, or an HMAC icv_len outside 1..32
//
// Timing with ROUNDS = R (C = 64/R + 2 cycles per compression): a packet of L bytes takes
// ceil((L + 9) / 64) compressions (HMAC: plus one outer), C cycles each, plus 3 cycles
// (HMAC 4) of start and hand-over; the next packet's first block is assembled meanwhile.
// Nothing key- or data-dependent changes the cycle count.
`default_nettype none

module tonic_hmac_sha256 #(
    parameter SLOTS  = 4,              // key slots (inner + outer state each)
    parameter ROUNDS = 2,              // SHA-256 rounds per clock: 1, 2 or 4
    parameter SLOT_W = SLOTS > 1 ? $clog2(SLOTS) : 1
) (
    input  wire              clk,
    input  wire              rst,
    // key load
    input  wire [SLOT_W-1:0] s_key_slot,
    input  wire [511:0]      s_key_data,    // key byte i in [8*i +: 8]
    input  wire [6:0]        s_key_len,     // bytes, 0..64
    input  wire              s_key_valid,
    output wire              s_key_ready,
    output reg               key_done,      // pulse: the load taken earlier finished (or was refused)
    output reg               key_err,       // with key_done: refused, slot unchanged
    // packet commands
    input  wire [1:0]        s_cmd_mode,    // 0 hash, 1 HMAC generate, 2 HMAC verify
    input  wire [SLOT_W-1:0] s_cmd_slot,
    input  wire [31:0]       s_cmd_len,     // message bytes on s_axis
    input  wire [5:0]        s_cmd_icv_len, // HMAC: ICV bytes, 1..32
    input  wire [255:0]      s_cmd_icv,     // verify: expected ICV, byte i in [8*i +: 8]
    input  wire              s_cmd_valid,
    output wire              s_cmd_ready,
    // message
    input  wire [63:0]       s_axis_tdata,
    input  wire [7:0]        s_axis_tkeep,
    input  wire              s_axis_tvalid,
    output wire              s_axis_tready,
    input  wire              s_axis_tlast,
    // results
    output reg  [255:0]      m_res_icv,
    output reg               m_res_ok,
    output reg               m_res_err_len,
    output reg               m_res_err_key,
    output reg               m_res_err_cmd,
    output reg               m_res_valid,
    input  wire              m_res_ready
);
    localparam [255:0] IV = {32'h5be0cd19, 32'h1f83d9ab, 32'h9b05688c, 32'h510e527f,
                             32'ha54ff53a, 32'h3c6ef372, 32'hbb67ae85, 32'h6a09e667};  // H0 in [31:0]
    localparam [1:0] M_HASH = 2'd0, M_GEN = 2'd1, M_VERIFY = 2'd2;
    localparam USER_W = 2 + SLOT_W + 6 + 256;

    localparam [2:0] S_IDLE = 3'd0,   // between packets: key loads, or a packet's first block
                     S_KEY_I = 3'd1,  // K ^ ipad compressing
                     S_KEY_O = 3'd2,  // K ^ opad compressing
                     S_BODY = 3'd3,   // message blocks
                     S_TAIL = 3'd4,   // the last message block compressing
                     S_OUTER = 3'd5,  // HMAC outer block compressing
                     S_RES = 3'd6;    // digest ready, result channel busy

    // ---- padder ----
    wire [511:0]      blk_data;
    wire              blk_first, blk_last, blk_len_err, blk_valid;
    wire [USER_W-1:0] blk_user;
    reg               blk_ready;

    tonic_sha256_pad #(.USER_W(USER_W)) u_pad (
        .clk(clk), .rst(rst),
        .s_cmd_len(s_cmd_len), .s_cmd_prefix(s_cmd_mode != M_HASH),
        .s_cmd_user({s_cmd_mode, s_cmd_slot, s_cmd_icv_len, s_cmd_icv}),
        .s_cmd_valid(s_cmd_valid), .s_cmd_ready(s_cmd_ready),
        .s_axis_tdata(s_axis_tdata), .s_axis_tkeep(s_axis_tkeep), .s_axis_tvalid(s_axis_tvalid),
        .s_axis_tready(s_axis_tready), .s_axis_tlast(s_axis_tlast),
        .m_blk_data(blk_data), .m_blk_first(blk_first), .m_blk_last(blk_last),
        .m_blk_len_err(blk_len_err), .m_blk_user(blk_user), .m_blk_valid(blk_valid),
        .m_blk_ready(blk_ready)
    );

    // ---- compression core ----
    reg          core_start, core_init;
    reg  [255:0] core_state;
    reg  [511:0] core_block;
    wire         core_ready, core_done;
    wire [255:0] core_digest;

    tonic_sha256_core #(.ROUNDS(ROUNDS)) u_core (
        .clk(clk), .rst(rst), .start(core_start), .init(core_init), .state_in(core_state),
        .block(core_block), .ready(core_ready), .done(core_done), .digest(core_digest)
    );

    // ---- key slots: inner and outer chaining states, write-only from outside ----
    reg [255:0]     istate_mem [0:SLOTS-1];
    reg [255:0]     ostate_mem [0:SLOTS-1];
    reg [SLOTS-1:0] loaded_reg;

    // ---- packet state (latched with the first block) ----
    reg [2:0]        state_reg;
    reg [1:0]        mode_reg;
    reg [SLOT_W-1:0] slot_reg;
    reg [5:0]        icv_len_reg;
    reg [255:0]      icv_reg;
    reg              err_len_reg;
    reg [SLOT_W-1:0] key_slot_reg;

    wire [1:0]        u_mode    = blk_user[USER_W-1 -: 2];
    wire [SLOT_W-1:0] u_slot    = blk_user[256+6 +: SLOT_W];
    wire              u_slot_ok = {{(32-SLOT_W){1'b0}}, u_slot} < SLOTS;
    wire              slot_ok   = {{(32-SLOT_W){1'b0}}, slot_reg} < SLOTS;
    wire              hmac      = mode_reg == M_GEN || mode_reg == M_VERIFY;

    // digest bytes in stream order: byte 4j+k = H_j[31-8k -: 8]
    reg [255:0] dig;
    integer j;
    always @* begin
        for (j = 0; j < 8; j = j + 1)
            dig[32*j +: 32] = {core_digest[32*j +: 8], core_digest[32*j+8 +: 8],
                               core_digest[32*j+16 +: 8], core_digest[32*j+24 +: 8]};
    end

    // key blocks: bytes past the length are zero, then XOR with ipad/opad
    reg [511:0] key_masked;
    always @* begin
        for (j = 0; j < 64; j = j + 1)
            key_masked[8*j +: 8] = 7'(j) < s_key_len ? s_key_data[8*j +: 8] : 8'h00;
    end
    wire key_bad   = s_key_len > 7'd64 || {{(32-SLOT_W){1'b0}}, s_key_slot} >= SLOTS;
    wire res_free  = !m_res_valid || m_res_ready;

    // result of the packet from the core's digest; the comparison sees all 32 bytes at once
    reg [255:0] icv_mask;
    always @* begin
        for (j = 0; j < 32; j = j + 1)
            icv_mask[8*j +: 8] = (!hmac || 6'(j) < icv_len_reg) ? 8'hff : 8'h00;
    end
    wire err_key = hmac && (!slot_ok || !loaded_reg[slot_reg]);
    wire err_cmd = mode_reg == 2'd3 || (hmac && (icv_len_reg == 6'd0 || icv_len_reg > 6'd32));
    wire any_err = err_len_reg || err_key || err_cmd;
    wire match   = ~|((dig ^ icv_reg) & icv_mask);

    // ---- sequencer ----
    reg         key_take, res_load;
    reg [2:0]   state_next;
    always @* begin
        state_next = state_reg;
        core_start = 1'b0;
        core_init  = 1'b1;
        core_state = IV;
        core_block = blk_data;
        blk_ready  = 1'b0;
        key_take   = 1'b0;
        res_load   = 1'b0;
        case (state_reg)
            S_IDLE: begin
                if (s_key_valid) begin
                    if (key_bad) begin
                        key_take = 1'b1;              // refused at once
                    end else begin
                        core_start = 1'b1;            // core is idle here
                        core_block = key_masked ^ {64{8'h36}};
                        state_next = S_KEY_I;
                    end
                end else if (blk_valid) begin
                    blk_ready  = 1'b1;
                    core_start = 1'b1;
                    core_state = u_mode == M_HASH ? IV : istate_mem[u_slot_ok ? u_slot : {SLOT_W{1'b0}}];
                    state_next = blk_last ? S_TAIL : S_BODY;
                end
            end
            S_KEY_I: if (core_done) begin
                key_take   = 1'b1;                    // key data is read for the last time now
                core_start = 1'b1;
                core_block = key_masked ^ {64{8'h5c}};
                state_next = S_KEY_O;
            end
            S_KEY_O: if (core_done) state_next = S_IDLE;
            S_BODY: if (blk_valid && core_ready) begin
                blk_ready  = 1'b1;
                core_start = 1'b1;
                core_init  = 1'b0;
                state_next = blk_last ? S_TAIL : S_BODY;
            end
            S_TAIL: if (core_done) begin
                if (hmac) begin
                    // outer block: inner digest, 0x80, zeros, length 64 + 32 bytes = 768 bits
                    core_start = 1'b1;
                    core_state = ostate_mem[slot_ok ? slot_reg : {SLOT_W{1'b0}}];
                    core_block = {8'h00, 8'h03, 232'd0, 8'h80, dig};
                    state_next = S_OUTER;
                end else if (res_free) begin
                    res_load   = 1'b1;
                    state_next = S_IDLE;
                end else begin
                    state_next = S_RES;
                end
            end
            S_OUTER: if (core_done) begin
                if (res_free) begin
                    res_load   = 1'b1;
                    state_next = S_IDLE;
                end else begin
                    state_next = S_RES;
                end
            end
            S_RES: if (res_free) begin
                res_load   = 1'b1;
                state_next = S_IDLE;
            end
            default: state_next = S_IDLE;
        endcase
    end

    assign s_key_ready = key_take;

    // datapath
    always @(posedge clk) begin
        if (state_reg == S_IDLE && !s_key_valid && blk_valid) begin
            mode_reg    <= u_mode;
            slot_reg    <= u_slot;
            icv_len_reg <= blk_user[256 +: 6];
            icv_reg     <= blk_user[255:0];
        end
        if (blk_valid && blk_ready) err_len_reg <= blk_len_err;
        if (state_reg == S_IDLE && s_key_valid) key_slot_reg <= s_key_slot;
        if (state_reg == S_KEY_I && core_done) istate_mem[key_slot_reg] <= core_digest;
        if (state_reg == S_KEY_O && core_done) ostate_mem[key_slot_reg] <= core_digest;
        if (res_load) begin
            m_res_icv     <= (any_err || mode_reg == M_VERIFY) ? 256'd0 : dig & icv_mask;
            m_res_ok      <= !any_err && (mode_reg != M_VERIFY || match);
            m_res_err_len <= err_len_reg;
            m_res_err_key <= err_key;
            m_res_err_cmd <= err_cmd;
        end
    end

    // control
    always @(posedge clk) begin
        if (rst) begin
            state_reg   <= S_IDLE;
            loaded_reg  <= {SLOTS{1'b0}};
            key_done    <= 1'b0;
            key_err     <= 1'b0;
            m_res_valid <= 1'b0;
        end else begin
            state_reg <= state_next;
            key_done  <= 1'b0;
            key_err   <= 1'b0;
            if (state_reg == S_IDLE && s_key_valid && key_bad) begin
                key_done <= 1'b1;
                key_err  <= 1'b1;
            end
            if (state_reg == S_KEY_I && core_done) loaded_reg[key_slot_reg] <= 1'b0;
            if (state_reg == S_KEY_O && core_done) begin
                loaded_reg[key_slot_reg] <= 1'b1;
                key_done <= 1'b1;
            end
            if (m_res_valid && m_res_ready) m_res_valid <= 1'b0;
            if (res_load) m_res_valid <= 1'b1;
        end
    end

`ifndef SYNTHESIS
    initial begin
        if (SLOTS < 1 || SLOTS > 256) begin
            $error("tonic_hmac_sha256: SLOTS (%0d) must be 1..256", SLOTS);
            $finish;
        end
    end

    // the padder marks the first block of each message: it must arrive between packets
    always @(posedge clk) begin
        if (!rst && blk_valid && blk_ready && blk_first != (state_reg == S_IDLE))
            $error("tonic_hmac_sha256: block with first=%0d taken in state %0d", blk_first, state_reg);
    end
`endif
endmodule

`default_nettype wire
