// SPDX-License-Identifier: MIT
// tonic_aes_core — AES-128/192/256 block cipher with key slots, a parameter for unrolling and one for
// pipelining each round.
//
// Datapath: a ring of UNROLL round units (tonic_aes_round). With SPLIT = 0 a unit is one register
// stage (a whole round per cycle); with SPLIT = 1 it is two (S-boxes | column mix and round key),
// which shortens the cycle. The ring has N = UNROLL * (1 + SPLIT) register positions; every cycle
// each block moves one position on. A block makes 14 rounds whatever its key length: rounds past Nr
// pass it through unchanged (`bypass`). So every block takes the same time (14 * (1 + SPLIT) + 2
// cycles with the input register, nothing depends on the key) and blocks leave in the order they entered, whatever key slot
// or direction each one uses.
//
// A new block (whitened with round key 0 into an input register) enters at the start of any round
// unit whose previous position is empty or holds a block making its last round (the lowest such
// unit). A block holds one position for 14 * (1 + SPLIT)
// cycles and the ring has N positions, so the core takes UNROLL blocks every 14 cycles:
//   UNROLL = 14: one block per cycle (16 bytes/cycle)
//   UNROLL =  8: 8 blocks in 14 cycles (9.14 bytes/cycle: the 64-bit line rate with a block to spare
//                every 7: tonic_gcm's E(J0))
//   UNROLL =  7: one block every 2 cycles (8 bytes/cycle)
//   UNROLL =  1: iterative, one round unit (1.14 bytes/cycle)
// `s_ready` depends on registers only. There is no back-pressure at the output: a user that cannot
// always take m_valid must count credits (tonic_aes and tonic_gcm do).
//
// Keys: SLOTS = 2^SLOTS_LOG2 key slots. `key_start` loads a raw key into slot `key_slot`; the
// expander (tonic_aes_keyexp) makes the round keys in hardware and writes each one into every round
// unit's memory (any unit may make any round), round key 0 into the input-whitening memory; with
// DECRYPT = 1 it writes the equivalent-inverse-cipher schedule as well (one cycle later, so each
// memory has one write port). `key_busy` is high for 45..61 cycles. Blocks for other slots may flow
// meanwhile; blocks for the slot being loaded must not be in flight (tonic_gcm waits until it is
// idle before it loads a key).
// Memories: one per round unit, 2^(SLOTS_LOG2 + 4 + DECRYPT) x 128 bits {slot, round - 1, direction},
// read with a registered read as the block enters the unit (LUT RAM or block RAM; with SPLIT one
// more register, for a block RAM's clock-to-out).
//
// Byte order: blocks and keys are FIPS-197 byte strings, byte 0 in the most significant bits.
`default_nettype none

module tonic_aes_core #(
    parameter UNROLL     = 1,   // round units in the ring, 1..14 (tonic_gcm uses 8 for line rate)
    parameter SPLIT      = 0,   // 1: two pipeline stages per round (S-boxes | column mix + key)
    parameter SLOTS_LOG2 = 2,   // log2 of the number of key slots, 1..6
    parameter DECRYPT    = 1,   // 1: decryption as well as encryption
    parameter USER_W     = 1    // bits carried alongside each block, returned on m_user
) (
    input  wire              clk,
    input  wire              rst,

    // key load
    input  wire                  key_start,
    input  wire [SLOTS_LOG2-1:0] key_slot,
    input  wire [255:0]          key,        // left-aligned raw key
    input  wire [1:0]            key_len,    // 0: 128, 1: 192, 2: 256 bits
    output wire                  key_busy,

    // blocks in
    input  wire                  s_valid,
    output wire                  s_ready,
    input  wire [127:0]          s_data,
    input  wire [SLOTS_LOG2-1:0] s_slot,
    input  wire                  s_dec,      // 1: decrypt (DECRYPT = 1 only)
    input  wire [USER_W-1:0]     s_user,

    // blocks out, 14 * (1 + SPLIT) + 2 cycles later, in order
    output reg                   m_valid,
    output reg  [127:0]          m_data,
    output reg  [USER_W-1:0]     m_user
);
    localparam U   = UNROLL;
    localparam E   = SPLIT != 0 ? 2 : 1;              // register positions per round unit
    localparam N   = U * E;                           // positions in the ring
    localparam SW  = SLOTS_LOG2;
    localparam DW  = DECRYPT != 0 ? 1 : 0;
    localparam AW  = SW + 4 + DW;                     // round-key memory address width
    localparam SLOTS = 1 << SW;

`ifndef SYNTHESIS
    initial begin
        if (U < 1 || U > 14) begin $error("tonic_aes_core: UNROLL must be 1..14"); $finish; end
        if (SW < 1 || SW > 6) begin $error("tonic_aes_core: SLOTS_LOG2 must be 1..6"); $finish; end
        if (USER_W < 1) begin $error("tonic_aes_core: USER_W must be >= 1"); $finish; end
    end
`endif

    // ---- key schedule --------------------------------------------------------------------------
    wire         kx_we;
    wire [3:0]   kx_idx;
    wire [127:0] kx_rk, kx_imc;
    wire         key_busy_x;
    reg  [SW-1:0] kslot_reg;
    reg  [3:0]   knr_reg;
    reg  [3:0]   nr_slot [0:SLOTS-1];

    tonic_aes_keyexp #(.DECRYPT(DECRYPT)) u_kx (
        .clk(clk), .rst(rst), .start(key_start && !key_busy), .key(key), .klen(key_len), .busy(key_busy_x),
        .rk_we(kx_we), .rk_idx(kx_idx), .rk(kx_rk), .rk_imc(kx_imc));

    // second write cycle for the decryption schedule
    reg         kd_we_reg;
    reg [3:0]   kd_idx_reg;
    reg [127:0] kd_rk_reg;
    assign key_busy = key_busy_x || kx_we || kd_we_reg;

    always @(posedge clk) begin
        if (key_start && !key_busy) begin
            kslot_reg <= key_slot;
            knr_reg <= key_len == 2'd2 ? 4'd14 : key_len == 2'd1 ? 4'd12 : 4'd10;
            nr_slot[key_slot] <= key_len == 2'd2 ? 4'd14 : key_len == 2'd1 ? 4'd12 : 4'd10;
        end
        kd_idx_reg <= knr_reg - kx_idx;
        kd_rk_reg <= (kx_idx == 4'd0 || kx_idx == knr_reg) ? kx_rk : kx_imc;
    end
    always @(posedge clk) begin
        if (rst) kd_we_reg <= 1'b0;
        else kd_we_reg <= kx_we && DECRYPT != 0;
    end

    // the one write port of every memory: encryption key this cycle, decryption key the next
    wire         w_en  = kx_we || kd_we_reg;
    wire         w_dec = !kx_we;
    wire [3:0]   w_idx = kx_we ? kx_idx : kd_idx_reg;
    wire [127:0] w_dat = kx_we ? kx_rk : kd_rk_reg;
    wire [3:0]   w_r1  = w_idx - 4'd1;                // memory row of round w_idx (1..14)

    // input whitening keys (round key 0 / decryption round key 0 = w[Nr])
    reg [127:0] k0_mem [0:(1 << (SW + DW)) - 1];
    wire [SW+DW-1:0] k0_waddr, k0_raddr;
    always @(posedge clk) begin
        if (w_en && w_idx == 4'd0) k0_mem[k0_waddr] <= w_dat;
    end

    // ---- the ring ----------------------------------------------------------------------------------
    // position j belongs to unit j / E; with SPLIT, even positions hold a round's input and odd ones
    // its middle. rnd: the round (1..14) the block at that position is making.
    reg  [N-1:0]        v;
    reg  [N*128-1:0]    st;
    reg  [N*4-1:0]      rnd;
    reg  [N*4-1:0]      nrs;
    reg  [N-1:0]        lst;      // rnd == Nr: the final round (no column mix)
    reg  [N-1:0]        byp;      // rnd > Nr: no round left to make, pass through
    reg  [N-1:0]        r14;      // rnd == 14: the block leaves the ring at this round's end
    reg  [N*SW-1:0]     slt;
    reg  [N-1:0]        dcy;
    reg  [N*USER_W-1:0] usr;
    wire [N*128-1:0]    q;        // position outputs
    wire [U*128-1:0]    rk;       // unit round keys (registered reads)
    wire [U*AW-1:0]     raddr;    // read address of each unit's memory
    wire [N-1:0]        fin;      // the block at this position makes its 14th round now
    wire [U-1:0]        free;     // unit u may take a new block
    wire [U-1:0]        enter;    // the new block enters unit u (one-hot)

    // memory address {slot, round - 1, direction}; without DECRYPT the direction bit is dropped
    function [AW-1:0] addr_of(input [SW-1:0] sl, input [3:0] r1, input d);
        /* verilator lint_off UNUSEDSIGNAL */
        reg [SW+4:0] full;            // without DECRYPT, bit 0 (the direction) is not used
        /* verilator lint_on UNUSEDSIGNAL */
        begin
            full = {sl, r1, d};
            addr_of = full[SW+4 -: AW];
        end
    endfunction
    wire [AW-1:0] w_addr = addr_of(kslot_reg, w_r1, w_dec);
    // the whitening memory is addressed by {slot, direction}
    generate
        if (DW != 0) begin : g_k0dec
            assign k0_waddr = {kslot_reg, w_dec};
            assign k0_raddr = {s_slot, s_dec};
        end else begin : g_k0enc
            assign k0_waddr = kslot_reg;
            assign k0_raddr = s_slot;
        end
    endgenerate

    // free units and the one the new block enters (the lowest)
    genvar s;
    generate
        for (s = 0; s < U; s = s + 1) begin : g_free
            localparam integer PRED = (s * E + N - 1) % N;      // last position of unit s - 1
            assign free[s] = !v[PRED] || fin[PRED];
        end
    endgenerate
    // the input register: a new block waits here (whitened) until a unit is free, so the ring's
    // entry multiplexers are driven by registers only
    reg              in_v_reg, in_dec_reg;
    reg [127:0]      in_data_reg;
    reg [SW-1:0]     in_slot_reg;
    reg [3:0]        in_nr_reg;
    reg [USER_W-1:0] in_user_reg;
    assign s_ready = !in_v_reg || |free;
    wire take = s_valid && s_ready;
    assign enter = in_v_reg ? free & (~free + 1'b1) : {U{1'b0}};
    always @(posedge clk) begin
        if (take) begin
            in_data_reg <= s_data ^ k0_mem[k0_raddr];
            in_slot_reg <= s_slot;
            in_dec_reg <= DW != 0 && s_dec;
            in_nr_reg <= nr_slot[s_slot];
            in_user_reg <= s_user;
        end
    end
    always @(posedge clk) begin
        if (rst) in_v_reg <= 1'b0;
        else if (take) in_v_reg <= 1'b1;
        else if (|free) in_v_reg <= 1'b0;
    end

    generate
        for (s = 0; s < N; s = s + 1) begin : g_pos
            localparam integer UNIT  = s / E;
            localparam FIRST = (s % E) == 0;                       // a round's input
            localparam LAST  = (s % E) == E - 1;                   // a round's end
            localparam integer PRED  = (s + N - 1) % N;
            localparam integer PART  = E == 1 ? 0 : FIRST ? 1 : 2;
            tonic_aes_round #(.DECRYPT(DECRYPT), .PART(PART)) u_round (
                .a(st[128*s +: 128]), .rk(rk[128*UNIT +: 128]), .dec(dcy[s]),
                .last(lst[s]), .bypass(byp[s]), .q(q[128*s +: 128]));
            if (LAST) begin : g_fin
                assign fin[s] = v[s] && r14[s];
            end else begin : g_nfin
                assign fin[s] = 1'b0;
            end

            // A round's input position takes a new block, or the block from the previous unit going
            // on to its next round; with SPLIT the middle position takes the same block's first
            // half. The round flags are compared as a block enters a round's input position, a
            // cycle ahead, from the previous position's registers (a middle position copies them),
            // so no comparator sits in front of a round's multiplexers.
            wire take_new = FIRST && enter[UNIT];
            wire [3:0] r_next = rnd[4*PRED +: 4] + {3'd0, FIRST};
            wire [3:0] n_pred = nrs[4*PRED +: 4];
            always @(posedge clk) begin
                if (take_new) begin
                    st[128*s +: 128] <= in_data_reg;
                    rnd[4*s +: 4] <= 4'd1;
                    lst[s] <= 1'b0;                          // Nr >= 10
                    byp[s] <= 1'b0;
                    r14[s] <= 1'b0;
                    nrs[4*s +: 4] <= in_nr_reg;
                    slt[SW*s +: SW] <= in_slot_reg;
                    dcy[s] <= in_dec_reg;
                    usr[USER_W*s +: USER_W] <= in_user_reg;
                end else begin
                    st[128*s +: 128] <= q[128*PRED +: 128];
                    rnd[4*s +: 4] <= r_next;
                    lst[s] <= FIRST ? r_next == n_pred : lst[PRED];
                    byp[s] <= FIRST ? r_next > n_pred : byp[PRED];
                    r14[s] <= FIRST ? r_next == 4'd14 : r14[PRED];
                    nrs[4*s +: 4] <= n_pred;
                    slt[SW*s +: SW] <= slt[SW*PRED +: SW];
                    dcy[s] <= dcy[PRED];
                    usr[USER_W*s +: USER_W] <= usr[USER_W*PRED +: USER_W];
                end
            end
            // (fin is only ever set at a round's end, so a middle position simply follows)
            always @(posedge clk) begin
                if (rst) v[s] <= 1'b0;
                else v[s] <= take_new || (v[PRED] && !fin[PRED]);
            end
        end

        // round-key memories: unit u's key is used by its last position. The read is registered,
        // with the address of the block about to enter the unit (the new block or the one from the
        // previous unit); with SPLIT a second register follows, so a block RAM's slow clock-to-out
        // has a cycle of its own while the block makes the first half of the round
        for (s = 0; s < U; s = s + 1) begin : g_mem
            localparam integer PRED = (s * E + N - 1) % N;    // last position of unit s - 1
            assign raddr[AW*s +: AW] = enter[s] ? addr_of(in_slot_reg, 4'd0, in_dec_reg)
                                     : addr_of(slt[SW*PRED +: SW], rnd[4*PRED +: 4], dcy[PRED]);
            reg [127:0] mem [0:(1 << AW) - 1];
            reg [127:0] rk_q;
            always @(posedge clk) begin
                if (w_en && w_idx != 4'd0) mem[w_addr] <= w_dat;
                rk_q <= mem[raddr[AW*s +: AW]];
            end
            if (E == 2) begin : g_reg2
                reg [127:0] rk_q2;
                always @(posedge clk) rk_q2 <= rk_q;
                assign rk[128*s +: 128] = rk_q2;
            end else begin : g_reg1
                assign rk[128*s +: 128] = rk_q;
            end
        end
    endgenerate

    // ---- output: the block that made its 14th round (at most one a cycle) -------------------------
    reg [127:0]      o_data;
    reg [USER_W-1:0] o_user;
    integer i;
    always @* begin
        o_data = 128'd0;
        o_user = {USER_W{1'b0}};
        for (i = 0; i < N; i = i + 1) begin
            if (fin[i]) begin
                o_data = o_data | q[128*i +: 128];
                o_user = o_user | usr[USER_W*i +: USER_W];
            end
        end
    end
    always @(posedge clk) begin
        m_data <= o_data;
        m_user <= o_user;
    end
    always @(posedge clk) begin
        if (rst) m_valid <= 1'b0;
        else m_valid <= |fin;
    end
endmodule

`default_nettype wire
