// SPDX-License-Identifier: MIT
// tonic_rx_csum — receive checksum verification, as frames stream from the FIFO to the DMA.
//
// Each frame arrives with its parser record (docs/parser.md), so every range is known before
// the first beat: the outer and inner IPv4 headers, the innermost TCP/UDP segment up to its
// datagram end, the same set's IP addresses (for the pseudo-header) and bytes 14.. (the raw sum).
// Five ones'-complement accumulators add the masked 16-bit words of each beat.
//
//   stage 1 (s1): the beat, its index, and on a frame's first beat the ranges (from the record)
//   stage 2 (m_*): the beat as offered to the DMA; the accumulators include it
//
// When a frame's last beat is offered, m_res holds its verdicts and parse fields (valid with
// that beat), so the DMA takes them with the last beat. One beat per cycle, no bubbles; two
// cycles of latency.
`default_nettype none
`include "tonic_regs.vh"

module tonic_rx_csum (
    input  wire                  clk,
    input  wire                  rst,
    input  wire [31:0]           cfg_csum,          // CONFIG CSUM word (RX_* bits)

    input  wire [63:0]           s_axis_tdata,
    input  wire [7:0]            s_axis_tkeep,
    input  wire                  s_axis_tvalid,
    output wire                  s_axis_tready,
    input  wire                  s_axis_tlast,
    input  wire [PM_W-1:0]       s_meta,
    input  wire                  s_meta_valid,
    output wire                  s_meta_ready,

    output reg  [63:0]           m_axis_tdata,
    output reg  [7:0]            m_axis_tkeep,
    output reg                   m_axis_tvalid,
    input  wire                  m_axis_tready,
    output reg                   m_axis_tlast,
    output wire [RES_W-1:0]      m_res,             // with the last beat: see RES_* below

    output wire                  stat_ok,           // pulses when a frame's last beat is taken
    output wire                  stat_bad,
    output wire                  stat_perr
);
    localparam PM_W = `TONIC_PMETA_SIZE * 8;
    // m_res = {ptype[23:0], tun_id[31:0], il4_off[10:0], l3_off[4:0], il3_off[10:0], l4_off[10:0],
    //          raw[15:0], flags[15:0], perr[7:0]}
    localparam RES_W = 24 + 32 + 11 + 5 + 11 + 11 + 16 + 16 + 8;


    // ---------------------------------------------------------------- ranges of a frame
    // range r covers bytes [st[r], en[r]); 0 = outer IPv4 header, 1 = inner IPv4 header,
    // 2 = L4 segment, 3 = the segment's IP addresses, 4 = raw (14 .. end)
    localparam NR = 5;
    reg  [NR*14-1:0] r_st, r_en;          // range r at [r*14 +: 14]
    reg  [NR*14-1:0] c_st, c_en;
    wire [PM_W-1:0] mt = s_meta;
    wire [1:0]  m_tun  = mt[`TONIC_PMETA_TUN_LSB +: 2];
    wire        m_inner = m_tun != 2'd0;
    wire [3:0]  m_ihl  = mt[`TONIC_PMETA_IHL_LSB +: 4];
    wire [3:0]  m_iihl = mt[`TONIC_PMETA_IIHL_LSB +: 4];
    wire [10:0] m_l3   = mt[`TONIC_PMETA_L3_OFF_LSB +: 11];
    wire [10:0] m_il3  = mt[`TONIC_PMETA_IL3_OFF_LSB +: 11];
    wire [10:0] m_l4   = mt[`TONIC_PMETA_L4_OFF_LSB +: 11];
    wire [10:0] m_il4  = mt[`TONIC_PMETA_IL4_OFF_LSB +: 11];
    wire [13:0] m_end  = mt[`TONIC_PMETA_L3_END_LSB +: 14];
    wire [13:0] m_iend = mt[`TONIC_PMETA_IL3_END_LSB +: 14];
    wire [13:0] m_len  = mt[`TONIC_PMETA_LEN_LSB +: 14];
    wire [1:0]  m_sl3  = m_inner ? mt[`TONIC_PMETA_IL3_LSB +: 2] : mt[`TONIC_PMETA_L3_LSB +: 2];
    wire [10:0] m_sl3o = m_inner ? m_il3 : m_l3;
    wire [13:0] m_a    = {3'd0, m_inner ? m_il4 : m_l4};
    wire [13:0] m_e    = m_inner ? m_iend : m_end;
    wire        m_v6   = m_sl3 == 2'(`TONIC_PTYPE_L3_IP6);
    always @* begin
        c_st[0*14 +: 14] = {3'd0, m_l3};
        c_en[0*14 +: 14] = {3'd0, m_l3} + {8'd0, m_ihl, 2'b00};
        c_st[1*14 +: 14] = {3'd0, m_il3};
        c_en[1*14 +: 14] = {3'd0, m_il3} + {8'd0, m_iihl, 2'b00};
        c_st[2*14 +: 14] = m_a;
        c_en[2*14 +: 14] = m_e;
        c_st[3*14 +: 14] = {3'd0, m_sl3o} + (m_v6 ? 14'd8 : 14'd12);
        c_en[3*14 +: 14] = {3'd0, m_sl3o} + (m_v6 ? 14'd40 : 14'd20);
        c_st[4*14 +: 14] = 14'd14;
        c_en[4*14 +: 14] = m_len;
    end

    // ---------------------------------------------------------------- stage 1
    reg  [63:0] s1_data;
    reg  [7:0]  s1_keep;
    reg         s1_valid, s1_last, s1_first;
    reg  [10:0] s1_beat;
    reg  [10:0] in_beat;                  // index of the next input beat in its frame
    reg  [PM_W-1:0] p1, p2;               // the record of the frame in stage 1 / stage 2
    wire adv = !m_axis_tvalid || m_axis_tready;           // stage 2 can take stage 1
    wire s1_free = !s1_valid || adv;
    wire first_in = in_beat == 11'd0;
    assign s_axis_tready = s1_free && (!first_in || s_meta_valid);
    wire in_fire = s_axis_tvalid && s_axis_tready;
    assign s_meta_ready = in_fire && first_in;

    integer r;
    always @(posedge clk) begin
        if (adv) s1_valid <= 1'b0;
        if (in_fire) begin
            s1_valid <= 1'b1;
            s1_data <= s_axis_tdata;
            s1_keep <= s_axis_tkeep;
            s1_last <= s_axis_tlast;
            s1_first <= first_in;
            s1_beat <= in_beat;
            in_beat <= s_axis_tlast ? 11'd0 : (in_beat == 11'h7FF ? in_beat : in_beat + 11'd1);
            if (first_in) begin
                p1 <= s_meta;
                r_st <= c_st;
                r_en <= c_en;
            end
        end
        if (rst) begin
            s1_valid <= 1'b0;
            in_beat <= 11'd0;
        end
    end

    // ---------------------------------------------------------------- masked sums of the s1 beat
    reg  [NR*17-1:0] acc, acc_in;         // accumulator r at [r*17 +: 17]
    reg  [15:0] udp_field;                 // the UDP checksum field of the segment
    reg  [15:0] udp_field_in;
    reg  [7:0]  lane;
    reg  [17:0] s4;
    reg  [18:0] t;
    integer k;
    wire [13:0] udp_at = r_st[2*14 +: 14] + 14'd6;
    always @* begin
        for (r = 0; r < NR; r = r + 1) begin
            for (k = 0; k < 8; k = k + 1) begin
                lane[k] = s1_keep[k] &&
                          ({s1_beat, 3'(k)} >= r_st[r*14 +: 14]) && ({s1_beat, 3'(k)} < r_en[r*14 +: 14]);
            end
            s4 = 18'd0;
            for (k = 0; k < 4; k = k + 1)
                s4 = s4 + {2'd0, lane[2*k] ? s1_data[16*k +: 8] : 8'd0,
                                 lane[2*k+1] ? s1_data[16*k+8 +: 8] : 8'd0};
            t = (s1_first ? 19'd0 : {2'd0, acc[r*17 +: 17]}) + {1'b0, s4};
            acc_in[r*17 +: 17] = {1'b0, t[15:0]} + {14'd0, t[18:16]};
        end
        udp_field_in = udp_field;
        if (s1_beat == udp_at[13:3]) udp_field_in = {s1_data[16*udp_at[2:1] +: 8], s1_data[16*udp_at[2:1]+8 +: 8]};
    end

    always @(posedge clk) begin
        if (adv) begin
            m_axis_tvalid <= s1_valid;
            if (s1_valid) begin
                m_axis_tdata <= s1_data;
                m_axis_tkeep <= s1_keep;
                m_axis_tlast <= s1_last;
                acc <= acc_in;
                udp_field <= s1_first ? (s1_beat == udp_at[13:3] ? udp_field_in : 16'd0) : udp_field_in;
                if (s1_first) p2 <= p1;
            end
        end
        if (rst) m_axis_tvalid <= 1'b0;
    end

    // ---------------------------------------------------------------- verdicts (stage 2)
    function automatic [15:0] fold(input [18:0] x);
        reg [16:0] y;
        begin
            y = {1'b0, x[15:0]} + {14'd0, x[18:16]};
            fold = y[15:0] + {15'd0, y[16]};
        end
    endfunction

    wire [7:0]  q_err  = p2[`TONIC_PMETA_ERR_LSB +: 8];
    wire [1:0]  q_tun  = p2[`TONIC_PMETA_TUN_LSB +: 2];
    wire        q_inner = q_tun != 2'd0;
    wire [2:0]  q_l4t  = q_inner ? p2[`TONIC_PMETA_IL4_LSB +: 3] : p2[`TONIC_PMETA_L4_LSB +: 3];
    wire [1:0]  q_l3t  = q_inner ? p2[`TONIC_PMETA_IL3_LSB +: 2] : p2[`TONIC_PMETA_L3_LSB +: 2];
    wire        q_v6   = q_l3t == 2'(`TONIC_PTYPE_L3_IP6);
    wire        q_tcp  = q_l4t == 3'(`TONIC_PTYPE_L4_TCP);
    wire        q_udp  = q_l4t == 3'(`TONIC_PTYPE_L4_UDP);
    wire [10:0] q_a    = q_inner ? p2[`TONIC_PMETA_IL4_OFF_LSB +: 11] : p2[`TONIC_PMETA_L4_OFF_LSB +: 11];
    wire [13:0] q_e    = q_inner ? p2[`TONIC_PMETA_IL3_END_LSB +: 14] : p2[`TONIC_PMETA_L3_END_LSB +: 14];
    wire [13:0] q_seg  = q_e - {3'd0, q_a};

    wire c_ip4 = cfg_csum[`TONIC_CONFIG_CSUM_RX_IP4_LSB];
    wire c_l4  = q_v6 ? (q_tcp ? cfg_csum[`TONIC_CONFIG_CSUM_RX_TCP6_LSB] : cfg_csum[`TONIC_CONFIG_CSUM_RX_UDP6_LSB])
                      : (q_tcp ? cfg_csum[`TONIC_CONFIG_CSUM_RX_TCP4_LSB] : cfg_csum[`TONIC_CONFIG_CSUM_RX_UDP4_LSB]);

    wire chk_o = c_ip4 && p2[`TONIC_PMETA_IHL_LSB +: 4] != 4'd0;
    wire chk_i = c_ip4 && p2[`TONIC_PMETA_IIHL_LSB +: 4] != 4'd0;
    wire ok_o  = fold({2'd0, acc[0*17 +: 17]}) == 16'hFFFF;
    wire ok_i  = fold({2'd0, acc[1*17 +: 17]}) == 16'hFFFF;
    wire chk_l4 = q_err == 8'd0 && (q_tcp || q_udp) && c_l4 && !(q_udp && !q_v6 && udp_field == 16'd0);
    wire [18:0] l4_total = {2'd0, acc[2*17 +: 17]} + {2'd0, acc[3*17 +: 17]} + {11'd0, q_tcp ? 8'd6 : 8'd17} + {5'd0, q_seg};
    wire ok_l4 = fold(l4_total) == 16'hFFFF;

    reg [15:0] flags;
    always @* begin
        flags = 16'd0;
        if (chk_o) flags = flags | (ok_o ? `TONIC_CSUMF_OUTER_IP_OK : `TONIC_CSUMF_OUTER_IP_BAD);
        if (chk_i) flags = flags | (ok_i ? `TONIC_CSUMF_INNER_IP_OK : `TONIC_CSUMF_INNER_IP_BAD);
        if ((chk_o && !ok_o) || (chk_i && !ok_i)) flags = flags | `TONIC_CSUMF_IP_BAD;
        else if (chk_o || chk_i) flags = flags | `TONIC_CSUMF_IP_OK;
        if (chk_l4 && q_tcp) flags = flags | (ok_l4 ? `TONIC_CSUMF_TCP_OK : `TONIC_CSUMF_TCP_BAD);
        if (chk_l4 && q_udp) flags = flags | (ok_l4 ? `TONIC_CSUMF_UDP_OK : `TONIC_CSUMF_UDP_BAD);
    end
    wire [15:0] raw = p2[`TONIC_PMETA_LEN_LSB +: 14] > 14'd14 ? fold({2'd0, acc[4*17 +: 17]}) : 16'd0;
    wire [31:0] tun_id = p2[`TONIC_PMETA_KEY_V_LSB] ? p2[`TONIC_PMETA_GRE_KEY_LSB +: 32] :
                         p2[`TONIC_PMETA_SPI_V_LSB] ? p2[`TONIC_PMETA_SPI_LSB +: 32] : 32'd0;
    assign m_res = {p2[23:0], tun_id, p2[`TONIC_PMETA_IL4_OFF_LSB +: 11], p2[`TONIC_PMETA_L3_OFF_LSB +: 5],
                    p2[`TONIC_PMETA_IL3_OFF_LSB +: 11], p2[`TONIC_PMETA_L4_OFF_LSB +: 11], raw, flags, q_err};

    wire done = m_axis_tvalid && m_axis_tready && m_axis_tlast;
    wire any_bad = (flags & (`TONIC_CSUMF_IP_BAD | `TONIC_CSUMF_TCP_BAD | `TONIC_CSUMF_UDP_BAD)) != 16'd0;
    assign stat_bad  = done && any_bad;
    assign stat_ok   = done && !any_bad && flags != 16'd0;
    assign stat_perr = done && q_err != 8'd0;

    wire unused_ok = &{1'b0, p2, cfg_csum, udp_at[0], mt};
endmodule

`default_nettype wire
