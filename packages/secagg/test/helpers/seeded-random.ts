/**
 * Deterministic CSPRNG for tests: AES-256-CTR keystream (node:crypto) keyed by
 * SHA-256("conclave/secagg test" ‖ seed). The same seed replays the same round exactly.
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { RandomSource } from '../../src/random.ts';

const BLOCK = 4096;

export class SeededRandom {
  readonly #cipher;
  #buffer = new Uint8Array(0);
  #offset = 0;

  constructor(seed: string | number) {
    const key = createHash('sha256').update(`conclave/secagg test\0${String(seed)}`).digest();
    this.#cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  }

  /** A RandomSource view of this stream, for injecting into the library. */
  readonly fill: RandomSource = (bytes) => {
    let written = 0;
    while (written < bytes.length) {
      if (this.#offset === this.#buffer.length) {
        this.#buffer = new Uint8Array(this.#cipher.update(Buffer.alloc(BLOCK)));
        this.#offset = 0;
      }
      const n = Math.min(bytes.length - written, this.#buffer.length - this.#offset);
      bytes.set(this.#buffer.subarray(this.#offset, this.#offset + n), written);
      written += n;
      this.#offset += n;
    }
  };

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    this.fill(out);
    return out;
  }

  uint32(): number {
    const b = this.bytes(4);
    return ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16) | ((b[3] as number) << 24)) >>> 0;
  }

  /** Uniform integer in [0, bound). */
  below(bound: number): number {
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    for (;;) {
      const w = this.uint32();
      if (w < limit) return w % bound;
    }
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }

  /** A k-subset of 0 … n−1 (partial Fisher–Yates). */
  sample(n: number, k: number): number[] {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + this.below(n - i);
      [a[i], a[j]] = [a[j] as number, a[i] as number];
    }
    return a.slice(0, k);
  }
}
