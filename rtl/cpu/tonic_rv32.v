// SPDX-License-Identifier: MIT
// tonic_rv32 — the control-plane soft core: RV32I + Zicsr, machine mode, M as a parameter.
//
// Architecture contract: docs/cpu.md (memory map, CSRs, traps, trace). The C model in
// sim/cpu/rv32_iss.c implements the same contract and tests/cpu compares the two retirement by
// retirement.
//
// Micro-architecture: a short multi-cycle machine, chosen so that every path is one RAM or one
// block of logic long (the core shares the NIC's clock). Instruction memory is synchronous block
// RAM. DECODE latches the instruction from the RAM and reads its two source registers from the
// register file (distributed RAM) into registers; EXEC computes everything from those registers.
// While an instruction decodes and executes, the RAM is already reading pc + 4, so a sequential
// instruction follows at once (CPI 2); a jump, taken branch, trap or MRET fetches again (CPI 3).
// Loads and stores present their registered request in REQ and wait in RESP (stores 4 cycles with
// block RAM, loads 5 with the write-back), M instructions wait for the multiplier (3) or the divider (35).
//
//   state FETCH  : present pc to the instruction RAM
//   state DECODE : instruction and source registers into registers
//   state EXEC   : execute; take an interrupt or an exception, or start a memory/M operation
//   state REQ    : data request presented, waiting for d_ready
//   state RESP   : waiting for d_rvalid (a store completes; a load takes its word; or the bus error)
//   state WB     : a load's word aligned, extended and written back (the RAM output never feeds
//                  the register file in the same cycle)
//   state MD     : waiting for tonic_rv32_muldiv
`default_nettype none

module tonic_rv32 #(
    parameter [31:0] RESET_ADDR = 32'h0000_0000, // first fetch after reset
    parameter        RV_M = 1,                   // 1: M extension; 0: its encodings are illegal
    parameter [31:0] HART_ID = 32'd0             // mhartid
) (
    input  wire        clk,
    input  wire        rst,
    // instruction fetch (synchronous RAM: data for the previous cycle's address)
    output wire [31:0] imem_addr,
    input  wire [31:0] imem_rdata,
    input  wire        imem_err,
    // data bus: request valid/ready, one response per request
    output wire        d_valid,
    input  wire        d_ready,
    output wire [31:0] d_addr,
    output wire        d_we,
    output wire [3:0]  d_wstrb,
    output wire [31:0] d_wdata,
    input  wire        d_rvalid,
    input  wire [31:0] d_rdata,
    input  wire        d_err,
    // interrupt levels
    input  wire        irq_soft,
    input  wire        irq_timer,
    input  wire        irq_ext,
    // retirement trace (docs/cpu.md); registered, one cycle per event
    output reg         trace_valid,
    output reg  [31:0] trace_pc,
    output reg  [31:0] trace_insn,
    output reg         trace_trap,
    output reg  [31:0] trace_cause,
    output reg  [31:0] trace_next_pc,
    output reg  [4:0]  trace_rd,
    output reg  [31:0] trace_rd_wdata,
    output reg  [31:0] trace_mem_addr,
    output reg  [3:0]  trace_mem_rmask,
    output reg  [3:0]  trace_mem_wmask,
    output reg  [31:0] trace_mem_wdata,
    output reg  [31:0] trace_mem_rdata
);
    localparam [2:0] S_FETCH = 3'd0, S_DECODE = 3'd1, S_EXEC = 3'd2, S_REQ = 3'd3, S_RESP = 3'd4,
                     S_MD = 3'd5, S_WB = 3'd6;

    localparam [6:0] OP_LUI = 7'b0110111, OP_AUIPC = 7'b0010111, OP_JAL = 7'b1101111,
                     OP_JALR = 7'b1100111, OP_BRANCH = 7'b1100011, OP_LOAD = 7'b0000011,
                     OP_STORE = 7'b0100011, OP_IMM = 7'b0010011, OP_OP = 7'b0110011,
                     OP_MISC = 7'b0001111, OP_SYSTEM = 7'b1110011;

    localparam [31:0] INSN_ECALL = 32'h0000_0073, INSN_EBREAK = 32'h0010_0073,
                      INSN_MRET = 32'h3020_0073, INSN_WFI = 32'h1050_0073;

    localparam [31:0] CAUSE_FETCH_MISALIGNED = 32'd0, CAUSE_FETCH_FAULT = 32'd1,
                      CAUSE_ILLEGAL = 32'd2, CAUSE_BREAKPOINT = 32'd3,
                      CAUSE_LOAD_MISALIGNED = 32'd4, CAUSE_LOAD_FAULT = 32'd5,
                      CAUSE_STORE_MISALIGNED = 32'd6, CAUSE_STORE_FAULT = 32'd7,
                      CAUSE_ECALL = 32'd11, CAUSE_IRQ_SOFT = 32'h8000_0003,
                      CAUSE_IRQ_TIMER = 32'h8000_0007, CAUSE_IRQ_EXT = 32'h8000_000b;

    // ---------------------------------------------------------------- state
    reg [2:0]  state_reg;
    reg [31:0] pc_reg;
    reg [31:0] insn_reg;         // the instruction being executed, latched in DECODE
    reg        fetch_err_reg;    // its fetch was outside IMEM
    reg [31:0] op_a_reg, op_b_reg; // rs1 and rs2, read in DECODE

    reg        mie_reg, mpie_reg;                // mstatus
    reg        msie_reg, mtie_reg, meie_reg;     // mie
    reg [29:0] mtvec_reg, mepc_reg;              // bits 31:2
    reg [31:0] mscratch_reg, mcause_reg, mtval_reg;
    reg [63:0] mcycle_reg, minstret_reg;

    // register file: distributed RAM; power-up contents 0 (FPGA initial values), a reset does not
    // clear it (docs/cpu.md)
    reg [31:0] rf [0:31];
    integer i;
    initial begin
        for (i = 0; i < 32; i = i + 1) rf[i] = 32'd0;
    end

    // ---------------------------------------------------------------- decode
    wire [31:0] insn = insn_reg;
    wire [6:0]  opcode = insn[6:0];
    wire [4:0]  rd = insn[11:7];
    wire [2:0]  f3 = insn[14:12];
    wire [4:0]  rs1 = insn[19:15];
    wire [6:0]  f7 = insn[31:25];
    wire [11:0] csr_addr = insn[31:20];

    wire [31:0] imm_i = {{20{insn[31]}}, insn[31:20]};
    wire [31:0] imm_s = {{20{insn[31]}}, insn[31:25], insn[11:7]};
    wire [31:0] imm_b = {{19{insn[31]}}, insn[31], insn[7], insn[30:25], insn[11:8], 1'b0};
    wire [31:0] imm_u = {insn[31:12], 12'd0};
    wire [31:0] imm_j = {{11{insn[31]}}, insn[31], insn[19:12], insn[20], insn[30:21], 1'b0};

    wire [31:0] x1 = op_a_reg;
    wire [31:0] x2 = op_b_reg;

    // DECODE: the instruction leaves the RAM into insn_reg, its source registers into op_*_reg
    wire [4:0] dec_rs1 = imem_rdata[19:15];
    wire [4:0] dec_rs2 = imem_rdata[24:20];
    always @(posedge clk) begin
        if (state_reg == S_DECODE) begin
            insn_reg <= imem_rdata;
            fetch_err_reg <= imem_err;
            op_a_reg <= (dec_rs1 == 5'd0) ? 32'd0 : rf[dec_rs1];
            op_b_reg <= (dec_rs2 == 5'd0) ? 32'd0 : rf[dec_rs2];
        end
    end

    wire is_lui = opcode == OP_LUI;
    wire is_auipc = opcode == OP_AUIPC;
    wire is_jal = opcode == OP_JAL;
    wire is_jalr = opcode == OP_JALR;
    wire is_branch = opcode == OP_BRANCH;
    wire is_load = opcode == OP_LOAD;
    wire is_store = opcode == OP_STORE;
    wire is_op = opcode == OP_OP;
    wire is_misc = opcode == OP_MISC;
    wire is_system = opcode == OP_SYSTEM;
    wire is_md = is_op && (f7 == 7'b0000001) && (RV_M != 0);
    wire is_csr = is_system && (f3[1:0] != 2'b00);

    // ---------------------------------------------------------------- CSR read and legality
    wire csr_writes = (f3[1:0] == 2'b01) || (rs1 != 5'd0);  // CSRRW(I) always; RS/RC when rs1/uimm != 0
    reg  [31:0] csr_rdata;
    reg         csr_known;
    always @(*) begin
        csr_known = 1'b1;
        case (csr_addr)
            12'h300: csr_rdata = {19'd0, 2'b11, 3'd0, mpie_reg, 3'd0, mie_reg, 3'd0};
            12'h301: csr_rdata = 32'h4000_0100 | ((RV_M != 0) ? 32'h0000_1000 : 32'd0);
            12'h304: csr_rdata = {20'd0, meie_reg, 3'd0, mtie_reg, 3'd0, msie_reg, 3'd0};
            12'h305: csr_rdata = {mtvec_reg, 2'b00};
            12'h310: csr_rdata = 32'd0;
            12'h340: csr_rdata = mscratch_reg;
            12'h341: csr_rdata = {mepc_reg, 2'b00};
            12'h342: csr_rdata = mcause_reg;
            12'h343: csr_rdata = mtval_reg;
            12'h344: csr_rdata = {20'd0, irq_ext, 3'd0, irq_timer, 3'd0, irq_soft, 3'd0};
            12'hb00, 12'hc00: csr_rdata = mcycle_reg[31:0];
            12'hb80, 12'hc80: csr_rdata = mcycle_reg[63:32];
            12'hb02, 12'hc02: csr_rdata = minstret_reg[31:0];
            12'hb82, 12'hc82: csr_rdata = minstret_reg[63:32];
            12'hf11, 12'hf12, 12'hf13: csr_rdata = 32'd0;
            12'hf14: csr_rdata = HART_ID;
            default: begin
                csr_rdata = 32'd0;
                csr_known = 1'b0;
            end
        endcase
    end
    wire        csr_ro = csr_addr[11:10] == 2'b11;
    wire [31:0] csr_operand = f3[2] ? {27'd0, rs1} : x1;
    reg  [31:0] csr_wdata;
    always @(*) begin
        case (f3[1:0])
            2'b01:   csr_wdata = csr_operand;
            2'b10:   csr_wdata = csr_rdata | csr_operand;
            default: csr_wdata = csr_rdata & ~csr_operand;
        endcase
    end

    // ---------------------------------------------------------------- legality
    reg legal;
    always @(*) begin
        case (opcode)
            OP_LUI, OP_AUIPC, OP_JAL: legal = 1'b1;
            OP_JALR:   legal = f3 == 3'd0;
            OP_BRANCH: legal = f3[2:1] != 2'b01;
            OP_LOAD:   legal = (f3 != 3'd3) && (f3 != 3'd6) && (f3 != 3'd7);
            OP_STORE:  legal = f3 <= 3'd2;
            OP_IMM:    legal = (f3 == 3'd1) ? (f7 == 7'd0) :
                               (f3 == 3'd5) ? ((f7 == 7'd0) || (f7 == 7'b0100000)) : 1'b1;
            OP_OP:     legal = (f7 == 7'd0) || ((f7 == 7'b0100000) && ((f3 == 3'd0) || (f3 == 3'd5))) ||
                               ((f7 == 7'b0000001) && (RV_M != 0));
            OP_MISC:   legal = f3[2:1] == 2'b00;
            OP_SYSTEM: legal = (f3 == 3'd0) ? ((insn == INSN_ECALL) || (insn == INSN_EBREAK) ||
                                               (insn == INSN_MRET) || (insn == INSN_WFI)) :
                               (f3 == 3'd4) ? 1'b0 : (csr_known && !(csr_ro && csr_writes));
            default:   legal = 1'b0;
        endcase
    end

    // ---------------------------------------------------------------- ALU
    wire [31:0] alu_b = is_op ? x2 : imm_i;
    wire [4:0]  shamt = alu_b[4:0];
    wire        alt = insn[30] && (is_op || f3 == 3'd5);   // SUB / SRA / SRAI
    wire [32:0] diff = {1'b0, x1} - {1'b0, alu_b};
    wire        lt_u = diff[32];
    wire        lt_s = (x1[31] != alu_b[31]) ? x1[31] : diff[31];
    reg  [31:0] alu_out;
    always @(*) begin
        case (f3)
            3'd0: alu_out = alt ? diff[31:0] : x1 + alu_b;
            3'd1: alu_out = x1 << shamt;
            3'd2: alu_out = {31'd0, lt_s};
            3'd3: alu_out = {31'd0, lt_u};
            3'd4: alu_out = x1 ^ alu_b;
            3'd5: alu_out = alt ? $unsigned($signed(x1) >>> shamt) : x1 >> shamt;
            3'd6: alu_out = x1 | alu_b;
            default: alu_out = x1 & alu_b;
        endcase
    end

    // branches compare rs1 with rs2
    wire [32:0] bdiff = {1'b0, x1} - {1'b0, x2};
    wire        b_eq = x1 == x2;
    wire        b_ltu = bdiff[32];
    wire        b_lt = (x1[31] != x2[31]) ? x1[31] : bdiff[31];
    wire        unused_bdiff = &{1'b0, bdiff[30:0]};
    reg         b_take;
    always @(*) begin
        case (f3)
            3'd0: b_take = b_eq;
            3'd1: b_take = !b_eq;
            3'd4: b_take = b_lt;
            3'd5: b_take = !b_lt;
            3'd6: b_take = b_ltu;
            default: b_take = !b_ltu;
        endcase
    end

    wire [31:0] pc4 = pc_reg + 32'd4;
    wire [31:0] jalr_target = (x1 + imm_i) & ~32'd1;
    wire [31:0] jump_target = is_jalr ? jalr_target : pc_reg + (is_jal ? imm_j : imm_b);
    wire        jumps = is_jal || is_jalr || (is_branch && b_take);
    // the low bits alone decide misalignment (pc is aligned; JALR clears bit 0), so the check does
    // not wait for the carry chains of the target adders
    wire [1:0]  jalr_low = x1[1:0] + imm_i[1:0];
    wire        unused_jalr_low = &{1'b0, jalr_low[0]};
    wire        jump_misaligned = jumps && (is_jalr ? jalr_low[1] : is_jal ? imm_j[1] : imm_b[1]);

    // ---------------------------------------------------------------- memory access
    // EXEC computes the access into registers, REQ presents it: the bus never waits on the adder
    wire [31:0] mem_imm = is_store ? imm_s : imm_i;
    wire [31:0] mem_addr = x1 + mem_imm;
    wire [1:0]  lane = x1[1:0] + mem_imm[1:0];
    wire        mem_misaligned = (f3[1:0] == 2'd1) ? lane[0] : (f3[1:0] == 2'd2) ? (lane != 2'd0) : 1'b0;
    wire [3:0]  mem_mask = (f3[1:0] == 2'd0) ? (4'b0001 << lane) :
                           (f3[1:0] == 2'd1) ? (lane[1] ? 4'b1100 : 4'b0011) : 4'b1111;
    wire [31:0] store_word = (f3[1:0] == 2'd0) ? {4{x2[7:0]}} : (f3[1:0] == 2'd1) ? {2{x2[15:0]}} : x2;
    wire [31:0] store_lanes = store_word & {{8{mem_mask[3]}}, {8{mem_mask[2]}}, {8{mem_mask[1]}}, {8{mem_mask[0]}}};
    reg  [31:0] maddr_reg, mwdata_reg;
    reg  [3:0]  mmask_reg;
    reg  [31:0] ld_data_reg;   // the loaded word, taken in RESP and written back in WB
    wire [31:0] load_shift = ld_data_reg >> {maddr_reg[1:0], 3'b000};
    wire        unused_shift = &{1'b0, load_shift[31:16]};
    wire [31:0] load_value = (f3 == 3'd0) ? {{24{load_shift[7]}}, load_shift[7:0]} :
                             (f3 == 3'd1) ? {{16{load_shift[15]}}, load_shift[15:0]} :
                             (f3 == 3'd4) ? {24'd0, load_shift[7:0]} :
                             (f3 == 3'd5) ? {16'd0, load_shift[15:0]} : ld_data_reg;

    // ---------------------------------------------------------------- interrupts
    // Decided a cycle ahead into registers. There is always a DECODE cycle between two EXECs, so the
    // decision an EXEC uses already sees every CSR write of the instruction before it.
    wire [2:0]  irq_pend = {irq_ext & meie_reg, irq_soft & msie_reg, irq_timer & mtie_reg};
    reg         irq_req_reg;
    reg  [31:0] irq_cause_reg;
    always @(posedge clk) begin
        irq_req_reg <= mie_reg && (irq_pend != 3'd0);
        irq_cause_reg <= irq_pend[2] ? CAUSE_IRQ_EXT : irq_pend[1] ? CAUSE_IRQ_SOFT : CAUSE_IRQ_TIMER;
    end
    wire        irq_take = (state_reg == S_EXEC) && irq_req_reg;
    wire [31:0] irq_cause = irq_cause_reg;

    // exceptions of the instruction itself, apart from the data-access ones (the retire decision of
    // non-memory instructions depends only on these)
    wire exc_insn = fetch_err_reg || !legal || (insn == INSN_ECALL) || (insn == INSN_EBREAK) || jump_misaligned;

    // ---------------------------------------------------------------- M extension
    wire        md_done;
    wire [31:0] md_result;
    wire        md_start = (state_reg == S_EXEC) && is_md && !exc_insn && !irq_take;
    generate
        if (RV_M != 0) begin : g_m
            tonic_rv32_muldiv muldiv (
                .clk(clk), .rst(rst), .start(md_start), .funct3(f3), .a(x1), .b(x2),
                .done(md_done), .result(md_result)
            );
        end else begin : g_no_m
            assign md_done = 1'b0;
            assign md_result = 32'd0;
            wire unused_m = &{1'b0, md_start};
        end
    endgenerate

    // ---------------------------------------------------------------- the cycle's outcome
    wire exec = (state_reg == S_EXEC) && !irq_take;
    reg        exc;          // exception raised this cycle
    reg [31:0] exc_cause, exc_tval;
    always @(*) begin
        exc = 1'b0;
        exc_cause = 32'd0;
        exc_tval = 32'd0;
        if (exec) begin
            if (fetch_err_reg) begin
                exc = 1'b1; exc_cause = CAUSE_FETCH_FAULT; exc_tval = pc_reg;
            end else if (!legal) begin
                exc = 1'b1; exc_cause = CAUSE_ILLEGAL; exc_tval = insn;
            end else if (insn == INSN_ECALL) begin
                exc = 1'b1; exc_cause = CAUSE_ECALL;
            end else if (insn == INSN_EBREAK) begin
                exc = 1'b1; exc_cause = CAUSE_BREAKPOINT;
            end else if (jump_misaligned) begin
                exc = 1'b1; exc_cause = CAUSE_FETCH_MISALIGNED; exc_tval = jump_target;
            end else if ((is_load || is_store) && mem_misaligned) begin
                exc = 1'b1; exc_cause = is_store ? CAUSE_STORE_MISALIGNED : CAUSE_LOAD_MISALIGNED;
                exc_tval = mem_addr;
            end
        end else if (state_reg == S_RESP && d_rvalid && d_err) begin
            exc = 1'b1; exc_cause = is_store ? CAUSE_STORE_FAULT : CAUSE_LOAD_FAULT; exc_tval = maddr_reg;
        end
    end
    wire mem_start = exec && !exc_insn && !mem_misaligned && (is_load || is_store);
    wire trap = irq_take || exc;
    wire retire = (exec && !exc_insn && !is_load && !is_store && !is_md) ||
                  (state_reg == S_RESP && d_rvalid && !d_err && is_store) ||
                  (state_reg == S_WB) ||
                  (state_reg == S_MD && md_done);
    wire is_mret = insn == INSN_MRET;

    // register write-back
    wire       rd_from_alu = (is_op && !is_md) || (opcode == OP_IMM);
    reg        rd_we;
    reg [31:0] rd_value;
    always @(*) begin
        rd_we = retire && (rd != 5'd0) && !is_branch && !is_store && !is_misc &&
                !(is_system && f3 == 3'd0);
        // the sources are mutually exclusive: an AND-OR mux, not a priority chain
        rd_value = ({32{is_lui}} & imm_u) | ({32{is_auipc}} & (pc_reg + imm_u)) |
                   ({32{is_jal || is_jalr}} & pc4) | ({32{is_load}} & load_value) |
                   ({32{is_csr}} & csr_rdata) | ({32{is_md}} & md_result) | ({32{rd_from_alu}} & alu_out);
    end
    always @(posedge clk) begin
        if (rd_we) rf[rd] <= rd_value;
    end

    wire [31:0] trap_pc = {mtvec_reg, 2'b00};
    wire [31:0] retire_pc = is_mret ? {mepc_reg, 2'b00} : jumps ? jump_target : pc4;
    wire        redirect = trap || (retire && (jumps || is_mret));  // not to pc + 4: fetch again
    wire [31:0] pc_next = trap ? trap_pc : retire ? retire_pc : pc_reg;
    // FETCH presents pc; every other state presents pc + 4, so that the next sequential
    // instruction is waiting in the RAM when the current one retires
    assign imem_addr = (state_reg == S_FETCH) ? pc_reg : pc4;

    // data bus: the request is combinational from the held instruction and registers
    assign d_valid = state_reg == S_REQ;
    assign d_addr  = maddr_reg;
    assign d_we    = is_store;
    assign d_wstrb = is_store ? mmask_reg : 4'd0;
    assign d_wdata = mwdata_reg;
    always @(posedge clk) begin
        if (state_reg == S_RESP && d_rvalid) ld_data_reg <= d_rdata;
        if (mem_start) begin
            maddr_reg <= mem_addr;
            mmask_reg <= mem_mask;
            mwdata_reg <= store_lanes;
        end
    end

    // ---------------------------------------------------------------- sequential
    wire csr_we = exec && !exc && is_csr && csr_writes;
    wire [31:0] trap_cause = irq_take ? irq_cause : exc_cause;
    wire [63:0] mcycle_inc = mcycle_reg + 64'd1;
    wire [63:0] minstret_inc = retire ? minstret_reg + 64'd1 : minstret_reg;
    wire [63:0] mcycle_next = !csr_we ? mcycle_inc :
                              (csr_addr == 12'hb00) ? {mcycle_reg[63:32], csr_wdata} :
                              (csr_addr == 12'hb80) ? {csr_wdata, mcycle_reg[31:0]} : mcycle_inc;
    wire [63:0] minstret_next = !csr_we ? minstret_inc :
                                (csr_addr == 12'hb02) ? {minstret_reg[63:32], csr_wdata} :
                                (csr_addr == 12'hb82) ? {csr_wdata, minstret_reg[31:0]} : minstret_inc;

    always @(posedge clk) begin
        // state and pc
        pc_reg <= pc_next;
        case (state_reg)
            S_FETCH:  state_reg <= S_DECODE;
            S_DECODE: state_reg <= S_EXEC;
            S_EXEC:   if (mem_start) state_reg <= S_REQ;
                      else if (md_start) state_reg <= S_MD;
                      else state_reg <= redirect ? S_FETCH : S_DECODE;
            S_REQ:    if (d_ready) state_reg <= S_RESP;
            S_RESP:   if (d_rvalid) state_reg <= redirect ? S_FETCH : (is_store ? S_DECODE : S_WB);
            S_WB:     state_reg <= S_DECODE;
            default:  if (md_done) state_reg <= S_DECODE;
        endcase

        // counters: a CSR write replaces that cycle's increment (docs/cpu.md)
        mcycle_reg <= mcycle_next;
        minstret_reg <= minstret_next;

        // CSR writes
        if (csr_we) begin
            case (csr_addr)
                12'h300: begin mie_reg <= csr_wdata[3]; mpie_reg <= csr_wdata[7]; end
                12'h304: begin msie_reg <= csr_wdata[3]; mtie_reg <= csr_wdata[7]; meie_reg <= csr_wdata[11]; end
                12'h305: mtvec_reg <= csr_wdata[31:2];
                12'h340: mscratch_reg <= csr_wdata;
                12'h341: mepc_reg <= csr_wdata[31:2];
                12'h342: mcause_reg <= csr_wdata;
                12'h343: mtval_reg <= csr_wdata;
                default: ;
            endcase
        end

        // traps and MRET
        if (trap) begin
            mepc_reg <= pc_reg[31:2];
            mcause_reg <= trap_cause;
            mtval_reg <= irq_take ? 32'd0 : exc_tval;
            mpie_reg <= mie_reg;
            mie_reg <= 1'b0;
        end else if (retire && is_mret) begin
            mie_reg <= mpie_reg;
            mpie_reg <= 1'b1;
        end

        if (rst) begin
            state_reg <= S_FETCH;
            pc_reg <= RESET_ADDR;
            mie_reg <= 1'b0;
            mpie_reg <= 1'b0;
            msie_reg <= 1'b0;
            mtie_reg <= 1'b0;
            meie_reg <= 1'b0;
            mtvec_reg <= 30'd0;
            mepc_reg <= 30'd0;
            mscratch_reg <= 32'd0;
            mcause_reg <= 32'd0;
            mtval_reg <= 32'd0;
            mcycle_reg <= 64'd0;
            minstret_reg <= 64'd0;
        end
    end

    // ---------------------------------------------------------------- retirement trace
    wire mem_done = (state_reg == S_RESP && d_rvalid && !d_err && is_store) || state_reg == S_WB;
    always @(posedge clk) begin
        trace_valid <= retire || trap;
        trace_pc <= pc_reg;
        trace_insn <= (irq_take || (exec && fetch_err_reg)) ? 32'd0 : insn;   // nothing was fetched
        trace_trap <= trap;
        trace_cause <= trap ? trap_cause : 32'd0;
        trace_next_pc <= pc_next;
        trace_rd <= rd_we ? rd : 5'd0;
        trace_rd_wdata <= rd_we ? rd_value : 32'd0;
        trace_mem_addr <= mem_done ? maddr_reg : 32'd0;
        trace_mem_rmask <= (mem_done && is_load) ? mmask_reg : 4'd0;
        trace_mem_wmask <= (mem_done && is_store) ? mmask_reg : 4'd0;
        trace_mem_wdata <= (mem_done && is_store) ? mwdata_reg : 32'd0;
        trace_mem_rdata <= (mem_done && is_load) ? ld_data_reg : 32'd0;
        if (rst) trace_valid <= 1'b0;
    end

    initial begin
        if (RESET_ADDR[1:0] != 2'b00) begin
            $error("tonic_rv32: RESET_ADDR must be a multiple of 4");
            $finish;
        end
    end
endmodule
