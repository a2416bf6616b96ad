/**
 * Argument checks shared by the distributed discrete Gaussian modules: each names the field
 * and the value it got. The ring and dimension limits live here because the checks enforce them.
 */
import { DpError, formatValue } from '../errors.ts';

/** Ring bits a plan may use: 8 to 32 (the secure-aggregation ring is 32 bits). */
export const MIN_RING_BITS = 8;
export const MAX_RING_BITS = 32;

/** Longest update accepted (2^28 entries: a 2 GiB Float64Array once padded). */
export const MAX_DIMENSION = 2 ** 28;

export function checkObject(value: unknown, name: string): void {
  if (typeof value !== 'object' || value === null) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an object, got ${formatValue(value)}`);
  }
}

export function checkPositiveFinite(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !(value > 0 && value < Infinity)) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a finite number > 0, got ${formatValue(value)}`);
  }
}

export function checkPositiveInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a positive integer, got ${formatValue(value)}`);
  }
}

export function checkBits(bits: unknown, name: string): asserts bits is number {
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < MIN_RING_BITS || bits > MAX_RING_BITS) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an integer in [${MIN_RING_BITS}, ${MAX_RING_BITS}], got ${formatValue(bits)}`);
  }
}

export function checkSeed(seed: unknown, name: string): asserts seed is number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an integer in [0, 2^32), got ${formatValue(seed)}`);
  }
}

export function checkPowerOfTwo(value: unknown, name: string): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 1 ||
    value > MAX_DIMENSION ||
    nextPowerOfTwo(value) !== value
  ) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a power of two in [1, 2^28], got ${formatValue(value)}`);
  }
}

export function checkNumericVector(v: unknown, name: string): number {
  const ok =
    Array.isArray(v) ||
    (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array));
  if (!ok) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an array or typed array of numbers, got ${formatValue(v)}`);
  }
  return (v as ArrayLike<number>).length;
}

export function checkFiniteVector(v: unknown, name: string): number {
  const n = checkNumericVector(v, name);
  const a = v as ArrayLike<unknown>;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new DpError('INVALID_ARGUMENT', `${name}[${i}] must be a finite number, got ${formatValue(x)}`);
    }
  }
  return n;
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
