import { describe, expect, it } from 'vitest';
import { NeighbourGraph } from '../src/graph.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

describe('NeighbourGraph (random Harary graph)', () => {
  const seed = new SeededRandom('graph').bytes(32);

  it('is k-regular, symmetric and loop-free, with x-coordinates 1 … k', () => {
    for (const [n, k] of [[10, 2], [10, 8], [101, 30], [1000, 58], [7, 6]] as const) {
      const g = new NeighbourGraph(n, k, seed);
      for (let u = 1; u <= n; u++) {
        const list = g.neighbours(u);
        expect(list.length).toBe(k);
        expect(new Set(list).size).toBe(k);
        expect(list.includes(u)).toBe(false);
        list.forEach((v, i) => {
          expect(g.areNeighbours(v, u)).toBe(true);
          expect(g.shareX(u, v)).toBe(i + 1);
        });
      }
    }
  });

  it('is determined by the seed, and differs between seeds', () => {
    const a = new NeighbourGraph(200, 20, seed);
    const b = new NeighbourGraph(200, 20, seed.slice());
    const c = new NeighbourGraph(200, 20, new SeededRandom('other').bytes(32));
    expect(Array.from(a.neighbours(17))).toEqual(Array.from(b.neighbours(17)));
    expect(Array.from(a.ringOrder())).not.toEqual(Array.from(c.ringOrder()));
  });

  it('k = n − 1 is the complete graph', () => {
    const g = new NeighbourGraph(9, 8, seed);
    expect(g.isComplete).toBe(true);
    expect(Array.from(g.neighbours(4))).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
  });

  it('rejects odd sparse degrees and out-of-range ids', () => {
    expect(() => new NeighbourGraph(10, 3, seed)).toThrow(/even/);
    expect(() => new NeighbourGraph(10, 10, seed)).toThrow(/even/);
    expect(() => new NeighbourGraph(10, 4, seed).neighbours(11)).toThrow(/not in a cohort/);
  });
});
