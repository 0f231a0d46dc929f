// SPDX-License-Identifier: MIT
//
// sha_vectors.cpp — the CAVP response-file runner behind sha_vectors.h. The file is read into
// records (the fields since the previous MD/Mac line, with the [L = n] section they sit in); the
// kind of file follows from the output field (MD: SHA, Mac: HMAC; neither: not ours). Each record
// then runs on one engine model with light random stalls: SHA records as hash jobs, HMAC records
// as a key load, a generate job (bytes compared) and a verify job (must pass).
#include "sha_vectors.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "sha_dut.h"

namespace {

struct Record {
    std::map<std::string, std::string> f;
    long section_l = -1;     // [L = n] of the section, -1 if none
    unsigned line = 0;
};

std::string trim(const std::string &s)
{
    size_t a = 0, b = s.size();
    while (a < b && std::isspace((unsigned char)s[a]))
        a++;
    while (b > a && std::isspace((unsigned char)s[b - 1]))
        b--;
    return s.substr(a, b - a);
}

bool unhex(const std::string &h, std::vector<uint8_t> &out)
{
    out.clear();
    if (h.size() % 2)
        return false;
    for (size_t i = 0; i < h.size(); i += 2) {
        if (!std::isxdigit((unsigned char)h[i]) || !std::isxdigit((unsigned char)h[i + 1]))
            return false;
        out.push_back((uint8_t)std::stoul(h.substr(i, 2), nullptr, 16));
    }
    return true;
}

bool number(const std::map<std::string, std::string> &f, const char *k, unsigned long &v)
{
    auto it = f.find(k);
    if (it == f.end() || it->second.empty())
        return false;
    for (char c : it->second)
        if (!std::isdigit((unsigned char)c))
            return false;
    v = std::stoul(it->second);
    return true;
}

std::string hexs(const uint8_t *p, size_t n)
{
    std::string s;
    char b[3];
    for (size_t i = 0; i < n; i++) {
        std::snprintf(b, sizeof b, "%02x", p[i]);
        s += b;
    }
    return s;
}

}  // namespace

extern "C" int tonic_sha_vectors_file(const char *path, unsigned *passed, unsigned *failed, unsigned *skipped)
{
    unsigned np = 0, nf = 0, ns = 0;
    if (passed)
        *passed = 0;
    if (failed)
        *failed = 0;
    if (skipped)
        *skipped = 0;
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "sha_vectors: cannot open %s\n", path);
        return -1;
    }

    // ---- read records ----
    std::vector<Record> recs;
    Record cur;
    long section_l = -1;
    bool sha = false, hmac = false;
    std::string line;
    unsigned lineno = 0;
    while (std::getline(in, line)) {
        lineno++;
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        if (line[0] == '[') {
            std::string s = line.substr(1, line.find(']') == std::string::npos ? std::string::npos : line.find(']') - 1);
            size_t eq = s.find('=');
            if (eq != std::string::npos && trim(s.substr(0, eq)) == "L") {
                std::string v = trim(s.substr(eq + 1));
                section_l = std::isdigit((unsigned char)(v.empty() ? 'x' : v[0])) ? std::stol(v) : -1;
            }
            continue;
        }
        size_t eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        std::string k = trim(line.substr(0, eq)), v = trim(line.substr(eq + 1));
        if (cur.f.empty())
            cur.line = lineno;
        cur.f[k] = v;
        if (k == "MD" || k == "Mac") {
            (k == "MD" ? sha : hmac) = true;
            cur.section_l = section_l;
            recs.push_back(cur);
            cur = Record();
        }
    }
    if (!sha && !hmac)
        return 0;        // GCM, AES, or anything else: not ours
    if (sha && hmac) {
        std::fprintf(stderr, "sha_vectors: %s mixes MD and Mac records\n", path);
        return -1;
    }

    ShaDut dut(0x5EC7025ull);
    dut.stalls(10, 10);
    unsigned shown = 0;
    auto fail = [&](const Record &r, const char *why, const uint8_t *got, const std::vector<uint8_t> &want) {
        nf++;
        if (shown++ < 10)
            std::printf("sha_vectors: %s:%u: %s\n   got  %s\n   want %s\n", path, r.line, why,
                        got ? hexs(got, want.size()).c_str() : "-", hexs(want.data(), want.size()).c_str());
    };

    for (const Record &r : recs) {
        if (r.section_l >= 0 && r.section_l != 32) {
            ns++;        // SHA-1, SHA-224/384/512 sections: another hash
            continue;
        }
        if (sha) {
            unsigned long len;
            std::vector<uint8_t> msg, md;
            if (!r.f.count("Msg") || !r.f.count("Len")) {
                ns++;    // Monte-Carlo (Seed/COUNT/MD): not a single-message vector
                continue;
            }
            if (!number(r.f, "Len", len) || !unhex(r.f.at("Msg"), msg) || !unhex(r.f.at("MD"), md) ||
                msg.size() < len / 8) {
                std::fprintf(stderr, "sha_vectors: %s:%u: malformed SHA record\n", path, r.line);
                return -1;
            }
            if (len % 8 || md.size() != 32) {
                ns++;    // bit-oriented message, or not a 256-bit digest
                continue;
            }
            msg.resize(len / 8);
            std::vector<ShaJob> jobs(1);
            jobs[0].mode = SHA_HASH;
            jobs[0].msg = msg;
            jobs[0].cmd_len = (uint32_t)msg.size();
            std::vector<ShaResult> res;
            if (!dut.run(jobs, res)) {
                fail(r, "engine stopped", nullptr, md);
                continue;
            }
            if (res[0].ok && std::memcmp(res[0].icv, md.data(), 32) == 0)
                np++;
            else
                fail(r, "digest differs", res[0].icv, md);
        } else {
            unsigned long klen, tlen;
            std::vector<uint8_t> key, msg, mac;
            if (!number(r.f, "Klen", klen) || !number(r.f, "Tlen", tlen) || !r.f.count("Key") ||
                !r.f.count("Msg") || !unhex(r.f.at("Key"), key) || !unhex(r.f.at("Msg"), msg) ||
                !unhex(r.f.at("Mac"), mac) || key.size() != klen || mac.size() != tlen) {
                std::fprintf(stderr, "sha_vectors: %s:%u: malformed HMAC record\n", path, r.line);
                return -1;
            }
            if (tlen < 1 || tlen > 32) {
                ns++;
                continue;
            }
            if (dut.load_any_key(0, key.data(), key.size()) != 0) {
                fail(r, "key load failed", nullptr, mac);
                continue;
            }
            std::vector<ShaJob> jobs(2);
            for (unsigned i = 0; i < 2; i++) {
                jobs[i].mode = i ? SHA_HMAC_VERIFY : SHA_HMAC_GEN;
                jobs[i].msg = msg;
                jobs[i].cmd_len = (uint32_t)msg.size();
                jobs[i].icv_len = (unsigned)tlen;
                std::memcpy(jobs[i].icv, mac.data(), tlen);
            }
            std::vector<ShaResult> res;
            if (!dut.run(jobs, res)) {
                fail(r, "engine stopped", nullptr, mac);
                continue;
            }
            bool gen = res[0].ok && std::memcmp(res[0].icv, mac.data(), tlen) == 0;
            if (gen && res[1].ok)
                np++;
            else
                fail(r, gen ? "MAC matches but verification failed" : "MAC differs", res[0].icv, mac);
        }
    }
    if (passed)
        *passed = np;
    if (failed)
        *failed = nf;
    if (skipped)
        *skipped = ns;
    return 1;
}
