/**
 * `#native-crypto` under the `node` condition: node:crypto (OpenSSL), synchronous. Node-only:
 * package code reaches it only through the `#native-crypto` import.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { NativeCrypto } from './native-crypto.ts';

/**
 * Imported verification keys, most recently used last: the pinned authority keys sign every
 * certificate a device checks, and an import costs about a seventh of a verification. Bounded.
 */
const verifyKeys = new Map<string, KeyObject>();
const VERIFY_KEYS_KEPT = 64;

function verifyKey(publicKey: Uint8Array): KeyObject {
  const x = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('base64url');
  let key = verifyKeys.get(x);
  if (key) {
    verifyKeys.delete(x);
  } else {
    // A JWK import takes the raw key directly (RFC 8037 §2); SPKI DER goes through OpenSSL's decoder.
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    if (verifyKeys.size >= VERIFY_KEYS_KEPT) verifyKeys.delete(verifyKeys.keys().next().value as string);
  }
  verifyKeys.set(x, key);
  return key;
}

export const nativeCrypto: NativeCrypto | undefined = {
  sha256: (bytes) => {
    const d = createHash('sha256').update(bytes).digest();
    return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  },
  ed25519Verify: (publicKey, message, signature) => {
    try {
      return verify(null, message, verifyKey(publicKey), signature);
    } catch {
      return false;
    }
  },
};
