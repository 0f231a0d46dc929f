#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the CAVP-format (.rsp) files of the GCM specification's test cases used by the crypto
# tests: gcm_spec_encrypt.rsp, gcm_spec_decrypt.rsp (each group also gets a copy of its first
# vector with the last tag bit flipped, marked FAIL) and gcm_wrong_vector.rsp (test case 3 with a
# changed ciphertext byte, which tonic-crypto-vectors must count as failed). The values are typed
# in from "The Galois/Counter Mode of Operation (GCM)", McGrew and Viega, test cases 1-18; the test
# crypto_gcm_spec_vectors_match_openssl checks every one of them against OpenSSL.
# Usage: tests/crypto/gcm_spec_rsp.py   (writes into its own folder)
import os

K0 = '00000000000000000000000000000000'
K3 = 'feffe9928665731c6d6a8f9467308308'
P3 = ('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72'
      '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255')
P4 = P3[:120]
A4 = 'feedfacedeadbeeffeedfacedeadbeefabaddad2'
IV3 = 'cafebabefacedbaddecaf888'
IV5 = 'cafebabefacedbad'
IV6 = ('9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728'
       'c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b')
IV0 = '000000000000000000000000'
C3 = ('42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e'
      '21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985')
C9 = ('3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c'
      '7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256')
C15 = ('522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa'
       '8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad')
# test case: (key, plaintext, AAD, IV, ciphertext, tag)
TC = {
    1: (K0, '', '', IV0, '', '58e2fccefa7e3061367f1d57a4e7455a'),
    2: (K0, K0, '', IV0, '0388dace60b6a392f328c2b971b2fe78', 'ab6e47d42cec13bdf53a67b21257bddf'),
    3: (K3, P3, '', IV3, C3, '4d5c2af327cd64a62cf35abd2ba6fab4'),
    4: (K3, P4, A4, IV3, C3[:120], '5bc94fbc3221a5db94fae95ae7121a47'),
    5: (K3, P4, A4, IV5, '61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f9'
        '7b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598', '3612d2e79e3b0785561be14aaca2fccb'),
    6: (K3, P4, A4, IV6, '8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3c'
        'ca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5', '619cc5aefffe0bfa462af43c1699d050'),
    7: (K0 + K0[:16], '', '', IV0, '', 'cd33b28ac773f74ba00ed1f312572435'),
    8: (K0 + K0[:16], K0, '', IV0, '98e7247c07f0fe411c267e4384b0f600', '2ff58d80033927ab8ef4d4587514f0fb'),
    9: (K3 + K3[:16], P3, '', IV3, C9, '9924a7c8587336bfb118024db8674a14'),
    10: (K3 + K3[:16], P4, A4, IV3, C9[:120], '2519498e80f1478f37ba55bd6d27618c'),
    11: (K3 + K3[:16], P4, A4, IV5, '0f10f599ae14a154ed24b36e25324db8c566632ef2bbb34f8347280f'
         'c4507057fddc29df9a471f75c66541d4d4dad1c9e93a19a58e8b473fa0f062f7', '65dcc57fcf623a24094fcca40d3533f8'),
    12: (K3 + K3[:16], P4, A4, IV6, 'd27e88681ce3243c4830165a8fdcf9ff1de9a1d8e6b447ef6ef7b798'
         '28666e4581e79012af34ddd9e2f037589b292db3e67c036745fa22e7e9b7373b', 'dcf566ff291c25bbb8568fc3d376a6d9'),
    13: (K0 + K0, '', '', IV0, '', '530f8afbc74536b9a963b4f1c4cb738b'),
    14: (K0 + K0, K0, '', IV0, 'cea7403d4d606b6e074ec5d3baf39d18', 'd0d1c8a799996bf0265b98b5d48ab919'),
    15: (K3 + K3, P3, '', IV3, C15, 'b094dac5d93471bdec1a502270e3cc6c'),
    16: (K3 + K3, P4, A4, IV3, C15[:120], '76fc6ece0f4e1768cddf8853bb2d551b'),
    17: (K3 + K3, P4, A4, IV5, 'c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d7'
         '9bba9de0feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f', '3a337dbf46a792c45e454913fe2ea8f2'),
    18: (K3 + K3, P4, A4, IV6, '5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f'
         '6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f', 'a44a8266ee1c8eb0c8b5d4cf5ae9f19a'),
}


def groups():
    g = {}
    for n, (k, p, a, iv, c, t) in sorted(TC.items()):
        key = (len(k) * 4, len(iv) * 4, len(p) * 4, len(a) * 4, len(t) * 4)
        g.setdefault(key, []).append((n, k, p, a, iv, c, t))
    return sorted(g.items())


HDR = ('# CAVS-format response file written for tonic\'s tests (tests/crypto/gcm_spec_rsp.py):\n'
       '# the test cases of "The Galois/Counter Mode of Operation (GCM)" (McGrew, Viega), {what}.\n'
       '# Test cases 5, 6, 11, 12, 17 and 18 use 64- and 480-bit IVs (the hardware takes 96 only).\n\n')


def write(mode):
    out = [HDR.format(what='GCM ' + ('Encrypt' if mode == 'encrypt' else 'Decrypt') + ', all key sizes')]
    for (kl, ivl, pl, al, tl), vs in groups():
        out.append(f'[Keylen = {kl}]\n[IVlen = {ivl}]\n[PTlen = {pl}]\n[AADlen = {al}]\n[Taglen = {tl}]\n\n')
        for i, (n, k, p, a, iv, c, t) in enumerate(vs):
            out.append(f'Count = {i}\nKey = {k}\nIV = {iv}\n')
            if mode == 'encrypt':
                out.append(f'PT = {p}\nAAD = {a}\nCT = {c}\nTag = {t}\n\n')
            else:
                out.append(f'CT = {c}\nAAD = {a}\nTag = {t}\nPT = {p}\n\n')
        if mode == 'decrypt':
            n, k, p, a, iv, c, t = vs[0]
            t2 = t[:-1] + '%x' % (int(t[-1], 16) ^ 1)
            out.append(f'Count = {len(vs)}\nKey = {k}\nIV = {iv}\nCT = {c}\nAAD = {a}\nTag = {t2}\nFAIL\n\n')
    return ''.join(out)


here = os.path.dirname(os.path.abspath(__file__))
enc = write('encrypt')
open(os.path.join(here, 'gcm_spec_encrypt.rsp'), 'w').write(enc)
open(os.path.join(here, 'gcm_spec_decrypt.rsp'), 'w').write(write('decrypt'))
bad = C3[:10] + '%02x' % (int(C3[10:12], 16) ^ 0x80) + C3[12:]
wrong = enc.replace('CT = ' + C3 + '\n', 'CT = ' + bad + '\n', 1)
wrong = wrong.replace('# CAVS-format', '# Test case 3 has a deliberately changed ciphertext byte (must count as failed).\n# CAVS-format', 1)
open(os.path.join(here, 'gcm_wrong_vector.rsp'), 'w').write(wrong)
