/* SPDX-License-Identifier: MIT */
/* cmd_info.c — `tonicctl info`: identity, the register block chain, capabilities and
 * configuration decoded bit by bit, queue counts. Bit names follow rtl/regs/tonic_regs.toml
 * ([offload] descriptions; CSUM bits from the generated header). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "tonic_regs.h"

struct bitname {
    uint32_t bit;
    const char *name;
};

static const struct bitname csum_bits[] = {
    {TONIC_CAPS_CSUM_TX_IP4, "tx_ip4"},   {TONIC_CAPS_CSUM_TX_TCP4, "tx_tcp4"}, {TONIC_CAPS_CSUM_TX_UDP4, "tx_udp4"},
    {TONIC_CAPS_CSUM_TX_TCP6, "tx_tcp6"}, {TONIC_CAPS_CSUM_TX_UDP6, "tx_udp6"}, {TONIC_CAPS_CSUM_RX_IP4, "rx_ip4"},
    {TONIC_CAPS_CSUM_RX_TCP4, "rx_tcp4"}, {TONIC_CAPS_CSUM_RX_UDP4, "rx_udp4"}, {TONIC_CAPS_CSUM_RX_TCP6, "rx_tcp6"},
    {TONIC_CAPS_CSUM_RX_UDP6, "rx_udp6"}, {TONIC_CAPS_CSUM_IP_OPTS, "ip_opts"}, {TONIC_CAPS_CSUM_TCP_OPTS, "tcp_opts"},
    {TONIC_CAPS_CSUM_PARTIAL, "partial"}, {0, NULL}};
static const struct bitname lso_bits[] = {{1u << 0, "lsov1_ip4"}, {1u << 1, "lsov2_ip4"}, {1u << 2, "lsov2_ip6"},
                                          {1u << 3, "ip6_ext_hdrs"}, {1u << 4, "tcp_opts"}, {0, NULL}};
static const struct bitname rsc_bits[] = {{1u << 0, "ip4"}, {1u << 1, "ip6"}, {0, NULL}};
static const struct bitname encap_bits[] = {{1u << 0, "inner_ip4"}, {1u << 1, "outer_ip4"}, {1u << 2, "inner_ip6"},
                                            {1u << 3, "outer_ip6"}, {0, NULL}};
static const struct bitname ipsec_bits[] = {{1u << 0, "ah"},        {1u << 1, "esp"},     {1u << 2, "ah_esp"},
                                            {1u << 3, "transport"}, {1u << 4, "tunnel"},  {1u << 5, "udp_esp"},
                                            {1u << 6, "esn"},       {1u << 7, "lso"},     {1u << 8, "replay_window"},
                                            {0, NULL}};

static void bits(const char *label, uint32_t v, const struct bitname *names)
{
    uint32_t known = 0;

    printf("  %-13s 0x%08x", label, v);
    if (!v)
        printf("  (none)");
    for (const struct bitname *b = names; b->name; b++) {
        known |= b->bit;
        if (v & b->bit)
            printf(" %s", b->name);
    }
    if (v & ~known)
        printf(" +0x%x", v & ~known);
    printf("\n");
}

static void offload(const char *title, const struct tonic_offload *o)
{
    printf("%s:\n", title);
    bits("csum", o->csum, csum_bits);
    bits("lso", o->lso, lso_bits);
    printf("  %-13s %u bytes, min %u segments\n", "lso_max", o->lso_max, o->lso_min_seg);
    bits("rsc", o->rsc, rsc_bits);
    bits("encap", o->encap, encap_bits);
    printf("  %-13s %u bytes\n", "encap_maxhdr", o->encap_maxhdr);
    bits("ipsec", o->ipsec, ipsec_bits);
    printf("  %-13s 0x%08x, %u SAs\n", "ipsec_algs", o->ipsec_algs, o->ipsec_sas);
    printf("  %-13s %u buffers per TX frame\n", "dma_sg", o->dma_sg);
}

int cmd_info(struct ctl *c, int argc, char **argv)
{
    static const struct option opts[] = {{NULL, 0, NULL, 0}};
    const struct tonic_block *blk;
    const struct tonic_ident *id;
    struct tonic_dev_info di;
    struct tonic_offload o;
    struct tonic_dev *dev;
    unsigned nblk;
    char magic[5];
    int o_, r;

    while ((o_ = getopt_long(argc, argv, ":", opts, NULL)) != -1)
        return cli_bad_option("info", o_, argv);
    r = ctl_no_args("info", argc, argv);
    if (r || (r = ctl_open(c, &dev)))
        return r;
    id = tonic_ident(dev);
    tonic_dev_info(dev, &di);
    for (int i = 0; i < 4; i++) {
        char ch = (char)(id->magic >> (24 - 8 * i));

        magic[i] = ch >= 0x20 && ch < 0x7f ? ch : '.';
    }
    magic[4] = 0;
    printf("device        %s (backend %s, BAR0 %u bytes, %s)\n", di.addr, di.backend, di.bar_size,
           di.has_irq ? "interrupts" : "poll mode");
    printf("magic         0x%08x \"%s\"\n", id->magic, magic);
    printf("hw_version    %u.%u.%u\n", id->hw_version >> 16 & 0xff, id->hw_version >> 8 & 0xff, id->hw_version & 0xff);
    printf("build_id      0x%08x\n", id->build_id);
    printf("clock         %u Hz\n", id->clk_hz);
    printf("data_w        %u bits (%u bytes/cycle)\n", id->data_w, id->data_w / 8);
    printf("max_frame     %u bytes\n", id->max_frame);
    printf("desc_format   %u\n", id->desc_format);
    printf("irq vectors   %u\n", id->num_irq);
    nblk = tonic_blocks(dev, &blk);
    printf("register blocks:\n  %-8s %-8s %-8s %-8s %s\n", "offset", "type", "version", "next", "name");
    for (unsigned i = 0; i < nblk; i++)
        printf("  0x%04x   0x%04x   %-8u 0x%04x   %s\n", blk[i].offset, blk[i].type, blk[i].version, blk[i].next,
               tonic_block_name(blk[i].type));
    printf("queues        %u TX, %u RX (IDENT: %u TX, %u RX)\n", di.num_txq, di.num_rxq, id->num_txq, id->num_rxq);
    r = tonic_read_caps(dev, &o);
    if (!r)
        offload("capabilities (CAPS)", &o);
    if (!r)
        r = tonic_read_offload_config(dev, &o);
    if (!r)
        offload("configuration (CONFIG)", &o);
    if (r) {
        r = ctl_err("%s", tonic_last_error());
    }
    tonic_close(dev);
    return r ? r : CTL_EXIT_OK;
}
