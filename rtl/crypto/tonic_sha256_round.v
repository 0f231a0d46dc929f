// SPDX-License-Identifier: MIT
// tonic_sha256_round — one SHA-256 compression round (FIPS 180-4 §6.2.2 step 3), combinational.
//
// The datapath primitive of tonic_sha256_core, which chains ROUNDS of these per clock. The working
// variables travel as one 256-bit vector with a in [31:0], b in [63:32], ... h in [255:224] (the
// same word order as the chaining value H0..H7). The round constant and the schedule word arrive
// already added (kw = K_t + W_t): the core computes that sum a cycle ahead from registers, which
// takes two of the five operands of T1 off the round's critical path.
//
//   T1 = h + Σ1(e) + Ch(e,f,g) + kw        T2 = Σ0(a) + Maj(a,b,c)
//   (a..h) <- (T1 + T2, a, b, c, d + T1, e, f, g)
`default_nettype none

module tonic_sha256_round (
    input  wire [255:0] st_in,   // working variables before the round, a in [31:0] .. h in [255:224]
    input  wire [31:0]  kw,      // K_t + W_t
    output wire [255:0] st_out   // working variables after the round
);
    wire [31:0] a = st_in[31:0];
    wire [31:0] b = st_in[63:32];
    wire [31:0] c = st_in[95:64];
    wire [31:0] d = st_in[127:96];
    wire [31:0] e = st_in[159:128];
    wire [31:0] f = st_in[191:160];
    wire [31:0] g = st_in[223:192];
    wire [31:0] h = st_in[255:224];

    // rotations written out as bit slices: ROTR^n(x) = {x[n-1:0], x[31:n]}
    wire [31:0] big_sigma0 = {a[1:0], a[31:2]} ^ {a[12:0], a[31:13]} ^ {a[21:0], a[31:22]};
    wire [31:0] big_sigma1 = {e[5:0], e[31:6]} ^ {e[10:0], e[31:11]} ^ {e[24:0], e[31:25]};
    wire [31:0] ch  = (e & f) ^ (~e & g);
    wire [31:0] maj = (a & b) ^ (a & c) ^ (b & c);

    wire [31:0] t1 = h + big_sigma1 + ch + kw;
    wire [31:0] t2 = big_sigma0 + maj;

    assign st_out = {g, f, e, d + t1, c, b, a, t1 + t2};
endmodule

`default_nettype wire
