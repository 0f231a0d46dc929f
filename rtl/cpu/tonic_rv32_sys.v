// SPDX-License-Identifier: MIT
// tonic_rv32_sys — the soft-core subsystem: tonic_rv32 with its instruction and data memories, the
// machine timer, and the peripheral bus that leaves for the device's control registers.
//
// Memory map and bus protocol: docs/cpu.md. IMEM is a true dual-port block RAM: port A fetches,
// port B serves the core's loads (constants live beside the code) and the image loader. DMEM is a
// single-port block RAM with byte lanes. Both can be initialised from the firmware build
// ($readmemh images built into the bitstream) and rewritten by the host through the loader port
// while `cpu_rst` holds the core in reset. Local targets (RAMs, timer, refused addresses) answer
// one cycle after the request; the peripheral bus answers when its device does.
`default_nettype none

module tonic_rv32_sys #(
    parameter [31:0] RESET_ADDR = 32'h0000_0000,
    parameter        RV_M = 1,
    parameter [31:0] HART_ID = 32'd0,
    parameter        IMEM_BYTES = 32768,   // power of two
    parameter        DMEM_BYTES = 16384,   // power of two
    parameter        IMEM_INIT = "",       // $readmemh image of IMEM (32-bit words), "" for none
    parameter        DMEM_INIT = ""
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        cpu_rst,       // holds the core in reset; enables the loader port
    // image loader (host side, BAR window); active only while cpu_rst
    input  wire        ld_en,
    input  wire        ld_we,
    input  wire [31:0] ld_addr,       // core address: IMEM or DMEM
    input  wire [31:0] ld_wdata,
    output wire [31:0] ld_rdata,      // word at the previous cycle's ld_addr (0 outside IMEM/DMEM)
    // peripheral bus (0x3000_0000 - 0x3FFF_FFFF)
    output wire        io_valid,
    input  wire        io_ready,
    output wire [31:0] io_addr,
    output wire        io_we,
    output wire [3:0]  io_wstrb,
    output wire [31:0] io_wdata,
    input  wire        io_rvalid,
    input  wire [31:0] io_rdata,
    input  wire        io_err,
    input  wire        irq_ext,
    // retirement trace of the core (docs/cpu.md)
    output wire        trace_valid,
    output wire [31:0] trace_pc,
    output wire [31:0] trace_insn,
    output wire        trace_trap,
    output wire [31:0] trace_cause,
    output wire [31:0] trace_next_pc,
    output wire [4:0]  trace_rd,
    output wire [31:0] trace_rd_wdata,
    output wire [31:0] trace_mem_addr,
    output wire [3:0]  trace_mem_rmask,
    output wire [3:0]  trace_mem_wmask,
    output wire [31:0] trace_mem_wdata,
    output wire [31:0] trace_mem_rdata
);
    localparam IMEM_AW = $clog2(IMEM_BYTES);
    localparam DMEM_AW = $clog2(DMEM_BYTES);
    localparam IMEM_WORDS = IMEM_BYTES / 4;
    localparam DMEM_WORDS = DMEM_BYTES / 4;
    localparam [31:0] DMEM_BASE = 32'h1000_0000;
    localparam [31:0] TIMER_BASE = 32'h2000_0000;

    wire core_rst = rst || cpu_rst;

    // ---------------------------------------------------------------- core
    wire [31:0] imem_addr, imem_rdata;
    wire        d_valid, d_we, d_rvalid, d_err;
    wire        d_ready;
    wire [31:0] d_addr, d_wdata, d_rdata;
    wire [3:0]  d_wstrb;
    wire        mtip, msip;
    reg         imem_err_reg;

    tonic_rv32 #(.RESET_ADDR(RESET_ADDR), .RV_M(RV_M), .HART_ID(HART_ID)) core (
        .clk(clk), .rst(core_rst),
        .imem_addr(imem_addr), .imem_rdata(imem_rdata), .imem_err(imem_err_reg),
        .d_valid(d_valid), .d_ready(d_ready), .d_addr(d_addr), .d_we(d_we), .d_wstrb(d_wstrb),
        .d_wdata(d_wdata), .d_rvalid(d_rvalid), .d_rdata(d_rdata), .d_err(d_err),
        .irq_soft(msip), .irq_timer(mtip), .irq_ext(irq_ext),
        .trace_valid(trace_valid), .trace_pc(trace_pc), .trace_insn(trace_insn),
        .trace_trap(trace_trap), .trace_cause(trace_cause), .trace_next_pc(trace_next_pc),
        .trace_rd(trace_rd), .trace_rd_wdata(trace_rd_wdata), .trace_mem_addr(trace_mem_addr),
        .trace_mem_rmask(trace_mem_rmask), .trace_mem_wmask(trace_mem_wmask),
        .trace_mem_wdata(trace_mem_wdata), .trace_mem_rdata(trace_mem_rdata)
    );

    // ---------------------------------------------------------------- decode of a data request
    wire in_imem  = d_addr[31:IMEM_AW] == {(32 - IMEM_AW){1'b0}};
    wire in_dmem  = d_addr[31:DMEM_AW] == DMEM_BASE[31:DMEM_AW];
    wire in_timer = d_addr[31:5] == TIMER_BASE[31:5];
    wire in_io    = d_addr[31:28] == 4'h3;
    wire ok_local = (in_imem && !d_we) || in_dmem || in_timer;

    localparam [1:0] SRC_IMEM = 2'd0, SRC_DMEM = 2'd1, SRC_TIMER = 2'd2, SRC_IO = 2'd3;
    reg  [1:0] src_reg;
    reg        local_resp_reg, local_err_reg;

    assign io_valid = d_valid && in_io;
    assign io_addr  = d_addr;
    assign io_we    = d_we;
    assign io_wstrb = d_wstrb;
    assign io_wdata = d_wdata;
    assign d_ready  = in_io ? io_ready : 1'b1;

    wire local_req = d_valid && !in_io;   // always accepted
    always @(posedge clk) begin
        local_resp_reg <= local_req;
        local_err_reg <= !ok_local;
        if (d_valid && d_ready) src_reg <= in_io ? SRC_IO : in_dmem ? SRC_DMEM : in_timer ? SRC_TIMER : SRC_IMEM;
        if (core_rst) local_resp_reg <= 1'b0;
    end

    // ---------------------------------------------------------------- IMEM: fetch on A, load/loader on B
    // The loader writes port B only while the core is in reset, so a fetch on port A never meets a
    // write to the same word: no_rw_check tells Yosys so, and it maps one true dual-port RAM instead
    // of one copy per read port.
    (* no_rw_check *) reg [31:0] imem [0:IMEM_WORDS-1];
    reg  [31:0] imem_a_q, imem_b_q;
    wire        ld_imem = ld_addr[31:IMEM_AW] == {(32 - IMEM_AW){1'b0}};
    wire        ld_dmem = ld_addr[31:DMEM_AW] == DMEM_BASE[31:DMEM_AW];
    wire        ld_go = cpu_rst && ld_en;
    wire [IMEM_AW-3:0] imem_b_idx = cpu_rst ? ld_addr[IMEM_AW-1:2] : d_addr[IMEM_AW-1:2];
    initial begin
        if (IMEM_INIT != "") $readmemh(IMEM_INIT, imem);
    end
    always @(posedge clk) begin
        imem_a_q <= imem[imem_addr[IMEM_AW-1:2]];
        imem_err_reg <= imem_addr[31:IMEM_AW] != {(32 - IMEM_AW){1'b0}};
    end
    always @(posedge clk) begin
        if (ld_go && ld_we && ld_imem) imem[imem_b_idx] <= ld_wdata;
        imem_b_q <= imem[imem_b_idx];
    end
    assign imem_rdata = imem_a_q;

    // ---------------------------------------------------------------- DMEM: one port, byte lanes
    wire [DMEM_AW-3:0] dmem_idx = cpu_rst ? ld_addr[DMEM_AW-1:2] : d_addr[DMEM_AW-1:2];
    wire [3:0]  dmem_we = cpu_rst ? {4{ld_go && ld_we && ld_dmem}} : {4{d_valid && d_we && in_dmem}} & d_wstrb;
    wire [31:0] dmem_wdata = cpu_rst ? ld_wdata : d_wdata;
    reg  [31:0] dmem [0:DMEM_WORDS-1];
    reg  [31:0] dmem_q;
    initial begin
        if (DMEM_INIT != "") $readmemh(DMEM_INIT, dmem);
    end
    always @(posedge clk) begin
        if (dmem_we[0]) dmem[dmem_idx][7:0] <= dmem_wdata[7:0];
        if (dmem_we[1]) dmem[dmem_idx][15:8] <= dmem_wdata[15:8];
        if (dmem_we[2]) dmem[dmem_idx][23:16] <= dmem_wdata[23:16];
        if (dmem_we[3]) dmem[dmem_idx][31:24] <= dmem_wdata[31:24];
        dmem_q <= dmem[dmem_idx];
    end

    // ---------------------------------------------------------------- timer
    wire [31:0] timer_q;
    tonic_rv32_timer timer (
        .clk(clk), .rst(rst), .req(d_valid && in_timer), .we(d_we), .word(d_addr[4:2]),
        .wstrb(d_wstrb), .wdata(d_wdata), .rdata(timer_q), .mtip(mtip), .msip(msip)
    );

    // ---------------------------------------------------------------- responses
    reg [31:0] local_q;
    always @(*) begin
        case (src_reg)
            SRC_IMEM:  local_q = imem_b_q;
            SRC_DMEM:  local_q = dmem_q;
            default:   local_q = timer_q;
        endcase
    end
    assign d_rvalid = local_resp_reg || io_rvalid;
    assign d_err    = local_resp_reg ? local_err_reg : io_err;
    assign d_rdata  = local_resp_reg ? (local_err_reg ? 32'd0 : local_q) : io_rdata;

    // loader read-back: the memory the previous cycle's address selected
    reg ld_sel_imem_reg, ld_sel_dmem_reg;
    always @(posedge clk) begin
        ld_sel_imem_reg <= ld_imem;
        ld_sel_dmem_reg <= ld_dmem;
    end
    assign ld_rdata = ld_sel_imem_reg ? imem_b_q : ld_sel_dmem_reg ? dmem_q : 32'd0;

    // word addressed: byte offsets are always 0 (pc alignment is checked by the core)
    wire unused_ok = &{1'b0, ld_addr[1:0], imem_addr[1:0]};

    initial begin
        if ((IMEM_BYTES & (IMEM_BYTES - 1)) != 0 || IMEM_BYTES < 1024 || IMEM_BYTES > (1 << 28)) begin
            $error("tonic_rv32_sys: IMEM_BYTES must be a power of two, 1 KiB .. 256 MiB");
            $finish;
        end
        if ((DMEM_BYTES & (DMEM_BYTES - 1)) != 0 || DMEM_BYTES < 1024 || DMEM_BYTES > (1 << 28)) begin
            $error("tonic_rv32_sys: DMEM_BYTES must be a power of two, 1 KiB .. 256 MiB");
            $finish;
        end
    end
endmodule
