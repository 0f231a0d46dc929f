// SPDX-License-Identifier: MIT
// tonic_tx_align — packs TX read data into a frame stream, one beat per cycle.
//
// Read bursts come back as 8-byte-aligned beats; a buffer may start and end at any byte. Guided
// by the plan entries of tonic_tx_data, this block drops the bytes before and after each buffer
// and shifts the rest down (stage T, trim), then appends them to a 16-byte accumulator and emits
// an 8-byte beat as soon as more than 8 bytes are held (stage P, pack). Two stages, so the
// byte-count arithmetic of a beat and the accumulator shift are in different cycles. Holding
// back up to 8 bytes means the frame's last beat is always known when it leaves (tlast), at the
// cost of at most one extra cycle per frame when the tail needs two beats.
//
//   beat from memory:  | x x x A B C D E |   off = 3: A..E belong to the frame
//   accumulator:       | p q r s . . . . |   4 bytes held
//   after append:      | p q r s A B C D | E  -> emit "pqrsABCD", keep "E"
//
// At the end of a frame it writes the completion entry {q, idx, ndesc, bytes, status}; a frame
// whose status is not OK (or whose data read failed) leaves with tuser = 1 on its last beat so
// the store-and-forward FIFO behind drops it.
`default_nettype none
`include "tonic_regs.vh"

module tonic_tx_align #(
    parameter QW = 2,            // queue index width
    parameter BUF_LOG2 = 9       // read-data buffer depth (beats), log2
) (
    input  wire                  clk,
    input  wire                  rst,

    // read data (ID of TX data), always accepted: room was reserved by tonic_tx_data
    input  wire [63:0]           s_rdata,
    input  wire [1:0]            s_rresp,
    input  wire                  s_rvalid,
    output wire                  s_rready,
    output wire                  beat_consumed,

    input  wire [PLAN_W-1:0]     s_plan_data,
    input  wire                  s_plan_valid,
    output wire                  s_plan_ready,

    output reg  [63:0]           m_axis_tdata,
    output reg  [7:0]            m_axis_tkeep,
    output reg                   m_axis_tvalid,
    input  wire                  m_axis_tready,
    output reg                   m_axis_tlast,
    output reg                   m_axis_tuser,
    output reg  [127:0]          m_axis_tol,      // TXD words 3..6 of the frame, with every beat

    // completion: {q, idx[11:0], ndesc[7:0], bytes[15:0], status[2:0]}
    output wire [CPL_W-1:0]      m_cpl_data,
    output wire                  m_cpl_valid,
    input  wire                  m_cpl_ready,

    output wire                  stat_err_desc,   // frame completed with a descriptor error
    output wire                  stat_err_dma,    // frame completed with a DMA error
    output reg                   dma_err,         // a read beat came back with an error ...
    output reg  [63:0]           dma_err_addr     // ... in the burst that starts here (registered)
);
    localparam PLAN_W = 128 + 1 + 3 + 9 + 6 + 1 + 3 + QW + 12 + 8 + 16 + 64;   // {ol, ...}
    localparam CPL_W = QW + 12 + 8 + 16 + 3;

    // ---------------------------------------------------------------- read-data buffer
    wire [65:0] rd_out;
    wire        rd_valid;
    wire        rd_take;
    wire        rd_s_ready;
    wire [BUF_LOG2+1:0] rd_count_unused;

    tonic_bram_fifo #(.WIDTH(66), .DEPTH_LOG2(BUF_LOG2)) u_rdbuf (
        .clk(clk), .rst(rst),
        .s_data({s_rresp, s_rdata}), .s_valid(s_rvalid), .s_ready(rd_s_ready),
        .m_data(rd_out), .m_valid(rd_valid), .m_ready(rd_take),
        .count(rd_count_unused)
    );
    assign s_rready = 1'b1;
    assign beat_consumed = rd_take;

    // ---------------------------------------------------------------- plan entry at the head
    localparam    PT = PLAN_W - 128;     // top of the fields below the offload words
    wire [127:0]  p_ol       = s_plan_data[PLAN_W-1 -: 128];
    wire          p_has_data = s_plan_data[PT-1];
    wire [2:0]    p_off      = s_plan_data[PT-2 -: 3];
    wire [8:0]    p_nbytes   = s_plan_data[PT-5 -: 9];
    wire [5:0]    p_beats    = s_plan_data[PT-14 -: 6];
    wire          p_eof      = s_plan_data[PT-20];
    wire [2:0]    p_status   = s_plan_data[PT-21 -: 3];
    wire [QW+12+8+16-1:0] p_tag = s_plan_data[64 +: QW+12+8+16];   // {q, idx, ndesc, fbytes}
    wire [63:0]   p_addr     = s_plan_data[63:0];

    // ---------------------------------------------------------------- stage T: trim
    // Takes one beat (or a frame end without data) per cycle and keeps only the burst's bytes,
    // shifted down to byte 0: t_data holds t_cnt bytes (0..8), zeros above.
    reg [5:0]   beat_reg;        // beat index inside the current burst
    reg [8:0]   left_reg;        // burst bytes still to take (valid after the first beat)
    reg         dma_err_reg;     // a data beat of this frame came back with an error
    reg         t_valid;
    reg [63:0]  t_data;
    reg [3:0]   t_cnt;
    reg         t_eof;           // the frame ends with this piece
    reg         t_bad;           // ... and is to be dropped
    reg [CPL_W-1:0] t_cpl;       // ... with this completion entry
    reg [127:0] t_ol;            // the frame's offload words
    wire        p_fire;          // stage P takes the piece in t_*
    wire        t_free = !t_valid || p_fire;

    wire        first_beat = beat_reg == 6'd0;
    wire [2:0]  lo = first_beat ? p_off : 3'd0;
    wire [8:0]  left = first_beat ? p_nbytes : left_reg;
    wire [3:0]  room = 4'd8 - {1'b0, lo};
    wire [3:0]  take = (left < {5'd0, room}) ? left[3:0] : room;
    wire [63:0] shifted = rd_out[63:0] >> {lo, 3'b000};
    reg  [63:0] take_mask;
    integer     b;
    always @* begin
        for (b = 0; b < 8; b = b + 1) take_mask[b*8 +: 8] = {8{4'(b) < take}};
    end
    wire        last_beat = beat_reg == p_beats - 6'd1;
    wire        beat_err = rd_out[65];

    wire        frame_bad = (p_status != 3'd0) || dma_err_reg || (p_has_data && rd_valid && beat_err);
    wire [2:0]  cpl_status = (p_status != 3'd0) ? p_status :
                             frame_bad ? 3'(`TONIC_TX_ST_DMA_ERR) : 3'd0;

    wire do_beat = t_free && s_plan_valid && p_has_data && rd_valid;
    wire do_nodata = t_free && s_plan_valid && !p_has_data;   // ends a frame that failed

    assign rd_take = do_beat;
    assign s_plan_ready = (do_beat && last_beat) || do_nodata;

    always @(posedge clk) begin
        dma_err <= do_beat && beat_err;
        dma_err_addr <= p_addr;
        if (p_fire) t_valid <= 1'b0;
        if (do_beat || do_nodata) begin
            t_valid <= 1'b1;
            t_data <= do_beat ? (shifted & take_mask) : 64'd0;
            t_cnt <= do_beat ? take : 4'd0;
            t_eof <= !p_has_data || (last_beat && p_eof);
            t_bad <= frame_bad;
            t_cpl <= {p_tag, cpl_status};
            t_ol <= p_ol;
        end
        if (do_beat) begin
            beat_reg <= last_beat ? 6'd0 : beat_reg + 6'd1;
            left_reg <= left - {5'd0, take};
            if (beat_err) dma_err_reg <= 1'b1;
        end
        if ((do_beat && last_beat && p_eof) || do_nodata) dma_err_reg <= 1'b0;
        if (rst) begin
            dma_err <= 1'b0;
            t_valid <= 1'b0;
            beat_reg <= 6'd0;
            dma_err_reg <= 1'b0;
        end
    end

    // ---------------------------------------------------------------- stage P: pack
    // Appends the piece to the accumulator (at most 8 bytes held between pieces) and emits a
    // beat when more than 8 bytes are held; at a frame end, the tail in one or two beats.
    reg [127:0] acc_reg;
    reg [3:0]   acc_cnt_reg;     // bytes held (0..8)
    reg         flush_reg;       // second tail beat pending
    reg [4:0]   flush_cnt_reg;

    wire out_free = !m_axis_tvalid || m_axis_tready;
    wire [127:0] appended = acc_reg | ({64'd0, t_data} << {acc_cnt_reg, 3'b000});
    wire [4:0]  new_cnt = {1'b0, acc_cnt_reg} + {1'b0, t_cnt};

    assign p_fire = t_valid && !flush_reg && out_free && (!t_eof || m_cpl_ready);
    wire frame_end = p_fire && t_eof;
    assign m_cpl_valid = frame_end;
    assign m_cpl_data = t_cpl;
    wire [2:0] t_status = t_cpl[2:0];
    assign stat_err_dma = frame_end && t_status == 3'(`TONIC_TX_ST_DMA_ERR);
    assign stat_err_desc = frame_end && t_status != 3'd0 && t_status != 3'(`TONIC_TX_ST_DMA_ERR);

    localparam KEEP_W = 8;
    localparam KC_W = 4;
    `include "axis_keep.vh"

    always @(posedge clk) begin
        if (m_axis_tvalid && m_axis_tready) m_axis_tvalid <= 1'b0;

        if (flush_reg && out_free) begin
            // second beat of a frame tail
            m_axis_tdata <= acc_reg[63:0];
            m_axis_tkeep <= keep_mask(flush_cnt_reg);
            m_axis_tlast <= 1'b1;
            m_axis_tvalid <= 1'b1;
            flush_reg <= 1'b0;
            acc_reg <= 128'd0;
            acc_cnt_reg <= 4'd0;
        end

        if (p_fire) begin
            m_axis_tol <= t_ol;
            if (t_eof) begin
                // frame tail: nothing (a failed frame with no bytes out), one beat, or two
                m_axis_tdata <= appended[63:0];
                m_axis_tuser <= t_bad;
                m_axis_tvalid <= new_cnt != 5'd0;
                if (new_cnt > 5'd8) begin
                    m_axis_tkeep <= 8'hFF;
                    m_axis_tlast <= 1'b0;
                    acc_reg <= appended >> 64;
                    flush_reg <= 1'b1;
                    flush_cnt_reg <= new_cnt - 5'd8;
                end else begin
                    m_axis_tkeep <= keep_mask(new_cnt);
                    m_axis_tlast <= 1'b1;
                    acc_reg <= 128'd0;
                    acc_cnt_reg <= 4'd0;
                end
            end else if (new_cnt > 5'd8) begin
                m_axis_tdata <= appended[63:0];
                m_axis_tkeep <= 8'hFF;
                m_axis_tlast <= 1'b0;
                m_axis_tuser <= 1'b0;
                m_axis_tvalid <= 1'b1;
                acc_reg <= appended >> 64;
                acc_cnt_reg <= 4'(new_cnt - 5'd8);
            end else begin
                acc_reg <= appended;
                acc_cnt_reg <= 4'(new_cnt);
            end
        end

        if (rst) begin
            m_axis_tvalid <= 1'b0;
            acc_reg <= 128'd0;
            acc_cnt_reg <= 4'd0;
            flush_reg <= 1'b0;
        end
    end

    wire unused_ok = &{1'b0, rd_out[64], rd_s_ready, rd_count_unused};
endmodule

`default_nettype wire
