// SPDX-License-Identifier: MIT
//
// sha_dut.h — drives the Verilator model of tonic_hmac_sha256 (thin C++ glue shared by the
// testbench tb_sha and the CAVP runner in sha_vectors.cpp). Jobs go in on the command channel and
// the stream, results come back in order; every channel can get random idle cycles (sources) and
// random back-pressure (results). The model itself stays behind a pointer so users of this header
// need no Verilator include path.
#ifndef TONIC_TESTS_CRYPTO_SHA_DUT_H
#define TONIC_TESTS_CRYPTO_SHA_DUT_H

#include <cstdint>
#include <memory>
#include <vector>

enum ShaMode { SHA_HASH = 0, SHA_HMAC_GEN = 1, SHA_HMAC_VERIFY = 2 };

struct ShaJob {
    unsigned mode = SHA_HASH;        // ShaMode, or 3 (an invalid mode, for the error tests)
    unsigned slot = 0;
    std::vector<uint8_t> msg;        // the stream carries exactly these bytes
    uint32_t cmd_len = 0;            // s_cmd_len; normally msg.size()
    unsigned icv_len = 32;           // HMAC: ICV bytes
    uint8_t icv[32] = {0};           // verify: the expected ICV
};

struct ShaResult {
    uint8_t icv[32];
    bool ok, err_len, err_key, err_cmd;
};

struct ShaKey {                      // a key load that runs alongside packets (ShaDut::run)
    unsigned slot;
    std::vector<uint8_t> key;
};

// xorshift64*: the testbench's reproducible random numbers
struct ShaRng {
    uint64_t s;
    explicit ShaRng(uint64_t seed) : s(seed ? seed : 0x9E3779B97F4A7C15ull) {}
    uint64_t next()
    {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 0x2545F4914F6CDD1Dull;
    }
    uint32_t below(uint32_t n) { return n ? (uint32_t)(next() % n) : 0; }
    bool chance(unsigned pct) { return below(100) < pct; }
    void fill(uint8_t *p, size_t n)
    {
        for (size_t i = 0; i < n; i++)
            p[i] = (uint8_t)next();
    }
};

class ShaDut {
public:
    explicit ShaDut(uint64_t seed);
    ~ShaDut();
    ShaDut(const ShaDut &) = delete;
    ShaDut &operator=(const ShaDut &) = delete;

    // chance (percent) of an idle cycle before each command, key load and beat, and of
    // back-pressure on the result channel
    void stalls(unsigned idle_pct, unsigned backpressure_pct)
    {
        idle_pct_ = idle_pct;
        bp_pct_ = backpressure_pct;
    }
    // load a raw key (the engine takes up to 64 bytes); 0 = loaded, 1 = refused (key_err),
    // -1 = no key_done within the time limit
    int load_key(unsigned slot, const uint8_t *key, size_t len);
    // any length: keys over 64 bytes are hashed by the engine first (RFC 2104), as firmware does
    int load_any_key(unsigned slot, const uint8_t *key, size_t len);
    // run jobs back to back (and the side key loads at random moments in between);
    // results in order; false if the engine stopped making progress
    bool run(const std::vector<ShaJob> &jobs, std::vector<ShaResult> &res,
             const std::vector<ShaKey> &side = {});
    uint64_t cycles() const { return cycles_; }
    // cycle counts of the last run(): first command taken, each result taken
    uint64_t first_cmd_cycle() const { return first_cmd_; }
    const std::vector<uint64_t> &result_cycles() const { return res_cycles_; }

private:
    struct Model;
    std::unique_ptr<Model> m_;
    ShaRng rng_;
    unsigned idle_pct_ = 0, bp_pct_ = 0;
    uint64_t cycles_ = 0, first_cmd_ = 0;
    std::vector<uint64_t> res_cycles_;
    void tick();
};

#endif  // TONIC_TESTS_CRYPTO_SHA_DUT_H
