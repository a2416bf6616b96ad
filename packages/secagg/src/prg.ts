/**
 * The mask PRG. This file holds what every implementation shares: the key derivation input, the
 * byte order and the {@link MaskPrg} interface. `prg-web.ts` is the portable implementation on
 * WebCrypto (`globalThis.crypto.subtle`, present in Node ≥ 20 and every current browser);
 * `prg-node.ts` computes the same bytes with node:crypto and is what the Node crypto provider
 * uses (see there for why). Package code reaches the Node file only through the `#prg-backend`
 * import, whose `node` condition selects it.
 *
 *   key  = HKDF-SHA256(ikm = agreed secret or self-mask seed, salt = KDF_SALT,
 *                      info = purpose ‖ 0x00 ‖ roundId ‖ u32be(a) ‖ u32be(b))      (RFC 5869)
 *   mask = AES-256-CTR(key, counter block 0, 64-bit counter) applied to 4·L zero bytes,
 *          read as L little-endian uint32 values                              (NIST SP 800-38A)
 *
 * Every derived key is used for exactly one purpose, one round and one pair (or one client), so the all-zero initial counter block never repeats under a key. AES-256 rather than
 * AES-128: measured at the same speed through WebCrypto (the cost is allocation and copying,
 * not the cipher), and it removes any question about the PRG being the weakest link.
 */
import { concatBytes, utf8 } from './bytes.ts';

export const KDF_SALT = utf8('conclave/secagg/v1');

export type KeyPurpose =
  /** Pairwise mask p_{u,v} from s_{u,v} = KA(s_u^SK, s_v^PK); a = min(u,v), b = max(u,v). */
  | 'pairwise-mask'
  /** Self mask PRG(b_u); a = u, b = 0. */
  | 'self-mask';

/** utf8(purpose) ‖ 0x00, encoded once: the server derives tens of thousands of infos per round. */
const PURPOSE_PREFIX: Readonly<Record<KeyPurpose, Uint8Array>> = {
  'pairwise-mask': concatBytes(utf8('pairwise-mask'), new Uint8Array([0])),
  'self-mask': concatBytes(utf8('self-mask'), new Uint8Array([0])),
};

export function keyInfo(purpose: KeyPurpose, roundId: Uint8Array, a: number, b: number): Uint8Array {
  const prefix = PURPOSE_PREFIX[purpose];
  const out = new Uint8Array(prefix.length + roundId.length + 8);
  out.set(prefix, 0);
  out.set(roundId, prefix.length);
  const view = new DataView(out.buffer);
  view.setUint32(prefix.length + roundId.length, a, false);
  view.setUint32(prefix.length + roundId.length + 4, b, false);
  return out;
}

export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Byte-swaps in place on big-endian hosts so masks are the same numbers on every platform. */
export function fromLittleEndian(words: Uint32Array): Uint32Array {
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as number;
      words[i] = ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24);
    }
  }
  return words;
}

/** Expands masks and adds them into a vector; one implementation per runtime, same bytes. */
export interface MaskPrg {
  readonly name: string;
  /**
   * Adds Σ sign·PRG(term) into `target`, mod 2^32, holding only O(L) extra memory however many
   * terms there are. `terms` may be a lazy generator (key agreements then happen just in time).
   * Resolves to the number of terms applied.
   */
  apply(target: Uint32Array, terms: Iterable<MaskTerm>, options?: { readonly concurrency?: number }): Promise<number>;
}

export interface MaskTerm {
  /** The agreed secret s_{u,v} or the self-mask seed b_u. */
  readonly secret: Uint8Array;
  readonly info: Uint8Array;
  /** +1 adds the mask, -1 subtracts it (mod 2^32). */
  readonly sign: 1 | -1;
}

/**
 * Masks in flight at once. WebCrypto in Node runs AES on the libuv thread pool, so with a few
 * expansions queued the main thread adds one mask while the pool produces the next; 3 measured
 * best on 2 cores (0.30 ms per 400 kB mask including the addition, vs 0.54 ms one at a time).
 * @default 3
 */
export const DEFAULT_MASK_CONCURRENCY = 3;
