/** SHA-256 (node:crypto in Node, WebCrypto elsewhere), and hex for digests in JSON. */
import { nativeCrypto } from '#native-crypto';

export const SHA256_LENGTH = 32;

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  if (nativeCrypto) return nativeCrypto.sha256(bytes);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('SHA-256 needs WebCrypto (globalThis.crypto.subtle), which this runtime lacks');
  return new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lowercase hex, through a table (a device hex-encodes every key of its cohort each round). */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

/** Decodes lowercase or uppercase hex of exactly `length` bytes; throws a RangeError naming `what`. */
export function fromHex(text: string, length: number, what: string): Uint8Array {
  if (typeof text !== 'string' || text.length !== length * 2 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new RangeError(`${what} must be ${length} bytes of hex, got ${JSON.stringify(text)}`);
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/**
 * A short, readable fingerprint of a public key: the first 8 bytes of SHA-256(key) in four
 * groups of hex, e.g. `3f2a-91c0-5e77-0b1d`. Shown next to an approver's name.
 */
export async function keyFingerprint(publicKey: Uint8Array): Promise<string> {
  const hex = toHex((await sha256(publicKey)).subarray(0, 8));
  return hex.match(/.{4}/g)!.join('-');
}
