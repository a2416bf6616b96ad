/** Masked vectors travel as little-endian uint32 bytes (protobuf `bytes`). */
import { SecAggError } from './errors.ts';
import { LITTLE_ENDIAN, fromLittleEndian } from './prg.ts';

export function vectorToBytes(vector: Uint32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
  const out = new Uint8Array(vector.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < vector.length; i++) view.setUint32(4 * i, vector[i] as number, true);
  return out;
}

/** A Uint32Array over the bytes (copying only if misaligned, e.g. a slice of a protobuf buffer). */
export function bytesToVector(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new SecAggError('WRONG_LENGTH', `${bytes.length} bytes is not a whole number of uint32 values`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return fromLittleEndian(LITTLE_ENDIAN ? new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4) : new Uint32Array(aligned.slice().buffer));
}
