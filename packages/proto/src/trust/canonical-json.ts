/**
 * Canonical JSON (RFC 8785, the JSON Canonicalization Scheme) for the parameter groups a task
 * approval signs: object members sorted by their UTF-16 code units, no whitespace, strings as
 * `JSON.stringify` writes them and numbers in ECMAScript's shortest round-trip form (RFC 8785
 * §3.2.2.3 adopts exactly that). Two parties that parse the same JSON value write the same bytes,
 * whatever key order or spacing the file they read had.
 */

/** A JSON value as RFC 8785 accepts it (I-JSON: finite numbers only). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Deepest nesting accepted, so a hostile document cannot exhaust the stack. */
export const MAX_CANONICAL_JSON_DEPTH = 64;

/** The canonical text of `value`; throws a RangeError naming the path of anything that is not JSON. */
export function canonicalJson(value: unknown): string {
  return write(value, '$', 0);
}

function write(value: unknown, path: string, depth: number): string {
  if (depth > MAX_CANONICAL_JSON_DEPTH) throw new RangeError(`${path}: nested deeper than ${MAX_CANONICAL_JSON_DEPTH} levels`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`${path}: ${value} is not a JSON number`);
      // -0 is written as 0 (RFC 8785 §3.2.2.3).
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`, depth + 1)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new RangeError(`${path}: a ${proto?.constructor?.name ?? 'special'} object is not JSON`);
      const keys = Object.keys(value).sort();
      const members: string[] = [];
      for (const key of keys) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        members.push(`${JSON.stringify(key)}:${write(v, `${path}.${key}`, depth + 1)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new RangeError(`${path}: a ${typeof value} is not JSON`);
  }
}

/** Parses JSON text and writes it canonically; throws a RangeError naming `what` when it is not JSON. */
export function canonicalizeJsonText(text: string, what: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new RangeError(`${what} is not JSON: ${(err as Error).message}`);
  }
  return canonicalJson(parsed);
}
