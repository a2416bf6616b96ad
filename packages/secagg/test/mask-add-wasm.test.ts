/**
 * The SIMD add module of the mask workers (src/mask-add-wasm.ts) against the scalar `| 0` add:
 * add and sub over random words, wrapping mod 2^32, at unaligned byte offsets too, and nothing
 * outside [dst, dst + 4n) is touched.
 */
import { describe, expect, it } from 'vitest';
import { MASK_ADD_WASM } from '../src/mask-add-wasm.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

const rng = new SeededRandom('mask-add-wasm');

function instantiate(): { memory: WebAssembly.Memory; add(dst: number, src: number, n: number): void; sub(dst: number, src: number, n: number): void } {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { add, sub } = new WebAssembly.Instance(new WebAssembly.Module(MASK_ADD_WASM), { env: { memory } }).exports as Record<string, (d: number, s: number, n: number) => void>;
  return { memory, add: add!, sub: sub! };
}

describe('mask add module (WebAssembly SIMD)', () => {
  it('is a valid module exporting add and sub', () => {
    expect(WebAssembly.validate(MASK_ADD_WASM)).toBe(true);
    const names = WebAssembly.Module.exports(new WebAssembly.Module(MASK_ADD_WASM)).map((e) => e.name);
    expect(names).toEqual(['add', 'sub']);
  });

  for (const op of ['add', 'sub'] as const) {
    it(`${op} equals the scalar 32-bit ${op} mod 2^32, and touches only its n words`, () => {
      const m = instantiate();
      for (const [dst, src, n] of [[0, 4096, 0], [0, 4096, 4], [16, 8192, 1000], [4, 20_004, 2048], [40_000, 8, 4000]] as const) {
        const bytes = new Uint8Array(m.memory.buffer);
        bytes.set(rng.bytes(bytes.length));
        const before = bytes.slice();
        // The expected memory: the same bytes, with the n words at dst replaced by the scalar result.
        const expected = before.slice();
        const was = new DataView(before.buffer);
        const want = new DataView(expected.buffer);
        for (let i = 0; i < n; i++) {
          const a = was.getInt32(dst + 4 * i, true);
          const b = was.getInt32(src + 4 * i, true);
          want.setInt32(dst + 4 * i, op === 'add' ? (a + b) | 0 : (a - b) | 0, true);
        }
        m[op](dst, src, n);
        expect(Buffer.from(m.memory.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
        if (n > 0) expect(Buffer.from(m.memory.buffer).equals(Buffer.from(before.buffer))).toBe(false);
      }
    });
  }
});
