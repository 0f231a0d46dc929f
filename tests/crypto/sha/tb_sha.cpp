// SPDX-License-Identifier: MIT
//
// Testbench for tonic_hmac_sha256 (SHA-256 / HMAC-SHA-256 engine) on its Verilator model.
//   kat            FIPS 180-4 SHA-256 examples, RFC 4231 HMAC-SHA-256 cases 1-7 (case 5 truncated to
//                  128 bits; 6 and 7 have 131-byte keys, hashed by the engine first), RFC 4868
//                  HMAC-SHA-256-128 cases, as generate and as verify, with random stalls
//   errors         refused key loads, unloaded slots, bad ICV lengths and modes, stream length
//                  mismatches, tampered ICVs; each error leaves the engine working
//   random N [SEED] N random jobs against OpenSSL's libcrypto: lengths 0..9,216 bytes, random keys
//                  (up to 200 bytes), hash/generate/verify, ICV lengths 1..32, tampered ICVs that
//                  must fail, key loads into free slots while packets stream, random idle cycles on
//                  every input and back-pressure on the results; exact bytes compared
//   rate           back-to-back packets of 64, 576, 1,500 and 9,000 bytes without stalls: cycles per
//                  packet and bytes per cycle (checked against the compression count), and the
//                  number of cores for 8 bytes per cycle
// usage: tb_sha kat|errors|rate [SEED] | tb_sha random N [SEED]
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "sha_dut.h"

#ifndef TB_ROUNDS
#define TB_ROUNDS 2   // must match the model's ROUNDS parameter
#endif

static unsigned long g_pass, g_fail;

static bool check(bool ok, const char *what)
{
    if (ok) {
        g_pass++;
    } else {
        if (g_fail < 30)
            std::printf("FAIL: %s\n", what);
        g_fail++;
    }
    return ok;
}

static std::vector<uint8_t> unhex(const char *h)
{
    std::vector<uint8_t> v;
    for (size_t i = 0; h[i] && h[i + 1]; i += 2) {
        char b[3] = {h[i], h[i + 1], 0};
        v.push_back((uint8_t)std::strtoul(b, nullptr, 16));
    }
    return v;
}

static std::vector<uint8_t> str(const char *s)
{
    return std::vector<uint8_t>(s, s + std::strlen(s));
}

static std::vector<uint8_t> rep(uint8_t b, size_t n)
{
    return std::vector<uint8_t>(n, b);
}

static std::string hex(const uint8_t *p, size_t n)
{
    std::string s;
    char b[3];
    for (size_t i = 0; i < n; i++) {
        std::snprintf(b, sizeof b, "%02x", p[i]);
        s += b;
    }
    return s;
}

static void ref_sha256(const std::vector<uint8_t> &m, uint8_t out[32])
{
    unsigned n = 32;
    EVP_Digest(m.data(), m.size(), out, &n, EVP_sha256(), nullptr);
}

static void ref_hmac(const std::vector<uint8_t> &key, const std::vector<uint8_t> &m, uint8_t out[32])
{
    // OpenSSL reads a NULL key as "keep the previous key": an empty key needs a real pointer
    static const uint8_t none = 0;
    unsigned n = 32;
    if (!HMAC(EVP_sha256(), key.empty() ? &none : key.data(), (int)key.size(), m.data(), m.size(), out, &n) ||
        n != 32) {
        std::printf("OpenSSL HMAC failed\n");
        std::exit(2);
    }
}

static ShaJob job(unsigned mode, unsigned slot, const std::vector<uint8_t> &msg, unsigned icv_len = 32)
{
    ShaJob j;
    j.mode = mode;
    j.slot = slot;
    j.msg = msg;
    j.cmd_len = (uint32_t)msg.size();
    j.icv_len = icv_len;
    return j;
}

static bool all_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

// ---------------------------------------------------------------- known answers
struct HmacKat {
    const char *name;
    std::vector<uint8_t> key, msg;
    const char *mac;        // hex, as printed in the RFC (possibly truncated)
};

static int run_kat(uint64_t seed)
{
    ShaDut dut(seed);
    dut.stalls(25, 25);

    // FIPS 180-4 / NIST example values (and the empty message)
    struct {
        const char *name;
        std::vector<uint8_t> msg;
        const char *md;
    } sha[] = {
        {"empty", {}, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", str("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"448-bit", str("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"million a", rep('a', 1000000),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    };
    std::vector<ShaJob> jobs;
    for (auto &s : sha)
        jobs.push_back(job(SHA_HASH, 0, s.msg));
    std::vector<ShaResult> res;
    check(dut.run(jobs, res), "SHA-256 examples run");
    for (size_t i = 0; i < sizeof sha / sizeof sha[0]; i++) {
        std::vector<uint8_t> want = unhex(sha[i].md);
        bool ok = res[i].ok && std::memcmp(res[i].icv, want.data(), 32) == 0;
        char what[96];
        std::snprintf(what, sizeof what, "SHA-256 %s", sha[i].name);
        if (!check(ok, what))
            std::printf("   got %s\n  want %s\n", hex(res[i].icv, 32).c_str(), sha[i].md);
    }

    std::vector<uint8_t> k25;
    for (uint8_t b = 1; b <= 25; b++)
        k25.push_back(b);
    std::vector<uint8_t> k32;
    for (uint8_t b = 1; b <= 32; b++)
        k32.push_back(b);
    HmacKat hk[] = {
        // RFC 4231 §4.2 .. §4.8
        {"RFC 4231 case 1", rep(0x0b, 20), str("Hi There"),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {"RFC 4231 case 2", str("Jefe"), str("what do ya want for nothing?"),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {"RFC 4231 case 3", rep(0xaa, 20), rep(0xdd, 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        {"RFC 4231 case 4", k25, rep(0xcd, 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        {"RFC 4231 case 5 (128-bit)", rep(0x0c, 20), str("Test With Truncation"),
         "a3b6167473100ee06e0c796c2955552b"},
        {"RFC 4231 case 6", rep(0xaa, 131), str("Test Using Larger Than Block-Size Key - Hash Key First"),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        {"RFC 4231 case 7", rep(0xaa, 131),
         str("This is a test using a larger than block-size key and a larger than block-size data. "
             "The key needs to be hashed before being used by the HMAC algorithm."),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
        // RFC 4868 §2.7.2.1: HMAC-SHA-256 with 32-byte keys (PRF output), and the -128 ICV
        {"RFC 4868 AUTH256-1 (128-bit)", rep(0x0b, 32), str("Hi There"), "198a607eb44bfbc69903a0f1cf2bbdc5"},
        {"RFC 4868 AUTH256-1", rep(0x0b, 32), str("Hi There"),
         "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7"},
        {"RFC 4868 AUTH256-2 (128-bit)", str("JefeJefeJefeJefeJefeJefeJefeJefe"), str("what do ya want for nothing?"),
         "167f928588c5cc2eef8e3093caa0e87c"},
        {"RFC 4868 AUTH256-2", str("JefeJefeJefeJefeJefeJefeJefeJefe"), str("what do ya want for nothing?"),
         "167f928588c5cc2eef8e3093caa0e87c9ff566a14794aa61648d81621a2a40c6"},
        {"RFC 4868 AUTH256-3 (128-bit)", rep(0xaa, 32), rep(0xdd, 50), "cdcb1220d1ecccea91e53aba3092f962"},
        {"RFC 4868 AUTH256-3", rep(0xaa, 32), rep(0xdd, 50),
         "cdcb1220d1ecccea91e53aba3092f962e549fe6ce9ed7fdc43191fbde45c30b0"},
        {"RFC 4868 AUTH256-4 (128-bit)", k32, rep(0xcd, 50), "372efcf9b40b35c2115b1346903d2ef4"},
        {"RFC 4868 AUTH256-4", k32, rep(0xcd, 50),
         "372efcf9b40b35c2115b1346903d2ef42fced46f0846e7257bb156d3d7b30d3f"},
    };
    for (auto &k : hk) {
        unsigned slot = (unsigned)(&k - hk) % 4;
        std::vector<uint8_t> want = unhex(k.mac);
        char what[128];
        std::snprintf(what, sizeof what, "%s: key load", k.name);
        if (!check(dut.load_any_key(slot, k.key.data(), k.key.size()) == 0, what))
            continue;
        std::vector<ShaJob> j2;
        j2.push_back(job(SHA_HMAC_GEN, slot, k.msg, (unsigned)want.size()));
        j2.push_back(job(SHA_HMAC_VERIFY, slot, k.msg, (unsigned)want.size()));
        std::memcpy(j2[1].icv, want.data(), want.size());
        j2.push_back(j2[1]);
        j2[2].icv[want.size() - 1] ^= 0x01;     // the last byte of the ICV wrong: must fail
        std::snprintf(what, sizeof what, "%s: run", k.name);
        if (!check(dut.run(j2, res), what))
            continue;
        bool gen_ok = res[0].ok && std::memcmp(res[0].icv, want.data(), want.size()) == 0 &&
                      all_zero(res[0].icv + want.size(), 32 - want.size());
        std::snprintf(what, sizeof what, "%s: generate", k.name);
        if (!check(gen_ok, what))
            std::printf("   got %s\n  want %s\n", hex(res[0].icv, 32).c_str(), k.mac);
        std::snprintf(what, sizeof what, "%s: verify passes", k.name);
        check(res[1].ok && all_zero(res[1].icv, 32), what);
        std::snprintf(what, sizeof what, "%s: verify of a wrong ICV fails", k.name);
        check(!res[2].ok && !res[2].err_len && !res[2].err_key && !res[2].err_cmd, what);
    }
    std::printf("kat: %lu passed, %lu failed\n", g_pass, g_fail);
    return g_fail ? 1 : 0;
}

// ---------------------------------------------------------------- errors
static int run_errors(uint64_t seed)
{
    ShaDut dut(seed);
    dut.stalls(20, 20);
    ShaRng rng(seed ^ 0x5151);
    std::vector<uint8_t> key(32), msg(300);
    rng.fill(key.data(), key.size());
    rng.fill(msg.data(), msg.size());
    uint8_t mac[32], mac2[32];
    ref_hmac(key, msg, mac);

    check(dut.load_key(0, key.data(), key.size()) == 0, "32-byte key loads");
    std::vector<uint8_t> key65(65, 0x11);
    check(dut.load_key(1, key65.data(), 65) == 1, "65-byte key refused");
    check(dut.load_key(1, key65.data(), 64) == 0, "64-byte key loads");

    std::vector<ShaJob> jobs;
    jobs.push_back(job(SHA_HMAC_GEN, 3, msg, 16));          // 0: slot 3 never loaded
    jobs.push_back(job(SHA_HMAC_GEN, 0, msg, 0));           // 1: ICV length 0
    jobs.push_back(job(SHA_HMAC_GEN, 0, msg, 33));          // 2: ICV length 33
    jobs.push_back(job(3, 0, msg, 16));                     // 3: mode 3
    jobs.push_back(job(SHA_HMAC_VERIFY, 0, msg, 16));       // 4: length says 1 byte more
    std::memcpy(jobs[4].icv, mac, 32);
    jobs[4].cmd_len++;
    jobs.push_back(jobs[4]);                                // 5: length says 1 byte less
    jobs[5].cmd_len -= 2;
    jobs.push_back(job(SHA_HASH, 0, msg));                  // 6: hash with the wrong length
    jobs[6].cmd_len = 7;
    jobs.push_back(job(SHA_HMAC_VERIFY, 0, msg, 16));       // 7: good
    std::memcpy(jobs[7].icv, mac, 32);
    jobs.push_back(jobs[7]);                                // 8: first byte tampered
    jobs[8].icv[0] ^= 0x80;
    jobs.push_back(jobs[7]);                                // 9: byte 16 differs: not compared
    jobs[9].icv[16] ^= 0xff;
    jobs.push_back(job(SHA_HMAC_GEN, 0, msg, 16));          // 10: good after all that
    std::vector<ShaResult> r;
    check(dut.run(jobs, r), "error jobs run");
    check(!r[0].ok && r[0].err_key && !r[0].err_cmd && !r[0].err_len && all_zero(r[0].icv, 32),
          "HMAC with a never-loaded slot: err_key, no ICV");
    check(!r[1].ok && r[1].err_cmd && all_zero(r[1].icv, 32), "ICV length 0: err_cmd");
    check(!r[2].ok && r[2].err_cmd && all_zero(r[2].icv, 32), "ICV length 33: err_cmd");
    check(!r[3].ok && r[3].err_cmd && all_zero(r[3].icv, 32), "mode 3: err_cmd");
    check(!r[4].ok && r[4].err_len && !r[4].err_cmd && !r[4].err_key, "stream shorter than the command: err_len");
    check(!r[5].ok && r[5].err_len, "stream longer than the command: err_len");
    check(!r[6].ok && r[6].err_len && all_zero(r[6].icv, 32), "hash with a wrong length: err_len");
    check(r[7].ok && !r[7].err_len && all_zero(r[7].icv, 32), "verify of the right ICV passes, no ICV out");
    check(!r[8].ok && !r[8].err_len, "verify of a tampered ICV fails");
    check(r[9].ok, "bytes past the ICV length are not compared");
    check(r[10].ok && std::memcmp(r[10].icv, mac, 16) == 0 && all_zero(r[10].icv + 16, 16),
          "HMAC-SHA-256-128 after the errors");

    // re-keying a slot changes the MAC; the other slot keeps its key
    std::vector<uint8_t> key2(20, 0x42);
    ref_hmac(key2, msg, mac2);
    check(dut.load_key(0, key2.data(), key2.size()) == 0, "slot 0 re-keyed");
    jobs.clear();
    jobs.push_back(job(SHA_HMAC_GEN, 0, msg, 32));
    jobs.push_back(job(SHA_HMAC_GEN, 1, msg, 32));
    check(dut.run(jobs, r), "re-keyed run");
    uint8_t mac64[32];
    ref_hmac(std::vector<uint8_t>(64, 0x11), msg, mac64);
    check(r[0].ok && std::memcmp(r[0].icv, mac2, 32) == 0, "MAC with the new key");
    check(r[1].ok && std::memcmp(r[1].icv, mac64, 32) == 0, "other slot unchanged");
    // bytes past the key length are ignored: a 20-byte key with junk after it
    std::vector<uint8_t> junk(64, 0xee);
    std::memcpy(junk.data(), key2.data(), 20);
    check(dut.load_key(2, junk.data(), 20) == 0, "key with junk past its length loads");
    jobs.clear();
    jobs.push_back(job(SHA_HMAC_GEN, 2, msg, 32));
    check(dut.run(jobs, r) && r[0].ok && std::memcmp(r[0].icv, mac2, 32) == 0,
          "bytes past the key length are ignored");
    std::printf("errors: %lu passed, %lu failed\n", g_pass, g_fail);
    return g_fail ? 1 : 0;
}

// ---------------------------------------------------------------- random against OpenSSL
static size_t rand_len(ShaRng &rng)
{
    unsigned k = rng.below(10);
    if (k < 4)
        return rng.below(9217);
    if (k < 7)
        return rng.below(201);
    long l = 64L * rng.below(145) + (long)rng.below(19) - 9;   // around block boundaries
    return l < 0 ? 0 : (l > 9216 ? 9216 : (size_t)l);
}

static std::vector<uint8_t> rand_key(ShaRng &rng)
{
    size_t len = rng.chance(10) ? 65 + rng.below(136) : rng.below(65);
    std::vector<uint8_t> k(len);
    rng.fill(k.data(), len);
    return k;
}

static int run_random(unsigned long n, uint64_t seed)
{
    ShaDut dut(seed);
    dut.stalls(20, 20);
    ShaRng rng(seed * 0x9E3779B97F4A7C15ull + 1);
    std::vector<uint8_t> keys[4];
    for (unsigned s = 0; s < 4; s++) {
        keys[s] = rand_key(rng);
        check(dut.load_any_key(s, keys[s].data(), keys[s].size()) == 0, "initial key load");
    }
    unsigned long done = 0, tampered = 0, hmacs = 0, hashes = 0, side_loads = 0;
    uint64_t bytes = 0;
    while (done < n && g_fail == 0) {
        size_t nb = 1 + rng.below(8);
        if (nb > n - done)
            nb = n - done;
        // now and then a key load into a slot these packets do not use, while they stream
        std::vector<ShaKey> side;
        int side_slot = -1;
        if (rng.chance(30)) {
            side_slot = (int)rng.below(4);
            std::vector<uint8_t> k(rng.below(65));
            rng.fill(k.data(), k.size());
            side.push_back(ShaKey{(unsigned)side_slot, k});
        }
        std::vector<ShaJob> jobs;
        std::vector<int> expect_ok;
        std::vector<std::vector<uint8_t>> want;
        for (size_t i = 0; i < nb; i++) {
            std::vector<uint8_t> msg(rand_len(rng));
            rng.fill(msg.data(), msg.size());
            bytes += msg.size();
            unsigned mode = rng.below(10) < 3 ? SHA_HASH : (rng.chance(50) ? SHA_HMAC_GEN : SHA_HMAC_VERIFY);
            unsigned slot;
            do
                slot = rng.below(4);
            while ((int)slot == side_slot);
            unsigned k = rng.below(4);
            unsigned icv_len = k < 2 ? 16 : (k == 2 ? 32 : 1 + rng.below(32));
            ShaJob j = job(mode, slot, msg, icv_len);
            std::vector<uint8_t> w(32);
            int ok = 1;
            if (mode == SHA_HASH) {
                ref_sha256(msg, w.data());
                hashes++;
            } else {
                ref_hmac(keys[slot], msg, w.data());
                hmacs++;
            }
            if (mode == SHA_HMAC_VERIFY) {
                std::memcpy(j.icv, w.data(), 32);
                unsigned t = rng.below(10);
                if (t < 4) {        // flip one bit inside the compared bytes: must fail
                    unsigned bit = rng.below(8 * icv_len);
                    j.icv[bit / 8] ^= (uint8_t)(1u << (bit % 8));
                    ok = 0;
                    tampered++;
                } else if (t < 5 && icv_len < 32) {   // outside: must still pass
                    j.icv[icv_len + rng.below(32 - icv_len)] ^= 0xff;
                }
            }
            jobs.push_back(j);
            expect_ok.push_back(ok);
            want.push_back(w);
        }
        std::vector<ShaResult> res;
        if (!check(dut.run(jobs, res, side), "random batch ran"))
            break;
        for (size_t i = 0; i < nb; i++) {
            const ShaJob &j = jobs[i];
            const ShaResult &r = res[i];
            bool good = !r.err_len && !r.err_key && !r.err_cmd && r.ok == (expect_ok[i] != 0);
            if (j.mode == SHA_HASH)
                good = good && std::memcmp(r.icv, want[i].data(), 32) == 0;
            else if (j.mode == SHA_HMAC_GEN)
                good = good && std::memcmp(r.icv, want[i].data(), j.icv_len) == 0 &&
                       all_zero(r.icv + j.icv_len, 32 - j.icv_len);
            else
                good = good && all_zero(r.icv, 32);
            if (!check(good, "random job matches OpenSSL")) {
                std::printf("   job %lu: mode %u slot %u len %zu icv_len %u key %zu bytes: ok=%d (want %d) "
                            "err=%d%d%d\n   got  %s\n   want %s\n",
                            done + i, j.mode, j.slot, j.msg.size(), j.icv_len, keys[j.slot].size(), r.ok,
                            expect_ok[i], r.err_len, r.err_key, r.err_cmd, hex(r.icv, 32).c_str(),
                            hex(want[i].data(), 32).c_str());
            }
        }
        if (side_slot >= 0) {
            keys[side_slot] = side[0].key;
            side_loads++;
        }
        if (rng.chance(5)) {   // and a long key through the engine's own hash
            unsigned s = rng.below(4);
            keys[s] = rand_key(rng);
            check(dut.load_any_key(s, keys[s].data(), keys[s].size()) == 0, "key reload");
        }
        done += nb;
    }
    std::printf("random: %lu jobs (%lu hash, %lu HMAC, %lu tampered ICVs), %" PRIu64 " message bytes, "
                "%lu key loads during traffic, %" PRIu64 " cycles\n",
                done, hashes, hmacs, tampered, bytes, side_loads, dut.cycles());
    std::printf("random: %lu passed, %lu failed\n", g_pass, g_fail);
    return g_fail || done != n ? 1 : 0;
}

// ---------------------------------------------------------------- rate
static int run_rate(uint64_t seed)
{
    const unsigned sizes[] = {64, 576, 1500, 9000};
    const unsigned c = 64 / TB_ROUNDS + 2;   // cycles per compression, back to back
    std::printf("rate: ROUNDS=%d, %u cycles per compression, 8 bytes/cycle = line rate\n", TB_ROUNDS, c);
    std::printf("%-5s %6s %13s %14s %12s %18s\n", "mode", "bytes", "compressions", "cycles/packet",
                "bytes/cycle", "cores for 8 B/cyc");
    ShaRng rng(seed);
    for (unsigned mode = 0; mode < 2; mode++) {
        ShaDut dut(seed);
        std::vector<uint8_t> key(32);
        rng.fill(key.data(), key.size());
        check(dut.load_key(0, key.data(), key.size()) == 0, "rate key load");
        for (unsigned size : sizes) {
            const unsigned npkt = 40;
            std::vector<ShaJob> jobs;
            for (unsigned i = 0; i < npkt; i++) {
                std::vector<uint8_t> m(size);
                rng.fill(m.data(), size);
                jobs.push_back(job(mode ? SHA_HMAC_GEN : SHA_HASH, 0, m, 16));
            }
            std::vector<ShaResult> res;
            check(dut.run(jobs, res), "rate run");
            const std::vector<uint64_t> &rc = dut.result_cycles();
            // steady state: from the 4th result to the last
            double cyc = (double)(rc[npkt - 1] - rc[3]) / (npkt - 4);
            unsigned comp = (size + 9 + 63) / 64 + mode;
            double bpc = size / cyc;
            unsigned cores = (unsigned)(8.0 / bpc) + ((8.0 / bpc) > (unsigned)(8.0 / bpc) ? 1 : 0);
            std::printf("%-5s %6u %13u %14.1f %12.3f %18u\n", mode ? "hmac" : "hash", size, comp, cyc, bpc, cores);
            // the engine can be no faster than its compressions and should lose at most 4 cycles
            char what[96];
            std::snprintf(what, sizeof what, "%s %u: %.1f cycles/packet within [%u, %u]", mode ? "hmac" : "hash",
                          size, cyc, comp * c, comp * c + 4);
            check(cyc >= comp * c && cyc <= comp * c + 4, what);
        }
    }
    std::printf("rate: %lu passed, %lu failed\n", g_pass, g_fail);
    return g_fail ? 1 : 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    uint64_t seed = 1;
    if (!std::strcmp(mode, "random")) {
        if (argc < 3) {
            std::printf("usage: %s random N [SEED]\n", argv[0]);
            return 2;
        }
        unsigned long n = std::strtoul(argv[2], nullptr, 0);
        if (argc > 3)
            seed = std::strtoull(argv[3], nullptr, 0);
        std::printf("%s random %lu: seed %" PRIu64 " (ROUNDS=%d)\n", argv[0], n, seed, TB_ROUNDS);
        return run_random(n, seed);
    }
    if (argc > 2)
        seed = std::strtoull(argv[2], nullptr, 0);
    std::printf("%s %s: seed %" PRIu64 " (ROUNDS=%d)\n", argv[0], mode, seed, TB_ROUNDS);
    if (!std::strcmp(mode, "kat"))
        return run_kat(seed);
    if (!std::strcmp(mode, "errors"))
        return run_errors(seed);
    if (!std::strcmp(mode, "rate"))
        return run_rate(seed);
    std::printf("usage: %s kat|errors|rate [SEED] | %s random N [SEED]\n", argv[0], argv[0]);
    return 2;
}
