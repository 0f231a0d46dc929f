// SPDX-License-Identifier: MIT
// tonic_stats — the device's 64-bit statistics counters.
//
// Each counter has an increment input (`inc_valid` bit plus a 16-bit amount, so byte counters
// and frame counters share one mechanism). The CSR block reads a counter through `rd_index`
// (combinational data) and can clear all of them. Counter order and names come from the
// generated register map (TONIC_STAT_*).
`default_nettype none
`include "tonic_regs.vh"

module tonic_stats #(
    parameter NUM = `TONIC_STATS_NUM   // number of counters
) (
    input  wire              clk,
    input  wire              rst,
    input  wire              clear,
    input  wire [NUM-1:0]    inc_valid,
    input  wire [NUM*16-1:0] inc_amount,
    input  wire [7:0]        rd_index,
    output wire [63:0]       rd_data
);
    reg [NUM*64-1:0] cnt;   // counter i at [i*64 +: 64]

    genvar i;
    generate
        for (i = 0; i < NUM; i = i + 1) begin : g_cnt
            always @(posedge clk) begin
                if (rst || clear) begin
                    cnt[i*64 +: 64] <= 64'd0;
                end else if (inc_valid[i]) begin
                    cnt[i*64 +: 64] <= cnt[i*64 +: 64] + {48'd0, inc_amount[i*16 +: 16]};
                end
            end
        end
    endgenerate

    assign rd_data = ({24'd0, rd_index} < NUM) ? cnt[rd_index*64 +: 64] : 64'd0;

    initial begin
        if (NUM < 2 || NUM > 256) begin
            $error("tonic_stats: NUM must be 2..256");
            $finish;
        end
    end
endmodule

`default_nettype wire
