// SPDX-License-Identifier: MIT
//
// axis_pkt_fifo -- store-and-forward frame FIFO in block RAM, with a per-frame length peek.
//
// A frame becomes visible at the output only once its last beat has been written, so the
// consumer never waits in the middle of a frame and bad frames can still be dropped:
//   - tuser = 1 on an input frame's last beat drops the frame (the write pointer rolls back to
//     the last committed frame) and pulses drop_bad once;
//   - a frame that does not fit (data RAM full in mid-frame, longer than MAX_FRAME, or length
//     FIFO full at its end) is dropped and pulses drop_full once; its remaining beats are
//     accepted and discarded. If a frame is already being dropped for space, its tuser is moot.
// s_axis_tready is always 1: the FIFO never stalls its input (eth_mac_rx cannot wait). A writer
// that must not lose frames (TX) either starts a frame only when free_beats covers it, or sends
// a beat only while free_beats != 0 (then nothing is dropped for space, provided a MAX_FRAME
// frame fits in DEPTH beats, or the writer would wait forever). tuser on beats other than the
// last is ignored. All input beats but the last must be full. Every input frame ends in exactly
// one pulse of stored, drop_full or drop_bad, in frame order, so per-frame side information can
// follow the FIFO's decisions.
//
// The output has full back-pressure support and sustains one beat per cycle across beats and
// frames: the block RAM's registered read (stage 1) and the output register (stage 2) form a
// prefetch pipeline that keeps reading while either stage drains. Frame lengths in bytes leave
// on their own valid/ready channel (m_len, m_len_valid, m_len_ready), one per stored frame, in
// order, from a length FIFO with the same two-stage structure: a frame's length is offered no
// later than its first data beat (once the lengths before it were taken) and held until taken.
// With m_len_ready = m_axis_tvalid && m_axis_tready && m_axis_tlast it is a peek of the head
// frame's length: valid whenever its beats are offered, stable until its last beat is taken.
// Taken at other times it is an independent metadata stream; lengths not yet taken occupy the
// length FIFO, and when it is full further frames drop as not fitting. Only good frames come
// out, so there is no m_axis_tuser.
//
// RAM word: {tlast, byte count of the beat modulo KEEP_W, tdata}; at 64 bits that is 68 bits,
// which Yosys maps to 8 ECP5 DP16KD at DEPTH 2048 (the same as for bare data). Latency: the
// first beat of a frame is offered 3 cycles after the cycle its last beat was written (if the
// output was empty).
`default_nettype none

module axis_pkt_fifo #(
    parameter DATA_W    = 64,    // stream width in bits: 8 * a power of two, 8..512
    parameter DEPTH     = 2048,  // data RAM depth in beats, a power of two >= 2
    parameter MAX_FRAME = 9216,  // longer frames (bytes) are dropped as not fitting; <= 65535
    parameter LEN_DEPTH = 256    // length FIFO entries (frames stored), a power of two >= 2
) (
    input  wire                       clk,
    input  wire                       rst,

    input  wire [DATA_W-1:0]          s_axis_tdata,
    input  wire [DATA_W/8-1:0]        s_axis_tkeep,
    input  wire                       s_axis_tvalid,
    output wire                       s_axis_tready,   // always 1
    input  wire                       s_axis_tlast,
    input  wire                       s_axis_tuser,    // on the last beat: drop this frame

    output wire [DATA_W-1:0]          m_axis_tdata,
    output wire [DATA_W/8-1:0]        m_axis_tkeep,
    output wire                       m_axis_tvalid,
    input  wire                       m_axis_tready,
    output wire                       m_axis_tlast,

    output wire [15:0]                m_len,           // bytes of the next stored frame
    output wire                       m_len_valid,     // a stored frame's length is offered
    input  wire                       m_len_ready,     // take it (independent of the data)
    output wire [$clog2(LEN_DEPTH)+1:0] frames_ready,  // complete frames not yet fully read
    output wire [$clog2(DEPTH):0]     free_beats,      // beats a new frame may use now
    output wire                       drop_full,       // pulse: a frame did not fit
    output wire                       drop_bad,        // pulse: a frame ended with tuser = 1
    output wire                       stored           // pulse: a frame was stored
);

    localparam KEEP_W = DATA_W / 8;
    localparam KCW    = KEEP_W > 1 ? $clog2(KEEP_W) : 1;   // byte count modulo KEEP_W
    localparam KC_W   = $clog2(KEEP_W + 1);                // byte count 0..KEEP_W
    localparam AW     = $clog2(DEPTH);
    localparam LAW    = $clog2(LEN_DEPTH);
    localparam LC_W   = 17;                                // frame byte counter (> 65535 + 64)
    localparam RAM_W  = DATA_W + 1 + KCW;
    localparam [LC_W-1:0] MAX_C = MAX_FRAME[LC_W-1:0];

`ifndef SYNTHESIS
    initial begin
        if (DATA_W < 8 || DATA_W > 512 || DATA_W % 8 != 0 || (KEEP_W & (KEEP_W - 1)) != 0) begin
            $error("axis_pkt_fifo: DATA_W (%0d) must be 8 times a power of two, 8..512", DATA_W);
            $finish;
        end
        if (DEPTH < 2 || (DEPTH & (DEPTH - 1)) != 0) begin
            $error("axis_pkt_fifo: DEPTH (%0d) must be a power of two >= 2", DEPTH);
            $finish;
        end
        if (LEN_DEPTH < 2 || (LEN_DEPTH & (LEN_DEPTH - 1)) != 0) begin
            $error("axis_pkt_fifo: LEN_DEPTH (%0d) must be a power of two >= 2", LEN_DEPTH);
            $finish;
        end
        if (MAX_FRAME < 1 || MAX_FRAME > 65535) begin
            $error("axis_pkt_fifo: MAX_FRAME (%0d) must be in 1..65535", MAX_FRAME);
            $finish;
        end
    end
`endif

    `include "axis_keep.vh"

    // tkeep of a stored beat: count 0 means all bytes
    function [KEEP_W-1:0] keep_decode(input [KCW-1:0] c);
        integer j;
        begin
            for (j = 0; j < KEEP_W; j = j + 1)
                keep_decode[j] = c == {KCW{1'b0}} || j < c;
        end
    endfunction

    assign s_axis_tready = 1'b1;

    // ---- storage -----------------------------------------------------------------------------
    reg [RAM_W-1:0] mem [0:DEPTH-1];
    reg [RAM_W-1:0] mem_q;                  // registered read port = prefetch stage 1
    reg [15:0]      len_mem [0:LEN_DEPTH-1];
    reg [15:0]      len_q;

    // ---- write side --------------------------------------------------------------------------
    reg [AW:0]       wr_ptr_reg, wr_ptr_next;         // next beat to write
    reg [AW:0]       commit_ptr_reg, commit_ptr_next; // end of the last complete frame
    reg [LAW:0]      len_wr_ptr_reg;
    reg [LC_W-1:0]   len_cnt_reg, len_cnt_next;       // bytes of the frame being written
    reg              drop_reg, drop_next;             // discarding the rest of a frame
    reg              drop_full_reg, drop_full_next;
    reg              drop_bad_reg, drop_bad_next;
    reg              stored_reg;
    reg              wr_en;                           // write the beat, advance wr_ptr
    reg              commit;                          // ... and it ends a frame

    reg [AW:0]       rd_ptr_reg;                      // next beat to read from the RAM
    reg [LAW:0]      len_rd_ptr_reg;

    wire full      = wr_ptr_reg == {~rd_ptr_reg[AW], rd_ptr_reg[AW-1:0]};
    wire len_full  = len_wr_ptr_reg == {~len_rd_ptr_reg[LAW], len_rd_ptr_reg[LAW-1:0]};
    wire [KC_W-1:0] in_n = keep_count(s_axis_tkeep);
    wire [LC_W-1:0] frame_len = len_cnt_reg + {{(LC_W-KC_W){1'b0}}, in_n};
    wire            too_long  = frame_len > MAX_C;

    always @* begin
        wr_ptr_next     = wr_ptr_reg;
        commit_ptr_next = commit_ptr_reg;
        len_cnt_next    = len_cnt_reg;
        drop_next       = drop_reg;
        drop_full_next  = 1'b0;
        drop_bad_next   = 1'b0;
        wr_en           = 1'b0;
        commit          = 1'b0;
        if (s_axis_tvalid) begin
            if (drop_reg) begin
                drop_next = !s_axis_tlast;
            end else if (s_axis_tlast && s_axis_tuser) begin
                drop_bad_next = 1'b1;
                wr_ptr_next   = commit_ptr_reg;
                len_cnt_next  = {LC_W{1'b0}};
            end else if (full || too_long || (s_axis_tlast && len_full)) begin
                drop_full_next = 1'b1;
                drop_next      = !s_axis_tlast;
                wr_ptr_next    = commit_ptr_reg;
                len_cnt_next   = {LC_W{1'b0}};
            end else begin
                wr_en        = 1'b1;
                wr_ptr_next  = wr_ptr_reg + 1'b1;
                len_cnt_next = frame_len;
                if (s_axis_tlast) begin
                    commit          = 1'b1;
                    commit_ptr_next = wr_ptr_reg + 1'b1;
                    len_cnt_next    = {LC_W{1'b0}};
                end
            end
        end
    end

    always @(posedge clk) begin
        wr_ptr_reg     <= wr_ptr_next;
        commit_ptr_reg <= commit_ptr_next;
        len_cnt_reg    <= len_cnt_next;
        drop_reg       <= drop_next;
        drop_full_reg  <= drop_full_next;
        drop_bad_reg   <= drop_bad_next;
        stored_reg     <= commit;
        if (commit)
            len_wr_ptr_reg <= len_wr_ptr_reg + 1'b1;
        if (rst) begin
            wr_ptr_reg     <= {(AW+1){1'b0}};
            commit_ptr_reg <= {(AW+1){1'b0}};
            len_wr_ptr_reg <= {(LAW+1){1'b0}};
            len_cnt_reg    <= {LC_W{1'b0}};
            drop_reg       <= 1'b0;
            drop_full_reg  <= 1'b0;
            drop_bad_reg   <= 1'b0;
            stored_reg     <= 1'b0;
        end
    end

    always @(posedge clk) begin
        if (wr_en)
            mem[wr_ptr_reg[AW-1:0]] <= {s_axis_tlast, in_n[KCW-1:0], s_axis_tdata};
    end

    always @(posedge clk) begin
        if (commit)
            len_mem[len_wr_ptr_reg[LAW-1:0]] <= frame_len[15:0];
    end

    // ---- read side: data ---------------------------------------------------------------------
    reg              q_valid_reg;                   // mem_q holds a beat
    reg              m_axis_tvalid_reg;
    reg [DATA_W-1:0] m_axis_tdata_reg;
    reg [KEEP_W-1:0] m_axis_tkeep_reg;
    reg              m_axis_tlast_reg;

    wire out_take = m_axis_tvalid_reg && m_axis_tready;
    wire out_load = q_valid_reg && (!m_axis_tvalid_reg || m_axis_tready);
    wire rd_en    = rd_ptr_reg != commit_ptr_reg && (!q_valid_reg || out_load);

    always @(posedge clk) begin
        if (rd_en) begin
            mem_q      <= mem[rd_ptr_reg[AW-1:0]];
            rd_ptr_reg <= rd_ptr_reg + 1'b1;
        end
        if (rd_en)
            q_valid_reg <= 1'b1;
        else if (out_load)
            q_valid_reg <= 1'b0;
        if (out_load) begin
            m_axis_tvalid_reg <= 1'b1;
            m_axis_tdata_reg  <= mem_q[DATA_W-1:0];
            m_axis_tkeep_reg  <= mem_q[RAM_W-1] ? keep_decode(mem_q[DATA_W +: KCW]) : {KEEP_W{1'b1}};
            m_axis_tlast_reg  <= mem_q[RAM_W-1];
        end else if (out_take) begin
            m_axis_tvalid_reg <= 1'b0;
        end
        if (rst) begin
            rd_ptr_reg        <= {(AW+1){1'b0}};
            q_valid_reg       <= 1'b0;
            m_axis_tvalid_reg <= 1'b0;
        end
    end

    // ---- read side: lengths ------------------------------------------------------------------
    reg         lq_valid_reg;                      // len_q holds a length
    reg         m_len_valid_reg;
    reg [15:0]  m_len_reg;
    reg [LAW+1:0] frames_reg;

    wire len_pop  = m_len_valid_reg && m_len_ready; // the consumer took the length
    wire frame_out = out_take && m_axis_tlast_reg; // the head frame's last beat leaves
    wire len_load = lq_valid_reg && (!m_len_valid_reg || len_pop);
    wire len_rd   = len_rd_ptr_reg != len_wr_ptr_reg && (!lq_valid_reg || len_load);

    always @(posedge clk) begin
        if (len_rd) begin
            len_q          <= len_mem[len_rd_ptr_reg[LAW-1:0]];
            len_rd_ptr_reg <= len_rd_ptr_reg + 1'b1;
        end
        if (len_rd)
            lq_valid_reg <= 1'b1;
        else if (len_load)
            lq_valid_reg <= 1'b0;
        if (len_load) begin
            m_len_valid_reg <= 1'b1;
            m_len_reg       <= len_q;
        end else if (len_pop) begin
            m_len_valid_reg <= 1'b0;
        end
        if (commit && !frame_out)
            frames_reg <= frames_reg + 1'b1;
        else if (!commit && frame_out)
            frames_reg <= frames_reg - 1'b1;
        if (rst) begin
            len_rd_ptr_reg  <= {(LAW+1){1'b0}};
            lq_valid_reg    <= 1'b0;
            m_len_valid_reg <= 1'b0;
            frames_reg      <= {(LAW+2){1'b0}};
        end
    end

    assign m_axis_tdata  = m_axis_tdata_reg;
    assign m_axis_tkeep  = m_axis_tkeep_reg;
    assign m_axis_tvalid = m_axis_tvalid_reg;
    assign m_axis_tlast  = m_axis_tlast_reg;
    assign m_len         = m_len_reg;
    assign m_len_valid   = m_len_valid_reg;
    assign frames_ready  = frames_reg;
    assign free_beats    = len_full ? {(AW+1){1'b0}} : DEPTH[AW:0] - (wr_ptr_reg - rd_ptr_reg);
    assign drop_full     = drop_full_reg;
    assign drop_bad      = drop_bad_reg;
    assign stored        = stored_reg;

endmodule

`default_nettype wire
