// SPDX-License-Identifier: MIT
//
// A reader for NIST CAVP response files (.rsp): "[Name = value]" group parameters, "Name = value"
// fields, a bare "FAIL" line (decrypt vectors whose tag must be rejected), "#" comments. A vector
// is the run of fields from one "Count = " line to the next blank line or group header. Used by
// tonic-crypto-vectors and the GCM testbench; knows the format, not the algorithms.
#ifndef TONIC_TESTS_CRYPTO_RSP_H
#define TONIC_TESTS_CRYPTO_RSP_H

#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

struct RspVector {
    unsigned line = 0;                                        // line of its "Count =" field
    std::map<std::string, std::string> params;                // the group's [Name = value]
    std::vector<std::pair<std::string, std::string>> fields;  // in file order
    bool fail = false;
    const std::string *get(const std::string &k) const
    {
        for (const auto &f : fields)
            if (f.first == k)
                return &f.second;
        return nullptr;
    }
    int index(const std::string &k) const
    {
        for (size_t i = 0; i < fields.size(); i++)
            if (fields[i].first == k)
                return (int)i;
        return -1;
    }
};

static inline std::string rsp_trim(const std::string &s)
{
    size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// Reads the file; false (with a message in err) if it cannot be opened or a line is not
// understood.
static inline bool rsp_read(const char *path, std::vector<RspVector> &out, std::string &err)
{
    FILE *f = std::fopen(path, "r");
    if (!f) {
        err = std::string("cannot open ") + path;
        return false;
    }
    std::map<std::string, std::string> params;
    bool in_vec = false, params_new = false;
    char buf[1 << 16];
    unsigned ln = 0;
    std::string pending;   // a line longer than the buffer is read in pieces
    out.clear();
    while (std::fgets(buf, sizeof buf, f)) {
        pending += buf;
        if (!pending.empty() && pending.back() != '\n' && !std::feof(f))
            continue;
        std::string l = rsp_trim(pending);
        pending.clear();
        ln++;
        if (l.empty()) {
            in_vec = false;
            continue;
        }
        if (l[0] == '#')
            continue;
        if (l[0] == '[') {
            size_t e = l.find(']'), q = l.find('=');
            if (e == std::string::npos) {
                err = "line " + std::to_string(ln) + ": unterminated [";
                std::fclose(f);
                return false;
            }
            if (params_new == false) {
                params.clear();
                params_new = true;
            }
            if (q != std::string::npos && q < e)
                params[rsp_trim(l.substr(1, q - 1))] = rsp_trim(l.substr(q + 1, e - q - 1));
            else
                params[rsp_trim(l.substr(1, e - 1))] = "";
            in_vec = false;
            continue;
        }
        params_new = false;
        if (l == "FAIL") {
            if (!in_vec) {
                err = "line " + std::to_string(ln) + ": FAIL outside a vector";
                std::fclose(f);
                return false;
            }
            out.back().fail = true;
            continue;
        }
        size_t q = l.find('=');
        if (q == std::string::npos) {
            err = "line " + std::to_string(ln) + ": not understood: " + l.substr(0, 60);
            std::fclose(f);
            return false;
        }
        std::string k = rsp_trim(l.substr(0, q)), v = rsp_trim(l.substr(q + 1));
        if (k == "Count" || !in_vec) {
            RspVector r;
            r.line = ln;
            r.params = params;
            out.push_back(r);
            in_vec = true;
        }
        out.back().fields.push_back({k, v});
    }
    std::fclose(f);
    return true;
}

#endif
