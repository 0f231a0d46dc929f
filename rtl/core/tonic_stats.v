// SPDX-License-Identifier: MIT
// tonic_stats — the device's 64-bit statistics counters.
//
// Each counter has an increment input (`inc_valid` bit plus a 16-bit amount, so byte counters
// and frame counters share one mechanism). Increments are registered before the adders, so the
// datapath logic that produces them and the 64-bit carry chains are in different cycles. The CSR block reads a counter through `rd_index`
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
    reg [NUM-1:0]    inc_valid_q;
    reg [NUM*16-1:0] inc_amount_q;

    always @(posedge clk) begin
        inc_valid_q <= rst ? {NUM{1'b0}} : inc_valid;
        inc_amount_q <= inc_amount;
    end

    genvar i;
    generate
        for (i = 0; i < NUM; i = i + 1) begin : g_cnt
            always @(posedge clk) begin
                if (rst || clear) begin
                    cnt[i*64 +: 64] <= 64'd0;
                end else if (inc_valid_q[i]) begin
                    cnt[i*64 +: 64] <= cnt[i*64 +: 64] + {48'd0, inc_amount_q[i*16 +: 16]};
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
