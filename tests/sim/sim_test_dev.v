// SPDX-License-Identifier: MIT
// sim_test_dev.v — a stand-in for tonic_nic, with exactly its ports, for testing tonic-sim alone.
//
// The harness tests (sim_test.c) need a device whose every reaction is known: a scratch register
// and the magic for MMIO round trips, a register-triggered DMA copy engine (bursts, several reads
// in flight, byte strobes, and a mode that breaks the 4 KiB rule on purpose), a register that
// raises an interrupt, a frame buffer it transmits on m_axis_wire, and counters plus a capture of
// what arrives on s_axis_wire. Register offsets: sim_test_dev_regs.h (passed in as `SIMDEV_*
// defines) and the generated tonic_regs.vh. Nothing here models the real NIC.
`default_nettype none
`include "tonic_regs.vh"

module sim_test_dev (
    input  wire        clk,
    input  wire        rst,
    // BAR0: AXI4-Lite slave
    input  wire [15:0] s_axil_awaddr,
    input  wire        s_axil_awvalid,
    output wire        s_axil_awready,
    input  wire [31:0] s_axil_wdata,
    input  wire [3:0]  s_axil_wstrb,
    input  wire        s_axil_wvalid,
    output wire        s_axil_wready,
    output wire [1:0]  s_axil_bresp,
    output reg         s_axil_bvalid,
    input  wire        s_axil_bready,
    input  wire [15:0] s_axil_araddr,
    input  wire        s_axil_arvalid,
    output wire        s_axil_arready,
    output reg  [31:0] s_axil_rdata,
    output wire [1:0]  s_axil_rresp,
    output reg         s_axil_rvalid,
    input  wire        s_axil_rready,
    // DMA: AXI4 master
    output wire [3:0]  m_axi_arid,
    output wire [63:0] m_axi_araddr,
    output wire [7:0]  m_axi_arlen,
    output wire [2:0]  m_axi_arsize,
    output wire [1:0]  m_axi_arburst,
    output wire        m_axi_arvalid,
    input  wire        m_axi_arready,
    input  wire [3:0]  m_axi_rid,
    input  wire [63:0] m_axi_rdata,
    input  wire [1:0]  m_axi_rresp,
    input  wire        m_axi_rlast,
    input  wire        m_axi_rvalid,
    output wire        m_axi_rready,
    output wire [3:0]  m_axi_awid,
    output wire [63:0] m_axi_awaddr,
    output wire [7:0]  m_axi_awlen,
    output wire [2:0]  m_axi_awsize,
    output wire [1:0]  m_axi_awburst,
    output wire        m_axi_awvalid,
    input  wire        m_axi_awready,
    output wire [63:0] m_axi_wdata,
    output wire [7:0]  m_axi_wstrb,
    output wire        m_axi_wlast,
    output wire        m_axi_wvalid,
    input  wire        m_axi_wready,
    input  wire [3:0]  m_axi_bid,
    input  wire [1:0]  m_axi_bresp,
    input  wire        m_axi_bvalid,
    output wire        m_axi_bready,
    // interrupts
    output reg         irq_valid,
    output reg  [7:0]  irq_vector,
    input  wire        irq_ready,
    // wire TX
    output wire [63:0] m_axis_wire_tdata,
    output wire [7:0]  m_axis_wire_tkeep,
    output wire        m_axis_wire_tvalid,
    input  wire        m_axis_wire_tready,
    output wire        m_axis_wire_tlast,
    // wire RX
    input  wire [63:0] s_axis_wire_tdata,
    input  wire [7:0]  s_axis_wire_tkeep,
    input  wire        s_axis_wire_tvalid,
    output wire        s_axis_wire_tready,
    input  wire        s_axis_wire_tlast
);

    localparam [15:0] A_MAGIC = `TONIC_IDENT_BASE + `TONIC_IDENT_MAGIC;
    localparam [15:0] A_NUM_RXQ = `TONIC_IDENT_BASE + `TONIC_IDENT_NUM_RXQ;
    localparam [15:0] A_SCRATCH = `TONIC_CTRL_BASE + `TONIC_CTRL_SCRATCH;
    localparam [15:0] A_RXQ0_QCTRL = `TONIC_RXQ_BASE + `TONIC_RXQ_QBASE + {8'd0, `TONIC_Q_QCTRL};
    localparam [15:0] A_ST_TX_FRAMES = `TONIC_STATS_BASE + `TONIC_STATS_TX_FRAMES_LO;
    localparam [15:0] A_ST_TX_BYTES = `TONIC_STATS_BASE + `TONIC_STATS_TX_BYTES_LO;
    localparam [15:0] A_ST_RX_FRAMES = `TONIC_STATS_BASE + `TONIC_STATS_RX_FRAMES_LO;
    localparam [15:0] A_ST_RX_BYTES = `TONIC_STATS_BASE + `TONIC_STATS_RX_BYTES_LO;
    localparam [15:0] A_ST_IRQS = `TONIC_STATS_BASE + `TONIC_STATS_IRQS_LO;

    // ---------------------------------------------------------------- BAR0 (AXI4-Lite)
    // A write is taken when AW and W are both valid; a read when AR is valid; one at a time.
    wire wr_fire = s_axil_awvalid && s_axil_wvalid && !s_axil_bvalid;
    wire rd_fire = s_axil_arvalid && !s_axil_rvalid;
    wire wr_en = wr_fire && s_axil_wstrb == 4'hF;
    wire [15:0] wa = s_axil_awaddr;
    wire [31:0] wd = s_axil_wdata;
    assign s_axil_awready = wr_fire;
    assign s_axil_wready = wr_fire;
    assign s_axil_bresp = 2'b00;
    assign s_axil_arready = rd_fire;
    assign s_axil_rresp = 2'b00;

    reg  [31:0] scratch;
    reg  [31:0] rxq0_qctrl;

    // ---------------------------------------------------------------- DMA copy engine
    localparam [2:0] S_IDLE = 3'd0, S_RD = 3'd1, S_AW = 3'd2, S_W = 3'd3, S_B = 3'd4;
    reg  [2:0]  st;
    reg  [63:0] dma_src, dma_dst;
    reg  [8:0]  dma_total;        // beats, LEN / 8
    reg         nosplit;
    reg  [7:0]  wr_strb;
    reg         dma_done, rd_err, wr_err;
    reg  [1:0]  err_resp;
    reg  [3:0]  last_rid, last_bid;
    reg  [15:0] rlast_cnt;
    reg  [63:0] ar_addr, aw_addr;
    reg  [8:0]  ar_issued, r_got, w_idx;
    reg  [5:0]  w_left;
    reg  [63:0] dbuf [0:255];

    // beats of the next burst: what is left, at most 32, not past 4 KiB unless NOSPLIT
    wire [9:0] ar_rem = {1'b0, dma_total - ar_issued};
    wire [9:0] ar_to4k = 10'd512 - {1'b0, ar_addr[11:3]};
    wire [9:0] ar_lim = (nosplit || ar_to4k > 10'd32) ? 10'd32 : ar_to4k;
    wire [9:0] ar_n = ar_rem < ar_lim ? ar_rem : ar_lim;
    wire [9:0] aw_rem = {1'b0, dma_total - w_idx};
    wire [9:0] aw_to4k = 10'd512 - {1'b0, aw_addr[11:3]};
    wire [9:0] aw_lim = (nosplit || aw_to4k > 10'd32) ? 10'd32 : aw_to4k;
    wire [9:0] aw_n = aw_rem < aw_lim ? aw_rem : aw_lim;

    assign m_axi_arid = 4'd0;
    assign m_axi_araddr = ar_addr;
    assign m_axi_arlen = ar_n[7:0] - 8'd1;
    assign m_axi_arsize = 3'd3;
    assign m_axi_arburst = 2'b01;
    assign m_axi_arvalid = st == S_RD && ar_issued != dma_total;
    assign m_axi_rready = st == S_RD;
    assign m_axi_awid = 4'd2;
    assign m_axi_awaddr = aw_addr;
    assign m_axi_awlen = aw_n[7:0] - 8'd1;
    assign m_axi_awsize = 3'd3;
    assign m_axi_awburst = 2'b01;
    assign m_axi_awvalid = st == S_AW;
    assign m_axi_wdata = dbuf[w_idx[7:0]];
    assign m_axi_wstrb = wr_strb;
    assign m_axi_wlast = w_left == 6'd1;
    assign m_axi_wvalid = st == S_W;
    assign m_axi_bready = st == S_B;

    always @(posedge clk) begin
        if (m_axi_rvalid && m_axi_rready)
            dbuf[r_got[7:0]] <= m_axi_rdata;
    end

    always @(posedge clk) begin
        if (rst) begin
            st <= S_IDLE;
            dma_done <= 1'b0;
            rd_err <= 1'b0;
            wr_err <= 1'b0;
            err_resp <= 2'b00;
            last_rid <= 4'd0;
            last_bid <= 4'd0;
            rlast_cnt <= 16'd0;
        end else begin
            case (st)
                S_IDLE:
                    if (wr_en && wa == `SIMDEV_DMA_CTRL && wd[0]) begin
                        nosplit <= wd[1];
                        wr_strb <= wd[15:8] == 8'd0 ? 8'hFF : wd[15:8];
                        dma_done <= 1'b0;
                        rd_err <= 1'b0;
                        wr_err <= 1'b0;
                        ar_addr <= dma_src;
                        aw_addr <= dma_dst;
                        ar_issued <= 9'd0;
                        r_got <= 9'd0;
                        w_idx <= 9'd0;
                        if (dma_total == 9'd0)
                            dma_done <= 1'b1;
                        else
                            st <= S_RD;
                    end
                S_RD: begin
                    if (m_axi_arvalid && m_axi_arready) begin
                        ar_addr <= ar_addr + {51'd0, ar_n, 3'd0};
                        ar_issued <= ar_issued + ar_n[8:0];
                    end
                    if (m_axi_rvalid) begin
                        r_got <= r_got + 9'd1;
                        last_rid <= m_axi_rid;
                        if (m_axi_rlast)
                            rlast_cnt <= rlast_cnt + 16'd1;
                        if (m_axi_rresp != 2'b00) begin
                            rd_err <= 1'b1;
                            err_resp <= m_axi_rresp;
                        end
                    end
                    if (r_got == dma_total) begin
                        if (rd_err) begin
                            dma_done <= 1'b1;
                            st <= S_IDLE;
                        end else begin
                            st <= S_AW;
                        end
                    end
                end
                S_AW:
                    if (m_axi_awready) begin
                        w_left <= aw_n[5:0];
                        aw_addr <= aw_addr + {51'd0, aw_n, 3'd0};
                        st <= S_W;
                    end
                S_W:
                    if (m_axi_wready) begin
                        w_idx <= w_idx + 9'd1;
                        w_left <= w_left - 6'd1;
                        if (w_left == 6'd1)
                            st <= S_B;
                    end
                S_B:
                    if (m_axi_bvalid) begin
                        last_bid <= m_axi_bid;
                        if (m_axi_bresp != 2'b00) begin
                            wr_err <= 1'b1;
                            err_resp <= m_axi_bresp;
                        end
                        if (w_idx == dma_total) begin
                            dma_done <= 1'b1;
                            st <= S_IDLE;
                        end else begin
                            st <= S_AW;
                        end
                    end
                default:
                    st <= S_IDLE;
            endcase
        end
    end

    wire [31:0] dma_status = {rlast_cnt, last_bid, last_rid, 2'b00, err_resp, wr_err, rd_err, dma_done,
                              st != S_IDLE};

    // ---------------------------------------------------------------- interrupts
    reg  [31:0] irq_count;
    always @(posedge clk) begin
        if (rst) begin
            irq_valid <= 1'b0;
            irq_vector <= 8'd0;
            irq_count <= 32'd0;
        end else begin
            if (irq_valid && irq_ready) begin
                irq_valid <= 1'b0;
                irq_count <= irq_count + 32'd1;
            end else if (!irq_valid && wr_en && wa == `SIMDEV_IRQ_RAISE) begin
                irq_valid <= 1'b1;
                irq_vector <= wd[7:0];
            end
        end
    end

    // ---------------------------------------------------------------- wire TX
    reg  [63:0] txbuf [0:63];
    reg  [5:0]  tx_idx, tx_ptr;
    reg  [31:0] tx_lo;
    reg  [9:0]  tx_len, tx_left;
    reg         tx_busy;
    reg  [31:0] tx_frames, tx_bytes;
    assign m_axis_wire_tvalid = tx_busy;
    assign m_axis_wire_tdata = txbuf[tx_ptr];
    assign m_axis_wire_tkeep = tx_left >= 10'd8 ? 8'hFF : 8'hFF >> (4'd8 - {1'b0, tx_left[2:0]});
    assign m_axis_wire_tlast = tx_left <= 10'd8;

    always @(posedge clk) begin
        if (wr_en && wa == `SIMDEV_TX_HI)
            txbuf[tx_idx] <= {wd, tx_lo};
    end

    always @(posedge clk) begin
        if (rst) begin
            tx_busy <= 1'b0;
            tx_idx <= 6'd0;
            tx_len <= 10'd0;
            tx_frames <= 32'd0;
            tx_bytes <= 32'd0;
        end else begin
            if (wr_en && wa == `SIMDEV_TX_IDX)
                tx_idx <= wd[5:0];
            if (wr_en && wa == `SIMDEV_TX_LO)
                tx_lo <= wd;
            if (wr_en && wa == `SIMDEV_TX_HI)
                tx_idx <= tx_idx + 6'd1;
            if (wr_en && wa == `SIMDEV_TX_LEN)
                tx_len <= wd[9:0] > 10'd512 ? 10'd512 : wd[9:0];
            if (!tx_busy && wr_en && wa == `SIMDEV_TX_SEND && wd[0] && tx_len != 10'd0) begin
                tx_busy <= 1'b1;
                tx_ptr <= 6'd0;
                tx_left <= tx_len;
            end
            if (m_axis_wire_tvalid && m_axis_wire_tready) begin
                if (m_axis_wire_tlast) begin
                    tx_busy <= 1'b0;
                    tx_frames <= tx_frames + 32'd1;
                    tx_bytes <= tx_bytes + {22'd0, tx_len};
                end else begin
                    tx_left <= tx_left - 10'd8;
                    tx_ptr <= tx_ptr + 6'd1;
                end
            end
        end
    end

    // ---------------------------------------------------------------- wire RX
    function [3:0] keep_bytes(input [7:0] k);
        integer i;
        begin
            keep_bytes = 4'd0;
            for (i = 0; i < 8; i = i + 1)
                keep_bytes = keep_bytes + {3'd0, k[i]};
        end
    endfunction

    reg  [63:0] rxcap [0:63];
    reg  [6:0]  rx_ptr;           // saturates at 64
    reg  [5:0]  rx_cap_idx;
    reg  [31:0] rx_frames, rx_bytes, rx_last_len, rx_cur;
    wire [31:0] rx_len_now = rx_cur + {28'd0, keep_bytes(s_axis_wire_tkeep)};
    assign s_axis_wire_tready = 1'b1;

    always @(posedge clk) begin
        if (s_axis_wire_tvalid && !rx_ptr[6])
            rxcap[rx_ptr[5:0]] <= s_axis_wire_tdata;
    end

    always @(posedge clk) begin
        if (rst) begin
            rx_ptr <= 7'd0;
            rx_cur <= 32'd0;
            rx_frames <= 32'd0;
            rx_bytes <= 32'd0;
            rx_last_len <= 32'd0;
            rx_cap_idx <= 6'd0;
        end else begin
            if (wr_en && wa == `SIMDEV_RX_CAP_IDX)
                rx_cap_idx <= wd[5:0];
            if (s_axis_wire_tvalid) begin
                if (s_axis_wire_tlast) begin
                    rx_ptr <= 7'd0;
                    rx_cur <= 32'd0;
                    rx_frames <= rx_frames + 32'd1;
                    rx_bytes <= rx_bytes + rx_len_now;
                    rx_last_len <= rx_len_now;
                end else begin
                    if (!rx_ptr[6])
                        rx_ptr <= rx_ptr + 7'd1;
                    rx_cur <= rx_len_now;
                end
            end
        end
    end

    // ---------------------------------------------------------------- register file
    always @(posedge clk) begin
        if (rst) begin
            scratch <= 32'd0;
            rxq0_qctrl <= 32'd0;
            dma_src <= 64'd0;
            dma_dst <= 64'd0;
            dma_total <= 9'd0;
        end else if (wr_en) begin
            case (wa)
                A_SCRATCH: scratch <= wd;
                A_RXQ0_QCTRL: rxq0_qctrl <= wd;
                `SIMDEV_DMA_SRC_LO: dma_src[31:0] <= wd;
                `SIMDEV_DMA_SRC_HI: dma_src[63:32] <= wd;
                `SIMDEV_DMA_DST_LO: dma_dst[31:0] <= wd;
                `SIMDEV_DMA_DST_HI: dma_dst[63:32] <= wd;
                `SIMDEV_DMA_LEN: dma_total <= wd[11:3] > 9'd256 ? 9'd256 : wd[11:3];
                default: ;
            endcase
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            s_axil_bvalid <= 1'b0;
            s_axil_rvalid <= 1'b0;
        end else begin
            if (wr_fire)
                s_axil_bvalid <= 1'b1;
            else if (s_axil_bready)
                s_axil_bvalid <= 1'b0;
            if (rd_fire)
                s_axil_rvalid <= 1'b1;
            else if (s_axil_rready)
                s_axil_rvalid <= 1'b0;
        end
    end

    always @(posedge clk) begin
        if (rd_fire) begin
            case (s_axil_araddr)
                A_MAGIC: s_axil_rdata <= `TONIC_MAGIC;
                A_NUM_RXQ: s_axil_rdata <= 32'd1;
                A_SCRATCH: s_axil_rdata <= scratch;
                A_RXQ0_QCTRL: s_axil_rdata <= rxq0_qctrl;
                A_ST_TX_FRAMES: s_axil_rdata <= tx_frames;
                A_ST_TX_BYTES: s_axil_rdata <= tx_bytes;
                A_ST_RX_FRAMES: s_axil_rdata <= rx_frames;
                A_ST_RX_BYTES: s_axil_rdata <= rx_bytes;
                A_ST_IRQS: s_axil_rdata <= irq_count;
                `SIMDEV_DMA_SRC_LO: s_axil_rdata <= dma_src[31:0];
                `SIMDEV_DMA_SRC_HI: s_axil_rdata <= dma_src[63:32];
                `SIMDEV_DMA_DST_LO: s_axil_rdata <= dma_dst[31:0];
                `SIMDEV_DMA_DST_HI: s_axil_rdata <= dma_dst[63:32];
                `SIMDEV_DMA_LEN: s_axil_rdata <= {20'd0, dma_total, 3'd0};
                `SIMDEV_DMA_STATUS: s_axil_rdata <= dma_status;
                `SIMDEV_IRQ_COUNT: s_axil_rdata <= irq_count;
                `SIMDEV_TX_LEN: s_axil_rdata <= {22'd0, tx_len};
                `SIMDEV_TX_STATUS: s_axil_rdata <= {31'd0, tx_busy};
                `SIMDEV_RX_FRAMES: s_axil_rdata <= rx_frames;
                `SIMDEV_RX_BYTES: s_axil_rdata <= rx_bytes;
                `SIMDEV_RX_LAST_LEN: s_axil_rdata <= rx_last_len;
                `SIMDEV_RX_CAP_IDX: s_axil_rdata <= {26'd0, rx_cap_idx};
                `SIMDEV_RX_CAP_LO: s_axil_rdata <= rxcap[rx_cap_idx][31:0];
                `SIMDEV_RX_CAP_HI: s_axil_rdata <= rxcap[rx_cap_idx][63:32];
                default: s_axil_rdata <= 32'd0;
            endcase
        end
    end

endmodule

`default_nettype wire
