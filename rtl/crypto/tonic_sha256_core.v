// SPDX-License-Identifier: MIT
// tonic_sha256_core — SHA-256 compression function (FIPS 180-4 §6.2.2), ROUNDS rounds per clock.
//
// Takes one 512-bit message block and a chaining value and produces the next chaining value. It
// knows nothing of messages, padding or HMAC: tonic_sha256_pad cuts a stream into padded blocks and
// tonic_hmac_sha256 sequences them. Handshake in the style of a datapath core: `start` is taken in a
// cycle where `ready` is high, together with `block`, `init` and `state_in`.
//
//   block     message byte i in [8*i +: 8] (byte 0 = first byte of the block, the same lane order
//             as an AXI-Stream tdata); the core forms the big-endian words W0..W15 itself.
//   init      1: the block chains from state_in (the first block of a message: the IV, or an HMAC
//             inner/outer state); 0: from the digest of the block before (the next block).
//   state_in  / digest: H0 in [31:0] .. H7 in [255:224].
//
// Timing (ROUNDS = R, 1 or 2; C = 64/R round cycles):
//   cycle 0            start taken (IDLE or FINAL): working variables, chaining value and the
//                      schedule window are loaded
//   cycle 1            PRE: h + K + W and d + h + K + W of the first rounds are added
//   cycles 2..C+1      R rounds per cycle (phase ROUND)
//   cycle C+2          FINAL: H + (a..h), the feed-forward addition. `ready` is high here too, and
//                      a start with init=0 continues with the next block at once, so a message costs
//                      C+2 cycles per block plus one; a start with init=1 here is also allowed.
//   cycle C+3          if no block started in FINAL: `done` pulses, the core is idle and `digest`
//                      holds the result until the next block's FINAL (init=0 start) or load (init=1).
// Neither data nor keys change the timing: every block takes the same number of cycles.
//
// Structure: working variables st_reg, chaining value h_reg, the 16-word schedule window w_reg
// (w_reg word i = W[t+i] at the start of a cycle whose first round is t), and hkw_reg/dhkw_reg,
// h + K + W and d + h + K + W of this cycle's rounds, added one cycle ahead from registers (with at
// most two rounds per clock, the h and d a round will see are still plain register words a cycle
// earlier; more rounds per clock would put an adder in front of the rounds, which is why ROUNDS
// stops at 2). The rounds' critical path is then one carry-save tree and one carry chain each.
// The PRE cycle keeps those additions off the load path too (the engine's muxes in front of
// state_in and block), at one cycle per block.
// Control state is reset, the datapath not.
`default_nettype none

module tonic_sha256_core #(
    parameter ROUNDS = 2           // rounds per clock: 1 or 2 (64/ROUNDS + 2 cycles per block)
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         start,     // compress `block`; taken when ready
    input  wire         init,      // 1: chain from state_in, 0: from the digest of the previous block
    input  wire [255:0] state_in,  // chaining value for init=1, H0 in [31:0]
    input  wire [511:0] block,     // message block, byte i in [8*i +: 8]
    output wire         ready,     // a start is taken this cycle (IDLE or FINAL)
    output reg          done,      // one cycle: idle, digest holds the last block's result
    output wire [255:0] digest     // chaining value after the last finished block, H0 in [31:0]
);
    localparam [1:0] P_IDLE = 2'd0, P_ROUND = 2'd1, P_FINAL = 2'd2, P_PRE = 2'd3;
    localparam [5:0] LAST_T = 6'(64 - ROUNDS);   // first round of the last ROUND cycle

    // round constants K0..K63: first 32 bits of the fractional parts of the cube roots of the
    // first 64 primes (FIPS 180-4 §4.2.2)
    function [31:0] k_of(input [5:0] t);
        case (t)
            6'd0:  k_of = 32'h428a2f98; 6'd1:  k_of = 32'h71374491; 6'd2:  k_of = 32'hb5c0fbcf;
            6'd3:  k_of = 32'he9b5dba5; 6'd4:  k_of = 32'h3956c25b; 6'd5:  k_of = 32'h59f111f1;
            6'd6:  k_of = 32'h923f82a4; 6'd7:  k_of = 32'hab1c5ed5; 6'd8:  k_of = 32'hd807aa98;
            6'd9:  k_of = 32'h12835b01; 6'd10: k_of = 32'h243185be; 6'd11: k_of = 32'h550c7dc3;
            6'd12: k_of = 32'h72be5d74; 6'd13: k_of = 32'h80deb1fe; 6'd14: k_of = 32'h9bdc06a7;
            6'd15: k_of = 32'hc19bf174; 6'd16: k_of = 32'he49b69c1; 6'd17: k_of = 32'hefbe4786;
            6'd18: k_of = 32'h0fc19dc6; 6'd19: k_of = 32'h240ca1cc; 6'd20: k_of = 32'h2de92c6f;
            6'd21: k_of = 32'h4a7484aa; 6'd22: k_of = 32'h5cb0a9dc; 6'd23: k_of = 32'h76f988da;
            6'd24: k_of = 32'h983e5152; 6'd25: k_of = 32'ha831c66d; 6'd26: k_of = 32'hb00327c8;
            6'd27: k_of = 32'hbf597fc7; 6'd28: k_of = 32'hc6e00bf3; 6'd29: k_of = 32'hd5a79147;
            6'd30: k_of = 32'h06ca6351; 6'd31: k_of = 32'h14292967; 6'd32: k_of = 32'h27b70a85;
            6'd33: k_of = 32'h2e1b2138; 6'd34: k_of = 32'h4d2c6dfc; 6'd35: k_of = 32'h53380d13;
            6'd36: k_of = 32'h650a7354; 6'd37: k_of = 32'h766a0abb; 6'd38: k_of = 32'h81c2c92e;
            6'd39: k_of = 32'h92722c85; 6'd40: k_of = 32'ha2bfe8a1; 6'd41: k_of = 32'ha81a664b;
            6'd42: k_of = 32'hc24b8b70; 6'd43: k_of = 32'hc76c51a3; 6'd44: k_of = 32'hd192e819;
            6'd45: k_of = 32'hd6990624; 6'd46: k_of = 32'hf40e3585; 6'd47: k_of = 32'h106aa070;
            6'd48: k_of = 32'h19a4c116; 6'd49: k_of = 32'h1e376c08; 6'd50: k_of = 32'h2748774c;
            6'd51: k_of = 32'h34b0bcb5; 6'd52: k_of = 32'h391c0cb3; 6'd53: k_of = 32'h4ed8aa4a;
            6'd54: k_of = 32'h5b9cca4f; 6'd55: k_of = 32'h682e6ff3; 6'd56: k_of = 32'h748f82ee;
            6'd57: k_of = 32'h78a5636f; 6'd58: k_of = 32'h84c87814; 6'd59: k_of = 32'h8cc70208;
            6'd60: k_of = 32'h90befffa; 6'd61: k_of = 32'ha4506ceb; 6'd62: k_of = 32'hbef9a3f7;
            default: k_of = 32'hc67178f2;
        endcase
    endfunction

    reg [1:0]            phase_reg;
    reg [5:0]            t_reg;       // first round of this cycle
    reg [255:0]          h_reg;       // chaining value at the start of the block
    reg [255:0]          st_reg;      // working variables a..h
    reg [511:0]          w_reg;       // schedule window, word i = W[t+i]
    reg [32*ROUNDS-1:0]  hkw_reg;     // h + K[t+r] + W[t+r] for this cycle's round r
    reg [32*ROUNDS-1:0]  dhkw_reg;    // d + h + K[t+r] + W[t+r]

    assign ready  = phase_reg == P_IDLE || phase_reg == P_FINAL;
    assign digest = h_reg;

    function [31:0] word(input [255:0] v, input integer k);
        word = v[32*k +: 32];
    endfunction
    // carry-save adder: x + y + z == sum + carry (mod 2^32); returns {carry, sum}
    function [63:0] csa(input [31:0] x, input [31:0] y, input [31:0] z);
        csa = {((x & y) | (x & z) | (y & z)) << 1, x ^ y ^ z};
    endfunction

    // ---- the rounds of this cycle ----
    // Round r reads a = A[r], b = A[r-1], c = A[r-2] and e = E[r], f = E[r-1], g = E[r-2]; it makes
    // A[r+1] and E[r+1]. ahist/ehist hold A/E[k-2] at index k (k = 0..ROUNDS+2); the split_var
    // attribute lets the simulator order the slices (each round reads the one before).
    wire [32*(ROUNDS+3)-1:0] ahist /* verilator split_var */;
    wire [32*(ROUNDS+3)-1:0] ehist /* verilator split_var */;
    assign ahist[95:0] = {st_reg[31:0], st_reg[63:32], st_reg[95:64]};        // a, b, c at 2, 1, 0
    assign ehist[95:0] = {st_reg[159:128], st_reg[191:160], st_reg[223:192]};  // e, f, g at 2, 1, 0
    genvar r;
    generate
        for (r = 0; r < ROUNDS; r = r + 1) begin : g_round
            tonic_sha256_round u_round (
                .a(ahist[32*(r+2) +: 32]), .b(ahist[32*(r+1) +: 32]), .c(ahist[32*r +: 32]),
                .e(ehist[32*(r+2) +: 32]), .f(ehist[32*(r+1) +: 32]), .g(ehist[32*r +: 32]),
                .hkw(hkw_reg[32*r +: 32]), .dhkw(dhkw_reg[32*r +: 32]),
                .a_new(ahist[32*(r+3) +: 32]), .e_new(ehist[32*(r+3) +: 32])
            );
        end
    endgenerate
    // working variables after the rounds: a..d = A[R], A[R-1], A[R-2], A[R-3]; e..h likewise
    // (with ROUNDS <= 2, A[R-3] and E[R-3] are b/c and f/g of this cycle's start)
    wire [255:0] st_rounds = {ehist[32*(ROUNDS-1) +: 32], ehist[32*ROUNDS +: 32], ehist[32*(ROUNDS+1) +: 32],
                              ehist[32*(ROUNDS+2) +: 32], ahist[32*(ROUNDS-1) +: 32], ahist[32*ROUNDS +: 32],
                              ahist[32*(ROUNDS+1) +: 32], ahist[32*(ROUNDS+2) +: 32]};

    // ---- message schedule: ROUNDS new words per cycle, W[t+16+r] from the window ----
    function [31:0] small_sigma0(input [31:0] x);
        small_sigma0 = {x[6:0], x[31:7]} ^ {x[17:0], x[31:18]} ^ {3'b000, x[31:3]};
    endfunction
    function [31:0] small_sigma1(input [31:0] x);
        small_sigma1 = {x[16:0], x[31:17]} ^ {x[18:0], x[31:19]} ^ {10'b0, x[31:10]};
    endfunction

    reg [32*(16+ROUNDS)-1:0] wext;   // W[t] .. W[t+15+ROUNDS]
    integer i;
    always @* begin
        wext[511:0] = w_reg;
        for (i = 0; i < ROUNDS; i = i + 1)
            wext[32*(16+i) +: 32] = small_sigma1(wext[32*(14+i) +: 32]) + wext[32*(9+i) +: 32] +
                                    small_sigma0(wext[32*(1+i) +: 32]) + wext[32*i +: 32];
    end
    wire [511:0] w_next = wext[32*ROUNDS +: 512];

    // ---- next cycle's h + K + W and d + h + K + W, from registers only ----
    // Round r of the next cycle sees h = this cycle's word 7-R-r and d = word 3-R-r (the words
    // only move down during R <= 2 rounds), and W[t+R+r] is word R+r of the window. In PRE (the
    // cycle after a load) the first cycle's rounds see h = word 7-r, d = word 3-r and W[r].
    // k_reg holds the constants the additions need: K[i] in PRE, K[t+R+i] in a ROUND cycle (read
    // from a ROM indexed by t_reg itself a cycle ahead, so no adder sits in front of the ROM)
    function [31:0] k_ahead(input [5:0] t, input integer off);   // K[(t + off) mod 64]
        integer j;
        begin
            k_ahead = 32'd0;
            for (j = 0; j < 64; j = j + 1)
                if (t == 6'(j)) k_ahead = k_of(6'(j + off));
        end
    endfunction
    reg [32*ROUNDS-1:0] k_reg;
    wire pre = phase_reg == P_PRE;
    wire [5:0] t_next = t_reg + 6'(ROUNDS);
    reg [32*ROUNDS-1:0] hkw_next, dhkw_next;
    reg [63:0] x1, x2;
    always @* begin
        for (i = 0; i < ROUNDS; i = i + 1) begin
            x1 = csa(pre ? word(st_reg, 7 - i) : word(st_reg, 7 - ROUNDS - i), k_reg[32*i +: 32],
                     pre ? w_reg[32*i +: 32] : w_reg[32*(ROUNDS+i) +: 32]);
            x2 = csa(x1[31:0], x1[63:32], pre ? word(st_reg, 3 - i) : word(st_reg, 3 - ROUNDS - i));
            hkw_next[32*i +: 32]  = x1[31:0] + x1[63:32];
            dhkw_next[32*i +: 32] = x2[31:0] + x2[63:32];
        end
    end

    // ---- loading a block: big-endian words from the byte lanes; the chaining value is state_in
    // (init), the digest of the previous block (IDLE) or h_reg + st_reg (FINAL) ----
    reg [511:0] w_load;
    always @* begin
        for (i = 0; i < 16; i = i + 1)
            w_load[32*i +: 32] = {block[32*i +: 8], block[32*i+8 +: 8], block[32*i+16 +: 8], block[32*i+24 +: 8]};
    end

    // ---- feed-forward addition (FINAL) ----
    reg [255:0] h_sum;
    always @* begin
        for (i = 0; i < 8; i = i + 1)
            h_sum[32*i +: 32] = h_reg[32*i +: 32] + st_reg[32*i +: 32];
    end
    wire [255:0] h_start = init ? state_in : (phase_reg == P_FINAL ? h_sum : h_reg);
    wire take = start && ready;

    // datapath (not reset)
    always @(posedge clk) begin
        for (i = 0; i < ROUNDS; i = i + 1) begin
            if (take)
                k_reg[32*i +: 32] <= k_of(6'(i));
            else if (pre)
                k_reg[32*i +: 32] <= k_of(6'(ROUNDS + i));
            else
                k_reg[32*i +: 32] <= k_ahead(t_reg, 2 * ROUNDS + i);
        end
        if (take) begin
            h_reg  <= h_start;
            st_reg <= h_start;
            w_reg  <= w_load;
            t_reg  <= 6'd0;
        end else begin
            if (phase_reg == P_FINAL) h_reg <= h_sum;
            if (phase_reg == P_PRE || phase_reg == P_ROUND) begin
                hkw_reg  <= hkw_next;
                dhkw_reg <= dhkw_next;
            end
            if (phase_reg == P_ROUND) begin
                st_reg <= st_rounds;
                w_reg  <= w_next;
                t_reg  <= t_next;
            end
        end
    end

    // control
    always @(posedge clk) begin
        if (rst) begin
            phase_reg <= P_IDLE;
            done      <= 1'b0;
        end else begin
            done <= 1'b0;
            if (take) begin
                phase_reg <= P_PRE;
            end else begin
                case (phase_reg)
                    P_PRE:   phase_reg <= P_ROUND;
                    P_ROUND: if (t_reg == LAST_T) phase_reg <= P_FINAL;
                    P_FINAL: begin
                        phase_reg <= P_IDLE;
                        done      <= 1'b1;
                    end
                    default: phase_reg <= P_IDLE;
                endcase
            end
        end
    end

`ifndef SYNTHESIS
    initial begin
        if (ROUNDS != 1 && ROUNDS != 2) begin
            $error("tonic_sha256_core: ROUNDS (%0d) must be 1 or 2", ROUNDS);
            $finish;
        end
    end
`endif
endmodule

`default_nettype wire
