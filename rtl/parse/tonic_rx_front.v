// SPDX-License-Identifier: MIT
// tonic_rx_front — the receive FIFO with the parser beside its input.
//
//   MAC ──┬──────────────▶ axis_pkt_fifo (store and forward) ──▶ m_axis, m_len
//         └─▶ tonic_parser ─▶ record ─┐
//             FIFO decision per frame ─┴▶ keep the records of stored frames ──▶ m_meta
//
// Every frame the FIFO sees also goes to the parser, which gives one record per frame. The FIFO
// stores or drops each frame (bad FCS, no room) and says so once per frame, in order; the
// records of dropped frames are discarded, so m_meta carries exactly one record per frame that
// leaves on m_axis, in the same order. A record is ready a few cycles after its frame's last
// beat, which is before the FIFO can offer that frame (it offers it 3 cycles after the last
// beat at the earliest), except for frames whose walk is long; the consumer waits for both.
//
// The MAC cannot be stalled. If the parser has no free header slot when a frame starts (only
// possible for a burst of frames shorter than the MAC's minimum), the whole frame is dropped
// before the FIFO and counted (stat_drop_parse); nothing else is disturbed.
`default_nettype none
`include "tonic_regs.vh"

module tonic_rx_front #(
    parameter DEPTH = 2048,          // FIFO beats
    parameter MAX_FRAME = 9216,
    parameter META_LOG2 = 8          // records held for stored frames (the FIFO holds 256 frames)
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire [63:0]           s_axis_tdata,
    input  wire [7:0]            s_axis_tkeep,
    input  wire                  s_axis_tvalid,
    input  wire                  s_axis_tlast,
    input  wire                  s_axis_tuser,      // on the last beat: bad frame, drop

    output wire [63:0]           m_axis_tdata,
    output wire [7:0]            m_axis_tkeep,
    output wire                  m_axis_tvalid,
    input  wire                  m_axis_tready,
    output wire                  m_axis_tlast,
    output wire [15:0]           m_len,
    output wire                  m_len_valid,
    input  wire                  m_len_ready,
    output wire [PM_W-1:0]       m_meta,
    output wire                  m_meta_valid,
    input  wire                  m_meta_ready,

    output wire                  stat_drop_full,    // pulse: FIFO had no room
    output reg                   stat_drop_parse    // pulse: parser had no slot
);
    localparam PM_W = `TONIC_PMETA_SIZE * 8;

    // ---------------------------------------------------------------- frame admission
    reg  in_frame, skip;
    wire parser_ready;
    wire sof = s_axis_tvalid && !in_frame;
    wire take = s_axis_tvalid && !(sof ? !parser_ready : skip);
    always @(posedge clk) begin
        stat_drop_parse <= 1'b0;
        if (s_axis_tvalid) begin
            in_frame <= !s_axis_tlast;
            if (sof) begin
                skip <= !parser_ready;
                stat_drop_parse <= !parser_ready;
            end
        end
        if (rst) begin
            in_frame <= 1'b0;
            skip <= 1'b0;
            stat_drop_parse <= 1'b0;
        end
    end

    // ---------------------------------------------------------------- FIFO and parser
    wire drop_bad, stored;
    wire [$clog2(256)+1:0] frames_unused;
    wire [$clog2(DEPTH):0] free_unused;
    wire fifo_ready_unused;
    axis_pkt_fifo #(.DATA_W(64), .DEPTH(DEPTH), .MAX_FRAME(MAX_FRAME)) u_fifo (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_axis_tdata), .s_axis_tkeep(s_axis_tkeep), .s_axis_tvalid(take),
        .s_axis_tready(fifo_ready_unused), .s_axis_tlast(s_axis_tlast), .s_axis_tuser(s_axis_tuser),
        .m_axis_tdata(m_axis_tdata), .m_axis_tkeep(m_axis_tkeep), .m_axis_tvalid(m_axis_tvalid),
        .m_axis_tready(m_axis_tready), .m_axis_tlast(m_axis_tlast),
        .m_len(m_len), .m_len_valid(m_len_valid), .m_len_ready(m_len_ready),
        .frames_ready(frames_unused), .free_beats(free_unused),
        .drop_full(stat_drop_full), .drop_bad(drop_bad), .stored(stored)
    );

    wire [PM_W-1:0] rec;
    wire            rec_valid, rec_ready;
    tonic_parser u_parser (
        .clk(clk), .rst(rst),
        .s_tdata(s_axis_tdata), .s_tkeep(s_axis_tkeep), .s_tvalid(take), .s_tlast(s_axis_tlast),
        .s_tready(parser_ready),
        .m_meta(rec), .m_valid(rec_valid), .m_ready(rec_ready)
    );

    // ---------------------------------------------------------------- decisions, in frame order
    wire       dec, dec_valid, dec_ready;
    wire       dec_room_unused;
    wire [5:0] dec_count_unused;
    tonic_fifo #(.WIDTH(1), .DEPTH_LOG2(4)) u_dec (
        .clk(clk), .rst(rst),
        .s_data(stored), .s_valid(stored || stat_drop_full || drop_bad), .s_ready(dec_room_unused),
        .m_data(dec), .m_valid(dec_valid), .m_ready(dec_ready),
        .count(dec_count_unused[4:0])
    );
    assign dec_count_unused[5] = 1'b0;

    // a record leaves with its decision: into the output FIFO if stored, else nowhere
    wire out_room;
    wire go = rec_valid && dec_valid && (!dec || out_room);
    assign rec_ready = go;
    assign dec_ready = go;

    wire [META_LOG2+1:0] out_count_unused;
    tonic_bram_fifo #(.WIDTH(PM_W), .DEPTH_LOG2(META_LOG2)) u_meta (
        .clk(clk), .rst(rst),
        .s_data(rec), .s_valid(go && dec), .s_ready(out_room),
        .m_data(m_meta), .m_valid(m_meta_valid), .m_ready(m_meta_ready),
        .count(out_count_unused)
    );

    wire unused_ok = &{1'b0, frames_unused, free_unused, fifo_ready_unused, dec_room_unused,
                       dec_count_unused, out_count_unused};
endmodule

`default_nettype wire
