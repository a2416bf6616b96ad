/**
 * The asymmetric primitives (X25519, Ed25519) and the mask PRG behind one small interface with
 * two implementations: tweetnacl + WebCrypto (portable, runs everywhere) and node:crypto
 * (native, selected at run time in Node by {@link loadCryptoProvider}). Both are wrapped by {@link defineProvider},
 * which applies the same input checks to each so they agree on every input, not only on
 * honest ones; `test/crypto-providers.test.ts` proves they produce identical bytes.
 *
 * Authenticated encryption of shares is NaCl box ({@link naclBox}): the X25519 half goes
 * through the provider, the XSalsa20-Poly1305 half always through tweetnacl.
 */
import nacl from 'tweetnacl';
import { isAllZero } from './bytes.ts';
import { SecAggError } from './errors.ts';
import { webCryptoMaskPrg, type MaskPrg } from './prg.ts';

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

/** The portable implementation (tweetnacl 1.0.3, a port of TweetNaCl by Bernstein et al.). */
export const tweetnaclProvider: CryptoProvider = defineProvider({
  name: 'tweetnacl',
  maskPrg: webCryptoMaskPrg,
  x25519: (secretKey) => {
    const sk = secretKey.slice();
    return { publicKey: () => nacl.scalarMult.base(sk), agree: (peerPublicKey) => nacl.scalarMult(sk, peerPublicKey) };
  },
  ed25519PublicKey: (seed) => nacl.sign.keyPair.fromSeed(seed).publicKey,
  ed25519Sign: (seed, message) => nacl.sign.detached(message, nacl.sign.keyPair.fromSeed(seed).secretKey),
  ed25519Verify: (publicKey, message, signature) => nacl.sign.detached.verify(message, signature, publicKey),
});

let nodeProvider: Promise<CryptoProvider> | undefined;

/**
 * The fastest provider this runtime offers: node:crypto in Node (native X25519 is ~10× faster
 * than tweetnacl, Ed25519 ~50×, masks ~2×), tweetnacl + WebCrypto elsewhere. The Node module is imported only when
 * `process.versions.node` is present, so browser bundles never evaluate it.
 */
export function loadCryptoProvider(): Promise<CryptoProvider> {
  const isNode = typeof globalThis.process === 'object' && typeof globalThis.process?.versions?.node === 'string';
  if (!isNode) return Promise.resolve(tweetnaclProvider);
  nodeProvider ??= import('./crypto-node.ts').then(
    (m) => m.nodeCryptoProvider,
    () => tweetnaclProvider,
  );
  return nodeProvider;
}

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
