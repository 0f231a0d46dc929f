// SPDX-License-Identifier: MIT
//
// Testbench for tonic_aes (AES-128/192/256 block cipher with hardware key expansion):
//   kat     FIPS-197 Appendix B and C examples, encrypt and decrypt
//   random  random keys of all three sizes in every key slot, reloaded as the test goes, random
//           blocks in both directions, random idle cycles on s_blk and back-pressure on m_blk;
//           every output compared with OpenSSL (EVP, ECB, no padding)
//   rate    back-to-back blocks into an always-ready output: cycles per block
// usage: tb_aes kat|random|rate [count] [seed]
#include <openssl/evp.h>

#include <cstring>
#include <deque>
#include <memory>

#include "Vtonic_aes.h"
#include "crypto_tb.h"
#include "test.h"

#ifndef TB_DECRYPT
#define TB_DECRYPT 1
#endif
#ifndef TB_SLOTS
#define TB_SLOTS 4
#endif

struct Blk {
    uint8_t in[16], want[16];
};

struct Tb {
    std::unique_ptr<VerilatedContext> ctx;
    std::unique_ptr<Vtonic_aes> m;
    uint64_t cycles = 0;
    Tb() : ctx(new VerilatedContext), m(new Vtonic_aes(ctx.get()))
    {
        m->rst = 1;
        m->clk = 0;
        m->s_key_valid = 0;
        m->s_blk_valid = 0;
        m->m_blk_ready = 0;
        for (int i = 0; i < 4; i++)
            tick();
        m->rst = 0;
    }
    void tick()
    {
        m->clk = 1;
        m->eval();
        m->clk = 0;
        m->eval();
        cycles++;
    }
    void load_key(unsigned slot, const uint8_t *key, size_t klen)
    {
        cr_put(m->s_key_data, 256, key, klen);
        m->s_key_slot = slot;
        m->s_key_len = klen == 16 ? 0 : klen == 24 ? 1 : 2;
        m->s_key_valid = 1;
        m->eval();
        unsigned guard = 0;
        while (!m->s_key_ready && guard++ < 1000)
            tick();
        tick();
        m->s_key_valid = 0;
        m->eval();
        while (!m->s_key_ready && guard++ < 1000)
            tick();
    }
};

static void ossl_ecb(bool dec, const uint8_t *key, size_t klen, const uint8_t *in, uint8_t *out)
{
    const EVP_CIPHER *c = klen == 16 ? EVP_aes_128_ecb() : klen == 24 ? EVP_aes_192_ecb() : EVP_aes_256_ecb();
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int n = 0;
    EVP_CipherInit_ex(x, c, nullptr, key, nullptr, dec ? 0 : 1);
    EVP_CIPHER_CTX_set_padding(x, 0);
    EVP_CipherUpdate(x, out, &n, in, 16);
    EVP_CIPHER_CTX_free(x);
}

// Runs blocks (slot, dec, in) through the DUT with random stalls; returns outputs in order.
static void run_blocks(Tb &tb, CrRng &rng, const std::vector<unsigned> &slot, const std::vector<int> &dec,
                       const std::vector<Blk> &blk, std::vector<std::vector<uint8_t>> &out, unsigned idle_pct,
                       unsigned stall_pct)
{
    size_t sent = 0;
    out.clear();
    bool valid = false;
    uint64_t guard = 0;
    while (out.size() < blk.size() && guard++ < 100000 + 100 * blk.size()) {
        if (!valid && sent < blk.size() && !(idle_pct && rng.chance(idle_pct))) {
            valid = true;
            cr_put(tb.m->s_blk_data, 128, blk[sent].in, 16);
            tb.m->s_blk_slot = slot[sent];
            tb.m->s_blk_dec = dec[sent];
        }
        tb.m->s_blk_valid = valid;
        tb.m->m_blk_ready = !(stall_pct && rng.chance(stall_pct));
        tb.m->eval();
        bool took = valid && tb.m->s_blk_ready;
        if (tb.m->m_blk_valid && tb.m->m_blk_ready) {
            std::vector<uint8_t> o(16);
            cr_get(tb.m->m_blk_data, 128, o.data(), 16);
            out.push_back(o);
        }
        tb.tick();
        if (took) {
            valid = false;
            sent++;
        }
    }
}

static int kat()
{
    Tb tb;
    CrRng rng(1);
    struct V {
        const char *key, *pt, *ct;
    } v[] = {
        // FIPS-197 Appendix B (cipher example) and C.1-C.3 (example vectors)
        {"2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32"},
        {"000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a"},
        {"000102030405060708090a0b0c0d0e0f1011121314151617", "00112233445566778899aabbccddeeff",
         "dda97ca4864cdfe06eaf70a0ec0d7191"},
        {"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00112233445566778899aabbccddeeff",
         "8ea2b7ca516745bfeafc49904b496089"},
    };
    for (unsigned i = 0; i < 4; i++) {
        std::vector<uint8_t> key, pt, ct;
        cr_unhex(v[i].key, key);
        cr_unhex(v[i].pt, pt);
        cr_unhex(v[i].ct, ct);
        unsigned slot = i % TB_SLOTS;
        tb.load_key(slot, key.data(), key.size());
        std::vector<Blk> b(2);
        std::memcpy(b[0].in, pt.data(), 16);
        std::memcpy(b[1].in, ct.data(), 16);
        std::vector<std::vector<uint8_t>> out;
        run_blocks(tb, rng, {slot, slot}, {0, 1}, b, out, 0, 0);
        CHECK_EQ(out.size(), 2);
        if (out.size() == 2) {
            std::string got_ct = cr_hex(out[0].data(), 16), got_pt = cr_hex(out[1].data(), 16);
            CHECK_STR(got_ct.c_str(), v[i].ct);
            CHECK_STR(got_pt.c_str(), v[i].pt);
        }
    }
    TEST_DONE();
}

static int random_test(unsigned count, uint64_t seed)
{
    Tb tb;
    CrRng rng(seed);
    uint8_t keys[TB_SLOTS][32];
    size_t klen[TB_SLOTS];
    unsigned done = 0;
    while (done < count) {
        // reload one or more slots, then a batch of blocks over all slots
        for (unsigned s = 0; s < TB_SLOTS; s++) {
            if (done == 0 || rng.chance(30)) {
                klen[s] = 16 + 8 * rng.below(3);
                rng.fill(keys[s], klen[s]);
                tb.load_key(s, keys[s], klen[s]);
            }
        }
        unsigned n = 1 + rng.below(200);
        if (n > count - done)
            n = count - done;
        std::vector<Blk> b(n);
        std::vector<unsigned> slot(n);
        std::vector<int> dec(n);
        for (unsigned i = 0; i < n; i++) {
            slot[i] = rng.below(TB_SLOTS);
            dec[i] = TB_DECRYPT ? (int)rng.below(2) : 0;
            rng.fill(b[i].in, 16);
            ossl_ecb(dec[i], keys[slot[i]], klen[slot[i]], b[i].in, b[i].want);
        }
        std::vector<std::vector<uint8_t>> out;
        run_blocks(tb, rng, slot, dec, b, out, rng.below(60), rng.below(60));
        CHECK_EQ(out.size(), n);
        for (unsigned i = 0; i < n && i < out.size(); i++) {
            bool ok = !std::memcmp(out[i].data(), b[i].want, 16);
            if (!ok && t_fail < 10)
                std::printf("block %u: slot %u dec %d key %s in %s: got %s want %s\n", done + i, slot[i], dec[i],
                            cr_hex(keys[slot[i]], klen[slot[i]]).c_str(), cr_hex(b[i].in, 16).c_str(),
                            cr_hex(out[i].data(), 16).c_str(), cr_hex(b[i].want, 16).c_str());
            CHECK(ok);
        }
        done += n;
    }
    TEST_DONE();
}

static int rate()
{
    Tb tb;
    CrRng rng(7);
    for (size_t klen = 16; klen <= 32; klen += 8) {
        uint8_t key[32];
        rng.fill(key, klen);
        tb.load_key(0, key, klen);
        unsigned n = 1000;
        std::vector<Blk> b(n);
        std::vector<unsigned> slot(n, 0);
        std::vector<int> dec(n, 0);
        for (auto &x : b)
            rng.fill(x.in, 16);
        uint64_t c0 = tb.cycles;
        std::vector<std::vector<uint8_t>> out;
        run_blocks(tb, rng, slot, dec, b, out, 0, 0);
        CHECK_EQ(out.size(), n);
        std::printf("AES-%zu: %u blocks in %llu cycles: %.3f bytes/cycle\n", klen * 8, n,
                    (unsigned long long)(tb.cycles - c0), 16.0 * n / (double)(tb.cycles - c0));
    }
    TEST_DONE();
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "kat";
    unsigned count = argc > 2 ? (unsigned)std::strtoul(argv[2], nullptr, 0) : 20000;
    uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 0) : 1;
    if (!std::strcmp(mode, "kat"))
        return kat();
    if (!std::strcmp(mode, "random")) {
        std::printf("tb_aes random %u %llu\n", count, (unsigned long long)seed);
        return random_test(count, seed);
    }
    if (!std::strcmp(mode, "rate"))
        return rate();
    std::printf("usage: %s kat|random|rate [count] [seed]\n", argv[0]);
    return 2;
}
