/**
 * Throughput of @conclave/dp: the accountant at the default orders, calibration, and the
 * noise samplers with the default cryptographic source. Prints a Markdown table.
 *
 *   pnpm exec tsx packages/dp/bench/throughput.ts
 */
import {
  clipL2,
  computeDistributedRdp,
  computeRdp,
  decodeDistributedSum,
  encodeDistributedUpdate,
  epsilonFor,
  gaussianNoise,
  noiseMultiplierFor,
  noiseMultiplierForDistributed,
  planDistributedDp,
  sampleDiscreteGaussian,
} from '../src/index.ts';

const RUNS = 5;

function best(fn: () => unknown): number {
  let min = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const rows: [string, number, string][] = [];
function row(label: string, fn: () => unknown, per?: { count: number; unit: string }): void {
  const ms = best(fn);
  rows.push([label, ms, per ? `${((per.count / ms) * 1000).toExponential(2)} ${per.unit}/s` : '']);
}

for (const [q, sigma] of [
  [0.0025, 1.3],
  [0.01, 1.0],
  [0.5, 1.0],
] as const) {
  row(`computeRdp, 156 default orders, q=${q} σ=${sigma}`, () =>
    computeRdp({ samplingRate: q, noiseMultiplier: sigma, steps: 1000 }),
  );
}
row('epsilonFor, default orders, q=0.01 σ=1 δ=1e-6', () =>
  epsilonFor({ samplingRate: 0.01, noiseMultiplier: 1, steps: 1000, delta: 1e-6 }),
);
row('noiseMultiplierFor, default orders, q=0.01 T=1000 ε=3 δ=1e-6', () =>
  noiseMultiplierFor({ samplingRate: 0.01, steps: 1000, delta: 1e-6, targetEpsilon: 3 }),
);
row('noiseMultiplierFor, default orders, q=0.5 T=1000 ε=3 δ=1e-6', () =>
  noiseMultiplierFor({ samplingRate: 0.5, steps: 1000, delta: 1e-6, targetEpsilon: 3 }),
);
for (const sigma of [0.5, 2, 10, 50, 1000]) {
  row(`sampleDiscreteGaussian σ=${sigma}, 100k`, () => sampleDiscreteGaussian(sigma * sigma, 100_000), {
    count: 100_000,
    unit: 'samples',
  });
}
row('sampleDiscreteGaussian σ²=0.1 (exact dyadic, BigInt path), 100k', () => sampleDiscreteGaussian(0.1, 100_000), {
  count: 100_000,
  unit: 'samples',
});
row('gaussianNoise σ=1, 1M', () => gaussianNoise(1_000_000, 1), { count: 1_000_000, unit: 'samples' });
const update = Float32Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i));
row('clipL2 Float32Array, 1M entries', () => clipL2(update, 1), { count: 1_000_000, unit: 'entries' });

const distributed = { clipNorm: 1, dimension: 8192, minClients: 60, maxClients: 1000 };
const plan = planDistributedDp({ ...distributed, noiseMultiplier: 1 });
const deviceUpdate = Float32Array.from({ length: 8192 }, (_, i) => Math.sin(i) / 50);
const encoded = encodeDistributedUpdate(deviceUpdate, plan, 1);
row('planDistributedDp, d=8192', () => planDistributedDp({ ...distributed, noiseMultiplier: 1 }));
row('encodeDistributedUpdate, d=8192 (σ_loc² ≈ 7e12)', () => encodeDistributedUpdate(deviceUpdate, plan, 1), { count: 8192, unit: 'entries' });
row('decodeDistributedSum, d=8192', () => decodeDistributedSum(encoded.values, { ...plan, minClients: 1 }, 1, 1), { count: 8192, unit: 'entries' });
row('computeDistributedRdp, 156 default orders, q=0.01', () => computeDistributedRdp({ samplingRate: 0.01, plan, steps: 1000 }));
row('noiseMultiplierForDistributed, q=0.01 T=1000 ε=3 δ=1e-6', () =>
  noiseMultiplierForDistributed({ ...distributed, samplingRate: 0.01, steps: 1000, delta: 1e-6, targetEpsilon: 3 }),
);

console.log(`node ${process.version}, best of ${RUNS}\n`);
console.log('| operation | time | rate |\n| --- | ---: | ---: |');
for (const [label, ms, rate] of rows) console.log(`| ${label} | ${ms.toFixed(1)} ms | ${rate} |`);
