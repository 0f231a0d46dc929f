// SPDX-License-Identifier: MIT
// tonic_tx_desc — TX descriptor fetcher.
//
// Round-robin over enabled TX queues whose producer index (doorbell) is ahead of the fetch
// index, and reads up to 8 descriptors (32 bytes each) per AXI burst into that queue's 16-entry
// descriptor FIFO. Each queue has its own FIFO so that the data stage can take a whole frame
// from one queue even when its descriptors arrive in several bursts interleaved with other
// queues'. Room is reserved before a read is issued, so read data is always accepted (rready is
// constant 1) and never blocks the shared AXI read channel. Up to 4 reads are in flight, at most
// 2 per queue. A read answered with an error marks every descriptor of that burst `err`.
//
// Output: the head of queue `sel_q`: {err, queue, ring index, 256-bit descriptor} (TXD format).
`default_nettype none

module tonic_tx_desc #(
    parameter NQ = 4,              // TX queues
    parameter AXI_ID_W = 4,        // AXI ID width
    parameter [AXI_ID_W-1:0] ID = 1 // ARID used for descriptor reads
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire [NQ*64-1:0]      q_base,
    input  wire [NQ*4-1:0]       q_size_log2,
    input  wire [NQ-1:0]         q_enable,
    input  wire [NQ-1:0]         q_start,
    input  wire [NQ*12-1:0]      q_prod,
    output wire [NQ-1:0]         q_busy,      // reads in flight or entries queued

    output wire [AXI_ID_W-1:0]   m_axi_arid,
    output wire [63:0]           m_axi_araddr,
    output wire [7:0]            m_axi_arlen,
    output reg                   m_axi_arvalid,
    input  wire                  m_axi_arready,
    input  wire [63:0]           s_rdata,
    input  wire [1:0]            s_rresp,
    input  wire                  s_rlast,
    input  wire                  s_rvalid,
    output wire                  s_rready,

    output wire [NQ-1:0]         m_head_valid, // per queue: a descriptor is waiting
    input  wire [QW-1:0]         sel_q,
    output wire [ENTRY_W-1:0]    m_desc_data,  // head of sel_q: {err, q, idx[11:0], desc[255:0]}
    input  wire                  m_desc_pop,

    output reg                   dma_err,      // a descriptor read came back with an error
    output reg  [63:0]           dma_err_addr  // the descriptor's address (reported 2 cycles later)
);
    localparam QW = (NQ > 1) ? $clog2(NQ) : 1;
    localparam ENTRY_W = 1 + QW + 12 + 256;
    localparam FIFO_LOG2 = 4;
    localparam REQ_W = QW + 12 + 4 + 4;  // {q, idx, size_log2, n-1}

    reg [11:0] fidx_reg [0:NQ-1];       // next descriptor to fetch
    reg [NQ*5-1:0] inflight_reg;        // per queue: descriptors requested, not yet in its FIFO
    reg [NQ*3-1:0] qreq_reg;            // per-queue reads in flight (0..2)
    wire [FIFO_LOG2:0] fifo_count [0:NQ-1];

    // ---------------------------------------------------------------- queue choice

    // Two stages, for timing: every cycle each queue's next fetch (address, count) is computed in
    // parallel and registered; the round-robin choice then only picks among registered candidates.
    // A candidate is one cycle old: the cycle after an issue is never used (req_push_reg), and a
    // queue being (re)enabled has no candidate, so a stale one is never issued; other changes
    // (doorbells, FIFO pops) only make the registered count conservative.
    wire [NQ*4-1:0]  cand_n_reg;       // descriptors to fetch now, 0 = none
    wire [NQ*64-1:0] cand_addr_reg;
    wire [NQ-1:0]    has_work;
    genvar gw;
    generate
        for (gw = 0; gw < NQ; gw = gw + 1) begin : g_cand
            tonic_fetch_cand #(.DESC_LOG2(5), .MAX_N(8)) u_cand (
                .clk(clk), .rst(rst),
                .base(q_base[gw*64 +: 64]), .size_log2(q_size_log2[gw*4 +: 4]), .prod(q_prod[gw*12 +: 12]),
                .fidx(fidx_reg[gw]), .room(5'd16 - fifo_count[gw] - inflight_reg[gw*5 +: 5]),
                .allow(q_enable[gw] && !q_start[gw] && qreq_reg[gw*3 +: 3] < 3'd2),
                .cand_n(cand_n_reg[gw*4 +: 4]), .cand_valid(has_work[gw]),
                .cand_addr(cand_addr_reg[gw*64 +: 64])
            );
        end
    endgenerate

    wire [QW-1:0] pick;
    wire          pick_valid;
    wire          issue;
    tonic_rr_pick #(.N(NQ), .W(QW)) u_rr (.clk(clk), .rst(rst), .req(has_work), .pick(pick), .valid(pick_valid),
        .grant(issue), .grant_idx(pick));

    wire [3:0]  p_log2 = q_size_log2[pick*4 +: 4];
    wire [11:0] p_mask = 12'((13'd1 << p_log2) - 13'd1);
    wire [11:0] p_fidx = fidx_reg[pick];   // unchanged since the candidate was computed
    wire [63:0] p_addr = cand_addr_reg[pick*64 +: 64];
    wire [3:0]  p_n = cand_n_reg[pick*4 +: 4];

    // ---------------------------------------------------------------- request tracking
    reg  [63:0] ar_addr_reg;
    reg  [3:0]  ar_n_reg;
    wire [REQ_W-1:0] req_out;
    wire req_valid, req_s_ready;
    wire [2:0] req_count_unused;
    reg  [REQ_W-1:0] req_in_reg;
    reg  req_push_reg;

    assign m_axi_arid = ID;
    assign m_axi_araddr = ar_addr_reg;
    assign m_axi_arlen = {2'b00, ar_n_reg, 2'b11};   // n descriptors * 4 beats - 1

    // ---------------------------------------------------------------- read data assembly
    // The head of the request FIFO describes the burst whose beats arrive now (reads return in
    // order); it is popped when the burst's last descriptor is pushed, so back-to-back bursts
    // need no bubble.
    reg [1:0]   beat_reg;
    reg [191:0] acc_reg;
    reg         err_acc_reg;
    reg [3:0]   dcnt_reg;        // descriptors of the current burst already pushed

    wire [QW-1:0] req_q     = req_out[REQ_W-1 -: QW];
    wire [11:0]   req_idx   = req_out[8 +: 12];
    wire [3:0]    req_log2  = req_out[4 +: 4];
    wire [3:0]    req_nm1   = req_out[0 +: 4];

    wire beat_ok   = s_rvalid && req_valid;
    wire desc_push = beat_ok && beat_reg == 2'd3;
    wire burst_end = desc_push && dcnt_reg == req_nm1;
    wire beat_err  = s_rresp[1];
    wire [11:0] rmask = 12'((13'd1 << req_log2) - 13'd1);
    wire [11:0] ridx = (req_idx + {8'd0, dcnt_reg}) & rmask;
    wire [ENTRY_W-1:0] entry = {err_acc_reg | beat_err, req_q, ridx, s_rdata, acc_reg};

    assign s_rready = 1'b1;      // room was reserved when the read was issued
    // error report, registered twice (queue and index, then the address) for timing
    reg          err_q_valid;
    reg [QW-1:0] err_q;
    reg [11:0]   err_idx;
    always @(posedge clk) begin
        err_q_valid <= beat_ok && beat_err && !rst;
        err_q <= req_q;
        err_idx <= ridx;
        dma_err <= err_q_valid && !rst;
        dma_err_addr <= q_base[err_q*64 +: 64] + {47'd0, err_idx, 5'd0};
    end

    tonic_fifo #(.WIDTH(REQ_W), .DEPTH_LOG2(2)) u_req (
        .clk(clk), .rst(rst),
        .s_data(req_in_reg), .s_valid(req_push_reg), .s_ready(req_s_ready),
        .m_data(req_out), .m_valid(req_valid), .m_ready(burst_end),
        .count(req_count_unused)
    );

    wire [ENTRY_W-1:0] head_a [0:NQ-1];
    wire [NQ-1:0]      fifo_s_ready;
    genvar gf;
    generate
        for (gf = 0; gf < NQ; gf = gf + 1) begin : g_fifo
            tonic_fifo #(.WIDTH(ENTRY_W), .DEPTH_LOG2(FIFO_LOG2)) u_desc (
                .clk(clk), .rst(rst),
                .s_data(entry), .s_valid(desc_push && req_q == QW'(gf)), .s_ready(fifo_s_ready[gf]),
                .m_data(head_a[gf]), .m_valid(m_head_valid[gf]), .m_ready(m_desc_pop && sel_q == QW'(gf)),
                .count(fifo_count[gf])
            );
        end
    endgenerate
    assign m_desc_data = head_a[sel_q];

    assign issue = !m_axi_arvalid && !req_push_reg && pick_valid && p_n != 4'd0 && req_s_ready &&
                 !q_start[pick];

    // ---------------------------------------------------------------- control
    integer i;
    always @(posedge clk) begin
        req_push_reg <= 1'b0;

        // issue a read
        if (m_axi_arvalid) begin
            if (m_axi_arready) m_axi_arvalid <= 1'b0;
        end else if (issue) begin
            m_axi_arvalid <= 1'b1;
            ar_addr_reg <= p_addr;
            ar_n_reg <= p_n - 4'd1;
            req_in_reg <= {pick, p_fidx, p_log2, p_n - 4'd1};
            req_push_reg <= 1'b1;
            fidx_reg[pick] <= (p_fidx + {8'd0, p_n}) & p_mask;
        end

        // assemble descriptors from read beats
        if (beat_ok) begin
            beat_reg <= beat_reg + 2'd1;
            err_acc_reg <= err_acc_reg | beat_err;
            case (beat_reg)
                2'd0: acc_reg[63:0] <= s_rdata;
                2'd1: acc_reg[127:64] <= s_rdata;
                2'd2: acc_reg[191:128] <= s_rdata;
                default: begin
                    err_acc_reg <= 1'b0;
                    dcnt_reg <= burst_end ? 4'd0 : dcnt_reg + 4'd1;
                end
            endcase
        end

        for (i = 0; i < NQ; i = i + 1) begin
            // descriptors reserved but not yet in the queue's FIFO
            inflight_reg[i*5 +: 5] <= inflight_reg[i*5 +: 5] + ((issue && pick == QW'(i)) ? {1'b0, p_n} : 5'd0)
                                                           - ((desc_push && req_q == QW'(i)) ? 5'd1 : 5'd0);
            if (req_push_reg && req_in_reg[REQ_W-1 -: QW] == QW'(i)) begin
                if (!(burst_end && req_q == QW'(i)))
                    qreq_reg[i*3 +: 3] <= qreq_reg[i*3 +: 3] + 3'd1;
            end else if (burst_end && req_q == QW'(i)) begin
                qreq_reg[i*3 +: 3] <= qreq_reg[i*3 +: 3] - 3'd1;
            end
            if (q_start[i]) fidx_reg[i] <= 12'd0;
        end

        if (rst) begin
            m_axi_arvalid <= 1'b0;
            req_push_reg <= 1'b0;
            inflight_reg <= {NQ*5{1'b0}};
            qreq_reg <= {NQ*3{1'b0}};
            beat_reg <= 2'd0;
            dcnt_reg <= 4'd0;
            err_acc_reg <= 1'b0;
            for (i = 0; i < NQ; i = i + 1) fidx_reg[i] <= 12'd0;
        end
    end

    genvar g;
    generate
        for (g = 0; g < NQ; g = g + 1) begin : g_busy
            assign q_busy[g] = qreq_reg[g*3 +: 3] != 3'd0 || m_head_valid[g];
        end
    endgenerate

    wire unused_ok = &{1'b0, s_rlast, s_rresp[0], req_count_unused, fifo_s_ready};
endmodule

`default_nettype wire
