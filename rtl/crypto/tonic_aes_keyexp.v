// SPDX-License-Identifier: MIT
// tonic_aes_keyexp — AES key expansion in hardware (FIPS-197 §5.2), one 32-bit word per cycle.
//
// A pulse on `start` loads a raw key (`key`, left-aligned: the first key byte is key[255:248]; a
// 128-bit key uses key[255:128], a 192-bit key key[255:64]) and its length `klen` (0: 128, 1: 192,
// 2: 256 bits). The expander then makes the 4(Nr+1) words w[0..] one per cycle, keeping the last
// eight in a shift register, and every fourth word emits round key `rk_idx` (0..Nr) on `rk` with
// `rk_we` high for one cycle; `rk_imc` is InvMixColumns(rk), the form the equivalent inverse cipher
// (§5.3.5) uses for its middle rounds (only built when DECRYPT = 1, else zero). Timing: 44, 52 or 60
// cycles from start to the last round key, `busy` high meanwhile; `start` is ignored while busy.
// One shared SubWord (four S-boxes). The raw key is shifted out of its register as it is used
// (zeros come in), so after a load the expander holds key material only in its last-eight-words
// shift register, which the next load overwrites.
`default_nettype none

module tonic_aes_keyexp #(
    parameter DECRYPT = 1     // 1: also produce rk_imc for the decryption key schedule
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         start,
    input  wire [255:0] key,
    input  wire [1:0]   klen,      // 0: AES-128, 1: AES-192, 2: AES-256
    output wire         busy,
    output reg          rk_we,
    output reg  [3:0]   rk_idx,
    output reg  [127:0] rk,
    output wire [127:0] rk_imc
);
    reg         busy_reg;
    reg [5:0]   i_reg;          // index of the word made this cycle
    reg [5:0]   last_reg;       // 4(Nr+1) - 1
    reg [2:0]   imod_reg;       // i mod Nk
    reg [2:0]   nk1_reg;        // Nk - 1
    reg [7:0]   rcon_reg;
    reg [255:0] key_reg;        // the raw key, shifted up a word per cycle: next key word on top
    reg         kw_reg;         // i <= Nk - 1: the word made this cycle is a key word
    reg [255:0] w_reg;          // eight words: w_reg[32k +: 32] = w[i-1-k]

    assign busy = busy_reg;

    // SubWord on w[i-1]; RotWord commutes with SubWord, so rotate after the S-boxes
    wire [31:0] sw;
    genvar b;
    generate
        for (b = 0; b < 4; b = b + 1) begin : g_sb
            tonic_aes_sbox #(.INVERSE(0)) u_s (.a(w_reg[8*b +: 8]), .q(sw[8*b +: 8]));
        end
    endgenerate

    reg [31:0] word, t;
    always @* begin
        if (imod_reg == 3'd0)
            t = {sw[23:0], sw[31:24]} ^ {rcon_reg, 24'd0};
        else if (nk1_reg == 3'd7 && imod_reg == 3'd4)
            t = sw;
        else
            t = w_reg[31:0];
        if (kw_reg)
            word = key_reg[255:224];
        else
            word = w_reg[32*nk1_reg +: 32] ^ t;
    end

    always @(posedge clk) begin
        if (start && !busy_reg) begin
            key_reg <= key;
            kw_reg <= 1'b1;
        end else if (busy_reg) begin
            key_reg <= {key_reg[223:0], 32'd0};
            kw_reg <= i_reg < {3'd0, nk1_reg};          // i + 1 <= Nk - 1
        end
        if (busy_reg) w_reg <= {w_reg[223:0], word};
        rk <= {w_reg[95:0], word};
        rk_idx <= i_reg[5:2];
    end

    always @(posedge clk) begin
        if (rst) begin
            busy_reg <= 1'b0;
            rk_we <= 1'b0;
            i_reg <= 6'd0;
            imod_reg <= 3'd0;
            nk1_reg <= 3'd3;
            last_reg <= 6'd43;
            rcon_reg <= 8'h01;
        end else begin
            rk_we <= busy_reg && i_reg[1:0] == 2'd3;
            if (start && !busy_reg) begin
                busy_reg <= 1'b1;
                i_reg <= 6'd0;
                imod_reg <= 3'd0;
                rcon_reg <= 8'h01;
                case (klen)
                    2'd1:    begin nk1_reg <= 3'd5; last_reg <= 6'd51; end
                    2'd2:    begin nk1_reg <= 3'd7; last_reg <= 6'd59; end
                    default: begin nk1_reg <= 3'd3; last_reg <= 6'd43; end
                endcase
            end else if (busy_reg) begin
                i_reg <= i_reg + 6'd1;
                imod_reg <= (imod_reg == nk1_reg) ? 3'd0 : imod_reg + 3'd1;
                if (imod_reg == 3'd0 && i_reg > {3'd0, nk1_reg})
                    rcon_reg <= {rcon_reg[6:0], 1'b0} ^ (rcon_reg[7] ? 8'h1b : 8'h00);
                if (i_reg == last_reg) busy_reg <= 1'b0;
            end
        end
    end

    generate
        if (DECRYPT != 0) begin : g_imc
            tonic_aes_mix #(.INVERSE(1)) u_imc (.a(rk), .q(rk_imc));
        end else begin : g_noimc
            assign rk_imc = 128'd0;
        end
    endgenerate
endmodule

`default_nettype wire
