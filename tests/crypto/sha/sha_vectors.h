/* SPDX-License-Identifier: MIT */
/* sha_vectors.h — run a NIST CAVP response file of SHA-256 or HMAC-SHA-256 vectors through the
 * RTL (tonic_hmac_sha256 in Verilator, linked into the tonic_sha_vectors library). Used by the
 * tonic-crypto-vectors command and by sha_vectors_test.
 *
 * Files understood: SHA-256 ShortMsg/LongMsg (Len, Msg, MD; lengths that are not whole bytes are
 * skipped), SHA Monte-Carlo files (Seed, COUNT, MD: every MD skipped), HMAC files ([L=n] sections
 * with Count, Klen, Tlen, Key, Msg, Mac; sections other than L=32 skipped, Tlen outside 1..32
 * skipped; keys over 64 bytes are hashed by the engine first, as the firmware would).
 *
 * Returns 1 when the file was recognised and run (counts filled in), 0 when it is not a SHA or
 * HMAC file (counts zero), -1 on an error (unreadable or malformed file; a message on stderr).
 * A vector passes when the engine's digest (or MAC, and its verification) equals the file's
 * bytes exactly. Any count pointer may be NULL. */
#ifndef TONIC_SHA_VECTORS_H
#define TONIC_SHA_VECTORS_H

#ifdef __cplusplus
extern "C" {
#endif

int tonic_sha_vectors_file(const char *path, unsigned *passed, unsigned *failed, unsigned *skipped);

#ifdef __cplusplus
}
#endif

#endif /* TONIC_SHA_VECTORS_H */
