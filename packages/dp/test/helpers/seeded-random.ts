/**
 * A deterministic CSPRNG for repeatable tests: the AES-256-CTR keystream under
 * key = SHA-256(seed) and a zero counter block. Not for production (the seed is public).
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { RandomSource } from '../../src/index.ts';

export function seededRandom(seed: string): RandomSource {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  return (out) => {
    const keystream = cipher.update(Buffer.alloc(out.byteLength));
    new Uint8Array(out.buffer, out.byteOffset, out.byteLength).set(keystream);
  };
}
