/**
 * The portable mask PRG of `prg.ts` on WebCrypto (`globalThis.crypto.subtle`, present in Node
 * ≥ 20 and every current browser): HKDF-SHA256 → AES-256-CTR over a zero buffer. The default
 * target of the `#prg-backend` import; `prg-node.ts` is its `node` counterpart (same bytes).
 */
import { SecAggError } from './errors.ts';
import { DEFAULT_MASK_CONCURRENCY, KDF_SALT, fromLittleEndian, type MaskPrg, type MaskTerm } from './prg.ts';

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (s === undefined) throw new SecAggError('CRYPTO_UNAVAILABLE', 'WebCrypto (globalThis.crypto.subtle) is not available');
  return s;
}

/** WebCrypto's typings want ArrayBuffer-backed views; copy only the rare SharedArrayBuffer case. */
function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

async function hkdfKey(secret: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', bufferSource(secret), 'HKDF', false, ['deriveKey', 'deriveBits']);
}

async function deriveAesKey(secret: Uint8Array, info: Uint8Array): Promise<CryptoKey> {
  const ikm = await hkdfKey(secret);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bufferSource(KDF_SALT), info: bufferSource(info) },
    ikm,
    { name: 'AES-CTR', length: 256 },
    false,
    ['encrypt'],
  );
}

/** WebCrypto copies its input, so one zero buffer serves every expansion (memory O(L)). */
let zeroes: Uint8Array<ArrayBuffer> = new Uint8Array(0);
function zeroBytes(length: number): Uint8Array<ArrayBuffer> {
  if (zeroes.length < length) zeroes = new Uint8Array(length);
  return zeroes.subarray(0, length);
}

const COUNTER_BLOCK = new Uint8Array(16);

/** Expands `length` uint32 mask words: one AES-CTR call over a zero buffer of 4·length bytes. */
export async function expandMask(secret: Uint8Array, info: Uint8Array, length: number): Promise<Uint32Array> {
  const key = await deriveAesKey(secret, info);
  const stream = await subtle().encrypt({ name: 'AES-CTR', counter: COUNTER_BLOCK, length: 64 }, key, zeroBytes(4 * length));
  return fromLittleEndian(new Uint32Array(stream));
}

/**
 * Adds (or subtracts) every term's PRG expansion into `target`, mod 2^32, keeping at most
 * `concurrency` expansions alive: memory stays O(concurrency · L) however many terms there are.
 * `terms` may be a lazy generator, so e.g. key agreements happen only as masks are needed.
 */
export async function applyMasks(
  target: Uint32Array,
  terms: Iterable<MaskTerm>,
  concurrency = DEFAULT_MASK_CONCURRENCY,
): Promise<number> {
  const length = target.length;
  const iterator = terms[Symbol.iterator]();
  const inflight: Array<{ promise: Promise<Uint32Array>; sign: 1 | -1 }> = [];
  let applied = 0;
  const issue = (): boolean => {
    const next = iterator.next();
    if (next.done === true) return false;
    const term = next.value;
    const promise = expandMask(term.secret, term.info, length);
    promise.catch(() => undefined); // awaited in order below; avoids an unhandled rejection meanwhile
    inflight.push({ promise, sign: term.sign });
    return true;
  };
  while (inflight.length < concurrency && issue());
  while (inflight.length > 0) {
    const head = inflight.shift() as { promise: Promise<Uint32Array>; sign: 1 | -1 };
    const mask = await head.promise;
    issue();
    // Uint32Array stores reduce mod 2^32, so += and -= are exact modular arithmetic.
    if (head.sign === 1) for (let i = 0; i < length; i++) target[i] = (target[i] as number) + (mask[i] as number);
    else for (let i = 0; i < length; i++) target[i] = (target[i] as number) - (mask[i] as number);
    applied++;
  }
  return applied;
}

/** The portable mask PRG: {@link applyMasks} over WebCrypto. */
export const webCryptoMaskPrg: MaskPrg = {
  name: 'webcrypto',
  apply: (target, terms, options) => applyMasks(target, terms, options?.concurrency),
};

/** What `#prg-backend` exports under every condition: here, the WebCrypto PRG. */
export const platformMaskPrg: MaskPrg = webCryptoMaskPrg;
