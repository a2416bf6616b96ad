/**
 * The worker-thread mask PRG (src/prg-node.ts, createWorkerMaskPrg) against the single-thread
 * node:crypto PRG: the same terms must leave exactly the same bits in the target, whatever the
 * vector length (around the 16 KB chunk and the batch size), the number of workers, the signs,
 * and however many sessions share the pool at once. A term source that throws fails the call.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { keyInfo, type MaskTerm } from '../src/prg.ts';
import { createWorkerMaskPrg, nodeMaskPrg } from '../src/prg-node.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

const rng = new SeededRandom('prg-workers');
const roundId = rng.bytes(16);
// Two and three workers adding with WebAssembly SIMD (the default), and two with the scalar add.
const pools = [
  createWorkerMaskPrg({ workers: 2, minWorkerLength: 1 }),
  createWorkerMaskPrg({ workers: 3, minWorkerLength: 1 }),
  createWorkerMaskPrg({ workers: 2, minWorkerLength: 1, simd: false }),
];
afterAll(() => Promise.all(pools.map((p) => p.close())));

function someTerms(count: number, tag: number): MaskTerm[] {
  return Array.from({ length: count }, (_, i) => ({
    secret: rng.bytes(32),
    info: keyInfo(i % 4 === 0 ? 'self-mask' : 'pairwise-mask', roundId, i + 1, tag),
    sign: (i % 3 === 0 ? -1 : 1) as 1 | -1,
  }));
}

describe('mask PRG on worker threads', () => {
  it('adds exactly the bits the single-thread PRG adds', async () => {
    expect(pools.map((p) => p.name)).toEqual(['node-workers-simd', 'node-workers-simd', 'node-workers']);
    for (const pool of pools) {
      // Lengths around the 16 KB chunk and the SIMD add's 4 words (the tail of length mod 4 is scalar).
      for (const [length, count] of [[1, 3], [6, 4], [4095, 5], [4096, 20], [4097, 9], [4098, 3], [8195, 6], [70_001, 13], [100_002, 4]] as const) {
        const terms = someTerms(count, length);
        const start = Uint32Array.from({ length }, () => rng.uint32());
        const single = start.slice();
        const pooled = start.slice();
        expect(await nodeMaskPrg.apply(single, terms)).toBe(count);
        expect(await pool.apply(pooled, terms)).toBe(count);
        expect(pooled).toEqual(single);
      }
    }
  });

  it('keeps concurrent sessions apart, and takes terms from a lazy generator', async () => {
    const pool = pools[0]!;
    const length = 20_000;
    const sets = [someTerms(30, 1), someTerms(7, 2), someTerms(0, 3), someTerms(45, 4)];
    const expected = await Promise.all(
      sets.map(async (terms) => {
        const out = new Uint32Array(length);
        await nodeMaskPrg.apply(out, terms);
        return out;
      }),
    );
    const results = await Promise.all(
      sets.map(async (terms) => {
        const out = new Uint32Array(length);
        function* lazy(): Generator<MaskTerm> {
          yield* terms;
        }
        expect(await pool.apply(out, lazy())).toBe(terms.length);
        return out;
      }),
    );
    results.forEach((r, i) => expect(r).toEqual(expected[i]));
  });

  it('rejects when the term source throws, and the pool still works afterwards', async () => {
    const pool = pools[0]!;
    const terms = someTerms(20, 9);
    function* failing(): Generator<MaskTerm> {
      yield* terms.slice(0, 12);
      throw new Error('agreement failed for client 7');
    }
    await expect(pool.apply(new Uint32Array(50_000), failing())).rejects.toThrow('agreement failed for client 7');
    const single = new Uint32Array(50_000);
    const pooled = new Uint32Array(50_000);
    await nodeMaskPrg.apply(single, terms);
    await pool.apply(pooled, terms);
    expect(pooled).toEqual(single);
  });

  it('does not let the caller\'s secrets be changed by the workers', async () => {
    const terms = someTerms(5, 11);
    const copies = terms.map((t) => t.secret.slice());
    await pools[1]!.apply(new Uint32Array(8192), terms);
    terms.forEach((t, i) => expect(t.secret).toEqual(copies[i]));
  });
});
