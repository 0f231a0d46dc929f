// SPDX-License-Identifier: MIT
// tonic_ghash_mul — one digit step of a GF(2^128) multiplication for GHASH, combinational:
//
//     q = acc + d * h   (mod P = x^128 + x^7 + x^2 + x + 1)
//
// with d a 64-bit digit. Operands are in the "polynomial" order: bit i is the coefficient of x^i
// (GCM's own bit order, SP 800-38D §6.3, reverses every byte string: coefficient i is bit 7 - i%8
// of byte i/8; tonic_gcm converts at its edges). A full 128 x 128 product is two of these steps,
//     X * H = X_lo * H + X_hi * (H * x^64)
// where X_lo holds coefficients 0..63 (block bytes 0..7) and X_hi coefficients 64..127 (bytes
// 8..15), so the bytes of a block can be absorbed in the order they arrive, 64 bits a cycle, with
// H and H * x^64 both precomputed per key. The 64 x 128 carry-less product is 8,192 AND terms in
// XOR trees (at most 64 terms per output bit); its 63 high bits fold back once, since
// x^(128+k) = x^k (x^7 + x^2 + x + 1) and k + 7 < 128.
`default_nettype none

module tonic_ghash_mul (
    input  wire [127:0] acc,
    input  wire [63:0]  d,
    input  wire [127:0] h,
    output wire [127:0] q
);
    reg [190:0] c;
    reg [127:0] r;
    reg [127:0] hi;
    integer i;
    always @* begin
        c = 191'd0;
        for (i = 0; i < 64; i = i + 1)
            c = c ^ (({63'd0, h} << i) & {191{d[i]}});
        hi = {65'd0, c[190:128]};
        r = c[127:0] ^ hi ^ (hi << 1) ^ (hi << 2) ^ (hi << 7);
    end
    assign q = acc ^ r;
endmodule

`default_nettype wire
