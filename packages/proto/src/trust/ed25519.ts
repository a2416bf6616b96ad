/**
 * Ed25519 through WebCrypto (Node 20+ and current browsers), for the statements an authority
 * signs. A signing key is its 32-byte seed and 32-byte public key (RFC 8032 §5.1.5); WebCrypto
 * takes it as a JWK. Verification, which a device runs for every peer's certificate, goes
 * through a native path where there is one (`#native-crypto`: libsodium or node:crypto in Node).
 */
import { nativeCrypto } from '#native-crypto';
import { fromBase64Url, toBase64Url } from './base64.ts';

export interface SigningKeyPair {
  /** The 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** The 32-byte private seed. Keep it apart from the coordinator. */
  readonly seed: Uint8Array;
}

export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SEED_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

const subtle = () => globalThis.crypto.subtle;
const buf = (b: Uint8Array) => b as Uint8Array<ArrayBuffer>;

/** A fresh key pair from the platform CSPRNG. */
export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  return { publicKey: fromBase64Url(jwk.x as string), seed: fromBase64Url(jwk.d as string) };
}

/** Signs `message` with the key pair (the public key must be the seed's). */
export async function ed25519Sign(key: SigningKeyPair, message: Uint8Array): Promise<Uint8Array> {
  if (key.seed.length !== ED25519_SEED_LENGTH) throw new RangeError(`an Ed25519 seed has ${ED25519_SEED_LENGTH} bytes, got ${key.seed.length}`);
  if (key.publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) throw new RangeError(`an Ed25519 public key has ${ED25519_PUBLIC_KEY_LENGTH} bytes, got ${key.publicKey.length}`);
  const jwk: JsonWebKey = { kty: 'OKP', crv: 'Ed25519', d: toBase64Url(key.seed), x: toBase64Url(key.publicKey) };
  const secret = await subtle().importKey('jwk', jwk, { name: 'Ed25519' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('Ed25519', secret, buf(message)));
}

/**
 * Imported verification keys, newest last: a device checks every peer's certificate under the
 * same few pinned authority keys each round, and an import costs about as much as a verification.
 * Public keys only; bounded.
 */
const verifyKeys = new Map<string, Promise<CryptoKey>>();
const VERIFY_KEYS_KEPT = 64;

function verifyKey(publicKey: Uint8Array): Promise<CryptoKey> {
  const id = toBase64Url(publicKey);
  let key = verifyKeys.get(id);
  if (key) {
    // Most recently used last, so that the pinned keys stay while peers' keys pass through.
    verifyKeys.delete(id);
  } else {
    key = subtle().importKey('raw', buf(publicKey.slice()), { name: 'Ed25519' }, false, ['verify']);
    key.catch(() => verifyKeys.delete(id));
    if (verifyKeys.size >= VERIFY_KEYS_KEPT) verifyKeys.delete(verifyKeys.keys().next().value as string);
  }
  verifyKeys.set(id, key);
  return key;
}

/** True when `signature` is `publicKey`'s signature of `message`; false for any malformed input. */
export async function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (publicKey.length !== ED25519_PUBLIC_KEY_LENGTH || signature.length !== ED25519_SIGNATURE_LENGTH) return false;
  if (nativeCrypto) return nativeCrypto.ed25519Verify(publicKey, message, signature);
  try {
    return await subtle().verify('Ed25519', await verifyKey(publicKey), buf(signature), buf(message));
  } catch {
    return false;
  }
}

/** The public key of a seed (checks a key file whose two halves must match). */
export async function ed25519PublicKeyOf(seed: Uint8Array): Promise<Uint8Array> {
  // WebCrypto derives the public key on import of a PKCS#8 private key (RFC 8410 §7).
  const pkcs8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...seed]);
  const key = await subtle().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtle().exportKey('jwk', key);
  return fromBase64Url(jwk.x as string);
}
