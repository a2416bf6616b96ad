import { createCipheriv, createHash } from 'node:crypto';
import type { RandomSource } from '../../src/random.ts';

/** A reproducible random source: the AES-128-CTR keystream of a key derived from `seed`. */
export function seededRandom(seed: string | number): RandomSource {
  const key = createHash('sha256').update(`conclave test seed ${seed}`).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  return (out) => {
    const bytes = cipher.update(Buffer.alloc(out.byteLength));
    new Uint8Array(out.buffer, out.byteOffset, out.byteLength).set(bytes);
  };
}
