/**
 * Native fast paths for X25519 and Ed25519 — libsodium (`sodium-node.ts`) when sodium-native
 * loads, else node:crypto (OpenSSL) — and the mask PRG (`prg-node.ts`). Node-only: package code
 * reaches it only through the `#crypto-backend` import, whose `node` condition selects it
 * (`loadCryptoProvider()`); tests import both native providers to compare them with tweetnacl.
 *
 * Raw 32-byte keys enter OpenSSL as DER (PKCS#8 for secret keys, RFC 8410 §7) or JWK (public
 * keys, RFC 8037 §2): a JWK public-key import costs ~7 µs against ~65 µs for SPKI DER.
 */
import { createPrivateKey, createPublicKey, diffieHellman, sign, verify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { bytesEqual } from './bytes.ts';
import { defineProvider, type CryptoProvider } from './crypto-provider.ts';
import { platformMaskPrg } from '#prg-backend';

/** PKCS#8 PrivateKeyInfo prefixes for a 32-byte raw key (RFC 8410 §7): X25519 OID 1.3.101.110, Ed25519 OID 1.3.101.112. */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function rawPrivateKey(prefix: Buffer, raw: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'pkcs8' });
}

/**
 * Imported public keys by the caller's array: the server agrees each survivor's masking key with
 * every dropped neighbour's reconstructed key (≈ 80 times per survivor at k = 274, 30 % dropout),
 * and an import is a fifth of an agreement's cost. Entries live as long as the caller's array; a
 * copy of the bytes is compared on every hit, so an array changed after use is imported again.
 */
const importedPublicKeys = { X25519: new WeakMap<Uint8Array, { bytes: Uint8Array; key: KeyObject }>(), Ed25519: new WeakMap<Uint8Array, { bytes: Uint8Array; key: KeyObject }>() };

function rawPublicKey(crv: 'X25519' | 'Ed25519', raw: Uint8Array): KeyObject {
  const cache = importedPublicKeys[crv];
  const hit = cache.get(raw);
  if (hit !== undefined && bytesEqual(hit.bytes, raw)) return hit.key;
  const key = createPublicKey({ key: { kty: 'OKP', crv, x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
  cache.set(raw, { bytes: raw.slice(), key });
  return key;
}

function exportRawPublic(key: KeyObject): Uint8Array {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('OpenSSL exported a public key without x');
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

function toUint8(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The X25519 base point u = 9 (RFC 7748 §4.1): X25519(sk, 9) is the public key. */
const X25519_BASE_POINT = new Uint8Array(32);
X25519_BASE_POINT[0] = 9;
let basePoint: KeyObject | undefined;

/**
 * Imports a raw X25519 secret key. PKCS#8 DER goes through OpenSSL 3's generic decoder
 * (~0.3–0.5 ms); a JWK import takes the raw key directly (~0.05 ms) but requires the public
 * `x`, which is what we are about to compute. Node derives the key from `d` alone, so we pass
 * the base point as a placeholder `x` and never read `x` back: the public key is computed as
 * X25519(d, 9) by `diffieHellman`, which uses only `d`. Should a Node version start checking
 * `x` against `d`, the JWK import throws and we fall back to PKCS#8.
 */
function x25519PrivateKey(secretKey: Uint8Array): KeyObject {
  try {
    const d = Buffer.from(secretKey).toString('base64url');
    return createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d, x: Buffer.from(X25519_BASE_POINT).toString('base64url') }, format: 'jwk' });
  } catch {
    return rawPrivateKey(X25519_PKCS8_PREFIX, secretKey);
  }
}

/**
 * Imports a raw Ed25519 seed the same way: PKCS#8 through OpenSSL 3's decoder measured 1.2 ms a
 * key on the loaded 2-core machine (a device signs twice a round, and the wire bench's hosts run
 * hundreds of devices), the JWK import 0.13 ms. Node builds the key from `d` alone and derives
 * the public key from it (RFC 8032 §5.1.5); the placeholder `x` is never used. We check that on
 * every import, for 16 µs: a key whose public half came out as the placeholder (a Node that took
 * `x` as given) would sign with the wrong public key, so it is imported again through PKCS#8.
 */
function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  try {
    const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: PLACEHOLDER_X }, format: 'jwk' });
    if (createPublicKey(key).export({ format: 'jwk' }).x !== PLACEHOLDER_X) return key;
  } catch {
    // fall through to PKCS#8
  }
  return rawPrivateKey(ED25519_PKCS8_PREFIX, seed);
}
const PLACEHOLDER_X = Buffer.from(X25519_BASE_POINT).toString('base64url');

/** node:crypto (OpenSSL). */
export const opensslCryptoProvider: CryptoProvider = defineProvider({
  name: 'node',
  maskPrg: platformMaskPrg,
  x25519: (secretKey) => {
    const privateKey = x25519PrivateKey(secretKey);
    return {
      publicKey: () => {
        basePoint ??= rawPublicKey('X25519', X25519_BASE_POINT);
        return toUint8(diffieHellman({ privateKey, publicKey: basePoint }));
      },
      agree: (peerPublicKey) => toUint8(diffieHellman({ privateKey, publicKey: rawPublicKey('X25519', peerPublicKey) })),
    };
  },
  ed25519PublicKey: (seed) => exportRawPublic(ed25519PrivateKey(seed)),
  ed25519Sign: (seed, message) => toUint8(sign(null, message, ed25519PrivateKey(seed))),
  ed25519Verify: (publicKey, message, signature) => verify(null, message, rawPublicKey('Ed25519', publicKey), signature),
});

/**
 * libsodium through `sodium-native`, an optional dependency that ships prebuilt binaries for
 * common platforms (nothing is built or downloaded at install). Its Ed25519 verification takes
 * about half OpenSSL 3's time (`pnpm bench:native-crypto`), and it takes raw 32-byte keys, so no
 * key import precedes an agreement or a verification (BENCHMARKS.md, "Fifth pass (2026-12-06):
 * libsodium for X25519 and Ed25519"). `@conclave/proto` loads it the same way for its trust checks.
 * `CONCLAVE_NATIVE_CRYPTO=openssl` keeps node:crypto (to compare the two); without sodium-native,
 * node:crypto is the path anyway. sodium-native throws where libsodium returns -1.
 */
interface Sodium {
  crypto_scalarmult(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
  crypto_scalarmult_base(q: Uint8Array, n: Uint8Array): void;
  crypto_sign_seed_keypair(pk: Uint8Array, sk: Uint8Array, seed: Uint8Array): void;
  crypto_sign_detached(sig: Uint8Array, m: Uint8Array, sk: Uint8Array): void;
  crypto_sign_verify_detached(sig: Uint8Array, m: Uint8Array, pk: Uint8Array): boolean;
}

function loadSodium(): Sodium | undefined {
  if (process.env.CONCLAVE_NATIVE_CRYPTO === 'openssl') return undefined;
  try {
    const na = createRequire(import.meta.url)('sodium-native') as Partial<Sodium>;
    return typeof na.crypto_sign_verify_detached === 'function' && typeof na.crypto_scalarmult === 'function' ? (na as Sodium) : undefined;
  } catch {
    return undefined;
  }
}

/** libsodium: raw keys throughout; the Ed25519 secret key (seed ‖ public key) is wiped after use. */
function libsodiumProvider(na: Sodium): CryptoProvider {
  const secretKeyOf = (seed: Uint8Array): { pk: Uint8Array; sk: Uint8Array } => {
    const pk = new Uint8Array(32);
    const sk = new Uint8Array(64);
    na.crypto_sign_seed_keypair(pk, sk, seed);
    return { pk, sk };
  };
  return defineProvider({
    name: 'node-libsodium',
    maskPrg: platformMaskPrg,
    x25519: (secretKey) => {
      const n = secretKey.slice();
      return {
        publicKey: () => {
          const q = new Uint8Array(32);
          na.crypto_scalarmult_base(q, n);
          return q;
        },
        agree: (peerPublicKey) => {
          const q = new Uint8Array(32);
          na.crypto_scalarmult(q, n, peerPublicKey);
          return q;
        },
      };
    },
    ed25519PublicKey: (seed) => {
      const { pk, sk } = secretKeyOf(seed);
      sk.fill(0);
      return pk;
    },
    ed25519Sign: (seed, message) => {
      const { sk } = secretKeyOf(seed);
      const signature = new Uint8Array(64);
      na.crypto_sign_detached(signature, message, sk);
      sk.fill(0);
      return signature;
    },
    ed25519Verify: (publicKey, message, signature) => {
      try {
        return na.crypto_sign_verify_detached(signature, message, publicKey);
      } catch {
        return false;
      }
    },
  });
}

/** libsodium, when sodium-native loads here. */
const sodium = loadSodium();
export const sodiumCryptoProvider: CryptoProvider | undefined = sodium ? libsodiumProvider(sodium) : undefined;

/** The native provider: libsodium when it loads, else node:crypto. */
export const nodeCryptoProvider: CryptoProvider = sodiumCryptoProvider ?? opensslCryptoProvider;

/** What `#crypto-backend` exports under every condition: here, the native provider. */
export const platformCryptoProvider: CryptoProvider = nodeCryptoProvider;
