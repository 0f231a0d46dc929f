// SPDX-License-Identifier: MIT
// tonic_tx_csum — transmit checksum insertion around the store-and-forward TX FIFO.
//
//   frame + TXD words ─┬─▶ axis_pkt_fifo ───────────────────────────────┬▶ patch ─▶ MAC
//                      ├─▶ tonic_parser ─▶ record ─┐                    │
//                      └─▶ header slot: beats 0..31 with prefix sums,   │
//                          total sum ──────────────┴▶ job ─▶ patch FIFO ┘
//
// A checksum field sits in front of the bytes it covers, so the sums are taken as the frame
// enters the FIFO and the fields are written as it leaves. Every sum the rules of
// docs/parser.md need is a difference of prefix sums P(o) (the ones'-complement sum of bytes
// [0, o), pairs at even offsets) and the frame total T:
//   IPv4 header at x with the field zeroed = P(x+4·ihl) − P(x) − (P(x+12) − P(x+10))
//   L4 from a to the end                   = T − P(a)
// (a range starting at an odd offset is the byte swap of that). Offsets lie in the 256-byte
// header window, so each header slot keeps the first 32 beats, each with the prefix sum before
// it; P(o) is one slot read plus a masked sum of one beat. The job reads at most 10 prefixes
// and one byte per frame while the next frames stream into the other slots, then pushes up to
// three {offset, value} patches, in frame order, which the output side writes into the frame.
//
// Throughput one beat per cycle. The input waits only at a frame's first beat with no free
// header slot (NSLOT frames whose jobs are not done), or while the FIFO is full. A frame
// ending with tuser = 1 is dropped by the FIFO and gets no job.
`default_nettype none
`include "tonic_regs.vh"

module tonic_tx_csum #(
    parameter DEPTH = 2048,          // FIFO beats
    parameter MAX_FRAME = 9216,
    parameter NSLOT_LOG2 = 2,
    parameter PATCH_LOG2 = 4
) (
    input  wire                  clk,
    input  wire                  rst,
    input  wire [31:0]           cfg_csum,          // CONFIG CSUM word (TX_* and PARTIAL bits)

    input  wire [63:0]           s_axis_tdata,
    input  wire [7:0]            s_axis_tkeep,
    input  wire                  s_axis_tvalid,
    output wire                  s_axis_tready,
    input  wire                  s_axis_tlast,
    input  wire                  s_axis_tuser,      // on the last beat: drop the frame
    input  wire [127:0]          s_ol,              // TXD words 3..6 of the frame's first descriptor

    output reg  [63:0]           m_axis_tdata,
    output reg  [7:0]            m_axis_tkeep,
    output reg                   m_axis_tvalid,
    input  wire                  m_axis_tready,
    output reg                   m_axis_tlast,

    output reg                   stat_csum,         // pulse: a frame got at least one checksum
    output reg                   stat_skip          // pulse: a requested checksum was not done
);
    localparam PM_W = `TONIC_PMETA_SIZE * 8;
    localparam NSLOT = 1 << NSLOT_LOG2;
    localparam AW = $clog2(DEPTH);
    // TXD word w, bit b is s_ol[(w-3)*32 + b]

    function automatic [15:0] fold(input [18:0] x);
        reg [16:0] y;
        begin
            y = {1'b0, x[15:0]} + {14'd0, x[18:16]};
            fold = y[15:0] + {15'd0, y[16]};
        end
    endfunction
    // sum of the 16-bit pairs of a beat, bytes at lanes >= m masked off (m = 0..8)
    function automatic [17:0] beat_sum(input [63:0] d, input [3:0] m);
        integer j;
        reg [7:0] hi, lo;
        begin
            beat_sum = 18'd0;
            for (j = 0; j < 4; j = j + 1) begin
                hi = (4'(2*j) < m) ? d[16*j +: 8] : 8'd0;
                lo = (4'(2*j+1) < m) ? d[16*j+8 +: 8] : 8'd0;
                beat_sum = beat_sum + {2'd0, hi, lo};
            end
        end
    endfunction

    // ---------------------------------------------------------------- input
    wire [AW:0] free_beats;
    wire        parser_ready;
    reg  [NSLOT-1:0] slot_busy, slot_done;
    reg  [NSLOT_LOG2-1:0] ws;
    reg         in_frame;
    wire        sof_ok = parser_ready && !slot_busy[ws];
    assign s_axis_tready = free_beats != {(AW+1){1'b0}} && (in_frame || sof_ok);
    wire        fire = s_axis_tvalid && s_axis_tready;

    wire drop_full_unused, drop_bad_unused, stored_unused, fifo_ready_unused, len_valid_unused;
    wire [15:0] len_unused;
    wire [9:0]  frames_unused;
    wire [63:0] f_tdata;
    wire [7:0]  f_tkeep;
    wire        f_tvalid, f_tready, f_tlast;
    axis_pkt_fifo #(.DATA_W(64), .DEPTH(DEPTH), .MAX_FRAME(MAX_FRAME)) u_fifo (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_axis_tdata), .s_axis_tkeep(s_axis_tkeep), .s_axis_tvalid(fire),
        .s_axis_tready(fifo_ready_unused), .s_axis_tlast(s_axis_tlast), .s_axis_tuser(s_axis_tuser),
        .m_axis_tdata(f_tdata), .m_axis_tkeep(f_tkeep), .m_axis_tvalid(f_tvalid),
        .m_axis_tready(f_tready), .m_axis_tlast(f_tlast),
        .m_len(len_unused), .m_len_valid(len_valid_unused), .m_len_ready(1'b1),
        .frames_ready(frames_unused), .free_beats(free_beats),
        .drop_full(drop_full_unused), .drop_bad(drop_bad_unused), .stored(stored_unused)
    );

    wire [PM_W-1:0] rec;
    wire            rec_valid;
    reg             rec_ready;
    tonic_parser #(.NSLOT_LOG2(NSLOT_LOG2)) u_parser (
        .clk(clk), .rst(rst),
        .s_tdata(s_axis_tdata), .s_tkeep(s_axis_tkeep), .s_tvalid(fire), .s_tlast(s_axis_tlast),
        .s_tready(parser_ready),
        .m_meta(rec), .m_valid(rec_valid), .m_ready(rec_ready)
    );

    // ---------------------------------------------------------------- header slots
    localparam MW = NSLOT_LOG2 + 5;
    reg  [79:0]  hmem [0:(1<<MW)-1];       // {prefix before the beat, beat}
    reg  [10:0]  cap_beat;
    reg  [16:0]  run;                      // prefix sum so far (folded, 17 bits)
    reg  [13:0]  cap_len;
    reg  [13:0]  cap_lastnz;
    // per slot, slot i at [i*W +: W]
    // (16-bit strides: a stride of 14 would make the slot index a multiplier)
    reg  [NSLOT*16-1:0]  sl_len;
    reg  [NSLOT*16-1:0]  sl_total;
    reg  [NSLOT*16-1:0]  sl_lastnz;       // last nonzero byte + 1 (0: all zero)
    reg  [NSLOT*128-1:0] sl_ol;
    reg  [NSLOT-1:0] sl_bad;

    localparam KEEP_W = 8;
    localparam KC_W = 4;
    `include "axis_keep.vh"
    wire [3:0]  in_n = keep_count(s_axis_tkeep);
    wire [63:0] in_data = s_axis_tdata & {{8{s_axis_tkeep[7]}}, {8{s_axis_tkeep[6]}}, {8{s_axis_tkeep[5]}},
                                          {8{s_axis_tkeep[4]}}, {8{s_axis_tkeep[3]}}, {8{s_axis_tkeep[2]}},
                                          {8{s_axis_tkeep[1]}}, {8{s_axis_tkeep[0]}}};
    wire [16:0] run_in = (in_frame ? run : 17'd0);
    wire [18:0] run_t = {2'd0, run_in} + {1'b0, beat_sum(in_data, 4'd8)};
    wire [16:0] run_next = {1'b0, run_t[15:0]} + {14'd0, run_t[18:16]};
    wire [13:0] beat_base = {cap_beat[10:0], 3'b000};
    reg  [3:0]  nz_top;                    // highest nonzero lane + 1
    integer     li;
    always @* begin
        nz_top = 4'd0;
        for (li = 0; li < 8; li = li + 1)
            if (in_data[8*li +: 8] != 8'd0) nz_top = 4'(li + 1);
    end
    wire [13:0] len_next = (in_frame ? cap_len : 14'd0) + {10'd0, in_n};
    wire [13:0] lastnz_next = nz_top != 4'd0 ? beat_base + {10'd0, nz_top} : (in_frame ? cap_lastnz : 14'd0);

    always @(posedge clk) begin
        if (fire && cap_beat < 11'd32)
            hmem[{ws, cap_beat[4:0]}] <= {fold({2'd0, run_in}), s_axis_tdata};
    end

    // ---------------------------------------------------------------- job
    localparam [1:0] J_IDLE = 2'd0, J_OPS = 2'd1, J_WAIT = 2'd2, J_FIN = 2'd3;
    reg  [1:0]   jst;
    reg  [NSLOT_LOG2-1:0] rs;
    wire         job_start = jst == J_IDLE && slot_busy[rs] && slot_done[rs] && rec_valid;
    // the frame's requests
    wire [127:0] ol = sl_ol[rs*128 +: 128];
    wire [13:0]  flen = sl_len[rs*16 +: 14];
    wire         r_ip4 = ol[`TONIC_TXD_CSUM_IP4_LSB - 96 +: 1], r_ip6 = ol[`TONIC_TXD_CSUM_IP6_LSB - 96 +: 1], r_tcp = ol[`TONIC_TXD_CSUM_TCP_LSB - 96 +: 1];
    wire         r_udp = ol[`TONIC_TXD_CSUM_UDP_LSB - 96 +: 1], r_iphdr = ol[`TONIC_TXD_CSUM_IPHDR_LSB - 96 +: 1], r_part = ol[`TONIC_TXD_CSUM_PARTIAL_LSB - 96 +: 1];
    wire [9:0]   r_l4off = ol[`TONIC_TXD_L4_OFF_LSB - 96 +: 10], r_cstart = ol[`TONIC_TXD_CSUM_START_LSB - 96 +: 10];
    wire [7:0]   r_coff = ol[`TONIC_TXD_CSUM_OFFSET_LSB - 96 +: 8], r_eip = ol[`TONIC_TXD_ENC_IP_OFF_LSB - 96 +: 8], r_el4 = ol[`TONIC_TXD_ENC_L4_OFF_LSB - 96 +: 8];
    wire [9:0]   r_efr = ol[`TONIC_TXD_ENC_FRAME_OFF_LSB - 96 +: 10];
    wire         r_enc = ol[`TONIC_TXD_ENC_LSB - 96 +: 1], r_eip6 = ol[`TONIC_TXD_ENC_IP6_LSB - 96 +: 1];
    wire         c_ip4 = cfg_csum[`TONIC_CONFIG_CSUM_TX_IP4_LSB];
    wire         c_part = cfg_csum[`TONIC_CONFIG_CSUM_PARTIAL_LSB];

    // decisions taken at job start (registered)
    reg          d_oip, d_iip, d_l4;          // try these checksums
    reg          d_skip;                      // a request refused already
    reg  [10:0]  d_x, d_ix, d_a, d_f;         // outer IP, inner IP, L4 start, L4 field
    reg  [5:0]   d_ohl;                       // outer header length in bytes / 4 ... as bytes below
    reg          d_udp0;                      // 0 becomes 0xFFFF
    always @* begin : decide
        reg [11:0] ix, a, f, xe;
        reg        v6, l4req;
        d_oip = 1'b0; d_iip = 1'b0; d_l4 = 1'b0; d_skip = 1'b0; d_udp0 = 1'b0;
        d_x = 11'd0; d_ix = 11'd0; d_a = 11'd0; d_f = 11'd0; d_ohl = 6'd0;
        a = 12'd0; f = 12'd0; v6 = 1'b0; l4req = 1'b0;
        ix = {2'd0, r_efr} + {4'd0, r_eip};
        xe = {1'b0, rec[`TONIC_PMETA_L3_OFF_LSB +: 11]} + {6'd0, rec[`TONIC_PMETA_IHL_LSB +: 4], 2'b00};
        if (r_part) begin
            f = {2'd0, r_cstart} + {4'd0, r_coff};
            if (!c_part || {4'd0, r_cstart} >= flen || {2'd0, r_cstart} >= 12'd256 ||
                f + 12'd2 > 12'd256 || {2'd0, f} + 14'd2 > flen) d_skip = 1'b1;
            else begin d_l4 = 1'b1; d_a = {1'b0, r_cstart}; d_f = f[10:0]; d_udp0 = r_udp; end
        end else if (r_ip4 || r_ip6) begin
            // IP headers: the outer one with CSUM_IP4, the inner one with ENC and not ENC_IP6
            if (r_iphdr && (r_ip4 || (r_enc && !r_eip6)) && !c_ip4) d_skip = 1'b1;
            else if (r_iphdr) begin
                if (r_ip4) begin
                    if (rec[`TONIC_PMETA_L3_LSB +: 2] != 2'(`TONIC_PTYPE_L3_IP4) ||
                        rec[`TONIC_PMETA_IHL_LSB +: 4] == 4'd0 || xe > 12'd256) d_skip = 1'b1;
                    else begin
                        d_oip = 1'b1; d_x = rec[`TONIC_PMETA_L3_OFF_LSB +: 11];
                        d_ohl = {rec[`TONIC_PMETA_IHL_LSB +: 4], 2'b00};
                    end
                end
                // the inner header itself is checked once its first byte has been read
                if (r_enc && !r_eip6) begin d_iip = 1'b1; d_ix = ix[10:0]; end
            end
            if (r_tcp && r_udp) d_skip = 1'b1;
            else if (r_tcp || r_udp) begin
                a = r_enc ? ix + {4'd0, r_el4} : {2'd0, r_l4off};
                v6 = r_enc ? r_eip6 : r_ip6;
                l4req = v6 ? (r_tcp ? cfg_csum[`TONIC_CONFIG_CSUM_TX_TCP6_LSB] : cfg_csum[`TONIC_CONFIG_CSUM_TX_UDP6_LSB])
                           : (r_tcp ? cfg_csum[`TONIC_CONFIG_CSUM_TX_TCP4_LSB] : cfg_csum[`TONIC_CONFIG_CSUM_TX_UDP4_LSB]);
                f = a + (r_tcp ? 12'd16 : 12'd6);
                if (!l4req || a >= 12'd256 || f + 12'd2 > 12'd256 ||
                    {2'd0, a} + (r_tcp ? 14'd20 : 14'd8) > flen) d_skip = 1'b1;
                else begin d_l4 = 1'b1; d_a = a[10:0]; d_f = f[10:0]; d_udp0 = r_udp; end
            end
        end
    end

    // the job's reads: op k reads the prefix P(o_k) (or, op 0, the byte at ix)
    //   0: byte ix   1: P(ix)  2: P(ix+10)  3: P(ix+12)  4: P(ix+4·ihl)
    //   5: P(x)      6: P(x+10) 7: P(x+12)  8: P(x+hl)   9: P(a)
    reg  [9:0]   j_en;                 // ops still to issue
    reg  [3:0]   j_op;                 // op issued last cycle (landing now)
    reg          j_land;
    reg          j_oip, j_iip, j_l4, j_skip, j_udp0;
    reg  [10:0]  j_x, j_ix, j_a, j_f;
    reg  [5:0]   j_ohl;
    reg  [7:0]   j_ibyte;              // inner version/IHL byte
    reg  [159:0] pv;                     // P(o_k) at [16k +: 16]
    reg  [13:0]  j_len, j_lastnz;
    reg  [15:0]  j_total;
    reg  [NSLOT_LOG2-1:0] j_slot;

    // next op and its prefix offset
    reg  [3:0]   nop;
    reg          nop_v;
    integer      oi;
    always @* begin
        nop = 4'd0; nop_v = 1'b0;
        for (oi = 9; oi >= 0; oi = oi - 1)
            if (j_en[oi]) begin nop = 4'(oi); nop_v = 1'b1; end
    end
    reg  [11:0]  o;
    always @* begin
        case (nop)
            4'd0, 4'd1: o = {1'b0, j_ix};
            4'd2: o = {1'b0, j_ix} + 12'd10;
            4'd3: o = {1'b0, j_ix} + 12'd12;
            4'd4: o = {1'b0, j_ix} + {6'd0, j_ibyte[3:0], 2'b00};
            4'd5: o = {1'b0, j_x};
            4'd6: o = {1'b0, j_x} + 12'd10;
            4'd7: o = {1'b0, j_x} + 12'd12;
            4'd8: o = {1'b0, j_x} + {6'd0, j_ohl};
            default: o = {1'b0, j_a};
        endcase
    end
    // P(o) reads beat o/8 with lanes below o%8; o = 8k (k > 0) reads beat k-1 whole
    wire         o_edge = o[2:0] == 3'd0 && o != 12'd0 && nop != 4'd0;   // not for the byte read
    wire [4:0]   o_beat = o_edge ? 5'(o[11:3] - 9'd1) : o[7:3];
    wire [3:0]   o_m = nop == 4'd0 ? 4'd8 : (o_edge ? 4'd8 : {1'b0, o[2:0]});
    wire         o_zero = o == 12'd0 && nop != 4'd0;
    reg  [79:0]  rd;
    reg  [3:0]   rd_m;
    reg  [2:0]   rd_lane;
    reg          rd_zero;
    wire         issue = jst == J_OPS && nop_v && !(nop == 4'd4 && j_op == 4'd0 && j_land);
    always @(posedge clk) begin
        if (issue) begin
            rd <= hmem[{j_slot, o_beat}];
            rd_m <= o_m;
            rd_lane <= o[2:0];
            rd_zero <= o_zero;
        end
    end
    wire [18:0]  p_t = {3'd0, rd[79:64]} + {1'b0, beat_sum(rd[63:0], rd_m)};
    wire [15:0]  p_val = rd_zero ? 16'd0 : fold(p_t);
    wire [7:0]   rd_byte = rd[8*rd_lane +: 8];

    // ---------------------------------------------------------------- results
    function automatic [15:0] swap_if(input [15:0] v, input odd);
        swap_if = odd ? {v[7:0], v[15:8]} : v;
    endfunction
    // ones'-complement a + b - c - d, 0 shown as 0xFFFF (the covered bytes are never all zero)
    function automatic [15:0] add4(input [15:0] a, input [15:0] b, input [15:0] c, input [15:0] d);
        reg [15:0] s;
        begin
            s = fold({3'd0, a} + {3'd0, b} + {3'd0, ~c} + {3'd0, ~d});
            add4 = s == 16'd0 ? 16'hFFFF : s;
        end
    endfunction
    wire [15:0] hdr_o = add4(pv[128 +: 16], pv[96 +: 16], pv[80 +: 16], pv[112 +: 16]);
    wire [15:0] hdr_i = add4(pv[64 +: 16], pv[32 +: 16], pv[16 +: 16], pv[48 +: 16]);
    wire        ibad = j_ibyte[7:4] != 4'd4 || j_ibyte[3:0] < 4'd5 ||
                       {1'b0, j_ix} + {6'd0, j_ibyte[3:0], 2'b00} > 12'd256 ||
                       {3'd0, j_ix} + {8'd0, j_ibyte[3:0], 2'b00} > j_len;
    wire [15:0] l4_abs = add4(j_total, 16'hFFFF, pv[144 +: 16], 16'd0);   // T - P(a)
    wire        l4_allzero = j_lastnz <= {3'd0, j_a};
    wire [15:0] l4_sum = l4_allzero ? 16'd0 : swap_if(l4_abs, j_a[0]);
    wire [15:0] l4_val = (~l4_sum == 16'd0 && j_udp0) ? 16'hFFFF : ~l4_sum;
    wire        w_oip = j_oip, w_iip = j_iip && !ibad, w_l4 = j_l4;
    wire [10:0] ifield = j_ix + 11'd10;
    wire [15:0] ival = ~swap_if(hdr_i, j_ix[0]);
    // patch entry: 3 x {valid, offset[10:0], value[15:0]}
    wire [83:0] patch = {w_l4, j_f, l4_val, w_iip, ifield, ival, w_oip, j_x + 11'd10, ~hdr_o};
    wire        patch_room;
    wire        patch_push = jst == J_FIN;
    wire [83:0] ph;
    wire        ph_valid;
    wire        ph_pop;
    wire [PATCH_LOG2:0] ph_count_unused;
    tonic_fifo #(.WIDTH(84), .DEPTH_LOG2(PATCH_LOG2)) u_patch (
        .clk(clk), .rst(rst),
        .s_data(patch), .s_valid(patch_push), .s_ready(patch_room),
        .m_data(ph), .m_valid(ph_valid), .m_ready(ph_pop),
        .count(ph_count_unused)
    );

    always @(posedge clk) begin
        stat_csum <= 1'b0;
        stat_skip <= 1'b0;
        rec_ready <= 1'b0;
        j_land <= issue;
        if (issue) begin
            j_op <= nop;
            j_en[nop] <= 1'b0;
        end
        if (j_land) begin
            if (j_op == 4'd0) j_ibyte <= rd_byte;
            else pv[16*j_op +: 16] <= p_val;
        end
        case (jst)
            J_IDLE: if (job_start && !rec_ready) begin
                rec_ready <= 1'b1;                 // take the record (it is used this cycle)
                if (sl_bad[rs]) begin
                    // dropped by the FIFO: no patch
                    slot_busy[rs] <= 1'b0;
                    slot_done[rs] <= 1'b0;
                    rs <= rs + 1'b1;
                end else begin
                    jst <= J_OPS;
                    j_slot <= rs;
                    j_oip <= d_oip; j_iip <= d_iip; j_l4 <= d_l4; j_skip <= d_skip; j_udp0 <= d_udp0;
                    j_x <= d_x; j_ix <= d_ix; j_a <= d_a; j_f <= d_f; j_ohl <= d_ohl;
                    j_en <= {d_l4, {4{d_oip}}, {5{d_iip}}};
                    j_len <= flen; j_lastnz <= sl_lastnz[rs*16 +: 14]; j_total <= sl_total[rs*16 +: 16];
                    j_ibyte <= 8'd0;
                    pv <= 160'd0;
                end
            end
            J_OPS: if (!nop_v && !issue) jst <= J_WAIT;
            J_WAIT: if (!j_land) jst <= J_FIN;
            default: if (patch_room) begin
                jst <= J_IDLE;
                slot_busy[j_slot] <= 1'b0;
                slot_done[j_slot] <= 1'b0;
                rs <= rs + 1'b1;
                stat_csum <= w_oip || w_iip || w_l4;
                stat_skip <= j_skip || (j_iip && ibad);
            end
        endcase

        // capture
        if (fire) begin
            in_frame <= !s_axis_tlast;
            run <= run_next;
            cap_len <= len_next;
            cap_lastnz <= lastnz_next;
            cap_beat <= s_axis_tlast ? 11'd0 : (cap_beat == 11'h7FF ? cap_beat : cap_beat + 11'd1);
            if (!in_frame) begin
                slot_busy[ws] <= 1'b1;
                sl_ol[ws*128 +: 128] <= s_ol;
            end
            if (s_axis_tlast) begin
                slot_done[ws] <= 1'b1;
                sl_len[ws*16 +: 16] <= {2'b00, len_next};
                sl_total[ws*16 +: 16] <= fold({2'd0, run_next});
                sl_lastnz[ws*16 +: 16] <= {2'b00, lastnz_next};
                sl_bad[ws] <= s_axis_tuser;
                ws <= ws + 1'b1;
            end
        end

        if (rst) begin
            jst <= J_IDLE;
            rs <= {NSLOT_LOG2{1'b0}};
            ws <= {NSLOT_LOG2{1'b0}};
            slot_busy <= {NSLOT{1'b0}};
            slot_done <= {NSLOT{1'b0}};
            in_frame <= 1'b0;
            cap_beat <= 11'd0;
            j_land <= 1'b0;
            j_en <= 10'd0;
            rec_ready <= 1'b0;
            stat_csum <= 1'b0;
            stat_skip <= 1'b0;
        end
    end

    // ---------------------------------------------------------------- output: write the fields
    reg  [10:0] o_beat_n;                // beat index of the FIFO's head beat in its frame
    wire        o_first = o_beat_n == 11'd0;
    wire        out_free = !m_axis_tvalid || m_axis_tready;
    assign f_tready = out_free && (!o_first || ph_valid);
    wire        o_fire = f_tvalid && f_tready;
    assign ph_pop = o_fire && f_tlast;
    reg  [63:0] pdata;
    integer     pp, lk;
    always @* begin
        pdata = f_tdata;
        for (pp = 0; pp < 3; pp = pp + 1) begin : pf
            reg        pvld;
            reg [10:0] poff;
            reg [10:0] poff1;
            reg [15:0] pval;
            pvld = ph[pp*28 + 27];
            poff = ph[pp*28 + 16 +: 11];
            poff1 = poff + 11'd1;
            pval = ph[pp*28 +: 16];
            for (lk = 0; lk < 8; lk = lk + 1) begin
                if (pvld && {o_beat_n, 3'(lk)} == {3'd0, poff}) pdata[8*lk +: 8] = pval[15:8];
                if (pvld && {o_beat_n, 3'(lk)} == {3'd0, poff1}) pdata[8*lk +: 8] = pval[7:0];
            end
        end
    end
    always @(posedge clk) begin
        if (m_axis_tvalid && m_axis_tready) m_axis_tvalid <= 1'b0;
        if (o_fire) begin
            m_axis_tdata <= pdata;
            m_axis_tkeep <= f_tkeep;
            m_axis_tlast <= f_tlast;
            m_axis_tvalid <= 1'b1;
            o_beat_n <= f_tlast ? 11'd0 : (o_beat_n == 11'h7FF ? o_beat_n : o_beat_n + 11'd1);
        end
        if (rst) begin
            m_axis_tvalid <= 1'b0;
            o_beat_n <= 11'd0;
        end
    end

    wire unused_ok = &{1'b0, drop_full_unused, drop_bad_unused, stored_unused, fifo_ready_unused,
                       len_valid_unused, len_unused, frames_unused, ph_count_unused, rec, ol, cfg_csum, pv[15:0]};
endmodule

`default_nettype wire
