// SPDX-License-Identifier: MIT
//
// eth_crc32 -- combinational next-state function of the Ethernet CRC-32 for up to DATA_W/8 bytes.
//
// The Ethernet FCS is the reflected CRC-32 (polynomial 0x04C11DB7, bit-reversed 0xEDB88320),
// register initialised to 0xFFFFFFFF, bytes fed LSB first, and the register complemented to give
// the FCS, which goes on the wire least significant byte first. This block only advances the
// register: crc_out is the register after feeding the first popcount(keep) bytes of data
// (byte 0 = data[7:0] = first on the wire) into crc_in. The caller holds the register, loads
// 0xFFFFFFFF at frame start and complements at the end; a receiver that also feeds the FCS ends
// with the residue 0xDEBB20E3 on a good frame.
//
// Structure: the register after n bytes is a linear (XOR) function of crc_in and those bytes.
// crc_masks() runs the bit-serial recurrence symbolically at elaboration time to find, for each n
// and each output bit, which input bits are XORed; each output bit is then one flat XOR reduction,
// which synthesis builds as a balanced tree (a chained byte-by-byte description leaves a serial
// chain about 20 LUT levels deep at 64 bits; the flat form is 4-5). All KEEP_W+1 candidates are
// outputs (crc_all) so a caller can merge the byte-count select into its own muxing (the TX MAC
// places the FCS bytes this way); crc_out selects one with keep (contiguous from bit 0) as a
// one-hot AND-OR. Shared by eth_mac_tx and eth_mac_rx, so both ends use one tested function.
`default_nettype none

module eth_crc32 #(
    parameter DATA_W = 64               // data width in bits, a multiple of 8
) (
    input  wire [31:0]         crc_in,  // CRC register before this beat (not complemented)
    input  wire [DATA_W-1:0]   data,    // byte i in data[8*i +: 8], byte 0 first on the wire
    input  wire [DATA_W/8-1:0] keep,    // valid bytes, contiguous from bit 0; 0 = no byte
    output reg  [31:0]         crc_out, // CRC register after the valid bytes
    output wire [32*(DATA_W/8+1)-1:0] crc_all  // [32*n +: 32]: register after n bytes, n=0..KEEP_W
);

    localparam KEEP_W = DATA_W / 8;
    localparam IN_W   = 32 + DATA_W;        // symbolic inputs: {data, crc_in}
    localparam [31:0] POLY = 32'hEDB88320;  // reflected 0x04C11DB7

`ifndef SYNTHESIS
    initial begin
        if (DATA_W < 8 || DATA_W % 8 != 0) begin
            $error("eth_crc32: DATA_W (%0d) must be a positive multiple of 8", DATA_W);
            $finish;
        end
    end
`endif

    // For the register after nbytes bytes: bit j of the result depends on input bit i of
    // {data, crc_in} iff crc_masks(nbytes)[j*IN_W + i] is set. Elaboration time only.
    function [32*IN_W-1:0] crc_masks(input integer nbytes);
        reg [32*IN_W-1:0] st;
        reg [IN_W-1:0]    lsb;
        integer           n, b, j;
        begin
            for (j = 0; j < 32; j = j + 1) begin
                st[j*IN_W +: IN_W] = {IN_W{1'b0}};
                st[j*IN_W + j]     = 1'b1;            // bit j of crc_in
            end
            for (n = 0; n < nbytes; n = n + 1) begin
                for (b = 0; b < 8; b = b + 1) begin
                    // bit-serial form: fb = state[0] ^ d; state = (state >> 1) ^ (fb ? POLY : 0)
                    lsb = st[0 +: IN_W];
                    lsb[32 + 8*n + b] = ~lsb[32 + 8*n + b];
                    for (j = 0; j < 31; j = j + 1) begin
                        st[j*IN_W +: IN_W] = st[(j+1)*IN_W +: IN_W];
                        if (POLY[j])
                            st[j*IN_W +: IN_W] = st[j*IN_W +: IN_W] ^ lsb;
                    end
                    st[31*IN_W +: IN_W] = POLY[31] ? lsb : {IN_W{1'b0}};
                end
            end
            crc_masks = st;
        end
    endfunction

    wire [IN_W-1:0]   in_bits  = {data, crc_in};
    wire [KEEP_W:0]   keep_ext = {1'b0, keep};
    wire [32*(KEEP_W+1)-1:0] cand;   // cand[32*n +: 32]: register after n bytes

    assign cand[31:0] = crc_in;
    assign crc_all    = cand;

    genvar gn, gj;
    generate
        for (gn = 1; gn <= KEEP_W; gn = gn + 1) begin : g_n
            localparam [32*IN_W-1:0] M = crc_masks(gn);
            for (gj = 0; gj < 32; gj = gj + 1) begin : g_bit
                assign cand[32*gn + gj] = ^(in_bits & M[gj*IN_W +: IN_W]);
            end
        end
    endgenerate

    integer i;
    always @* begin
        crc_out = keep[0] ? 32'd0 : crc_in;
        for (i = 0; i < KEEP_W; i = i + 1)
            crc_out = crc_out | (cand[32*(i+1) +: 32] & {32{keep_ext[i] & ~keep_ext[i+1]}});
    end

endmodule

`default_nettype wire
