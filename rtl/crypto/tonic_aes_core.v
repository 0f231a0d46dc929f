// SPDX-License-Identifier: MIT
// tonic_aes_core — AES-128/192/256 block cipher with key slots and a parameter for unrolling.
//
// Datapath: a ring of UNROLL round units (tonic_aes_round), one register stage each. A block enters
// at stage 0 (after the initial AddRoundKey), moves one stage per cycle and goes round the ring
// P = ceil(14 / UNROLL) times, whatever the key length; a stage whose round number is above Nr passes
// the block through unchanged (`bypass`). So every block takes exactly P * UNROLL + 1 cycles and
// blocks leave in the order they entered, whatever key slot or direction each one uses, and the core
// accepts one block every P cycles on average:
//   UNROLL = 14: P = 1, one block per cycle (16 bytes/cycle)
//   UNROLL =  7: P = 2, one block every 2 cycles (8 bytes/cycle: the 64-bit line rate)
//   UNROLL =  1: P = 14, iterative, one round unit (1.14 bytes/cycle)
// `s_ready` is low only in cycles where a block coming round the ring needs stage 0.
// There is no back-pressure at the output: a user that cannot always take m_valid must count
// credits (tonic_aes and tonic_gcm do).
//
// Keys: SLOTS = 2^SLOTS_LOG2 key slots. `key_start` loads a raw key into slot `key_slot`; the
// expander (tonic_aes_keyexp) makes the round keys in hardware and writes each one into the memory
// of the stage that uses it (stage (r-1) mod UNROLL, pass (r-1) / UNROLL, round key 0 into the
// input-whitening memory); with DECRYPT = 1 it writes the equivalent-inverse-cipher schedule as well
// (one cycle later, so each memory has one write port). `key_busy` is high for 45..61 cycles.
// Blocks for other slots may flow meanwhile; blocks for the slot being loaded must not be in flight.
// Memories: one per stage, 2^(SLOTS_LOG2 + PW + DECRYPT) x 128 bits, written by the expander and read
// one cycle ahead of the stage (a registered read, so LUT RAM or block RAM both fit).
//
// Byte order: blocks and keys are FIPS-197 byte strings, byte 0 in the most significant bits.
`default_nettype none

module tonic_aes_core #(
    parameter UNROLL     = 1,   // round units in the ring, 1..14 (tonic_gcm uses 7 for line rate)
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

    // blocks out, P * UNROLL + 1 cycles later, in order
    output reg                   m_valid,
    output reg  [127:0]          m_data,
    output reg  [USER_W-1:0]     m_user
);
    localparam U   = UNROLL;
    localparam PM  = (14 + U - 1) / U;                // passes round the ring
    localparam PW  = PM > 1 ? $clog2(PM) : 1;         // pass counter width
    localparam SW  = SLOTS_LOG2;
    localparam DW  = DECRYPT != 0 ? 1 : 0;
    localparam AW  = SW + PW + DW;                    // round-key memory address width
    localparam SLOTS = 1 << SW;

`ifndef SYNTHESIS
    initial begin
        if (U < 1 || U > 14) begin $error("tonic_aes_core: UNROLL must be 1..14"); $finish; end
        if (SW < 1 || SW > 6) begin $error("tonic_aes_core: SLOTS_LOG2 must be 1..6"); $finish; end
        if (USER_W < 1) begin $error("tonic_aes_core: USER_W must be >= 1"); $finish; end
    end
`endif

    // ---- round number -> (stage, pass): a constant table, counted out without division --------
    localparam [3:0] U4 = U[3:0];
    function [3:0] stage_of(input [3:0] r);      // r = 1..14
        reg [3:0] j, st;
        begin
            stage_of = 4'd0;
            st = 4'd0;
            for (j = 4'd1; j <= 4'd14; j = j + 4'd1) begin
                if (r == j) stage_of = st;
                st = (st == U4 - 4'd1) ? 4'd0 : st + 4'd1;
            end
        end
    endfunction
    function [PW-1:0] pass_of(input [3:0] r);
        reg [3:0] j, st;
        reg [PW-1:0] ps;
        begin
            pass_of = {PW{1'b0}};
            st = 4'd0;
            ps = {PW{1'b0}};
            for (j = 4'd1; j <= 4'd14; j = j + 4'd1) begin
                if (r == j) pass_of = ps;
                if (st == U4 - 4'd1) begin
                    st = 4'd0;
                    ps = ps + 1'b1;
                end else begin
                    st = st + 4'd1;
                end
            end
        end
    endfunction

    // ---- key schedule --------------------------------------------------------------------------
    wire         kx_we;
    wire [3:0]   kx_idx;
    wire [127:0] kx_rk, kx_imc;
    reg  [SW-1:0] kslot_reg;
    reg  [3:0]   knr_reg;
    reg  [3:0]   nr_slot [0:SLOTS-1];

    tonic_aes_keyexp #(.DECRYPT(DECRYPT)) u_kx (
        .clk(clk), .rst(rst), .start(key_start && !key_busy), .key(key), .klen(key_len), .busy(key_busy_x),
        .rk_we(kx_we), .rk_idx(kx_idx), .rk(kx_rk), .rk_imc(kx_imc));
    wire key_busy_x;

    // second write cycle for the decryption schedule
    reg         kd_we_reg;
    reg [3:0]   kd_idx_reg;
    reg [127:0] kd_rk_reg;
    reg         kbusy_tail_reg;
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
        if (rst) begin
            kd_we_reg <= 1'b0;
            kbusy_tail_reg <= 1'b0;
        end else begin
            kd_we_reg <= kx_we && DECRYPT != 0;
            kbusy_tail_reg <= kd_we_reg;
        end
    end

    // the one write port of every memory: encryption key this cycle, decryption key the next
    wire         w_en  = kx_we || kd_we_reg;
    wire         w_dec = !kx_we;
    wire [3:0]   w_idx = kx_we ? kx_idx : kd_idx_reg;
    wire [127:0] w_dat = kx_we ? kx_rk : kd_rk_reg;
    wire [3:0]    w_stage = stage_of(w_idx);
    wire [PW-1:0] w_pass  = pass_of(w_idx);

    // input whitening keys (round key 0 / decryption round key 0 = w[Nr])
    reg [127:0] k0_mem [0:(1 << (SW + DW)) - 1];
    wire [SW+DW-1:0] k0_waddr, k0_raddr;
    always @(posedge clk) begin
        if (w_en && w_idx == 4'd0) k0_mem[k0_waddr] <= w_dat;
    end

    // ---- the ring --------------------------------------------------------------------------------
    reg  [U-1:0]        v;
    reg  [U*128-1:0]    st;
    reg  [U*5-1:0]      rnd;      // round this stage applies (1-based)
    reg  [U*PW-1:0]     pas;
    reg  [U*SW-1:0]     slt;
    reg  [U-1:0]        dcy;
    reg  [U*4-1:0]      nrs;
    reg  [U*USER_W-1:0] usr;
    wire [U*128-1:0]    q;        // stage outputs
    wire [U*128-1:0]    rk;       // stage round keys (registered reads)
    wire [U*AW-1:0]     raddr;    // read address of the block entering each stage

    genvar s;
    generate
        for (s = 0; s < U; s = s + 1) begin : g_stage
            wire [4:0] r = rnd[5*s +: 5];
            wire [4:0] n = {1'b0, nrs[4*s +: 4]};
            tonic_aes_round #(.DECRYPT(DECRYPT)) u_round (
                .a(st[128*s +: 128]), .rk(rk[128*s +: 128]), .dec(dcy[s]),
                .last(r == n), .bypass(r > n), .q(q[128*s +: 128]));

            localparam [3:0] S4 = s;
            reg [127:0] mem [0:(1 << AW) - 1];
            reg [127:0] rk_q;
            always @(posedge clk) begin
            if (w_en && w_idx != 4'd0 && w_stage == S4) mem[w_addr] <= w_dat;
                rk_q <= mem[raddr[AW*s +: AW]];
            end
            assign rk[128*s +: 128] = rk_q;
        end
    endgenerate

    // the block leaving the last stage goes round again until it has made all P passes, whatever
    // its key length: leaving after Nr rounds would let an AES-128 block overtake an AES-256 one
    localparam integer PL = PM - 1;
    localparam [PW-1:0] PLAST = PL[PW-1:0];
    wire [4:0] r_last = rnd[5*(U-1) +: 5];
    wire       recirc = v[U-1] && (pas[PW*(U-1) +: PW] != PLAST);
    assign s_ready = !recirc;
    wire       take = s_valid && !recirc;

    // fields of the block entering stage 0
    wire [PW-1:0] p0 = recirc ? pas[PW*(U-1) +: PW] + 1'b1 : {PW{1'b0}};
    wire [SW-1:0] sl0 = recirc ? slt[SW*(U-1) +: SW] : s_slot;
    wire          d0 = DW != 0 && (recirc ? dcy[U-1] : s_dec);

    // memory addresses {slot, pass, direction}; the direction bit only exists with DECRYPT
    wire [AW-1:0] w_addr;
    genvar a;
    generate
        if (DW != 0) begin : g_adec
            assign w_addr = {kslot_reg, w_pass, w_dec};
            assign k0_waddr = {kslot_reg, w_dec};
            assign k0_raddr = {s_slot, s_dec};
            assign raddr[0 +: AW] = {sl0, p0, d0};
            for (a = 1; a < U; a = a + 1) begin : g_ra
                assign raddr[AW*a +: AW] = {slt[SW*(a-1) +: SW], pas[PW*(a-1) +: PW], dcy[a-1]};
            end
        end else begin : g_aenc
            assign w_addr = {kslot_reg, w_pass};
            assign k0_waddr = kslot_reg;
            assign k0_raddr = s_slot;
            assign raddr[0 +: AW] = {sl0, p0};
            for (a = 1; a < U; a = a + 1) begin : g_ra
                assign raddr[AW*a +: AW] = {slt[SW*(a-1) +: SW], pas[PW*(a-1) +: PW]};
            end
            wire unused_dec = &{1'b0, w_dec, d0, s_dec, dcy};
        end
    endgenerate

    integer i;
    always @(posedge clk) begin
        // stage 0: a new block (whitened) or the block coming round
        if (recirc) begin
            st[0 +: 128] <= q[128*(U-1) +: 128];
            rnd[0 +: 5] <= r_last + 5'd1;
            nrs[0 +: 4] <= nrs[4*(U-1) +: 4];
            usr[0 +: USER_W] <= usr[USER_W*(U-1) +: USER_W];
        end else begin
            st[0 +: 128] <= s_data ^ k0_mem[k0_raddr];
            rnd[0 +: 5] <= 5'd1;
            nrs[0 +: 4] <= nr_slot[s_slot];
            usr[0 +: USER_W] <= s_user;
        end
        pas[0 +: PW] <= p0;
        slt[0 +: SW] <= sl0;
        dcy[0] <= d0;
        for (i = 1; i < U; i = i + 1) begin
            st[128*i +: 128] <= q[128*(i-1) +: 128];
            rnd[5*i +: 5] <= rnd[5*(i-1) +: 5] + 5'd1;
            nrs[4*i +: 4] <= nrs[4*(i-1) +: 4];
            usr[USER_W*i +: USER_W] <= usr[USER_W*(i-1) +: USER_W];
            pas[PW*i +: PW] <= pas[PW*(i-1) +: PW];
            slt[SW*i +: SW] <= slt[SW*(i-1) +: SW];
            dcy[i] <= dcy[i-1];
        end
        m_data <= q[128*(U-1) +: 128];
        m_user <= usr[USER_W*(U-1) +: USER_W];
    end

    always @(posedge clk) begin
        if (rst) begin
            v <= {U{1'b0}};
            m_valid <= 1'b0;
        end else begin
            v[0] <= recirc || take;
            for (i = 1; i < U; i = i + 1) v[i] <= v[i-1];
            m_valid <= v[U-1] && !recirc;
        end
    end

    wire unused = kbusy_tail_reg;
endmodule

`default_nettype wire
