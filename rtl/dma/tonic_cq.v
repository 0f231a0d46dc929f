// SPDX-License-Identifier: MIT
// tonic_cq — completion-ring state of a set of queues, shared by the TX and RX engines.
//
// Per queue: the completion producer index and phase bit (the device's side of the completion
// ring) and the descriptor consumer index reported to the host. The engine names one queue
// (`sel_q`); one cycle later this block presents that queue's next completion slot, registered:
// its address (CQ_BASE + prod * entry size), whether the ring has room (the slot after it is
// not the host's CQ_CONS) and the phase bit to write. `slot_ok` says the registered values
// belong to `sel_q` as it is now; it is low in a cycle with a queue start and for one cycle after
// `advance` (the slot was written) or a queue start. Registering the slot keeps the 64-bit address addition and the ring-full
// comparison out of the engines' issue logic.
`default_nettype none

module tonic_cq #(
    parameter NQ = 4,                          // queues
    parameter QW = (NQ > 1) ? $clog2(NQ) : 1,  // queue index width
    parameter ENTRY_LOG2 = 4                   // completion entry size, log2 bytes
) (
    input  wire              clk,
    input  wire              rst,

    input  wire [NQ*64-1:0]  q_cq_base,
    input  wire [NQ*4-1:0]   q_size_log2,
    input  wire [NQ*12-1:0]  q_cq_cons,
    input  wire [NQ-1:0]     q_start,
    output wire [NQ*12-1:0]  q_cq_prod,
    output wire [NQ*12-1:0]  q_cons,

    input  wire [QW-1:0]     sel_q,
    output wire              slot_ok,
    output reg  [63:0]       slot_addr,
    output reg               slot_room,
    output reg               slot_phase,
    input  wire              advance,        // sel_q's slot was written (only when slot_ok)
    input  wire [11:0]       new_cons        // sel_q's descriptor consumer index after it
);
    reg [11:0] prod_reg  [0:NQ-1];
    reg [11:0] cons_reg  [0:NQ-1];
    reg        phase_reg [0:NQ-1];

    wire [11:0] cq_cons_a [0:NQ-1];   // an array: indexing a 12-bit field would need a multiply
    genvar g;
    generate
        for (g = 0; g < NQ; g = g + 1) begin : g_out
            assign q_cq_prod[g*12 +: 12] = prod_reg[g];
            assign q_cons[g*12 +: 12] = cons_reg[g];
            assign cq_cons_a[g] = q_cq_cons[g*12 +: 12];
        end
    endgenerate

    // the selected queue, as it is now
    wire [3:0]  s_log2 = q_size_log2[sel_q*4 +: 4];
    wire [11:0] s_mask = 12'((13'd1 << s_log2) - 13'd1);
    wire [11:0] s_prod = prod_reg[sel_q];
    wire [11:0] s_next = (s_prod + 12'd1) & s_mask;

    // registered for the next cycle
    reg [QW-1:0] q_d;
    reg          ok_reg;
    reg [11:0]   next_reg;
    reg [11:0]   mask_reg;
    assign slot_ok = ok_reg && sel_q == q_d && !(|q_start);

    integer i;
    always @(posedge clk) begin
        q_d <= sel_q;
        ok_reg <= !advance && !(|q_start);
        slot_addr <= q_cq_base[sel_q*64 +: 64] + {{(52-ENTRY_LOG2){1'b0}}, s_prod, {ENTRY_LOG2{1'b0}}};
        slot_room <= s_next != cq_cons_a[sel_q];
        slot_phase <= phase_reg[sel_q];
        next_reg <= s_next;
        mask_reg <= s_mask;

        if (advance) begin
            prod_reg[q_d] <= next_reg;
            if (next_reg == 12'd0) phase_reg[q_d] <= !phase_reg[q_d];
            cons_reg[q_d] <= new_cons & mask_reg;
        end

        for (i = 0; i < NQ; i = i + 1) begin
            if (q_start[i] || rst) begin
                prod_reg[i] <= 12'd0;
                cons_reg[i] <= 12'd0;
                phase_reg[i] <= 1'b1;
            end
        end
        if (rst) ok_reg <= 1'b0;
    end

    initial begin
        if (ENTRY_LOG2 < 3 || ENTRY_LOG2 > 8) begin
            $error("tonic_cq: ENTRY_LOG2 must be 3..8");
            $finish;
        end
    end
endmodule

`default_nettype wire
