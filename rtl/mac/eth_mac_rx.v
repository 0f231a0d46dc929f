// SPDX-License-Identifier: MIT
//
// eth_mac_rx -- receive MAC framing: check and strip the Ethernet FCS, flag bad frames.
//
// Input: frames from the PHY side with their 4-byte FCS. A wire cannot wait, so s_axis_tready
// is tied to 1 and the input must never be stalled; idle cycles (tvalid low) inside or between
// frames are fine. All beats but the last are full (tkeep all ones), tkeep contiguous from bit 0.
//
// Output: the same frame without the FCS (its bytes may straddle the last two beats, so one beat
// is held back), m_axis_tuser = 1 on the last beat when the frame is bad. There is no
// m_axis_tready: the output is never stalled (it feeds axis_pkt_fifo, which always accepts and
// drops the frames marked bad). A frame is bad when
//   - oversize: more than MAX_FRAME + 4 bytes with FCS. The output frame ends (tlast, tuser) with
//     the last beat that was entirely within the limit and the rest of the input frame is
//     discarded, so no more than MAX_FRAME + 4 bytes ever leave for one frame;
//   - runt: fewer than 64 bytes with FCS (a frame of at most 4 bytes comes out as one beat with
//     its bytes unstripped, tuser = 1);
//   - bad FCS: the CRC over the frame including its FCS is not the residue 0xDEBB20E3.
// Exactly one status pulse per frame: stat_rx_oversize, else stat_rx_runt, else stat_rx_bad_fcs,
// else stat_rx_good. The pulses are not aligned with the output's tlast (see docs/mac.md).
//
// Pipeline: A registers the input; B runs the CRC and the byte count; C holds one beat back,
// strips the FCS and drives the output registers. Latency from an input beat to its output beat
// is 4 cycles when another beat follows in time (a beat is held until the next one shows whether
// FCS bytes are in it); the last output beat of a frame leaves 3 or 4 cycles after the input's
// last beat.
`default_nettype none

module eth_mac_rx #(
    parameter DATA_W    = 64,    // stream width in bits: a multiple of 8, 32..512
    parameter MAX_FRAME = 9216   // longest good frame in bytes without FCS (60..65531)
) (
    input  wire                clk,
    input  wire                rst,

    // frames with FCS, from the PHY
    input  wire [DATA_W-1:0]   s_axis_tdata,
    input  wire [DATA_W/8-1:0] s_axis_tkeep,
    input  wire                s_axis_tvalid,
    output wire                s_axis_tready,   // always 1: the input must not be stalled
    input  wire                s_axis_tlast,

    // frames without FCS; never stalled
    output wire [DATA_W-1:0]   m_axis_tdata,
    output wire [DATA_W/8-1:0] m_axis_tkeep,
    output wire                m_axis_tvalid,
    output wire                m_axis_tlast,
    output wire                m_axis_tuser,    // on the last beat: frame is bad, drop it

    // one-cycle pulses, exactly one per frame
    output wire                stat_rx_good,
    output wire                stat_rx_bad_fcs,
    output wire                stat_rx_runt,
    output wire                stat_rx_oversize
);

    localparam KEEP_W = DATA_W / 8;
    localparam KC_W   = $clog2(KEEP_W + 1);          // width of a byte count 0..KEEP_W
    localparam LIMIT  = MAX_FRAME + 4;               // longest good frame with FCS
    localparam CNT_W  = $clog2(LIMIT + KEEP_W + 1);  // width of the frame byte counter
    localparam [CNT_W-1:0] LIMIT_C = LIMIT[CNT_W-1:0];
    localparam [CNT_W-1:0] RUNT_C  = 64;             // shortest good frame with FCS
    localparam [31:0] RESIDUE = 32'hDEBB20E3;        // CRC register after a good frame + FCS

`ifndef SYNTHESIS
    initial begin
        if (DATA_W % 8 != 0 || DATA_W < 32 || DATA_W > 512) begin
            $error("eth_mac_rx: DATA_W (%0d) must be a multiple of 8 in 32..512", DATA_W);
            $finish;
        end
        if (MAX_FRAME < 60 || MAX_FRAME > 65531) begin
            $error("eth_mac_rx: MAX_FRAME (%0d) must be in 60..65531", MAX_FRAME);
            $finish;
        end
    end
`endif

    `include "axis_keep.vh"

    assign s_axis_tready = 1'b1;

    // ---- stage A: input register -------------------------------------------------------------
    reg              a_valid_reg;
    reg [DATA_W-1:0] a_data_reg;
    reg [KEEP_W-1:0] a_keep_reg;
    reg [KC_W-1:0]   a_n_reg;
    reg              a_last_reg;

    always @(posedge clk) begin
        a_valid_reg <= s_axis_tvalid;
        if (s_axis_tvalid) begin
            a_data_reg <= s_axis_tdata;
            a_keep_reg <= s_axis_tkeep;
            a_n_reg    <= keep_count(s_axis_tkeep);
            a_last_reg <= s_axis_tlast;
        end
        if (rst)
            a_valid_reg <= 1'b0;
    end

    // ---- stage B: CRC and length -------------------------------------------------------------
    reg [31:0]       crc_reg;        // CRC register over the frame so far
    reg [CNT_W-1:0]  cnt_reg;        // bytes so far (stops counting once over the limit)
    reg              over_reg;       // this frame went over the limit
    reg              b_valid_reg;
    reg [DATA_W-1:0] b_data_reg;
    reg [KEEP_W-1:0] b_keep_reg;
    reg [KC_W-1:0]   b_n_reg;
    reg              b_last_reg;
    reg              b_over_reg;     // the frame goes over the limit with this beat
    reg              b_runt_reg;     // frame (ending here) is shorter than 64 bytes
    reg [31:0]       b_crc_reg;      // CRC register after this beat

    wire [31:0]              crc_sel;        // after this beat's bytes (a last beat)
    wire [31:0]              crc_full;       // after a full beat (all other beats)
    wire [32*KEEP_W-1:0]     crc_part_unused;

    eth_crc32 #(.DATA_W(DATA_W)) crc_inst (
        .crc_in (crc_reg),
        .data   (a_data_reg),
        .keep   (a_keep_reg),
        .crc_out(crc_sel),
        .crc_all({crc_full, crc_part_unused})
    );

    wire [CNT_W-1:0] cnt_sum = cnt_reg + {{(CNT_W-KC_W){1'b0}}, a_n_reg};
    wire             b_over  = !over_reg && cnt_sum > LIMIT_C;

    always @(posedge clk) begin
        b_valid_reg <= a_valid_reg;
        if (a_valid_reg) begin
            b_data_reg <= a_data_reg;
            b_keep_reg <= a_keep_reg;
            b_n_reg    <= a_n_reg;
            b_last_reg <= a_last_reg;
            b_over_reg <= b_over;
            b_runt_reg <= cnt_sum < RUNT_C;
            b_crc_reg  <= crc_sel;
            if (a_last_reg) begin
                crc_reg  <= 32'hFFFFFFFF;
                cnt_reg  <= {CNT_W{1'b0}};
                over_reg <= 1'b0;
            end else begin
                crc_reg  <= crc_full;
                if (!over_reg)
                    cnt_reg <= cnt_sum;
                over_reg <= over_reg || b_over;
            end
        end
        if (rst) begin
            b_valid_reg <= 1'b0;
            crc_reg     <= 32'hFFFFFFFF;
            cnt_reg     <= {CNT_W{1'b0}};
            over_reg    <= 1'b0;
        end
    end

    // ---- stage C: hold one beat back, strip the FCS ------------------------------------------
    reg              discard_reg, discard_next;   // dropping the rest of an oversize frame
    reg              h_valid_reg, h_valid_next;   // a beat is held
    reg              h_final_reg, h_final_next;   // ... and it is a frame's last output beat
    reg [DATA_W-1:0] h_data_reg;
    reg [KEEP_W-1:0] h_keep_reg, h_keep_next;
    reg              h_user_reg, h_user_next;
    reg              h_load;                      // held <= beat from B

    reg              m_axis_tvalid_reg, m_axis_tvalid_next;
    reg [DATA_W-1:0] m_axis_tdata_reg;
    reg [KEEP_W-1:0] m_axis_tkeep_reg, m_axis_tkeep_next;
    reg              m_axis_tlast_reg, m_axis_tlast_next;
    reg              m_axis_tuser_reg, m_axis_tuser_next;

    reg              stat_good_reg, stat_good_next;
    reg              stat_fcs_reg, stat_fcs_next;
    reg              stat_runt_reg, stat_runt_next;
    reg              stat_over_reg, stat_over_next;

    wire             fcs_ok  = b_crc_reg == RESIDUE;
    wire             bad     = b_runt_reg || !fcs_ok;
    wire             h_open  = h_valid_reg && !h_final_reg;    // held beat of the current frame
    // FCS bytes in the held beat when the last beat has b_n_reg <= 4 of them
    wire [KC_W:0]    h_strip = {1'b0, KEEP_W[KC_W-1:0]} - 4 + {1'b0, b_n_reg};

    always @* begin
        discard_next       = discard_reg;
        h_valid_next       = h_valid_reg;
        h_final_next       = h_final_reg;
        h_keep_next        = b_keep_reg;
        h_user_next        = 1'b0;
        h_load             = 1'b0;
        m_axis_tvalid_next = 1'b0;
        m_axis_tkeep_next  = h_keep_reg;
        m_axis_tlast_next  = h_final_reg;
        m_axis_tuser_next  = h_user_reg;
        stat_good_next     = 1'b0;
        stat_fcs_next      = 1'b0;
        stat_runt_next     = 1'b0;
        stat_over_next     = 1'b0;

        // a finished last beat always leaves at once
        if (h_valid_reg && h_final_reg) begin
            m_axis_tvalid_next = 1'b1;
            h_valid_next       = 1'b0;
        end

        if (b_valid_reg) begin
            if (discard_reg) begin
                if (b_last_reg)
                    discard_next = 1'b0;
            end else if (b_over_reg) begin
                // end the output frame with the held beat, marked bad; drop the rest
                stat_over_next     = 1'b1;
                m_axis_tvalid_next = h_open;
                m_axis_tlast_next  = 1'b1;
                m_axis_tuser_next  = 1'b1;
                h_valid_next       = 1'b0;
                discard_next       = !b_last_reg;
            end else if (!b_last_reg) begin
                if (h_open)
                    m_axis_tvalid_next = 1'b1;
                h_load       = 1'b1;
                h_valid_next = 1'b1;
                h_final_next = 1'b0;
            end else begin
                stat_runt_next = b_runt_reg;
                stat_fcs_next  = !b_runt_reg && !fcs_ok;
                stat_good_next = !bad;
                if (b_n_reg > 4) begin
                    // FCS entirely in this beat
                    if (h_open)
                        m_axis_tvalid_next = 1'b1;
                    h_load       = 1'b1;
                    h_valid_next = 1'b1;
                    h_final_next = 1'b1;
                    h_keep_next  = keep_mask({1'b0, b_n_reg} - 4);
                    h_user_next  = bad;
                end else if (h_open) begin
                    // FCS starts in the held beat: it becomes the last beat
                    m_axis_tvalid_next = 1'b1;
                    m_axis_tkeep_next  = h_keep_reg & keep_mask(h_strip);
                    m_axis_tlast_next  = 1'b1;
                    m_axis_tuser_next  = bad;
                    h_valid_next       = 1'b0;
                end else begin
                    // a frame of at most 4 bytes: pass it as one bad beat
                    h_load       = 1'b1;
                    h_valid_next = 1'b1;
                    h_final_next = 1'b1;
                    h_user_next  = 1'b1;
                end
            end
        end
    end

    always @(posedge clk) begin
        discard_reg       <= discard_next;
        h_valid_reg       <= h_valid_next;
        h_final_reg       <= h_final_next;
        m_axis_tvalid_reg <= m_axis_tvalid_next;
        stat_good_reg     <= stat_good_next;
        stat_fcs_reg      <= stat_fcs_next;
        stat_runt_reg     <= stat_runt_next;
        stat_over_reg     <= stat_over_next;
        if (m_axis_tvalid_next) begin
            m_axis_tdata_reg <= h_data_reg;
            m_axis_tkeep_reg <= m_axis_tkeep_next;
            m_axis_tlast_reg <= m_axis_tlast_next;
            m_axis_tuser_reg <= m_axis_tuser_next;
        end
        if (h_load) begin
            h_data_reg <= b_data_reg;
            h_keep_reg <= h_keep_next;
            h_user_reg <= h_user_next;
        end
        if (rst) begin
            discard_reg       <= 1'b0;
            h_valid_reg       <= 1'b0;
            h_final_reg       <= 1'b0;
            m_axis_tvalid_reg <= 1'b0;
            stat_good_reg     <= 1'b0;
            stat_fcs_reg      <= 1'b0;
            stat_runt_reg     <= 1'b0;
            stat_over_reg     <= 1'b0;
        end
    end

    assign m_axis_tdata     = m_axis_tdata_reg;
    assign m_axis_tkeep     = m_axis_tkeep_reg;
    assign m_axis_tvalid    = m_axis_tvalid_reg;
    assign m_axis_tlast     = m_axis_tlast_reg;
    assign m_axis_tuser     = m_axis_tuser_reg;
    assign stat_rx_good     = stat_good_reg;
    assign stat_rx_bad_fcs  = stat_fcs_reg;
    assign stat_rx_runt     = stat_runt_reg;
    assign stat_rx_oversize = stat_over_reg;

endmodule

`default_nettype wire
