// SPDX-License-Identifier: MIT
// tonic_rr_pick — round-robin choice: the first requester at or after `start`.
//
// Combinational; the caller keeps the pointer (usually "one past the last winner"). Shared by
// every arbiter of the core (queue schedulers, AXI muxes, interrupt vectors) so they all behave
// the same. Index arithmetic wraps by compare-and-subtract, so N need not be a power of two.
`default_nettype none

module tonic_rr_pick #(
    parameter N = 4,                        // requesters
    parameter W = (N > 1) ? $clog2(N) : 1   // index width
) (
    input  wire [N-1:0] req,
    input  wire [W-1:0] start,
    output reg  [W-1:0] pick,
    output reg          valid
);
    integer k;
    reg [W:0] idx;
    always @* begin
        pick = start;
        valid = 1'b0;
        idx = {(W+1){1'b0}};
        for (k = N - 1; k >= 0; k = k - 1) begin
            idx = {1'b0, start} + k[W:0];
            if (idx >= N[W:0]) idx = idx - N[W:0];
            if (req[idx[W-1:0]]) begin
                pick = idx[W-1:0];
                valid = 1'b1;
            end
        end
    end
endmodule

`default_nettype wire
