// SPDX-License-Identifier: MIT
// tonic_rv32_timer — the machine timer of the soft core (docs/cpu.md, "Machine timer").
//
// mtime counts core clock cycles; the timer interrupt is pending while mtime >= mtimecmp, as the
// RISC-V privileged spec describes it, and msip is the software interrupt bit. Registers are 32-bit
// words at offsets 0x00..0x10 with byte-lane writes; reads answer in the next cycle, like the RAMs
// beside it, so the subsystem treats all its local targets the same way.
`default_nettype none

module tonic_rv32_timer (
    input  wire        clk,
    input  wire        rst,
    input  wire        req,        // an accepted access this cycle
    input  wire        we,
    input  wire [2:0]  word,       // address bits 4:2
    input  wire [3:0]  wstrb,
    input  wire [31:0] wdata,
    output reg  [31:0] rdata,      // the word addressed by the previous cycle's request
    output reg         mtip,
    output wire        msip
);
    reg [63:0] mtime_reg, mtimecmp_reg;
    reg        msip_reg;

    wire [31:0] lanes = {{8{wstrb[3]}}, {8{wstrb[2]}}, {8{wstrb[1]}}, {8{wstrb[0]}}};
    wire        wr = req && we;
    function [31:0] merge(input [31:0] old);
        merge = (old & ~lanes) | (wdata & lanes);
    endfunction

    wire [63:0] mtime_inc = mtime_reg + 64'd1;

    always @(posedge clk) begin
        mtime_reg <= mtime_inc;
        if (wr && word == 3'd0) mtime_reg <= {mtime_reg[63:32], merge(mtime_reg[31:0])};
        if (wr && word == 3'd1) mtime_reg <= {merge(mtime_reg[63:32]), mtime_reg[31:0]};
        if (wr && word == 3'd2) mtimecmp_reg[31:0] <= merge(mtimecmp_reg[31:0]);
        if (wr && word == 3'd3) mtimecmp_reg[63:32] <= merge(mtimecmp_reg[63:32]);
        if (wr && word == 3'd4 && wstrb[0]) msip_reg <= wdata[0];
        case (word)
            3'd0: rdata <= mtime_reg[31:0];
            3'd1: rdata <= mtime_reg[63:32];
            3'd2: rdata <= mtimecmp_reg[31:0];
            3'd3: rdata <= mtimecmp_reg[63:32];
            3'd4: rdata <= {31'd0, msip_reg};
            default: rdata <= 32'd0;
        endcase
        mtip <= mtime_reg >= mtimecmp_reg;
        if (rst) begin
            mtime_reg <= 64'd0;
            mtimecmp_reg <= {64{1'b1}};
            msip_reg <= 1'b0;
            mtip <= 1'b0;
        end
    end

    assign msip = msip_reg;
endmodule
