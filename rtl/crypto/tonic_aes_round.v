// SPDX-License-Identifier: MIT
// tonic_aes_round — one AES round, combinational: the datapath primitive of tonic_aes_core.
//
//   encrypt:  q = MixColumns(ShiftRows(SubBytes(a))) ^ rk          (FIPS-197 §5.1)
//   decrypt:  q = InvMixColumns(InvShiftRows(InvSubBytes(a))) ^ rk (equivalent inverse cipher, §5.3.5;
//             the key expander stores InvMixColumns of the middle round keys for it)
//   last:     the same without (Inv)MixColumns (the final round)
//   bypass:   q = a (a pipeline slot that has no round left to do; see tonic_aes_core)
// The state is the FIPS-197 byte string, byte n at bits [127-8n -: 8]. With DECRYPT = 0 the inverse
// S-boxes and InvMixColumns are not built and `dec` is ignored.
`default_nettype none

module tonic_aes_round #(
    parameter DECRYPT = 1     // 1: build the decryption datapath as well
) (
    input  wire [127:0] a,
    input  wire [127:0] rk,
    input  wire         dec,      // 1: inverse round (only with DECRYPT = 1)
    input  wire         last,     // 1: final round (no MixColumns)
    input  wire         bypass,   // 1: pass a through unchanged
    output wire [127:0] q
);
    // ---- SubBytes then ShiftRows: out[r][c] = S(in[r][(c + r) mod 4]) ----------------------
    wire [127:0] sub_f;
    wire [127:0] sr_f, mix_f, sel;
    genvar n;
    generate
        for (n = 0; n < 16; n = n + 1) begin : g_sf
            tonic_aes_sbox #(.INVERSE(0)) u_s (.a(a[127-8*n -: 8]), .q(sub_f[127-8*n -: 8]));
            // output byte n = row n%4, column n/4 takes input row n%4, column (n/4 + n%4) % 4
            assign sr_f[127-8*n -: 8] = sub_f[127-8*((n % 4) + 4*(((n / 4) + (n % 4)) % 4)) -: 8];
        end
    endgenerate
    tonic_aes_mix #(.INVERSE(0)) u_mf (.a(sr_f), .q(mix_f));

    generate
        if (DECRYPT != 0) begin : g_dec
            wire [127:0] sub_i, sr_i, mix_i;
            for (n = 0; n < 16; n = n + 1) begin : g_si
                tonic_aes_sbox #(.INVERSE(1)) u_s (.a(a[127-8*n -: 8]), .q(sub_i[127-8*n -: 8]));
                // InvShiftRows: out[r][c] = in[r][(c - r) mod 4]
                assign sr_i[127-8*n -: 8] = sub_i[127-8*((n % 4) + 4*(((n / 4) + 4 - (n % 4)) % 4)) -: 8];
            end
            tonic_aes_mix #(.INVERSE(1)) u_mi (.a(sr_i), .q(mix_i));
            assign sel = dec ? (last ? sr_i : mix_i) : (last ? sr_f : mix_f);
        end else begin : g_enc
            assign sel = last ? sr_f : mix_f;
            wire unused_dec = dec;
        end
    endgenerate

    assign q = bypass ? a : (sel ^ rk);
endmodule

`default_nettype wire
