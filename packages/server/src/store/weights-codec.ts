import { ServerError } from '../errors.ts';

/** Model weights as stored (little-endian float32 bytes), copied out so the result owns an aligned buffer. */
export function toFloat32(bytes: Uint8Array): Float32Array {
  if (bytes.length % 4 !== 0) throw new ServerError('STORE_CORRUPT', `model blob has ${bytes.length} bytes, not a multiple of 4`);
  const out = new Float32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** The bytes of model weights as stored, without a copy. */
export function toBytes(values: Float32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}
