// SPDX-License-Identifier: MIT
// axis_keep.vh — tkeep helpers shared by the stream blocks, included inside a module body.
// The including module defines KEEP_W (bytes per beat) and KC_W = $clog2(KEEP_W + 1) first.
// tkeep is always contiguous from bit 0 in this design.

// bytes in a contiguous keep: one more than the index of the highest set bit
function [KC_W-1:0] keep_count(input [KEEP_W-1:0] k);
    integer j;
    begin
        keep_count = {KC_W{1'b0}};
        for (j = 0; j < KEEP_W; j = j + 1)
            if (k[j])
                keep_count = j[KC_W-1:0] + 1'b1;
    end
endfunction

// a keep of n bytes (n ones from bit 0), n <= KEEP_W
function [KEEP_W-1:0] keep_mask(input [KC_W:0] n);
    integer j;
    begin
        for (j = 0; j < KEEP_W; j = j + 1)
            keep_mask[j] = j < n;
    end
endfunction
