/** Structural checks shared by the client and server handlers; each throws a SecAggError. */
import { bytesEqual } from './bytes.ts';
import { SecAggError, type SecAggErrorCode } from './errors.ts';
import { ROUND_ID_LENGTH } from './messages.ts';

export function fail(code: SecAggErrorCode, message: string, clientId?: number): never {
  throw new SecAggError(code, message, clientId === undefined ? {} : { clientId });
}

export function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('MALFORMED_MESSAGE', `${what} is not an object`);
  return value as Record<string, unknown>;
}

export function requireBytes(value: unknown, what: string, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) fail('MALFORMED_MESSAGE', `${what} is not a byte array`);
  if (length !== undefined && value.length !== length) fail('WRONG_LENGTH', `${what} has ${value.length} bytes, expected ${length}`);
  return value;
}

export function requireArray(value: unknown, what: string, maxLength: number): readonly unknown[] {
  if (!Array.isArray(value)) fail('MALFORMED_MESSAGE', `${what} is not a list`);
  if (value.length > maxLength) fail('MALFORMED_MESSAGE', `${what} has ${value.length} entries, at most ${maxLength} allowed`);
  return value;
}

export function requireClientId(value: unknown, what: string, cohortSize: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > cohortSize) {
    fail('MALFORMED_MESSAGE', `${what} ${String(value)} is not a client id in 1…${cohortSize}`);
  }
  return value;
}

/** A message of another round is a replay across rounds. */
export function requireRoundId(value: unknown, roundId: Uint8Array): void {
  const got = requireBytes(value, 'roundId', ROUND_ID_LENGTH);
  if (!bytesEqual(got, roundId)) fail('REPLAYED', 'message belongs to another round');
}

/** Strictly ascending client ids (so lists are canonical, duplicate-free and cheap to compare). */
export function requireAscendingIds(value: unknown, what: string, cohortSize: number): readonly number[] {
  const list = requireArray(value, what, cohortSize);
  let previous = 0;
  for (const id of list) {
    const v = requireClientId(id, `${what} entry`, cohortSize);
    if (v <= previous) fail('MALFORMED_MESSAGE', `${what} is not strictly ascending at ${v}`);
    previous = v;
  }
  return list as readonly number[];
}
