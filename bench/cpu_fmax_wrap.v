// SPDX-License-Identifier: MIT
// cpu_fmax_wrap — a timing-only wrapper that lets nextpnr place and route the soft-core subsystem
// (tonic_rv32_sys) on its own, for the Fmax and area figures of bench/cpu.sh.
//
// The loader and peripheral-bus inputs come from registers fed by an LFSR, the peripheral-bus
// outputs are folded into one register by XOR, so every port path starts and ends at a flip-flop as
// it would inside the NIC. The retirement trace is left unconnected, as in hardware (it exists for
// the lockstep tests). Not part of the product.
`default_nettype none

module cpu_fmax_wrap #(
    parameter RV_M = 1,
    parameter IMEM_BYTES = 32768,
    parameter DMEM_BYTES = 16384
) (
    input  wire clk,
    input  wire rst,
    output reg  sig
);
    wire [63:0] lfsr;
    fmax_lfsr u_lfsr (.clk(clk), .rst(rst), .q(lfsr));
    reg [63:0] r0, r1;
    always @(posedge clk) begin
        r0 <= lfsr;
        r1 <= {lfsr[31:0], lfsr[63:32]};
    end

    wire        io_valid, io_we;
    wire [31:0] io_addr, io_wdata, ld_rdata;
    wire [3:0]  io_wstrb;
    tonic_rv32_sys #(.RV_M(RV_M), .IMEM_BYTES(IMEM_BYTES), .DMEM_BYTES(DMEM_BYTES)) sys (
        .clk(clk), .rst(rst), .cpu_rst(r0[0] & r0[1] & r0[2]),
        .ld_en(r0[3]), .ld_we(r0[4]), .ld_addr({r0[5] ? 4'h1 : 4'h0, 12'd0, r0[31:16]}), .ld_wdata(r1[31:0]),
        .ld_rdata(ld_rdata),
        .io_valid(io_valid), .io_ready(r0[6]), .io_addr(io_addr), .io_we(io_we), .io_wstrb(io_wstrb),
        .io_wdata(io_wdata), .io_rvalid(r0[7]), .io_rdata(r1[63:32]), .io_err(r0[8]), .irq_ext(r0[9]),
        .trace_valid(), .trace_pc(), .trace_insn(), .trace_trap(), .trace_cause(), .trace_next_pc(),
        .trace_rd(), .trace_rd_wdata(), .trace_mem_addr(), .trace_mem_rmask(), .trace_mem_wmask(),
        .trace_mem_wdata(), .trace_mem_rdata()
    );

    always @(posedge clk) sig <= ^{io_valid, io_we, io_addr, io_wdata, io_wstrb, ld_rdata};
endmodule
