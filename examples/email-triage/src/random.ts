/**
 * Seeded randomness for the simulation: data splits, client partitions, cohort choice and local
 * shuffling. Not cryptographic — it only has to make every run of the demo reproducible.
 */

/** A source of uniform floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger, 2017): a 32-bit state generator that passes gjrand and
 * PractRand to 2^32 outputs; plenty for shuffles and Gamma draws over a few thousand items.
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes several integers into one 32-bit seed (the splitmix32 finaliser), so that independent
 * streams — e.g. (run seed, round, client) — do not start from neighbouring states.
 */
export function deriveSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** Standard normal draw by the Box–Muller transform. */
export function normal(rng: Rng): number {
  // 1 - u keeps the log argument in (0, 1].
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Gamma(shape, 1) draw. Marsaglia & Tsang, "A simple method for generating gamma variables",
 * ACM TOMS 26(3), 2000; for shape < 1 their §6 boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
export function gamma(shape: number, rng: Rng): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) return gamma(shape + 1, rng) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Dirichlet(concentration) draw as normalised Gamma draws. */
export function dirichlet(concentration: readonly number[], rng: Rng): number[] {
  const draws = concentration.map((a) => gamma(a, rng));
  const total = draws.reduce((s, x) => s + x, 0);
  // With very small concentrations every draw can underflow to 0; fall back to one-hot.
  if (!(total > 0)) {
    const hot = Math.floor(rng() * draws.length);
    return draws.map((_, i) => (i === hot ? 1 : 0));
  }
  return draws.map((x) => x / total);
}
