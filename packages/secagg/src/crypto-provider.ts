/**
 * The asymmetric primitives (X25519, Ed25519) and the mask PRG behind one small interface with
 * two implementations: tweetnacl + WebCrypto (`crypto-web.ts`, portable, runs everywhere) and
 * node:crypto (`crypto-node.ts`, native). The `#crypto-backend` import picks one by the `node`
 * condition and `loadCryptoProvider()` (`load-crypto-provider.ts`) loads it. Both are wrapped by
 * {@link defineProvider}, which applies the same input checks to each so they agree on every
 * input, not only on honest ones; `test/crypto-providers.test.ts` proves they produce
 * identical bytes. This file imports neither implementation.
 *
 * Authenticated encryption of shares is NaCl box (`nacl-box.ts`): the X25519 half goes
 * through the provider, the XSalsa20-Poly1305 half always through tweetnacl.
 */
import { isAllZero } from './bytes.ts';
import { SecAggError } from './errors.ts';
import type { MaskPrg } from './prg.ts';

export const X25519_KEY_LENGTH = 32;
export const ED25519_SEED_LENGTH = 32;
export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

/** One imported X25519 secret key: its public key, and agreement with any peer key. */
export interface X25519KeyPair {
  /** RFC 7748 §6.1: X25519(sk, 9). Computed on first use. */
  readonly publicKey: Uint8Array;
  /**
   * The 32-byte shared secret X25519(sk, peer). Throws `MALFORMED_MESSAGE` when it is all
   * zero, i.e. the peer key has small order (RFC 7748 §6.1).
   */
  agree(peerPublicKey: Uint8Array): Uint8Array;
}

export interface CryptoProvider {
  /** 'tweetnacl' or 'node', for logs and benchmarks. */
  readonly name: string;
  /**
   * Imports one 32-byte X25519 secret key (clamped inside, RFC 7748 §5). Importing once
   * matters to the native path: the server agrees one reconstructed key with every surviving
   * neighbour of a dropped client, and each client uses its keys k times.
   */
  x25519(secretKey: Uint8Array): X25519KeyPair;
  /** Ed25519 public key of a 32-byte seed (RFC 8032 §5.1.5). */
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  /** Deterministic Ed25519 signature (RFC 8032 §5.1.6). */
  ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
  /** Ed25519 verification; false (never a throw) for any malformed key or signature. */
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** The mask PRG (HKDF-SHA256 → AES-256-CTR; identical bytes in every implementation). */
  readonly maskPrg: MaskPrg;
}

/** The raw operations a backend supplies; {@link defineProvider} adds the shared checks. */
export interface RawCryptoBackend {
  readonly name: string;
  readonly maskPrg: MaskPrg;
  /** `agree` may return all-zero output or throw for small-order peer keys; both are normalised. */
  x25519(secretKey: Uint8Array): { publicKey(): Uint8Array; agree(peerPublicKey: Uint8Array): Uint8Array };
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** Group order L of edwards25519, little-endian (RFC 8032 §5.1). */
const ED25519_ORDER_LE = Uint8Array.from([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
]);

/**
 * RFC 8032 §5.1.7 step 1 requires S < L. OpenSSL enforces it; tweetnacl does not, so a
 * malleated signature (S + L) would verify on one backend and not the other. We check it here
 * for both.
 */
function hasCanonicalScalar(signature: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const s = signature[32 + i] as number;
    const l = ED25519_ORDER_LE[i] as number;
    if (s < l) return true;
    if (s > l) return false;
  }
  return false; // S == L
}

function requireLength(what: string, bytes: Uint8Array, length: number): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    const got = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes;
    throw new SecAggError('WRONG_LENGTH', `${what} has ${got}, expected ${length} bytes`);
  }
}

export function defineProvider(raw: RawCryptoBackend): CryptoProvider {
  return {
    name: raw.name,
    maskPrg: raw.maskPrg,
    x25519(secretKey) {
      requireLength('X25519 secret key', secretKey, X25519_KEY_LENGTH);
      const key = raw.x25519(secretKey);
      let publicKey: Uint8Array | undefined;
      return {
        get publicKey() {
          publicKey ??= key.publicKey();
          return publicKey;
        },
        agree(peerPublicKey) {
          requireLength('X25519 public key', peerPublicKey, X25519_KEY_LENGTH);
          let shared: Uint8Array;
          try {
            shared = key.agree(peerPublicKey);
          } catch (cause) {
            throw new SecAggError('MALFORMED_MESSAGE', 'X25519 agreement failed: peer public key has small order', { cause });
          }
          if (isAllZero(shared)) {
            throw new SecAggError('MALFORMED_MESSAGE', 'X25519 shared secret is all zero: peer public key has small order');
          }
          return shared;
        },
      };
    },
    ed25519PublicKey(seed) {
      requireLength('Ed25519 seed', seed, ED25519_SEED_LENGTH);
      return raw.ed25519PublicKey(seed);
    },
    ed25519Sign(seed, message) {
      requireLength('Ed25519 seed', seed, ED25519_SEED_LENGTH);
      return raw.ed25519Sign(seed, message);
    },
    ed25519Verify(publicKey, message, signature) {
      if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false;
      if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) return false;
      if (!hasCanonicalScalar(signature)) return false;
      try {
        return raw.ed25519Verify(publicKey, message, signature);
      } catch {
        return false;
      }
    },
  };
}
