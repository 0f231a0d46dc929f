// SPDX-License-Identifier: MIT
// tonic_fetch_cand — one queue's next descriptor fetch, registered (used by tonic_tx_desc and
// tonic_rx_desc for every queue in parallel).
//
// A fetch reads `n` consecutive descriptors starting at the queue's fetch index `fidx`, in one
// AXI burst. n is the smallest of: MAX_N, the descriptors the host has posted (PROD - fidx
// modulo the ring), the descriptors before the ring wraps, the descriptors before the next
// 4 KiB boundary (a burst never crosses one), and `room` (what the cache downstream can take).
// Each bound is first clamped to MAX_N, so the minimum is taken over narrow numbers.
// `cand_n` is 0 when the queue must not fetch (`allow` low) or there is nothing to fetch.
`default_nettype none

module tonic_fetch_cand #(
    parameter DESC_LOG2 = 5,     // descriptor size, log2 bytes (rings are 64-byte aligned)
    parameter MAX_N = 8          // most descriptors in one fetch (1..15)
) (
    input  wire        clk,
    input  wire        rst,
    input  wire [63:0] base,         // ring base address
    input  wire [3:0]  size_log2,    // ring entries, log2 (4..12)
    input  wire [11:0] prod,         // host's producer index
    input  wire [11:0] fidx,         // next descriptor to fetch
    input  wire [4:0]  room,         // descriptors the cache can still take
    input  wire        allow,
    output reg  [3:0]  cand_n,
    output wire        cand_valid,   // cand_n != 0
    output reg  [63:0] cand_addr     // address of descriptor fidx
);
    localparam BW = 12 - DESC_LOG2;  // descriptor index bits inside a 4 KiB page

    function [3:0] clamp;
        input [12:0] x;
        begin
            clamp = (x >= 13'(MAX_N)) ? 4'(MAX_N) : x[3:0];
        end
    endfunction

    function [3:0] min2;
        input [3:0] a, b;
        begin
            min2 = (a < b) ? a : b;
        end
    endfunction

    wire [12:0]   size    = 13'd1 << size_log2;
    wire [12:0]   avail   = ({1'b0, prod} - {1'b0, fidx}) & (size - 13'd1);
    wire [12:0]   to_wrap = size - {1'b0, fidx};
    wire [BW-1:0] blk     = base[11:DESC_LOG2] + fidx[BW-1:0];    // page slot of descriptor fidx
    wire [12:0]   to_4k   = 13'(1 << BW) - 13'(blk);
    wire [3:0]    n = min2(min2(clamp(avail), clamp(to_wrap)), min2(clamp(to_4k), clamp({8'd0, room})));

    assign cand_valid = cand_n != 4'd0;

    always @(posedge clk) begin
        cand_n <= allow ? n : 4'd0;
        cand_addr <= base + {{(52-DESC_LOG2){1'b0}}, fidx, {DESC_LOG2{1'b0}}};
        if (rst) cand_n <= 4'd0;
    end

    wire unused_ok = &{1'b0, base[DESC_LOG2-1:0], fidx[11:BW]};

    initial begin
        if (DESC_LOG2 < 3 || DESC_LOG2 > 6 || MAX_N < 1 || MAX_N > 15) begin
            $error("tonic_fetch_cand: DESC_LOG2 must be 3..6 and MAX_N 1..15");
            $finish;
        end
    end
endmodule

`default_nettype wire
