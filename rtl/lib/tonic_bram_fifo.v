// SPDX-License-Identifier: MIT
// tonic_bram_fifo — first-word-fall-through FIFO in block RAM.
//
// For deep buffers (read data, frames) where distributed RAM would be wasteful. The RAM's
// registered read port is the output register: a new word is fetched whenever the output is
// empty or being taken, so the FIFO delivers one word per cycle with no bubbles. `count`
// includes the word in the output register.
`default_nettype none

module tonic_bram_fifo #(
    parameter WIDTH = 64,        // bits per entry
    parameter DEPTH_LOG2 = 9     // log2 of the RAM depth
) (
    input  wire                  clk,
    input  wire                  rst,
    input  wire [WIDTH-1:0]      s_data,
    input  wire                  s_valid,
    output wire                  s_ready,
    output reg  [WIDTH-1:0]      m_data,
    output reg                   m_valid,
    input  wire                  m_ready,
    output wire [DEPTH_LOG2+1:0] count
);
    localparam DEPTH = 1 << DEPTH_LOG2;

    reg [WIDTH-1:0] mem [0:DEPTH-1];
    reg [DEPTH_LOG2:0] wr_ptr_reg, rd_ptr_reg;

    wire full  = (wr_ptr_reg[DEPTH_LOG2] != rd_ptr_reg[DEPTH_LOG2]) &&
                 (wr_ptr_reg[DEPTH_LOG2-1:0] == rd_ptr_reg[DEPTH_LOG2-1:0]);
    wire empty = wr_ptr_reg == rd_ptr_reg;
    wire fetch = !empty && (!m_valid || m_ready);

    assign s_ready = !full;
    assign count = {1'b0, wr_ptr_reg - rd_ptr_reg} + {{(DEPTH_LOG2+1){1'b0}}, m_valid};

    always @(posedge clk) begin
        if (s_valid && !full) mem[wr_ptr_reg[DEPTH_LOG2-1:0]] <= s_data;
        if (fetch) m_data <= mem[rd_ptr_reg[DEPTH_LOG2-1:0]];
    end

    always @(posedge clk) begin
        if (s_valid && !full) wr_ptr_reg <= wr_ptr_reg + 1'b1;
        if (fetch) begin
            rd_ptr_reg <= rd_ptr_reg + 1'b1;
            m_valid <= 1'b1;
        end else if (m_ready) begin
            m_valid <= 1'b0;
        end
        if (rst) begin
            wr_ptr_reg <= 0;
            rd_ptr_reg <= 0;
            m_valid <= 1'b0;
        end
    end
endmodule

`default_nettype wire
