// SPDX-License-Identifier: MIT
// tonic_aes — stand-alone AES block cipher (ECB on single blocks): tonic_aes_core with valid/ready
// on both sides and a key-load channel. The building block for AES-CBC later; AES-GCM uses
// tonic_aes_core directly (tonic_gcm).
//
//   s_key_*  load a raw key into a key slot (128, 192 or 256 bits, left-aligned in s_key_data);
//            s_key_ready is low while the expander works (45..61 cycles). Blocks that use the slot
//            being loaded must not be in flight; blocks of other slots may be.
//   s_blk_*  one 16-byte block per transfer, with its key slot and direction (s_blk_dec = 1:
//            decrypt; only with DECRYPT = 1)
//   m_blk_*  results, in order. A FIFO of OUT_DEPTH blocks holds them; s_blk_ready also counts
//            blocks in flight, so nothing is lost when m_blk_ready stays low.
// Byte order: FIPS-197 byte strings, byte 0 in the most significant bits.
// Throughput (m_blk_ready high): UNROLL blocks every 14 cycles; latency 14 * (1 + SPLIT) + 2 cycles
// from s_blk transfer to m_blk_valid, the same for every key size.
`default_nettype none

module tonic_aes #(
    parameter UNROLL        = 1,   // round units, 1..14 (7: one block every 2 cycles; 1: iterative)
    parameter SPLIT         = 0,   // 1: two pipeline stages per round (shorter cycle, same rate)
    parameter SLOTS_LOG2    = 2,   // log2 of the number of key slots
    parameter DECRYPT       = 1,   // 1: decryption as well as encryption
    parameter OUT_DEPTH_LOG2 = 5   // output FIFO depth (must cover latency x rate for full rate)
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire                  s_key_valid,
    output wire                  s_key_ready,
    input  wire [SLOTS_LOG2-1:0] s_key_slot,
    input  wire [255:0]          s_key_data,
    input  wire [1:0]            s_key_len,    // 0: 128, 1: 192, 2: 256 bits

    input  wire                  s_blk_valid,
    output wire                  s_blk_ready,
    input  wire [127:0]          s_blk_data,
    input  wire [SLOTS_LOG2-1:0] s_blk_slot,
    input  wire                  s_blk_dec,

    output wire                  m_blk_valid,
    input  wire                  m_blk_ready,
    output wire [127:0]          m_blk_data
);
    localparam D = OUT_DEPTH_LOG2;

    wire key_busy, core_ready, c_valid;
    wire [127:0] c_data;
    wire c_user;
    reg  [D:0] outstanding_reg;    // blocks in flight plus blocks in the FIFO
    reg        room_reg;           // a block may be taken: a register, computed without this
                                   // cycle's pop (which only frees room), so no FIFO logic and
                                   // adder sit in front of the core's input
    wire take = s_blk_valid && core_ready && room_reg;
    wire pop  = m_blk_valid && m_blk_ready;
    wire [D:0] outstanding_next = outstanding_reg + {{D{1'b0}}, take} - {{D{1'b0}}, pop};

    assign s_key_ready = !key_busy;
    assign s_blk_ready = core_ready && room_reg;

    tonic_aes_core #(.UNROLL(UNROLL), .SPLIT(SPLIT), .SLOTS_LOG2(SLOTS_LOG2), .DECRYPT(DECRYPT), .USER_W(1)) u_core (
        .clk(clk), .rst(rst),
        .key_start(s_key_valid), .key_slot(s_key_slot), .key(s_key_data), .key_len(s_key_len),
        .key_busy(key_busy),
        .s_valid(take), .s_ready(core_ready), .s_data(s_blk_data), .s_slot(s_blk_slot),
        .s_dec(s_blk_dec), .s_user(1'b0),
        .m_valid(c_valid), .m_data(c_data), .m_user(c_user));

    wire [D:0] fifo_count;
    wire fifo_ready;
    tonic_fifo #(.WIDTH(128), .DEPTH_LOG2(D)) u_out (
        .clk(clk), .rst(rst), .s_data(c_data), .s_valid(c_valid), .s_ready(fifo_ready),
        .m_data(m_blk_data), .m_valid(m_blk_valid), .m_ready(m_blk_ready), .count(fifo_count));

    always @(posedge clk) begin
        if (rst) begin
            outstanding_reg <= 0;
            room_reg <= 1'b1;
        end else begin
            outstanding_reg <= outstanding_next;
            room_reg <= take ? outstanding_reg < (1 << D) - 1 : outstanding_reg < (1 << D);
        end
    end

    wire unused = &{1'b0, c_user, fifo_ready, fifo_count};
endmodule

`default_nettype wire
