// SPDX-License-Identifier: MIT
// tonic_irq — per-completion-ring interrupt moderation and the MSI-X-style message port.
//
// Each ring counts completions the host has not been told about. Once it has some, it asks for
// an interrupt when `count` of them are pending or `timer` cycles have passed since the first
// one, whichever comes first. After the message is sent the ring stays quiet until the host
// writes its CQ_CONS doorbell (`rearm`), the NAPI-style contract. Requests from all rings are
// served round-robin on one `irq_valid/irq_vector/irq_ready` port.
`default_nettype none

module tonic_irq #(
    parameter NQ = 8        // completion rings
) (
    input  wire           clk,
    input  wire           rst,
    input  wire [NQ-1:0]  enable,     // QCTRL.IRQ_ENABLE
    input  wire [NQ-1:0]  start,      // queue (re)enabled: forget everything
    input  wire [NQ-1:0]  cpl,        // one completion written
    input  wire [NQ-1:0]  rearm,      // host wrote CQ_CONS
    input  wire [NQ*8-1:0]  vec,
    input  wire [NQ*8-1:0]  count,
    input  wire [NQ*32-1:0] timer,
    output wire           irq_valid,
    output wire [7:0]     irq_vector,
    input  wire           irq_ready,
    output wire           irq_sent    // pulse per message, for statistics
);
    localparam QW = (NQ > 1) ? $clog2(NQ) : 1;

    reg [7:0]  pend_reg  [0:NQ-1];   // unsignalled completions (saturating)
    reg [31:0] age_reg   [0:NQ-1];   // cycles since the first unsignalled completion
    reg [NQ-1:0] armed_reg;
    reg [NQ-1:0] req_reg;

    // serve the requesting rings in round-robin order
    wire [QW-1:0] pick;
    wire          pick_valid;
    tonic_rr_pick #(.N(NQ), .W(QW)) u_rr (.clk(clk), .rst(rst), .req(req_reg), .pick(pick), .valid(pick_valid),
        .grant(irq_sent), .grant_idx(pick));

    assign irq_valid = pick_valid;
    assign irq_vector = vec[pick*8 +: 8];
    assign irq_sent = irq_valid && irq_ready;

    integer i;
    always @(posedge clk) begin
        for (i = 0; i < NQ; i = i + 1) begin
            if (cpl[i] && pend_reg[i] != 8'hFF) pend_reg[i] <= pend_reg[i] + 8'd1;
            if (pend_reg[i] != 8'd0 && age_reg[i] != 32'hFFFF_FFFF) age_reg[i] <= age_reg[i] + 32'd1;
            if (rearm[i]) armed_reg[i] <= 1'b1;
            // request when armed and the moderation rule is met
            if (armed_reg[i] && enable[i] && !req_reg[i] && pend_reg[i] != 8'd0 &&
                (pend_reg[i] >= count[i*8 +: 8] || age_reg[i] >= timer[i*32 +: 32])) begin
                req_reg[i] <= 1'b1;
            end
            if (!enable[i]) req_reg[i] <= 1'b0;
            if (start[i]) begin
                pend_reg[i] <= 8'd0;
                age_reg[i] <= 32'd0;
                armed_reg[i] <= 1'b1;
                req_reg[i] <= 1'b0;
            end
        end
        if (irq_sent) begin
            req_reg[pick] <= 1'b0;
            armed_reg[pick] <= 1'b0;
            pend_reg[pick] <= cpl[pick] ? 8'd1 : 8'd0;
            age_reg[pick] <= 32'd0;
        end
        if (rst) begin
            for (i = 0; i < NQ; i = i + 1) begin
                pend_reg[i] <= 8'd0;
                age_reg[i] <= 32'd0;
            end
            armed_reg <= {NQ{1'b1}};
            req_reg <= {NQ{1'b0}};
        end
    end
endmodule

`default_nettype wire
