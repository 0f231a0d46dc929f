// SPDX-License-Identifier: MIT
// tonic_cp — the control plane: the soft core (tonic_rv32_sys) with its firmware, and everything
// it owns that the host reaches only through it.
//
// Host side (BAR0 blocks CAPS, CONFIG, MBOX, FW through tonic_csr's control-plane port): the
// mailbox request buffer (write-only for the host), the response buffer, doorbell and status, the
// firmware's log FIFO, and the firmware-replacement window with its CRC engine.
// Firmware side (the core's peripheral bus, `periph` blocks of the register map, docs/mailbox.md):
// console, mailbox, HWCAP (what the RTL was built with), the CAPS and CONFIG words the host
// reads, the write-only key store and the hardware SA table.
//
// Key material enters only through the request buffer (host-write-only) and leaves only into the
// key store (write-only from both sides; its read port is for the crypto engines). No path leads
// from either to a host-readable register.
`default_nettype none
`include "tonic_regs.vh"

module tonic_cp #(
    parameter        FW_IMEM_INIT = "",   // firmware image built into the bitstream ($readmemh)
    parameter        FW_DMEM_INIT = "",
    parameter        SA_ENTRIES = `TONIC_P_SATBL_ENTRIES, // SA table and key store size (power of two)
    parameter        IMEM_BYTES = 32768,  // soft-core memories (tonic_rv32_sys)
    parameter        DMEM_BYTES = 16384,
    parameter [351:0] HWCAP = 352'd0      // offload layout words CSUM..DMA_SG, word i at [32*i +: 32]
) (
    input  wire        clk,
    input  wire        rst,
    // host side: register accesses from tonic_csr (word addresses in BAR0)
    input  wire        cp_wr,            // one-cycle write
    input  wire [15:0] cp_waddr,
    input  wire [31:0] cp_wdata,
    input  wire        cp_rd,            // one-cycle read; cp_rdata is valid the next cycle
    input  wire [15:0] cp_raddr,
    output reg  [31:0] cp_rdata,
    // the configuration the datapath follows (CONFIG words, layout as HWCAP)
    output wire [351:0] config_words,
    // the key store's read port, for the crypto engines
    input  wire [$clog2(SA_ENTRIES)+4:0] key_raddr,
    output reg  [31:0] key_rdata
);
    localparam SA_W = $clog2(SA_ENTRIES);
    localparam OFFLOAD_WORDS = 11;

    // ---------------------------------------------------------------- the soft core
    reg         hold_reg;              // FW.CTRL.HOLD: core in reset, loader window open
    reg         ld_en, ld_we;
    reg  [31:0] ld_addr, ld_wdata;
    wire [31:0] ld_rdata;
    wire        io_valid, io_we;
    wire [31:0] io_addr, io_wdata;
    wire [3:0]  io_wstrb;
    reg         io_rvalid_reg, io_err_reg;
    reg  [31:0] io_rdata_mux;
    reg         pending_reg, done_reg, ready_reg;
    reg  [31:0] svc_count_reg, svc_last_reg;   // doorbell-to-DONE cycles: running, last request

    /* verilator lint_off PINCONNECTEMPTY */
    tonic_rv32_sys #(.IMEM_BYTES(IMEM_BYTES), .DMEM_BYTES(DMEM_BYTES), .IMEM_INIT(FW_IMEM_INIT),
                     .DMEM_INIT(FW_DMEM_INIT)) sys (
        .clk(clk), .rst(rst), .cpu_rst(hold_reg),
        .ld_en(ld_en), .ld_we(ld_we), .ld_addr(ld_addr), .ld_wdata(ld_wdata), .ld_rdata(ld_rdata),
        .io_valid(io_valid), .io_ready(1'b1), .io_addr(io_addr), .io_we(io_we), .io_wstrb(io_wstrb),
        .io_wdata(io_wdata), .io_rvalid(io_rvalid_reg), .io_rdata(io_rdata_mux), .io_err(io_err_reg),
        .irq_ext(pending_reg),
        .trace_valid(), .trace_pc(), .trace_insn(), .trace_trap(), .trace_cause(), .trace_next_pc(),
        .trace_rd(), .trace_rd_wdata(), .trace_mem_addr(), .trace_mem_rmask(), .trace_mem_wmask(),
        .trace_mem_wdata(), .trace_mem_rdata()
    );
    /* verilator lint_on PINCONNECTEMPTY */

    // ---------------------------------------------------------------- firmware-side decode
    // offsets inside the blocks, sized for the decode below
    localparam [11:0] PM_REQ = 12'(`TONIC_P_MBOX_REQ_BUF), PM_RESP = 12'(`TONIC_P_MBOX_RESP_BUF),
                      PM_STATUS = 12'(`TONIC_P_MBOX_STATUS), PM_READY = 12'(`TONIC_P_MBOX_READY),
                      PM_DONE = 12'(`TONIC_P_MBOX_DONE), PK_DATA = 12'(`TONIC_P_KEYS_DATA),
                      PK_SLOT = 12'(`TONIC_P_KEYS_SLOT), PK_COUNT = 12'(`TONIC_P_KEYS_COUNT),
                      PK_CLEAR = 12'(`TONIC_P_KEYS_CLEAR);
    localparam [10:0] HM_REQ = 11'(`TONIC_MBOX_REQ_BUF), HM_RESP = 11'(`TONIC_MBOX_RESP_BUF);
    localparam [31:0] P_CONSOLE = `TONIC_P_CONSOLE_BASE, P_MBOX = `TONIC_P_MBOX_BASE,
                      P_HWCAP = `TONIC_P_HWCAP_BASE, P_CAPS = `TONIC_P_CAPS_BASE,
                      P_CONFIG = `TONIC_P_CONFIG_BASE, P_KEYS = `TONIC_P_KEYS_BASE,
                      P_SATBL = `TONIC_P_SATBL_BASE;
    wire        f_console = io_addr[31:12] == P_CONSOLE[31:12];
    wire        f_mbox    = io_addr[31:12] == P_MBOX[31:12];
    wire        f_hwcap   = io_addr[31:8] == P_HWCAP[31:8];
    wire        f_caps    = io_addr[31:8] == P_CAPS[31:8];
    wire        f_config  = io_addr[31:8] == P_CONFIG[31:8];
    wire        f_keys    = io_addr[31:12] == P_KEYS[31:12];
    wire        f_satbl   = io_addr[31:SA_W+6] == P_SATBL[31:SA_W+6];
    wire [11:0] f_off     = io_addr[11:0];
    // offload layout: words at +0x0C .. +0x34 of a block
    wire [7:0]  f_lw      = io_addr[7:0] - 8'h0C;
    wire        f_lw_ok   = io_addr[7:0] >= 8'h0C && f_lw[7:2] < OFFLOAD_WORDS && io_addr[1:0] == 2'b00;
    wire [3:0]  f_lidx    = f_lw[5:2];
    wire        f_req_buf = f_mbox && f_off >= PM_REQ && f_off < PM_REQ + 12'h200;
    wire        f_resp_buf= f_mbox && f_off >= PM_RESP && f_off < PM_RESP + 12'h200;
    wire        f_word    = io_we ? (io_wstrb == 4'hF) : 1'b1;   // registers take whole words
    wire        io_go     = io_valid;                             // io_ready is always 1

    reg  [31:0] caps_reg [0:OFFLOAD_WORDS-1];
    reg  [31:0] config_reg [0:OFFLOAD_WORDS-1];

    // ---------------------------------------------------------------- mailbox buffers
    // request: the host writes (write-only for it), the firmware reads (its writes are ignored:
    // one write port keeps this a block RAM)
    reg  [31:0] req_mem [0:127];
    reg  [31:0] req_q;
    // response: firmware writes and reads (port A), host reads (port B)
    reg  [31:0] resp_mem [0:127];
    reg  [31:0] resp_fw_q, resp_host_q;

    wire        h_mbox  = cp_waddr[15:11] == 5'(`TONIC_MBOX_BASE >> 11);
    wire [10:0] h_woff  = cp_waddr[10:0];
    wire        h_req_w = cp_wr && h_mbox && h_woff >= HM_REQ && h_woff < HM_REQ + 11'h200 && !pending_reg;

    wire [10:0] h_req_idx = h_woff - HM_REQ;
    always @(posedge clk) begin
        if (h_req_w) req_mem[h_req_idx[8:2]] <= cp_wdata;
    end
    always @(posedge clk) begin
        req_q <= req_mem[f_off[8:2]];
    end
    always @(posedge clk) begin
        if (io_go && io_we && f_resp_buf && f_word) resp_mem[f_off[8:2]] <= io_wdata;
        resp_fw_q <= resp_mem[f_off[8:2]];
    end
    wire [10:0] h_resp_idx = cp_raddr[10:0] - HM_RESP;
    always @(posedge clk) begin
        resp_host_q <= resp_mem[h_resp_idx[8:2]];
    end

    // ---------------------------------------------------------------- firmware log FIFO
    reg  [7:0]  log_mem [0:255];
    reg  [8:0]  log_wr_reg, log_rd_reg;
    wire        log_full = (log_wr_reg[8] != log_rd_reg[8]) && (log_wr_reg[7:0] == log_rd_reg[7:0]);
    wire        log_empty = log_wr_reg == log_rd_reg;
    wire        log_push = io_go && io_we && f_console && io_wstrb[0] && !log_full;
    wire        h_log_rd = cp_rd && cp_raddr == `TONIC_MBOX_BASE + `TONIC_MBOX_LOG;
    always @(posedge clk) begin
        if (log_push) log_mem[log_wr_reg[7:0]] <= io_wdata[7:0];
    end

    // ---------------------------------------------------------------- key store (write-only)
    reg  [31:0] key_mem [0:SA_ENTRIES*32-1];
    reg  [SA_W-1:0] key_slot_reg;
    reg  [4:0]  key_word_reg;
    reg  [31:0] key_count_reg;
    // the clear engine zeroes a key word and (for the first half of its run) an SATBL word per cycle
    reg         clr_busy_reg;
    reg  [SA_W+4:0] clr_idx_reg;
    wire        key_w = io_go && io_we && f_keys && f_word && f_off == PK_DATA && !clr_busy_reg;
    always @(posedge clk) begin
        if (clr_busy_reg) key_mem[clr_idx_reg] <= 32'd0;
        else if (key_w) key_mem[{key_slot_reg, key_word_reg}] <= io_wdata;
        key_rdata <= key_mem[key_raddr];
    end

    // ---------------------------------------------------------------- SA table (firmware port)
    reg  [31:0] sa_mem [0:SA_ENTRIES*16-1];
    reg  [31:0] sa_q;
    wire [SA_W+3:0] sa_idx = io_addr[SA_W+5:2];
    always @(posedge clk) begin
        if (clr_busy_reg) begin
            if (!clr_idx_reg[SA_W+4]) sa_mem[clr_idx_reg[SA_W+3:0]] <= 32'd0;
        end else if (io_go && io_we && f_satbl && f_word) begin
            sa_mem[sa_idx] <= io_wdata;
        end
        sa_q <= sa_mem[sa_idx];
    end

    // ---------------------------------------------------------------- firmware-side registers
    localparam [2:0] R_REG = 3'd0, R_REQ = 3'd1, R_RESP = 3'd2, R_SA = 3'd3;
    reg  [2:0]  f_src_reg;
    reg  [31:0] f_reg_q;
    reg  [31:0] f_val;
    reg         f_ok;
    integer k;
    always @(*) begin
        f_ok = f_word;
        f_val = 32'd0;
        if (f_console) begin
            f_ok = f_word || io_we;
        end else if (f_mbox) begin
            if (f_off == PM_STATUS) f_val = {31'd0, pending_reg};
            else if (f_off == PM_READY) f_val = {31'd0, ready_reg};
            else if (f_off == PM_DONE) f_ok = f_word && io_we;
            else f_ok = f_word && (f_req_buf || f_resp_buf);
        end else if (f_hwcap) begin
            f_ok = f_word && f_lw_ok && !io_we;
            f_val = f_lw_ok ? HWCAP[32*f_lidx +: 32] : 32'd0;
        end else if (f_caps) begin
            f_ok = f_word && f_lw_ok;
            f_val = f_lw_ok ? caps_reg[f_lidx] : 32'd0;
        end else if (f_config) begin
            f_ok = f_word && f_lw_ok;
            f_val = f_lw_ok ? config_reg[f_lidx] : 32'd0;
        end else if (f_keys) begin
            // SLOT and DATA are write-only; COUNT is the only readable word
            f_ok = f_word && (io_we ? (f_off == PK_SLOT || f_off == PK_DATA || f_off == PK_CLEAR)
                                    : (f_off == PK_COUNT || f_off == PK_CLEAR));
            f_val = (f_off == PK_CLEAR) ? {31'd0, clr_busy_reg} : key_count_reg;
        end else if (f_satbl) begin
            f_ok = f_word;
        end else begin
            f_ok = 1'b0;
        end
    end

    always @(posedge clk) begin
        io_rvalid_reg <= io_go;
        io_err_reg <= io_go && !f_ok;
        f_reg_q <= f_val;
        f_src_reg <= f_req_buf ? R_REQ : f_resp_buf ? R_RESP : f_satbl ? R_SA : R_REG;
        if (io_go && io_we && f_ok) begin
            if (f_mbox && f_off == PM_DONE && io_wdata[0] && pending_reg) begin
                pending_reg <= 1'b0;
                done_reg <= 1'b1;
            end
            if (f_mbox && f_off == PM_READY) ready_reg <= io_wdata[0];
            if (f_caps) caps_reg[f_lidx] <= io_wdata;
            if (f_config) config_reg[f_lidx] <= io_wdata;
            if (f_keys && f_off == PK_SLOT) begin
                key_slot_reg <= io_wdata[SA_W-1:0];
                key_word_reg <= 5'd0;
            end
            if (key_w) begin
                key_word_reg <= key_word_reg + 5'd1;
                key_count_reg <= key_count_reg + 32'd1;
            end
        end
        if (io_go && io_we && f_ok && f_keys && f_off == PK_CLEAR && io_wdata[0] && !clr_busy_reg) begin
            clr_busy_reg <= 1'b1;
            clr_idx_reg <= {(SA_W+5){1'b0}};
        end
        if (clr_busy_reg) begin
            clr_idx_reg <= clr_idx_reg + 1'b1;
            if (&clr_idx_reg) clr_busy_reg <= 1'b0;
        end
        if (log_push) log_wr_reg <= log_wr_reg + 9'd1;
        if (h_log_rd && !log_empty) log_rd_reg <= log_rd_reg + 9'd1;
        // host doorbell: a request is handed to the firmware; its service time is counted
        if (pending_reg) svc_count_reg <= svc_count_reg + 32'd1;
        if (io_go && io_we && f_ok && f_mbox && f_off == PM_DONE && io_wdata[0] && pending_reg)
            svc_last_reg <= svc_count_reg + 32'd1;
        if (cp_wr && cp_waddr == `TONIC_MBOX_BASE + `TONIC_MBOX_DOORBELL && cp_wdata[0] && !pending_reg) begin
            pending_reg <= 1'b1;
            done_reg <= 1'b0;
            svc_count_reg <= 32'd0;
        end
        if (hold_reg) ready_reg <= 1'b0;   // a held core serves nothing
        if (rst) begin
            io_rvalid_reg <= 1'b0;
            pending_reg <= 1'b0;
            done_reg <= 1'b0;
            ready_reg <= 1'b0;
            svc_count_reg <= 32'd0;
            svc_last_reg <= 32'd0;
            log_wr_reg <= 9'd0;
            log_rd_reg <= 9'd0;
            key_slot_reg <= {SA_W{1'b0}};
            key_word_reg <= 5'd0;
            key_count_reg <= 32'd0;
            clr_busy_reg <= 1'b0;
            for (k = 0; k < OFFLOAD_WORDS; k = k + 1) begin
                caps_reg[k] <= 32'd0;
                config_reg[k] <= 32'd0;
            end
        end
    end
    always @(*) begin
        case (f_src_reg)
            R_REQ:   io_rdata_mux = req_q;
            R_RESP:  io_rdata_mux = resp_fw_q;
            R_SA:    io_rdata_mux = sa_q;
            default: io_rdata_mux = f_reg_q;
        endcase
    end

    genvar gw;
    generate
        for (gw = 0; gw < OFFLOAD_WORDS; gw = gw + 1) begin : g_cfg
            assign config_words[32*gw +: 32] = config_reg[gw];
        end
    endgenerate

    // ---------------------------------------------------------------- firmware replacement (FW block)
    wire        h_fw = cp_waddr[15:11] == 5'(`TONIC_FW_BASE >> 11);
    wire [10:0] h_fw_off = cp_waddr[10:0];
    wire [31:0] ld_next = ld_addr + 32'd4;
    wire        ld_in_mem = ld_addr < 32'(IMEM_BYTES) ||
                            (ld_addr >= 32'h1000_0000 && ld_addr < 32'h1000_0000 + 32'(DMEM_BYTES));
    reg         crc_busy_reg, crc_wait_reg, refused_reg;
    reg  [31:0] crc_left_reg, crc_reg, crc_result_reg;
    wire [31:0] crc_next;
    wire [159:0] crc_all_unused;
    eth_crc32 #(.DATA_W(32)) u_crc (
        .crc_in(crc_reg), .data(ld_rdata), .keep(4'hF), .crc_out(crc_next), .crc_all(crc_all_unused)
    );

    always @(posedge clk) begin
        ld_en <= 1'b0;
        ld_we <= 1'b0;
        if (cp_wr && h_fw) begin
            case (h_fw_off)
                11'(`TONIC_FW_CTRL): if (!crc_busy_reg) hold_reg <= cp_wdata[`TONIC_FW_CTRL_HOLD_LSB];
                11'(`TONIC_FW_ADDR): if (!crc_busy_reg) ld_addr <= {cp_wdata[31:2], 2'b00};
                11'(`TONIC_FW_DATA):
                    if (hold_reg && !crc_busy_reg && ld_in_mem) begin
                        ld_en <= 1'b1;
                        ld_we <= 1'b1;
                        ld_wdata <= cp_wdata;
                    end else refused_reg <= 1'b1;
                11'(`TONIC_FW_CRC_LEN):
                    if (hold_reg && !crc_busy_reg && cp_wdata != 32'd0) begin
                        crc_busy_reg <= 1'b1;
                        crc_wait_reg <= 1'b0;
                        crc_left_reg <= cp_wdata;
                        crc_reg <= 32'hFFFF_FFFF;
                    end else refused_reg <= 1'b1;
                11'(`TONIC_FW_STATUS): if (cp_wdata[`TONIC_FW_STATUS_REFUSED_LSB]) refused_reg <= 1'b0;
                default: ;
            endcase
        end
        // a DATA write: advance the address after the loader took the word
        if (ld_en && ld_we) ld_addr <= ld_next;
        // CRC engine: read a word (ld_en), take it the next cycle, advance
        if (crc_busy_reg) begin
            if (!crc_wait_reg) begin
                if (ld_in_mem) begin
                    ld_en <= 1'b1;
                    crc_wait_reg <= 1'b1;
                end else begin
                    crc_busy_reg <= 1'b0;        // ran off the memory: stop, flag
                    refused_reg <= 1'b1;
                    crc_result_reg <= ~crc_reg;
                end
            end else if (!ld_en) begin
                crc_reg <= crc_next;
                crc_wait_reg <= 1'b0;
                ld_addr <= ld_next;
                crc_left_reg <= crc_left_reg - 32'd1;
                if (crc_left_reg == 32'd1) begin
                    crc_busy_reg <= 1'b0;
                    crc_result_reg <= ~crc_next;
                end
            end
        end
        if (rst) begin
            hold_reg <= 1'b0;
            ld_addr <= 32'd0;
            crc_busy_reg <= 1'b0;
            crc_wait_reg <= 1'b0;
            refused_reg <= 1'b0;
            crc_result_reg <= 32'd0;
        end
    end

    // ---------------------------------------------------------------- host-side reads
    // CAPS/CONFIG words, MBOX and FW registers; registered, valid the cycle after cp_rd
    localparam [15:0] CAPS_W0 = `TONIC_CAPS_BASE + 16'h0C, CONFIG_W0 = `TONIC_CONFIG_BASE + 16'h0C;
    wire [15:0] h_caps_off = cp_raddr - CAPS_W0;
    wire [15:0] h_cfg_off = cp_raddr - CONFIG_W0;
    reg         h_resp_sel;
    reg  [31:0] h_val;
    always @(*) begin
        h_val = 32'd0;
        if (h_caps_off < 16'(OFFLOAD_WORDS * 4)) h_val = caps_reg[h_caps_off[5:2]];
        else if (h_cfg_off < 16'(OFFLOAD_WORDS * 4)) h_val = config_reg[h_cfg_off[5:2]];
        else case (cp_raddr)
            `TONIC_MBOX_BASE + `TONIC_MBOX_STATUS: h_val = {28'd0, hold_reg, ready_reg, done_reg, pending_reg};
            `TONIC_MBOX_BASE + `TONIC_MBOX_LOG:    h_val = {23'd0, !log_empty, log_empty ? 8'd0 : log_mem[log_rd_reg[7:0]]};
            `TONIC_MBOX_BASE + `TONIC_MBOX_LAST_CYCLES: h_val = svc_last_reg;
            `TONIC_FW_BASE + `TONIC_FW_CTRL:       h_val = {31'd0, hold_reg};
            `TONIC_FW_BASE + `TONIC_FW_ADDR:       h_val = ld_addr;
            `TONIC_FW_BASE + `TONIC_FW_CRC_LEN:    h_val = crc_left_reg;
            `TONIC_FW_BASE + `TONIC_FW_CRC:        h_val = crc_result_reg;
            `TONIC_FW_BASE + `TONIC_FW_STATUS:     h_val = {30'd0, refused_reg, crc_busy_reg};
            default: h_val = 32'd0;
        endcase
    end
    reg [31:0] h_val_q;
    always @(posedge clk) begin
        h_val_q <= h_val;
        h_resp_sel <= cp_raddr[15:11] == 5'(`TONIC_MBOX_BASE >> 11) &&
                      cp_raddr[10:0] >= HM_RESP && cp_raddr[10:0] < 11'(HM_RESP + 11'h200);
    end
    always @(*) cp_rdata = h_resp_sel ? resp_host_q : h_val_q;

    wire unused_ok = &{1'b0, crc_all_unused, io_addr[1:0], f_lw[1:0], h_fw_off[1:0], cp_waddr[1:0], h_req_idx[10:9], h_req_idx[1:0],
                       h_resp_idx[10:9], h_resp_idx[1:0]};

    initial begin
        if (`TONIC_P_SATBL_ENTRY_BYTES != 64 || `TONIC_P_KEYS_SLOT_WORDS != 32 ||
            `TONIC_P_MBOX_BUF_BYTES != 512 || `TONIC_P_MBOX_STATUS_PENDING_LSB != 0 ||
            `TONIC_P_MBOX_READY_READY_LSB != 0) begin
            $error("tonic_cp: the decode needs 64-byte SATBL entries, 32-word key slots, 512-byte buffers, bit-0 flags");
            $finish;
        end
        if ((SA_ENTRIES & (SA_ENTRIES - 1)) != 0 || SA_ENTRIES < 16 || SA_ENTRIES > 4096) begin
            $error("tonic_cp: SA_ENTRIES must be a power of two, 16..4096");
            $finish;
        end
        if (`TONIC_P_MBOX_RESP_BUF != 16'h600 || `TONIC_P_MBOX_REQ_BUF != 16'h400 ||
            `TONIC_MBOX_REQ_BUF != 16'h100 || `TONIC_MBOX_RESP_BUF != 16'h300 ||
            (`TONIC_MBOX_BASE & 16'h7FF) != 0 || (`TONIC_FW_BASE & 16'h7FF) != 0) begin
            $error("tonic_cp: the buffer decode needs 512-byte buffers at these offsets and 2 KiB-aligned blocks");
            $finish;
        end
    end
endmodule
