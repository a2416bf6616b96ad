/**
 * Canonical bytes of a signed statement: a domain-separation context, a zero byte, then each
 * field in a fixed order, length-prefixed (strings and byte strings: u32 big-endian length, then
 * the bytes; integers: u64 big-endian). One statement kind can never be read as another (the
 * context differs), and no two field lists encode to the same bytes (every field is delimited).
 */
export type SignedField =
  | { readonly bytes: Uint8Array }
  | { readonly text: string }
  | { readonly u64: number };

const utf8 = new TextEncoder();

/** `context ‖ 0x00 ‖ field…` as described above. */
export function signedBytes(context: string, fields: readonly SignedField[]): Uint8Array {
  const parts: Uint8Array[] = [utf8.encode(context), new Uint8Array([0])];
  for (const field of fields) {
    if ('u64' in field) {
      if (!Number.isSafeInteger(field.u64) || field.u64 < 0) throw new RangeError(`${field.u64} is not a non-negative safe integer`);
      const out = new Uint8Array(8);
      const view = new DataView(out.buffer);
      view.setUint32(0, Math.floor(field.u64 / 2 ** 32), false);
      view.setUint32(4, field.u64 >>> 0, false);
      parts.push(out);
    } else {
      const body = 'text' in field ? utf8.encode(field.text) : field.bytes;
      const len = new Uint8Array(4);
      new DataView(len.buffer).setUint32(0, body.length, false);
      parts.push(len, body);
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
