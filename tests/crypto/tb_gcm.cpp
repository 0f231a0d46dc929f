// SPDX-License-Identifier: MIT
//
// Testbench for tonic_gcm (AES-GCM / GMAC engine), against OpenSSL:
//   spec FILE...   every vector of the given CAVP files (the GCM specification's test cases, typed
//                  in) agrees with OpenSSL, including the IV lengths the hardware cannot take: this
//                  checks the typed vectors themselves; the hardware runs them via
//                  tonic-crypto-vectors
//   random N SEED  N random packets: keys of all three sizes in four slots (reloaded between
//                  batches, and in 30 % of batches one slot reloaded in the middle of the batch,
//                  which the engine must take only once it has drained), encrypt / decrypt+verify / GMAC / GMAC verify, text 0..9,216 bytes,
//                  AAD 0..512 (GMAC up to 9,216), random nonces, ICV 8/12/16, tampered tags, text
//                  and AAD that must fail, a few packets with tlast in the wrong place (error
//                  flag); random idle cycles on the command and data inputs and back-pressure on
//                  both outputs. Output bytes, tkeep, tlast, tag, verdict and error flag are
//                  compared exactly.
//   rate           back-to-back 64, 576, 1,500 and 9,000-byte packets (+ 8 bytes of AAD, as ESP
//                  has) with AES-128 and AES-256, no stalls: bytes per cycle (results checked too)
// usage: tb_gcm spec FILE... | random N [SEED] | rate [quick]
#include <cstring>
#include <string>
#include <vector>

#include "crypto_tb.h"
#include "gcm_dut.h"
#include "gcm_ref.h"
#include "rsp.h"
#include "test.h"

static int spec(int n, char **files)
{
    for (int f = 0; f < n; f++) {
        std::vector<RspVector> vecs;
        std::string err;
        CHECK(rsp_read(files[f], vecs, err));
        unsigned checked = 0;
        for (const RspVector &v : vecs) {
            std::vector<uint8_t> key, iv, aad, pt, ct, tag, got_ct, got_pt;
            uint8_t full[16];
            cr_unhex(*v.get("Key"), key);
            cr_unhex(*v.get("IV"), iv);
            cr_unhex(*v.get("Tag"), tag);
            if (v.get("AAD"))
                cr_unhex(*v.get("AAD"), aad);
            cr_unhex(*v.get("CT"), ct);
            if (v.fail) {
                CHECK(!gcm_ref_open(key.data(), key.size(), iv.data(), iv.size(), aad, ct, tag.data(), tag.size(),
                                    got_pt));
            } else {
                cr_unhex(*v.get("PT"), pt);
                CHECK(gcm_ref_seal(key.data(), key.size(), iv.data(), iv.size(), aad, pt, got_ct, full));
                bool ok = got_ct == ct && !std::memcmp(full, tag.data(), tag.size());
                if (!ok)
                    std::printf("%s line %u: OpenSSL gives CT %s tag %s\n", files[f], v.line,
                                cr_hex(got_ct.data(), got_ct.size()).c_str(), cr_hex(full, 16).c_str());
                CHECK(ok);
                CHECK(gcm_ref_open(key.data(), key.size(), iv.data(), iv.size(), aad, ct, tag.data(), tag.size(),
                                   got_pt));
                CHECK(got_pt == pt);
            }
            checked++;
        }
        std::printf("%s: %u vectors checked against OpenSSL\n", files[f], checked);
        CHECK(checked > 0);
    }
    TEST_DONE();
}

struct Expect {
    std::vector<uint8_t> out;
    uint8_t tag[16];
    bool ok, err;
};

static unsigned pick_len(CrRng &r, unsigned max)
{
    static const unsigned special[] = {0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 33, 64, 1500, 9216};
    unsigned c = r.below(100);
    unsigned v = c < 10 ? special[r.below(16)] : c < 40 ? r.below(65) : c < 70 ? r.below(2001) : r.below(9217);
    return v > max ? max : v;
}

static void make_packet(CrRng &r, const uint8_t keys[4][32], const size_t klen[4], GcmPkt &p, Expect &e)
{
    p = GcmPkt();
    p.slot = r.below(4);
    unsigned m = r.below(100);
    p.mode = m < 40 ? GCM_ENC : m < 80 ? GCM_DEC : m < 90 ? GCM_GMAC : GCM_GMAC_VERIFY;
    unsigned a = r.below(100);
    size_t alen = a < 35 ? 8 : a < 55 ? 12 : a < 80 ? r.below(65) : r.below(513);
    if (p.mode >= GCM_GMAC && r.chance(50))
        alen = pick_len(r, 9216);
    p.aad.resize(alen);
    r.fill(p.aad.data(), alen);
    std::vector<uint8_t> pt(p.mode >= GCM_GMAC ? 0 : pick_len(r, 9216)), ct;
    r.fill(pt.data(), pt.size());
    r.fill(p.nonce, 12);
    static const unsigned icvs[] = {8, 12, 16};
    p.icv = icvs[r.below(3)];
    const uint8_t *key = keys[p.slot];
    size_t kl = klen[p.slot];
    uint8_t tag[16];
    gcm_ref_seal(key, kl, p.nonce, 12, p.aad, pt, ct, tag);
    e.err = false;
    if (p.mode == GCM_ENC || p.mode == GCM_GMAC) {
        p.data = pt;
        e.out = p.mode == GCM_ENC ? ct : p.aad;
        std::memset(e.tag, 0, 16);
        std::memcpy(e.tag, tag, p.icv);
        e.ok = true;
        if (p.mode == GCM_GMAC)   // the length field is ignored in the GMAC modes
            p.data.resize(r.below(3) == 0 ? r.below(100) : 0);
    } else {
        // verify: right tag, or a tampered tag, text or AAD
        std::memcpy(p.tag_exp, tag, p.icv);
        if (r.chance(20))
            r.fill(p.tag_exp + p.icv, 16 - p.icv);   // bytes past the ICV must not matter
        unsigned t = r.below(100);
        if (t < 20) {
            unsigned bit = r.below(8 * p.icv);
            p.tag_exp[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        } else if (t < 30 && !ct.empty() && p.mode == GCM_DEC) {
            unsigned bit = r.below(8 * (unsigned)ct.size());
            ct[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        } else if (t < 40 && !p.aad.empty()) {
            unsigned bit = r.below(8 * (unsigned)p.aad.size());
            p.aad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
        p.data = p.mode == GCM_DEC ? ct : std::vector<uint8_t>();
        std::vector<uint8_t> dpt, ct2;
        e.ok = gcm_ref_open(key, kl, p.nonce, 12, p.aad, p.data, p.tag_exp, p.icv, dpt);
        uint8_t tag2[16];
        gcm_ref_seal(key, kl, p.nonce, 12, p.aad, dpt, ct2, tag2);   // the tag of what arrived
        std::memset(e.tag, 0, 16);
        std::memcpy(e.tag, tag2, p.icv);
        e.out = p.mode == GCM_DEC ? dpt : p.aad;
    }
    if (r.chance(2)) {
        p.bad_tlast = true;
        size_t beats = (p.aad.size() + 7) / 8 + (p.mode >= GCM_GMAC ? 0 : (p.data.size() + 7) / 8);
        e.err = beats >= 2;
    }
}

static int random_test(unsigned count, uint64_t seed)
{
    std::printf("tb_gcm random %u %llu\n", count, (unsigned long long)seed);
    GcmDut dut;
    CrRng r(seed);
    uint8_t keys[4][32];
    size_t klen[4];
    unsigned done = 0, batch_no = 0, fails = 0, per_mode[4] = {0}, rejected = 0, rekeys = 0;
    uint64_t rekey_waited = 0;
    uint64_t bytes = 0;
    while (done < count) {
        for (unsigned s = 0; s < 4; s++) {
            if (batch_no == 0 || r.chance(40)) {
                klen[s] = 16 + 8 * r.below(3);
                r.fill(keys[s], klen[s]);
                CHECK(dut.load_key(s, keys[s], klen[s]));
            }
        }
        unsigned n = 1 + r.below(40);
        if (n > count - done)
            n = count - done;
        std::vector<GcmPkt> pk(n);
        std::vector<Expect> ex(n);
        // in some batches a key slot is reloaded in the middle: the packets before the load use
        // the old key, those after it the new one
        int rekey_at = n >= 2 && r.chance(30) ? (int)(1 + r.below(n - 1)) : -1;
        for (unsigned i = 0; i < n; i++) {
            if ((int)i == rekey_at) {
                dut.rekey_at = rekey_at;
                dut.rekey_slot = r.below(4);
                dut.rekey_len = 16 + 8 * r.below(3);
                r.fill(dut.rekey_key, dut.rekey_len);
                std::memcpy(keys[dut.rekey_slot], dut.rekey_key, dut.rekey_len);
                klen[dut.rekey_slot] = dut.rekey_len;
                rekeys++;
            }
            make_packet(r, keys, klen, pk[i], ex[i]);
        }
        dut.idle_pct = r.chance(25) ? 0 : r.below(50);
        dut.stall_pct = r.chance(25) ? 0 : r.below(50);
        bool ran = dut.run(pk, r);
        CHECK(ran);
        CHECK_EQ(dut.rekey_at, -1);   // an offered key was taken
        rekey_waited += dut.rekey_wait;
        if (!ran) {
            std::printf("batch %u hung (seed %llu)\n", batch_no, (unsigned long long)seed);
            break;
        }
        for (unsigned i = 0; i < n; i++) {
            const GcmPkt &p = pk[i];
            const Expect &e = ex[i];
            bool ok = p.done && p.out == e.out && !std::memcmp(p.tag, e.tag, 16) && p.ok == e.ok && p.err == e.err &&
                      p.framing_errors == 0;
            if (!ok && fails++ < 10)
                std::printf("case %u (batch %u #%u): mode %u slot %u klen %zu aad %zu len %zu icv %u: done %d "
                            "out %s ok %d/%d err %d/%d framing %u tag %s want %s\n",
                            done + i, batch_no, i, p.mode, p.slot, klen[p.slot], p.aad.size(), p.data.size(), p.icv,
                            p.done, p.out == e.out ? "same" : "DIFFERS", p.ok, e.ok, p.err, e.err, p.framing_errors,
                            cr_hex(p.tag, 16).c_str(), cr_hex(e.tag, 16).c_str());
            CHECK(ok);
            per_mode[p.mode]++;
            rejected += !e.ok;
            bytes += p.aad.size() + p.data.size();
        }
        done += n;
        batch_no++;
    }
    std::printf("%u cases (%u encrypt, %u decrypt, %u GMAC, %u GMAC verify; %u must-fail rejected), %llu bytes, "
                "%llu cycles; %u keys loaded mid-batch (waited %llu cycles in all for the engine to drain)\n",
                done, per_mode[0], per_mode[1], per_mode[2], per_mode[3], rejected, (unsigned long long)bytes,
                (unsigned long long)dut.cycles, rekeys, (unsigned long long)rekey_waited);
    TEST_DONE();
}

static int rate(bool quick)
{
    GcmDut dut;
    CrRng r(5);
    const size_t sizes[] = {64, 576, 1500, 9000};
    std::printf("%-12s %8s %8s %10s %14s %6s %16s\n", "cipher", "payload", "packets", "cycles", "cycles/packet",
                "limit", "bytes/cycle");
    for (size_t klen = 16; klen <= 32; klen += 16) {
        uint8_t key[32];
        r.fill(key, klen);
        uint64_t k0 = dut.cycles;
        CHECK(dut.load_key(0, key, klen));
        std::printf("AES-GCM-%zu key load on an idle engine: %llu cycles until s_key_ready\n", klen * 8,
                    (unsigned long long)(dut.cycles - k0));
        for (size_t sz : sizes) {
            unsigned n = (unsigned)((quick ? 150000 : 1500000) / (sz + 8)) + 8;
            std::vector<GcmPkt> pk(n);
            std::vector<Expect> ex(n);
            for (unsigned i = 0; i < n; i++) {
                GcmPkt &p = pk[i];
                p.slot = 0;
                p.mode = GCM_ENC;
                p.icv = 16;
                p.aad.resize(8);
                r.fill(p.aad.data(), 8);
                p.data.resize(sz);
                r.fill(p.data.data(), sz);
                r.fill(p.nonce, 12);
                gcm_ref_seal(key, klen, p.nonce, 12, p.aad, p.data, ex[i].out, ex[i].tag);
            }
            dut.idle_pct = dut.stall_pct = 0;
            uint64_t c0 = dut.cycles;
            CHECK(dut.run(pk, r));
            uint64_t cyc = dut.cycles - c0;
            unsigned good = 0;
            for (unsigned i = 0; i < n; i++)
                good += pk[i].out == ex[i].out && !std::memcmp(pk[i].tag, ex[i].tag, 16);
            CHECK_EQ(good, n);
            // limit: one input beat a cycle (the AAD beat, then the payload beats)
            std::printf("AES-GCM-%-4zu %8zu %8u %10llu %14.2f %6zu %8.3f (%.3f with the 8 AAD bytes)\n", klen * 8, sz,
                        n, (unsigned long long)cyc, (double)cyc / n, 1 + (sz + 7) / 8, (double)sz * n / (double)cyc,
                        (double)(sz + 8) * n / (double)cyc);
        }
    }
    TEST_DONE();
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (!std::strcmp(mode, "spec") && argc > 2)
        return spec(argc - 2, argv + 2);
    if (!std::strcmp(mode, "random") && argc > 2)
        return random_test((unsigned)std::strtoul(argv[2], nullptr, 0),
                           argc > 3 ? std::strtoull(argv[3], nullptr, 0) : 1);
    if (!std::strcmp(mode, "rate"))
        return rate(argc > 2 && !std::strcmp(argv[2], "quick"));
    std::printf("usage: %s spec FILE... | random N [SEED] | rate [quick]\n", argv[0]);
    return 2;
}
