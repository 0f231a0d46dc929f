/* SPDX-License-Identifier: MIT */
/* device.c — opening and closing a device: parse the address, attach the backend it names, set up
 * the DMA pool (lazily filled), discover the register blocks. Also the raw register access and the
 * information getters. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "queue.h"
#include "regs.h"

static unsigned env_ms(const char *name, unsigned dflt)
{
    const char *s = getenv(name);
    char *end;
    unsigned long v;

    if (!s || !*s)
        return dflt;
    v = strtoul(s, &end, 10);
    return (*end || v == 0 || v > 3600000) ? dflt : (unsigned)v;
}

void tonic_config_default(struct tonic_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->dma_region_size = 64u << 20;
    cfg->dma_max_regions = 4;
    cfg->connect_timeout_ms = env_ms("TONIC_CONNECT_TIMEOUT_MS", 2000);
    cfg->mmio_timeout_ms = env_ms("TONIC_MMIO_TIMEOUT_MS", 5000);
    cfg->reg_timeout_ms = 2000;
}

int tonic_open(const char *addr, struct tonic_dev **out)
{
    return tonic_open_cfg(addr, NULL, out);
}

int tonic_open_cfg(const char *addr, const struct tonic_config *cfg, struct tonic_dev **out)
{
    struct tonic_addr a;
    struct tonic_dev *dev;
    int err;

    *out = NULL;
    err = tonic_parse_addr(addr, &a);
    if (err)
        return err;
    dev = calloc(1, sizeof(*dev));
    if (!dev)
        return tonic_error(-ENOMEM, "out of memory");
    if (cfg)
        dev->cfg = *cfg;
    else
        tonic_config_default(&dev->cfg);
    if (!dev->cfg.connect_timeout_ms || !dev->cfg.mmio_timeout_ms || !dev->cfg.reg_timeout_ms) {
        err = tonic_error(-EINVAL, "tonic_config: timeouts must be non-zero");
        goto err_free;
    }
    dev->addr = strdup(addr);
    if (!dev->addr) {
        err = tonic_error(-ENOMEM, "out of memory");
        goto err_free;
    }
    if (a.kind == TONIC_ADDR_SIM)
        err = tonic_sim_attach(a.path, &dev->cfg, &dev->be);
    else
        err = tonic_pci_attach(&a, &dev->cfg, &dev->be);
    if (err)
        goto err_free;
    err = tonic_dma_pool_init(&dev->pool, dev->be, dev->cfg.dma_region_size, dev->cfg.dma_max_regions);
    if (err)
        goto err_detach;
    err = tonic_discover(dev);
    if (err)
        goto err_pool;
    if (!dev->be->info.clk_hz)
        dev->be->info.clk_hz = dev->ident.clk_hz;
    tonic_dbg("%s: tonic hw %u.%u.%u, %u TX / %u RX queues", addr, dev->ident.hw_version >> 16 & 0xff,
              dev->ident.hw_version >> 8 & 0xff, dev->ident.hw_version & 0xff, dev->lay.num_txq, dev->lay.num_rxq);
    *out = dev;
    return 0;

err_pool:
    tonic_dma_pool_fini(&dev->pool);
err_detach:
    dev->be->ops->close(dev->be);
err_free:
    free(dev->addr);
    free(dev);
    return err;
}

void tonic_close(struct tonic_dev *dev)
{
    if (!dev)
        return;
    for (unsigned i = 0; i < TONIC_MAX_QUEUES; i++) {
        tonic_txq_destroy(dev->txq[i]);
        tonic_rxq_destroy(dev->rxq[i]);
    }
    tonic_dma_pool_fini(&dev->pool);
    dev->be->ops->close(dev->be);
    free(dev->addr);
    free(dev);
}

const struct tonic_ident *tonic_ident(const struct tonic_dev *dev)
{
    return &dev->ident;
}

void tonic_dev_info(const struct tonic_dev *dev, struct tonic_dev_info *info)
{
    memset(info, 0, sizeof(*info));
    info->addr = dev->addr;
    info->backend = dev->be->info.name;
    info->bar_size = dev->be->info.bar_size;
    info->clk_hz = dev->be->info.clk_hz;
    info->num_irq = dev->be->info.num_irq ? dev->be->info.num_irq : dev->ident.num_irq;
    info->has_irq = dev->be->info.has_irq;
    info->num_txq = dev->lay.num_txq;
    info->num_rxq = dev->lay.num_rxq;
}

unsigned tonic_blocks(const struct tonic_dev *dev, const struct tonic_block **blocks)
{
    *blocks = dev->blocks;
    return dev->nblocks;
}

static int check_reg(const struct tonic_dev *dev, uint32_t off)
{
    if ((off & 3) || (uint64_t)off + 4 > dev->be->info.bar_size)
        return tonic_error(-EINVAL, "register offset 0x%x is unaligned or outside BAR0 (0x%x bytes)", off,
                           dev->be->info.bar_size);
    return 0;
}

int tonic_reg_read(struct tonic_dev *dev, uint32_t off, uint32_t *val)
{
    int err = check_reg(dev, off);

    if (err)
        return err;
    *val = tonic_rd32(dev, off);
    return tonic_io_err(dev);
}

int tonic_reg_write(struct tonic_dev *dev, uint32_t off, uint32_t val)
{
    int err = check_reg(dev, off);

    if (err)
        return err;
    tonic_wr32(dev, off, val);
    return tonic_io_err(dev);
}
