// SPDX-License-Identifier: MIT
// tonic_fifo — synchronous first-word-fall-through FIFO with valid/ready on both sides.
//
// The workhorse queue between DMA stages (descriptor entries, burst plans, read data). Storage is
// a plain array written on one port and read combinationally, which maps to distributed RAM
// (LUTRAM) for small depths; `count` lets producers reserve room before they start a transfer.
`default_nettype none

module tonic_fifo #(
    parameter WIDTH = 32,        // bits per entry
    parameter DEPTH_LOG2 = 4     // log2 of the number of entries
) (
    input  wire                  clk,
    input  wire                  rst,
    input  wire [WIDTH-1:0]      s_data,
    input  wire                  s_valid,
    output wire                  s_ready,
    output wire [WIDTH-1:0]      m_data,
    output wire                  m_valid,
    input  wire                  m_ready,
    output wire [DEPTH_LOG2:0]   count
);
    localparam DEPTH = 1 << DEPTH_LOG2;

    reg [WIDTH-1:0] mem [0:DEPTH-1];
    reg [DEPTH_LOG2:0] wr_ptr_reg, rd_ptr_reg;

    wire full  = (wr_ptr_reg[DEPTH_LOG2] != rd_ptr_reg[DEPTH_LOG2]) &&
                 (wr_ptr_reg[DEPTH_LOG2-1:0] == rd_ptr_reg[DEPTH_LOG2-1:0]);
    wire empty = wr_ptr_reg == rd_ptr_reg;

    assign s_ready = !full;
    assign m_valid = !empty;
    assign m_data  = mem[rd_ptr_reg[DEPTH_LOG2-1:0]];
    assign count   = wr_ptr_reg - rd_ptr_reg;

    always @(posedge clk) begin
        if (s_valid && !full) begin
            mem[wr_ptr_reg[DEPTH_LOG2-1:0]] <= s_data;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            wr_ptr_reg <= 0;
            rd_ptr_reg <= 0;
        end else begin
            if (s_valid && !full) wr_ptr_reg <= wr_ptr_reg + 1'b1;
            if (m_ready && !empty) rd_ptr_reg <= rd_ptr_reg + 1'b1;
        end
    end

    initial begin
        if (DEPTH_LOG2 < 1 || DEPTH_LOG2 > 12) begin
            $error("tonic_fifo: DEPTH_LOG2 must be 1..12");
            $finish;
        end
    end
endmodule

`default_nettype wire
