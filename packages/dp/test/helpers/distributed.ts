/**
 * Shared by the distributed discrete Gaussian tests (test/distributed/*.test.ts): the
 * independent reference of fixtures/distributed-reference.py (the rotation as a dense scipy
 * Hadamard product with signs from a separate Python xoshiro128**, and the RDP summed directly
 * with 50-digit mpmath), an assertion on DpError codes, and deterministic test vectors.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { DpError } from '../../src/index.ts';

export interface Reference {
  generator: string;
  rotations: { x: number[]; seed: number; paddedDimension: number; signWords: number[]; y: number[] }[];
  rdp: {
    plan: { l2Sensitivity: number; l1Sensitivity: number; localSigma2: number; minClients: number; paddedDimension: number };
    samplingRate: number;
    tau: string;
    orders: number[];
    rdp: string[];
  }[];
}

export const reference = JSON.parse(
  readFileSync(new URL('../fixtures/distributed-reference.json', import.meta.url), 'utf8'),
) as Reference;

export function expectDpError(fn: () => unknown, code: string, message: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DpError);
  expect((thrown as DpError).code).toBe(code);
  expect((thrown as DpError).message).toMatch(message);
}

/** The L2 norm. */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
  return Math.sqrt(s);
}

/** Deterministic test vectors with entries of both signs. */
export function vector(length: number, salt: number, amplitude = 1): Float64Array {
  return Float64Array.from({ length }, (_, i) => amplitude * Math.sin(1.7 * i + salt) * Math.cos(0.31 * i * salt + 1));
}

/** The default headroom in standard deviations (2D·e^{−k²/2} = 2^−40), as documented. */
export const defaultK = (D: number) => Math.sqrt(2 * Math.log((2 * D) / 2 ** -40));

/** The plan of the brief's realistic configuration. */
export const REALISTIC = { clipNorm: 1, dimension: 4097, minClients: 60, maxClients: 1000, noiseMultiplier: 1 };
