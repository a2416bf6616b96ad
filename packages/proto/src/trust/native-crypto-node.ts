/**
 * `#native-crypto` under the `node` condition, synchronous: SHA-256 through node:crypto; Ed25519
 * verification through libsodium when the optional `sodium-native` loads (about half OpenSSL 3's
 * time, `pnpm bench:native-crypto`, and raw keys, no import), else node:crypto. The loader is
 * written again in `@conclave/secagg`'s crypto-node.ts: neither library depends on the other.
 * `CONCLAVE_NATIVE_CRYPTO=openssl` keeps OpenSSL. Node-only: package code reaches it only
 * through the `#native-crypto` import.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import type { NativeCrypto } from './native-crypto.ts';

type SodiumVerify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

function loadSodiumVerify(): SodiumVerify | undefined {
  if (process.env.CONCLAVE_NATIVE_CRYPTO === 'openssl') return undefined;
  try {
    const verifyDetached = (createRequire(import.meta.url)('sodium-native') as { crypto_sign_verify_detached?: SodiumVerify }).crypto_sign_verify_detached;
    return typeof verifyDetached === 'function' ? verifyDetached : undefined;
  } catch {
    return undefined;
  }
}

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

function sha256(bytes: Uint8Array): Uint8Array {
  const d = createHash('sha256').update(bytes).digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/** node:crypto (OpenSSL) for both. */
export const opensslCrypto: NativeCrypto = {
  sha256,
  ed25519Verify: (publicKey, message, signature) => {
    try {
      return verify(null, message, verifyKey(publicKey), signature);
    } catch {
      return false;
    }
  },
};

const sodiumVerify = loadSodiumVerify();

/** libsodium's verification, where sodium-native loads. */
export const sodiumCrypto: NativeCrypto | undefined = sodiumVerify && {
  sha256,
  ed25519Verify: (publicKey, message, signature) => {
    // libsodium takes any lengths and reads past none, but a short key or signature is refused here as OpenSSL refuses it.
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return sodiumVerify(signature, message, publicKey);
    } catch {
      return false;
    }
  },
};

export const nativeCrypto: NativeCrypto | undefined = sodiumCrypto ?? opensslCrypto;
