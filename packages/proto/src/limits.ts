/** Hard caps on what a decoder accepts. Both peers enforce them. */
export interface WireLimits {
  /** Largest Envelope frame, in bytes. @default 1_048_576 + 1_024 */
  maxFrameBytes: number;
  /** Largest `data` of one ModelChunk or UploadChunk. @default 1_048_576 */
  maxChunkBytes: number;
  /** Longest identifier or reason string (task ids, device ids, codes, reasons). @default 256 */
  maxStringLength: number;
  /** Longest JSON document inside a Plan (topology, features). @default 262_144 */
  maxJsonLength: number;
  /** Most streams or cached models a CheckIn may list. @default 64 */
  maxListLength: number;
  /** Largest model or update, in bytes. @default 268_435_456 (64M float32 values) */
  maxModelBytes: number;
}

/** Default chunk size for weights and updates: large enough that framing overhead is tiny. */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;

export const DEFAULT_LIMITS: Readonly<WireLimits> = Object.freeze({
  maxFrameBytes: 1_048_576 + 1_024,
  maxChunkBytes: 1_048_576,
  maxStringLength: 256,
  maxJsonLength: 262_144,
  maxListLength: 64,
  maxModelBytes: 268_435_456,
});
