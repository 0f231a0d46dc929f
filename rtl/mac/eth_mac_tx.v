// SPDX-License-Identifier: MIT
//
// eth_mac_tx -- transmit MAC framing: pad short frames and append the Ethernet FCS.
//
// Input frames arrive without FCS. Each is sent unchanged, then zero bytes up to MIN_FRAME bytes
// (a frame that is already long enough gets none), then the 4-byte FCS, least significant byte
// first (the order Linux and pcap show when the FCS is kept). The FCS goes into the room left in
// the last data/pad beat; when fewer than 4 bytes are free there, the rest follows in one extra
// beat. Short frames produce extra beats of zeros. One beat per cycle in and out; s_axis_tready
// is low only while pad or FCS-only beats are made or the output stalls. All input beats but the
// last must be full (tkeep all ones).
//
// s_axis_tuser on the last beat means "abort": the frame is still sent (a wire cannot take it
// back) but with the bit-wise complement of its correct FCS, so every receiver drops it as a
// bad-FCS frame; m_axis_tuser is raised on that frame's last beat (a PHY may turn it into an
// error code, or it may be left unconnected). tuser on other beats is ignored.
//
// Two stages: A decides framing (data, pad, where the frame ends) and registers a beat of
// data+pad; B runs the CRC over it and places the FCS bytes, merging the byte-count select of the
// CRC with the FCS placement so the path stays short. B feeds a two-entry skid register, so
// s_axis_tready comes from registers only. Latency: two cycles from input beat to output beat.
`default_nettype none

module eth_mac_tx #(
    parameter DATA_W    = 64,  // stream width in bits: a multiple of 8, 32..512
    parameter MIN_FRAME = 60   // frames (without FCS) shorter than this are zero-padded to it
) (
    input  wire                clk,
    input  wire                rst,

    // frames without FCS
    input  wire [DATA_W-1:0]   s_axis_tdata,
    input  wire [DATA_W/8-1:0] s_axis_tkeep,
    input  wire                s_axis_tvalid,
    output wire                s_axis_tready,
    input  wire                s_axis_tlast,
    input  wire                s_axis_tuser,   // on the last beat: abort (send with bad FCS)

    // frames with padding and FCS, towards the PHY
    output wire [DATA_W-1:0]   m_axis_tdata,
    output wire [DATA_W/8-1:0] m_axis_tkeep,
    output wire                m_axis_tvalid,
    input  wire                m_axis_tready,
    output wire                m_axis_tlast,
    output wire                m_axis_tuser    // on the last beat: frame was aborted
);

    localparam KEEP_W = DATA_W / 8;
    localparam KC_W   = $clog2(KEEP_W + 1);               // width of a byte count 0..KEEP_W
    localparam CNT_W  = $clog2(MIN_FRAME + KEEP_W + 1);   // width of byte counts up to MIN_FRAME
    localparam [CNT_W-1:0] MIN_C = MIN_FRAME[CNT_W-1:0];
    localparam [CNT_W-1:0] KW_C  = KEEP_W[CNT_W-1:0];

`ifndef SYNTHESIS
    initial begin
        if (DATA_W % 8 != 0 || DATA_W < 32 || DATA_W > 512) begin
            $error("eth_mac_tx: DATA_W (%0d) must be a multiple of 8 in 32..512", DATA_W);
            $finish;
        end
        if (MIN_FRAME < 0 || MIN_FRAME > 65535) begin
            $error("eth_mac_tx: MIN_FRAME (%0d) must be in 0..65535", MIN_FRAME);
            $finish;
        end
    end
`endif

    // ---- helpers -----------------------------------------------------------------------------
    `include "axis_keep.vh"

    function [DATA_W-1:0] byte_mask(input [KEEP_W-1:0] k);  // each keep bit widened to a byte
        integer j;
        begin
            for (j = 0; j < KEEP_W; j = j + 1)
                byte_mask[8*j +: 8] = {8{k[j]}};
        end
    endfunction

    // ---- stage A: framing --------------------------------------------------------------------
    reg              pad_reg;                 // making pad beats (input not accepted)
    reg [CNT_W-1:0]  rem_reg;                 // data+pad bytes still owed to reach MIN_FRAME
    reg              pad_abort_reg;           // abort flag of the frame being padded
    reg              a_valid_reg;
    reg [DATA_W-1:0] a_data_reg;              // data, zero beyond the data (= pad bytes)
    reg [KC_W-1:0]   a_n_reg;                 // data+pad bytes in the beat
    reg              a_end_reg;               // last data/pad beat: the FCS follows it
    reg              a_abort_reg;

    // ---- stage B: CRC and FCS ----------------------------------------------------------------
    reg              m_axis_tready_int_reg;   // the skid register can take a beat this cycle
    reg [31:0]       crc_reg;                 // CRC register over the data+pad sent so far
    reg              x_valid_reg;             // extra beat with the FCS bytes that did not fit
    reg [31:0]       x_fcs_reg;               // those bytes, first in [7:0]
    reg [2:0]        x_n_reg;                 // how many (1..4)
    reg              x_abort_reg;

    wire b_take = m_axis_tready_int_reg && !x_valid_reg && a_valid_reg;
    wire a_free = !a_valid_reg || b_take;

    assign s_axis_tready = a_free && !pad_reg;

    // the beat being framed: an input beat, or a virtual all-pad last beat
    wire [KC_W-1:0]   in_n     = pad_reg ? {KC_W{1'b0}} : keep_count(s_axis_tkeep);
    wire              in_last  = pad_reg || s_axis_tlast;
    wire              in_abort = pad_reg ? pad_abort_reg : s_axis_tuser;
    wire [DATA_W-1:0] in_data  = pad_reg ? {DATA_W{1'b0}} : s_axis_tdata & byte_mask(s_axis_tkeep);
    wire              load_a   = a_free && (pad_reg || s_axis_tvalid);

    wire [CNT_W-1:0] in_n_c    = {{(CNT_W-KC_W){1'b0}}, in_n};
    wire             need_pad  = in_last && rem_reg > in_n_c;   // pad in this beat
    wire             pad_more  = need_pad && rem_reg > KW_C;    // beat full, more pad follows
    wire             frame_end = in_last && !pad_more;
    // data+pad bytes in this beat
    wire [KC_W-1:0]  beat_n    = !need_pad ? in_n : pad_more ? KEEP_W[KC_W-1:0] : rem_reg[KC_W-1:0];
    // bytes of a beat that does not end the frame (pad_more: a full beat)
    wire [CNT_W-1:0] mid_n     = pad_more ? KW_C : in_n_c;

    always @(posedge clk) begin
        if (a_free)
            a_valid_reg <= pad_reg || s_axis_tvalid;
        if (load_a) begin
            a_data_reg  <= in_data;
            a_n_reg     <= beat_n;
            a_end_reg   <= frame_end;
            a_abort_reg <= in_abort;
            if (frame_end) begin
                rem_reg <= MIN_C;
                pad_reg <= 1'b0;
            end else begin
                rem_reg       <= rem_reg > mid_n ? rem_reg - mid_n : {CNT_W{1'b0}};
                pad_reg       <= pad_more;
                pad_abort_reg <= in_abort;
            end
        end
        if (rst) begin
            a_valid_reg <= 1'b0;
            pad_reg     <= 1'b0;
            rem_reg     <= MIN_C;
        end
    end

    // ---- stage B -----------------------------------------------------------------------------
    wire [32*(KEEP_W+1)-1:0] crc_all;   // CRC register after n = 0..KEEP_W bytes of a_data_reg
    wire [31:0]              crc_sel_unused;

    eth_crc32 #(.DATA_W(DATA_W)) crc_inst (
        .crc_in (crc_reg),
        .data   (a_data_reg),
        .keep   ({KEEP_W{1'b1}}),
        .crc_out(crc_sel_unused),
        .crc_all(crc_all)
    );

    // FCS candidates for every possible end position, already placed: FCS byte k of a frame
    // whose data+pad ends after n bytes of this beat goes to lane n+k, or to the extra beat.
    reg [DATA_W-1:0]    fcs_lanes;   // FCS bytes that go into this beat
    reg [31:0]          fcs_rest;    // FCS bytes for the extra beat, first in [7:0]
    reg [31:0]          fcs_n;
    reg [DATA_W+31:0]   fcs_placed;
    reg                 end_here;
    integer             n;
    always @* begin
        fcs_lanes = {DATA_W{1'b0}};
        fcs_rest  = 32'd0;
        for (n = 0; n <= KEEP_W; n = n + 1) begin
            end_here   = a_end_reg && a_n_reg == n[KC_W-1:0];
            fcs_n      = crc_all[32*n +: 32] ^ {32{!a_abort_reg}};
            fcs_placed = {{DATA_W{1'b0}}, fcs_n} << (8 * n);
            fcs_lanes  = fcs_lanes | (fcs_placed[DATA_W-1:0] & {DATA_W{end_here}});
            fcs_rest   = fcs_rest | (fcs_placed[DATA_W +: 32] & {32{end_here}});
        end
    end

    // internal output beat, into the skid register
    reg [DATA_W-1:0] m_axis_tdata_int;
    reg [KEEP_W-1:0] m_axis_tkeep_int;
    reg              m_axis_tvalid_int;
    reg              m_axis_tlast_int;
    reg              m_axis_tuser_int;

    wire [KC_W:0]    end_n   = {1'b0, a_n_reg} + 4;               // bytes with the FCS
    wire             fits    = end_n <= KEEP_W[KC_W:0];

    always @* begin
        m_axis_tvalid_int = 1'b0;
        if (x_valid_reg) begin
            m_axis_tdata_int  = {{(DATA_W-32){1'b0}}, x_fcs_reg};
            m_axis_tkeep_int  = keep_mask({{(KC_W-2){1'b0}}, x_n_reg});
            m_axis_tlast_int  = 1'b1;
            m_axis_tuser_int  = x_abort_reg;
            m_axis_tvalid_int = m_axis_tready_int_reg;
        end else begin
            m_axis_tdata_int  = a_data_reg | fcs_lanes;
            m_axis_tkeep_int  = a_end_reg && fits ? keep_mask(end_n) : {KEEP_W{1'b1}};
            m_axis_tlast_int  = a_end_reg && fits;
            m_axis_tuser_int  = a_end_reg && fits && a_abort_reg;
            m_axis_tvalid_int = b_take;
        end
    end

    always @(posedge clk) begin
        if (x_valid_reg) begin
            if (m_axis_tready_int_reg)
                x_valid_reg <= 1'b0;
        end else if (b_take) begin
            crc_reg     <= a_end_reg ? 32'hFFFFFFFF : crc_all[32*KEEP_W +: 32];
            x_valid_reg <= a_end_reg && !fits;
            x_fcs_reg   <= fcs_rest;
            x_n_reg     <= end_n[2:0] - KEEP_W[2:0];
            x_abort_reg <= a_abort_reg;
        end
        if (rst) begin
            crc_reg     <= 32'hFFFFFFFF;
            x_valid_reg <= 1'b0;
        end
    end

    // ---- output skid register: two entries, so the ready towards stage B is registered -------
    reg [DATA_W-1:0] m_axis_tdata_reg;
    reg [KEEP_W-1:0] m_axis_tkeep_reg;
    reg              m_axis_tvalid_reg, m_axis_tvalid_next;
    reg              m_axis_tlast_reg;
    reg              m_axis_tuser_reg;
    reg [DATA_W-1:0] temp_tdata_reg;
    reg [KEEP_W-1:0] temp_tkeep_reg;
    reg              temp_tvalid_reg, temp_tvalid_next;
    reg              temp_tlast_reg;
    reg              temp_tuser_reg;
    reg              store_int_to_out, store_int_to_temp, store_temp_to_out;

    // stage B may send next cycle if the output drains now, or if neither entry will be full
    wire m_axis_tready_int_early = m_axis_tready ||
                                   (!temp_tvalid_reg && (!m_axis_tvalid_reg || !m_axis_tvalid_int));

    assign m_axis_tdata  = m_axis_tdata_reg;
    assign m_axis_tkeep  = m_axis_tkeep_reg;
    assign m_axis_tvalid = m_axis_tvalid_reg;
    assign m_axis_tlast  = m_axis_tlast_reg;
    assign m_axis_tuser  = m_axis_tuser_reg;

    always @* begin
        m_axis_tvalid_next = m_axis_tvalid_reg;
        temp_tvalid_next   = temp_tvalid_reg;
        store_int_to_out   = 1'b0;
        store_int_to_temp  = 1'b0;
        store_temp_to_out  = 1'b0;
        if (m_axis_tready_int_reg) begin
            if (m_axis_tready || !m_axis_tvalid_reg) begin
                m_axis_tvalid_next = m_axis_tvalid_int;
                store_int_to_out   = 1'b1;
            end else begin
                temp_tvalid_next   = m_axis_tvalid_int;
                store_int_to_temp  = 1'b1;
            end
        end else if (m_axis_tready) begin
            m_axis_tvalid_next = temp_tvalid_reg;
            temp_tvalid_next   = 1'b0;
            store_temp_to_out  = 1'b1;
        end
    end

    always @(posedge clk) begin
        m_axis_tvalid_reg     <= m_axis_tvalid_next;
        temp_tvalid_reg       <= temp_tvalid_next;
        m_axis_tready_int_reg <= m_axis_tready_int_early;
        if (store_int_to_out) begin
            m_axis_tdata_reg <= m_axis_tdata_int;
            m_axis_tkeep_reg <= m_axis_tkeep_int;
            m_axis_tlast_reg <= m_axis_tlast_int;
            m_axis_tuser_reg <= m_axis_tuser_int;
        end else if (store_temp_to_out) begin
            m_axis_tdata_reg <= temp_tdata_reg;
            m_axis_tkeep_reg <= temp_tkeep_reg;
            m_axis_tlast_reg <= temp_tlast_reg;
            m_axis_tuser_reg <= temp_tuser_reg;
        end
        if (store_int_to_temp) begin
            temp_tdata_reg <= m_axis_tdata_int;
            temp_tkeep_reg <= m_axis_tkeep_int;
            temp_tlast_reg <= m_axis_tlast_int;
            temp_tuser_reg <= m_axis_tuser_int;
        end
        if (rst) begin
            m_axis_tvalid_reg     <= 1'b0;
            temp_tvalid_reg       <= 1'b0;
            m_axis_tready_int_reg <= 1'b0;
        end
    end

endmodule

`default_nettype wire
