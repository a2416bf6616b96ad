import { decodeDistributedSum, planDistributedDp } from '@conclave/dp';
import { decodeEvaluation, dequantizeSum, evaluationFromVectorSum } from '@conclave/secagg';
import { describe, expect, it } from 'vitest';
import { deviceEvaluation, evaluationInput, evaluationWords } from '../src/evaluation-encoding.ts';

const encoding = (maxWeight: number) => ({ quant: { clipRange: 1, bits: 20, maxWeight }, cohortSize: 50, metricsEntries: 0 });
const devices = [
  { examples: 4, loss: 0.5, accuracy: 0.75 },
  { examples: 2, loss: 1.5, accuracy: 0.5 },
  { examples: 0, loss: 0, accuracy: 0 },
];
const add = (rows: Uint32Array[]) => rows.reduce((acc, r) => acc.map((x, i) => (x + r[i]!) >>> 0), new Uint32Array(rows[0]!.length));

describe('evaluation through secure aggregation', () => {
  it('without DP: exact sums of examples, loss and correct predictions', () => {
    const plan = { maxEvalExamples: 16 };
    expect(evaluationWords(plan)).toBe(3);
    const sum = add(devices.map((d) => evaluationInput(d, plan, encoding(1000))));
    const e = decodeEvaluation(sum, { maxExamples: 16, cohortSize: 50, survivors: 3 });
    expect(e.examples).toBe(6);
    expect(e.correct).toBe(4);
    expect(e.evalLoss).toBeCloseTo((4 * 0.5 + 2 * 1.5) / 6, 4);
  });

  it('central DP: a quantized vector of norm ≤ 1 with its weight; the coordinator reads the sums back', () => {
    const plan = { maxEvalExamples: 4, noiseMultiplier: 1 };
    expect(evaluationWords(plan)).toBe(4);
    const rows = devices.map((d) => evaluationInput(d, plan, encoding(1)));
    expect(rows.every((r) => r.length === 4 && r[3] === 1)).toBe(true);
    const sum = dequantizeSum(add(rows).subarray(0, 3), { clipRange: 1, bits: 20, survivors: 3 });
    // The device scaled its vector by the quantization-safe norm (just under 1).
    const e = evaluationFromVectorSum(Array.from(sum, (x) => x / 0.9999), 4);
    expect(e.examples).toBeCloseTo(6, 1);
    expect(e.evalAccuracy).toBeCloseTo(4 / 6, 1);
    expect(() => evaluationInput(devices[0]!, plan, encoding(1000))).toThrow(/max weight 1, the round asks for 1000/);
  });

  it('distributed DP: the vector encoded with the device’s own noise share, and a count entry', () => {
    const dd = planDistributedDp({ clipNorm: 1, dimension: 3, minClients: 3, maxClients: 50, noiseMultiplier: 0.01 });
    const distributedDp = { ...dd, rotationSeed: 7 };
    const plan = { maxEvalExamples: 4, noiseMultiplier: 0.01, distributedDp };
    expect(evaluationWords(plan)).toBe(dd.paddedDimension + 1);
    const rows = devices.map((d) => evaluationInput(d, plan, encoding(1)));
    const sum = add(rows);
    expect(sum[dd.paddedDimension]).toBe(3);
    const decoded = decodeDistributedSum(sum.subarray(0, dd.paddedDimension), dd, 7, 3);
    const e = evaluationFromVectorSum(decoded.sum.subarray(0, 3), 4);
    expect(e.examples).toBeCloseTo(6, 0);
    expect(e.evalAccuracy!).toBeCloseTo(4 / 6, 1);
  });

  it('turns mean loss and accuracy into sums', () => {
    expect(deviceEvaluation({ examples: 4, loss: 0.5, accuracy: 0.75 })).toEqual({ examples: 4, lossSum: 2, correct: 3 });
    expect(deviceEvaluation({ examples: -1, loss: 0.5, accuracy: 0.75 })).toEqual({ examples: 0, lossSum: 0, correct: 0 });
  });
});
