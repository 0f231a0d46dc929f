// SPDX-License-Identifier: MIT
// tonic_parser — header parser: one PMETA record per frame (docs/parser.md is the contract).
//
// The parser taps a 64-bit frame stream (it never changes it) and writes each frame's first
// 256 bytes into one of NSLOT header slots. A walker takes one header layer per cycle from a
// 16-byte window at its cursor, read from the slot (four LUT-RAM banks, so the three beats
// under the window are read at once), and starts as soon as the bytes it may need have
// arrived: 40 bytes past the cursor, or the end of the frame. It therefore runs while the
// frame streams in, and a frame's record leaves a few cycles after its last beat.
//
// The walk cannot compare an outer IP length with the frame length before the frame has
// ended, so it goes on with the IP datagram end as its limit and checks that length when the
// frame ends: if the datagram is longer than the frame, everything after the IP layer is
// discarded and the record says LEN (as if the walk had stopped there, which is what the
// contract says).
//
// Throughput: one beat per cycle in; one layer per cycle in the walker. NSLOT frames can be
// held (one streaming in, the others walking or waiting for their record to be taken); the
// input is refused (s_tready = 0) only at the first beat of a frame when every slot is busy.
// Latency: a frame's record is offered at most (layers after the last 40 bytes) + 2 cycles
// after its last beat, once the records before it were taken.
`default_nettype none
`include "tonic_regs.vh"

module tonic_parser #(
    parameter NSLOT_LOG2 = 2            // header slots: 2^NSLOT_LOG2
) (
    input  wire                  clk,
    input  wire                  rst,

    input  wire [63:0]           s_tdata,
    input  wire [7:0]            s_tkeep,
    input  wire                  s_tvalid,
    input  wire                  s_tlast,
    output wire                  s_tready,   // 0 only at a frame's first beat with no free slot

    output reg  [PM_W-1:0]       m_meta,     // PMETA record
    output reg                   m_valid,
    input  wire                  m_ready
);
    localparam PM_W = `TONIC_PMETA_SIZE * 8;
    localparam NSLOT = 1 << NSLOT_LOG2;
    localparam RW = NSLOT_LOG2 + 3;          // bank row address: slot, row in slot

    // ---------------------------------------------------------------- capture
    reg  [63:0]            bank0 [0:(1<<RW)-1];
    reg  [63:0]            bank1 [0:(1<<RW)-1];
    reg  [63:0]            bank2 [0:(1<<RW)-1];
    reg  [63:0]            bank3 [0:(1<<RW)-1];
    reg  [NSLOT-1:0]       slot_busy, slot_done;
    reg  [13:0]            slot_len [0:NSLOT-1];
    reg  [NSLOT_LOG2-1:0]  ws;                   // slot being written
    reg                    cap_active;
    reg  [10:0]            cap_beat;             // beat index in the frame (saturates)
    reg  [13:0]            cap_bytes;            // bytes so far (saturates)

    localparam KEEP_W = 8;
    localparam KC_W = 4;
    `include "axis_keep.vh"

    assign s_tready = cap_active || !slot_busy[ws];
    wire        fire = s_tvalid && s_tready;
    wire [14:0] bytes_next = {1'b0, cap_bytes} + {11'd0, keep_count(s_tkeep)};
    wire [13:0] bytes_sat = bytes_next[14] ? 14'h3FFF : bytes_next[13:0];
    wire [RW-1:0] wrow = {ws, cap_beat[4:2]};

    always @(posedge clk) begin
        if (fire && cap_beat < 11'd32) begin
            case (cap_beat[1:0])
                2'd0: bank0[wrow] <= s_tdata;
                2'd1: bank1[wrow] <= s_tdata;
                2'd2: bank2[wrow] <= s_tdata;
                default: bank3[wrow] <= s_tdata;
            endcase
        end
    end

    // ---------------------------------------------------------------- walker state
    localparam [3:0] W_ETH = 4'd0, W_VLAN = 4'd1, W_IP4 = 4'd2, W_IP6 = 4'd3, W_EXT = 4'd4,
                     W_FRAG6 = 4'd5, W_AH = 4'd6, W_TCP = 4'd7, W_UDP = 4'd8, W_GRE = 4'd9,
                     W_ESP = 4'd10, W_STOP = 4'd11;
    localparam [1:0] L3_NONE = 2'(`TONIC_PTYPE_L3_NONE), L3_IP4 = 2'(`TONIC_PTYPE_L3_IP4),
                     L3_IP6 = 2'(`TONIC_PTYPE_L3_IP6), L3_OTHER = 2'(`TONIC_PTYPE_L3_OTHER);
    localparam [2:0] L4_TCP = 3'(`TONIC_PTYPE_L4_TCP), L4_UDP = 3'(`TONIC_PTYPE_L4_UDP),
                     L4_GRE = 3'(`TONIC_PTYPE_L4_GRE), L4_ESP = 3'(`TONIC_PTYPE_L4_ESP),
                     L4_FRAG = 3'(`TONIC_PTYPE_L4_FRAG), L4_OTHER = 3'(`TONIC_PTYPE_L4_OTHER);
    localparam [7:0] E_TRUNC = 8'(`TONIC_PERR_TRUNC), E_HLEN = 8'(`TONIC_PERR_BAD_HLEN),
                     E_LEN = 8'(`TONIC_PERR_LEN), E_UNK = 8'(`TONIC_PERR_UNKNOWN),
                     E_DEEP = 8'(`TONIC_PERR_DEEP), E_VER = 8'(`TONIC_PERR_BAD_VER);

    reg  [NSLOT_LOG2-1:0] rs;            // slot being walked
    reg  [3:0]   st;
    reg  [10:0]  cur;
    reg  [13:0]  lim;                    // container end (valid once lim_ip)
    reg          lim_ip;                 // lim is an IP datagram end, not the frame length
    reg          inner;                  // walking the inner set
    reg          fam6;                   // the set's IP header is IPv6
    reg  [10:0]  x0;                     // start of the IPv6 extension chain
    reg          pend;                   // outer IP end still to be checked against the frame
    reg  [13:0]  pend_end;
    // record fields (outer, inner)
    reg  [1:0]   f_vlans, f_ivlans, f_l3, f_il3, f_udpx, f_iudpx, f_tun;
    reg  [2:0]   f_l4, f_il4;
    reg          f_ah, f_iah, f_key_v, f_spi_v;
    reg  [7:0]   f_err;
    reg  [10:0]  f_l3_off, f_l4_off, f_il2_off, f_il3_off, f_il4_off;
    reg  [3:0]   f_ihl, f_iihl;
    reg  [13:0]  f_l3_end, f_il3_end;
    reg  [31:0]  f_key, f_spi;

    // ---------------------------------------------------------------- window
    wire [4:0]  wi = cur[7:3];
    // bank b holds the beat j in {wi .. wi+3} with j mod 4 = b
    wire [2:0]  row0 = 3'((wi + 5'((5'd0 - wi) & 5'd3)) >> 2);
    wire [2:0]  row1 = 3'((wi + 5'((5'd1 - wi) & 5'd3)) >> 2);
    wire [2:0]  row2 = 3'((wi + 5'((5'd2 - wi) & 5'd3)) >> 2);
    wire [2:0]  row3 = 3'((wi + 5'((5'd3 - wi) & 5'd3)) >> 2);
    wire [63:0] rb0 = bank0[{rs, row0}];
    wire [63:0] rb1 = bank1[{rs, row1}];
    wire [63:0] rb2 = bank2[{rs, row2}];
    wire [63:0] rb3 = bank3[{rs, row3}];
    reg  [191:0] three;                  // beats wi, wi+1, wi+2
    always @* begin
        case (wi[1:0])
            2'd0: three = {rb2, rb1, rb0};
            2'd1: three = {rb3, rb2, rb1};
            2'd2: three = {rb0, rb3, rb2};
            default: three = {rb1, rb0, rb3};
        endcase
    end
    wire [191:0] three_sh = three >> {cur[2:0], 3'b000};
    wire [127:0] win = three_sh[127:0];   // win byte k = frame byte cur + k

    function automatic [7:0] wb(input [127:0] w, input integer k);
        wb = w[k*8 +: 8];
    endfunction
    wire [15:0] be16_0 = {wb(win, 0), wb(win, 1)};
    wire [15:0] be16_2 = {wb(win, 2), wb(win, 3)};
    wire [15:0] be16_4 = {wb(win, 4), wb(win, 5)};
    wire [15:0] be16_6 = {wb(win, 6), wb(win, 7)};
    wire [15:0] be16_12 = {wb(win, 12), wb(win, 13)};
    wire [31:0] be32_0 = {be16_0, be16_2};
    wire [31:0] be32_4 = {be16_4, be16_6};
    wire [31:0] be32_8 = {wb(win, 8), wb(win, 9), wb(win, 10), wb(win, 11)};
    wire [7:0]  b0 = wb(win, 0);
    wire [7:0]  b1 = wb(win, 1);
    wire [7:0]  b6 = wb(win, 6);
    wire [7:0]  b8 = wb(win, 8);
    wire [7:0]  b9 = wb(win, 9);
    wire [7:0]  b12 = wb(win, 12);
    wire        unused_ok = &{1'b0, three_sh[191:128], b12[3:0]};

    // ---------------------------------------------------------------- availability
    wire        cur_done = slot_done[rs];
    wire [13:0] cur_len = slot_len[rs];
    wire [14:0] cur_p40 = {4'd0, cur} + 15'd40;
    wire        have = cur_done || ({1'b0, cap_bytes} >= cur_p40);
    wire [13:0] lim_eff = lim_ip ? lim : (cur_done ? cur_len : 14'h3FFF);
    wire        walking = slot_busy[rs] && st != W_STOP && have;

    // need(m): 0 ok, else the error to stop with
    function automatic [7:0] need(input [10:0] c, input [13:0] l, input [6:0] m);
        reg [14:0] e;
        begin
            e = {4'd0, c} + {8'd0, m};
            if (e > {1'b0, l}) need = E_TRUNC;
            else if (e > 15'd256) need = E_DEEP;
            else need = 8'd0;
        end
    endfunction

    // ---------------------------------------------------------------- one step
    reg  [3:0]   n_st;
    reg  [10:0]  n_cur;
    reg  [7:0]   e;           // error raised by this step
    reg  [10:0]  nc;          // scratch cursor
    reg  [15:0]  len16;
    reg  [16:0]  end17;
    reg  [11:0]  ahn;
    reg  [11:0]  extn;
    reg  [4:0]   greg;
    reg  [7:0]   proto;
    reg          dispatch, dispatch6;       // continue at nc with protocol `proto`
    // record-field writes of this step
    reg          w_vlans, w_l3, w_l4, w_ihl, w_end, w_ah, w_udpx, w_key, w_spi, w_tun, w_il2;
    reg  [1:0]   v_l3, v_udpx, v_tun;
    reg  [2:0]   v_l4;
    reg  [10:0]  v_l3_off, v_l4_off;
    reg  [3:0]   v_ihl;
    reg  [13:0]  v_end;
    reg  [31:0]  v_key, v_spi;
    reg          set_inner, set_fam6, set_lim, set_x0, set_pend;
    reg  [13:0]  v_lim;

    always @* begin
        n_st = st; n_cur = cur; e = 8'd0; nc = cur; len16 = 16'd0; end17 = 17'd0;
        ahn = 12'd0; extn = 12'd0; greg = 5'd0; proto = 8'd0; dispatch = 1'b0; dispatch6 = 1'b0;
        w_vlans = 1'b0; w_l3 = 1'b0; w_l4 = 1'b0; w_ihl = 1'b0; w_end = 1'b0; w_ah = 1'b0;
        w_udpx = 1'b0; w_key = 1'b0; w_spi = 1'b0; w_tun = 1'b0; w_il2 = 1'b0;
        v_l3 = L3_NONE; v_udpx = 2'd0; v_tun = 2'd0; v_l4 = 3'd0; v_l3_off = 11'd0;
        v_l4_off = 11'd0; v_ihl = 4'd0; v_end = 14'd0; v_key = 32'd0; v_spi = 32'd0;
        set_inner = 1'b0; set_fam6 = 1'b0; set_lim = 1'b0; set_x0 = 1'b0; set_pend = 1'b0;
        v_lim = 14'd0;

        case (st)
            W_ETH, W_VLAN: begin
                e = need(cur, lim_eff, st == W_ETH ? 7'd14 : 7'd4);
                if (e == 8'd0) begin
                    len16 = st == W_ETH ? be16_12 : be16_2;        // the ethertype
                    nc = cur + (st == W_ETH ? 11'd14 : 11'd4);
                    if (st == W_VLAN) w_vlans = 1'b1;
                    n_cur = nc;
                    if (len16 == 16'h8100 || len16 == 16'h88A8 || len16 == 16'h9100) begin
                        if ((inner ? f_ivlans : f_vlans) + (st == W_VLAN ? 2'd1 : 2'd0) < 2'd2 ||
                            (st == W_ETH)) begin
                            n_st = W_VLAN;
                        end else begin
                            w_l3 = 1'b1; v_l3 = L3_OTHER; e = E_UNK;
                        end
                    end else if (len16 == 16'h0800 || len16 == 16'h86DD) begin
                        w_l3 = 1'b1; v_l3 = len16 == 16'h0800 ? L3_IP4 : L3_IP6; v_l3_off = nc;
                        n_st = len16 == 16'h0800 ? W_IP4 : W_IP6;
                    end else begin
                        w_l3 = 1'b1; v_l3 = L3_OTHER; n_st = W_STOP;
                    end
                end
            end
            W_IP4: begin
                e = need(cur, lim_eff, 7'd20);
                if (e == 8'd0) begin
                    len16 = be16_2;                                  // total length
                    if (b0[7:4] != 4'd4) e = E_VER;
                    else if (b0[3:0] < 4'd5) e = E_HLEN;
                    else if (len16 < {10'd0, b0[3:0], 2'b00}) e = E_LEN;
                    else begin
                        end17 = {6'd0, cur} + {1'b0, len16};
                        // the outer limit is the frame: if it has not ended yet, the length is
                        // checked when it does (pend); a datagram ending at 16 KiB or later never fits
                        if (end17[16:14] != 3'd0) e = E_LEN;
                        else if (lim_ip || cur_done) begin
                            if (end17[13:0] > lim_eff) e = E_LEN;
                        end else set_pend = 1'b1;
                        if (e == 8'd0) begin
                            w_ihl = 1'b1; v_ihl = b0[3:0];
                            w_end = 1'b1; v_end = end17[13:0];
                            set_lim = 1'b1; v_lim = end17[13:0];
                            set_fam6 = 1'b0;
                            nc = cur + {5'd0, b0[3:0], 2'b00};
                            n_cur = nc;
                            if ((be16_6 & 16'h3FFF) != 16'd0) begin
                                w_l4 = 1'b1; v_l4 = L4_FRAG; v_l4_off = nc; n_st = W_STOP;
                            end else begin
                                proto = b9; dispatch = 1'b1;
                            end
                        end
                    end
                end
            end
            W_IP6: begin
                e = need(cur, lim_eff, 7'd40);
                if (e == 8'd0) begin
                    end17 = {6'd0, cur} + 17'd40 + {3'd0, be16_4[13:0]};
                    if (b0[7:4] != 4'd6) e = E_VER;
                    else if (be16_4[15:14] != 2'd0 || end17[16:14] != 3'd0) e = E_LEN;
                    else if (lim_ip || cur_done) begin
                        if (end17[13:0] > lim_eff) e = E_LEN;
                    end else set_pend = 1'b1;
                    if (e == 8'd0) begin
                        w_end = 1'b1; v_end = end17[13:0];
                        set_lim = 1'b1; v_lim = end17[13:0];
                        set_fam6 = 1'b1;
                        nc = cur + 11'd40;
                        n_cur = nc;
                        set_x0 = 1'b1;
                        proto = b6; dispatch6 = 1'b1;
                    end
                end
            end
            W_EXT: begin
                e = need(cur, lim_eff, 7'd8);
                if (e == 8'd0) begin
                    extn = {1'b0, b1, 3'b000} + 12'd8;
                    if ({1'b0, cur} + extn - {1'b0, x0} > 12'd128) e = E_DEEP;
                    else if ({3'd0, cur} + {2'd0, extn} > lim_eff) e = E_TRUNC;
                    else begin
                        nc = cur + extn[10:0];
                        n_cur = nc;
                        proto = b0; dispatch6 = 1'b1;
                    end
                end
            end
            W_FRAG6: begin
                e = need(cur, lim_eff, 7'd8);
                if (e == 8'd0) begin
                    if ({1'b0, cur} + 12'd8 - {1'b0, x0} > 12'd128) e = E_DEEP;
                    else begin
                        nc = cur + 11'd8;
                        n_cur = nc;
                        if ((be16_2 & 16'hFFF9) != 16'd0) begin
                            w_l4 = 1'b1; v_l4 = L4_FRAG; v_l4_off = nc; n_st = W_STOP;
                        end else begin
                            proto = b0; dispatch6 = 1'b1;
                        end
                    end
                end
            end
            W_AH: begin
                e = need(cur, lim_eff, 7'd12);
                if (e == 8'd0) begin
                    ahn = {2'd0, b1, 2'b00} + 12'd8;
                    if (ahn < 12'd12) e = E_HLEN;
                    else if ({3'd0, cur} + {2'd0, ahn} > lim_eff) e = E_TRUNC;
                    else begin
                        w_ah = 1'b1;
                        if (!f_spi_v) begin w_spi = 1'b1; v_spi = be32_4; end
                        nc = cur + ahn[10:0];
                        n_cur = nc;
                        proto = b0;
                        if (fam6) dispatch6 = 1'b1; else dispatch = 1'b1;
                    end
                end
            end
            W_TCP: begin
                e = need(cur, lim_eff, 7'd20);
                if (e == 8'd0) begin
                    if (b12[7:4] < 4'd5) e = E_HLEN;
                    else if ({3'd0, cur} + {7'd0, b12[7:4], 2'b00} > lim_eff) e = E_TRUNC;
                    else n_st = W_STOP;
                end
            end
            W_UDP: begin
                e = need(cur, lim_eff, 7'd8);
                if (e == 8'd0) begin
                    len16 = be16_4;
                    end17 = {6'd0, cur} + {1'b0, len16};
                    if (len16 < 16'd8 || end17 != {3'd0, lim_eff}) e = E_LEN;
                    else begin
                        n_st = W_STOP;
                        if (be16_0 == 16'd4500 || be16_2 == 16'd4500) begin
                            if (len16 == 16'd9) begin
                                e = need(cur, lim_eff, 7'd9);
                                if (e == 8'd0 && b8 == 8'hFF) begin
                                    w_udpx = 1'b1; v_udpx = 2'(`TONIC_UDPX_KEEPALIVE);
                                end
                            end else if (len16 >= 16'd12) begin
                                e = need(cur, lim_eff, 7'd12);
                                if (e == 8'd0) begin
                                    if (be32_8 == 32'd0) begin
                                        w_udpx = 1'b1; v_udpx = 2'(`TONIC_UDPX_IKE);
                                    end else if (len16 >= 16'd16) begin
                                        e = need(cur, lim_eff, 7'd16);
                                        if (e == 8'd0) begin
                                            w_udpx = 1'b1; v_udpx = 2'(`TONIC_UDPX_ESP);
                                            if (!f_spi_v) begin w_spi = 1'b1; v_spi = be32_8; end
                                        end
                                    end
                                end
                            end
                        end
                    end
                end
            end
            W_GRE: begin
                e = need(cur, lim_eff, 7'd4);
                if (e == 8'd0) begin
                    if (b0[6] || be16_0[2:0] != 3'd0) e = E_UNK;
                    else begin
                        greg = 5'd4 + {2'd0, b0[7], 2'b00} + {2'd0, b0[5], 2'b00} + {2'd0, b0[4], 2'b00};
                        e = need(cur, lim_eff, {2'd0, greg});
                        if (e == 8'd0) begin
                            if (b0[5]) begin w_key = 1'b1; v_key = b0[7] ? be32_8 : be32_4; end
                            nc = cur + {6'd0, greg};
                            n_cur = nc;
                            if (be16_2 == 16'h6558) begin
                                w_tun = 1'b1; v_tun = 2'd2; set_inner = 1'b1; w_il2 = 1'b1;
                                n_st = W_ETH;
                            end else if (be16_2 == 16'h0800 || be16_2 == 16'h86DD) begin
                                w_tun = 1'b1; v_tun = 2'd1; set_inner = 1'b1;
                                w_l3 = 1'b1; v_l3 = be16_2 == 16'h0800 ? L3_IP4 : L3_IP6; v_l3_off = nc;
                                n_st = be16_2 == 16'h0800 ? W_IP4 : W_IP6;
                            end else e = E_UNK;
                        end
                    end
                end
            end
            W_ESP: begin
                e = need(cur, lim_eff, 7'd8);
                if (e == 8'd0) begin
                    if (!f_spi_v) begin w_spi = 1'b1; v_spi = be32_0; end
                    n_st = W_STOP;
                end
            end
            default: ;
        endcase

        // protocol dispatch after an IP header (dispatch6: the IPv6 chain may continue)
        if (dispatch6 && (proto == 8'd0 || proto == 8'd43 || proto == 8'd60)) n_st = W_EXT;
        else if (dispatch6 && proto == 8'd44) n_st = W_FRAG6;
        else if (dispatch || dispatch6) begin
            w_l4 = proto != 8'd51;
            v_l4_off = nc;
            case (proto)
                8'd51: n_st = W_AH;
                8'd6:  begin v_l4 = L4_TCP; n_st = W_TCP; end
                8'd17: begin v_l4 = L4_UDP; n_st = W_UDP; end
                8'd47: begin v_l4 = L4_GRE; n_st = inner ? W_STOP : W_GRE; end
                8'd50: begin v_l4 = L4_ESP; n_st = W_ESP; end
                default: begin v_l4 = L4_OTHER; n_st = W_STOP; end
            endcase
        end
        if (e != 8'd0) n_st = W_STOP;
    end

    // ---------------------------------------------------------------- record
    wire        fin = slot_busy[rs] && st == W_STOP && cur_done && (!m_valid || m_ready);
    wire        roll = pend && pend_end > cur_len;   // the outer datagram is longer than the frame
    reg  [PM_W-1:0] rec;
    always @* begin
        rec = {PM_W{1'b0}};
        rec[`TONIC_PMETA_VLANS_LSB +: 2] = f_vlans;
        rec[`TONIC_PMETA_L3_LSB +: 2] = f_l3;
        rec[`TONIC_PMETA_L3_OFF_LSB +: 11] = f_l3_off;
        rec[`TONIC_PMETA_LEN_LSB +: 14] = cur_len;
        if (roll) begin
            rec[`TONIC_PMETA_ERR_LSB +: 8] = E_LEN;
        end else begin
            rec[`TONIC_PMETA_L4_LSB +: 3] = f_l4;
            rec[`TONIC_PMETA_UDPX_LSB +: 2] = f_udpx;
            rec[`TONIC_PMETA_AH_LSB] = f_ah;
            rec[`TONIC_PMETA_TUN_LSB +: 2] = f_tun;
            rec[`TONIC_PMETA_KEY_V_LSB] = f_key_v;
            rec[`TONIC_PMETA_SPI_V_LSB] = f_spi_v;
            rec[`TONIC_PMETA_IVLANS_LSB +: 2] = f_ivlans;
            rec[`TONIC_PMETA_IL3_LSB +: 2] = f_il3;
            rec[`TONIC_PMETA_IL4_LSB +: 3] = f_il4;
            rec[`TONIC_PMETA_IUDPX_LSB +: 2] = f_iudpx;
            rec[`TONIC_PMETA_IAH_LSB] = f_iah;
            rec[`TONIC_PMETA_ERR_LSB +: 8] = f_err;
            rec[`TONIC_PMETA_L4_OFF_LSB +: 11] = f_l4_off;
            rec[`TONIC_PMETA_IHL_LSB +: 4] = f_ihl;
            rec[`TONIC_PMETA_IIHL_LSB +: 4] = f_iihl;
            rec[`TONIC_PMETA_IL2_OFF_LSB +: 11] = f_il2_off;
            rec[`TONIC_PMETA_IL3_OFF_LSB +: 11] = f_il3_off;
            rec[`TONIC_PMETA_IL4_OFF_LSB +: 11] = f_il4_off;
            rec[`TONIC_PMETA_L3_END_LSB +: 14] = f_l3_end;
            rec[`TONIC_PMETA_IL3_END_LSB +: 14] = f_il3_end;
            rec[`TONIC_PMETA_GRE_KEY_LSB +: 32] = f_key;
            rec[`TONIC_PMETA_SPI_LSB +: 32] = f_spi;
        end
    end

    integer k;
    always @(posedge clk) begin
        // capture
        if (fire) begin
            if (!cap_active) slot_busy[ws] <= 1'b1;
            cap_active <= !s_tlast;
            cap_beat <= s_tlast ? 11'd0 : (cap_beat == 11'h7FF ? cap_beat : cap_beat + 11'd1);
            cap_bytes <= s_tlast ? 14'd0 : bytes_sat;
            if (s_tlast) begin
                slot_done[ws] <= 1'b1;
                slot_len[ws] <= bytes_sat;
                ws <= ws + 1'b1;
            end
        end

        if (m_valid && m_ready) m_valid <= 1'b0;

        if (walking) begin
            st <= n_st;
            cur <= n_cur;
            if (e != 8'd0) f_err <= f_err | e;
            if (set_lim) begin lim <= v_lim; lim_ip <= 1'b1; end
            if (set_fam6 || (st == W_IP4 && e == 8'd0)) fam6 <= set_fam6;
            if (set_x0) x0 <= n_cur;
            if (set_pend) begin pend <= 1'b1; pend_end <= v_end; end
            if (inner) begin
                if (w_vlans) f_ivlans <= f_ivlans + 2'd1;
                if (w_l3) f_il3 <= v_l3;
                if (w_l3 && v_l3 != L3_OTHER) f_il3_off <= v_l3_off;
                if (w_l4) begin f_il4 <= v_l4; f_il4_off <= v_l4_off; end
                if (w_ihl) f_iihl <= v_ihl;
                if (w_end) f_il3_end <= v_end;
                if (w_ah) f_iah <= 1'b1;
                if (w_udpx) f_iudpx <= v_udpx;
            end else begin
                if (w_vlans) f_vlans <= f_vlans + 2'd1;
                if (w_l3 && !set_inner) f_l3 <= v_l3;
                if (w_l3 && !set_inner && v_l3 != L3_OTHER) f_l3_off <= v_l3_off;
                if (w_l3 && set_inner) begin f_il3 <= v_l3; f_il3_off <= v_l3_off; end
                if (w_l4) begin f_l4 <= v_l4; f_l4_off <= v_l4_off; end
                if (w_ihl) f_ihl <= v_ihl;
                if (w_end) f_l3_end <= v_end;
                if (w_ah) f_ah <= 1'b1;
                if (w_udpx) f_udpx <= v_udpx;
            end
            if (w_key) begin f_key_v <= 1'b1; f_key <= v_key; end
            if (w_spi) begin f_spi_v <= 1'b1; f_spi <= v_spi; end
            if (w_tun) f_tun <= v_tun;
            if (w_il2) f_il2_off <= n_cur;
            if (set_inner) inner <= 1'b1;
        end

        if (fin) begin
            m_meta <= rec;
            m_valid <= 1'b1;
            slot_busy[rs] <= 1'b0;
            slot_done[rs] <= 1'b0;
            rs <= rs + 1'b1;
        end
        // the walker starts afresh for the next frame (and at reset)
        if (fin || rst) begin
            st <= W_ETH; cur <= 11'd0; lim <= 14'd0; lim_ip <= 1'b0; inner <= 1'b0; fam6 <= 1'b0;
            x0 <= 11'd0; pend <= 1'b0; pend_end <= 14'd0;
            f_vlans <= 2'd0; f_ivlans <= 2'd0; f_l3 <= 2'd0; f_il3 <= 2'd0; f_udpx <= 2'd0;
            f_iudpx <= 2'd0; f_tun <= 2'd0; f_l4 <= 3'd0; f_il4 <= 3'd0; f_ah <= 1'b0; f_iah <= 1'b0;
            f_key_v <= 1'b0; f_spi_v <= 1'b0; f_err <= 8'd0; f_l3_off <= 11'd0; f_l4_off <= 11'd0;
            f_il2_off <= 11'd0; f_il3_off <= 11'd0; f_il4_off <= 11'd0; f_ihl <= 4'd0; f_iihl <= 4'd0;
            f_l3_end <= 14'd0; f_il3_end <= 14'd0; f_key <= 32'd0; f_spi <= 32'd0;
        end

        if (rst) begin
            slot_busy <= {NSLOT{1'b0}};
            slot_done <= {NSLOT{1'b0}};
            for (k = 0; k < NSLOT; k = k + 1) slot_len[k] <= 14'd0;
            ws <= {NSLOT_LOG2{1'b0}};
            rs <= {NSLOT_LOG2{1'b0}};
            cap_active <= 1'b0;
            cap_beat <= 11'd0;
            cap_bytes <= 14'd0;
            m_valid <= 1'b0;
        end
    end
endmodule

`default_nettype wire
