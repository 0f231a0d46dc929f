// SPDX-License-Identifier: MIT
// tonic_aes_sbox — the AES S-box (SubBytes) or its inverse (InvSubBytes), one byte, combinational.
//
// FIPS-197 §5.1.1 defines the S-box as the multiplicative inverse in GF(2^8) modulo
// x^8 + x^4 + x^3 + x + 1 (0 maps to 0) followed by the affine transformation with constant 0x63;
// the tables below were computed from that definition (and checked against FIPS-197 Figure 7:
// S(0x53) = 0xed). An S-box is eight 8-input functions, which Yosys maps to LUT4s and the ECP5's
// PFUMX/L6MUX wide-function muxes (about three LUT levels), shallower than a composite-field
// circuit. INVERSE selects the inverse table (FIPS-197 Figure 14).
// Each output bit is a 256-bit constant indexed by the input byte (FWDk[i] = bit k of S(i)). Not a
// case table: Yosys turns a case table into a ROM and merges the register in front of it into the
// ROM, which moves the S-boxes to the other side of that register and undoes tonic_aes_core's
// SPLIT pipeline stage. Not one 2,048-bit vector either: indexing that by 8 * a costs Yosys
// gigabytes per design.
`default_nettype none

module tonic_aes_sbox #(
    parameter INVERSE = 0     // 0: SubBytes, 1: InvSubBytes
) (
    input  wire [7:0] a,
    output wire [7:0] q
);
    localparam [255:0] FWD0 = 256'h4f1ead396f247a0410bdb210c006eab568ab4bfa8acb7a13b14ede67096c6eed;
    localparam [255:0] FWD1 = 256'hc870974094ead8a96a450b2ef33486b4e61a4c5e97816f7a7bae007d4c53fc7d;
    localparam [255:0] FWD2 = 256'hac39b6c0d6ce2efc577d64e03b0c3ffb23a869a2a428c424a16387fb3b48b4c6;
    localparam [255:0] FWD3 = 256'h4e9ddb76c892fb1be9da849cf6ac6c1b2568ea2effa8527d109020a2193d586a;
    localparam [255:0] FWD4 = 256'hf210a3aece472e532624b286bc48ecb4f7f17a494ce30f58c2b0f97752b8b11e;
    localparam [255:0] FWD5 = 256'h54b248130b4f256f7d8dcc4706319e086bc2aa4e0d787aa4f8045f7b6d98dd7f;
    localparam [255:0] FWD6 = 256'h21e0b833255917823f6bcb91b30db559e4851b3bf3ab2560980a3cc2c2fdb4ff;
    localparam [255:0] FWD7 = 256'h52379de7b844e3e14cb3770196ca0329e7bac28f866aac825caa2ec7bf977090;
    localparam [255:0] INV0 = 256'hbb23f64cbbbe99eb224883fb66f0853ebf6869447a703000fa244cc2c4f6f54a;
    localparam [255:0] INV1 = 256'h08fb36349c4492694b3edf05c519cfb1eafca1c41d80c095278af97aa6faed25;
    localparam [255:0] INV2 = 256'hd4ed0858cba4d063a8174b51f4f76d70066ecb30ff317f9c914a87953be14968;
    localparam [255:0] INV3 = 256'hc21a4f3ceddcc8177b4df9b4da220cd1c67e14b661f51c623a33ab82e2758986;
    localparam [255:0] INV4 = 256'h94796cc45c368f8bdb67e21e7645b347242535634bdad5c743a0248f2155e9b9;
    localparam [255:0] INV5 = 256'habba8ef7872d518c98c5572aaf7ef2a1862233241073622f95de21da4167a5f4;
    localparam [255:0] INV6 = 256'h9b68a34aa647c842fe7b054beb14def8811147420dbf3d2f5b28f323fc43e20d;
    localparam [255:0] INV7 = 256'h015057d3fa286156af3152c24bb37fc247193377f0f0cb5664a46534f2dafd48;

    generate
        if (INVERSE != 0) begin : g_inv
            assign q = {INV7[a], INV6[a], INV5[a], INV4[a], INV3[a], INV2[a], INV1[a], INV0[a]};
        end else begin : g_fwd
            assign q = {FWD7[a], FWD6[a], FWD5[a], FWD4[a], FWD3[a], FWD2[a], FWD1[a], FWD0[a]};
        end
    endgenerate
endmodule

`default_nettype wire
