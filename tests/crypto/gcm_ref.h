// SPDX-License-Identifier: MIT
//
// The reference for the GCM tests: OpenSSL's EVP AES-GCM (an independent implementation).
// gcm_ref_seal computes ciphertext and the full 16-byte tag; gcm_ref_open decrypts and reports
// whether EVP_DecryptFinal_ex accepted the (possibly truncated) tag.
#ifndef TONIC_TESTS_CRYPTO_GCM_REF_H
#define TONIC_TESTS_CRYPTO_GCM_REF_H

#include <openssl/evp.h>

#include <cstdint>
#include <vector>

static inline const EVP_CIPHER *gcm_ref_cipher(size_t klen)
{
    return klen == 16 ? EVP_aes_128_gcm() : klen == 24 ? EVP_aes_192_gcm() : EVP_aes_256_gcm();
}

static inline bool gcm_ref_seal(const uint8_t *key, size_t klen, const uint8_t *iv, size_t ivlen,
                                const std::vector<uint8_t> &aad, const std::vector<uint8_t> &pt,
                                std::vector<uint8_t> &ct, uint8_t tag[16])
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int n = 0, ok = 1;
    ct.assign(pt.size(), 0);
    ok &= EVP_EncryptInit_ex(x, gcm_ref_cipher(klen), nullptr, nullptr, nullptr);
    ok &= EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_SET_IVLEN, (int)ivlen, nullptr);
    ok &= EVP_EncryptInit_ex(x, nullptr, nullptr, key, iv);
    if (!aad.empty())
        ok &= EVP_EncryptUpdate(x, nullptr, &n, aad.data(), (int)aad.size());
    if (!pt.empty())
        ok &= EVP_EncryptUpdate(x, ct.data(), &n, pt.data(), (int)pt.size());
    ok &= EVP_EncryptFinal_ex(x, ct.data() + ct.size(), &n);
    ok &= EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_GET_TAG, 16, tag);
    EVP_CIPHER_CTX_free(x);
    return ok == 1;
}

static inline bool gcm_ref_open(const uint8_t *key, size_t klen, const uint8_t *iv, size_t ivlen,
                                const std::vector<uint8_t> &aad, const std::vector<uint8_t> &ct,
                                const uint8_t *tag, size_t taglen, std::vector<uint8_t> &pt)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int n = 0, ok = 1;
    pt.assign(ct.size(), 0);
    ok &= EVP_DecryptInit_ex(x, gcm_ref_cipher(klen), nullptr, nullptr, nullptr);
    ok &= EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_SET_IVLEN, (int)ivlen, nullptr);
    ok &= EVP_DecryptInit_ex(x, nullptr, nullptr, key, iv);
    if (!aad.empty())
        ok &= EVP_DecryptUpdate(x, nullptr, &n, aad.data(), (int)aad.size());
    if (!ct.empty())
        ok &= EVP_DecryptUpdate(x, pt.data(), &n, ct.data(), (int)ct.size());
    ok &= EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_SET_TAG, (int)taglen, const_cast<uint8_t *>(tag));
    int fin = EVP_DecryptFinal_ex(x, pt.data() + pt.size(), &n);
    EVP_CIPHER_CTX_free(x);
    return ok == 1 && fin == 1;
}

#endif
