/**
 * @packageDocumentation
 * The Conclave wire format. `conclave.proto` is the source; the static protobufjs code under
 * `src/generated/` is produced from it and committed. Every frame is one `Envelope` holding
 * exactly one message; decoding enforces hard size caps and names what was wrong. Weights and
 * updates travel as raw little-endian float32 bytes split into chunks.
 *
 * @example
 * ```ts
 * import { encodeFrame, decodeFrame, PROTOCOL_VERSION } from '@conclave/proto';
 * const bytes = encodeFrame('hello', { protocolVersion: PROTOCOL_VERSION, sdkVersion: '0.1.0', publicKey });
 * const frame = decodeFrame(bytes); // { body: 'hello', message: { protocolVersion: 1, ... } }
 * ```
 */
export { encodeFrame, decodeFrame } from './codec.ts';
export type { Envelope, BodyName, BodyOf, Frame } from './codec.ts';
export { ProtoError, WIRE_ERROR_CODES, isWireErrorCode } from './errors.ts';
export type { WireErrorCode } from './errors.ts';
export { DEFAULT_LIMITS, DEFAULT_CHUNK_BYTES } from './limits.ts';
export type { WireLimits } from './limits.ts';
export { PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, checkProtocolVersion } from './version.ts';
export { float32ToBytes, readFloat32Into, chunks } from './tensor-bytes.ts';
import { conclave } from './generated/conclave.js';
/** Plan kinds (TRAIN = 0, EVALUATE = 1). */
export const PlanKind = conclave.v1.Plan.Kind;
export type IPlan = conclave.v1.IPlan;
export type ICheckIn = conclave.v1.ICheckIn;
export type ISelected = conclave.v1.ISelected;
export { authMessage, deviceIdFor } from './identity.ts';
export { ReasonCode, REASON_CODE_NAMES, isReasonCode, reasonCodeName } from './reason-codes.ts';
export type { ReasonCodeName } from './reason-codes.ts';
export * from './trust/index.ts';
export * from './trust/transparency.ts';
