/**
 * The one error class of `@conclave/secagg`, with a closed set of stable codes.
 *
 * Each code maps to a numeric wire code (for the protobuf `SecAggAbort` message the transport
 * will define) and, for protocol violations by a peer, a WebSocket close code in the private
 * range 4000–4999 so an adapter can close the offending connection without inventing one.
 */

export const SECAGG_ERROR_CODES = [
  /** A message is missing a field, has a field of the wrong type, or names an impossible value. */
  'MALFORMED_MESSAGE',
  /** A message arrived for a phase that is not open (too early, too late, or after the round ended). */
  'OUT_OF_PHASE',
  /** A byte field or vector has the wrong length for this round. */
  'WRONG_LENGTH',
  /** The same client sent the same phase's message twice, or a message of another round. */
  'REPLAYED',
  /** An Ed25519 signature did not verify, or an identity key was not trusted. */
  'BAD_SIGNATURE',
  /** Fewer clients than the threshold (or than the configured minimum) remain where they must. */
  'TOO_FEW_SURVIVORS',
  /** The server's lists contradict each other or what this client saw (Bonawitz et al. 2017, §4). */
  'INCONSISTENT_SERVER',
  /** Quantization settings could let a full cohort's sum wrap modulo 2^32. */
  'OVERFLOW_RISK',
  /** A round configuration or option is outside what the protocol can run securely. */
  'INVALID_CONFIG',
  /** A local input (update values, weight) is not a finite number in the accepted range. */
  'INVALID_INPUT',
  /** The transport reported the client gone (disconnect, its own timeout). */
  'DROPPED_OUT',
  /** A message came from a client id that is not in this round's cohort. */
  'UNKNOWN_CLIENT',
  /** An encrypted share failed authentication or named the wrong sender or recipient. */
  'DECRYPTION_FAILED',
  /** Shamir shares did not reconstruct a consistent secret (a bad share from some client). */
  'RECONSTRUCTION_FAILED',
  /** The round was aborted; nothing from it may be used. */
  'ROUND_ABORTED',
  /** A required primitive (WebCrypto, X25519, Ed25519) is not available in this runtime. */
  'CRYPTO_UNAVAILABLE',
] as const;

export type SecAggErrorCode = (typeof SECAGG_ERROR_CODES)[number];

interface CodeInfo {
  /** Stable number for the wire; never reuse a retired number. */
  readonly wire: number;
  /** WebSocket close code when the error is a peer's protocol violation. */
  readonly closeCode?: number;
}

export const SECAGG_ERROR_INFO: Readonly<Record<SecAggErrorCode, CodeInfo>> = {
  MALFORMED_MESSAGE: { wire: 1, closeCode: 4401 },
  OUT_OF_PHASE: { wire: 2, closeCode: 4402 },
  WRONG_LENGTH: { wire: 3, closeCode: 4403 },
  REPLAYED: { wire: 4, closeCode: 4404 },
  BAD_SIGNATURE: { wire: 5, closeCode: 4405 },
  TOO_FEW_SURVIVORS: { wire: 6 },
  INCONSISTENT_SERVER: { wire: 7, closeCode: 4407 },
  OVERFLOW_RISK: { wire: 8 },
  INVALID_CONFIG: { wire: 9 },
  UNKNOWN_CLIENT: { wire: 10, closeCode: 4410 },
  DECRYPTION_FAILED: { wire: 11, closeCode: 4411 },
  RECONSTRUCTION_FAILED: { wire: 12 },
  ROUND_ABORTED: { wire: 13 },
  CRYPTO_UNAVAILABLE: { wire: 14 },
  INVALID_INPUT: { wire: 15 },
  DROPPED_OUT: { wire: 16 },
};

export interface SecAggErrorOptions {
  /** The client the error is about (the sender of a bad message, the owner of a bad share). */
  readonly clientId?: number;
  readonly cause?: unknown;
}

export class SecAggError extends Error {
  override readonly name = 'SecAggError';
  readonly code: SecAggErrorCode;
  readonly clientId: number | undefined;

  constructor(code: SecAggErrorCode, message: string, options: SecAggErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.clientId = options.clientId;
  }

  /** Normalises any throwable at a boundary: SecAggErrors pass through, others get `fallback`. */
  static from(error: unknown, fallback: SecAggErrorCode, clientId?: number): SecAggError {
    if (error instanceof SecAggError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new SecAggError(fallback, message, clientId === undefined ? { cause: error } : { cause: error, clientId });
  }
}

export function isSecAggError(value: unknown, code?: SecAggErrorCode): value is SecAggError {
  return value instanceof SecAggError && (code === undefined || value.code === code);
}
