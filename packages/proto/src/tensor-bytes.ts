/**
 * Weights and updates travel as raw little-endian float32 bytes, never JSON or base64.
 * On little-endian hosts (every platform Conclave targets) encoding is a zero-copy view.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The little-endian bytes of `values` (a view when the host is little-endian). */
export function float32ToBytes(values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return out;
}

/** Reads little-endian float32 bytes into `target` starting at element `offset / 4`. */
export function readFloat32Into(target: Float32Array, byteOffset: number, bytes: Uint8Array): void {
  if (byteOffset % 4 !== 0 || bytes.byteLength % 4 !== 0) {
    throw new RangeError(`float32 data must be 4-byte aligned: offset ${byteOffset}, length ${bytes.byteLength}`);
  }
  if (byteOffset + bytes.byteLength > target.byteLength) {
    throw new RangeError(`float32 data ends at byte ${byteOffset + bytes.byteLength}, target has ${target.byteLength}`);
  }
  const dest = new Uint8Array(target.buffer, target.byteOffset + byteOffset, bytes.byteLength);
  if (LITTLE_ENDIAN) {
    dest.set(bytes);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = byteOffset / 4;
  for (let i = 0; i < bytes.byteLength / 4; i++) target[start + i] = view.getFloat32(i * 4, true);
}

/** Splits `bytes` into views of at most `chunkBytes` (a multiple of 4). */
export function* chunks(bytes: Uint8Array, chunkBytes: number): Generator<{ offset: number; data: Uint8Array }> {
  if (chunkBytes <= 0 || chunkBytes % 4 !== 0) throw new RangeError(`chunkBytes must be a positive multiple of 4, got ${chunkBytes}`);
  for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) {
    yield { offset, data: bytes.subarray(offset, Math.min(offset + chunkBytes, bytes.byteLength)) };
  }
}
