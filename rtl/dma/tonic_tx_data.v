// SPDX-License-Identifier: MIT
// tonic_tx_data — TX payload read scheduler.
//
// Takes descriptors from tonic_tx_desc, a whole frame from one queue at a time (round-robin
// between queues at frame boundaries), checks them (zero length, frame too long, too many
// buffers, descriptor read error) and splits each buffer into AXI read bursts that are 8-byte
// aligned, at most 256 bytes long and never cross a 256-byte boundary (hence never a 4 KiB one).
// A burst is issued only when the read-data buffer downstream has room for all of its beats
// (`reserved` counts beats issued but not yet consumed), so reads never stall the AXI bus and
// many are in flight to cover the host's latency.
//
// For every burst, and for every frame end, it pushes a plan entry telling tonic_tx_align which
// bytes of the returning beats belong to the frame:
//   {has_data, off[2:0], nbytes[8:0], beats[5:0], eof, status[2:0], q, idx[11:0], ndesc[7:0], fbytes[15:0],
//    addr[63:0]}   (addr: the burst's first beat, for error reports)
`default_nettype none
`include "tonic_regs.vh"

module tonic_tx_data #(
    parameter NQ = 4,                  // TX queues
    parameter QW = 2,                  // queue index width
    parameter AXI_ID_W = 4,            // AXI ID width
    parameter [AXI_ID_W-1:0] ID = 0,   // ARID for data reads
    parameter MAX_FRAME = 9216,        // longest frame in bytes
    parameter MAX_SG = 16,             // most descriptors in one frame
    parameter BUF_LOG2 = 9             // read-data buffer depth (beats), log2
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire [NQ-1:0]         s_head_valid,   // per queue: a descriptor is waiting
    output wire [QW-1:0]         sel_q,          // queue whose head s_desc_data shows
    input  wire [1+QW+12+256-1:0] s_desc_data,
    output wire                  s_desc_ready,   // pop the head of sel_q

    output wire [AXI_ID_W-1:0]   m_axi_arid,
    output reg  [63:0]           m_axi_araddr,
    output reg  [7:0]            m_axi_arlen,
    output reg                   m_axi_arvalid,
    input  wire                  m_axi_arready,

    input  wire                  beat_consumed,   // one beat left the read-data buffer

    output wire [PLAN_W-1:0]     m_plan_data,
    output wire                  m_plan_valid,
    input  wire                  m_plan_ready,

    output wire                  busy
);
    localparam PLAN_W = 128 + 1 + 3 + 9 + 6 + 1 + 3 + QW + 12 + 8 + 16 + 64;   // {ol, ...}
    localparam [BUF_LOG2:0] BUF_DEPTH = 1 << BUF_LOG2;

    // ---------------------------------------------------------------- descriptor register
    // The head descriptor is popped into a register before it is checked, so the queue choice
    // and the descriptor FIFOs' read side are not in the same cycle as the checks. It is popped
    // only into an empty register: one descriptor per two cycles at most.
    wire          h_err = s_desc_data[1+QW+12+256-1];
    wire [255:0]  h     = s_desc_data[255:0];
    wire          h_eop = h[`TONIC_TXD_EOP_LSB] | h_err;   // a failed fetch ends the frame
    reg           dr_valid;
    reg           d_err;
    reg  [QW-1:0] d_q;
    reg  [11:0]   d_idx;
    reg  [63:0]   d_addr;
    reg  [15:0]   d_len;
    reg           d_eop;
    reg  [127:0]  d_ol;             // TXD words 3..6 (offload requests)

    // ---------------------------------------------------------------- frame state
    reg          in_burst_reg;     // splitting the current descriptor into bursts
    reg  [63:0]  cur_reg;          // next byte to read
    reg  [16:0]  left_reg;         // bytes of the descriptor still to read
    reg  [2:0]   status_reg;       // frame status so far (sticky)
    reg  [7:0]   ndesc_reg;        // descriptors of the frame so far
    reg  [15:0]  fbytes_reg;       // frame bytes so far
    reg  [BUF_LOG2:0] reserved_reg;
    reg  [PLAN_W-1:0] plan_reg;
    reg          plan_push_reg;
    wire         plan_s_ready;
    wire [3:0]   plan_count_unused;

    // queue choice: stay on the frame's queue until its last descriptor has been popped
    reg  [QW-1:0] pop_q_reg;
    reg           pop_in_frame_reg;
    wire [QW-1:0] rr_q;
    wire          rr_valid;
    tonic_rr_pick #(.N(NQ), .W(QW)) u_rr (.clk(clk), .rst(rst), .req(s_head_valid), .pick(rr_q), .valid(rr_valid),
        .grant(s_desc_ready && !pop_in_frame_reg), .grant_idx(rr_q));
    assign sel_q = pop_in_frame_reg ? pop_q_reg : rr_q;
    assign s_desc_ready = !dr_valid && (pop_in_frame_reg ? s_head_valid[pop_q_reg] : rr_valid);

    // checks on the descriptor at the head, against the frame so far
    wire [7:0]   nd_next = ndesc_reg + 8'd1;
    wire [16:0]  fb_next = {1'b0, fbytes_reg} + {1'b0, d_len};
    wire [2:0]   d_status =
        (status_reg != 3'd0)          ? status_reg :
        d_err                         ? 3'(`TONIC_TX_ST_DMA_ERR) :
        (d_len == 16'd0)              ? 3'(`TONIC_TX_ST_ZERO_LEN) :
        ({24'd0, nd_next} > MAX_SG)   ? 3'(`TONIC_TX_ST_TOO_MANY) :
        ({15'd0, fb_next} > MAX_FRAME) ? 3'(`TONIC_TX_ST_TOO_LONG) : 3'd0;

    // The next burst of the current descriptor: up to the next 256-byte boundary (narrow
    // arithmetic: only the low address bits matter for the length). For timing, its length,
    // beat count and buffer-room check are registered one cycle after cur_reg/left_reg change;
    // `calc_ok_reg` says they are current. That cycle is free after a burst (the plan entry is
    // being pushed) and costs one cycle per descriptor.
    wire [8:0]   c_to_bound = 9'd256 - {1'b0, cur_reg[7:0]};
    wire [8:0]   c_nbytes = (left_reg < {8'd0, c_to_bound}) ? left_reg[8:0] : c_to_bound;
    wire [9:0]   c_span = {7'd0, cur_reg[2:0]} + {1'b0, c_nbytes} + 10'd7;
    reg  [8:0]   b_nbytes;
    reg  [5:0]   b_beats;
    reg          b_last;
    reg          b_room;           // the buffer has room for a burst
    reg          calc_ok_reg;
    wire [63:0]  b_end = cur_reg + {55'd0, b_nbytes};
    wire         b_issue = in_burst_reg && calc_ok_reg && !m_axi_arvalid && !plan_push_reg &&
                           plan_s_ready && b_room;

    // a descriptor that reads nothing: either it fails a check, or it is consumed at once
    wire         d_take_nodata = !in_burst_reg && dr_valid && !plan_push_reg && plan_s_ready &&
                                 d_status != 3'd0;
    wire         d_take_data   = !in_burst_reg && dr_valid && !plan_push_reg && d_status == 3'd0;
    assign m_axi_arid = ID;
    assign busy = dr_valid || in_burst_reg || m_plan_valid || ndesc_reg != 8'd0;

    tonic_fifo #(.WIDTH(PLAN_W), .DEPTH_LOG2(3)) u_plan (
        .clk(clk), .rst(rst),
        .s_data(plan_reg), .s_valid(plan_push_reg), .s_ready(plan_s_ready),
        .m_data(m_plan_data), .m_valid(m_plan_valid), .m_ready(m_plan_ready),
        .count(plan_count_unused)
    );

    // descriptor fields kept while its bursts are issued; the offload words of the frame's first
    // descriptor travel with every plan entry of the frame
    reg  [127:0] ol_reg;
    wire [127:0] ol_cur = ndesc_reg == 8'd0 ? d_ol : ol_reg;
    reg          eop_reg;
    reg  [QW-1:0] q_reg;
    reg  [11:0]  idx_reg;

    always @(posedge clk) begin
        plan_push_reg <= 1'b0;
        if (m_axi_arvalid && m_axi_arready) m_axi_arvalid <= 1'b0;

        b_nbytes <= c_nbytes;
        b_beats <= c_span[8:3];
        b_last <= left_reg == {8'd0, c_nbytes};
        // room for the longest burst (32 beats); reserved_reg only falls between bursts, and a
        // burst clears calc_ok_reg for the cycle in which b_room is stale
        b_room <= 32'(reserved_reg) <= 32'(BUF_DEPTH) - 32'd32;
        calc_ok_reg <= !(d_take_data || b_issue);

        reserved_reg <= reserved_reg + (b_issue ? {{(BUF_LOG2-5){1'b0}}, b_beats} : {(BUF_LOG2+1){1'b0}})
                                     - {{BUF_LOG2{1'b0}}, beat_consumed};

        if (d_take_nodata || d_take_data) dr_valid <= 1'b0;
        if (s_desc_ready) begin
            dr_valid <= 1'b1;
            d_err <= h_err;
            d_q <= s_desc_data[12+256 +: QW];
            d_idx <= s_desc_data[256 +: 12];
            d_addr <= {h[`TONIC_TXD_ADDR_HI_LSB +: 32], h[`TONIC_TXD_ADDR_LO_LSB +: 32]};
            d_len <= h[`TONIC_TXD_LEN_LSB +: 16];
            d_eop <= h_eop;
            d_ol <= h[96 +: 128];
            pop_q_reg <= sel_q;
            pop_in_frame_reg <= !h_eop;
        end

        if ((d_take_nodata || d_take_data) && ndesc_reg == 8'd0) ol_reg <= d_ol;
        if (d_take_nodata) begin
            // consumed without reading; the frame ends here if this is its last descriptor
            if (d_eop) begin
                plan_push_reg <= 1'b1;
                status_reg <= 3'd0;
                ndesc_reg <= 8'd0;
                fbytes_reg <= 16'd0;
            end else begin
                status_reg <= d_status;
                ndesc_reg <= nd_next;
            end
        end else if (d_take_data) begin
            in_burst_reg <= 1'b1;
            cur_reg <= d_addr;
            left_reg <= {1'b0, d_len};
            eop_reg <= d_eop;
            q_reg <= d_q;
            idx_reg <= d_idx;
            ndesc_reg <= nd_next;
            fbytes_reg <= fb_next[15:0];
        end

        // The plan entry and the read address are loaded every cycle they may be needed, so
        // the issue decision only drives the valid flags and the burst state.
        if (in_burst_reg)
            plan_reg <= {ol_reg, 1'b1, cur_reg[2:0], b_nbytes, b_beats, eop_reg && b_last, 3'd0, q_reg, idx_reg,
                         ndesc_reg, fbytes_reg, cur_reg[63:3], 3'd0};
        else
            plan_reg <= {ol_cur, 1'b0, 3'd0, 9'd0, 6'd0, 1'b1, d_status, d_q, d_idx, nd_next, fbytes_reg, 64'd0};
        if (!m_axi_arvalid) begin
            m_axi_araddr <= {cur_reg[63:3], 3'd0};
            m_axi_arlen <= {2'd0, b_beats - 6'd1};
        end

        if (b_issue) begin
            m_axi_arvalid <= 1'b1;
            plan_push_reg <= 1'b1;
            cur_reg <= b_end;
            left_reg <= left_reg - {8'd0, b_nbytes};
            if (b_last) begin
                in_burst_reg <= 1'b0;
                if (eop_reg) begin
                    ndesc_reg <= 8'd0;
                    fbytes_reg <= 16'd0;
                end
            end
        end

        if (rst) begin
            dr_valid <= 1'b0;
            pop_in_frame_reg <= 1'b0;
            m_axi_arvalid <= 1'b0;
            plan_push_reg <= 1'b0;
            in_burst_reg <= 1'b0;
            status_reg <= 3'd0;
            ndesc_reg <= 8'd0;
            fbytes_reg <= 16'd0;
            reserved_reg <= {(BUF_LOG2+1){1'b0}};
            calc_ok_reg <= 1'b0;
        end
    end

    wire unused_ok = &{1'b0, plan_count_unused, h[95:`TONIC_TXD_EOP_LSB+1], h[255:224], c_span[9], c_span[2:0]};

    initial begin
        if (BUF_LOG2 < 6 || BUF_LOG2 > 12) begin
            $error("tonic_tx_data: BUF_LOG2 must be 6..12");
            $finish;
        end
    end
endmodule

`default_nettype wire
