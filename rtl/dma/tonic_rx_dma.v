// SPDX-License-Identifier: MIT
// tonic_rx_dma — RX engine: writes received frames into host buffers and completes them.
//
// Two halves joined by an operation FIFO, so write addresses run ahead of write data:
//  - the planner knows each frame's length before its data (from the packet FIFO's length
//    channel), takes buffers from the RX descriptor cache, and issues one AXI write address per
//    burst (at most 256 bytes, never across a 256-byte boundary) and, at the end, the address of
//    the 32-byte completion entry. It also decides drops (queue disabled, no buffer in time) and
//    refuses malformed descriptors, each with its own completion.
//  - the streamer moves exactly the planned beats from the frame stream to the W channel (or
//    discards a dropped frame, or sends a completion entry), one beat per cycle.
// Data and completion use the same AXI ID, so the completion never overtakes the data.
//
// Operation entry: {kind[1:0], beats[5:0]}; kind 0 = data burst, 1 = drop to end of frame,
// 2 = completion entry (4 beats from the completion FIFO).
`default_nettype none
`include "tonic_regs.vh"

module tonic_rx_dma #(
    parameter NQ = 4,                  // RX queues
    parameter AXI_ID_W = 4,            // AXI ID width
    parameter [AXI_ID_W-1:0] ID = 2,   // AXI ID for every read and write of this engine
    parameter RES_W = 134              // width of s_res (tonic_rx_csum)
) (
    input  wire                  clk,
    input  wire                  rst,

    // frames from the receive FIFO, and each frame's length ahead of it
    input  wire [63:0]           s_axis_tdata,
    input  wire [7:0]            s_axis_tkeep,
    input  wire                  s_axis_tvalid,
    output wire                  s_axis_tready,
    input  wire                  s_axis_tlast,
    input  wire [15:0]           s_len_data,
    input  wire                  s_len_valid,
    output wire                  s_len_ready,
    // parse and checksum results, valid with each frame's last beat (tonic_rx_csum m_res)
    input  wire [RES_W-1:0]      s_res,

    input  wire [NQ*64-1:0]      q_base,
    input  wire [NQ*64-1:0]      q_cq_base,
    input  wire [NQ*4-1:0]       q_size_log2,
    input  wire [NQ-1:0]         q_enable,
    input  wire [NQ-1:0]         q_start,
    input  wire [NQ*12-1:0]      q_prod,
    input  wire [NQ*12-1:0]      q_cq_cons,
    output wire [NQ*12-1:0]      q_cq_prod,
    output wire [NQ*12-1:0]      q_cons,
    output reg  [NQ-1:0]         q_cpl,
    output reg  [NQ-1:0]         q_err_desc,
    output reg  [NQ-1:0]         q_err_dma,
    input  wire [7:0]            default_queue,
    input  wire [31:0]           nobuf_timeout,

    output wire [AXI_ID_W-1:0]   m_axi_arid,
    output wire [63:0]           m_axi_araddr,
    output wire [7:0]            m_axi_arlen,
    output wire                  m_axi_arvalid,
    input  wire                  m_axi_arready,
    input  wire [63:0]           s_rdata,
    input  wire [1:0]            s_rresp,
    input  wire                  s_rvalid,
    output wire                  s_rready,

    output wire [AXI_ID_W-1:0]   m_axi_awid,
    output reg  [63:0]           m_axi_awaddr,
    output reg  [7:0]            m_axi_awlen,
    output reg                   m_axi_awvalid,
    input  wire                  m_axi_awready,
    output wire [63:0]           m_axi_wdata,
    output wire [7:0]            m_axi_wstrb,
    output wire                  m_axi_wlast,
    output wire                  m_axi_wvalid,
    input  wire                  m_axi_wready,
    input  wire [1:0]            s_bresp,
    input  wire                  s_bvalid,
    output wire                  s_bready,

    output reg                   stat_frame,       // frame delivered (with its length)
    output reg  [15:0]           stat_bytes,
    output reg                   stat_drop_nobuf,
    output reg                   stat_drop_qdis,
    output reg                   stat_err_desc,
    output reg                   stat_err_dma,
    output reg                   dma_err,
    output reg  [63:0]           dma_err_addr,
    output wire                  busy
);
    localparam QW = (NQ > 1) ? $clog2(NQ) : 1;
    localparam DESC_W = 1 + 12 + 16 + 64;
    localparam [1:0] OP_DATA = 2'd0, OP_DROP = 2'd1, OP_CPL = 2'd2;
    localparam [1:0] S_IDLE = 2'd0, S_GETBUF = 2'd1, S_BURST = 2'd2, S_CPL = 2'd3;

    // ---------------------------------------------------------------- descriptor cache
    reg  [QW-1:0]     q_reg;
    wire              head_valid;
    wire [DESC_W-1:0] head;
    reg               pop;
    wire              desc_busy;
    wire              desc_dma_err;
    wire [63:0]       desc_dma_err_addr;

    tonic_rx_desc #(.NQ(NQ), .AXI_ID_W(AXI_ID_W), .ID(ID)) u_desc (
        .clk(clk), .rst(rst),
        .q_base(q_base), .q_size_log2(q_size_log2), .q_enable(q_enable), .q_start(q_start),
        .q_prod(q_prod),
        .m_axi_arid(m_axi_arid), .m_axi_araddr(m_axi_araddr), .m_axi_arlen(m_axi_arlen),
        .m_axi_arvalid(m_axi_arvalid), .m_axi_arready(m_axi_arready),
        .s_rdata(s_rdata), .s_rresp(s_rresp), .s_rvalid(s_rvalid), .s_rready(s_rready),
        .sel_q(q_reg), .head_valid(head_valid), .head(head), .pop(pop), .busy(desc_busy),
        .dma_err(desc_dma_err), .dma_err_addr(desc_dma_err_addr)
    );

    wire          h_err  = head[DESC_W-1];
    wire [11:0]   h_idx  = head[DESC_W-2 -: 12];
    wire [15:0]   h_len  = head[64 +: 16];
    wire [63:0]   h_addr = head[63:0];
    wire          h_bad  = h_err || h_addr[2:0] != 3'd0 || h_len == 16'd0 || h_len[2:0] != 3'd0;

    // ---------------------------------------------------------------- planner state
    reg [1:0]  st_reg;
    reg [15:0] rem_reg;          // frame bytes not yet given a buffer
    reg [15:0] written_reg;      // frame bytes given a buffer
    reg [63:0] buf_addr_reg;
    reg [15:0] buf_left_reg;
    reg [11:0] first_idx_reg;
    reg [7:0]  ndesc_reg;
    reg [31:0] timer_reg;
    // the completion to write next
    reg        cpl_bad_reg;      // for a refused descriptor (go back to GETBUF afterwards)
    reg [11:0] cpl_idx_reg;
    reg [7:0]  cpl_ndesc_reg;
    reg [15:0] cpl_len_reg;
    reg [7:0]  cpl_status_reg;

    wire [7:0] op_in;
    reg        op_push;
    reg  [7:0] op_in_reg;
    wire       op_room;
    wire [7:0] op_head;
    wire       op_valid;
    wire       op_pop;
    wire [3:0] op_count_unused;
    assign op_in = op_in_reg;

    tonic_fifo #(.WIDTH(8), .DEPTH_LOG2(3)) u_ops (
        .clk(clk), .rst(rst),
        .s_data(op_in), .s_valid(op_push), .s_ready(op_room),
        .m_data(op_head), .m_valid(op_valid), .m_ready(op_pop),
        .count(op_count_unused)
    );

    reg  [255:0] cpl_in_reg;
    reg          cpl_push;
    wire         cpl_room;
    wire [255:0] cpl_head;
    wire         cpl_valid_unused;
    wire         cpl_pop;
    wire [2:0]   cpl_count_unused;

    tonic_fifo #(.WIDTH(256), .DEPTH_LOG2(2)) u_cpls (
        .clk(clk), .rst(rst),
        .s_data(cpl_in_reg), .s_valid(cpl_push), .s_ready(cpl_room),
        .m_data(cpl_head), .m_valid(cpl_valid_unused), .m_ready(cpl_pop),
        .count(cpl_count_unused)
    );

    // outstanding writes, with their queue and address for error reports
    reg  [QW+64-1:0] wtrack_in;
    wire [QW+64-1:0] wtrack_head;
    wire             wtrack_room;
    wire             wtrack_valid;
    wire [4:0]       wtrack_count;
    tonic_fifo #(.WIDTH(QW+64), .DEPTH_LOG2(4)) u_wtrack (
        .clk(clk), .rst(rst),
        .s_data(wtrack_in), .s_valid(m_axi_awvalid && m_axi_awready), .s_ready(wtrack_room),
        .m_data(wtrack_head), .m_valid(wtrack_valid), .m_ready(s_bvalid),
        .count(wtrack_count)
    );

    // the completion ring of the queue being planned
    wire        slot_ok, slot_room, slot_phase;
    wire [63:0] slot_addr;
    reg         cpl_go;
    tonic_cq #(.NQ(NQ), .QW(QW), .ENTRY_LOG2(5)) u_cq (
        .clk(clk), .rst(rst),
        .q_cq_base(q_cq_base), .q_size_log2(q_size_log2), .q_cq_cons(q_cq_cons), .q_start(q_start),
        .q_cq_prod(q_cq_prod), .q_cons(q_cons),
        .sel_q(q_reg), .slot_ok(slot_ok), .slot_addr(slot_addr), .slot_room(slot_room),
        .slot_phase(slot_phase), .advance(cpl_go), .new_cons(cpl_idx_reg + {4'd0, cpl_ndesc_reg})
    );

    // The next burst into the current buffer: up to the end of the frame, of the buffer and of
    // the 256-byte block. For timing it is registered, computed from the buffer being taken
    // (in GETBUF) or from the current one (in BURST); `calc_ok_reg` says it is current. After a
    // burst it is stale for one cycle, in which the address is being handed over anyway.
    wire [QW-1:0] dq = QW'(default_queue);
    wire        taking = st_reg == S_GETBUF;
    wire [7:0]  cs_addr = taking ? h_addr[7:0] : buf_addr_reg[7:0];
    wire [15:0] cs_left = taking ? h_len : buf_left_reg;
    wire [8:0]  to_bound = 9'd256 - {1'b0, cs_addr};
    wire [15:0] c0 = (rem_reg < cs_left) ? rem_reg : cs_left;
    wire [15:0] c_bytes = (c0 < {7'd0, to_bound}) ? c0 : {7'd0, to_bound};
    wire [15:0] c_up = c_bytes + 16'd7;
    reg  [15:0] b_bytes;
    reg  [5:0]  b_beats;
    reg         b_frame_end;     // the burst ends the frame
    reg         b_buf_end;       // the burst fills the buffer
    reg         calc_ok_reg;
    wire        aw_free = !m_axi_awvalid && wtrack_room && wtrack_count < 5'd15;
    wire        burst_go = st_reg == S_BURST && calc_ok_reg && aw_free && op_room && !op_push;

    // the completion entry as it lands in memory
    reg [255:0] cpl_entry;
    always @* begin
        cpl_entry = 256'd0;
        cpl_entry[`TONIC_RXC_DESC_IDX_LSB +: 16] = {4'd0, cpl_idx_reg};
        cpl_entry[`TONIC_RXC_NDESC_LSB +: 8] = cpl_ndesc_reg;
        cpl_entry[`TONIC_RXC_QUEUE_LSB +: 8] = 8'(q_reg);
        cpl_entry[`TONIC_RXC_LEN_LSB +: 16] = cpl_len_reg;
        cpl_entry[`TONIC_RXC_STATUS_LSB +: 8] = cpl_status_reg;
        cpl_entry[`TONIC_RXC_PHASE_LSB] = slot_phase;
    end

    assign s_len_ready = st_reg == S_IDLE && s_len_valid && op_room && !op_push;
    assign m_axi_awid = ID;
    assign s_bready = 1'b1;

    always @(posedge clk) begin
        op_push <= 1'b0;
        cpl_push <= 1'b0;
        pop <= 1'b0;
        q_cpl <= {NQ{1'b0}};
        q_err_desc <= {NQ{1'b0}};
        q_err_dma <= {NQ{1'b0}};
        stat_frame <= 1'b0;
        stat_drop_nobuf <= 1'b0;
        stat_drop_qdis <= 1'b0;
        stat_err_desc <= 1'b0;
        stat_err_dma <= 1'b0;
        dma_err <= 1'b0;
        cpl_go <= 1'b0;
        if (m_axi_awvalid && m_axi_awready) m_axi_awvalid <= 1'b0;

        b_bytes <= c_bytes;
        b_beats <= c_up[8:3];
        b_frame_end <= rem_reg == c_bytes;
        b_buf_end <= cs_left == c_bytes;
        calc_ok_reg <= (st_reg == S_BURST && !burst_go) || (taking && !pop && !op_push && head_valid && !h_bad);

        case (st_reg)
            S_IDLE: if (s_len_ready) begin
                if (!q_enable[dq]) begin
                    op_in_reg <= {OP_DROP, 6'd0};
                    op_push <= 1'b1;
                    stat_drop_qdis <= 1'b1;
                end else begin
                    q_reg <= dq;
                    rem_reg <= s_len_data;
                    written_reg <= 16'd0;
                    ndesc_reg <= 8'd0;
                    timer_reg <= 32'd0;
                    st_reg <= S_GETBUF;
                end
            end
            S_GETBUF: if (!pop && !op_push) begin
                if (head_valid) begin
                    pop <= 1'b1;
                    timer_reg <= 32'd0;
                    if (h_bad) begin
                        cpl_bad_reg <= 1'b1;
                        cpl_idx_reg <= h_idx;
                        cpl_ndesc_reg <= 8'd1;
                        cpl_len_reg <= 16'd0;
                        cpl_status_reg <= h_err ? `TONIC_RX_ST_DMA_ERR : `TONIC_RX_ST_BAD_DESC;
                        stat_err_desc <= 1'b1;
                        q_err_desc[q_reg] <= 1'b1;
                        st_reg <= S_CPL;
                    end else begin
                        buf_addr_reg <= h_addr;
                        buf_left_reg <= h_len;
                        if (ndesc_reg == 8'd0) first_idx_reg <= h_idx;
                        ndesc_reg <= ndesc_reg + 8'd1;
                        st_reg <= S_BURST;
                    end
                end else if (!q_enable[q_reg] || timer_reg >= nobuf_timeout) begin
                    if (op_room) begin
                        op_in_reg <= {OP_DROP, 6'd0};
                        op_push <= 1'b1;
                        if (ndesc_reg == 8'd0) begin
                            if (q_enable[q_reg]) stat_drop_nobuf <= 1'b1;
                            else stat_drop_qdis <= 1'b1;
                            st_reg <= S_IDLE;
                        end else begin
                            // part of the frame is in host buffers: complete it as truncated
                            stat_drop_nobuf <= 1'b1;
                            cpl_bad_reg <= 1'b0;
                            cpl_idx_reg <= first_idx_reg;
                            cpl_ndesc_reg <= ndesc_reg;
                            cpl_len_reg <= written_reg;
                            cpl_status_reg <= `TONIC_RX_ST_TRUNC;
                            st_reg <= S_CPL;
                        end
                    end
                end else begin
                    timer_reg <= timer_reg + 32'd1;
                end
            end
            S_BURST: if (burst_go) begin
                m_axi_awvalid <= 1'b1;
                m_axi_awaddr <= buf_addr_reg;
                m_axi_awlen <= {2'd0, b_beats - 6'd1};
                wtrack_in <= {q_reg, buf_addr_reg};
                op_in_reg <= {OP_DATA, b_beats};
                op_push <= 1'b1;
                buf_addr_reg <= buf_addr_reg + {48'd0, b_bytes};
                buf_left_reg <= buf_left_reg - b_bytes;
                rem_reg <= rem_reg - b_bytes;
                written_reg <= written_reg + b_bytes;
                if (b_frame_end) begin
                    cpl_bad_reg <= 1'b0;
                    cpl_idx_reg <= first_idx_reg;
                    cpl_ndesc_reg <= ndesc_reg;
                    cpl_len_reg <= written_reg + b_bytes;
                    cpl_status_reg <= `TONIC_RX_ST_OK;
                    st_reg <= S_CPL;
                end else if (b_buf_end) begin
                    st_reg <= S_GETBUF;
                end
            end
            default: if (!cpl_go && slot_ok && slot_room && aw_free && op_room && !op_push && cpl_room &&
                         !cpl_push) begin
                m_axi_awvalid <= 1'b1;
                m_axi_awaddr <= slot_addr;
                m_axi_awlen <= 8'd3;
                wtrack_in <= {q_reg, slot_addr};
                op_in_reg <= {OP_CPL, 6'd4};
                op_push <= 1'b1;
                cpl_in_reg <= cpl_entry;
                cpl_push <= 1'b1;
                cpl_go <= 1'b1;
                q_cpl[q_reg] <= 1'b1;
                if (!cpl_bad_reg && cpl_status_reg == `TONIC_RX_ST_OK) begin
                    stat_frame <= 1'b1;
                    stat_bytes <= cpl_len_reg;
                end
                st_reg <= cpl_bad_reg ? S_GETBUF : S_IDLE;
            end
        endcase

        // descriptor fetch errors (the descriptor itself is returned with RX_ST_DMA_ERR)
        if (desc_dma_err) begin
            dma_err <= 1'b1;
            dma_err_addr <= desc_dma_err_addr;
        end
        // write responses
        if (s_bvalid && s_bresp[1]) begin
            dma_err <= 1'b1;
            dma_err_addr <= wtrack_head[63:0];
            stat_err_dma <= 1'b1;
            q_err_dma[wtrack_head[QW+64-1 -: QW]] <= 1'b1;
        end

        if (rst) begin
            st_reg <= S_IDLE;
            m_axi_awvalid <= 1'b0;
            op_push <= 1'b0;
            cpl_push <= 1'b0;
            pop <= 1'b0;
            cpl_go <= 1'b0;
            calc_ok_reg <= 1'b0;
        end
    end

    // ---------------------------------------------------------------- streamer
    wire [1:0] op_kind  = op_head[7:6];
    wire [5:0] op_beats = op_head[5:0];
    reg  [5:0] beat_reg;
    wire       is_data = op_valid && op_kind == OP_DATA;
    wire       is_drop = op_valid && op_kind == OP_DROP;
    wire       is_cpl  = op_valid && op_kind == OP_CPL;
    wire       w_last  = beat_reg == op_beats - 6'd1;

    // The results of the frame whose last beat was taken last go into its completion: an OK
    // completion always follows its frame's last data beat, and precedes the next frame's.
    reg  [RES_W-1:0] res_reg;
    always @(posedge clk) if (s_axis_tvalid && s_axis_tready && s_axis_tlast) res_reg <= s_res;
    reg  [255:0] cpl_full;
    always @* begin
        cpl_full = cpl_head;
        if (cpl_head[`TONIC_RXC_STATUS_LSB +: 8] == `TONIC_RX_ST_OK) begin
            cpl_full[`TONIC_RXC_PERR_LSB +: 8]        = res_reg[0 +: 8];
            cpl_full[`TONIC_RXC_CSUM_FLAGS_LSB +: 16] = res_reg[8 +: 16];
            cpl_full[`TONIC_RXC_CSUM_RAW_LSB +: 16]   = res_reg[24 +: 16];
            cpl_full[`TONIC_RXC_L4_OFF_LSB +: 11]     = res_reg[40 +: 11];
            cpl_full[`TONIC_RXC_IL3_OFF_LSB +: 11]    = res_reg[51 +: 11];
            cpl_full[`TONIC_RXC_L3_OFF_LSB +: 5]      = res_reg[62 +: 5];
            cpl_full[`TONIC_RXC_IL4_OFF_LSB +: 11]    = res_reg[67 +: 11];
            cpl_full[`TONIC_RXC_TUN_ID_LSB +: 32]     = res_reg[78 +: 32];
            cpl_full[`TONIC_RXC_PTYPE_LSB +: 24]      = res_reg[110 +: 24];
        end
    end

    assign m_axi_wvalid  = (is_data && s_axis_tvalid) || is_cpl;
    assign m_axi_wdata   = is_cpl ? cpl_full[beat_reg[1:0]*64 +: 64] : s_axis_tdata;
    assign m_axi_wstrb   = is_cpl ? 8'hFF : s_axis_tkeep;
    assign m_axi_wlast   = w_last;
    assign s_axis_tready = (is_data && m_axi_wready) || is_drop;

    wire w_fire = m_axi_wvalid && m_axi_wready;
    assign op_pop  = (w_fire && w_last) || (is_drop && s_axis_tvalid && s_axis_tlast);
    assign cpl_pop = is_cpl && w_fire && w_last;

    always @(posedge clk) begin
        if (w_fire) beat_reg <= w_last ? 6'd0 : beat_reg + 6'd1;
        if (rst) beat_reg <= 6'd0;
    end

    assign busy = st_reg != S_IDLE || op_valid || wtrack_valid || desc_busy;

    wire unused_ok = &{1'b0, s_bresp[0], default_queue[7:QW], op_count_unused, cpl_valid_unused, cpl_count_unused,
                       c_up[15:9], c_up[2:0]};
endmodule

`default_nettype wire
