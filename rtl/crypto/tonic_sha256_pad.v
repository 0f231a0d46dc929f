// SPDX-License-Identifier: MIT
// tonic_sha256_pad — cuts a 64-bit AXI-Stream message into SHA-256 blocks and pads it in hardware.
//
// One command per message: its length in bytes, whether one 64-byte block precedes the message in
// the hash (HMAC's inner hash starts from the precomputed K^ipad state, so the length in the
// padding counts 64 more bytes), and USER_W bits carried unchanged to the message's blocks. The
// stream carries the message (any byte length; a zero-length command reads no beat); each beat is
// eight bytes, tdata[7:0] first, tkeep contiguous from bit 0 and full on every beat but the last.
// FIPS 180-4 §5.1.1 padding: 0x80, zeros, and the 64-bit big-endian bit count in the last 8 bytes
// of the last block, which may be one extra block (after a message that ends 56..64 bytes into a
// block).
//
//   s_cmd   len, prefix, user       taken when no message is in progress
//   s_axis  eight message bytes a beat, the beat with tlast ends the message
//   m_blk   512-bit block (byte i in [8*i +: 8]), first/last of the message, len_err (on the last
//           block: the stream's byte count differed from len, or a beat before tlast was not full;
//           the blocks still hash exactly the bytes the stream carried), user of the command
//
// Timing: a beat goes straight into the block register, so a block is ready the cycle after its
// eighth beat; the stream stalls while a finished block waits (m_blk_valid && !m_blk_ready). The
// next command is taken the cycle after the message's last block is taken, so the next message's
// first block fills while the compression core is still busy with this one's.
`default_nettype none

module tonic_sha256_pad #(
    parameter USER_W = 8               // bits of per-message data carried to the blocks
) (
    input  wire              clk,
    input  wire              rst,
    // command: one per message
    input  wire [31:0]       s_cmd_len,     // message bytes
    input  wire              s_cmd_prefix,  // 1: 64 bytes precede the message (length + 512 bits)
    input  wire [USER_W-1:0] s_cmd_user,
    input  wire              s_cmd_valid,
    output wire              s_cmd_ready,
    // message stream
    input  wire [63:0]       s_axis_tdata,
    input  wire [7:0]        s_axis_tkeep,
    input  wire              s_axis_tvalid,
    output wire              s_axis_tready,
    input  wire              s_axis_tlast,
    // padded blocks
    output reg  [511:0]      m_blk_data,
    output reg               m_blk_first,
    output reg               m_blk_last,
    output reg               m_blk_len_err,
    output reg  [USER_W-1:0] m_blk_user,
    output reg               m_blk_valid,
    input  wire              m_blk_ready
);
    reg        active_reg;     // a command is in progress
    reg        data_done_reg;  // the stream part of the message is over
    reg        first_reg;      // the next block emitted is the message's first
    reg [2:0]  slot_reg;       // next 8-byte slot of the block to fill
    reg [31:0] cnt_reg;        // message bytes taken so far
    reg [31:0] len_reg;
    reg        prefix_reg;
    reg        err_reg;        // a beat before tlast was not full
    reg [1:0]  extra_reg;      // a block still to emit: 1 = length only, 2 = 0x80 then length
    reg [32:0] total_reg;      // bytes hashed in all, prefix included (for the extra block)

    localparam [1:0] X_NONE = 2'd0, X_LEN = 2'd1, X_MARK_LEN = 2'd2;

    assign s_cmd_ready   = !active_reg;
    assign s_axis_tready = active_reg && !data_done_reg && !m_blk_valid;
    wire   beat          = s_axis_tvalid && s_axis_tready;
    wire   extra_go      = active_reg && extra_reg != X_NONE && !m_blk_valid;
    wire   cmd_go        = s_cmd_valid && s_cmd_ready;

    // bytes in this beat (tkeep contiguous from bit 0)
    reg [3:0] n;
    integer   i;
    always @* begin
        n = 4'd0;
        for (i = 0; i < 8; i = i + 1)
            if (s_axis_tkeep[i]) n = 4'(i + 1);
    end

    wire [31:0] cnt_after = cnt_reg + {28'd0, n};
    wire [32:0] total     = {1'b0, cnt_after} + {26'd0, prefix_reg, 6'd0};
    wire [63:0] bits      = {28'd0, total, 3'b000};
    wire [63:0] bits_extra = {28'd0, total_reg, 3'b000};
    wire [6:0]  pos       = {1'b0, slot_reg, 3'b000} + {3'd0, n};   // where 0x80 goes, 0..64
    wire        fits      = pos <= 7'd55;                           // the length fits this block
    wire        short     = !s_axis_tlast && n != 4'd8;             // a non-final beat not full

    // the length field alone, in bytes 56..63 of an otherwise zero block (big-endian bit count)
    reg [511:0] len_beat, len_extra;
    integer     k;
    always @* begin
        len_beat  = 512'd0;
        len_extra = 512'd0;
        for (k = 0; k < 8; k = k + 1) begin
            len_beat[8*(56+k) +: 8]  = bits[8*(7-k) +: 8];
            len_extra[8*(56+k) +: 8] = bits_extra[8*(7-k) +: 8];
        end
    end

    // the block after this beat; on the last beat: 0x80, zeros and (if it fits) the length
    reg [511:0] blk_beat;
    integer     b;
    always @* begin
        for (b = 0; b < 64; b = b + 1) begin
            if (b < 8 * slot_reg) begin
                blk_beat[8*b +: 8] = m_blk_data[8*b +: 8];
            end else if (b < 8 * slot_reg + 8 && (!s_axis_tlast || b < pos)) begin
                blk_beat[8*b +: 8] = s_axis_tdata[8*(b%8) +: 8];
            end else if (!s_axis_tlast) begin
                blk_beat[8*b +: 8] = m_blk_data[8*b +: 8];
            end else if (7'(b) == pos) begin
                blk_beat[8*b +: 8] = 8'h80;
            end else begin
                blk_beat[8*b +: 8] = fits ? len_beat[8*b +: 8] : 8'h00;
            end
        end
    end

    // an extra block: zeros (0x80 first for X_MARK_LEN) and the length of the whole message
    reg [511:0] blk_extra;
    always @* begin
        blk_extra = len_extra;
        if (extra_reg == X_MARK_LEN) blk_extra[7:0] = 8'h80;
    end

    // datapath
    always @(posedge clk) begin
        if (cmd_go) begin
            len_reg    <= s_cmd_len;
            prefix_reg <= s_cmd_prefix;
            m_blk_user <= s_cmd_user;
            total_reg  <= {26'd0, s_cmd_prefix, 6'd0};
        end
        if (beat) begin
            m_blk_data <= blk_beat;
            cnt_reg    <= cnt_after;
            if (s_axis_tlast) total_reg <= total;
        end else if (extra_go) begin
            m_blk_data <= blk_extra;
        end
        if (cmd_go) cnt_reg <= 32'd0;
    end

    // control
    always @(posedge clk) begin
        if (rst) begin
            active_reg    <= 1'b0;
            data_done_reg <= 1'b0;
            first_reg     <= 1'b0;
            slot_reg      <= 3'd0;
            err_reg       <= 1'b0;
            extra_reg     <= X_NONE;
            m_blk_valid   <= 1'b0;
            m_blk_first   <= 1'b0;
            m_blk_last    <= 1'b0;
            m_blk_len_err <= 1'b0;
        end else begin
            if (m_blk_valid && m_blk_ready) begin
                m_blk_valid <= 1'b0;
                if (m_blk_last) active_reg <= 1'b0;
            end
            if (cmd_go) begin
                active_reg    <= 1'b1;
                first_reg     <= 1'b1;
                slot_reg      <= 3'd0;
                err_reg       <= 1'b0;
                data_done_reg <= s_cmd_len == 32'd0;
                extra_reg     <= s_cmd_len == 32'd0 ? X_MARK_LEN : X_NONE;
            end
            if (beat) begin
                slot_reg <= slot_reg + 3'd1;
                if (short) err_reg <= 1'b1;
                if (s_axis_tlast) begin
                    data_done_reg <= 1'b1;
                    m_blk_valid   <= 1'b1;
                    m_blk_first   <= first_reg;
                    m_blk_last    <= fits;
                    m_blk_len_err <= err_reg || cnt_after != len_reg;
                    first_reg     <= 1'b0;
                    extra_reg     <= fits ? X_NONE : (pos == 7'd64 ? X_MARK_LEN : X_LEN);
                end else if (slot_reg == 3'd7) begin
                    m_blk_valid <= 1'b1;
                    m_blk_first <= first_reg;
                    m_blk_last  <= 1'b0;
                    first_reg   <= 1'b0;
                end
            end else if (extra_go) begin
                m_blk_valid   <= 1'b1;
                m_blk_first   <= first_reg;
                m_blk_last    <= 1'b1;
                m_blk_len_err <= err_reg || cnt_reg != len_reg;
                first_reg     <= 1'b0;
                extra_reg     <= X_NONE;
            end
        end
    end
endmodule

`default_nettype wire
