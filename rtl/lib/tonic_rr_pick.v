// SPDX-License-Identifier: MIT
// tonic_rr_pick — round-robin arbiter: the first requester at or after the priority pointer.
//
// `pick`/`valid` are combinational from `req`. The pointer is kept here: after the caller
// reports a grant (`grant` with the index it granted, `grant_idx`), the requester after it has
// priority. Shared by every arbiter of the core (queue schedulers, AXI muxes, interrupt vectors)
// so they all behave the same. Index arithmetic wraps by compare-and-subtract, so N need not be
// a power of two.
`default_nettype none

module tonic_rr_pick #(
    parameter N = 4,                        // requesters
    parameter W = (N > 1) ? $clog2(N) : 1   // index width
) (
    input  wire         clk,
    input  wire         rst,
    input  wire [N-1:0] req,
    output reg  [W-1:0] pick,
    output reg          valid,
    input  wire         grant,
    input  wire [W-1:0] grant_idx
);
    reg [W-1:0] start_reg;

    integer k;
    reg [W:0] idx;
    always @* begin
        pick = start_reg;
        valid = 1'b0;
        idx = {(W+1){1'b0}};
        for (k = N - 1; k >= 0; k = k - 1) begin
            idx = {1'b0, start_reg} + k[W:0];
            if (idx >= N[W:0]) idx = idx - N[W:0];
            if (req[idx[W-1:0]]) begin
                pick = idx[W-1:0];
                valid = 1'b1;
            end
        end
    end

    always @(posedge clk) begin
        if (grant) start_reg <= (32'(grant_idx) == N - 1) ? {W{1'b0}} : grant_idx + 1'b1;
        if (rst) start_reg <= {W{1'b0}};
    end

    initial begin
        if (N < 1 || (1 << W) < N) begin
            $error("tonic_rr_pick: W too narrow for N");
            $finish;
        end
    end
endmodule

`default_nettype wire
