// SPDX-License-Identifier: MIT
// tonic_aes_round — one AES round, or one half of it, combinational: the datapath primitive of
// tonic_aes_core.
//
//   PART 0, a whole round:
//     encrypt:  q = MixColumns(ShiftRows(SubBytes(a))) ^ rk          (FIPS-197 §5.1)
//     decrypt:  q = InvMixColumns(InvShiftRows(InvSubBytes(a))) ^ rk (equivalent inverse cipher,
//               §5.3.5; the key expander stores InvMixColumns of the middle round keys for it)
//   PART 1, the first half:  q = ShiftRows(SubBytes(a)), or InvShiftRows(InvSubBytes(a))
//   PART 2, the second half: q = MixColumns(a) ^ rk, or InvMixColumns(a) ^ rk
//   (PART 1 then PART 2 through a register is PART 0 with a pipeline stage between the S-boxes and
//   the column mixing: tonic_aes_core's SPLIT = 1.)
//   last:     the final round: no (Inv)MixColumns (ignored by PART 1)
//   bypass:   q = a (a pipeline slot that has no round left to do; see tonic_aes_core)
// The state is the FIPS-197 byte string, byte n at bits [127-8n -: 8]. With DECRYPT = 0 the inverse
// S-boxes and InvMixColumns are not built and `dec` is ignored.
`default_nettype none

module tonic_aes_round #(
    parameter DECRYPT = 1,    // 1: build the decryption datapath as well
    parameter PART    = 0     // 0: whole round, 1: S-boxes and row shift, 2: column mix and key
) (
    input  wire [127:0] a,
    input  wire [127:0] rk,
    input  wire         dec,      // 1: inverse round (only with DECRYPT = 1)
    input  wire         last,     // 1: final round (no MixColumns)
    input  wire         bypass,   // 1: pass a through unchanged
    output wire [127:0] q
);
    localparam SUB = PART != 2;   // this part has the S-boxes
    localparam MIX = PART != 1;   // this part has the column mix and the round key

    // ---- SubBytes then ShiftRows: out[r][c] = S(in[r][(c + r) mod 4]) ----------------------
    wire [127:0] sr_f, sr_i;      // forward / inverse first half
    genvar n;
    generate
        if (SUB) begin : g_sub
            wire [127:0] sub_f;
            for (n = 0; n < 16; n = n + 1) begin : g_sf
                tonic_aes_sbox #(.INVERSE(0)) u_s (.a(a[127-8*n -: 8]), .q(sub_f[127-8*n -: 8]));
                // output byte n = row n%4, column n/4 takes input row n%4, column (n/4 + n%4) % 4
                assign sr_f[127-8*n -: 8] = sub_f[127-8*((n % 4) + 4*(((n / 4) + (n % 4)) % 4)) -: 8];
            end
            if (DECRYPT != 0) begin : g_dec
                wire [127:0] sub_i;
                for (n = 0; n < 16; n = n + 1) begin : g_si
                    tonic_aes_sbox #(.INVERSE(1)) u_s (.a(a[127-8*n -: 8]), .q(sub_i[127-8*n -: 8]));
                    // InvShiftRows: out[r][c] = in[r][(c - r) mod 4]
                    assign sr_i[127-8*n -: 8] = sub_i[127-8*((n % 4) + 4*(((n / 4) + 4 - (n % 4)) % 4)) -: 8];
                end
            end else begin : g_nodec
                assign sr_i = sr_f;
            end
        end else begin : g_nosub
            assign sr_f = a;
            assign sr_i = a;
        end
    endgenerate

    // ---- (Inv)MixColumns and AddRoundKey ------------------------------------------------------
    wire [127:0] sel;
    generate
        if (MIX) begin : g_mix
            wire [127:0] mix_f;
            tonic_aes_mix #(.INVERSE(0)) u_mf (.a(sr_f), .q(mix_f));
            if (DECRYPT != 0) begin : g_dec
                wire [127:0] mix_i;
                tonic_aes_mix #(.INVERSE(1)) u_mi (.a(sr_i), .q(mix_i));
                assign sel = (dec ? (last ? sr_i : mix_i) : (last ? sr_f : mix_f)) ^ rk;
            end else begin : g_enc
                assign sel = (last ? sr_f : mix_f) ^ rk;
                wire unused_dec = &{1'b0, dec, sr_i};
            end
        end else begin : g_nomix
            if (DECRYPT != 0) begin : g_dec
                assign sel = dec ? sr_i : sr_f;
            end else begin : g_enc
                assign sel = sr_f;
                wire unused_dec = &{1'b0, dec, sr_i};
            end
            wire unused_mix = &{1'b0, rk, last};
        end
    endgenerate

    assign q = bypass ? a : sel;
endmodule

`default_nettype wire
