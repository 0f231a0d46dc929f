// SPDX-License-Identifier: MIT
//
// tonic-crypto-vectors FILE.rsp — runs every vector of a NIST CAVP response file through the RTL
// (Verilator model of tonic_gcm) and prints passed / failed / skipped counts.
//   GCM encrypt files: ciphertext and tag (truncated to Taglen) must match.
//   GCM decrypt files: the hardware's verdict must reject exactly the FAIL vectors, and the
//     plaintext must match for the others.
//   Vectors with an empty plaintext run in the GMAC modes (GCM with no plaintext is GMAC).
//   Skipped (and counted): IV length other than 96 bits, tag length other than 64/96/128 bits,
//     AAD or text over 65,535 bytes — parameters the hardware does not support.
//   SHA-256 / HMAC-SHA-256 files go to the SHA cores' runner (tests/crypto/sha) when this build
//     has it.
// The file type is read from its contents. Exit status: 0 all passed, 1 any failed, 2 bad input.
#include <cerrno>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "crypto_tb.h"
#include "gcm_dut.h"
#include "rsp.h"

#ifdef TONIC_HAVE_SHA_VECTORS
extern "C" {
#include "sha_vectors.h"
}
#endif

struct Job {
    const RspVector *v;
    std::vector<uint8_t> key, iv, aad, in, want, tag;
    bool dec;
    GcmPkt pkt;
};

static bool field(const RspVector &v, const char *name, std::vector<uint8_t> &out, std::string &err)
{
    const std::string *s = v.get(name);
    if (!s) {
        err = std::string("no ") + name;
        return false;
    }
    if (!cr_unhex(*s, out)) {
        err = std::string("bad hex in ") + name;
        return false;
    }
    return true;
}

static unsigned run_batch(GcmDut &dut, CrRng &rng, std::vector<Job> &jobs, unsigned &failed)
{
    std::vector<GcmPkt> pk;
    for (size_t i = 0; i < jobs.size(); i++) {
        Job &j = jobs[i];
        if (!dut.load_key((unsigned)i, j.key.data(), j.key.size()))
            return 0;
        GcmPkt p;
        p.slot = (unsigned)i;
        p.mode = j.in.empty() ? (j.dec ? GCM_GMAC_VERIFY : GCM_GMAC) : (j.dec ? GCM_DEC : GCM_ENC);
        p.aad = j.aad;
        if (!j.in.empty())
            p.data = j.in;
        std::memcpy(p.nonce, j.iv.data(), 12);
        p.icv = (unsigned)j.tag.size();
        if (j.dec)
            std::memcpy(p.tag_exp, j.tag.data(), j.tag.size());
        pk.push_back(p);
    }
    bool ran = dut.run(pk, rng);
    unsigned passed = 0;
    for (size_t i = 0; i < jobs.size(); i++) {
        Job &j = jobs[i];
        const GcmPkt &p = pk[i];
        std::string why;
        if (!ran || !p.done)
            why = "no result from the hardware";
        else if (p.err || p.framing_errors)
            why = "framing error";
        else if (!j.dec) {
            std::vector<uint8_t> out = p.mode == GCM_GMAC ? std::vector<uint8_t>() : p.out;
            if (out != j.want)
                why = "ciphertext differs: " + cr_hex(out.data(), out.size());
            else if (std::memcmp(p.tag, j.tag.data(), j.tag.size()))
                why = "tag differs: " + cr_hex(p.tag, j.tag.size());
        } else {
            if (p.ok == j.v->fail)
                why = j.v->fail ? "hardware accepted a tag marked FAIL" : "hardware rejected the tag";
            else if (!j.v->fail && p.mode == GCM_DEC && p.out != j.want)
                why = "plaintext differs: " + cr_hex(p.out.data(), p.out.size());
        }
        if (why.empty()) {
            passed++;
        } else {
            failed++;
            std::printf("FAIL line %u (%s = %s): %s\n", j.v->line, j.v->fields[0].first.c_str(),
                        j.v->fields[0].second.c_str(), why.c_str());
        }
    }
    return passed;
}

int main(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: %s FILE.rsp   (NIST CAVP GCM encrypt/decrypt, SHA-256 or HMAC file)\n", argv[0]);
        return 2;
    }
    const char *path = argv[1];
    FILE *probe = std::fopen(path, "r");
    if (!probe) {
        std::fprintf(stderr, "tonic-crypto-vectors: cannot open %s: %s\n", path, std::strerror(errno));
        return 2;
    }
    std::fclose(probe);

#ifdef TONIC_HAVE_SHA_VECTORS
    {
        unsigned p = 0, f = 0, s = 0;
        int r = tonic_sha_vectors_file(path, &p, &f, &s);
        if (r < 0) {
            std::fprintf(stderr, "tonic-crypto-vectors: %s: the SHA/HMAC runner could not read it\n", path);
            return 2;
        }
        if (r == 1) {
            std::printf("%s: %u passed, %u failed, %u skipped\n", path, p, f, s);
            return f ? 1 : 0;
        }
    }
#endif

    std::vector<RspVector> vecs;
    std::string err;
    if (!rsp_read(path, vecs, err)) {
        std::fprintf(stderr, "tonic-crypto-vectors: %s: %s\n", path, err.c_str());
        return 2;
    }
    // a GCM vector has Key, IV, Tag and PT or CT
    unsigned gcm = 0;
    for (const RspVector &v : vecs)
        if (v.get("Key") && v.get("IV") && v.get("Tag") && (v.get("PT") || v.get("CT")))
            gcm++;
    if (gcm == 0) {
#ifdef TONIC_HAVE_SHA_VECTORS
        std::fprintf(stderr, "tonic-crypto-vectors: %s: not a GCM, SHA-256 or HMAC response file\n", path);
#else
        std::fprintf(stderr, "tonic-crypto-vectors: %s: not a GCM response file (this build has no SHA/HMAC runner)\n", path);
#endif
        return 2;
    }
    if (gcm != vecs.size()) {
        std::fprintf(stderr, "tonic-crypto-vectors: %s: %zu of %zu vectors are not GCM vectors\n", path,
                     vecs.size() - gcm, vecs.size());
        return 2;
    }

    GcmDut dut;
    CrRng rng(1);
    unsigned passed = 0, failed = 0, skipped = 0, enc = 0, dec = 0;
    std::map<std::string, unsigned> skip_why;
    std::vector<Job> batch;
    for (const RspVector &v : vecs) {
        Job j;
        j.v = &v;
        int ipt = v.index("PT"), ict = v.index("CT");
        j.dec = v.fail || (ict >= 0 && (ipt < 0 || ict < ipt));
        std::string e;
        bool ok = field(v, "Key", j.key, e) && field(v, "IV", j.iv, e) && field(v, "Tag", j.tag, e);
        if (ok && v.get("AAD"))
            ok = field(v, "AAD", j.aad, e);
        if (ok)
            ok = field(v, j.dec ? "CT" : "PT", j.in, e);
        if (ok && !v.fail)
            ok = field(v, j.dec ? "PT" : "CT", j.want, e);
        if (!ok) {
            std::fprintf(stderr, "tonic-crypto-vectors: %s line %u: %s\n", path, v.line, e.c_str());
            return 2;
        }
        if (!v.fail && j.want.size() != j.in.size()) {
            std::fprintf(stderr, "tonic-crypto-vectors: %s line %u: PT and CT lengths differ\n", path, v.line);
            return 2;
        }
        (j.dec ? dec : enc)++;
        std::string why;
        if (j.key.size() != 16 && j.key.size() != 24 && j.key.size() != 32)
            why = "key length " + std::to_string(8 * j.key.size()) + " bits";
        else if (j.iv.size() != 12)
            why = "IV length " + std::to_string(8 * j.iv.size()) + " bits";
        else if (j.tag.size() != 8 && j.tag.size() != 12 && j.tag.size() != 16)
            why = "tag length " + std::to_string(8 * j.tag.size()) + " bits";
        else if (j.aad.size() > 65535 || j.in.size() > 65535)
            why = "AAD or text over 65,535 bytes";
        if (!why.empty()) {
            skipped++;
            skip_why[why]++;
            continue;
        }
        batch.push_back(j);
        if (batch.size() == 4) {
            passed += run_batch(dut, rng, batch, failed);
            batch.clear();
        }
    }
    if (!batch.empty())
        passed += run_batch(dut, rng, batch, failed);
    unsigned lost = (unsigned)vecs.size() - passed - failed - skipped;
    failed += lost;   // a batch that hung counts every vector in it as failed
    std::printf("%s: GCM, %u encrypt and %u decrypt vectors: %u passed, %u failed, %u skipped\n", path, enc, dec,
                passed, failed, skipped);
    for (const auto &w : skip_why)
        std::printf("  skipped %u: %s not supported by the hardware\n", w.second, w.first.c_str());
    return failed ? 1 : 0;
}
