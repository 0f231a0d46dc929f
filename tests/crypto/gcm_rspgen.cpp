// SPDX-License-Identifier: MIT
//
// tonic-gcm-rspgen encrypt|decrypt SEED > FILE.rsp — writes a GCM response file in NIST CAVP
// format with OpenSSL as the oracle, for testing tonic-crypto-vectors where no CAVP files are at
// hand. Groups cover the three key sizes, empty and partial-block texts and AAD, tags of 128, 96,
// 64 bits, plus groups the hardware must skip (1,024-bit IVs, 32-bit tags). Decrypt files mark
// about a third of the vectors FAIL (a changed tag, ciphertext or AAD byte), as CAVP does.
// tests/crypto/gcm_openssl_{encrypt,decrypt}.rsp were made with seeds 1 and 2.
#include <cstring>
#include <string>
#include <vector>

#include "crypto_tb.h"
#include "gcm_ref.h"

static std::string hx(const std::vector<uint8_t> &v)
{
    return cr_hex(v.data(), v.size());
}

int main(int argc, char **argv)
{
    if (argc != 3 || (std::strcmp(argv[1], "encrypt") && std::strcmp(argv[1], "decrypt"))) {
        std::fprintf(stderr, "usage: %s encrypt|decrypt SEED\n", argv[0]);
        return 2;
    }
    bool dec = !std::strcmp(argv[1], "decrypt");
    CrRng r(std::strtoull(argv[2], nullptr, 0));
    std::printf("# CAVS-format response file written by tonic-gcm-rspgen %s %s (OpenSSL as the oracle)\n", argv[1],
                argv[2]);
    std::printf("# GCM %s\n\n", dec ? "Decrypt" : "Encrypt");
    struct G {
        unsigned iv, pt, aad, tag;
    };
    std::vector<G> groups;
    for (unsigned pt : {0u, 128u, 408u})
        for (unsigned aad : {0u, 160u, 720u})
            for (unsigned tag : {128u, 96u, 64u})
                groups.push_back({96, pt, aad, tag});
    groups.push_back({1024, 128, 128, 128});   // skipped: IV length
    groups.push_back({96, 128, 128, 32});      // skipped: tag length
    for (unsigned kl : {128u, 192u, 256u}) {
        for (const G &g : groups) {
            std::printf("[Keylen = %u]\n[IVlen = %u]\n[PTlen = %u]\n[AADlen = %u]\n[Taglen = %u]\n\n", kl, g.iv, g.pt,
                        g.aad, g.tag);
            for (unsigned c = 0; c < 3; c++) {
                std::vector<uint8_t> key(kl / 8), iv(g.iv / 8), pt(g.pt / 8), aad(g.aad / 8), ct;
                uint8_t tag[16];
                r.fill(key.data(), key.size());
                r.fill(iv.data(), iv.size());
                r.fill(pt.data(), pt.size());
                r.fill(aad.data(), aad.size());
                gcm_ref_seal(key.data(), key.size(), iv.data(), iv.size(), aad, pt, ct, tag);
                std::vector<uint8_t> t(tag, tag + g.tag / 8);
                std::printf("Count = %u\nKey = %s\nIV = %s\n", c, hx(key).c_str(), hx(iv).c_str());
                if (!dec) {
                    std::printf("PT = %s\nAAD = %s\nCT = %s\nTag = %s\n\n", hx(pt).c_str(), hx(aad).c_str(),
                                hx(ct).c_str(), hx(t).c_str());
                    continue;
                }
                bool fail = r.below(3) == 0;
                if (fail) {
                    unsigned w = r.below(3);
                    if (w == 1 && !ct.empty())
                        ct[r.below((uint32_t)ct.size())] ^= (uint8_t)(1 + r.below(255));
                    else if (w == 2 && !aad.empty())
                        aad[r.below((uint32_t)aad.size())] ^= (uint8_t)(1 + r.below(255));
                    else
                        t[r.below((uint32_t)t.size())] ^= (uint8_t)(1 + r.below(255));
                    std::vector<uint8_t> chk;
                    if (gcm_ref_open(key.data(), key.size(), iv.data(), iv.size(), aad, ct, t.data(), t.size(), chk))
                        return 1;   // cannot happen: the change must break the tag
                }
                std::printf("CT = %s\nAAD = %s\nTag = %s\n", hx(ct).c_str(), hx(aad).c_str(), hx(t).c_str());
                if (fail)
                    std::printf("FAIL\n\n");
                else
                    std::printf("PT = %s\n\n", hx(pt).c_str());
            }
        }
    }
    return 0;
}
