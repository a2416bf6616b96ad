/**
 * NaCl box for the shares relayed through the server, split at its seam so the X25519 half can
 * take the crypto provider's native path while the XSalsa20-Poly1305 half stays on tweetnacl.
 */
import nacl from 'tweetnacl';

/** tweetnacl's low-level HSalsa20, present at run time but missing from its typings. */
const hsalsa20 = (nacl as unknown as {
  lowlevel: { crypto_core_hsalsa20(out: Uint8Array, input: Uint8Array, key: Uint8Array, constant: Uint8Array): void };
}).lowlevel.crypto_core_hsalsa20;
/** "expand 32-byte k" */
const SIGMA = Uint8Array.from([101, 120, 112, 97, 110, 100, 32, 51, 50, 45, 98, 121, 116, 101, 32, 107]);

/**
 * NaCl `box` split at its seam so the X25519 half can take the native path:
 * box(m, nonce, pk, sk) = secretbox(m, nonce, HSalsa20(X25519(sk, pk), 0^16)) (crypto_box_beforenm,
 * Bernstein, "Cryptography in NaCl", §7). Always tweetnacl for the symmetric half: node:crypto
 * has no XSalsa20, and shares are tiny.
 */
export const naclBox = {
  nonceLength: nacl.box.nonceLength,
  overheadLength: nacl.box.overheadLength,
  /** The box key for an X25519 shared secret (what nacl.box.before(pk, sk) returns). */
  beforeNm(sharedSecret: Uint8Array): Uint8Array {
    const key = new Uint8Array(32);
    hsalsa20(key, new Uint8Array(16), sharedSecret, SIGMA);
    return key;
  },
  seal(plaintext: Uint8Array, nonce: Uint8Array, boxKey: Uint8Array): Uint8Array {
    return nacl.secretbox(plaintext, nonce, boxKey);
  },
  open(ciphertext: Uint8Array, nonce: Uint8Array, boxKey: Uint8Array): Uint8Array | null {
    return nacl.secretbox.open(ciphertext, nonce, boxKey);
  },
} as const;
